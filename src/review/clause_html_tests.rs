//! Tests for the clause markup: untrusted text is escaped everywhere it is
//! written, the test hooks are present, and keys follow content.

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

#[test]
fn clause_with_a_role_has_badge_tip_and_hooks() {
    let info = ClauseInfo {
        roles: vec![ClauseRole {
            req: "PERF-PATCH".into(),
            title: "Security \"patches\"".into(),
            status: Status::Weak,
            reasons: vec!["only <on request>".into()],
        }],
        phrases: vec![],
    };
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
    expect![[r#"<div class="clause st-weak depth-4" data-testid="clause" data-reqs="PERF-PATCH" data-status="weak" tabindex="0"><div class="clause-tag"><span class="badge st-weak"><span aria-hidden="true">▽</span> weak</span></div><div class="ctext">7.1 Supplier may provide <mark class="evidence">patches</mark><del class="redline-del" title="Removed by the assistant">old</del><ins class="redline-ins" title="Inserted model language"> within 30 days</ins></div><div class="tip" role="note"><p class="tip-h">What this clause does for MC2</p><ul><li><span class="badge st-weak"><span aria-hidden="true">▽</span> weak</span> <strong>PERF-PATCH</strong> — Security &quot;patches&quot;<ul class="reasons"><li>only &lt;on request&gt;</li></ul></li></ul></div></div>"#]].assert_eq(&html);
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
    let a = "<div>a</div>".to_string();
    let b = "<div>b</div>".to_string();
    let k1 = keys(&[a.clone(), b.clone(), a.clone()]);
    assert_ne!(k1[0], k1[2], "identical clauses need distinct keys");
    assert_eq!(k1.len(), 3);
    // A clause inserted in front leaves the others' keys unchanged.
    let k2 = keys(&["<div>new</div>".to_string(), a, b]);
    assert_eq!(k2[1], k1[0]);
    assert_eq!(k2[2], k1[1]);
}
