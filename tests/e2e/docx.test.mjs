// Opening a .docx in the browser, inserting model language and exporting:
// the revised .docx carries tracked changes by "MC2 assistant", the HTML report
// has no scripts, a bad file leaves the contract untouched, and the export
// controls pass axe.
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPage, open, contractText, done, waitAnalysis, statuses } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, '../fixtures/docx/contract.docx');
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Entries of a zip file (name → Buffer), read through its central directory. */
function unzip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'zip: end of central directory found');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'zip: central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Click an export button and return the download's suggested name and bytes. */
async function download(page, testid, dir) {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    page.locator(`[data-testid="${testid}"]`).click(),
  ]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

async function openFixture(page) {
  const before = await done(page);
  await page.locator('[data-testid="open-file"]').setInputFiles(FIXTURE);
  await waitAnalysis(page, before);
}

export const tests = {
  'open contract.docx, insert all, export a .docx with tracked changes and a script-free report': () => withPage(async page => {
    const dir = mkdtempSync(join(tmpdir(), 'mc2-e2e-'));
    try {
      await open(page);
      await openFixture(page);
      const text = await contractText(page);
      assert.match(text, /Supplier shall provide security patches within 90 days of release\./, 'the .docx text is the contract');
      assert.match(text, /Master Purchase Agreement/);
      assert.ok(Object.keys(await statuses(page)).length >= 30, 'findings for the opened contract');
      const msg = page.locator('[data-testid="file-message"]');
      assert.match(await msg.textContent(), /Opened “contract\.docx” \(Word document\)/);
      assert.equal(await msg.getAttribute('data-error'), 'false');

      const n = await done(page);
      await page.locator('[data-testid="insert-all"]').click();
      await waitAnalysis(page, n);
      assert.ok((await contractText(page)).length > text.length, 'model language inserted');

      const docx = await download(page, 'export-docx', dir);
      assert.equal(docx.name, 'contract-revised.docx');
      assert.equal(docx.bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a zip package');
      const parts = unzip(docx.bytes);
      const xml = parts.get('word/document.xml')?.toString('utf8');
      assert.ok(xml, 'word/document.xml present');
      assert.match(xml, /<w:ins\b/, 'tracked insertions');
      assert.match(xml, /w:author="MC2 assistant"/);
      assert.match(xml, /w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/, 'dated changes');
      assert.match(xml, /security patches within 90 days/, 'the original text is kept');
      assert.ok(parts.has('word/numbering.xml') || parts.has('word/styles.xml'), 'the original package parts are copied');
      assert.match(await page.locator('[data-testid="file-message"]').textContent(), /Saved “contract-revised\.docx”.*original \.docx was revised/);

      const report = await download(page, 'export-report', dir);
      assert.equal(report.name, 'contract-report.html');
      const html = report.bytes.toString('utf8');
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /Master Purchase Agreement|Acme Medical/, 'the report quotes the contract');
      assert.ok(!/<script/i.test(html), 'no scripts in the report');

      const md = await download(page, 'export-md', dir);
      assert.equal(md.name, 'contract-revised.md');
      assert.match(md.bytes.toString('utf8'), /security patches within 90 days/);
      const csv = await download(page, 'export-csv', dir);
      assert.ok(csv.bytes.toString('utf8').split('\n').length > 30, 'one CSV row per finding');
      const json = await download(page, 'export-json', dir);
      assert.ok(Array.isArray(JSON.parse(json.bytes.toString('utf8')).findings), 'JSON report with findings');
      const txt = await download(page, 'export-txt', dir);
      assert.equal(txt.bytes.toString('utf8').replace(/\n$/, ''), (await contractText(page)).replace(/\n$/, ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }),

  'Word tracked changes are accepted by default, and can be opened as the original': () => withPage(async page => {
    await open(page);
    const tracked = join(here, '../fixtures/docx/tracked.docx');
    let n = await done(page);
    await page.locator('[data-testid="open-file"]').setInputFiles(tracked);
    await waitAnalysis(page, n);
    assert.match(await contractText(page), /patch within 30 days/, 'insertion accepted, deletion applied');
    await page.locator('[data-testid="docx-original"]').check();
    n = await done(page);
    await page.locator('[data-testid="open-file"]').setInputFiles(tracked);
    await waitAnalysis(page, n);
    assert.match(await contractText(page), /patch within 90 days/, 'the original wording, before the counterparty\'s changes');
  }),

  'a damaged .docx shows a message and leaves the contract unchanged': () => withPage(async page => {
    await open(page);
    const before = await contractText(page);
    const n = await done(page);
    await page.locator('[data-testid="open-file"]').setInputFiles({
      name: 'bad.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x10, 0x20, 0x7f, 0x80]),
    });
    const msg = page.locator('[data-testid="file-message"]');
    await msg.waitFor();
    assert.match(await msg.textContent(), /Problem: Could not open “bad\.docx”: This is not a Word \.docx document/);
    assert.equal(await msg.getAttribute('data-error'), 'true');
    await page.waitForTimeout(300);
    assert.equal(await contractText(page), before, 'contract untouched');
    assert.equal(await done(page), n, 'no new analysis');
  }),

  'a text file opened through the same picker exports as a new .docx': () => withPage(async page => {
    const dir = mkdtempSync(join(tmpdir(), 'mc2-e2e-'));
    try {
      await open(page);
      const n = await done(page);
      await page.locator('[data-testid="open-file"]').setInputFiles({
        name: 'msa.txt', mimeType: 'text/plain',
        buffer: Buffer.from('SUPPLY AGREEMENT\n\n1. DELIVERY\n1.1 Supplier shall deliver the Product.\n'),
      });
      await waitAnalysis(page, n);
      assert.match(await contractText(page), /Supplier shall deliver the Product/);
      const m = await done(page);
      await page.locator('[data-testid="insert-all"]').click();
      await waitAnalysis(page, m);
      const docx = await download(page, 'export-docx', dir);
      assert.equal(docx.name, 'msa-revised.docx');
      const xml = unzip(docx.bytes).get('word/document.xml').toString('utf8');
      assert.match(xml, /<w:ins\b[^>]*w:author="MC2 assistant"/);
      assert.match(await page.locator('[data-testid="file-message"]').textContent(), /new \.docx built from the text/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }),

  'axe: export controls and file messages': () => withPage(async page => {
    await open(page);
    await openFixture(page);
    await page.locator('[data-testid="export-docx"]').focus();
    await page.evaluate(AXE);
    const r = await page.evaluate(async () => {
      const res = await window.axe.run(document, { resultTypes: ['violations'] });
      return res.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(r, [], 'axe violations');
    const group = page.getByRole('group', { name: 'Export' });
    assert.equal(await group.getByRole('button').count(), 6, 'six labelled export buttons');
    await group.getByRole('button', { name: 'Word (.docx)' }).waitFor();
  }),
};
