// The Matching screen: run the pairing engine on the demo's current wave, steer it (lock one
// proposed pair, forbid another, re-run), accept, and take the acceptance back with Ctrl+Z.
//
// The demo's current wave already has pairs and some active people without a partner (new
// joiners), so a run proposes a mix of current and new pairs. Rows of the proposal table are
// read from their buttons, "Lock##<mentor>:<mentee>" (or "Unlock##..." once locked).
import {
  assert, assertEqual, click, documentJson, waitForDocument, firstDifference, readableText, screenshot, waitForFrames,
  waitForItem,
} from './harness.mjs';

const RUN_TIMEOUT_MS = 90000;  // the run is sliced over frames; the machine may be slow

export const keyOf = (pair) => `${pair.mentor_id}:${pair.mentee_id}`;

export function currentProgram(doc) {
  return doc.programs[doc.programs.length - 1];  // the document's current program is its last
}

function wavePairKeys(doc) {
  const program = currentProgram(doc);
  return new Set(doc.pairs.filter((p) => p.program_id === program.id).map(keyOf));
}

// The proposal as the table shows it: [{key, locked}], or null while a run is going on (its
// progress bar replaces the Run button) or before the first proposal.
async function proposalRows(page) {
  const items = await page.evaluate(() => window.flipside.items());
  const running = !items.some((i) => i.visible && i.full_label === 'Run');
  if (running) return null;
  const rows = [];
  for (const item of items) {
    const match = /^(Lock|Unlock)##(.+:.+)$/.exec(item.full_label || '');
    if (match && item.visible) rows.push({ key: match[2], locked: match[1] === 'Unlock' });
  }
  return rows.length ? rows : null;
}

// Polls until the run is over and `accept(rows)` holds for the proposal shown.
export async function waitForProposal(page, accept = () => true, what = 'a proposal') {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  let rows = null;
  for (;;) {
    rows = await proposalRows(page);
    if (rows && accept(rows)) {
      // The same rows one more frame later: the table is not between two runs.
      await waitForFrames(page, 2);
      const again = await proposalRows(page);
      if (again && accept(again)) return again;
    }
    if (Date.now() > deadline) {
      throw new Error(`no ${what} after ${RUN_TIMEOUT_MS / 1000} s; rows: ${JSON.stringify(rows)}`);
    }
    await page.waitForTimeout(100);
  }
}

function samePairs(doc, expected) {
  return !firstDifference(doc.pairs, expected);
}

