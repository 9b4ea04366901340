//! The browser app's entry point. Trunk builds this binary for
//! `wasm32-unknown-unknown`; the UI modules in `src/app/` exist only there, so
//! native builds of the core and the CLI never compile Yew.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "mc2-assistant is the browser app: run `scripts/run` to build and serve it, or use the `mc2` command-line tool."
    );
    std::process::exit(2);
}
