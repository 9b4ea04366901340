//! How a found requirement is graded when the wording around the duty changes
//! it: months against a threshold in years, provisos that take part of the
//! duty back, duties that hold only under a paid plan, gaps the clause admits.
//! Every clause is written for this file, never a copied eval text.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

mod common;

use common::{engine, hit_of, status_of};
use mc2::engine::{Options, Status};

/// The reasons the engine gives for `req` in `text`, joined.
fn reasons_of(text: &str, req: &str) -> String {
    hit_of(text, req, &Options::default())
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

#[test]
fn a_proviso_that_takes_the_duty_back_holds_it_at_partial() {
    let text = "Before installation the Seller shall deliver to the Buyer a completed MDS2 form for each Analyzer; provided, however, that the Seller shall have no obligation to revise the form after delivery.";
    assert_eq!(status_of(text, "MAT-MDS2"), Some(Status::Partial));
    assert!(reasons_of(text, "MAT-MDS2").contains("A proviso takes part of the duty back"));
    // The supplier's own people allowed to do what the duty forbids.
    let text = "Licensor shall not store or process Licensee Data outside Australia; provided that Licensor's offshore support engineers may access Licensee Data to resolve critical faults.";
    assert_eq!(status_of(text, "PDM-DATALOC"), Some(Status::Partial));
}

#[test]
fn a_proviso_that_adds_a_duty_keeps_the_grade_strong() {
    let text = "The Seller shall deliver to the Buyer a completed MDS2 form for each Analyzer before installation; provided that, where a later release changes any answer, the Seller shall deliver a revised form within thirty (30) days of that release.";
    assert_eq!(status_of(text, "MAT-MDS2"), Some(Status::Strong));
}

#[test]
fn a_duty_that_holds_only_under_a_paid_plan_is_partial() {
    let text = "Security patches for the Imaging Software shall be delivered at no additional charge within thirty (30) days after release for so long as the Facility maintains an active Gold Support subscription.";
    assert_eq!(status_of(text, "PERF-COST"), Some(Status::Partial));
    assert!(reasons_of(text, "PERF-COST").contains("only while a paid plan is kept up"));
    // Saying the duty is *not* tied to a plan is the strong form.
    let text = "Security patches for the Imaging Software shall be furnished and installed at the Seller's expense without additional charge, and shall not be conditioned on the Facility's purchase of a service agreement.";
    assert_eq!(status_of(text, "PERF-COST"), Some(Status::Strong));
}

#[test]
fn a_product_that_does_not_yet_meet_the_requirement_is_partial() {
    let text = "The Licensor confirms that the Console does not currently support multi-factor authentication for administrator accounts and shall release that capability no later than 31 December 2027.";
    assert_eq!(status_of(text, "PDM-AUTH"), Some(Status::Partial));
    assert!(reasons_of(text, "PDM-AUTH").contains("does not meet this yet"));
}

#[test]
fn missing_our_own_benchmark_by_a_little_is_reported_but_not_downgraded() {
    // Ten business days for test evidence is the clause library's own
    // ("inferred") default, not an MC2 figure: fourteen is reported as
    // longer, but a binding, measured duty stays strong.
    let text = "Within fourteen (14) business days after the Hospital's request, the Seller shall provide the executive summary of its most recent independent penetration test of the Analyzer.";
    let hit = engine()
        .classify(text, &Options::default())
        .into_iter()
        .find(|h| h.req == "MAT-AUDIT" || h.req == "PDM-TEST")
        .expect("found");
    assert_eq!(hit.status, Status::Strong, "{:?}", hit.reasons);
    assert!(
        hit.reasons.join(" ").contains("our own benchmark"),
        "{:?}",
        hit.reasons
    );
    // A value the user sets in the playbook is theirs: then it counts.
    let mut opts = Options::default();
    for name in ["audit_evidence_business_days", "test_summary_business_days"] {
        opts.playbook.values.insert(name.to_string(), 10.0);
    }
    let hit = hit_of(text, &hit.req, &opts).expect("found");
    assert_eq!(hit.status, Status::Partial, "{:?}", hit.reasons);
    // Far beyond the default (here ten times) still counts.
    let text = "Within one hundred (100) business days after the Hospital's request, the Seller shall provide the executive summary of its most recent independent penetration test of the Analyzer.";
    assert_eq!(status_of(text, &hit.req), Some(Status::Partial));
}

#[test]
fn wording_the_catalogue_names_as_working_against_a_requirement_is_a_conflict() {
    // Security software voids the warranty (PDM-MALWARE).
    assert_eq!(
        status_of(
            "Loading endpoint protection or any other program onto the Console not supplied by the Licensor shall invalidate the Licensor's warranty.",
            "PDM-MALWARE"
        ),
        Some(Status::Conflict)
    );
    // No duty to disclose vulnerabilities (PERF-VULN-NOTICE).
    assert_eq!(
        status_of(
            "Nothing in this Order shall require the Vendor to notify the Facility of vulnerabilities in the Firmware, save where the law so requires.",
            "PERF-VULN-NOTICE"
        ),
        Some(Status::Conflict)
    );
    // Device data, patient data included, used for any purpose (PDM-DATA).
    assert_eq!(
        status_of(
            "The Vendor may copy, analyse and share usage data from the Pumps, including any patient information in it, for any lawful purpose during and after the Term.",
            "PDM-DATA"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn wording_against_a_requirement_counts_across_a_sentence_end_in_a_short_clause() {
    let text = "The component inventory of the Monitors is the Licensor's trade secret. The Licensee shall not import it into any scanning tool or give it to its consultants.";
    assert_eq!(status_of(text, "MAT-SBOM"), Some(Status::Conflict));
}

#[test]
fn duties_left_to_the_law_or_to_the_suppliers_choice_are_weak() {
    // Notice only as far as a regulation requires.
    assert_eq!(
        status_of(
            "The Licensor shall tell the Licensee about breaches of unsecured protected health information to the extent required by the HIPAA Breach Notification Rule.",
            "PERF-INCIDENT"
        ),
        Some(Status::Weak)
    );
    // Updates on the supplier's own timetable.
    assert_eq!(
        status_of(
            "The Seller will issue software updates for the Analyzers, security fixes included, on a schedule determined by the Seller.",
            "PERF-PATCH"
        ),
        Some(Status::Weak)
    );
    // A platform upgrade sold at list price.
    assert_eq!(
        status_of(
            "When the operating system of the Scanner reaches the end of its publisher's support, the Vendor will offer the Facility an upgrade kit at the Vendor's then-current list price.",
            "PERF-COST"
        ),
        Some(Status::Weak)
    );
    // An MDS2 given as a courtesy, with no representation.
    assert_eq!(
        status_of(
            "Any MDS2 the Contractor supplies for the Monitors is furnished as a courtesy only and without any representation as to its accuracy.",
            "MAT-MDS2"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn forbidding_what_the_conflict_wording_names_is_no_conflict() {
    let text = "Each remote service session shall be made by a named engineer with multi-factor authentication; shared or generic remote-support accounts are prohibited.";
    assert_ne!(status_of(text, "PDM-REMOTE"), Some(Status::Conflict));
    // Allowing it still works against the requirement.
    let text = "Each remote service session shall be made by a named engineer with multi-factor authentication; shared or generic remote-support accounts are used for escalations.";
    assert_eq!(status_of(text, "PDM-REMOTE"), Some(Status::Conflict));
}

#[test]
fn a_negation_that_frees_the_hospital_or_lifts_a_limit_takes_no_duty_back() {
    // The hospital need not go to the component's maker: the supplier's
    // duty stands.
    let text = "Supplier shall not rely on any warranty disclaimer of a Third-Party Component's maker to reduce its security obligations, and Customer is not required to seek security support from that maker.";
    assert_ne!(status_of(text, "MAT-3PC"), Some(Status::Conflict));
    // A burden put on the hospital still counts against a supplier duty.
    let text = "To receive third-party component updates, Customer will be required to pay a separate fee to the component maker.";
    assert_ne!(status_of(text, "MAT-3PC"), Some(Status::Strong));
}

#[test]
fn tiered_periods_in_one_section_are_not_a_contradiction() {
    let doc = "1. DEFINITIONS\n1.1 \"Product\" means the infusion pumps supplied under this Agreement.\n\n2. VULNERABILITY NOTICE\n(a) For an Exploited Vulnerability, Supplier shall notify Customer in writing within three (3) business days after Supplier becomes aware of it.\n(b) For any other Vulnerability affecting the Product, Supplier shall notify Customer in writing within thirty (30) days after Supplier becomes aware of it.\n";
    let r = engine().analyze(doc, &Options::default());
    let f = r.findings.iter().find(|f| f.req == "PERF-VULN-NOTICE");
    assert!(
        f.is_some_and(|f| f.status == Status::Strong && f.conflicts.is_empty()),
        "{f:#?}"
    );
}

#[test]
fn a_list_item_under_a_binding_lead_in_is_a_duty() {
    // The items carry no modal of their own: "Supplier shall provide:" binds them.
    let doc = "1. DEFINITIONS\n1.1 \"Product\" means the infusion pumps supplied under this Agreement.\n\n2. SOFTWARE TRANSPARENCY\n2.1 Before delivery, Supplier shall provide to Customer:\n(a) a machine-readable software bill of materials for each Product in SPDX or CycloneDX format; and\n(b) the completed MDS2 form for each Product.\n";
    let r = engine().analyze(doc, &Options::default());
    let status = |id: &str| r.findings.iter().find(|f| f.req == id).map(|f| f.status);
    assert_eq!(status("MAT-SBOM"), Some(Status::Strong));
    assert_eq!(status("MAT-MDS2"), Some(Status::Strong));
    // A lead-in that only describes ("The package includes:") binds nothing.
    let described = doc.replace(
        "Before delivery, Supplier shall provide to Customer:",
        "The delivery package includes:",
    );
    let r = engine().analyze(&described, &Options::default());
    let sbom = r
        .findings
        .iter()
        .find(|f| f.req == "MAT-SBOM")
        .map(|f| f.status);
    assert_ne!(sbom, Some(Status::Strong));
}

#[test]
fn unfiltered_internet_access_or_storage_anywhere_or_a_perpetual_data_licence_is_a_conflict() {
    // The working-against wording sits further from its anchor than a
    // short window reaches.
    for (req, text) in [
        (
            "PDM-NET",
            "Hospital shall connect each Monitoring Hub to a network segment with unrestricted outbound internet access, and shall not subject its traffic to TLS inspection or firewall filtering.",
        ),
        (
            "PDM-DATALOC",
            "Vendor may host, process and back up Customer Data in any country where Vendor or its affiliates operate data centres.",
        ),
        (
            "PDM-DATA",
            "Customer grants Provider a perpetual, royalty-free license to retain, aggregate, analyze, disclose and commercialize Customer Data, device telemetry and usage data.",
        ),
    ] {
        assert_eq!(
            status_of(text, req),
            Some(Status::Conflict),
            "{req}: {text}"
        );
    }
}

#[test]
fn a_promise_to_consider_is_weak() {
    assert_eq!(
        status_of(
            "Seller will consider adding single sign-on and multi-factor authentication to a later release of the Console software.",
            "PDM-AUTH"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn not_required_in_a_relative_clause_names_what_the_duty_covers() {
    let text = "Hardening. Seller shall remove from each Console all accounts, ports and services which are not required for the intended use, and shall document those that remain.";
    assert_ne!(status_of(text, "PDM-HARDEN"), Some(Status::Conflict));
    assert!(status_of(text, "PDM-HARDEN").is_some());
}

#[test]
fn updates_kept_for_one_coverage_tier_are_about_delivering_them_too() {
    let text = "Security patches and operating system updates are supplied only to customers holding Gold coverage; other customers may purchase such updates at Seller's then-current rates.";
    assert!(status_of(text, "PERF-PATCH").is_some());
    assert!(status_of(text, "PERF-COST").is_some());
}

#[test]
fn a_sentence_that_refers_back_carries_the_conflict() {
    let text = "Unapproved Software. Purchaser shall not load, install or allow anyone to install on any Console any software that Seller has not supplied, including operating system patches, anti-malware tools and monitoring agents. Any such installation voids Seller's warranty for that Console.";
    assert_eq!(status_of(text, "PERF-PATCH"), Some(Status::Conflict));
}

#[test]
fn an_answer_to_a_requirement_grades_what_the_vendor_commits_to() {
    // A bid answer made part of the contract: the buyer's "shall" is what
    // was asked, the answer what the vendor gives.
    let asked = "Item 7.3: The Contractor shall deliver validated security patches for the imaging workstations within fourteen (14) days after the operating system publisher releases them.";
    assert_eq!(status_of(asked, "PERF-PATCH"), Some(Status::Strong));
    let partly = format!(
        "{asked} Contractor response: Partially compliant. Patches are validated in batches each quarter."
    );
    assert_eq!(status_of(&partly, "PERF-PATCH"), Some(Status::Partial));
    assert!(
        reasons_of(&partly, "PERF-PATCH").contains("only in part"),
        "{}",
        reasons_of(&partly, "PERF-PATCH")
    );
    let refused = format!("{asked} Response: Not supported for the current product line.");
    assert_eq!(status_of(&refused, "PERF-PATCH"), Some(Status::Weak));
    // Full compliance leaves the requirement's wording as the commitment,
    // and an incident-response heading is no answer.
    let complied = format!("{asked} Response: Compliant.");
    assert_eq!(status_of(&complied, "PERF-PATCH"), Some(Status::Strong));
    let heading = "Incident Response - No later than four (4) hours after Hospital reports a suspected compromise, Vendor shall assign a security engineer to the investigation and shall re-image affected devices on request.";
    assert_eq!(status_of(heading, "PERF-IR"), Some(Status::Strong));
}

#[test]
fn a_two_word_party_named_as_an_owner_is_not_the_subject() {
    // "… (in CEF) to Health System's log server, and shall keep …": the duty
    // is still the product's (the supplier's), not the health system's. (A
    // party word within a few characters after a bracket counts as a
    // subject, so the bracket matters here.)
    let text = "The Analyzer shall write an audit log of failed logins and configuration changes, shall stream those security events (in CEF) to Health System's log server, and shall keep them on the device for at least twelve (12) months.";
    assert_eq!(status_of(text, "PDM-LOG"), Some(Status::Strong));
    assert_eq!(status_of(text, "HDO-RESP"), None);
}

#[test]
fn notice_within_whatever_time_the_law_requires_is_weak() {
    let text = "Vendor will notify Clinic of any security breach affecting patient data held in the Service to the extent and within the time required by applicable law.";
    assert_eq!(status_of(text, "PERF-INCIDENT"), Some(Status::Weak));
}

#[test]
fn a_permission_confined_to_a_channel_is_a_binding_restriction() {
    // "may … only through" confines the maker's access; it is not a
    // permissive "may" that leaves the duty optional.
    let text = "Remote Servicing. Manufacturer may connect to the infusion pumps remotely only through Clinic's approved access gateway, using named individual accounts with multi-factor authentication, and each session shall be approved by Clinic in advance and recorded.";
    assert_eq!(status_of(text, "PDM-REMOTE"), Some(Status::Strong));
    // A bare permission stays weak.
    let text = "Manufacturer may access the infusion pumps remotely through its own remote support tools whenever it considers this useful.";
    assert_eq!(status_of(text, "PDM-REMOTE"), Some(Status::Weak));
}
