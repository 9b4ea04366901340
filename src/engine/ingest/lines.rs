//! Line-level decisions for ingest: where lines are, which are page furniture
//! (page numbers, repeated headers and footers), and how each kept line joins
//! the next one (hard wrap inside a sentence, hyphenated word, or a real break).

use crate::engine::segment::labels;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// One line of the original: content `start..end`, then `term_len` bytes of line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub term_len: usize,
}

/// How a kept line continues into the next kept line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// A real line break.
    No,
    /// A hard wrap: the break becomes a space.
    Space,
    /// A word hyphenated across the break: hyphen and break disappear.
    Dehyphen,
}

/// Which lines to keep and how each kept line joins the next.
pub struct Plan {
    pub kept: Vec<usize>,
    pub joins: Vec<Join>,
}

pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{ad}' | '\u{2010}' | '\u{2011}')
}

/// Split into lines on \n, \r\n, \r, form feed, NEL, U+2028/2029.
pub fn split(s: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(s.len() / 60 + 1);
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let term = match c {
            b'\n' | b'\x0c' => 1,
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
            }
            0xC2 if b.get(i + 1) == Some(&0x85) => 2,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        };
        if term > 0 {
            out.push(Line {
                start,
                end: i,
                term_len: term,
            });
            i += term;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < b.len() || out.is_empty() {
        out.push(Line {
            start,
            end: b.len(),
            term_len: 0,
        });
    }
    out
}

/// "Page 3 of 12", "- 3 -", "3", "3/12", "Page 3".
pub fn is_page_number(t: &str) -> bool {
    let mut t = t
        .trim()
        .trim_matches(|c: char| c == '-' || c == '\u{2013}' || c == ' ');
    if t.is_empty() || t.len() > 24 {
        return false;
    }
    for p in ["Page ", "page ", "PAGE ", "Pg. ", "p. "] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.trim_start();
            break;
        }
    }
    let d = t.bytes().take_while(u8::is_ascii_digit).count();
    if d == 0 || d > 4 {
        return false;
    }
    let rest = t[d..].trim_start();
    if rest.is_empty() {
        return true;
    }
    let rest = rest
        .strip_prefix("of")
        .or_else(|| rest.strip_prefix("OF"))
        .or_else(|| rest.strip_prefix('/'))
        .map(str::trim_start);
    rest.is_some_and(|r| !r.is_empty() && r.len() <= 4 && r.bytes().all(|c| c.is_ascii_digit()))
}

/// Hash of a line's shape: letters lower-cased, digits as '#', spaces dropped.
fn shape(t: &str) -> u64 {
    let mut h = DefaultHasher::new();
    for c in t.chars() {
        if c.is_whitespace() {
            continue;
        }
        let c = if c.is_ascii_digit() {
            '#'
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        c.hash(&mut h);
    }
    h.finish()
}

fn furniture(src: &str, lines: &[Line]) -> Vec<bool> {
    let text = |l: &Line| src[l.start..l.end].trim();
    // Headers and footers are short; a long line ending mid-sentence is body text.
    let candidate = |t: &str| {
        !t.is_empty()
            && t.len() <= 80
            && t.chars().any(char::is_alphanumeric)
            && labels::parse(t).is_none()
            && !(t.split_whitespace().nth(5).is_some()
                && t.chars().next_back().is_some_and(char::is_lowercase))
    };
    // Per line: 1 = page number, 0 = not furniture, otherwise the shape hash.
    let keys: Vec<u64> = lines
        .iter()
        .map(|l| {
            let t = text(l);
            if t.len() > 80 {
                0
            } else if is_page_number(t) {
                1
            } else if candidate(t) {
                shape(t).max(2)
            } else {
                0
            }
        })
        .collect();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut pages = 0usize;
    for &k in &keys {
        match k {
            0 => {}
            1 => pages += 1,
            k => *counts.entry(k).or_default() += 1,
        }
    }
    keys.iter()
        .map(|&k| match k {
            0 => false,
            1 => pages >= 2,
            k => counts.get(&k).is_some_and(|&n| n >= 3),
        })
        .collect()
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', ';', ':', '"', ')'])
}

/// Is `t` a line that stands alone: a heading, or a label with a heading or nothing after it?
fn stands_alone(t: &str) -> bool {
    let t = t.trim();
    match labels::parse(t) {
        Some(l) => {
            let rest = &t[l.rest..];
            rest.is_empty() || labels::is_heading(rest)
        }
        None => labels::is_heading(t),
    }
}

fn join(a: &str, b: &str, wrapped: bool, width: usize) -> Join {
    let (a, b) = (a.trim_end(), b.trim_start());
    if a.trim_start().is_empty() || b.is_empty() {
        return Join::No;
    }
    if labels::starts_block(b) || stands_alone(a) {
        return Join::No;
    }
    if labels::is_heading(b) && !b.chars().any(char::is_lowercase) {
        return Join::No;
    }
    let b0 = b.chars().next().unwrap_or(' ');
    let mut rev = a.chars().rev();
    let a_last = rev.next().unwrap_or(' ');
    if is_hyphen(a_last) && rev.next().is_some_and(char::is_lowercase) && b0.is_lowercase() {
        return Join::Dehyphen;
    }
    if b0.is_lowercase() {
        return Join::Space;
    }
    if !wrapped {
        return Join::No;
    }
    if ends_sentence(a) {
        // A full-width line ending a sentence wraps; a short one ends a paragraph.
        if a.trim_start().len() * 10 >= width * 8 {
            Join::Space
        } else {
            Join::No
        }
    } else {
        Join::Space
    }
}

/// Decide what to keep and how lines join.
pub fn plan(src: &str, lines: &[Line]) -> Plan {
    let furn = furniture(src, lines);
    let text = |i: usize| &src[lines[i].start..lines[i].end];
    let blank = |i: usize| text(i).trim().is_empty();

    // Hard-wrap detection: many long lines that do not end a sentence and are followed by text.
    let (mut long, mut long_open, mut long_total, mut nonblank) = (0usize, 0usize, 0usize, 0usize);
    for (i, &f) in furn.iter().enumerate() {
        if blank(i) || f {
            continue;
        }
        nonblank += 1;
        let n = text(i).trim().len();
        if n >= 40 {
            long += 1;
            long_total += n;
            if !ends_sentence(text(i)) && i + 1 < lines.len() && !blank(i + 1) {
                long_open += 1;
            }
        }
    }
    let wrapped = long_open >= 3 && long_open * 4 >= nonblank;
    let width = long_total.checked_div(long).unwrap_or(80);

    // Drop furniture; drop the blank lines around it too when the text on both
    // sides is one sentence interrupted by a page break.
    let mut drop = furn.clone();
    let mut i = 0;
    while i < lines.len() {
        if !(furn[i] || blank(i)) {
            i += 1;
            continue;
        }
        let k = i;
        let mut any = false;
        while i < lines.len() && (furn[i] || blank(i)) {
            any |= furn[i];
            i += 1;
        }
        if any && k > 0 && i < lines.len() && join(text(k - 1), text(i), wrapped, width) != Join::No
        {
            drop[k..i].iter_mut().for_each(|d| *d = true);
        }
    }
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| !drop[i]).collect();
    let mut joins = Vec::with_capacity(kept.len());
    for w in 0..kept.len() {
        let j = match kept.get(w + 1) {
            Some(&n) if lines[kept[w]].term_len > 0 => join(text(kept[w]), text(n), wrapped, width),
            _ => Join::No,
        };
        joins.push(j);
    }
    Plan { kept, joins }
}
