//! Compiled cue vocabulary: every requirement's concepts and heading words as
//! one Aho-Corasick automaton over a stemmed-token stream, and its regexes
//! (regex, ASCII byte mode) with a literal prefilter so that topic patterns only run on
//! text that contains one of their required words.
//!
//! Built once per [`Engine`](super::Engine); analysing a text never compiles
//! anything.

pub use super::gate::prefilter;
use super::gate::{AnyWord, Gate, Pairs};
use super::scan;
use crate::library::{Library, Party, Requirement};
use aho_corasick::dfa::DFA;
use regex_automata::meta;
use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// What a stemmed phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    Concept,
    Heading,
}

/// One requirement's compiled regexes.
#[derive(Debug, Clone)]
pub struct ReqCues {
    pub id: String,
    pub party: Party,
    /// Topic regexes, each with the literal-set index that gates it (None: always run).
    pub patterns: Vec<(Regex, Option<usize>)>,
    /// For each topic regex: more literal sets (indices as above) a word of
    /// each of which occurs in every match (see [`super::gate`]).
    pub pattern_sets: Vec<Vec<usize>>,
    /// The distinct gating sets of `patterns`: when none of them has a hit in
    /// a clause and no concept named the requirement, none of its patterns
    /// can match there, so detection skips the requirement.
    pub gates: Vec<usize>,
    pub strong: Vec<Gated>,
    pub weak: Vec<Gated>,
    pub conflict: Vec<Gated>,
    pub exclude: Vec<Gated>,
}

/// The whole compiled vocabulary.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub reqs: Vec<ReqCues>,
    /// Automaton over the stemmed stream (" stem stem "): pattern i → `phrases[i]`.
    pub stems: Option<DFA>,
    /// For each stemmed pattern: (requirement index, kind, number of words).
    pub phrases: Vec<Vec<(usize, PhraseKind, usize)>>,
    /// Automaton over the raw text (ASCII case-insensitive) for regex prefilter literals.
    pub literals: Option<DFA>,
    /// For each literal pattern: the prefilter set ids it belongs to.
    pub literal_sets: Vec<Vec<usize>>,
    /// Number of prefilter sets.
    pub n_sets: usize,
    /// All plain cue phrases (for the benchmark's reference scan).
    pub plain_phrases: Vec<String>,
}

/// A cue regex. Compiled with the `regex` crate's byte engine in ASCII mode
/// (`(?i-u)`): the same semantics as the regex-lite syntax the clause files are
/// validated with (ASCII `\w`, `\b`, case folding), but a lazy DFA instead of a
/// backtracker, which made analysis about ten times faster. Compilation is
/// deferred to the first use: most cue regexes only run when their literal
/// gate fires, so start-up (about 1.7 s in the browser when all ~1,000 were
/// compiled eagerly) no longer pays for them. Matches are widened to char
/// boundaries, so slicing the text never panics.
#[derive(Debug, Clone)]
pub struct Regex {
    src: String,
    re: OnceLock<Option<meta::Regex>>,
}

