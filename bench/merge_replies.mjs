#!/usr/bin/env node
// Merge benchmark in the browser: R participants' replies into a program of N people, as the
// coordinator's app takes them (the target: 2,000 replies into 5,000 people in under 2 s).
//   node bench/merge_replies.mjs [--root build/web] [--people 5000] [--replies 2000] [--runs 3]
// The native tool makes the data: a demo program of N people, every active participant invited
// (flipside invite --all), and the first R of them replying with two changes each (flipside
// reply, signed as their app signs). Each run opens the page in a fresh profile, imports the
// program, then hands the replies over through the page API (the portal's mergeReplies path):
//   - review: the replies read, checked and planned for the coordinator's review, and the
//     longest frame after it (the Merge replies dialog opening on 2,000 rows);
//   - apply: the same replies merged at once as one undoable edit, in another fresh page.
// Prints each run and the medians, with the native plan_merge figure for comparison
// (build/native/bench_merge) when that benchmark is built.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { REPO_ROOT, waitForApp } from '../tests/e2e/harness.mjs';
import { launchWithFrameTimer as launch, option } from './browser_bench.mjs';

const root = path.resolve(option('root', path.join(REPO_ROOT, 'build', 'web')));
const people = Number(option('people', '5000'));
const replyCount = Number(option('replies', '2000'));
const runs = Number(option('runs', '3'));
const cli = path.join(REPO_ROOT, 'build', 'native', 'flipside');

function makeData() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-merge-bench-'));
  const data = path.join(work, 'data.json');
  execFileSync(cli, ['demo', '--participants', String(people), '-o', data], { stdio: 'ignore' });
  execFileSync(cli, ['invite', data, '--all', '-o', path.join(work, 'inv')], { stdio: 'ignore' });
  const invites = fs.readdirSync(path.join(work, 'inv')).filter((f) => f.endsWith('.flipside-invite')).sort();
  if (invites.length < replyCount) throw new Error(`only ${invites.length} active participants to reply`);
  const replies = [];
  for (const [i, invite] of invites.slice(0, replyCount).entries()) {
    const out = path.join(work, `reply-${i}.json`);
    execFileSync(cli, ['reply', path.join(work, 'inv', invite), '--set', `interests=Chess;Reading ${i}`,
                       '--set', 'languages=English;Español', '-o', out], { stdio: 'ignore' });
    replies.push(fs.readFileSync(out, 'utf8'));
  }
  return { work, document: fs.readFileSync(data, 'utf8'), replies };
}

async function openWithProgram(server, document) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-merge-profile-'));
  const { context, page } = await launch(profile);
  await page.goto(server.url);
  await waitForApp(page, 120000);
  const imported = await page.evaluate((text) => window.flipside.importText('data.json', text), document);
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported)}`);
  await page.waitForTimeout(500);
  return { context, page, profile };
}

// Seconds for mergeReplies(replies, apply) inside the page, and what it answered.
async function merge(page, replies, apply) {
  return page.evaluate(([texts, now]) => {
    const began = performance.now();
    const result = window.flipside.mergeReplies(texts, now);
    return { seconds: (performance.now() - began) / 1000, applied: result.applied, refused: result.refused,
             status: result.status };
  }, [replies, apply]);
}

async function run(server, data) {
  const review = await openWithProgram(server, data.document);
  let reviewed, frame;
  try {
    reviewed = await merge(review.page, data.replies, false);
    await review.page.evaluate(() => { window.__frameLongestMs = 0; window.flipside.wake(); });
    await review.page.waitForFunction(() => window.flipside.itemRect('Apply replies').found, null, { timeout: 120000 });
    await review.page.waitForTimeout(300);
    frame = await review.page.evaluate(() => window.__frameLongestMs);
  } finally {
    await review.context.close();
    fs.rmSync(review.profile, { recursive: true, force: true });
  }
  const apply = await openWithProgram(server, data.document);
  let applied;
  try {
    applied = await merge(apply.page, data.replies, true);
  } finally {
    await apply.context.close();
    fs.rmSync(apply.profile, { recursive: true, force: true });
  }
  return { reviewed, frame, applied };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const data = makeData();
const server = await startServer({ root, host: '127.0.0.1', port: 0, quiet: true });
try {
  console.log(`${replyCount} replies into ${people} people (browser, WebAssembly)`);
  const results = [];
  for (let i = 0; i < runs; ++i) {
    const result = await run(server, data);
    results.push(result);
    console.log(`run ${i + 1}: review ${result.reviewed.seconds.toFixed(2)} s (${result.reviewed.applied} to apply, ` +
                `${result.reviewed.refused} refused), first frame of the review ${result.frame.toFixed(0)} ms; ` +
                `apply at once ${result.applied.seconds.toFixed(2)} s (${result.applied.applied} applied)`);
  }
  const reviewMedian = median(results.map((r) => r.reviewed.seconds));
  const applyMedian = median(results.map((r) => r.applied.seconds));
  console.log(`median: review ${reviewMedian.toFixed(2)} s, longest review frame ` +
              `${median(results.map((r) => r.frame)).toFixed(0)} ms, apply at once ${applyMedian.toFixed(2)} s`);
  const native = path.join(REPO_ROOT, 'build', 'native', 'bench_merge');
  if (fs.existsSync(native)) {
    const output = execFileSync(native, [String(people), String(replyCount)], { encoding: 'utf8' });
    const planned = /plan ([0-9.]+) s/.exec(output);
    console.log(`native: ${output.trim().split('\n').at(-1)}`);
    if (planned) console.log(`browser apply / native plan_merge: ${(applyMedian / Number(planned[1])).toFixed(1)}×`);
  }
} finally {
  await server.close();
  fs.rmSync(data.work, { recursive: true, force: true });
}
