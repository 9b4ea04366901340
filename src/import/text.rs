//! Text decoding for .txt / .md files: UTF-8 (with or without BOM), UTF-16
//! with a BOM (or unmistakably UTF-16 without one), else Windows-1252, which
//! is what "ANSI" text saved on Windows usually is. Line endings become `\n`.
//! Binary data (e.g. an image renamed .txt) is refused rather than shown as
//! mojibake.

use super::ImportError;

/// Decode the bytes of a text file. Returns the text and warnings about the
/// encoding when it was not plain UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<String>), ImportError> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        match std::str::from_utf8(rest) {
            Ok(s) => s.to_string(),
            Err(_) => {
                warnings.push("Some characters were not valid UTF-8 and were replaced.".into());
                String::from_utf8_lossy(rest).into_owned()
            }
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        warnings.push("Decoded as UTF-16 (little-endian).".into());
        utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        warnings.push("Decoded as UTF-16 (big-endian).".into());
        utf16(rest, false)
    } else if let Some(le) = utf16_without_bom(bytes) {
        warnings.push("Decoded as UTF-16 (no byte-order mark).".into());
        utf16(bytes, le)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else {
        warnings.push("Decoded as Windows-1252 (the file is not UTF-8).".into());
        bytes.iter().map(|&b| cp1252(b)).collect()
    };
    if looks_binary(&text) {
        return Err(ImportError::Binary);
    }
    Ok((normalize_newlines(&text), warnings))
}

fn utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// UTF-16 text without a BOM has a NUL in almost every other byte (for
/// Latin-script text). Returns `Some(little_endian)` when that is the case.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let odd_nul = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let even_nul = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul == 0 {
        Some(true)
    } else if even_nul * 10 >= pairs * 9 && odd_nul == 0 {
        Some(false)
    } else {
        None
    }
}

/// More than a trace of control characters (other than tab, newline, CR,
/// form feed) means this is not a text file.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return true;
        }
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\u{FFFD}' {
            control += 1;
        }
    }
    total > 0 && control * 100 > total
}

fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Windows-1252 → Unicode. Bytes 0x80–0x9F differ from Latin-1; the five
/// unassigned ones map to themselves (C1 controls) like browsers do.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_quotes_and_euro() {
        let (t, w) = decode_text(b"\x93Supplier\x94 shall pay \x80100 \x96 net").unwrap();
        assert_eq!(t, "\u{201C}Supplier\u{201D} shall pay €100 – net");
        assert!(w[0].contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Clause 1\r\nPatch".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode_text(&le).unwrap().0, "Clause 1\nPatch");
        let be: Vec<u8> = "Hello"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode_text(&be).unwrap().0, "Hello");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFna\xC3\xafve").unwrap().0, "naïve");
    }
}
