// Screenshots of the main views for a visual check (not a test): SHOT_DIR=/tmp node tests/e2e/shot.mjs
import { withPage, open, paste, done, waitAnalysis, NO_PATCH } from './lib.mjs';
const dir = process.env.SHOT_DIR ?? '.';
await withPage(async page => {
  await open(page);
  await paste(page, NO_PATCH);
  const n = await done(page);
  await page.locator('[data-testid="finding"][data-req="MAT-SBOM"] [data-testid="insert"]').click();
  await waitAnalysis(page, n);
  await page.locator('[data-testid="clause"]').last().scrollIntoViewIfNeeded();
  await page.locator('[data-testid="clause"]').last().hover();
  await page.screenshot({ path: `${dir}/shot-insert.png` });
  await page.getByRole('button', { name: 'Playbook & clause pack' }).click();
  await page.screenshot({ path: `${dir}/shot-playbook.png` });
}, { viewport: { width: 1024, height: 768 } });
