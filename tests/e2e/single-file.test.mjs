// The single-file build (build/web/flipside.html) opened from file:// with the network cut,
// as on a laptop with no server: it starts, and its data outlives a browser restart.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { importFile } from './import-export.test.mjs';
import { addPerson } from './persistence.test.mjs';
import { CLI, REPO_ROOT, assert, assertEqual, documentJson, screenshot, waitForApp, waitForItem } from './harness.mjs';

const SINGLE_FILE = path.join(process.env.FLIPSIDE_WEB_ROOT || path.join(REPO_ROOT, 'build', 'web'), 'flipside.html');

// Opens the single file offline and fails the test on any request that would need a network
// (or another file): everything must be inside the one file.
async function openSingleFile(t, profile) {
  const opened = await t.openApp({ url: pathToFileURL(SINGLE_FILE).href, offline: true, profile, wait: false });
  const self = pathToFileURL(SINGLE_FILE).href;
  const outside = (url) => !url.startsWith('data:') && !url.startsWith('blob:') && url !== self;
  const later = [];
  opened.page.on('request', (request) => { if (outside(request.url())) later.push(request.url()); });
  await opened.page.waitForFunction(() => {
    try {
      return window.flipside.frameCount() >= 3 && document.getElementById('status').hidden;
    } catch {
      return false;
    }
  }, null, { timeout: 90000, polling: 100 });
  // Everything the page fetched while loading (the request listener came after that).
  const loaded = await opened.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const fetched = [...loaded.filter(outside), ...later];
  assert(fetched.length === 0, `the single file asked for ${fetched.join(', ')}`);
  return opened;
}

export const tests = [
  {
    name: 'the single file opens from file:// offline and keeps its data across a browser restart',
    async run(t) {
      const first = await openSingleFile(t, undefined);
      const scripts = await first.page.evaluate(() => Array.from(document.scripts).filter((s) => s.src).length);
      assert(scripts === 0, `${scripts} scripts are loaded from files next to the page`);
      await addPerson(first.page, 'Åsa Lindqvist', 'asa.lindqvist@example.com');
      await first.page.evaluate(() => window.flipside.flush());
      await screenshot(first.page, 'single-file-offline');
      // Quit the browser (not only the tab), then start it again on the same profile.
      await first.context.close();
      t.contexts = t.contexts.filter((c) => c !== first.context);

      const second = await openSingleFile(t, first.profile);
      const document = await documentJson(second.page);
      assert(document.participants.some((p) => p.name === 'Åsa Lindqvist'),
             'the person added before the browser restart is gone');
    },
  },
  {
    name: 'the single file keeps a program larger than localStorage in IndexedDB across a browser restart',
    timeout: 300000,
    async run(t) {
      const file = path.join(t.scratch, 'program-5000.json');
      execFileSync(CLI,
                   ['demo', '--participants', '5000', '--seed', '5', '-o', file]);
      const first = await openSingleFile(t, undefined);
      await importFile(first.page, file);
      await first.page.waitForFunction(() => window.flipside.participantCount() === 5000, null, { timeout: 120000 });
      await first.page.evaluate(() => window.flipside.flush());
      await first.page.waitForFunction(() => {
        const status = window.flipside.saveStatus();
        return !status.pending && !status.settling;
      }, null, { timeout: 120000 });
      const backend = await first.page.evaluate(() => localStorage.getItem('flipside/default/backend'));
      assert(backend === 'indexedDB', `the 5,000 people are kept in ${backend || 'localStorage'}`);
      await first.context.close();
      t.contexts = t.contexts.filter((c) => c !== first.context);

      const second = await openSingleFile(t, first.profile);
      const count = await second.page.evaluate(() => window.flipside.participantCount());
      assert(count === 5000, `after a browser restart the single file holds ${count} people`);
    },
  },
  {
    name: 'a participant drops their invitation file on the offline single file and gets their own app',
    async run(t) {
      const cli = CLI;
      const data = path.join(t.scratch, 'wave.json');
      execFileSync(cli, ['demo', '-o', data]);
      const mentee = JSON.parse(fs.readFileSync(data, 'utf8')).participants.find((p) => p.role === 'mentee');
      execFileSync(cli, ['invite', data, '--participant', mentee.id, '-o', path.join(t.scratch, 'inv')]);
      const file = path.join(t.scratch, 'inv', `${mentee.id}.flipside-invite`);
      const { page } = await openSingleFile(t, undefined);
      const reloaded = page.waitForEvent('load');
      await page.evaluate(([name, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.getElementById('canvas').dispatchEvent(new DragEvent(type, {
            dataTransfer: transfer, bubbles: true, cancelable: true, clientX: 400, clientY: 300 }));
        }
      }, [path.basename(file), fs.readFileSync(file, 'utf8')]);
      await reloaded;
      await waitForApp(page, 90000);
      assertEqual(await page.evaluate(() => window.flipside.mode()), 'participant', 'the participant\'s app');
      await waitForItem(page, 'My profile', { window: 'Participant' });
      const said = await page.evaluate(() => window.flipside.messages());
      assert(said.some((m) => m.text.startsWith(`Welcome, ${mentee.name}`)), `welcomed: ${JSON.stringify(said)}`);
      await screenshot(page, 'single-file-participant');
    },
  },
];
