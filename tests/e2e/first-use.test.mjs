// A new coordinator's first hour: an HR export with availability brought in through the CSV
// dialog, what matching will lack said in the import report and in one line on Matching and
// Calendar, People filtered to those missing it, office hours applied in one undoable step, and
// Esc closing only the innermost thing of the import dialog.
import { dropFile } from './import-export.test.mjs';
import { currentProgram, keyOf, waitForProposal } from './matching.test.mjs';
import { importCsv } from './workspace.test.mjs';
import {
  assert, assertEqual, click, documentJson, findItem, menu, messages, screenshot, scrollIntoView, typeInto, waitForDocument,
  waitForFrames, waitForItem,
} from './harness.mjs';

const HR_EXPORT = [
  'Name,Email,Role,Time zone,Languages,Availability,Friday',
  'Maria Costa,maria.costa@example.com,mentor,Europe/Lisbon,English,Mon 09:00-11:00; Wed 14:00-16:30,9am-1pm',
  'Jon Lee,jon.lee@example.com,mentee,America/New_York,English,Tue/Thu 9-12,',
  'Ana Ruiz,ana.ruiz@example.com,mentee,Europe/Madrid,English,Mun 9-12,',
  'Bo Berg,bo.berg@example.com,mentor,Europe/Stockholm,English,,',
].join('\n');

// A twelve-person HR export: six junior mentors and six senior mentees, each with their hours.
const TWELVE = [
  'Name,Email,Role,Department,Level,Time zone,Languages,Skills,Learning goals,Availability',
  'Maria Costa,maria.costa@example.com,mentor,IT,2,Europe/Lisbon,English,Python; Power BI,,weekdays 9-17',
  'Rhys Hughes,rhys.hughes@example.com,mentor,IT,2,Europe/London,English,Excel; Social media,,Mon/Tue/Wed 9-17',
  'Elif Demir,elif.demir@example.com,mentor,Marketing,1,Europe/Istanbul,English,Social media; Generative AI,,weekdays 10-16',
  'Tomás Ortega,tomas.ortega@example.com,mentor,Data,2,Europe/Madrid,English,Python; Generative AI,,Tue/Thu 9-17',
  'Aiko Sato,aiko.sato@example.com,mentor,Data,1,Europe/Berlin,English,Power BI; Excel,,weekdays 9-13',
  'Sam Okafor,sam.okafor@example.com,mentor,Sales,2,Europe/London,English,Generative AI; Excel,,Wed/Thu/Fri 9-17',
  'Helen Park,helen.park@example.com,mentee,Finance,8,Europe/London,English,,Power BI; Python,weekdays 9-17',
  'Georg Weber,georg.weber@example.com,mentee,Operations,9,Europe/Berlin,English,,Generative AI,weekdays 9-17',
  'Lucía Gil,lucia.gil@example.com,mentee,Legal,8,Europe/Madrid,English,,Social media,Mon 9-12; Wed 9-17',
  'Pierre Martin,pierre.martin@example.com,mentee,Finance,9,Europe/Paris,English,,Excel; Python,weekdays 11-17',
  'Anna Nowak,anna.nowak@example.com,mentee,HR,7,Europe/Warsaw,English,,Generative AI; Social media,Tue/Thu 9-17',
  'Omar Haddad,omar.haddad@example.com,mentee,Operations,8,Europe/London,English,,Power BI,weekdays 9-17',
].join('\n');

// Labels of the visible items that contain `text` (report lines and cause lines are items).
async function visibleLabels(page, text) {
  const items = await page.evaluate(() => window.flipside.items());
  return items.filter((i) => i.visible && i.label && i.label.includes(text)).map((i) => i.label);
}

async function waitForText(page, text, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await visibleLabels(page, text);
    if (found.length) return found[0];
    if (Date.now() > deadline) throw new Error(`no visible text containing "${text}"`);
    await page.waitForTimeout(100);
  }
}

