//! Parse one clause file: `+++` TOML front matter, then `## ` sections.

use super::{Body, Diagnostic, FrontMatter, Requirement};

/// Parse a clause file. `file` is only used to name it in diagnostics.
pub fn parse_file(file: &str, text: &str) -> Result<Requirement, Vec<Diagnostic>> {
    let diag = |line: usize, message: String| Diagnostic {
        file: file.to_string(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(vec![diag(
            1,
            "expected `+++` on the first line to open the front matter".into(),
        )]);
    }
    let mut fm = String::new();
    let mut line_no = 1;
    let mut closed = false;
    for l in lines.by_ref() {
        line_no += 1;
        if l.trim_end() == "+++" {
            closed = true;
            break;
        }
        fm.push_str(l);
    }
    if !closed {
        return Err(vec![diag(
            1,
            "front matter opened with `+++` is never closed".into(),
        )]);
    }
    let meta: FrontMatter = toml::from_str(&fm).map_err(|e| {
        // toml spans are byte offsets inside the front matter; line 2 is its first line.
        let line = e
            .span()
            .map(|s| {
                let upto = &fm.as_bytes()[..s.start.min(fm.len())];
                upto.iter().filter(|b| **b == b'\n').count() + 2
            })
            .unwrap_or(2);
        vec![diag(line, format!("front matter: {}", e.message()))]
    })?;
    let body_start_line = line_no + 1;
    let rest: String = lines.collect();
    let body = parse_body(&rest).map_err(|(rel, msg)| vec![diag(body_start_line + rel, msg)])?;
    Ok(Requirement {
        meta,
        body,
        source: file.to_string(),
    })
}

/// Split the Markdown body into its sections. Errors carry a 0-based line
/// offset relative to the body start.
fn parse_body(md: &str) -> Result<Body, (usize, String)> {
    let mut body = Body::default();
    let mut current: Option<&mut String> = None;
    let mut in_notes = false;
    for (i, line) in md.lines().enumerate() {
        if let Some(h) = line.strip_prefix("## ") {
            in_notes = false;
            current = match h.trim().to_ascii_lowercase().as_str() {
                "model language" => Some(&mut body.model_language),
                "fallback" => Some(&mut body.fallback),
                "why it matters" => Some(&mut body.why),
                "negotiation notes" => {
                    in_notes = true;
                    None
                }
                other => return Err((i, format!("unknown section `## {other}`"))),
            };
            continue;
        }
        if in_notes && let Some(h) = line.strip_prefix("### ") {
            let h = h.trim().to_ascii_lowercase();
            current = if h.contains("hospital") || h.contains("customer") {
                Some(&mut body.notes_customer)
            } else if h.contains("manufacturer") || h.contains("supplier") {
                Some(&mut body.notes_supplier)
            } else {
                return Err((i, format!("unknown negotiation-notes heading `### {h}`")));
            };
            continue;
        }
        if let Some(s) = current.as_deref_mut() {
            s.push_str(line);
            s.push('\n');
        }
    }
    for s in [
        &mut body.model_language,
        &mut body.fallback,
        &mut body.why,
        &mut body.notes_customer,
        &mut body.notes_supplier,
    ] {
        *s = s.trim().to_string();
    }
    Ok(body)
}
