// axe-core on each main view: review, edit mode with an open finding, playbook. Zero violations.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { withPage, open } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page, label) {
  await page.evaluate(AXE);
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(r, [], `${label}: axe violations`);
}

export const tests = {
  'axe: review view, with a clause tooltip shown on hover and one on focus': () => withPage(async page => {
    await open(page);
    const served = page.locator('[data-testid="clause"]:not([data-status="none"])');
    // Hover first: a focused clause's tooltip may cover the next clause.
    await served.nth(1).hover();
    await served.nth(1).locator('.tip').waitFor({ state: 'visible' });
    await served.nth(0).focus();
    await served.nth(0).locator('.tip').waitFor({ state: 'visible' });
    await axe(page, 'review');
  }),
  'axe: edit mode with a finding opened, at 1024 px': () => withPage(async page => {
    await open(page);
    await page.getByRole('button', { name: 'Edit mode' }).click();
    await page.locator('[data-testid="finding"] details summary').first().click();
    await page.locator('[data-testid="clause"]').nth(3).focus();
    await axe(page, 'edit');
  }, { viewport: { width: 1024, height: 768 } }),
  'axe: playbook and clause pack view': () => withPage(async page => {
    await open(page);
    await page.getByRole('button', { name: 'Playbook & clause pack' }).click();
    await page.locator('.playbook table').waitFor();
    await axe(page, 'playbook');
  }),
};
