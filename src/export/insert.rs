//! Building "insert model language" revisions from a report: what the CLI's
//! `--insert missing` / `--insert ID,ID` and the app's "Insert all missing"
//! do. Each selected finding's model language is rendered with the party
//! terms and playbook values and inserted at the finding's insertion point
//! (or in a Cybersecurity Addendum at the end when the engine gave none).

use crate::edit::Revision;
use crate::engine::{Report, Span, Status};
use crate::library::{Library, Requirement, Values};
use std::collections::BTreeMap;

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

/// The model language of `req` with `{{supplier}}`, `{{customer}}` and
/// threshold placeholders filled in, Markdown emphasis removed.
pub fn render_model_language(req: &Requirement, lib: &Library, values: &Values) -> String {
    let src = req.body.model_language.trim();
    let mut out = String::with_capacity(src.len() + 64);
    let mut rest = src;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let name = after[..j].trim();
        match name {
            "supplier" => out.push_str(&values.supplier),
            "customer" => out.push_str(&values.customer),
            _ => match lib.threshold_value(name, &values.playbook) {
                Some(v) if v.fract() == 0.0 => out.push_str(&format!("{}", v as i64)),
                Some(v) => out.push_str(&format!("{v}")),
                None => out.push_str(&rest[i..i + 2 + j + 2]),
            },
        }
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "")
}

/// One insertion revision per insertion point, in text order, carrying the
/// rendered model language of every selected finding that is not already met.
/// `base` is the text the report was computed on (`Document.base`).
pub fn insert_revisions(
    report: &Report,
    lib: &Library,
    values: &Values,
    base: &str,
    sel: &Selection,
) -> Vec<Revision> {
    // offset → (requirement ids, text blocks)
    let mut at: BTreeMap<usize, (Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut addendum: Vec<(String, String)> = Vec::new();
    for f in &report.findings {
        if f.status == Status::Strong || !sel.wants(&f.req, f.status) {
            continue;
        }
        let Some(req) = lib.get(&f.req) else { continue };
        let body = render_model_language(req, lib, values);
        match &f.insertion {
            Some(ins)
                if !ins.new_addendum
                    && ins.offset <= base.len()
                    && base.is_char_boundary(ins.offset) =>
            {
                let e = at.entry(ins.offset).or_default();
                e.0.push(f.req.clone());
                e.1.push(
                    format!("{} {}\n\n{}", ins.label, req.meta.title, body)
                        .trim()
                        .to_string(),
                );
            }
            Some(ins) => addendum.push((
                f.req.clone(),
                format!("{} {}\n\n{}", ins.label, req.meta.title, body)
                    .trim()
                    .to_string(),
            )),
            None => {
                let label = format!("A.{}", addendum.len() + 1);
                addendum.push((
                    f.req.clone(),
                    format!("{label} {}\n\n{body}", req.meta.title),
                ));
            }
        }
    }
    if !addendum.is_empty() {
        let mut blocks = vec!["Cybersecurity Addendum".to_string()];
        let ids = addendum.iter().map(|a| a.0.clone()).collect();
        blocks.extend(addendum.into_iter().map(|a| a.1));
        let e = at
            .entry(base.len())
            .or_insert_with(|| (Vec::new(), Vec::new()));
        e.0 = [std::mem::take(&mut e.0), ids].concat();
        e.1.extend(blocks);
    }
    at.into_iter()
        .map(|(offset, (ids, blocks))| Revision {
            req: (ids.len() == 1)
                .then(|| ids[0].clone())
                .or_else(|| Some(ids.join(","))),
            delete: Span::new(offset, offset),
            insert: separated(base, offset, &blocks.join("\n\n")),
        })
        .collect()
}

/// Surround inserted text with just enough blank lines to stand as its own
/// paragraphs between the text before and after `offset`.
fn separated(base: &str, offset: usize, text: &str) -> String {
    let before = &base[..offset];
    let after = &base[offset..];
    let lead = if before.trim_end_matches([' ', '\t']).is_empty() || before.ends_with("\n\n") {
        ""
    } else if before.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    let trail = if after.is_empty() {
        "\n"
    } else if after.starts_with("\n\n") {
        ""
    } else if after.starts_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    format!("{lead}{text}{trail}")
}
