//! Ordinary senses of security words. The security gate
//! ([`super::vocab::security_context`]) looks for stems such as "patch",
//! "log", "incident" or "secur" anywhere in a clause; hospital and supply
//! contracts use the same letters in other senses all the time: a patch
//! cable, a physician, a delivery log, a patient-care incident, a security
//! interest in equipment, infection control. A stem found in such a sense
//! is no evidence that a clause is about security, as a breach of contract
//! is not a security breach ([`contract_breach`]).

use super::cues::{Regex, rx};
use std::sync::OnceLock;

/// Whether the lexicon `entry` found at `at..end` of `text` is used in an
/// ordinary, non-security sense: inside a longer word ("dispatch",
/// "physician", "conversion", "logo", "disinfect") or in a set phrase of
/// another trade ("patch panel", "delivery log", "security interest").
pub fn ordinary_sense(text: &str, entry: &str, at: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let glued_before = at > 0 && b[at - 1].is_ascii_alphabetic();
    let (from, to) = super::cues::snap(text, at.saturating_sub(40), (end + 60).min(text.len()));
    let before = text[from..at].to_ascii_lowercase();
    // The text from the match on (for entries with a leading space, from
    // the space), lowercased.
    let rest = text[at..to].to_ascii_lowercase();
    let rest = rest.trim_start();
    let prev = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    let prev_in = |words: &[&str]| words.contains(&prev);
    let next_word = |skip: usize| {
        rest.get(skip..)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .to_string()
    };
    // The whole word the stem starts ("physician" for " phi").
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    match entry.trim() {
        // Inside a longer word: dispatch, conversion / diversion, disinfect.
        "patch" | "version" | "infect" if glued_before => true,
        // Short stems that must end the word: phi (physician), pii, eol.
        // ("PHI-related" and "PII-containing" keep their sense.)
        "phi" | "pii" | "eol" => word.split('-').next().unwrap_or("").len() > entry.trim().len(),
        // logo, logos, logistics; log, logs, logging, login and "logical
        // access" stay.
        "log" => {
            (word.starts_with("logo") && !["logon", "logoff", "logout"].contains(&word.as_str()))
                || word.starts_with("logist")
                // a record of deliveries or readings, not of system events
                // (a service, maintenance, visitor or sign-in log records who
                // touched the device or the site, so it stays)
                || prev_in(&[
                    "site", "call", "implant", "delivery", "temperature", "shipping", "courier",
                    "driver", "mileage",
                ])
        }
        // patch cable / panel / cord, a transdermal patch
        "patch" => {
            let next = next_word(word.len());
            [
                "cable", "cables", "panel", "panels", "cord", "cords", "bay", "bays",
            ]
            .contains(&next.as_str())
                || prev_in(&[
                    "transdermal",
                    "skin",
                    "nicotine",
                    "adhesive",
                    "contraceptive",
                    "fentanyl",
                    "lidocaine",
                    "eye",
                ])
        }
        // incidental damages; a patient-care incident, an exposure incident
        "incident" => {
            word.starts_with("incidental")
                || prev_in(&[
                    "patient-care",
                    "patient",
                    "care",
                    "safety",
                    "clinical",
                    "exposure",
                    "needlestick",
                    "sentinel",
                    "adverse",
                    "transport",
                    "medication",
                    "fall",
                    "workplace",
                    "employee",
                ])
                || harm_to_a_person(text, at, end)
        }
        // a security interest in equipment, securities, a secured creditor,
        // securing financing, the Social Security Act
        "secur" => finance_sense(rest) || (prev == "social" && social_act(rest)),
        // infection control, infectious waste
        "infect" => {
            word.starts_with("infectious")
                || (word == "infection"
                    && ["control", "prevention", "preventionist", "rate", "rates"]
                        .contains(&next_word(word.len()).as_str()))
        }
        // disinfectant wipes, hand sanitizer: cleaning, not media sanitization
        "wipe" => prev_in(&[
            "disinfectant",
            "disinfecting",
            "cleaning",
            "alcohol",
            "antiseptic",
            "germicidal",
            "bleach",
            "sanitizing",
            "sanitising",
            "surface",
            "hand",
        ]),
        "sanitiz" => word.starts_with("sanitizer") || prev == "hand",
        // a respiratory or influenza virus
        "virus" => prev_in(&[
            "respiratory",
            "influenza",
            "flu",
            "corona",
            "hepatitis",
            "immunodeficiency",
            "zika",
            "nile",
            "syncytial",
            "papilloma",
            "herpes",
            "ebola",
            "measles",
        ]),
        // a compromise reached in a dispute, settling or compromising a
        // claim: only a compromise of data, systems or credentials counts
        "compromise" => ![
            "data",
            "information",
            "system",
            "network",
            "security",
            "credential",
            "password",
            "device",
            "phi",
            "server",
        ]
        .iter()
        .any(|w| rest.contains(w)),
        // a material weakness in internal control over financial reporting
        "weakness" => prev_in(&["material", "significant"]),
        // infection control (ICRA), fall, pressure-injury or clinical risk
        // assessments are about patients and construction dust, not systems
        "assessment" => {
            before.ends_with("infection control risk ")
                || before.ends_with("icra ")
                || prev == "icra"
                || (prev == "risk"
                    && [
                        "fall",
                        "falls",
                        "infection",
                        "clinical",
                        "patient",
                        "suicide",
                        "pressure",
                        "ligature",
                        "fire",
                        "ergonomic",
                    ]
                    .iter()
                    .any(|w| {
                        before
                            .trim_end()
                            .trim_end_matches("risk")
                            .trim_end()
                            .ends_with(w)
                    }))
        }
        // market penetration; wall and floor penetrations
        "penetration" => prev == "market" || word == "penetrations",
        // vulnerable patients
        "vulnerab" => {
            word == "vulnerable"
                && [
                    "patient",
                    "patients",
                    "population",
                    "populations",
                    "adult",
                    "adults",
                    "person",
                    "persons",
                    "individuals",
                    "children",
                    "groups",
                    "members",
                ]
                .contains(&next_word(word.len()).as_str())
        }
        // peer review or attorney-client privilege, clinical privileges
        "privilege" => {
            prev_in(&[
                "attorney-client",
                "review",
                "clinical",
                "staff",
                "admitting",
                "surgical",
                "legally",
                "product",
            ]) || (word == "privileged" && rest.starts_with("privileged and confidential"))
        }
        // provider and vendor credentialing ("credentialed" users or scans
        // are security wording, so only the -ing noun is another sense)
        "credential" => word.starts_with("credentialing"),
        // remote clinics and locations
        // (not "remote work" or "remote offices": staff working remotely
        // is a security topic of its own)
        "remote" => [
            "clinic",
            "clinics",
            "area",
            "areas",
            "community",
            "communities",
        ]
        .contains(&next_word(word.len()).as_str()),
        // data cabling, a data outlet, a product data sheet: building
        // wiring and catalogue documents, not information
        "data" => {
            word == "data"
                && [
                    "cabling", "cable", "cables", "wiring", "outlet", "outlets", "jack", "jacks",
                    "drop", "drops", "socket", "sockets", "sheet", "sheets",
                ]
                .contains(&next_word(word.len()).as_str())
        }
        // updating a directory, a price file or a roster, not software
        "update" => record_update(rest),
        _ => false,
    }
}

