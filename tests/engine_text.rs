//! Integration tests for the text stages of the engine (ingest → segment →
//! parties → numbers) over whole contracts in different styles: the embedded
//! sample, an ARTICLE/Section agreement, a hard-wrapped PDF paste with page
//! furniture and CRLF, a university addendum with (a)/(i) sub-clauses, and
//! unnumbered prose. Expectation tests show the clause tree a user would see.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::engine::ingest::normalize;
use mc2::engine::numbers::durations;
use mc2::engine::parties::{self, detect};
use mc2::engine::segment::segment;
use mc2::engine::{Clause, Parties};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/contracts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The pipeline's text stages: clauses with ranges in the original.
fn clauses(original: &str) -> Vec<Clause> {
    let n = normalize(original);
    let mut cs = segment(&n.text);
    for c in &mut cs {
        c.range = n.span_to_original(c.range);
    }
    check_tree(original, &cs);
    cs
}

/// Invariants every consumer relies on.
fn check_tree(original: &str, cs: &[Clause]) {
    let mut last = 0;
    for (i, c) in cs.iter().enumerate() {
        assert_eq!(c.id, i);
        assert!(c.range.start <= c.range.end && c.range.end <= original.len());
        assert!(original.is_char_boundary(c.range.start) && original.is_char_boundary(c.range.end));
        assert!(c.range.start >= last, "clause {i} out of order");
        last = c.range.start;
        match c.parent {
            Some(p) => {
                assert!(p < i);
                assert_eq!(c.depth, cs[p].depth + 1);
                assert!(cs[p].range.start <= c.range.start && c.range.end <= cs[p].range.end);
            }
            None => assert_eq!(c.depth, 0),
        }
    }
}

/// "kind label [heading] | first words" per clause, indented by depth, from the original text.
fn outline(original: &str) -> String {
    let mut s = String::new();
    for c in clauses(original) {
        let words: Vec<&str> = original[c.range.start..c.range.end]
            .split_whitespace()
            .take(7)
            .collect();
        s.push_str(&format!(
            "{}{:?} {} [{}] | {}\n",
            "  ".repeat(c.depth),
            c.kind,
            c.label.as_deref().unwrap_or("-"),
            c.heading.as_deref().unwrap_or(""),
            words.join(" ")
        ));
    }
    s
}

fn parties_of(original: &str) -> Parties {
    detect(original, &clauses(original))
}

