// Storage failures are shown, work stays in memory; replacing a weak clause shows a redline.
import assert from 'node:assert/strict';
import { withPage, open, paste, done, waitAnalysis, contractText, statuses, NO_PATCH } from './lib.mjs';

export const tests = {
  'a full storage quota gives a clear message and keeps the work': () => withPage(async (page, context) => {
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await open(page);
    await paste(page, NO_PATCH);
    const msg = page.locator('[data-testid="storage-message"]');
    await msg.waitFor({ timeout: 5000 });
    assert.match(await msg.textContent(), /full/);
    assert.equal(await contractText(page), NO_PATCH, 'the contract stays in memory');
  }),

  'replace a weak clause: old text struck through, new text inserted, undo restores': () => withPage(async page => {
    await open(page);
    const original = await contractText(page);
    const btn = page.locator('[data-testid="finding"] [data-testid="replace"]').first();
    const req = await btn.evaluate(b => b.closest('[data-testid="finding"]').dataset.req);
    const n = await done(page);
    await btn.click();
    await waitAnalysis(page, n);
    assert.ok(await page.locator('del.redline-del').count() >= 1, 'old text shown struck through');
    assert.ok(await page.locator('ins.redline-ins').count() >= 1, 'new text shown as an insertion');
    assert.notEqual(await contractText(page), original);
    assert.notEqual((await statuses(page))[req], 'missing');
    const m = await done(page);
    await page.locator('[data-testid="undo"]').click();
    await waitAnalysis(page, m);
    assert.equal(await contractText(page), original);
  }),
};
