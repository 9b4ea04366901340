//! Which playbook threshold a duration in a clause is measured against, read
//! from the words of its own part of the sentence: its list item or
//! semicolon-separated part, between the neighbouring durations.

use super::Span;
use super::numbers::Duration;
use super::scan;
use crate::library::{Library, Threshold, Unit};
use aho_corasick::dfa::DFA;
use std::ops::Range;

/// The context words of every threshold in the library, found in a clause in
/// one automaton pass. Asking each word of each threshold of each candidate
/// requirement near each duration with a substring search cost 7% of a
/// 100-page analysis in wasm, where the standard library's substring search
/// has no SIMD path (natively the two ways cost about the same).
#[derive(Debug, Clone)]
pub struct ContextWords {
    /// Over the distinct context words, ASCII-lowercased (clauses are
    /// searched in their ASCII-lowercased form).
    ac: Option<DFA>,
    /// Per requirement, per threshold: (pattern, byte length) of each word.
    words: Vec<Vec<Vec<(usize, usize)>>>,
}

impl ContextWords {
    pub fn new(lib: &Library) -> ContextWords {
        let mut pats: Vec<String> = Vec::new();
        let mut id = |w: &str| {
            let w = w.to_ascii_lowercase();
            match pats.iter().position(|p| *p == w) {
                Some(i) => i,
                None => {
                    pats.push(w);
                    pats.len() - 1
                }
            }
        };
        let words = lib
            .requirements
            .iter()
            .map(|r| {
                r.meta
                    .thresholds
                    .iter()
                    .map(|t| {
                        // An empty word is in every text and adds no length:
                        // it never changes which threshold is picked.
                        t.context
                            .iter()
                            .filter(|w| !w.is_empty())
                            .map(|w| (id(w), w.len()))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let ac = scan::dfa(&pats, false).filter(|_| !pats.is_empty());
        ContextWords { ac, words }
    }

    /// Every occurrence of every context word in `lower` (an
    /// ASCII-lowercased text): (pattern, where).
    pub fn find(&self, lower: &str) -> Vec<(usize, Span)> {
        let mut hits = Vec::new();
        if let Some(ac) = &self.ac {
            scan::each_match(ac, lower.as_bytes(), |p, s, e| {
                hits.push((p, Span::new(s, e)))
            });
        }
        hits
    }

    /// The words of requirement `req`'s thresholds, in threshold order.
    pub fn of(&self, req: usize) -> &[Vec<(usize, usize)>] {
        self.words.get(req).map_or(&[], Vec::as_slice)
    }
}

/// The threshold a duration is measured against: the one whose `context`
/// words occur in the duration's own part of the sentence; a sole threshold
/// of a compatible unit when no context word occurs in the clause at all.
/// The words looked at stop at the neighbouring durations (`all`) and at list
/// items and semicolons, which have their own: in "within thirty (30) days
/// after release, and within fourteen (14) days for an Exploited
/// Vulnerability" the exploited-vulnerability words belong to the 14 days,
/// and in "(i) passed a background check within the preceding three (3)
/// years, (ii) completed security training …" the training words belong to
/// item (ii), not to the three years.
pub(super) fn pick_threshold<'a>(
    ts: &'a [Threshold],
    words: &[Vec<(usize, usize)>],
    hits: &[(usize, Span)],
    lower: &str,
    d: &Duration,
    near: Range<usize>,
) -> Option<(&'a Threshold, bool)> {
    if ts.is_empty() {
        return None;
    }
    // Whether context word `pat` occurs inside `r` of `lower`.
    let said = |pat: usize, r: &Range<usize>| {
        hits.iter()
            .any(|(p, s)| *p == pat && s.start >= r.start && s.end <= r.end)
    };
    let words_of = |ti: usize| words.get(ti).map_or(&[][..], Vec::as_slice);
    let mut best: Option<(usize, &Threshold)> = None;
    for (ti, t) in ts.iter().enumerate() {
        // Longer context phrases are more specific ("final report" beats "report").
        let hits: usize = words_of(ti)
            .iter()
            .filter(|(w, _)| said(*w, &near))
            .map(|(_, len)| len)
            .sum();
        if hits > 0 && compatible(t.unit, d.unit) && best.is_none_or(|b| hits > b.0) {
            best = Some((hits, t));
        }
    }
    best.map(|b| (b.1, true)).or_else(|| {
        // The sole threshold's words in another list item or part of the
        // clause: that part measures it, and this duration something else
        // ("(a) passed a background check within the preceding three (3)
        // years; (b) complete security training annually").
        let (fi, first) = ts
            .iter()
            .enumerate()
            .find(|(_, t)| compatible(t.unit, d.unit))?;
        let (wlo, whi) = (
            lower.floor_char_boundary(d.span.start.saturating_sub(ITEM_REACH)),
            lower.floor_char_boundary(d.span.end + ITEM_REACH),
        );
        let (lo, hi) = (
            item_start(&lower[wlo..d.span.start]).map(|s| wlo + s),
            item_end(&lower[d.span.end..whi]).map(|e| d.span.end + e),
        );
        let owned = (lo.is_some() || hi.is_some()) && {
            let (lo, hi) = (lo.unwrap_or(wlo), hi.unwrap_or(whi));
            let other = |w: usize| said(w, &(wlo..lo)) || said(w, &(hi..whi));
            words_of(fi)
                .iter()
                .any(|&(w, _)| !said(w, &(lo..hi)) && other(w))
        };
        (!owned).then_some((first, false))
    })
}

/// How far (bytes) either side of a duration the list items around it are
/// looked at: a neighbouring item further away says nothing about it.
const ITEM_REACH: usize = 400;

/// The words that speak about each of `durs` in `lower` (see
/// [`item_window`]), in the order of `durs`.
pub(super) fn windows(lower: &str, durs: &[Duration]) -> Vec<std::ops::Range<usize>> {
    durs.iter()
        .map(|d| {
            let (prev_end, next_start) = neighbours(d, durs);
            item_window(lower, d, prev_end, next_start)
        })
        .collect()
}

/// The end of the duration before `d` (0 if none) and the start of the one
/// after it (`usize::MAX` if none).
fn neighbours(d: &Duration, all: &[Duration]) -> (usize, usize) {
    let prev_end = all
        .iter()
        .map(|o| o.span.end)
        .filter(|&e| e <= d.span.start)
        .max()
        .unwrap_or(0);
    let next_start = all
        .iter()
        .map(|o| o.span.start)
        .filter(|&s| s >= d.span.end)
        .min()
        .unwrap_or(usize::MAX);
    (prev_end, next_start)
}

/// The words that speak about duration `d`: up to 120 bytes either side,
/// stopping at the neighbouring durations and at list items and semicolons.
fn item_window(
    lower: &str,
    d: &Duration,
    prev_end: usize,
    next_start: usize,
) -> std::ops::Range<usize> {
    let lo = lower.floor_char_boundary(d.span.start.saturating_sub(120).max(prev_end));
    let hi = lower.floor_char_boundary((d.span.end + 120).min(next_start));
    let lo = lo + item_start(&lower[lo..d.span.start]).unwrap_or(0);
    let hi = d.span.end + item_end(&lower[d.span.end..hi]).unwrap_or(hi - d.span.end);
    lo..hi
}

/// Where the list item or semicolon-separated part that ends `before` starts
/// (offset into `before`), if a boundary is in it.
fn item_start(before: &str) -> Option<usize> {
    let b = before.as_bytes();
    let mut end = b.len();
    while let Some(i) = b[..end].iter().rposition(|&c| c == b';' || c == b'(') {
        if let Some(after) = item_boundary(b, i) {
            return Some(after);
        }
        end = i;
    }
    None
}

/// Where the list item or semicolon-separated part that starts `after` ends.
fn item_end(after: &str) -> Option<usize> {
    let b = after.as_bytes();
    let mut from = 0;
    while let Some(i) = b[from..].iter().position(|&c| c == b';' || c == b'(') {
        if item_boundary(b, from + i).is_some() {
            return Some(from + i);
        }
        from += i + 1;
    }
    None
}

/// A boundary at byte `i`: a semicolon, or a list marker "(ii)", "(b)", "(B)"
/// after a space. Returns the offset just after it. Digits in parentheses
/// are not markers: "thirty (30) days" repeats its number.
fn item_boundary(b: &[u8], i: usize) -> Option<usize> {
    if b[i] == b';' {
        return Some(i + 1);
    }
    if b[i] != b'(' || (i > 0 && b[i - 1] != b' ') {
        return None;
    }
    let close = b[i + 1..].iter().take(5).position(|&c| c == b')')?;
    let inner = &b[i + 1..i + 1 + close];
    let roman = !inner.is_empty() && inner.iter().all(|c| b"ivxIVX".contains(c));
    let letter = inner.len() == 1 && inner[0].is_ascii_alphabetic();
    (roman || letter).then_some(i + 2 + close)
}

/// Short periods (hours, days) compare with each other; long ones (months, years) too.
fn compatible(a: Unit, b: Unit) -> bool {
    let long = |u| matches!(u, Unit::Months | Unit::Years);
    long(a) == long(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::numbers::durations;

    /// The hospital-duties requirement of the built-in library, its index and
    /// the names of the thresholds picked for each duration of `text`.
    fn picked(text: &str) -> Vec<(String, bool)> {
        let lib = Library::builtin();
        let ri = lib
            .requirements
            .iter()
            .position(|r| r.meta.id == "HDO-RESP")
            .expect("HDO-RESP is built in");
        let words = ContextWords::new(&lib);
        let lower = text.to_ascii_lowercase();
        let hits = words.find(&lower);
        let durs = durations(text);
        windows(&lower, &durs)
            .into_iter()
            .zip(&durs)
            .filter_map(|(w, d)| {
                let ts = &lib.requirements[ri].meta.thresholds;
                pick_threshold(ts, words.of(ri), &hits, &lower, d, w)
                    .map(|(t, by)| (t.name.clone(), by))
            })
            .collect()
    }

    /// One automaton pass gives what a substring search per word did: a
    /// word written in capitals in the pack ("KEV") is found in the
    /// lowercased clause, and each duration reads only its own part of the
    /// sentence.
    #[test]
    fn context_words_pick_each_durations_own_threshold() {
        let text = "Customer shall remediate KEV-listed flaws within fourteen (14) days; \
                    and shall report any suspected incident within three (3) business days.";
        assert_eq!(
            picked(text),
            [
                ("hdo_patch_exploited_days".to_string(), true),
                ("hdo_report_business_days".to_string(), true)
            ]
        );
        // No context word at all: the first threshold of a compatible unit,
        // not chosen by context.
        let none = picked("Customer shall act within ten (10) days.");
        assert_eq!(none, [("hdo_patch_exploited_days".to_string(), false)]);
    }

    /// Words shared by several thresholds are one pattern, found once.
    #[test]
    fn a_context_word_shared_by_thresholds_is_one_pattern() {
        let lib = Library::builtin();
        let words = ContextWords::new(&lib);
        let hits = words.find("the patch is deployed after the update");
        let update: Vec<_> = hits
            .iter()
            .filter(|(_, s)| s.start == 32 && s.end == 38)
            .collect();
        assert_eq!(update.len(), 1, "{hits:?}");
    }
}
