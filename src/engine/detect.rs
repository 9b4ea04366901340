//! Detect: which requirements a piece of text talks about, and the phrases
//! that say so.
//!
//! One pass stems the words of the text and runs the concept automaton over
//! the stemmed stream; a second Aho-Corasick pass over the raw text finds the
//! literals that gate the topic regexes; only gated regexes run. Heading words
//! of the enclosing sections add confidence but never make a topic alone.

use super::Span;
use super::cues::{Compiled, PhraseKind, snap, words};
use super::scan;
use super::spelling::american;
use rust_stemmers::Stemmer;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiply-rotate hasher (the one rustc uses) for the detector's
/// private tables: keys are our own words and offsets, so the DoS-resistant
/// default hasher buys nothing here and costs a fifth of the stemming time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Score of a topic pattern that needs words of two or more sets near each
/// other ("investigate … breach", "return … destroy … data"): such a
/// conjunction is as good as two separate cues, so one is enough to reach
/// [`super::MIN_SCORE`]. (Dev set: recall 0.67 → 0.70, precision unchanged.)
/// "Two sets" is read from the regex's syntax, so a phrase with an optional
/// or alternative piece (`remote(ly)? access`, `(data|security) breach`)
/// counts too. Scoring only patterns with a `.{m,n}` gap this way, and such
/// phrases 1.0 or 1.25, lowered dev F1 from 0.822 to 0.804 / 0.808 with the
/// clause pack as tuned, so it stays. Likewise heading words count anywhere
/// in the clause text, not only in its opening heading (restricting them cut
/// dev recall from 0.82 to 0.73).
pub const CONJUNCTIVE: f32 = 1.5;

/// Topic evidence for one requirement in one piece of text.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    pub req: usize,
    /// Topic score: concepts and single-term patterns count 1 each,
    /// multi-word concepts 1.25, proximity patterns [`CONJUNCTIVE`], a
    /// pattern re-finding a concept's words 0.5, heading 0.5.
    pub score: f32,
    pub heading: bool,
    /// Matched phrases, as ranges of the analysed text.
    pub phrases: Vec<Span>,
}

impl Candidate {
    /// A requirement a topic rule adds to a clause on the strength of one
    /// phrase (a hospital duty, a responsibility split, a dated gap): the
    /// minimum score that ranks, and that phrase as its evidence.
    pub fn added(req: usize, phrase: Span) -> Candidate {
        Candidate {
            req,
            score: super::MIN_SCORE,
            heading: false,
            phrases: vec![phrase],
        }
    }
}

/// Reusable scratch state: the stem cache makes stemming a lookup for repeated words.
pub struct Scratch {
    stemmer: Stemmer,
    cache: FastMap<String, String>,
    stream: String,
    /// For each token: (start in stream, span in text).
    toks: Vec<(usize, Span)>,
    /// For each literal set: its hits in the text being detected.
    hits: Vec<Vec<Span>>,
    /// The window around each literal hit start (computed once per text).
    windows: FastMap<usize, Span>,
    /// Sentence marks of the text being detected, found on the first window.
    marks: Marks,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch {
            stemmer: Stemmer::create(rust_stemmers::Algorithm::English),
            cache: FastMap::default(),
            stream: String::new(),
            toks: Vec::new(),
            hits: Vec::new(),
            windows: FastMap::default(),
            marks: Marks::default(),
        }
    }
}

impl Scratch {
    /// Build the stemmed stream of `text` (" stem stem … ").
    fn stem(&mut self, text: &str) {
        self.stream.clear();
        self.toks.clear();
        self.stream.push(' ');
        let mut lower = String::new();
        for (at, w) in words(text) {
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&w.to_lowercase());
            }
            let start = self.stream.len();
            match self.cache.get(lower.as_str()) {
                Some(s) => self.stream.push_str(s),
                None => {
                    // British spellings stem as American ones (only on a
                    // cache miss: the fold costs a few suffix tests).
                    let s = self.stemmer.stem(&american(&lower)).into_owned();
                    self.stream.push_str(&s);
                    if self.cache.len() < 50_000 {
                        self.cache.insert(lower.clone(), s);
                    }
                }
            }
            self.stream.push(' ');
            self.toks.push((start, Span::new(at, at + w.len())));
        }
    }

    /// Text span covered by stream range `s..e` (token-aligned).
    fn text_span(&self, s: usize, e: usize) -> Option<Span> {
        let first = self.toks.partition_point(|t| t.0 < s + 1);
        let last = self.toks.partition_point(|t| t.0 < e.saturating_sub(1));
        let a = self.toks.get(first)?;
        let b = self.toks.get(last.checked_sub(1)?)?;
        Some(Span::new(a.1.start, b.1.end))
    }
}

