//! Ingest: normalise pasted text (CRLF, smart quotes, ligatures, soft hyphens,
//! hard wraps, page furniture …) while keeping a map back to the original
//! byte offsets, so highlights land on the user's own text.
//!
//! Two linear passes: the first splits lines and spots page furniture (page
//! numbers and header/footer lines that repeat), the second emits each kept
//! line through the character clean-up of [`chars`] and decides, line break by
//! line break, whether a break is a hard wrap inside a sentence (joined with a
//! space, or with nothing after a word hyphenated across the break) or a real
//! break (kept as `\n`).

pub mod chars;
mod lines;
mod map;

pub use map::OffsetMap;

use super::Span;
use chars::Rep;
use lines::{Join, Line};
use map::Builder;

/// Normalised text plus the way back to the original.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Normalized {
    pub text: String,
    /// Maps byte offsets of `text` to byte offsets of the original.
    map: OffsetMap,
}

impl Normalized {
    /// Byte offset in the original text for a byte offset in `text` (the start
    /// of the original characters that produced the character at `offset`).
    pub fn to_original(&self, offset: usize) -> usize {
        self.map.start(&self.text, offset)
    }

    /// Byte offset in the original just after the character that ends at
    /// `offset` in `text` (use for span ends: dropped text after it is excluded).
    pub fn end_to_original(&self, offset: usize) -> usize {
        self.map.end(&self.text, offset)
    }

    /// Map a span of `text` to a span of the original.
    pub fn span_to_original(&self, s: Span) -> Span {
        self.map.span(&self.text, s)
    }
}

/// Normalise `original`: see the module docs for what changes. Never fails;
/// the map is exact, monotonic and lands on char boundaries of `original`.
pub fn normalize(original: &str) -> Normalized {
    let lines = lines::split(original);
    let plan = lines::plan(original, &lines);
    let mut out = Builder::with_capacity(original.len());
    let mut join_prev = Join::No;
    for (k, &i) in plan.kept.iter().enumerate() {
        let line = lines[i];
        let join = plan.joins[k];
        emit_line(&mut out, original, line, join_prev != Join::No, join);
        if line.term_len > 0 {
            let t = line.end;
            match join {
                Join::Space => out.replace(t, line.term_len, " "),
                Join::Dehyphen => {}
                Join::No if &original[t..t + line.term_len] == "\n" => out.copy(t, "\n"),
                Join::No => out.replace(t, line.term_len, "\n"),
            }
        }
        join_prev = join;
    }
    let (text, map) = out.finish(original.len());
    Normalized { text, map }
}

/// Emit one line's content. `continued`: the line continues the previous one
/// (skip its indentation). `join`: how it joins the next (trim the end; drop a
/// trailing hyphen when de-hyphenating).
fn emit_line(out: &mut Builder, src: &str, line: Line, continued: bool, join: Join) {
    let mut s = line.start;
    let mut e = line.end;
    let content = &src[s..e];
    if continued {
        s += content.len() - content.trim_start().len();
    }
    if join != Join::No {
        e = s + src[s..e].trim_end().len();
        if join == Join::Dehyphen
            && let Some(c) = src[s..e].chars().next_back()
            && lines::is_hyphen(c)
        {
            e -= c.len_utf8();
        }
    }
    let text = &src[s..e];
    // A bullet glyph (or a dash used as one) at the start of the line becomes "-".
    let mut from = 0;
    let lead = text.len() - text.trim_start().len();
    if let Some(c) = text[lead..].chars().next()
        && (chars::is_bullet(c) || ((c == '\u{2013}' || c == '\u{2014}') && !continued))
    {
        out.copy(s, &text[..lead]);
        let after = &text[lead + c.len_utf8()..];
        let rep = if after.starts_with([' ', '\t', '\u{a0}']) || after.is_empty() {
            "-"
        } else {
            "- "
        };
        out.replace(s + lead, c.len_utf8(), rep);
        from = lead + c.len_utf8();
    }
    let mut run = from;
    let tb = text.as_bytes();
    let mut i = from;
    while i < tb.len() {
        let byte = tb[i];
        if byte.wrapping_sub(0x20) < 0x5f {
            i += 1; // plain ASCII is kept as is: the fast path
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let r = chars::rep(c);
        if r != Rep::Keep {
            out.copy(s + run, &text[run..i]);
            run = i + c.len_utf8();
            let mut buf = [0u8; 4];
            match r {
                Rep::Keep | Rep::Drop => {}
                Rep::Char(ch) => out.replace(s + i, c.len_utf8(), ch.encode_utf8(&mut buf)),
                Rep::Str(st) => out.replace(s + i, c.len_utf8(), st),
            }
        }
        i += c.len_utf8();
    }
    out.copy(s + run, &text[run..]);
}

#[cfg(test)]
mod tests;
