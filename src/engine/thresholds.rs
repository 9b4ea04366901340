//! Which playbook threshold a duration in a clause is measured against, read
//! from the words of its own part of the sentence: its list item or
//! semicolon-separated part, between the neighbouring durations.

use super::numbers::Duration;
use crate::library::{Threshold, Unit};

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
    lower: &str,
    d: &Duration,
    near: &str,
) -> Option<(&'a Threshold, bool)> {
    if ts.is_empty() {
        return None;
    }
    let said = |w: &String, hay: &str| {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            hay.contains(&w.to_ascii_lowercase())
        } else {
            hay.contains(w.as_str())
        }
    };
    let mut best: Option<(usize, &Threshold)> = None;
    for t in ts {
        // Longer context phrases are more specific ("final report" beats "report").
        let hits: usize = t
            .context
            .iter()
            .filter(|w| said(w, near))
            .map(|w| w.len())
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
        let first = ts.iter().find(|t| compatible(t.unit, d.unit))?;
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
            let mine = &lower[lo..hi];
            let other = |w: &String| said(w, &lower[wlo..lo]) || said(w, &lower[hi..whi]);
            first.context.iter().any(|w| !said(w, mine) && other(w))
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
