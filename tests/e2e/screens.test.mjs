// Every screen draws, at 1x and at 2x device pixels. Screenshots land in build/screenshots/
// for a person to look at (crisp text, nothing clipped or overlapping).
import { assert, click, findItem, screenshot, waitForFrames, waitForItem } from './harness.mjs';

const TABS = ['People', 'Program', 'Matching', 'Calendar', 'Sessions', 'Dashboard'];

export const tests = [
  {
    name: 'each tab draws (screenshots of all six)',
    async run(t) {
      const { page } = await t.openApp();
      const contentWindows = new Set();
      for (const tab of TABS) {
        await click(page, tab);
        await waitForFrames(page, 4);
        const item = await findItem(page, tab);
        assert(item && item.visible, `tab "${tab}" vanished after clicking it`);
        // Each tab draws its screen in its own child window ("ScreenContent" under the tab's id).
        const content = await page.evaluate(() => window.flipside.items()
          .filter((i) => i.full_label === i.window && /\/ScreenContent_/.test(i.window))
          .map((i) => i.window)[0]);
        assert(content, `no screen content under tab "${tab}"`);
        assert(!contentWindows.has(content), `clicking "${tab}" did not switch screens`);
        contentWindows.add(content);
        await screenshot(page, `tab-${tab.toLowerCase()}`);
      }
    },
  },
  {
    name: 'HiDPI: at devicePixelRatio 2 the canvas has twice the pixels and layout stays in CSS pixels',
    async run(t) {
      const { page } = await t.openApp({ deviceScaleFactor: 2 });
      const size = await page.evaluate(() => {
        const canvas = document.getElementById('canvas');
        return { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect().width };
      });
      assert(size.width === Math.round(size.css * 2), `backing store ${size.width}px for ${size.css} CSS px`);
      const tab = await waitForItem(page, 'People');
      assert(tab.h > 12 && tab.h < 40, `tab height ${tab.h} CSS px: layout should not scale with the ratio`);
      await screenshot(page, 'hidpi-people');
      await click(page, 'File');
      await screenshot(page, 'hidpi-file-menu');
    },
  },
  {
    name: 'moving to a 2x screen while running re-rasterises the font for the new ratio',
    async run(t) {
      const { context, page } = await t.openApp();
      // What the browser reports when the window moves to a HiDPI screen or the user zooms.
      const session = await context.newCDPSession(page);
      await session.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
      await page.waitForFunction(() => document.getElementById('canvas').width === 2560, null, { timeout: 15000 });
      await waitForFrames(page, 3);
      const tab = await waitForItem(page, 'People');
      assert(tab.h > 12 && tab.h < 40, `tab height ${tab.h} CSS px after the ratio changed`);
      await screenshot(page, 'ratio-change-2x');
    },
  },
  {
    name: 'resizing the window resizes the canvas',
    async run(t) {
      const { page } = await t.openApp();
      await page.setViewportSize({ width: 900, height: 600 });
      await waitForFrames(page, 3);
      const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
      assert(size[0] === 900 && size[1] === 600, `canvas is ${size.join('x')} after resizing to 900x600`);
      await waitForItem(page, 'Dashboard');
      await screenshot(page, 'small-window');
    },
  },
];
