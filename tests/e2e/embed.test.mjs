// Embedding in an HR portal: web_shell/embed-example.html mounts Flipside with
// flipside-embed.js and talks to it over postMessage (docs/embedding.md). Every message goes
// through a real cross-frame postMessage with the origin checks in place.
import { assert, assertEqual, click, screenshot, waitForApp, waitForItem } from './harness.mjs';
import { addPerson } from './persistence.test.mjs';

// Opens the example portal; resolves when every embed has said "ready".
export async function openPortal(t, query = '', options = {}) {
  const url = new URL(`embed-example.html${query}`, t.baseUrl).href;
  const opened = await t.openApp({ url, wait: false, viewport: { width: 1400, height: 900 }, ...options });
  const { page } = opened;
  await page.waitForFunction(() => Boolean(window.portal), null, { timeout: 20000 });
  const ready = await page.evaluate(() => Promise.all(window.portal.handles.map((h) => h.ready)));
  // The app inside the frame of a storage namespace.
  const frame = (namespace) => page.frames().find((f) => new URL(f.url()).searchParams.get('ns') === namespace);
  return { ...opened, ready, frame };
}

const appDocument = async (frame) => JSON.parse(await frame.evaluate(() => window.flipside.documentJson()));
const names = (document) => document.participants.map((p) => p.name);
const portalLog = (page, kind) => page.evaluate((k) => window.portal.log.filter((e) => e.kind === k), kind);

