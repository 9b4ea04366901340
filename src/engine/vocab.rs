//! Generic contract vocabulary for grading: binding modals, escape qualifiers,
//! permissive wording, negations and exclusions, vague timing, specificity
//! markers, who carries a duty (subject position), and whether a clause is
//! about security at all. Compiled once, shared by every analysis.

use super::Span;
use super::cues::Gated;
use super::parties;
use super::senses;
use std::sync::OnceLock;

/// Generic grading vocabulary, compiled once.
pub struct Vocab {
    pub(crate) binding: Gated,
    pub(crate) escape: Gated,
    pub(crate) soft_escape: Gated,
    pub(crate) exclusion: Gated,
    pub(crate) permissive: Gated,
    pub(crate) negation: Gated,
    pub(crate) vague: Gated,
    pub(crate) sole: Gated,
    pub(crate) specific: Gated,
    /// Party word … modal, for the subject tests of [`customer_duty`] and
    /// [`supplier_duty`].
    customer_duty: Gated,
    supplier_duty: Gated,
    /// See [`customer_responsibility`] and [`shared_allocation`].
    customer_responsibility: Gated,
    shared_allocation: Gated,
    /// A defined term and its definition verb ("\"Business Day\" means").
    pub(crate) definition: Gated,
    /// A clause opening with an unquoted term and its definition verb.
    pub(crate) leading_definition: Gated,
    /// Results of testing handed to the other party ("shall provide
    /// Hospital with an executive summary of the results").
    pub(crate) results_shared: Gated,
    /// The grading regexes of [`Presence`] as one set (built on first use;
    /// `None` if it cannot be built, and then every regex runs).
    set: OnceLock<Option<regex::bytes::RegexSet>>,
}

/// Which of the generic grading regexes match somewhere in a clause, from one
/// scan of it. Grading asks each of them about the candidate's sentences; a
/// regex that matches nowhere in the clause cannot match in one of its
/// sentences (sentences are split between non-word characters, so `\b` reads
/// the same, and no grading regex is anchored), so it is skipped. Every
/// candidate of a clause used to scan its sentences with each regex in turn.
#[derive(Debug, Clone, Copy)]
pub struct Presence(u16);

/// Index of each regex in [`Presence`] (order of [`Vocab::graded`]).
#[derive(Debug, Clone, Copy)]
pub enum GradingRegex {
    Binding,
    Escape,
    SoftEscape,
    Exclusion,
    Permissive,
    Negation,
    Vague,
    Sole,
    Specific,
}

impl Presence {
    /// Every regex may match (no pre-scan).
    pub const ALL: Presence = Presence(u16::MAX);
    pub fn may(self, r: GradingRegex) -> bool {
        self.0 & (1 << r as u16) != 0
    }
}

