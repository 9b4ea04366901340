//! Browser benchmark of the analysis engine (not a test; `scripts/bench` runs
//! it): analyses deterministic synthetic contracts of 20, 100 and 1,000 pages
//! inside headless Chromium and prints the best-of-N time per size, so the
//! wasm figure can be compared with the native `mc2 bench`.
#![cfg(all(target_arch = "wasm32", feature = "wasm-bench"))]

use mc2::engine::{Engine, Options, synth};
use mc2::library::Library;
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[wasm_bindgen_test]
fn analysis_time_in_the_browser() {
    let t0 = now_ms();
    let engine = Engine::new(&Library::builtin());
    console_log!("wasm: engine build (once) {:.1} ms", now_ms() - t0);
    let opts = Options::default();
    let mut per_page = Vec::new();
    // Best of several runs: V8 first runs wasm in its baseline compiler and
    // tiers hot functions up while the runs go on, so a short series
    // measures part of the warm-up (as `mc2 bench` does, the steady state is reported).
    for (pages, runs) in [(20, 5), (100, 7), (1000, 2)] {
        let text = synth::contract(pages, 42);
        let mut best = f64::MAX;
        let mut found = 0;
        for _ in 0..runs {
            let t = now_ms();
            let r = engine.analyze(&text, &opts);
            best = best.min(now_ms() - t);
            found = r
                .findings
                .iter()
                .filter(|f| f.status != mc2::engine::Status::Missing)
                .count();
        }
        per_page.push(best);
        console_log!(
            "wasm: {pages:>5} pages {:>8} bytes  analyze {best:>9.1} ms  ({found} requirements found)",
            text.len()
        );
    }
    if let [_, hundred, thousand] = per_page[..] {
        console_log!(
            "wasm: linearity: 1000 pages = {:.1}x the 100-page time",
            thousand / hundred
        );
    }
}
