//! From flat blocks to the clause tree: numbering ranks, parents and depths,
//! the roman-or-letter question for "(i)", sentence fallback for overlong
//! blocks, clause ranges, and the preamble.

use super::labels::{Style, Sub};
use super::split::{self, MAX_CHUNK};
use crate::engine::{Clause, ClauseKind, Span};

/// Rank of clauses that never have children of their own numbering (paragraphs, titles).
pub const LEAF: u32 = 1000;
/// Rank of sub-clauses ("(a)", "(i)"): below any numbered section.
pub const SUB: u32 = 100;
/// Rank of unlabelled definitions: sub-clauses under them are their children.
pub const DEF_RANK: u32 = 90;
/// Rank of the closing ("IN WITNESS WHEREOF"): ends articles and sections, not exhibits.
pub const CLOSING: u32 = 1;
/// Rank of a paragraph that introduces a list ("The Supplier shall:").
pub const INTRO: u32 = DEF_RANK;
/// Default rank of an unnumbered heading (between ARTICLE and "1.").
pub const HEADING: u32 = 3;
/// Deepest tree we build; deeper numbering becomes siblings at this depth.
const MAX_DEPTH: usize = 64;

/// Rank of a numbering style: smaller is higher in the tree.
pub fn rank(style: Style) -> u32 {
    match style {
        Style::Exhibit => 0,
        Style::Article => 2,
        Style::SectionWord(d) | Style::Number(d) => 2 + 2 * d.min(40) as u32,
        Style::Sub(_) => SUB,
    }
}

/// A sub-clause marker: its family, ordinal, and letter ordinal for one-letter markers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SubInfo {
    pub family: Sub,
    pub ord: u32,
    /// "i" is also the 9th letter, "v" the 22nd, "x" the 24th.
    pub letter_ord: Option<u32>,
}

impl SubInfo {
    pub fn new(family: Sub, marker: &str) -> Option<SubInfo> {
        let ord = split::ordinal(marker, family)?;
        let letter_ord = (marker.len() == 1 && marker.as_bytes()[0].is_ascii_alphabetic())
            .then(|| split::ordinal(marker, Sub::Lower))
            .flatten();
        Some(SubInfo {
            family,
            ord,
            letter_ord,
        })
    }
}

/// A clause before it is placed in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: ClauseKind,
    pub label: Option<String>,
    pub heading: Option<String>,
    pub start: usize,
    /// End of the block's own text (label line plus absorbed body lines).
    pub own_end: usize,
    pub rank: u32,
    pub sub: Option<SubInfo>,
    /// Whether body text follows the label (so a heading line can no longer attach).
    pub body: bool,
    /// The number of a one-part numeric label ("7." → 7), to spot lists nested in a clause.
    pub num: Option<u32>,
}

impl Block {
    pub fn leaf(
        kind: ClauseKind,
        start: usize,
        end: usize,
        heading: Option<String>,
        rank: u32,
    ) -> Block {
        Block {
            kind,
            label: None,
            heading,
            start,
            own_end: end,
            rank,
            sub: None,
            body: false,
            num: None,
        }
    }

    /// Does unnumbered text after this block belong to it?
    pub fn absorbs(&self) -> bool {
        matches!(
            self.kind,
            ClauseKind::Article
                | ClauseKind::Section
                | ClauseKind::Subclause
                | ClauseKind::Exhibit
                | ClauseKind::Definition
        )
    }
}

fn lower_family(s: Sub) -> Sub {
    match s {
        Sub::LowerRoman => Sub::Lower,
        Sub::UpperRoman => Sub::Upper,
        s => s,
    }
}

/// Overlong blocks fall back to sentences: a paragraph becomes sibling
/// sentences, a labelled block keeps its first sentence and gets the rest as
/// paragraph children.
fn split_long(text: &str, blocks: Vec<Block>) -> Vec<Block> {
    if blocks.iter().all(|b| b.own_end - b.start <= MAX_CHUNK) {
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len() + 16);
    let mut chunks = Vec::new();
    for b in blocks {
        if b.own_end - b.start <= MAX_CHUNK {
            out.push(b);
            continue;
        }
        chunks.clear();
        split::sentences(text, b.start, b.own_end, &mut chunks);
        if matches!(
            b.kind,
            ClauseKind::Paragraph | ClauseKind::Preamble | ClauseKind::Title
        ) {
            for &(s, e) in &chunks {
                out.push(Block::leaf(ClauseKind::Paragraph, s, e, None, LEAF));
            }
        } else {
            let first_end = chunks.first().map_or(b.own_end, |c| c.1);
            out.push(Block {
                own_end: first_end,
                ..b
            });
            for &(s, e) in chunks.iter().skip(1) {
                out.push(Block::leaf(ClauseKind::Paragraph, s, e, None, LEAF));
            }
        }
    }
    out
}

/// Unnumbered headings sit just above the numbered clause that follows them.
fn heading_ranks(blocks: &mut [Block]) {
    let mut next: Option<u32> = None;
    for b in blocks.iter_mut().rev() {
        match b.kind {
            ClauseKind::Heading => {
                b.rank = match next {
                    Some(r) if (3..SUB).contains(&r) && r != DEF_RANK => r - 1,
                    _ => HEADING,
                };
            }
            ClauseKind::Paragraph | ClauseKind::Title | ClauseKind::Preamble => {}
            _ => next = Some(b.rank),
        }
    }
}

