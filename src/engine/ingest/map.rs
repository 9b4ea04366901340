//! The offset map from normalised text back to the user's original text.
//!
//! Stored as pieces, not one entry per byte: a *copy* piece maps a run of
//! bytes one-to-one (offset + delta); a *replacement* piece maps every byte of
//! its output to the start of the original characters it replaced and knows
//! their length, so span ends land after them. Lookups are binary searches.
//! Every mapped offset is a char boundary of the original and the mapping is
//! monotonic, because output is produced strictly in original order.

use crate::engine::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    /// Start of the piece in the normalised text.
    at: usize,
    /// Start of its source in the original.
    orig: usize,
    /// `None` for a copy piece; the source byte length for a replacement.
    src_len: Option<usize>,
}

/// Builds normalised text and its map together.
#[derive(Debug, Default)]
pub(super) struct Builder {
    pub text: String,
    pieces: Vec<Piece>,
}

impl Builder {
    pub fn with_capacity(n: usize) -> Builder {
        Builder {
            text: String::with_capacity(n),
            pieces: Vec::with_capacity(64),
        }
    }

    /// Copy `s`, which sits at `orig` in the original, unchanged.
    pub fn copy(&mut self, orig: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        let extend = self
            .pieces
            .last()
            .is_some_and(|p| p.src_len.is_none() && p.orig + (at - p.at) == orig);
        if !extend {
            self.pieces.push(Piece {
                at,
                orig,
                src_len: None,
            });
        }
        self.text.push_str(s);
    }

    /// Emit `s` in place of the `src_len` original bytes at `orig`.
    pub fn replace(&mut self, orig: usize, src_len: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        if s.len() == 1 && src_len == 1 {
            // One byte for one byte (tab → space, CR → LF): a copy piece maps it exactly.
            let at = self.text.len();
            let extend = self
                .pieces
                .last()
                .is_some_and(|p| p.src_len.is_none() && p.orig + (at - p.at) == orig);
            if !extend {
                self.pieces.push(Piece {
                    at,
                    orig,
                    src_len: None,
                });
            }
        } else {
            self.pieces.push(Piece {
                at: self.text.len(),
                orig,
                src_len: Some(src_len),
            });
        }
        self.text.push_str(s);
    }

    pub fn finish(self, orig_len: usize) -> (String, OffsetMap) {
        (
            self.text,
            OffsetMap {
                pieces: self.pieces,
                orig_len,
            },
        )
    }
}

/// Normalised-to-original offset map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    orig_len: usize,
}

impl OffsetMap {
    fn piece_for(&self, off: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.at <= off);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// Original offset of the character starting at `off` (a char boundary of
    /// `text`); `text.len()` maps to the end of the original.
    pub fn start(&self, text: &str, off: usize) -> usize {
        let off = text.floor_char_boundary(off);
        if off >= text.len() {
            return self.orig_len;
        }
        match self.piece_for(off) {
            Some(p) => match p.src_len {
                None => p.orig + (off - p.at),
                Some(_) => p.orig,
            },
            None => 0,
        }
    }

    /// Original offset just after the character ending at `off`.
    pub fn end(&self, text: &str, off: usize) -> usize {
        let off = text.ceil_char_boundary(off);
        if off == 0 {
            return self.start(text, 0);
        }
        let last = text.floor_char_boundary(off - 1);
        match self.piece_for(last) {
            Some(p) => match p.src_len {
                None => p.orig + (off - p.at),
                Some(n) => p.orig + n,
            },
            None => 0,
        }
    }

    pub fn span(&self, text: &str, s: Span) -> Span {
        let start = self.start(text, s.start);
        if s.end <= s.start {
            return Span::new(start, start);
        }
        Span::new(start, self.end(text, s.end))
    }
}
