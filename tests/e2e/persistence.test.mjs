// Edits made through the interface are kept in the browser's storage across reloads.
import { assert, click, documentJson, screenshot, typeInto, waitForApp, waitForFrames } from './harness.mjs';

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
    name: 'an edit is saved when the tab is closed before autosave (pagehide flush)',
    async run(t) {
      // Autosave waits for a short pause in editing, measured with performance.now(). Holding
      // that clock still keeps autosave from ever becoming due, so only pagehide can save.
      const { context, page } = await t.openApp({
        initScript: () => {
          const realNow = performance.now.bind(performance);
          let frozenAt = null;
          performance.now = () => (frozenAt === null ? realNow() : frozenAt);
          window.__freezeClock = () => { frozenAt = realNow(); };
        },
      });
      await page.evaluate(() => window.__freezeClock());
      await addPerson(page, 'Łukasz Wróbel', 'lukasz.wrobel@example.com');
      await page.waitForTimeout(1500);
      const storedEarly = await page.evaluate(() => Object.values(window.localStorage).some((v) => v.includes('Łukasz')));
      assert(!storedEarly, 'the edit was saved although autosave could not be due yet');
      // Closing the tab fires pagehide, which must save at once. (With runBeforeUnload,
      // close() returns before the tab is gone: wait for that.)
      const closed = new Promise((resolve) => page.once('close', resolve));
      await page.close({ runBeforeUnload: true });
      await closed;
      // A new tab of the same browser (same profile, same localStorage) opens the app again.
      const again = await context.newPage();
      await again.goto(t.baseUrl);
      await waitForApp(again);
      const document = await documentJson(again);
      assert(hasPerson(document, 'Łukasz Wróbel'), 'the edit made just before closing the tab was lost');
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
