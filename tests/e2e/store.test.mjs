// The store as a coordinator meets it: a program far larger than localStorage holds is saved
// (it moves to IndexedDB by itself) and is all there after a reload and a browser restart; two
// tabs never lose an edit (one edits, the other says so and can take over); a page killed in
// the middle of saving comes back with what was saved before.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { addPerson } from './persistence.test.mjs';
import { importFile } from './import-export.test.mjs';
import { CLI, REPO_ROOT, assert, click, documentJson, screenshot, waitForApp, waitForFrames, waitForItem } from './harness.mjs';


function demoFile(t, people) {
  const file = path.join(t.scratch, `program-${people}.json`);
  execFileSync(CLI, ['demo', '--participants', String(people), '--seed', '5', '-o', file]);
  return file;
}

async function saveStatus(page) {
  return page.evaluate(() => window.flipside.saveStatus());
}

// Waits until everything is saved and on disk.
async function waitUntilSaved(page, timeout = 120000) {
  await page.evaluate(() => window.flipside.flush());
  await page.waitForFunction(() => {
    const status = window.flipside.saveStatus();
    return !status.pending && !status.settling;
  }, null, { timeout, polling: 100 });
  const status = await saveStatus(page);
  assert(status.last_error === '', `saving failed: ${status.last_error}`);
}

// Imports a program through the file picker and waits until it is saved, in IndexedDB.
async function importProgram(page, file, people) {
  await importFile(page, file);
  await page.waitForFunction((count) => window.flipside.participantCount() === count, people,
                             { timeout: 300000, polling: 250 });
  await waitUntilSaved(page);
  assert(await storeBackend(page) === 'indexedDB', 'the program was not moved to IndexedDB');
}

async function peopleCount(page) {
  return page.evaluate(() => window.flipside.participantCount());
}

async function storeBackend(page) {
  return page.evaluate(() => localStorage.getItem('flipside/default/backend') || 'localStorage');
}

export const tests = [
  {
    name: 'a 50,000-person program (87 MB) moves to IndexedDB by itself and survives a reload and a browser restart',
    timeout: 900000,
    async run(t) {
      const file = demoFile(t, 50000);
      assert(fs.statSync(file).size > 64 * 1024 * 1024, 'the demo file is not larger than the old 64 MB page limit');
      const first = await t.openApp();
      await importProgram(first.page, file, 50000);
      // One more edit is a journal entry of a few kilobytes, not the whole program again.
      const before = await first.page.evaluate(() => window.flipside.saveStatus().used_bytes);
      await addPerson(first.page, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await waitUntilSaved(first.page);
      const after = await first.page.evaluate(() => window.flipside.saveStatus().used_bytes);
      assert(after - before < 64 * 1024, `one added person took ${after - before} bytes of storage`);
      await screenshot(first.page, 'store-50000-saved');

      await first.page.reload();
      await waitForApp(first.page, 300000);
      assert(await peopleCount(first.page) === 50001, `after a reload: ${await peopleCount(first.page)} people`);

      await first.context.close();  // the browser is closed and started again on the same profile
      const again = await t.openApp({ profile: first.profile, wait: false });
      await waitForApp(again.page, 300000);
      assert(await peopleCount(again.page) === 50001, `after a restart: ${await peopleCount(again.page)} people`);
      const named = await again.page.evaluate(() => window.flipside.documentJson().includes('"Zoë Åkesson"'));
      assert(named, 'the person added last is not there after a restart');
    },
  },
  {
    name: 'a second tab opens read-only, takes editing over, and no edit of either tab is lost',
    timeout: 300000,
    async run(t) {
      const { context, page: tabA } = await t.openApp();
      await addPerson(tabA, 'Ana Ruiz', 'ana.ruiz@example.com');
      const tabB = await context.newPage();
      await tabB.goto(tabA.url());
      await waitForApp(tabB);
      await waitForItem(tabB, 'Edit here');
      await screenshot(tabB, 'store-second-tab-read-only');
      // The person A added (and saved when B asked) is there in B once B edits.
      await click(tabB, 'Edit here');
      await tabB.waitForFunction(() => !window.flipside.saveStatus().blocked &&
                                       JSON.parse(window.flipside.documentJson()).participants.some((p) => p.name === 'Ana Ruiz'),
                                 null, { timeout: 20000 });
      await waitForItem(tabA, 'Edit here');  // A is read-only now
      await addPerson(tabB, 'Rhys Hughes', 'rhys.hughes@example.com');
      await waitUntilSaved(tabB);
      const fresh = await context.newPage();
      await fresh.goto(tabA.url());
      await waitForApp(fresh);
      const names = (await documentJson(fresh)).participants.map((p) => p.name);
      assert(names.includes('Ana Ruiz') && names.includes('Rhys Hughes'), `a new tab shows ${names.length} people without both edits`);
    },
  },
  {
    name: 'a page killed while saving comes back with the last committed state',
    async run(t) {
      const { context, page } = await t.openApp();
      await addPerson(page, 'Ana Ruiz', 'ana.ruiz@example.com');
      await waitUntilSaved(page);
      // Saves as fast as the page can make them, and the page's process killed among them.
      await page.evaluate(() => { window.__flushing = setInterval(() => window.flipside.flush(), 1); });
      await addPerson(page, 'Rhys Hughes', 'rhys.hughes@example.com');
      t.allowConsoleError(/.*/);
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((resolve) => page.once('crash', resolve));
      cdp.send('Page.crash').catch(() => {});  // the renderer dies; the call never answers
      await crashed;
      t.problems = t.problems.filter((problem) => !problem.startsWith('page crashed'));
      const again = await context.newPage();
      await again.goto(page.url());
      await waitForApp(again);
      const names = (await documentJson(again)).participants.map((p) => p.name);
      assert(names.includes('Ana Ruiz') && names.includes('Rhys Hughes'), `after the kill: ${names.length} people`);
      const status = await saveStatus(again);
      assert(status.last_error === '', `after the kill: ${status.last_error}`);
    },
  },
  {
    name: 'a browser killed while saving a program kept in IndexedDB comes back with the last committed state',
    timeout: 400000,
    async run(t) {
      const file = demoFile(t, 5000);
      const first = await t.openApp();
      await importProgram(first.page, file, 5000);
      await addPerson(first.page, 'Ana Ruiz', 'ana.ruiz@example.com');
      await waitUntilSaved(first.page);
      // More edits saved as fast as the page can, and the whole browser killed (SIGKILL: no
      // pagehide, no shutdown) while they are being written.
      await first.page.evaluate(() => { window.__flushing = setInterval(() => window.flipside.flush(), 1); });
      await addPerson(first.page, 'Rhys Hughes', 'rhys.hughes@example.com');
      execFileSync('pkill', ['-KILL', '-f', '--', `--user-data-dir=${first.profile}`]);
      for (const context of t.contexts) await context.close().catch(() => {});
      t.contexts = [];

      const again = await t.openApp({ profile: first.profile });
      await waitForApp(again.page, 120000);
      const names = (await documentJson(again.page)).participants.map((p) => p.name);
      assert(names.includes('Ana Ruiz'), `what was saved before the kill is gone (${names.length} people)`);
      assert(names.length === 5001 || names.length === 5002, `after the kill: ${names.length} people`);
      const status = await saveStatus(again.page);
      assert(status.last_error === '', `after the kill: ${status.last_error}`);
    },
  },
];
