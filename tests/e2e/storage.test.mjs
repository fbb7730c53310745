// The browser's localStorage as the app sees it: usage readout, and a full store.
import { addPerson } from './persistence.test.mjs';
import { assert, documentJson, screenshot } from './harness.mjs';

// Another page of the same site fills the origin's localStorage to the last byte.
async function fillLocalStorage(page) {
  await page.evaluate(() => {
    let index = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 8]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`other-app/${index++}`, chunk);
        } catch {
          break;  // QuotaExceededError: try smaller pieces
        }
      }
    }
  });
}

async function saveStatus(page) {
  return page.evaluate(() => window.flipside.saveStatus());
}

export const tests = [
  {
    name: 'storage usage counts UTF-16 bytes of this namespace against a 10 MiB estimate',
    async run(t) {
      const { page } = await t.openApp({ query: '?ns=usage-check' });
      await page.evaluate(() => window.flipside.flush());
      const status = await saveStatus(page);
      const expected = await page.evaluate(() => Object.keys(localStorage)
        .filter((key) => key.startsWith('flipside/usage-check/'))
        .reduce((sum, key) => sum + 2 * (key.length + localStorage.getItem(key).length), 0));
      assert(expected > 0, 'nothing stored for the namespace');
      assert(status.used_bytes === expected, `used_bytes ${status.used_bytes}, localStorage holds ${expected}`);
      assert(status.quota_bytes === 10 * 1024 * 1024, `quota_bytes ${status.quota_bytes}`);
    },
  },
  {
    name: 'a full localStorage moves the data to IndexedDB by itself, and every edit is kept',
    async run(t) {
      const { page } = await t.openApp();
      await page.evaluate(() => window.flipside.flush());
      await fillLocalStorage(page);
      await addPerson(page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await addPerson(page, 'Łukasz Wróbel', 'lukasz.wrobel@example.com');
      await page.evaluate(() => window.flipside.flush());
      await page.waitForFunction(() => {
        const status = window.flipside.saveStatus();
        return !status.pending && !status.settling;
      }, null, { timeout: 15000 });
      const status = await saveStatus(page);
      assert(status.last_error === '', `unexpected save error: ${status.last_error}`);
      const backend = await page.evaluate(() => localStorage.getItem('flipside/default/backend'));
      assert(backend === 'indexedDB', `the data stayed in ${backend || 'localStorage'}`);
      await page.reload();
      await page.waitForFunction(() => { try { return window.flipside.frameCount() >= 3; } catch { return false; } });
      const names = (await documentJson(page)).participants.map((p) => p.name);
      assert(names.includes('Zoë Åkesson') && names.includes('Łukasz Wróbel'), 'edits were lost after the move');
    },
  },
  {
    name: 'a full IndexedDB is reported, the app keeps running and the previous save stays readable',
    async run(t) {
      const { context, page } = await t.openApp();
      await page.evaluate(() => window.flipside.flush());
      const before = (await documentJson(page)).participants.length;
      // This origin may keep only a few bytes more in IndexedDB than it has.
      const cdp = await context.newCDPSession(page);
      const origin = new URL(page.url()).origin;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
      // localStorage is full too, so the next save must go to IndexedDB, which refuses it.
      await fillLocalStorage(page);
      await addPerson(page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await page.waitForFunction(() => window.flipside.saveStatus().last_error !== '', null, { timeout: 15000 });
      const full = await saveStatus(page);
      assert(/full/i.test(full.last_error), `unexpected save error: ${full.last_error}`);
      await screenshot(page, 'storage-full');
      await page.reload();
      await page.waitForFunction(() => { try { return window.flipside.frameCount() >= 3; } catch { return false; } });
      const after = await documentJson(page);
      assert(after.participants.length === before, `the previous save is not what loads: ${after.participants.length} people`);
    },
  },
];
