//! Wording that keeps a binding, specific duty from being strong: a proviso
//! that takes part of it back, a condition that it holds only under a paid
//! plan, an admission that the product does not meet it yet, or a vendor's
//! answer to a buyer's requirement (an RFP response made part of the
//! contract) that complies only in part or takes exception to it.
//!
//! Grading asks only about candidates that would otherwise be strong, so the
//! regexes here run on few clauses. The catalogue names these forms as
//! partial: "patching only under a paid service plan" (PERF-PATCH, PERF-COST),
//! "no duty to update" (MAT-MDS2), MFA "on roadmap" (PDM-AUTH).

use super::Span;
use super::cues::Gated;
use std::sync::OnceLock;

/// Why a strong grade is held at partial.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// "…; provided, however, that Supplier shall have no obligation to update …"
    Proviso,
    /// "… for so long as Licensee maintains an active Premium Support subscription"
    PaidPlan,
    /// "the System does not presently support multi-factor authentication …"
    AdmittedGap,
    /// "Requirement 4.2 — Vendor shall … Response: Partially compliant. …"
    PartialAnswer,
}

impl Limit {
    /// The reason shown to the reviewer, with the quoted wording.
    pub fn reason(self, quoted: &str) -> String {
        match self {
            Limit::Proviso => format!("A proviso takes part of the duty back: {quoted}."),
            Limit::PaidPlan => {
                format!("The duty holds only while a paid plan is kept up: {quoted}.")
            }
            Limit::AdmittedGap => format!(
                "The clause admits the product does not meet this yet ({quoted}); a commitment to close the gap is partial until it is met."
            ),
            Limit::PartialAnswer => format!(
                "The vendor's answer meets the requirement only in part ({quoted}): the requirement's own wording is not the commitment."
            ),
        }
    }
}

struct Res {
    /// The start of a proviso ("provided, however, that", "save that").
    proviso: Gated,
    /// What in a proviso takes the duty back: a negated duty, a permission
    /// for the supplier or its people, a duty "only" as far as something goes.
    takes_back: Gated,
    paid_plan: Gated,
    gap: Gated,
    /// Interim measures until a gap is closed ("until then", "in the interim").
    interim: Gated,
    /// A dated commitment or a future release ("no later than June 30, 2027").
    dated: Gated,
    /// An answer that complies in part ("Response: Partially compliant").
    partial_answer: Gated,
    /// An answer that refuses ("Response: Not currently supported",
    /// "Exception taken:").
    refused_answer: Gated,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| Res {
        proviso: Gated::with_lits(
            r"\b(provided,? (however|further|always),? that|provided that|save that|except that)\b",
            &["provided", "save that", "except that"],
        ),
        takes_back: Gated::new(
            r"\b(no (obligation|duty|responsibility|right)|need not|not be (required|obligated)|(shall|will|is|are) not (be )?(required|obligated|disclosed|updated)|(supplier|vendor|contractor|manufacturer|provider|licensor|seller|company|oem)(\W{1,3}s)?( [a-z-]+){0,5} (may|can)\b|(personnel|affiliates|subcontractors|staff|employees|engineers)( [a-z-]+){0,6} (may|can)\b)",
        ),
        paid_plan: Gated::with_lits(
            r"\b(so long as|as long as|provided that|only|if|while|subject to|customers|clients|licensees|members|purchasers|subscribers)\b[^.;]{0,60}\b(current (in|on) (the |its |their )?payment|(maintains?|holds?|holding|having|has|have|purchases?|purchased|subscribes? to) (an? |its |their |the )?(active |current |valid |paid )?[a-z -]{0,25}(subscription|coverage|(service|support|maintenance) (agreement|plan|contract|subscription)))",
            &["payment", "subscri", "coverage", "service agreement", "service plan", "service contract", "support agreement", "support plan", "support contract", "maintenance agreement", "maintenance plan", "maintenance contract"],
        ),
        gap: Gated::with_lits(
            r"\b((does|do) not (presently |currently |yet |at present )?(support|offer|provide|include|have)|the (absence|lack) of)\b",
            &["does not", "do not", "absence of", "lack of"],
        ),
        interim: Gated::with_lits(
            r"\b(until (then|such time|that time|(this|the|such) (gap|deficiency|shortfall|limitation) (is|has been) (closed|remedied|resolved|addressed|cured))|in the interim|pending (its |the )?(availability|delivery|release|implementation))\b",
            &["until", "interim", "pending"],
        ),
        partial_answer: Gated::with_lits(
            r"\b((partially|partly) (compliant|complies|comply|meets?)|(compliant|complies|comply) with (exceptions?|deviations?|qualifications?)|response\W{1,8}partial\b)",
            &["partially", "partly", "with exception", "with deviation", "with qualification", "partial"],
        ),
        refused_answer: Gated::with_lits(
            r"\b(response\W{1,8}(not (currently |presently |yet )?supported|non-?compliant|not compliant|does not comply|cannot comply|will not comply|exception\b)|exception taken)",
            // Every alternative has one of these words; "response" alone
            // would run the regex on every incident-response clause.
            &["exception", "supported", "compliant", "comply"],
        ),
        dated: Gated::with_lits(
            r"\b((no later than|on or before|by)\b[^.;]{0,40}\b20\d\d|(future|next|subsequent|upcoming) ((software|product|firmware) )?(releases?|versions?))\b",
            &["20", "future", "next", "subsequent", "upcoming"],
        ),
    })
}

/// The proviso of `text` ("provided, however, that …" to the end of its
/// sentence), if it has one.
fn proviso(text: &str, lower: &str) -> Option<Span> {
    let (a, _) = res().proviso.find(text, lower)?;
    let end = lower[a..].find(". ").map_or(lower.len(), |e| a + e + 1);
    Some(Span::new(a, end))
}

