//! Helpers of the clause-level topic rules in [`super::Engine`]'s
//! `grade_text` (in `clause`): which requirements a clause keeps beside its
//! main topics (who pays for maintenance work), a list of the hospital's
//! duties, the hospital's side of the shared-responsibility split, a
//! platform's end of support, work named only as a duty's purpose, and
//! topics named only in passing (remote service, third-party software,
//! anti-malware content updates, network facts in a document), with the one
//! rule that drops them ([`drop_in_passing`]).

use super::{Span, Status, cues, detect, grade, vocab};

/// A clause that only allocates duties to the hospital states one side of
/// the shared-responsibility split: at best partial (a strong split pairs
/// each area with the manufacturer's side), and its deadlines belong to the
/// hospital's duty, not to the split, so they are not compared here.
pub(super) fn one_side_of_split(g: &mut grade::Graded, text: &str, span: Span) {
    if matches!(g.status, Status::Strong | Status::Partial) {
        g.status = Status::Partial;
        g.numbers.clear();
        g.overcommit = false;
        g.reasons = vec![format!(
            "Allocates security duties to the hospital ({}) without the manufacturer's side of the split.",
            grade::quote(text, span)
        )];
    }
}

/// Whether the sentence around byte `at` of `text` speaks of security
/// maintenance work (patching, updating, upgrading, remedying, supporting);
/// `lower` is `text` ASCII-lowercased.
pub(super) fn maintenance_work(text: &str, lower: &str, at: usize) -> bool {
    const WORK: [&str; 9] = [
        "patch",
        "update",
        "upgrade",
        "remed",
        "fix",
        "support",
        "maintenance",
        "firmware",
        "repair",
    ];
    let w = detect::window(text, at);
    WORK.iter().any(|k| lower[w.start..w.end].contains(k))
}

/// Whether `text` opens with a list of the customer's duties: the customer
/// modal `duty` near the start, an enumeration ("(i)", "(a)", "1.", a bullet)
/// right after it, and no supplier duty anywhere in the text.
pub(super) fn hospital_duty_list(text: &str, lower: &str, duty: Span) -> bool {
    if duty.start > 80 || vocab::supplier_duty(text, lower).is_some() {
        return false;
    }
    let (from, to) = cues::snap(lower, duty.end, (duty.end + 40).min(lower.len()));
    let after = &lower[from..to];
    ["(i)", "(a)", "(1)", "1.", "\u{2022}", "- "]
        .iter()
        .any(|m| after.contains(m))
}

/// Whether every end-of-support phrase among `phrases` (ranges of `text`;
/// `lower` is `text` ASCII-lowercased) is a platform's: its publisher's, an
/// operating system's or a database's ("no operating system … will reach its
/// publisher's end of support within 24 months"). Such a clause is about the
/// platform requirement, not about notice before the product itself goes
/// out of support; it needs at least one such phrase.
pub(super) fn platform_end_of_support(lower: &str, phrases: &[Span]) -> bool {
    const SUPPORT: [&str; 4] = ["support", "end of life", "end-of-life", "end of sale"];
    const PLATFORM: [&str; 6] = [
        "publisher",
        "operating system",
        "platform",
        "database",
        "windows",
        "third-party software",
    ];
    let mut any = false;
    for p in phrases {
        let phrase = &lower[p.start..p.end];
        // The name of the product's support term is no end of support.
        if !SUPPORT.iter().any(|w| phrase.contains(w))
            || phrase.contains("support term")
            || phrase.contains("support period")
        {
            continue;
        }
        any = true;
        // "discontinue support for any model of the Goods" is the product's.
        let (_, to) = cues::snap(lower, p.end, (p.end + 40).min(lower.len()));
        let named = &lower[p.start..to];
        if ["model", "product", "goods", "equipment", "device"]
            .iter()
            .any(|w| named.contains(w))
            && !PLATFORM.iter().any(|w| phrase.contains(w))
        {
            return false;
        }
        // The platform may be named a sentence earlier ("… its publisher's
        // end of support … Should any such component reach end of support").
        let from = lower.floor_char_boundary(p.start.saturating_sub(150));
        let before = &lower[from..p.start];
        if !PLATFORM
            .iter()
            .any(|w| phrase.contains(w) || before.contains(w))
        {
            return false;
        }
    }
    any
}

