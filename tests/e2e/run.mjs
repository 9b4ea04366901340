// Runs every tests/e2e/*.test.mjs against APP_URL (a served release dist/);
// prints one line per test and ends with "N passed, M failed".
// Without APP_URL it serves ./dist itself on a free loopback port.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
let server;
if (!process.env.APP_URL) {
  const port = await new Promise(res => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(here, '../../dist')], { stdio: 'ignore' });
  process.env.APP_URL = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(process.env.APP_URL); break; } catch { await new Promise(r => setTimeout(r, 100)); }
  }
}
const only = process.env.E2E_ONLY;
let passed = 0, failed = 0;
try {
  for (const f of readdirSync(here).filter(f => f.endsWith('.test.mjs')).sort()) {
    const mod = await import(pathToFileURL(join(here, f)));
    for (const [name, fn] of Object.entries(mod.tests ?? {})) {
      if (only && !`${f} ${name}`.includes(only)) continue;
      const t0 = Date.now();
      try { await fn(); passed++; console.log(`ok   ${f} › ${name} (${Date.now() - t0} ms)`); }
      catch (e) { failed++; console.log(`FAIL ${f} › ${name}\n  ${e.stack ?? e}`); }
    }
  }
} finally {
  server?.kill();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
