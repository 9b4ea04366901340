// Privacy, proven: from page start, record every request (page, workers, service
// worker) and the server's access log. After the app's own files have loaded,
// pasting a contract with a unique marker, analysing, inserting, exporting,
// switching settings and reloading make no request beyond the app's own files,
// and the marker is in no request URL or body, ever. Hosted and single-file builds.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { launch, record, network, ownPaths, accessLog, useEverything, swControls,
  watchConsole, cspViolations, runStandalone, ROOT } from './privacy-lib.mjs';

const marker = () => `MC2-PRIVACY-MARKER-${Date.now()}-${Math.random().toString(36).slice(2)}`;

function assertOwnFiles(reqs, base, own, phase) {
  for (const r of network(reqs)) {
    const u = new URL(r.url);
    assert.equal(u.origin, base.origin, `${phase}: request to another origin: ${r.method} ${r.url}`);
    assert.equal(r.method, 'GET', `${phase}: non-GET request ${r.method} ${r.url}`);
    assert.ok(own.has(u.pathname), `${phase}: not one of the app's files: ${r.url}`);
  }
}

export const tests = {
  'hosted build: after load, a whole session and a reload send nothing anywhere': async () => {
    const base = new URL(process.env.APP_URL);
    const own = ownPaths(ROOT + 'dist', base.pathname);
    const logFile = process.env.APP_ACCESS_LOG;
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const reqs = record(context);
      const page = await context.newPage();
      const msgs = watchConsole(page);
      const log0 = accessLog(logFile)?.count ?? 0;
      await page.goto(base.href);
      await page.locator('[data-testid="contract-input"]').waitFor();
      await swControls(page);                      // the offline cache is filled as part of loading
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      assertOwnFiles(reqs, base, own, 'load');
      const loaded = network(reqs).length;
      const logLoaded = accessLog(logFile)?.count;

      const secret = marker();
      await useEverything(page, secret);
      const during = network(reqs).slice(loaded);
      assert.deepEqual(during.map(r => `${r.method} ${r.url}`), [], 'requests after load');
      if (logLoaded !== undefined) assert.equal(accessLog(logFile).count, logLoaded, 'server saw requests after load');

      await page.reload();
      await page.locator('[data-testid="contract-input"]').waitFor();
      await page.waitForTimeout(1000);
      assertOwnFiles(reqs.slice(loaded), base, own, 'reload');
      for (const r of reqs) assert.ok(!(r.url + r.post).includes(secret), `marker sent: ${r.method} ${r.url}`);
      const log = accessLog(logFile, log0);
      if (log) {
        assert.ok(!log.lines.join('\n').includes(secret), 'marker in the server log');
        for (const p of log.paths) assert.ok(own.has(p.split('?')[0]), `server saw a request for ${p}`);
      }
      assert.deepEqual(cspViolations(msgs), [], 'CSP violations');
      // The policy is the strict one, and nothing relies on inline code.
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'none'",
        "form-action 'none'", "base-uri 'none'"]) assert.ok(csp.includes(d), `CSP lacks ${d}: ${csp}`);
      assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/, 'CSP allows inline code or other origins');
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].length), 0, 'inline scripts');
      assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => a.name.startsWith('on')).map(a => `${e.tagName}[${a.name}]`))), [], 'inline event handlers');
    } finally { await browser.close(); }
  },

  'single-file build: opened from file://, a whole session sends nothing anywhere': async () => {
    const file = process.env.SINGLE_FILE ?? ROOT + 'dist-single/mc2-assistant.html';
    const url = pathToFileURL(file).href;
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const reqs = record(context);
      const page = await context.newPage();
      const msgs = watchConsole(page);
      await page.goto(url);
      await page.locator('[data-testid="contract-input"]').waitFor();
      await page.waitForTimeout(500);
      assert.deepEqual(network(reqs).map(r => r.url), [url], 'load: only the file itself');
      const secret = marker();
      await useEverything(page, secret);
      await page.reload();
      await page.locator('[data-testid="contract-input"]').waitFor();
      await page.waitForTimeout(500);
      assert.deepEqual(network(reqs).map(r => r.url), [url, url], 'only the file itself, twice');
      for (const r of reqs) assert.ok(!(r.url + r.post).includes(secret), `marker sent: ${r.url}`);
      assert.deepEqual(cspViolations(msgs), [], 'CSP violations');
    } finally { await browser.close(); }
  },
};

await runStandalone(import.meta, tests);
