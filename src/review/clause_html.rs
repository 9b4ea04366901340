//! One clause of the contract pane as an HTML string, so the browser builds it
//! with one `innerHTML` parse instead of thousands of DOM calls (a 100-page
//! contract has ~1,800 clauses), and the clause's "what this clause does for
//! MC2" tooltip as a separate string, which the app builds only when the
//! clause is first hovered or focused (parsing every tooltip up front cost
//! ~75 ms of a 100-page paste). Pure and natively tested: every piece of
//! contract text, reason, requirement ID and title is escaped here, because a
//! pasted contract or a custom clause pack is untrusted input.

use super::view::{ClauseInfo, Run};
use crate::engine::Status;
use std::fmt::Write;

/// Icon for a status (decorative; the word carries the meaning).
pub fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Strong => "✓",
        Status::Partial => "◐",
        Status::Weak => "▽",
        Status::Conflict => "✕",
        Status::Missing => "○",
    }
}

/// The icon of [`status_icon`] as a character reference, so a clause's markup
/// stays ASCII when the contract is: the browser decodes the ~700 KB of a
/// 100-page contract's markup from wasm memory several times faster then
/// (~2 ms -> ~0.3 ms measured in Chromium) and parses it as fast.
fn status_icon_ref(s: Status) -> &'static str {
    match s {
        Status::Strong => "&#x2713;",
        Status::Partial => "&#x25d0;",
        Status::Weak => "&#x25bd;",
        Status::Conflict => "&#x2715;",
        Status::Missing => "&#x25cb;",
    }
}

/// Append `s` escaped for HTML text and double-quoted attribute values.
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

fn badge(out: &mut String, s: Status, icon: &str) {
    let _ = write!(
        out,
        "<span class=\"badge st-{}\"><span aria-hidden=\"true\">{icon}</span> {}</span>",
        s.as_str(),
        s.label()
    );
}

fn run(out: &mut String, r: &Run) {
    let (open, close) = if r.deleted {
        (
            "<del class=\"redline-del\" title=\"Removed by the assistant\">",
            "</del>",
        )
    } else if r.inserted && r.evidence {
        (
            "<ins class=\"redline-ins\"><mark class=\"evidence\">",
            "</mark></ins>",
        )
    } else if r.inserted {
        (
            "<ins class=\"redline-ins\" title=\"Inserted model language\">",
            "</ins>",
        )
    } else if r.evidence {
        ("<mark class=\"evidence\">", "</mark>")
    } else {
        ("", "")
    };
    out.push_str(open);
    escape_into(out, &r.text);
    out.push_str(close);
}

/// The clause element: `data-testid="clause"` with `data-reqs` and
/// `data-status`, a status badge and the text runs (evidence marked, redline
/// insertions and deletions). The tooltip is not part of it: see [`tip_html`].
pub fn clause_html(depth: usize, info: &ClauseInfo, runs: &[Run]) -> String {
    let text_len: usize = runs.iter().map(|r| r.text.len()).sum();
    let mut out = String::with_capacity(text_len + 200);
    let status = info.status();
    let st = status.map(|s| s.as_str()).unwrap_or("none");
    let _ = write!(
        out,
        "<div class=\"clause st-{st} depth-{}\" data-testid=\"clause\" data-reqs=\"",
        depth.min(4)
    );
    escape_into(&mut out, &info.reqs());
    let _ = write!(out, "\" data-status=\"{st}\" tabindex=\"0\">");
    if let Some(s) = status {
        out.push_str("<div class=\"clause-tag\">");
        badge(&mut out, s, status_icon_ref(s));
        out.push_str("</div>");
    }
    out.push_str("<div class=\"ctext\">");
    for r in runs {
        run(&mut out, r);
    }
    out.push_str("</div></div>");
    out
}

