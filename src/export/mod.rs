//! Exports of the revised contract and of the findings report: DOCX with
//! tracked changes, Markdown, plain text, standalone HTML report (inline CSS,
//! print stylesheet, no scripts), JSON and CSV. Every function is pure: it
//! returns bytes or a string and the caller (the app's download button or the
//! CLI) saves it. Nothing is uploaded anywhere.

mod docx;
mod insert;
mod package;
mod report;
mod table;

pub use docx::{AUTHOR, docx_revised, text_paragraphs};
pub use insert::{Selection, insert_revisions, render_model_language};
pub use report::report_html;
pub use table::{findings_csv, report_json};

use crate::edit::Document;

/// Why an export failed. `Display` is a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The imported DOCX package could not be read again.
    Source,
    /// Writing the zip failed.
    Write,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ExportError::Source => "The original .docx could not be read again; open the file once more and retry the export.",
            ExportError::Write => "The .docx file could not be written.",
        })
    }
}

impl std::error::Error for ExportError {}

/// The revised contract as plain text (every revision applied).
pub fn plain_text(doc: &Document) -> String {
    let mut t = doc.text();
    if !t.ends_with('\n') {
        t.push('\n');
    }
    t
}

/// The revised contract as Markdown: the revised text, with single line
/// breaks inside a paragraph kept as hard breaks and characters that
/// Markdown would swallow (`*`, `_`, `<`, backslash) escaped.
pub fn markdown(doc: &Document) -> String {
    let text = doc.text();
    let mut out = String::with_capacity(text.len() + 64);
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        for c in line.trim_end().chars() {
            if matches!(c, '*' | '_' | '<' | '\\' | '`') {
                out.push('\\');
            }
            out.push(c);
        }
        let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        if !line.trim().is_empty() && !next_blank {
            out.push('\\');
        }
        out.push('\n');
    }
    out
}
