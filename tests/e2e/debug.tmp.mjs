import { TestContext, click, typeInto, documentJson, screenshot, waitForFrames, findItem } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';
const srv = await startServer({ root: '/tmp/fs/web', port: 0, quiet: true });
const t = new TestContext({ baseUrl: srv.url, name: 'debug' });
try {
  const { page } = await t.openApp();
  await click(page, 'People');
  await click(page, 'Add person');
  const items = await page.evaluate(() => window.flipside.items());
  const gi = items.findIndex(i => i.label === 'grid'); console.log(items.slice(gi).map(i => `${i.label}|${i.full_label} vis=${i.visible} full=${i.fully_visible} y=${i.y} clip=${JSON.stringify(i.clip)}`).join('\n'));
  await screenshot(page, 'debug-1');
} finally { console.log(t.problems); await t.close(); await srv.close(); }
