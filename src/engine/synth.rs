//! Deterministic synthetic contracts for benchmarks (`mc2 bench`, and the
//! browser benchmark of the app): numbered articles and sections mixing
//! ordinary commercial boilerplate with security terms, about 500 words a page.

/// A small deterministic pseudo-random generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const HEADINGS: &[&str] = &[
    "Payment Terms",
    "Delivery and Acceptance",
    "Warranty",
    "Confidentiality",
    "Security Patches and Updates",
    "Vulnerability Management",
    "Security Incidents",
    "Software Bill of Materials",
    "Remote Access",
    "Limitation of Liability",
    "Indemnification",
    "Term and Termination",
    "Insurance",
    "Governing Law",
    "End of Support",
    "Customer Responsibilities",
    "Audit Rights",
    "Data Protection",
];

const SENTENCES: &[&str] = &[
    "Customer shall pay each undisputed invoice within thirty (30) days of receipt, and late amounts bear interest at one percent per month.",
    "Supplier shall deliver the Equipment to the delivery location stated in the purchase order, freight prepaid, and title passes on acceptance.",
    "Each party shall keep the other party's Confidential Information secret and use it only to perform this Agreement.",
    "Supplier shall make validated Security Patches available within thirty (30) calendar days after the third-party vendor releases the patch.",
    "Supplier shall notify Customer in writing of any Security Incident affecting Customer Data within seventy-two (72) hours after discovery.",
    "Supplier shall provide a Software Bill of Materials in a machine-readable format for each release of the Product.",
    "Remote Access to the Product shall use multi-factor authentication, be logged, and be enabled only with Customer's prior approval.",
    "Neither party shall be liable for indirect, incidental or consequential damages arising out of this Agreement.",
    "Supplier shall defend and indemnify Customer against third-party claims that the Product infringes any patent or copyright.",
    "Either party may terminate this Agreement for material breach not cured within sixty (60) days after written notice.",
    "Supplier shall maintain commercial general liability insurance with limits of not less than two million dollars per occurrence.",
    "This Agreement is governed by the laws of the State in which Customer is located, without regard to conflict of laws principles.",
    "Supplier shall give Customer at least twenty-four (24) months' notice before the End of Support of any Product.",
    "Customer shall maintain network segmentation and shall not install unvalidated software on the Product.",
    "Supplier shall maintain a coordinated vulnerability disclosure program and notify Customer of Vulnerabilities within fifteen (15) days.",
    "Customer may audit Supplier's security controls once a year on thirty (30) days' notice.",
    "Supplier shall encrypt Customer Data in transit and at rest using current industry standard algorithms.",
    "The parties shall meet quarterly to review performance, open orders, service levels and the forecast for the coming year.",
    "All notices under this Agreement shall be in writing and delivered by hand, courier or certified mail to the addresses above.",
    "Supplier warrants that the Equipment will be free from defects in material and workmanship for twelve (12) months after installation.",
];

/// A synthetic contract of about `pages` × 500 words; the same seed always
/// gives the same text.
pub fn contract(pages: usize, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
    let target = pages.max(1) * 500;
    let mut out = String::with_capacity(target * 7);
    out.push_str("MASTER PURCHASE AND SERVICES AGREEMENT\n\n");
    out.push_str("This Agreement is made between Acme Medical Devices Inc. (\"Supplier\") and Lakeside Regional Hospital (\"Customer\").\n\n");
    let mut words = 20;
    let mut article = 0;
    while words < target {
        article += 1;
        let h = rng.pick(HEADINGS);
        out.push_str(&format!("{article}. {h}\n\n"));
        let sections = 2 + rng.next() % 4;
        for s in 1..=sections {
            out.push_str(&format!("{article}.{s} "));
            let n = 2 + rng.next() % 3;
            for k in 0..n {
                let sent = rng.pick(SENTENCES);
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(sent);
                words += sent.split_whitespace().count();
            }
            out.push_str("\n\n");
            if words >= target {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::contract;

    #[test]
    fn synthetic_contracts_are_deterministic_and_sized_by_pages() {
        let a = contract(20, 7);
        assert_eq!(a, contract(20, 7));
        assert_ne!(a, contract(20, 8));
        let w = a.split_whitespace().count();
        assert!((10_000..11_000).contains(&w), "{w} words");
    }
}
