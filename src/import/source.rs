//! What a DOCX import remembers for the export: the original package bytes
//! and, per paragraph, its byte range in the imported text and in
//! `word/document.xml`, its paragraph properties and its runs. The DOCX export
//! maps revisions (byte spans of `Document.base`) to paragraphs with this and
//! rewrites only the paragraphs a revision touches.

use crate::engine::Span;

/// The original DOCX package plus the map from imported text to its XML.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocxSource {
    /// The file exactly as opened (every part is copied from it on export).
    pub package: Vec<u8>,
    /// `word/document.xml` as text.
    pub document_xml: String,
    /// Paragraphs in text order (only those that produced text).
    pub paragraphs: Vec<Para>,
    /// XML offset just after `<w:body>`: where paragraphs inserted before the
    /// first one go.
    pub body_start: usize,
    /// XML offset of the final `<w:sectPr>` (or `</w:body>`): where
    /// paragraphs appended at the end go.
    pub body_end: usize,
}

/// Where a paragraph of the imported text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParaKind {
    /// A body paragraph (editable in place).
    #[default]
    Body,
    /// One row of a table, cells joined by " | " (not edited in place).
    TableRow,
    /// A footnote, listed after the body text (not edited in place).
    Footnote,
}

/// One paragraph of the imported text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    /// Byte range of the paragraph text in the imported text (no separator).
    pub range: Span,
    pub kind: ParaKind,
    /// Range of `<w:p>…</w:p>` in `document_xml` (body paragraphs only).
    pub xml: Option<Span>,
    /// XML offset after the top-level block (paragraph or table) holding
    /// this paragraph: where inserted paragraphs after it go.
    pub block_end: Option<usize>,
    /// Raw `<w:pPr>…</w:pPr>` (empty if none).
    pub ppr: String,
    /// The runs, in order, covering `range` exactly.
    pub runs: Vec<RunSeg>,
    /// Outline level 1–9 when the paragraph is a heading.
    pub heading: Option<u8>,
}

/// A stretch of a paragraph's text with the formatting it had.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunSeg {
    /// Byte range in the imported text.
    pub range: Span,
    /// Raw `<w:rPr>…</w:rPr>` of the run (empty if none).
    pub rpr: String,
    /// Text that is not in a `w:t` (a list label Word computes, a footnote
    /// mark): never written as text on export; `raw` is written instead.
    pub synthetic: bool,
    /// XML to re-emit verbatim for synthetic segments (e.g. the footnote
    /// reference run, a drawing); empty for list labels.
    pub raw: String,
}

impl DocxSource {
    /// Index of the paragraph containing byte `offset` of the text, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.range.start <= offset && offset <= p.range.end)
    }
}
