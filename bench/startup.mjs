#!/usr/bin/env node
// Start-up benchmark: from opening the page to the first interactive frame, with the program
// already saved in the browser, after a browser restart (the real start of a working day).
//   node bench/startup.mjs [--root build/web] [--sizes 40,10000,50000] [--runs 3]
// For each size, a fresh profile gets the program (the 40-person demo as first start makes it;
// larger ones written by build/native/flipside demo and imported through the page), waits
// until the save is on disk, and closes the browser. Then, --runs times: launch Chromium with
// that profile, open the page, and time until the app has drawn interactive frames with the
// loading notice gone (tests/e2e/harness.mjs waitForApp); then the longest frame of an edit (a
// person added through the editor, and its save), and the module's peak memory.
// Prints each run and the median per size, with the ratios to the 40-person start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { REPO_ROOT, click, typeInto, waitForApp } from '../tests/e2e/harness.mjs';
import { launchWithFrameTimer as launch, option } from './browser_bench.mjs';

const root = path.resolve(option('root', path.join(REPO_ROOT, 'build', 'web')));
const sizes = option('sizes', '40,10000,50000').split(',').map(Number);
const runs = Number(option('runs', '3'));

async function settled(page, participants) {
  await page.waitForFunction((n) => {
    const status = window.flipside.saveStatus();
    return window.flipside.participantCount() === n && !status.pending && !status.settling;
  }, participants, { timeout: 300000, polling: 500 });
}

// The program of `participants` people saved in a fresh profile.
async function prepare(server, participants) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-startup-'));
  const { context, page } = await launch(profile);
  await page.goto(server.url);
  await waitForApp(page, 120000);
  if (participants !== 40) {
    const file = path.join(profile, `program-${participants}.json`);
    execFileSync(path.join(REPO_ROOT, 'build', 'native', 'flipside'),
                 ['demo', '--participants', String(participants), '-o', file], { stdio: 'ignore' });
    const text = fs.readFileSync(file, 'utf8');
    const imported = await page.evaluate(([name, content]) => window.flipside.importText(name, content),
                                         [path.basename(file), text]);
    if (!imported.ok) throw new Error(`import of ${participants} people refused: ${JSON.stringify(imported)}`);
  }
  await settled(page, participants);
  await page.waitForTimeout(1000);
  await context.close();
  return profile;
}

async function measure(server, profile, participants) {
  const { context, page } = await launch(profile);
  try {
    const began = Date.now();
    await page.goto(server.url);
    await waitForApp(page, 300000);
    const startup = (Date.now() - began) / 1000;
    const count = await page.evaluate(() => window.flipside.participantCount());
    // Each run adds one person (the edit below), which is saved for the next.
    if (count < participants) throw new Error(`the page started with ${count} people, not ${participants}`);
    // An edit: a person added through the editor, as a coordinator would (a record edit, saved
    // as one journal entry), then the People table redrawn with it.
    await click(page, 'People');
    await click(page, 'Add person');
    await typeInto(page, 'Name', 'Zoë Åkesson', { window: 'Editor' });
    await typeInto(page, 'E-mail', 'zoe.akesson@example.com', { window: 'Editor' });
    await page.evaluate(() => { window.__frameLongestMs = 0; });
    await click(page, 'Save changes', { window: 'Editor' });
    await page.waitForTimeout(2000);  // the save, a second after the edit
    const longest = await page.evaluate(() => window.__frameLongestMs);
    const memory = await page.evaluate(() => window.flipside.memoryBytes());
    return { startup, longest, memory };
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const server = await startServer({ root, host: '127.0.0.1', port: 0, quiet: true });
  const results = new Map();
  console.log(`load average at the start: ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  try {
    for (const participants of sizes) {
      const profile = await prepare(server, participants);
      const figures = [];
      for (let run = 0; run < runs; ++run) {
        const f = await measure(server, profile, participants);
        console.log(`${participants} people, run ${run + 1}: start-up ${f.startup.toFixed(2)} s, ` +
                    `longest frame of an edit ${f.longest.toFixed(1)} ms, module memory ${(f.memory / 2 ** 20).toFixed(0)} MiB`);
        figures.push(f);
      }
      results.set(participants, {
        startup: median(figures.map((f) => f.startup)),
        longest: median(figures.map((f) => f.longest)),
        memory: Math.max(...figures.map((f) => f.memory)),
      });
      fs.rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    server.close();
  }
  const base = results.get(sizes[0]);
  console.log(`load average at the end: ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  console.log('| people | start-up s (median) | × the first | longest frame of an edit ms | × the first | module memory MiB |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const [participants, r] of results) {
    console.log(`| ${participants} | ${r.startup.toFixed(2)} | ${(r.startup / base.startup).toFixed(2)} | ` +
                `${r.longest.toFixed(1)} | ${(r.longest / base.longest).toFixed(2)} | ${(r.memory / 2 ** 20).toFixed(0)} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