/// Whether every phrase in `phrases` (ranges of `text`; `lower` is `text`
/// ASCII-lowercased) sits in a purpose phrase, "for (the purpose of)
/// installing security updates", "for installation of software updates":
/// the work is why a duty exists, not the duty.
pub(super) fn only_the_purpose(text: &str, lower: &str, phrases: &[Span]) -> bool {
    static RE: std::sync::OnceLock<cues::Gated> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        cues::Gated::with_lits(
            r"\b(for|to allow|to permit|to enable)( the purpose of)?( the)? (install\w*|appl(y|ying|ication)|deploy\w*|load\w*)( of)?( any| all| the| such| its)?( [a-z-]+){0,2} (patch|update)\w*",
            &["install", "appl", "deploy", "load"],
        )
    });
    let purposes = every_match(re, text, lower);
    every_naming_phrase(
        lower,
        phrases,
        |_| true,
        |p| {
            purposes
                .iter()
                .any(|q| q.start <= p.start && p.end <= q.end)
        },
    )
}

/// Drops requirement `req` from `ranked` when the clause also ranks a topic
/// `beside` accepts (called with that other candidate and `req`'s own),
/// `in_passing` finds that `req`'s evidence names it only in passing, and
/// the clause has none of `req`'s own wording (`own`). The checks run in that
/// order, cheapest first.
pub(super) fn drop_in_passing(
    ranked: &mut Vec<detect::Candidate>,
    req: Option<usize>,
    beside: impl Fn(&detect::Candidate, &detect::Candidate) -> bool,
    in_passing: impl FnOnce(&[Span]) -> bool,
    own: impl FnOnce(usize) -> bool,
) {
    let Some(req) = req else { return };
    let Some(i) = ranked.iter().position(|c| c.req == req) else {
        return;
    };
    if ranked
        .iter()
        .any(|other| other.req != req && beside(other, &ranked[i]))
        && in_passing(&ranked[i].phrases)
        && !own(req)
    {
        ranked.remove(i);
    }
}

/// Whether every phrase in `phrases` that names remote service (ranges of
/// `text`; `lower` is `text` ASCII-lowercased) names it in passing: as the
/// channel something goes through ("collected through the remote service
/// platform") or as the kind of people or provider ("remote-support
/// engineers", "a third-party remote-service provider").
pub(super) fn remote_in_passing(text: &str, lower: &str, phrases: &[Span]) -> bool {
    static RE: std::sync::OnceLock<cues::Gated> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        cues::Gated::with_lits(
            r"\b((through|by|via|using|over|from) (the |its |a |any )?([a-z-]+ )?remote[- ](service|monitoring|support|diagnostics?) (platform|feature|service|portal|tool|connection|connectivity)s?|remote[- ](service|support|monitoring) (engineers?|technicians?|specialists?|personnel|providers?|staff|teams?|organi[sz]ations?|feature|kits?))\b",
            &["remote"],
        )
    });
    let passing = every_match(re, text, lower);
    // The phrase opens inside a passing mention (a proximity pattern may
    // run on past it: "… platform, including device logs").
    every_naming_phrase(
        lower,
        phrases,
        |t| t.contains("remote"),
        |p| opens_in(&passing, p),
    )
}

/// Whether every phrase in `phrases` that names third-party software
/// (ranges of `text`; `lower` is `text` ASCII-lowercased) names it in
/// passing: software the hospital would install ("installation of any
/// third-party software, including antivirus … shall void the warranty"), a
/// list of the product's components, which is the SBOM ("a list of the
/// principal third-party software components"), or a tool a listing may not
/// be loaded into ("uploaded into any third-party software tool"). None of
/// them is about the supplier's duty for the components it ships.
pub(super) fn third_party_in_passing(text: &str, lower: &str, phrases: &[Span]) -> bool {
    static RE: std::sync::OnceLock<cues::Gated> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        cues::Gated::with_lits(
            r"\b((install\w*|load\w*)( on [a-z -]{0,30})?( of)?( any| all| such| other)?( [a-z-]+){0,3},? third[- ]party (software|applications?|programs?|products?)|(lists?|listings?|schedules?|inventor(y|ies)|statements?) of (the |all |its )?(principal |major |main |key |material )?(third[- ]party|open[- ]source|commercial|off[- ]the[- ]shelf)( software)?( software| components?| packages?| libraries| products?)|(upload\w*|load\w*|import\w*|process\w*|copied|cop(y|ying)) (in)?(to|into|in|by) (any |a )?third[- ]party (software |)(tools?|services?|databases?|platforms?|applications?|software))\b",
            &["third"],
        )
    });
    let passing = every_match(re, text, lower);
    every_naming_phrase(
        lower,
        phrases,
        |t| t.contains("third"),
        |p| opens_in(&passing, p),
    )
}

