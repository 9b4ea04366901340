//! The contract as clauses, in the user's own text and numbering. Re-renders
//! only when a new analysis arrives. Each clause is one keyed element, built
//! from markup (made and escaped by `mc2::review::clause_html`) and keyed by
//! its content: a re-analysis reuses the very DOM element of every clause
//! whose text, status and redline are unchanged (not touched, not moved
//! unless clauses were inserted before it), and the browser parses all new
//! clauses in one `innerHTML` call (a 100-page paste makes ~1,800 at once;
//! one parse is several times cheaper than one per clause).
//!
//! The list element itself is made and kept by this component, not by Yew's
//! diff: Yew sees one unchanging node, and the clauses are put into it here
//! with as few DOM calls as the change needs. A new contract's clauses are
//! parsed straight into the list (one `innerHTML`, no per-clause insertion:
//! Yew's keyed list inserted ~1,800 nodes one by one, ~30 ms of a 100-page
//! paste); a re-analysis removes the clauses that went away and inserts or
//! moves only the ones that are new or out of place.
//!
//! A clause's tooltip ("what this clause does for MC2": the requirements it
//! serves and the engine's reasons) is built only when the clause is first
//! hovered or receives focus, by one listener on the list (parsing ~1,800
//! tooltips up front cost ~75 ms of a 100-page paste). The clause then points
//! `aria-describedby` at it, so screen readers read it on focus. Keys cover
//! the tooltip's content too, so a clause element reused by a later analysis
//! keeps a tooltip that is still right, and a changed one is built afresh.

use crate::app::analysis::Analysis;
use gloo::events::EventListener;
use mc2::review::{clause_html, view};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

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

/// The list element and what it shows, kept across renders.
struct ListDom {
    /// `div.clauses`, inserted by Yew as one unchanging node.
    root: Element,
    /// Key → the clause element shown for it.
    shown: HashMap<String, Node>,
    /// The analysis the shown clauses belong to (read by the tooltip listener).
    analysis: Rc<RefCell<Option<Rc<Analysis>>>>,
    _listeners: [EventListener; 2],
}

impl ListDom {
    fn new() -> Option<ListDom> {
        let root = gloo::utils::document().create_element("div").ok()?;
        root.set_class_name("clauses");
        let _ = root.set_attribute("aria-label", "Contract clauses");
        let analysis: Rc<RefCell<Option<Rc<Analysis>>>> = Rc::default();
        // Tooltip ids are never reused, so reused clause elements keep unique ones.
        let tip_ids = Rc::new(RefCell::new(0u64));
        let on_tip = {
            let analysis = analysis.clone();
            move |target: Option<web_sys::EventTarget>| {
                if let Some(a) = analysis.borrow().as_ref() {
                    ensure_tip(target, a, &tip_ids)
                }
            }
        };
        let over = {
            let f = on_tip.clone();
            EventListener::new(&root, "mouseover", move |e| {
                let related = e.dyn_ref::<MouseEvent>().and_then(|m| m.related_target());
                undismiss(e.target(), related);
                f(e.target())
            })
        };
        let focus = EventListener::new(&root, "focusin", move |e| {
            undismiss(e.target(), None);
            on_tip(e.target())
        });
        Some(ListDom {
            root,
            shown: HashMap::new(),
            analysis,
            _listeners: [over, focus],
        })
    }

    /// Make the list show `keys` in order: reuse the element shown for a key,
    /// build the others from `markup_of(index)`.
    fn update(&mut self, keys: Vec<String>, markup_of: impl Fn(usize) -> String) {
        let mut old = std::mem::take(&mut self.shown);
        let mut nodes: Vec<Option<Node>> = keys.iter().map(|k| old.remove(k)).collect();
        let missing: Vec<usize> = (0..nodes.len()).filter(|i| nodes[*i].is_none()).collect();
        let root: &Node = self.root.as_ref();
        if missing.len() == nodes.len() {
            // Nothing to reuse: parse every clause in place.
            let markup: String = missing.iter().map(|i| markup_of(*i)).collect();
            self.root.set_inner_html(&markup);
            let mut cur = self.root.first_element_child();
            for n in nodes.iter_mut() {
                let Some(el) = cur else { break };
                cur = el.next_element_sibling();
                *n = Some(el.into());
            }
            if cur.is_some() || nodes.iter().any(Option::is_none) {
                // The browser did not give one element per clause: one parse per clause.
                self.root.set_inner_html("");
                nodes.iter_mut().for_each(|n| *n = None);
            }
        } else {
            // Clauses that went away leave first, so that the walk below
            // moves no reused clause that is already in place.
            for n in old.values() {
                let _ = root.remove_child(n);
            }
            if !missing.is_empty() {
                let markup: String = missing.iter().map(|i| markup_of(*i)).collect();
                if let Some(parsed) = parse_all(&markup, missing.len()) {
                    for (i, n) in missing.iter().zip(parsed) {
                        nodes[*i] = Some(n);
                    }
                }
            }
        }
        // Fallback only: a clause the one-parse path did not give parses on its own.
        for (i, n) in nodes.iter_mut().enumerate() {
            if n.is_none() {
                *n = parse_all(&markup_of(i), 1).and_then(|mut v| v.pop());
            }
        }
        // Put each clause in place, walking the list once: a clause already
        // where it belongs costs one comparison.
        let mut cur = root.first_child();
        for n in nodes.iter().flatten() {
            if cur.as_ref() == Some(n) {
                cur = n.next_sibling();
            } else {
                let _ = root.insert_before(n, cur.as_ref());
            }
        }
        while let Some(extra) = cur {
            cur = extra.next_sibling();
            let _ = root.remove_child(&extra);
        }
        self.shown = keys
            .into_iter()
            .zip(nodes)
            .filter_map(|(k, n)| Some((k, n?)))
            .collect();
    }
}

#[function_component(ClauseList)]
pub fn clause_list(p: &Props) -> Html {
    let list = use_mut_ref(|| None::<ListDom>);
    let a = &p.analysis;
    let text: &str = a.text.as_str();
    if text.trim().is_empty() {
        if let Some(l) = list.borrow_mut().as_mut() {
            l.shown.clear();
            l.root.set_inner_html("");
        }
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

    let mut guard = list.borrow_mut();
    if guard.is_none() {
        *guard = ListDom::new();
    }
    let Some(l) = guard.as_mut() else {
        return html! {};
    };
    *l.analysis.borrow_mut() = Some(a.clone());
    l.update(keys, markup_of);
    crate::app::dom::mark("clauses-end");
    Html::VRef(l.root.clone().into())
}
