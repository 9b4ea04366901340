//! Which topics a clause keeps, and whose duty it states: qualifiers kept
//! beside a clause's main topics, wording that meets or defeats a
//! requirement found even when the clause is mainly about something else,
//! a term used versus a term defined, and the subject of a modal. Every
//! test is a general rule (a kind of wording), never a copied eval text.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

mod common;

use common::{has, reqs_of, status_of};
use mc2::engine::Status;

#[test]
fn who_pays_for_maintenance_is_kept_beside_the_main_topics() {
    let reqs = reqs_of(
        "All operating system upgrades and security patches needed to keep the Device supported during the Term shall be supplied and installed by Supplier at Supplier's sole cost and expense, with no separate service contract required.",
    );
    assert!(has(&reqs, "PERF-COST"), "{reqs:?}");
    // An audit at the supplier's expense is not about who pays for maintenance.
    let reqs = reqs_of(
        "Supplier shall, at its own expense, engage an independent auditor once a year to audit its data centres and give Customer the resulting SOC 2 report.",
    );
    assert!(has(&reqs, "MAT-AUDIT"), "{reqs:?}");
    assert!(!has(&reqs, "PERF-COST"), "{reqs:?}");
}

#[test]
fn a_defined_term_used_in_a_duty_is_not_a_definition() {
    let reqs = reqs_of(
        "Supplier shall notify Customer within 48 hours of any vulnerability listed in the CISA Known Exploited Vulnerabilities catalog that affects the Product.",
    );
    assert!(has(&reqs, "PERF-VULN-NOTICE"), "{reqs:?}");
    assert!(!has(&reqs, "DEF"), "{reqs:?}");
    // Defining it still is.
    assert!(
        status_of(
            "\"Known Exploited Vulnerability\" means a vulnerability listed in the catalog maintained by CISA.",
            "DEF"
        )
        .is_some()
    );
}

#[test]
fn a_modal_belongs_to_the_party_just_before_it() {
    // "If Customer places an order …, Supplier shall": the supplier's duty.
    let reqs = reqs_of(
        "If Customer places an order for the Upgrade, Supplier shall deliver the hardened image with all security patches applied within thirty (30) days.",
    );
    assert!(!has(&reqs, "HDO-RESP"), "{reqs:?}");
    assert_eq!(
        status_of(
            "If Customer places an order for the Upgrade, Supplier shall deliver the hardened image with all security patches applied within thirty (30) days.",
            "PERF-PATCH"
        ),
        Some(Status::Strong)
    );
}

