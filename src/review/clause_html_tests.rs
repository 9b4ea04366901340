//! Tests for the clause markup and its lazily built tooltip: untrusted text is
//! escaped everywhere it is written, the test hooks are present, and keys
//! follow content (including the tooltip's, so no stale tooltip is reused).

use super::*;
use crate::review::view::ClauseRole;
use expect_test::expect;

fn plain(text: &str) -> Run {
    Run {
        text: text.into(),
        evidence: false,
        inserted: false,
        deleted: false,
    }
}

#[test]
fn pasted_markup_stays_text() {
    let html = clause_html(
        0,
        &ClauseInfo::default(),
        &[plain(
            "1. <script>alert('x')</script> & \"quoted\" <img src=x onerror=y>",
        )],
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    expect![[r#"<div class="clause st-none depth-0" data-testid="clause" data-reqs="" data-status="none" tabindex="0"><div class="ctext">1. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;img src=x onerror=y&gt;</div></div>"#]].assert_eq(&html);
}

fn weak_patch_role() -> ClauseInfo {
    ClauseInfo {
        roles: vec![ClauseRole {
            req: "PERF-PATCH".into(),
            title: "Security \"patches\"".into(),
            status: Status::Weak,
            reasons: vec!["only <on request>".into()],
        }],
        phrases: vec![],
    }
}

#[test]
fn clause_with_a_role_has_badge_and_hooks_but_no_tooltip_up_front() {
    let info = weak_patch_role();
    let runs = [
        plain("7.1 Supplier may provide "),
        Run {
            text: "patches".into(),
            evidence: true,
            inserted: false,
            deleted: false,
        },
        Run {
            text: "old".into(),
            evidence: false,
            inserted: false,
            deleted: true,
        },
        Run {
            text: " within 30 days".into(),
            evidence: false,
            inserted: true,
            deleted: false,
        },
    ];
    let html = clause_html(7, &info, &runs);
    expect![[r#"<div class="clause st-weak depth-4" data-testid="clause" data-reqs="PERF-PATCH" data-status="weak" tabindex="0"><div class="clause-tag"><span class="badge st-weak"><span aria-hidden="true">&#x25bd;</span> weak</span></div><div class="ctext">7.1 Supplier may provide <mark class="evidence">patches</mark><del class="redline-del" title="Removed by the assistant">old</del><ins class="redline-ins" title="Inserted model language"> within 30 days</ins></div></div>"#]].assert_eq(&html);
}

#[test]
fn tooltip_lists_requirement_status_word_title_and_escaped_reasons() {
    let html = tip_html("tip-3", &weak_patch_role());
    expect![[r#"<div class="tip" role="note" id="tip-3"><p class="tip-h">What this clause does for MC2</p><ul><li><span class="badge st-weak"><span aria-hidden="true">▽</span> weak</span> <strong>PERF-PATCH</strong> — Security &quot;patches&quot;<ul class="reasons"><li>only &lt;on request&gt;</li></ul></li></ul></div>"#]].assert_eq(&html);
}

#[test]
fn hostile_requirement_ids_titles_and_reasons_stay_text_in_the_tooltip() {
    let info = ClauseInfo {
        roles: vec![ClauseRole {
            req: "<img src=x onerror=y>".into(),
            title: "<iframe src=x></iframe>".into(),
            status: Status::Conflict,
            reasons: vec!["<script>alert('x')</script> & \"q\"".into()],
        }],
        phrases: vec![],
    };
    let html = tip_html("tip-\" onfocus=\"y", &info);
    for bad in ["<img", "<iframe", "<script", "\" onfocus"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
    assert!(
        html.contains("✕</span> conflict"),
        "status as icon and word: {html}"
    );
}

#[test]
fn a_clause_that_serves_no_requirement_has_no_tooltip() {
    assert_eq!(tip_html("tip-1", &ClauseInfo::default()), "");
}

#[test]
fn fingerprint_changes_with_the_tooltip_content_not_only_the_markup() {
    let runs = [plain("same")];
    let fp = |info: &ClauseInfo| fingerprint(1, info, &runs);
    let a = weak_patch_role();
    let mut b = a.clone();
    b.roles[0].reasons = vec!["a different reason".into()];
    assert_ne!(fp(&a), fp(&b));
    let mut c = a.clone();
    c.roles[0].title = "Another title".into();
    assert_ne!(fp(&a), fp(&c));
    assert_eq!(fp(&a), fp(&a.clone()));
    assert_ne!(fp(&a), fingerprint(1, &a, &[plain("other")]));
}

#[test]
fn fingerprint_changes_whenever_the_markup_does() {
    // Everything clause_html writes comes from depth (capped at 4), the roles
    // (status, requirement IDs) and the runs: same inputs, same markup and
    // fingerprint; any difference in the markup is a different fingerprint.
    let info = weak_patch_role();
    let mut ev = plain("b");
    ev.evidence = true;
    let cases: Vec<(usize, ClauseInfo, Vec<Run>)> = vec![
        (0, info.clone(), vec![plain("ab")]),
        (1, info.clone(), vec![plain("ab")]),
        (4, info.clone(), vec![plain("ab")]),
        (0, ClauseInfo::default(), vec![plain("ab")]),
        (0, info.clone(), vec![plain("a"), ev.clone()]),
        (0, info.clone(), vec![plain("a"), plain("b")]),
        (0, info.clone(), vec![plain("ab"), plain("")]),
    ];
    for (i, x) in cases.iter().enumerate() {
        for y in &cases[i + 1..] {
            let (hx, hy) = (clause_html(x.0, &x.1, &x.2), clause_html(y.0, &y.1, &y.2));
            if hx != hy {
                assert_ne!(
                    fingerprint(x.0, &x.1, &x.2),
                    fingerprint(y.0, &y.1, &y.2),
                    "{hx} / {hy}"
                );
            }
        }
    }
    // Depth beyond 4 renders as depth 4, and fingerprints the same.
    assert_eq!(
        fingerprint(7, &info, &[plain("ab")]),
        fingerprint(4, &info, &[plain("ab")])
    );
}

#[test]
fn requirement_ids_are_escaped_in_the_attribute() {
    let info = ClauseInfo {
        roles: vec![ClauseRole {
            req: "X\" onfocus=\"y".into(),
            title: "t".into(),
            status: Status::Strong,
            reasons: vec![],
        }],
        phrases: vec![],
    };
    let html = clause_html(0, &info, &[plain("a")]);
    assert!(
        html.contains("data-reqs=\"X&quot; onfocus=&quot;y\""),
        "{html}"
    );
}

#[test]
fn keys_follow_content_and_tell_duplicates_apart() {
    let none = ClauseInfo::default();
    let f = |t: &str| fingerprint(0, &none, &[plain(t)]);
    let (a, b) = (f("a"), f("b"));
    let k1 = keys(&[a, b, a]);
    assert_ne!(k1[0], k1[2], "identical clauses need distinct keys");
    assert_eq!(k1.len(), 3);
    // A clause inserted in front leaves the others' keys unchanged.
    let k2 = keys(&[f("new"), a, b]);
    assert_eq!(k2[1], k1[0]);
    assert_eq!(k2[2], k1[1]);
}

#[test]
fn evidence_links_escape_their_labels() {
    let html = evidence_links([(0, "1.1"), (7, "<b>\"x\"</b> & y")]);
    expect![[r#"<p class="from">From clause <button type="button" class="link" data-clause="0" aria-label="Show clause 1.1">1.1</button><button type="button" class="link" data-clause="7" aria-label="Show clause &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y">&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y</button></p>"#]].assert_eq(&html);
    assert_eq!(evidence_links([]), "");
}

#[test]
fn clause_icons_are_character_references_of_the_status_icons() {
    for s in [
        Status::Strong,
        Status::Partial,
        Status::Weak,
        Status::Conflict,
        Status::Missing,
    ] {
        let r = status_icon_ref(s);
        let code = u32::from_str_radix(&r[3..r.len() - 1], 16).unwrap();
        assert_eq!(char::from_u32(code).unwrap().to_string(), status_icon(s));
    }
}
