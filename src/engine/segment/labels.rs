//! Line shapes shared by ingest and segmentation: clause labels at the start
//! of a line ("1.2", "(a)", "ARTICLE IV", "Section 5", "Exhibit B"), heading
//! lines (ALL CAPS or Title Case) and definitions (`"Term" means`). All
//! functions look at one line, never allocate, and stop after a bounded number
//! of bytes, so callers stay linear-time.

/// The numbering style of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// "Exhibit B", "Schedule 2", "Appendix A", "Annex 1", "Attachment C".
    Exhibit,
    /// "ARTICLE IV", "Article 5".
    Article,
    /// "Section 5", "SECTION 5.2", "§ 7"; the value is the number of dotted parts.
    SectionWord(usize),
    /// "1.", "1.2", "1.2.3"; the value is the number of dotted parts.
    Number(usize),
    /// "(a)", "a)", "a." lower-case letter (or roman numeral; see [`Sub`]).
    Sub(Sub),
}

/// The family of a sub-clause marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sub {
    Lower,
    Upper,
    LowerRoman,
    UpperRoman,
    Digit,
    /// "- item", "• item": bullets (ingest turns bullet glyphs into "-").
    Bullet,
}

/// A label found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub style: Style,
    /// Byte length of the label text to keep ("1.2", "(a)", "ARTICLE IV").
    pub text_len: usize,
    /// Byte offset where the rest of the line starts (after punctuation and spaces).
    pub rest: usize,
    /// For sub-clause markers: the bare marker ("a", "iv") as a byte range.
    pub marker: (usize, usize),
}

const EXHIBIT_WORDS: [&str; 6] = [
    "exhibit",
    "schedule",
    "appendix",
    "annex",
    "attachment",
    "addendum",
];

fn word_at(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Is this string a roman numeral made of i, v, x, l, c (either case, not mixed)?
pub fn is_roman(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 8
        && (s.bytes().all(|b| b"ivxlc".contains(&b)) || s.bytes().all(|b| b"IVXLC".contains(&b)))
}

/// A short token after "Exhibit"/"Article"/"Section": digits, roman, a letter, or "A-1".
fn label_token(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len()
        && j - i < 12
        && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'-')
    {
        j += 1;
    }
    // No trailing dot or dash inside the token.
    while j > i && (b[j - 1] == b'.' || b[j - 1] == b'-') {
        j -= 1;
    }
    let tok = &s[i..j];
    if tok.is_empty() {
        return None;
    }
    let ok = tok.bytes().any(|c| c.is_ascii_digit())
        || is_roman(tok)
        || (tok.len() == 1 && tok.as_bytes()[0].is_ascii_alphabetic())
        || (tok.len() <= 3 && tok.bytes().all(|c| c.is_ascii_uppercase()));
    ok.then_some(j)
}

/// After a keyword label: punctuation and spaces, returning where the rest starts.
fn after_punct(s: &str, mut j: usize) -> usize {
    let b = s.as_bytes();
    j = skip_spaces(s, j);
    if j < b.len() && b"-:.)".contains(&b[j]) {
        j += 1;
    }
    skip_spaces(s, j)
}

