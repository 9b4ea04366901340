//! Helpers shared by the clause-level engine tests: one engine for the
//! whole test binary, and a clause classified on its own.
#![allow(dead_code)] // each test binary uses its own subset

use mc2::engine::{Engine, Hit, Options, Status};
use mc2::library::Library;
use std::sync::OnceLock;

pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(&Library::builtin()))
}

/// The finding for `req` in `text` classified on its own with `opts`
/// (None: not found).
pub fn hit_of(text: &str, req: &str, opts: &Options) -> Option<Hit> {
    engine()
        .classify(text, opts)
        .into_iter()
        .find(|h| h.req == req)
}

/// The grade `req` gets in `text` classified on its own (None: not found).
pub fn status_of(text: &str, req: &str) -> Option<Status> {
    hit_of(text, req, &Options::default()).map(|h| h.status)
}

/// Whether `reqs` (from [`reqs_of`]) contains requirement `id`.
pub fn has(reqs: &[String], id: &str) -> bool {
    reqs.iter().any(|r| r == id)
}

/// The requirements `text` serves, classified on its own.
pub fn reqs_of(text: &str) -> Vec<String> {
    engine()
        .classify(text, &Options::default())
        .into_iter()
        .map(|h| h.req)
        .collect()
}
