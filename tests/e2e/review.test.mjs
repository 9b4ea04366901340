// The main review flow: sample on open, paste, insert, undo/redo, insert all,
// perspective, persistence, clear data, keyboard-only use.
import assert from 'node:assert/strict';
import { withPage, open, paste, statuses, contractText, done, waitAnalysis, NO_PATCH } from './lib.mjs';

export const tests = {
  'first visit shows the sample contract analysed as clauses and findings': () => withPage(async page => {
    await open(page);
    assert.match(await contractText(page), /Supplier/);
    assert.ok(await page.locator('[data-testid="clause"]').count() > 5);
    const st = await statuses(page);
    assert.ok(Object.keys(st).length >= 30, 'one finding per requirement');
    assert.ok(Object.values(st).some(s => s !== 'missing'), 'the sample meets some requirements');
    assert.ok(await page.locator('[data-testid="clause"][data-reqs~="PERF-PATCH"]').count() >= 1,
      'the sample has a clause about patches');
    const html = await page.evaluate(() => document.documentElement.getAttribute('data-analysis-done'));
    assert.ok(Number(html) >= 1);
  }),

  'pasting a contract shows its findings': () => withPage(async page => {
    await open(page);
    await paste(page, NO_PATCH);
    const st = await statuses(page);
    assert.equal(st['PERF-PATCH'], 'missing');
    const clauses = await page.locator('[data-testid="clause"]').allTextContents();
    assert.ok(clauses.some(c => c.includes('2.1 Supplier shall deliver')), 'clauses in the user\'s own text and numbering');
  }),

  'insert PERF-PATCH: clause at the suggested point, detected, undo is byte-exact, redo re-applies': () => withPage(async page => {
    await open(page);
    const original = NO_PATCH.replace(/\n/g, '\r\n').replace('Ohio.', 'Ohio.  \t');
    await paste(page, original);
    assert.equal(await contractText(page), original.replace(/\r\n/g, '\n'), 'textarea normalises CRLF the same way as the browser');
    const exact = await contractText(page);
    const before = await done(page);
    await page.locator('[data-testid="finding"][data-req="PERF-PATCH"] [data-testid="insert"]').click();
    await waitAnalysis(page, before);
    const after = await contractText(page);
    assert.ok(after.length > exact.length);
    assert.match(after, /CYBERSECURITY ADDENDUM|Security patch/i);
    assert.equal((await statuses(page))['PERF-PATCH'], 'strong', 'the inserted clause turns the finding met');
    assert.ok(await page.locator('ins.redline-ins').count() >= 1, 'inserted text shown as an insertion');
    assert.ok(await page.locator('[data-testid="clause"][data-reqs~="PERF-PATCH"]').count() >= 1);
    let n = await done(page);
    await page.locator('[data-testid="undo"]').click();
    await waitAnalysis(page, n);
    assert.equal(await contractText(page), exact, 'undo restores the exact original text');
    assert.equal((await statuses(page))['PERF-PATCH'], 'missing');
    n = await done(page);
    await page.locator('[data-testid="redo"]').click();
    await waitAnalysis(page, n);
    assert.equal(await contractText(page), after, 'redo re-applies the same text');
  }),

  'inserting model language for a missing finding turns it met': () => withPage(async page => {
    await open(page);
    await paste(page, NO_PATCH);
    assert.equal((await statuses(page))['MAT-VDP'], 'missing');
    const n = await done(page);
    await page.locator('[data-testid="finding"][data-req="MAT-VDP"] [data-testid="insert"]').click();
    await waitAnalysis(page, n);
    assert.equal((await statuses(page))['MAT-VDP'], 'strong');
    assert.match(await contractText(page), /\n5\. CYBERSECURITY ADDENDUM\n5\.1 /, 'numbered to continue the document');
  }),

  'insert all missing leaves no missing finding': () => withPage(async page => {
    await open(page);
    await paste(page, NO_PATCH);
    const n = await done(page);
    await page.locator('[data-testid="insert-all"]').click();
    await waitAnalysis(page, n);
    const st = await statuses(page);
    const missing = Object.entries(st).filter(([, s]) => s === 'missing').map(([id]) => id);
    assert.deepEqual(missing, []);
    assert.match(await contractText(page), /5\. CYBERSECURITY ADDENDUM\n5\.1 /, 'numbered to continue the document');
  }),

  'switching perspective changes which findings are flagged': () => withPage(async page => {
    await open(page);
    const risks = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="finding"]')]
      .map(e => `${e.dataset.req}:${e.dataset.risk}`).join(' '));
    const customer = await risks();
    const n = await done(page);
    await page.locator('[data-testid="perspective"]').selectOption('supplier');
    await waitAnalysis(page, n);
    const supplier = await risks();
    assert.notEqual(supplier, customer);
    assert.ok(await page.getByText('Negotiation notes — For the manufacturer', { exact: false }).count() >= 0);
  }),

  'reload restores the work; clear all local data removes it': () => withPage(async page => {
    await open(page);
    await paste(page, NO_PATCH);
    const n = await done(page);
    await page.locator('[data-testid="finding"][data-req="PERF-PATCH"] [data-testid="insert"]').click();
    await waitAnalysis(page, n);
    await page.locator('[data-testid="perspective"]').selectOption('supplier');
    const text = await contractText(page);
    await page.waitForFunction(() => (localStorage.getItem('mc2-assistant.state.v1') ?? '').includes('supplier'));
    await page.reload();
    await waitAnalysis(page, 0);
    assert.equal(await contractText(page), text, 'contract with inserted clause restored');
    assert.equal(await page.locator('[data-testid="perspective"]').inputValue(), 'supplier');
    assert.ok(await page.locator('ins.redline-ins').count() >= 1, 'the insertion is still shown as one');
    const m = await done(page);
    await page.locator('[data-testid="clear-data"]').click();
    await waitAnalysis(page, m);
    assert.equal(await contractText(page), '');
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing left in local storage');
    await page.reload();
    await waitAnalysis(page, 0);
    assert.doesNotMatch(await contractText(page), /River Valley/);
  }),

  'keyboard only: paste, jump to a gap, insert, undo and redo': () => withPage(async page => {
    await open(page);
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.dataset?.testid === 'contract-input');
    }
    assert.ok(found, 'the contract text is reachable with Tab');
    await page.keyboard.press('Control+A');
    let n = await done(page);
    await page.keyboard.insertText(NO_PATCH);
    await waitAnalysis(page, n);
    await page.keyboard.press('Alt+ArrowDown');
    const gap = await page.evaluate(() => document.activeElement?.dataset?.req);
    assert.ok(gap, 'Alt+ArrowDown focuses the first gap');
    let onInsert = false;
    for (let i = 0; i < 10 && !onInsert; i++) {
      await page.keyboard.press('Tab');
      onInsert = await page.evaluate(() => document.activeElement?.dataset?.testid === 'insert');
    }
    assert.ok(onInsert, 'the insert button of the gap is reachable with Tab');
    const base = await contractText(page);
    n = await done(page);
    await page.keyboard.press('Enter');
    await waitAnalysis(page, n);
    assert.notEqual(await contractText(page), base);
    n = await done(page);
    await page.keyboard.press('Control+Z');
    await waitAnalysis(page, n);
    assert.equal(await contractText(page), base);
    n = await done(page);
    await page.keyboard.press('Control+Shift+Z');
    await waitAnalysis(page, n);
    assert.notEqual(await contractText(page), base);
    await page.keyboard.press('Alt+ArrowDown');
    const next = await page.evaluate(() => document.activeElement?.dataset?.req);
    assert.ok(next && next !== gap, 'the next gap is a different finding');
  }),

  'clicking a finding\'s clause scrolls to and flashes it': () => withPage(async page => {
    await open(page);
    const link = page.locator('[data-testid="finding"] .from button').first();
    await link.click();
    await page.waitForSelector('[data-testid="clause"].flash');
    const focused = await page.evaluate(() => document.activeElement?.dataset?.testid);
    assert.equal(focused, 'clause');
  }),

  'hovering or focusing a clause shows which requirements it serves and why': () => withPage(async page => {
    await open(page);
    assert.equal(await page.locator('[data-testid="clause"] .tip').count(), 0,
      'tooltips are built on demand, not for every clause up front');
    const served = page.locator('[data-testid="clause"]:not([data-status="none"])');
    assert.ok(await served.count() >= 2, 'the sample has clauses that serve requirements');

    // Mouse: hover shows the tooltip with the requirement, its status word and a reason.
    const hovered = served.first();
    await hovered.scrollIntoViewIfNeeded();
    await hovered.hover();
    const tip = hovered.locator('.tip');
    await tip.waitFor({ state: 'visible' });
    const reqs = (await hovered.getAttribute('data-reqs')).split(' ');
    const tipText = await tip.innerText();
    assert.match(tipText, /What this clause does for MC2/);
    for (const r of reqs) assert.ok(tipText.includes(r), `tooltip names ${r}: ${tipText}`);
    assert.match(tipText, /\b(met|partial|weak|conflict)\b/i, 'the status as a word, not colour alone');
    assert.ok(await tip.locator('.reasons li').count() >= 1, 'the engine\'s reasons are listed');

    // Keyboard: focus builds and shows the tooltip and describes the clause for screen readers.
    const focused = served.nth(1);
    await focused.focus();
    const ftip = focused.locator('.tip');
    await ftip.waitFor({ state: 'visible' });
    const id = await focused.getAttribute('aria-describedby');
    assert.ok(id, 'the focused clause is described by its tooltip');
    assert.equal(await ftip.getAttribute('id'), id);
    const fReqs = (await focused.getAttribute('data-reqs')).split(' ');
    const fText = await ftip.innerText();
    for (const r of fReqs) assert.ok(fText.includes(r), `tooltip names ${r}: ${fText}`);
    const description = await page.evaluate(i => document.getElementById(i)?.textContent ?? '', id);
    assert.ok(description.includes(fReqs[0]), 'the description names the requirement');

    // Built once: focusing and hovering again adds no second tooltip.
    await page.locator('[data-testid="contract-input"]').focus();
    await focused.focus();
    await focused.hover();
    assert.equal(await focused.locator('.tip').count(), 1, 'one tooltip per clause');
    assert.equal(await page.locator('[data-testid="clause"] .tip').count(), 2, 'only the clauses used got one');
  }),

  'a clause reached with Tab shows its reasons under it, not over the next clause': () => withPage(async page => {
    await open(page);
    const clauses = page.locator('[data-testid="clause"]');
    // Two neighbouring clauses where the first serves a requirement (so it has reasons),
    // after at least one other clause (to Tab from).
    const n = await clauses.count();
    let i = -1;
    for (let k = 1; k + 1 < n && i < 0; k++) {
      if ((await clauses.nth(k).getAttribute('data-status')) !== 'none') i = k;
    }
    assert.ok(i >= 0, 'the sample has a clause with reasons between two other clauses');
    const first = clauses.nth(i);
    const next = clauses.nth(i + 1);
    await first.scrollIntoViewIfNeeded();
    // Reach the clause from the keyboard: focus the one before it and Tab.
    await clauses.nth(i - 1).focus();
    await page.keyboard.press('Tab');
    assert.equal(await first.evaluate(el => el === document.activeElement), true, 'Tab reached the clause');
    const tip = first.locator('.tip');
    await tip.waitFor({ state: 'visible' });
    const a = await tip.boundingBox();
    const b = await next.boundingBox();
    assert.ok(a && b, 'both are laid out');
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    assert.equal(overlap, false, `the tooltip (${JSON.stringify(a)}) covers the next clause (${JSON.stringify(b)})`);
  }),

  'Escape dismisses a clause tooltip without moving the pointer or the focus': () => withPage(async page => {
    await open(page);
    const served = page.locator('[data-testid="clause"]:not([data-status="none"])');
    // Hovered: Escape hides it while the pointer stays; entering the clause again shows it.
    const hovered = served.first();
    await hovered.scrollIntoViewIfNeeded();
    await hovered.hover();
    await hovered.locator('.tip').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await hovered.locator('.tip').waitFor({ state: 'hidden' });
    await page.mouse.move(0, 0);
    await hovered.hover();
    await hovered.locator('.tip').waitFor({ state: 'visible' });
    await page.mouse.move(0, 0);
    // Focused: Escape hides it and the focus stays on the clause; focusing again shows it.
    const focused = served.nth(1);
    await focused.focus();
    await focused.locator('.tip').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await focused.locator('.tip').waitFor({ state: 'hidden' });
    assert.equal(await focused.evaluate(el => el === document.activeElement), true, 'focus stays');
    await page.locator('[data-testid="contract-input"]').focus();
    await focused.focus();
    await focused.locator('.tip').waitFor({ state: 'visible' });
  }),
  'after a re-analysis a new clause gets its own tooltip and none is stale': () => withPage(async page => {
    await open(page);
    await paste(page, NO_PATCH);
    const plain = page.locator('[data-testid="clause"]', { hasText: '2.1 Supplier shall deliver' });
    await plain.hover();
    assert.equal(await plain.locator('.tip').count(), 0, 'a clause that serves no requirement has no tooltip');
    const served = page.locator('[data-testid="clause"]:not([data-status="none"])');
    for (let i = 0; i < await served.count(); i++) await served.nth(i).focus();
    const n = await done(page);
    await page.locator('[data-testid="finding"][data-req="PERF-PATCH"] [data-testid="insert"]').click();
    await waitAnalysis(page, n);
    const patch = page.locator('[data-testid="clause"][data-reqs~="PERF-PATCH"]').first();
    await patch.scrollIntoViewIfNeeded();
    await patch.focus();
    const tip = patch.locator('.tip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.innerText(), /PERF-PATCH/);
    // Every tooltip now in the page (kept on reused clauses or newly built) matches its clause.
    const bad = await page.evaluate(() => [...document.querySelectorAll('[data-testid="clause"]')]
      .filter(c => c.querySelector('.tip'))
      .filter(c => c.querySelectorAll('.tip').length !== 1
        || c.getAttribute('aria-describedby') !== c.querySelector('.tip').id
        || c.dataset.reqs.split(' ').some(r => !c.querySelector('.tip').textContent.includes(r)))
      .map(c => c.textContent.slice(0, 60)));
    assert.deepEqual(bad, []);
  }),
};
