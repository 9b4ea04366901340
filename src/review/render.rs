//! Model language as contract text: placeholders filled from [`Values`] and
//! Markdown reduced to plain numbered paragraphs, ready to insert into the
//! user's document. (The library renders the *display* HTML; inserted text
//! must be plain, because it becomes part of the contract.)

use crate::library::{Direction, Library, Unit, Values};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Format a threshold value the way a contract writes it ("30", "0.5").
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A threshold unit in words ("calendar days").
pub fn unit_label(u: Unit) -> &'static str {
    match u {
        Unit::Hours => "hours",
        Unit::BusinessDays => "business days",
        Unit::CalendarDays => "calendar days",
        Unit::Months => "months",
        Unit::Years => "years",
    }
}

/// A threshold direction in words ("at most").
pub fn direction_label(d: Direction) -> &'static str {
    match d {
        Direction::AtMost => "at most",
        Direction::AtLeast => "at least",
    }
}

/// The value of placeholder `name`, if known.
pub fn placeholder(name: &str, lib: &Library, values: &Values) -> Option<String> {
    match name {
        "supplier" => Some(values.supplier.clone()),
        "customer" => Some(values.customer.clone()),
        _ => lib.threshold_value(name, &values.playbook).map(number),
    }
}

/// Replace every `{{name}}` in `md`; unknown names become `[name]` so a gap
/// is visible rather than silently dropped.
pub fn fill(md: &str, lib: &Library, values: &Values) -> String {
    let mut out = String::with_capacity(md.len() + 32);
    let mut rest = md;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find("}}") {
            Some(j) => {
                let name = after[..j].trim();
                match placeholder(name, lib, values) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('[');
                        out.push_str(name);
                        out.push(']');
                    }
                }
                rest = &after[j + 2..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown → plain text: one line per paragraph or list item, emphasis
/// dropped, raw HTML kept as literal text (never interpreted).
pub fn plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let newline = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) | Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                newline(&mut out)
            }
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// The model language of `req`, filled and plain. `None` if the library has no such requirement.
pub fn model_text(req: &str, lib: &Library, values: &Values) -> Option<String> {
    let r = lib.get(req)?;
    Some(plain(&fill(&r.body.model_language, lib, values)))
}

/// The fallback position of `req`, filled and plain.
pub fn fallback_text(req: &str, lib: &Library, values: &Values) -> Option<String> {
    let r = lib.get(req)?;
    Some(plain(&fill(&r.body.fallback, lib, values)))
}

/// Placeholder names used by a requirement's model language and fallback, in first-use order.
pub fn placeholders(req: &str, lib: &Library) -> Vec<String> {
    let Some(r) = lib.get(req) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for md in [&r.body.model_language, &r.body.fallback] {
        let mut rest = md.as_str();
        while let Some(i) = rest.find("{{") {
            let after = &rest[i + 2..];
            let Some(j) = after.find("}}") else { break };
            let name = after[..j].trim().to_string();
            if !out.contains(&name) {
                out.push(name);
            }
            rest = &after[j + 2..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_parties_and_thresholds_and_flags_unknowns() {
        let lib = Library::builtin();
        let mut v = Values {
            supplier: "Vendor".into(),
            customer: "Hospital".into(),
            ..Values::default()
        };
        v.playbook
            .values
            .insert("roadmap_review_months".into(), 6.0);
        let s = fill(
            "{{supplier}} and {{customer}} every {{roadmap_review_months}} months {{nope}}",
            &lib,
            &v,
        );
        assert_eq!(s, "Vendor and Hospital every 6 months [nope]");
    }

    #[test]
    fn markdown_becomes_plain_paragraph_lines() {
        let s = plain("(a) **Bold.** one\ntwo\n\n(b) <script>x</script> three");
        assert_eq!(s, "(a) Bold. one two\n(b) <script>x</script> three");
    }

    #[test]
    fn numbers_print_like_a_contract() {
        assert_eq!(number(30.0), "30");
        assert_eq!(number(0.5), "0.5");
    }
}
