//! DOCX export: every revision becomes a real tracked change by
//! "MC2 assistant", the rest of an imported DOCX is left as it was (styles,
//! numbering, untouched paragraphs byte for byte), and the result reads back
//! as the revised text (changes accepted) or the original (changes rejected),
//! both with our importer and, when installed, with python-docx.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::edit::{Document, Revision};
use mc2::engine::Span;
use mc2::export::{AUTHOR, docx_revised};
use mc2::import::{ImportOptions, TrackedChanges, open, open_with};
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use std::io::{Cursor, Read};

const DATE: &str = "2026-11-29T03:00:00Z";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/docx/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn part(docx: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut f = zip.by_name(name).unwrap();
    let mut out = Vec::new();
    f.read_to_end(&mut out).unwrap();
    out
}

/// Tracked changes in a document.xml: (kind, author, date, text) per w:ins / w:del.
fn changes(xml: &str) -> Vec<(String, String, String, String)> {
    let mut r = Reader::from_str(xml);
    let mut out: Vec<(String, String, String, String)> = Vec::new();
    let mut open: Option<usize> = None;
    let mut in_text = false;
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if matches!(e.local_name().as_ref(), b"ins" | b"del") => {
                let get = |k: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .unwrap_or_default()
                };
                let kind = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                out.push((kind, get(b"w:author"), get(b"w:date"), String::new()));
                open = Some(out.len() - 1);
            }
            Event::End(e) if matches!(e.local_name().as_ref(), b"ins" | b"del") => open = None,
            Event::Start(e) if matches!(e.local_name().as_ref(), b"t" | b"delText") => {
                in_text = true
            }
            Event::End(e) if matches!(e.local_name().as_ref(), b"t" | b"delText") => {
                in_text = false
            }
            Event::Text(t) if in_text => {
                if let Some(i) = open {
                    out[i].3.push_str(&t.unescape().unwrap());
                }
            }
            _ => {}
        }
    }
    out
}

/// The contract fixture with one clause inserted after 2.2 and "90" replaced by "30".
fn revised_contract() -> (Vec<u8>, Document, Vec<u8>) {
    let bytes = fixture("contract.docx");
    let opened = open("contract.docx", &bytes).unwrap();
    let mut doc = Document::new(opened.text.clone());
    let after = doc.base.find("apply patches promptly.").unwrap() + "apply patches promptly.".len();
    doc.apply(Revision {
        req: Some("PERF-VULN".into()),
        delete: Span::new(after, after),
        insert: "\n\n2.3 Vulnerability notice\n\nSupplier shall notify Customer of each Exploited Vulnerability within 10 days.".into(),
    })
    .unwrap();
    let ninety = doc.base.find("within 90 days").unwrap() + "within ".len();
    doc.apply(Revision {
        req: Some("PERF-PATCH".into()),
        delete: Span::new(ninety, ninety + 2),
        insert: "30".into(),
    })
    .unwrap();
    let out = docx_revised(&doc, opened.docx.as_ref(), DATE).unwrap();
    (bytes, doc, out)
}

