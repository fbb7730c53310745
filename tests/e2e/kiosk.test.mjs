// Kiosk mode through the interface, as at a shared screen: the coordinator sets a PIN and
// starts it; a participant finds themselves, confirms with their e-mail and sees their own
// world; nobody gets back to the coordinator's screens (not by reloading either) without the
// PIN. Screenshots of each kiosk screen land in build/screenshots/.
import { assert, assertEqual, click, documentJson, findItem, menu, screenshot, typeInto, waitForApp,
  waitForFrames, waitForItem } from './harness.mjs';

const PIN = '2468';
const COORDINATOR_ONLY = ['People', 'Program', 'Matching', 'Dashboard', 'File', 'Edit', 'Participants'];

async function visibleLabels(page) {
  return (await page.evaluate(() => window.flipside.items())).filter((i) => i.visible).map((i) => i.label);
}

async function assertNoCoordinatorScreens(page, where) {
  const labels = new Set(await visibleLabels(page));
  const leaked = COORDINATOR_ONLY.filter((label) => labels.has(label));
  assertEqual(leaked, [], `coordinator items visible ${where}`);
  assertEqual(await page.evaluate(() => window.flipside.mode()), 'kiosk', `mode ${where}`);
}

// Someone in a pair of the current wave, their partner, and a person who is neither.
function cast(document) {
  const current = document.programs.at(-1);
  const pair = document.pairs.find((p) => p.program_id === current.id && p.state === 'active');
  const byId = new Map(document.participants.map((p) => [p.id, p]));
  const me = byId.get(pair.mentee_id);
  const partner = byId.get(pair.mentor_id);
  const stranger = document.participants.find((p) => p.id !== me.id && p.id !== partner.id &&
    !document.pairs.some((q) => q.program_id === current.id && [q.mentor_id, q.mentee_id].includes(me.id) &&
                                [q.mentor_id, q.mentee_id].includes(p.id)));
  return { me, partner, stranger };
}

export const tests = [
  {
    name: 'kiosk mode cannot reach coordinator screens or other people\'s data without the PIN',
    async run(t) {
      const { page } = await t.openApp({ viewport: { width: 1280, height: 900 } });
      const { me, partner, stranger } = cast(await documentJson(page));

      // The coordinator sets a PIN and hands the screen over.
      await menu(page, 'Participants', 'Kiosk mode…');
      await typeInto(page, 'New PIN', PIN, { window: 'Kiosk mode' });
      await typeInto(page, 'Repeat PIN', PIN, { window: 'Kiosk mode' });
      await click(page, 'Set PIN', { window: 'Kiosk mode' });
      await waitForItem(page, 'Start kiosk mode');
      await screenshot(page, 'kiosk-settings');
      await click(page, 'Start kiosk mode');
      await waitForItem(page, 'Your name');
      await assertNoCoordinatorScreens(page, 'on the start screen');
      await screenshot(page, 'kiosk-start');

      // Find yourself: only names show before confirming.
      const firstName = me.name.split(' ')[0];
      await typeInto(page, 'Your name', firstName);
      await waitForItem(page, me.name);
      await screenshot(page, 'kiosk-find');
      await click(page, me.name);
      await waitForItem(page, 'Your e-mail');
      assert(!(await visibleLabels(page)).some((l) => l.includes(partner.email)), 'contact shown before confirming');
      // A wrong e-mail does not open anyone's world.
      await typeInto(page, 'Your e-mail', stranger.email);
      await click(page, 'Continue');
      assert(!(await findItem(page, 'Sign out')), 'a wrong e-mail opened the participant\'s page');
      await screenshot(page, 'kiosk-confirm-wrong-email');
      await typeInto(page, 'Your e-mail', me.email);
      await click(page, 'Continue');
      await waitForItem(page, 'Sign out');
      await assertNoCoordinatorScreens(page, 'on a participant\'s page');
      const shown = JSON.stringify(await page.evaluate(() => window.flipside.items()));
      assert(!shown.includes(stranger.name), `another participant (${stranger.name}) is named on ${me.name}'s page`);
      await screenshot(page, 'kiosk-home');

      // Leaving needs the PIN: a wrong one is refused, a reload keeps the kiosk.
      await click(page, 'Sign out');
      await click(page, 'Coordinator');
      await typeInto(page, 'Coordinator PIN', '1357');
      await click(page, 'Unlock');
      await waitForFrames(page, 3);
      await assertNoCoordinatorScreens(page, 'after a wrong PIN');
      await screenshot(page, 'kiosk-wrong-pin');
      await page.reload();
      await waitForApp(page);
      await assertNoCoordinatorScreens(page, 'after a reload');
      await click(page, 'Coordinator');
      await typeInto(page, 'Coordinator PIN', PIN);
      await click(page, 'Unlock');
      await waitForItem(page, 'People');
      assertEqual(await page.evaluate(() => window.flipside.mode()), 'coordinator', 'mode after the right PIN');
    },
  },
];