/// A snippet of the original on one line (line breaks shown as spaces).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn durations_of(original: &str) -> String {
    let n = normalize(original);
    durations(&n.text)
        .iter()
        .map(|d| {
            let sp = n.span_to_original(d.span);
            let trig = d.trigger.map_or("-".to_string(), |t| {
                let ts = n.span_to_original(t.span);
                format!(
                    "{:?}{} «{}»",
                    t.kind,
                    if t.late { "(late)" } else { "" },
                    one_line(&original[ts.start..ts.end])
                )
            });
            format!(
                "{} {:?} {} «{}»",
                d.value,
                d.unit,
                trig,
                one_line(&original[sp.start..sp.end])
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn sample_contract_tree() {
    expect_test::expect![[r#"
        Title - [] | MEDICAL EQUIPMENT PURCHASE AND SERVICES AGREEMENT
        Preamble - [] | This Medical Equipment Purchase and Services Agreement
        Preamble - [] | WHEREAS, Supplier designs, manufactures and services networked
        Preamble - [] | WHEREAS, Customer wishes to purchase infusion pumps
        Preamble - [] | NOW, THEREFORE, in consideration of the mutual
        Section 1 [DEFINITIONS] | 1. DEFINITIONS 1.1 "Confidential Information" means any
          Definition 1.1 [Confidential Information] | 1.1 "Confidential Information" means any non-public information
          Definition 1.2 [Customer Data] | 1.2 "Customer Data" means all data, including
          Definition 1.3 [Documentation] | 1.3 "Documentation" means the user manuals, installation
          Definition 1.4 [Product] | 1.4 "Product" means the infusion pumps listed
          Definition 1.5 [Security Incident] | 1.5 "Security Incident" means any actual unauthorized
          Definition 1.6 [Vulnerability] | 1.6 "Vulnerability" means a weakness in the
        Section 2 [PURCHASE AND DELIVERY] | 2. PURCHASE AND DELIVERY 2.1 Orders. Customer
          Section 2.1 [Orders] | 2.1 Orders. Customer may order Products by
          Section 2.2 [Delivery] | 2.2 Delivery. Supplier shall deliver the Products
          Section 2.3 [Packaging] | 2.3 Packaging. Supplier shall package the Products
        Section 3 [PRICE AND PAYMENT] | 3. PRICE AND PAYMENT 3.1 Prices. The
          Section 3.1 [Prices] | 3.1 Prices. The prices for the Products
          Section 3.2 [Invoices] | 3.2 Invoices. Supplier shall invoice Customer upon
          Section 3.3 [Taxes] | 3.3 Taxes. Customer is a tax-exempt organization
        Section 4 [INSTALLATION, TRAINING AND ACCEPTANCE] | 4. INSTALLATION, TRAINING AND ACCEPTANCE 4.1 Installation.
          Section 4.1 [Installation] | 4.1 Installation. Supplier shall install and configure
          Section 4.2 [Training] | 4.2 Training. Supplier shall provide on-site training
          Section 4.3 [Acceptance] | 4.3 Acceptance. The Products are accepted when
        Section 5 [WARRANTY] | 5. WARRANTY 5.1 Product Warranty. Supplier warrants
          Section 5.1 [Product Warranty] | 5.1 Product Warranty. Supplier warrants that the
          Section 5.2 [Remedies] | 5.2 Remedies. Supplier will repair or replace
          Section 5.3 [Exclusions] | 5.3 Exclusions. The warranty does not cover
          Section 5.4 [Disclaimer] | 5.4 Disclaimer. EXCEPT AS EXPRESSLY SET OUT
        Section 6 [SERVICE AND SUPPORT] | 6. SERVICE AND SUPPORT 6.1 Maintenance. For
          Section 6.1 [Maintenance] | 6.1 Maintenance. For so long as Customer
          Section 6.2 [Response Times] | 6.2 Response Times. Supplier shall respond to
          Section 6.3 [Remote Service] | 6.3 Remote Service. Supplier may access the
        Section 7 [CYBERSECURITY] | 7. CYBERSECURITY 7.1 Security Program. Supplier will
          Section 7.1 [Security Program] | 7.1 Security Program. Supplier will use commercially
          Section 7.2 [Vulnerability Notice] | 7.2 Vulnerability Notice. Supplier shall notify Customer
          Section 7.3 [Security Patches] | 7.3 Security Patches. Supplier shall make validated
          Section 7.4 [Security Incidents] | 7.4 Security Incidents. Supplier shall notify Customer
          Section 7.5 [MDS2] | 7.5 MDS2. Supplier has delivered to Customer
          Section 7.6 [Security Information] | 7.6 Security Information. Upon request, Supplier will
          Section 7.7 [Customer Network] | 7.7 Customer Network. Customer is solely responsible
        Section 8 [CONFIDENTIALITY] | 8. CONFIDENTIALITY 8.1 Obligations. Each Party shall
          Section 8.1 [Obligations] | 8.1 Obligations. Each Party shall hold the
          Section 8.2 [Exceptions] | 8.2 Exceptions. These obligations do not apply
          Section 8.3 [Duration] | 8.3 Duration. The obligations in this Section
        Section 9 [TERM AND TERMINATION] | 9. TERM AND TERMINATION 9.1 Term. This
          Section 9.1 [Term] | 9.1 Term. This Agreement begins on the
          Section 9.2 [Termination for Cause] | 9.2 Termination for Cause. Either Party may
          Section 9.3 [Effect of Termination] | 9.3 Effect of Termination. Termination does not
        Section 10 [INDEMNIFICATION AND LIMITATION OF LIABILITY] | 10. INDEMNIFICATION AND LIMITATION OF LIABILITY 10.1
          Section 10.1 [Indemnity] | 10.1 Indemnity. Supplier shall defend and indemnify
          Section 10.2 [Limitation] | 10.2 Limitation. Except for indemnity obligations and
        Section 11 [INSURANCE] | 11. INSURANCE 11.1 Coverage. During the Term
          Section 11.1 [Coverage] | 11.1 Coverage. During the Term and for
          Section 11.2 [Certificates] | 11.2 Certificates. Supplier shall provide certificates of
        Section 12 [COMPLIANCE AND RECALLS] | 12. COMPLIANCE AND RECALLS 12.1 Regulatory Compliance.
          Section 12.1 [Regulatory Compliance] | 12.1 Regulatory Compliance. Supplier shall maintain all
          Section 12.2 [Recalls] | 12.2 Recalls. Supplier shall notify Customer of
          Section 12.3 [Protected Health Information] | 12.3 Protected Health Information. To the extent
        Section 13 [FORCE MAJEURE] | 13. FORCE MAJEURE Neither Party is liable
        Section 14 [GOVERNING LAW] | 14. GOVERNING LAW This Agreement is governed
        Section 15 [GENERAL] | 15. GENERAL 15.1 Notices. Notices under this
          Section 15.1 [Notices] | 15.1 Notices. Notices under this Agreement must
          Section 15.2 [Assignment] | 15.2 Assignment. Neither Party may assign this
          Section 15.3 [Entire Agreement] | 15.3 Entire Agreement. This Agreement, including its
        Paragraph - [] | IN WITNESS WHEREOF, the Parties have signed
          Paragraph - [] | NORTHWIND INFUSION SYSTEMS, INC.
          Paragraph - [] | By: ______________________ Name: Dana Whitfield, Vice President,
          Heading - [LAKESIDE REGIONAL HEALTH] | LAKESIDE REGIONAL HEALTH By: ______________________ Name: Marcus
            Paragraph - [] | By: ______________________ Name: Marcus Oyelaran, Chief Operating
        Exhibit Exhibit A [Products and Pricing] | Exhibit A - Products and Pricing 1.
          Section 1 [] | 1. Northwind LV-300 large-volume infusion pump, with
          Section 2 [] | 2. Northwind Fleet Manager server software, perpetual
          Section 3 [] | 3. Annual service fee: eight percent (8%)
        Exhibit Exhibit B [Service Levels] | Exhibit B - Service Levels 1. Critical
          Section 1 [] | 1. Critical service requests: response within four
          Section 2 [] | 2. Non-critical service requests: response within two
          Section 3 [] | 3. Software maintenance releases: at least two
    "#]].assert_eq(&outline(mc2::sample::SAMPLE_CONTRACT));
}

#[test]
fn sample_contract_parties_and_numbers() {
    let p = parties_of(mc2::sample::SAMPLE_CONTRACT);
    assert_eq!(p.supplier.as_deref(), Some("Supplier"));
    assert_eq!(
        p.supplier_name.as_deref(),
        Some("Northwind Infusion Systems, Inc.")
    );
    assert_eq!(p.customer.as_deref(), Some("Customer"));
    assert_eq!(p.customer_name.as_deref(), Some("Lakeside Regional Health"));
    assert!(parties::supplier_terms(&p).contains(&"Northwind".to_string()));
    expect_test::expect![[r#"
        45 CalendarDays Delivery «after acceptance» «forty-five (45) days»
        2 Years Other «of» «two (2) years»
        60 CalendarDays Notice «after receipt» «sixty (60) days»
        30 CalendarDays Delivery «following installation» «thirty (30) consecutive days»
        24 Months Delivery «from the date of acceptance» «twenty-four (24) months»
        4 Hours - «four (4) hours»
        1 BusinessDays - «one (1) business day»
        3 BusinessDays Awareness «after Supplier becomes aware» «three (3) business days»
        90 CalendarDays Release «after the release» «ninety (90) days»
        30 CalendarDays Confirmation(late) «after Supplier's confirmation» «thirty (30) days»
        5 Years Other «after» «five (5) years»
        3 Years - «three (3) years»
        1 Years - «one (1) year»
        90 CalendarDays Advance «before» «ninety (90) days»
        30 CalendarDays Notice «after receiving» «thirty (30) days»
        12 Months Advance «before» «twelve (12) months»
        2 Years Other «after» «two (2) years»
        10 BusinessDays Request «after Customer's written request» «ten (10) business days»
        5 CalendarDays Release «after it is issued» «five (5) days»
        4 Hours - «four (4) hours»
        2 BusinessDays - «two (2) business days»"#]]
    .assert_eq(&durations_of(mc2::sample::SAMPLE_CONTRACT));
}

#[test]
fn article_style_tree_and_parties() {
    let t = fixture("article_style.txt");
    expect_test::expect![[r#"
        Title - [] | MASTER SERVICES AGREEMENT
        Preamble - [] | This Master Services Agreement is entered into
        Article ARTICLE I [DEFINITIONS] | ARTICLE I DEFINITIONS Section 1.1 Defined Terms.
          Section Section 1.1 [Defined Terms] | Section 1.1 Defined Terms. Capitalized terms have
          Definition Section 1.2 [System] | Section 1.2 "System" means the imaging equipment,
        Article ARTICLE II [SERVICES] | ARTICLE II - SERVICES Section 2.1 Scope.
          Section Section 2.1 [Scope] | Section 2.1 Scope. Vendor shall provide the
          Section Section 2.2 [Uptime] | Section 2.2 Uptime. Vendor shall keep the
          Section Section 2.3 [Security Updates] | Section 2.3 Security Updates. Vendor shall provide
        Article ARTICLE III [TERM AND TERMINATION] | ARTICLE III TERM AND TERMINATION Section 3.1
          Section Section 3.1 [Term] | Section 3.1 Term. This Agreement continues for
          Section Section 3.2 [End of Support] | Section 3.2 End of Support. Vendor shall
        Exhibit SCHEDULE 1 [SYSTEM DESCRIPTION] | SCHEDULE 1 SYSTEM DESCRIPTION One CT scanner,
    "#]].assert_eq(&outline(&t));
    let p = parties_of(&t);
    assert_eq!(
        (p.supplier.as_deref(), p.customer.as_deref()),
        (Some("Vendor"), Some("Hospital"))
    );
    assert_eq!(p.supplier_name.as_deref(), Some("Keystone Imaging LLC"));
}

#[test]
fn pdf_paste_is_rejoined_and_mapped_back() {
    let t = fixture("pdf_paste.txt");
    assert!(t.contains("\r\n"), "fixture must keep its CRLF line ends");
    let n = normalize(&t);
    assert!(
        !n.text.contains("CONFIDENTIAL") && !n.text.contains("Page 2"),
        "{}",
        n.text
    );
    assert!(
        n.text
            .contains("after the Manufacturer becomes aware of it."),
        "{}",
        n.text
    );
    assert!(
        n.text.contains("vulnerability disclosure program"),
        "{}",
        n.text
    );
    expect_test::expect![[r#"
        Title - [] | SUPPLY AND SUPPORT AGREEMENT
        Preamble - [] | This Agreement is made between Halden Biomedical
        Section 1 [PRODUCT SECURITY] | 1. PRODUCT SECURITY 1.1 The Manufacturer shall
          Section 1.1 [] | 1.1 The Manufacturer shall maintain a coordinated
          Section 1.2 [] | 1.2 The Manufacturer shall provide a software
        Section 2 [SUPPORT] | 2. SUPPORT 2.1 The Manufacturer shall support
          Section 2.1 [] | 2.1 The Manufacturer shall support the Product
    "#]]
    .assert_eq(&outline(&t));
    let p = parties_of(&t);
    assert_eq!(
        (p.supplier.as_deref(), p.customer.as_deref()),
        (Some("Manufacturer"), Some("Customer"))
    );
    expect_test::expect![[r#"
        5 BusinessDays Awareness «after the Manufac- HALDEN / EASTPORT - CONFIDENTIAL Page 1 of 3 HALDEN / EASTPORT - CONFIDENTIAL turer becomes aware» «five (5) business days»
        30 CalendarDays Other «of» «thirty (30) days»
        7 Years Other «after» «seven (7) years»"#]]
    .assert_eq(&durations_of(&t));
}

#[test]
fn university_addendum_subclauses() {
    let t = fixture("university_addendum.txt");
    expect_test::expect![[r#"
        Title - [] | DATA SECURITY ADDENDUM
        Preamble - [] | This Data Security Addendum (the "Addendum") supplements
        Section 1 [Definitions] | 1. Definitions. (a) "University Data" means all
          Definition (a) [University Data] | (a) "University Data" means all data that
          Definition (b) [Security Breach] | (b) "Security Breach" means unauthorized access to
        Section 2 [Security Controls] | 2. Security Controls. Contractor shall: (a) encrypt
          Subclause (a) [] | (a) encrypt University Data in transit and
          Subclause (b) [] | (b) restrict access to personnel who need
            Subclause (i) [] | (i) review access rights every ninety (90)
            Subclause (ii) [] | (ii) remove access within twenty-four (24) hours
          Subclause (c) [] | (c) maintain audit logs for at least
        Section 3 [Breach Notification] | 3. Breach Notification. Contractor shall notify University
          Subclause (a) [] | (a) cooperate with University's investigation;
          Subclause (b) [] | (b) provide a written report within ten
          Subclause (c) [] | (c) bear the cost of required notices.
        Section 4 [Return of Data] | 4. Return of Data. Upon termination, Contractor
    "#]]
    .assert_eq(&outline(&t));
    let p = parties_of(&t);
    assert_eq!(
        (p.supplier.as_deref(), p.customer.as_deref()),
        (Some("Contractor"), Some("University"))
    );
    expect_test::expect![[r#"
        90 CalendarDays - «ninety (90) days»
        24 Hours Other «after» «twenty-four (24) hours»
        1 Years - «one (1) year»
        72 Hours Discovery «after discovery» «seventy-two (72) hours»
        10 BusinessDays - «ten (10) business days»
        30 CalendarDays - «thirty (30) calendar days»"#]]
    .assert_eq(&durations_of(&t));
}

#[test]
fn unnumbered_prose_falls_back_to_paragraphs() {
    let t = fixture("prose_letter.txt");
    expect_test::expect![[r#"
        Paragraph - [] | Dear Ms. Patel,
        Paragraph - [] | Thank you for choosing Brightwater Medical as
        Paragraph - [] | Brightwater will deliver the monitors within sixty
        Paragraph - [] | Brightwater will tell the Hospital about security
        Paragraph - [] | The Hospital agrees to keep the monitors
        Paragraph - [] | Sincerely,
        Heading - [Jordan Reyes] | Jordan Reyes
        Heading - [Brightwater Medical] | Brightwater Medical
    "#]]
    .assert_eq(&outline(&t));
    let p = parties_of(&t);
    assert_eq!(p.customer.as_deref(), Some("Hospital"));
}