#[test]
fn considering_requests_for_future_releases_is_a_weak_roadmap() {
    assert_eq!(
        status_of(
            "Supplier will take the hospital's requests for new security features into account when planning future versions of the software.",
            "ROADMAP"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn flow_down_at_least_as_protective_with_liability_for_subcontractors_is_strong() {
    assert_eq!(
        status_of(
            "Supplier shall not allow a subcontractor to handle Customer Data unless that subcontractor has agreed in writing to security obligations at least as protective as these, and Supplier remains liable for the acts and omissions of each subcontractor.",
            "MAT-SUBK"
        ),
        Some(Status::Strong)
    );
}

#[test]
fn corrective_code_for_vulnerabilities_is_a_patch_duty() {
    assert!(
        status_of(
            "Licensor shall furnish corrective code for vulnerabilities identified in the Licensed Software.",
            "PERF-PATCH"
        )
        .is_some()
    );
}

#[test]
fn a_material_weakness_in_financial_controls_is_no_security_topic() {
    let reqs = reqs_of(
        "Supplier shall notify Customer within five (5) days of any material weakness identified in its internal control over financial reporting.",
    );
    assert!(reqs.is_empty(), "{reqs:?}");
}

#[test]
fn wording_that_meets_a_requirement_counts_beside_the_main_topics() {
    // Data and remote support lead; the residency duty is a third topic.
    assert_eq!(
        status_of(
            "Vendor shall not store or process Hospital Data, including Protected Health Information, outside the United States and shall not permit offshore remote support personnel to access the Device without Hospital's prior written consent.",
            "PDM-DATALOC"
        ),
        Some(Status::Strong)
    );
}

#[test]
fn the_buyer_solely_responsible_for_installing_updates_works_against_patching() {
    assert_eq!(
        status_of(
            "Buyer is solely responsible for locating, downloading and installing all operating system security updates on the Workstation.",
            "PERF-PATCH"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn naming_patient_data_is_not_a_data_protection_duty_but_limiting_its_use_is() {
    // The data is only the object of a subcontracting duty here (and the
    // party name "Business Associate" is one of the topic's heading words).
    let reqs = reqs_of(
        "Business Associate shall ensure that every subcontractor that stores or transmits Protected Health Information for it agrees in writing to the same restrictions and conditions that apply to Business Associate.",
    );
    assert!(has(&reqs, "MAT-SUBK"), "{reqs:?}");
    assert!(!has(&reqs, "PDM-DATA"), "{reqs:?}");
    // Using or disclosing it is the topic.
    let reqs = reqs_of(
        "Supplier shall not use or disclose Protected Health Information except to perform the Services, and shall limit each use to the minimum necessary.",
    );
    assert!(has(&reqs, "PDM-DATA"), "{reqs:?}");
}

#[test]
fn accepting_a_device_whose_operating_system_support_has_ended_works_against_supported_platforms() {
    assert_eq!(
        status_of(
            "Buyer acknowledges that the Workstation runs Windows 10 IoT, for which Microsoft support has ended, and accepts it on that basis.",
            "PDM-OS"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn incorporating_a_security_exhibit_is_a_scope_term() {
    assert!(
        status_of(
            "The Cybersecurity Schedule attached hereto is hereby incorporated into and made a part of this Agreement.",
            "GEN-SCOPE"
        )
        .is_some()
    );
}

#[test]
fn helping_respond_to_a_cybersecurity_event_is_incident_response() {
    assert!(
        status_of(
            "Vendor shall assist Hospital in responding to any cybersecurity event that affects the Devices.",
            "PERF-IR"
        )
        .is_some()
    );
}

#[test]
fn a_compromise_of_data_is_security_wording_but_a_compromise_of_a_dispute_is_not() {
    assert!(
        status_of(
            "Vendor will inform Hospital of any compromise of patient information held by Vendor as soon as it can.",
            "PERF-INCIDENT"
        )
        .is_some()
    );
    let reqs = reqs_of(
        "If Customer disputes an invoice, it shall notify Supplier within ten (10) days, and any compromise reached by the account managers shall be recorded in a credit note.",
    );
    assert!(reqs.is_empty(), "{reqs:?}");
}

#[test]
fn security_upgrades_sold_at_list_price_are_a_cost_term() {
    let reqs = reqs_of(
        "Upgrades of the Console operating system to a release that its publisher continues to support shall be offered to the Buyer for purchase at Seller's then-current list price.",
    );
    assert!(has(&reqs, "PERF-COST"), "{reqs:?}");
}

#[test]
fn accepting_a_device_on_an_unsupported_system_is_a_conflict_in_either_order() {
    assert_eq!(
        status_of(
            "Buyer acknowledges that the console runs Windows XP Embedded, which is no longer supported by its publisher, and accepts the console in that state.",
            "PDM-OS"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn notice_of_a_breach_of_the_hospitals_patient_data_is_incident_notice() {
    assert!(
        status_of(
            "Vendor will notify Hospital of any breach of Hospital's protected health information held by Vendor.",
            "PERF-INCIDENT"
        )
        .is_some()
    );
}

#[test]
fn notice_before_a_release_stops_being_supported_is_an_end_of_life_term() {
    assert!(
        status_of(
            "Licensor will support each major release of the Software for at least two (2) years and will give Licensee twelve (12) months' notice before it ceases to support a release.",
            "PERF-EOL"
        )
        .is_some()
    );
}

#[test]
fn security_work_paid_by_the_buyer_or_free_of_charge_is_a_cost_term() {
    assert_eq!(
        status_of(
            "All costs of applying security-related modifications to the Console, including technician labour, shall be borne by Purchaser.",
            "PERF-COST"
        ),
        Some(Status::Conflict)
    );
    assert!(
        status_of(
            "Firmware fixes for the Pump shall be loaded by the field engineer during preventive maintenance visits without additional charge to the Facility.",
            "PERF-COST"
        )
        .is_some()
    );
}

#[test]
fn reasonable_efforts_to_bind_subcontractors_is_a_weak_flow_down() {
    assert_eq!(
        status_of(
            "Seller shall use reasonable efforts to require its subcontractors working on site to follow appropriate security practices.",
            "MAT-SUBK"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn virus_definitions_are_not_the_definitions_requirement() {
    let reqs = reqs_of(
        "Supplier shall validate each virus-definition update for the Workstation before release.",
    );
    assert!(!has(&reqs, "DEF"), "{reqs:?}");
}

#[test]
fn a_supplier_disclaimer_that_leaves_security_to_the_hospital_states_no_hospital_duty() {
    let reqs = reqs_of(
        "After handover the Seller has no responsibility for the cyber security of the Analyzers, which shall be the sole responsibility of the Purchaser.",
    );
    assert!(has(&reqs, "GEN-SHARED"), "{reqs:?}");
    assert!(!has(&reqs, "HDO-RESP"), "{reqs:?}");
    // A duty the hospital takes on in its own words still is one.
    let reqs = reqs_of(
        "Customer shall install validated security patches on the workstation within thirty (30) days after Supplier releases them.",
    );
    assert!(has(&reqs, "HDO-RESP"), "{reqs:?}");
}

/// A prohibition on the hospital ("Client shall not scan …") restricts it for
/// the supplier's sake; the restricted topic reports it. It is not one of the
/// hospital's own security duties, which a positive modal still is.
#[test]
fn a_prohibition_on_the_hospital_is_not_a_hospital_duty() {
    let reqs = reqs_of(
        "Client shall not run vulnerability scans or penetration tests against the Appliance without Vendor's written consent.",
    );
    assert!(!has(&reqs, "HDO-RESP"), "{reqs:?}");
    let reqs = reqs_of(
        "Client shall not share administrator passwords, and Client shall keep the Appliance on a segmented network with current anti-virus signatures.",
    );
    assert!(has(&reqs, "HDO-RESP"), "{reqs:?}");
    // Nor is a right the hospital does not have.
    let reqs = reqs_of(
        "Licensee shall have no right to audit Licensor's facilities or its security controls.",
    );
    assert!(!has(&reqs, "HDO-RESP"), "{reqs:?}");
}

/// Testing the hospital is forbidden to do is its own security assessment
/// (MAT-RISK, a conflict), not the supplier's testing of its product.
#[test]
fn forbidding_the_hospital_to_test_is_a_risk_assessment_conflict() {
    let text = "Subscriber must not carry out, or allow anyone to carry out, penetration tests or vulnerability scans of the Gateway.";
    let reqs = reqs_of(text);
    assert!(!has(&reqs, "PDM-TEST"), "{reqs:?}");
    assert_eq!(status_of(text, "MAT-RISK"), Some(Status::Conflict));
    // The supplier's own testing stays PDM-TEST.
    assert!(
        status_of(
            "Vendor shall have an independent firm carry out penetration tests of the Gateway every year.",
            "PDM-TEST"
        )
        .is_some()
    );
}

/// Naming remote support in passing (a subcontractor "including any remote
/// support vendor") is not the remote-access requirement; controlling remote
/// sessions is.
#[test]
fn remote_service_named_in_passing_is_not_remote_access() {
    let reqs = reqs_of(
        "The Licensor shall name in writing each subcontractor it uses, including any remote support vendor, and shall remain liable for each of them under this Agreement's confidentiality terms.",
    );
    assert!(!has(&reqs, "PDM-REMOTE"), "{reqs:?}");
    assert_eq!(
        status_of(
            "Vendor personnel shall reach the Pumps by remote service only through the Hospital's VPN, using individual accounts, and every remote session shall be logged.",
            "PDM-REMOTE"
        ),
        Some(Status::Strong)
    );
    // A control word just before it counts too.
    let reqs = reqs_of(
        "The Contractor shall keep access logs covering remote access to the Monitors and shall give them to the Hospital on request.",
    );
    assert!(has(&reqs, "PDM-REMOTE"), "{reqs:?}");
}

/// A list of the hospital's duties is its side of the shared split: HDO-RESP,
/// not the supplier's or both parties' requirements whose topics the list
/// names (keeping the device on a segmented network is the hospital's part
/// of network integration).
#[test]
fn a_list_of_the_hospitals_duties_is_the_hospitals_side() {
    let reqs = reqs_of(
        "Hospital shall: (i) keep the Pumps on a segmented network behind a firewall; (ii) install validated security patches within sixty (60) days after their release; and (iii) report suspected incidents to Vendor.",
    );
    assert!(has(&reqs, "HDO-RESP"), "{reqs:?}");
    assert!(!has(&reqs, "PERF-PATCH"), "{reqs:?}");
    assert!(!has(&reqs, "PDM-NET"), "{reqs:?}");
    // Multi-byte text right after the modal is read safely.
    let reqs = reqs_of(
        "Customer shall — « (i) » keep the Pumps on a segmented network — and install security patches.",
    );
    assert!(has(&reqs, "HDO-RESP"), "{reqs:?}");
    // With a supplier duty in the clause, the supplier requirement stays.
    let reqs = reqs_of(
        "Customer shall (i) keep the Pumps on a segmented network; and Vendor shall deliver validated security patches within thirty (30) days after their release.",
    );
    assert!(has(&reqs, "PERF-PATCH"), "{reqs:?}");
}

#[test]
fn a_blanket_duty_to_follow_the_hospitals_policies_as_amended_is_a_compliance_conflict() {
    // No security word at all: below the security gate, wording that works
    // against a requirement the clause is about still counts (the catalogue
    // calls blanket policy compliance unworkable for a regulated device).
    let text = "Contractor shall comply with each policy, rule and procedure of the Purchaser, as amended by the Purchaser from time to time, whether or not provided to Contractor.";
    assert_eq!(status_of(text, "MAT-COMPLY"), Some(Status::Conflict));
    // Without wording against a requirement, such a clause is still no finding.
    assert!(reqs_of("Buyer's invoicing procedures, as amended from time to time, shall apply to every invoice issued under this Order.").is_empty());
    assert!(reqs_of("Contractor shall comply with the parking and badge policies of the Purchaser while at the site.").is_empty());
}

#[test]
fn updates_withheld_or_sold_are_about_patching_as_well_as_cost() {
    // Who pays qualifies the patch duty; when the clause withholds updates
    // or gives them only under a paid plan, it is about delivering them too.
    let text = "The Seller has no obligation to furnish the Hospital with updates, fixes or security-related modifications for the embedded software, and any update the Seller elects to furnish is chargeable at its then-current rates.";
    assert_eq!(status_of(text, "PERF-PATCH"), Some(Status::Conflict));
    assert!(status_of(text, "PERF-COST").is_some());
    let text = "Security updates for the Analyzers are released quarterly to licensees holding an active Platinum Support subscription.";
    assert!(status_of(text, "PERF-PATCH").is_some());
    assert!(status_of(text, "PERF-COST").is_some());
    // A plain statement of who pays stays a cost finding only.
    let text = "Security updates for the Analyzers are supplied at no additional charge.";
    assert!(status_of(text, "PERF-PATCH").is_none());
    assert!(status_of(text, "PERF-COST").is_some());
}

#[test]
fn restoring_a_product_after_an_attack_is_incident_response_too() {
    // Backup and restore are resilience; rebuilding after a cyberattack is
    // also the supplier's part in incident response.
    let text = "Supplier shall maintain documented backup and restore procedures and immutable backups for the Hosted Platform and, following any cyberattack, shall rebuild the Hosted Platform from clean media within twenty-four (24) hours.";
    let reqs = reqs_of(text);
    assert!(has(&reqs, "PDM-RESIL"), "{reqs:?}");
    assert!(has(&reqs, "PERF-IR"), "{reqs:?}");
    // Restoring data after an ordinary outage is not.
    let reqs = reqs_of(
        "Supplier shall maintain documented backup and restore procedures and immutable backups for the Hosted Platform and, following any hardware failure, shall restore the Hosted Platform from clean media within twenty-four (24) hours.",
    );
    assert!(has(&reqs, "PDM-RESIL"), "{reqs:?}");
    assert!(!has(&reqs, "PERF-IR"), "{reqs:?}");
}

#[test]
fn a_requirements_own_weak_wording_keeps_it_beside_the_main_topic() {
    // A second topic with too little evidence to rank, whose own weak form
    // the clause uses ("under consideration for a future release"), is kept.
    let text = "The Console supports local passwords only; single sign-on through the Hospital's directory is under consideration for a future software release.";
    let reqs = reqs_of(text);
    assert!(has(&reqs, "PDM-AUTH"), "{reqs:?}");
    assert_eq!(status_of(text, "ROADMAP"), Some(Status::Weak));
}

#[test]
fn an_admitted_gap_with_a_date_to_close_it_is_a_roadmap_item() {
    let gap = "Supplier confirms that the Analyzer does not yet encrypt stored results at rest and shall release that capability no later than September 30, 2027; until then, the Analyzer shall be kept on an isolated network segment.";
    let reqs = reqs_of(gap);
    assert!(has(&reqs, "PDM-CRYPTO"), "{reqs:?}");
    // A date alone is partial roadmap language.
    assert_eq!(status_of(gap, "ROADMAP"), Some(Status::Partial));
    // With an accountable owner and a review cadence it is a full item.
    let full = format!(
        "{gap} Supplier's product security lead is the owner of this exception, which the parties shall review at each quarterly meeting until closed."
    );
    assert_eq!(status_of(&full, "ROADMAP"), Some(Status::Strong));
    // A gap without a date to close it records no roadmap item.
    let reqs =
        reqs_of("Supplier confirms that the Analyzer does not encrypt stored results at rest.");
    assert!(!has(&reqs, "ROADMAP"), "{reqs:?}");
}

#[test]
fn a_statement_that_patches_are_issued_is_about_patching() {
    // A questionnaire answer states a patch practice without a modal.
    let reqs = reqs_of("Response: Yes. Patches are issued monthly through the customer portal.");
    assert!(has(&reqs, "PERF-PATCH"), "{reqs:?}");
}

#[test]
fn cabling_work_with_patch_panels_is_no_security_topic() {
    // "data" in data cabling and "patch" in patch panel are building wiring.
    let reqs = reqs_of(
        "Contractor shall run the data cabling to each data outlet, test each link to ISO/IEC 11801 and label every patch panel port.",
    );
    assert!(reqs.is_empty(), "{reqs:?}");
}

#[test]
fn ending_support_at_will_works_against_end_of_life_notice_and_patching() {
    let text = "Seller may declare any Model discontinued without prior notice, and all support, including security patches, will then end.";
    assert_eq!(status_of(text, "PERF-EOL"), Some(Status::Conflict));
    assert_eq!(status_of(text, "PERF-PATCH"), Some(Status::Conflict));
    // Patches the buyer loads that void the warranty work against patching
    // however long the sentence between them.
    assert_eq!(
        status_of(
            "Any patch or update loaded onto the Analyzer by Buyer or its contractors that Seller did not furnish shall void the limited warranty.",
            "PERF-PATCH"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn a_supplier_duty_shifted_onto_the_hospital_is_no_hospital_duty_finding() {
    // The disclaimer works against sanitisation; the hospital's own side of
    // the split is not what it defeats.
    let text = "Licensee shall be solely responsible for sanitizing the hard drive of any unit it returns for repair or exchange, and Vendor shall have no liability for data left on returned units.";
    let reqs = reqs_of(text);
    assert_eq!(status_of(text, "PDM-SANITIZE"), Some(Status::Conflict));
    assert!(!has(&reqs, "HDO-RESP"), "{reqs:?}");
}

#[test]
fn a_duty_that_follows_a_condition_on_a_vulnerability_is_about_that_vulnerability() {
    // The vulnerability is named in the condition, the notice and the fix in
    // the duty after it, further apart than a notice phrase usually is.
    let text = "If a vulnerability in the Imaging Software is rated High or Critical by Licensor's product security team, Licensor shall inform Licensee within ten (10) days after confirming it and shall deliver a fix or workaround within sixty (60) days thereafter.";
    let reqs = reqs_of(text);
    assert!(has(&reqs, "PERF-VULN-NOTICE"), "{reqs:?}");
    assert!(has(&reqs, "PERF-PATCH"), "{reqs:?}");
}

#[test]
fn connecting_remotely_at_any_time_without_notice_works_against_remote_access_rules() {
    assert_eq!(
        status_of(
            "Customer authorizes Provider to connect remotely to the installed Systems at any time and without prior notice, for support, diagnostics and licence audits.",
            "PDM-REMOTE"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn restoring_a_device_after_ransomware_is_incident_response() {
    let reqs = reqs_of(
        "Should ransomware or any other destructive attack disable the Modality, Vendor shall, within seventy-two (72) hours after Hospital's request, supply installation media, configuration backups and field engineering assistance sufficient to restore it to its last validated state.",
    );
    assert!(has(&reqs, "PERF-IR"), "{reqs:?}");
}

#[test]
fn hosting_providers_bound_to_security_terms_are_subcontractors() {
    assert_eq!(
        status_of(
            "Provider shall use commercially reasonable efforts to require its data center providers to maintain security safeguards consistent with industry practice.",
            "MAT-SUBK"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn components_licensed_from_third_parties_as_is_work_against_third_party_duties() {
    assert_eq!(
        status_of(
            "Some modules of the Software are licensed to Vendor by third parties and are provided AS IS, without warranty of any kind from Vendor.",
            "MAT-3PC"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn a_clause_with_only_other_senses_can_still_work_against_a_requirement() {
    // "material breach" is a breach of contract, not of data; the clause is
    // still the compliance requirement's conflict by its own wording.
    assert_eq!(
        status_of(
            "Contractor shall comply with all rules and policies of the Hospital, as amended from time to time, whether or not furnished to Contractor, and any failure to comply shall be a material breach of this Agreement.",
            "MAT-COMPLY"
        ),
        Some(Status::Conflict)
    );
    // A patient-fall incident report stays no finding at all.
    let reqs = reqs_of(
        "Vendor's field technician shall complete an incident report within twenty-four (24) hours of any patient fall or injury occurring while the equipment is in use, in accordance with the Medical Center's risk management policies.",
    );
    assert!(reqs.is_empty(), "{reqs:?}");
}

#[test]
fn a_service_provider_and_a_subscriber_are_the_parties_of_party_cues() {
    assert_eq!(
        status_of(
            "Provider may access the Equipment remotely at any time for diagnostics and product improvement.",
            "PDM-REMOTE"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn a_clause_that_defines_terms_is_a_definition_beside_the_topics_it_defines() {
    // Two security topics outscore the definitions requirement; the clause
    // still defines its terms.
    let reqs = reqs_of(
        "As used in this Schedule, \"Firmware Update\" means any security patch, hotfix or security-related modification to the Device firmware that Seller releases, and \"End of Life\" or \"EOL\" means the date after which Seller ceases to sell, repair or support a Device model.",
    );
    assert!(has(&reqs, "DEF"), "{reqs:?}");
    assert!(has(&reqs, "PERF-PATCH"), "{reqs:?}");
}

#[test]
fn a_product_set_up_to_the_makers_standard_configuration_is_a_hardening_term() {
    // The catalogue's partial hardening clause names no security word.
    assert_eq!(
        status_of(
            "Each Analyzer will be configured by Seller's field engineer at installation in accordance with Seller's standard configuration for that model.",
            "PDM-HARDEN"
        ),
        Some(Status::Partial)
    );
}

#[test]
fn correcting_identified_vulnerabilities_is_a_patch_duty() {
    assert_eq!(
        status_of(
            "Licensor shall use commercially reasonable efforts to correct identified vulnerabilities in the Application within a reasonable time.",
            "PERF-PATCH"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn a_move_to_a_newer_operating_system_version_is_about_supported_platforms() {
    let reqs = reqs_of(
        "Upgrading the Workstations to a newer operating-system version, when Vendor makes one available, may be ordered by Hospital as a separately priced service.",
    );
    assert!(has(&reqs, "PDM-OS"), "{reqs:?}");
}

#[test]
fn a_subscriber_or_an_authority_with_a_security_duty_is_the_hospital_side() {
    // Service agreements and public-sector contracts name the hospital side
    // "Subscriber", "Member", "Facility", "Trust" or "Authority".
    for text in [
        "The Subscriber shall keep current the endpoint protection on the servers that host the On-Premises Components, using the exclusions the Provider has validated.",
        "The Authority shall segregate the Scanners on a dedicated network segment and shall restrict physical access to them to authorised personnel.",
    ] {
        let reqs = reqs_of(text);
        assert!(has(&reqs, "HDO-RESP"), "{text}: {reqs:?}");
    }
}

#[test]
fn remote_access_at_any_time_or_refusing_the_hospitals_policies_is_a_conflict() {
    assert_eq!(
        status_of(
            "Customer authorizes Vendor and its affiliates to access the Imaging Systems and the Hospital network remotely, at any time and without prior notice, for monitoring and analytics.",
            "PDM-REMOTE"
        ),
        Some(Status::Conflict)
    );
    assert_eq!(
        status_of(
            "Supplier shall not be bound by any policy, rule or procedure of Hospital unless it is attached to this Agreement as an exhibit.",
            "MAT-COMPLY"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn a_clause_with_two_proximity_cues_needs_no_security_word() {
    // A heading and a duty that both name the hospital's side score 3.75:
    // enough topic evidence on its own, though no security word occurs.
    assert_eq!(
        status_of(
            "Responsibility of Customer. Customer shall not perform, or have performed on its behalf, any support, maintenance or repair of the Licensed Software without Vendor's prior written approval.",
            "HDO-RESP"
        ),
        Some(Status::Partial)
    );
}

#[test]
fn a_clause_opening_with_an_unquoted_defined_term_is_a_definition() {
    let reqs = reqs_of(
        "Multi-factor authentication means authentication that uses two or more different factors, such as a password and a hardware token, to verify the identity of a user before access to an information system is granted.",
    );
    assert!(has(&reqs, "DEF"), "{reqs:?}");
}

#[test]
fn service_organisation_wording_names_the_same_requirements() {
    // A ban on the hospital's own testing, with the ban spread over a
    // longer phrase, is the assessment requirement's conflict.
    assert_eq!(
        status_of(
            "Purchaser shall not conduct, nor permit any consultant acting for it to conduct, penetration tests or vulnerability scans of the Systems.",
            "MAT-RISK"
        ),
        Some(Status::Conflict)
    );
    // Security-related software corrections are patches.
    assert_eq!(
        status_of(
            "Security-related firmware corrections for the Ventilators shall be qualified by Seller and released to Buyer within sixty (60) days after Seller confirms that a correction is needed.",
            "PERF-PATCH"
        ),
        Some(Status::Partial)
    );
    // Listings of software components are SBOMs, and confining them is a conflict.
    assert_eq!(
        status_of(
            "Software component inventories delivered by Seller are Seller's proprietary information and may not be uploaded to any vulnerability-management service or shared with Buyer's consultants.",
            "MAT-SBOM"
        ),
        Some(Status::Conflict)
    );
    // Security documents kept outside the contract by its integration clause.
    assert_eq!(
        status_of(
            "Entire Agreement. This Agreement is the whole agreement of the parties; security questionnaire answers and any policy statements or slide presentations exchanged by the parties during the procurement do not form part of it.",
            "GEN-SCOPE"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn equipment_damage_and_cleaning_wipes_are_not_security_topics() {
    for text in [
        "Damage Incidents. Damage to any Unit caused by a collision with a bed, fluid ingress or a spill shall be reported to the help desk, and repairs of such incidents are billed at time-and-materials rates.",
        "Incident Reporting. Any damage to a Unit caused by a collision with a bed or trolley or by fluid ingress shall be reported by the Facility to the service desk, and the visiting engineer shall note the cause of the damage in the service report for the Unit. Repairs needed because of such incidents are excluded from coverage and charged at time-and-materials rates.",
        "Engineers shall clean their tools with disinfectant wipes and use hand sanitizer before entering a clinical area, and units returned for depot repair shall first be decontaminated by the Facility.",
    ] {
        let reqs = reqs_of(text);
        assert!(reqs.is_empty(), "{text}: {reqs:?}");
    }
}

#[test]
fn a_platforms_end_of_support_is_the_platform_requirement_not_the_products() {
    let reqs = reqs_of(
        "Platform Support. Seller warrants that no operating system or database engine delivered with a Console will reach its publisher's end of support within thirty-six (36) months after delivery; should any such component reach end of support earlier, Seller shall supply a supported version at no charge.",
    );
    assert!(has(&reqs, "PDM-OS"), "{reqs:?}");
    assert!(!has(&reqs, "PERF-EOL"), "{reqs:?}");
    // The product's own end of support, beside an old platform, is still its own duty.
    let reqs = reqs_of(
        "The Consoles run an operating system whose publisher no longer issues security updates. Seller may discontinue support for any model of the Consoles on sixty (60) days' notice.",
    );
    assert!(has(&reqs, "PERF-EOL"), "{reqs:?}");
}

#[test]
fn notice_withheld_or_left_to_the_law_and_a_migration_at_the_suppliers_cost() {
    assert_eq!(
        status_of(
            "Seller will notify Buyer of vulnerabilities in the Consoles only when required to do so by applicable law.",
            "PERF-VULN-NOTICE"
        ),
        Some(Status::Conflict)
    );
    assert_eq!(
        status_of(
            "Product Notices. Field notices and technical advisories are internal to Seller, and Seller is under no obligation to disclose to Buyer the existence or the content of any field notice or bulletin, including one that concerns a security weakness of a Console.",
            "PERF-VULN-NOTICE"
        ),
        Some(Status::Conflict)
    );
    let reqs = reqs_of(
        "If the operating system of a Console reaches its publisher's end of support during the Term, Seller shall migrate the Console to a supported operating system at the Seller's own expense.",
    );
    assert!(has(&reqs, "PERF-COST"), "{reqs:?}");
}

#[test]
fn test_results_handed_over_are_audit_evidence_beside_the_testing() {
    let text = "Before each major release, Seller shall have an accredited firm carry out penetration testing of the Console software against the OWASP Top 10, shall fix every critical finding before release, and shall send Buyer an executive summary of the findings and their remediation.";
    assert!(status_of(text, "PDM-TEST").is_some());
    // Partial: the results are handed over, but there is no audit right.
    assert_eq!(status_of(text, "MAT-AUDIT"), Some(Status::Partial));
}

#[test]
fn access_given_for_installing_updates_is_the_hospitals_duty_not_a_patch_duty() {
    let reqs = reqs_of(
        "Purchaser shall give Seller's field engineers escorted access to the Consoles and the imaging network at agreed times for the purpose of installing security updates.",
    );
    assert!(has(&reqs, "HDO-RESP"), "{reqs:?}");
    assert!(!has(&reqs, "PERF-PATCH"), "{reqs:?}");
}

#[test]
fn remote_service_as_a_data_channel_is_not_remote_access() {
    let reqs = reqs_of(
        "Data Residency. Seller shall ensure that any patient information Seller obtains via the remote service platform, such as instrument logs, stays on servers located in the European Union and is never transferred outside it.",
    );
    assert!(has(&reqs, "PDM-DATALOC"), "{reqs:?}");
    assert!(!has(&reqs, "PDM-REMOTE"), "{reqs:?}");
    // A clause about remote access itself keeps it.
    let reqs = reqs_of(
        "Remote Access. Seller may reach the Consoles through the remote service platform only for sessions the Purchaser approves, using multi-factor authentication, and every session shall be logged.",
    );
    assert!(has(&reqs, "PDM-REMOTE"), "{reqs:?}");
}

#[test]
fn a_platform_stated_to_be_past_its_support_is_a_conflict() {
    let text = "The reading stations ship with an embedded Windows XP build that is past its publisher's end of support, and no upgrade path is offered for this model.";
    assert_eq!(status_of(text, "PDM-OS"), Some(Status::Conflict));
    // Replacing a platform before it is past its support is the duty itself.
    let text = "Supplier shall replace any operating system of the Product at least twelve (12) months before its publisher's end of support.";
    assert_ne!(status_of(text, "PDM-OS"), Some(Status::Conflict));
}

#[test]
fn data_sent_in_clear_text_or_without_encryption_is_a_conflict() {
    let text = "The interface feed from the bedside monitors to the charting system is sent in clear text across the campus network, because the monitor firmware cannot support transport encryption.";
    assert_eq!(status_of(text, "PDM-CRYPTO"), Some(Status::Conflict));
    let text = "Results shall not be transmitted in clear text; Supplier shall encrypt them in transit using TLS 1.2 or later.";
    assert_eq!(status_of(text, "PDM-CRYPTO"), Some(Status::Strong));
}

#[test]
fn a_tunnel_the_maker_may_use_at_any_time_without_notice_is_a_remote_access_conflict() {
    let text = "Purchaser shall keep a site-to-site VPN open to the Manufacturer's service hub, through which the Manufacturer may access the analyzers and their servers at any time without prior notice to Purchaser.";
    assert_eq!(status_of(text, "PDM-REMOTE"), Some(Status::Conflict));
}

#[test]
fn an_infection_control_risk_assessment_is_not_a_security_assessment() {
    let reqs = reqs_of(
        "Before opening any wall in an occupied unit to run cabling for the monitors, Contractor shall complete an infection control risk assessment and install dust barriers approved by the Facility.",
    );
    assert!(reqs.is_empty(), "{reqs:?}");
    let reqs = reqs_of(
        "Contractor shall complete a cybersecurity risk assessment of the monitoring network before go-live and share the findings with the Facility.",
    );
    assert!(has(&reqs, "MAT-RISK"), "{reqs:?}");
}

#[test]
fn fixes_sold_separately_to_customers_without_the_premium_plan_are_a_cost_term() {
    let reqs = reqs_of(
        "Security fixes for the Software are provided only to customers that maintain a current Gold Support Plan; other customers may purchase such fixes separately.",
    );
    assert!(has(&reqs, "PERF-COST"), "{reqs:?}");
}

#[test]
fn a_hospital_duty_that_works_against_another_requirement_is_the_suppliers_condition() {
    // The maker's condition (no firewall in front of its device) is the
    // network requirement's conflict, not a security duty of the hospital.
    let text = "Purchaser shall connect the Analyzer to a network zone with unrestricted outbound internet access and shall not place any firewall or proxy between the Analyzer and Manufacturer's cloud servers.";
    assert_eq!(status_of(text, "PDM-NET"), Some(Status::Conflict));
    assert_eq!(status_of(text, "HDO-RESP"), None);
    // The hospital's own network duty stays its duty.
    let text = "Purchaser shall keep the Analyzer on a segmented clinical VLAN behind its firewall and shall restrict inbound connections to the ports listed in the Security Guide.";
    assert!(status_of(text, "HDO-RESP").is_some());
    // Put as a responsibility, the duty is both the patch requirement's
    // conflict and the hospital's side of the split.
    let text = "Hospital is solely responsible for installing all operating system patches and updates on the monitors.";
    assert_eq!(status_of(text, "PERF-PATCH"), Some(Status::Conflict));
    assert!(status_of(text, "HDO-RESP").is_some());
}

#[test]
fn one_topic_left_to_the_hospital_is_that_topics_conflict_not_the_split() {
    let text = "The Buyer is solely responsible for finding, testing and installing all security updates for the workstation operating system, and the Manufacturer has no obligation to supply or validate them.";
    assert_eq!(status_of(text, "PERF-PATCH"), Some(Status::Conflict));
    assert_eq!(status_of(text, "GEN-SHARED"), None);
    // Security as a whole left to the hospital is the one-sided split.
    let text = "The Buyer is solely responsible for network security and all other cybersecurity matters relating to the Equipment once installed.";
    assert!(status_of(text, "GEN-SHARED").is_some());
}

#[test]
fn third_party_software_named_in_passing_is_not_the_component_duty() {
    // Software the hospital would install: the anti-malware conflict only.
    let reqs = reqs_of(
        "Installing any third-party software, including antivirus or endpoint protection programs, on the Scanner console shall void the warranty.",
    );
    assert!(has(&reqs, "PDM-MALWARE"), "{reqs:?}");
    assert!(!has(&reqs, "MAT-3PC"), "{reqs:?}");
    // A list of the product's components is the SBOM.
    let reqs = reqs_of(
        "On request, Seller will give Buyer a list of the main third-party software components built into the Scanner.",
    );
    assert!(has(&reqs, "MAT-SBOM"), "{reqs:?}");
    assert!(!has(&reqs, "MAT-3PC"), "{reqs:?}");
    // The supplier's duty for the components it ships stays.
    let reqs = reqs_of(
        "Seller shall monitor the third-party software components of the Scanner for published vulnerabilities and validate their publishers' patches.",
    );
    assert!(has(&reqs, "MAT-3PC"), "{reqs:?}");
}

#[test]
fn anti_malware_signature_updates_are_not_product_patches() {
    let text = "Antivirus. Supplier shall name the endpoint protection products validated for the Ventilator console and shall validate new signature and engine updates for them within ten (10) business days after their release.";
    let reqs = reqs_of(text);
    assert!(has(&reqs, "PDM-MALWARE"), "{reqs:?}");
    assert!(!has(&reqs, "PERF-PATCH"), "{reqs:?}");
    // Operating system patches beside anti-malware stay patches.
    let reqs = reqs_of(
        "Supplier shall validate the endpoint protection products for the Ventilator console and shall release validated operating system security patches within thirty (30) days after their publication.",
    );
    assert!(has(&reqs, "PERF-PATCH"), "{reqs:?}");
}

#[test]
fn paid_help_with_a_security_incident_is_incident_response() {
    // The help and the incident are a long way apart (the rates come
    // between): still the supplier's incident-response help.
    let reqs = reqs_of(
        "Supplier will provide reasonable assistance, billed at its then-current hourly rates for field engineers, whenever Clinic suffers a security incident involving the scanners.",
    );
    assert!(has(&reqs, "PERF-IR"), "{reqs:?}");
}

#[test]
fn network_requirements_named_as_a_documents_content_are_transparency() {
    let text = "The Manufacturer may share with Clinic, on request, a technical specification covering the network requirements and ports of the Pumps.";
    let reqs = reqs_of(text);
    assert!(has(&reqs, "MAT-TRANSP"), "{reqs:?}");
    assert!(!has(&reqs, "PDM-NET"), "{reqs:?}");
}