impl Regex {
    /// Compiled as `regex::bytes::RegexBuilder` would (leftmost-first, any
    /// bytes, the same size limits), through the engine underneath it so that
    /// the literal prefilter can be left out in wasm. There the SIMD
    /// prefilters (Teddy) do not exist and the fallback automaton cost more
    /// than it saved on the sentence-sized windows cues run on; natively
    /// the prefilter stays.
    fn compiled(&self) -> Option<&meta::Regex> {
        self.re
            .get_or_init(|| {
                meta::Builder::new()
                    .configure(
                        meta::Config::new()
                            .nfa_size_limit(Some(1 << 20))
                            .hybrid_cache_capacity(1 << 18)
                            .match_kind(regex_automata::MatchKind::LeftmostFirst)
                            .utf8_empty(false)
                            .auto_prefilter(!cfg!(target_arch = "wasm32")),
                    )
                    .syntax(regex_automata::util::syntax::Config::new().utf8(false))
                    .build(&self.src)
                    .ok()
            })
            .as_ref()
    }
    /// The regex as the engine compiles it (`(?i-u)` and normalised quotes).
    pub fn source(&self) -> &str {
        &self.src
    }
    /// First match, as a byte range on char boundaries of `text`.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        let m = self.compiled()?.find(text.as_bytes())?;
        Some(snap(text, m.start(), m.end()))
    }
    /// Whether the regex matches anywhere in `text`: stops at the earliest
    /// match and never searches backwards for its start, so it is cheaper
    /// than [`Regex::find`] when only the yes/no answer counts.
    pub fn is_match(&self, text: &str) -> bool {
        self.compiled()
            .is_some_and(|re| re.is_match(text.as_bytes()))
    }
    /// First match that starts at or after byte `at` (context before `at`
    /// still counts for `\b`), as a byte range on char boundaries.
    pub fn find_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let input = regex_automata::Input::new(text.as_bytes()).range(at..);
        let m = self.compiled()?.search(&input)?;
        Some(snap(text, m.start(), m.end()))
    }
    /// Every non-overlapping match, as byte ranges on char boundaries.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.compiled()
            .into_iter()
            .flat_map(move |re| re.find_iter(text.as_bytes()))
            .map(move |m| snap(text, m.start(), m.end()))
    }
}

