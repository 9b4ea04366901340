//! The Cybersecurity Addendum generator.
//!
//! Why: the quickest way for a hospital to get MC2-style terms into a deal is
//! a complete addendum it can attach to the purchase agreement. This builds
//! one from the library and a set of values, in a fixed, well-ordered layout:
//! title, parties, Article 1 Definitions, one article per pillar with
//! continuous section numbering, Customer Responsibilities, the Partnership
//! Maturity Roadmap article and Exhibit A (the roadmap table). Output is
//! Markdown; the app and the exports convert it further.

use super::placeholders::{PlaceholderError, render};
use super::{Library, Pillar, Requirement, Values};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One row of Exhibit A: a requirement not yet met and the plan to meet it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadmapRow {
    /// A requirement ID (shown as its section number and title) or free text.
    pub requirement: String,
    #[serde(default)]
    pub current_state: String,
    #[serde(default)]
    pub compensating_control: String,
    #[serde(default)]
    pub target_date: String,
    #[serde(default)]
    pub owner: String,
}

/// What goes into the addendum.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddendumOptions {
    /// Requirement IDs to include; `None` means every requirement.
    pub include: Option<Vec<String>>,
    /// Rows for Exhibit A; when empty, blank rows are printed to fill in.
    pub roadmap_rows: Vec<RoadmapRow>,
    /// Legal name of the manufacturer for the parties paragraph.
    pub supplier_name: Option<String>,
    /// Legal name of the hospital for the parties paragraph.
    pub customer_name: Option<String>,
}

/// Why an addendum could not be produced.
#[derive(Debug, Clone, PartialEq)]
pub enum AddendumError {
    /// The model language of a requirement could not be filled in.
    Placeholder { id: String, error: PlaceholderError },
    /// `include` names an ID the library does not have.
    UnknownId(String),
}

impl std::fmt::Display for AddendumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddendumError::Placeholder { id, error } => write!(f, "{id}: {error}"),
            AddendumError::UnknownId(id) => write!(f, "unknown requirement ID `{id}`"),
        }
    }
}

impl std::error::Error for AddendumError {}

/// Blank rows printed in Exhibit A when no rows are given.
pub const BLANK_ROADMAP_ROWS: usize = 3;

fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

struct Article<'a> {
    title: String,
    /// Requirements shown as numbered sections (`n.1`, `n.2` …).
    sections: Vec<&'a Requirement>,
    /// A requirement whose model language is the article body itself.
    body: Option<&'a Requirement>,
}

/// The addendum as Markdown.
pub fn addendum_markdown(
    lib: &Library,
    values: &Values,
    opts: &AddendumOptions,
) -> Result<String, AddendumError> {
    if let Some(ids) = &opts.include
        && let Some(bad) = ids.iter().find(|id| lib.get(id).is_none())
    {
        return Err(AddendumError::UnknownId(bad.clone()));
    }
    let included = |r: &&Requirement| {
        opts.include
            .as_ref()
            .is_none_or(|ids| ids.contains(&r.meta.id))
    };
    let reqs: Vec<&Requirement> = lib.requirements.iter().filter(included).collect();
    let special = ["DEF", "HDO-RESP", "ROADMAP"];
    let by_id = |id: &str| reqs.iter().copied().find(|r| r.meta.id == id);

    let mut articles: Vec<Article> = Vec::new();
    if let Some(def) = by_id("DEF") {
        articles.push(Article {
            title: "Definitions".into(),
            sections: vec![],
            body: Some(def),
        });
    }
    for pillar in Pillar::ALL {
        let sections: Vec<&Requirement> = reqs
            .iter()
            .copied()
            .filter(|r| r.meta.pillar == pillar && !special.contains(&r.meta.id.as_str()))
            .collect();
        if !sections.is_empty() {
            articles.push(Article {
                title: pillar.label().into(),
                sections,
                body: None,
            });
        }
    }
    if let Some(hdo) = by_id("HDO-RESP") {
        articles.push(Article {
            title: "Customer Responsibilities".into(),
            sections: vec![],
            body: Some(hdo),
        });
    }
    let roadmap = by_id("ROADMAP");
    if let Some(r) = roadmap {
        articles.push(Article {
            title: "Partnership Maturity Roadmap".into(),
            sections: vec![],
            body: Some(r),
        });
    }

    // Section numbers for Exhibit A references.
    let mut numbers: BTreeMap<&str, String> = BTreeMap::new();
    for (a, art) in articles.iter().enumerate() {
        if let Some(r) = art.body {
            numbers.insert(&r.meta.id, format!("Article {}", a + 1));
        }
        for (s, r) in art.sections.iter().enumerate() {
            numbers.insert(&r.meta.id, format!("Section {}.{}", a + 1, s + 1));
        }
    }

    let fill = |r: &Requirement| {
        render(&r.body.model_language, values, r).map_err(|error| AddendumError::Placeholder {
            id: r.meta.id.clone(),
            error,
        })
    };
    let supplier = values.supplier.trim();
    let customer = values.customer.trim();
    let supplier_name = opts
        .supplier_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let customer_name = opts
        .customer_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());

    let mut md = String::from("# Cybersecurity Addendum\n\n");
    md.push_str(&format!(
        "This Cybersecurity Addendum (the \"Addendum\") is made between {} (\"{supplier}\") and {} (\"{customer}\") and forms part of the Agreement between them. ",
        supplier_name.unwrap_or("[legal name of the manufacturer]"),
        customer_name.unwrap_or("[legal name of the hospital]"),
    ));
    if by_id("DEF").is_some() {
        md.push_str("Capitalised terms have the meanings given in Article 1.");
    } else {
        md.push_str("Capitalised terms have the meanings given in the Agreement.");
    }
    md.push_str("\n\n");

    for (a, art) in articles.iter().enumerate() {
        md.push_str(&format!("## {}. {}\n\n", a + 1, art.title));
        if let Some(r) = art.body {
            md.push_str(&fill(r)?);
            md.push_str("\n\n");
        }
        for (s, r) in art.sections.iter().enumerate() {
            md.push_str(&format!(
                "### {}.{} {}\n\n",
                a + 1,
                s + 1,
                r.meta.title.trim()
            ));
            md.push_str(&fill(r)?);
            md.push_str("\n\n");
        }
    }

    md.push_str("## Exhibit A — Partnership Maturity Roadmap\n\n");
    match roadmap.and_then(|r| numbers.get(r.meta.id.as_str())) {
        Some(article) => md.push_str(&format!(
            "Each row records a Gap under {article} (Partnership Maturity Roadmap). A requirement not listed here applies in full.\n\n"
        )),
        None => md.push_str("Each row records a requirement of this Addendum that is not yet met in full. A requirement not listed here applies in full.\n\n"),
    }
    md.push_str("| Requirement | Current state | Compensating control | Target date | Owner |\n");
    md.push_str("|---|---|---|---|---|\n");
    if opts.roadmap_rows.is_empty() {
        for _ in 0..BLANK_ROADMAP_ROWS {
            md.push_str("|   |   |   |   |   |\n");
        }
    }
    for row in &opts.roadmap_rows {
        let id = row.requirement.trim();
        let requirement = match (lib.get(id), numbers.get(id)) {
            (Some(r), Some(n)) => format!("{n} ({})", r.meta.title.trim()),
            (Some(r), None) => r.meta.title.trim().to_string(),
            _ => id.to_string(),
        };
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&requirement),
            cell(&row.current_state),
            cell(&row.compensating_control),
            cell(&row.target_date),
            cell(&row.owner)
        ));
    }
    Ok(md)
}
