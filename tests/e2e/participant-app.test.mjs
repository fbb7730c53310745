// The participant's own app, as a participant uses it: in a browser of their own (a fresh
// profile), opened from the personal link the coordinator's `flipside invite` wrote, working
// offline after that first visit. They complete their profile, paint their availability, mark
// a session held, rate it, rank a shortlist, and produce a reply; the coordinator's merge
// (the command line here) takes it in. Screenshots of every participant page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { openPortal } from './embed.test.mjs';
import { dropFile } from './import-export.test.mjs';
import { parseCsv } from './participants-coordinator.test.mjs';
import { dashboardFigures } from './workspace.test.mjs';
import { waitForServiceWorker } from './offline.test.mjs';
import {
  CLI,
  REPO_ROOT, assert, assertEqual, click, documentJson, findItem, menu, messages, screenshot, typeInto, waitForApp,
  waitForDocument, waitForFrames, waitForItem,
} from './harness.mjs';

const DAY_MS = 86400000;

function cli(args) {
  return execFileSync(CLI, args, { encoding: 'utf8' });
}

// The demo program matched and scheduled, with the first session of one pair moved to two days
// ago (so it can be marked held), then an invitation for that pair's mentee.
function pairedWave(t, baseUrl) {
  const file = path.join(t.scratch, 'program.json');
  cli(['demo', '-o', file]);
  cli(['match', file, '-o', file]);
  cli(['schedule', file, '-o', file]);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const program = doc.programs.at(-1);
  const pair = doc.pairs.find((p) => p.program_id === program.id && doc.sessions.some((s) => s.pair_id === p.id));
  const sessions = doc.sessions.filter((s) => s.pair_id === pair.id).sort((a, b) => a.start.localeCompare(b.start));
  // One session that took place two days ago, still planned (the pair has not said): the first.
  sessions[0].start = new Date(Date.now() - 2 * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const s of sessions.slice(1)) {
    if (Date.parse(s.start) < Date.now()) s.status = 'held';  // the rest of the past is recorded
  }
  fs.writeFileSync(file, JSON.stringify(doc, null, 1));
  return { file, ...invite(t, file, pair.mentee_id, baseUrl), pair, session: sessions[0], doc };
}

function invite(t, file, id, baseUrl) {
  const dir = path.join(t.scratch, `invitations-${id}`);
  cli(['invite', file, '--participant', id, '--base-url', baseUrl, '-o', dir]);
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'invitations.csv'), 'utf8').replace(/^\uFEFF/, ''))
    .filter((r) => r.length > 1);
  const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
  return { link: row.link, row, inviteFile: path.join(dir, `${id}.flipside-invite`) };
}

async function openPage(page, title) {
  await click(page, title, { window: 'Participant' });
  await waitForFrames(page, 3);
}

// Makes the reply and returns the downloaded file's content and name.
async function makeReply(page, t) {
  await openPage(page, 'Send to the coordinator');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20000 }),
    click(page, 'Make my reply'),
  ]);
  const saved = path.join(t.scratch, download.suggestedFilename());
  await download.saveAs(saved);
  return { name: download.suggestedFilename(), text: fs.readFileSync(saved, 'utf8'), file: saved };
}

// Clicks an item of the app inside a portal's frame, as a hand on the mouse would.
async function clickInFrame(page, frame, label) {
  await waitForFrames(frame, 3);  // the layout after whatever happened last
  const item = await waitForItem(frame, label);
  const box = await (await frame.frameElement()).boundingBox();
  await page.mouse.move(box.x + item.x + Math.min(item.w / 2, 24), box.y + item.y + item.h / 2);
  await waitForFrames(frame, 2);
  await page.mouse.down();
  await page.mouse.up();
  await waitForFrames(frame, 3);
}