/// An incident report about harm to a person ("an incident report … after
/// any patient fall, injury or other adverse occurrence") or physical damage
/// to equipment ("damage … from a cart collision, fluid ingress or a drop"):
/// the words around the incident name the harm, and none of them is a
/// security word. The harm may be named well before a later mention ("…
/// collision or fluid ingress shall be reported … Repairs needed because
/// of such incidents"), so the look-back is longer than the look-ahead.
fn harm_to_a_person(text: &str, at: usize, end: usize) -> bool {
    const HARM: [&str; 14] = [
        " fall",
        "near miss",
        "injur",
        "adverse occurrence",
        "adverse event",
        "accident",
        "slip",
        "bodily",
        "collision",
        "physical damage",
        "physical mishap",
        "fluid ingress",
        "spill",
        "breakage",
    ];
    const CYBER: [&str; 7] = [
        "secur",
        "cyber",
        "data",
        "breach",
        "unauthori",
        "malware",
        "system",
    ];
    let (from, to) = super::cues::snap(text, at.saturating_sub(250), (end + 150).min(text.len()));
    let around = text[from..to].to_ascii_lowercase();
    // The hospital's incident reporting (or risk management) system is
    // where patient-safety events are recorded, not a system under attack.
    let around = around
        .replace("reporting system", "")
        .replace("management system", "");
    HARM.iter().any(|h| around.contains(h)) && !CYBER.iter().any(|c| around.contains(c))
}

/// "update the provider directory", "update its price file": a record kept
/// current, not a software update.
fn record_update(rest: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| rx(r"^updat(e|es|ed|ing) (the |its |their |such |any |each |a |an |this |that )?([a-z-]+'?s? ){0,4}?(directory|directories|deposits?|formulary|formularies|rosters?|address(es)?|contacts?|contact list|prices?|pricing|price (file|list)s?|forecasts?|calendars?|schedules?|tracking status)\b"))
        .find(rest)
        .is_some()
}

