// Shared by the benchmark scripts. The synthetic contract they paste: one "page" ≈ 3,000 characters of numbered
// contract prose with security-relevant clauses.
export function contract(pages) {
  const parts = ['MASTER PURCHASE AGREEMENT\n\nThis Agreement is made between Zenith Devices LLC ("Supplier") and Harbor General Hospital ("Customer").\n'];
  const bodies = [
    'Supplier shall make security patches available within 30 days after a fix is released by the maker of a third-party component.',
    'Supplier shall notify Customer of any Security Incident affecting Customer Data within 72 hours of discovery.',
    'Supplier shall provide a software bill of materials in SPDX or CycloneDX format with each release.',
    'Customer shall pay all invoices within forty-five days of receipt, without set-off or deduction.',
    'Each Party shall keep the other Party\'s Confidential Information confidential and use it only for this Agreement.',
    'Supplier warrants that the Product will perform substantially in accordance with its documentation for twelve months.',
  ];
  let n = 0;
  while (parts.join('\n').length < pages * 3000) {
    n++;
    parts.push(`\n${n}. ARTICLE ${n}`);
    for (let k = 1; k <= 6; k++) parts.push(`${n}.${k} ${bodies[(n + k) % bodies.length]} This applies to the Product and to each site of Customer listed in Schedule ${k}.`);
  }
  return parts.join('\n') + '\n';
}

// Runs in the page (pass it to page.evaluate with { text, before }): pastes `text` into the
// contract input, waits for the analysis counter to pass `before` and for the frame that paints
// the findings, and returns the milliseconds that took. Marks "paste-start"/"paste-end" for traces.
export async function pasteAndWait({ text, before }) {
  const ta = document.querySelector('[data-testid="contract-input"]');
  performance.mark('paste-start');
  const t0 = performance.now();
  ta.value = text;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  await new Promise(res => {
    const check = () => Number(document.querySelector('#app').dataset.analysisDone) > before ? res() : requestAnimationFrame(check);
    check();
  });
  await new Promise(r => requestAnimationFrame(() => r())); // the frame that paints it
  performance.mark('paste-end');
  return performance.now() - t0;
}
