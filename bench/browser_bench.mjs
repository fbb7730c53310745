// What the browser benchmarks share: their command-line options, the browser (the same
// Chromium and flags as the browser tests, tests/e2e/harness.mjs), and a timer of each frame's
// own work.
import { createRequire } from 'node:module';

import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

// playwright-core is installed for the browser tests (tests/node_modules).
export const { chromium } = createRequire(new URL('../tests/e2e/harness.mjs', import.meta.url))('playwright-core');

// The value after --<name>, or `fallback`.
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

// An init script: each requestAnimationFrame callback's own duration, the longest kept in
// window.__frameLongestMs (the app's whole frame runs inside one callback).
export function frameTimer() {
  const original = window.requestAnimationFrame.bind(window);
  window.__frameLongestMs = 0;
  window.requestAnimationFrame = (callback) => original((time) => {
    const start = performance.now();
    try {
      callback(time);
    } finally {
      window.__frameLongestMs = Math.max(window.__frameLongestMs, performance.now() - start);
    }
  });
}

// Chromium with `profile`, the frame timer installed, and its first tab.
export async function launchWithFrameTimer(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(frameTimer);
  return { context, page: context.pages()[0] || await context.newPage() };
}
