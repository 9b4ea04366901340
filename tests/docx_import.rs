//! DOCX import against fixtures written by python-docx (an independent
//! writer, see `tests/fixtures/docx/make_fixtures.py`): list numbering is
//! resolved into the labels a reader sees, tables become rows, headers and
//! footers are left out, tracked changes are accepted by default or read as
//! the original on request.

use expect_test::expect;
use mc2::import::{ImportOptions, Kind, ParaKind, TrackedChanges, open, open_with};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/docx/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn contract_text_has_resolved_numbers_table_rows_and_no_page_furniture() {
    let opened = open("contract.docx", &fixture("contract.docx")).unwrap();
    assert_eq!(opened.kind, Kind::Docx);
    expect![[r#"
        Master Purchase Agreement

        This Agreement is between Acme Medical Inc. ("Supplier") and Lakeside Hospital ("Customer").

        1. Definitions

        1.1 "Product" means the infusion pump and its software.

        2. Security

        2.1 Patches. Supplier shall provide security patches within 90 days of release.

        (a) Supplier shall maintain a vulnerability disclosure policy.

        (b) Supplier shall notify Customer of incidents.

        2.2 Customer shall apply patches promptly.

        3. General

        5. Manually numbered clause: this Agreement is governed by the laws of Ohio.

        Item | Support period

        Pump | 7 years

        Server | 5 years

        Signed by the parties on the date above."#]]
    .assert_eq(&opened.text);
    assert!(!opened.text.contains("page header") && !opened.text.contains("Page footer"));
    assert!(
        opened
            .warnings
            .iter()
            .any(|w| w.contains("Headers and footers"))
    );
}

#[test]
fn paragraph_map_points_back_into_the_text() {
    let opened = open("contract.docx", &fixture("contract.docx")).unwrap();
    let src = opened.docx.expect("a DOCX keeps its source");
    for p in &src.paragraphs {
        let text = &opened.text[p.range.start..p.range.end];
        let runs: String = p
            .runs
            .iter()
            .map(|r| &opened.text[r.range.start..r.range.end])
            .collect();
        assert_eq!(text, runs, "runs cover the paragraph exactly");
        if let Some(x) = p.xml {
            let xml = &src.document_xml[x.start..x.end];
            assert!(xml.starts_with("<w:p") && xml.ends_with("</w:p>"), "{xml}");
        }
    }
    let heading = src
        .paragraphs
        .iter()
        .find(|p| p.heading == Some(1))
        .unwrap();
    assert_eq!(
        &opened.text[heading.range.start..heading.range.end],
        "Master Purchase Agreement"
    );
    assert_eq!(
        src.paragraphs
            .iter()
            .filter(|p| p.kind == ParaKind::TableRow)
            .count(),
        3
    );
}

#[test]
fn multilevel_numbering_and_headings() {
    let opened = open("numbering.docx", &fixture("numbering.docx")).unwrap();
    expect![[r#"
        Schedule A

        Security Requirements

        1. Requirement number 1.

        2. Requirement number 2.

        3. Requirement number 3.

        (a) Sub-item.

        (i) Deeper item.

        (ii) Another deeper item.

        • Bullet point text."#]]
    .assert_eq(&opened.text);
}

#[test]
fn tracked_changes_accepted_by_default_original_on_request() {
    let bytes = fixture("tracked.docx");
    let accepted = open("tracked.docx", &bytes).unwrap();
    assert!(
        accepted
            .text
            .contains("Supplier shall patch within 30 days."),
        "{}",
        accepted.text
    );
    assert!(
        accepted
            .warnings
            .iter()
            .any(|w| w.contains("tracked changes"))
    );
    let original = open_with(
        "tracked.docx",
        &bytes,
        ImportOptions {
            tracked: TrackedChanges::Original,
        },
    )
    .unwrap();
    assert!(
        original
            .text
            .contains("Supplier shall patch within 90 days."),
        "{}",
        original.text
    );
}
