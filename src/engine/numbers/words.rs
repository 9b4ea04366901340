//! Number words as contracts write them: "thirty", "twenty-four",
//! "one hundred eighty", with or without the digits in brackets.

/// Value of a single number word (case-insensitive), e.g. "seventy" → 70.
pub fn word_value(w: &str) -> Option<u32> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if w.len() > 9 || w.len() < 3 {
        return None;
    }
    if let Some(i) = SMALL.iter().position(|s| s.eq_ignore_ascii_case(w)) {
        return Some(i as u32);
    }
    if let Some(i) = TENS.iter().position(|s| s.eq_ignore_ascii_case(w)) {
        return Some(20 + 10 * i as u32);
    }
    if w.eq_ignore_ascii_case("fourty") {
        return Some(40);
    }
    None
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
