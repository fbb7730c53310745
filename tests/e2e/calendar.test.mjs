// The Calendar screen: generate a schedule; the month, week and list views fit the window at a
// large and a small size; one session is opened, checked against a busy time (the conflict names
// who is busy and nothing moves), moved to a free time, another one cancelled, and one person's
// calendar exported and read back with Mozilla's ical.js.
import fs from 'node:fs';
import ICAL from 'ical.js';

import {
  assert, assertEqual, click, documentJson, waitForDocument, firstDifference, messages, screenshot, typeInto, waitForFrames,
  waitForItem,
} from './harness.mjs';

async function clickAt(page, item) {
  await page.mouse.move(item.x + Math.min(item.w / 2, 24), item.y + item.h / 2);
  await waitForFrames(page, 2);
  await page.mouse.down();
  await page.mouse.up();
  await waitForFrames(page, 3);
}

// Picks an entry of the view combo ("Month", "Week", "List").
export async function showView(page, name) {
  const combos = await page.evaluate(() => window.flipside.items()
    .filter((i) => i.visible && /##view$/.test(i.full_label || '')));
  assert(combos.length > 0, 'no view selector (##view) on the Calendar screen');
  await clickAt(page, combos[0]);
  await click(page, name);
  await waitForFrames(page, 4);
}

async function items(page) {
  return page.evaluate(() => window.flipside.items());
}

// Session chips and "+N more" buttons of the month grid, or the session boxes of the week's hour
// grid: every one that is drawn must show whole (no row hidden under the bottom edge or behind a
// scrollbar, no chip cut by a cell; the week fits its busy hours), and in the week no two boxes
// may overlap (sessions at the same time share their day side by side).
async function assertGridFits(page, view) {
  const all = await items(page);
  const windows = new Set(all.map((i) => i.window));
  const chips = all.filter((i) => /^Flipside\/ScreenContent_[0-9A-F]+\/CalendarView_/.test(i.window || '') &&
                                  i.window.split('/').length === (view === 'week' ? 4 : 3) &&
                                  !windows.has(i.full_label));
  assert(chips.length > 0, `the ${view} view shows no session`);
  const cut = chips.filter((i) => !i.fully_visible);
  assert(cut.length === 0, `${view} view: ${cut.length} of ${chips.length} items cut off, e.g. "${cut[0] && cut[0].full_label}"`);
  const view_ = all.find((i) => i.full_label === chips[0].window);
  for (const chip of chips) {
    assert(chip.y + chip.h <= view_.y + view_.h + 0.5, `${view} view: "${chip.full_label}" ends below the view`);
  }
  if (view !== 'week') return;
  for (const a of chips) {
    for (const b of chips) {
      if (a === b) continue;
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      assert(!overlap, `week view: "${a.full_label}" and "${b.full_label}" overlap`);
    }
  }
}

// The list view shows rows (each one a session: "<start>##<session id>").
async function waitForListRows(page, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = (await items(page)).filter((i) => i.visible && /\/SessionList_/.test(i.window || '') && i.full_label !== i.window);
    if (rows.length > 0) return rows;
    if (Date.now() > deadline) throw new Error('the list view shows no session');
    await page.waitForTimeout(100);
  }
}

// The month view, checked to fit, and its screenshot.
async function showMonth(page, shot) {
  await showView(page, 'Month');
  await assertGridFits(page, 'month');
  await screenshot(page, shot);
}

// The list view with its rows, and its screenshot.
async function showList(page, shot) {
  await showView(page, 'List');
  await waitForListRows(page);
  await screenshot(page, shot);
}

// "YYYY-MM-DD HH:MM" of an ISO instant in UTC (the screen's zone without a person filter).
function utcText(iso) {
  return iso.slice(0, 10) + ' ' + iso.slice(11, 16);
}

function currentProgram(doc) {
  return doc.programs[doc.programs.length - 1];
}

// Texts the screen writes for tests and people alike ("<text>##conflict0", see readable_text).
export async function readableTexts(page, pattern, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await items(page)).filter((i) => i.visible && pattern.test(i.full_label || '')).map((i) => i.label);
    if (found.length || Date.now() > deadline) return found;
    await page.waitForTimeout(100);
  }
}

