//! Robustness of the text stages: arbitrary strings (proptest), absurd
//! numbering depths, a million-character line, mixed scripts and a 10 MB
//! input. Nothing may panic; clause ranges must stay in bounds, ordered, on
//! char boundaries of the user's original text, and nested in their parents.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use mc2::engine::ingest::normalize;
use mc2::engine::numbers::durations;
use mc2::engine::parties::detect;
use mc2::engine::segment::segment;
use mc2::engine::{Clause, Span};
use proptest::prelude::*;
use std::time::Instant;

fn run(original: &str) -> Vec<Clause> {
    let n = normalize(original);
    let mut cs = segment(&n.text);
    for c in &mut cs {
        c.range = n.span_to_original(c.range);
    }
    for d in durations(&n.text) {
        let s = n.span_to_original(d.span);
        assert!(original.is_char_boundary(s.start) && original.is_char_boundary(s.end));
        assert!(d.value.is_finite() && d.value >= 0.0);
    }
    let _ = detect(original, &cs);
    check(original, &cs);
    cs
}

fn check(original: &str, cs: &[Clause]) {
    let mut last = 0;
    for (i, c) in cs.iter().enumerate() {
        let Span { start, end } = c.range;
        assert!(
            start <= end && end <= original.len(),
            "clause {i}: {start}..{end} of {}",
            original.len()
        );
        assert!(
            original.is_char_boundary(start) && original.is_char_boundary(end),
            "clause {i} splits a char"
        );
        assert!(start >= last, "clause {i} starts before clause {}", i - 1);
        last = start;
        if let Some(p) = c.parent {
            assert!(p < i && c.depth == cs[p].depth + 1);
            assert!(
                cs[p].range.start <= start && end <= cs[p].range.end,
                "clause {i} escapes its parent"
            );
        }
    }
}

/// Text made of the pieces contracts are made of, in random order.
fn contractish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1. ".to_string()),
        Just("1.2.3 ".to_string()),
        Just("(a) ".to_string()),
        Just("(i) ".to_string()),
        Just("ARTICLE IV\n".to_string()),
        Just("Section 5 ".to_string()),
        Just("Exhibit B - ".to_string()),
        Just("\"Term\" means ".to_string()),
        Just("SECURITY PATCHES\n".to_string()),
        Just("within thirty (30) days after confirmation".to_string()),
        Just("secu-\nrity ".to_string()),
        Just("Page 2 of 9\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{201c}\u{fb01}\u{ad}\u{a0}\u{2022} ".to_string()),
        Just("مرحبا 安全 🙂\u{200d} é\u{301} ".to_string()),
        "[a-zA-Z .,;()\"-]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings_never_break_the_tree(s in any::<String>()) {
        run(&s);
    }

    #[test]
    fn contract_like_strings_never_break_the_tree(s in contractish()) {
        run(&s);
    }

    #[test]
    fn normalised_offsets_map_monotonically(s in contractish()) {
        let n = normalize(&s);
        let mut last = 0;
        for (i, _) in n.text.char_indices() {
            let o = n.to_original(i);
            prop_assert!(s.is_char_boundary(o) && o >= last && o <= s.len());
            last = o;
        }
    }
}

#[test]
fn huge_numbering_depths() {
    let deep = (1..=2000)
        .map(|i| (i % 9 + 1).to_string())
        .collect::<Vec<_>>()
        .join(".");
    let mut s = format!("{deep} Deep clause.\n");
    // Every line one level deeper than the last.
    let mut label = String::from("1");
    for _ in 0..300 {
        s.push_str(&format!("{label} Text at this level.\n"));
        label.push_str(".1");
    }
    for c in ["(a)", "(i)", "(A)", "(1)"].iter().cycle().take(400) {
        s.push_str(&format!("{c} nested item\n"));
    }
    let cs = run(&s);
    assert!(cs.len() >= 700, "{} clauses", cs.len());
    assert!(cs.iter().all(|c| c.depth <= 64));
}

#[test]
fn million_character_line_and_mixed_scripts() {
    let line = "The Supplier shall patch 安全 مرحبا 🙂 é\u{301} within 30 days. ".repeat(20_000);
    assert!(line.chars().count() >= 1_000_000);
    let cs = run(&line);
    assert!(cs.len() > 100, "an overlong line falls back to sentences");
    let no_spaces = "x".repeat(1_000_000);
    let cs = run(&no_spaces);
    assert!(cs.iter().all(|c| c.range.len() <= 1500));
    assert_eq!(cs.last().map(|c| c.range.end), Some(no_spaces.len()));
}

#[test]
fn ten_megabytes_complete_quickly() {
    let sample = mc2::sample::SAMPLE_CONTRACT;
    let mut s = String::with_capacity(10_500_000);
    while s.len() < 10_000_000 {
        s.push_str(sample);
    }
    let t = Instant::now();
    let cs = run(&s);
    let secs = t.elapsed().as_secs_f64();
    eprintln!("10 MB: {} clauses in {secs:.2}s", cs.len());
    assert!(cs.len() > 10_000);
    // Generous bound for debug builds on a shared 2-core machine; release is ~50x faster.
    assert!(secs < 20.0, "10 MB took {secs:.1}s");
}
