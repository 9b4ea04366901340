//! The built-in clause library is complete and valid: every catalogue ID has
//! exactly one clause file, the files pass the validator with no diagnostic,
//! and the ID list in code matches the shared catalogue.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::library::catalog::{CATALOG, parse_id_list};
use mc2::library::{Library, Mode, validate_files};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn builtin_library_has_no_diagnostics() {
    let diags = validate_files(&Library::builtin_files(), Mode::Builtin);
    let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert!(
        text.is_empty(),
        "clause files need fixing:\n{}",
        text.join("\n")
    );
}

#[test]
fn every_catalogue_id_has_a_file_and_loads_in_catalogue_order() {
    for id in CATALOG {
        let path = root().join("clauses").join(format!("{id}.md"));
        assert!(path.is_file(), "missing clause file {}", path.display());
    }
    let lib = Library::builtin();
    let ids: Vec<&str> = lib
        .requirements
        .iter()
        .map(|r| r.meta.id.as_str())
        .collect();
    assert_eq!(ids, CATALOG);
}

#[test]
fn catalogue_constant_matches_shared_catalogue() {
    // `../shared/catalog.md` next to the main checkout; helpers' worktrees sit one level deeper.
    let candidates = [
        root().join("../shared/catalog.md"),
        root().join("../../shared/catalog.md"),
    ];
    match candidates.iter().find(|p| p.is_file()) {
        Some(path) => {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            assert_eq!(
                parse_id_list(&text),
                CATALOG,
                "CATALOG differs from the ID list in {}",
                path.display()
            );
        }
        None => {
            eprintln!("note: shared/catalog.md not found; checking the constant on its own");
            assert_eq!(CATALOG.len(), 35);
        }
    }
}

#[test]
fn every_threshold_is_used_as_a_placeholder_somewhere_in_its_file() {
    // A declared number that no text shows would be invisible to the reader of the clause.
    for r in Library::builtin().requirements {
        let b = &r.body;
        let all = [
            &b.model_language,
            &b.fallback,
            &b.why,
            &b.notes_customer,
            &b.notes_supplier,
        ]
        .map(|s| s.as_str())
        .join("\n");
        for t in &r.meta.thresholds {
            assert!(
                all.contains(&format!("{{{{{}}}}}", t.name)),
                "{}: threshold `{}` is never shown",
                r.source,
                t.name
            );
        }
    }
}
