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
            GEN-SHARED partial [6]
            HDO-RESP partial [6]
            MAT-TRANSP weak [4]
            MAT-3PC weak [5]
            PDM-MALWARE conflict [5]
            PERF-PATCH conflict [2 6]
            PERF-VULN-NOTICE weak [3]
            PERF-INCIDENT partial [8]
            missing: 27
        "#]],
    );
}

#[test]
fn baa_and_addendum_deadlines_conflict() {
    check(
        "baa_conflict.txt",
        expect![[r#"
            GEN-SHARED partial [5]
            HDO-RESP partial [5]
            PDM-DATA partial [2]
            PERF-PATCH conflict [4 5]
            PERF-INCIDENT conflict [3 2]
            missing: 30
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
fn a_supplier_duty_put_on_the_customer_is_not_met() {
    assert_eq!(
        status_of(
            "Customer shall encrypt all data stored on the device using AES-256.",
            "PDM-CRYPTO"
        ),
        Some(Status::Weak)
    );
}

/// The grade `req` gets in `text` classified on its own (None: not found).
fn status_of(text: &str, req: &str) -> Option<Status> {
    engine()
        .classify(text, &Options::default())
        .into_iter()
        .find(|h| h.req == req)
        .map(|h| h.status)
}

fn reqs_of(text: &str) -> Vec<String> {
    engine()
        .classify(text, &Options::default())
        .into_iter()
        .map(|h| h.req)
        .collect()
}

#[test]
fn a_security_duty_allocated_to_the_hospital_is_one_side_of_the_shared_split() {
    let reqs = reqs_of(
        "Customer is solely responsible for maintaining firewalls, anti-virus software and backups on its own network.",
    );
    assert!(reqs.contains(&"HDO-RESP".to_string()), "{reqs:?}");
    assert!(reqs.contains(&"GEN-SHARED".to_string()), "{reqs:?}");
    // A plain customer duty is the hospital's, but not a responsibility split.
    let reqs = reqs_of("Customer shall change all device passwords every six (6) months.");
    assert!(reqs.contains(&"HDO-RESP".to_string()), "{reqs:?}");
    assert!(!reqs.contains(&"GEN-SHARED".to_string()), "{reqs:?}");
}

#[test]
fn the_hospital_carries_a_duty_only_as_the_subject_of_a_security_verb() {
    // A possessive first does not hide the real subject after it.
    let reqs = reqs_of(
        "In addition to Customer\u{2019}s obligations set forth in the Agreement, Customer will change all passwords used to access the system no less than every six (6) months.",
    );
    assert!(reqs.contains(&"HDO-RESP".to_string()), "{reqs:?}");
    // Found or approved *by the Customer* is not a customer duty.
    let reqs = reqs_of(
        "If any vulnerability rated critical is found by the Customer, the Vendor shall mitigate the vulnerability before the software release.",
    );
    assert!(!reqs.contains(&"HDO-RESP".to_string()), "{reqs:?}");
    // Paying for a service is a commercial duty, not a security one.
    let reqs = reqs_of(
        "Supplier shall return Customer Data within 15 business days of termination; if Customer requests a custom format, Customer shall pay time and materials.",
    );
    assert!(!reqs.contains(&"HDO-RESP".to_string()), "{reqs:?}");
}

#[test]
fn free_updates_are_a_cost_term_and_a_patch_deadline_stays_a_patch_term() {
    let reqs = reqs_of(
        "Security patches and software updates are provided at no additional charge to all customers with a valid maintenance subscription.",
    );
    assert!(reqs.contains(&"PERF-COST".to_string()), "{reqs:?}");
    assert!(!reqs.contains(&"PERF-PATCH".to_string()), "{reqs:?}");
    let reqs = reqs_of(
        "Supplier shall provide validated security patches within thirty (30) days after release, at no additional charge to Customer.",
    );
    assert!(reqs.contains(&"PERF-PATCH".to_string()), "{reqs:?}");
}

#[test]
fn a_numbered_list_is_not_a_standard_but_a_named_frequency_is() {
    let status = |text: &str| status_of(text, "PDM-MALWARE");
    assert_eq!(
        status(
            "Supplier shall (a) maintain anti-malware protection on the Product and (b) keep the anti-malware protection current."
        ),
        Some(Status::Partial)
    );
    assert_eq!(
        status("Supplier shall update the anti-malware signatures on the Product daily."),
        Some(Status::Strong)
    );
}

#[test]
fn a_definition_of_a_security_term_is_found_with_or_without_quotes() {
    for text in [
        "Multifactor authentication means a type of authentication using two or more factors to verify a user.",
        "\u{201c}Security Vulnerability\u{201d} means a weakness in the Product that could be exploited.",
    ] {
        let reqs = reqs_of(text);
        assert!(reqs.contains(&"DEF".to_string()), "{text}: {reqs:?}");
    }
    let reqs = reqs_of("Product means the infusion pump supplied under this Agreement.");
    assert!(!reqs.contains(&"DEF".to_string()), "{reqs:?}");
}

#[test]
fn escape_qualifiers_make_a_duty_weak() {
    assert_eq!(
        status_of(
            "Supplier will use commercially reasonable efforts to provide security patches for the Product.",
            "PERF-PATCH"
        ),
        Some(Status::Weak)
    );
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

#[test]
fn one_cue_of_two_words_near_each_other_is_enough_evidence() {
    // The only PERF-IR cue here is "investigate … breach": a conjunction
    // that counts as much as two separate cues.
    let reqs = reqs_of("The Supplier shall immediately investigate any such breach.");
    assert!(reqs.contains(&"PERF-IR".to_string()), "{reqs:?}");
    // One single word of a topic is not.
    let reqs = reqs_of("The Supplier shall keep an escalation list.");
    assert!(!reqs.contains(&"PERF-IR".to_string()), "{reqs:?}");
}

#[test]
fn an_access_and_notice_clause_without_security_wording_is_not_a_finding() {
    // Several access/notice cues, but nothing about security: no requirement,
    // and no hospital security duty either.
    let reqs = reqs_of(
        "Responsibilities of Customer. Customer shall promptly notify Vendor of any equipment failure and shall allow Vendor access to the equipment and to its facilities at a mutually agreed time so that Vendor can perform the Services.",
    );
    assert!(reqs.is_empty(), "{reqs:?}");
}

#[test]
fn restoring_after_ransomware_is_recovery_not_incident_notice() {
    // "Ransomware" is security vocabulary (the clause passes the security
    // gate); restoring after it is resilience and incident response (the
    // catalogue's "restores infected devices"), and naming an incident does
    // not make a restore duty a notice one.
    let reqs = reqs_of(
        "After a ransomware attack, Supplier shall restore the Product's software within twenty-four (24) hours.",
    );
    assert!(reqs.iter().any(|r| r == "PDM-RESIL"), "{reqs:?}");
    assert!(!reqs.iter().any(|r| r == "PERF-INCIDENT"), "{reqs:?}");
}

#[test]
fn a_report_of_improper_use_or_disclosure_is_incident_notice() {
    // "Use or disclosure" is the HIPAA privacy rule's term: a business
    // associate's duty to report one is breach notice, even without the
    // word "security"; the same words in a confidentiality clause are not.
    let baa = reqs_of(
        "Business Associate shall report to Covered Entity any use or disclosure of the Protected Information not provided for by this Agreement of which it becomes aware within five (5) business days.",
    );
    assert!(baa.iter().any(|r| r == "PERF-INCIDENT"), "{baa:?}");
    let nda = reqs_of(
        "Recipient shall not make any use or disclosure of the Confidential Information except to perform its obligations under this Agreement.",
    );
    assert!(nda.is_empty(), "{nda:?}");
}

#[test]
fn a_list_item_that_opens_with_a_command_is_a_binding_duty() {
    assert_eq!(
        status_of(
            "\u{2022} Ensure that default passwords are changed before any system is put into use.",
            "PDM-AUTH"
        ),
        Some(Status::Strong)
    );
}

#[test]
fn naming_a_law_is_not_a_measurable_standard() {
    // HIPAA applies anyway: citing it adds nothing a reviewer can check,
    // unlike a named security standard or a deadline.
    assert_eq!(
        status_of(
            "Supplier shall keep the operating system of the Product on a supported version, consistent with HIPAA.",
            "PDM-OS"
        ),
        Some(Status::Partial)
    );
}

/// The catalogue's strong incident notice runs from the supplier's
/// determination that an incident occurred; only a clock that waits for
/// confirmation or the end of an investigation starts late.
#[test]
fn notice_after_the_supplier_determines_an_incident_is_not_a_late_clock() {
    let on_time = "Supplier shall notify Customer in writing within five (5) days after Supplier determines that a Security Incident affecting Customer data has occurred.";
    assert_eq!(status_of(on_time, "PERF-INCIDENT"), Some(Status::Strong));
    let late = "Supplier shall notify Customer in writing within five (5) days after Supplier confirms, following its investigation, that a Security Incident affecting Customer data has occurred.";
    assert_eq!(status_of(late, "PERF-INCIDENT"), Some(Status::Partial));
}

/// Catalogue topics whose ordinary wording has no generic security word
/// still pass the security gate: network segmentation, infected devices,
/// code analysis. "Disposal" is not such a word: disposing of packaging is
/// not a sanitisation duty (media with customer data pass by "data").
#[test]
fn segmentation_and_infection_are_security_vocabulary() {
    let found = |text: &str, req: &str| reqs_of(text).iter().any(|r| r == req);
    assert!(found(
        "Supplier shall support network segmentation of the Products.",
        "PDM-NET"
    ));
    assert!(found(
        "Supplier shall provide instructions for the disposal of storage media containing Customer data.",
        "PDM-SANITIZE"
    ));
    assert!(found(
        "Supplier shall rebuild any infected device at no charge.",
        "PDM-MALWARE"
    ));
    // The same duties on goods are not security findings.
    assert!(
        reqs_of("Supplier shall provide instructions for the disposal of packaging.").is_empty()
    );
}

/// A requirement's own weak wording is more specific than a generic
/// negation in the same sentence: the catalogue calls test results kept
/// "confidential, not shared" and an MDS2 "for information only; no
/// warranty" weak, not a conflict.
#[test]
fn the_requirements_own_weak_wording_beats_a_generic_negation() {
    let results = "Penetration test results are Supplier's confidential information, will not be shared with Customer, and Supplier has no obligation to provide them.";
    assert_eq!(status_of(results, "MAT-AUDIT"), Some(Status::Weak));
    let mds2 = "The MDS2 form is provided for information only, without warranty of any kind.";
    assert_eq!(status_of(mds2, "MAT-MDS2"), Some(Status::Weak));
    // Without such wording the negation still makes a conflict.
    let none = "Supplier has no obligation to provide security patches for the Product.";
    assert_eq!(status_of(none, "PERF-PATCH"), Some(Status::Conflict));
}

/// Each deadline is measured against the threshold its own words name: the
/// exploited-vulnerability words after the second deadline do not make the
/// first, ordinary one a 14-day exploited-vulnerability deadline.
#[test]
fn a_deadline_takes_its_threshold_from_its_own_words() {
    let two = "Supplier shall make available each Security Patch within thirty (30) calendar days after the third-party vendor releases the patch, and within fourteen (14) calendar days for an Exploited Vulnerability.";
    assert_eq!(status_of(two, "PERF-PATCH"), Some(Status::Strong));
    let slow = "Supplier shall make available each Security Patch within thirty (30) calendar days after the third-party vendor releases the patch, and within thirty (30) calendar days for an Exploited Vulnerability.";
    assert_eq!(status_of(slow, "PERF-PATCH"), Some(Status::Partial));
}

/// The definitions requirement is met by definitions, which have no modal.
#[test]
fn a_definitions_clause_is_graded_as_definitions_not_as_a_duty() {
    let defs = "Definitions. \"Business Day\" means a day other than a Saturday, Sunday or public holiday; \"Exploited Vulnerability\" means a Vulnerability listed in the CISA Known Exploited Vulnerabilities catalog.";
    assert_eq!(status_of(defs, "DEF"), Some(Status::Strong));
}
