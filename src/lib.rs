//! # mc2: the pure core of the MC2 contract assistant
//!
//! Everything that *thinks* lives here: the clause library (requirements as
//! data), the analysis engine (ingest → segment → parties → detect → grade →
//! verdict → report), the editing model (insertions, replacements, undo),
//! imports and exports. It is used by the Yew app (compiled to wasm32) and by
//! the native `mc2` command-line tool.
//!
//! **Architecture invariant:** nothing in this crate knows about the browser.
//! `yew`, `web-sys`, `gloo` and `wasm-bindgen` are not even dependencies on
//! native targets, and `tests/tidy.rs` fails if any module under `src/` other
//! than `src/app/` and `src/main.rs` names them. The core never does IO: callers
//! hand it strings and bytes and get values back; odd input gives diagnostics or
//! typed errors, never a panic.
#![forbid(unsafe_code)]

pub mod edit;
pub mod embed;
pub mod engine;
pub mod export;
pub mod import;
pub mod library;
pub mod review;
pub mod sample;

/// The crate version, shown by `mc2 --version` and in the app footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
