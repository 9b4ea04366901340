//! One analysis of the current document, with everything the panes derive
//! from it computed once (clause display ranges, per-clause roles, redline
//! marks). The analysis is the engine's; this module only packages it.

use mc2::edit::Document;
use mc2::engine::{Engine, Options, Perspective, Report, Span};
use mc2::library::Playbook;
use mc2::review::view::{self, ClauseInfo, Mark};
use std::rc::Rc;
use yew::AttrValue;

/// The result of analysing one version of the document.
#[derive(Debug)]
pub struct Analysis {
    /// Counter, bumped by every analysis (exposed as `data-analysis-done`).
    pub seq: u64,
    /// The document this analysis is about (insertions are planned against it).
    pub doc: Rc<Document>,
    /// The analysed text (`doc.text()`).
    pub text: AttrValue,
    pub report: Report,
    pub infos: Vec<ClauseInfo>,
    pub ranges: Vec<Span>,
    pub marks: Vec<Mark>,
    /// Time the engine took, in milliseconds.
    pub engine_ms: f64,
    /// Clock reading when this analysis started (for analysis-to-render timing).
    pub started_ms: Option<f64>,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        self.seq == other.seq
    }
}

impl Analysis {
    /// Run the engine on `doc` and derive the view data.
    pub fn run(
        seq: u64,
        engine: &Engine,
        doc: Rc<Document>,
        perspective: Perspective,
        playbook: Playbook,
        now: impl Fn() -> f64,
    ) -> Analysis {
        let t0 = now();
        let text = doc.text();
        let report = engine.analyze(
            &text,
            &Options {
                perspective,
                playbook,
            },
        );
        let engine_ms = now() - t0;
        crate::app::dom::mark("engine-end");
        let infos = view::clause_infos(&report);
        let ranges = view::display_ranges(&report, text.len());
        let marks = view::marks(&doc);
        Analysis {
            seq,
            doc,
            text: AttrValue::from(text),
            report,
            infos,
            ranges,
            marks,
            engine_ms,
            started_ms: Some(t0),
        }
    }
}
