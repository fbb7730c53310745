// The Calendar screen: generate a schedule, then look at the month and week views.
import {
  assert, click, documentJson, screenshot, waitForFrames, waitForItem,
} from './harness.mjs';

async function clickAt(page, item) {
  const canvas = await page.evaluate(() => {
    const r = document.getElementById('canvas').getBoundingClientRect();
    return { left: r.left, top: r.top };
  });
  await page.mouse.move(canvas.left + item.x + Math.min(item.w / 2, 24), canvas.top + item.y + item.h / 2);
  await waitForFrames(page, 2);
  await page.mouse.down();
  await page.mouse.up();
  await waitForFrames(page, 3);
}

// Picks an entry of the view combo ("Month", "Week", "List").
async function showView(page, name) {
  const combos = await page.evaluate(() => window.flipside.items()
    .filter((i) => i.visible && /##view$/.test(i.full_label || '')));
  assert(combos.length > 0, 'no view selector (##view) on the Calendar screen');
  await clickAt(page, combos[0]);
  await click(page, name);
  await waitForFrames(page, 4);
}

export const tests = [
  {
    name: 'calendar: generate a schedule, month and week views',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1400, height: 900 } });
      await click(page, 'Calendar');
      await waitForItem(page, 'Generate schedule');
      const before = await documentJson(page);
      await click(page, 'Generate schedule');
      await waitForFrames(page, 6);
      const after = await documentJson(page);
      assert(after.sessions.length > 0, 'no sessions in the document after "Generate schedule"');
      assert(after.sessions.length >= before.sessions.length, 'generating removed sessions');
      for (const s of after.sessions) {
        assert(/Z$/.test(s.start), `session ${s.id} starts at "${s.start}", not a UTC instant`);
      }

      // Month view, then week view: both drawn, sessions shown as "HH:MM <pair>" buttons.
      await showView(page, 'Month');
      await screenshot(page, 'calendar-month');
      await showView(page, 'Week');
      await screenshot(page, 'calendar-week');
    },
  },
];
