//! Model language, fallback, why it matters and the negotiation note for the
//! chosen perspective, with placeholders filled. Clause packs are hostile: only
//! HTML from the library's sanitising renderer is put into the page.

use super::LibCtx;
use mc2::engine::Perspective;
use mc2::library::Requirement;
use mc2::library::Values;
use mc2::library::render::section_html;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub req: AttrValue,
    pub ctx: Rc<LibCtx>,
    pub values: Rc<Values>,
    pub perspective: Perspective,
}

/// Safe HTML from the library's sanitising renderer (raw HTML in a pack is
/// escaped, images dropped, links limited); errors are shown as text.
fn paras(md: &str, r: &Requirement, v: &Values) -> Html {
    match section_html(r, md, v) {
        Ok(h) => Html::from_html_unchecked(AttrValue::from(h)),
        Err(e) => {
            html! { <p class="warn">{ format!("This text could not be filled in: {e}") }</p> }
        }
    }
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
            <div class="model-text">{ paras(&b.model_language, r, &p.values) }</div>
            if !b.fallback.trim().is_empty() {
                <h4>{ "Fallback" }</h4>
                <div class="fallback">{ paras(&b.fallback, r, &p.values) }</div>
            }
            if !b.why.trim().is_empty() {
                <h4>{ "Why it matters" }</h4>
                { paras(&b.why, r, &p.values) }
            }
            if !note.trim().is_empty() {
                <h4>{ format!("Negotiation notes — {who}") }</h4>
                <div class="notes">{ paras(note, r, &p.values) }</div>
            }
            <p class="source">{ format!("MC2 {} {} · evidence: {:?}", r.meta.mc2.version,
                r.meta.mc2.clause.as_deref().map(|c| format!("clause {c}")).unwrap_or_default(),
                r.meta.mc2.evidence).to_lowercase() }</p>
        </div>
    }
}
