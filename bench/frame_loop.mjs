#!/usr/bin/env node
// Frame loop benchmark: what an idle page costs, and how scrolling a large People table runs.
//   node bench/frame_loop.mjs [--root build/web] [--participants 50000] [--idle-seconds 10]
// (a) frames drawn and the page's CPU time (CDP Performance.getMetrics TaskDuration and
//     ScriptDuration) over idle seconds after start-up;
// (b) a roster of --participants people (written by build/native/flipside demo) imported
//     through the page, then the People table scrolled with the mouse wheel: frames per
//     second and the longest frame's own script time (one requestAnimationFrame callback).
// Same browser and flags as the browser tests (tests/e2e/harness.mjs): SwiftShader, so
// absolute figures are slower than on a real GPU; compare builds on one machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../scripts/serve.mjs';
import { REPO_ROOT, findItem, waitForApp } from '../tests/e2e/harness.mjs';
import { launchWithFrameTimer, option } from './browser_bench.mjs';

const root = path.resolve(option('root', path.join(REPO_ROOT, 'build', 'web')));
const participants = Number(option('participants', '50000'));
const idleSeconds = Number(option('idle-seconds', '10'));
const scrollSeconds = Number(option('scroll-seconds', '5'));

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name) => (list.find((m) => m.name === name) || { value: 0 }).value;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

async function main() {
  const server = await startServer({ root, host: '127.0.0.1', port: 0, quiet: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-bench-'));
  const { context, page } = await launchWithFrameTimer(profile);
  try {
    await page.goto(server.url);
    await waitForApp(page);
    await page.waitForTimeout(3000);  // start-up's own frames and the first save

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const frames0 = await page.evaluate(() => window.flipside.frameCount());
    const cpu0 = await metrics(cdp);
    await page.waitForTimeout(idleSeconds * 1000);
    const frames1 = await page.evaluate(() => window.flipside.frameCount());
    const cpu1 = await metrics(cdp);
    console.log(`idle ${idleSeconds} s: ${frames1 - frames0} frames, task ${((cpu1.task - cpu0.task) * 1000).toFixed(0)} ms, ` +
                `script ${((cpu1.script - cpu0.script) * 1000).toFixed(0)} ms`);

    const file = path.join(profile, `roster-${participants}.json`);
    execFileSync(path.join(REPO_ROOT, 'build', 'native', 'flipside'),
                 ['demo', '--participants', String(participants), '-o', file], { stdio: 'ignore' });
    const text = fs.readFileSync(file, 'utf8');
    const imported = await page.evaluate(([name, content]) => window.flipside.importText(name, content),
                                          [path.basename(file), text]);
    await page.waitForFunction((n) => JSON.parse(window.flipside.documentJson()).participants.length === n,
                               participants, { timeout: 120000, polling: 500 });
    const saved = await page.evaluate(() => window.flipside.saveStatus());
    console.log(`imported ${participants} people (${(text.length / 1e6).toFixed(1)} MB): ` +
                `${imported.ok ? 'ok' : JSON.stringify(imported)}; storage: ${saved.last_error || 'saved'}`);

    const tab = await findItem(page, 'People');
    await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
    await page.waitForTimeout(1000);
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
    await page.waitForTimeout(500);
    await page.evaluate(() => { window.__frameLongestMs = 0; });
    const start = await page.evaluate(() => window.flipside.frameCount());
    const cpuStart = await metrics(cdp);
    const began = Date.now();
    while (Date.now() - began < scrollSeconds * 1000) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(16);
    }
    const elapsed = (Date.now() - began) / 1000;
    const end = await page.evaluate(() => window.flipside.frameCount());
    const cpuEnd = await metrics(cdp);
    const longest = await page.evaluate(() => window.__frameLongestMs);
    console.log(`scrolling People (${participants} people) for ${elapsed.toFixed(1)} s: ` +
                `${((end - start) / elapsed).toFixed(1)} frames/s, longest frame ${longest.toFixed(1)} ms, ` +
                `script ${((cpuEnd.script - cpuStart.script) * 1000).toFixed(0)} ms`);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