/// Parse a clause label at the start of `line` (which must not start with whitespace).
pub fn parse(line: &str) -> Option<Label> {
    let b = line.as_bytes();
    let first = *b.first()?;
    if first.is_ascii_digit() {
        return number(line);
    }
    if first == b'(' {
        return paren(line);
    }
    for bullet in ["- ", "* ", "\u{2022} "] {
        if line.starts_with(bullet) && line.len() > bullet.len() {
            return Some(Label {
                style: Style::Sub(Sub::Bullet),
                text_len: bullet.len() - 1,
                rest: skip_spaces(line, bullet.len()),
                marker: (0, bullet.len() - 1),
            });
        }
    }
    if first == 0xC2 && line.starts_with('§') {
        let i = skip_spaces(line, '§'.len_utf8());
        let mut l = number(&line[i..]).or_else(|| {
            let j = label_token(line, i)?;
            Some(Label {
                style: Style::Number(1),
                text_len: j - i,
                rest: after_punct(line, j) - i,
                marker: (0, 0),
            })
        })?;
        l.style = match l.style {
            Style::Number(d) => Style::SectionWord(d),
            s => s,
        };
        l.text_len += i;
        l.rest += i;
        return Some(l);
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let w = word_at(line);
    let lw = w.len();
    let kw = |k: &str| {
        lw == k.len() && w.eq_ignore_ascii_case(k) && w.as_bytes()[0].is_ascii_uppercase()
    };
    if kw("article") || kw("section") || EXHIBIT_WORDS.iter().any(|k| kw(k)) {
        let i = skip_spaces(line, lw);
        if i == lw {
            return None;
        }
        let j = label_token(line, i)?;
        let rest = after_punct(line, j);
        let style = if kw("article") {
            Style::Article
        } else if kw("section") {
            Style::SectionWord(
                line[i..j]
                    .split('.')
                    .filter(|p| !p.is_empty())
                    .count()
                    .max(1),
            )
        } else {
            Style::Exhibit
        };
        // "Section 5 of this Agreement …" is a cross-reference, not a heading.
        let tail = &line[rest..];
        let punct = rest > skip_spaces(line, j) || tail.is_empty();
        if !punct && !starts_heading(tail) {
            return None;
        }
        return Some(Label {
            style,
            text_len: j,
            rest,
            marker: (0, 0),
        });
    }
    // "a. ", "a) ", "iv. ", "A. "
    let tok_end = b.iter().take(6).position(|c| !c.is_ascii_alphabetic())?;
    if tok_end == 0 || tok_end >= b.len() || !(b[tok_end] == b'.' || b[tok_end] == b')') {
        return None;
    }
    let tok = &line[..tok_end];
    if tok_end + 1 < b.len() && b[tok_end + 1] != b' ' {
        return None;
    }
    let sub = sub_kind(tok)?;
    let text_len = if b[tok_end] == b')' {
        tok_end + 1
    } else {
        tok_end
    };
    Some(Label {
        style: Style::Sub(sub),
        text_len,
        rest: skip_spaces(line, tok_end + 1),
        marker: (0, tok_end),
    })
}

/// Classify a bare marker ("a", "iv", "B", "3"); letters beyond one char must be roman.
pub fn sub_kind(tok: &str) -> Option<Sub> {
    let b = tok.as_bytes();
    if b.is_empty() || b.len() > 6 {
        return None;
    }
    if b.iter().all(u8::is_ascii_digit) {
        return (b.len() <= 3).then_some(Sub::Digit);
    }
    if b.len() == 1 {
        return Some(match b[0] {
            b'i' | b'v' | b'x' => Sub::LowerRoman,
            b'I' | b'V' | b'X' => Sub::UpperRoman,
            c if c.is_ascii_lowercase() => Sub::Lower,
            c if c.is_ascii_uppercase() => Sub::Upper,
            _ => return None,
        });
    }
    if is_roman(tok) {
        return Some(if b[0].is_ascii_lowercase() {
            Sub::LowerRoman
        } else {
            Sub::UpperRoman
        });
    }
    // "aa", "bb" (after z)
    if b.iter().all(|&c| c == b[0]) && b[0].is_ascii_alphabetic() {
        return Some(if b[0].is_ascii_lowercase() {
            Sub::Lower
        } else {
            Sub::Upper
        });
    }
    None
}

fn paren(line: &str) -> Option<Label> {
    let b = line.as_bytes();
    let close = b.iter().take(8).position(|&c| c == b')')?;
    let tok = &line[1..close];
    let sub = sub_kind(tok)?;
    let rest = skip_spaces(line, close + 1);
    if rest == close + 1 && rest < b.len() {
        return None; // "(a)b" is not a marker
    }
    Some(Label {
        style: Style::Sub(sub),
        text_len: close + 1,
        rest,
        marker: (1, close),
    })
}

fn number(line: &str) -> Option<Label> {
    let b = line.as_bytes();
    let mut i = 0;
    let mut parts = 0usize;
    loop {
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() && i - s < 4 {
            i += 1;
        }
        if i == s || (i < b.len() && b[i].is_ascii_digit()) {
            return None;
        }
        parts += 1;
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let text_len = i;
    let mut j = i;
    let mut punct = false;
    if j < b.len() && (b[j] == b'.' || b[j] == b')') {
        j += 1;
        punct = true;
    }
    if j < b.len() && b[j] != b' ' && b[j] != b'\t' {
        return None; // "1.5x", "3.)" etc.
    }
    let rest = skip_spaces(line, j);
    let tail = &line[rest..];
    if !punct && parts == 1 && !(tail.is_empty() || starts_heading(tail) || tail.starts_with('"')) {
        return None; // "30 days after …"
    }
    Some(Label {
        style: Style::Number(parts),
        text_len,
        rest,
        marker: (0, 0),
    })
}

/// Does `s` start with a capitalised word (possibly after a quote)?
fn starts_heading(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '"' | '\''))
        .is_some_and(char::is_uppercase)
}

/// Is `line` (trimmed) shaped like a heading: short, no sentence punctuation at
/// the end, and ALL CAPS or Title Case?
pub fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 100 {
        return false;
    }
    let t = t.strip_suffix(':').unwrap_or(t);
    if t.ends_with(['.', ',', ';', '!', '?']) {
        return false;
    }
    if t.contains(": ") || t.contains('"') && !t.starts_with('"') {
        return false;
    }
    let (mut upper, mut lower) = (0, 0);
    for c in t.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if lower == 0 {
        // ALL CAPS: short, and not a sentence fragment ending in a connector.
        let mut words = t.split_whitespace();
        let last = words.next_back().unwrap_or("");
        let connector = ["AND", "OR", "THE", "OF", "TO", "FOR", "IN", "A", "BY"].contains(&last);
        return upper >= 2 && words.count() < 12 && !connector && !t.ends_with(',');
    }
    // Title case: every word of four or more letters is capitalised.
    let mut words = 0;
    for w in t.split_whitespace() {
        words += 1;
        if words > 12 {
            return false;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let first = w.chars().find(|c| c.is_alphanumeric());
        if letters >= 4 && !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
    }
    t.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && upper >= 1
}

