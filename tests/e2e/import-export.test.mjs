// Export to a file, import it elsewhere: the document arrives whole and identical.
import fs from 'node:fs';

import { addPerson } from './persistence.test.mjs';
import { assert, click, documentJson, firstDifference, menu, messages, waitForFrames, waitForItem } from './harness.mjs';

// Exports through File > Export JSON… and returns the downloaded file's name and text.
export async function exportDocument(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    menu(page, 'File', 'Export JSON…'),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

// Imports through File > Import JSON… and the browser's file chooser.
export async function importFile(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 20000 }),
    menu(page, 'File', 'Import JSON…'),
  ]);
  await chooser.setFiles(file);
  await waitForFrames(page, 5);
}

// Drops a file on the page the way a browser does for a drag from the desktop. Returns whether
// the drop hint was showing during the drag.
export async function dropFile(page, name, text) {
  const hintShown = await page.evaluate(([fileName, content]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], fileName, { type: 'application/json' }));
    const canvas = document.getElementById('canvas');
    const fire = (type) => canvas.dispatchEvent(new DragEvent(type, {
      dataTransfer: transfer, bubbles: true, cancelable: true, clientX: 400, clientY: 300,
    }));
    fire('dragenter');
    fire('dragover');
    const shown = !document.getElementById('drop-hint').hidden;
    fire('drop');
    return shown && document.getElementById('drop-hint').hidden;
  }, [name, text]);
  await waitForFrames(page, 5);
  return hintShown;
}

export const tests = [
  {
    name: 'export, then import in a fresh profile (file chooser and drag-and-drop) gives the same document',
    async run(t) {
      const source = await t.openApp();
      // Make the document differ from the demo a fresh profile starts with.
      await addPerson(source.page, 'Nguyễn Thị Hương', 'huong.nguyen@example.com');
      const original = await documentJson(source.page);
      const exported = await exportDocument(source.page);
      assert(/\.json$/.test(exported.name), `download is called "${exported.name}"`);
      const difference = firstDifference(JSON.parse(exported.text), original);
      assert(!difference, `the exported file differs from the document: ${difference}`);
      const file = t.scratchFile(exported.name, exported.text);

      const chooserTarget = await t.openApp();
      await importFile(chooserTarget.page, file);
      const viaChooser = await documentJson(chooserTarget.page);
      const chooserDifference = firstDifference(viaChooser, original);
      assert(!chooserDifference, `imported (file chooser) document differs: ${chooserDifference}`);
      const notes = await messages(chooserTarget.page);
      assert(notes.some((m) => m.kind === 'info' && m.text.includes(exported.name)),
             `no message names the imported file: ${JSON.stringify(notes)}`);

      const dropTarget = await t.openApp();
      const hintShown = await dropFile(dropTarget.page, exported.name, exported.text);
      assert(hintShown, 'the drop hint did not show while dragging, or stayed after the drop');
      const viaDrop = await documentJson(dropTarget.page);
      const dropDifference = firstDifference(viaDrop, original);
      assert(!dropDifference, `imported (drag-and-drop) document differs: ${dropDifference}`);
    },
  },
  {
    name: 'an import can be undone from the Edit menu',
    async run(t) {
      const { page } = await t.openApp();
      const before = await documentJson(page);
      const smaller = { ...before, participants: before.participants.slice(0, 0), pairs: [], sessions: [], feedback: [] };
      await dropFile(page, 'empty-roster.json', JSON.stringify(smaller));
      const imported = await documentJson(page);
      assert(imported.participants.length === 0, `import did not replace the roster (${imported.participants.length} people)`);
      await click(page, 'Edit');
      await click(page, 'Undo', { window: '' });
      await waitForItem(page, 'People');
      const undone = await documentJson(page);
      const difference = firstDifference(undone, before);
      assert(!difference, `undo did not restore the document: ${difference}`);
    },
  },
];
