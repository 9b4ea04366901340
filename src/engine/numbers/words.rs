//! Number words as contracts write them: "thirty", "twenty-four",
//! "one hundred eighty", with or without the digits in brackets.

/// Can a number word start with this byte? (o, t, f, s, e, n, z in either case.)
pub fn may_start_number_word(c: u8) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'z'
    )
}

/// Value of a single number word (case-insensitive), e.g. "seventy" → 70.
pub fn word_value(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    if b.len() > 9 || b.len() < 3 || !may_start_number_word(b[0]) {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..b.len()] {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" | b"fourty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// Multipliers: "hundred" → 100, "thousand" → 1000.
pub fn multiplier(w: &str) -> Option<u32> {
    if w.eq_ignore_ascii_case("hundred") {
        Some(100)
    } else if w.eq_ignore_ascii_case("thousand") {
        Some(1000)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(word_value("Thirty"), Some(30));
        assert_eq!(word_value("twelve"), Some(12));
        assert_eq!(word_value("a"), None);
        assert_eq!(multiplier("hundred"), Some(100));
    }
}
