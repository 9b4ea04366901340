//! Grade one topic hit: strong / partial / weak / conflict, with reasons a
//! hospital reviewer understands.
//!
//! Generic contract vocabulary lives in [`super::vocab`] (binding modals, escape
//! qualifiers, negations, vague timing); requirement-specific signals come from the clause
//! library's `strong` / `weak` / `conflict` regexes, and numbers are compared
//! with the playbook thresholds chosen by their `context` words.

use super::cues::{Gated, ReqCues};
use super::detect::Candidate;
use super::gate::Pairs;
use super::negation;
use super::numbers::{Duration, days};
use super::parties::{self, Side};
use super::thresholds::{ContextWords, pick_threshold, windows};
use super::vocab::{
    GradingRegex as V, Presence, customer_duty, imperative_opening, supplier_duty, vocab,
};
use super::{Parties, Span, Status};
use crate::library::{Direction, EvidenceTag, Party, Playbook, Requirement, Unit};

/// The grade of one requirement in one text.
#[derive(Debug, Clone)]
pub struct Graded {
    pub status: Status,
    pub reasons: Vec<String>,
    pub phrases: Vec<Span>,
    /// Durations compared with a threshold: (threshold name, value in days, text span).
    pub numbers: Vec<(String, f64, Span)>,
    /// The clause commits the supplier to much more than the playbook asks.
    pub overcommit: bool,
}

/// How far (as a ratio) a duration may miss a default threshold the clause
/// library chose itself (evidence "inferred") before the duty counts as
/// partial. Labelled clauses grade "within fourteen (14) business days" for
/// test evidence strong where our default is ten.
const INFERRED_SLACK: f64 = 2.0;

/// Focus sentences shorter than this (bytes, in total) widen to the whole text.
const SHORT_FOCUS: usize = 150;

/// The clause being graded, with what is computed once for all its candidates.
pub struct Clause<'a> {
    pub text: &'a str,
    /// `text` ASCII-lowercased (same offsets).
    pub lower: &'a str,
    pub durs: &'a [Duration],
    /// Which generic grading regexes match somewhere in `text`.
    pub pres: Presence,
    /// Wording that holds a strong grade at partial (found on first use).
    pub limits: std::cell::OnceCell<super::limits::Found>,
    /// The words about each of `durs` (see [`windows`]; on first use).
    pub windows: std::cell::OnceCell<Vec<std::ops::Range<usize>>>,
    /// The library's threshold context words, and where they occur in
    /// `lower` (on first use).
    pub contexts: &'a ContextWords,
    pub context_hits: std::cell::OnceCell<Vec<(usize, Span)>>,
    /// The byte pairs of `lower` (on first use), which settle most word
    /// checks of the grading regexes without a search.
    pub pairs: std::cell::OnceCell<Pairs>,
    /// The sentences of `text` (see [`sentences`]; on first use, shared by
    /// the clause's candidates and the topic rules before them).
    pub sentences: std::cell::OnceCell<Vec<Span>>,
    /// The clause is a list item whose lead-in binds it ("Supplier shall
    /// deliver: (i) …").
    pub lead_in_binds: bool,
}

/// Everything grading needs besides the text.
pub struct Ctx<'a> {
    pub parties: &'a Parties,
    pub playbook: &'a Playbook,
    /// The definitions requirement (index), whose evidence is a definition
    /// rather than a duty.
    pub definitions: Option<usize>,
}

