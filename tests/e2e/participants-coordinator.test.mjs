// The coordinator's side of invitations and replies: Participants › Invite… for a paired
// participant and their partner (link, file, e-mail draft, invitations.csv), replies made by the
// native command line as the participant's app makes them (a file dropped, a text block pasted
// from an e-mail), merged through Participants › Merge
// replies… (a conflict chosen each way, a tampered reply refused by name, Ctrl+Z undoing the
// whole batch), and the same replies sent by the mock portal's mergeReplies.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { openPortal } from './embed.test.mjs';
import {
  CLI,
  REPO_ROOT, assert, assertEqual, click, documentJson, menu, messages, readableText, screenshot, scrollIntoView,
  typeInto, waitForApp,
  waitForDocument, waitForFrames, waitForItem,
} from './harness.mjs';
import { dropFile } from './import-export.test.mjs';


function cli(...args) {
  return execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// A wave with pairs and sessions, as a coordinator has it after matching and scheduling.
function pairedWave(t, { invite = [] } = {}) {
  const today = new Date().toISOString().slice(0, 10);
  const file = (name) => path.join(t.scratch, name);
  cli('demo', '--participants', '40', '--seed', '7', '--today', today, '-o', file('demo.json'));
  cli('match', file('demo.json'), '-o', file('matched.json'));
  cli('schedule', file('matched.json'), '-o', file('data.json'));
  const data = JSON.parse(fs.readFileSync(file('data.json'), 'utf8'));
  const program = data.programs.at(-1);
  const pair = data.pairs.find((p) => p.program_id === program.id &&
                                      data.sessions.some((s) => s.pair_id === p.id));
  assert(pair, 'the scheduled demo has a pair with sessions');
  const person = (id) => data.participants.find((p) => p.id === id);
  const ids = [pair.mentor_id, pair.mentee_id];
  if (invite.length) cli('invite', file('data.json'), ...invite.flatMap((id) => ['--participant', id]), '-o', file('inv'));
  return { file: file('data.json'), data, mentor: person(ids[0]), mentee: person(ids[1]) };
}

// A reply as the participant's app would sign it, from the invitation file.
function reply(t, invitation, name, sets) {
  const out = path.join(t.scratch, name);
  cli('reply', invitation, ...sets.flatMap((s) => ['--set', s]), '-o', out);
  return fs.readFileSync(out, 'utf8');
}

async function download(page, label, options) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), click(page, label, options)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

