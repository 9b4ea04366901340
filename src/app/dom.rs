//! Small DOM helpers: scroll to and flash a clause, focus a finding, stamp the
//! analysis counter on the root elements, read the clock.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Milliseconds since page load (monotonic).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A User Timing mark (seen in performance traces, e.g. `tests/e2e/bench-trace.mjs`), replacing the
/// previous mark of that name so the timeline buffer does not grow with every analysis.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn scroll_focus(el: &Element) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_behavior(ScrollBehavior::Smooth);
    opts.set_block(ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// Scroll clause number `idx` (document order) into view, focus it and flash it.
pub fn flash_clause(idx: usize) {
    let Some(list) = document().and_then(|d| d.query_selector_all("[data-testid=\"clause\"]").ok())
    else {
        return;
    };
    let Some(el) = list
        .item(idx as u32)
        .and_then(|n| n.dyn_into::<Element>().ok())
    else {
        return;
    };
    scroll_focus(&el);
    let _ = el.class_list().add_1("flash");
    Timeout::new(1600, move || {
        let _ = el.class_list().remove_1("flash");
    })
    .forget();
}

/// Scroll to and focus the finding card of requirement `req`.
pub fn focus_finding(req: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(&format!("finding-{req}"))) {
        scroll_focus(&el);
    }
}

/// Put the analysis counter and timing on `<html>` too, for tests and the benchmark.
pub fn stamp_root(seq: u64, ms: f64, engine_ms: f64) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-analysis-done", &seq.to_string());
        let _ = root.set_attribute("data-analysis-ms", &format!("{ms:.2}"));
        let _ = root.set_attribute("data-engine-ms", &format!("{engine_ms:.2}"));
    }
}

/// Focus the element with this id, if any.
pub fn focus_id(id: &str) {
    if let Some(h) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}