/// Sentence ranges of `text` (split at . ; ! ? followed by space, and at blank lines).
pub fn sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let end_here = match c {
            b'.' | b';' | b'!' | b'?' => b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
            b'\n' => b.get(i + 1) == Some(&b'\n'),
            _ => false,
        };
        if end_here {
            out.push(Span::new(start, i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < b.len() {
        out.push(Span::new(start, b.len()));
    }
    out.retain(|s| !text[s.start..s.end].trim().is_empty());
    out
}

/// Sentence `f` of `sents`, extended over the next sentence when that one
/// opens by referring back to it ("Any such installation shall void the
/// warranty", "This does not apply …"); `lower` is the ASCII-lowercased text.
fn with_follow_up(lower: &str, sents: &[Span], f: Span) -> Span {
    const BACK: [&str; 9] = [
        "any such ",
        "such ",
        "this ",
        "these ",
        "that ",
        "doing so",
        "the foregoing",
        "any of the foregoing",
        "in such case",
    ];
    let next = sents.iter().find(|s| s.start >= f.end);
    match next {
        Some(n)
            if BACK
                .iter()
                .any(|w| lower[n.start..n.end].trim_start().starts_with(w)) =>
        {
            Span::new(f.start, n.end)
        }
        _ => f,
    }
}

/// A short quotation of `text[span]` for a reason.
pub fn quote(text: &str, s: Span) -> String {
    let q = text.get(s.start..s.end).unwrap_or("").trim();
    let q: String = q.split_whitespace().collect::<Vec<_>>().join(" ");
    if q.chars().count() > 70 {
        let cut: String = q.chars().take(67).collect();
        format!("\u{201c}{cut}\u{2026}\u{201d}")
    } else {
        format!("\u{201c}{q}\u{201d}")
    }
}

/// The first match of the first of `re` that matches in `text`, a part of
/// the clause whose byte pairs are `pairs` (`lower` as in [`Clause`]).
fn first(re: &[Gated], text: &str, lower: &str, pairs: &Pairs) -> Option<Span> {
    re.iter().find_map(|r| {
        r.find_part(text, lower, pairs)
            .map(|(a, b)| Span::new(a, b))
    })
}

/// [`first`] within span `f` of `text`, as a range of `text`.
fn first_in(re: &[Gated], text: &str, lower: &str, f: Span, pairs: &Pairs) -> Option<Span> {
    first(re, &text[f.start..f.end], &lower[f.start..f.end], pairs)
        .map(|m| Span::new(f.start + m.start, f.start + m.end))
}

/// Grade candidate `cand` of requirement `req` in `clause`. `None` when an
/// exclude cue vetoes it.
pub fn grade(
    ctx: &Ctx,
    req: &Requirement,
    rc: &ReqCues,
    clause: &Clause,
    cand: &Candidate,
) -> Option<Graded> {
    let (text, lower, durs, pres) = (clause.text, clause.lower, clause.durs, clause.pres);
    let pairs = clause.pairs.get_or_init(|| Pairs::of(lower));
    let v = vocab();
    if cand.score < 2.0
        && cand.phrases.iter().any(|p| {
            let w = super::detect::window(text, p.start);
            first(
                &rc.exclude,
                &text[w.start..w.end],
                &lower[w.start..w.end],
                pairs,
            )
            .is_some()
        })
    {
        return None;
    }
    let sents = clause.sentences.get_or_init(|| sentences(text));
    let own: Vec<Span> = sents
        .iter()
        .copied()
        .filter(|s| {
            cand.phrases
                .iter()
                .any(|p| p.start < s.end && p.end > s.start)
        })
        .collect();
    // A hit only in a heading line or a short fragment ("Unsupported
    // Operating Systems") says little about the duty: grade the whole text.
    let short = own.iter().map(|s| s.end - s.start).sum::<usize>() < SHORT_FOCUS;
    let widened = own.is_empty() || short;
    let focus: &[Span] = if widened { sents } else { &own };
    let mut g = Graded {
        status: Status::Partial,
        reasons: Vec::new(),
        phrases: cand.phrases.clone(),
        numbers: Vec::new(),
        overcommit: false,
    };
    let sup = ctx
        .parties
        .supplier
        .as_deref()
        .unwrap_or("Supplier")
        .to_string();
    let cus = ctx
        .parties
        .customer
        .as_deref()
        .unwrap_or("Customer")
        .to_string();

    // Limiting wording (provisos, paid plans, admitted gaps), scanned once
    // per clause on first use.
    let limits = || {
        clause
            .limits
            .get_or_init(|| super::limits::Found::new(text, lower))
    };
    let in_focus_any = |res: &[Gated]| {
        focus
            .iter()
            .find_map(|f| first_in(res, text, lower, *f, pairs))
    };
    // 1. Wording that works against the requirement. Read over the whole
    // text when the focus widened to it: "The SBOM is Seller's Confidential
    // Information. Buyer shall not upload it into any tool" works against
    // the requirement across a sentence end. Otherwise over each focus
    // sentence, with the next one when that one refers back to it ("…
    // including operating system patches. Any such installation shall void
    // the warranty").
    let against = if widened {
        first(&rc.conflict, text, lower, pairs)
    } else {
        focus.iter().find_map(|f| {
            let f = with_follow_up(lower, sents, *f);
            first_in(&rc.conflict, text, lower, f, pairs)
        })
    };
    // "Shared or generic remote-service accounts are not permitted"
    // forbids what the conflict wording names.
    if let Some(s) = against.filter(|&s| !negation::forbidden_after(lower, s)) {
        g.phrases.push(s);
        g.status = Status::Conflict;
        g.reasons.push(format!(
            "The clause works against this requirement: {}.",
            quote(text, s)
        ));
        return Some(g);
    }
    // A generic grading regex in the focus sentences, when it matches
    // somewhere in the clause at all.
    let in_focus = |which: V, re: &Gated| {
        pres.may(which).then_some(())?;
        focus.iter().find_map(|f| {
            re.find(&text[f.start..f.end], &lower[f.start..f.end])
                .map(|(a, b)| Span::new(f.start + a, f.start + b))
        })
    };
    // The requirement's own weak wording ("for information only, without
    // warranty") is more specific than a generic negation.
    let cue_weak = in_focus_any(&rc.weak);
    let negated = || {
        in_focus(V::Negation, &v.negation).or_else(|| {
            pres.may(V::Exclusion).then_some(())?;
            v.exclusion.find(text, lower).map(|(a, b)| Span::new(a, b))
        })
    };
    if let Some(s) = cue_weak
        .is_none()
        .then(negated)
        .flatten()
        .filter(|&s| !negation::spares_the_duty(lower, s, &cus, req.meta.party))
    {
        g.phrases.push(s);
        // "X shall deliver …; provided, however, that X shall have no
        // obligation to update it": the proviso takes part of a duty back,
        // it does not undo the duty before it.
        if let Some(p) = limits().proviso()
            && p.start <= s.start
            && s.end <= p.end
            && pres.may(V::Binding)
            && v.binding
                .find(&text[..p.start], &lower[..p.start])
                .is_some()
        {
            g.reasons
                .push(super::limits::Limit::Proviso.reason(&quote(text, s)));
            return Some(g);
        }
        g.status = Status::Conflict;
        g.reasons.push(format!(
            "The clause disclaims or negates the duty: {}.",
            quote(text, s)
        ));
        return Some(g);
    }

    // 2. Who carries the duty.
    let obligor = focus.iter().find_map(|f| {
        let (sent, low) = (&text[f.start..f.end], &lower[f.start..f.end]);
        match (customer_duty(sent, low), supplier_duty(sent, low)) {
            (Some(_), None) => Some(Side::Customer),
            (None, Some(_)) => Some(Side::Supplier),
            (Some(c), Some(s)) => Some(if c.start < s.start {
                Side::Customer
            } else {
                Side::Supplier
            }),
            (None, None) => parties::obligor(ctx.parties, sent),
        }
    });
    let want = match req.meta.party {
        Party::Supplier => Some(Side::Supplier),
        Party::Customer => Some(Side::Customer),
        Party::Both => None,
    };
    if let (Some(w), Some(o)) = (want, obligor)
        && w != o
    {
        let (on, belongs) = match o {
            Side::Customer => (&cus, &sup),
            Side::Supplier => (&sup, &cus),
        };
        let sole = in_focus(V::Sole, &v.sole);
        g.status = if sole.is_some() && o == Side::Customer {
            Status::Conflict
        } else {
            Status::Weak
        };
        g.reasons.push(format!(
            "The duty is put on {on}, but this requirement is {belongs}'s to meet."
        ));
        if let Some(s) = sole {
            g.phrases.push(s);
            g.reasons.push(format!(
                "{on} is made solely responsible ({}).",
                quote(text, s)
            ));
        }
        return Some(g);
    }

    // 3. Modal strength and escape qualifiers.
    let whole = |which: V, re: &Gated| {
        pres.may(which).then_some(())?;
        re.find(text, lower).map(|(a, b)| Span::new(a, b))
    };
    let binding = in_focus(V::Binding, &v.binding)
        .or_else(|| whole(V::Binding, &v.binding))
        // A definition binds as written: the definitions requirement is met
        // by defining the terms, not by a duty to define them.
        .or_else(|| {
            (ctx.definitions == Some(cand.req))
                .then(|| in_focus_any(std::slice::from_ref(&v.definition)))
                .flatten()
        })
        // A list item under a binding lead-in ("Supplier shall deliver:
        // (i) a summary …") is bound by it, unless it is permissive itself.
        .or_else(|| {
            (clause.lead_in_binds && in_focus(V::Permissive, &v.permissive).is_none())
                .then(|| Span::new(0, 0))
        })
        // A list item that opens with a command ("• Ensure that …") is
        // binding: its modal is in the lead-in, often a clause of its own.
        .or_else(|| {
            focus.iter().find_map(|f| {
                imperative_opening(&lower[f.start..f.end])
                    .map(|s| Span::new(f.start + s.start, f.start + s.end))
            })
        });
    let specific = whole(V::Specific, &v.specific);
    // "… except as required by law", "… other than as permitted by this
    // BAA or as required by law": a carve-out from a prohibition, not a
    // duty softened to what the law demands.
    let soft = in_focus(V::SoftEscape, &v.soft_escape).filter(|s| {
        let before = &lower[lower.floor_char_boundary(s.start.saturating_sub(60))..s.start];
        let before = before.rsplit([';', '.']).next().unwrap_or(before);
        !["except", "unless", "other than"]
            .iter()
            .any(|w| before.contains(w))
            && specific.is_none()
    });
    let escape = in_focus(V::Escape, &v.escape).or(soft);
    let permissive = in_focus(V::Permissive, &v.permissive);
    let cue_strong = in_focus_any(&rc.strong);
    let escape = escape.or(cue_weak);
    let has_number = !durs.is_empty();
    if let Some(s) = escape.filter(|_| !has_number) {
        g.phrases.push(s);
        g.status = Status::Weak;
        g.reasons.push(format!(
            "The commitment is softened by an escape qualifier: {}.",
            quote(text, s)
        ));
        return Some(g);
    }
    if let Some(p) = permissive {
        let pt = &text[p.start..p.end].to_lowercase();
        // "Vendor may access the System remotely only through Hospital's
        // gateway": a permission confined to a channel or a condition is a
        // restriction, and binds.
        let confined = || {
            let after = &lower[p.end..];
            let end = after.find(['.', ';']).unwrap_or(after.len()).min(80);
            let after = &after[..after.floor_char_boundary(end)];
            let verb = after.split_whitespace().next().unwrap_or("");
            [
                "access", "connect", "log", "enter", "use", "perform", "transfer", "store",
                "process",
            ]
            .iter()
            .any(|v| verb.starts_with(v))
                && [
                    " only through",
                    " solely through",
                    " only via",
                    " solely via",
                    " exclusively through",
                    " only using",
                    " only upon",
                    " only with",
                    " only (a) through",
                    " solely by means of",
                ]
                .iter()
                .any(|r| after.contains(r))
        };
        let restrictive = pt.ends_with(" not") || pt.ends_with(" only") || confined();
        if !restrictive && binding.is_none_or(|b| b.start > p.start) {
            g.phrases.push(p);
            g.status = Status::Weak;
            g.reasons.push(format!(
                "Only permissive wording ({}), not a binding duty.",
                quote(text, p)
            ));
            return Some(g);
        }
    }

    // 4. Numbers against the playbook.
    let mut number_ok = false;
    let mut number_bad = false;
    let windows = clause.windows.get_or_init(|| windows(lower, durs));
    for (d, window) in durs.iter().zip(windows) {
        if !focus
            .iter()
            .any(|f| d.span.start >= f.start && d.span.start < f.end)
        {
            continue;
        }
        let hits = clause
            .context_hits
            .get_or_init(|| clause.contexts.find(lower));
        let Some((t, by_context)) = pick_threshold(
            &req.meta.thresholds,
            clause.contexts.of(cand.req),
            hits,
            lower,
            d,
            window.clone(),
        ) else {
            continue;
        };
        let limit = ctx.playbook.values.get(&t.name).copied().unwrap_or(t.value);
        let have = d.approx_days();
        let want_days = days(limit, t.unit);
        g.phrases.push(d.span);
        if by_context {
            g.numbers.push((t.name.clone(), have, d.span));
        }
        let found = quote(text, d.span);
        let wanted = format!("{} {}", fmt_num(limit), unit_words(t.unit));
        let worse = match t.direction {
            Direction::AtMost => have > want_days + 1e-9,
            Direction::AtLeast => have + 1e-9 < want_days,
        };
        if worse {
            // A default the clause library chose itself (evidence
            // "inferred", not set by the user) is our benchmark, not an MC2
            // figure: missing it by up to double does not make a binding,
            // measured duty partial; the reason still says so. A value the
            // user set in the playbook is theirs and always counts.
            let ratio = match t.direction {
                Direction::AtMost => have / want_days.max(1e-9),
                Direction::AtLeast => want_days / have.max(1e-9),
            };
            let ours = t.evidence == EvidenceTag::Inferred
                && !ctx.playbook.values.contains_key(&t.name)
                && ratio <= INFERRED_SLACK;
            number_bad |= !ours;
            number_ok |= ours;
            let cmp = match t.direction {
                Direction::AtMost => "longer than",
                Direction::AtLeast => "shorter than",
            };
            g.reasons.push(format!(
                "{found} is {cmp} the playbook's {wanted} ({}){}.",
                t.label.to_lowercase(),
                if ours {
                    "; that default is our own benchmark, not an MC2 figure, and a miss of up to double it leaves the grade as it is"
                } else {
                    ""
                }
            ));
        } else {
            number_ok = true;
            if t.direction == Direction::AtMost && have * 3.0 <= want_days {
                g.overcommit = true;
            }
            g.reasons.push(format!(
                "{found} meets the playbook's {wanted} ({}).",
                t.label.to_lowercase()
            ));
        }
        if d.unit_ambiguous {
            g.reasons.push(format!(
                "{found} does not say whether calendar or business days are meant."
            ));
        }
        if d.trigger.is_some_and(|tr| tr.late) {
            number_bad = true;
            g.reasons.push(
                "The clock starts late (e.g. only after confirmation or investigation)."
                    .to_string(),
            );
        }
    }

    // 5. Final grade.
    // (The lead-in's binding is outside this clause: no phrase of its own.)
    if let Some(b) = binding.filter(|b| !b.is_empty()) {
        g.phrases.push(b);
    }
    // Binding and specific: strong unless limiting wording holds it back.
    let strong_form = binding.is_some()
        && (number_ok || has_number || cue_strong.is_some() || specific.is_some());
    // A vendor's answer that refuses the buyer's requirement ("Response: Not
    // currently supported") leaves the requirement's own "shall" uncommitted.
    let refused = (req.meta.party != Party::Customer)
        .then(|| super::limits::refused_answer(text, lower))
        .flatten();
    if let Some(s) = refused {
        g.phrases.push(s);
        g.status = Status::Weak;
        g.reasons.push(format!(
            "The vendor's answer does not commit to the requirement: {}.",
            quote(text, s)
        ));
    } else if number_bad {
        g.status = Status::Partial;
    } else if strong_form && let Some((limit, s)) = limits().limit(&g.phrases) {
        g.phrases.push(s);
        g.reasons.push(limit.reason(&quote(text, s)));
    } else if strong_form {
        g.status = Status::Strong;
        if let Some(s) = cue_strong {
            g.phrases.push(s);
            g.reasons
                .push(format!("Binding and specific: {}.", quote(text, s)));
        } else if number_ok || has_number {
            g.reasons
                .push("Binding commitment with a measurable deadline.".to_string());
        } else if let Some(s) = specific {
            g.phrases.push(s);
            g.reasons.push(format!(
                "Binding, with a named standard or frequency: {}.",
                quote(text, s)
            ));
        }
    } else if let Some(s) = in_focus(V::Vague, &v.vague) {
        g.phrases.push(s);
        g.reasons.push(format!(
            "Binding but vague: {} sets no measurable standard.",
            quote(text, s)
        ));
    } else if binding.is_some() {
        g.reasons.push(
            "A binding duty, but without the specifics a strong clause has (deadline, standard or scope)."
                .to_string(),
        );
    } else {
        g.reasons
            .push("Describes the practice but does not state it as a binding duty.".to_string());
    }
    g.phrases.sort();
    g.phrases.dedup();
    Some(g)
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Plain words for a unit.
pub fn unit_words(u: Unit) -> &'static str {
    match u {
        Unit::Hours => "hours",
        Unit::BusinessDays => "business days",
        Unit::CalendarDays => "calendar days",
        Unit::Months => "months",
        Unit::Years => "years",
    }
}
