// The Calendar screen: generate a schedule, look at month and week views, move a session
// with the conflict check, and export a person's calendar, parsed with ical.js at local times.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import {
  REPO_ROOT, assert, click, documentJson, findItem, screenshot, scrollIntoView, typeInto, waitForFrames, waitForItem,
} from './harness.mjs';

const require = createRequire(import.meta.url);
const ICAL = require(path.join(REPO_ROOT, 'tests', 'node_modules', 'ical.js'));

// Items drawn in the last frame whose visible label matches `pattern`.
async function itemsMatching(page, pattern) {
  const items = await page.evaluate(() => window.flipside.items());
  return items.filter((i) => i.visible && i.w > 0 && i.h > 0 && pattern.test(i.label || ''));
}

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

// "YYYY-MM-DD HH:MM" in `zone` for an ISO instant.
function localText(iso, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const step = (what) => { if (process.env.FLIPSIDE_E2E_VERBOSE) console.error(`  calendar: ${what}`); };

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
  {
    name: 'calendar: move a session with the conflict check, export a person, read it with ical.js',
    timeout: 300000,
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1400, height: 900 } });
      await click(page, 'Calendar');
      const after = await documentJson(page);
      // The list view names every shown session by its local start; select the first planned one.
      step("await showView(page, 'List');");
      await showView(page, 'List');
      // Planned sessions lie ahead: page forward month by month until the list shows one.
      const statusOf = (item) => (after.sessions.find((s) => s.id === item.full_label.split('##')[1]) || {}).status;
      let row = null;
      for (let month = 0; month < 6 && !row; month += 1) {
        const rows = await itemsMatching(page, /^\d{4}-\d\d-\d\d \d\d:\d\d/);
        row = rows.find((r) => statusOf(r) === 'planned') || null;
        if (!row) {
          const next = await page.evaluate(() => window.flipside.items().filter((i) => i.visible && /##next$/.test(i.full_label || '')));
          assert(next.length > 0, 'no "next" arrow on the Calendar screen');
          await clickAt(page, next[0]);
        }
      }
      assert(row, 'the list view shows no planned session in six months');
      await clickAt(page, row);
      const moveField = await waitForItem(page, '##move', { visible: false }).catch(() => null);
      assert(moveField, 'selecting a session shows no "Move to" field');
      const selectedId = row.full_label.split('##')[1];
      const session = after.sessions.find((s) => s.id === selectedId);
      assert(session, `the selected row "${row.full_label}" names no session of the document`);

      // Ask for the nearest free time, check it, and move there: the conflict check says all free.
      step("await click(page, 'Nearest free time');");
      await click(page, 'Nearest free time');
      await click(page, 'Check');
      await waitForItem(page, 'Everyone is free then.');
      step("await click(page, 'Move');");
      await click(page, 'Move');
      await waitForFrames(page, 4);
      const moved = (await documentJson(page)).sessions.find((s) => s.id === selectedId);
      assert(moved.start !== session.start, `session ${selectedId} did not move (still ${moved.start})`);
      assert(moved.status === 'moved', `a moved session has status "${moved.status}"`);
      assert(Array.isArray(moved.history) && moved.history.length >= 1, 'moving kept no history');

      // A target that is busy or outside availability is named by the check.
      step("await typeInto(page, '##move'");
      await typeInto(page, '##move', '2000-01-01 03:00');
      await click(page, 'Check');
      await scrollIntoView(page, 'Move anyway');  // the check found what is wrong with 2000-01-01

      // Export one person's calendar (the moved session's mentee) and read it with ical.js.
      const document = await documentJson(page);
      const pair = document.pairs.find((p) => p.id === moved.pair_id);
      const person = document.participants.find((p) => p.id === pair.mentee_id);
      assert(person, `no mentee for pair ${moved.pair_id}`);
      step("await click(page, 'Person');");
      await click(page, 'Person');
      await click(page, `${person.name}`).catch(async () => click(page, person.id));
      await waitForItem(page, 'Export calendar (this person)');
      step('const [download] = await Promise.all([');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 20000 }),
        click(page, 'Export calendar (this person)'),
      ]);
      const text = fs.readFileSync(await download.path(), 'utf8');
      assert(/\.ics$/.test(download.suggestedFilename()), `download is called "${download.suggestedFilename()}"`);
      assert(text.includes('\r\n'), 'the calendar file does not use CRLF line endings');
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const mine = document.sessions.filter((s) => {
        const p = document.pairs.find((x) => x.id === s.pair_id);
        return p && (p.mentor_id === person.id || p.mentee_id === person.id);
      });
      assert(events.length === mine.length, `${events.length} events for ${mine.length} sessions of ${person.id}`);
      // Every event starts at the session's instant, and reads as the same local time in the
      // person's zone as the app computes from the document.
      for (const s of mine) {
        const event = events.find((e) => e.uid.startsWith(`${s.id}.`));
        assert(event, `no VEVENT for session ${s.id}`);
        const start = event.startDate.toJSDate().toISOString().replace(/\.000Z$/, 'Z');
        assert(start === s.start, `session ${s.id}: VEVENT starts ${start}, the document says ${s.start}`);
        assert(localText(start, person.time_zone) === localText(s.start, person.time_zone), `local time of ${s.id}`);
      }
      const movedEvent = events.find((e) => e.uid.startsWith(`${moved.id}.`));
      assert(movedEvent.sequence >= 1, `the moved session's SEQUENCE is ${movedEvent.sequence}`);
    },
  },
];