/// Widen `start..end` to the nearest char boundaries of `text`.
pub(crate) fn snap(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// A case-insensitive regex, compiled on first use. It is not parsed here:
/// building an engine parses ~800 cue regexes, and checking each one eagerly
/// was half of the engine build (~0.3 s at app start-up in Wasm). A pattern
/// that does not compile never matches (the clause-pack validator reports it
/// with its line, through the same [`crate::library::pattern`] check).
pub fn rx(src: &str) -> Regex {
    Regex {
        src: crate::library::pattern::engine_source(src),
        re: OnceLock::new(),
    }
}

/// A regex with the literal words one of which must occur for it to match:
/// checking them with a substring search first skips most regex runs. The
/// [`Gate`] adds the other word sets every match contains (read off the
/// regex's syntax tree), so that e.g. a conflict cue about "supplier … cost"
/// does not run on every clause that names the supplier.
#[derive(Debug, Clone)]
pub struct Gated {
    pub re: Regex,
    lits: Option<AnyWord>,
    /// Built on first use, like the regex (start-up stays cheap).
    gate: OnceLock<Option<Gate>>,
}

impl Gated {
    pub fn new(src: &str) -> Gated {
        Gated {
            re: rx(src),
            lits: prefilter(src).map(AnyWord::new),
            gate: OnceLock::new(),
        }
    }
    /// A regex gated by hand-picked literals (lowercase): it only runs when
    /// one of them occurs.
    pub fn with_lits(src: &str, lits: &[&str]) -> Gated {
        Gated {
            re: rx(src),
            lits: Some(AnyWord::new(lits)),
            gate: OnceLock::new(),
        }
    }
    /// Whether the regex compiles (one that does not never matches); for
    /// tests of the built-in vocabulary, which nothing else validates.
    pub fn compiles(&self) -> bool {
        self.re.compiled().is_some()
    }
    /// Whether the regex may match a text whose ASCII-lowercase form is
    /// `lower` (`false`: it certainly cannot, its required words are absent).
    pub fn may_match(&self, lower: &str) -> bool {
        self.may_match_in(lower, None)
    }
    /// [`Gated::may_match`]; with the byte pairs of a text that holds
    /// `lower` (see [`Pairs`]), the same answer with fewer searches.
    fn may_match_in(&self, lower: &str, pairs: Option<&Pairs>) -> bool {
        if let Some(l) = &self.lits
            && !l.occurs_in(lower, pairs)
        {
            return false;
        }
        self.gate
            .get_or_init(|| Gate::new(&self.re.src))
            .as_ref()
            .is_none_or(|g| g.passes(lower, pairs))
    }
    /// Whether it matches in `text` (`lower` as for [`Gated::find`]).
    pub fn matches(&self, text: &str, lower: &str) -> bool {
        self.may_match(lower) && self.re.is_match(text)
    }
    /// First match in `text`; `lower` is `text` ASCII-lowercased (same offsets).
    pub fn find(&self, text: &str, lower: &str) -> Option<(usize, usize)> {
        self.find_in(text, lower, None)
    }
    /// [`Gated::find`] for a part of the text `pairs` was taken from.
    pub fn find_part(&self, text: &str, lower: &str, pairs: &Pairs) -> Option<(usize, usize)> {
        self.find_in(text, lower, Some(pairs))
    }
    fn find_in(&self, text: &str, lower: &str, pairs: Option<&Pairs>) -> Option<(usize, usize)> {
        if !self.may_match_in(lower, pairs) {
            return None;
        }
        self.re.find(text)
    }
}

fn rxs(srcs: &[String]) -> Vec<Gated> {
    srcs.iter().map(|s| Gated::new(s)).collect()
}

/// Stem every word of `phrase` and join as " a b c " (the stream format).
pub fn stem_phrase(stemmer: &Stemmer, phrase: &str) -> String {
    let mut out = String::from(" ");
    for w in words(phrase) {
        let lw = w.1.to_lowercase();
        out.push_str(&stemmer.stem(&super::spelling::american(&lw)));
        out.push(' ');
    }
    out
}

/// Word tokens of `text` with their byte offsets: runs of alphanumerics.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        while pos < text.len() {
            // ASCII (nearly all contract text) without decoding a char.
            if bytes[pos].is_ascii() {
                if bytes[pos].is_ascii_alphanumeric() {
                    break;
                }
                pos += 1;
                continue;
            }
            let c = text[pos..].chars().next()?;
            if c.is_alphanumeric() {
                break;
            }
            pos += c.len_utf8();
        }
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        while pos < text.len() {
            if bytes[pos].is_ascii() {
                if !bytes[pos].is_ascii_alphanumeric() {
                    break;
                }
                pos += 1;
            } else {
                let c = text[pos..].chars().next()?;
                if !c.is_alphanumeric() {
                    break;
                }
                pos += c.len_utf8();
            }
        }
        Some((start, &text[start..pos]))
    })
}

