//! Required-word gates for cue regexes, read off the regex syntax tree.
//!
//! Most cue regexes cannot match most clauses, yet running one costs a full
//! scan plus the regex engine's set-up. Every match of `\bat (supplier|vendor)
//! (sole )?(cost|expense)\b` contains one of "at supplier"/"at vendor" and one of
//! "cost"/"expense"; when a text lacks any of those sets the regex cannot
//! match, so [`Gate::passes`] (substring searches) skips the regex run. The
//! topic patterns use the same sets through the detector's literal automaton.
//! [`prefilter`] is the older, hand-rolled reading of one such set from the
//! regex source (kept as is: it picks the windows topic patterns run in). The
//! gate is a necessary condition only, so results never change.

use memchr::memmem;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest word worth gating on (shorter ones occur almost everywhere).
const MIN_WORD: usize = 3;
/// Most words in one set (bigger sets rarely reject anything, and each
/// word costs a substring search).
const MAX_SET: usize = 8;

/// Words one of which must occur in a text, each with its substring searcher
/// built once. `str::contains` sets a searcher up on every call, and with
/// ~100 word checks per graded clause that set-up was most of their cost.
/// Each word also keeps its byte pairs, for [`Pairs`].
#[derive(Debug, Clone, Default)]
pub struct AnyWord(Vec<(memmem::Finder<'static>, Vec<u16>)>);

impl AnyWord {
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> AnyWord {
        AnyWord(
            words
                .into_iter()
                .map(|w| {
                    let w = w.as_ref().as_bytes();
                    let pairs = w.windows(2).map(|p| pair(p[0], p[1])).collect();
                    (memmem::Finder::new(w).into_owned(), pairs)
                })
                .collect(),
        )
    }

    /// Whether one of the words occurs in `text`. Given the byte `pairs` of
    /// a text that holds `text`, a word with a pair that text lacks is not
    /// searched for.
    pub fn occurs_in(&self, text: &str, pairs: Option<&Pairs>) -> bool {
        self.0
            .iter()
            .any(|(f, ps)| pairs.is_none_or(|p| p.has_all(ps)) && f.find(text.as_bytes()).is_some())
    }
}

/// Byte classes of [`Pairs`]: the 26 letters, the 10 digits, everything else.
const CLASSES: usize = 37;

/// The class of every byte.
const CLASS: [u8; 256] = {
    let mut t = [36u8; 256];
    let mut b = 0;
    while b < 256 {
        if b >= b'a' as usize && b <= b'z' as usize {
            t[b] = (b - b'a' as usize) as u8;
        } else if b >= b'0' as usize && b <= b'9' as usize {
            t[b] = 26 + (b - b'0' as usize) as u8;
        }
        b += 1;
    }
    t
};

fn class(b: u8) -> usize {
    usize::from(CLASS[usize::from(b)])
}

fn pair(a: u8, b: u8) -> u16 {
    // At most 37 * 37 - 1 = 1368: fits.
    (class(a) * CLASSES + class(b)) as u16
}

/// Which pairs of adjacent bytes (by class) occur in a text. A word with a
/// pair the text lacks occurs neither in it nor in any part of it, so one
/// pass over a clause settles most word checks of its grading regexes,
/// which otherwise each cost a substring search of the sentence they are
/// asked about (about 70,000 of them per 100 pages).
#[derive(Debug, Clone)]
pub struct Pairs([u64; (CLASSES * CLASSES).div_ceil(64)]);

impl Pairs {
    pub fn of(text: &str) -> Pairs {
        let mut bits = [0u64; (CLASSES * CLASSES).div_ceil(64)];
        let mut bytes = text.bytes().map(class);
        let Some(mut prev) = bytes.next() else {
            return Pairs(bits);
        };
        for c in bytes {
            let p = prev * CLASSES + c;
            bits[p / 64] |= 1 << (p % 64);
            prev = c;
        }
        Pairs(bits)
    }

    fn has_all(&self, ps: &[u16]) -> bool {
        ps.iter()
            .all(|&p| self.0[usize::from(p) / 64] >> (p % 64) & 1 == 1)
    }
}

/// Word sets one word of each of which occurs in every match of a regex.
#[derive(Debug, Clone, Default)]
pub struct Gate {
    /// Lowercase words, most selective set (longest shortest word) first.
    sets: Vec<AnyWord>,
}

impl Gate {
    /// The gate of regex `src` (full syntax, flags included), or `None` when
    /// no useful word set can be read off it.
    pub fn new(src: &str) -> Option<Gate> {
        let sets: Vec<AnyWord> = word_sets(src).into_iter().map(AnyWord::new).collect();
        (!sets.is_empty()).then_some(Gate { sets })
    }

    /// Whether `lower` (an ASCII-lowercased text) contains a word of every
    /// set (`pairs` as for [`AnyWord::occurs_in`]).
    pub fn passes(&self, lower: &str, pairs: Option<&Pairs>) -> bool {
        self.sets.iter().all(|set| set.occurs_in(lower, pairs))
    }
}

/// [`required_sets`] as lowercase strings, most selective set first (sets
/// that are not valid UTF-8 are dropped).
pub fn word_sets(src: &str) -> Vec<Vec<String>> {
    let mut sets: Vec<Vec<String>> = required_sets(src)
        .into_iter()
        .filter_map(|set| set.into_iter().map(|w| String::from_utf8(w).ok()).collect())
        .collect();
    sets.sort_by_key(|s| std::cmp::Reverse(s.iter().map(String::len).min().unwrap_or(0)));
    sets
}

/// The word sets (lowercase bytes) of `src`: for each required top-level
/// item of the regex, the literal words one of which starts every match of
/// that item, and runs of literal characters.
pub fn required_sets(src: &str) -> Vec<Vec<Vec<u8>>> {
    let Ok(mut hir) = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(src)
    else {
        return Vec::new();
    };
    while let HirKind::Capture(c) = hir.kind() {
        hir = (*c.sub).clone();
    }
    let items: &[Hir] = match hir.kind() {
        HirKind::Concat(xs) => xs,
        _ => std::slice::from_ref(&hir),
    };
    let mut out: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut run: Vec<u8> = Vec::new();
    for h in items {
        if let Some(bytes) = literal(h) {
            run.extend(bytes);
            continue;
        }
        if matches!(h.kind(), HirKind::Look(_)) {
            // Zero-width: the literal run on either side stays contiguous.
            continue;
        }
        let before = std::mem::take(&mut run);
        match prefixes(h) {
            // The literal run right before the item is part of every word.
            Some(set) => push(
                set.into_iter()
                    .map(|w| [before.as_slice(), &w].concat())
                    .collect(),
                &mut out,
            ),
            None => push(vec![before], &mut out),
        }
    }
    push(vec![run], &mut out);
    out
}

fn push(set: Vec<Vec<u8>>, out: &mut Vec<Vec<Vec<u8>>>) {
    // A part of a required word is required too: drop the edge spaces.
    let mut set: Vec<Vec<u8>> = set.iter().map(|w| w.trim_ascii().to_vec()).collect();
    set.sort();
    set.dedup();
    if !set.is_empty()
        && set.len() <= MAX_SET
        && set.iter().all(|w| w.len() >= MIN_WORD)
        && !out.contains(&set)
    {
        out.push(set);
    }
}

/// The lowercase bytes `h` matches when it matches exactly one string up to ASCII case.
fn literal(h: &Hir) -> Option<Vec<u8>> {
    match h.kind() {
        HirKind::Literal(l) => Some(l.0.iter().map(u8::to_ascii_lowercase).collect()),
        HirKind::Class(Class::Bytes(c)) => {
            let mut one: Option<u8> = None;
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    let l = b.to_ascii_lowercase();
                    if one.is_some_and(|o| o != l) {
                        return None;
                    }
                    one = Some(l);
                }
            }
            one.map(|b| vec![b])
        }
        HirKind::Class(Class::Unicode(c)) => {
            let mut one: Option<u8> = None;
            for r in c.ranges() {
                for ch in r.start()..=r.end() {
                    let l = u8::try_from(ch)
                        .ok()
                        .filter(u8::is_ascii)?
                        .to_ascii_lowercase();
                    if one.is_some_and(|o| o != l) {
                        return None;
                    }
                    one = Some(l);
                }
            }
            one.map(|b| vec![b])
        }
        _ => None,
    }
}

