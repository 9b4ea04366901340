//! Exports of the revised contract (Markdown, plain text) and of the
//! findings (CSV for spreadsheets, JSON, standalone HTML report), plus the
//! "insert missing" revisions the CLI and the app's "Insert all missing" use.
//! Built on a tiny hand-made library and report so the expectations stay
//! readable.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use expect_test::expect;
use mc2::edit::Document;
use mc2::engine::{
    Clause, ClauseKind, Evidence, Finding, Insertion, Parties, Report, Span, Status,
};
use mc2::export::{
    Selection, findings_csv, insert_revisions, markdown, plain_text, report_html, report_json,
};
use mc2::library::{Library, Values, parse_file};

const BASE: &str = "1. Definitions\n\n\"Supplier\" means Acme Medical Inc.\n\n2. Security\n\nSupplier shall provide an SBOM on request.";

fn clause(id: &str, title: &str, priority: &str, threshold: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"{title}\"\npillar = \"Maturity\"\nprinciple = \"Test\"\nparty = \"supplier\"\npriority = \"{priority}\"\n\n[mc2]\nversion = \"v2\"\nevidence = \"inferred\"\n{threshold}+++\n\n## Model language\n\n{body}\n\n## Fallback\n\nx\n\n## Why it matters\n\nx\n\n## Negotiation notes\n\n### For the hospital\n\nx\n\n### For the manufacturer\n\nx\n"
    )
}

fn library() -> Library {
    let sbom = clause(
        "T-SBOM",
        "Software bill of materials",
        "high",
        "\n[[thresholds]]\nname = \"t_sbom_days\"\nlabel = \"SBOM update\"\nvalue = 30\nunit = \"calendar_days\"\ndirection = \"at_most\"\nsource = \"test\"\nevidence = \"inferred\"\n",
        "(a) **Delivery.** {{supplier}} shall deliver an SBOM to {{customer}} within {{t_sbom_days}} Calendar Days of each release.",
    );
    let vdp = clause(
        "T-VDP",
        "Vulnerability disclosure",
        "critical",
        "",
        "{{supplier}} shall maintain a public vulnerability disclosure policy.",
    );
    let ok = clause("T-DEF", "Definitions", "low", "", "Defined terms.");
    Library {
        requirements: [sbom, vdp, ok]
            .iter()
            .map(|t| parse_file("test.md", t).unwrap())
            .collect(),
    }
}

fn report() -> Report {
    let sec = BASE.find("2. Security").unwrap();
    let finding = |req: &str, title: &str, status, priority, reasons: &[&str]| Finding {
        req: req.into(),
        title: title.into(),
        pillar: mc2::library::Pillar::Maturity,
        priority,
        status,
        risk: status != Status::Strong,
        reasons: reasons.iter().map(|r| r.to_string()).collect(),
        evidence: Vec::new(),
        conflicts: Vec::new(),
        insertion: None,
    };
    use mc2::library::Priority::*;
    let mut sbom = finding(
        "T-SBOM",
        "Software bill of materials",
        Status::Weak,
        High,
        &["SBOM only \"on request\", no deadline"],
    );
    sbom.evidence.push(Evidence {
        clause: 1,
        range: Span::new(sec, BASE.len()),
        status: Status::Weak,
        phrases: vec![],
        reasons: vec![],
    });
    sbom.insertion = Some(Insertion {
        offset: BASE.len(),
        after_clause: Some(1),
        new_addendum: false,
        label: "2.2".into(),
    });
    let vdp = finding(
        "T-VDP",
        "Vulnerability disclosure",
        Status::Missing,
        Critical,
        &["No clause addresses this requirement."],
    );
    let def = finding(
        "T-DEF",
        "Definitions",
        Status::Strong,
        Low,
        &["=SUM(A1) looks like a formula"],
    );
    Report {
        perspective: Default::default(),
        parties: Parties {
            supplier: Some("Supplier".into()),
            supplier_name: Some("Acme Medical Inc.".into()),
            ..Parties::default()
        },
        clauses: vec![
            Clause {
                id: 0,
                kind: ClauseKind::Section,
                label: Some("1.".into()),
                heading: Some("Definitions".into()),
                parent: None,
                depth: 0,
                range: Span::new(0, sec),
                reqs: vec!["T-DEF".into()],
            },
            Clause {
                id: 1,
                kind: ClauseKind::Section,
                label: Some("2.".into()),
                heading: Some("Security".into()),
                parent: None,
                depth: 0,
                range: Span::new(sec, BASE.len()),
                reqs: vec!["T-SBOM".into()],
            },
        ],
        findings: vec![sbom, vdp, def],
        diagnostics: vec![],
    }
}

