//! Segment text into a clause tree: articles, sections, sub-clauses, headings,
//! exhibits, definitions; falls back to paragraphs (and, for overlong
//! paragraphs, sentences) for unnumbered prose.
//!
//! One pass over lines builds flat *blocks* (a labelled line with the body that
//! follows it, a heading, a paragraph); a second pass gives each block a parent
//! from its numbering rank (Exhibit > ARTICLE > Section/1. > 1.2 > 1.2.3 >
//! (a) > (i)); a third computes ranges: a clause covers its own text and all of
//! its descendants, up to the next clause that is not its descendant. Every
//! step is linear in the size of the text.

pub mod labels;
mod split;
mod tree;

use super::{Clause, ClauseKind, Span};
use labels::Style;
use tree::Block;

/// Split `text` into clauses, in document order, with ranges in `text`.
/// Ranges are on char boundaries, start on a non-space character, never
/// overlap except by nesting (a parent contains its children), and are
/// ordered by start.
pub fn segment(text: &str) -> Vec<Clause> {
    let blocks = blocks(text);
    tree::build(text, blocks)
}

/// The range of a clause's own text: from its start to its first child (or its end).
pub fn own_range(clauses: &[Clause], id: usize) -> Span {
    let Some(c) = clauses.get(id) else {
        return Span::default();
    };
    let end = clauses
        .get(id + 1)
        .filter(|n| n.parent == Some(id))
        .map_or(c.range.end, |n| n.range.start);
    Span::new(c.range.start, end)
}

/// Heading text as written, without trailing punctuation.
fn clean_heading(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches([':', '.', ' ']).trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// "Patches. The Supplier shall …": a short capitalised run-in heading before the first ". ".
fn run_in_heading(rest: &str) -> Option<&str> {
    let mut lim = rest.len().min(80);
    while !rest.is_char_boundary(lim) {
        lim -= 1;
    }
    let dot = rest[..lim].find(". ")?;
    let h = &rest[..dot];
    let words = h.split_whitespace().count();
    let last = h.rsplit(' ').next().unwrap_or("");
    let abbrev = [
        "Inc", "Ltd", "Co", "Corp", "No", "LLC", "L.L.C", "U.S", "Mr", "Mrs", "Ms", "Dr", "St",
    ]
    .contains(&last);
    let next = rest[dot + 2..].chars().next();
    let starts = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(');
    (words <= 6 && !abbrev && labels::is_heading(h) && starts).then_some(h)
}

fn introduces_list(u: &str) -> bool {
    u.ends_with([':', '-', '\u{2014}'])
}

/// "Definitions." alone after a label: a heading with a full stop.
fn short_heading(rest: &str) -> bool {
    rest.strip_suffix('.').is_some_and(|h| {
        h.len() <= 100 && h.split_whitespace().nth(6).is_none() && labels::is_heading(h)
    })
}

/// "IN WITNESS WHEREOF": the closing that ends the numbered body.
fn is_closing(u: &str) -> bool {
    u.get(..10)
        .is_some_and(|h| h.eq_ignore_ascii_case("IN WITNESS"))
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut blank_seen = false;
    let mut prev_ended_sentence = true;
    let mut marks = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let line = raw.trim_end();
        let lead = line.len() - line.trim_start().len();
        let t = &line[lead..];
        if t.is_empty() {
            blank_seen = true;
            continue;
        }
        // Inline enumerations: split the line into units at "(a)", "(b)" ….
        let own = labels::parse(t).and_then(|l| match l.style {
            Style::Sub(s) => split::ordinal(&t[l.marker.0..l.marker.1], s).map(|o| (s, o)),
            _ => None,
        });
        split::inline_markers(t, own, &mut marks);
        let mut unit_start = 0;
        for k in 0..=marks.len() {
            let unit_end = marks.get(k).copied().unwrap_or(t.len());
            let u = t[unit_start..unit_end].trim_end();
            let abs = line_start + lead + unit_start;
            let whole = marks.is_empty();
            let intro = !marks.is_empty() && k == 0;
            let ctx = Ctx {
                whole_line: whole,
                intro,
                blank_seen,
                prev_ended_sentence,
            };
            unit(&mut blocks, abs, u, ctx);
            blank_seen = false;
            unit_start = unit_end;
        }
        prev_ended_sentence = t.ends_with(['.', ';', ':', '!', '?', '"', ')']);
    }
    blocks
}

/// Where a unit (a line, or part of a line split at inline markers) sits.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// The unit is a whole line (headings must be whole lines).
    whole_line: bool,
    /// The unit introduces inline sub-clauses that follow on the same line.
    intro: bool,
    blank_seen: bool,
    prev_ended_sentence: bool,
}

