//! The embedded sample contract the app opens with, so a first-time user sees
//! real findings at once. It is our own invented text (no real parties).

/// A short purchase agreement for a networked infusion system with a partial
/// cybersecurity exhibit: some requirements met, some weak, some missing.
pub const SAMPLE_CONTRACT: &str = include_str!("sample_contract.txt");

#[cfg(test)]
mod tests {
    #[test]
    fn sample_is_embedded_and_substantial() {
        assert!(super::SAMPLE_CONTRACT.len() > 4000);
    }
}
