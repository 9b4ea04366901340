//! The contract as clauses, in the user's own text and numbering. Re-renders
//! only when a new analysis arrives. Each clause is one keyed chunk of markup
//! (built and escaped by `mc2::review::clause_html`), keyed by its content:
//! the browser parses a clause once, and a re-analysis re-builds only the
//! clauses whose text, status or redline changed; the others are neither
//! touched nor moved.

use crate::app::analysis::Analysis;
use mc2::review::{clause_html, view};
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{Key, VList};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Rc<Analysis>,
}

#[function_component(ClauseList)]
pub fn clause_list(p: &Props) -> Html {
    let a = &p.analysis;
    let text: &str = a.text.as_str();
    if text.trim().is_empty() {
        return html! {
            <p class="empty">{ "No contract yet. Paste or type it above, open a .txt or .md file, drop one here, or load the sample." }</p>
        };
    }
    let empty = view::ClauseInfo::default();
    let htmls: Vec<String> = a
        .report
        .clauses
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let info = a.infos.get(i).unwrap_or(&empty);
            let runs = view::runs(text, a.ranges[i], &info.phrases, &a.marks);
            clause_html::clause_html(c.depth, info, &runs)
        })
        .collect();
    let keys = clause_html::keys(&htmls);
    let items: Vec<Html> = htmls
        .into_iter()
        .zip(keys)
        .map(|(h, k)| {
            let raw = Html::from_html_unchecked(AttrValue::from(h));
            VList::with_children(vec![raw], Some(Key::from(k))).into()
        })
        .collect();
    html! {
        <div class="clauses" aria-label="Contract clauses">
            { VList::with_children(items, None) }
        </div>
    }
}