impl Compiled {
    pub fn new(lib: &Library) -> Compiled {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut stem_pats: Vec<String> = Vec::new();
        let mut phrases: Vec<Vec<(usize, PhraseKind, usize)>> = Vec::new();
        let mut lit_pats: Vec<String> = Vec::new();
        let mut literal_sets: Vec<Vec<usize>> = Vec::new();
        let mut n_sets = 0;
        // Patterns that need the same words share one set: its hits are the
        // same, and each hit of a common word ("the", "shall") is recorded
        // once per set it belongs to.
        let mut set_ids: HashMap<Vec<String>, usize> = HashMap::new();
        let mut plain_phrases = Vec::new();
        let mut reqs = Vec::new();
        for (ri, r) in lib.requirements.iter().enumerate() {
            let c = &r.meta.cues;
            let kinds = [
                (&c.concepts, PhraseKind::Concept),
                (&c.headings, PhraseKind::Heading),
            ];
            for (list, kind) in kinds {
                for p in list {
                    let s = stem_phrase(&stemmer, p);
                    let n = s.split_whitespace().count();
                    if n == 0 {
                        continue;
                    }
                    plain_phrases.push(p.to_lowercase());
                    let idx = match stem_pats.iter().position(|x| *x == s) {
                        Some(i) => i,
                        None => {
                            stem_pats.push(s);
                            phrases.push(Vec::new());
                            stem_pats.len() - 1
                        }
                    };
                    phrases[idx].push((ri, kind, n));
                }
            }
            let mut patterns = Vec::new();
            let mut pattern_sets = Vec::new();
            for src in &c.patterns {
                let re = rx(src);
                let mut add_set = |lits: Vec<String>| {
                    let mut key = lits.clone();
                    key.sort();
                    if let Some(&set) = set_ids.get(&key) {
                        return set;
                    }
                    let set = n_sets;
                    n_sets += 1;
                    set_ids.insert(key, set);
                    for l in lits {
                        match lit_pats.iter().position(|x| *x == l) {
                            Some(i) => literal_sets[i].push(set),
                            None => {
                                lit_pats.push(l);
                                literal_sets.push(vec![set]);
                            }
                        }
                    }
                    set
                };
                let primary = prefilter(src);
                let gate = primary.clone().map(|lits| {
                    plain_phrases.extend(lits.iter().cloned());
                    add_set(lits)
                });
                let mut extra = Vec::new();
                for set in super::gate::word_sets(&re.src) {
                    let mut sorted = primary.clone().unwrap_or_default();
                    sorted.sort();
                    if set != sorted {
                        extra.push(add_set(set));
                    }
                }
                patterns.push((re, gate));
                pattern_sets.push(extra);
            }
            reqs.push(req_cues(r, patterns, pattern_sets));
        }
        let stems = scan::dfa(&stem_pats, false);
        let literals = scan::dfa(&lit_pats, true);
        Compiled {
            reqs,
            stems,
            phrases,
            literals,
            literal_sets,
            n_sets,
            plain_phrases,
        }
    }
}

fn req_cues(
    r: &Requirement,
    patterns: Vec<(Regex, Option<usize>)>,
    pattern_sets: Vec<Vec<usize>>,
) -> ReqCues {
    let c = &r.meta.cues;
    let mut gates: Vec<usize> = patterns.iter().filter_map(|(_, g)| *g).collect();
    gates.sort_unstable();
    gates.dedup();
    ReqCues {
        id: r.meta.id.clone(),
        party: r.meta.party,
        gates,
        patterns,
        pattern_sets,
        strong: rxs(&c.strong),
        weak: rxs(&c.weak),
        conflict: rxs(&c.conflict),
        exclude: rxs(&c.exclude),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_cue_regex_compiles_in_the_engine() {
        let lib = crate::library::Library::builtin();
        for r in &lib.requirements {
            let c = &r.meta.cues;
            for src in c
                .patterns
                .iter()
                .chain(&c.strong)
                .chain(&c.weak)
                .chain(&c.conflict)
                .chain(&c.exclude)
            {
                assert_eq!(
                    crate::library::pattern::engine_error(src),
                    None,
                    "{}: `{src}` would never match",
                    r.meta.id
                );
            }
        }
    }

    #[test]
    fn a_pattern_written_with_curly_quotes_matches_the_normalised_text() {
        // The engine sees normalised text, where curly quotes are straight.
        let re = rx("[\"\u{201c}][a-z ]+[\"\u{201d}] means");
        assert!(re.find("\"Security Patch\" means a fix").is_some());
    }

    #[test]
    fn prefilter_reads_required_words_off_cue_regexes() {
        assert_eq!(prefilter(r"\bpatch(es|ed)?\b"), Some(vec!["patch".into()]));
        assert_eq!(
            prefilter(r"\b(validat|test|qualif)\w*\b.{0,60}\b(patch|update|fix)"),
            Some(vec!["validat".into(), "test".into(), "qualif".into()])
        );
        assert_eq!(
            prefilter(r"mds2|manufacturer disclosure"),
            Some(vec!["mds2".into(), "manufacturer disclosure".into()])
        );
        // An optional group cannot gate the regex.
        assert_eq!(prefilter(r"(ab)?\w+"), None);
    }
}
