//! Tests of where model language goes and how it is numbered.

use super::*;
use crate::engine::{Evidence, Insertion};
use crate::library::{Pillar, Priority};

const CONTRACT: &str = "1. DEFINITIONS\n1.1 Terms.\n\n2. SECURITY PATCHES\n2.1 Supplier will use efforts.\n\n3. TERM\n3.1 Five years.\n";

fn finding(req: &str, status: Status, insertion: Option<Insertion>) -> Finding {
    Finding {
        req: req.into(),
        title: "Security patches and updates".into(),
        pillar: Pillar::Performance,
        priority: Priority::Critical,
        status,
        risk: true,
        reasons: vec!["patch window too long".into()],
        evidence: Vec::new(),
        conflicts: Vec::new(),
        insertion,
    }
}

/// Any requirement in the built-in library (tests pass whatever clauses are merged).
fn some_req(lib: &Library) -> Option<String> {
    lib.requirements.first().map(|r| r.meta.id.clone())
}

#[test]
fn numbering_continues_the_document() {
    assert_eq!(next_top_number(CONTRACT), 4);
    assert_eq!(
        next_top_number("ARTICLE 7 Scope\nSection 9 Other\n12.3 sub"),
        10
    );
    assert_eq!(next_top_number("no numbers"), 1);
    let with = format!("{CONTRACT}\n4. CYBERSECURITY ADDENDUM\n4.1 A\nx\n4.2 B\n");
    assert_eq!(existing_addendum(&with), Some((4, 3)));
    assert_eq!(existing_addendum(CONTRACT), None);
}

#[test]
fn insert_at_the_suggested_point_after_the_related_section() {
    let lib = Library::builtin();
    let Some(req) = some_req(&lib) else { return };
    let doc = Document::new(CONTRACT);
    let at = CONTRACT.find("\n3. TERM").map(|i| i + 1).unwrap_or(0) - 1; // after "2.1 ...\n", before the blank line
    let f = finding(
        &req,
        Status::Missing,
        Some(Insertion {
            offset: at,
            after_clause: Some(3),
            new_addendum: false,
            label: "2.2".into(),
        }),
    );
    let r = insert_for(&doc, &Report::default(), &f, &lib, &Values::default());
    let Some(r) = r else {
        panic!("an insertion for a library requirement")
    };
    let mut d = doc.clone();
    assert!(d.apply(r).is_ok());
    let t = d.text();
    assert!(
        t.contains("2.1 Supplier will use efforts.\n2.2 Security patches and updates\n"),
        "{t}"
    );
    assert!(
        t.contains("\n\n3. TERM"),
        "the blank line before the next section stays: {t}"
    );
    assert_eq!(d.base, CONTRACT, "the user's text is untouched");
}

#[test]
fn without_a_related_section_the_addendum_is_created_then_continued() {
    let lib = Library::builtin();
    let Some(req) = some_req(&lib) else { return };
    let v = Values::default();
    let mut doc = Document::new(CONTRACT);
    let f = finding(&req, Status::Missing, None);
    let r1 = insert_for(&doc, &Report::default(), &f, &lib, &v);
    assert!(r1.is_some_and(|r| doc.apply(r).is_ok()));
    let r2 = insert_for(&doc, &Report::default(), &f, &lib, &v);
    assert!(r2.is_some_and(|r| doc.apply(r).is_ok()));
    let t = doc.text();
    assert!(
        t.contains(
            "3.1 Five years.\n\n4. CYBERSECURITY ADDENDUM\n4.1 Security patches and updates\n"
        ),
        "{t}"
    );
    assert!(t.contains("\n4.2 Security patches and updates\n"), "{t}");
    assert_eq!(t.matches(ADDENDUM_TITLE).count(), 1);
}

#[test]
fn replace_keeps_the_clause_number_and_strikes_the_old_text() {
    let lib = Library::builtin();
    let Some(req) = some_req(&lib) else { return };
    let doc = Document::new(CONTRACT);
    let start = CONTRACT.find("2.1").unwrap_or(0);
    let end = CONTRACT.find("\n\n3.").map(|i| i + 1).unwrap_or(0);
    let mut report = Report::default();
    report.clauses.push(crate::engine::Clause {
        id: 0,
        kind: crate::engine::ClauseKind::Subclause,
        label: Some("2.1".into()),
        heading: None,
        parent: None,
        depth: 1,
        range: Span::new(start, end),
        reqs: vec![req.clone()],
    });
    let mut f = finding(&req, Status::Weak, None);
    f.evidence.push(Evidence {
        clause: 0,
        range: Span::new(start, end),
        status: Status::Weak,
        phrases: vec![],
        reasons: vec![],
    });
    let Some(r) = replace_for(&doc, &report, &f, &lib, &Values::default()) else {
        panic!("a replacement")
    };
    assert_eq!(
        &CONTRACT[r.delete.start..r.delete.end],
        "2.1 Supplier will use efforts.\n"
    );
    assert!(r.insert.starts_with("2.1 Security patches and updates\n"));
    assert!(r.insert.ends_with('\n'));
}

#[test]
fn insert_all_builds_the_addendum_and_the_roadmap_exhibit() {
    let lib = Library::builtin();
    let Some(req) = some_req(&lib) else { return };
    let mut report = Report::default();
    report.findings.push(finding(&req, Status::Missing, None));
    let mut p = finding("X-PART", Status::Partial, None);
    p.title = "Partial thing".into();
    report.findings.push(p);
    report.findings.push(finding("X-MET", Status::Strong, None));
    let doc = Document::new(CONTRACT);
    let Some(r) = insert_all(&doc, &report, &lib, &Values::default()) else {
        panic!("an addendum")
    };
    assert!(
        r.insert.starts_with("\n4. CYBERSECURITY ADDENDUM\n4.1 "),
        "{}",
        r.insert
    );
    assert!(
        r.insert
            .contains("EXHIBIT R. PARTNERSHIP MATURITY ROADMAP\n")
    );
    assert!(
        r.insert
            .contains("R.1 Partial thing [X-PART]. Gap: patch window too long.")
    );
    assert!(!r.insert.contains("X-MET"));
    assert_eq!(r.delete, Span::new(CONTRACT.len(), CONTRACT.len()));
}
