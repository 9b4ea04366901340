//! One clause of the contract pane as an HTML string, so the browser builds it
//! with one `innerHTML` parse instead of thousands of DOM calls (a 100-page
//! contract has ~1,800 clauses). Pure and natively tested: every piece of
//! contract text, reason, requirement ID and title is escaped here, because a
//! pasted contract or a custom clause pack is untrusted input. The markup is
//! what the clause component used to build node by node (same classes, test
//! hooks and tooltip); clauses carry no event handlers, only CSS hover/focus.

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

fn badge(out: &mut String, s: Status) {
    let _ = write!(
        out,
        "<span class=\"badge st-{}\"><span aria-hidden=\"true\">{}</span> {}</span>",
        s.as_str(),
        status_icon(s),
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
/// `data-status`, a status badge, the text runs (evidence marked, redline
/// insertions and deletions), and the "what this clause does" tooltip.
pub fn clause_html(depth: usize, info: &ClauseInfo, runs: &[Run]) -> String {
    let text_len: usize = runs.iter().map(|r| r.text.len()).sum();
    let mut out = String::with_capacity(text_len + 400);
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
        badge(&mut out, s);
        out.push_str("</div>");
    }
    out.push_str("<div class=\"ctext\">");
    for r in runs {
        run(&mut out, r);
    }
    out.push_str("</div>");
    if !info.roles.is_empty() {
        out.push_str(
            "<div class=\"tip\" role=\"note\"><p class=\"tip-h\">What this clause does for MC2</p><ul>",
        );
        for r in &info.roles {
            out.push_str("<li>");
            badge(&mut out, r.status);
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
    }
    out.push_str("</div>");
    out
}

/// A stable key per clause for the keyed list: the same markup gets the same
/// key in the next analysis (so an unchanged clause is neither re-built nor
/// moved), and repeated identical clauses get distinct keys.
pub fn keys(htmls: &[String]) -> Vec<String> {
    use std::collections::HashMap;
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut seen: HashMap<u64, usize> = HashMap::with_capacity(htmls.len());
    htmls
        .iter()
        .map(|h| {
            let mut hasher = DefaultHasher::new();
            h.hash(&mut hasher);
            let k = hasher.finish();
            let n = seen.entry(k).or_insert(0);
            *n += 1;
            format!("{k:x}-{n}")
        })
        .collect()
}

#[cfg(test)]
#[path = "clause_html_tests.rs"]
mod tests;
