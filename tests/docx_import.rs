//! DOCX import against fixtures written by python-docx (an independent
//! writer, see `tests/fixtures/docx/make_fixtures.py`): list numbering is
//! resolved into the labels a reader sees, tables become rows, headers and
//! footers are left out, tracked changes are accepted by default or read as
//! the original on request.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

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
    assert_eq!(
        accepted.tracked_changes, 2,
        "one insertion and one deletion"
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

/// A package written by hand: a footnote reference in the body and the
/// footnote in `word/footnotes.xml`; a text box (left out).
fn footnote_docx() -> Vec<u8> {
    use std::io::Write;
    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body><w:p><w:r><w:t xml:space="preserve">Supplier shall deliver an SBOM.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> Then more &amp; more.</w:t></w:r></w:p><w:p><w:r><w:drawing/></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>After the box.</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"#
    );
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>In SPDX or CycloneDX format.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in [
        ("word/document.xml", document),
        ("word/footnotes.xml", footnotes),
    ] {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn footnotes_follow_the_body_and_text_boxes_are_left_out() {
    let opened = open("notes.docx", &footnote_docx()).unwrap();
    expect![[r#"
        Supplier shall deliver an SBOM.[1] Then more & more.

        After the box.

        [1] In SPDX or CycloneDX format."#]]
    .assert_eq(&opened.text);
    assert!(opened.warnings.iter().any(|w| w.contains("text boxes")));
    let src = opened.docx.unwrap();
    assert_eq!(
        src.paragraphs.last().map(|p| p.kind),
        Some(ParaKind::Footnote)
    );
}
