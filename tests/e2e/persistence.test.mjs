// Edits made through the interface are kept in the browser's storage across reloads.
import { assert, click, documentJson, screenshot, typeInto, waitForFrames } from './harness.mjs';

// Adds a person with the People tab's editor, as a coordinator would.
export async function addPerson(page, name, email) {
  await click(page, 'People');
  await click(page, 'Add person');
  await typeInto(page, 'Name', name, { window: 'Editor' });
  await typeInto(page, 'E-mail', email, { window: 'Editor' });
  await click(page, 'Save changes', { window: 'Editor' });
  const document = await documentJson(page);
  const person = document.participants.find((p) => p.name === name);
  assert(person, `"${name}" is not in the document after "Save changes"`);
  assert(person.email === email, `e-mail is "${person.email}", expected "${email}"`);
  return person;
}

function hasPerson(document, name) {
  return document.participants.some((p) => p.name === name);
}

export const tests = [
  {
    name: 'a participant added through the UI survives a reload (autosave)',
    async run(t) {
      const { page } = await t.openApp();
      const before = (await documentJson(page)).participants.length;
      await addPerson(page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await page.waitForTimeout(1600);  // autosave waits for a pause in editing
      await waitForFrames(page, 2);
      await page.reload();
      await page.waitForFunction(() => {
        try { return window.flipside.frameCount() >= 3; } catch { return false; }
      });
      const after = await documentJson(page);
      assert(hasPerson(after, 'Zoë Åkesson'), 'the new person is gone after reload');
      assert(after.participants.length === before + 1, `expected ${before + 1} people, found ${after.participants.length}`);
    },
  },
  {
    name: 'an edit is saved when the page is closed right away (pagehide flush)',
    async run(t) {
      const profile = t.newProfile();
      const first = await t.openApp({ profile });
      await addPerson(first.page, 'Łukasz Wróbel', 'lukasz.wrobel@example.com');
      // No waiting for autosave: closing the tab fires pagehide, which must save.
      await first.page.close({ runBeforeUnload: true });
      await first.context.close();
      const second = await t.openApp({ profile });
      const document = await documentJson(second.page);
      assert(hasPerson(document, 'Łukasz Wróbel'), 'the edit made just before closing was lost');
    },
  },
  {
    name: 'names in many scripts are typed, stored and shown',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1280, height: 1200 } });
      const names = ['Nguyễn Thị Hương', 'Αλέξανδρος Παπαδόπουλος', 'Ольга Смирнова'];
      for (const [i, name] of names.entries()) await addPerson(page, name, `person${i}@example.com`);
      await click(page, 'People');
      for (const name of names) {
        // Each name appears as a row of the roster (scrolled into view by the search field).
        await typeInto(page, 'Search', name.split(' ')[0]);
        await click(page, name);
      }
      await typeInto(page, 'Search', '');
      await screenshot(page, 'unicode-names');
    },
  },
];
