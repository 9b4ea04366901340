// Benchmark profile (not part of the test run): the first 100-page paste (creating every clause)
// under the V8 sampling profiler; prints the functions with the most self time (wasm included).
// Usage: APP_URL=http://127.0.0.1:PORT/ node tests/e2e/bench-profile.mjs
import { chromium } from 'playwright-core';
import { ARGS, URL, done } from './lib.mjs';
import { contract, pasteAndWait } from './bench-data.mjs';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(URL());
await page.waitForFunction(() => Number(document.querySelector('#app')?.dataset.analysisDone ?? 0) > 0);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const big = contract(100);
for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
  const before = await done(page);
  await cdp.send('Profiler.start');
  await page.evaluate(pasteAndWait, { text: big + `\n${i}\n`, before });
  const { profile } = await cdp.send('Profiler.stop');
  const dt = {};
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  profile.samples.forEach((id, k) => { dt[id] = (dt[id] ?? 0) + (profile.timeDeltas[k] ?? 0); });
  const self = {};
  for (const [id, us] of Object.entries(dt)) {
    const n = byId.get(Number(id));
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self[name] = (self[name] ?? 0) + us / 1000;
  }
  const total = Object.values(self).reduce((a, b) => a + b, 0);
  console.log(`paste ${i}: sampled ${total.toFixed(0)} ms`);
  for (const [k, v] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
}
await browser.close();
