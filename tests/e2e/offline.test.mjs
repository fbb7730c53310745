// The hosted build (build/web on a web server): after one visit a service worker has cached
// it, so it starts with the server gone and the network cut; a rebuilt app is picked up on a
// later visit without losing the data; on a plain-http intranet address (no service worker
// allowed) the app works and says why offline use is off.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { addPerson } from './persistence.test.mjs';
import { REPO_ROOT, assert, documentJson, messages, waitForApp } from './harness.mjs';

const WEB_ROOT = process.env.FLIPSIDE_WEB_ROOT || path.join(REPO_ROOT, 'build', 'web');

// Polls `check` in the page until it gives a truthy value (page.waitForFunction would take the
// promise an async check returns for a truthy answer).
async function waitInPage(page, check, arg, what, timeout = 60000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(check, arg).catch(() => false);  // a reload may be under way
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

// Waits until a service worker controls the page and has finished filling its cache.
export async function waitForServiceWorker(page) {
  await waitInPage(page, async () => {
    if (!navigator.serviceWorker.controller) return false;
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(registration && registration.active && registration.active.state === 'activated');
  }, null, 'the service worker');
}

async function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

// A copy of the hosted build to change as a new deployment would (the single file is left out).
function copyHostedBuild(t) {
  const root = path.join(t.scratch, 'site');
  fs.mkdirSync(root);
  for (const file of fs.readdirSync(WEB_ROOT)) {
    if (file === 'flipside.html') continue;
    fs.copyFileSync(path.join(WEB_ROOT, file), path.join(root, file));
  }
  return root;
}

export const tests = [
  {
    name: 'the hosted build reloads offline after one visit (service worker)',
    async run(t) {
      const server = await startServer({ root: WEB_ROOT, host: '127.0.0.1', port: 0, quiet: true });
      try {
        const { context, page } = await t.openApp({ url: server.url });
        await waitForServiceWorker(page);
        await addPerson(page, 'Nour El-Amin', 'nour.elamin@example.com');
        await page.evaluate(() => window.flipside.flush());
        // The server is gone and the browser offline: only the cache can answer.
        await server.close();
        await context.setOffline(true);
        await page.reload();
        await waitForApp(page);
        const document = await documentJson(page);
        assert(document.participants.some((p) => p.name === 'Nour El-Amin'), 'the data is gone after the offline reload');
        const notes = await messages(page);
        assert(!notes.some((m) => /Offline use is off/.test(m.text)), `offline use was reported off: ${JSON.stringify(notes)}`);
      } finally {
        await server.close().catch(() => {});
      }
    },
  },
  {
    name: 'a new version is picked up on the next visit and the data stays',
    async run(t) {
      const root = copyHostedBuild(t);
      const server = await startServer({ root, host: '127.0.0.1', port: 0, quiet: true });
      try {
        const { page } = await t.openApp({ url: server.url });
        await waitForServiceWorker(page);
        const oldCaches = await cacheNames(page);
        await addPerson(page, 'Ines Duarte', 'ines.duarte@example.com');
        await page.evaluate(() => window.flipside.flush());

        // Deploy "version 2": a changed page and, as the build does, a new worker for it.
        const index = path.join(root, 'index.html');
        fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<title>v2 · '));
        execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'web', 'write_service_worker.mjs'),
          '--template', path.join(REPO_ROOT, 'web_shell', 'flipside-sw.template.js'),
          '--root', root, '--out', path.join(root, 'flipside-sw.js')]);

        // Next visit: the browser finds the new worker, which takes over and swaps the cache.
        await page.reload();
        await waitForApp(page);
        await waitInPage(page, async (old) => {
          const names = await caches.keys();
          const registration = await navigator.serviceWorker.getRegistration();
          return names.length === 1 && !old.includes(names[0]) && registration.active.state === 'activated';
        }, oldCaches, 'the new version\'s cache');
        // The visit after that runs version 2.
        await page.reload();
        await waitForApp(page);
        const title = await page.title();
        const state = await page.evaluate(async () => {
          const names = await caches.keys();
          const cached = names.length ? await (await caches.open(names[0])).match('index.html') : null;
          return { names, cachedTitle: cached ? (await cached.text()).match(/<title>[^<]*/)[0] : null,
                   controller: navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL };
        });
        assert(title.startsWith('v2 · '), `the page is still the old version ("${title}"; ${JSON.stringify(state)}, old ${oldCaches})`);
        const document = await documentJson(page);
        assert(document.participants.some((p) => p.name === 'Ines Duarte'), 'the data was lost with the update');
      } finally {
        await server.close().catch(() => {});
      }
    },
  },
  {
    name: 'on a plain-http intranet address the app works and tells why offline use is off',
    async run(t) {
      const port = new URL(t.baseUrl).port;
      // A name for this machine that is not localhost: a plain-http page, not a secure context.
      const { page } = await t.openApp({
        url: `http://flipside.intranet.test:${port}/`,
        args: ['--host-resolver-rules=MAP flipside.intranet.test 127.0.0.1'],
      });
      const secure = await page.evaluate(() => window.isSecureContext);
      assert(!secure, 'the test address counts as a secure context');
      await page.waitForFunction(() => window.flipside.messages().some((m) => /Offline use is off/.test(m.text)),
                                 null, { timeout: 10000 });
      const note = (await messages(page)).find((m) => /Offline use is off/.test(m.text));
      assert(/https/.test(note.text) && note.kind === 'info', `unexpected message: ${JSON.stringify(note)}`);
      await addPerson(page, 'Otto Berg', 'otto.berg@example.com');  // and the app still works
    },
  },
];
