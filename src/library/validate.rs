//! The clause-file validator, used by the tests and by `mc2 clauses check`.
//!
//! Why: clause files and packs are written by people and packs are untrusted,
//! so every rule of the format (`docs/CLAUSE_FORMAT.md`) is checked here with
//! a message naming the file and line, instead of surfacing later as a wrong
//! analysis or a panic. Parsing is done by [`parse_file`]; this module adds the
//! rules TOML cannot express (placeholders, thresholds, cue regexes, the
//! catalogue).

use super::catalog::{CATALOG, looks_like_id};
use super::placeholders::find_placeholders;
use super::{Diagnostic, Requirement, parse_file};
use regex_lite::Regex;
use std::collections::BTreeMap;

/// What a set of files is meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The built-in library: exactly the catalogue IDs, one file each, named `<ID>.md`.
    Builtin,
    /// A user pack: overrides catalogue IDs or adds new, well-formed IDs.
    Pack,
}

/// Crosswalk keys a clause file may use.
pub const CROSSWALK_KEYS: [&str; 7] = [
    "fda",
    "mds2",
    "iec_81001_5_1",
    "iec_62443",
    "ntia_sbom",
    "eu_cra",
    "hipaa",
];

/// Validate a set of clause files `(name, text)`; an empty result means valid.
pub fn validate_files<N: AsRef<str>, T: AsRef<str>>(
    files: &[(N, T)],
    mode: Mode,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (file, text) in files {
        let (file, text) = (file.as_ref(), text.as_ref());
        match check_file(file, text, mode) {
            Ok(req) => diags.extend(cross_check(&req, text, &mut ids, &mut names)),
            Err(d) => diags.extend(d),
        }
    }
    if mode == Mode::Builtin {
        for id in CATALOG {
            if !ids.contains_key(id) {
                diags.push(Diagnostic {
                    file: format!("clauses/{id}.md"),
                    line: 1,
                    message: format!("catalogue ID {id} has no clause file"),
                });
            }
        }
    }
    diags
}

/// Duplicate IDs and threshold names across files. `ids` and `names` map
/// what was seen to the file it was first seen in.
pub(crate) fn cross_check(
    req: &Requirement,
    text: &str,
    ids: &mut BTreeMap<String, String>,
    names: &mut BTreeMap<String, String>,
) -> Vec<Diagnostic> {
    let lines: Vec<&str> = text.lines().collect();
    let mut diags = Vec::new();
    let file = &req.source;
    if let Some(first) = ids.get(&req.meta.id) {
        diags.push(Diagnostic {
            file: file.clone(),
            line: key_line(&lines, "id", &req.meta.id),
            message: format!("duplicate ID {} (already defined in {first})", req.meta.id),
        });
    } else {
        ids.insert(req.meta.id.clone(), file.clone());
    }
    for t in &req.meta.thresholds {
        if let Some(first) = names.get(&t.name) {
            diags.push(Diagnostic {
                file: file.clone(),
                line: key_line(&lines, "name", &t.name),
                message: format!(
                    "threshold name `{}` is already used in {first}; threshold names must be unique across the library",
                    t.name
                ),
            });
        } else {
            names.insert(t.name.clone(), file.clone());
        }
    }
    diags
}

/// The 1-based line of `key = "value"` (either quote style), else 1.
fn key_line(lines: &[&str], key: &str, value: &str) -> usize {
    let quoted = [format!("\"{value}\""), format!("'{value}'")];
    lines
        .iter()
        .position(|l| {
            let t = l.trim_start();
            t.starts_with(key)
                && t[key.len()..].trim_start().starts_with('=')
                && quoted.iter().any(|q| t.contains(q.as_str()))
        })
        .map_or(1, |i| i + 1)
}

/// The 1-based line of the first line containing `needle` (as a TOML string
/// in either quote style, or verbatim), else `fallback`.
fn string_line(lines: &[&str], needle: &str, fallback: usize) -> usize {
    let quoted = [format!("'{needle}'"), format!("\"{needle}\"")];
    lines
        .iter()
        .position(|l| quoted.iter().any(|q| l.contains(q.as_str())))
        .or_else(|| lines.iter().position(|l| l.contains(needle)))
        .map_or(fallback, |i| i + 1)
}

fn file_stem(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".md").unwrap_or(base)
}

fn valid_threshold_name(name: &str) -> bool {
    let mut c = name.chars();
    matches!(c.next(), Some(f) if f.is_ascii_lowercase())
        && c.all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_')
}

