//! Document verdict per requirement: the best evidence wins; `missing` when
//! nothing is found; clauses that contradict each other (a duty and a
//! disclaimer, or two different deadlines for the same thing) are flagged as
//! a conflict. The perspective decides which findings are risks.

use super::grade::Graded;
use super::{Clause, ConflictNote, Evidence, Finding, Perspective, Status};
use crate::library::{Party, Requirement};

/// Rank for "best evidence first".
fn rank(s: Status) -> u8 {
    match s {
        Status::Strong => 0,
        Status::Partial => 1,
        Status::Weak => 2,
        Status::Conflict => 3,
        Status::Missing => 4,
    }
}

/// How people see a clause in a reason: its label, else its heading, else its number.
pub fn clause_name(clauses: &[Clause], id: usize) -> String {
    match clauses.get(id) {
        Some(c) => match (&c.label, &c.heading) {
            (Some(l), _) => format!("clause {}", l.trim()),
            (None, Some(h)) => format!("the clause \u{201c}{}\u{201d}", h.trim()),
            (None, None) => format!("paragraph {}", id + 1),
        },
        None => format!("paragraph {}", id + 1),
    }
}

/// The verdict for `req` from all its evidence in the document.
pub fn finding(
    req: &Requirement,
    mut ev: Vec<(Evidence, Graded)>,
    clauses: &[Clause],
    perspective: Perspective,
) -> Finding {
    ev.sort_by_key(|(e, _)| (rank(e.status), e.clause));
    let mut conflicts = Vec::new();
    let mut reasons = Vec::new();
    let status;
    if let Some((best, _)) = ev.first() {
        let mut st = best.status;
        reasons.extend(best.reasons.iter().cloned());
        // A duty in one clause and wording against it in another.
        if st != Status::Conflict
            && let Some((against, _)) = ev.iter().find(|(e, _)| e.status == Status::Conflict)
        {
            let reason = format!(
                "{} addresses this requirement, but {} works against it; the contract contradicts itself.",
                cap(&clause_name(clauses, best.clause)),
                clause_name(clauses, against.clause)
            );
            conflicts.push(ConflictNote {
                clauses: vec![best.clause, against.clause],
                reason: reason.clone(),
            });
            reasons.insert(0, reason);
            st = Status::Conflict;
        }
        // Two different numbers for the same playbook threshold.
        let nums: Vec<(usize, &str, f64)> = ev
            .iter()
            .flat_map(|(e, g)| {
                g.numbers
                    .iter()
                    .map(move |(name, days, _)| (e.clause, name.as_str(), *days))
            })
            .collect();
        // The pairwise search below is quadratic; a long contract repeating
        // one period in hundreds of clauses has no pair to find, so it only
        // runs when some threshold sees two periods that differ.
        let mut spread: Vec<(&str, f64, f64)> = Vec::new();
        for &(_, name, days) in &nums {
            match spread.iter_mut().find(|s| s.0 == name) {
                Some(s) => (s.1, s.2) = (s.1.min(days), s.2.max(days)),
                None => spread.push((name, days, days)),
            }
        }
        let pairs: &[_] = if spread.iter().any(|s| s.2 - s.1 > 0.5) {
            &nums
        } else {
            &[]
        };
        'outer: for (i, a) in pairs.iter().enumerate() {
            for b in &pairs[i + 1..] {
                // Only periods measured against the same threshold compete: an
                // exploited-vulnerability deadline of 14 days beside a routine
                // one of 30 is a tiered commitment, not a contradiction.
                // Nor do the sub-paragraphs of one section: "(b) within 30
                // days … (c) for an Exploited Vulnerability, within 7 days"
                // are tiers its author wrote side by side, whichever
                // threshold each was read against.
                let parent = |i: usize| clauses.get(i).and_then(|c| c.parent);
                let siblings = parent(a.0).is_some() && parent(a.0) == parent(b.0);
                if a.0 != b.0 && a.1 == b.1 && (a.2 - b.2).abs() > 0.5 && !siblings {
                    let (lo, hi) = if a.2 < b.2 { (a, b) } else { (b, a) };
                    let reason = format!(
                        "{} and {} set different periods for the same obligation ({} vs {} days); which one applies depends on the order of precedence.",
                        cap(&clause_name(clauses, lo.0)),
                        clause_name(clauses, hi.0),
                        fmt_days(lo.2),
                        fmt_days(hi.2)
                    );
                    conflicts.push(ConflictNote {
                        clauses: vec![lo.0, hi.0],
                        reason: reason.clone(),
                    });
                    reasons.insert(0, reason);
                    st = Status::Conflict;
                    break 'outer;
                }
            }
        }
        status = st;
    } else {
        status = Status::Missing;
        reasons.push("No clause addresses this requirement.".to_string());
    }
    let overcommit = ev.iter().any(|(_, g)| g.overcommit);
    let risk = match perspective {
        Perspective::Customer => status != Status::Strong,
        Perspective::Supplier => {
            status == Status::Conflict
                || (req.meta.party != Party::Supplier && status != Status::Strong)
                || overcommit
        }
    };
    if perspective == Perspective::Supplier && overcommit {
        reasons.push(
            "The deadline is much shorter than the playbook asks; check the supplier can meet it."
                .to_string(),
        );
    }
    Finding {
        req: req.meta.id.clone(),
        title: req.meta.title.clone(),
        pillar: req.meta.pillar,
        priority: req.meta.priority,
        status,
        risk,
        reasons,
        evidence: ev.into_iter().map(|(e, _)| e).collect(),
        conflicts,
        insertion: None,
    }
}

fn fmt_days(d: f64) -> String {
    if (d - d.round()).abs() < 0.05 {
        format!("{}", d.round() as i64)
    } else {
        format!("{d:.1}")
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