// Finds the session with "Find" (list view) and opens it. Typed characters may reach the app a
// few frames later, so wait until every listed row matches what was typed before clicking.
export async function openSession(page, sessionId) {
  await typeInto(page, 'Find', sessionId);
  const deadline = Date.now() + 20000;
  for (;;) {
    const rows = (await items(page)).filter((i) => /\/SessionList_/.test(i.window || '') && /##/.test(i.full_label || '') &&
                                                 i.full_label !== i.window);
    const row = rows.find((i) => i.visible && i.full_label.endsWith(`##${sessionId}`));
    if (row && rows.every((i) => i.full_label.split('##')[1].toLowerCase().includes(sessionId.toLowerCase()))) break;
    if (Date.now() > deadline) {
      throw new Error(`session ${sessionId} is not listed alone after typing it into Find: ${rows.map((i) => i.full_label).join(' | ')}`);
    }
    await page.waitForTimeout(100);
  }
  const row = (await items(page)).find((i) => i.visible && (i.full_label || '').endsWith(`##${sessionId}`));
  await click(page, row.full_label);
  await waitForItem(page, 'Mark held', { window: 'SelectedSession' });
}

// A planned session of the current wave with a busy time for one of its people: the start of
// another session of that person (another pair of theirs if there is one, else their own pair's
// next session), and a third session of the same pair to cancel.
function pickSessions(doc) {
  const program = currentProgram(doc);
  const pairs = new Map(doc.pairs.filter((p) => p.program_id === program.id).map((p) => [p.id, p]));
  const soon = Date.now() + 2 * 86400000;
  const future = doc.sessions.filter((s) => pairs.has(s.pair_id) && s.status === 'planned' && Date.parse(s.start) > soon)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const people = (s) => [pairs.get(s.pair_id).mentor_id, pairs.get(s.pair_id).mentee_id];
  let best = null;
  for (const session of future) {
    const own = people(session);
    const others = future.filter((s) => s.id !== session.id && s.start !== session.start);
    const cancel = others.find((s) => s.pair_id === session.pair_id);
    if (!cancel) continue;
    const elsewhere = others.find((s) => s.pair_id !== session.pair_id && people(s).some((id) => own.includes(id)));
    const same = others.find((s) => s.pair_id === session.pair_id && s.id !== cancel.id);
    const busy = elsewhere || same;
    if (!busy) continue;
    const busyPeople = people(busy).filter((id) => own.includes(id));
    const choice = { session, busy, cancel, busyPeople, pair: pairs.get(session.pair_id) };
    if (elsewhere) return choice;
    best = best || choice;
  }
  return best;
}

