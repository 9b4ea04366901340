//! A tiny allocation-free tokenizer for duration scanning: numbers (with
//! thousands separators and decimals), words, and single punctuation marks,
//! each with its byte range. Whitespace is skipped but a blank line or a
//! sentence-ending mark is visible as punctuation, so phrases never run across
//! sentences.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Num(f64),
    Word,
    Punct(char),
}

/// One token: kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub fn is_word(&self, s: &str, w: &str) -> bool {
        self.kind == Kind::Word && self.text(s).eq_ignore_ascii_case(w)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Cursor over `s`; cheap to copy for look-ahead.
#[derive(Debug, Clone, Copy)]
pub struct Lexer<'a> {
    pub s: &'a str,
    pub pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(s: &'a str, pos: usize) -> Lexer<'a> {
        Lexer { s, pos }
    }

    /// Look at the next token without consuming it.
    pub fn peek(&self) -> Option<Tok> {
        let mut c = *self;
        c.next()
    }
}

impl Iterator for Lexer<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let s = self.s;
        let b = s.as_bytes();
        let mut i = self.pos;
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t' || b[i] == b'\r' || b[i] == b'\n') {
            i += 1;
        }
        if i >= b.len() {
            self.pos = i;
            return None;
        }
        let start = i;
        let c = b[i];
        if c.is_ascii_digit() {
            let mut v: f64 = 0.0;
            let mut digits = 0;
            while i < b.len() {
                if b[i].is_ascii_digit() {
                    v = v * 10.0 + f64::from(b[i] - b'0');
                    digits += 1;
                    i += 1;
                } else if b[i] == b','
                    && i + 3 < b.len()
                    && b[i + 1..=i + 3].iter().all(u8::is_ascii_digit)
                    && b.get(i + 4).is_none_or(|d| !d.is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
                if digits > 12 {
                    // Absurdly long digit runs are not durations; skip them whole.
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    break;
                }
            }
            if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                i += 1;
                let mut scale = 0.1;
                while i < b.len() && b[i].is_ascii_digit() {
                    v += f64::from(b[i] - b'0') * scale;
                    scale /= 10.0;
                    i += 1;
                }
            }
            self.pos = i;
            return Some(Tok {
                kind: Kind::Num(v),
                start,
                end: i,
            });
        }
        let ch = s[i..].chars().next()?;
        if ch.is_alphabetic() {
            let end = s[i..]
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(s.len(), |(k, _)| i + k);
            self.pos = end;
            return Some(Tok {
                kind: Kind::Word,
                start,
                end,
            });
        }
        self.pos = i + ch.len_utf8();
        Some(Tok {
            kind: Kind::Punct(ch),
            start,
            end: self.pos,
        })
    }
}
