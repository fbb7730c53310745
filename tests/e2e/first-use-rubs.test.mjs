// The rubs a new coordinator hits after the first import, each checked as they would notice it:
// text cut off (the dashboard's departments, the kiosk's partner e-mail and Send rating), demo
// people of the same name, a calendar left on an empty month after Generate schedule, a Person
// filter that is unsorted and cannot be searched, Move that shows only after Check, a kiosk's
// calendar file left on a shared machine without a word, and an empty roster that mentions only
// JSON. Screenshots land in build/screenshots/rubs-*.png.
import { openSession, readableTexts, showView } from './calendar.test.mjs';
import { dropFile } from './import-export.test.mjs';
import {
  assert, assertEqual, click, documentJson, findItem, menu, messages, readableText, screenshot,
  typeInto, waitForDocument, waitForFrames, waitForInputTaken, waitForItem,
} from './harness.mjs';

const PIN = '2468';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

// Names compared as the app sorts them: ASCII letters folded, then code points (ids break ties).
const folded = (text) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
function byName(a, b) {
  const x = folded(a.name);
  const y = folded(b.name);
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function visibleItems(page) {
  return (await page.evaluate(() => window.flipside.items())).filter((i) => i.visible);
}

// The names the open Person drop-down lists (its rows, without "everyone" and the search box).
async function personChoices(page) {
  return (await visibleItems(page))
    // The drop-down is ImGui's popup "##Combo_<n>", whose visible name is empty.
    .filter((i) => i.window === '' && i.full_label !== i.window && i.label &&
                   i.label !== 'everyone' && !/Find person/.test(i.full_label))
    .map((i) => i.label);
}

async function textEditing(page) {
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input', null,
                             { timeout: 5000 });
}

// Someone of the current wave's active pairs with a held session they have not rated and
// sessions still to come, and their partner.
function kioskCast(doc) {
  const current = doc.programs.at(-1);
  const byId = new Map(doc.participants.map((p) => [p.id, p]));
  const now = Date.now();
  for (const pair of doc.pairs.filter((p) => p.program_id === current.id && p.state === 'active')) {
    const sessions = doc.sessions.filter((s) => s.pair_id === pair.id);
    const upcoming = sessions.filter((s) => ['planned', 'moved'].includes(s.status) && Date.parse(s.start) > now);
    for (const [meId, partnerId] of [[pair.mentee_id, pair.mentor_id], [pair.mentor_id, pair.mentee_id]]) {
      const unrated = sessions.filter((s) => s.status === 'held' &&
        !doc.feedback.some((f) => f.session_id === s.id && f.author_id === meId));
      if (unrated.length && upcoming.length) return { me: byId.get(meId), partner: byId.get(partnerId) };
    }
  }
  return null;
}

