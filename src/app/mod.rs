//! The Yew shell: wraps the pure reducer (`mc2::review`), runs the engine on
//! the current text (debounced), renders state and turns events into actions.
//! No analysis logic lives here.

mod analysis;
mod components;
mod dom;
mod embed;
mod files;
mod storage;

use mc2::review::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer state as Yew sees it: a thin wrapper so `State::reduce` stays pure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState(pub State);

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let state = Rc::unwrap_or_clone(self).0;
        Rc::new(AppState(state.reduce(action)))
    }
}

/// Stable handle the components use to dispatch actions.
pub type Dispatch = UseReducerDispatcher<AppState>;

/// Mount the app on `<body>`.
pub fn start() {
    embed::start();
    yew::Renderer::<components::app::App>::new().render();
}
