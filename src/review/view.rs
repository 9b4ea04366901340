//! What the panes show, computed purely from a [`Report`] and a [`Document`]:
//! the text runs of each clause (plain, evidence, inserted, deleted), the
//! status and requirements of each clause, the coverage summary, and
//! next/previous gap navigation. The Yew components only turn these into HTML.

use crate::edit::{Document, Piece};
use crate::engine::{Report, Span, Status};
use crate::library::Pillar;

/// A redline mark in *current-text* coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// Current text `span` was inserted by revision `rev`.
    Inserted { span: Span, rev: usize },
    /// Base text `text` was deleted just before current offset `at`.
    Deleted { at: usize, text: String, rev: usize },
}

/// The document's revisions as marks on the current text.
pub fn marks(doc: &Document) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut at = 0;
    for p in doc.pieces() {
        match p {
            Piece::Same(t) => at += t.len(),
            Piece::Inserted { text, rev } => {
                out.push(Mark::Inserted {
                    span: Span::new(at, at + text.len()),
                    rev,
                });
                at += text.len();
            }
            Piece::Deleted { text, rev } => out.push(Mark::Deleted {
                at,
                text: text.to_string(),
                rev,
            }),
        }
    }
    out
}

/// How a run of clause text is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub evidence: bool,
    pub inserted: bool,
    pub deleted: bool,
}

/// Split `text[range]` into runs by evidence phrases and redline marks.
pub fn runs(text: &str, range: Span, phrases: &[Span], marks: &[Mark]) -> Vec<Run> {
    let (s, e) = (range.start.min(text.len()), range.end.min(text.len()));
    let mut cuts = vec![s, e];
    let inside = |x: usize| x > s && x < e;
    for p in phrases {
        cuts.extend([p.start, p.end].into_iter().filter(|x| inside(*x)));
    }
    for m in marks {
        match m {
            Mark::Inserted { span, .. } => {
                cuts.extend([span.start, span.end].into_iter().filter(|x| inside(*x)))
            }
            Mark::Deleted { at, .. } => cuts.extend(Some(*at).filter(|x| inside(*x))),
        }
    }
    cuts.retain(|c| text.is_char_boundary(*c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Run> = Vec::new();
    let deleted_at = |x: usize, out: &mut Vec<Run>| {
        for m in marks {
            if let Mark::Deleted { at, text, .. } = m
                && *at == x
            {
                out.push(Run {
                    text: text.clone(),
                    evidence: false,
                    inserted: false,
                    deleted: true,
                });
            }
        }
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        deleted_at(a, &mut out);
        let evidence = phrases
            .iter()
            .any(|p| p.start <= a && b <= p.end && p.start < p.end);
        let inserted = marks
            .iter()
            .any(|m| matches!(m, Mark::Inserted { span, .. } if span.start <= a && b <= span.end));
        let piece = &text[a..b];
        match out.last_mut() {
            Some(l) if l.evidence == evidence && l.inserted == inserted && !l.deleted => {
                l.text.push_str(piece)
            }
            _ => out.push(Run {
                text: piece.to_string(),
                evidence,
                inserted,
                deleted: false,
            }),
        }
    }
    if e == text.len() {
        deleted_at(e, &mut out);
    }
    out
}

/// The display range of each clause: from its start to the next clause's
/// start (so no text between clauses is lost); the first also takes any
/// text before it.
pub fn display_ranges(report: &Report, text_len: usize) -> Vec<Span> {
    let n = report.clauses.len();
    (0..n)
        .map(|i| {
            let start = if i == 0 {
                0
            } else {
                report.clauses[i].range.start.min(text_len)
            };
            let end = report
                .clauses
                .get(i + 1)
                .map(|c| c.range.start)
                .unwrap_or(text_len)
                .min(text_len);
            Span::new(start, end)
        })
        .collect()
}

/// What a clause does for MC2: each requirement it serves, with status and reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseRole {
    pub req: String,
    pub title: String,
    pub status: Status,
    pub reasons: Vec<String>,
}

/// Per clause: its roles and evidence phrases.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClauseInfo {
    pub roles: Vec<ClauseRole>,
    pub phrases: Vec<Span>,
}