export const tests = [
  {
    name: 'dashboard departments whole, unique demo names, calendar on the first new session, Person filter sorted and searched, Move… checks first, empty roster names the CSV import',
    async run(t) {
      // The demo with the current wave's pairs not yet scheduled, as after matching a new wave.
      const { page } = await t.openApp({ viewport: { width: 1280, height: 800 } });
      const demo = await documentJson(page);
      const wave = new Set(demo.pairs.filter((p) => p.program_id === demo.programs.at(-1).id).map((p) => p.id));
      const unscheduled = demo.sessions.filter((s) => wave.has(s.pair_id)).map((s) => s.id);
      demo.sessions = demo.sessions.filter((s) => !wave.has(s.pair_id));
      demo.feedback = demo.feedback.filter((f) => !unscheduled.includes(f.session_id));
      await dropFile(page, 'unscheduled-wave.json', JSON.stringify(demo));
      const start = await waitForDocument(page, (doc) => doc.sessions.length === demo.sessions.length, 'the wave without sessions');

      // No two demo people share a name.
      const seen = new Map();
      for (const p of start.participants) seen.set(p.name, (seen.get(p.name) || 0) + 1);
      const repeated = [...seen].filter(([, n]) => n > 1).map(([name, n]) => `${name} ×${n}`);
      assertEqual(repeated, [], 'demo names used more than once');

      // The dashboard's longest department name shows whole.
      await click(page, 'Dashboard');
      const longest = start.participants.map((p) => p.department).sort((a, b) => b.length - a.length)[0];
      await page.mouse.move(640, 600);  // down to "Coverage by department", at the bottom
      for (let i = 0; i < 4; i += 1) {
        await page.mouse.wheel(0, 300);
        await waitForFrames(page, 2);
      }
      const department = await findItem(page, longest);
      assert(department && department.fully_visible, `"${longest}" is cut off on the dashboard: ${JSON.stringify(department)}`);
      await screenshot(page, 'rubs-dashboard');

      // Generate schedule while another month is shown: the calendar moves to the first new session's.
      await click(page, 'Calendar');
      await click(page, '##previous');  // a month other than the first new session's
      const before = await readableText(page, 'shown period');
      const notes = (await messages(page)).length;
      await click(page, 'Generate schedule');
      await page.waitForFunction((n) => window.flipside.messages().length > n, notes, { timeout: 20000 });
      const generated = await documentJson(page);
      const known = new Set(start.sessions.map((s) => s.id));
      const added = generated.sessions.filter((s) => !known.has(s.id)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      assert(added.length > 0, 'Generate schedule planned no session in the demo');
      const first = new Date(added[0].start);
      const expected = `${MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}`;
      await waitForFrames(page, 3);
      assertEqual(await readableText(page, 'shown period'), expected,
                  `the month shown after Generate schedule (it was ${before}; the first new session starts ${added[0].start})`);
      await screenshot(page, 'rubs-calendar-after-generate');

      // The Person filter: sorted by name, and typing narrows it at once (the search box has the keyboard).
      await showView(page, 'List');  // where a session is opened below
      await click(page, 'Person');
      await textEditing(page);
      const sorted = [...start.participants].sort(byName).map((p) => p.name);
      const listed = await personChoices(page);
      assert(listed.length >= 3, `the Person drop-down lists ${listed.length} names`);
      assertEqual(listed, sorted.slice(0, listed.length), 'the first names of the Person drop-down');
      // Narrowed to one of the first new session's people, whose sessions the calendar then shows.
      const pair = generated.pairs.find((p) => p.id === added[0].pair_id);
      const target = start.participants.find((p) => p.id === pair.mentor_id);
      const query = target.name.split(' ').at(-1);
      await page.keyboard.type(query);
      await waitForInputTaken(page);
      await waitForFrames(page, 3);
      const matching = start.participants.filter((p) => folded(p.name).includes(folded(query)) || folded(p.id).includes(folded(query)))
        .sort(byName);
      assertEqual(await personChoices(page), matching.map((p) => p.name).slice(0, 8), `the Person drop-down after typing "${query}"`);
      await screenshot(page, 'rubs-calendar-person-search');
      await typeInto(page, 'Find person', target.name);  // the whole name: Enter takes them, the first shown
      assertEqual((await personChoices(page))[0], target.name, `the first of the Person drop-down for "${target.name}"`);
      await page.keyboard.press('Enter');
      await waitForItem(page, 'Export calendar (this person)');

      // Move… shows at once and checks first: refusals in words, then a free time moves.
      const session = added[0];
      await openSession(page, session.id);
      await waitForItem(page, 'Move…', { window: 'SelectedSession' });
      assert(!(await findItem(page, 'Move anyway')), '"Move anyway" before any check');
      await click(page, 'Move…');
      const same = await readableText(page, 'refusal');
      assert(same && same.includes('already at that time'), `Move… to the same time: ${same}`);
      await typeInto(page, 'move', 'next Tuesday');
      await click(page, 'Move…');
      const unreadable = await readableText(page, 'refusal');
      assert(unreadable && unreadable.includes('YYYY-MM-DD HH:MM'), `Move… to "next Tuesday": ${unreadable}`);
      await screenshot(page, 'rubs-calendar-move-refused');
      await click(page, 'Nearest free time');
      assertEqual(await readableTexts(page, /##refusal$/, 500), [], 'no free time near the first new session');
      await click(page, 'Move…');
      const moved = await waitForDocument(page, (doc) => doc.sessions.find((s) => s.id === session.id).start !== session.start,
                                          `${session.id} moved`);
      assertEqual(moved.sessions.find((s) => s.id === session.id).status, 'moved', `status of ${session.id}`);
      const note = await readableText(page, 'moved');
      assert(note && note.startsWith('Moved to '), `what Move… says after moving: ${note}`);
      await screenshot(page, 'rubs-calendar-moved');

      // After Clear all data the empty roster points to the CSV import first, with the columns it reads.
      await menu(page, 'File', 'Clear all data');
      await click(page, 'Clear all data', { window: 'Clear all data?' });
      await waitForDocument(page, (doc) => doc.participants.length === 0, 'an empty roster');
      await click(page, 'People');
      const hint = await readableText(page, 'empty roster');
      assert(hint, 'no hint on the empty roster');
      const csv = hint.indexOf('File › Import people from CSV…');
      assert(csv >= 0 && csv < hint.indexOf('JSON'), `the hint does not name the CSV import before JSON: ${hint}`);
      for (const column of ['E-mail', 'Role', 'Time zone', 'Availability (week) or one column per weekday']) {
        assert(hint.includes(column), `the hint does not name the column "${column}": ${hint}`);
      }
      await screenshot(page, 'rubs-empty-roster');
    },
  },
  {
    name: 'kiosk: partner e-mail and Send rating whole, text at the atlas size, Add to my calendar says where the file went and offers e-mail',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1280, height: 800 } });
      const cast = kioskCast(await documentJson(page));
      assert(cast, 'the demo has nobody with a session to rate and sessions to come');
      const { me, partner } = cast;

      await menu(page, 'Participants', 'Kiosk mode…');
      await typeInto(page, 'New PIN', PIN, { window: 'Kiosk mode' });
      await typeInto(page, 'Repeat PIN', PIN, { window: 'Kiosk mode' });
      await click(page, 'Set PIN', { window: 'Kiosk mode' });
      await click(page, 'Start kiosk mode');
      await typeInto(page, 'Your name', me.name.split(' ')[0]);
      await click(page, me.name);
      await typeInto(page, 'Your e-mail', me.email);
      await click(page, 'Continue');
      await waitForItem(page, 'Sign out');
      await waitForFrames(page, 3);

      // Whole, without scrolling: the partner's address and the button that sends a rating.
      const email = await findItem(page, partner.email);
      assert(email && email.fully_visible, `${partner.email} is cut off: ${JSON.stringify(email)}`);
      const send = await findItem(page, 'Send rating');
      assert(send && send.fully_visible, `Send rating is not on screen: ${JSON.stringify(send)}`);
      // Sharp text: the kiosk draws its face at exactly the size the atlas rasterised it.
      const atlas = await page.evaluate(() => window.flipside.fontSizes());
      const drawn = [...new Set((await visibleItems(page)).filter((i) => i.root_window === 'Kiosk').map((i) => i.font_size))];
      assert(drawn.length > 0 && drawn.every((size) => atlas.includes(size)),
             `kiosk text drawn at ${drawn.join(', ')} px; the atlas has faces of ${atlas.join(', ')} px`);
      assert(drawn.includes(Math.max(...atlas)), `the kiosk does not use the large face (${Math.max(...atlas)} px): ${drawn.join(', ')}`);
      await screenshot(page, 'rubs-kiosk-home');

      // Add to my calendar: the file is named, and where it went; e-mailing it instead opens a draft to them.
      const download = page.waitForEvent('download', { timeout: 10000 });
      await click(page, 'Add to my calendar');
      const file = (await download).suggestedFilename();
      const said = await readableText(page, 'calendar note');
      assert(said && said.includes(file) && said.includes("this computer's Downloads"),
             `after Add to my calendar (${file}): ${said}`);
      await screenshot(page, 'rubs-kiosk-calendar-file');
      await click(page, 'E-mail them to me');
      const opened = await page.evaluate(() => window.flipside.openedUrls());
      const draft = opened.at(-1) || '';
      assert(draft.startsWith(`mailto:${me.email}?`), `the e-mail draft: ${draft}`);
      const body = decodeURIComponent(draft.split('&body=')[1] || '');
      assert(body.includes(partner.name) && body.includes(`(${me.time_zone})`) && body.includes('minutes)'),
             `the draft does not list the sessions with ${partner.name}: ${body}`);
      const then = await readableText(page, 'calendar note');
      assert(then && then.includes(me.email), `after E-mail them to me: ${then}`);
      await screenshot(page, 'rubs-kiosk-calendar-mail');
    },
  },
];
