//! App state as a pure reducer (no Yew here): the contract, its revisions,
//! undo/redo history, playbook, perspective, filters and the loaded clause
//! pack. The Yew shell wraps [`State`] in `Reducible` and only dispatches
//! [`Action`]s; everything that decides *what changes* lives here so it is
//! unit-tested natively.

pub mod clause_html;
pub mod insert;
pub mod pack;
pub mod render;
pub mod view;

use crate::edit::{Document, Revision};
use crate::engine::{Perspective, Status};
use crate::library::{Pillar, Playbook, Priority};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// How many undo steps are kept (each is a whole [`Document`]).
pub const HISTORY_LIMIT: usize = 100;

/// One file of a custom clause pack, kept verbatim so it survives a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackFile {
    pub name: String,
    pub text: String,
}

/// Which findings the findings pane shows. Empty sets mean "all".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Filters {
    /// Statuses shown; empty = every status.
    #[serde(default)]
    pub statuses: Vec<Status>,
    #[serde(default)]
    pub pillar: Option<Pillar>,
    #[serde(default)]
    pub priority: Option<Priority>,
}

impl Filters {
    /// Whether a finding with these attributes passes the filters.
    pub fn accepts(&self, status: Status, pillar: Pillar, priority: Priority) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&status))
            && self.pillar.is_none_or(|p| p == pillar)
            && self.priority.is_none_or(|p| p == priority)
    }
}

/// Everything the reviewer works on. The persistent part is autosaved in the
/// browser; the history is kept in memory only.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    pub doc: Document,
    #[serde(default)]
    pub perspective: Perspective,
    #[serde(default)]
    pub playbook: Playbook,
    #[serde(default)]
    pub pack: Vec<PackFile>,
    #[serde(default)]
    pub filters: Filters,
    /// Party terms the user typed into the placeholder form (override the detected ones).
    #[serde(default)]
    pub supplier_term: Option<String>,
    #[serde(default)]
    pub customer_term: Option<String>,
    /// Earlier documents, most recent last (shared, so cloning the state is cheap).
    #[serde(skip)]
    pub undo: Vec<Rc<Document>>,
    /// Documents undone, most recent last.
    #[serde(skip)]
    pub redo: Vec<Rc<Document>>,
    /// True while the last change was typing, so a burst of keystrokes is one undo step.
    #[serde(skip)]
    pub typing: bool,
    /// Bumped on every change worth saving (the shell saves when it moves).
    #[serde(skip)]
    pub revision: u64,
    /// A message for the user about the last action (e.g. an edit that could not apply).
    #[serde(skip)]
    pub notice: Option<String>,
}

/// Something the user did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the contract (paste, open file, sample, start empty): one undo step.
    Load(String),
    /// The user typed in edit mode: consecutive typing is one undo step.
    Type(String),
    /// Apply model-language revisions (insert / replace / insert all) as one undo step.
    Apply(Vec<Revision>),
    /// Apply revisions computed against `expected`; refused (with a notice)
    /// when the document has changed since, so offsets never land wrong.
    ApplyAgainst(Rc<Document>, Vec<Revision>),
    Undo,
    Redo,
    SetPerspective(Perspective),
    /// Set a threshold (`None` = back to the library default).
    SetThreshold(String, Option<f64>),
    ResetPlaybook,
    /// Add (or replace, by name) a clause-pack file.
    AddPackFile(PackFile),
    RemovePackFile(String),
    ClearPack,
    ToggleStatusFilter(Status),
    SetPillarFilter(Option<Pillar>),
    SetPriorityFilter(Option<Priority>),
    ClearFilters,
    SetPartyTerms {
        supplier: Option<String>,
        customer: Option<String>,
    },
    DismissNotice,
    /// "Clear all local data": back to an empty, default state.
    ClearAll,
}

impl State {
    /// A fresh state holding `text`.
    pub fn with_text(text: impl Into<String>) -> State {
        State {
            doc: Document::new(text),
            ..State::default()
        }
    }

    /// Whether there is something to undo / redo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn push_undo(&mut self) {
        self.undo.push(Rc::new(self.doc.clone()));
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Pure transition: the only place state changes.
    pub fn reduce(mut self, action: Action) -> State {
        let was_typing = std::mem::replace(&mut self.typing, false);
        self.notice = None;
        match action {
            Action::Load(text) => {
                if text != self.doc.text() || !self.doc.revisions.is_empty() {
                    self.push_undo();
                    self.doc = Document::new(text);
                }
            }
            Action::Type(text) => {
                if text != self.doc.text() {
                    if !was_typing {
                        self.push_undo();
                    }
                    self.doc = Document::new(text);
                }
                self.typing = true;
            }
            Action::ApplyAgainst(expected, _) if *expected != self.doc => {
                self.notice = Some(
                    "The contract changed while the change was prepared; please try again.".into(),
                );
            }
            Action::Apply(revs) | Action::ApplyAgainst(_, revs) => {
                let mut doc = self.doc.clone();
                let mut error = None;
                for r in revs {
                    if let Err(e) = doc.apply(r) {
                        error = Some(e);
                        break;
                    }
                }
                match error {
                    Some(e) => self.notice = Some(format!("Could not apply the change: {e}.")),
                    None if doc != self.doc => {
                        self.push_undo();
                        self.doc = doc;
                    }
                    None => {}
                }
            }
            Action::Undo => {
                if let Some(prev) = self.undo.pop() {
                    let prev = Rc::unwrap_or_clone(prev);
                    let cur = std::mem::replace(&mut self.doc, prev);
                    self.redo.push(Rc::new(cur));
                }
            }
            Action::Redo => {
                if let Some(next) = self.redo.pop() {
                    let next = Rc::unwrap_or_clone(next);
                    let cur = std::mem::replace(&mut self.doc, next);
                    self.undo.push(Rc::new(cur));
                }
            }
            Action::SetPerspective(p) => self.perspective = p,
            Action::SetThreshold(name, value) => match value {
                Some(v) if v.is_finite() && v >= 0.0 => {
                    self.playbook.values.insert(name, v);
                }
                Some(_) => {
                    self.notice = Some(format!(
                        "{name}: a threshold must be a number of zero or more."
                    ))
                }
                None => {
                    self.playbook.values.remove(&name);
                }
            },
            Action::ResetPlaybook => self.playbook = Playbook::default(),
            Action::AddPackFile(f) => match self.pack.iter_mut().find(|p| p.name == f.name) {
                Some(old) => *old = f,
                None => self.pack.push(f),
            },
            Action::RemovePackFile(name) => self.pack.retain(|p| p.name != name),
            Action::ClearPack => self.pack.clear(),
            Action::ToggleStatusFilter(s) => {
                let st = &mut self.filters.statuses;
                match st.iter().position(|x| *x == s) {
                    Some(i) => {
                        st.remove(i);
                    }
                    None => st.push(s),
                }
            }
            Action::SetPillarFilter(p) => self.filters.pillar = p,
            Action::SetPriorityFilter(p) => self.filters.priority = p,
            Action::ClearFilters => self.filters = Filters::default(),
            Action::SetPartyTerms { supplier, customer } => {
                let clean =
                    |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
                self.supplier_term = clean(supplier);
                self.customer_term = clean(customer);
            }
            Action::DismissNotice => {}
            Action::ClearAll => {
                let rev = self.revision;
                self = State::default();
                self.revision = rev;
            }
        }
        self.revision += 1;
        self
    }
}

#[cfg(test)]
mod tests;