export const tests = [
  {
    name: 'matching: run, lock and forbid, re-run, accept, undo',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1400, height: 900 } });
      const before = await documentJson(page);
      const program = currentProgram(before);
      const current = wavePairKeys(before);
      const paired = new Set(before.pairs.filter((p) => p.program_id === program.id)
        .flatMap((p) => [p.mentor_id, p.mentee_id]));
      const waiting = before.participants.filter((p) => p.active && !paired.has(p.id));
      assert(waiting.length > 0, 'the demo has nobody left to pair: the test needs active people without a partner');

      await click(page, 'Matching');
      await waitForItem(page, 'Run');
      await screenshot(page, 'matching-before-run');
      await click(page, 'Run');
      const first = await waitForProposal(page);
      await screenshot(page, 'matching-proposal');
      assert(first.length > 0, 'the proposal table has no rows');
      assert(first.every((r) => !r.locked), 'a row is locked before the coordinator locked anything');
      const afterRun = await documentJson(page);
      assert(samePairs(afterRun, before.pairs), `running changed the pairs: ${firstDifference(afterRun.pairs, before.pairs)}`);
      const effect = await readableText(page, 'effect');
      assert(effect && /Accept makes these the wave's pairs/.test(effect), `no summary of what Accept does: ${effect}`);

      // Lock a new pair and forbid another one; each is saved with the program and re-runs.
      const fresh = first.filter((r) => !current.has(r.key));
      assert(fresh.length >= 2, `the proposal has ${fresh.length} new pairs; the test needs two`);
      const locked = fresh[0].key;
      await click(page, `Lock##${locked}`);
      const withLock = await waitForProposal(page, (r) => r.some((x) => x.key === locked && x.locked),
                                             `a proposal with ${locked} locked`);
      const candidate = withLock.find((r) => !current.has(r.key) && r.key !== locked);
      assert(candidate, 'no other new pair to forbid');
      const forbidden = candidate.key;
      await click(page, `Forbid##${forbidden}`);
      await waitForProposal(page, (rows) => !rows.some((r) => r.key === forbidden), `a proposal without ${forbidden}`);
      const steered = await waitForDocument(page, (doc) => {
        const m = currentProgram(doc).matching || {};
        return (m.locked_pairs || []).some((p) => keyOf(p) === locked) &&
               (m.forbidden_pairs || []).some((p) => keyOf(p) === forbidden);
      }, 'the lock and the forbid in the program\'s matching settings');
      assert(samePairs(steered, before.pairs), 'locking or forbidding changed the pairs');

      // Re-run by hand: the lock holds and the forbidden pair stays out.
      await click(page, 'Run');
      const rows = await waitForProposal(page, (r) => r.some((x) => x.key === locked && x.locked) &&
                                                      !r.some((x) => x.key === forbidden), 'the re-run proposal');
      await screenshot(page, 'matching-steered');
      const proposed = new Set(rows.map((r) => r.key));
      assertEqual(proposed.size, rows.length, 'distinct rows in the proposal');

      // Accept: when current pairs would go (with their sessions), the screen asks first.
      const removed = [...current].filter((key) => !proposed.has(key));
      await click(page, 'Accept');
      if (removed.length > 0) {
        await waitForItem(page, 'Accept and remove');
        const question = await readableText(page, 'confirm');
        assert(question && question.includes(`removes ${removed.length} current pair`),
               `the confirmation does not say that ${removed.length} pairs go: ${question}`);
        await screenshot(page, 'matching-confirm');
        const unchanged = await documentJson(page);
        assert(samePairs(unchanged, before.pairs), 'the pairs changed before the removal was confirmed');
        await click(page, 'Accept and remove');
      }
      const accepted = await waitForDocument(page, (doc) => !samePairs(doc, before.pairs), 'the accepted pairs');
      const now = wavePairKeys(accepted);
      assertEqual([...now].sort(), [...proposed].sort(), 'the wave\'s pairs after Accept');
      assert(now.has(locked), `the locked pair ${locked} is not among the pairs`);
      assert(!now.has(forbidden), `the forbidden pair ${forbidden} was accepted`);
      const others = (doc) => doc.pairs.filter((p) => p.program_id !== program.id);
      assert(!firstDifference(others(accepted), others(before)), 'accepting changed an earlier wave\'s pairs');
      for (const pair of accepted.pairs.filter((p) => current.has(keyOf(p)))) {
        const old = before.pairs.find((p) => keyOf(p) === keyOf(pair) && p.program_id === program.id);
        assertEqual(pair.id, old.id, `kept pair ${keyOf(pair)} keeps its id`);
      }
      const note = await readableText(page, 'accepted');
      assert(note && /Undo/.test(note), `no note that the proposal was accepted: ${note}`);
      await screenshot(page, 'matching-accepted');

      // Ctrl+Z takes the acceptance back (and only it: the lock and the forbid stay).
      await page.keyboard.press('Control+Z');
      const undone = await waitForDocument(page, (doc) => samePairs(doc, before.pairs), 'the previous pairs after Ctrl+Z');
      assertEqual(undone.sessions.length, before.sessions.length, 'sessions after undo');
      assertEqual(undone.feedback.length, before.feedback.length, 'feedback after undo');
      const m = currentProgram(undone).matching || {};
      assert((m.forbidden_pairs || []).some((p) => keyOf(p) === forbidden), 'the undo also took the forbid back');
      await waitForItem(page, 'Accept');  // the proposal fits the document again
    },
  },
  {
    name: 'matching: "Keep the current pairs" pairs only the people waiting',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1024, height: 700 } });
      const before = await documentJson(page);
      const current = wavePairKeys(before);
      await click(page, 'Matching');
      await click(page, 'Keep the current pairs');
      const settings = await waitForDocument(page, (doc) => (currentProgram(doc).matching?.locked_pairs || []).length === current.size,
                                             'every current pair locked');
      assert(samePairs(settings, before.pairs), 'locking the current pairs changed them');
      await click(page, 'Run');
      await waitForProposal(page, (r) => r.some((x) => x.locked), 'a proposal with the current pairs locked');
      await waitForItem(page, 'Accept');
      await screenshot(page, 'matching-keep-current');
      // Nothing is removed, so Accept applies at once, with no question.
      await click(page, 'Accept');
      const accepted = await waitForDocument(page, (doc) => !samePairs(doc, before.pairs), 'the accepted pairs');
      for (const pair of before.pairs) {
        assert(accepted.pairs.some((p) => p.id === pair.id && keyOf(p) === keyOf(pair)), `pair ${pair.id} was removed`);
      }
      assertEqual(accepted.sessions.length, before.sessions.length, 'sessions after accepting');
      const added = accepted.pairs.filter((p) => !before.pairs.some((q) => q.id === p.id));
      assert(added.length > 0, 'no new pair for the people waiting');
      const paired = new Set(before.pairs.filter((p) => p.program_id === currentProgram(before).id)
        .flatMap((p) => [p.mentor_id, p.mentee_id]));
      const capacity = new Map(before.participants.map((p) => [p.id, p.capacity || 1]));
      for (const pair of added) {
        // A new pair joins someone waiting, or a mentor with room for a second mentee.
        assert(!paired.has(pair.mentee_id), `new pair ${keyOf(pair)} takes mentee ${pair.mentee_id} from a kept pair`);
        assert(!paired.has(pair.mentor_id) || capacity.get(pair.mentor_id) > 1,
               `new pair ${keyOf(pair)} gives mentor ${pair.mentor_id} more mentees than their capacity`);
      }
    },
  },
];
