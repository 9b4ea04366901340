//! The "Export" group: the revised contract as DOCX (tracked changes, the
//! user's own .docx revised when it is open in this tab), Markdown and plain
//! text, and the findings as an HTML report, JSON and CSV. The bytes are built
//! by the pure export core (`mc2::export`) and saved as downloads; nothing
//! leaves the browser.

use super::LibCtx;
use crate::app::analysis::Analysis;
use crate::app::files::{self, Msg, OpenedFile};
use mc2::edit::Document;
use mc2::export;
use mc2::library::Values;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The current document (latest edits, even before re-analysis).
    pub doc: Rc<Document>,
    pub analysis: Option<Rc<Analysis>>,
    pub ctx: Rc<LibCtx>,
    pub values: Rc<Values>,
    pub opened: Option<Rc<OpenedFile>>,
    pub on_message: Callback<Msg>,
}

/// One export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Docx,
    Markdown,
    Text,
    Report,
    Json,
    Csv,
}

struct Ctx {
    doc: Rc<Document>,
    analysis: Option<Rc<Analysis>>,
    ctx: Rc<LibCtx>,
    values: Rc<Values>,
    opened: Option<Rc<OpenedFile>>,
}

const NO_ANALYSIS: &str = "The findings are not ready yet; try again in a moment.";

/// Build one export: (bytes, MIME type, file name, extra note for the user).
fn build(c: &Ctx, f: Format) -> Result<(Vec<u8>, &'static str, String, String), String> {
    let from_file = c.opened.as_ref().filter(|o| o.matches(&c.doc.base));
    let original = from_file.map_or("contract", |o| o.name.as_str());
    let name = |suffix: &str, ext: &str| export::file_name(original, suffix, ext);
    let report = || c.analysis.as_ref().ok_or_else(|| NO_ANALYSIS.to_string());
    Ok(match f {
        Format::Docx => {
            let source = from_file.and_then(|o| o.docx.as_ref());
            let bytes = export::docx_revised(&c.doc, source, &files::now_iso())
                .map_err(|e| e.to_string())?;
            let note = match (source, c.opened.as_ref()) {
                (Some(_), _) => "Your original .docx was revised: the inserted model language shows as tracked changes by “MC2 assistant”.".to_string(),
                (None, Some(o)) if o.docx.is_some() => format!(
                    "The text was edited directly since “{}” was opened, so this is a new .docx built from the text (the original formatting is not kept). Inserted model language shows as tracked changes.",
                    o.name
                ),
                _ => "This is a new .docx built from the text (no .docx was opened in this tab). Inserted model language shows as tracked changes.".to_string(),
            };
            (bytes, export::MIME_DOCX, name("revised", "docx"), note)
        }
        Format::Markdown => (
            export::markdown(&c.doc).into_bytes(),
            export::MIME_MARKDOWN,
            name("revised", "md"),
            String::new(),
        ),
        Format::Text => (
            export::plain_text(&c.doc).into_bytes(),
            export::MIME_TEXT,
            name("revised", "txt"),
            String::new(),
        ),
        Format::Report => {
            let a = report()?;
            (
                export::report_html(&a.report, &c.ctx.lib, &c.values, &a.doc).into_bytes(),
                export::MIME_HTML,
                name("report", "html"),
                "Open it in a browser; “Print → Save as PDF” gives a PDF.".to_string(),
            )
        }
        Format::Json => (
            export::report_json(&report()?.report).into_bytes(),
            export::MIME_JSON,
            name("findings", "json"),
            String::new(),
        ),
        Format::Csv => (
            export::findings_csv(&report()?.report).into_bytes(),
            export::MIME_CSV,
            name("findings", "csv"),
            String::new(),
        ),
    })
}

#[function_component(ExportMenu)]
pub fn export_menu(p: &Props) -> Html {
    let button = |f: Format, testid: &'static str, label: &'static str, title: &'static str| {
        let c = Ctx {
            doc: p.doc.clone(),
            analysis: p.analysis.clone(),
            ctx: p.ctx.clone(),
            values: p.values.clone(),
            opened: p.opened.clone(),
        };
        let on_message = p.on_message.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let msg = build(&c, f).and_then(|(bytes, mime, name, note)| {
                files::save(&bytes, mime, &name)?;
                Ok(format!("Saved “{name}” to your downloads. {note}")
                    .trim_end()
                    .to_string())
            });
            on_message.emit(match msg {
                Ok(m) => Msg::info(m),
                Err(e) => Msg::error(e),
            });
        });
        let needs_report = matches!(f, Format::Report | Format::Json | Format::Csv);
        html! {
            <button type="button" data-testid={testid} {title} {onclick}
                disabled={needs_report && p.analysis.is_none()}>{ label }</button>
        }
    };
    html! {
        <div class="group export" role="group" aria-labelledby="export-label">
            <span id="export-label" class="group-label">{ "Export" }</span>
            { button(Format::Docx, "export-docx", "Word (.docx)", "Revised contract as Word .docx with tracked changes") }
            { button(Format::Markdown, "export-md", "Markdown (.md)", "Revised contract as Markdown (.md)") }
            { button(Format::Text, "export-txt", "Text (.txt)", "Revised contract as plain text (.txt)") }
            { button(Format::Report, "export-report", "Report (.html)", "Findings report as a standalone HTML page (print it to PDF)") }
            { button(Format::Json, "export-json", "Findings (.json)", "Findings as JSON data") }
            { button(Format::Csv, "export-csv", "Findings (.csv)", "Findings as a CSV table for spreadsheets") }
        </div>
    }
}
