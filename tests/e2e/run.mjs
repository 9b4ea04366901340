// Runs every tests/e2e/*.test.mjs against APP_URL; prints "N passed, M failed".
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
let passed = 0, failed = 0;
for (const f of readdirSync(here).filter(f => f.endsWith('.test.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(here, f)));
  for (const [name, fn] of Object.entries(mod.tests ?? {})) {
    try { await fn(); passed++; console.log(`ok   ${f} › ${name}`); }
    catch (e) { failed++; console.log(`FAIL ${f} › ${name}\n  ${e.stack ?? e}`); }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
