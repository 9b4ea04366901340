// Shared helpers for the privacy / offline / single-file / embed browser tests
// (not a test file itself: the runner only picks up *.test.mjs).
import { chromium } from 'playwright-core';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
}

/** Record every request of a context (pages, workers, the service worker). */
export function record(context) {
  const reqs = [];
  context.on('request', r => reqs.push({
    url: r.url(), method: r.method(), post: r.postData() ?? '',
    sw: Boolean(r.serviceWorker && r.serviceWorker()),
  }));
  return reqs;
}

/** Console messages and page errors, to catch CSP violations. */
export function watchConsole(page) {
  const msgs = [];
  page.on('console', m => msgs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', e => msgs.push(`pageerror: ${e}`));
  return msgs;
}
export const cspViolations = msgs => msgs.filter(m => /Content Security Policy|Refused to/i.test(m));

/** Network requests only (data:, blob: and about: never leave the browser). */
export const network = reqs => reqs.filter(r => !/^(data|blob|about):/.test(r.url));

/** The files a build directory serves, as URL paths under `base`. */
export function ownPaths(dir, base = '/') {
  const paths = new Set([base]);
  for (const f of readdirSync(dir, { recursive: true })) paths.add(base + String(f).replaceAll('\\', '/'));
  return paths;
}

/** Request paths logged by python's http.server since line `from`. */
export function accessLog(file, from = 0) {
  if (!file || !existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter(l => /"[A-Z]+ \S+ HTTP/.test(l));
  return { count: lines.length, lines: lines.slice(from), paths: lines.slice(from).map(l => l.match(/"[A-Z]+ (\S+) HTTP/)[1]) };
}

/** A realistic contract with a unique marker inside one clause. */
export function contractWith(marker) {
  const sample = readFileSync(ROOT + 'src/sample_contract.txt', 'utf8');
  return `${sample}\n\n99. Confidential reference\n\nThe parties record reference ${marker} for this Agreement.\n`;
}

export async function analysisCount(page) {
  return Number(await page.locator('[data-analysis-done]').first().getAttribute('data-analysis-done') ?? 0);
}

/** Paste `text` into the editor and wait until the app has analysed it and shows findings. */
export async function pasteAndAnalyse(page, text) {
  const before = await analysisCount(page);
  await page.locator('[data-testid="contract-input"]').fill(text);
  await page.waitForFunction(n => Number(document.querySelector('[data-analysis-done]')
    ?.getAttribute('data-analysis-done')) > n, before, { timeout: 30000 });
  await page.locator('[data-testid="finding"]').first().waitFor({ timeout: 30000 });
}

/** Insert model language for the first gap that offers it; returns true if the contract changed. */
export async function insertOne(page) {
  const input = page.locator('[data-testid="contract-input"]');
  const before = await input.inputValue();
  const n = await analysisCount(page);
  await page.locator('[data-testid="insert"]').first().click();
  await page.waitForFunction(k => Number(document.querySelector('[data-analysis-done]')
    ?.getAttribute('data-analysis-done')) > k, n, { timeout: 30000 });
  return (await input.inputValue()) !== before;
}

/** Everything a user does in a session: analyse, insert, insert all, export, switch settings. */
export async function useEverything(page, marker) {
  await pasteAndAnalyse(page, contractWith(marker));
  await insertOne(page);
  const all = page.locator('[data-testid="insert-all"]');
  if (await all.count()) await all.first().click();
  // Every export the app offers (downloads are blob: URLs, never network).
  const exports = page.locator('[data-testid^="export"]');
  for (let i = 0; i < await exports.count(); i++) {
    const b = exports.nth(i);
    if (!(await b.isVisible()) || !(await b.isEnabled())) continue;
    const dl = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
    await b.click();
    const d = await dl;
    if (d) await d.path().catch(() => null);
  }
  // Switch settings: perspective both ways.
  const p = page.locator('[data-testid="perspective"]');
  if (await p.count()) {
    const tag = await p.first().evaluate(e => e.tagName);
    if (tag === 'SELECT') {
      const values = await p.first().locator('option').evaluateAll(os => os.map(o => o.value));
      for (const v of [...values].reverse()) await p.first().selectOption(v);
    } else {
      await p.first().click(); await p.first().click();
    }
  }
  await page.waitForTimeout(1000); // give any sneaky background request a chance
}

/** Poll `fn` in the page (may be async) until it returns truthy. */
export async function pollPage(page, fn, arg, what, timeout = 30000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await page.evaluate(fn, arg).catch(e => `error: ${e.message}`);
    if (last === true) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Wait until the service worker controls the page (first visit: after install + claim). */
export async function swControls(page) {
  await pollPage(page, async () => {
    if (!navigator.serviceWorker) return 'no serviceWorker';
    const r = await navigator.serviceWorker.getRegistration();
    return Boolean(r && r.active && r.active.state === 'activated' && navigator.serviceWorker.controller);
  }, null, 'the service worker to control the page');
}

/** Run a `tests` object standalone: `node file.mjs` prints "N passed, M failed". */
export async function runStandalone(meta, tests) {
  if (process.argv[1] !== fileURLToPath(meta.url)) return;
  let passed = 0, failed = 0;
  for (const [name, fn] of Object.entries(tests)) {
    try { await fn(); passed++; console.log(`ok   ${name}`); }
    catch (e) { failed++; console.log(`FAIL ${name}\n  ${e.stack ?? e}`); }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
