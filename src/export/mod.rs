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

/// MIME types for the downloads (Blob `type`).
pub const MIME_DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const MIME_MARKDOWN: &str = "text/markdown;charset=utf-8";
pub const MIME_TEXT: &str = "text/plain;charset=utf-8";
pub const MIME_HTML: &str = "text/html;charset=utf-8";
pub const MIME_JSON: &str = "application/json";
pub const MIME_CSV: &str = "text/csv;charset=utf-8";

/// A download name derived from the opened file: `contract.docx` +
/// `"revised"`, `"docx"` → `contract-revised.docx`.
pub fn file_name(original: &str, suffix: &str, ext: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem = if stem.trim().is_empty() {
        "contract"
    } else {
        stem
    };
    format!("{stem}-{suffix}.{ext}")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_follow_the_opened_file() {
        assert_eq!(
            file_name("C:\\docs\\MSA v2.docx", "revised", "docx"),
            "MSA v2-revised.docx"
        );
        assert_eq!(file_name("", "report", "html"), "contract-report.html");
    }

    #[test]
    fn markdown_keeps_line_breaks_and_escapes_emphasis() {
        let d = Document::new("Title\nline *two*\n\nNext");
        assert_eq!(markdown(&d), "Title\\\nline \\*two\\*\n\nNext\n");
    }
}
