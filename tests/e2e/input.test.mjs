// Keyboard, clipboard and menus behave like a desktop application's.
import { addPerson } from './persistence.test.mjs';
import { assert, click, documentJson, typeInto, waitForFrames, waitForItem } from './harness.mjs';

export const tests = [
  {
    name: 'paste from the system clipboard into a field, copy out of it',
    async run(t) {
      const { page } = await t.openApp();
      await click(page, 'People');
      await click(page, 'Add person');
      await typeInto(page, 'Name', '');
      // What the browser does on Ctrl+V: a paste event carrying the clipboard text.
      await page.keyboard.down('Control');
      await page.keyboard.down('v');
      await page.evaluate(() => {
        const data = new DataTransfer();
        data.setData('text/plain', 'Ольга Смирнова');
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await page.keyboard.up('v');
      await page.keyboard.up('Control');
      await waitForFrames(page, 4);
      // Copy it back out: Ctrl+A, Ctrl+C; the page answers the copy event with ImGui's text.
      await page.evaluate(() => {
        window.__copied = null;
        window.addEventListener('copy', (event) => { window.__copied = event.clipboardData.getData('text/plain'); });
      });
      await page.keyboard.press('Control+A');
      await waitForFrames(page, 2);
      await page.keyboard.press('Control+C');
      await waitForFrames(page, 2);
      const copied = await page.evaluate(() => window.__copied);
      assert(copied === 'Ольга Смирнова', `copy gave ${JSON.stringify(copied)}`);
      await typeInto(page, 'E-mail', 'olga@example.com', { window: 'Editor' });
      await click(page, 'Save changes', { window: 'Editor' });
      const document = await documentJson(page);
      assert(document.participants.some((p) => p.name === 'Ольга Смирнова'), 'the pasted name was not saved');
    },
  },
  {
    name: 'Ctrl+Z undoes the last edit, and Tab or Backspace do not leave the page',
    async run(t) {
      const { page } = await t.openApp();
      const before = (await documentJson(page)).participants.length;
      await addPerson(page, 'Zoë Åkesson', 'zoe@example.com');
      await page.keyboard.press('Escape');
      await click(page, 'People');  // focus back on the app, not in a text field
      await page.keyboard.press('Tab');
      await page.keyboard.press('Backspace');
      await waitForFrames(page, 2);
      await page.keyboard.press('Control+Z');
      await waitForFrames(page, 4);
      const after = (await documentJson(page)).participants.length;
      assert(after === before, `Ctrl+Z left ${after} people, expected ${before}`);
      assert(page.url().startsWith(t.baseUrl), `the page navigated away to ${page.url()}`);
      await waitForItem(page, 'People');
    },
  },
];
