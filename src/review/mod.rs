//! App state as a pure reducer (no Yew here): the contract, its revisions,
//! undo/redo history, playbook, perspective and filters. The Yew shell wraps
//! [`State`] in `Reducible` and only dispatches [`Action`]s.

use crate::edit::Document;
use crate::engine::Perspective;
use serde::{Deserialize, Serialize};

/// Everything the reviewer works on, autosaved in the browser.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    pub doc: Document,
    pub perspective: Perspective,
}

/// Something the user did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetText(String),
    SetPerspective(Perspective),
}

impl State {
    /// Pure transition: the only place state changes.
    pub fn reduce(mut self, action: Action) -> State {
        match action {
            Action::SetText(t) => self.doc = Document::new(t),
            Action::SetPerspective(p) => self.perspective = p,
        }
        self
    }
}
