// Browser benchmark (not part of the test run): against APP_URL (a served release dist/),
//  1. paste a ~100-page contract → time until the findings for it are rendered;
//  2. edit mode on a ~20-page contract → keystroke-to-next-frame time (input handled and
//     textarea/state updated) and the debounced analysis-to-render time after typing.
// Usage: APP_URL=http://127.0.0.1:PORT/ node tests/e2e/bench.mjs
import { withPage, open, done, waitAnalysis } from './lib.mjs';
import { contract, pasteAndWait } from './bench-data.mjs';

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

await withPage(async page => {
  await open(page);
  const input = page.locator('[data-testid="contract-input"]');

  // 1. Paste 100 pages → findings rendered.
  const big = contract(100);
  const pasteTimes = [];
  const firstBefore = await done(page);
  for (let i = 0; i < 3; i++) {
    const text = big + `\n${i}\n`;
    const before = await done(page);
    const ms = await page.evaluate(pasteAndWait, { text, before });
    pasteTimes.push(ms);
  }
  // Each paste must run the analysis exactly once (no second, debounced run after the first).
  await page.waitForTimeout(500);
  const analyses = (await done(page)) - firstBefore;
  const clauses = await page.locator('[data-testid="clause"]').count();
  const engineMs = await page.evaluate(() => document.documentElement.dataset.analysisMs);
  const engineOnly = await page.evaluate(() => document.documentElement.dataset.engineMs);
  console.log(`100-page paste (${big.length} chars, ${clauses} clauses): paste→findings rendered median ${median(pasteTimes).toFixed(1)} ms (runs: ${pasteTimes.map(x => x.toFixed(1)).join(', ')}); analysis+render ${engineMs} ms, of which engine ${engineOnly} ms; ${analyses} analyses for ${pasteTimes.length} pastes`);

  // 2. 20-page contract in edit mode: keystroke → next frame, and the debounced re-analysis.
  const mid = contract(20);
  const b = await done(page);
  await input.fill(mid);
  await waitAnalysis(page, b);
  await page.getByRole('button', { name: 'Edit mode' }).click();
  await input.focus();
  await page.evaluate(() => { const ta = document.querySelector('[data-testid="contract-input"]'); ta.setSelectionRange(ta.value.length / 2, ta.value.length / 2); });
  const keyTimes = [];
  const updTimes = [];
  const engTimes = [];
  const workTimes = [];
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => {
      window.__t0 = undefined;
      document.querySelector('[data-testid="contract-input"]').addEventListener('keydown', () => {
        window.__t0 = performance.now();
        window.__frame = new Promise(r => requestAnimationFrame(() => r(performance.now() - window.__t0)));
      }, { once: true });
      // Work per keystroke: from the input event (capture, before the app's handler) until
      // every microtask has run, i.e. the app has dispatched the action and re-rendered.
      document.addEventListener('input', () => {
        const t = performance.now();
        window.__work = new Promise(r => setTimeout(() => r(performance.now() - t), 0));
      }, { once: true, capture: true });
    });
    const before = await done(page);
    await page.keyboard.press('x');
    keyTimes.push(await page.evaluate(() => window.__frame));
    workTimes.push(await page.evaluate(() => window.__work));
    await waitAnalysis(page, before);
    updTimes.push(Number(await page.evaluate(() => document.documentElement.dataset.analysisMs)));
    engTimes.push(Number(await page.evaluate(() => document.documentElement.dataset.engineMs)));
  }
  console.log(`20-page edit (${mid.length} chars): keystroke→next frame median ${median(keyTimes).toFixed(1)} ms, max ${Math.max(...keyTimes).toFixed(1)} ms; input handling + re-render median ${median(workTimes).toFixed(1)} ms, max ${Math.max(...workTimes).toFixed(1)} ms; debounced re-analysis+render median ${median(updTimes).toFixed(1)} ms (engine ${median(engTimes).toFixed(1)} ms)`);
});
