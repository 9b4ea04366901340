//! Find who is who: the supplier (manufacturer) and customer (hospital)
//! defined terms and legal names, from the preamble and definitions, so the
//! grader knows which party a "shall" binds.
//!
//! In order of trust: parenthetical defined terms (`Acme Medical Inc.
//! ("Supplier")`, `(the "Vendor")`, `(hereinafter "Customer")`), definitions
//! (`"Hospital" means …`), and finally the most frequent role noun on each side.

mod roles;

pub use roles::{CUSTOMER_ROLES, SUPPLIER_ROLES, Side, side_of_term};

use super::{Clause, ClauseKind, Parties};
use aho_corasick::{AhoCorasick, MatchKind};
use regex_lite::Regex;
use std::sync::OnceLock;

/// Bytes of the document searched for parenthetical defined terms.
const PREAMBLE_WINDOW: usize = 20_000;

fn defined_term_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"\(\s*(?:(?:hereinafter|hereafter)\s+(?:(?:referred\s+to|called|known)\s+as\s+)?|individually\s+|collectively\s*,?\s*|each\s+a\s+)?(?:the\s+)?["“”']\s*(?:the\s+)?([A-Z][A-Za-z0-9&.\- ]{0,40}?)\s*["“”'](?:\s*(?:,|or|and)\s*(?:the\s+)?["“”']\s*(?:the\s+)?([A-Z][A-Za-z0-9&.\- ]{0,40}?)\s*["“”'])?"#,
        )
        .unwrap_or_else(|_| Regex::new("$^").unwrap_or_else(|_| unreachable!()))
    })
}

const NOT_PARTIES: [&str; 16] = [
    "Agreement",
    "Party",
    "Parties",
    "Effective Date",
    "Product",
    "Products",
    "Services",
    "Equipment",
    "Contract",
    "Order",
    "Purchase Order",
    "Addendum",
    "Term",
    "Territory",
    "Documentation",
    "Confidential Information",
];

const ORG_WORDS: [&str; 24] = [
    "Inc",
    "LLC",
    "L.L.C",
    "Ltd",
    "Limited",
    "Corp",
    "Corporation",
    "Company",
    "GmbH",
    "AG",
    "plc",
    "LP",
    "Hospital",
    "Health",
    "University",
    "Center",
    "Centre",
    "Clinic",
    "System",
    "Systems",
    "Medical",
    "Regents",
    "County",
    "Authority",
];

fn looks_like_org(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric() && c != '.')
        .any(|w| ORG_WORDS.iter().any(|o| w.trim_end_matches('.') == *o))
}

/// The legal name written just before a defined-term parenthesis.
fn name_before(text: &str, paren: usize) -> Option<String> {
    let mut from = paren.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let w = text[from..paren]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let mut cut = 0;
    for d in [
        "between ", "Between ", " and ", "
", ": ", "; ", "among ",
    ] {
        if let Some(i) = w.rfind(d) {
            cut = cut.max(i + d.len());
        }
    }
    let mut name = &w[cut..];
    for d in [", a ", ", an ", ", the ", " a ", " an "] {
        if let Some(i) = name.find(d) {
            name = &name[..i];
        }
    }
    let name = name
        .trim()
        .trim_matches(|c: char| c == ',' || c == '"')
        .trim();
    let name = name.strip_prefix("the ").unwrap_or(name);
    (name.chars().next().is_some_and(char::is_uppercase) && name.len() <= 100)
        .then(|| name.to_string())
}

fn role_counter() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(FALLBACK_SUPPLIER.iter().chain(FALLBACK_CUSTOMER.iter()))
            .unwrap_or_else(|_| AhoCorasick::new(["\u{0}"]).unwrap_or_else(|_| unreachable!()))
    })
}

/// Role nouns trusted for the frequency fallback (no "State", "City", "Company").
const FALLBACK_SUPPLIER: [&str; 7] = [
    "Supplier",
    "Vendor",
    "Manufacturer",
    "Contractor",
    "Seller",
    "Licensor",
    "MDM",
];
const FALLBACK_CUSTOMER: [&str; 8] = [
    "Customer",
    "Hospital",
    "Purchaser",
    "Buyer",
    "Client",
    "Licensee",
    "HDO",
    "Health System",
];

fn by_frequency(text: &str) -> (Option<String>, Option<String>) {
    let b = text.as_bytes();
    let mut counts = [0usize; FALLBACK_SUPPLIER.len() + FALLBACK_CUSTOMER.len()];
    for m in role_counter().find_iter(text) {
        let before = m.start().checked_sub(1).map(|i| b[i]);
        let after = b.get(m.end()).copied();
        let word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if !word(before) && !word(after) {
            counts[m.pattern().as_usize()] += 1;
        }
    }
    let n = FALLBACK_SUPPLIER.len();
    let best = |range: std::ops::Range<usize>, names: &[&str]| {
        range
            .clone()
            .max_by_key(|&i| (counts[i], usize::MAX - i))
            .filter(|&i| counts[i] >= 2)
            .map(|i| names[i - range.start].to_string())
    };
    (
        best(0..n, &FALLBACK_SUPPLIER),
        best(n..counts.len(), &FALLBACK_CUSTOMER),
    )
}

