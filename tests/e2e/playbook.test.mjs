// Playbook settings and custom clause packs.
import assert from 'node:assert/strict';
import { withPage, open } from './lib.mjs';

export const tests = {
  'playbook lists thresholds with default, source and evidence, and resets': () => withPage(async page => {
    await open(page);
    await page.getByRole('button', { name: 'Playbook & clause pack' }).click();
    const input = page.locator('#th-patch_days');
    await input.waitFor();
    const def = await input.inputValue();
    await input.fill('7');
    await input.press('Tab');
    await page.getByRole('button', { name: 'Reset patch_days to default' }).waitFor();
    await page.locator('[data-testid="reset-playbook"]').click();
    assert.equal(await page.locator('#th-patch_days').inputValue(), def);
    assert.ok(await page.locator('.playbook tbody tr').count() >= 10);
  }),
  'a broken clause pack file is listed with file and line': () => withPage(async page => {
    await open(page);
    await page.getByRole('button', { name: 'Playbook & clause pack' }).click();
    await page.locator('[data-testid="pack-input"]').setInputFiles({
      name: 'house.md', mimeType: 'text/markdown', buffer: Buffer.from('+++\nid = "X\n+++\n'),
    });
    const errs = page.locator('[data-testid="pack-errors"] li');
    await errs.first().waitFor();
    assert.match(await errs.first().textContent(), /^house\.md:\d+: /);
  }),
};
