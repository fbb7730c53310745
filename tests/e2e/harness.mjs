// Browser end-to-end harness: a real Chromium (Debian's /usr/bin/chromium through
// playwright-core; no browser is ever downloaded) with a fresh profile per test, and helpers
// that drive the ImGui interface through the widget test hooks (src/ui/test_hooks.h): an item is
// found by its label, then clicked with the real mouse and typed into with the real keyboard.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'build', 'screenshots');
export const CHROMIUM = process.env.FLIPSIDE_CHROMIUM || '/usr/bin/chromium';
// The command-line tool the tests prepare files with: the tree scripts/test.sh builds
// (FLIPSIDE_NATIVE_DIR, build/native-checked there), else scripts/build.sh native's.
export const CLI = path.resolve(REPO_ROOT, process.env.FLIPSIDE_NATIVE_DIR || path.join('build', 'native'), 'flipside');

// WebGL2 without a GPU: ANGLE on SwiftShader (checked with Chromium 156 headless). The rest
// keeps the browser from phoning home or updating itself during tests.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=Translate,MediaRouter',
];

// ---- Looking at the interface ----------------------------------------------------------------

// Where the item labelled `label` was drawn in the last frame, in page CSS pixels, or null.
// `window` narrows the search to a window (visible name, e.g. "Import refused") or a child
// window's own name ("Editor"). "Remove#2" is the second item labelled "Remove".
export async function findItem(page, label, { window = '' } = {}) {
  return page.evaluate(([itemLabel, windowName]) => {
    const item = window.flipside.itemRect(itemLabel, windowName);
    if (!item.found) return null;
    const canvas = document.getElementById('canvas').getBoundingClientRect();
    const clip = { ...item.clip, x: item.clip.x + canvas.left, y: item.clip.y + canvas.top };
    return { ...item, x: item.x + canvas.left, y: item.y + canvas.top, clip };
  }, [label, window]);
}

export async function frameCount(page) {
  return page.evaluate(() => window.flipside.frameCount());
}

// Waits until the app has drawn `count` more frames (the picture caught up with our input).
// The app draws only when something changed, so the wait asks for frames itself: a test never
// depends on whether its input's settle frames were already drawn before it started waiting.
export async function waitForFrames(page, count = 2, timeout = 15000) {
  const start = await frameCount(page);
  await page.waitForFunction((target) => {
    window.flipside.wake();
    return window.flipside.frameCount() >= target;
  }, start + count, { timeout });
}

// Waits until the app has taken in every input event it was sent. ImGui takes in one change of
// key or button state per frame, so text typed by a test (far faster than a hand) reaches the
// widgets over many frames; a click sent meanwhile would land only after all of it.
export async function waitForInputTaken(page, timeout = 15000) {
  await page.waitForFunction(() => window.flipside.pendingInput() === 0, null, { timeout });
}

// Waits for an item (by default a visible one); on failure the error lists what was on screen.
export async function waitForItem(page, label, { window = '', timeout = 10000, visible = true } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const item = await findItem(page, label, { window });
    if (item && (!visible || (item.visible && item.w > 0 && item.h > 0))) return item;
    if (Date.now() > deadline) {
      const labels = (await page.evaluate(() => window.flipside.items()))
        .filter((i) => i.visible && i.label)
        .map((i) => i.label);
      const where = window ? ` in window "${window}"` : '';
      throw new Error(`no ${visible ? 'visible ' : ''}item "${label}"${where}; visible: ${[...new Set(labels)].slice(0, 60).join(' | ')}`);
    }
    await page.waitForTimeout(50);
  }
}

// Does an ImGui window name match what a test calls it? "Editor" matches the child window
// "Flipside/ScreenContent_F1E34D25/Editor_2A828204" (ImGui appends "_<id>" to child names).
function windowNameMatches(fullName, wanted) {
  if (!wanted) return true;
  if (fullName === wanted || fullName.split('##')[0] === wanted) return true;
  return fullName.split('/').some((part) => part === wanted || part.replace(/_[0-9A-F]{8}$/, '') === wanted);
}

