// Offline on static hosting: after one visit the app loads and works with the
// network off (service worker + versioned cache), also under a sub-path, and a
// new build's service worker replaces the old cache.
import assert from 'node:assert/strict';
import http from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { launch, swControls, pasteAndAnalyse, contractWith, insertOne, watchConsole,
  cspViolations, runStandalone, pollPage, ROOT } from './privacy-lib.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm' };

/** A tiny static server for `dir` under `prefix` (like a sub-path on a static host). */
function serveUnder(dir, prefix) {
  const seen = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    seen.push(path);
    if (!path.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let f = join(dir, path.slice(prefix.length));
    if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
    if (!existsSync(f)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(f)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(f));
  });
  return new Promise(ok => server.listen(0, '127.0.0.1', () =>
    ok({ url: `http://127.0.0.1:${server.address().port}${prefix}`, seen, close: () => server.close() })));
}

const cacheKeys = page => page.evaluate(() => caches.keys());

export const tests = {
  'after one visit, the app opens and analyses with the network off': async () => {
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const msgs = watchConsole(page);
      await page.goto(process.env.APP_URL);
      await page.locator('[data-testid="contract-input"]').waitFor();
      await swControls(page);
      await context.setOffline(true);
      const failed = [];
      page.on('requestfailed', r => failed.push(r.url()));
      await page.reload();
      await page.locator('[data-testid="contract-input"]').waitFor();
      await pasteAndAnalyse(page, contractWith('offline-check'));
      assert.ok(await insertOne(page), 'insert changed the contract offline');
      assert.deepEqual(failed, [], 'requests that failed offline');
      assert.deepEqual(cspViolations(msgs), []);
    } finally { await browser.close(); }
  },

  'under a sub-path (/tools/mc2/) it works offline, and an update replaces the old cache': async () => {
    // The same build as `trunk build --release --public-url /tools/mc2/`: only index.html's
    // absolute links carry the public URL; boot.js, sw.js and the manifest are relative.
    const dir = mkdtempSync(join(tmpdir(), 'mc2-sub-'));
    cpSync(ROOT + 'dist', dir, { recursive: true });
    const index = join(dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace(/(href|src)="\//g, '$1="/tools/mc2/'));
    const srv = await serveUnder(dir, '/tools/mc2/');
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(srv.url);
      await page.locator('[data-testid="contract-input"]').waitFor();
      await swControls(page);
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(scope, srv.url);
      const v1 = await cacheKeys(page);
      assert.equal(v1.length, 1, `one cache: ${v1}`);
      assert.ok(srv.seen.every(p => p.startsWith('/tools/mc2/')), `left the sub-path: ${srv.seen}`);

      await context.setOffline(true);
      await page.reload();
      await page.locator('[data-testid="contract-input"]').waitFor();
      await pasteAndAnalyse(page, contractWith('subpath-offline'));
      await context.setOffline(false);

      // Deploy a new version: a new sw.js (new cache version).
      const sw = join(dir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
      await page.reload();
      await pollPage(page, async old => {
        const k = await caches.keys();
        return k.length === 1 && k[0] !== old;
      }, v1[0], 'the new version to replace the old cache');
      const v2 = await cacheKeys(page);
      assert.deepEqual(v2, [v1[0] + '-next'], 'the new version replaced the old cache');
    } finally {
      await browser.close();
      srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

await runStandalone(import.meta, tests);
