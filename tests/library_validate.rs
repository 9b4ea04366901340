//! The validator and packs: every kind of broken clause file gives a message
//! naming the file and line, a broken pack file is skipped (never a crash),
//! and valid pack files override or extend the built-in library.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::library::{Diagnostic, Library, Mode, Values, model_language_html, validate_files};
use proptest::prelude::*;

/// A small valid clause file (`## Model language` on line 27, its text on line 29).
fn fixture(id: &str, threshold: &str, model_language: &str) -> String {
    format!(
        r#"+++
id = "{id}"
title = "Test requirement {id}"
pillar = "Performance"
principle = "Security Patching"
party = "supplier"
priority = "high"

[mc2]
version = "v2"
evidence = "inferred"

[[thresholds]]
name = "{threshold}"
label = "Something measured"
value = 10
unit = "calendar_days"
direction = "at_most"
source = "chosen by the pack author"
evidence = "inferred"

[cues]
concepts = ["widget update"]
patterns = ['\bwidget\b']
+++

## Model language

{model_language}

## Fallback

Ask for more.

## Why it matters

It matters.

## Negotiation notes

### For the hospital

Hold firm.

### For the manufacturer

Explain.
"#
    )
}

fn ok_file(id: &str, threshold: &str) -> String {
    fixture(
        id,
        threshold,
        &format!("{{{{supplier}}}} shall update within {{{{{threshold}}}}} Calendar Days."),
    )
}

fn check(name: &str, text: &str) -> Vec<String> {
    validate_files(&[(name, text)], Mode::Pack)
        .iter()
        .map(Diagnostic::to_string)
        .collect()
}

#[test]
fn a_valid_fixture_has_no_diagnostics() {
    assert_eq!(
        check("pack/X-WIDGET.md", &ok_file("X-WIDGET", "widget_days")),
        Vec::<String>::new()
    );
}

#[test]
fn bad_toml_names_the_line() {
    let text = ok_file("X-WIDGET", "widget_days").replace("value = 10", "value = = 10");
    assert_eq!(check("p/x.md", &text).len(), 1);
    assert!(
        check("p/x.md", &text)[0].starts_with("p/x.md:16: front matter:"),
        "{:?}",
        check("p/x.md", &text)
    );
}

#[test]
fn missing_id_and_unknown_fields_are_reported() {
    let no_id = ok_file("X-WIDGET", "widget_days").replace("id = \"X-WIDGET\"\n", "");
    let d = check("p/x.md", &no_id);
    assert!(d.len() == 1 && d[0].contains("missing field `id`"), "{d:?}");
    let extra = ok_file("X-WIDGET", "widget_days").replace(
        "priority = \"high\"",
        "priority = \"high\"\ncolour = \"red\"",
    );
    let d = check("p/x.md", &extra);
    assert!(
        d.len() == 1 && d[0].contains("unknown field `colour`"),
        "{d:?}"
    );
}

#[test]
fn undeclared_placeholder_names_the_line_of_use() {
    let text = fixture(
        "X-WIDGET",
        "widget_days",
        "{{supplier}} shall act within {{repair_days}} Calendar Days.",
    );
    assert_eq!(
        check("p/x.md", &text),
        [
            "p/x.md:29: placeholder `{{repair_days}}` is not declared: use {{supplier}}, {{customer}} or a threshold declared in this file"
        ]
    );
}

#[test]
fn hard_coded_figures_and_empty_model_language_are_rejected() {
    let text = fixture(
        "X-WIDGET",
        "widget_days",
        "{{supplier}} shall act within 30 days, using {{widget_days}}.",
    );
    assert_eq!(
        check("p/x.md", &text),
        [
            "p/x.md:29: hard-coded figure `30 days`: declare a threshold and write its {{placeholder}} instead"
        ]
    );
    let empty = fixture("X-WIDGET", "widget_days", "");
    assert_eq!(
        check("p/x.md", &empty),
        ["p/x.md:27: section `## Model language` is empty"]
    );
}

#[test]
fn thresholds_and_cues_are_checked() {
    let base = ok_file("X-WIDGET", "widget_days");
    let zero = base.replace("value = 10", "value = 0");
    assert_eq!(
        check("p/x.md", &zero),
        ["p/x.md:16: threshold `widget_days` has value 0; it must be a positive number"]
    );
    let bad_re = base.replace(r"'\bwidget\b'", r"'\bwid(get'");
    let d = check("p/x.md", &bad_re);
    assert!(
        d.len() == 1
            && d[0].starts_with("p/x.md:24: cues.patterns: regex `\\bwid(get` does not compile"),
        "{d:?}"
    );
    // "fix" + "s?" never matches "fixes": the author is told, not left
    // with a cue that silently misses the plural.
    for (pat, word) in [
        (r"\bsecurity (update|fix)s?\b", "fix"),
        (r"\bpolicys?\b", "policy"),
        (r"\bpatchs?\b", "patch"),
    ] {
        let d = check(
            "p/x.md",
            &base.replace(r"'\bwidget\b'", &format!("'{pat}'")),
        );
        assert!(
            d.len() == 1
                && d[0].contains(&format!(
                    "`{word}` followed by `s?` never matches its plural"
                )),
            "{pat}: {d:?}"
        );
    }
    for fine in [
        r"\bdays?\b",
        r"\b(update|release)s?\b",
        r"\baccess(es)?\b",
        r"\bfix(es)?\b",
    ] {
        let d = check(
            "p/x.md",
            &base.replace(r"'\bwidget\b'", &format!("'{fine}'")),
        );
        assert!(d.is_empty(), "{fine}: {d:?}");
    }
    // The engine runs byte-wise: an accented letter inside a class cannot
    // run there, so the pack is told instead of the cue silently never matching.
    let accented = base.replace(r"'\bwidget\b'", "'\\b[\u{e9}\u{e8}]cole\\b'");
    let d = check("p/x.md", &accented);
    assert!(
        d.len() == 1
            && d[0].starts_with("p/x.md:24: cues.patterns: regex")
            && d[0].contains("does not compile"),
        "{d:?}"
    );
    // Curly quotes are fine: the engine sees them as straight quotes.
    let curly = base.replace(r"'\bwidget\b'", "'[\u{201c}\"]widget[\u{201d}\"]'");
    assert!(check("p/x.md", &curly).is_empty());
    let everything = base.replace(r"'\bwidget\b'", r"'(widget)?'");
    let d = check("p/x.md", &everything);
    assert!(
        d.len() == 1 && d[0].contains("matches the empty string"),
        "{d:?}"
    );
    let blank = base.replace(
        "concepts = [\"widget update\"]",
        "concepts = [\"widget update\", \" \"]",
    );
    assert_eq!(
        check("p/x.md", &blank),
        ["p/x.md:23: empty entry in cues.concepts"]
    );
}

