// A first-time visitor sees the embedded sample contract.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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
};
