// The frame loop rests: an untouched page draws no frames, and input brings them back.
// Frame counts only, never timings: SwiftShader on shared cores is slow and uneven.
import { assert, frameCount } from './harness.mjs';

// Long enough for start-up's settle frames, the first autosave and any tooltip delay.
const SETTLE_MS = 3000;
const IDLE_MS = 2000;

export const tests = [
  {
    name: 'an idle page draws no frames and a mouse move brings at least one',
    async run(t) {
      const { page } = await t.openApp();
      await page.waitForTimeout(SETTLE_MS);
      const before = await frameCount(page);
      await page.waitForTimeout(IDLE_MS);
      const idle = await frameCount(page);
      assert(idle === before, `an idle page drew ${idle - before} frames in ${IDLE_MS / 1000} s`);

      const canvas = await page.locator('#canvas').boundingBox();
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.waitForFunction((n) => window.flipside.frameCount() > n, idle, { timeout: 10000 });

      // And it rests again once the picture has settled.
      await page.waitForTimeout(SETTLE_MS);
      const settled = await frameCount(page);
      await page.waitForTimeout(IDLE_MS);
      const after = await frameCount(page);
      assert(after === settled, `after the mouse move the page kept drawing (${after - settled} frames)`);
    },
  },
];
