// Single self-contained file for a locked-down laptop: the HTML that
// scripts/build-single-file writes opens from file:// with no server and
// completes paste → findings → insert; it stays under 2 MB.
import assert from 'node:assert/strict';
import { statSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launch, pasteAndAnalyse, contractWith, insertOne, watchConsole, cspViolations,
  runStandalone, ROOT } from './privacy-lib.mjs';
import { SIMULATE_NO_WASM_SIMD } from './smoke.test.mjs';

const FILE = process.env.SINGLE_FILE ?? ROOT + 'dist-single/mc2-assistant.html';

export const tests = {
  'the single file is one HTML under 2 MB with nothing external': async () => {
    const size = statSync(FILE).size;
    console.log(`  single file: ${size} B`);
    assert.ok(size < 2 * 1024 * 1024, `${size} B is over 2 MB`);
    const html = readFileSync(FILE, 'utf8');
    assert.doesNotMatch(html, /(src|href)="(?!data:)[^"]+"/, 'an external reference');
    assert.match(html, /connect-src 'none'/);
    assert.doesNotMatch(html, /serviceWorker/, 'no service worker on file://');
  },

  'from file:// it completes paste → findings → insert': async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const msgs = watchConsole(page);
      await page.goto(pathToFileURL(FILE).href);
      await page.locator('[data-testid="contract-input"]').waitFor();
      await pasteAndAnalyse(page, contractWith('single-file'));
      assert.ok(await page.locator('[data-testid="finding"]').count() > 0, 'findings shown');
      assert.ok(await insertOne(page), 'insert changed the contract');
      assert.deepEqual(cspViolations(msgs), []);
      assert.deepEqual(msgs.filter(m => m.startsWith('pageerror')), []);
    } finally { await browser.close(); }
  },

  'from file:// a browser that cannot run the app gets a message': async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const msgs = watchConsole(page);
      await page.addInitScript(SIMULATE_NO_WASM_SIMD);
      await page.goto(pathToFileURL(FILE).href);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /cannot run the MC2 contract assistant/);
      assert.deepEqual(cspViolations(msgs), []);
    } finally { await browser.close(); }
  },
};

await runStandalone(import.meta, tests);
