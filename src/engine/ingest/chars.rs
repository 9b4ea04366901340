//! Character-level clean-up of pasted text: what Word and PDF viewers put on
//! the clipboard (smart quotes, ligatures, odd spaces, soft hyphens, zero-width
//! characters, full-width forms, dashes) mapped to plain ASCII where the
//! meaning is the same, so detection patterns only need to know one spelling.

/// What to do with one character of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rep {
    Keep,
    Drop,
    Char(char),
    Str(&'static str),
}

/// The replacement for `c` (inside a line; line breaks are handled by the caller).
pub fn rep(c: char) -> Rep {
    if c.is_ascii() {
        return match c {
            '\t' => Rep::Char(' '),
            '\u{0}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}' => Rep::Char(' '),
            _ => Rep::Keep,
        };
    }
    match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Rep::Char(' '),
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{180e}' => Rep::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{ff07}' => {
            Rep::Char('\'')
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => {
            Rep::Char('"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' => Rep::Char('-'),
        '\u{2026}' => Rep::Str("..."),
        '\u{fb00}' => Rep::Str("ff"),
        '\u{fb01}' => Rep::Str("fi"),
        '\u{fb02}' => Rep::Str("fl"),
        '\u{fb03}' => Rep::Str("ffi"),
        '\u{fb04}' => Rep::Str("ffl"),
        '\u{fb05}' | '\u{fb06}' => Rep::Str("st"),
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).map_or(Rep::Keep, Rep::Char),
        _ => Rep::Keep,
    }
}

/// Bullet glyphs that start list items in pasted text (normalised to "-").
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '‣'
            | '⁃'
            | '∙'
            | '·'
            | '➢'
            | '►'
            | '\u{f0b7}'
            | '\u{f0a7}'
            | '\u{f076}'
            | '\u{f0d8}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_and_pdf_characters_become_ascii() {
        assert_eq!(rep('\u{201c}'), Rep::Char('"'));
        assert_eq!(rep('\u{2019}'), Rep::Char('\''));
        assert_eq!(rep('\u{fb01}'), Rep::Str("fi"));
        assert_eq!(rep('\u{ff13}'), Rep::Char('3'));
        assert_eq!(rep('\u{ad}'), Rep::Drop);
        assert_eq!(rep('\u{200b}'), Rep::Drop);
        assert_eq!(rep('\u{a0}'), Rep::Char(' '));
        assert_eq!(rep('\u{2013}'), Rep::Char('-'));
        assert_eq!(rep('é'), Rep::Keep);
        assert_eq!(rep('\t'), Rep::Char(' '));
    }
}
