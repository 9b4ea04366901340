//! Opening files: DOCX, plain text and Markdown (with encoding detection).
//!
//! [`open`] takes a file name and its bytes (the core does no IO) and returns
//! the contract text plus, for a DOCX, a [`DocxSource`] that remembers the
//! original package and where each paragraph's text sits, so the DOCX export
//! can write tracked changes into the user's own file. Bad input is a typed
//! [`ImportError`] with a message for people; a failed import never touches the
//! caller's current contract (it returns before the caller has anything new).
//!
//! PDF is not imported, by measurement (2026-11-29, rustc 1.95, wasm32,
//! opt-level "z", LTO, panic=abort): a cdylib calling
//! `pdf_extract::extract_text_from_mem` (pdf-extract 0.12.1 with lopdf 0.42)
//! is 1,118,408 bytes against 13,171 bytes for the same cdylib without it,
//! i.e. +1,105,237 bytes (+1.05 MiB raw, 482 KB gzipped), over the +1 MB
//! budget; and a panic inside the extractor on a malformed PDF would abort the
//! whole app under panic=abort. A PDF therefore gets [`ImportError::Pdf`],
//! which tells the user how to copy the text out of their PDF viewer.

mod docx;
mod numbering;
mod package;
mod source;
mod text;

pub use source::{DocxSource, Para, ParaKind, RunSeg};
pub use text::decode_text;

/// Files larger than this are refused before any parsing (25 MB).
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;
/// Cap on the total decompressed size of a DOCX package (100 MB).
pub const MAX_UNZIPPED_BYTES: u64 = 100 * 1024 * 1024;
/// Cap on the number of entries in a DOCX package.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// What kind of file was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Text,
    Markdown,
}

/// How to treat tracked changes already present in a DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrackedChanges {
    /// Read the document as if every change were accepted (default).
    #[default]
    Accept,
    /// Read the original: insertions left out, deletions kept.
    Original,
}

/// Options for [`open_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    pub tracked: TrackedChanges,
}

/// A successfully opened file.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The contract text: becomes `Document.base`.
    pub text: String,
    pub kind: Kind,
    /// Things the user should know ("3 tracked insertions were accepted").
    pub warnings: Vec<String>,
    /// For a DOCX: the original package and the paragraph map, for export.
    pub docx: Option<DocxSource>,
    /// Number of tracked changes (insertions + deletions) already in a
    /// DOCX: when non-zero the app can offer "review the original"
    /// ([`TrackedChanges::Original`]).
    pub tracked_changes: usize,
}

/// Why a file could not be opened. `Display` is a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Named .docx (or a zip) but not a Word document.
    NotDocx {
        detail: String,
    },
    /// An OLE compound file: an encrypted DOCX or an old binary .doc.
    Encrypted,
    /// The package is suspiciously large or has too many entries.
    ZipBomb {
        detail: String,
    },
    /// The document part could not be read.
    Corrupt {
        detail: String,
    },
    /// A binary file (not text), e.g. renamed to .txt.
    Binary,
    /// A PDF: no text extraction in the app (see the docs).
    Pdf,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Empty => f.write_str("The file is empty: there is no contract text to review."),
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({:.1} MB; the limit is 25 MB). Save the contract without embedded images, or paste its text.",
                *bytes as f64 / (1024.0 * 1024.0)
            ),
            ImportError::NotDocx { detail } => write!(
                f,
                "This is not a Word .docx document ({detail}). Open it in Word or LibreOffice and save it as .docx, or paste the text."
            ),
            ImportError::Encrypted => f.write_str(
                "This document is password-protected (encrypted), or it is an old Word 97-2003 .doc file. Remove the password in Word (File > Info > Protect Document > Encrypt with Password, clear it) or save it as .docx, then open it again.",
            ),
            ImportError::ZipBomb { detail } => write!(
                f,
                "This .docx file was refused because it would unpack to too much data ({detail}). It may be damaged or malicious."
            ),
            ImportError::Corrupt { detail } => write!(
                f,
                "This .docx file looks damaged and could not be read ({detail}). Try opening and re-saving it in Word, or paste the text."
            ),
            ImportError::Binary => f.write_str(
                "This file does not contain text (it looks like a binary file). Open .docx, .txt or .md files, or paste the contract text.",
            ),
            ImportError::Pdf => f.write_str(
                "PDF files cannot be opened here. Open the PDF in your viewer, select all the text (Ctrl+A / Cmd+A), copy it (Ctrl+C / Cmd+C) and paste it into the contract box; or save the contract from Word as .docx.",
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Open a file with the default options (tracked changes accepted).
pub fn open(file_name: &str, bytes: &[u8]) -> Result<Opened, ImportError> {
    open_with(file_name, bytes, ImportOptions::default())
}

/// Open a file: the kind is decided by content (magic bytes) first, then by
/// the file name's extension.
pub fn open_with(
    file_name: &str,
    bytes: &[u8],
    opts: ImportOptions,
) -> Result<Opened, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let ext = extension(file_name);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match package::open_docx(bytes, opts) {
            Err(ImportError::NotDocx { .. }) if ext != "docx" => Err(ImportError::Binary),
            other => other,
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(ImportError::Encrypted);
    }
    if bytes.starts_with(b"%PDF-") || ext == "pdf" {
        return Err(ImportError::Pdf);
    }
    if ext == "docx" || ext == "docm" || ext == "dotx" {
        return Err(ImportError::NotDocx {
            detail: "it is not a zip package".into(),
        });
    }
    let (text, mut warnings) = decode_text(bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if ext == "doc" {
        warnings.push("Opened as plain text.".into());
    }
    let kind = if matches!(ext.as_str(), "md" | "markdown") {
        Kind::Markdown
    } else {
        Kind::Text
    };
    Ok(Opened {
        text,
        kind,
        warnings,
        docx: None,
        tracked_changes: 0,
    })
}

fn extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}
