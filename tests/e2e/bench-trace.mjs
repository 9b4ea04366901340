// Benchmark breakdown (not part of the test run): pastes the 100-page contract of bench.mjs
// three times with Chrome tracing on and prints, per paste, where the main thread's time went
// (script = wasm/JS, style, layout, paint, GC, …) between the input event and the painted frame.
// Usage: APP_URL=http://127.0.0.1:PORT/ node tests/e2e/bench-trace.mjs
import { chromium } from 'playwright-core';
import { ARGS, URL, done } from './lib.mjs';
import { contract, pasteAndWait } from './bench-data.mjs';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(URL());
await page.waitForFunction(() => Number(document.querySelector('#app')?.dataset.analysisDone ?? 0) > 0);
const big = contract(100);
if (process.env.WRAP) await page.evaluate(w => document.querySelector('[data-testid="contract-input"]').setAttribute('wrap', w), process.env.WRAP);
for (let i = 0; i < 3; i++) {
  const text = big + `\n${i}\n`;
  const before = await done(page);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
  const ms = await page.evaluate(pasteAndWait, { text, before });
  const buf = await browser.stopTracing();
  const ev = JSON.parse(buf.toString()).traceEvents;
  const mark = n => ev.find(e => e.name === n && e.ph !== 'M')?.ts;
  const t0 = mark('paste-start'), t1 = mark('paste-end');
  // main renderer thread = the thread that carries the marks
  const main = ev.find(e => e.name === 'paste-start');
  const inWin = ev.filter(e => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= t0 && e.ts <= t1);
  const sum = {};
  // top-level durations of interesting events (self-time not computed; nested names listed separately)
  for (const e of inWin) sum[e.name] = (sum[e.name] ?? 0) + (e.dur ?? 0) / 1000;
  // Main-thread CPU time (thread time, so less sensitive to other processes than wall time) of
  // every task overlapping the window, including the one that dispatched the input event.
  const overlap = ev.filter(e => e.pid === main.pid && e.tid === main.tid && e.name === 'RunTask' && e.ts + e.dur >= t0 && e.ts <= t1);
  const cpu = overlap.reduce((a, e) => a + (e.tdur ?? e.dur) / 1000, 0);
  const user = ev.filter(e => e.cat?.includes('blink.user_timing') && e.ts >= t0 && e.ts <= t1 && e.ph !== 'M');
  const keys = ['FunctionCall', 'TimerFire', 'EventDispatch', 'v8.run', 'V8.GCScavenger', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING',
    'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'HitTest', 'FireAnimationFrame', 'RunTask', 'RunMicrotasks'];
  const top = Object.entries(sum).filter(([k]) => keys.includes(k) || sum[k] > 5).sort((a, b) => b[1] - a[1]).slice(0, 18);
  console.log(`paste ${i}: ${ms.toFixed(1)} ms wall (trace window ${((t1 - t0) / 1000).toFixed(1)} ms); engine ${await page.evaluate(() => document.documentElement.dataset.engineMs)} ms; analysis+render ${await page.evaluate(() => document.documentElement.dataset.analysisMs)} ms; main-thread CPU ${cpu.toFixed(1)} ms`);
  console.log('   ' + top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · '));
  const marks = user.map(e => `${e.name}@${((e.ts - t0) / 1000).toFixed(1)}`);
  if (marks.length > 2) console.log('   marks: ' + marks.join(' '));
  if (process.env.TASKS) {
    // Each main-thread task over 3 ms, with its biggest children.
    const tasks = overlap.filter(e => e.dur > 3000);
    const thread = ev.filter(e => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    for (const t of tasks) {
      const kids = thread.filter(e => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur > 2000 && e.name !== 'RunTask');
      console.log(`   task @${((t.ts - t0) / 1000).toFixed(1)} ${(t.dur / 1000).toFixed(1)} ms: ` + kids.map(k => `${k.name}${k.args?.beginData?.dirtyObjects ? `[${k.args.beginData.dirtyObjects}/${k.args.beginData.totalObjects}]` : ''}${k.args?.data?.type ? `(${k.args.data.type})` : ''}@${((k.ts - t.ts) / 1000).toFixed(0)}+${(k.dur / 1000).toFixed(1)}`).join(' '));
    }
  }
}
if (process.env.KEYS) {
  // Keystrokes in edit mode on 20 pages: every main-thread task from keydown to the painted frame.
  const mid = contract(20);
  const b = await done(page);
  await page.locator('[data-testid="contract-input"]').fill(mid);
  await page.waitForFunction(p => Number(document.querySelector('#app').dataset.analysisDone) > p, b);
  await page.getByRole('button', { name: 'Edit mode' }).click();
  await page.locator('[data-testid="contract-input"]').focus();
  await page.evaluate(() => { const ta = document.querySelector('[data-testid="contract-input"]'); ta.setSelectionRange(ta.value.length / 2, ta.value.length / 2); });
  for (let i = 0; i < Number(process.env.KEYS); i++) {
    await page.waitForTimeout(300);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    await page.evaluate(() => document.querySelector('[data-testid="contract-input"]').addEventListener('keydown', () => {
      performance.mark('key-start');
      requestAnimationFrame(() => setTimeout(() => performance.mark('key-frame'), 0));
    }, { once: true }));
    await page.keyboard.press('x');
    await page.waitForTimeout(200);
    const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const k0 = ev.find(e => e.name === 'key-start'), k1 = ev.find(e => e.name === 'key-frame');
    if (!k0 || !k1) { console.log('key: marks missing'); continue; }
    const tasks = ev.filter(e => e.pid === k0.pid && e.tid === k0.tid && e.name === 'RunTask' && e.ts + e.dur >= k0.ts - 1000 && e.ts <= k1.ts && e.dur > 500);
    console.log(`key ${i}: keydown→frame+1 ${((k1.ts - k0.ts) / 1000).toFixed(1)} ms`);
    for (const t of tasks) {
      const kids = ev.filter(e => e.pid === k0.pid && e.tid === k0.tid && e !== t && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur > 300 && e.name !== 'RunTask');
      console.log(`   task @${((t.ts - k0.ts) / 1000).toFixed(1)} ${(t.dur / 1000).toFixed(1)} ms: ` + kids.map(k => `${k.name}${k.args?.data?.type ? `(${k.args.data.type})` : ''}${k.args?.beginData?.dirtyObjects ? `[${k.args.beginData.dirtyObjects}/${k.args.beginData.totalObjects}]` : ''}@${((k.ts - t.ts) / 1000).toFixed(1)}+${(k.dur / 1000).toFixed(1)}`).join(' '));
    }
  }
}
await browser.close();