struct Open {
    id: usize,
    rank: u32,
    sub: Option<SubInfo>,
}

/// Parent of a new block, popping the stack as its numbering requires.
fn place(stack: &mut Vec<Open>, b: &mut Block) {
    if let Some(mut s) = b.sub {
        while stack.last().is_some_and(|o| o.rank > SUB) {
            stack.pop();
        }
        // "(i)" after "(h)" is a letter, not a roman one.
        if let Some(lo) = s.letter_ord {
            let letter_family = lower_family(s.family);
            let roman_active = stack.iter().rev().take_while(|o| o.sub.is_some()).any(|o| {
                o.sub
                    .is_some_and(|x| x.family == s.family && x.family != letter_family)
            });
            let letter_expects = stack.iter().rev().take_while(|o| o.sub.is_some()).any(|o| {
                o.sub
                    .is_some_and(|x| x.family == letter_family && x.ord + 1 == lo)
            });
            if letter_expects && (!roman_active || s.family == letter_family) {
                s = SubInfo {
                    family: letter_family,
                    ord: lo,
                    letter_ord: Some(lo),
                };
                b.sub = Some(s);
            }
        }
        let same = stack
            .iter()
            .rposition(|o| o.sub.is_some_and(|x| x.family == s.family));
        let boundary = stack.iter().rposition(|o| o.sub.is_none());
        if let Some(k) = same
            && boundary.is_none_or(|bd| k > bd)
        {
            stack.truncate(k);
        }
    } else {
        // A plain paragraph ends any list, definition or paragraph before it.
        let leaf = b.rank >= INTRO && b.kind == ClauseKind::Paragraph;
        let floor = if leaf { INTRO } else { b.rank };
        while stack.last().is_some_and(|o| o.rank >= floor) {
            stack.pop();
        }
    }
    if stack.len() >= MAX_DEPTH {
        stack.truncate(MAX_DEPTH - 1);
    }
}

/// "1.", "2." inside clause 7.2 are a list in that clause, not new top-level
/// clauses: a one-part number that does not continue the top-level sequence
/// while we are inside a deeper clause becomes a sub-clause.
fn nested_list(stack: &[Open], last_top: &mut Option<u32>, b: &mut Block) {
    if matches!(b.kind, ClauseKind::Exhibit | ClauseKind::Article) {
        *last_top = None;
    }
    let Some(v) = b.num else { return };
    let top_rank = rank(Style::Number(1));
    let deeper = stack.last().is_some_and(|o| o.rank > top_rank);
    let continues_list = stack.iter().rev().take_while(|o| o.sub.is_some()).any(|o| {
        o.sub
            .is_some_and(|x| x.family == Sub::Digit && x.ord + 1 == v)
    });
    let restart = last_top.is_some_and(|t| v <= t && v != t + 1);
    if deeper && (continues_list || restart) {
        b.rank = SUB;
        b.sub = Some(SubInfo {
            family: Sub::Digit,
            ord: v,
            letter_ord: None,
        });
        b.kind = ClauseKind::Subclause;
    } else {
        *last_top = Some(v);
    }
}

/// Build the clause tree from blocks in document order.
pub fn build(text: &str, blocks: Vec<Block>) -> Vec<Clause> {
    let mut blocks = split_long(text, blocks);
    heading_ranks(&mut blocks);
    // Paragraphs before the first heading or numbered clause are the preamble,
    // but only in documents that have numbered (labelled) clauses at all.
    let labelled = blocks.iter().any(|b| {
        matches!(
            b.kind,
            ClauseKind::Article | ClauseKind::Section | ClauseKind::Exhibit
        ) || (b.kind == ClauseKind::Definition && b.label.is_some())
    });
    let first_structural = blocks
        .iter()
        .position(|b| {
            !matches!(
                b.kind,
                ClauseKind::Paragraph | ClauseKind::Title | ClauseKind::Preamble
            )
        })
        .filter(|_| labelled);
    let mut out: Vec<Clause> = Vec::with_capacity(blocks.len());
    let mut stack: Vec<Open> = Vec::new();
    // Open clauses waiting for their end: (id, depth).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut last_top: Option<u32> = None;
    for (id, mut b) in blocks.into_iter().enumerate() {
        nested_list(&stack, &mut last_top, &mut b);
        place(&mut stack, &mut b);
        let depth = stack.len();
        let parent = stack.last().map(|o| o.id);
        while open.last().is_some_and(|&(_, d)| d >= depth) {
            if let Some((k, _)) = open.pop() {
                out[k].range.end = trim_end(text, out[k].range.start, b.start);
            }
        }
        let mut kind = b.kind;
        if kind == ClauseKind::Paragraph && depth == 0 && first_structural.is_some_and(|f| id < f) {
            kind = ClauseKind::Preamble;
        }
        out.push(Clause {
            id,
            kind,
            label: b.label,
            heading: b.heading,
            parent,
            depth,
            range: Span::new(b.start, b.own_end),
            reqs: Vec::new(),
        });
        stack.push(Open {
            id,
            rank: b.rank,
            sub: b.sub,
        });
        open.push((id, depth));
    }
    for (k, _) in open {
        out[k].range.end = trim_end(text, out[k].range.start, text.len());
    }
    out
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let end = end.max(start).min(text.len());
    start + text[start..end].trim_end().len()
}