/// The shared vocabulary (compiled on first use).
pub fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let r = Gated::new;
        let g = Gated::with_lits;
        Vocab {
            binding: r(
                r"\b(shall|must|will|agrees? to|is expected to|are expected to|is prohibited|are prohibited|may not|may only|undertakes? to|warrants?|represents?|covenants?|is (required|obligated|responsible)|are (required|obligated|responsible)|shall be responsible|is obliged)\b",
            ),
            escape: g(
                r"\b((commercially )?reasonable (efforts|endeavou?rs)|endeavou?r|to the extent (practicable|feasible|possible|reasonably possible)|in its (sole )?discretion|at its (sole )?discretion|as (it|supplier|vendor) deems appropriate|strive|intends? to|aims? to|seeks? to|if available|when available|subject to availability|may elect|whenever possible|wherever possible|if possible|reasonable commercial efforts|cannot guarantee|(is|are) (highly |strongly )?recommended|recommends?|as (determined|decided|announced) by (the )?(supplier|vendor|manufacturer|company|seller|licensor|contractor|provider|oem)|(on|according to) a schedule (determined|set) by|(will|shall|may|agrees? to) (consider|explore)|(consider|explore|evaluate|assess) (the feasibility of|whether to))\b",
                &["reasonabl", "endeavo", "extent", "discretion", "deems", "strive", "intend", "aim", "seek", "available", "availability", "elect", "possible", "guarantee", "recommend", "determined by", "decided by", "announced by", "set by", "consider", "explore", "feasibility", "whether to"],
            ),
            exclusion: g(
                r"\b((is|are) not (included|covered|provided|supported|part of)|(does|do) not (apply|include|cover|extend) to|not covered|(is|are) excluded|recommends? that (you|customer) do not|do not install|(shall|will) be required to pay|at (an )?additional (cost|charge|fee)|for an additional fee|retains? the right to (use|sell|disclose|rent))\b",
                &["not ", "exclud", "additional", "required to pay", "retain"],
            ),
            soft_escape: g(
                r"\b((up)?on (written )?request|if requested|as (may be )?required by (applicable )?laws?|(to the extent|if|where|when) (so )?required by (applicable )?laws?|to the extent required by\b|((to the extent|as) (and|or) )?(with)?in the (time|times|timeframes?|periods?|manner)( and manner)? required by (applicable )?laws?|where (feasible|practicable|possible|appropriate))\b",
                &["request", "required by", "where "],
            ),
            permissive: g(
                r"\b((supplier|vendor|contractor|manufacturer|provider|licensor|seller|company|it|they|we|party) (may|can|could|might)( elect| choose| decide)?\b( not\b| only\b)?|should|is encouraged to|are encouraged to|preferred|(may|can) be (provided|supplied|furnished|made available|delivered|offered)( only\b)?)\b",
                &["may", "can", "could", "might", "should", "encourag", "prefer"],
            ),
            negation: g(
                r"\b(no (obligation|duty|responsibility|liability|commitment)|(is|are|shall be|will be) not (required|obligated|responsible|liable)|shall not be (required|obligated|responsible)|not be required to|has no (obligation|responsibility|duty)|disclaims?|makes no (warranty|representation|guarantee)|does not (warrant|guarantee|represent)|without (any )?(warranty|obligation)|is not (responsible|liable))\b",
                &["no ", "not", "disclaim", "without"],
            ),
            vague: r(
                r"\b(promptly|prompt|as soon as (reasonably )?(practicable|possible)|without (undue|unreasonable) delay|in a timely (manner|fashion)|timely|reasonable (time|period)|expeditiously|periodically|regularly|appropriate|industry[- ]standard|commercially reasonable|reasonable)\b",
            ),
            sole: r(r"\b(solely|sole responsibility|exclusively|entirely) ?(responsible|liable)?\b"),
            // Named standards and frequencies. List markers ("(i)", bullets)
            // are not: a list of vague duties is still vague. Nor is a law
            // such as HIPAA: it applies anyway, so citing it sets no measure.
            specific: r(
                r"(\b(fips|nist|iso|iec|soc ?[12]|ssae|hitrust|pci|cis|owasp|aes|tls|sha-?\d|mfa|multi-factor|two-factor|800-\d+|62443|81001|27001|ssdf|sbom|cyclonedx|spdx|mds2)\b|\b(annual(ly)?|quarterly|monthly|weekly|daily|at least once|every \w+ (months?|years?|days?)|once (per|a|each) (year|quarter|month))\b)",
            ),
            customer_duty: duty_re(&CUSTOMER_ROLES),
            supplier_duty: duty_re(&SUPPLIER_ROLES),
            customer_responsibility: r(
                r"\b((is|are|remains?|be) (the )?(sole |exclusive )?(customer|hospital|client|buyer|purchaser|licensee|user)(\W{1,3}s)? (sole |own )?responsibilit(y|ies)|(customer|hospital|client|buyer|purchaser|licensee)(\W{1,3}s)? (obligations|responsibilities)|(customer|hospital|client|buyer|purchaser|licensee|you) (assumes?|bears?|retains?) (full |sole |all )?(responsibility|liability)|responsibility of (the )?(customer|hospital|client|buyer|purchaser|licensee)|(customer|hospital|client|licensee|you|user) (is|are) (solely |fully |exclusively )?responsible|(be|been|is|are) (applied|installed|performed|implemented|maintained|managed|configured|updated|deployed|changed|kept) by the (customer|hospital|client|user|licensee)\b|(customer|hospital|client|licensee|you) should|if you (implement|install|apply|maintain|use)|your (facility|organi[sz]ation|network|it department)\W?s? (must|should|is responsible))",
            ),
            shared_allocation: g(
                r"\b((customer|hospital|client|buyer|purchaser|licensee|user|you)s?(\W{1,3}s)? (is|are|shall be|will be|remains?) (solely |fully |exclusively |also |entirely )?responsible|(is|are|remains?|be) (the )?(sole |exclusive )?(customer|hospital|client|buyer|purchaser|licensee|user)(\W{1,3}s)? (sole |own )?responsibilit(y|ies)|(customer|hospital|client|buyer|purchaser|licensee)(\W{1,3}s)? responsibilities|(customer|hospital|client|buyer|purchaser|licensee|you) (assumes?|bears?|retains?|accepts?) (full |sole |all )?responsibility)\b",
                &["responsib"],
            ),
            definition: g(
                r#"["'][a-z][^"'\n]{1,60}["'],? (\([^)\n]{0,40}\) )?(means|mean|shall mean|has the meaning|have the meanings?|is defined as|are defined as|refers to|shall refer to)\b"#,
                &["mean", "defined as", "refer"],
            ),
            // A clause that opens by defining a term without quotes
            // ("Multifactor authentication means a type of …").
            leading_definition: g(
                r"^\W*(the term )?[a-z][a-z0-9 -]{2,50}\s+(means|shall mean|is defined as)\b",
                &["mean", "defined as"],
            ),
            results_shared: g(
                r"\b(provide|share|deliver|furnish|make available|disclose|send|submit)\w*\b.{0,60}\b(summar(y|ies)|results|reports?|findings|letters?|overview)\b",
                &["provide", "share", "deliver", "furnish", "make available", "disclose", "send", "submit"],
            ),
            set: OnceLock::new(),
        }
    })
}

