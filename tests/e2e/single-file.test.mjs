// The single-file build (build/web/flipside.html) opened from file:// with the network cut,
// as on a laptop with no server: it starts, and its data outlives a browser restart.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { addPerson } from './persistence.test.mjs';
import { REPO_ROOT, assert, documentJson, screenshot } from './harness.mjs';

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
];
