// First start: the page loads cleanly and shows the demo program.
import { assert, documentJson, waitForItem, waitForFrames } from './harness.mjs';

export const tests = [
  {
    name: 'loads with no console errors and shows the demo program',
    async run(t) {
      const { page } = await t.openApp();
      assert(await page.title() === 'Flipside — reverse mentoring programs', `title is "${await page.title()}"`);
      const document = await documentJson(page);
      const people = document.participants.length;
      assert(people >= 30 && people <= 50, `the demo program should hold about 40 people, found ${people}`);
      assert(document.programs.length >= 1, 'the demo program has no program');
      for (const label of ['File', 'Edit', 'People', 'Program', 'Matching', 'Calendar', 'Sessions', 'Dashboard']) {
        await waitForItem(page, label);
      }
      // The first demo person is listed on the People tab.
      const sorted = document.participants.map((p) => p.name).sort((a, b) => a.localeCompare(b));
      await waitForItem(page, sorted[0]);
      // The frame loop keeps running (and idles without stopping).
      await waitForFrames(page, 3);
    },
  },
  {
    name: 'an invalid storage namespace falls back to "default" and a valid one is separate',
    async run(t) {
      const profile = t.newProfile();
      const first = await t.openApp({ profile, query: '?ns=team-a' });
      await first.page.evaluate(() => window.flipside.flush());
      const keys = await first.page.evaluate(() => Object.keys(window.localStorage));
      assert(keys.some((k) => k.includes('team-a')), `no storage key for namespace team-a: ${keys.join(', ')}`);
      await first.context.close();
      const second = await t.openApp({ profile, query: '?ns=../../etc' });
      await second.page.evaluate(() => window.flipside.flush());
      const after = await second.page.evaluate(() => Object.keys(window.localStorage));
      assert(!after.some((k) => k.includes('..')), `an unsafe namespace reached storage: ${after.join(', ')}`);
      assert(after.some((k) => k.includes('default')), `no "default" namespace key: ${after.join(', ')}`);
    },
  },
];

// The page explains itself when the browser lacks what Flipside needs, instead of a blank page.
async function expectExplanation(t, initScript, pattern) {
  const { page } = await t.openApp({ initScript, wait: false });
  await page.waitForFunction(() => {
    const status = document.getElementById('status');
    return !status.hidden && status.classList.contains('error');
  }, null, { timeout: 30000 });
  const text = await page.locator('#status').innerText();
  assert(pattern.test(text), `the message does not explain the problem: ${JSON.stringify(text)}`);
}

tests.push(
  {
    name: 'without WebAssembly the page says so',
    async run(t) {
      await expectExplanation(t, () => { delete window.WebAssembly; }, /WebAssembly/);
    },
  },
  {
    name: 'without WebGL2 the page says so (API missing, or context refused)',
    async run(t) {
      await expectExplanation(t, () => { delete window.WebGL2RenderingContext; }, /WebGL2/);
      // The API exists but no context can be made (blocklisted GPU, disabled acceleration).
      await expectExplanation(t, () => {
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
        };
      }, /WebGL2/);
    },
  },
);