impl Vocab {
    /// The regexes of [`GradingRegex`], in its order.
    fn graded(&self) -> [&Gated; 9] {
        [
            &self.binding,
            &self.escape,
            &self.soft_escape,
            &self.exclusion,
            &self.permissive,
            &self.negation,
            &self.vague,
            &self.sole,
            &self.specific,
        ]
    }

    /// Which grading regexes match somewhere in `text`.
    pub fn presence(&self, text: &str) -> Presence {
        let set = self.set.get_or_init(|| {
            regex::bytes::RegexSetBuilder::new(self.graded().iter().map(|g| g.re.source()))
                .size_limit(1 << 21)
                .dfa_size_limit(1 << 20)
                .build()
                .ok()
        });
        match set {
            Some(set) => Presence(
                set.matches(text.as_bytes())
                    .iter()
                    .fold(0, |m, i| m | 1 << i),
            ),
            None => Presence::ALL,
        }
    }
}

/// The role nouns of each side that [`customer_duty`] and [`supplier_duty`]
/// take as the subject of a modal, and [`other_subject`] as another party's.
const CUSTOMER_ROLES: [&str; 15] = [
    "customer",
    "hospital",
    "purchaser",
    "buyer",
    "client",
    "licensee",
    "hdo",
    "health system",
    "subscriber",
    "member",
    "facility",
    "owner",
    "medical center",
    "trust",
    "authority",
];
const SUPPLIER_ROLES: [&str; 9] = [
    "supplier",
    "vendor",
    "manufacturer",
    "contractor",
    "seller",
    "licensor",
    "provider",
    "business associate",
    "proposer",
];

fn duty_re(roles: &[&str]) -> Gated {
    let side = roles.join("|");
    Gated::new(&format!(
        r"\b({side})s?\b[^.;:]{{0,60}}?\b(shall|must|will|agrees? to|is responsible|are responsible|shall be responsible|is required|are required)\b"
    ))
}

