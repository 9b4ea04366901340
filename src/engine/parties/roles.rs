//! Role words: which defined terms and common nouns stand for the supplier
//! (manufacturer) side and which for the customer (hospital) side.

/// Which side of the deal a term belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Supplier,
    Customer,
}

/// Generic supplier-side role nouns, most specific first.
pub const SUPPLIER_ROLES: [&str; 13] = [
    "Supplier",
    "Vendor",
    "Manufacturer",
    "Contractor",
    "Seller",
    "Licensor",
    "MDM",
    "Service Provider",
    "Provider",
    "Company",
    "Distributor",
    "Consultant",
    "Developer",
];

/// Generic customer-side role nouns.
pub const CUSTOMER_ROLES: [&str; 22] = [
    "Customer",
    "Hospital",
    "Purchaser",
    "Buyer",
    "Client",
    "Licensee",
    "HDO",
    "Health System",
    "University",
    "State",
    "County",
    "Agency",
    "Institution",
    "Facility",
    "Medical Center",
    "Owner",
    "City",
    "Subscriber",
    "Member",
    "Trust",
    "Authority",
    "Health Board",
];

/// The side a defined term stands for, by its role word (case-insensitive, whole term or last word).
pub fn side_of_term(term: &str) -> Option<Side> {
    let t = term.trim();
    let last = t.rsplit(' ').next().unwrap_or(t);
    let hit = |list: &[&str]| {
        list.iter()
            .any(|r| r.eq_ignore_ascii_case(t) || r.eq_ignore_ascii_case(last))
    };
    if hit(&SUPPLIER_ROLES) {
        Some(Side::Supplier)
    } else if hit(&CUSTOMER_ROLES) {
        Some(Side::Customer)
    } else {
        None
    }
}

/// A guess at the side from a legal name or a definition's wording.
pub fn side_of_description(s: &str) -> Option<Side> {
    let l = s.to_ascii_lowercase();
    const CUST: [&str; 12] = [
        "hospital",
        "health system",
        "healthcare system",
        "medical center",
        "clinic",
        "university",
        "county",
        "state of",
        "health",
        "regents",
        "authority",
        "purchas",
    ];
    const SUPP: [&str; 9] = [
        "manufactur",
        "supplier",
        "vendor",
        "medical device",
        "devices",
        "technologies",
        "systems",
        "imaging",
        "seller",
    ];
    let c = CUST.iter().position(|k| l.contains(k));
    let s_ = SUPP.iter().position(|k| l.contains(k));
    match (s_, c) {
        (Some(_), None) => Some(Side::Supplier),
        (None, Some(_)) => Some(Side::Customer),
        // "Acme Medical Systems" vs "Lakeside Health": explicit manufacturer words win.
        (Some(a), Some(_)) if a <= 4 => Some(Side::Supplier),
        (Some(_), Some(_)) => Some(Side::Customer),
        (None, None) => None,
    }
}
