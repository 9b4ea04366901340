//! The exact regex source the engine runs for a cue pattern, and the check
//! that it compiles, shared by the engine and the clause-pack validator.
//!
//! The engine matches byte-wise, case-insensitively, with ASCII `\b` and `\w`
//! (`(?i-u)`; the shipped build has no Unicode tables, which keeps the Wasm
//! small). A pattern written with a curly quote or a dash would not parse in
//! that mode and, before this module, was silently dropped by the engine while
//! the validator (a different regex engine) accepted it. Here every character
//! the ingest stage normalises (curly quotes, dashes, ligatures) becomes its
//! ASCII form, because the engine only ever sees normalised text, and any
//! other non-ASCII character outside a `[...]` class becomes its UTF-8 bytes.
//! What still does not compile is reported by the validator with its line.

use crate::engine::ingest::chars::{Rep, rep};

/// The regex source the engine compiles for cue pattern `src`.
pub fn engine_source(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 8);
    out.push_str("(?i-u)");
    let mut in_class = false;
    let mut escaped = false;
    for c in src.chars() {
        if escaped {
            escaped = false;
            out.push(c);
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                out.push(c);
                continue;
            }
            '[' if !in_class => in_class = true,
            ']' if in_class && !out.ends_with('[') && !out.ends_with("[^") => in_class = false,
            _ => {}
        }
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match rep(c) {
            Rep::Drop => {}
            Rep::Char(a) => out.push_str(&regex_syntax::escape(&a.to_string())),
            Rep::Str(s) if !in_class => out.push_str(&regex_syntax::escape(s)),
            // A non-ASCII character the engine keeps: its UTF-8 bytes in
            // sequence (a class cannot hold a multi-byte sequence, so one
            // left inside a class fails to parse and is reported).
            Rep::Keep | Rep::Str(_) if !in_class => {
                out.push_str("(?:");
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
                out.push(')');
            }
            Rep::Keep | Rep::Str(_) => out.push(c),
        }
    }
    out
}

/// Why the engine cannot compile cue pattern `src`, if it cannot.
pub fn engine_error(src: &str) -> Option<String> {
    regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(&engine_source(src))
        .err()
        .map(|e| {
            e.to_string()
                .lines()
                .last()
                .unwrap_or("invalid regex")
                .trim()
                .to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_and_dashes_become_the_ascii_the_engine_sees() {
        assert_eq!(
            engine_source("[\"\u{201c}][a-z]+[\"\u{201d}] means"),
            "(?i-u)[\"\"][a-z]+[\"\"] means"
        );
        assert_eq!(
            engine_source("end\u{2013}of\u{2013}life"),
            "(?i-u)end\\-of\\-life"
        );
        assert_eq!(engine_error("[\"\u{201c}][a-z]+[\"\u{201d}] means"), None);
    }

    #[test]
    fn other_non_ascii_characters_match_as_their_bytes() {
        assert_eq!(engine_source("caf\u{e9}"), "(?i-u)caf(?:\\xC3\\xA9)");
        assert_eq!(engine_error("mds ?(2|\u{b2})"), None);
        assert_eq!(engine_error("\\bpatch"), None);
    }

    #[test]
    fn a_multibyte_character_in_a_class_is_reported_not_dropped() {
        assert!(engine_error("[\u{e9}\u{e8}]cole").is_some());
        assert!(engine_error("(unclosed").is_some());
    }
}