/// Whether `text` uses any security vocabulary at all: clauses that only
/// mention a generic topic word ("subcontractor", "audit", "access", "risk",
/// "confidential", "applicable law") without it are not security terms. Those
/// words are deliberately not in the list: insurance, payment and records
/// clauses use them all the time. "Privileges", "remote", "discontinued" and
/// "assessment" are in it: in a clause that already has a topic cue they name
/// access control, remote service, end of life and risk assessment; so are
/// attack kinds ("ransomware", "phishing", "denial of service"), "forensic",
/// and "use or disclosure", the HIPAA privacy rule's term for what a business
/// associate must report. Network segmentation, infected devices and code
/// analysis (static, composition) name catalogue topics in words a drafter
/// uses without any other security term; so do "compensating controls", the
/// interim measures of a maturity roadmap; "disposal" and "configuration" do
/// not join: packaging is disposed of and equipment configured. A stem in
/// another trade's sense (a patch panel, a physician, a service log, a
/// security interest, infection control; [`senses::ordinary_sense`]) or a
/// breach of contract does not count.
pub fn security_context(text: &str) -> bool {
    security_words(text) == SecurityWords::Some
}

/// What [`security_context`] found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecurityWords {
    /// At least one security word in its security sense.
    Some,
    /// Security stems, but every one in another sense (a patient-fall
    /// incident report, a breach of contract, a patch panel).
    OnlyOtherSenses,
    /// No security stem at all.
    None,
}

/// The security vocabulary of `text`, telling a text without any security
/// stem from one whose stems are all used in other senses.
pub fn security_words(text: &str) -> SecurityWords {
    const WORDS: &[&str] = &[
        "secur",
        "cyber",
        "vulnerab",
        "patch",
        "malware",
        "ransomware",
        "phishing",
        "denial of service",
        "forensic",
        "malicious",
        "virus",
        "encrypt",
        "breach",
        "incident",
        "password",
        "authenticat",
        "firewall",
        "protected health",
        "use or disclosure",
        " phi",
        "hipaa",
        "intrusion",
        "threat",
        "sbom",
        "bill of materials",
        "27001",
        "component list",
        "component inventory",
        "mds2",
        " log",
        "audit trail",
        "backup",
        "back-up",
        "disaster",
        "sanitiz",
        "wipe",
        "overwrite",
        "penetration",
        "harden",
        "operating system",
        "operating-system",
        // A product "configured per the manufacturer's standard configuration"
        // is the catalogue's partial hardening clause.
        "standard configuration",
        "factory configuration",
        "standard build",
        "default configuration",
        "default settings",
        "firmware",
        "end of life",
        "end of support",
        "end of sale",
        "end-of-life",
        "end-of-support",
        "end-of-sale",
        " eol",
        "endpoint protection",
        "endpoint security",
        "allow-list",
        "allowlist",
        "whitelist",
        "vlan",
        "active directory",
        "single sign-on",
        "access control",
        "unauthori",
        "personal data",
        "personal information",
        "health information",
        "patient information",
        "patient data",
        "personally identifiable",
        " pii",
        "customer data",
        "multi-factor",
        "credential",
        "cryptograph",
        "update",
        "upgrade",
        " data",
        "version",
        "supported",
        "background check",
        "background screening",
        "third-party code",
        "third party code",
        "third-party software",
        "third party software",
        "third-party component",
        "third party component",
        "privilege",
        "segmentation",
        "segmented",
        "infect",
        "static analysis",
        "code analysis",
        "composition analysis",
        "remote",
        "discontinu",
        "assessment",
        "compensating control",
        "compensating measure",
        "weakness",
        "support has ended",
        "compromise",
        "network segment",
        "network requirement",
        "network specification",
        "interface specification",
        "network diagram",
        "data flow",
        "ports and protocols",
        "ports, protocols",
        "ceases to support",
        "cease to support",
        "cease supporting",
        "ending support",
        "ending maintenance",
        "withdraw support",
        "withdrawing support",
        "withdrawal of support",
        "withdraw maintenance",
        "withdrawing maintenance",
        "business continuity",
    ];
    static AC: OnceLock<Option<aho_corasick::dfa::DFA>> = OnceLock::new();
    let Some(ac) = AC.get_or_init(|| super::scan::dfa(WORDS, true)) else {
        return SecurityWords::None;
    };
    let mut found = SecurityWords::None;
    super::scan::until(ac, text.as_bytes(), |p, start, end| {
        let entry = WORDS[p];
        let other = if entry == "breach" {
            senses::contract_breach(text, start)
        } else {
            senses::ordinary_sense(text, entry, start, end)
        };
        if !other {
            found = SecurityWords::Some;
            return std::ops::ControlFlow::Break(());
        }
        found = SecurityWords::OnlyOtherSenses;
        std::ops::ControlFlow::Continue(())
    });
    found
}

