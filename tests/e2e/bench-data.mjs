// The synthetic contract the benchmarks paste: one "page" ≈ 3,000 characters of numbered
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
