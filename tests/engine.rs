//! Expectation tests of the analysis engine over small contracts written for
//! it (`tests/fixtures/engine/`): every status, conflicts between clauses,
//! party checks, playbook overrides, perspective, insertion points, and
//! robustness on odd input.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use expect_test::{Expect, expect};
use mc2::engine::{Engine, Options, Perspective, Report, Status, eval, synth};
use mc2::library::{Library, Playbook};

fn engine() -> Engine {
    Engine::new(&Library::builtin())
}

fn fixture(name: &str) -> String {
    let p = format!(
        "{}/tests/fixtures/engine/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// One line per requirement that is not missing: ID, status, evidence clause labels.
fn summary(r: &Report) -> String {
    let mut s = String::new();
    for f in r.findings.iter().filter(|f| f.status != Status::Missing) {
        let labels: Vec<String> = f
            .evidence
            .iter()
            .map(|e| r.clauses[e.clause].label.clone().unwrap_or_default())
            .collect();
        s += &format!("{} {} [{}]\n", f.req, f.status.as_str(), labels.join(" "));
    }
    let missing = r
        .findings
        .iter()
        .filter(|f| f.status == Status::Missing)
        .count();
    s += &format!("missing: {missing}\n");
    s
}

fn check(name: &str, want: Expect) {
    let r = engine().analyze(&fixture(name), &Options::default());
    want.assert_eq(&summary(&r));
}

#[test]
fn strong_addendum_meets_most_requirements_it_covers() {
    check(
        "strong_addendum.txt",
        expect![[r#"
            GEN-SCOPE strong [2]
            DEF strong [1]
            GEN-SHARED partial [13]
            HDO-RESP strong [13 4]
            MAT-SDL strong [8]
            MAT-MDS2 strong [7]
            MAT-SBOM strong [6]
            PDM-AUTH strong [10 11]
            PDM-CRYPTO strong [9]
            PDM-REMOTE strong [11]
            PERF-PATCH strong [3]
            PERF-VULN-NOTICE strong [4]
            PERF-INCIDENT strong [5]
            PERF-EOL partial [12]
            missing: 21
        "#]],
    );
}

#[test]
fn weak_terms_are_graded_weak_partial_or_conflicting() {
    check(
        "weak_terms.txt",
        expect![[r#"
            HDO-RESP partial [6]
            MAT-TRANSP weak [4]
            MAT-3PC weak [5]
            PDM-MALWARE conflict [5]
            PERF-PATCH conflict [2 6]
            PERF-VULN-NOTICE weak [3]
            PERF-INCIDENT partial [8]
            missing: 28
        "#]],
    );
}

#[test]
fn baa_and_addendum_deadlines_conflict() {
    check(
        "baa_conflict.txt",
        expect![[r#"
            HDO-RESP partial [5]
            PERF-PATCH conflict [4 5]
            PERF-INCIDENT conflict [3 2]
            missing: 32
        "#]],
    );
    let r = engine().analyze(&fixture("baa_conflict.txt"), &Options::default());
    let inc = r.findings.iter().find(|f| f.req == "PERF-INCIDENT");
    let inc = inc.map(|f| (f.status, f.conflicts.len()));
    assert_eq!(
        inc,
        Some((Status::Conflict, 1)),
        "60 days vs 5 days must conflict"
    );
    let patch = r.findings.iter().find(|f| f.req == "PERF-PATCH");
    assert_eq!(patch.map(|f| f.status), Some(Status::Conflict));
}

#[test]
fn a_contract_without_security_terms_gets_a_new_addendum_for_every_gap() {
    let text = fixture("plain_purchase.txt");
    let r = engine().analyze(&text, &Options::default());
    assert!(r.findings.iter().all(|f| f.status == Status::Missing));
    assert_eq!(r.findings.len(), Library::builtin().requirements.len());
    for f in &r.findings {
        let ins = f
            .insertion
            .as_ref()
            .map(|i| (i.new_addendum, i.offset, i.label.as_str()));
        assert_eq!(ins, Some((true, text.len(), "5")), "{}", f.req);
        assert!(f.risk);
    }
}

#[test]
fn every_status_occurs_in_the_fixtures() {
    let e = engine();
    let mut seen = Vec::new();
    for name in [
        "strong_addendum.txt",
        "weak_terms.txt",
        "baa_conflict.txt",
        "plain_purchase.txt",
    ] {
        for f in e.analyze(&fixture(name), &Options::default()).findings {
            if !seen.contains(&f.status) {
                seen.push(f.status);
            }
        }
    }
    for s in Status::ALL {
        assert!(seen.contains(&s), "no finding graded {s:?}");
    }
}

#[test]
fn a_longer_patch_window_is_partial_with_both_numbers_and_the_playbook_can_allow_it() {
    let text = fixture("weak_terms.txt");
    let e = engine();
    let r = e.analyze(&text, &Options::default());
    let f = r.findings.iter().find(|f| f.req == "PERF-PATCH");
    let reasons = f.map(|f| {
        f.evidence
            .iter()
            .flat_map(|e| e.reasons.clone())
            .collect::<Vec<_>>()
    });
    let reasons = reasons.unwrap_or_default().join(" ");
    assert!(
        reasons.contains("ninety (90) days") && reasons.contains("30 calendar days"),
        "{reasons}"
    );
    let mut playbook = Playbook::default();
    playbook.values.insert("patch_days".into(), 120.0);
    let opts = Options {
        playbook,
        ..Options::default()
    };
    let r = e.analyze(&text, &opts);
    let ev = r.findings.iter().find(|f| f.req == "PERF-PATCH");
    let statuses: Vec<Status> = ev
        .map(|f| f.evidence.iter().map(|e| e.status).collect())
        .unwrap_or_default();
    assert!(statuses.contains(&Status::Strong), "{statuses:?}");
}

#[test]
fn perspective_changes_which_findings_are_risks() {
    let text = fixture("strong_addendum.txt");
    let e = engine();
    let cust = e.analyze(&text, &Options::default());
    let sup = e.analyze(
        &text,
        &Options {
            perspective: Perspective::Supplier,
            ..Options::default()
        },
    );
    let risks = |r: &Report| r.findings.iter().filter(|f| f.risk).count();
    assert!(
        risks(&sup) < risks(&cust),
        "{} vs {}",
        risks(&sup),
        risks(&cust)
    );
    // A missing supplier duty is the hospital's risk, not the manufacturer's.
    let sbom_missing = |r: &Report| {
        r.findings
            .iter()
            .find(|f| f.req == "MAT-3PC")
            .map(|f| f.risk)
    };
    assert_eq!(sbom_missing(&cust), Some(true));
    assert_eq!(sbom_missing(&sup), Some(false));
}

#[test]
fn eval_scores_a_labelled_file() {
    let jsonl = concat!(
        r#"{"id":"a","text":"Supplier shall make security patches available within thirty (30) calendar days after release.","labels":[{"req":"PERF-PATCH","strength":"strong"}]}"#,
        "\n",
        r#"{"id":"b","text":"This Agreement is governed by the laws of the State of Ohio.","labels":[]}"#,
        "\n"
    );
    let (s, _) =
        eval::eval_clauses(&engine(), jsonl, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (s.clauses, s.recall, s.negative_false_alarm_rate),
        (2, 1.0, 0.0)
    );
    assert!(eval::eval_clauses(&engine(), "not json", &Options::default()).is_err());
}

#[test]
fn odd_input_never_panics() {
    let e = engine();
    for text in [
        "",
        "\u{0}\u{1}\u{2}",
        "....;;;",
        "1.\n(a)\n(b)",
        "\u{feff}Ünïcödé — “quotes” …",
        &"x".repeat(10_000),
    ] {
        let r = e.analyze(text, &Options::default());
        assert_eq!(r.findings.len(), e.library().requirements.len());
    }
    let r = e.analyze(&synth::contract(2, 1), &Options::default());
    assert!(r.findings.iter().any(|f| f.status != Status::Missing));
}
