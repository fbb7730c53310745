// The store when something is wrong with it: storage switched off (some private windows), a
// sandboxed frame without an origin of its own, a damaged snapshot, a damaged journal entry, and
// a change saved by a newer version. Each gets a clear message, the app keeps running, and what
// was saved before stays readable.
import { addPerson } from './persistence.test.mjs';
import { assert, documentJson, messages, waitForApp, waitForFrames } from './harness.mjs';

const PREFIX = 'flipside/default/';

async function waitForSave(page) {
  await page.evaluate(() => window.flipside.flush());
  await page.waitForFunction(() => {
    const status = window.flipside.saveStatus();
    return !status.pending && !status.settling;
  }, null, { timeout: 30000, polling: 100 });
}

// The keys of this namespace's journal entries (not the markers), oldest first.
async function journalEntries(page) {
  return page.evaluate((prefix) => Object.keys(localStorage)
    .filter((key) => key.startsWith(`${prefix}journal/`) && !key.endsWith('/0'))
    .sort((a, b) => Number(a.split('/').pop()) - Number(b.split('/').pop())), PREFIX);
}

async function messageMatching(page, pattern) {
  return (await messages(page)).find((m) => pattern.test(m.text));
}

export const tests = [
  {
    name: 'with storage switched off the app runs, edits work, and it says they last only until the page closes',
    async run(t) {
      t.allowConsoleError(/.*/);  // the page's own attempts to reach storage may be logged
      const { page } = await t.openApp({
        initScript: () => {
          const denied = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
          Object.defineProperty(window, 'localStorage', { get: denied, configurable: true });
          Object.defineProperty(window, 'indexedDB', { get: denied, configurable: true });
        },
      });
      const warning = await messageMatching(page, /only until the page closes/);
      assert(warning, `no message says that changes will not be kept: ${JSON.stringify(await messages(page))}`);
      await addPerson(page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await waitForFrames(page, 3);
    },
  },
  {
    name: 'in a sandboxed frame without an origin of its own the app runs and says its changes are not kept',
    async run(t) {
      const { page } = await t.openApp();
      await page.setContent(`<iframe sandbox="allow-scripts" src="${t.baseUrl}" style="width:1200px;height:760px"></iframe>`);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      assert(frame, 'the frame did not load');
      await waitForApp(frame, 60000);
      const notes = await frame.evaluate(() => window.flipside.messages());
      assert(notes.some((m) => /only until the page closes/.test(m.text)),
             `the sandboxed app does not say that its changes are not kept: ${JSON.stringify(notes)}`);
    },
  },
  {
    name: 'a damaged snapshot is read from its backup copy, and a damaged journal entry is left out with a message',
    async run(t) {
      const { page } = await t.openApp();
      await waitForSave(page);
      const demo = await documentJson(page);
      const slot = await page.evaluate((prefix) => `${prefix}doc.${localStorage.getItem(`${prefix}current`)}`, PREFIX);
      await page.evaluate((key) => localStorage.setItem(key, localStorage.getItem(key).slice(0, 5000)), slot);
      await page.reload();
      await waitForApp(page);
      assert(await messageMatching(page, /backup copy was used/), 'no message says the backup copy was used');
      const recovered = await documentJson(page);
      assert(JSON.stringify(recovered) === JSON.stringify(demo), 'the data read from the copy differs from what was saved');

      await addPerson(page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await waitForSave(page);
      await addPerson(page, 'Rhiannon Quist', 'rhiannon.quist@example.com');
      await waitForSave(page);
      const entries = await journalEntries(page);
      assert(entries.length >= 1, `no journal entry after two edits: ${entries}`);
      await page.evaluate((key) => localStorage.setItem(key, '{"journal": 1, "sequence": '), entries[entries.length - 1]);
      await page.reload();
      await waitForApp(page);
      const note = await messageMatching(page, /could not be read and was left out/);
      assert(note, `no message says a saved change was left out: ${JSON.stringify(await messages(page))}`);
      const names = (await documentJson(page)).participants.map((p) => p.name);
      assert(names.includes('Zoë Åkesson'), 'the change saved before the damaged one is gone');
      assert(!names.includes('Rhiannon Quist'), 'the damaged change was applied');
    },
  },
  {
    name: 'a change saved by a newer version is kept as it is and nothing is saved over it',
    async run(t) {
      const { page } = await t.openApp();
      await waitForSave(page);
      await addPerson(page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await waitForSave(page);
      const [entry] = (await journalEntries(page)).slice(-1);
      const newer = await page.evaluate((key) => {
        const text = localStorage.getItem(key).replace('"journal":1', '"journal":99');
        localStorage.setItem(key, text);
        return text;
      }, entry);
      assert(newer.includes('"journal":99'), 'the entry could not be marked as newer');
      await page.reload();
      await waitForApp(page);
      assert(await messageMatching(page, /newer version of Flipside/), 'no message names the newer version');
      await addPerson(page, 'Rhiannon Quist', 'rhiannon.quist@example.com');
      await page.waitForTimeout(2000);
      const after = await page.evaluate((key) => localStorage.getItem(key), entry);
      assert(after === newer, 'the newer version\'s change was written over');
      const status = await page.evaluate(() => window.flipside.saveStatus());
      assert(status.blocked, `saving is not held back: ${JSON.stringify(status)}`);
    },
  },
];
