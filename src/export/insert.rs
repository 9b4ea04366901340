//! Building "insert model language" revisions from a report: what the CLI's
//! `--insert missing` / `--insert ID,ID` and the app's "Insert all missing"
//! do. Each selected finding's model language is rendered with the party
//! terms and playbook values and inserted at the finding's insertion point
//! (or in a Cybersecurity Addendum at the end when the engine gave none).
//! The placement and wording are the app's own (`crate::review`), so the CLI
//! and the browser insert exactly the same text.

use crate::edit::{Document, Revision};
use crate::engine::{Report, Status};
use crate::library::{Library, Requirement, Values};
use crate::review::insert::{insert_all, insert_for};
use crate::review::render::model_text;

/// Which findings get model language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every finding whose status is missing.
    Missing,
    /// These requirement IDs (any status).
    Ids(Vec<String>),
}

impl Selection {
    /// Parse the CLI form: `missing` or `ID,ID,…`.
    pub fn parse(list: &[String]) -> Selection {
        if list.len() == 1 && list[0].eq_ignore_ascii_case("missing") {
            Selection::Missing
        } else {
            Selection::Ids(
                list.iter()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
            )
        }
    }

    fn wants(&self, req: &str, status: Status) -> bool {
        match self {
            Selection::Missing => status == Status::Missing,
            Selection::Ids(ids) => ids.iter().any(|i| i.eq_ignore_ascii_case(req)),
        }
    }
}

/// The model language of `req` with its placeholders filled in, as plain
/// text (the same rendering the app inserts: `review::render::model_text`).
pub fn render_model_language(req: &Requirement, lib: &Library, values: &Values) -> String {
    model_text(&req.meta.id, lib, values).unwrap_or_default()
}

/// The revisions that insert model language for the selected findings, as
/// the app does: [`Selection::Missing`] is the app's "Insert all missing"
/// (`review::insert::insert_all`: a Cybersecurity Addendum with every missing
/// requirement plus the Partnership Maturity Roadmap exhibit for partial
/// ones); [`Selection::Ids`] inserts each named, not-yet-met requirement at
/// the engine's suggested point (`review::insert::insert_for`). `base` is the
/// text the report was computed on (`Document.base`).
pub fn insert_revisions(
    report: &Report,
    lib: &Library,
    values: &Values,
    base: &str,
    sel: &Selection,
) -> Vec<Revision> {
    let mut doc = Document::new(base);
    match sel {
        Selection::Missing => insert_all(&doc, report, lib, values).into_iter().collect(),
        Selection::Ids(_) => {
            for f in &report.findings {
                if f.status == Status::Strong || !sel.wants(&f.req, f.status) {
                    continue;
                }
                if let Some(r) = insert_for(&doc, report, f, lib, values) {
                    let _ = doc.apply(r);
                }
            }
            doc.revisions
        }
    }
}