/// Check one file on its own. `Ok` only when it has no problem at all.
pub fn check_file(file: &str, text: &str, mode: Mode) -> Result<Requirement, Vec<Diagnostic>> {
    let req = parse_file(file, text)?;
    let lines: Vec<&str> = text.lines().collect();
    let mut diags = Vec::new();
    let mut push = |line: usize, message: String| {
        diags.push(Diagnostic {
            file: file.to_string(),
            line,
            message,
        })
    };
    let m = &req.meta;
    let fm_end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "+++")
        .map_or(1, |i| i + 2);

    // Identity.
    let id_line = key_line(&lines, "id", &m.id);
    if !looks_like_id(&m.id) {
        push(
            id_line,
            format!(
                "ID `{}` is not an ID: use upper-case letters, digits and hyphens, starting with a letter (e.g. `PDM-AUTH`)",
                m.id
            ),
        );
    } else if mode == Mode::Builtin {
        if !CATALOG.contains(&m.id.as_str()) {
            push(
                id_line,
                format!("unknown ID {}: it is not in the catalogue", m.id),
            );
        }
        if file_stem(file) != m.id {
            push(
                id_line,
                format!(
                    "ID {} does not match the file name (expected {}.md)",
                    m.id, m.id
                ),
            );
        }
    }
    for (key, value) in [("title", &m.title), ("principle", &m.principle)] {
        if value.trim().is_empty() {
            push(key_line(&lines, key, value), format!("`{key}` is empty"));
        }
    }
    for key in m.crosswalk.keys() {
        if !CROSSWALK_KEYS.contains(&key.as_str()) {
            let line = lines
                .iter()
                .position(|l| l.trim_start().starts_with(key.as_str()))
                .map_or(1, |i| i + 1);
            push(
                line,
                format!(
                    "unknown crosswalk key `{key}` (allowed: {})",
                    CROSSWALK_KEYS.join(", ")
                ),
            );
        }
    }

    // Thresholds.
    let mut seen = Vec::new();
    for t in &m.thresholds {
        let line = key_line(&lines, "name", &t.name);
        if !valid_threshold_name(&t.name) || matches!(t.name.as_str(), "supplier" | "customer") {
            push(
                line,
                format!(
                    "threshold name `{}` must be lower_snake_case and not `supplier`/`customer`",
                    t.name
                ),
            );
        }
        if seen.contains(&&t.name) {
            push(
                line,
                format!("threshold `{}` is declared twice in this file", t.name),
            );
        }
        seen.push(&t.name);
        if !t.value.is_finite() || t.value <= 0.0 {
            let vline = lines
                .iter()
                .enumerate()
                .skip(line)
                .find(|(_, l)| l.trim_start().starts_with("value"))
                .map_or(line, |(i, _)| i + 1);
            push(
                vline,
                format!(
                    "threshold `{}` has value {}; it must be a positive number",
                    t.name, t.value
                ),
            );
        }
        for (what, s) in [("label", &t.label), ("source", &t.source)] {
            if s.trim().is_empty() {
                push(line, format!("threshold `{}` has an empty {what}", t.name));
            }
        }
        if t.context.iter().any(|c| c.trim().is_empty()) {
            push(
                line,
                format!("threshold `{}` has an empty context word", t.name),
            );
        }
    }

    // Cues.
    let cues_line = lines
        .iter()
        .position(|l| l.trim() == "[cues]")
        .map_or(fm_end, |i| i + 1);
    let c = &m.cues;
    if c.concepts.iter().all(|s| s.trim().is_empty()) && c.patterns.is_empty() {
        push(cues_line, "no topic cues: give at least one concept or pattern, or the requirement can never be found".into());
    }
    for (kind, list) in [("concepts", &c.concepts), ("headings", &c.headings)] {
        for s in list.iter().filter(|s| s.trim().is_empty()) {
            push(
                string_line(&lines, s, cues_line),
                format!("empty entry in cues.{kind}"),
            );
        }
    }
    for (kind, list) in [
        ("patterns", &c.patterns),
        ("strong", &c.strong),
        ("weak", &c.weak),
        ("conflict", &c.conflict),
        ("exclude", &c.exclude),
    ] {
        for pat in list {
            let line = string_line(&lines, pat, cues_line);
            if let Some(e) = super::pattern::engine_error(pat) {
                push(
                    line,
                    format!("cues.{kind}: regex `{pat}` does not compile: {e}"),
                );
                continue;
            }
            match Regex::new(&format!("(?i){pat}")) {
                Err(e) => push(
                    line,
                    format!("cues.{kind}: regex `{pat}` does not compile: {e}"),
                ),
                Ok(re) if re.is_match("") => push(
                    line,
                    format!(
                        "cues.{kind}: regex `{pat}` matches the empty string, so it would match everything"
                    ),
                ),
                Ok(_) => {
                    if let Some(word) = dead_plural(pat) {
                        let spelled = match word.strip_suffix('y') {
                            Some(stem) => format!("{stem}(y|ies)"),
                            None => format!("{word}(es)?"),
                        };
                        push(
                            line,
                            format!(
                                "cues.{kind}: regex `{pat}`: `{word}` followed by `s?` never matches its plural; spell it out, e.g. `{spelled}`"
                            ),
                        );
                    }
                }
            }
        }
    }

    // Body: sections, placeholders, hard-coded figures.
    let section_line = |heading: &str| {
        lines
            .iter()
            .position(|l| l.trim().eq_ignore_ascii_case(heading))
            .map(|i| i + 1)
    };
    let last = lines.len().max(1);
    let b = &req.body;
    for (heading, text) in [
        ("## Model language", &b.model_language),
        ("## Fallback", &b.fallback),
        ("## Why it matters", &b.why),
        ("### For the hospital", &b.notes_customer),
        ("### For the manufacturer", &b.notes_supplier),
    ] {
        if text.trim().is_empty() {
            match section_line(heading) {
                Some(l) => push(l, format!("section `{heading}` is empty")),
                None => push(last, format!("section `{heading}` is missing")),
            }
        }
    }
    let figure = Regex::new(
        r"(?i)(\b\d+|\(\d+\))[\s-]*(calendar |business |working )?(hours?|days?|weeks?|months?|years?)\b",
    );
    for (i, l) in lines.iter().enumerate().skip(fm_end) {
        match find_placeholders(l) {
            Err(e) => push(i + 1, e.to_string()),
            Ok(found) => {
                for p in found {
                    let declared = matches!(p.name.as_str(), "supplier" | "customer")
                        || m.thresholds.iter().any(|t| t.name == p.name);
                    if !declared {
                        push(
                            i + 1,
                            format!(
                                "placeholder `{{{{{}}}}}` is not declared: use {{{{supplier}}}}, {{{{customer}}}} or a threshold declared in this file",
                                p.name
                            ),
                        );
                    }
                }
            }
        }
        if let Ok(re) = &figure
            && let Some(hit) = re.find(l)
        {
            push(
                i + 1,
                format!(
                    "hard-coded figure `{}`: declare a threshold and write its {{{{placeholder}}}} instead",
                    hit.as_str()
                ),
            );
        }
    }
    if diags.is_empty() {
        Ok(req)
    } else {
        Err(diags)
    }
}

