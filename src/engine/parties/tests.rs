//! Unit tests for party detection over the ways contracts name their parties.

use super::*;
use crate::engine::segment::segment;

fn parties(text: &str) -> Parties {
    detect(text, &segment(text))
}

#[test]
fn parenthetical_defined_terms_with_names() {
    let p = parties(
        "This Agreement is made by and between Northwind Infusion Systems, Inc., a Delaware corporation (\"Supplier\"), and Lakeside Regional Health, an Ohio nonprofit corporation (\"Customer\").",
    );
    assert_eq!(p.supplier.as_deref(), Some("Supplier"));
    assert_eq!(
        p.supplier_name.as_deref(),
        Some("Northwind Infusion Systems, Inc.")
    );
    assert_eq!(p.customer.as_deref(), Some("Customer"));
    assert_eq!(p.customer_name.as_deref(), Some("Lakeside Regional Health"));
}

#[test]
fn the_and_hereinafter_forms_and_smart_quotes() {
    let p = parties(
        "Contract between Riverbend University Hospital (hereinafter referred to as \u{201c}Hospital\u{201d}) and Keystone Imaging LLC (the \u{201c}Vendor\u{201d}).",
    );
    assert_eq!(p.customer.as_deref(), Some("Hospital"));
    assert_eq!(
        p.customer_name.as_deref(),
        Some("Riverbend University Hospital")
    );
    assert_eq!(p.supplier.as_deref(), Some("Vendor"));
    assert_eq!(p.supplier_name.as_deref(), Some("Keystone Imaging LLC"));
}

#[test]
fn names_as_defined_terms_are_classified_by_the_name() {
    let p = parties(
        "This Addendum is between Acme Medical Devices Corp. (\"Acme\") and The Regents of the State University (\"University\").",
    );
    assert_eq!(p.supplier.as_deref(), Some("Acme"));
    assert_eq!(p.customer.as_deref(), Some("University"));
}

#[test]
fn two_terms_in_one_parenthesis_prefer_the_role_word() {
    let p = parties(
        "Agreement between Acme Medical Inc. (\"Acme\" or \"Supplier\") and Lakeview Clinic (\"Clinic\").",
    );
    assert_eq!(p.supplier.as_deref(), Some("Supplier"));
    assert_eq!(p.supplier_name.as_deref(), Some("Acme Medical Inc."));
    assert_eq!(p.customer.as_deref(), Some("Clinic"));
}

#[test]
fn definitions_and_frequency_fallback() {
    let p = parties(
        "1. \"Manufacturer\" means Zenith Devices.\n2. The Manufacturer shall notify the HDO. The HDO shall patch.\n",
    );
    assert_eq!(p.supplier.as_deref(), Some("Manufacturer"));
    assert_eq!(p.customer.as_deref(), Some("HDO"));
    let q = parties(
        "The Vendor shall patch. The Vendor shall notify the Client. The Client may audit.",
    );
    assert_eq!(q.supplier.as_deref(), Some("Vendor"));
    assert_eq!(q.customer.as_deref(), Some("Client"));
    assert_eq!(parties("No parties here at all."), Parties::default());
}

#[test]
fn terms_and_obligor() {
    let p = parties(
        "Between Northwind Infusion Systems, Inc. (\"Supplier\") and Lakeside Regional Health (\"Hospital\").",
    );
    let s = supplier_terms(&p);
    assert_eq!(
        &s[..3],
        ["Supplier", "Northwind Infusion Systems, Inc.", "Northwind"]
    );
    assert!(!s.contains(&"Hospital".to_string()));
    assert!(customer_terms(&p).contains(&"Hospital".to_string()));
    assert_eq!(
        obligor(&p, "Supplier shall provide patches."),
        Some(Side::Supplier)
    );
    assert_eq!(
        obligor(
            &p,
            "Upon notice from Supplier, Hospital shall install patches."
        ),
        Some(Side::Customer)
    );
    assert_eq!(obligor(&p, "Patches are important."), None);
    assert_eq!(
        obligor(&p, "Customer Data received by Supplier shall be encrypted."),
        Some(Side::Supplier),
        "a compound defined term (Customer Data) does not name the customer"
    );
    assert_eq!(
        obligor(&p, "The Northwind team will respond."),
        Some(Side::Supplier)
    );
}

#[test]
fn a_right_or_an_unknown_subject_binds_no_party() {
    let p = parties(
        "Between Northwind Infusion Systems, Inc. (\"Supplier\") and Lakeside Regional Health (\"Hospital\").",
    );
    assert_eq!(
        obligor(
            &p,
            "The Hospital and its authorised representatives shall be entitled to carry out penetration tests."
        ),
        None,
        "a right to test is not a duty of the hospital"
    );
    assert_eq!(
        obligor(
            &p,
            "Upon written request and at no cost to Hospital, Snowflake shall provide audit reports."
        ),
        None,
        "the named company right before the verb is the subject, not the hospital"
    );
    assert_eq!(
        obligor(
            &p,
            "Upon written request of the Hospital and its staff, Supplier shall provide audit reports."
        ),
        Some(Side::Supplier)
    );
    // A party named as the object of a preposition is not the subject.
    assert_eq!(
        obligor(
            &p,
            "Remote support technicians assigned to Hospital's account shall complete annual training."
        ),
        None
    );
    assert_eq!(
        obligor(
            &p,
            "All personnel with access to Hospital Data, the Hospital Network or Hospital's gateway shall pass a background check."
        ),
        None
    );
    assert_eq!(
        obligor(
            &p,
            "With respect to Hospital, Supplier shall provide audit reports."
        ),
        Some(Side::Supplier)
    );
}

#[test]
fn the_article_inside_the_quotes_and_public_sector_roles() {
    // UK drafting: `("the Trust")`; "Trust", "Authority" and "Subscriber"
    // are customer-side role words.
    let p = parties(
        "This Contract is made between Northgate Imaging Ltd (\"the Contractor\") and Riverside Community Health NHS Foundation Trust (\"the Trust\").",
    );
    assert_eq!(p.supplier.as_deref(), Some("Contractor"));
    assert_eq!(p.supplier_name.as_deref(), Some("Northgate Imaging Ltd"));
    assert_eq!(p.customer.as_deref(), Some("Trust"));
    assert_eq!(
        p.customer_name.as_deref(),
        Some("Riverside Community Health NHS Foundation Trust")
    );
    let p = parties(
        "Between the Regional Health Authority (the \"Authority\") and Medline Devices Pty Ltd (the \"Supplier\").",
    );
    assert_eq!(p.customer.as_deref(), Some("Authority"));
    assert_eq!(p.supplier.as_deref(), Some("Supplier"));
}

/// The byte search the obligor uses finds what `str::rfind` finds, at the
/// text's ends, in multi-byte text and for needles longer than the text.
#[test]
fn rfind_agrees_with_the_standard_library() {
    let hays = [
        "",
        "Supplier",
        "Supplier and Supplier Personnel",
        "Der Lieferant — Supplier’s Supplier. Suppl",
        "SupplierSupplier",
        "ééé Customer é",
    ];
    let needles = [
        "Supplier",
        "S",
        "Customer",
        "é",
        "Supplier Personnel",
        "r and S",
        "zz",
    ];
    for h in hays {
        for n in needles {
            assert_eq!(
                rfind(h.as_bytes(), n.as_bytes()),
                h.rfind(n),
                "{n:?} in {h:?}"
            );
        }
        assert_eq!(rfind(h.as_bytes(), b""), None);
    }
}