/// Requirement indices whose heading words occur in `heading`.
pub fn heading_hits(c: &Compiled, scratch: &mut Scratch, heading: &str) -> Vec<usize> {
    scratch.stem(heading);
    let mut out = Vec::new();
    if let Some(stems) = &c.stems {
        scan::each_match(stems, scratch.stream.as_bytes(), |pid, _, _| {
            for &(ri, kind, _) in &c.phrases[pid] {
                if kind == PhraseKind::Heading && !out.contains(&ri) {
                    out.push(ri);
                }
            }
        });
    }
    out
}

/// Topic candidates in `text`; `heading_reqs` are the requirements whose
/// heading words occur in the headings of the enclosing sections.
pub fn candidates(
    c: &Compiled,
    scratch: &mut Scratch,
    text: &str,
    heading_reqs: &[usize],
) -> Vec<Candidate> {
    let mut by_req: FastMap<usize, Candidate> = FastMap::default();
    concepts(c, scratch, text, &mut by_req);
    literal_hits(c, scratch, text);
    topic_patterns(c, scratch, text, &mut by_req);
    for &ri in heading_reqs {
        if let Some(cand) = by_req.get_mut(&ri)
            && !cand.heading
        {
            cand.heading = true;
            cand.score += 0.5;
        }
    }
    let mut out: Vec<Candidate> = by_req.into_values().filter(|c| c.score > 0.0).collect();
    for cand in &mut out {
        cand.phrases.sort();
        cand.phrases.dedup();
    }
    out.sort_by_key(|c| c.req);
    out
}

/// Concept and inline heading words: the concept automaton over the stemmed stream.
fn concepts(
    c: &Compiled,
    scratch: &mut Scratch,
    text: &str,
    by_req: &mut FastMap<usize, Candidate>,
) {
    scratch.stem(text);
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let Some(stems) = &c.stems else {
        return;
    };
    let scratch = &*scratch;
    scan::each_match(stems, scratch.stream.as_bytes(), |pid, start, end| {
        for &(ri, kind, n) in &c.phrases[pid] {
            let cand = by_req.entry(ri).or_insert_with(|| Candidate {
                req: ri,
                ..Candidate::default()
            });
            let Some(span) = scratch.text_span(start, end) else {
                continue;
            };
            match kind {
                PhraseKind::Concept => {
                    if !seen.contains(&(ri, pid)) {
                        seen.push((ri, pid));
                        cand.score += if n > 1 { 1.25 } else { 1.0 };
                    }
                    cand.phrases.push(span);
                }
                // Heading words inside the clause text itself (inline headings).
                PhraseKind::Heading => {
                    if !cand.heading {
                        cand.heading = true;
                        cand.score += 0.5;
                    }
                }
            }
        }
    });
}

/// Every hit of every literal set in `text`, in match order.
fn literal_hits(c: &Compiled, scratch: &mut Scratch, text: &str) {
    let hits = &mut scratch.hits;
    hits.iter_mut().for_each(Vec::clear);
    hits.resize_with(c.n_sets, Vec::new);
    if let Some(literals) = &c.literals {
        scan::each_match(literals, text.as_bytes(), |pid, start, end| {
            for &s in &c.literal_sets[pid] {
                hits[s].push(Span::new(start, end));
            }
        });
    }
}

/// Regex topic patterns, gated by their literals and run only in a window
/// around each literal hit (the sentence it sits in, at most ±300 bytes).
/// `open` lists the first four hits of a set (the windows a gated pattern runs in).
fn topic_patterns(
    c: &Compiled,
    scratch: &mut Scratch,
    text: &str,
    by_req: &mut FastMap<usize, Candidate>,
) {
    let windows = &mut scratch.windows;
    windows.clear();
    let marks = &mut scratch.marks;
    marks.forget();
    let hits = &scratch.hits;
    let open = |s: usize| hits[s].iter().take(4).map(|h| h.start);
    // Whether every extra word set of a pattern has a hit inside `w`: if
    // not, the pattern cannot match there.
    let all_sets_in = |sets: &[usize], w: Span| {
        sets.iter()
            .all(|&s| hits[s].iter().any(|h| h.start >= w.start && h.end <= w.end))
    };
    for (ri, rc) in c.reqs.iter().enumerate() {
        // Ungated patterns need a concept hit; gated ones a hit of their set.
        if !by_req.contains_key(&ri) && rc.gates.iter().all(|&g| hits[g].is_empty()) {
            continue;
        }
        for ((re, gate), sets) in rc.patterns.iter().zip(&rc.pattern_sets) {
            let found = match gate {
                Some(g) => {
                    let mut last: Option<Span> = None;
                    open(*g).find_map(|p| {
                        let w = *windows.entry(p).or_insert_with(|| marks.window(text, p));
                        // The same window again cannot match either.
                        if last.replace(w) == Some(w) || !all_sets_in(sets, w) {
                            return None;
                        }
                        re.find(&text[w.start..w.end])
                            .map(|(a, b)| Span::new(w.start + a, w.start + b))
                    })
                }
                // Ungated patterns only confirm a topic the concepts already found.
                None if by_req.contains_key(&ri)
                    && text.len() <= 4000
                    && all_sets_in(sets, Span::new(0, text.len())) =>
                {
                    re.find(text).map(|(a, b)| Span::new(a, b))
                }
                None => None,
            };
            if let Some(span) = found {
                let cand = by_req.entry(ri).or_insert_with(|| Candidate {
                    req: ri,
                    ..Candidate::default()
                });
                // A pattern that only re-finds a concept's words adds little.
                let overlaps = cand
                    .phrases
                    .iter()
                    .any(|p| p.start < span.end && span.start < p.end);
                cand.score += if overlaps {
                    0.5
                } else if sets.is_empty() {
                    1.0
                } else {
                    CONJUNCTIVE
                };
                cand.phrases.push(span);
            }
        }
    }
}