/// "security interest", "securities", "secured party", "secure financing".
fn finance_sense(rest: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| rx(r"^(securities|security (interests?|deposits?|agreements?)\b|secured (party|parties|creditors?|lenders?|loans?|obligations)\b|secur(e|es|ed|ing) (such |the |its |any |a |additional )?(financing|funding|loans?|credit|repayment|payment|obligations?|load|loads|cargo)\b)"))
        .find(rest)
        .is_some()
}

/// "Social Security Act", "Social Security Administration" (a Social
/// Security number stays: it is personal data).
fn social_act(rest: &str) -> bool {
    rest.starts_with("security act") || rest.starts_with("security administration")
}

/// Whether the "breach" at `at` is a breach of contract ("material breach",
/// "breach of this Agreement", "breach of its obligations under Section 4"),
/// which termination and notice clauses mention all the time, not a security
/// breach ("breach of Customer Data", "a Breach of Unsecured PHI").
pub fn contract_breach(text: &str, at: usize) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| rx(r"^breach(es|ed|ing)?\W{1,3}(of|under)( (this|the|that|such|any|its|their|these|those|a|an))?( [a-z-]+){0,3}? (agreement|section|contract|licen[cs]e|terms?|conditions|obligations?|covenants?|representations?|warrant(y|ies)|restrictions?|provisions?|clauses?|articles?|statement of work|sow|order|duty|duties|polic(y|ies)|exhibit|schedule)s?\b"));
    let mut from = at.saturating_sub(20);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..at].trim_end().to_ascii_lowercase();
    let prefixed = [
        "material",
        "materially",
        " in",
        "cure the",
        "cure any",
        "cure such",
    ]
    .iter()
    .any(|p| before.ends_with(p));
    prefixed || re.is_match(&text[at..])
}

#[cfg(test)]
mod tests {
    use super::super::vocab::security_context;

    #[test]
    fn security_stems_in_ordinary_senses_are_not_security_vocabulary() {
        for text in [
            "The physician shall dispatch a technician after the conversion.",
            "Supplier shall not use Hospital's logo and shall arrange the logistics.",
            "Supplier shall furnish the patch cables and label the patch panel.",
            "Transdermal patches shall be individually sealed.",
            "Each delivery shall be entered in the delivery log and the site log.",
            "Hospital shall investigate each patient-care incident and each exposure incident.",
            "Supplier retains a security interest in the Equipment until paid; securities are excluded.",
            "Hospital may cancel if it cannot secure financing; see the Social Security Act.",
            "Personnel shall follow infection control rules; infectious waste is excluded; disinfect daily.",
            "Visits are limited in respiratory virus season.",
            "Supplier's market penetration; seal all penetrations with firestop.",
            "Rails shall protect vulnerable patients from falls.",
            "The reports are privileged and confidential peer review documents; clinical privileges apply.",
            "Representatives shall register with the vendor credentialing program.",
            "Neither party is liable for incidental or consequential damages.",
            "Supplier shall deliver to Hospital's remote clinics at the same price.",
            "Hospital shall update the Plan's provider directory and its price file.",
            "Supplier shall update the deposit with the escrow agent.",
            "Contractor shall run the data cabling to each data outlet listed on the data sheet.",
            "Incident Reporting. Damage to the Equipment from a cart collision or a spill shall be reported.",
            "Tools shall be cleaned with disinfectant wipes; hand sanitizer is provided.",
        ] {
            assert!(!security_context(text), "{text}");
        }
        // The same stems in their security sense still count.
        for text in [
            "Supplier shall patch the Product within thirty days.",
            "Supplier shall deliver a patch for each vulnerability.",
            "The Product shall keep an audit log of every login.",
            "Supplier shall report any incident affecting the Product.",
            "Supplier shall keep the Product secure.",
            "Supplier shall restore an infected device.",
            "Supplier shall wipe the hard drive and sanitize the media before return.",
            "The Product shall run antivirus software.",
            "Supplier shall perform a penetration test each year.",
            "Supplier shall disclose each vulnerability it learns of.",
            "Service engineers shall not share credentials.",
            "Remote access shall be approved per session.",
            "Business Associate shall safeguard PHI.",
            "Only privileged accounts may change the configuration.",
            "Supplier shall update the Software within thirty days.",
            "Supplier shall update the operating system files.",
            "Access shall be limited by logical access controls.",
            "Each remote session shall be recorded in the service log.",
            "Visitors shall sign the visitor log.",
            "Only credentialed users may run the scan.",
            "Privileged or administrative accounts require approval.",
            "Records of PHI-related disclosures shall be kept.",
            "Staff in remote work shall connect through the VPN only.",
            "Supplier shall not copy the data stored on the Device.",
        ] {
            assert!(security_context(text), "{text}");
        }
    }
}
