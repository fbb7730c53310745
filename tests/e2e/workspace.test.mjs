// The coordinator's weekly work through the interface: bring people in from an HR system's CSV
// export, edit someone's availability on the grid, record a held session with feedback, and
// see the dashboard's figures follow.
import fs from 'node:fs';
import path from 'node:path';

import {
  REPO_ROOT, assert, assertEqual, click, documentJson, findItem, menu, screenshot, typeInto, waitForDocument, waitForFrames, waitForItem,
} from './harness.mjs';

const CSV_FIXTURE = path.join(REPO_ROOT, 'tests', 'data', 'csv', 'workday_export.csv');

// Opens the CSV import dialog on `file` through File > Import people from CSV… and the chooser.
export async function importCsv(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 20000 }),
    menu(page, 'File', 'Import people from CSV…'),
  ]);
  await chooser.setFiles(file);
  await waitForItem(page, 'Import', { window: 'Import people from CSV' });
}

// The dashboard's figures, as its "Export figures as CSV" button writes them.
export async function dashboardFigures(page) {
  await click(page, 'Dashboard');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    click(page, 'Export figures as CSV'),
  ]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const figures = {};
  for (const line of text.split(/\r?\n/)) {
    const [section, item, measure, value] = line.replace(/^\uFEFF/, '').split(',');
    if (!item) figures[`${section}.${measure}`] = value;
  }
  return figures;
}

export const tests = [
  {
    name: 'a CSV export from the HR system is imported through the mapping dialog, and one undo reverts it',
    async run(t) {
      const { page } = await t.openApp();
      const before = await documentJson(page);
      await importCsv(page, CSV_FIXTURE);
      await screenshot(page, 'csv-import-dialog');
      await click(page, 'Import', { window: 'Import people from CSV' });
      await waitForFrames(page, 3);
      const after = await documentJson(page);
      const zoe = after.participants.find((p) => p.email === 'zoe.akesson@example.com');
      assert(zoe, 'zoe.akesson@example.com was not imported');
      assertEqual(zoe.name, 'Zoë Åkesson', 'the Windows/UTF-8 name');
      assert(zoe.skills.some((s) => s.name === 'Power BI'), 'the skills cell was not split into skills');
      assert(after.participants.length > before.participants.length, 'no one was added');
      // The new person is in the People table.
      await click(page, 'People');
      await typeInto(page, 'Search', 'Åkesson');
      await waitForItem(page, 'Zoë Åkesson');
      // One undo takes the whole import back.
      await menu(page, 'Edit', 'Undo');
      await waitForFrames(page, 3);
      const undone = await documentJson(page);
      assertEqual(undone.participants.length, before.participants.length, 'people after undo');
    },
  },
  {
    name: 'availability edited by dragging across the grid is saved to the person',
    async run(t) {
      const { page } = await t.openApp();
      const document = await documentJson(page);
      const person = document.participants.find((p) => !p.availability.some((w) => w.day === 'sun'));
      assert(person, 'the demo has someone free of Sunday windows');
      await click(page, 'People');
      await click(page, person.name);
      const grid = await (async () => {
        await click(page, 'grid', { window: 'Editor' });  // scrolls it into view (and toggles one cell)
        return findItem(page, 'grid', { window: 'Editor' });
      })();
      // Sunday is the last column: drag down it for a few rows.
      const x = grid.x + grid.w - grid.w / 16;
      await page.mouse.move(x, grid.y + grid.h * 0.35);
      await page.mouse.down();
      for (let step = 1; step <= 6; step += 1) {
        await page.mouse.move(x, grid.y + grid.h * 0.35 + step * 8);
        await waitForFrames(page, 1);
      }
      await page.mouse.up();
      await waitForFrames(page, 2);
      await click(page, 'Save changes', { window: 'Editor' });
      const saved = (await documentJson(page)).participants.find((p) => p.id === person.id);
      const sunday = saved.availability.filter((w) => w.day === 'sun');
      assert(sunday.length > 0, `no Sunday window after the drag: ${JSON.stringify(saved.availability)}`);
      await screenshot(page, 'people-availability-grid');
    },
  },
  {
    name: 'a session recorded as held with a rating moves the dashboard',
    async run(t) {
      const { page } = await t.openApp();
      const before = await dashboardFigures(page);
      const document = await documentJson(page);
      const current = document.programs[document.programs.length - 1];
      // A session can be marked held once it has started: one from the past not held.
      const started = (s) => s.status !== 'held' && new Date(s.start) < new Date();
      const pair = document.pairs.find((p) => p.program_id === current.id &&
        document.sessions.some((s) => s.pair_id === p.id && started(s)));
      assert(pair, 'the demo has a pair with a session in the past not held');
      const session = document.sessions.filter((s) => s.pair_id === pair.id && started(s))
        .sort((a, b) => a.start.localeCompare(b.start))[0];
      const name = (id) => document.participants.find((p) => p.id === id).name;

      await click(page, 'Sessions');
      await click(page, `${name(pair.mentee_id)} ← ${name(pair.mentor_id)}`);
      await click(page, session.id, { window: 'PairDetail' });
      await click(page, 'Status', { window: 'PairDetail' });
      await click(page, 'held');
      let now = await documentJson(page);
      assertEqual(now.sessions.find((s) => s.id === session.id).status, 'held', 'session status');
      // The rating saves as it is clicked, as the status did.
      await click(page, '5', { window: 'PairDetail' });
      now = await waitForDocument(page, (doc) => doc.feedback.some((f) => f.session_id === session.id), 'the rating');
      const rating = now.feedback.find((f) => f.session_id === session.id);
      assert(rating && rating.rating === 5, `no rating of 5 on ${session.id}`);
      await screenshot(page, 'sessions-journal');

      const after = await dashboardFigures(page);
      assertEqual(Number(after['sessions.held']), Number(before['sessions.held']) + 1, 'sessions held on the dashboard');
      assertEqual(Number(after['ratings.count']), Number(before['ratings.count']) + 1, 'ratings on the dashboard');
      await screenshot(page, 'dashboard-after-session');
    },
  },
  {
    name: 'long program norms read wrapped in their field; a click edits them, caret after the text',
    async run(t) {
      const { page } = await t.openApp();
      await click(page, 'Program');
      const label = '##Norms and guidelines (how to communicate, where to meet, confidentiality)';
      const before = (await documentJson(page)).programs.at(-1).norms;
      assert(before.length > 150, 'the demo norms are too short to need wrapping');
      // At rest the field is one box as wide as the screen allows, with the text wrapped inside.
      const box = await waitForItem(page, label);
      assert(box.x + box.w <= box.clip.x + box.clip.w + 0.5, 'the norms field runs past the window');
      await screenshot(page, 'program-norms-wrapped');
      await click(page, label);
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input',
                                 null, { timeout: 5000 });
      await page.keyboard.type(' Bring a laptop.');
      await page.waitForFunction(() => window.flipside.pendingInput() === 0);
      await waitForFrames(page, 3);
      await screenshot(page, 'program-norms-editing');
      // Nothing is saved half typed; leaving the field saves it, one undoable step.
      assertEqual((await documentJson(page)).programs.at(-1).norms, before, 'norms saved while still being typed');
      await click(page, 'Start date');
      await waitForDocument(page, (doc) => doc.programs.at(-1).norms !== before, 'the norms saved');
      const after = (await documentJson(page)).programs.at(-1).norms;
      assertEqual(after, before + ' Bring a laptop.', 'norms after typing at the end');
    },
  },
];