/// The sentence marks of one text, so that each [`window`] is two binary
/// searches instead of a scan of up to 600 bytes (a clause with many literal
/// hits asks for many windows).
#[derive(Debug, Default)]
struct Marks {
    ready: bool,
    /// Positions where a sentence may start: just after ". ", "; " or ".\n".
    starts: Vec<usize>,
    /// Positions of a ".", ";" or newline followed by whitespace or the end.
    ends: Vec<usize>,
}

impl Marks {
    /// A new text is being detected: its marks are found on its first window.
    fn forget(&mut self) {
        self.ready = false;
    }

    /// Same result as [`window`]`(text, p)` for the text since [`Marks::forget`].
    fn window(&mut self, text: &str, p: usize) -> Span {
        let b = text.as_bytes();
        if !self.ready {
            self.starts.clear();
            self.ends.clear();
            for (i, &c) in b.iter().enumerate() {
                if matches!(c, b'.' | b';' | b'\n') {
                    match b.get(i + 1) {
                        None => self.ends.push(i),
                        Some(n) if n.is_ascii_whitespace() => {
                            self.ends.push(i);
                            self.starts.push(i + 2);
                        }
                        Some(_) => {}
                    }
                }
            }
            self.ready = true;
        }
        let lo_lim = p.saturating_sub(300);
        let before = self.starts.partition_point(|&s| s <= p);
        let lo = match before.checked_sub(1).map(|i| self.starts[i]) {
            Some(s) if s > lo_lim => s,
            _ => lo_lim.min(p),
        };
        let hi_lim = (p + 300).min(b.len());
        let after = self.ends.partition_point(|&e| e < p);
        let hi = match self.ends.get(after) {
            Some(&e) if e < hi_lim => e + 1,
            _ => hi_lim.max(p),
        };
        let (lo, hi) = snap(text, lo, hi);
        Span::new(lo, hi)
    }
}

/// The sentence around byte `p` of `text`, clipped to ±300 bytes, on char boundaries.
pub fn window(text: &str, p: usize) -> Span {
    let b = text.as_bytes();
    let lo_lim = p.saturating_sub(300);
    let mut lo = p;
    while lo > lo_lim {
        if lo >= 2 && matches!(b[lo - 2], b'.' | b';' | b'\n') && b[lo - 1].is_ascii_whitespace() {
            break;
        }
        lo -= 1;
    }
    let hi_lim = (p + 300).min(b.len());
    let mut hi = p;
    while hi < hi_lim {
        if matches!(b[hi], b'.' | b';' | b'\n')
            && b.get(hi + 1).is_none_or(|c| c.is_ascii_whitespace())
        {
            hi += 1;
            break;
        }
        hi += 1;
    }
    let (lo, hi) = snap(text, lo, hi);
    Span::new(lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A contract in British spelling meets the library's American cue
    /// phrases in the stemmed stream, whichever spelling came first (the
    /// stem cache is keyed by the word as written).
    #[test]
    fn british_spellings_stem_as_american_ones() {
        let mut scratch = Scratch::default();
        let mut stream = |t: &str| {
            scratch.stem(t);
            scratch.stream.clone()
        };
        let us = stream("Unauthorized access; media sanitization; the licensed program");
        let uk = stream("Unauthorised access; media sanitisation; the licenced programme");
        assert_eq!(uk, us);
        assert_eq!(stream("unauthorized"), stream("unauthorised"));
        assert_ne!(stream("authorship"), stream("authorised"));
    }

    /// The precomputed marks give every window exactly as the scan does,
    /// including at sentence marks, the ±300-byte clip and multi-byte text.
    #[test]
    fn marks_window_equals_the_scanning_window() {
        let long = "word ".repeat(90);
        let texts = [
            String::new(),
            "a.".to_string(),
            "Supplier shall patch. Customer shall; notify.\nThe end".to_string(),
            format!("{long}. {long}; é ü — {long}.\n\n{long}"),
            "..;; \n\n. ;x.y .".to_string(),
        ];
        for t in &texts {
            let mut m = Marks::default();
            for p in 0..=t.len() {
                if t.is_char_boundary(p) {
                    assert_eq!(m.window(t, p), window(t, p), "text {t:?} at {p}");
                }
            }
        }
    }
}