/// Is `line` a definition (`"Term" means …`)? Returns the term's byte range.
pub fn definition(line: &str) -> Option<(usize, usize)> {
    let t = line.strip_prefix("The term ").unwrap_or(line);
    let off = line.len() - t.len();
    let body = t.strip_prefix('"')?;
    let close = body.bytes().take(80).position(|c| c == b'"')?;
    let term = &body[..close];
    if !term.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let after = body[close + 1..].trim_start_matches([' ', ',', ':']);
    // "Term" or "Other Term" means
    let after = match after.strip_prefix("or \"") {
        Some(r) => r.find('"').map_or(after, |k| r[k + 1..].trim_start()),
        None => after,
    };
    let starts = [
        "means",
        "mean ",
        "shall mean",
        "has the meaning",
        "shall have the meaning",
        "refers to",
        "shall refer to",
        "is defined",
        "includes",
        "shall include",
        "is ",
    ];
    let hit = starts.iter().any(|s| after.starts_with(s))
        || (body[close + 1..].starts_with(':') && after.len() > 3);
    hit.then_some((off + 1, off + 1 + close))
}

/// A definition without quotes: `Security Patch means …` (a short Title Case
/// term, then "means" / "shall mean" / "has the meaning"). Returns the term's range.
pub fn bare_definition(line: &str) -> Option<(usize, usize)> {
    let mut lim = line.len().min(72);
    while !line.is_char_boundary(lim) {
        lim -= 1;
    }
    let head = &line[..lim];
    // The first keyword in `head`: each starts with a space, so only spaces
    // are tried (four substring searches per line cost more than segmenting it).
    let at = head.match_indices(' ').map(|(p, _)| p).find(|&p| {
        [" means ", " shall mean ", " has the meaning", " refers to "]
            .iter()
            .any(|k| head[p..].starts_with(k))
    })?;
    let term = &line[..at];
    let mut words = 0;
    for w in term.split(' ') {
        words += 1;
        let small = ["of", "and", "or", "the", "for", "to", "in", "a"].contains(&w);
        let cap = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if words > 5 || !(cap || small && words > 1) {
            return None;
        }
    }
    let bad_first = [
        "The", "This", "It", "Each", "Any", "Such", "That", "Which", "Nothing", "Supplier",
        "Customer",
    ];
    (!bad_first.contains(&term.split(' ').next().unwrap_or("")) && words <= 5).then_some((0, at))
}

/// Does this line begin a new block (label, bullet, definition, keyword heading)?
/// Used by ingest to decide not to join a wrapped line onto the previous one.
pub fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") {
        return true;
    }
    parse(t).is_some() || definition(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(s: &str) -> Option<Style> {
        parse(s).map(|l| l.style)
    }

    #[test]
    fn labels_people_write() {
        assert_eq!(style("1. DEFINITIONS"), Some(Style::Number(1)));
        assert_eq!(style("1.2 The Supplier"), Some(Style::Number(2)));
        assert_eq!(style("1.2.3. Notice"), Some(Style::Number(3)));
        assert_eq!(style("ARTICLE IV - TERM"), Some(Style::Article));
        assert_eq!(style("Section 5. Security"), Some(Style::SectionWord(1)));
        assert_eq!(style("Section 5.2 Patches"), Some(Style::SectionWord(2)));
        assert_eq!(style("(a) the Supplier"), Some(Style::Sub(Sub::Lower)));
        assert_eq!(style("(iv) notify"), Some(Style::Sub(Sub::LowerRoman)));
        assert_eq!(style("(B) Vendor"), Some(Style::Sub(Sub::Upper)));
        assert_eq!(style("a) first"), Some(Style::Sub(Sub::Lower)));
        assert_eq!(style("Exhibit B - Security"), Some(Style::Exhibit));
        assert_eq!(style("SCHEDULE 2"), Some(Style::Exhibit));
        assert_eq!(style("§ 7 Term"), Some(Style::SectionWord(1)));
    }

    #[test]
    fn prose_is_not_a_label() {
        assert_eq!(style("30 days after release"), None);
        assert_eq!(style("Section 5 of this Agreement applies"), None);
        assert_eq!(style("Exhibit B sets out the requirements."), None);
        assert_eq!(style("1.5x faster"), None);
        assert_eq!(style("e.g. patches"), None);
        assert_eq!(style("The Supplier"), None);
        assert_eq!(style("(see below)"), None);
    }

    #[test]
    fn headings_and_definitions() {
        assert!(is_heading("SECURITY PATCHES"));
        assert!(is_heading("Security Patches and Updates"));
        assert!(!is_heading("The Supplier shall patch."));
        assert!(!is_heading(
            "the Supplier shall provide security patches within"
        ));
        assert!(!is_heading("安全补丁"));
        assert_eq!(
            definition("\"Vulnerability\" means a weakness"),
            Some((1, 14))
        );
        assert!(definition("\"Product\" shall mean the device").is_some());
        assert!(definition("\"quoted\" text").is_none());
    }
}
