//! The clause library: every MC2 requirement as data.
//!
//! One Markdown file per requirement lives in `clauses/<ID>.md` (TOML front
//! matter between `+++` lines, then the model language, fallback, why it
//! matters and negotiation notes). The files are compiled into the binary by
//! `build.rs`; a user or GPO can load a *pack* in the same format at run time,
//! which overrides or extends the built-in requirements.
//!
//! Invariant: a pack is untrusted input. Parsing never panics; problems come
//! back as [`Diagnostic`]s naming the file and line.

pub mod addendum;
pub mod catalog;
mod model;
mod pack;
mod parse;
pub mod pattern;
pub mod placeholders;
pub mod render;
pub mod validate;

pub use addendum::{AddendumError, AddendumOptions, RoadmapRow, addendum_markdown};
pub use catalog::CATALOG;
pub use model::*;
pub use parse::parse_file;
pub use placeholders::{PlaceholderError, render as render_placeholders};
pub use render::{markdown_to_safe_html, model_language_html, model_language_markdown};
pub use validate::{Mode, validate_files};

/// Files compiled in from `clauses/` at build time: `(file name, contents)`.
pub static BUILTIN_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/clauses.rs"));

/// A set of requirements, in display order (catalogue order; requirements a
/// pack adds come after the others of their pillar).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Library {
    pub requirements: Vec<Requirement>,
}

impl Library {
    /// The library compiled in from `clauses/`, in catalogue order (parsed
    /// once, then cloned). Files that fail to parse are skipped here (the
    /// validator test keeps the built-in set clean).
    pub fn builtin() -> Library {
        static BUILTIN: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut requirements: Vec<Requirement> = BUILTIN_FILES
                    .iter()
                    .filter_map(|(name, text)| parse_file(&format!("clauses/{name}"), text).ok())
                    .collect();
                requirements.sort_by_key(|r| {
                    (
                        catalog::catalog_index(&r.meta.id).unwrap_or(usize::MAX),
                        r.meta.pillar,
                    )
                });
                Library { requirements }
            })
            .clone()
    }

    /// The built-in clause files as `("clauses/<file>", text)` pairs, ready
    /// for [`validate_files`] in [`Mode::Builtin`].
    pub fn builtin_files() -> Vec<(String, &'static str)> {
        BUILTIN_FILES
            .iter()
            .map(|(name, text)| (format!("clauses/{name}"), *text))
            .collect()
    }

    /// Look a requirement up by ID.
    pub fn get(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.meta.id == id)
    }

    /// Find a threshold by its (library-unique) name.
    pub fn threshold(&self, name: &str) -> Option<&Threshold> {
        self.requirements
            .iter()
            .flat_map(|r| &r.meta.thresholds)
            .find(|t| t.name == name)
    }

    /// The effective value of a threshold: the playbook's, else the default.
    pub fn threshold_value(&self, name: &str, playbook: &Playbook) -> Option<f64> {
        playbook
            .values
            .get(name)
            .copied()
            .or_else(|| self.threshold(name).map(|t| t.value))
    }
}
