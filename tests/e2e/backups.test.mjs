// Earlier versions and the reminder to export: File › Restore an earlier version… brings back
// the data as it was before it was cleared, after a reload, as one undoable step; a program
// not exported for two weeks gets a reminder.
import {
  assert, click, documentJson, menu, messages, readableText, screenshot, waitForApp, waitForDocument, waitForFrames,
  waitForItem,
} from './harness.mjs';

// The versions listed in the dialog, newest first: [{label, full_label}].
async function listedVersions(page) {
  const items = await page.evaluate(() => window.flipside.items());
  return items.filter((i) => i.visible && /##version\d+$/.test(i.full_label || ''));
}

async function waitForSave(page) {
  await page.waitForTimeout(1600);  // autosave waits for a pause in editing
  await waitForFrames(page, 2);
}

export const tests = [
  {
    name: 'cleared data comes back from an earlier version after a reload, and Undo takes the restore back',
    async run(t) {
      const { page } = await t.openApp();
      const demo = await documentJson(page);
      assert(demo.participants.length === 40, `the demo has ${demo.participants.length} people`);
      await waitForSave(page);
      await menu(page, 'File', 'Clear all data');
      await click(page, 'Clear all data', { window: 'Clear all data?' });
      await waitForDocument(page, (d) => d.participants.length === 0, 'no people after Clear all data');
      await waitForSave(page);
      await page.reload();
      await waitForApp(page);
      assert((await documentJson(page)).participants.length === 0, 'the cleared state was not what the reload showed');

      await menu(page, 'File', 'Restore an earlier version…');
      await waitForItem(page, 'Restore this version');
      const versions = await listedVersions(page);
      assert(versions.length >= 1, 'no earlier version is listed');
      assert(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/.test(versions[0].label),
             `a version is labelled "${versions[0].label}"`);
      await click(page, versions[0].label);
      const about = await readableText(page, 'version-summary');
      assert(about && about.includes('40 people'), `the picked version is described as "${about}"`);
      await screenshot(page, 'restore-earlier-version');
      await click(page, 'Restore this version');
      const restored = await waitForDocument(page, (d) => d.participants.length === 40, 'the 40 people restored');
      assert(JSON.stringify(restored.participants) === JSON.stringify(demo.participants),
             'the restored people differ from the ones that were saved');
      assert((await messages(page)).some((m) => m.text.startsWith('Restored the version of')),
             'no message says what was restored');

      await page.keyboard.press('Control+z');
      await waitForDocument(page, (d) => d.participants.length === 0, 'the cleared state back after Ctrl+Z');
      await page.keyboard.press('Control+Shift+z');
      await waitForDocument(page, (d) => d.participants.length === 40, 'the restore again after Ctrl+Shift+Z');
      await waitForSave(page);
      await page.reload();
      await waitForApp(page);
      assert((await documentJson(page)).participants.length === 40, 'the restored data did not survive a reload');
    },
  },
  {
    name: 'a paired program not exported for two weeks gets a reminder, and an export stops it',
    async run(t) {
      const profile = t.newProfile();
      {
        const { context, page } = await t.openApp({ profile });
        await waitForSave(page);
        // Two weeks and a day ago this browser first held the data; it was never exported.
        const since = Math.floor(Date.now() / 1000) - 15 * 86400;
        // (A 40-person program lives in localStorage.)
        await page.evaluate((text) => window.localStorage.setItem('flipside/default/export-reminder', text),
                            `exported 0\nreminded 0\nsince ${since}\n`);
        await context.close();
      }
      const { page } = await t.openApp({ profile });
      await waitForFrames(page, 3);
      const reminder = (await messages(page)).find((m) => m.title === 'Time to export a copy');
      assert(reminder, 'no reminder to export');
      assert(reminder.text.includes('never been exported'), `the reminder says "${reminder.text}"`);
      await screenshot(page, 'export-reminder');
      await page.reload();
      await waitForApp(page);
      await waitForFrames(page, 3);
      assert(!(await messages(page)).some((m) => m.title === 'Time to export a copy'),
             'the reminder came again the same week');
    },
  },
];
