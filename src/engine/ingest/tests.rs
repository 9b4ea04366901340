//! Unit tests for ingest: each test is a kind of paste people really make.

use super::*;

fn norm(s: &str) -> String {
    normalize(s).text
}

/// Every normalised char maps to a char boundary of the original, monotonically.
fn check_map(original: &str) {
    let n = normalize(original);
    let mut last = 0;
    for (i, _) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
        let o = n.to_original(i);
        assert!(original.is_char_boundary(o), "offset {o} splits a char");
        assert!(o >= last, "map goes backwards at {i}");
        last = o;
        let e = n.end_to_original(i);
        assert!(original.is_char_boundary(e) && e <= original.len());
    }
}

#[test]
fn crlf_and_lone_cr_become_newlines() {
    assert_eq!(norm("One.\r\nTwo.\rThree."), "One.\nTwo.\nThree.");
}

#[test]
fn smart_quotes_ligatures_and_spaces() {
    let s =
        "\u{201c}Product\u{201d} means the \u{fb01}rmware\u{a0}of Supplier\u{2019}s device\u{2026}";
    assert_eq!(
        norm(s),
        "\"Product\" means the firmware of Supplier's device..."
    );
    check_map(s);
}

#[test]
fn soft_hyphens_zero_width_and_full_width_digits() {
    let s = "secu\u{ad}rity\u{200b} within \u{ff13}\u{ff10} days";
    assert_eq!(norm(s), "security within 30 days");
    check_map(s);
}

#[test]
fn words_hyphenated_across_lines_are_rejoined() {
    let s = "The Supplier shall provide secu-\nrity patches promptly.";
    assert_eq!(
        norm(s),
        "The Supplier shall provide security patches promptly."
    );
    let n = normalize(s);
    let at = n.text.find("patches").unwrap_or(0);
    assert_eq!(&s[n.to_original(at)..n.to_original(at) + 7], "patches");
}

#[test]
fn hard_wraps_join_but_not_before_numbers_bullets_or_headings() {
    let s = "1.1 The Supplier shall notify the Customer of any\nvulnerability within ten days.\n1.2 Next clause.\n\u{2022} bullet one\n\u{2022} bullet two\nSECURITY\nThe Supplier shall comply.";
    expect_test::expect![[r#"
        1.1 The Supplier shall notify the Customer of any vulnerability within ten days.
        1.2 Next clause.
        - bullet one
        - bullet two
        SECURITY
        The Supplier shall comply."#]]
    .assert_eq(&norm(s));
}

#[test]
fn heading_line_keeps_its_break() {
    assert_eq!(
        norm("5. SECURITY PATCHES\nSupplier shall patch."),
        "5. SECURITY PATCHES\nSupplier shall patch."
    );
    assert_eq!(
        norm("Security Patches\nSupplier shall patch."),
        "Security Patches\nSupplier shall patch."
    );
}

#[test]
fn repeated_headers_and_page_numbers_are_removed() {
    let mut s = String::new();
    let body = [
        (
            "The Supplier shall maintain a security program for the",
            "Product and shall provide",
        ),
        (
            "timely notice of each vulnerability that affects the",
            "Product, and shall provide",
        ),
        (
            "security patches for the Product within thirty days",
            "after release.",
        ),
    ];
    for (p, (a, b)) in body.iter().enumerate() {
        s.push_str("ACME CONFIDENTIAL\n");
        s.push_str(&format!("{a}\n{b}\n"));
        s.push_str(&format!("Page {} of 3\n", p + 1));
    }
    let n = normalize(&s);
    assert!(!n.text.contains("CONFIDENTIAL"), "{}", n.text);
    assert!(!n.text.contains("Page 2"), "{}", n.text);
    assert!(n.text.contains("shall provide timely notice"), "{}", n.text);
    check_map(&s);
}

#[test]
fn a_single_number_line_is_kept() {
    assert!(norm("Total units:\n12\nDelivered.").contains("12"));
}

#[test]
fn spans_map_back_to_the_users_text() {
    let s = "\u{201c}Vulnerability\u{201d} means a weakness.";
    let n = normalize(s);
    let start = n.text.find("Vulnerability").unwrap_or(0);
    let sp = n.span_to_original(Span::new(start - 1, start + 14));
    assert_eq!(&s[sp.start..sp.end], "\u{201c}Vulnerability\u{201d}");
}

#[test]
fn dropped_furniture_is_outside_span_ends() {
    let s = "Line one ends here.\nHEADER\nHEADER\nHEADER\nPage 1\nPage 2\n";
    let n = normalize(s);
    let sp = n.span_to_original(Span::new(0, n.text.find('\n').unwrap_or(0)));
    assert_eq!(&s[sp.start..sp.end], "Line one ends here.");
    check_map(s);
}

#[test]
fn map_is_exact_on_mixed_scripts() {
    for s in [
        "",
        "\r",
        "\r\n\r\n",
        "é\u{301}\u{ad}\n-",
        "مرحبا\u{a0}بالعالم — 安全 🙂\u{200d}🙂\tﬁ\r\n",
        "x-\ny- \n\u{2028}z",
        "\u{2022}\n\u{2022}x\n–\n",
    ] {
        check_map(s);
    }
}
