//! Project invariants checked under `cargo test` (no extra CI step):
//! the core is pure, every module explains itself, no test is silenced, and
//! no shipped file names another origin it could fetch from.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The browser shell is `src/main.rs` and `src/app/`; everything else is core or CLI.
fn is_shell(p: &Path) -> bool {
    let rel = p.strip_prefix(root().join("src")).unwrap_or(p);
    rel == Path::new("main.rs") || rel.starts_with("app")
}

#[test]
fn core_never_names_browser_crates() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let banned = ["yew::", "web_sys", "gloo", "wasm_bindgen", "js_sys"];
    let mut offenders = Vec::new();
    for f in files.iter().filter(|f| !is_shell(f)) {
        let text = fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if banned.iter().any(|b| code.contains(b)) {
                offenders.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the pure core must not use browser crates:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn every_module_has_a_doc_comment() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let missing: Vec<_> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a `//!` doc comment: {missing:?}"
    );
}

#[test]
fn no_silenced_tests() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("tests"), &mut files);
    let me = root().join("tests/tidy.rs");
    let bad: Vec<_> = files
        .iter()
        .filter(|f| **f != me)
        .filter(|f| {
            let t = fs::read_to_string(f).unwrap_or_default();
            t.contains("#[ignore") || t.contains("#[should_panic")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        bad.is_empty(),
        "assert the behaviour instead of ignoring or expecting a panic: {bad:?}"
    );
}

#[test]
fn files_stay_small() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let big: Vec<_> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).unwrap_or_default().lines().count();
            (n > 900).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(
        big.is_empty(),
        "split these modules (one module, one job): {big:?}"
    );
}

#[test]
fn shipped_code_names_no_other_origin() {
    // The app must make no request to another origin. Links shown to people
    // live in clause Markdown and docs, not in shipped code or pages.
    let mut files = Vec::new();
    rust_files(&root().join("src/app"), &mut files);
    files.push(root().join("index.html"));
    if let Ok(rd) = fs::read_dir(root().join("static")) {
        files.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_file()));
    }
    let mut hits = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("//") || l.starts_with('*') {
                continue;
            }
            for scheme in ["http://", "https://"] {
                if let Some(i) = line.find(scheme) {
                    let rest = &line[i + scheme.len()..];
                    let ok = ["127.0.0.1", "localhost", "www.w3.org"]
                        .iter()
                        .any(|h| rest.starts_with(h));
                    if !ok {
                        hits.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "other-origin addresses in shipped files:\n{}",
        hits.join("\n")
    );
}