#[test]
fn inserted_and_replaced_clauses_are_tracked_changes_by_mc2_assistant() {
    let (_, _, out) = revised_contract();
    let xml = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    let ch = changes(&xml);
    assert!(ch.iter().all(|c| c.1 == AUTHOR && c.2 == DATE), "{ch:?}");
    let ins: Vec<&str> = ch
        .iter()
        .filter(|c| c.0 == "ins")
        .map(|c| c.3.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let del: Vec<&str> = ch
        .iter()
        .filter(|c| c.0 == "del")
        .map(|c| c.3.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        ins,
        [
            "30",
            "2.3 Vulnerability notice",
            "Supplier shall notify Customer of each Exploited Vulnerability within 10 days."
        ]
    );
    assert_eq!(del, ["90"]);
}

#[test]
fn untouched_parts_and_paragraphs_survive_byte_for_byte() {
    let (bytes, _, out) = revised_contract();
    for name in [
        "word/styles.xml",
        "word/numbering.xml",
        "word/header1.xml",
        "[Content_Types].xml",
    ] {
        assert_eq!(part(&bytes, name), part(&out, name), "{name} changed");
    }
    let before = String::from_utf8(part(&bytes, "word/document.xml")).unwrap();
    let after = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    let opened = open("contract.docx", &bytes).unwrap();
    let src = opened.docx.unwrap();
    let untouched = src.paragraphs.iter().filter_map(|p| p.xml).filter(|x| {
        let para = &before[x.start..x.end];
        !para.contains("90 days") && !para.contains("apply patches")
    });
    let mut n = 0;
    for x in untouched {
        assert!(
            after.contains(&before[x.start..x.end]),
            "paragraph rewritten: {}",
            &before[x.start..x.end]
        );
        n += 1;
    }
    assert!(n >= 10, "checked {n} paragraphs");
}

#[test]
fn export_reads_back_as_revised_text_or_original() {
    let (_, doc, out) = revised_contract();
    let accepted = open("out.docx", &out).unwrap();
    assert_eq!(accepted.text, doc.text());
    let original = open_with(
        "out.docx",
        &out,
        ImportOptions {
            tracked: TrackedChanges::Original,
        },
    )
    .unwrap();
    assert_eq!(original.text, doc.base);
}

#[test]
fn text_import_exports_a_minimal_valid_docx_with_the_same_changes() {
    let base = "1. Scope\n\nSupplier provides the Product.\nIt includes software.\n\n2. Patches\n\nPatches on request.";
    let mut doc = Document::new(base);
    let at = base.find("Patches on request").unwrap();
    doc.apply(Revision {
        req: Some("PERF-PATCH".into()),
        delete: Span::new(at, base.len()),
        insert: "Supplier shall make Security Patches available within 30 Calendar Days.".into(),
    })
    .unwrap();
    doc.apply(Revision {
        req: None,
        delete: Span::new(base.len(), base.len()),
        insert: "\n\n3. Addendum\n\nNew text.".into(),
    })
    .unwrap();
    let out = docx_revised(&doc, None, DATE).unwrap();
    assert_eq!(
        out,
        docx_revised(&doc, None, DATE).unwrap(),
        "deterministic bytes"
    );
    let back = open("out.docx", &out).unwrap();
    assert_eq!(back.text, doc.text());
    let xml = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    let del: Vec<String> = changes(&xml)
        .into_iter()
        .filter(|c| c.0 == "del")
        .map(|c| c.3)
        .collect();
    assert_eq!(del, ["Patches on request."]);
}

#[test]
fn python_docx_reads_our_redlines() {
    let has_python_docx = std::process::Command::new("python3")
        .args(["-c", "import docx"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_python_docx {
        eprintln!("python-docx not installed: native checks above cover the structure");
        return;
    }
    let (_, _, out) = revised_contract();
    let dir = std::env::temp_dir().join(format!("mc2-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("revised.docx");
    std::fs::write(&path, &out).unwrap();
    let script = r#"
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = d.element.body
ins = ["".join(t.text or "" for t in e.iter(qn("w:t"))) for e in body.iter(qn("w:ins"))]
dels = ["".join(t.text or "" for t in e.iter(qn("w:delText"))) for e in body.iter(qn("w:del"))]
authors = sorted({e.get(qn("w:author")) for e in body.iter(qn("w:ins"))})
print(json.dumps({"ins": [i for i in ins if i], "del": [x for x in dels if x], "authors": authors,
                  "paras": [p.text for p in d.paragraphs], "styles": len(d.styles)}))
"#;
    let res = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        res.status.success(),
        "python-docx failed: {}",
        String::from_utf8_lossy(&res.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&res.stdout).unwrap();
    assert_eq!(v["authors"], serde_json::json!([AUTHOR]));
    let ins: Vec<&str> = v["ins"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(
        ins.contains(
            &"Supplier shall notify Customer of each Exploited Vulnerability within 10 days."
        ),
        "{ins:?}"
    );
    assert_eq!(v["del"], serde_json::json!(["90"]));
    let paras: Vec<&str> = v["paras"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(paras.contains(&"This Agreement is between Acme Medical Inc. (\"Supplier\") and Lakeside Hospital (\"Customer\")."));
    assert!(paras.contains(&"Signed by the parties on the date above."));
    assert!(
        v["styles"].as_u64().unwrap() > 10,
        "the original styles are still there"
    );
}

#[test]
fn insertion_after_a_table_row_goes_after_the_table() {
    let bytes = fixture("contract.docx");
    let opened = open("contract.docx", &bytes).unwrap();
    let mut doc = Document::new(opened.text.clone());
    let at = doc.base.find("Server | 5 years").unwrap() + "Server | 5 years".len();
    doc.apply(Revision {
        req: None,
        delete: Span::new(at, at),
        insert: "\n\nSupport periods are minimums.".into(),
    })
    .unwrap();
    let out = docx_revised(&doc, opened.docx.as_ref(), DATE).unwrap();
    let xml = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    let table_end = xml.find("</w:tbl>").unwrap();
    let inserted = xml.find("Support periods are minimums.").unwrap();
    assert!(
        inserted > table_end,
        "the new paragraph is not inside the table"
    );
    assert_eq!(open("out.docx", &out).unwrap().text, doc.text());
}

#[test]
fn editing_a_paragraph_keeps_its_footnote_reference_and_formatting() {
    use std::io::Write;
    let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>Supplier shall deliver an SBOM.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:body></w:document>"#;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    w.write_all(document.as_bytes()).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let opened = open("n.docx", &bytes).unwrap();
    assert_eq!(opened.text, "Supplier shall deliver an SBOM.[1]");
    let mut doc = Document::new(opened.text.clone());
    let at = doc.base.find("SBOM").unwrap() + 4;
    doc.apply(Revision {
        req: None,
        delete: Span::new(at, at),
        insert: " and an MDS2".into(),
    })
    .unwrap();
    let out = docx_revised(&doc, opened.docx.as_ref(), DATE).unwrap();
    let xml = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    assert!(
        xml.contains(r#"<w:r><w:footnoteReference w:id="2"/></w:r>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<w:pPr><w:jc w:val="both"/></w:pPr>"#),
        "paragraph properties kept"
    );
    assert!(xml.contains(r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> and an MDS2</w:t></w:r></w:ins>"#), "{xml}");
    assert_eq!(
        open("out.docx", &out).unwrap().text,
        "Supplier shall deliver an SBOM and an MDS2.[1]"
    );
}

mod roundtrip {
    use super::*;
    use mc2::import::ParaKind;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Any in-paragraph edits to the contract fixture read back as the
        /// revised text (changes accepted) and as the original (rejected).
        #[test]
        fn in_paragraph_edits_round_trip(edits in proptest::collection::vec((0usize..100, 0usize..1000, 0usize..6, "[a-z ]{0,8}"), 1..4)) {
            let bytes = fixture("contract.docx");
            let opened = open("contract.docx", &bytes).unwrap();
            let src = opened.docx.as_ref().unwrap();
            let body: Vec<_> = src.paragraphs.iter().filter(|p| p.kind == ParaKind::Body).collect();
            let mut doc = Document::new(opened.text.clone());
            for (pi, at, len, ins) in edits {
                let p = body[pi % body.len()];
                let text_start = p.runs.iter().find(|r| !r.synthetic).map_or(p.range.start, |r| r.range.start);
                let n = p.range.end - text_start;
                let s = text_start + at % n;
                let e = (s + len).min(p.range.end - 1).max(s);
                if !doc.base.is_char_boundary(s) || !doc.base.is_char_boundary(e) { continue; }
                let _ = doc.apply(Revision { req: None, delete: Span::new(s, e), insert: ins });
            }
            let out = docx_revised(&doc, Some(src), DATE).unwrap();
            prop_assert_eq!(open("o.docx", &out).unwrap().text, doc.text());
            let orig = open_with("o.docx", &out, ImportOptions { tracked: TrackedChanges::Original }).unwrap();
            prop_assert_eq!(orig.text, doc.base.clone());
        }
    }
}

#[test]
fn sample_contract_with_every_missing_requirement_inserted_exports_and_reads_back() {
    use mc2::engine::{Engine, Options, Status};
    use mc2::export::{Selection, insert_revisions};
    use mc2::library::{Library, Values};
    let lib = Library::builtin();
    let text = mc2::sample::SAMPLE_CONTRACT;
    let report = Engine::new(&lib).analyze(text, &Options::default());
    let mut doc = Document::new(text);
    for r in insert_revisions(&report, &lib, &Values::default(), text, &Selection::Missing) {
        doc.apply(r).unwrap();
    }
    let missing: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Missing)
        .map(|f| f.title.as_str())
        .collect();
    assert!(!missing.is_empty(), "the sample contract has gaps");
    let out = docx_revised(&doc, None, DATE).unwrap();
    let xml = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    let inserted: String = changes(&xml)
        .into_iter()
        .filter(|c| c.0 == "ins")
        .map(|c| c.3 + "\n")
        .collect();
    for title in &missing {
        assert!(
            inserted.contains(title),
            "{title} inserted as a tracked change"
        );
    }
    let back = open("sample.docx", &out).unwrap();
    let original = open_with(
        "sample.docx",
        &out,
        ImportOptions {
            tracked: TrackedChanges::Original,
        },
    )
    .unwrap();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(&original.text),
        words(text),
        "rejecting every change gives the contract back"
    );
    assert_eq!(
        words(&back.text),
        words(&doc.text()),
        "accepting every change gives the revised contract"
    );
}

#[test]
fn replacing_an_auto_numbered_clause_keeps_words_numbering_instead_of_typing_it() {
    let bytes = fixture("contract.docx");
    let opened = open("contract.docx", &bytes).unwrap();
    let src = opened.docx.as_ref().unwrap();
    let mut doc = Document::new(opened.text.clone());
    // Inline: "2.2 Customer shall apply patches promptly." → same label, new words.
    let old = "2.2 Customer shall apply patches promptly.";
    let s = doc.base.find(old).unwrap();
    doc.apply(Revision {
        req: None,
        delete: Span::new(s, s + old.len()),
        insert: "2.2 Customer shall apply Security Patches.".into(),
    })
    .unwrap();
    // Multi-line: the whole of 2.1 replaced by a heading and a body.
    let old = "2.1 Patches. Supplier shall provide security patches within 90 days of release.";
    let s = doc.base.find(old).unwrap();
    doc.apply(Revision {
        req: None,
        delete: Span::new(s, s + old.len()),
        insert: "2.1 Security patches\nSupplier shall make Security Patches available within 30 Calendar Days.".into(),
    })
    .unwrap();
    let out = docx_revised(&doc, Some(src), DATE).unwrap();
    let xml = String::from_utf8(part(&out, "word/document.xml")).unwrap();
    let ins: Vec<String> = changes(&xml)
        .into_iter()
        .filter(|c| c.0 == "ins" && !c.3.is_empty())
        .map(|c| c.3)
        .collect();
    assert_eq!(
        ins,
        [
            "Security patches",
            "Supplier shall make Security Patches available within 30 Calendar Days.",
            "Customer shall apply Security Patches."
        ],
        "labels are not typed: Word numbers the paragraphs"
    );
    let numbered_insert = xml.find(r#"<w:numId w:val="90"/></w:numPr><w:rPr><w:ins "#);
    assert!(
        numbered_insert.is_some(),
        "the inserted heading paragraph carries the list numbering: {xml}"
    );
    let accepted = open("out.docx", &out).unwrap().text;
    assert!(
        accepted.contains("2.1 Security patches\n\nSupplier shall make"),
        "{accepted}"
    );
    assert!(
        accepted.contains("2.2 Customer shall apply Security Patches."),
        "{accepted}"
    );
    assert!(
        accepted.contains("3. General"),
        "later clauses keep their numbers: {accepted}"
    );
    let original = open_with(
        "out.docx",
        &out,
        ImportOptions {
            tracked: TrackedChanges::Original,
        },
    )
    .unwrap();
    assert_eq!(original.text, doc.base);
}