fn unit(blocks: &mut Vec<Block>, abs: usize, u: &str, ctx: Ctx) {
    let Ctx {
        whole_line,
        intro,
        blank_seen,
        prev_ended_sentence,
    } = ctx;
    let end = abs + u.len();
    let toc = u.contains("....");
    if let Some(mut l) = labels::parse(u).filter(|_| !toc) {
        let rest = &u[l.rest..];
        // "I. INTRODUCTION", "A. GENERAL TERMS": top-level headings, not sub-clauses.
        let caps = !rest.chars().any(char::is_lowercase);
        if let Style::Sub(sub) = l.style
            && !u.starts_with('(')
            && labels::is_heading(rest)
            && (sub == labels::Sub::UpperRoman || sub == labels::Sub::Upper && caps)
        {
            l.style = Style::Article;
        }
        let label = Some(u[..l.text_len].to_string());
        let def = labels::definition(rest).or_else(|| labels::bare_definition(rest));
        let (kind, heading) = match l.style {
            Style::Exhibit => (ClauseKind::Exhibit, clean_heading(rest)),
            Style::Article => (
                ClauseKind::Article,
                labels::is_heading(rest)
                    .then(|| clean_heading(rest))
                    .flatten(),
            ),
            _ if def.is_some() => (
                ClauseKind::Definition,
                def.map(|(a, b)| rest[a..b].to_string()),
            ),
            Style::SectionWord(_) | Style::Number(_) | Style::Sub(_) => {
                let kind = if matches!(l.style, Style::Sub(_)) {
                    ClauseKind::Subclause
                } else {
                    ClauseKind::Section
                };
                // A sub-clause in capitals is body text, not a heading, unless short.
                let long =
                    matches!(l.style, Style::Sub(_)) && rest.split_whitespace().nth(4).is_some();
                let h = if (labels::is_heading(rest) || short_heading(rest)) && !long {
                    clean_heading(rest)
                } else {
                    run_in_heading(rest).and_then(clean_heading)
                };
                (kind, h)
            }
        };
        let sub = match l.style {
            Style::Sub(s) => tree::SubInfo::new(s, &u[l.marker.0..l.marker.1]),
            _ => None,
        };
        blocks.push(Block {
            kind,
            label,
            heading,
            start: abs,
            own_end: end,
            rank: tree::rank(l.style),
            sub,
            body: !rest.is_empty(),
            num: match l.style {
                Style::Number(1) => u[..l.text_len].parse().ok(),
                _ => None,
            },
        });
        return;
    }
    if let Some((a, b)) = labels::definition(u).or_else(|| labels::bare_definition(u)) {
        blocks.push(Block::leaf(
            ClauseKind::Definition,
            abs,
            end,
            Some(u[a..b].to_string()),
            tree::DEF_RANK,
        ));
        return;
    }
    if is_closing(u) {
        blocks.push(Block::leaf(
            ClauseKind::Paragraph,
            abs,
            end,
            None,
            tree::CLOSING,
        ));
        return;
    }
    let prev = blocks.last_mut();
    if whole_line && labels::is_heading(u) {
        match prev {
            None => {
                blocks.push(Block::leaf(ClauseKind::Title, abs, end, None, tree::LEAF));
                return;
            }
            Some(p) if p.kind == ClauseKind::Title && !blank_seen => {
                p.own_end = end;
                return;
            }
            Some(p)
                if matches!(
                    p.kind,
                    ClauseKind::Article | ClauseKind::Section | ClauseKind::Exhibit
                ) && p.heading.is_none()
                    && !p.body =>
            {
                p.heading = clean_heading(u);
                p.own_end = end;
                return;
            }
            _ => {
                blocks.push(Block::leaf(
                    ClauseKind::Heading,
                    abs,
                    end,
                    clean_heading(u),
                    tree::HEADING,
                ));
                return;
            }
        }
    }
    // Body text.
    match prev {
        // After a blank line, plain text no longer belongs to a sub-clause.
        Some(p) if p.absorbs() && !(blank_seen && p.kind == ClauseKind::Subclause) => {
            p.own_end = end;
            p.body = true;
        }
        Some(p) if p.kind == ClauseKind::Paragraph && !blank_seen && !prev_ended_sentence => {
            p.own_end = end;
            if introduces_list(u) || intro {
                p.rank = tree::INTRO;
            }
        }
        _ => {
            // "The Supplier shall:" introduces the sub-clauses that follow: they are its children.
            let rank = if introduces_list(u) || intro {
                tree::INTRO
            } else {
                tree::LEAF
            };
            let heading = run_in_heading(u).and_then(clean_heading);
            blocks.push(Block::leaf(ClauseKind::Paragraph, abs, end, heading, rank));
        }
    }
}

#[cfg(test)]
mod tests;
