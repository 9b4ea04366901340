//! The top bar: view switch, perspective, undo/redo, insert all missing,
//! print, and "Clear all local data".

use super::LibCtx;
use crate::app::Dispatch;
use crate::app::analysis::Analysis;
use mc2::engine::Perspective;
use mc2::library::Values;
use mc2::review::{Action, insert};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Review,
    Playbook,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: View,
    pub on_view: Callback<View>,
    pub perspective: Perspective,
    pub can_undo: bool,
    pub can_redo: bool,
    pub analysis: Option<Rc<Analysis>>,
    pub ctx: Rc<LibCtx>,
    pub values: Rc<Values>,
    pub dispatch: Dispatch,
    pub on_clear: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &Props) -> Html {
    let d = p.dispatch.clone();
    let on_perspective = Callback::from(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(Action::SetPerspective(if s.value() == "supplier" {
            Perspective::Supplier
        } else {
            Perspective::Customer
        }));
    });
    let d = p.dispatch.clone();
    let undo = Callback::from(move |_| d.dispatch(Action::Undo));
    let d = p.dispatch.clone();
    let redo = Callback::from(move |_| d.dispatch(Action::Redo));
    let insert_all = {
        let (a, ctx, v, d) = (
            p.analysis.clone(),
            p.ctx.clone(),
            p.values.clone(),
            p.dispatch.clone(),
        );
        Callback::from(move |_| {
            if let Some(a) = &a
                && let Some(rev) = insert::insert_all(&a.doc, &a.report, &ctx.lib, &v)
            {
                d.dispatch(Action::ApplyAgainst(a.doc.clone(), vec![rev]));
            }
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    // No confirm() dialog: the button says exactly what it does, and tests
    // (and keyboard users) get a single, predictable action.
    let clear = p.on_clear.reform(|_: MouseEvent| ());
    let tab = |v: View, label: &'static str| {
        let on_view = p.on_view.clone();
        html! {
            <button type="button" class="tab" aria-pressed={(p.view == v).to_string()}
                onclick={Callback::from(move |_| on_view.emit(v))}>{ label }</button>
        }
    };
    let persp = match p.perspective {
        Perspective::Customer => "customer",
        Perspective::Supplier => "supplier",
    };
    html! {
        <nav class="toolbar" aria-label="Tools">
            <div class="group" role="group" aria-label="View">
                { tab(View::Review, "Review") }
                { tab(View::Playbook, "Playbook & clause pack") }
            </div>
            <div class="group">
                <label for="perspective">{ "Perspective" }</label>
                <select id="perspective" data-testid="perspective" onchange={on_perspective}>
                    <option value="customer" selected={persp == "customer"}>{ "Hospital (customer)" }</option>
                    <option value="supplier" selected={persp == "supplier"}>{ "Manufacturer (supplier)" }</option>
                </select>
            </div>
            <div class="group" role="group" aria-label="Edit">
                <button type="button" data-testid="undo" onclick={undo} disabled={!p.can_undo}
                    aria-keyshortcuts="Control+Z">{ "↶ Undo" }</button>
                <button type="button" data-testid="redo" onclick={redo} disabled={!p.can_redo}
                    aria-keyshortcuts="Control+Shift+Z">{ "↷ Redo" }</button>
                <button type="button" data-testid="insert-all" onclick={insert_all}
                    disabled={p.analysis.is_none()}>{ "Insert all missing" }</button>
                <button type="button" onclick={print}>{ "Print report" }</button>
                <button type="button" class="danger" data-testid="clear-data" onclick={clear}>{ "Clear all local data" }</button>
            </div>
        </nav>
    }
}
