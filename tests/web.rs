//! Browser tests (wasm-bindgen-test in headless Chromium): the core behaves
//! the same inside the browser as natively, and what we render is safe to put
//! into the DOM.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

/// Statuses of the sample analysed natively (refreshed by the native test
/// `sample_statuses_match_the_browser_expectation_file`).
const EXPECTED: &str = include_str!("../src/review/sample_statuses.json");

#[wasm_bindgen_test]
fn sample_contract_is_embedded_in_the_wasm_build() {
    assert!(mc2::sample::SAMPLE_CONTRACT.contains("Supplier"));
}

#[wasm_bindgen_test]
fn the_sample_is_graded_in_the_browser_exactly_as_natively() {
    let lib = mc2::library::Library::builtin();
    let e = mc2::engine::Engine::new(&lib);
    let r = e.analyze(
        mc2::sample::SAMPLE_CONTRACT,
        &mc2::engine::Options::default(),
    );
    let got: BTreeMap<String, String> = r
        .findings
        .iter()
        .map(|f| (f.req.clone(), f.status.as_str().to_string()))
        .collect();
    let want: BTreeMap<String, String> = serde_json::from_str(EXPECTED).unwrap_or_default();
    assert!(!want.is_empty(), "expectation file present");
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
fn undo_after_insert_restores_the_exact_text_in_the_browser() {
    use mc2::review::{Action, State};
    let original = "1. A\r\nTabs\tand é\n";
    let s = State::with_text(original).reduce(Action::Apply(vec![mc2::edit::Revision {
        req: None,
        delete: mc2::engine::Span::new(original.len(), original.len()),
        insert: "2. B\n".into(),
    }]));
    assert_eq!(s.doc.text(), format!("{original}2. B\n"));
    assert_eq!(s.reduce(Action::Undo).doc.text(), original);
}

/// `html` parsed by the browser into a detached element, which must contain
/// nothing matching any of `selectors` (markup that would run or load).
fn parsed_without(html: &str, selectors: &[&str]) -> web_sys::Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document in the browser");
    let el = doc.create_element("div").expect("a div");
    el.set_inner_html(html);
    assert_none_in(&el, selectors, html);
    el
}

/// Fails if anything in `el` matches one of `selectors`; `html` is what was
/// parsed into it, for the message.
fn assert_none_in(el: &web_sys::Element, selectors: &[&str], html: &str) {
    for sel in selectors {
        assert!(
            matches!(el.query_selector(sel), Ok(None)),
            "{sel} in {html}"
        );
    }
}

/// The first element in `el` matching `selector`.
fn first(el: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    el.query_selector(selector).ok().flatten()
}

#[wasm_bindgen_test]
fn sanitised_model_language_creates_no_script_or_img_elements() {
    let hostile = "(a) <script>alert(1)</script> **x** <img src=x onerror=alert(1)> \
                   ![t](http://127.0.0.1:9/leak.png) [l](javascript:alert(1))\n\n<iframe src=x></iframe>";
    let html = mc2::library::markdown_to_safe_html(hostile);
    let el = parsed_without(
        &html,
        &[
            "script",
            "img",
            "iframe",
            "[onerror]",
            "a[href^='javascript']",
        ],
    );
    assert!(
        el.text_content().unwrap_or_default().contains("<script>"),
        "raw HTML shown as text"
    );
}

/// Elements and handlers that hostile clause text, IDs or reasons would
/// create if they were parsed as markup instead of shown as text.
const INJECTED: &[&str] = &[
    "script",
    "img",
    "iframe",
    "svg",
    "b",
    "[onerror]",
    "[onfocus]",
    "[onload]",
];

/// A clause serving one requirement whose ID and reason are hostile markup
/// (its title is an iframe), as a malicious clause pack could supply.
fn one_role(req: &str, reason: &str) -> mc2::review::view::ClauseInfo {
    use mc2::review::view;
    view::ClauseInfo {
        roles: vec![view::ClauseRole {
            req: req.into(),
            title: "<iframe src=x></iframe>".into(),
            status: mc2::engine::Status::Weak,
            reasons: vec![reason.into()],
        }],
        phrases: vec![],
    }
}

#[wasm_bindgen_test]
fn pasted_markup_in_a_clause_stays_text_in_the_dom() {
    use mc2::review::{clause_html, view};
    let hostile =
        "1. <script>alert(1)</script> <img src=x onerror=alert(1)> \"quoted\" 'x' & <b>bold</b>";
    let info = one_role("X\" onfocus=\"alert(1)", "<svg onload=alert(1)>");
    let runs = view::runs(hostile, mc2::engine::Span::new(0, hostile.len()), &[], &[]);
    let html = clause_html::clause_html(0, &info, &runs);
    let el = parsed_without(&html, INJECTED);
    let clause = first(&el, "[data-testid=\"clause\"]").expect("one clause element");
    assert_eq!(
        clause.get_attribute("data-reqs").as_deref(),
        Some("X\" onfocus=\"alert(1)")
    );
    let text = first(&el, ".ctext").and_then(|t| t.text_content());
    assert_eq!(
        text.as_deref(),
        Some(hostile),
        "the clause text is shown as typed"
    );
}

#[wasm_bindgen_test]
fn hostile_reasons_in_a_lazily_built_tooltip_stay_text_in_the_dom() {
    use mc2::review::{clause_html, view};
    let info = one_role(
        "<b>X</b>",
        "<svg onload=alert(1)> <img src=x onerror=alert(1)>",
    );
    let runs = view::runs("1. Text", mc2::engine::Span::new(0, 7), &[], &[]);
    let el = parsed_without(&clause_html::clause_html(0, &info, &runs), &[".tip"]);
    let clause = first(&el, "[data-testid=\"clause\"]").expect("one clause element");
    // What the app does on the first hover or focus.
    let tip = clause_html::tip_html("tip-1", &info);
    clause
        .insert_adjacent_html("beforeend", &tip)
        .expect("tooltip inserted");
    assert_none_in(&el, INJECTED, &tip);
    let shown = first(&el, "#tip-1 .reasons").and_then(|t| t.text_content());
    assert_eq!(
        shown.as_deref(),
        Some("<svg onload=alert(1)> <img src=x onerror=alert(1)>"),
        "the reason is shown as the engine wrote it"
    );
}
