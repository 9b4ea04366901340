//! Temporary profiling helper.
use mc2::engine::*;
fn main() {
    let text = synth::contract(100, 42);
    let lib = mc2::library::Library::builtin();
    let e = Engine::new(&lib);
    let r = e.analyze(&text, &Options::default());
    println!("{}", r.clauses.len());
}