export const tests = [
  {
    name: 'a paired participant works offline in their own browser and replies; the merge takes it in',
    timeout: 300000,
    async run(t) {
      const wave = pairedWave(t, t.baseUrl);
      assert(wave.link.startsWith(`${t.baseUrl}#invite=`), `the link points at the app: ${wave.link.slice(0, 80)}`);
      const me = wave.doc.participants.find((p) => p.id === wave.pair.mentee_id);
      const partner = wave.doc.participants.find((p) => p.id === wave.pair.mentor_id);

      // First visit online (the service worker caches the app), then offline from here on.
      const { context, page } = await t.openApp({ url: wave.link, viewport: { width: 1100, height: 900 } });
      await waitForServiceWorker(page);
      assertEqual(await page.evaluate(() => window.flipside.mode()), 'participant', 'mode');
      assertEqual(await page.evaluate(() => location.hash), '#participant', 'the secret left the address bar');
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      await waitForItem(page, 'Welcome', { window: 'Participant' });
      await screenshot(page, 'participant-welcome');
      // Nothing of the coordinator's app, and the partner's contact but nobody else's.
      const labels = (await page.evaluate(() => window.flipside.items())).map((i) => i.label);
      assert(!labels.includes('People') && !labels.includes('File'), 'coordinator screens are not drawn');

      await openPage(page, 'My profile');
      await typeInto(page, 'New skill', 'Board reporting');
      await click(page, 'Add skill');
      await screenshot(page, 'participant-profile');

      await openPage(page, 'My availability');
      const grid = await findItem(page, 'grid', { window: 'Participant' });
      const x = grid.x + grid.w - grid.w / 16;  // Sunday
      await page.mouse.move(x, grid.y + grid.h * 0.4);
      await page.mouse.down();
      for (let step = 1; step <= 5; step += 1) {
        await page.mouse.move(x, grid.y + grid.h * 0.4 + step * 8);
        await waitForFrames(page, 1);
      }
      await page.mouse.up();
      await waitForFrames(page, 3);
      await screenshot(page, 'participant-availability');

      await openPage(page, 'My partner and sessions');
      await waitForItem(page, partner.email);
      const [calendar] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
                                            click(page, 'Add to my calendar')]);
      const ics = fs.readFileSync(await calendar.path(), 'utf8');
      const pairSessions = wave.doc.sessions.filter((s) => s.pair_id === wave.pair.id).length;
      assert(/^flipside-[a-z0-9-]+-sessions\.ics$/.test(calendar.suggestedFilename()), `calendar ${calendar.suggestedFilename()}`);
      assertEqual((ics.match(/BEGIN:VEVENT/g) || []).length, pairSessions, 'one event per session of their pair');
      assert(!ics.includes(wave.doc.participants.find((p) => p.id !== me.id && p.id !== partner.id).email),
             'nobody else is in their calendar');
      await click(page, 'It took place');
      await typeInto(page, 'Private notes (only on this device, never sent)', 'Ask about the budget review');
      await screenshot(page, 'participant-sessions');

      await openPage(page, 'Feedback');
      await click(page, '4 ★');
      await typeInto(page, 'Comment', 'Clear and practical');
      await screenshot(page, 'participant-feedback');

      const reply = await makeReply(page, t);
      assert(/^flipside-reply-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/.test(reply.name) && !reply.name.includes('-participant-'),
             `reply file name ${reply.name} (their name, or their id where the name gives nothing safe)`);
      await waitForItem(page, 'Copy the text');
      await screenshot(page, 'participant-send');
      // The same app on a phone: the pages' buttons in a row above the page.
      await page.setViewportSize({ width: 390, height: 844 });
      await openPage(page, 'Welcome');
      await screenshot(page, 'participant-phone-welcome');
      await page.setViewportSize({ width: 1100, height: 900 });
      const sent = JSON.parse(reply.text);
      assertEqual(sent.participant_id, me.id, 'the reply is theirs');
      assert(!reply.text.includes('budget review'), 'a private note left the device');
      const fields = sent.changes.map((c) => c.field).sort();
      assertEqual(fields, ['availability', `feedback/${wave.session.id}`, `session/${wave.session.id}/status`, 'skills'],
                  'the reply carries exactly the changes');

      // A reload (still offline) keeps everything, including the private note.
      await page.reload();
      await waitForApp(page);
      await openPage(page, 'My partner and sessions');
      await click(page, wave.session.id);  // its header, under "Earlier" now that it took place
      await waitForItem(page, 'It did not take place after all');

      // The coordinator's side: the reply merges, all of it.
      const merged = path.join(t.scratch, 'merged.json');
      const report = cli(['merge-replies', wave.file, reply.file, '-o', merged]);
      assert(/applied/.test(report), `merge report: ${report}`);
      const after = JSON.parse(fs.readFileSync(merged, 'utf8'));
      const person = after.participants.find((p) => p.id === me.id);
      assert(person.skills.some((s) => s.name === 'Board reporting'), 'the new skill was merged');
      assert(person.availability.some((w) => w.day === 'sun'), 'the Sunday hours were merged');
      assertEqual(after.sessions.find((s) => s.id === wave.session.id).status, 'held', 'session held');
      const rating = (after.feedback || []).find((f) => f.session_id === wave.session.id && f.author_id === me.id);
      assertEqual(rating && rating.rating, 4, 'the rating was merged');
    },
  },
  {
    name: 'a participant of a stable-matching wave ranks their shortlist',
    async run(t) {
      const file = path.join(t.scratch, 'stable.json');
      cli(['demo', '-o', file]);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      doc.programs.at(-1).matching = { ...(doc.programs.at(-1).matching || {}), mode: 'stable' };
      doc.programs.at(-1).invitations = { candidate_fields: ['department', 'skills'] };
      fs.writeFileSync(file, JSON.stringify(doc));
      const mentee = doc.participants.find((p) => p.role === 'mentee' && p.active);
      const { link } = invite(t, file, mentee.id, t.baseUrl);
      const { page } = await t.openApp({ url: link, viewport: { width: 1100, height: 900 } });
      await openPage(page, 'My preferences');
      const candidates = (await page.evaluate(() => window.flipside.items()))
        .filter((i) => /^Add /.test(i.label) && i.label !== 'Add skill').map((i) => i.label);
      assert(candidates.length >= 2, `a shortlist to rank: ${candidates}`);
      await click(page, candidates[0]);
      await click(page, candidates[1]);
      await click(page, 'Up');  // the second one first
      await screenshot(page, 'participant-preferences');
      const reply = JSON.parse((await makeReply(page, t)).text);
      const preferences = reply.changes.find((c) => c.field === 'preferences');
      const byName = new Map(doc.participants.map((p) => [p.name, p.id]));
      assertEqual(preferences.after, [byName.get(candidates[1].slice(4)), byName.get(candidates[0].slice(4))],
                  'the ranking as ordered');
    },
  },
  {
    name: 'a tampered link opens nothing and says why; an invitation file dropped on the coordinator\'s page opens it',
    async run(t) {
      const wave = pairedWave(t, t.baseUrl);
      const tampered = wave.link.slice(0, -6) + (wave.link.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
      const first = await t.openApp({ url: tampered });
      await waitForItem(first.page, 'Open my invitation');
      const said = await messages(first.page);
      assert(said.some((m) => m.kind === 'error' && /cannot be opened/.test(m.text)), `said: ${JSON.stringify(said)}`);
      await screenshot(first.page, 'participant-tampered-link');

      // The offline single file's way: the coordinator's page, then the invitation file dropped on it.
      const second = await t.openApp();
      assertEqual(await second.page.evaluate(() => window.flipside.mode()), 'coordinator', 'starts as coordinator');
      const reloaded = second.page.waitForEvent('load');
      // Dropped as dropFile() does, without waiting for frames: the page reloads at once.
      await second.page.evaluate(([name, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.getElementById('canvas').dispatchEvent(new DragEvent(type, {
            dataTransfer: transfer, bubbles: true, cancelable: true, clientX: 400, clientY: 300 }));
        }
      }, [path.basename(wave.inviteFile), fs.readFileSync(wave.inviteFile, 'utf8')]);
      await reloaded;
      await waitForApp(second.page);
      assertEqual(await second.page.evaluate(() => window.flipside.mode()), 'participant', 'participant after the drop');
      await waitForItem(second.page, 'My profile', { window: 'Participant' });
      // The coordinator's data is where it was: its own namespace.
      const keys = await second.page.evaluate(() => Object.keys(localStorage));
      assert(keys.some((k) => k.startsWith('flipside/default/')), 'the coordinator data is kept');
      assert(keys.some((k) => k.startsWith('flipside/participant/participant/')), 'the participant has its own namespace');
    },
  },
  {
    name: 'in the HR portal the host opens the signed-in person\'s invitation and receives their reply',
    async run(t) {
      const wave = pairedWave(t, new URL('index.html', t.baseUrl).href);
      const { page, ready, frame } = await openPortal(t, '?embeds=acme-me&modes=participant');
      assertEqual(ready[0].mode, 'participant', 'the embed is a participant\'s app');
      const app = frame('acme-me');
      await waitForApp(app);
      await waitForItem(app, 'Open my invitation');  // nothing opened yet

      const opened = await page.evaluate((link) => window.portal.openInvitation(link), wave.link);
      assert(opened.ok, `openInvitation refused: ${JSON.stringify(opened)}`);
      assertEqual(opened.reply.status, 'opened', 'status');
      assertEqual(opened.reply.participant.id, wave.pair.mentee_id, 'whose invitation');
      const again = await page.evaluate((link) => window.portal.openInvitation(link), wave.link);
      assertEqual(again.reply.status, 'already-open', 'the same invitation again');
      const garbled = await page.evaluate(() => window.portal.openInvitation('#invite=not-a-real-invitation'));
      assertEqual(garbled.code, 'invitation-refused', `a garbled invitation: ${JSON.stringify(garbled)}`);

      await clickInFrame(page, app, 'My partner and sessions');
      await clickInFrame(page, app, 'It took place');
      await clickInFrame(page, app, 'Send to the coordinator');
      await clickInFrame(page, app, 'Make my reply');
      await page.waitForFunction(() => window.portal.replies.length === 1, null, { timeout: 10000 });
      await screenshot(page, 'portal-participant-reply');
      const [received] = await page.evaluate(() => window.portal.replies);
      assertEqual(received.participantId, wave.pair.mentee_id, 'the reply event names the participant');
      assertEqual(received.sequence, 1, 'the first reply');
      assertEqual(received.reply.changes.map((c) => c.field), [`session/${wave.session.id}/status`], 'what it carries');
      const file = t.scratchFile('portal-reply.json', JSON.stringify(received.reply));
      const report = cli(['merge-replies', wave.file, file, '-o', path.join(t.scratch, 'merged.json')]);
      assert(/applied/.test(report), `the portal's reply merges: ${report}`);
    },
  },
  {
    name: 'the whole round: the coordinator invites, the participant replies offline, the merge shows everywhere, Ctrl+Z takes it back',
    timeout: 300000,
    async run(t) {
      // The coordinator's wave (paired, scheduled, a session two days ago still open) in their browser.
      const wave = pairedWave(t, t.baseUrl);
      const data = fs.readFileSync(wave.file, 'utf8');
      const coordinator = await t.openApp({ viewport: { width: 1400, height: 900 } });
      const desk = coordinator.page;
      await dropFile(desk, 'wave.json', data);
      await waitForDocument(desk, (d) => d.pairs.length === wave.doc.pairs.length, 'the wave in the app');
      const me = wave.doc.participants.find((p) => p.id === wave.pair.mentee_id);
      const before = await dashboardFigures(desk);

      await click(desk, 'People');
      await click(desk, me.name, { window: 'Roster' });
      await menu(desk, 'Participants', 'Invite…');
      await click(desk, 'Issue invitations');
      const [table] = await Promise.all([desk.waitForEvent('download', { timeout: 20000 }),
                                         click(desk, 'Download invitations.csv')]);
      const [header, ...rows] = parseCsv(fs.readFileSync(await table.path(), 'utf8').replace(/^\uFEFF/, ''))
        .filter((r) => r.length > 1);
      const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === me.id)[i]]));
      await desk.keyboard.press('Escape');

      // The participant, in a browser of their own, offline after the first visit.
      const { context, page } = await t.openApp({ url: row.link, viewport: { width: 1100, height: 900 } });
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      await openPage(page, 'My profile');
      await typeInto(page, 'New skill', 'Board reporting');
      await click(page, 'Add skill');
      await openPage(page, 'My availability');
      const grid = await findItem(page, 'grid', { window: 'Participant' });
      await page.mouse.move(grid.x + grid.w - grid.w / 16, grid.y + grid.h * 0.4);
      await page.mouse.down();
      await page.mouse.move(grid.x + grid.w - grid.w / 16, grid.y + grid.h * 0.4 + 30, { steps: 4 });
      await page.mouse.up();
      await openPage(page, 'My partner and sessions');
      await click(page, 'It took place');
      await openPage(page, 'Feedback');
      await click(page, '5 ★');
      const reply = await makeReply(page, t);

      // Back at the coordinator's desk: the reply file dropped, reviewed, applied.
      await dropFile(desk, reply.name, reply.text);
      await waitForItem(desk, 'Apply replies');
      await screenshot(desk, 'round-trip-review');
      await click(desk, 'Apply replies');
      const merged = await waitForDocument(desk, (d) => d.participants.find((p) => p.id === me.id).skills
        .some((s) => s.name === 'Board reporting'), 'the reply merged');
      assertEqual(merged.sessions.find((s) => s.id === wave.session.id).status, 'held', 'the session is held');
      assert(merged.feedback.some((f) => f.session_id === wave.session.id && f.author_id === me.id && f.rating === 5),
             'the rating is in');
      await click(desk, 'People');
      await click(desk, me.name, { window: 'Roster' });
      await waitForFrames(desk, 3);
      await screenshot(desk, 'round-trip-people');
      await click(desk, 'Matching');
      await screenshot(desk, 'round-trip-matching');
      const after = await dashboardFigures(desk);
      await screenshot(desk, 'round-trip-dashboard');
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      assert(changed.length > 0, `the dashboard moved: ${JSON.stringify(after)}`);

      // One undo takes the whole reply back.
      await desk.keyboard.press('Control+Z');
      const undone = await waitForDocument(desk, (d) => !d.participants.find((p) => p.id === me.id).skills
        .some((s) => s.name === 'Board reporting'), 'the merge undone');
      assertEqual(undone.sessions.find((s) => s.id === wave.session.id).status, 'planned', 'the session back to planned');
      assert(!undone.feedback.some((f) => f.session_id === wave.session.id && f.author_id === me.id), 'the rating gone');
    },
  },
  {
    name: 'the same round through the portal\'s messages: openInvitation, the reply event, mergeReplies',
    async run(t) {
      const wave = pairedWave(t, new URL('index.html', t.baseUrl).href);
      const invited = fs.readFileSync(wave.file, 'utf8');  // the ledger records the invitation
      const { page, frame } = await openPortal(t, '?embeds=hr,me&modes=coordinator,participant');
      const desk = frame('hr');
      const mine = frame('me');
      await waitForApp(desk);
      await waitForApp(mine);
      await page.evaluate(() => window.portal.select('hr'));
      const imported = await page.evaluate((doc) => window.portal.importJson(JSON.parse(doc)), invited);
      assert(imported.ok, `the coordinator's data: ${JSON.stringify(imported)}`);
      await page.evaluate(() => window.portal.select('me'));
      const opened = await page.evaluate((link) => window.portal.openInvitation(link), wave.link);
      assert(opened.ok, `openInvitation: ${JSON.stringify(opened)}`);
      await clickInFrame(page, mine, 'My partner and sessions');
      await clickInFrame(page, mine, 'It took place');
      await clickInFrame(page, mine, 'Send to the coordinator');
      await clickInFrame(page, mine, 'Make my reply');
      await page.waitForFunction(() => window.portal.replies.length === 1, null, { timeout: 10000 });
      // The portal takes the reply to the coordinator's embed and merges it at once.
      await page.evaluate(() => window.portal.select('hr'));
      const merged = await page.evaluate(
        () => window.portal.handles[0].mergeReplies([JSON.stringify(window.portal.replies[0].reply)], { apply: true }));
      assertEqual(merged.applied, 1, `merged: ${JSON.stringify(merged)}`);
      const doc = JSON.parse(await desk.evaluate(() => window.flipside.documentJson()));
      assertEqual(doc.sessions.find((s) => s.id === wave.session.id).status, 'held', 'the coordinator sees it held');
      await screenshot(page, 'portal-round-trip');
    },
  },
  {
    name: 'a second tab of the participant\'s app says where changes are made, and takes over on request',
    async run(t) {
      const wave = pairedWave(t, t.baseUrl);
      const { context, page } = await t.openApp({ url: wave.link });
      await waitForItem(page, 'My profile', { window: 'Participant' });
      const second = await context.newPage();
      await second.goto(new URL('#participant', t.baseUrl).href);
      await waitForApp(second);
      const banner = await waitForItem(second, 'Edit here');
      assert(banner, 'the second tab offers to edit here');
      await screenshot(second, 'participant-second-tab');
      await click(second, 'Edit here');
      await second.waitForFunction(() => !window.flipside.itemRect('Edit here').found, null, { timeout: 15000 });
      await waitForItem(page, 'Edit here');  // and the first tab now says so
    },
  },
];