#[test]
fn builtin_mode_wants_exactly_the_catalogue() {
    let mut files: Vec<(String, String)> = Library::builtin_files()
        .into_iter()
        .filter(|(n, _)| !n.ends_with("/PERF-EOL.md"))
        .map(|(n, t)| (n, t.to_string()))
        .collect();
    files.push((
        "clauses/X-WIDGET.md".into(),
        ok_file("X-WIDGET", "widget_days"),
    ));
    let d: Vec<String> = validate_files(&files, Mode::Builtin)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        d,
        [
            "clauses/X-WIDGET.md:2: unknown ID X-WIDGET: it is not in the catalogue",
            "clauses/PERF-EOL.md:1: catalogue ID PERF-EOL has no clause file",
        ]
    );
}

#[test]
fn duplicates_are_reported_across_files() {
    let a = ok_file("X-WIDGET", "widget_days");
    let b = ok_file("X-WIDGET", "widget_days");
    let d: Vec<String> = validate_files(
        &[("p/a.md", a.as_str()), ("p/b.md", b.as_str())],
        Mode::Pack,
    )
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        d,
        [
            "p/b.md:2: duplicate ID X-WIDGET (already defined in p/a.md)",
            "p/b.md:14: threshold name `widget_days` is already used in p/a.md; threshold names must be unique across the library",
        ]
    );
}

#[test]
fn a_pack_overrides_and_extends_and_skips_broken_files() {
    let base = Library::builtin();
    let patch = fixture(
        "PERF-PATCH",
        "patch_days",
        "{{supplier}} shall patch within {{patch_days}} Calendar Days.",
    );
    let script = fixture(
        "X-SCRIPT",
        "script_days",
        "<script>alert(1)</script> within {{script_days}} Calendar Days.",
    );
    let broken = "+++\nid = \"X-BROKEN\"\n";
    let stolen = ok_file("X-STEAL", "roadmap_review_months");
    let files = [
        ("pack/PERF-PATCH.md", patch.as_str()),
        ("pack/X-SCRIPT.md", script.as_str()),
        ("pack/X-BROKEN.md", broken),
        ("pack/X-STEAL.md", stolen.as_str()),
    ];
    let (lib, diags) = base.with_pack(&files);
    let d: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(
        d[0],
        "pack/X-BROKEN.md:1: front matter opened with `+++` is never closed"
    );
    assert_eq!(
        d[1],
        "pack/X-STEAL.md:14: threshold name `roadmap_review_months` already belongs to ROADMAP (clauses/ROADMAP.md); choose another name"
    );
    // Overridden in place, new one added at the end of its pillar, broken ones skipped.
    assert_eq!(lib.requirements.len(), base.requirements.len() + 1);
    let pos = |l: &Library, id: &str| l.requirements.iter().position(|r| r.meta.id == id);
    assert_eq!(pos(&lib, "PERF-PATCH"), pos(&base, "PERF-PATCH"));
    assert_eq!(
        lib.requirements.last().map(|r| r.meta.id.as_str()),
        Some("X-SCRIPT")
    );
    assert!(lib.get("X-BROKEN").is_none() && lib.get("X-STEAL").is_none());
    let Some(p) = lib.get("PERF-PATCH") else {
        panic!("PERF-PATCH lost")
    };
    assert_eq!(p.source, "pack/PERF-PATCH.md");
    assert_eq!(
        lib.threshold_value("patch_days", &Default::default()),
        Some(10.0)
    );
    // Raw HTML in a pack body comes out escaped.
    let Some(s) = lib.get("X-SCRIPT") else {
        panic!("X-SCRIPT not added")
    };
    let html = model_language_html(s, &Values::default()).unwrap_or_default();
    assert_eq!(
        html,
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; within 10 Calendar Days.</p>\n"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_pack_text_never_panics(text in "\\PC*", cut in 0usize..1200) {
        let (lib, _) = Library::builtin().with_pack(&[("p/a.md", text.as_str())]);
        prop_assert!(lib.requirements.len() >= 35);
        // Truncated or spliced real files too.
        let real = ok_file("X-WIDGET", "widget_days");
        let mut spliced: String = real.chars().take(cut).collect();
        spliced.push_str(&text);
        let (lib, diags) = Library::builtin().with_pack(&[("p/b.md", spliced.as_str())]);
        prop_assert!(lib.get("X-WIDGET").is_some() || !diags.is_empty());
    }
}
