//! A status shown as icon + word (colour is never the only signal).

use mc2::engine::Status;
use yew::prelude::*;

/// Icon for a status (decorative; the word carries the meaning).
pub fn icon(s: Status) -> &'static str {
    mc2::review::clause_html::status_icon(s)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub status: Status,
}

#[function_component(StatusBadge)]
pub fn status_badge(p: &Props) -> Html {
    html! {
        <span class={classes!("badge", format!("st-{}", p.status.as_str()))}>
            <span aria-hidden="true">{ icon(p.status) }</span>{ " " }{ p.status.label() }
        </span>
    }
}
