//! Robustness of the whole analysis (detect and grade included, not only the
//! text stages): contract wording mixed with multi-byte characters at every
//! distance from the grading vocabulary. Grading slices text around matches
//! ("30 bytes before *upon request*"), so an accent or emoji at the wrong
//! offset must never panic, and every reported range must stay on char
//! boundaries of the user's text.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::engine::{Engine, Options, Report, Span};
use mc2::library::Library;
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(&Library::builtin()))
}

/// Analyse `text` and check that every range in the report is usable on it.
fn analyse(text: &str) -> Report {
    let r = engine().analyze(text, &Options::default());
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for c in &r.clauses {
        assert!(ok(c.range), "clause range {:?} in {text:?}", c.range);
    }
    for f in &r.findings {
        for e in &f.evidence {
            assert!(ok(e.range), "evidence range {:?} in {text:?}", e.range);
            for &p in &e.phrases {
                assert!(ok(p), "phrase {p:?} in {text:?}");
            }
        }
    }
    r
}

/// Phrases the grader looks around (escape, permissive, negation, numbers, parties).
const PHRASES: &[&str] = &[
    "upon request",
    "on written request",
    "where feasible",
    "as required by law",
    "commercially reasonable efforts",
    "may elect",
    "no obligation to",
    "shall not be required",
    "within thirty (30) days after release",
    "within 72 hours of discovery",
    "is Customer's responsibility",
    "solely responsible",
    "security patches",
];

const WIDE: &[&str] = &["é", "€", "😀", "\u{a0}", "安"];

#[test]
fn multibyte_characters_at_every_distance_from_grading_words_never_panic() {
    for phrase in PHRASES {
        for wide in WIDE {
            for gap in 0..40 {
                let text = format!(
                    "1. Supplier shall provide security patches and updates to Customer {wide}{} {phrase}.\n",
                    "x".repeat(gap)
                );
                analyse(&text);
                let text = format!(
                    "Supplier shall notify Customer of a security incident {phrase}{}{wide} vulnerability.\n",
                    " ".repeat(gap)
                );
                analyse(&text);
            }
        }
    }
}

#[test]
fn the_panic_case_that_was_found_still_grades_the_clause() {
    // An accent exactly 30 bytes before "upon request" used to slice inside it.
    let text = format!(
        "Supplier shall provide security patches to Customer é{} upon request.\n",
        "x".repeat(28)
    );
    let r = analyse(&text);
    let patch = r.findings.iter().find(|f| f.req == "PERF-PATCH");
    assert!(patch.is_some_and(|f| !f.evidence.is_empty()));
}

/// Contract wording, grading vocabulary and awkward characters in random order.
fn contractish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1. ".to_string()),
        Just("(a) ".to_string()),
        Just("SECURITY PATCHES\n".to_string()),
        Just("Supplier shall ".to_string()),
        Just("Customer may ".to_string()),
        Just("provide security patches ".to_string()),
        Just("notify Customer of any Security Incident ".to_string()),
        prop::sample::select(PHRASES).prop_map(str::to_string),
        prop::sample::select(WIDE).prop_map(str::to_string),
        Just(". ".to_string()),
        Just("\n".to_string()),
        "[a-zA-Z .,;()\"-]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn contract_like_strings_never_break_the_analysis(s in contractish()) {
        analyse(&s);
    }
}

/// A long contract is graded on several threads natively; the reviewer must
/// get exactly the report one thread gives (same findings, evidence order,
/// ranges and reasons), or a finding could move between runs.
#[test]
fn a_long_contract_gets_the_same_report_on_one_thread_and_on_several() {
    let mut text = mc2::engine::synth::contract(30, 11);
    text.push_str("\n\n");
    text.push_str(mc2::sample::SAMPLE_CONTRACT);
    let one = engine().analyze_on(&text, &Options::default(), 1);
    assert!(
        one.clauses.len() > mc2::engine::parallel::MIN_ITEMS,
        "too short to split"
    );
    assert!(one.findings.iter().any(|f| !f.evidence.is_empty()));
    for threads in [2, 3, 8] {
        let many = engine().analyze_on(&text, &Options::default(), threads);
        assert_eq!(format!("{many:?}"), format!("{one:?}"), "{threads} threads");
    }
}