/// The "what this clause does for MC2" tooltip of a clause, with element id
/// `id` (the clause points `aria-describedby` at it, so a screen reader reads
/// it on focus): each requirement the clause serves, its status as a badge
/// (icon and word, never colour alone), its title and the engine's reasons.
/// Empty when the clause serves no requirement (it then has no tooltip).
pub fn tip_html(id: &str, info: &ClauseInfo) -> String {
    if info.roles.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(300);
    out.push_str("<div class=\"tip\" role=\"note\" id=\"");
    escape_into(&mut out, id);
    out.push_str("\"><p class=\"tip-h\">What this clause does for MC2</p><ul>");
    for r in &info.roles {
        out.push_str("<li>");
        badge(&mut out, r.status, status_icon(r.status));
        out.push_str(" <strong>");
        escape_into(&mut out, &r.req);
        out.push_str("</strong> — ");
        escape_into(&mut out, &r.title);
        if !r.reasons.is_empty() {
            out.push_str("<ul class=\"reasons\">");
            for x in &r.reasons {
                out.push_str("<li>");
                escape_into(&mut out, x);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
    out
}

/// A finding's "From clause" paragraph as markup: one `<button class="link">`
/// per evidence clause, carrying the clause's index in `data-clause` (one
/// listener on the finding scrolls to it); empty without evidence. A finding
/// in a 100-page contract cites hundreds of clauses: one parse of one element
/// is far cheaper than building and diffing as many components on every
/// analysis.
pub fn evidence_links<'a>(labels: impl IntoIterator<Item = (usize, &'a str)>) -> String {
    let mut out = String::new();
    for (i, label) in labels {
        if out.is_empty() {
            out.push_str("<p class=\"from\">From clause ");
        }
        let _ = write!(
            out,
            "<button type=\"button\" class=\"link\" data-clause=\"{i}\" aria-label=\"Show clause "
        );
        escape_into(&mut out, label);
        out.push_str("\">");
        escape_into(&mut out, label);
        out.push_str("</button>");
    }
    if !out.is_empty() {
        out.push_str("</p>");
    }
    out
}

/// A fingerprint of everything a clause shows: what its markup is made of
/// (depth, status, requirements, text runs; see [`clause_html`]) and its
/// tooltip's content (roles, statuses, titles, reasons). Two clauses with the
/// same fingerprint look the same, hovered or not, so one's DOM element (with
/// a tooltip already built in it) can stand in for the other's. It is taken
/// from the inputs, not the markup, so a re-analysis builds markup only for
/// the clauses whose element cannot be reused (a 100-page contract's markup
/// is ~700 KB; most of it is unchanged from one analysis to the next).
pub fn fingerprint(depth: usize, info: &ClauseInfo, runs: &[Run]) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    depth.min(4).hash(&mut h);
    info.status().map(|s| s.as_str()).hash(&mut h);
    for r in runs {
        r.text.hash(&mut h);
        (r.evidence, r.inserted, r.deleted).hash(&mut h);
    }
    runs.len().hash(&mut h);
    for r in &info.roles {
        r.req.hash(&mut h);
        r.title.hash(&mut h);
        r.status.as_str().hash(&mut h);
        r.reasons.hash(&mut h);
    }
    info.roles.len().hash(&mut h);
    h.finish()
}

/// A stable key per clause for the keyed list, from its [`fingerprint`]: the
/// same content gets the same key in the next analysis (so an unchanged
/// clause is neither re-built nor moved, and keeps its tooltip), and repeated
/// identical clauses get distinct keys.
pub fn keys(fingerprints: &[u64]) -> Vec<String> {
    use std::collections::HashMap;
    let mut seen: HashMap<u64, usize> = HashMap::with_capacity(fingerprints.len());
    fingerprints
        .iter()
        .map(|&k| {
            let n = seen.entry(k).or_insert(0);
            *n += 1;
            format!("{k:x}-{n}")
        })
        .collect()
}

#[cfg(test)]
#[path = "clause_html_tests.rs"]
mod tests;
