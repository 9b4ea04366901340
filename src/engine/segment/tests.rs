//! Unit tests for segmentation: the clause tree people expect from real layouts.

use super::*;

/// One line per clause: depth-indented "kind label [heading] | first words".
pub fn outline(text: &str) -> String {
    let cs = segment(text);
    let mut s = String::new();
    for c in &cs {
        let body: String = text[c.range.start..c.range.end]
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        s.push_str(&format!(
            "{}{:?} {} [{}] | {}\n",
            "  ".repeat(c.depth),
            c.kind,
            c.label.as_deref().unwrap_or("-"),
            c.heading.as_deref().unwrap_or(""),
            body
        ));
    }
    s
}

#[test]
fn numbered_contract_builds_a_tree() {
    let t = "SUPPLY AGREEMENT\n\nThis Agreement is made between Acme Inc. (\"Supplier\") and Lakeside (\"Customer\").\n\n1. DEFINITIONS\n1.1 \"Product\" means the device.\n1.2 \"Vulnerability\" means a weakness.\n2. SECURITY PATCHES\n2.1 Supplier shall provide patches:\n(a) within 30 days; and\n(b) at no cost.\n2.2 Customer shall install them.\nExhibit B - Security Requirements\n1. Supplier shall deliver an MDS2.\n";
    expect_test::expect![[r#"
        Title - [] | SUPPLY AGREEMENT
        Preamble - [] | This Agreement is made between Acme
        Section 1 [DEFINITIONS] | 1. DEFINITIONS 1.1 "Product" means the
          Definition 1.1 [Product] | 1.1 "Product" means the device.
          Definition 1.2 [Vulnerability] | 1.2 "Vulnerability" means a weakness.
        Section 2 [SECURITY PATCHES] | 2. SECURITY PATCHES 2.1 Supplier shall
          Section 2.1 [] | 2.1 Supplier shall provide patches: (a)
            Subclause (a) [] | (a) within 30 days; and
            Subclause (b) [] | (b) at no cost.
          Section 2.2 [] | 2.2 Customer shall install them.
        Exhibit Exhibit B [Security Requirements] | Exhibit B - Security Requirements 1.
          Section 1 [] | 1. Supplier shall deliver an MDS2.
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn articles_sections_and_roman_subclauses() {
    let t = "ARTICLE IV\nSECURITY\nSection 4.1 Patches. Vendor shall patch.\n(a) first;\n(i) detail one;\n(ii) detail two;\n(b) second.\n(h) eighth;\n(i) ninth.\nARTICLE V - TERM\nThis Agreement lasts five years.";
    expect_test::expect![[r#"
        Article ARTICLE IV [SECURITY] | ARTICLE IV SECURITY Section 4.1 Patches.
          Section Section 4.1 [Patches] | Section 4.1 Patches. Vendor shall patch.
            Subclause (a) [] | (a) first; (i) detail one; (ii)
              Subclause (i) [] | (i) detail one;
              Subclause (ii) [] | (ii) detail two;
            Subclause (b) [] | (b) second.
            Subclause (h) [] | (h) eighth;
            Subclause (i) [] | (i) ninth.
        Article ARTICLE V [TERM] | ARTICLE V - TERM This Agreement
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn cross_reference_is_not_a_heading_and_prose_falls_back() {
    let t = "The parties agree as follows.\nSection 5 of the Master Agreement applies.\n\nSecond paragraph here.";
    expect_test::expect![[r#"
        Paragraph - [] | The parties agree as follows.
        Paragraph - [] | Section 5 of the Master Agreement
        Paragraph - [] | Second paragraph here.
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn inline_enumeration_splits() {
    let t = "1. Supplier shall (a) notify the Customer promptly; (b) provide a fix; and (c) report monthly.";
    expect_test::expect![[r#"
        Section 1 [] | 1. Supplier shall (a) notify the
          Subclause (a) [] | (a) notify the Customer promptly;
          Subclause (b) [] | (b) provide a fix; and
          Subclause (c) [] | (c) report monthly.
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn overlong_paragraph_falls_back_to_sentences() {
    let sentence =
        "The Supplier shall maintain appropriate safeguards for the Product at all times. ";
    let t = sentence.repeat(40);
    let cs = segment(&t);
    assert!(cs.len() >= 20, "{} clauses", cs.len());
    assert!(cs.iter().all(|c| c.range.len() <= split::MAX_CHUNK));
}

#[test]
fn headings_attach_to_bare_labels() {
    let t = "5.\nSECURITY PATCHES\nSupplier shall patch.\n6. TERM\nFive years.";
    expect_test::expect![[r#"
        Section 5 [SECURITY PATCHES] | 5. SECURITY PATCHES Supplier shall patch.
        Section 6 [TERM] | 6. TERM Five years.
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn nested_numbered_list_and_roman_top_level() {
    let t = "I. INTRODUCTION\nThis is the intro.\nII. SECURITY\n1. Patches\n1.1 Supplier shall patch:\n1. within 30 days;\n2. at no cost;\n3. with notes.\n2. Notices\nSupplier shall notify.\n";
    expect_test::expect![[r#"
        Article I [INTRODUCTION] | I. INTRODUCTION This is the intro.
        Article II [SECURITY] | II. SECURITY 1. Patches 1.1 Supplier
          Section 1 [Patches] | 1. Patches 1.1 Supplier shall patch:
            Section 1.1 [] | 1.1 Supplier shall patch: 1. within
              Subclause 1 [] | 1. within 30 days;
              Subclause 2 [] | 2. at no cost;
              Subclause 3 [] | 3. with notes.
          Section 2 [Notices] | 2. Notices Supplier shall notify.
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn intro_paragraphs_own_their_lists_and_bullets() {
    let t = "Remote Access. The Supplier shall:\n(a) use multi-factor authentication;\n(b) log every session.\n\nWhen a vulnerability is found the Supplier will:\n- issue a fix;\n- notify the Customer.\n\nAnother paragraph.";
    expect_test::expect![[r#"
        Paragraph - [Remote Access] | Remote Access. The Supplier shall: (a)
          Subclause (a) [] | (a) use multi-factor authentication;
          Subclause (b) [] | (b) log every session.
        Paragraph - [] | When a vulnerability is found the
          Subclause - [] | - issue a fix;
          Subclause - [] | - notify the Customer.
        Paragraph - [] | Another paragraph.
    "#]]
    .assert_eq(&outline(t));
}

#[test]
fn unquoted_definitions_and_table_of_contents() {
    let t = "CONTENTS\n1. Definitions ........ 2\n2. Security ........ 4\n\n1. DEFINITIONS\n1.1 Security Patch means a software change that fixes a Vulnerability.\n1.2 The Supplier means Acme.\n2. SECURITY\nSupplier shall patch.";
    expect_test::expect![[r#"
        Title - [] | CONTENTS 1. Definitions ........ 2 2.
        Section 1 [DEFINITIONS] | 1. DEFINITIONS 1.1 Security Patch means
          Definition 1.1 [Security Patch] | 1.1 Security Patch means a software
          Section 1.2 [] | 1.2 The Supplier means Acme.
        Section 2 [SECURITY] | 2. SECURITY Supplier shall patch.
    "#]]
    .assert_eq(&outline(t));
}