/// Verbs that open an instruction in a list of duties ("• Ensure that …",
/// "(b) Implement …"): the binding modal sits in the lead-in ("Contractor
/// shall:"), which is often a separate clause.
const IMPERATIVES: &[&str] = &[
    "apply",
    "conduct",
    "configure",
    "deploy",
    "destroy",
    "disable",
    "document",
    "encrypt",
    "enforce",
    "ensure",
    "establish",
    "implement",
    "install",
    "limit",
    "maintain",
    "monitor",
    "notify",
    "perform",
    "prevent",
    "prohibit",
    "protect",
    "provide",
    "remove",
    "report",
    "require",
    "restrict",
    "retain",
    "review",
    "submit",
    "use",
];

/// The imperative verb that opens `lower` (an ASCII-lowercased sentence),
/// after a bullet glyph or a list label ("(b)", "iv)", "2.", "- "), as a
/// span of `lower`.
pub fn imperative_opening(lower: &str) -> Option<Span> {
    let is_filler = |c: char| {
        c.is_whitespace()
            || matches!(c, '-' | '*' | '\u{2013}')
            || super::ingest::chars::is_bullet(c)
    };
    let start = lower.len() - lower.trim_start_matches(is_filler).len();
    let at = start + super::segment::labels::parse(&lower[start..]).map_or(0, |l| l.rest);
    let verb_end = lower[at..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(lower.len(), |e| at + e);
    // "Use of the Software …", "Review by Customer …": a noun, not a command.
    let next = lower[verb_end..].split_whitespace().next().unwrap_or("");
    let noun = [
        "of", "by", "is", "are", "shall", "will", "must", "may", "and", "or",
    ]
    .contains(&next.trim_end_matches([',', ':', ';']));
    (IMPERATIVES.contains(&&lower[at..verb_end]) && !noun).then(|| Span::new(at, verb_end))
}

/// A sentence in which the customer (hospital) side carries a duty; `lower`
/// is `text` ASCII-lowercased (the caller already has it).
pub fn customer_duty(text: &str, lower: &str) -> Option<Span> {
    subject_match(&vocab().customer_duty, text, lower, |_| true)
}

/// [`customer_duty`] that is not a prohibition: "Customer shall not perform
/// penetration tests" restricts the hospital for the supplier's sake (the
/// restricted topic reports it, often as a conflict); it is not one of the
/// hospital's own security obligations.
pub fn customer_obligation(text: &str, lower: &str) -> Option<Span> {
    subject_match(&vocab().customer_duty, text, lower, |m| {
        let after = lower[m.end..].trim_start();
        !["not ", "have no ", "has no ", "never "]
            .iter()
            .any(|n| after.starts_with(n))
    })
}

/// A match of `re` whose party word is the subject: within a few characters
/// of the start of its sentence or list item.
fn subject_match(re: &Gated, text: &str, lower: &str, keep: impl Fn(Span) -> bool) -> Option<Span> {
    if !re.may_match(lower) {
        return None;
    }
    // A rejected match may hide the real subject inside it ("Customer's
    // obligations …, Customer will"), so the next try starts one byte later.
    let mut at = 0;
    while let Some(m) = re.re.find_at(text, at) {
        at = m.0 + 1;
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
        if let Some(span) = subject_of(text, lower, m).filter(|&s| keep(s)) {
            return Some(span);
        }
    }
    None
}

/// `m` (a party word … modal match) as a duty of that party, unless the party
/// word is part of a noun phrase ("Customer Data shall"), a possessive, the
/// holder of a right, a payer, or not in subject position.
fn subject_of(text: &str, lower: &str, m: (usize, usize)) -> Option<Span> {
    let next = lower[m.0..m.1].split_whitespace().nth(1).unwrap_or("");
    const NOUNS: [&str; 17] = [
        "data",
        "information",
        "confidential",
        "personal",
        "records",
        "systems",
        "premises",
        "network",
        "property",
        "site",
        "environment",
        "equipment",
        "content",
        "facilities",
        "audit",
        "location",
        "request",
    ];
    if NOUNS.iter().any(|n| next.starts_with(n)) || next.starts_with("'s") {
        return None;
    }
    // "Client's written request … will": a possessive is not the subject,
    // nor is one of a two-word role ("… to Health System's SIEM, and shall
    // retain them": the duty is the one of the sentence's subject).
    let first_word_end = lower[m.0..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(m.1, |i| m.0 + i);
    let word_end = CUSTOMER_ROLES
        .iter()
        .chain(&SUPPLIER_ROLES)
        .filter(|r| lower[m.0..m.1].starts_with(*r))
        .map(|r| m.0 + r.len())
        .max()
        .unwrap_or(first_word_end)
        .max(first_word_end);
    if lower[word_end..].starts_with(['\'', '\u{2019}']) {
        return None;
    }
    // "Customer shall be entitled to audit": a right, not a duty; "Customer
    // shall pay": a commercial duty, not a security one.
    let after = lower[m.1..].trim_start();
    const NOT_SECURITY_DUTIES: [&str; 5] = [
        "not be required",
        "not be obligated",
        "pay ",
        "reimburse",
        "indemnify",
    ];
    if parties::RIGHTS
        .iter()
        .chain(&NOT_SECURITY_DUTIES)
        .any(|p| after.starts_with(p))
    {
        return None;
    }
    if other_subject(&lower[word_end..m.1]) {
        return None;
    }
    let before = &text[..m.0];
    let from = before
        .rfind(['.', ';', ':', '\n', ')', '\u{2022}'])
        .map_or(0, |i| i + 1);
    (m.0 - from <= 12).then(|| Span::new(m.0, m.1))
}

/// Whether the modal that ends a party word … modal match (`rest`: the match
/// after its party word) has another party as its own subject: "Hospital
/// issues a Purchase Order, Vendor shall" is the vendor's duty, not the
/// hospital's. "Hospital and Vendor shall" stays a duty of both.
fn other_subject(rest: &str) -> bool {
    let toks: Vec<&str> = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let modal = (0..toks.len()).find(|&i| {
        let next = toks.get(i + 1).copied().unwrap_or("");
        match toks[i] {
            "shall" | "must" | "will" => true,
            "is" | "are" => matches!(next, "responsible" | "required"),
            "agree" | "agrees" => next == "to",
            _ => false,
        }
    });
    let Some(i) = modal.filter(|&i| i > 0) else {
        return false;
    };
    // The words just before the modal name a party ("Vendor", "Business
    // Associates"), not joined to the first one by "and" / "or" / "nor".
    CUSTOMER_ROLES.iter().chain(&SUPPLIER_ROLES).any(|role| {
        let Some(from) = i.checked_sub(role.split(' ').count()) else {
            return false;
        };
        let joined = from >= 1 && matches!(toks[from - 1], "and" | "or" | "nor");
        toks[from..i].join(" ").trim_end_matches('s') == *role && !joined
    })
}

/// A sentence in which the supplier (manufacturer) side carries a duty;
/// `lower` is `text` ASCII-lowercased.
pub fn supplier_duty(text: &str, lower: &str) -> Option<Span> {
    subject_match(&vocab().supplier_duty, text, lower, |_| true)
}

/// Wording that allocates a security duty to the customer without a modal
/// verb in subject position: "is Customer's responsibility", "the customer
/// assumes responsibility", "Customer Responsibilities", "responsibility of
/// the Hospital", "recommends … be applied by the customer", "if you implement".
/// `lower` is `text` ASCII-lowercased (the caller already has it).
pub fn customer_responsibility(text: &str, lower: &str) -> Option<Span> {
    vocab()
        .customer_responsibility
        .find(text, lower)
        .map(|(a, b)| Span::new(a, b))
}

/// Wording that allocates responsibility to the hospital as one side of a
/// split: "Customer is (solely) responsible", "is Customer's responsibility",
/// "Customer Responsibilities", "the customer assumes responsibility".
/// `lower` is `text` ASCII-lowercased.
pub fn shared_allocation(text: &str, lower: &str) -> Option<Span> {
    vocab()
        .shared_allocation
        .find(text, lower)
        .map(|(a, b)| Span::new(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_that_opens_with_a_command_is_found() {
        fn verb(t: &str) -> Option<&str> {
            imperative_opening(t).map(|s| &t[s.start..s.end])
        }
        assert_eq!(
            verb("\u{2022} ensure that default passwords are changed."),
            Some("ensure")
        );
        assert_eq!(
            verb("(b) implement multi-factor authentication."),
            Some("implement")
        );
        assert_eq!(verb("iv) encrypt all backups."), Some("encrypt"));
        assert_eq!(verb("2. provide the sbom."), Some("provide"));
        assert_eq!(verb("use strong passwords."), Some("use"));
        // Not commands: a noun use, a stated duty, a verb later in the sentence.
        assert_eq!(verb("use of the software is limited to customer."), None);
        assert_eq!(
            verb("review by customer shall not be unreasonably delayed."),
            None
        );
        assert_eq!(verb("the supplier shall ensure that logs are kept."), None);
        assert_eq!(verb("passwords: ensure they are changed."), None);
    }

    #[test]
    fn security_vocabulary_covers_access_lifecycle_and_assessment_wording() {
        for text in [
            "IT will review all remote access accounts at least annually.",
            "Administrators receive only the privileges their role requires.",
            "If a product is discontinued by its manufacturer, notice shall be given.",
            "The vendor shall complete a vendor risk assessment questionnaire.",
        ] {
            assert!(security_context(text), "{text}");
        }
        for text in [
            "Customer shall pay all invoices within thirty (30) days.",
            "Supplier shall maintain commercial general liability insurance.",
        ] {
            assert!(!security_context(text), "{text}");
        }
    }

    /// The one-scan presence check may only skip a grading regex that
    /// cannot match in any sentence of the clause: grading runs them on
    /// sentences, the check on the whole clause.
    #[test]
    fn presence_never_hides_a_match_in_a_sentence() {
        let v = vocab();
        let texts = [
            "Supplier shall use commercially reasonable efforts to patch. It may, upon request, provide SBOMs annually; Customer is solely responsible.",
            "Vendor has no obligation to support the device.\n\nUpdates are not included and are recommended only. Promptly!",
            "The parties agree.",
            "",
        ];
        for text in texts {
            let lower = text.to_ascii_lowercase();
            let pres = v.presence(text);
            for (i, re) in v.graded().iter().enumerate() {
                let marked = pres.0 & (1 << i) != 0;
                // The set agrees with the regex run on the whole clause …
                assert_eq!(marked, re.matches(text, &lower), "regex {i} in {text:?}");
                // … and never hides a match in one of its sentences.
                let in_a_sentence = super::super::grade::sentences(text).iter().any(|s| {
                    re.find(&text[s.start..s.end], &lower[s.start..s.end])
                        .is_some()
                });
                assert!(marked || !in_a_sentence, "regex {i} hidden in {text:?}");
            }
        }
        // A clause without a modal or qualifier skips those regexes.
        let p = v.presence("Definitions and headings.");
        assert!(
            !p.may(GradingRegex::Binding)
                && !p.may(GradingRegex::Escape)
                && !p.may(GradingRegex::Negation)
        );
    }

    /// Cue regexes are compiled on first use, and one that does not compile
    /// never matches; the clause-pack validator checks pack cues, this checks
    /// the built-in grading vocabulary.
    #[test]
    fn every_grading_regex_compiles() {
        let v = vocab();
        for (name, re) in [
            ("binding", &v.binding),
            ("escape", &v.escape),
            ("soft_escape", &v.soft_escape),
            ("exclusion", &v.exclusion),
            ("permissive", &v.permissive),
            ("negation", &v.negation),
            ("vague", &v.vague),
            ("sole", &v.sole),
            ("specific", &v.specific),
            ("customer_duty", &v.customer_duty),
            ("supplier_duty", &v.supplier_duty),
            ("customer_responsibility", &v.customer_responsibility),
            ("shared_allocation", &v.shared_allocation),
        ] {
            assert!(re.compiles(), "{name} does not compile");
        }
    }
}
