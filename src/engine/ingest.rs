//! Ingest: normalise pasted text (CRLF, smart quotes, ligatures, soft hyphens,
//! hard wraps, page furniture …) while keeping a map back to the original
//! byte offsets, so highlights land on the user's own text.

use super::Span;

/// Normalised text plus the way back to the original.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the byte offset in the original (+ one entry for the end).
    map: Vec<usize>,
}

impl Normalized {
    /// Byte offset in the original text for a byte offset in `text`.
    pub fn to_original(&self, offset: usize) -> usize {
        self.map
            .get(offset)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }

    /// Map a span of `text` to a span of the original.
    pub fn span_to_original(&self, s: Span) -> Span {
        Span::new(self.to_original(s.start), self.to_original(s.end))
    }
}

/// Normalise `original` (identity for now: the ingest work fills this in).
pub fn normalize(original: &str) -> Normalized {
    let mut map: Vec<usize> = (0..original.len()).collect();
    map.push(original.len());
    Normalized {
        text: original.to_string(),
        map,
    }
}