// The windows a hidden item may be scrolled away in: the named one, or every visible child
// window (largest first), as {name, clip} in page coordinates.
async function scrollableWindows(page, windowName) {
  const items = await page.evaluate(() => window.flipside.items());
  return items
    .filter((i) => i.full_label === i.window && i.visible && i.w > 0 && i.h > 0)
    .filter((i) => (windowName ? windowNameMatches(i.full_label, windowName) : i.full_label.includes('/')))
    .sort((a, b) => b.w * b.h - a.w * a.h)
    .map((i) => ({ name: i.full_label, x: i.x, y: i.y, w: i.w, h: i.h }));
}

async function windowSnapshot(page, name) {
  return page.evaluate((windowName) => JSON.stringify(
    window.flipside.items().filter((i) => i.window === windowName).map((i) => [i.full_label, i.y])), name);
}

// ImGui names only the items it draws: an item scrolled out of view has no label in the hooks
// (ImGui skips the label report for clipped widgets). So, like a user, scroll the window with
// the wheel until the item shows up: down to the end, then back up.
async function scrollUntilFound(page, label, options) {
  for (const area of await scrollableWindows(page, options.window)) {
    await page.mouse.move(area.x + area.w / 2, area.y + Math.min(area.h / 2, 40));
    for (const direction of [1, -1]) {
      for (let step = 0; step < 80; step += 1) {
        const before = await windowSnapshot(page, area.name);
        await page.mouse.wheel(0, direction * 100);
        await waitForFrames(page, 2);
        const item = await findItem(page, label, options);
        if (item) return item;
        if (await windowSnapshot(page, area.name) === before) break;  // this end reached
      }
    }
  }
  return null;
}

// Scrolls the item's window with the mouse wheel until the whole item shows, as a user would.
export async function scrollIntoView(page, label, options = {}) {
  let item = await findItem(page, label, options);
  if (!item) item = await scrollUntilFound(page, label, options);
  if (!item) item = await waitForItem(page, label, { ...options, visible: false });  // throws with a list
  // Only rows out of view need the wheel: a selectable's frame runs a pixel past its window's
  // clip at the sides (ImGui widens it by half the item spacing), which no scrolling changes.
  const inView = (it) => it.fully_visible ||
    (it.y >= it.clip.y - 1 && it.y + it.h <= it.clip.y + it.clip.h + 1 && it.clip.w > 0);
  for (let attempt = 0; attempt < 60 && !inView(item); attempt += 1) {
    const { clip } = item;
    if (clip.w <= 0 || clip.h <= 0) break;
    await page.mouse.move(clip.x + clip.w / 2, clip.y + clip.h / 2);
    const below = item.y + item.h > clip.y + clip.h;
    await page.mouse.wheel(0, below ? 60 : -60);
    await waitForFrames(page, 2);
    item = await waitForItem(page, label, { ...options, visible: false });
  }
  if (!item.visible) throw new Error(`"${label}" stays out of view after scrolling`);
  return item;
}

export async function click(page, label, options = {}) {
  const item = await scrollIntoView(page, label, options);
  // Aim inside the part that shows, near the left where labels and text fields begin.
  const left = Math.max(item.x, item.clip.x);
  const right = Math.min(item.x + item.w, item.clip.x + item.clip.w);
  const top = Math.max(item.y, item.clip.y);
  const bottom = Math.min(item.y + item.h, item.clip.y + item.clip.h);
  // Hover first, as a hand on a mouse does: ImGui lets some widgets (tabs) react only to a
  // click on what was already hovered in the previous frame.
  await page.mouse.move(left + Math.min((right - left) / 2, 24), (top + bottom) / 2);
  await waitForFrames(page, 2);
  await page.mouse.down();
  await page.mouse.up();
  await waitForInputTaken(page);
  await waitForFrames(page, 3);
  return item;
}

// Clicks a text field, selects what it holds and types `text` with the keyboard, as a user
// would (characters arrive through the page's hidden textarea, like IME input).
export async function typeInto(page, label, text, options = {}) {
  await click(page, label, options);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input',
                             null, { timeout: 5000 })
    .catch(() => { throw new Error(`"${label}" did not start text editing`); });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForFrames(page, 2);
  if (text) await page.keyboard.type(text);
  await waitForInputTaken(page);
  await waitForFrames(page, 3);
}