impl ClauseInfo {
    /// The headline status: conflict beats weak beats partial beats strong.
    pub fn status(&self) -> Option<Status> {
        let rank = |s: Status| match s {
            Status::Conflict => 0,
            Status::Weak => 1,
            Status::Partial => 2,
            Status::Strong => 3,
            Status::Missing => 4,
        };
        self.roles.iter().map(|r| r.status).min_by_key(|s| rank(*s))
    }
    /// Space-separated requirement IDs (the `data-reqs` test hook).
    pub fn reqs(&self) -> String {
        let mut ids: Vec<&str> = self.roles.iter().map(|r| r.req.as_str()).collect();
        ids.dedup();
        ids.join(" ")
    }
}

/// Collect every finding's evidence onto the clauses it came from.
pub fn clause_infos(report: &Report) -> Vec<ClauseInfo> {
    let mut out = vec![ClauseInfo::default(); report.clauses.len()];
    for f in &report.findings {
        for ev in &f.evidence {
            if let Some(ci) = out.get_mut(ev.clause) {
                if !ci.roles.iter().any(|r| r.req == f.req) {
                    ci.roles.push(ClauseRole {
                        req: f.req.clone(),
                        title: f.title.clone(),
                        status: ev.status,
                        reasons: ev.reasons.clone(),
                    });
                }
                ci.phrases.extend(ev.phrases.iter().copied());
            }
        }
    }
    for (ci, c) in out.iter_mut().zip(&report.clauses) {
        for id in &c.reqs {
            if !ci.roles.iter().any(|r| &r.req == id) {
                ci.roles.push(ClauseRole {
                    req: id.clone(),
                    title: id.clone(),
                    status: Status::Partial,
                    reasons: Vec::new(),
                });
            }
        }
    }
    out
}

/// Counts of findings per status (in [`Status::ALL`] order) and per pillar.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    pub by_status: Vec<(Status, usize)>,
    /// Pillar → (met, total).
    pub by_pillar: Vec<(Pillar, usize, usize)>,
}

pub fn coverage(report: &Report) -> Coverage {
    let by_status = Status::ALL
        .iter()
        .map(|s| {
            (
                *s,
                report.findings.iter().filter(|f| f.status == *s).count(),
            )
        })
        .collect();
    let by_pillar = Pillar::ALL
        .iter()
        .map(|p| {
            let fs = report.findings.iter().filter(|f| f.pillar == *p);
            let total = fs.clone().count();
            let met = fs.filter(|f| f.status == Status::Strong).count();
            (*p, met, total)
        })
        .filter(|(_, _, t)| *t > 0)
        .collect();
    Coverage {
        by_status,
        by_pillar,
    }
}

/// A gap is anything not met.
pub fn is_gap(s: Status) -> bool {
    s != Status::Strong
}

/// The next (or previous) gap after `current` among `order` (requirement IDs
/// with their status, in display order), wrapping around.
pub fn step_gap(
    order: &[(String, Status)],
    current: Option<&str>,
    forward: bool,
) -> Option<String> {
    let gaps: Vec<usize> = (0..order.len()).filter(|i| is_gap(order[*i].1)).collect();
    if gaps.is_empty() {
        return None;
    }
    let pos = current.and_then(|c| order.iter().position(|(id, _)| id == c));
    let pick = match (pos, forward) {
        (None, true) => gaps[0],
        (None, false) => gaps[gaps.len() - 1],
        (Some(p), true) => *gaps.iter().find(|g| **g > p).unwrap_or(&gaps[0]),
        (Some(p), false) => *gaps
            .iter()
            .rev()
            .find(|g| **g < p)
            .unwrap_or(&gaps[gaps.len() - 1]),
    };
    Some(order[pick].0.clone())
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