/// Whether every phrase in `phrases` that names updates (ranges of `text`;
/// `lower` is `text` ASCII-lowercased) names the anti-malware product's own
/// content: "signature and engine updates", "virus definition updates",
/// "updated versions of such products". Keeping the protection current is
/// the anti-malware requirement, not the supplier's patching of its product.
pub(super) fn malware_content_updates(text: &str, lower: &str, phrases: &[Span]) -> bool {
    static RE: std::sync::OnceLock<cues::Gated> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        cues::Gated::with_lits(
            r"\b((anti-?virus|anti-?malware|malware|virus|signature|definition|dat|engine|pattern|threat)( and (signature|definition|engine|pattern))?( files?)? (updates?|upgrades?|releases?)|updated versions of (such|those|the|these) (anti-?malware |anti-?virus |endpoint protection |security )?(products|programs|tools|agents))\b",
            &["update", "upgrade", "release"],
        )
    });
    let content = every_match(re, text, lower);
    let names = |t: &str| t.contains("updat") || t.contains("upgrad") || t.contains("release");
    every_naming_phrase(lower, phrases, names, |p| {
        content.iter().any(|q| p.start < q.end && q.start < p.end)
    })
}

/// Whether every phrase in `phrases` (ranges of `text`; `lower` is `text`
/// ASCII-lowercased) sits in the description of a document: "a data-flow
/// diagram identifying every port, protocol and service", "documentation
/// describing the network requirements". Handing the network facts over is
/// the transparency requirement; the segmentation duty itself is not named.
pub(super) fn network_in_documentation(text: &str, lower: &str, phrases: &[Span]) -> bool {
    static RE: std::sync::OnceLock<cues::Gated> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        cues::Gated::with_lits(
            r"\b(diagrams?|lists?|listings?|documentation|descriptions?|inventor(y|ies)|specifications?)\b[^.;]{0,80}\b(ports?|protocols?|services|network (requirements|connections|flows|architecture)|data[- ]flows?|flows)\b",
            &["diagram", "list", "documentation", "description", "inventor", "specification"],
        )
    });
    let docs = every_match(re, text, lower);
    every_naming_phrase(lower, phrases, |_| true, |p| opens_in(&docs, p))
}

/// Whether at least one of `phrases` (ranges of `lower`) `names` the topic
/// (asked of the phrase's lowercased text), and every one that does lies
/// `within` the wording that makes it a passing mention.
fn every_naming_phrase(
    lower: &str,
    phrases: &[Span],
    names: impl Fn(&str) -> bool,
    within: impl Fn(Span) -> bool,
) -> bool {
    let mut named = phrases
        .iter()
        .filter(|p| names(&lower[p.start..p.end]))
        .peekable();
    named.peek().is_some() && named.all(|p| within(*p))
}

/// Whether phrase `p` opens inside one of `spans`.
fn opens_in(spans: &[Span], p: Span) -> bool {
    spans.iter().any(|q| q.start <= p.start && p.start < q.end)
}

/// Every match of `re` in `text` (`lower` is `text` ASCII-lowercased, for
/// the literal gate), as ranges of `text`; none when the gate rules it out.
fn every_match(re: &cues::Gated, text: &str, lower: &str) -> Vec<Span> {
    if !re.may_match(lower) {
        return Vec::new();
    }
    re.re
        .find_iter(text)
        .map(|(a, b)| Span::new(a, b))
        .collect()
}
