//! Splitting inside a line or paragraph: inline enumerations ("… (a) … (b) …"
//! on one line) and sentence boundaries for overlong paragraphs. Linear scans
//! over bytes; no allocation beyond the output vectors.

use super::labels::{self, Style, Sub};

/// Longest clause produced by sentence fallback, in bytes.
pub const MAX_CHUNK: usize = 1500;

/// Ordinal of a marker in its family: a=1, ii=2, C=3, 4=4.
pub fn ordinal(marker: &str, sub: Sub) -> Option<u32> {
    match sub {
        Sub::Digit => marker.parse().ok(),
        Sub::Bullet => Some(1),
        Sub::Lower | Sub::Upper => {
            let b = marker.as_bytes();
            let c = b.first()?.to_ascii_lowercase();
            if !c.is_ascii_lowercase() || b.len() > 6 {
                return None;
            }
            Some(u32::from(c - b'a') + 1 + 26 * (b.len() as u32 - 1))
        }
        Sub::LowerRoman | Sub::UpperRoman => roman_value(marker),
    }
}

pub fn roman_value(s: &str) -> Option<u32> {
    let v = |c: u8| -> i64 {
        match c.to_ascii_lowercase() {
            b'i' => 1,
            b'v' => 5,
            b'x' => 10,
            b'l' => 50,
            b'c' => 100,
            _ => 0,
        }
    };
    let b = s.as_bytes();
    let mut total = 0i64;
    for (k, &c) in b.iter().enumerate() {
        let x = v(c);
        if x == 0 {
            return None;
        }
        if b.get(k + 1).is_some_and(|&n| v(n) > x) {
            total -= x;
        } else {
            total += x;
        }
    }
    u32::try_from(total).ok()
}

const REF_WORDS: [&str; 10] = [
    "clause",
    "clauses",
    "section",
    "sections",
    "paragraph",
    "paragraphs",
    "subsection",
    "subsections",
    "item",
    "items",
];

/// Positions (byte offsets in `line`) where inline enumeration markers start
/// a new sub-clause. `own`: the line's own leading sub-label (family, ordinal).
pub fn inline_markers(line: &str, own: Option<(Sub, u32)>, out: &mut Vec<usize>) {
    out.clear();
    if !line.contains(" (") {
        return;
    }
    let b = line.as_bytes();
    // (pos, family, marker text)
    let mut expect: Option<(bool, u32)> = None; // (lower-case?, next ordinal) for letters
    let mut family: Option<Sub> = None;
    let mut last_pos = 0usize;
    let mut run: Vec<usize> = Vec::new();
    if let Some((s, o)) = own {
        family = Some(s);
        expect = Some((
            matches!(s, Sub::Lower | Sub::LowerRoman | Sub::Digit),
            o + 1,
        ));
    }
    let mut i = 1;
    while i < b.len() {
        if b[i] != b'(' || b[i - 1] != b' ' {
            i += 1;
            continue;
        }
        let Some(l) = labels::parse(&line[i..]) else {
            i += 1;
            continue;
        };
        let Style::Sub(mut sub) = l.style else {
            i += 1;
            continue;
        };
        let marker = &line[i + l.marker.0..i + l.marker.1];
        // A single i/v/x continues a letter run when the letter run expects it.
        if let (Some(Sub::Lower | Sub::Upper), Some((_, n))) = (family, expect)
            && marker.len() == 1
            && ordinal(marker, Sub::Lower) == Some(n)
        {
            sub = if marker.as_bytes()[0].is_ascii_lowercase() {
                Sub::Lower
            } else {
                Sub::Upper
            };
        }
        let Some(ord) = ordinal(marker, sub) else {
            i += 1;
            continue;
        };
        let prev_word = line[..i - 1]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let is_ref = REF_WORDS.iter().any(|w| prev_word.eq_ignore_ascii_case(w));
        let continues = family == Some(sub) && expect.is_some_and(|(_, n)| n == ord);
        if !is_ref && continues && i - last_pos >= 12 {
            run.push(i);
            expect = Some((true, ord + 1));
            last_pos = i;
        } else if !is_ref && ord == 1 && run.len() < 2 && own.is_none() {
            run.clear();
            run.push(i);
            family = Some(sub);
            expect = Some((true, 2));
            last_pos = i;
        }
        i += l.text_len.max(1);
    }
    // A lone "(a)" is a reference, not an enumeration, unless it continues the line's own label.
    let enough = if own.is_some() {
        !run.is_empty()
    } else {
        run.len() >= 2
    };
    if enough && line.len() - last_pos >= 8 {
        out.extend(run);
    }
}

