//! Files in and out of the browser: opening a chosen or dropped file through
//! the pure import core (`mc2::import::open`), remembering what was opened
//! (a DOCX package stays in memory only, so the export can revise the user's
//! own file) and saving exports through a Blob URL download. Nothing is sent
//! anywhere: the bytes go from the file picker to wasm and back to the disk.

use gloo::timers::callback::Timeout;
use mc2::import::{DocxSource, Kind, Opened};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// A message for the user about opening or exporting a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// True when something failed (shown with a "Problem:" prefix, not colour alone).
    pub error: bool,
    pub text: String,
}

impl Msg {
    pub fn info(text: impl Into<String>) -> Msg {
        Msg {
            error: false,
            text: text.into(),
        }
    }
    pub fn error(text: impl Into<String>) -> Msg {
        Msg {
            error: true,
            text: text.into(),
        }
    }
}

/// The file the current contract was opened from (kept in memory only: a
/// DOCX package can be megabytes, too big for localStorage).
#[derive(Debug, PartialEq)]
pub struct OpenedFile {
    /// The name the user's file had ("MSA.docx").
    pub name: String,
    /// The imported text: the export uses `docx` only while the document's
    /// base text is still exactly this (an undo back to it counts).
    pub base: String,
    pub docx: Option<DocxSource>,
}

impl OpenedFile {
    /// Whether `base` (the current `Document.base`) came from this file.
    pub fn matches(&self, base: &str) -> bool {
        self.base == base
    }
}

/// What to tell the user after a successful open.
pub fn opened_message(name: &str, o: &Opened) -> String {
    let kind = match o.kind {
        Kind::Docx => "Word document",
        Kind::Text => "plain text",
        Kind::Markdown => "Markdown",
    };
    let mut m = format!("Opened “{name}” ({kind}).");
    for w in &o.warnings {
        m.push(' ');
        m.push_str(w.trim());
        if !w.trim_end().ends_with(['.', '!', '?']) {
            m.push('.');
        }
    }
    if o.docx.is_some() {
        m.push_str(
            " The original .docx is kept in this tab only (it is not saved in the browser): \
             after a reload, the Word export builds a new document from the text instead of \
             revising your file.",
        );
    }
    m
}

/// Timestamp for tracked changes, ISO 8601 in UTC without milliseconds
/// ("2026-11-29T04:41:00Z"), as Word writes it.
pub fn now_iso() -> String {
    let s = String::from(js_sys::Date::new_0().to_iso_string());
    match s.get(..19) {
        Some(head) if s.len() > 19 => format!("{head}Z"),
        _ => s,
    }
}

/// Save `bytes` as a download called `name`: a Blob URL, a click on a
/// detached `<a download>`, and the URL revoked shortly after.
pub fn save(bytes: &[u8], mime: &str, name: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not save “{name}”: the browser refused to {what}.");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| fail("create the file"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("create the file"))?;
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
    let Some(a) = anchor else {
        let _ = Url::revoke_object_url(&url);
        return Err(fail("start the download"));
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke after the browser has picked the download up.
    Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