/// "… only to customers holding a current service agreement", "for so long
/// as Licensee maintains an active support subscription": the duty holds
/// only under a paid plan ("shall not be conditioned on the purchase of a
/// service agreement" says the opposite).
fn paid_plan(text: &str, lower: &str) -> Option<Span> {
    res()
        .paid_plan
        .find(text, lower)
        .filter(|&(a, _)| {
            !lower[lower.floor_char_boundary(a.saturating_sub(20))..a].contains("not be")
        })
        .map(|(a, b)| Span::new(a, b))
}

/// An admitted gap or interim measures, with a date or a release that
/// closes them ("does not yet support …; no later than June 30, 2027",
/// "until then …"): the clause records a roadmap item (the catalogue: a
/// dated commitment with interim controls). Asked only of clauses on a
/// security topic, and the date is looked for last: years are common.
pub fn roadmap(text: &str, lower: &str) -> Option<Span> {
    let r = res();
    r.gap
        .find(text, lower)
        .or_else(|| r.interim.find(text, lower))
        .filter(|_| r.dated.matches(text, lower))
        .map(|(a, b)| Span::new(a, b))
}

/// A vendor's answer that refuses the requirement it answers ("Response:
/// Not currently supported", "Exception taken: …"): what the requirement
/// asked is not committed to. Asked of every graded candidate, so it is a
/// search of its own, gated by its verdict words, rather than part of
/// [`Found`], whose other scans only strong candidates need.
pub fn refused_answer(text: &str, lower: &str) -> Option<Span> {
    res()
        .refused_answer
        .find(text, lower)
        .map(|(a, b)| Span::new(a, b))
}

/// The limiting wording of one clause, found once for all its candidates
/// (and for the topic rule that keeps patching beside a paid-plan cost term).
#[derive(Debug, Default)]
pub struct Found {
    /// The clause's proviso, to the end of its sentence.
    proviso: Option<Span>,
    /// A proviso's wording that takes the duty back.
    takes_back: Option<Span>,
    paid_plan: Option<Span>,
    /// Every admission that the product lacks something.
    gaps: Vec<Span>,
    /// A vendor's answer that complies only in part.
    partial_answer: Option<Span>,
}

impl Found {
    /// Scan `text` (with `lower` its ASCII-lowercased copy).
    pub fn new(text: &str, lower: &str) -> Found {
        let r = res();
        let proviso = proviso(text, lower);
        let takes_back = proviso.and_then(|t| {
            r.takes_back
                .find(&text[t.start..t.end], &lower[t.start..t.end])
                .map(|(_, b)| Span::new(t.start, t.start + b))
        });
        let paid_plan = paid_plan(text, lower);
        let mut gaps = Vec::new();
        let mut from = 0;
        while let Some((a, b)) = r.gap.find(&text[from..], &lower[from..]) {
            gaps.push(Span::new(from + a, from + b));
            from += b;
        }
        Found {
            proviso,
            takes_back,
            paid_plan,
            gaps,
            partial_answer: r
                .partial_answer
                .find(text, lower)
                .map(|(a, b)| Span::new(a, b)),
        }
    }

    /// The clause's proviso ("provided, however, that …" to the end of its
    /// sentence).
    pub fn proviso(&self) -> Option<Span> {
        self.proviso
    }

    /// Wording that makes the duty hold only under a paid plan.
    pub fn paid_plan(&self) -> Option<Span> {
        self.paid_plan
    }

    /// Whether the clause's wording holds a strong grade at partial;
    /// `phrases` are the candidate's evidence, which an admitted gap must
    /// name. Returns the limit and the span of its wording.
    pub fn limit(&self, phrases: &[Span]) -> Option<(Limit, Span)> {
        if let Some(s) = self.takes_back {
            return Some((Limit::Proviso, s));
        }
        if let Some(s) = self.paid_plan {
            return Some((Limit::PaidPlan, s));
        }
        if let Some(s) = self.partial_answer {
            return Some((Limit::PartialAnswer, s));
        }
        // The gap is this requirement's when its evidence follows closely:
        // "does not support multi-factor authentication".
        self.gaps
            .iter()
            .find(|g| {
                phrases
                    .iter()
                    .any(|p| p.start >= g.end && p.start <= g.end + 40)
            })
            .map(|&g| (Limit::AdmittedGap, g))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limiting_regex_compiles() {
        // A regex that does not compile never matches, silently.
        let r = res();
        for g in [
            &r.proviso,
            &r.takes_back,
            &r.paid_plan,
            &r.gap,
            &r.interim,
            &r.dated,
            &r.partial_answer,
            &r.refused_answer,
        ] {
            assert!(g.compiles(), "{g:?}");
        }
    }

    #[test]
    fn an_answer_is_read_after_its_marker_only() {
        let found = |t: &str| Found::new(t, &t.to_ascii_lowercase());
        let refused = |t: &str| refused_answer(t, &t.to_ascii_lowercase());
        let t = "Requirement 3.2 - Vendor shall encrypt data at rest. Response \u{2014} Not currently supported.";
        assert!(refused(t).is_some());
        let t = "Requirement 3.2 - Vendor shall encrypt data at rest. Vendor response: Partially compliant.";
        assert!(matches!(
            found(t).limit(&[]),
            Some((Limit::PartialAnswer, _))
        ));
        // An incident-response heading followed by "No later than" is no answer.
        let t = "Incident Response - No later than 4 hours after notice, Vendor shall respond.";
        assert!(refused(t).is_none());
        assert!(found(t).limit(&[]).is_none());
    }
}
