// Shared helpers for the app's browser tests (Playwright + Debian Chromium).
import { chromium } from 'playwright-core';

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const URL = () => process.env.APP_URL ?? 'http://127.0.0.1:8080/';

/** Run `fn(page, ctx)` in a fresh browser; fails on any page error. */
export async function withPage(fn, { viewport = { width: 1280, height: 900 } } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    await fn(page, context);
    if (errors.length) throw new Error('page errors: ' + errors.join('\n'));
  } finally {
    await browser.close();
  }
}

/** The analysis counter on the root element. */
export const done = page => page.evaluate(() =>
  Number(document.querySelector('#app')?.getAttribute('data-analysis-done') ?? 0));

/** Wait until an analysis newer than `prev` has been rendered. */
export async function waitAnalysis(page, prev) {
  await page.waitForFunction(p =>
    Number(document.querySelector('#app')?.getAttribute('data-analysis-done') ?? 0) > p, prev, { timeout: 15000 });
}

/** Open the app and wait for the first analysis. */
export async function open(page) {
  await page.goto(URL());
  await waitAnalysis(page, 0);
}

/** Replace the contract text as a paste would, and wait for the analysis. */
export async function paste(page, text) {
  const before = await done(page);
  await page.locator('[data-testid="contract-input"]').fill(text);
  await waitAnalysis(page, before);
}

/** requirement ID → status of every finding. */
export const statuses = page => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('[data-testid="finding"]')].map(e => [e.dataset.req, e.dataset.status])));

export const contractText = page => page.locator('[data-testid="contract-input"]').inputValue();

/** A contract with no patching clause (so PERF-PATCH is missing) and a few other terms. */
export const NO_PATCH = `SUPPLY AGREEMENT

This Agreement is made between Acme Medical Devices, Inc. ("Supplier") and River Valley Hospital ("Customer").

1. DEFINITIONS
1.1 "Product" means the patient monitors and their software supplied under this Agreement.

2. DELIVERY
2.1 Supplier shall deliver the Product to Customer's loading dock.

3. TERM
3.1 This Agreement continues for three (3) years.

4. GOVERNING LAW
4.1 This Agreement is governed by the laws of the State of Ohio.
`;
