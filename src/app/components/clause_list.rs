//! The contract as clauses, in the user's own text and numbering. Re-renders
//! only when a new analysis arrives. Each clause is one keyed element, built
//! from markup (made and escaped by `mc2::review::clause_html`) and keyed by
//! its content: a re-analysis reuses the very DOM element of every clause
//! whose text, status and redline are unchanged (not touched, not moved
//! unless clauses were inserted before it), and the browser parses all new
//! clauses in one `innerHTML` call (a 100-page paste makes ~1,800 at once;
//! one parse is several times cheaper than one per clause).
//!
//! A clause's tooltip ("what this clause does for MC2": the requirements it
//! serves and the engine's reasons) is built only when the clause is first
//! hovered or receives focus, by one listener on the list (parsing ~1,800
//! tooltips up front cost ~75 ms of a 100-page paste). The clause then points
//! `aria-describedby` at it, so screen readers read it on focus. Keys cover
//! the tooltip's content too, so a clause element reused by a later analysis
//! keeps a tooltip that is still right, and a changed one is built afresh.

use crate::app::analysis::Analysis;
use mc2::review::{clause_html, view};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;
use yew::virtual_dom::{Key, VList};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Rc<Analysis>,
}

/// Parse the markup of every new clause at once: one element per clause, in
/// order, or `None` if the browser did not give exactly that.
fn parse_all(markup: &str, count: usize) -> Option<Vec<Node>> {
    let host = gloo::utils::document().create_element("div").ok()?;
    host.set_inner_html(markup);
    let mut out = Vec::with_capacity(count);
    let mut cur = host.first_element_child();
    while let Some(el) = cur {
        cur = el.next_element_sibling();
        out.push(Node::from(el));
    }
    (out.len() == count).then_some(out)
}

/// Selects a rendered clause element.
const CLAUSE: &str = "[data-testid=\"clause\"]";

/// The clause element an event target sits in.
fn clause_of(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(CLAUSE).ok().flatten())
}

/// Give the clause containing `target` its tooltip, unless it has one or
/// serves no requirement. The clause's position among its siblings is its
/// index in the analysis that rendered the list (checked against its
/// `data-reqs`, so a mismatch builds nothing rather than a wrong tooltip).
fn ensure_tip(target: Option<web_sys::EventTarget>, a: &Analysis, next_id: &RefCell<u64>) {
    let Some(clause) = clause_of(target) else {
        return;
    };
    if clause.has_attribute("aria-describedby")
        || clause.get_attribute("data-status").as_deref() == Some("none")
    {
        return;
    }
    let mut idx = 0;
    let mut prev = clause.previous_element_sibling();
    while let Some(p) = prev {
        idx += 1;
        prev = p.previous_element_sibling();
    }
    let Some(info) = a.infos.get(idx) else {
        return;
    };
    if clause.get_attribute("data-reqs").unwrap_or_default() != info.reqs() {
        return;
    }
    let n = {
        let mut id = next_id.borrow_mut();
        *id += 1;
        *id
    };
    let id = format!("clause-tip-{n}");
    let tip = clause_html::tip_html(&id, info);
    if !tip.is_empty() && clause.insert_adjacent_html("beforeend", &tip).is_ok() {
        let _ = clause.set_attribute("aria-describedby", &id);
    }
}

/// Escape dismisses the tooltip of every clause that shows one (hovered or
/// holding focus) without moving the pointer or the focus (WCAG 1.4.13).
pub fn dismiss_tips() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(list) = doc.query_selector_all(&format!("{CLAUSE}:hover, {CLAUSE}:focus-within")) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.set_attribute("data-tip-hidden", "");
            }
        }
    }
}

/// A dismissed tooltip shows again when its clause gets focus again or the
/// pointer enters it anew (not while it moves inside the clause).
fn undismiss(target: Option<web_sys::EventTarget>, from: Option<web_sys::EventTarget>) {
    if let Some(clause) = clause_of(target)
        && clause.has_attribute("data-tip-hidden")
        && clause_of(from).is_none_or(|c| c != clause)
    {
        let _ = clause.remove_attribute("data-tip-hidden");
    }
}

#[function_component(ClauseList)]
pub fn clause_list(p: &Props) -> Html {
    // Key → the clause element shown for it in the previous render.
    let shown = use_mut_ref(HashMap::<String, Node>::new);
    // Tooltip ids are never reused, so reused clause elements keep unique ones.
    let tip_ids = use_mut_ref(|| 0u64);
    let a = &p.analysis;
    let text: &str = a.text.as_str();
    if text.trim().is_empty() {
        shown.borrow_mut().clear();
        return html! {
            <p class="empty">{ "No contract yet. Paste or type it above, open a .txt or .md file, drop one here, or load the sample." }</p>
        };
    }
    crate::app::dom::mark("clauses-start");
    let empty = view::ClauseInfo::default();
    let info = |i: usize| a.infos.get(i).unwrap_or(&empty);
    // Runs and fingerprints of every clause; markup only for the clauses whose
    // element is not reused from the previous render.
    let runs: Vec<Vec<view::Run>> = (0..a.report.clauses.len())
        .map(|i| view::runs(text, a.ranges[i], &info(i).phrases, &a.marks))
        .collect();
    let prints: Vec<u64> = a
        .report
        .clauses
        .iter()
        .enumerate()
        .map(|(i, c)| clause_html::fingerprint(c.depth, info(i), &runs[i]))
        .collect();
    let keys = clause_html::keys(&prints);
    let markup_of =
        |i: usize| clause_html::clause_html(a.report.clauses[i].depth, info(i), &runs[i]);

    let mut old = std::mem::take(&mut *shown.borrow_mut());
    let mut nodes: Vec<Option<Node>> = keys.iter().map(|k| old.remove(k)).collect();
    let missing: Vec<usize> = (0..nodes.len()).filter(|i| nodes[*i].is_none()).collect();
    if !missing.is_empty() {
        let markup: String = missing.iter().map(|i| markup_of(*i)).collect();
        if let Some(parsed) = parse_all(&markup, missing.len()) {
            for (i, n) in missing.iter().zip(parsed) {
                nodes[*i] = Some(n);
            }
        }
    }
    let mut now = HashMap::with_capacity(keys.len());
    let items: Vec<Html> = nodes
        .into_iter()
        .zip(keys)
        .enumerate()
        .map(|(i, (node, k))| {
            let child = match node {
                Some(n) => {
                    now.insert(k.clone(), n.clone());
                    Html::VRef(n)
                }
                // Only if the one-parse path failed: this clause parses on its own.
                None => Html::from_html_unchecked(AttrValue::from(markup_of(i))),
            };
            VList::with_children(vec![child], Some(Key::from(k))).into()
        })
        .collect();
    *shown.borrow_mut() = now;
    let on_tip = {
        let a = p.analysis.clone();
        let ids = tip_ids.clone();
        move |target: Option<web_sys::EventTarget>| ensure_tip(target, &a, &ids)
    };
    let onmouseover = {
        let f = on_tip.clone();
        Callback::from(move |e: MouseEvent| {
            undismiss(e.target(), e.related_target());
            f(e.target())
        })
    };
    let onfocusin = Callback::from(move |e: FocusEvent| {
        undismiss(e.target(), None);
        on_tip(e.target())
    });
    crate::app::dom::mark("clauses-end");
    html! {
        <div class="clauses" aria-label="Contract clauses" {onmouseover} {onfocusin}>
            { VList::with_children(items, None) }
        </div>
    }
}