const ABBREV: [&str; 20] = [
    "inc", "ltd", "co", "corp", "no", "nos", "sec", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr",
    "st", "u.s", "vs", "v", "art", "approx",
];

/// Split `text[start..end]` into sentence chunks of at most [`MAX_CHUNK`] bytes.
/// Each chunk starts on a non-space char; returns (start, end) pairs.
pub fn sentences(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut s = skip_ws(text, start, end);
    let mut i = s;
    while i < end {
        let c = b[i];
        let mut boundary = None;
        if matches!(c, b'.' | b'?' | b'!') && i + 1 < end && b[i + 1].is_ascii_whitespace() {
            let next = skip_ws(text, i + 1, end);
            let starts = next < end
                && (b[next].is_ascii_uppercase()
                    || b[next].is_ascii_digit()
                    || b[next] == b'"'
                    || b[next] == b'('
                    || b[next] >= 0x80);
            let word = text[s..i]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            let abbrev = ABBREV.iter().any(|a| word.eq_ignore_ascii_case(a))
                || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase());
            if starts && !abbrev {
                boundary = Some(i + 1);
            }
        } else if c == b'\n' && i + 1 < end && b[i + 1] == b'\n' {
            boundary = Some(i);
        } else if c == 0xE3 && text[i..].starts_with('。') {
            boundary = Some(i + '。'.len_utf8());
        }
        if let Some(e) = boundary {
            push_capped(text, s, e, out);
            s = skip_ws(text, e, end);
            i = s;
            continue;
        }
        i += 1;
    }
    if s < end {
        push_capped(text, s, end, out);
    }
}

fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while i < end && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Push `s..e`, cutting at whitespace (or any char boundary) every MAX_CHUNK bytes.
fn push_capped(text: &str, mut s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    while e - s > MAX_CHUNK {
        let mut cut = s + MAX_CHUNK;
        while cut > s + MAX_CHUNK / 2 && !b[cut].is_ascii_whitespace() {
            cut -= 1;
        }
        if !b[cut].is_ascii_whitespace() {
            cut = s + MAX_CHUNK;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
        }
        let trimmed = cut - text[s..cut].len() + text[s..cut].trim_end().len();
        if trimmed > s {
            out.push((s, trimmed));
        }
        s = skip_ws(text, cut, e);
        if s >= e {
            return;
        }
    }
    let t = text[s..e].trim_end().len();
    if t > 0 {
        out.push((s, s + t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(line: &str) -> Vec<&str> {
        let mut v = Vec::new();
        inline_markers(line, None, &mut v);
        v.iter().map(|&i| &line[i..i + 3]).collect()
    }

    #[test]
    fn inline_enumerations_split_but_references_do_not() {
        assert_eq!(
            marks(
                "The Supplier shall: (a) notify the Customer; (b) provide a patch; and (c) report."
            ),
            ["(a)", "(b)", "(c)"]
        );
        assert!(
            marks("as set out in clauses (a) and (b) above, the Supplier shall act").is_empty()
        );
        assert!(marks("the Supplier (a Delaware corporation) shall").is_empty());
    }

    #[test]
    fn sentences_respect_abbreviations_and_cap() {
        let t = "Acme Inc. shall patch. The Customer shall test! Done";
        let mut v = Vec::new();
        sentences(t, 0, t.len(), &mut v);
        let s: Vec<&str> = v.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            ["Acme Inc. shall patch.", "The Customer shall test!", "Done"]
        );
        let long = "x".repeat(4000);
        v.clear();
        sentences(&long, 0, long.len(), &mut v);
        assert!(v.iter().all(|&(a, b)| b - a <= MAX_CHUNK && b > a));
        assert_eq!(v.last().map(|x| x.1), Some(4000));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xii"), Some(12));
        assert_eq!(ordinal("c", Sub::Lower), Some(3));
    }
}