// Opens a menu of the menu bar and picks an item.
export async function menu(page, menuName, itemName) {
  await click(page, menuName);
  await click(page, itemName);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function documentText(page) {
  return page.evaluate(() => window.flipside.documentJson());
}

export async function documentJson(page) {
  return JSON.parse(await documentText(page));
}

// Polls the document until `accept(doc)` holds (edits land within a frame or two).
export async function waitForDocument(page, accept, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const doc = await documentJson(page);
    if (accept(doc)) return doc;
    if (Date.now() > deadline) throw new Error(`the document never showed ${what}`);
    await page.waitForTimeout(100);
  }
}

// A result the screen writes as text ("<text>##<id>", see readable_text in src/ui/widgets.h);
// null when none shows within `timeout`.
export async function readableText(page, id, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const items = await page.evaluate(() => window.flipside.items());
    const found = items.find((i) => i.visible && (i.full_label || '').endsWith(`##${id}`));
    if (found) return found.label;
    if (Date.now() > deadline) return null;
    await page.waitForTimeout(100);
  }
}

export async function messages(page) {
  return page.evaluate(() => window.flipside.messages());
}

// Waits until the module runs, has drawn a few frames and the loading message is gone.
export async function waitForApp(page, timeout = 60000) {
  await page.waitForFunction(() => {
    try {
      return window.flipside && window.flipside.frameCount() >= 3 &&
             document.getElementById('status').hidden;
    } catch {
      return false;  // module not started yet
    }
  }, null, { timeout, polling: 100 });
}

// ---- One test's browsers -------------------------------------------------------------------

export class TestContext {
  constructor({ baseUrl, name }) {
    this.baseUrl = baseUrl;
    this.name = name;
    this.contexts = [];
    this.profiles = [];
    this.problems = [];          // console errors and page errors, with where they came from
    this.allowed = [];           // console errors a test expects (regular expressions)
    this.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-e2e-'));
  }

  // A user-data directory; pass it to openApp({ profile }) again to reopen "the same browser".
  newProfile() {
    const dir = fs.mkdtempSync(path.join(this.scratch, 'profile-'));
    this.profiles.push(dir);
    return dir;
  }

  scratchFile(name, content) {
    const file = path.join(this.scratch, name);
    fs.writeFileSync(file, content);
    return file;
  }

  allowConsoleError(pattern) {
    this.allowed.push(pattern);
  }

  watch(page) {
    const where = () => page.url().replace(this.baseUrl, '/');
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (this.allowed.some((pattern) => pattern.test(text))) return;
      this.problems.push(`console error on ${where()}: ${text}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error on ${where()}: ${error.message}`));
    page.on('crash', () => this.problems.push(`page crashed on ${where()}`));
  }

  // Launches Chromium with `profile` (a fresh one by default) and opens the app.
  // `initScript` runs in the page before any of its own scripts (to take browser features
  // away); `wait: false` returns without waiting for the app to start. `url` opens another
  // address than the test server's (file://, another server); `args` adds browser switches;
  // `offline: true` cuts the network before the page loads.
  async openApp({ profile, query = '', url = null, args = [], offline = false, deviceScaleFactor = 1,
                  viewport = { width: 1280, height: 800 }, initScript = null, wait = true } = {}) {
    const userDataDir = profile || this.newProfile();
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...args],
      viewport,
      deviceScaleFactor,
      acceptDownloads: true,
    });
    this.contexts.push(context);
    context.on('page', (page) => this.watch(page));
    // The first tab exists before our 'page' listener could see it; later ones are caught by it.
    let page = context.pages()[0];
    if (page) this.watch(page);
    else page = await context.newPage();
    if (initScript) await context.addInitScript(initScript);
    if (offline) await context.setOffline(true);
    await page.goto(url || new URL(query, this.baseUrl).href);
    if (wait) await waitForApp(page);
    return { context, page, profile: userDataDir };
  }

  async close() {
    for (const context of this.contexts) {
      await context.close().catch(() => {});
    }
    this.contexts = [];
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    const shorten = (s) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);
    throw new Error(`${message}: expected ${shorten(e)}, got ${shorten(a)}`);
  }
}

// Deep equality that reports the first differing path.
export function firstDifference(a, b, where = '') {
  if (Object.is(a, b)) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return `${where || '/'}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const difference = firstDifference(a[key], b[key], `${where}/${key}`);
    if (difference) return difference;
  }
  return null;
}