/// Detect the parties of a contract. `clauses` carry ranges in `text`.
pub fn detect(text: &str, clauses: &[Clause]) -> Parties {
    let mut p = Parties::default();
    // The parties are named before the first numbered clause (give or take a
    // recital): search up to there, at least 4 KB, at most PREAMBLE_WINDOW.
    let body = clauses
        .iter()
        .find(|c| !matches!(c.kind, ClauseKind::Title | ClauseKind::Preamble))
        .map_or(PREAMBLE_WINDOW, |c| c.range.start);
    let mut end = text.len().min(body.clamp(4096, PREAMBLE_WINDOW));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Normalise the preamble window so smart quotes, hyphenation and wraps don't hide terms.
    let norm = super::ingest::normalize(&text[..end]);
    let window = norm.text.as_str();
    for c in defined_term_re().captures_iter(window) {
        let (Some(all), Some(term)) = (c.get(0), c.get(1)) else {
            continue;
        };
        // `Acme Inc. ("Acme" or "Supplier")`: prefer the role word.
        let term = match c.get(2) {
            Some(t2) if side_of_term(t2.as_str()).is_some() => t2,
            _ => term,
        };
        let term_s = term.as_str().trim();
        if NOT_PARTIES.iter().any(|n| n.eq_ignore_ascii_case(term_s)) {
            continue;
        }
        let name = name_before(window, all.start());
        let side = side_of_term(term_s).or_else(|| {
            name.as_deref()
                .filter(|n| looks_like_org(n))
                .and_then(roles::side_of_description)
        });
        let (t, n) = match side {
            Some(Side::Supplier) => (&mut p.supplier, &mut p.supplier_name),
            Some(Side::Customer) => (&mut p.customer, &mut p.customer_name),
            None => continue,
        };
        if t.is_none() {
            *t = Some(term_s.to_string());
            *n = name.filter(|n| n != term_s);
        }
    }
    // Definitions: "Hospital" means …
    for c in clauses.iter().filter(|c| c.kind == ClauseKind::Definition) {
        if p.supplier.is_some() && p.customer.is_some() {
            break;
        }
        let Some(term) = c.heading.as_deref() else {
            continue;
        };
        let raw = text.get(c.range.start..c.range.end).unwrap_or("");
        let mut cut = raw.len().min(300);
        while !raw.is_char_boundary(cut) {
            cut -= 1;
        }
        let body = super::ingest::normalize(&raw[..cut]).text;
        let cut = body.len();
        let side = side_of_term(term).or_else(|| {
            body.find(" mean")
                .and_then(|i| roles::side_of_description(&body[i..cut.max(i)]))
        });
        match side {
            Some(Side::Supplier) if p.supplier.is_none() => p.supplier = Some(term.to_string()),
            Some(Side::Customer) if p.customer.is_none() => p.customer = Some(term.to_string()),
            _ => {}
        }
    }
    if p.supplier.is_none() || p.customer.is_none() {
        let (s, c) = by_frequency(text);
        if p.supplier.is_none() {
            p.supplier = s;
        }
        if p.customer.is_none() {
            p.customer = c.filter(|c| Some(c) != p.supplier.as_ref());
        }
    }
    p
}

fn terms(
    own: (&Option<String>, &Option<String>),
    other: &Option<String>,
    generic: &[&str],
) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && other.as_deref() != Some(s) && !v.iter().any(|x| x == s) {
            v.push(s.to_string());
        }
    };
    if let Some(t) = own.0 {
        push(t);
    }
    if let Some(n) = own.1 {
        push(n);
        // "Northwind Infusion Systems, Inc." is also called "Northwind".
        if let Some(first) = n.split([' ', ',']).next()
            && first.len() >= 4
            && first != "The"
        {
            push(first);
        }
    }
    for g in generic {
        push(g);
    }
    v
}

/// Words that name the supplier in this contract: its defined term, legal
/// name (and its first word), then generic supplier-side role nouns that are
/// not the customer's defined term.
pub fn supplier_terms(p: &Parties) -> Vec<String> {
    terms(
        (&p.supplier, &p.supplier_name),
        &p.customer,
        &FALLBACK_SUPPLIER,
    )
}

/// Words that name the customer (see [`supplier_terms`]).
pub fn customer_terms(p: &Parties) -> Vec<String> {
    terms(
        (&p.customer, &p.customer_name),
        &p.supplier,
        &FALLBACK_CUSTOMER,
    )
}

/// Every word that may name one side (defined term, legal name and its first
/// word, generic role nouns), without allocating; the other side's defined
/// term is left out.
fn names<'a>(
    own: &'a Option<String>,
    name: &'a Option<String>,
    other: &'a Option<String>,
    generic: &'static [&'static str],
) -> impl Iterator<Item = &'a str> {
    let first = name
        .as_deref()
        .and_then(|n| n.split([' ', ',']).next())
        .filter(|f| f.len() >= 4 && *f != "The");
    own.as_deref()
        .into_iter()
        .chain(name.as_deref())
        .chain(first)
        .chain(generic.iter().copied())
        .filter(move |t| !t.is_empty() && other.as_deref() != Some(*t))
}