export const tests = [
  {
    name: 'the example portal round-trips every message',
    async run(t) {
      const { page, ready, frame } = await openPortal(t);
      assertEqual(ready[0], { protocolVersion: 1, mode: 'coordinator', namespace: 'portal', scheme: 'light', accent: null },
                  'ready payload');
      const app = frame('portal');
      await waitForApp(app);

      // importRoster (JSON): replaces the data; the host hears "changed".
      const imported = await page.evaluate(() => window.portal.importJson());
      assert(imported.ok, `JSON import refused: ${JSON.stringify(imported)}`);
      assertEqual(imported.reply, { status: 'imported', participants: 4 }, 'import reply');
      assertEqual(names(await appDocument(app)), ['Priya Raman', 'Henrik Olsen', 'Tomás Rivera', 'Grace Okafor'],
                  'people in the app after the import');
      await page.waitForFunction(() => window.portal.log.some((e) => e.kind === 'changed'), null, { timeout: 5000 });

      // exportData: the whole document, as the JSON export holds it.
      const exported = await page.evaluate(() => window.portal.exportData());
      assert(exported.ok, `export refused: ${JSON.stringify(exported)}`);
      assertEqual(names(exported.reply.document), names(await appDocument(app)), 'exported people');
      assertEqual(exported.reply.document.format, 'flipside', 'exported format');

      // getSchedule: sessions with who and when, without the coordinator's notes.
      const schedule = await page.evaluate(() => window.portal.getSchedule());
      assert(schedule.ok, `schedule refused: ${JSON.stringify(schedule)}`);
      assertEqual(schedule.reply.program, { id: 'ACME1', name: 'Acme Flip Wave 1' }, 'schedule program');
      assertEqual(schedule.reply.sessions[0], {
        id: 'AS1', pairId: 'AP1', programId: 'ACME1', mentor: { id: 'A1', name: 'Priya Raman' },
        mentee: { id: 'A2', name: 'Henrik Olsen' }, start: '2030-01-08T09:00:00Z', minutes: 45, status: 'planned',
      }, 'first session');
      assert(!JSON.stringify(schedule.reply).includes('private coordinator note'), 'the schedule leaks session notes');

      // setTheme: dark with the portal's accent.
      const themed = await page.evaluate(() => window.portal.setTheme({ scheme: 'dark', accent: '#0b5fff' }));
      assertEqual(themed.reply, { scheme: 'dark', accent: '#0b5fff' }, 'theme reply');
      await page.waitForTimeout(300);
      await screenshot(page, 'embed-portal-dark');
      const light = await page.evaluate(() => window.portal.setTheme({ scheme: 'light' }));
      assertEqual(light.reply, { scheme: 'light', accent: '#0b5fff' }, 'theme reply (accent kept)');

      // setMode readonly: edits (an import) are refused with a reason; coordinator again.
      assertEqual((await page.evaluate(() => window.portal.setMode('readonly'))).reply, { mode: 'readonly' }, 'readonly');
      const before = await appDocument(app);
      const refused = await page.evaluate(() => window.portal.importJson({ ...window.portal.sampleRoster(), participants: [] }));
      assertEqual([refused.ok, refused.code], [false, 'read-only'], 'import in read-only mode');
      assertEqual(await appDocument(app), before, 'document after a refused read-only import');
      assertEqual((await page.evaluate(() => window.portal.setMode('coordinator'))).reply, { mode: 'coordinator' }, 'coordinator');

      // importRoster (CSV): opens the app's CSV import dialog for the column mapping.
      const csv = await page.evaluate(() => window.portal.importCsv());
      assertEqual(csv.reply, { status: 'awaiting-coordinator' }, 'CSV import reply');
      await app.waitForFunction(() => window.flipside.itemRect('Import people from CSV').found, null, { timeout: 5000 });
      await screenshot(page, 'embed-portal-csv-dialog');

      // setMode kiosk: needs a PIN; leaving needs the same PIN.
      const noPin = await page.evaluate(() => window.portal.setMode('kiosk'));
      assertEqual([noPin.ok, noPin.code], [false, 'kiosk-needs-pin'], 'kiosk without a PIN');
      assertEqual((await page.evaluate(() => window.portal.setMode('kiosk', '2468'))).reply, { mode: 'kiosk' }, 'kiosk with a PIN');
      const stay = await page.evaluate(() => window.portal.setMode('coordinator'));
      assertEqual([stay.ok, stay.code], [false, 'pin-required'], 'leaving kiosk without the PIN');
      const wrong = await page.evaluate(() => window.portal.setMode('readonly', '1357'));
      assertEqual([wrong.ok, wrong.code], [false, 'wrong-pin'], 'leaving kiosk with a wrong PIN');
      assertEqual(await app.evaluate(() => window.flipside.mode()), 'kiosk', 'mode after wrong PINs');
      assertEqual((await page.evaluate(() => window.portal.setMode('coordinator', '2468'))).reply, { mode: 'coordinator' },
                  'leaving kiosk with the PIN');

      // Malformed requests get an "error" reply naming the problem, and the app runs on.
      const malformed = [
        [{ protocol: 'flipside', version: 1, type: 'deleteEverything', id: 'm1' }, 'unknown-type'],
        [{ protocol: 'flipside', version: 2, type: 'exportData', id: 'm2' }, 'unsupported-version'],
        [{ protocol: 'flipside', version: 1, type: 'importRoster', id: 'm3', payload: { format: 'xml', text: '' } }, 'invalid-payload'],
        [{ protocol: 'flipside', version: 1, type: 'setTheme', id: 'm4', payload: { accent: 'red; background: url(x)' } }, 'invalid-payload'],
        [{ protocol: 'flipside', version: 1, type: 'setMode', id: 'm5', payload: 'kiosk' }, 'invalid-payload'],
        [{ protocol: 'flipside', version: 1, type: 'importRoster', id: 'm6', payload: { format: 'json', text: '{"format":' } }, 'import-refused'],
        ['hello', 'malformed'],
        [{ protocol: 'flipside', version: 1, type: 'exportData', id: { nested: true } }, 'malformed'],
      ];
      for (const [message, code] of malformed) {
        const answer = await page.evaluate((m) => window.portal.rawRequest(m), message);
        assert(answer && answer.type === 'error', `no error reply to ${JSON.stringify(message)}`);
        assertEqual(answer.payload.code, code, `error code for ${JSON.stringify(message)}`);
      }
      const frames = await app.evaluate(() => window.flipside.frameCount());
      // The app draws only when asked (frame_pacer.h): it must still answer a request for a frame.
      await app.evaluate(() => window.flipside.wake());
      await app.waitForFunction((n) => window.flipside.frameCount() > n, frames, { timeout: 5000 });
      assertEqual(names(await appDocument(app)).length, 4, 'people after the malformed requests');
      const events = (await portalLog(page, 'error')).map((e) => e.data.code);
      assert(events.includes('unknown-type'), `the portal logged no error events: ${JSON.stringify(events)}`);
    },
  },
  {
    name: 'a message from another origin changes nothing',
    async run(t) {
      const { context, page, frame } = await openPortal(t);
      const app = frame('portal');
      await waitForApp(app);
      const before = await appDocument(app);
      // Another site's page inside the portal (an ad, a compromised widget) that finds the
      // Flipside frame and asks it to import its own roster, export the data and switch modes.
      await context.route('http://evil.test/**', (route) => route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script>
          const app = parent.frames[0];
          const send = (type, payload) => app.postMessage({ protocol: 'flipside', version: 1, type, id: type, payload }, '*');
          send('importRoster', { format: 'json', text: JSON.stringify({ format: 'flipside', schema_version: 2,
            programs: [], participants: [], pairs: [], sessions: [], feedback: [] }) });
          send('exportData', {});
          send('setMode', { mode: 'readonly' });
          window.addEventListener('message', (e) => { document.title = 'answered: ' + JSON.stringify(e.data); });
          document.title = 'sent';
        </script>`,
      }));
      await page.evaluate(() => {
        const evil = document.createElement('iframe');
        evil.src = 'http://evil.test/widget.html';
        evil.style.display = 'none';
        document.body.appendChild(evil);
      });
      const evil = await (async () => {
        for (let i = 0; i < 100; i += 1) {
          const found = page.frames().find((f) => f.url().startsWith('http://evil.test/'));
          if (found && (await found.title().catch(() => '')) === 'sent') return found;
          await page.waitForTimeout(100);
        }
        throw new Error('the other-origin frame did not run');
      })();
      await app.waitForFunction(() => window.flipside.embedStats().ignored >= 3, null, { timeout: 5000 });
      await page.waitForTimeout(500);
      assertEqual(await appDocument(app), before, 'document after the other origin\'s messages');
      assertEqual(await app.evaluate(() => window.flipside.mode()), 'coordinator', 'mode');
      assertEqual(await evil.title(), 'sent', 'the other origin got an answer');
      const stats = await app.evaluate(() => window.flipside.embedStats());
      assertEqual([stats.ignored, stats.malformed], [3, 0], 'ignored and malformed counts');
      // The portal itself still gets answers.
      const exported = await page.evaluate(() => window.portal.exportData());
      assert(exported.ok, 'the portal lost the connection');
    },
  },
  {
    name: 'two embeds with different namespaces never see each other\'s data',
    async run(t) {
      const { page, frame } = await openPortal(t, '?embeds=team-a,team-b');
      const a = frame('team-a');
      const b = frame('team-b');
      await waitForApp(a);
      await waitForApp(b);
      const bBefore = await appDocument(b);
      await page.evaluate(() => window.portal.select('team-a'));
      const imported = await page.evaluate(() => window.portal.importJson());
      assert(imported.ok, `import into team-a refused: ${JSON.stringify(imported)}`);
      await page.evaluate(() => window.portal.setMode('kiosk', '2468'));
      await a.evaluate(() => window.flipside.flush());
      assertEqual(names(await appDocument(a)).length, 4, 'team-a people');

      await page.evaluate(() => window.portal.select('team-b'));
      const exported = await page.evaluate(() => window.portal.exportData());
      assertEqual(exported.reply.document, bBefore, 'team-b export after team-a\'s import');
      assert(!names(exported.reply.document).includes('Priya Raman'), 'team-b sees team-a\'s roster');
      assertEqual(await b.evaluate(() => window.flipside.mode()), 'coordinator', 'team-b mode after team-a went kiosk');
      const changedB = (await portalLog(page, 'changed')).filter((e) => e.embed === 'team-b');
      assertEqual(changedB.length, 0, 'team-b "changed" events');
      // Reloading team-b's frame reads only its own saved data.
      await b.evaluate(() => location.reload());
      await page.waitForTimeout(500);
      const reloaded = frame('team-b');
      await waitForApp(reloaded);
      assert(!names(await appDocument(reloaded)).includes('Priya Raman'), 'team-b reads team-a\'s data after a reload');
      await screenshot(page, 'embed-two-namespaces');
    },
  },
  {
    name: 'an embed and the hosted page on the same namespace: one edits at a time and no edit is lost',
    timeout: 240000,
    async run(t) {
      const { context, page, frame } = await openPortal(t, '?embeds=default');
      const embed = frame('default');
      await waitForApp(embed);
      const imported = await page.evaluate(() => window.portal.importJson());
      assert(imported.ok, `import into the embed refused: ${JSON.stringify(imported)}`);
      await embed.evaluate(() => window.flipside.flush());

      const hosted = await context.newPage();
      await hosted.goto(t.baseUrl);
      await waitForApp(hosted);
      await waitForItem(hosted, 'Edit here');  // the embed edits: the hosted page only shows
      assert(names(await appDocument(hosted.mainFrame())).includes('Priya Raman'), 'the hosted page does not show the embed\'s import');
      await click(hosted, 'Edit here');
      await hosted.waitForFunction(() => !window.flipside.saveStatus().blocked, null, { timeout: 20000 });
      await waitForItem(embed, 'Edit here');  // and now the embed only shows
      await addPerson(hosted, 'Zoë Åkesson', 'zoe.akesson@example.com');
      await hosted.evaluate(() => window.flipside.flush());
      await hosted.waitForFunction(() => !window.flipside.saveStatus().pending && !window.flipside.saveStatus().settling);

      await embed.evaluate(() => location.reload());
      await page.waitForTimeout(500);
      const reloaded = frame('default');
      await waitForApp(reloaded);
      const seen = names(await appDocument(reloaded));
      assert(seen.includes('Priya Raman') && seen.includes('Zoë Åkesson'), `the embed shows ${seen.join(', ')}`);
    },
  },
  {
    name: 'an embed mounted in kiosk mode shows nothing until a PIN exists, then the kiosk',
    async run(t) {
      const { page, frame } = await openPortal(t, '?mode=kiosk&embeds=front-desk');
      const app = frame('front-desk');
      await app.waitForFunction(() => {
        try { return window.flipside.frameCount() >= 3; } catch { return false; }  // not started yet
      }, null, { timeout: 60000, polling: 100 });
      const covered = await app.evaluate(() => ({
        status: !document.getElementById('status').hidden,
        text: document.getElementById('status').textContent,
        canvas: getComputedStyle(document.getElementById('canvas')).visibility,
      }));
      assert(covered.status && /not set up/.test(covered.text) && covered.canvas === 'hidden',
             `the coordinator's screens show in a kiosk without PIN: ${JSON.stringify(covered)}`);
      const errors = (await portalLog(page, 'error')).map((e) => e.data.code);
      assert(errors.includes('kiosk-needs-pin'), `no kiosk-needs-pin event: ${JSON.stringify(errors)}`);
      await screenshot(page, 'embed-kiosk-not-set-up');
      const entered = await page.evaluate(() => window.portal.setMode('kiosk', '2468'));
      assertEqual(entered.reply, { mode: 'kiosk' }, 'kiosk with the PIN handed over');
      await waitForApp(app);
      await app.waitForFunction(() => window.flipside.itemRect('Your name').found, null, { timeout: 10000 });
      await screenshot(page, 'embed-kiosk');
    },
  },
];
