//! The Cybersecurity Addendum: the complete rendered document from the real
//! library is pinned by an expectation file, and its structure (order,
//! continuous numbering, Exhibit A) is asserted directly.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use expect_test::{expect, expect_file};
use mc2::library::{
    AddendumError, AddendumOptions, Library, Playbook, RoadmapRow, Values, addendum_markdown,
};

fn hospital_values() -> Values {
    Values {
        supplier: "Vendor".into(),
        customer: "Hospital".into(),
        playbook: Playbook {
            values: [("patch_days".to_string(), 15.0)].into_iter().collect(),
        },
    }
}

#[test]
fn full_addendum_matches_expectation() {
    let opts = AddendumOptions {
        supplier_name: Some("Acme Medical Devices, Inc.".into()),
        customer_name: Some("St. Example Hospital".into()),
        ..AddendumOptions::default()
    };
    let md = addendum_markdown(&Library::builtin(), &hospital_values(), &opts)
        .unwrap_or_else(|e| e.to_string());
    expect_file!["library_addendum.expect.md"].assert_eq(&md);
}

#[test]
fn addendum_is_ordered_and_numbered_continuously() {
    let md = addendum_markdown(
        &Library::builtin(),
        &Values::default(),
        &AddendumOptions::default(),
    )
    .unwrap_or_else(|e| e.to_string());
    let articles: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        articles,
        [
            "## 1. Definitions",
            "## 2. General",
            "## 3. Maturity",
            "## 4. Product Design Maturity",
            "## 5. Performance",
            "## 6. Customer Responsibilities",
            "## 7. Partnership Maturity Roadmap",
            "## Exhibit A — Partnership Maturity Roadmap",
        ]
    );
    assert!(md.starts_with("# Cybersecurity Addendum\n\nThis Cybersecurity Addendum"));
    // Sections run 1, 2, 3 … inside each article with no gap.
    let mut last: Option<(u32, u32)> = None;
    for l in md.lines().filter(|l| l.starts_with("### ")) {
        let num = l[4..].split(' ').next().unwrap_or("");
        let (a, s) = num.split_once('.').unwrap_or(("0", "0"));
        let (a, s): (u32, u32) = (a.parse().unwrap_or(0), s.parse().unwrap_or(0));
        match last {
            Some((la, ls)) if la == a => assert_eq!(s, ls + 1, "gap before {l}"),
            _ => assert_eq!(s, 1, "article must start at .1: {l}"),
        }
        last = Some((a, s));
    }
    // 35 requirements: DEF, HDO-RESP and ROADMAP are articles; the other 32 are sections.
    assert_eq!(md.lines().filter(|l| l.starts_with("### ")).count(), 32);
    assert!(!md.contains("{{"), "unfilled placeholder left");
    assert_eq!(
        md.matches("|   |   |   |   |   |").count(),
        3,
        "blank Exhibit A rows"
    );
}

#[test]
fn selected_requirements_and_roadmap_rows() {
    let opts = AddendumOptions {
        include: Some(vec![
            "PERF-PATCH".into(),
            "PDM-AUTH".into(),
            "ROADMAP".into(),
        ]),
        roadmap_rows: vec![
            RoadmapRow {
                requirement: "PDM-AUTH".into(),
                current_state: "Shared service account | no MFA".into(),
                compensating_control: "Jump host with MFA".into(),
                target_date: "2027-06-30".into(),
                owner: "Vendor: J. Doe\nHospital: CISO".into(),
            },
            RoadmapRow {
                requirement: "Legacy imaging workstation".into(),
                ..RoadmapRow::default()
            },
        ],
        ..AddendumOptions::default()
    };
    let md = addendum_markdown(&Library::builtin(), &hospital_values(), &opts)
        .unwrap_or_else(|e| e.to_string());
    let head: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    expect![[r#"
        # Cybersecurity Addendum
        ## 1. Product Design Maturity
        ### 1.1 Identification, authentication and authorisation
        ## 2. Performance
        ### 2.1 Security patches and updates
        ## 3. Partnership Maturity Roadmap
        ## Exhibit A — Partnership Maturity Roadmap"#]]
    .assert_eq(&head.join("\n"));
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    expect![[r#"
        [
            "| Requirement | Current state | Compensating control | Target date | Owner |",
            "|---|---|---|---|---|",
            "| Section 1.1 (Identification, authentication and authorisation) | Shared service account \\| no MFA | Jump host with MFA | 2027-06-30 | Vendor: J. Doe Hospital: CISO |",
            "| Legacy imaging workstation |  |  |  |  |",
        ]
    "#]]
    .assert_debug_eq(&table);
    assert!(md.contains("Capitalised terms have the meanings given in the Agreement."));
    assert!(md.contains("within 15 Calendar Days"));
}

#[test]
fn unknown_ids_and_bad_values_are_errors() {
    let lib = Library::builtin();
    let opts = AddendumOptions {
        include: Some(vec!["PERF-PACTH".into()]),
        ..AddendumOptions::default()
    };
    assert_eq!(
        addendum_markdown(&lib, &Values::default(), &opts),
        Err(AddendumError::UnknownId("PERF-PACTH".into()))
    );
    let blank = Values {
        supplier: String::new(),
        ..Values::default()
    };
    let err =
        addendum_markdown(&lib, &blank, &AddendumOptions::default()).map_err(|e| e.to_string());
    assert_eq!(
        err,
        Err("DEF: no value given for placeholder `{{supplier}}`".into())
    );
}
