//! Segment text into a clause tree: articles, sections, sub-clauses, headings,
//! exhibits, definitions; falls back to paragraphs for unnumbered prose.

use super::{Clause, ClauseKind, Span};

/// Split `text` into clauses, in document order, with ranges in `text`.
/// Placeholder: one clause per blank-line-separated paragraph.
pub fn segment(text: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push(para(out.len(), s, pos));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(para(out.len(), s, pos));
    }
    out
}

fn para(id: usize, start: usize, end: usize) -> Clause {
    Clause {
        id,
        kind: ClauseKind::Paragraph,
        label: None,
        heading: None,
        parent: None,
        depth: 0,
        range: Span::new(start, end),
        reqs: Vec::new(),
    }
}
