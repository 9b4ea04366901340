//! Browser tests (wasm-bindgen-test in headless Chromium): the core behaves
//! the same inside the browser as natively, and what we render is safe to put
//! into the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn sample_contract_is_embedded_in_the_wasm_build() {
    assert!(mc2::sample::SAMPLE_CONTRACT.contains("Supplier"));
}

#[wasm_bindgen_test]
fn edits_compose_in_the_browser() {
    let mut d = mc2::edit::Document::new("a c");
    d.apply(mc2::edit::Revision {
        req: None,
        delete: mc2::engine::Span::new(2, 2),
        insert: "b ".into(),
    })
    .unwrap();
    assert_eq!(d.text(), "a b c");
}
