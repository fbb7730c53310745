// Files that are not valid Flipside documents are refused whole, with a message naming the
// file, and nothing in the document changes. Bad input never stops the app.
import fs from 'node:fs';

import { assert, click, documentJson, documentText, firstDifference, messages, waitForFrames, waitForItem } from './harness.mjs';
import { dropFile, importFile } from './import-export.test.mjs';

async function expectRefused(page, fileName, before) {
  await waitForItem(page, 'Import refused');
  const notes = await messages(page);
  const refusal = notes.find((m) => m.kind === 'error' && m.text.includes(fileName));
  assert(refusal, `no error message names "${fileName}": ${JSON.stringify(notes)}`);
  const after = await documentText(page);
  assert(after === before, `the document changed: ${firstDifference(JSON.parse(after), JSON.parse(before))}`);
  await waitForFrames(page, 3);  // still drawing
  return refusal;
}

async function dismissDialog(page) {
  await click(page, 'OK', { window: 'Import refused' });
}

export const tests = [
  {
    name: 'a file that is not JSON is refused with a message naming it',
    async run(t) {
      const { page } = await t.openApp();
      const before = await documentText(page);
      await importFile(page, t.scratchFile('meeting-notes.json', 'Notes from Tuesday: {not json at all'));
      await expectRefused(page, 'meeting-notes.json', before);
      await dismissDialog(page);
    },
  },
  {
    name: 'a JSON file with a dangling manager id is refused, naming the file and the problem',
    async run(t) {
      const { page } = await t.openApp();
      const before = await documentText(page);
      const broken = JSON.parse(before);
      broken.participants[0].manager_id = 'P9999';
      await importFile(page, t.scratchFile('roster-dangling-manager.json', JSON.stringify(broken, null, 2)));
      const refusal = await expectRefused(page, 'roster-dangling-manager.json', before);
      assert(refusal.details.some((d) => d.includes('/participants/0/manager_id')),
             `the problem is not pointed at: ${JSON.stringify(refusal.details)}`);
    },
  },
  {
    name: 'binary garbage and an empty file dropped on the page are refused without a crash',
    async run(t) {
      const { page } = await t.openApp();
      const before = await documentText(page);
      let garbage = '';
      for (let i = 0; i < 4096; i += 1) garbage += String.fromCharCode((i * 7919) % 65535);
      await dropFile(page, 'photo.jpg', garbage);
      await expectRefused(page, 'photo.jpg', before);
      await dismissDialog(page);
      await dropFile(page, 'empty.json', '');
      await expectRefused(page, 'empty.json', before);
      assert(JSON.stringify(await documentJson(page)) === JSON.stringify(JSON.parse(before)), 'document changed');
    },
  },
  {
    name: 'a file over 256 MiB is refused before it is read (an 87 MB program is not)',
    async run(t) {
      const { page } = await t.openApp();
      const before = await documentText(page);
      const file = t.scratchFile('huge-export.json', '');
      fs.truncateSync(file, 257 * 1024 * 1024);  // sparse: costs no disk
      await importFile(page, file);
      await page.waitForFunction(() => window.flipside.messages().some((m) => m.text.includes('huge-export.json')),
                                 null, { timeout: 10000 });
      const notes = await messages(page);
      const refusal = notes.find((m) => m.text.includes('huge-export.json'));
      assert(refusal.kind === 'error' && /too large/.test(refusal.text), `unexpected message: ${refusal.text}`);
      assert(await documentText(page) === before, 'the document changed');
    },
  },
];