/// Words one of which starts every match of `h` (`None`: no such set).
fn prefixes(h: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(l) = literal(h) {
        return Some(vec![l]);
    }
    match h.kind() {
        HirKind::Capture(c) => prefixes(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => prefixes(&r.sub),
        HirKind::Alternation(bs) => {
            let mut all = Vec::new();
            for b in bs {
                all.extend(prefixes(b)?);
            }
            Some(all)
        }
        HirKind::Concat(xs) => {
            let mut run = Vec::new();
            for x in xs {
                if let Some(l) = literal(x) {
                    run.extend(l);
                } else if matches!(x.kind(), HirKind::Look(_)) {
                    continue;
                } else if run.is_empty() {
                    return prefixes(x);
                } else {
                    break;
                }
            }
            (!run.is_empty()).then(|| vec![run])
        }
        _ => None,
    }
}

/// A set of literal words, one of which must occur for `src` to match, when
/// such a set can be read off the regex (else `None`: always run it).
///
/// Reads the top-level items of the regex: a literal run of letters, or a
/// non-optional group whose alternatives all start with letters. Picks the
/// item whose shortest literal is longest (at least three letters).
pub fn prefilter(src: &str) -> Option<Vec<String>> {
    let b: Vec<char> = src.chars().collect();
    let alts = alternatives(&b);
    if alts.len() > 1 {
        let lits: Option<Vec<String>> = alts.iter().map(|a| leading_literal(a)).collect();
        return lits.filter(|l| l.iter().all(|s| s.len() >= 3));
    }
    let mut best: Option<Vec<String>> = None;
    let mut consider = |set: Vec<String>| {
        let min = set.iter().map(String::len).min().unwrap_or(0);
        let cur = best
            .as_ref()
            .map_or(0, |s| s.iter().map(String::len).min().unwrap_or(0));
        if min >= 3 && min > cur {
            best = Some(set);
        }
    };
    let mut i = 0;
    let mut run = String::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || c == ' ' || c == '-' {
            let optional = matches!(b.get(i + 1), Some('?' | '*' | '{'));
            if optional {
                consider(std::mem::take(&mut run).chars().collect_vec_str());
            } else {
                run.push(c.to_ascii_lowercase());
            }
            i += 1;
            continue;
        }
        consider(std::mem::take(&mut run).chars().collect_vec_str());
        match c {
            '\\' => i += 2,
            '[' => {
                while i < b.len() && b[i] != ']' {
                    i += if b[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            '(' => {
                let end = close_paren(&b, i);
                let inner = &b[i + 1..end.min(b.len())];
                let optional = matches!(b.get(end + 1), Some('?' | '*'))
                    || b.get(end + 1..end + 3) == Some(&['{', '0']);
                if !optional {
                    let inner = strip_group_flags(inner);
                    let lits: Option<Vec<String>> = alternatives(inner)
                        .iter()
                        .map(|a| leading_literal(a))
                        .collect();
                    if let Some(l) = lits {
                        consider(l);
                    }
                }
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    consider(run.chars().collect_vec_str());
    best
}

trait CollectVecStr {
    fn collect_vec_str(self) -> Vec<String>;
}
impl<I: Iterator<Item = char>> CollectVecStr for I {
    fn collect_vec_str(self) -> Vec<String> {
        let s: String = self.collect();
        let t = s.trim().to_string();
        if t.is_empty() { Vec::new() } else { vec![t] }
    }
}

fn strip_group_flags(inner: &[char]) -> &[char] {
    if inner.first() == Some(&'?')
        && let Some(p) = inner.iter().position(|&c| c == ':')
    {
        return &inner[p + 1..];
    }
    inner
}

fn close_paren(b: &[char], open: usize) -> usize {
    let mut depth = 0;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            '\\' => i += 1,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

fn alternatives(b: &[char]) -> Vec<&[char]> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '\\' => i += 1,
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '|' if depth == 0 => {
                out.push(&b[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&b[start..]);
    out
}

/// The literal letters an alternative starts with (after `\b`), stopping
/// before any character made optional by a quantifier.
fn leading_literal(a: &[char]) -> Option<String> {
    let mut i = 0;
    while a.get(i) == Some(&'\\') && a.get(i + 1) == Some(&'b') {
        i += 2;
    }
    let mut s = String::new();
    while i < a.len() {
        let c = a[i];
        if !(c.is_ascii_alphanumeric() || c == ' ' || c == '-') {
            break;
        }
        if matches!(a.get(i + 1), Some('?' | '*' | '{')) {
            break;
        }
        s.push(c.to_ascii_lowercase());
        i += 1;
    }
    let t = s.trim_end().to_string();
    (t.len() >= 3).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(src: &str) -> Vec<Vec<String>> {
        required_sets(&format!("(?i-u){src}"))
            .into_iter()
            .map(|s| {
                s.into_iter()
                    .map(|w| String::from_utf8_lossy(&w).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_required_item_of_a_cue_regex_becomes_a_word_set() {
        assert_eq!(
            words(r"\bat (supplier|vendor)\W?s? (sole )?(cost|expense)\b"),
            vec![vec!["at supplier", "at vendor"], vec!["cost", "expense"]]
        );
        assert_eq!(
            words(r"\bpatch(es)?\b.{0,100}\bwithin\b"),
            vec![vec!["patch"], vec!["within"]]
        );
        // Optional items and short words gate nothing.
        assert!(words(r"(ab)?\w+").is_empty());
        assert_eq!(
            words(r"mds2|manufacturer disclosure"),
            vec![vec!["manufacturer disclosure", "mds2"]]
        );
    }

    #[test]
    fn a_gate_rejects_text_missing_a_required_word_and_passes_a_match() {
        let g = Gate::new(r"(?i-u)\bat (supplier|vendor) (cost|expense)\b").expect("a gate");
        let pass = "Repairs are made AT VENDOR EXPENSE.".to_ascii_lowercase();
        assert!(g.passes(&pass, None));
        assert!(!g.passes("repairs are made at vendor's discretion.", None));
    }

    /// The byte pairs of a whole clause never change whether a word occurs
    /// in a part of it: they only spare the searches that would fail.
    #[test]
    fn byte_pairs_of_the_clause_give_the_same_answer_for_its_parts() {
        let clause = "supplier shall patch within 30 days; customer shall deploy — é 2fa.";
        let pairs = Pairs::of(clause);
        let words = AnyWord::new(["patch", "deploy", "2fa", "é 2", "notify", "hall", "x"]);
        for w in [
            "patch", "deploy", "2fa", "é 2", "notify", "hall", "x", "; c",
        ] {
            let one = AnyWord::new([w]);
            for (a, b) in [(0, clause.len()), (0, 20), (15, 40), (38, clause.len())] {
                let part = &clause[a..b];
                assert_eq!(
                    one.occurs_in(part, Some(&pairs)),
                    part.contains(w),
                    "{w:?} in {part:?}"
                );
            }
        }
        assert!(words.occurs_in(clause, Some(&pairs)));
        assert!(!AnyWord::new(["notify"]).occurs_in(clause, Some(&pairs)));
    }
}
