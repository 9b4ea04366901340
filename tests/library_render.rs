//! Rendering clause text for people: placeholders are filled from the values
//! (with clear errors), and Markdown from a pack can never inject HTML,
//! scripts, remote images or `javascript:` links into the page.
#![cfg(not(target_arch = "wasm32"))] // plain #[test]s do not run in the wasm runner

use expect_test::expect;
use mc2::library::placeholders::{PlaceholderError, render};
use mc2::library::{
    Library, Playbook, Values, markdown_to_safe_html, model_language_html, model_language_markdown,
};

fn values(supplier: &str, customer: &str, playbook: &[(&str, f64)]) -> Values {
    Values {
        supplier: supplier.into(),
        customer: customer.into(),
        playbook: Playbook {
            values: playbook.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        },
    }
}

#[test]
fn perf_patch_model_language_uses_the_playbook_value() {
    let lib = Library::builtin();
    let Some(req) = lib.get("PERF-PATCH") else {
        panic!("PERF-PATCH is missing from the built-in library");
    };
    let v = values("Vendor", "Hospital", &[("patch_days", 15.0)]);
    let md = model_language_markdown(req, &v).unwrap_or_else(|e| e.to_string());
    expect![[r#"
        (a) **Obligation.** For each Product, until its End of Guaranteed Support, Vendor shall make available to Hospital a Security Patch for every Vulnerability in the Product, whether the Vulnerability is in software Vendor developed or in a Third-Party Component, including the operating system.

        (b) **Standard period.** Vendor shall make each Security Patch available within 15 Calendar Days after the earlier of (i) the date on which the maker of an affected Third-Party Component releases a security update or fix for the Vulnerability, and (ii) the date on which Vendor or any Subcontractor first became aware of the Vulnerability, whether from its own monitoring, from a researcher or customer report, or from a public source.

        (c) **Exploited Vulnerabilities.** For an Exploited Vulnerability, Vendor shall make a Security Patch available out of its regular release cycle within 14 Calendar Days after the same trigger, and shall give Hospital written Compensating Controls without waiting for the Security Patch.

        (d) **Validation.** Vendor shall validate each Security Patch for the Regulated Configuration before release. The need for validation or for a regulatory submission does not suspend or extend the periods in paragraphs (b) and (c), except as paragraph (e) provides.

        (e) **When the period cannot be met.** If Vendor cannot make a Security Patch available within the applicable period, it shall, before that period ends, give Hospital in writing (i) the technical reason, (ii) Compensating Controls that reduce the risk until the Security Patch is deployed, and (iii) a committed release date. The committed date shall in no case be later than 90 Calendar Days after the trigger in paragraph (b), except that where the only cause of delay is that the maker of an affected Third-Party Component has not yet released a fix, the committed date shall be no later than 15 Calendar Days after that maker releases it. Providing Compensating Controls does not relieve Vendor of the obligation to deliver the Security Patch.

        (f) **Delivery.** Vendor shall deliver each Security Patch with release notes that identify the Vulnerabilities addressed, the affected models and versions, installation instructions, any effect on clinical function, and whether Vendor or Hospital is to deploy it. Where the Agreement or a service contract makes Vendor responsible for deployment, Vendor shall deploy the Security Patch within the same period that applies to making it available.

        (g) **Deployment by Hospital.** Hospital, or a third-party servicer acting for it, may install any Security Patch that Vendor has validated, following Vendor's instructions. Doing so shall not void or reduce any warranty, service entitlement or regulatory status of the Product.

        (h) **Cost.** Vendor shall provide every Security Patch, and perform any deployment allocated to it, at no charge beyond the price of the Product, whether or not Hospital holds a separate service contract."#]].assert_eq(&md);
    let html = model_language_html(req, &v).unwrap_or_default();
    assert!(html.contains("within 15 Calendar Days"), "{html}");
    assert!(
        html.starts_with("<p>(a) <strong>Obligation.</strong>"),
        "{html}"
    );
}

#[test]
fn placeholder_errors_say_what_is_wrong() {
    let lib = Library::builtin();
    let v = Values::default();
    let err = |text: &str| render(text, &v, &lib).map_err(|e| e.to_string());
    assert_eq!(
        err("{{supplier}} within {{patch_days}} days"),
        Ok("Supplier within 30 days".into())
    );
    expect![[r#"
        Err(
            "unknown placeholder `{{patch_dayz}}`: use {{supplier}}, {{customer}} or the name of a threshold declared in the same file",
        )
    "#]]
    .assert_debug_eq(&err("within {{patch_dayz}} days"));
    expect![[r#"
        Err(
            "malformed placeholder `{{patch_days days` at byte 7: expected `{{name}}`",
        )
    "#]]
    .assert_debug_eq(&err("within {{patch_days days"));
    let blank = values("  ", "Customer", &[]);
    assert_eq!(
        render("{{supplier}}", &blank, &lib),
        Err(PlaceholderError::Missing {
            name: "supplier".into()
        })
    );
    let negative = values("S", "C", &[("patch_days", -3.0)]);
    assert!(matches!(
        render("{{patch_days}}", &negative, &lib),
        Err(PlaceholderError::Invalid { .. })
    ));
}

#[test]
fn a_requirement_only_sees_its_own_thresholds() {
    let lib = Library::builtin();
    let Some(req) = lib.get("PERF-PATCH") else {
        panic!("PERF-PATCH is missing");
    };
    // A threshold of another requirement is unknown in PERF-PATCH's text.
    let other = lib
        .requirements
        .iter()
        .filter(|r| r.meta.id != "PERF-PATCH")
        .flat_map(|r| &r.meta.thresholds)
        .next()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    assert!(matches!(
        render(&format!("{{{{{other}}}}}"), &Values::default(), req),
        Err(PlaceholderError::Unknown { .. })
    ));
}

#[test]
fn raw_html_is_escaped_never_passed_through() {
    let html = markdown_to_safe_html(
        "Text <script>alert(1)</script> inline.\n\n<img src=x onerror=alert(2)>\n\n<div onclick=\"x()\">block</div>\n",
    );
    expect![[r#"
        <p>Text &lt;script&gt;alert(1)&lt;/script&gt; inline.</p>
        <p>&lt;img src=x onerror=alert(2)&gt;
        </p>
        <p>&lt;div onclick="x()"&gt;block&lt;/div&gt;
        </p>
    "#]]
    .assert_eq(&html);
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<div"));
}

#[test]
fn only_web_and_mail_links_survive_and_images_never_load() {
    let html = markdown_to_safe_html(
        "[ok](https://example.org) [mail](mailto:psirt@example.org) [bad](javascript:alert(1)) \
         [rel](../etc/passwd) <javascript:alert(3)> ![logo](https://tracker.example/p.png) \
         [![inner](http://x/i.png)](http://x/)",
    );
    expect![[r#"
        <p><a href="https://example.org">ok</a> <a href="mailto:psirt@example.org">mail</a> bad rel javascript:alert(3) logo <a href="http://x/">inner</a></p>
    "#]]
    .assert_eq(&html);
    assert!(!html.contains("javascript:alert(1)") && !html.contains("<img"));
}

#[test]
fn party_terms_from_the_user_are_escaped_too() {
    let lib = Library::builtin();
    let Some(req) = lib.get("PERF-PATCH") else {
        panic!("PERF-PATCH is missing");
    };
    let v = values("<b onmouseover=x>Acme</b>", "Hospital", &[]);
    let html = model_language_html(req, &v).unwrap_or_default();
    assert!(
        html.contains("&lt;b onmouseover=x&gt;Acme&lt;/b&gt;"),
        "{html}"
    );
    assert!(!html.contains("<b "));
}
