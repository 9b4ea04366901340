// A first-time visitor sees the embedded sample contract.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Make the wasm fail to compile, as it does in a browser without WebAssembly SIMD. */
export const SIMULATE_NO_WASM_SIMD = () => {
  WebAssembly.instantiate = () => Promise.reject(new WebAssembly.CompileError('simd128 unsupported (simulated)'));
  WebAssembly.instantiateStreaming = WebAssembly.instantiate;
};

export const tests = {
  'the page opens with the sample contract': async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', e => errors.push(String(e)));
      await page.goto(process.env.APP_URL);
      const input = page.locator('[data-testid="contract-input"]');
      await input.waitFor();
      assert.match(await input.inputValue(), /Supplier/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },

  'a browser that cannot run the app says so instead of showing a blank page': async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    try {
      const page = await browser.newPage();
      await page.addInitScript(SIMULATE_NO_WASM_SIMD);
      await page.goto(process.env.APP_URL);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), /cannot run the MC2 contract assistant.*Safari 16\.4/s);
      assert.equal(await page.locator('[data-testid="contract-input"]').count(), 0);
    } finally {
      await browser.close();
    }
  },
};
