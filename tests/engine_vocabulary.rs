//! Wording the clause library did not cover: other party names (Licensor,
//! Contractor, the Authority), other ways to say a duty ("for a minimum of
//! five years", "before ending support", "network ports"), and British
//! spelling. Every test is a kind of wording written for this file, never a
//! copied eval text.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

mod common;

use common::{has, reqs_of, status_of};
use mc2::engine::Status;

#[test]
fn a_support_lifetime_for_products_is_end_of_life_wording() {
    // No security word at all: the support lifetime itself is the topic.
    assert!(
        status_of(
            "Seller shall maintain each Instrument model for not less than seven (7) years after its final shipment and shall give eighteen (18) months' notice before withdrawing maintenance for it.",
            "PERF-EOL"
        )
        .is_some()
    );
    assert_eq!(
        status_of(
            "The Licensor may withdraw support for older releases of the Application on notice to the Licensee.",
            "PERF-EOL"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn a_continuity_plan_is_resilience() {
    assert!(
        status_of(
            "The Contractor shall keep a tested business continuity plan for the Managed Service and shall share its summary with the Authority each year.",
            "PDM-RESIL"
        )
        .is_some()
    );
}

#[test]
fn listing_the_network_ports_a_device_uses_is_network_integration() {
    assert!(
        status_of(
            "The Vendor shall give the Facility a list of all TCP and UDP ports used by the Scanner, and the Scanner shall work behind the Facility's firewalls.",
            "PDM-NET"
        )
        .is_some()
    );
}

#[test]
fn helping_with_an_impact_assessment_is_risk_assessment_support() {
    assert!(
        status_of(
            "Provider shall give Client the information Client reasonably needs to carry out a privacy impact assessment of the Hosted Services.",
            "MAT-RISK"
        )
        .is_some()
    );
}

#[test]
fn secure_coding_is_development_practice() {
    assert!(
        status_of(
            "Licensor shall write the Firmware following documented secure coding rules and shall train its developers in them.",
            "MAT-SDL"
        )
        .is_some()
    );
}

#[test]
fn a_common_engineering_password_the_hospital_cannot_alter_is_a_conflict() {
    assert_eq!(
        status_of(
            "Maintenance access uses one common engineering password known to the OEM's field team; the password cannot be altered by the Owner.",
            "PDM-AUTH"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn a_licensor_or_contractor_disclaiming_security_works_against_the_split() {
    for text in [
        "After go-live the Licensor has no responsibility whatsoever for the security of the Platform, which is the sole responsibility of the Licensee.",
        "Once installed, the Contractor shall bear no responsibility of any kind for the cyber security of the Equipment.",
    ] {
        assert_eq!(
            status_of(text, "GEN-SHARED"),
            Some(Status::Conflict),
            "{text}"
        );
    }
    // One side taking all of it on is a one-sided split.
    let reqs = reqs_of(
        "The Trust acknowledges that it is solely responsible for the security of its own network and firewalls.",
    );
    assert!(has(&reqs, "GEN-SHARED"), "{reqs:?}");
}

#[test]
fn british_spelling_reads_like_american() {
    let uk = reqs_of(
        "The Supplier shall sanitise the hard disk of every returned Device and shall give the Trust a certificate of sanitisation within ten Working Days.",
    );
    let us = reqs_of(
        "The Supplier shall sanitize the hard disk of every returned Device and shall give the Trust a certificate of sanitization within ten Working Days.",
    );
    assert_eq!(uk, us);
    assert!(has(&uk, "PDM-SANITIZE"), "{uk:?}");
}

#[test]
fn role_words_of_licences_and_sales_count_like_supplier_and_customer() {
    // Remote access whenever the maker likes is against controlled remote
    // service, whichever word the contract uses for the maker.
    for who in ["Supplier", "Licensor", "Seller", "Contractor", "OEM"] {
        let text = format!(
            "{who} may access and maintain the Monitors remotely at any time for diagnostics."
        );
        assert_eq!(
            status_of(&text, "PDM-REMOTE"),
            Some(Status::Conflict),
            "{text}"
        );
    }
}

#[test]
fn security_fixes_that_cost_extra_are_cost_terms() {
    for text in [
        "Security fixes for the Software are released only to Licensees who hold a current Platinum Support subscription.",
        "After the warranty ends, any remediation of a vulnerability in the Pump is charged on a time-and-materials basis.",
        "Moving the Workstation to a supported operating system is offered as a separately priced upgrade.",
    ] {
        assert!(
            matches!(
                status_of(text, "PERF-COST"),
                Some(Status::Weak | Status::Partial | Status::Conflict)
            ),
            "{text}"
        );
    }
    // Billing terms for other work are not.
    assert_eq!(
        status_of(
            "Consulting services requested by the Hospital are billed on a time-and-materials basis at the agreed rates.",
            "PERF-COST"
        ),
        None
    );
}

#[test]
fn data_kept_in_named_countries_is_data_location() {
    assert_eq!(
        status_of(
            "The Processor shall ensure that Patient Data, including backups, is hosted and accessed only in the United Kingdom unless the Trust consents in writing.",
            "PDM-DATALOC"
        ),
        Some(Status::Strong)
    );
    // Naming the countries where data may be processed is evidence too.
    assert!(
        status_of(
            "Licensor's hosting sub-processors may store and process Licensee Data in the Philippines, India or Mexico, and Licensor may change that list on notice.",
            "PDM-DATALOC"
        )
        .is_some()
    );
}

#[test]
fn a_guaranteed_support_period_for_the_equipment_is_end_of_life_wording() {
    assert!(
        status_of(
            "The Contractor shall guarantee software support for the Analyzers for a minimum of eight (8) years after installation, including security updates.",
            "PERF-EOL"
        )
        .is_some()
    );
}

#[test]
fn end_of_support_with_hyphens_is_security_vocabulary() {
    // The clause's only security word; without it the gate drops the clause.
    assert!(
        status_of(
            "The Seller shall state in its Proposal the announced end-of-support date of each operating system component of the Equipment.",
            "PERF-EOL"
        )
        .is_some()
    );
}

#[test]
fn data_kept_within_a_named_country_is_data_location() {
    for text in [
        "Any subprocessor approved by the Health Authority shall host and back up Personal Information only within Canada.",
        "The Service Provider shall not allow Personal Health Information to be accessed from outside Canada without the Custodian's written consent.",
    ] {
        assert!(status_of(text, "PDM-DATALOC").is_some(), "{text}");
    }
}

#[test]
fn data_residing_on_a_device_is_not_data_residency() {
    // "residing" and "residency" share a stem; only the latter is the topic.
    let reqs = reqs_of(
        "Buyer shall keep backup copies of all patient data residing on the Workstation and Seller shall not be liable for its loss.",
    );
    assert!(!has(&reqs, "PDM-DATALOC"), "{reqs:?}");
}

#[test]
fn personal_information_taken_by_an_unauthorized_person_is_incident_notice() {
    assert!(
        status_of(
            "If the Processor believes that Personal Information has been lost or viewed by unauthorized individuals, the Processor shall inform the Institution as soon as it can and cooperate with any notice to affected persons.",
            "PERF-INCIDENT"
        )
        .is_some()
    );
}

#[test]
fn restoring_goods_hit_by_malware_is_incident_response() {
    assert_eq!(
        status_of(
            "At Purchaser's request the Seller may help recover Instruments disabled by ransomware, billed at Seller's then-current time-and-materials rates.",
            "PERF-IR"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn security_related_modifications_are_patches() {
    assert!(
        status_of(
            "Security-related changes to the Application are delivered to every Licensee with current maintenance and installed by the Licensor within thirty (30) days after release.",
            "PERF-PATCH"
        )
        .is_some()
    );
}

#[test]
fn securely_destroying_data_on_media_is_sanitisation() {
    assert!(
        status_of(
            "On removal of any Scanner from service, Contractor shall securely erase all images stored on its drives and certify such erasure to the Hospital in writing.",
            "PDM-SANITIZE"
        )
        .is_some()
    );
}

#[test]
fn no_responsibility_or_liability_for_security_is_against_the_split() {
    assert_eq!(
        status_of(
            "Manufacturer shall have no responsibility or liability of any kind for the security of the Devices once they are accepted by the Purchaser.",
            "GEN-SHARED"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn cybersecurity_advisories_are_disclosure_programme_wording() {
    assert!(
        status_of(
            "The Vendor shall publish cybersecurity advisories for its products on a public web page.",
            "MAT-VDP"
        )
        .is_some()
    );
}

#[test]
fn credentialing_and_badges_for_site_visits_are_personnel_discipline() {
    assert!(
        status_of(
            "Contractor's field engineers shall enrol in the Owner's vendor credentialing program, wear photo ID badges while on site and protect any password issued to them.",
            "MAT-PEOPLE"
        )
        .is_some()
    );
}

#[test]
fn the_other_partys_security_and_confidentiality_rules_are_policy_compliance() {
    let reqs = reqs_of(
        "Licensor personnel with access to the Platform shall observe the Subscriber's security and confidentiality rules.",
    );
    assert!(has(&reqs, "MAT-COMPLY"), "{reqs:?}");
    assert!(has(&reqs, "MAT-PEOPLE"), "{reqs:?}");
}

#[test]
fn validated_remediation_of_a_vulnerability_is_patching() {
    assert!(
        status_of(
            "Manufacturer-validated firmware remediation for each disclosed vulnerability will be installed by Contractor within sixty (60) days of release.",
            "PERF-PATCH"
        )
        .is_some()
    );
}

#[test]
fn endpoint_protection_is_security_vocabulary() {
    // The clause's only security words; without them the gate drops it.
    assert_eq!(
        status_of(
            "The Licensee may, at its own risk, load endpoint protection software on the Console.",
            "PDM-MALWARE"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn the_buyer_alone_erasing_returned_units_with_no_seller_liability_is_a_sanitisation_conflict() {
    assert_eq!(
        status_of(
            "PURCHASER IS SOLELY RESPONSIBLE FOR ERASING ALL PATIENT INFORMATION FROM UNITS SENT BACK FOR EXCHANGE, AND VENDOR ASSUMES NO LIABILITY FOR ANY SUCH INFORMATION.",
            "PDM-SANITIZE"
        ),
        Some(Status::Conflict)
    );
    // Without the disclaimer it is the weak, hospital-only form.
    assert_eq!(
        status_of(
            "Client is responsible for deleting all patient information from a Pump before returning it for service.",
            "PDM-SANITIZE"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn network_documentation_on_request_is_weak_transparency() {
    // Network and interface specifications are security documentation even
    // when no other security word is used.
    assert_eq!(
        status_of(
            "The Contractor's technical documentation, including the network specifications of each Analyzer, is supplied upon request.",
            "MAT-TRANSP"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn keeping_the_results_of_ones_own_testing_secret_is_weak_audit_evidence() {
    assert_eq!(
        status_of(
            "The Licensor may test the security of the Platform at its discretion; reports of the Licensor's own testing are its confidential information and will not be shared with the Subscriber.",
            "MAT-AUDIT"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn a_feature_considered_for_a_future_release_is_a_weak_roadmap() {
    for text in [
        "Encryption of stored images is contemplated for a future software release of the Workstation.",
        "The Supplier will give due consideration to logging of failed logins in a future product release.",
    ] {
        assert_eq!(status_of(text, "ROADMAP"), Some(Status::Weak), "{text}");
    }
}

#[test]
fn keeping_a_component_listing_from_tools_works_against_the_sbom() {
    assert_eq!(
        status_of(
            "The component listing furnished by the Manufacturer is its Confidential Information, and the Customer shall not load it into any scanning tool.",
            "MAT-SBOM"
        ),
        Some(Status::Conflict)
    );
}

#[test]
fn processing_data_in_any_country_is_data_location() {
    assert!(
        status_of(
            "Client acknowledges that Provider may host and process Client Data, including for support and analytics, in any country where Provider has staff.",
            "PDM-DATALOC"
        )
        .is_some()
    );
}

#[test]
fn a_list_of_the_main_third_party_components_is_sbom_wording() {
    let reqs = reqs_of(
        "On request the Licensor will supply a list of the main third-party software components included in the Application at the time of delivery.",
    );
    assert!(has(&reqs, "MAT-SBOM"), "{reqs:?}");
}

#[test]
fn iso_27001_for_development_is_weak_development_lifecycle_evidence() {
    // "27001" is security vocabulary; the certificate is the weak form.
    assert_eq!(
        status_of(
            "The Vendor's software development processes are certified to ISO/IEC 27001; the certificate is available on request.",
            "MAT-SDL"
        ),
        Some(Status::Weak)
    );
    assert!(
        status_of(
            "The Supplier shall describe its product security practices for the Scanner in its tender response.",
            "MAT-SDL"
        )
        .is_some()
    );
}

#[test]
fn supporting_the_hospitals_investigators_or_recovery_is_incident_response() {
    // "At the disposal of" is not disposal of media.
    let reqs = reqs_of(
        "After any suspected intrusion the Provider shall put its security engineers at the disposal of the Subscriber and assist the Subscriber's investigators.",
    );
    assert!(has(&reqs, "PERF-IR"), "{reqs:?}");
    assert!(!has(&reqs, "PDM-SANITIZE"), "{reqs:?}");
    assert!(
        status_of(
            "Following a malware infection of a Workstation, the Vendor shall support the Purchaser's recovery of the Workstation.",
            "PERF-IR"
        )
        .is_some()
    );
}

#[test]
fn security_terms_limited_to_the_warranty_period_are_weak_scope() {
    assert_eq!(
        status_of(
            "The cybersecurity requirements in Schedule 6 apply to the Analyzers as delivered and shall remain in force until the end of the warranty period.",
            "GEN-SCOPE"
        ),
        Some(Status::Weak)
    );
}

#[test]
fn security_questionnaire_answers_kept_out_of_the_contract_work_against_scope() {
    assert_eq!(
        status_of(
            "The Seller's responses to the Hospital's security questionnaire are given for reference only and shall not be deemed incorporated into this Order.",
            "GEN-SCOPE"
        ),
        Some(Status::Conflict)
    );
}
