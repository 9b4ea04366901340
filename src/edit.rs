//! The editing model: a contract as the text the user opened plus a list of
//! revisions (insertions and replacements of model language).
//!
//! Keeping revisions apart from the base text is what lets the app show
//! redlines, the DOCX export write real tracked changes (`w:ins`/`w:del`), and
//! undo restore the user's exact bytes.
//!
//! Invariant: revisions are sorted by `delete.start`, never overlap, and every
//! span lies on char boundaries of `base`.

use crate::engine::Span;
use serde::{Deserialize, Serialize};

/// One change proposed by the assistant: delete `delete` (empty for a pure
/// insertion) from the base text and put `insert` in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// Requirement the change serves (e.g. "PERF-PATCH"), if any.
    pub req: Option<String>,
    /// Range of the base text removed; `start == end` for an insertion.
    pub delete: Span,
    pub insert: String,
}

/// A contract under review.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// The text as the user pasted, typed or imported it.
    pub base: String,
    pub revisions: Vec<Revision>,
}

/// A run of the current text, for redline rendering and tracked-change export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Base text left as it was.
    Same(&'a str),
    /// Text added by revision `rev` (index into `revisions`).
    Inserted { text: &'a str, rev: usize },
    /// Base text removed by revision `rev`.
    Deleted { text: &'a str, rev: usize },
}

/// Why a revision could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    OutOfBounds,
    NotCharBoundary,
    Overlaps,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EditError::OutOfBounds => "the change points outside the contract text",
            EditError::NotCharBoundary => "the change would split a character",
            EditError::Overlaps => "the change overlaps another change",
        })
    }
}

impl Document {
    pub fn new(text: impl Into<String>) -> Document {
        Document {
            base: text.into(),
            revisions: Vec::new(),
        }
    }

    /// The text with every revision applied: what the engine analyses.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.base.len() + 256);
        for p in self.pieces() {
            match p {
                Piece::Same(t) | Piece::Inserted { text: t, .. } => out.push_str(t),
                Piece::Deleted { .. } => {}
            }
        }
        out
    }

    /// The document as runs of unchanged, inserted and deleted text, in order.
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        let mut out = Vec::with_capacity(self.revisions.len() * 3 + 1);
        let mut at = 0;
        for (i, r) in self.revisions.iter().enumerate() {
            if r.delete.start > at {
                out.push(Piece::Same(&self.base[at..r.delete.start]));
            }
            if !r.delete.is_empty() {
                out.push(Piece::Deleted {
                    text: &self.base[r.delete.start..r.delete.end],
                    rev: i,
                });
            }
            if !r.insert.is_empty() {
                out.push(Piece::Inserted {
                    text: &r.insert,
                    rev: i,
                });
            }
            at = r.delete.end;
        }
        if at < self.base.len() {
            out.push(Piece::Same(&self.base[at..]));
        }
        out
    }

    /// Map a byte offset in [`Document::text`] back to the base text. Offsets
    /// inside inserted text map to the insertion point.
    pub fn base_offset(&self, current: usize) -> usize {
        let mut cur = 0; // position in current text
        let mut base = 0; // position in base text
        for r in &self.revisions {
            let same = r.delete.start - base;
            if current <= cur + same {
                return base + (current - cur);
            }
            cur += same;
            base = r.delete.start;
            if current < cur + r.insert.len() {
                return base;
            }
            cur += r.insert.len();
            base = r.delete.end;
        }
        (base + current.saturating_sub(cur)).min(self.base.len())
    }

    /// Add a revision, keeping the invariant (sorted, disjoint, on char boundaries).
    /// Returns its index.
    pub fn apply(&mut self, rev: Revision) -> Result<usize, EditError> {
        let Span { start, end } = rev.delete;
        if start > end || end > self.base.len() {
            return Err(EditError::OutOfBounds);
        }
        if !self.base.is_char_boundary(start) || !self.base.is_char_boundary(end) {
            return Err(EditError::NotCharBoundary);
        }
        let idx = self.revisions.partition_point(|r| {
            r.delete.start < start || (r.delete.start == start && r.delete.is_empty())
        });
        let clash_prev = idx > 0 && self.revisions[idx - 1].delete.end > start;
        let clash_next = self.revisions.get(idx).is_some_and(|r| {
            r.delete.start < end || (!rev.delete.is_empty() && r.delete.start == start)
        });
        if clash_prev || clash_next {
            return Err(EditError::Overlaps);
        }
        self.revisions.insert(idx, rev);
        Ok(idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(at: usize, s: &str) -> Revision {
        Revision {
            req: None,
            delete: Span::new(at, at),
            insert: s.into(),
        }
    }

    #[test]
    fn insert_and_replace_compose_in_order() {
        let mut d = Document::new("one two three");
        d.apply(ins(3, " and a half")).unwrap();
        d.apply(Revision {
            req: Some("X".into()),
            delete: Span::new(4, 7),
            insert: "2".into(),
        })
        .unwrap();
        assert_eq!(d.text(), "one and a half 2 three");
        assert_eq!(d.base, "one two three", "base text is never touched");
    }

    #[test]
    fn base_offset_maps_through_insertions() {
        let mut d = Document::new("abcdef");
        d.apply(ins(2, "XYZ")).unwrap();
        assert_eq!(d.text(), "abXYZcdef");
        assert_eq!(d.base_offset(1), 1);
        assert_eq!(d.base_offset(3), 2);
        assert_eq!(d.base_offset(5), 2);
        assert_eq!(d.base_offset(6), 3);
        assert_eq!(d.base_offset(100), 6);
    }

    #[test]
    fn rejects_bad_spans() {
        let mut d = Document::new("héllo");
        assert_eq!(d.apply(ins(2, "x")), Err(EditError::NotCharBoundary));
        assert_eq!(d.apply(ins(99, "x")), Err(EditError::OutOfBounds));
        d.apply(Revision {
            req: None,
            delete: Span::new(0, 3),
            insert: "H".into(),
        })
        .unwrap();
        assert_eq!(
            d.apply(Revision {
                req: None,
                delete: Span::new(1, 4),
                insert: "".into()
            }),
            Err(EditError::Overlaps)
        );
    }
}
