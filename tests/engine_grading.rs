//! How a found requirement is graded when the wording around the duty changes
//! it: months against a threshold in years, provisos that take part of the
//! duty back, duties that hold only under a paid plan, gaps the clause admits.
//! Every clause is written for this file, never a copied eval text.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

mod common;

use common::{engine, status_of};
use mc2::engine::{Options, Status};

/// The reasons the engine gives for `req` in `text`, joined.
fn reasons_of(text: &str, req: &str) -> String {
    engine()
        .classify(text, &Options::default())
        .into_iter()
        .find(|h| h.req == req)
        .map(|h| h.reasons.join(" "))
        .unwrap_or_default()
}

#[test]
fn twenty_four_months_meets_a_two_year_threshold() {
    // The operating-system threshold is 2 years of remaining support. At
    // 30.4 days a month, 24 months was 0.4 days short of it, and a clause
    // that meets the benchmark exactly was graded partial.
    let text = "The Seller warrants that no operating system embedded in the Analyzer will, at delivery, be within twenty-four (24) months of its publisher's end of support.";
    assert_eq!(status_of(text, "PDM-OS"), Some(Status::Strong));
    assert!(
        reasons_of(text, "PDM-OS").contains("meets the playbook's 2 years"),
        "{}",
        reasons_of(text, "PDM-OS")
    );
}

#[test]
fn a_background_check_age_is_not_measured_against_the_training_interval() {
    // Item (i) dates a background check; the training words are in item
    // (ii). Three years is not a late training interval.
    let text = "Each Licensor engineer with access to Licensee systems shall (i) have cleared a criminal background check within the preceding three (3) years, and (ii) complete security and privacy awareness training every year.";
    assert_eq!(status_of(text, "MAT-PEOPLE"), Some(Status::Strong));
    assert!(
        !reasons_of(text, "MAT-PEOPLE").contains("three (3) years"),
        "{}",
        reasons_of(text, "MAT-PEOPLE")
    );
}

#[test]
fn an_exploited_vulnerability_proviso_keeps_its_words_to_itself() {
    // The words after the semicolon ("actively exploited") belong to the
    // five business days, not to the thirty-day patch window before them.
    let text = "The Seller shall validate and release each security patch for the Monitors within thirty (30) days after the component publisher releases it; where a vulnerability is actively exploited, the Seller shall provide interim mitigations within five (5) business days.";
    assert_eq!(status_of(text, "PERF-PATCH"), Some(Status::Strong));
    assert!(
        reasons_of(text, "PERF-PATCH").contains("“thirty (30) days” meets the playbook's 30"),
        "{}",
        reasons_of(text, "PERF-PATCH")
    );
}
