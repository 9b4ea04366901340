//! Tests of the view model: redline runs, clause status, coverage, gap navigation.

use super::*;
use crate::edit::Revision;

#[test]
fn runs_split_by_evidence_and_redlines() {
    let mut d = Document::new("one two three");
    d.apply(Revision {
        req: None,
        delete: Span::new(4, 7),
        insert: "2".into(),
    })
    .ok();
    let text = d.text();
    assert_eq!(text, "one 2 three");
    let m = marks(&d);
    let r = runs(&text, Span::new(0, text.len()), &[Span::new(6, 11)], &m);
    let shown: Vec<(String, bool, bool, bool)> = r
        .into_iter()
        .map(|r| (r.text, r.evidence, r.inserted, r.deleted))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("one ".into(), false, false, false),
            ("two".into(), false, false, true),
            ("2".into(), false, true, false),
            (" ".into(), false, false, false),
            ("three".into(), true, false, false),
        ]
    );
}

#[test]
fn step_gap_skips_met_and_wraps() {
    let o: Vec<(String, Status)> = [
        ("A", Status::Missing),
        ("B", Status::Strong),
        ("C", Status::Weak),
    ]
    .iter()
    .map(|(a, s)| (a.to_string(), *s))
    .collect();
    assert_eq!(step_gap(&o, None, true).as_deref(), Some("A"));
    assert_eq!(step_gap(&o, Some("A"), true).as_deref(), Some("C"));
    assert_eq!(step_gap(&o, Some("C"), true).as_deref(), Some("A"));
    assert_eq!(step_gap(&o, Some("A"), false).as_deref(), Some("C"));
    assert_eq!(step_gap(&o, Some("B"), false).as_deref(), Some("A"));
    assert_eq!(step_gap(&o[1..2], None, true), None);
}

#[test]
fn display_ranges_cover_the_whole_text() {
    let lib = crate::library::Library::builtin();
    let e = crate::engine::Engine::new(&lib);
    let text = "Intro\n\n1. A\nbody\n\n2. B\nmore\n";
    let r = e.analyze(text, &crate::engine::Options::default());
    let ranges = display_ranges(&r, text.len());
    assert!(!ranges.is_empty());
    assert_eq!(ranges[0].start, 0);
    assert_eq!(ranges.last().map(|s| s.end), Some(text.len()));
    for w in ranges.windows(2) {
        assert_eq!(w[0].end, w[1].start, "no text between clauses is lost");
    }
}

#[test]
fn coverage_counts_every_finding_once() {
    let lib = crate::library::Library::builtin();
    let e = crate::engine::Engine::new(&lib);
    let r = e.analyze(
        crate::sample::SAMPLE_CONTRACT,
        &crate::engine::Options::default(),
    );
    let c = coverage(&r);
    let total: usize = c.by_status.iter().map(|(_, n)| n).sum();
    assert_eq!(total, r.findings.len());
    let pillar_total: usize = c.by_pillar.iter().map(|(_, _, t)| t).sum();
    assert_eq!(pillar_total, r.findings.len());
}

/// Requirement → status for the embedded sample, as compact JSON: the
/// expectation `tests/web.rs` checks inside the browser, so the wasm build
/// must grade exactly like the native one.
pub fn sample_statuses() -> String {
    let lib = crate::library::Library::builtin();
    let e = crate::engine::Engine::new(&lib);
    let r = e.analyze(
        crate::sample::SAMPLE_CONTRACT,
        &crate::engine::Options::default(),
    );
    let map: std::collections::BTreeMap<&str, &str> = r
        .findings
        .iter()
        .map(|f| (f.req.as_str(), f.status.as_str()))
        .collect();
    serde_json::to_string_pretty(&map).unwrap_or_default() + "\n"
}

#[test]
fn sample_statuses_match_the_browser_expectation_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/review/sample_statuses.json"
    );
    let now = sample_statuses();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &now).ok();
    }
    let file = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        file, now,
        "refresh with UPDATE_EXPECT=1 cargo test --lib review"
    );
}
