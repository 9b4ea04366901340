//! `{{placeholder}}` substitution in model language and notes.
//!
//! Why: clause files never hard-code party names or figures; the defined terms
//! for the parties (`{{supplier}}`, `{{customer}}`) and every number (the name
//! of a threshold, e.g. `{{patch_days}}`) are filled in from [`Values`] when the
//! text is shown or inserted. An unknown name, a missing value or a broken
//! `{{` is an error with a message a person can act on, never silent output.

use super::{Library, Requirement, Threshold, Values};

/// One `{{name}}` occurrence: the trimmed name and its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// Why a text could not be filled in.
#[derive(Debug, Clone, PartialEq)]
pub enum PlaceholderError {
    /// `{{name}}` names neither a party nor a threshold in scope.
    Unknown { name: String },
    /// The name is known but has no usable value (e.g. an empty party term).
    Missing { name: String },
    /// The value is not a finite positive number.
    Invalid { name: String, value: f64 },
    /// `{{` without a closing `}}`, or a name that is not `[A-Za-z_][A-Za-z0-9_]*`.
    Malformed { at: usize, text: String },
}

impl std::fmt::Display for PlaceholderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaceholderError::Unknown { name } => write!(
                f,
                "unknown placeholder `{{{{{name}}}}}`: use {{{{supplier}}}}, {{{{customer}}}} or the name of a threshold declared in the same file"
            ),
            PlaceholderError::Missing { name } => {
                write!(f, "no value given for placeholder `{{{{{name}}}}}`")
            }
            PlaceholderError::Invalid { name, value } => write!(
                f,
                "value {value} for `{{{{{name}}}}}` is not a positive number"
            ),
            PlaceholderError::Malformed { at, text } => {
                write!(
                    f,
                    "malformed placeholder `{text}` at byte {at}: expected `{{{{name}}}}`"
                )
            }
        }
    }
}

impl std::error::Error for PlaceholderError {}

fn valid_name(name: &str) -> bool {
    let mut c = name.chars();
    matches!(c.next(), Some(f) if f.is_ascii_alphabetic() || f == '_')
        && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
}

/// Every `{{name}}` in `text`, in order. A `{{` that is not closed on the same
/// line, or encloses something that is not a name, is a `Malformed` error.
pub fn find_placeholders(text: &str) -> Result<Vec<Placeholder>, PlaceholderError> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rel) = text[pos..].find("{{") {
        let start = pos + rel;
        let after = start + 2;
        let line_end = text[after..].find('\n').map_or(text.len(), |i| after + i);
        let Some(close) = text[after..line_end].find("}}") else {
            let snippet: String = text[start..line_end].chars().take(40).collect();
            return Err(PlaceholderError::Malformed {
                at: start,
                text: snippet,
            });
        };
        let end = after + close + 2;
        let name = text[after..after + close].trim();
        if !valid_name(name) {
            return Err(PlaceholderError::Malformed {
                at: start,
                text: text[start..end].to_string(),
            });
        }
        out.push(Placeholder {
            name: name.to_string(),
            start,
            end,
        });
        pos = end;
    }
    Ok(out)
}

/// Format a threshold value for prose: `30`, not `30.0`; `1.5` stays `1.5`.
pub fn format_number(v: f64) -> String {
    format!("{v}")
}

/// Where placeholder names are looked up: the thresholds in scope.
pub trait Scope {
    /// The threshold called `name`, if it is in scope.
    fn find_threshold(&self, name: &str) -> Option<&Threshold>;
}

impl Scope for Library {
    fn find_threshold(&self, name: &str) -> Option<&Threshold> {
        self.threshold(name)
    }
}

impl Scope for Requirement {
    fn find_threshold(&self, name: &str) -> Option<&Threshold> {
        self.meta.thresholds.iter().find(|t| t.name == name)
    }
}

/// The text for one placeholder name.
pub fn value_of(
    name: &str,
    values: &Values,
    scope: &impl Scope,
) -> Result<String, PlaceholderError> {
    let party = match name {
        "supplier" => Some(&values.supplier),
        "customer" => Some(&values.customer),
        _ => None,
    };
    if let Some(term) = party {
        let term = term.trim();
        if term.is_empty() {
            return Err(PlaceholderError::Missing { name: name.into() });
        }
        return Ok(term.to_string());
    }
    let Some(t) = scope.find_threshold(name) else {
        return Err(PlaceholderError::Unknown { name: name.into() });
    };
    let value = values.playbook.values.get(name).copied().unwrap_or(t.value);
    if !value.is_finite() || value <= 0.0 {
        return Err(PlaceholderError::Invalid {
            name: name.into(),
            value,
        });
    }
    Ok(format_number(value))
}

/// Fill every placeholder in `text`. `scope` is a [`Requirement`] (its own
/// thresholds, as clause files must use) or a whole [`Library`].
pub fn render(text: &str, values: &Values, scope: &impl Scope) -> Result<String, PlaceholderError> {
    let found = find_placeholders(text)?;
    let mut out = String::with_capacity(text.len() + 32);
    let mut last = 0;
    for p in &found {
        out.push_str(&text[last..p.start]);
        out.push_str(&value_of(&p.name, values, scope)?);
        last = p.end;
    }
    out.push_str(&text[last..]);
    Ok(out)
}

/// Problems with a playbook against a library: names that are no threshold
/// (usually a typo) and values that are not finite positive numbers.
pub fn check_playbook(lib: &Library, values: &Values) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, v) in &values.playbook.values {
        if lib.threshold(name).is_none() {
            problems.push(format!(
                "playbook value `{name}` names no threshold in the library"
            ));
        } else if !v.is_finite() || *v <= 0.0 {
            problems.push(format!(
                "playbook value `{name}` = {v} is not a positive number"
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_rejects_broken_braces() {
        let p = find_placeholders("a {{ supplier }} b {{x_1}}").unwrap_or_default();
        let names: Vec<_> = p.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["supplier", "x_1"]);
        assert!(matches!(
            find_placeholders("within {{patch_days calendar days"),
            Err(PlaceholderError::Malformed { .. })
        ));
        assert!(matches!(
            find_placeholders("{{two words}}"),
            Err(PlaceholderError::Malformed { .. })
        ));
    }

    #[test]
    fn numbers_read_like_prose() {
        assert_eq!(format_number(30.0), "30");
        assert_eq!(format_number(1.5), "1.5");
    }
}
