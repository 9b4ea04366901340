//! Model language, fallback, why it matters and the negotiation note for the
//! chosen perspective, with placeholders filled. Rendered as text (escaped by
//! Yew); clause packs are hostile, so nothing here is raw HTML.

use super::LibCtx;
use mc2::engine::Perspective;
use mc2::library::Values;
use mc2::review::render::{fill, plain};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub req: AttrValue,
    pub ctx: Rc<LibCtx>,
    pub values: Rc<Values>,
    pub perspective: Perspective,
}

fn paras(md: &str, p: &Props) -> Html {
    let text = plain(&fill(md, &p.ctx.lib, &p.values));
    html! { { for text.lines().filter(|l| !l.trim().is_empty()).map(|l| html! { <p>{ l.to_string() }</p> }) } }
}

#[function_component(ModelLanguage)]
pub fn model_language(p: &Props) -> Html {
    let Some(r) = p.ctx.lib.get(&p.req) else {
        return html! { <p>{ "No model language in the library for this requirement." }</p> };
    };
    let b = &r.body;
    let (who, note) = match p.perspective {
        Perspective::Customer => ("For the hospital", &b.notes_customer),
        Perspective::Supplier => ("For the manufacturer", &b.notes_supplier),
    };
    html! {
        <div class="model">
            <h4>{ "Model language" }</h4>
            <div class="model-text">{ paras(&b.model_language, p) }</div>
            if !b.fallback.trim().is_empty() {
                <h4>{ "Fallback" }</h4>
                <div class="fallback">{ paras(&b.fallback, p) }</div>
            }
            if !b.why.trim().is_empty() {
                <h4>{ "Why it matters" }</h4>
                { paras(&b.why, p) }
            }
            if !note.trim().is_empty() {
                <h4>{ format!("Negotiation notes — {who}") }</h4>
                <div class="notes">{ paras(note, p) }</div>
            }
            <p class="source">{ format!("MC2 {} {} · evidence: {:?}", r.meta.mc2.version,
                r.meta.mc2.clause.as_deref().map(|c| format!("clause {c}")).unwrap_or_default(),
                r.meta.mc2.evidence).to_lowercase() }</p>
        </div>
    }
}
