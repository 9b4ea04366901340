//! The contract as clauses, in the user's own text and numbering. Re-renders
//! only when a new analysis arrives; each clause is a memoised component, so
//! only the clauses whose text or status changed are re-rendered.

use super::clause_view::ClauseView;
use crate::app::analysis::Analysis;
use mc2::review::view;
use std::rc::Rc;
use yew::prelude::*;

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
    let items = a.report.clauses.iter().enumerate().map(|(i, c)| {
        let range = a.ranges[i];
        let info = a.infos.get(i).cloned().unwrap_or_default();
        let runs = view::runs(text, range, &info.phrases, &a.marks);
        html! {
            <ClauseView depth={c.depth} status={info.status()} reqs={AttrValue::from(info.reqs())}
                roles={info.roles} runs={runs} />
        }
    });
    html! {
        <div class="clauses" aria-label="Contract clauses">
            { for items }
        </div>
    }
}
