//! Safe Markdown → HTML for clause text, and the rendered model language.
//!
//! Why: a pack is untrusted input and its text ends up in the browser. Raw
//! HTML (block or inline) is shown as text, never passed through; links keep
//! only `http`, `https` and `mailto` targets (anything else, such as
//! `javascript:`, becomes plain text); images are never loaded, their alt text
//! is shown instead, so rendering a clause can never make a network request.

use super::placeholders::{PlaceholderError, render};
use super::{Requirement, Values};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Whether a link target may be kept: `http:`, `https:` or `mailto:` only.
pub fn allowed_link(dest: &str) -> bool {
    let d = dest.trim().to_ascii_lowercase();
    d.starts_with("http://") || d.starts_with("https://") || d.starts_with("mailto:")
}

/// Render Markdown to HTML safely (see the module docs). Tables and
/// strikethrough are enabled.
pub fn markdown_to_safe_html(md: &str) -> String {
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    // Links cannot nest, but an image can sit inside a link: track both.
    let mut kept_links: Vec<bool> = Vec::new();
    let events = parser.filter_map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = allowed_link(&dest_url);
            kept_links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => {
            let keep = kept_links.pop().unwrap_or(false);
            keep.then_some(Event::End(TagEnd::Link))
        }
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::FootnoteReference(s) => Some(Event::Text(CowStr::from(format!("[^{s}]")))),
        other => Some(other),
    });
    let mut out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A requirement's model language with placeholders filled (Markdown).
pub fn model_language_markdown(
    req: &Requirement,
    values: &Values,
) -> Result<String, PlaceholderError> {
    render(&req.body.model_language, values, req)
}

/// A requirement's model language with placeholders filled, as safe HTML.
pub fn model_language_html(req: &Requirement, values: &Values) -> Result<String, PlaceholderError> {
    model_language_markdown(req, values).map(|md| markdown_to_safe_html(&md))
}

/// Any Markdown section of a requirement (fallback, why, notes) filled and
/// rendered as safe HTML.
pub fn section_html(
    req: &Requirement,
    markdown: &str,
    values: &Values,
) -> Result<String, PlaceholderError> {
    render(markdown, values, req).map(|md| markdown_to_safe_html(&md))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ordinary_markdown() {
        assert_eq!(
            markdown_to_safe_html("**Obligation.** See [FDA](https://www.fda.gov)."),
            "<p><strong>Obligation.</strong> See <a href=\"https://www.fda.gov\">FDA</a>.</p>\n"
        );
    }
}