fn revised(sel: Selection) -> Document {
    let mut doc = Document::new(BASE);
    for r in insert_revisions(&report(), &library(), &Values::default(), BASE, &sel) {
        doc.apply(r).unwrap();
    }
    doc
}

#[test]
fn insert_missing_is_the_apps_insert_all_missing() {
    let doc = revised(Selection::parse(&["missing".into()]));
    assert_eq!(doc.revisions.len(), 1);
    expect![[r#"
        1. Definitions

        "Supplier" means Acme Medical Inc.

        2. Security

        Supplier shall provide an SBOM on request.

        3. CYBERSECURITY ADDENDUM
        3.1 Vulnerability disclosure
        Supplier shall maintain a public vulnerability disclosure policy.
    "#]]
    .assert_eq(&plain_text(&doc));
}

#[test]
fn insert_by_id_uses_the_insertion_point_and_playbook_values() {
    let doc = revised(Selection::parse(&[
        "T-SBOM".into(),
        "t-vdp".into(),
        "T-DEF".into(),
    ]));
    expect![[r#"
        1. Definitions

        "Supplier" means Acme Medical Inc.

        2. Security

        Supplier shall provide an SBOM on request.\
        2.2 Software bill of materials\
        (a) Delivery. Supplier shall deliver an SBOM to Customer within 30 Calendar Days of each release.

        3. CYBERSECURITY ADDENDUM\
        3.1 Vulnerability disclosure\
        Supplier shall maintain a public vulnerability disclosure policy.
    "#]]
    .assert_eq(&markdown(&doc));
}

#[test]
fn csv_has_one_row_per_finding_and_defuses_formulas() {
    expect![[r#"
        requirement,title,pillar,priority,status,risk,reasons,clauses,insert_at
        T-SBOM,Software bill of materials,Maturity,high,weak,yes,"SBOM only ""on request"", no deadline",2.,2.2
        T-VDP,Vulnerability disclosure,Maturity,critical,missing,yes,No clause addresses this requirement.,,
        T-DEF,Definitions,Maturity,low,strong,no,'=SUM(A1) looks like a formula,,
    "#]]
    .assert_eq(&findings_csv(&report()).replace("\r\n", "\n"));
    assert!(
        findings_csv(&report()).ends_with("\r\n"),
        "RFC 4180 line endings"
    );
}

#[test]
fn json_is_the_report_schema() {
    let json = report_json(&report());
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report());
}

#[test]
fn html_report_is_standalone_and_lists_every_finding() {
    let doc = Document::new(BASE);
    let html = report_html(&report(), &library(), &Values::default(), &doc);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.to_ascii_lowercase().contains("<script"), "no scripts");
    assert!(
        !html.contains("<link") && !html.contains("src=") && !html.contains("http"),
        "no external resources"
    );
    assert!(
        html.contains("<style>") && html.contains("@media print"),
        "inline CSS with a print stylesheet"
    );
    for f in &report().findings {
        assert!(
            html.contains(&format!("id=\"finding-{}\"", f.req)),
            "{} listed",
            f.req
        );
    }
    assert!(
        html.contains("Supplier shall provide an SBOM on request."),
        "clause text shown"
    );
    assert!(
        html.contains("within 30 Calendar Days"),
        "proposed language rendered"
    );
    assert!(html.contains("Partnership Maturity Roadmap"));
    let roadmap = &html[html.find("Partnership Maturity Roadmap").unwrap()..];
    assert!(
        roadmap.contains("T-VDP") && roadmap.contains("T-SBOM") && !roadmap.contains("T-DEF"),
        "gaps only"
    );
    assert!(html.contains("<th>Maturity</th>"), "summary by pillar");
    assert!(html.contains("<th>critical</th>"), "summary by priority");
}

#[test]
fn html_report_escapes_untrusted_text() {
    let mut r = report();
    r.findings[1].reasons = vec!["<script>alert(1)</script>".into()];
    let html = report_html(&r, &library(), &Values::default(), &Document::new(BASE));
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
}