// The invitation a link carries: base64url of raw DEFLATE of its JSON (docs/file-format.md).
function decodeLink(link) {
  const payload = link.slice(link.indexOf('#invite=') + '#invite='.length);
  return JSON.parse(zlib.inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8'));
}

// RFC 4180 enough for the invitations table: quoted cells with doubled quotes and line breaks.
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; ++i; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const personIn = (doc, id) => doc.participants.find((p) => p.id === id);

export const tests = [
  {
    name: 'invite a paired participant and their partner, then merge their replies through the review',
    async run(t) {
      const wave = pairedWave(t);
      const { page } = await t.openApp();
      await dropFile(page, 'data.json', fs.readFileSync(wave.file, 'utf8'));
      await waitForDocument(page, (d) => d.pairs.length === wave.data.pairs.length, 'the imported wave');

      // Select the pair's two people in People (click, then Ctrl+click) and invite them.
      await click(page, wave.mentor.name, { window: 'Roster' });
      await scrollIntoView(page, wave.mentee.name, { window: 'Roster' });  // the wheel, before Ctrl is held
      await page.keyboard.down('Control');
      await click(page, wave.mentee.name, { window: 'Roster' });
      await page.keyboard.up('Control');
      await menu(page, 'Participants', 'Invite…');
      await waitForItem(page, 'Issue invitations');
      const selected = await waitForItem(page, 'who-selected');
      assert(selected.label.includes(`${wave.mentor.name} (${wave.mentor.id})`) && selected.label.includes(wave.mentee.name),
             `the selection is offered by name: "${selected.label}"`);
      await click(page, 'Issue invitations');
      await waitForItem(page, 'Download invitations.csv');
      await screenshot(page, 'participants-invite-dialog');

      // The program records both invitations (and got its key).
      const invited = await documentJson(page);
      const ledger = invited.programs.at(-1).invitations;
      assert(/^[0-9a-f]{64}$/.test(ledger.key), 'the program has its invitation key');
      assertEqual(ledger.issued.map((i) => i.participant_id).sort(), [wave.mentor.id, wave.mentee.id].sort(), 'issued to');

      // invitations.csv: the command line's columns, a link per person that decodes to their invitation.
      const table = await download(page, 'Download invitations.csv');
      assertEqual(table.name, 'invitations.csv', 'table name');
      const rows = parseCsv(table.text.replace(/^\uFEFF/, ''));
      assertEqual(rows[0], ['id', 'name', 'email', 'link', 'subject', 'body'], 'table header');
      const mentorRow = rows.find((r) => r[0] === wave.mentor.id);
      assert(mentorRow && mentorRow[1] === wave.mentor.name, 'the mentor has a row with their name');
      assert(mentorRow[3].startsWith(`${t.baseUrl}#invite=`), `the link points at the app: ${mentorRow[3].slice(0, 60)}`);
      assert(mentorRow[3].length < 4096, `a paired participant's link is under 4 KB (${mentorRow[3].length})`);
      const fromLink = decodeLink(mentorRow[3]);
      assertEqual(fromLink.participant.id, wave.mentor.id, 'the link carries the mentor\'s invitation');
      assert(fromLink.partners.length === 1 && fromLink.partners[0].id === wave.mentee.id, 'with their partner');
      assert(fromLink.sessions.length > 0, 'and their sessions');

      // Each person's invitation file, the same invitation as their link.
      const inviteFile = {};
      for (const [n, issued] of ledger.issued.entries()) {
        const file = await download(page, `Download file#${n + 1}`);
        const id = issued.participant_id;
        assertEqual(file.name, `${id}.flipside-invite`, 'invitation file name');
        const invitation = JSON.parse(file.text);
        assertEqual(invitation.participant.id, id, 'the file is theirs');
        assertEqual(invitation.id, decodeLink(rows.find((r) => r[0] === id)[3]).id, 'file and link are one invitation');
        inviteFile[id] = t.scratchFile(file.name, file.text);
      }

      await click(page, 'Copy link');
      assert((await messages(page)).some((m) => m.text.startsWith('Copied the invitation link for ')), 'copy says so');
      await click(page, 'E-mail draft');
      const opened = await page.evaluate(() => window.flipside.openedUrls());
      assert(opened.length === 1 && opened[0].startsWith('mailto:'), `the e-mail draft opens: ${opened}`);
      await page.keyboard.press('Escape');
      await waitForFrames(page, 4);
      assert(!(await page.evaluate(() => window.flipside.itemRect('Issue invitations').found)), 'Esc closes the dialog');

      // The coordinator changes both people's interests after inviting them (an import of the
      // edited data, as from a nightly HR sync): replies touching interests now conflict.
      const edited = await documentJson(page);
      personIn(edited, wave.mentor.id).interests = ['Sailing'];
      personIn(edited, wave.mentee.id).interests = ['Chess'];
      await dropFile(page, 'edited.json', JSON.stringify(edited));
      const before = await waitForDocument(page, (d) => personIn(d, wave.mentor.id).interests[0] === 'Sailing', 'the edit');

      const mentorReply = reply(t, inviteFile[wave.mentor.id], 'mentor.json',
                                ['interests=Photography', 'skills=Python:5;Excel:2']);
      const menteeReply = reply(t, inviteFile[wave.mentee.id], 'mentee.txt',
                                ['interests=Go', 'languages=English;Deutsch']);
      const tampered = mentorReply.replace('Python:5', 'Python:1');
      assert(tampered !== mentorReply, 'the tampered copy differs');

      await dropFile(page, 'mentor.json', mentorReply);
      await waitForItem(page, 'Apply replies');
      // The mentee's text block, quoted by a mail client, pasted into the review (Ctrl+V).
      const quoted = `Hello,\n\n${menteeReply.split('\n').map((line) => `> ${line}`).join('\n')}\n`;
      await typeInto(page, 'pasted', '');
      await page.keyboard.down('Control');
      await page.keyboard.down('v');
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, quoted);
      await page.keyboard.up('v');
      await page.keyboard.up('Control');
      await waitForFrames(page, 4);
      await click(page, 'Add pasted text');
      await dropFile(page, 'tampered.json', tampered);
      assertEqual(personIn(await documentJson(page), wave.mentor.id).interests, ['Sailing'],
                  'nothing changes before Apply');
      const refusedLine = await readableText(page, 'reply-2');
      assert(refusedLine && /signature|changed/i.test(refusedLine), `the tampered reply says why: ${refusedLine}`);
      await screenshot(page, 'participants-merge-review');

      // The first conflict is picked: take the mentor's value; the mentee's conflict keeps yours.
      await click(page, 'Take theirs');
      await click(page, `${wave.mentee.name} (${wave.mentee.id})`);
      await waitForItem(page, 'Keep yours');
      await screenshot(page, 'participants-merge-review-mentee');
      const apply = await waitForItem(page, 'Apply replies');
      assertEqual(apply.label, 'Apply 2 replies', 'two replies to apply, the tampered one refused');
      await click(page, 'Apply replies');

      const merged = await waitForDocument(page, (d) => personIn(d, wave.mentor.id).interests[0] === 'Photography',
                                           'the mentor\'s reply merged');
      assertEqual(personIn(merged, wave.mentor.id).skills, [{ name: 'Python', proficiency: 5 }, { name: 'Excel', proficiency: 2 }],
                  'the mentor\'s skills from their reply');
      assertEqual(personIn(merged, wave.mentee.id).interests, ['Chess'], 'the mentee\'s conflict kept the coordinator\'s');
      assertEqual(personIn(merged, wave.mentee.id).languages, ['English', 'Deutsch'], 'the mentee\'s languages merged');
      const said = (await messages(page)).at(-1);
      assert(said.text.startsWith('Merged 2 replies (0 skipped, 1 refused)'), `the merge says what it did: ${said.text}`);
      assert(said.details.some((d) => d.startsWith('Refused tampered.json')), `the refused file is named: ${said.details}`);

      // People shows the merged skills of the mentor.
      await click(page, wave.mentor.name, { window: 'Roster' });
      await waitForFrames(page, 4);
      await screenshot(page, 'participants-merged-people');

      // Ctrl+Z takes the whole batch back.
      await page.mouse.click(5, 790);
      await page.keyboard.press('Control+z');
      const undone = await waitForDocument(page, (d) => personIn(d, wave.mentor.id).interests[0] === 'Sailing', 'the undo');
      assertEqual(personIn(undone, wave.mentor.id).skills, personIn(before, wave.mentor.id).skills, 'skills back');
      assertEqual(personIn(undone, wave.mentee.id).languages, personIn(before, wave.mentee.id).languages, 'languages back');
      assertEqual(undone.programs.at(-1).invitations, before.programs.at(-1).invitations, 'the ledger as before the merge');
    },
  },
  {
    name: 'the mock portal sends replies with mergeReplies: reviewed in the embed, or applied at once',
    async run(t) {
      const wave = pairedWave(t);
      cli('invite', wave.file, '--participant', wave.mentor.id, '--participant', wave.mentee.id,
          '-o', path.join(t.scratch, 'inv'));
      const invited = JSON.parse(fs.readFileSync(wave.file, 'utf8'));
      const invite = (id) => path.join(t.scratch, 'inv', `${id}.flipside-invite`);
      const mentorReply = reply(t, invite(wave.mentor.id), 'mentor.json', ['interests=Photography']);
      const menteeReply = reply(t, invite(wave.mentee.id), 'mentee.txt', ['languages=English;Deutsch']);

      const { page, frame } = await openPortal(t);
      const app = frame('portal');
      await waitForApp(app);
      const imported = await page.evaluate((doc) => window.portal.importJson(doc), invited);
      assert(imported.ok, `import refused: ${JSON.stringify(imported)}`);

      // Without apply: the review opens in the embed; nothing changes yet.
      const reviewed = await page.evaluate(([a, b]) => window.portal.mergeReplies([a, b, 'not a reply at all']),
                                           [mentorReply, mentorReply.replace('Photography', 'Pottery')]);
      assert(reviewed.ok, `mergeReplies refused: ${JSON.stringify(reviewed)}`);
      assertEqual(reviewed.reply.status, 'awaiting-coordinator', 'status');
      assertEqual(reviewed.reply.replies.map((r) => [r.index, r.outcome]),
                  [[0, 'will-apply'], [1, 'refused'], [2, 'refused']], 'what becomes of each');
      assertEqual(reviewed.reply.replies[0].name, wave.mentor.name, 'replies are named by person');
      assert(/signature|changed/i.test(reviewed.reply.replies[1].reason), `why: ${reviewed.reply.replies[1].reason}`);
      await app.waitForFunction(() => window.flipside.itemRect('Apply replies').found, null, { timeout: 5000 });
      await screenshot(page, 'participants-portal-review');
      const unchanged = JSON.parse(await app.evaluate(() => window.flipside.documentJson()));
      assertEqual(personIn(unchanged, wave.mentor.id).interests, personIn(invited, wave.mentor.id).interests,
                  'nothing merged before the coordinator applies');

      // With apply: merged at once, as one step, leaving the open review alone.
      const applied = await page.evaluate((text) => window.portal.mergeReplies([text], true), menteeReply);
      assert(applied.ok, `mergeReplies apply refused: ${JSON.stringify(applied)}`);
      assertEqual([applied.reply.status, applied.reply.applied, applied.reply.replies[0].outcome],
                  ['merged', 1, 'applied'], 'applied at once');
      const after = JSON.parse(await app.evaluate(() => window.flipside.documentJson()));
      assertEqual(personIn(after, wave.mentee.id).languages, ['English', 'Deutsch'], 'the mentee\'s reply merged');
      assertEqual(personIn(after, wave.mentor.id).interests, personIn(invited, wave.mentor.id).interests,
                  'the reviewed reply still waits for the coordinator');

      // A malformed request is refused by the bridge with the reason.
      const malformed = await page.evaluate(() => window.portal.mergeReplies([42]));
      assertEqual([malformed.ok, malformed.code], [false, 'invalid-payload'], 'a reply that is no text');
    },
  },
];
