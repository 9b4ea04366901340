// Embedding: an intranet-like host page on a second loopback origin embeds the
// app (iframe, ?embed=1) and drives it through postMessage; messages from a
// non-allowed origin are ignored; contract text reaches the parent only after
// the user confirms an explicit export request.
// Needs APP_URL, EMBED_HOST_URL (tests/e2e/embed-host served on another port) and a
// build made with MC2_EMBED_ORIGINS=<origin of EMBED_HOST_URL>.
import assert from 'node:assert/strict';
import { launch, watchConsole, cspViolations, runStandalone } from './privacy-lib.mjs';

const APP = () => new URL(process.env.APP_URL);
const HOST = () => new URL(process.env.EMBED_HOST_URL);

async function openHost(browser, hostUrl) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const msgs = watchConsole(page);
  await page.goto(`${hostUrl.href}?app=${encodeURIComponent(APP().href)}`);
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find(f => f.url().startsWith(APP().origin));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'the app frame loaded');
  await frame.locator('[data-testid="contract-input"]').waitFor();
  return { page, frame, msgs };
}

const received = page => page.evaluate(() => window.mc2Received);
async function waitFor(page, pred, what) {
  await page.waitForFunction(pred, null, { timeout: 10000 }).catch(async () => {
    throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(await received(page)).slice(0, 400)}`);
  });
}
const send = (page, msg) => page.evaluate(m => window.mc2Send(m), msg);
const rootVar = (frame, name) => frame.evaluate(n => document.documentElement.style.getPropertyValue(n), name);

export const tests = {
  'an allowed host drives the embedded app: theme, settings, rejected input, confirmed export': async () => {
    const browser = await launch();
    try {
      const { page, frame, msgs } = await openHost(browser, HOST());
      await waitFor(page, () => window.mc2Received.some(m => m.type === 'mc2:ready'),
        `mc2:ready (was the app built with MC2_EMBED_ORIGINS=${HOST().origin}?)`);
      assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-embed')), true, 'embed mode');

      await send(page, { type: 'mc2:set-theme', theme: { '--mc2-accent': 'rgb(1, 2, 3)', '--mc2-font': '"Segoe UI", sans-serif' } });
      await waitFor(page, () => window.mc2Received.some(m => m.type === 'mc2:ack' && m.for === 'mc2:set-theme'), 'theme ack');
      assert.equal(await rootVar(frame, '--mc2-accent'), 'rgb(1, 2, 3)');

      await send(page, { type: 'mc2:set-perspective', perspective: 'supplier' });
      await waitFor(page, () => window.mc2Received.some(m => m.for === 'mc2:set-perspective'), 'perspective ack');
      await send(page, JSON.stringify({ type: 'mc2:set-playbook', values: { patch_days: 14 } }));
      await waitFor(page, () => window.mc2Received.some(m => m.for === 'mc2:set-playbook'), 'playbook ack');

      await send(page, { type: 'mc2:set-theme', theme: { '--mc2-bg': 'url(http://127.0.0.1:1/x.png)' } });
      await waitFor(page, () => window.mc2Received.some(m => m.type === 'mc2:rejected'), 'rejection');
      assert.equal(await rootVar(frame, '--mc2-bg'), '', 'unsafe theme value not applied');

      // Export: nothing leaves until the user says yes; "no" sends no text.
      await send(page, { type: 'mc2:request-export' });
      const dialog = frame.locator('[data-testid="embed-export-confirm"]');
      await dialog.waitFor();
      await page.waitForTimeout(300);
      assert.ok(!(await received(page)).some(m => 'text' in m), 'text sent before confirmation');
      await frame.locator('[data-testid="embed-export-deny"]').click();
      await waitFor(page, () => window.mc2Received.some(m => m.type === 'mc2:export-declined'), 'export-declined');
      assert.ok(!(await received(page)).some(m => 'text' in m), 'text sent after "no"');

      await send(page, { type: 'mc2:request-export' });
      await frame.locator('[data-testid="embed-export-allow"]').click();
      await waitFor(page, () => window.mc2Received.some(m => m.type === 'mc2:export'), 'export');
      const exported = (await received(page)).find(m => m.type === 'mc2:export');
      const shown = await frame.locator('[data-testid="contract-input"]').inputValue();
      assert.equal(exported.text, shown, 'the exported text is the contract in the app');
      assert.equal(await dialog.count(), 0, 'dialog closed');
      assert.deepEqual(cspViolations(msgs), []);
    } finally { await browser.close(); }
  },

  'host settings reach the app state (perspective control follows the host)': async () => {
    const browser = await launch();
    try {
      const { page, frame } = await openHost(browser, HOST());
      await waitFor(page, () => window.mc2Received.some(m => m.type === 'mc2:ready'), 'mc2:ready');
      const control = frame.locator('[data-testid="perspective"]');
      await control.waitFor({ timeout: 5000 });
      for (const p of ['supplier', 'customer']) {
        await send(page, { type: 'mc2:set-perspective', perspective: p });
        await frame.waitForFunction(v => {
          const el = document.querySelector('[data-testid="perspective"]');
          return el && (el.value === v || el.getAttribute('data-value') === v || el.textContent.toLowerCase().includes(v));
        }, p, { timeout: 5000 });
      }
    } finally { await browser.close(); }
  },

  'messages from a non-allowed origin are ignored': async () => {
    // Same host page, other origin: localhost instead of 127.0.0.1 (not on the allow-list).
    const other = new URL(HOST());
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const browser = await launch();
    try {
      const { page, frame } = await openHost(browser, other);
      await send(page, { type: 'mc2:set-theme', theme: { '--mc2-accent': 'rgb(9, 9, 9)' } });
      await send(page, { type: 'mc2:request-export' });
      await send(page, 'not even json');
      await page.waitForTimeout(1500);
      assert.deepEqual(await received(page), [], 'the app said nothing to a non-allowed origin');
      assert.equal(await rootVar(frame, '--mc2-accent'), '', 'theme not applied');
      assert.equal(await frame.locator('[data-testid="embed-export-confirm"]').count(), 0, 'no export dialog');
    } finally { await browser.close(); }
  },
};

await runStandalone(import.meta, tests);
