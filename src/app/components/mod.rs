//! The app's Yew function components, one per file. Each renders what it is
//! given and turns events into [`Action`](mc2::review::Action)s.

pub mod app;
pub mod clause_list;
pub mod coverage;
pub mod editor;
pub mod export_menu;
pub mod filters;
pub mod finding_card;
pub mod findings_pane;
pub mod model_language;
pub mod notices;
pub mod playbook_panel;
pub mod status_badge;
pub mod toolbar;

use mc2::engine::Engine;
use mc2::library::{Diagnostic, Library};

/// The library in use (built-in + pack), its compiled engine and the pack's
/// diagnostics. Compared by identity: a new pack makes a new one.
#[derive(Debug)]
pub struct LibCtx {
    pub lib: Library,
    pub engine: Engine,
    pub diags: Vec<Diagnostic>,
}

impl PartialEq for LibCtx {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}