/// Last position in `head` where `term` names a party: a whole word, not the
/// first half of a compound defined term ("Customer Data", "Supplier Personnel").
fn last_mention(head: &str, term: &str) -> Option<usize> {
    let b = head.as_bytes();
    let mut end = head.len();
    while let Some(i) = rfind(&b[..end], term.as_bytes()) {
        let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let after = &head[i + term.len()..];
        let after_ok = !after.starts_with(|c: char| c.is_ascii_alphanumeric())
            && !after
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
        if before_ok && after_ok && !object_of_preposition(&head[..i]) {
            return Some(i);
        }
        end = i;
    }
    None
}

/// Where `needle` last occurs in `hay` (`str::rfind` for a non-empty needle;
/// `None` for an empty one). The obligor of every graded sentence asks this
/// of some twenty party names, over the 120 bytes before its verb: the
/// standard two-way searcher's set-up per call was most of that cost.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut limit = hay.len().checked_sub(needle.len())? + 1;
    loop {
        let i = memchr::memrchr(first, &hay[..limit])?;
        if hay[i..].starts_with(needle) {
            return Some(i);
        }
        limit = i;
    }
}

/// Whether a party named right after `before` is the object of a
/// preposition rather than a subject ("technicians assigned to Client's
/// account shall", "personnel with access to Client Data or Client's
/// gateway shall"): walking back over articles, list words and capitalised
/// words, the first other word is a preposition. A comma right before the
/// name ends an introductory phrase ("with respect to Customer, Supplier
/// shall"); "by" is left out, as a passive's agent is the one bound
/// ("Customer Data received by Supplier shall be encrypted").
fn object_of_preposition(before: &str) -> bool {
    const PREPOSITIONS: [&str; 13] = [
        "to", "of", "for", "with", "from", "on", "in", "into", "through", "under", "at", "via",
        "within",
    ];
    const LIST_WORDS: [&str; 8] = ["the", "its", "their", "any", "all", "each", "or", "and"];
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    for (n, word) in before.split_whitespace().rev().take(12).enumerate() {
        if n == 0 && word.ends_with(',') {
            return false;
        }
        let word = word.trim_end_matches(',');
        if PREPOSITIONS.iter().any(|p| word.eq_ignore_ascii_case(p)) {
            return true;
        }
        if !(LIST_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
            || word.starts_with(|c: char| c.is_uppercase()))
        {
            return false;
        }
    }
    false
}

/// What follows a modal when it grants a right rather than a duty
/// ("Customer shall be entitled to audit"); lowercase.
pub const RIGHTS: [&str; 4] = [
    "be entitled",
    "have the right",
    "be permitted",
    "be allowed",
];

/// Which party a sentence binds: the party named closest before its first
/// "shall" / "will" / "must" / "agrees to" / "is responsible". `None` when
/// no party is named there or no obligation word is found. Allocation-free.
pub fn obligor(p: &Parties, sentence: &str) -> Option<Side> {
    const VERBS: [&str; 7] = [
        " shall ",
        " will ",
        " must ",
        " agrees to ",
        " is responsible",
        " undertakes ",
        " warrants ",
    ];
    // The earliest of them: one leftmost automaton pass, not a substring
    // search per verb.
    static VERB_AC: OnceLock<AhoCorasick> = OnceLock::new();
    let verbs = VERB_AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(VERBS)
            .unwrap_or_else(|_| unreachable!("seven plain words always build"))
    });
    let at = verbs.find(sentence)?.start();
    // "Customer shall be entitled to audit": a right, not a duty.
    let verb_end = sentence[at + 1..]
        .find(' ')
        .map_or(sentence.len(), |i| at + 2 + i);
    if RIGHTS
        .iter()
        .any(|r| sentence[verb_end..].trim_start().starts_with(r))
    {
        return None;
    }
    let mut from = at.saturating_sub(120);
    while !sentence.is_char_boundary(from) {
        from += 1;
    }
    let head = &sentence[from..at + 1];
    let sup = names(
        &p.supplier,
        &p.supplier_name,
        &p.customer,
        &FALLBACK_SUPPLIER,
    )
    .filter_map(|t| last_mention(head, t).map(|i| (i, i + t.len())))
    .max();
    let cus = names(
        &p.customer,
        &p.customer_name,
        &p.supplier,
        &FALLBACK_CUSTOMER,
    )
    .filter_map(|t| last_mention(head, t).map(|i| (i, i + t.len())))
    .max();
    // "… at no cost to Customer, Snowflake shall": a capitalised name closer
    // to the verb than any known party is the subject, and it is unknown.
    let (_, nearest_end) = sup.max(cus)?;
    if head[nearest_end..]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    match (sup, cus) {
        (Some(s), Some(c)) => Some(if s > c {
            Side::Supplier
        } else {
            Side::Customer
        }),
        (Some(_), None) => Some(Side::Supplier),
        (None, Some(_)) => Some(Side::Customer),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests;
