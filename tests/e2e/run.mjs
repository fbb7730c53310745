#!/usr/bin/env node
// Runs the browser end-to-end tests against build/web (build it first: scripts/build.sh wasm).
// Usage: node tests/e2e/run.mjs [substring ...]   (only tests whose name contains one of them)
// FLIPSIDE_WEB_ROOT=<dir> tests another build of the app than build/web.
// Prints one line per test as it ends and then "e2e: N passed, M failed"; exits non-zero on failures.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, REPO_ROOT, TestContext } from './harness.mjs';

const TEST_TIMEOUT_MS = 180000;  // SwiftShader renders on the CPU; two shared cores are slow
// Tests run one by one; FLIPSIDE_E2E_WORKERS=N runs N side by side, each with its own browser
// (on two cores that is no faster: SwiftShader keeps both busy with one test).
const WORKERS = Math.max(1, Number(process.env.FLIPSIDE_E2E_WORKERS) || 1);

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function oneLine(text) {
  return String(text).split('\n').map((line) => line.trim()).filter(Boolean).join(' ⏎ ').slice(0, 1200);
}

async function main() {
  const filters = process.argv.slice(2);
  const webRoot = path.resolve(process.env.FLIPSIDE_WEB_ROOT || path.join(REPO_ROOT, 'build', 'web'));
  for (const required of ['index.html', 'flipside.js', 'flipside.wasm']) {
    if (!fs.existsSync(path.join(webRoot, required))) {
      console.error(`e2e: ${path.join(webRoot, required)} is missing; build first: scripts/build.sh wasm`);
      console.log('e2e: 0 passed, 1 failed');
      process.exit(1);
    }
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`e2e: no browser at ${CHROMIUM} (apt-get install chromium, or set FLIPSIDE_CHROMIUM)`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }

  const server = await startServer({ root: webRoot, host: '127.0.0.1', port: 0, quiet: true });
  const testDir = path.dirname(new URL(import.meta.url).pathname);
  const files = fs.readdirSync(testDir).filter((f) => f.endsWith('.test.mjs')).sort();
  const queue = [];
  for (const file of files) {
    const { tests } = await import(pathToFileURL(path.join(testDir, file)).href);
    for (const test of tests) {
      const name = `${file.replace('.test.mjs', '')} › ${test.name}`;
      if (filters.length && !filters.some((f) => name.includes(f))) continue;
      queue.push({ name, test });
    }
  }
  let passed = 0;
  let failed = 0;
  async function worker() {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { name, test } = next;
      const t = new TestContext({ baseUrl: server.url, name });
      const started = Date.now();
      let failure = null;
      try {
        await withTimeout(test.run(t), test.timeout || TEST_TIMEOUT_MS, 'test');
      } catch (error) {
        failure = error && error.message ? error.message : String(error);
      }
      await t.close();
      // Every test also asserts a clean console: an error there is a bug even if the UI coped.
      if (!failure && t.problems.length) failure = t.problems.join('; ');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (failure) {
        failed += 1;
        console.log(`FAIL ${name} (${seconds} s): ${oneLine(failure)}`);
      } else {
        passed += 1;
        console.log(`ok   ${name} (${seconds} s)`);
      }
    }
  }
  await Promise.all(Array.from({ length: WORKERS }, worker));
  await server.close();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(`e2e: runner failed: ${error && error.stack ? error.stack : error}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