/// A word (or an alternative of a group) that `s?` pluralises, when the
/// plural of that word is not made by adding "s" ("fix" → "fixes", "apply"
/// → "applies"): `security (update|fix)s?\b` never matches "security
/// fixes", a mistake the shipped pack had. Returns the word.
fn dead_plural(pat: &str) -> Option<String> {
    static GROUP: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    static WORD: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let group = GROUP.get_or_init(|| Regex::new(r"\(([^()]*)\)s\?\\b").expect("valid"));
    let word = WORD.get_or_init(|| Regex::new(r"[A-Za-z]+s\?\\b").expect("valid"));
    // A plural made with "es" or "ies": ends in x, ch, sh, or a consonant and y.
    let odd = |w: &str| {
        let w = w.to_ascii_lowercase();
        let b = w.as_bytes();
        w.ends_with('x')
            || w.ends_with("ch")
            || w.ends_with("sh")
            || (b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]))
    };
    let plain = |w: &str| {
        w.bytes()
            .all(|c| c.is_ascii_alphabetic() || c == b' ' || c == b'-')
    };
    for c in group.captures_iter(pat) {
        if let Some(a) = c[1].split('|').find(|a| plain(a) && odd(a)) {
            return Some(a.to_string());
        }
    }
    word.find_iter(pat).find_map(|m| {
        let before = pat[..m.start()].chars().next_back();
        // `\bfixs?`: the first letter after a backslash is an escape.
        let w = &m.as_str()[..m.as_str().len() - 4];
        let w = if before == Some('\\') { &w[1..] } else { w };
        (!w.is_empty() && odd(w)).then(|| w.to_string())
    })
}