async function clearAllData(page) {
  await menu(page, 'File', 'Clear all data');
  await click(page, 'Clear all data', { window: 'Clear all data?' });
  await waitForDocument(page, (doc) => doc.participants.length === 0, 'an empty roster');
}

async function importCsvText(t, page, text) {
  await importCsv(page, t.scratchFile('hr-export.csv', text));
}

// The demo program with availability taken from everyone but the first `keep` mentors, so the
// wave's pairs and the roster lack it the way an imported HR export does.
async function openWithoutAvailability(t, keep = 0) {
  const opened = await t.openApp();
  const doc = await documentJson(opened.page);
  let kept = 0;
  for (const person of doc.participants) {
    if (person.role === 'mentor' && kept < keep) kept += 1;
    else person.availability = [];
  }
  doc.sessions = [];
  doc.feedback = [];
  await dropFile(opened.page, 'no-availability.json', JSON.stringify(doc));
  await waitForDocument(opened.page, (d) => d.participants.filter((p) => p.availability.length).length === keep,
                        'the roster without availability');
  return { ...opened, doc };
}

export const tests = [
  {
    name: 'the first hour in one path: clear, import a CSV with hours, a wave, match, schedule, record, dashboard, kiosk',
    timeout: 240000,
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1280, height: 900 } });
      await clearAllData(page);
      await screenshot(page, 'first-hour-1-cleared');

      // The HR export brings everyone's hours: the report has no warning about availability.
      await importCsvText(t, page, TWELVE);
      await waitForText(page, 'row');  // the report's first line
      assert(!(await visibleLabels(page, 'no availability')).length, 'the report warns of missing hours it has');
      await screenshot(page, 'first-hour-2-import');
      await click(page, 'Import', { window: 'Import people from CSV' });
      await waitForDocument(page, (d) => d.participants.length === 12 && d.participants.every((p) => p.availability.length),
                            'the twelve people with their hours');

      // A wave, named as the coordinator types: the form saves once the field is left.
      await click(page, 'Program');
      await click(page, 'Create a program');
      await waitForDocument(page, (d) => d.programs.length === 1, 'the new program');
      await typeInto(page, 'Program name', 'Digital fluency, wave 1');
      await click(page, 'Start date');
      await waitForDocument(page, (d) => d.programs[0].name === 'Digital fluency, wave 1', 'the name saved as typed');
      await screenshot(page, 'first-hour-3-program');

      // Matching pairs all six; Accept makes them the wave's.
      await click(page, 'Matching');
      await click(page, 'Run');
      const rows = await waitForProposal(page);
      assertEqual(rows.length, 6, 'pairs proposed for six mentors and six mentees');
      await screenshot(page, 'first-hour-4-proposal');
      await click(page, 'Accept');
      let doc = await waitForDocument(page, (d) => d.pairs.length === 6, 'the six pairs accepted');

      // The schedule.
      await click(page, 'Calendar');
      await click(page, 'Generate schedule');
      doc = await waitForDocument(page, (d) => d.sessions.length >= 6, 'sessions planned for the pairs');
      await screenshot(page, 'first-hour-5-calendar');

      // Recording: the first session is still ahead, so held waits; its agenda saves as typed.
      const name = (id) => doc.participants.find((p) => p.id === id).name;
      const person = (id) => doc.participants.find((p) => p.id === id);
      const pair = doc.pairs[0];
      const session = doc.sessions.filter((s) => s.pair_id === pair.id).sort((a, b) => a.start.localeCompare(b.start))[0];
      await click(page, 'Sessions');
      await click(page, `${name(pair.mentee_id)} ← ${name(pair.mentor_id)}`);
      await click(page, session.id, { window: 'PairDetail' });
      await scrollIntoView(page, '(rated once the session is marked held)##why-no-rating', { window: 'PairDetail' });
      await click(page, 'Status', { window: 'PairDetail' });
      await click(page, 'held');
      await page.keyboard.press('Escape');
      await waitForFrames(page, 3);
      assertEqual((await documentJson(page)).sessions.find((s) => s.id === session.id).status, 'planned',
                  'a session still ahead was marked held');
      await typeInto(page, '##Agenda', 'Three goals for the wave', { window: 'PairDetail' });
      await click(page, 'times-in-1', { window: 'PairDetail' });  // leaving the field: times in the mentor's zone
      await waitForDocument(page, (d) => d.sessions.find((s) => s.id === session.id).agenda === 'Three goals for the wave',
                            'the agenda saved as typed');
      const header = await waitForItem(page, session.id, { window: 'PairDetail' });
      assert(header.label.includes(person(pair.mentor_id).time_zone), `the times are not in the mentor's zone: ${header.label}`);
      // A session by hand: a day and a local time in the zone shown.
      const count = (await documentJson(page)).sessions.length;
      await typeInto(page, 'New session day', '2027-03-01', { window: 'PairDetail' });
      await typeInto(page, 'New session time', '10:30', { window: 'PairDetail' });
      await click(page, 'Add session', { window: 'PairDetail' });
      doc = await waitForDocument(page, (d) => d.sessions.length === count + 1, 'the session added by hand');
      const added = doc.sessions.find((s) => s.pinned && s.pair_id === pair.id);
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: person(pair.mentor_id).time_zone, hour12: false,
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(added.start));
      assertEqual(local.replace(',', ''), '2027-03-01 10:30', "the added session's time in the mentor's zone");
      await screenshot(page, 'first-hour-6-sessions');

      // Before the first session is due the dashboard says so instead of 0 / 0 and 100 %.
      await click(page, 'Dashboard');
      assertEqual(await waitForText(page, 'sessions held'), 'not started sessions held', 'sessions held before the start');
      assertEqual(await waitForText(page, 'pairs on cadence'), 'not started pairs on cadence', 'cadence before the start');
      await screenshot(page, 'first-hour-7-dashboard');

      // The kiosk: a mentee finds herself and sees her partner.
      await menu(page, 'Participants', 'Kiosk mode…');
      await typeInto(page, 'New PIN', '2468', { window: 'Kiosk mode' });
      await typeInto(page, 'Repeat PIN', '2468', { window: 'Kiosk mode' });
      await click(page, 'Set PIN', { window: 'Kiosk mode' });
      await click(page, 'Start kiosk mode');
      const mentee = person(pair.mentee_id);
      await typeInto(page, 'Your name', mentee.name.split(' ')[0]);
      await click(page, mentee.name);
      await typeInto(page, 'Your e-mail', mentee.email);
      await click(page, 'Continue');
      await waitForItem(page, 'Sign out');
      await screenshot(page, 'first-hour-8-kiosk');
      // Her page has her sessions to take home (the partner's line is plain text: see the screenshot).
      await waitForItem(page, 'Add to my calendar');
    },
  },
  {
    name: 'a CSV with availability columns gives people their hours; the report names unreadable cells and who has none',
    async run(t) {
      const { page } = await t.openApp();
      await clearAllData(page);
      await importCsvText(t, page, HR_EXPORT);
      await waitForText(page, 'warning: 2 people have no availability yet');
      await waitForText(page, 'row 4, column "Availability": availability "Mun 9-12" cannot be read: "mun" is not a weekday');
      await screenshot(page, 'first-use-import-report');
      await click(page, 'Import', { window: 'Import people from CSV' });
      const doc = await waitForDocument(page, (d) => d.participants.length === 4, 'the four people');
      const maria = doc.participants.find((p) => p.email === 'maria.costa@example.com');
      assertEqual(maria.time_zone, 'Europe/Lisbon', "Maria's zone");
      assertEqual(maria.availability, [
        { day: 'mon', end: '11:00', start: '09:00' },
        { day: 'wed', end: '16:30', start: '14:00' },
        { day: 'fri', end: '13:00', start: '09:00' },
      ], "Maria's hours, in her own zone");
      const jon = doc.participants.find((p) => p.email === 'jon.lee@example.com');
      assertEqual(jon.availability.map((w) => w.day), ['tue', 'thu'], "Jon's days");
      const ana = doc.participants.find((p) => p.email === 'ana.ruiz@example.com');
      assertEqual(ana.availability, [], 'Ana, whose cell could not be read, has none');
    },
  },
  {
    name: 'Matching and Calendar name the missing availability in one line, and its button filters People',
    async run(t) {
      const { page, doc } = await openWithoutAvailability(t, 0);
      const active = doc.participants.filter((p) => p.active).length;
      await click(page, 'Matching');
      const line = await waitForText(page, `None of the ${active} active people has availability`);
      assert(line.includes('apply office hours'), `the line says what to do: ${line}`);
      await screenshot(page, 'first-use-matching-cause');
      await click(page, 'Calendar');
      await waitForText(page, "people in this wave's active pairs has availability");
      // Generate schedule says the cause once, then each pair by its people's names, the id in brackets.
      await click(page, 'Generate schedule');
      const generated = (await messages(page)).find((m) => m.text.includes('sessions planned'));
      assert(generated && generated.text.includes("people in this wave's active pairs has availability"),
             `the message names the cause: ${JSON.stringify(generated)}`);
      const pair = doc.pairs.find((p) => p.state === 'active' && p.program_id === doc.programs[doc.programs.length - 1].id);
      const name = (id) => doc.participants.find((p) => p.id === id).name;
      assert(generated.details.some((d) => d.startsWith(`${name(pair.mentor_id)} & ${name(pair.mentee_id)} (${pair.id}): `)),
             `the pairs are named by their people: ${generated.details.slice(0, 2).join(' | ')}`);
      await click(page, 'Matching');
      // The cause line's other way: invite them, with the people missing details chosen.
      await click(page, 'Invite them to fill it in…');
      const missing = await waitForItem(page, 'who-missing');
      assert(missing.label.includes(`(${active})`), `the invitation dialog counts the ${active} people: ${missing.label}`);
      await click(page, 'Close', { window: 'Invite participants' });
      await click(page, `Show these ${active} people in People`);
      // People comes forward, listing everyone without availability.
      await click(page, 'Apply office hours…');
      await waitForItem(page, `Apply to ${doc.participants.length} people listed`);
      await click(page, 'Cancel', { window: 'Apply office hours' });
    },
  },
  {
    name: 'Apply office hours gives the listed people the default week in their own zones, in one undo step',
    async run(t) {
      const { page } = await openWithoutAvailability(t, 2);
      const start = await documentJson(page);
      const activeLacking = start.participants.filter((p) => p.active && p.availability.length === 0).length;
      await click(page, 'Matching');
      await click(page, `Show these ${activeLacking} people in People`);
      await waitForFrames(page, 4);
      const before = await documentJson(page);
      const lacking = before.participants.filter((p) => p.availability.length === 0);
      const having = before.participants.filter((p) => p.availability.length > 0);
      await click(page, 'Apply office hours…');
      // Only those without hours are listed: the two mentors who have some are left out.
      await waitForItem(page, `Apply to ${lacking.length} people listed`);
      await waitForText(page, 'Reads as Mon-Fri 09:00-12:00, 13:00-17:00 (35 hours a week).');
      await screenshot(page, 'first-use-office-hours');
      // An edited template is not thrown away by Esc without asking.
      await typeInto(page, 'Office hours', 'Tue 9-12');
      await waitForText(page, 'Reads as Tue 09:00-12:00 (3 hours a week).');
      await page.keyboard.press('Enter');  // leaves the text field, keeping the text (Esc there undoes the typing)
      await waitForFrames(page, 3);
      await page.keyboard.press('Escape');  // then Esc is the dialog's: it asks first
      await waitForItem(page, 'Keep editing');
      await click(page, 'Keep editing');
      await typeInto(page, 'Office hours', 'Mon-Fri 09:00-12:00, 13:00-17:00');
      await waitForText(page, 'Reads as Mon-Fri 09:00-12:00, 13:00-17:00 (35 hours a week).');
      await click(page, `Apply to ${lacking.length} people listed`);
      const after = await waitForDocument(page, (d) => d.participants.every((p) => p.availability.length > 0),
                                          'everyone with hours');
      for (const person of lacking) {
        const now = after.participants.find((p) => p.id === person.id);
        assertEqual(now.availability.length, 10, `${person.name}'s windows`);
        assertEqual(now.availability[0], { day: 'mon', end: '12:00', start: '09:00' }, `${person.name}'s Monday`);
        assertEqual(now.time_zone, person.time_zone, `${person.name}'s zone stays`);
      }
      for (const person of having) {
        const now = after.participants.find((p) => p.id === person.id);
        assertEqual(now.availability, person.availability, `${person.name}, not listed, keeps their hours`);
      }
      await menu(page, 'Edit', 'Undo');
      await waitForDocument(page, (d) => d.participants.filter((p) => p.availability.length === 0).length === lacking.length,
                            'the hours taken back in one undo');
    },
  },
  {
    name: 'Esc in a drop-down of the CSV dialog closes the drop-down only; closing with changed choices asks first',
    async run(t) {
      const { page } = await t.openApp();
      await importCsvText(t, page, HR_EXPORT);
      // Open the first column's drop-down, then Esc: the drop-down closes, the dialog stays.
      await click(page, '##field', { window: 'Import people from CSV' });
      await waitForItem(page, '(not imported)');
      await page.keyboard.press('Escape');
      await waitForFrames(page, 4);
      assert(!(await findItem(page, '(not imported)')), 'the drop-down is still open');
      await waitForItem(page, 'Import', { window: 'Import people from CSV' });
      // Change a column's field, then Esc: the dialog asks before losing the choice.
      await click(page, '##field', { window: 'Import people from CSV' });
      await click(page, '(not imported)');
      await waitForFrames(page, 3);
      await page.keyboard.press('Escape');
      await waitForItem(page, 'Keep editing');
      await page.keyboard.press('Escape');  // Esc in the question closes the question only
      await waitForFrames(page, 4);
      assert(!(await findItem(page, 'Keep editing')), 'the question stayed open');
      await waitForItem(page, 'Import', { window: 'Import people from CSV' });
      await click(page, 'Cancel', { window: 'Import people from CSV' });
      await click(page, 'Discard and close');
      await waitForFrames(page, 4);
      assert(!(await findItem(page, 'Import', { window: 'Import people from CSV' })), 'the dialog did not close');
    },
  },
  {
    name: 'after Accept the rows say current, not new; each forbidden pair is listed and can be allowed again',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1400, height: 900 } });
      const statuses = async (status) => (await page.evaluate(() => window.flipside.items()))
        .filter((i) => i.visible && (i.full_label || '').startsWith(`${status}##status-`)).length;
      await click(page, 'Matching');
      await click(page, 'Run');
      const rows = await waitForProposal(page);
      assert(await statuses('new') > 0, 'the proposal has no new pairs to accept');
      assert(!(await findItem(page, 'Unmatched (0)')), 'an empty Unmatched list is drawn as a table');

      // Forbid a row: the pair leaves the proposal, and the settings list it, removable on its own.
      const forbidden = rows.find((r) => !r.locked).key;
      await click(page, `Forbid##${forbidden}`);
      await waitForProposal(page, (r) => !r.some((x) => x.key === forbidden), `a proposal without ${forbidden}`);
      await waitForItem(page, `Allow again##rule-${forbidden}`);
      await screenshot(page, 'first-use-forbidden-list');
      await click(page, `Allow again##rule-${forbidden}`);
      await waitForDocument(page, (doc) => !((currentProgram(doc).matching || {}).forbidden_pairs || [])
        .some((p) => keyOf(p) === forbidden), `${forbidden} allowed again`);

      await waitForProposal(page);
      await click(page, 'Accept');
      if (await findItem(page, 'Accept and remove')) await click(page, 'Accept and remove');
      await waitForItem(page, 'Accepted: these are now the wave\'s pairs. Edit > Undo (Ctrl+Z) takes it back.');
      await waitForFrames(page, 3);
      assertEqual(await statuses('new'), 0, 'rows still marked new after Accept');
      assert(await statuses('current') > 0, 'the accepted rows are not marked current');
      await screenshot(page, 'first-use-accepted');
    },
  },
  {
    name: 'Create a program starts on the Monday after today and runs 25 weeks to a Friday',
    async run(t) {
      const { page } = await t.openApp();
      await clearAllData(page);
      await click(page, 'Program');
      await click(page, 'Create a program');
      const doc = await waitForDocument(page, (d) => d.programs.length === 1, 'the new program');
      const day = (iso) => new Date(`${iso}T00:00:00Z`);
      const start = day(doc.programs[0].start_date);
      const end = day(doc.programs[0].end_date);
      const today = day(new Date().toISOString().slice(0, 10));
      const days = (a, b) => Math.round((b - a) / 86400000);
      assertEqual(start.getUTCDay(), 1, `the start ${doc.programs[0].start_date} is a Monday`);
      assert(days(today, start) >= 1 && days(today, start) <= 7, `the start ${doc.programs[0].start_date} is the next Monday`);
      assertEqual(end.getUTCDay(), 5, `the end ${doc.programs[0].end_date} is a Friday`);
      assertEqual(days(start, end), 24 * 7 + 4, 'the program runs 25 weeks');
    },
  },
  {
    name: 'a date can be picked on a small calendar beside the date field, and typing still works',
    async run(t) {
      const { page } = await t.openApp();
      await click(page, 'Program');
      const starts = new Set((await documentJson(page)).programs.map((p) => p.start_date));
      await click(page, 'Pick date##Start date');
      // The calendar opens on the start's month: pick a day that is no program's start yet.
      const days = (await page.evaluate(() => window.flipside.items()))
        .filter((i) => i.visible && /^\d+##\d{4}-\d{2}-\d{2}$/.test(i.full_label || ''))
        .filter((i) => !starts.has(i.full_label.split('##')[1]));
      assert(days.length > 20, `no month calendar opened beside the start date (${days.length} days)`);
      const day = days[Math.floor(days.length / 2)];
      const picked = day.full_label.split('##')[1];
      await screenshot(page, 'first-use-date-picker');
      await click(page, day.full_label);
      await waitForFrames(page, 3);
      assert(!(await findItem(page, day.full_label)), 'the calendar stayed open after a day was picked');
      // The form saves as it goes: the picked day is in the document without a Save button.
      await waitForDocument(page, (doc) => doc.programs.some((p) => p.start_date === picked), `a start on ${picked}`);
      // Typing a date is still the other way in; a half-typed one is held back and the status bar says so.
      await typeInto(page, 'Start date', '2027-02-3');
      await click(page, 'Program name');
      await waitForText(page, 'this change is not saved yet');
      await screenshot(page, 'first-use-unsaved-form');
      await click(page, 'Dashboard');
      await waitForText(page, 'this change is not saved yet');
      await click(page, 'Program');
      await typeInto(page, 'Start date', '2027-02-01');
      await click(page, 'Program name');
      await waitForDocument(page, (doc) => doc.programs.some((p) => p.start_date === '2027-02-01'), 'the typed start');
      await waitForFrames(page, 3);
      assert(!(await visibleLabels(page, 'this change is not saved yet')).length, 'the status bar still warns after the date was fixed');
    },
  },
];