export const tests = [
  {
    name: 'calendar: generate a schedule; month, week and list views fit at 1400x900',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1400, height: 900 } });
      await click(page, 'Calendar');
      await waitForItem(page, 'Generate schedule');
      const before = await documentJson(page);
      const notes = (await messages(page)).length;
      await click(page, 'Generate schedule');
      await page.waitForFunction((n) => window.flipside.messages().length > n, notes, { timeout: 20000 });
      const after = await documentJson(page);
      assert(after.sessions.length > 0, 'no sessions in the document after "Generate schedule"');
      assert(after.sessions.length >= before.sessions.length, 'generating removed sessions');
      for (const s of after.sessions) {
        assert(/Z$/.test(s.start), `session ${s.id} starts at "${s.start}", not a UTC instant`);
      }

      // Month view, then week view: both drawn, sessions shown as "HH:MM <people>" chips that fit.
      await showMonth(page, 'calendar-month');
      await showView(page, 'Week');
      await screenshot(page, 'calendar-week');
      await showList(page, 'calendar-list');
    },
  },
  {
    name: 'calendar: month, week and list views fit at 1024x700',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1024, height: 700 } });
      await click(page, 'Calendar');
      await showMonth(page, 'calendar-month-1024');
      // "+N more" ("N sessions" where no chip fits) opens the week of a crowded day, which shows
      // all of that day's sessions.
      const more = (await items(page)).find((i) => i.visible && /^(\+\d+ more|\d+ sessions)##/.test(i.full_label || ''));
      if (more) {
        await click(page, more.full_label);
        await waitForItem(page, '##previous');
        const week = await items(page);
        assert(!week.some((i) => /^(\+\d+ more|\d+ sessions)##/.test(i.full_label || '')),
               'the week view still hides sessions behind "+N more"');
      } else {
        await showView(page, 'Week');
      }
      await assertGridFits(page, 'week');
      await screenshot(page, 'calendar-week-1024');
      await showList(page, 'calendar-list-1024');
    },
  },
  {
    name: 'calendar: move a session (busy, then free), cancel one, export a person\'s calendar',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1400, height: 900 } });
      await click(page, 'Calendar');
      const notes = (await messages(page)).length;
      await click(page, 'Generate schedule');
      await page.waitForFunction((n) => window.flipside.messages().length > n, notes, { timeout: 20000 });
      const start = await documentJson(page);
      const program = currentProgram(start);
      const picked = pickSessions(start);
      assert(picked, 'the demo has no planned session with a busy time and a sibling to cancel');
      const { session, busy, cancel, busyPeople, pair } = picked;
      const nameOf = (id) => start.participants.find((p) => p.id === id).name;

      await showView(page, 'List');
      await openSession(page, session.id);
      await screenshot(page, 'calendar-session');

      // A busy time: the conflict names who is busy, and nothing moves until "Move anyway".
      await typeInto(page, 'move', utcText(busy.start));
      await click(page, 'Check');
      const conflicts = await readableTexts(page, /##conflict\d+$/);
      assert(conflicts.length > 0, `no conflict shown for ${utcText(busy.start)} UTC (${busy.id} is then)`);
      const names = busyPeople.map(nameOf);
      assert(conflicts.some((c) => names.some((n) => c.includes(n))),
             `the conflicts do not name ${names.join(' or ')}: ${conflicts.join(' / ')}`);
      await waitForItem(page, 'Move anyway');
      await screenshot(page, 'calendar-conflict');
      const unmoved = await documentJson(page);
      assert(!firstDifference(unmoved.sessions, start.sessions),
             `checking a busy time changed sessions: ${firstDifference(unmoved.sessions, start.sessions)}`);

      // A free time: the screen's "Nearest free time" (within three days), else the same hour a
      // week later (between two sessions of a fortnightly pair) or a few days later, each checked first.
      let free = null;
      await click(page, 'Nearest free time');
      const none = await readableTexts(page, /##refusal$/, 1000);
      const tried = [];
      const weekly = [7, 21, 1, 2, 3].map((days) => new Date(Date.parse(session.start) + days * 86400000).toISOString());
      for (const candidate of [null, ...weekly]) {
        if (candidate === null && none.length) continue;  // "no free time within three days"
        if (candidate !== null) await typeInto(page, 'move', utcText(candidate));
        await click(page, 'Check');
        const verdict = await readableTexts(page, /##(free|conflict\d+)$/);
        tried.push(`${candidate || 'nearest'}: ${verdict.join(' / ')}`);
        if (verdict.length === 1 && verdict[0] === 'Everyone is free then.') {
          free = candidate || 'nearest';
          break;
        }
      }
      assert(free, `no free time found to move ${session.id} to: ${tried.join('; ')}`);
      await screenshot(page, 'calendar-free');
      await click(page, 'Move…');  // checks again, then moves: everyone is free then
      const moved = await waitForDocument(page, (doc) => doc.sessions.find((s) => s.id === session.id).start !== session.start,
                                          `a new start for ${session.id}`);
      const after = moved.sessions.find((s) => s.id === session.id);
      assertEqual(after.status, 'moved', `status of ${session.id} after the move`);
      assertEqual(after.history, [{ start: session.start, status: 'planned' }], `history of ${session.id}`);
      assertEqual(after.sequence, session.sequence + 1, `sequence of ${session.id}`);
      const shift = Math.abs(Date.parse(after.start) - Date.parse(session.start));
      if (free === 'nearest') assert(shift <= 3 * 86400000, `moved by ${shift / 3600000} h: "Nearest free time" looks within three days`);
      else assertEqual(after.start, free.replace('.000Z', 'Z'), `the start typed for ${session.id}`);
      const others = (doc) => doc.sessions.filter((s) => s.id !== session.id);
      assert(!firstDifference(others(moved), others(start)), 'moving one session changed another');

      // Cancel a second session of the same pair.
      await openSession(page, cancel.id);
      await click(page, 'Cancel session');
      const cancelled = await waitForDocument(page, (doc) => doc.sessions.find((s) => s.id === cancel.id).status === 'cancelled',
                                              `${cancel.id} cancelled`);
      assertEqual(cancelled.sessions.find((s) => s.id === session.id).start, after.start, 'the moved session stays moved');

      // The mentee's own calendar: "Only theirs" filters to them, Export gives their .ics.
      const person = pair.mentee_id;
      await click(page, `Only theirs##${person}`);
      await waitForItem(page, 'Export calendar (this person)');
      await screenshot(page, 'calendar-person');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 20000 }),
        click(page, 'Export calendar (this person)'),
      ]);
      // Named after the person, in safe characters, never after the id; the message says what went out.
      const personName = (await documentJson(page)).participants.find((p) => p.id === person).name;
      const file = download.suggestedFilename();
      assert(/^flipside-[a-z0-9]+(-[a-z0-9]+)+\.ics$/.test(file) && !file.includes(person.toLowerCase()),
             `the calendar file is named after the person in safe characters: ${file}`);
      const first = personName.split(' ')[0].toLowerCase();
      assert(!/^[a-z]+$/.test(first) || file.startsWith(`flipside-${first}-`), `${file} does not start with ${first}`);
      assert((await messages(page)).some((m) => m.text.startsWith(`Exported ${file} (`) &&
                                                m.text.endsWith(`of ${personName})`)),
             'the message says what was exported');
      const text = fs.readFileSync(await download.path(), 'utf8');
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = new Map(calendar.getAllSubcomponents('vevent')
        .map((e) => [e.getFirstPropertyValue('uid'), e]));
      const uid = (s) => `${s.id}.${program.id}@flipside`;
      const movedEvent = events.get(uid(session));
      assert(movedEvent, `${person}'s calendar has no event ${uid(session)} (has ${events.size} events)`);
      assertEqual(movedEvent.getFirstPropertyValue('dtstart').toJSDate().toISOString().replace('.000Z', 'Z'), after.start,
                  'DTSTART of the moved session');
      assertEqual(movedEvent.getFirstPropertyValue('sequence'), after.sequence, 'SEQUENCE of the moved session');
      const cancelledEvent = events.get(uid(cancel));
      assert(cancelledEvent, `${person}'s calendar has no event for the cancelled session ${cancel.id}`);
      assertEqual(cancelledEvent.getFirstPropertyValue('status'), 'CANCELLED', 'STATUS of the cancelled session');
      const theirs = new Set(cancelled.pairs.filter((p) => p.mentor_id === person || p.mentee_id === person).map((p) => p.id));
      for (const [id, event] of events) {
        const sessionId = id.split('.')[0];
        const s = cancelled.sessions.find((x) => x.id === sessionId);
        assert(s && theirs.has(s.pair_id), `${person}'s calendar holds ${id}, which is not theirs`);
        assert(event.getFirstPropertyValue('dtstart'), `${id} has no DTSTART`);
      }
    },
  },
];
