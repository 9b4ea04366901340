//! `mc2 clauses check [DIR]`, `mc2 clauses list` and `mc2 addendum`.
//!
//! Why: pack authors need a quick "is my pack right?" with `file:line`
//! messages, and a hospital can print a complete addendum without the app.
//! This file does the IO (reading packs and values files); the checks and the
//! text come from `mc2::library`. `read_pack_dir` and `load_library` are also
//! used by `mc2 analyze --pack DIR`.

use mc2::library::{
    AddendumOptions, CATALOG, Diagnostic, Library, Mode, RoadmapRow, Values, addendum_markdown,
    placeholders::check_playbook, validate_files,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const USAGE: &str =
    "usage: mc2 clauses check [DIR] | mc2 clauses check --full DIR | mc2 clauses list [--pack DIR]";

/// Read every `*.md` file of a pack directory, sorted by name, as
/// `(path, text)` pairs for [`Library::with_pack`].
pub fn read_pack_dir(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read pack directory {}: {e}", dir.display()))?;
    let mut paths: Vec<_> = rd
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let text =
                String::from_utf8(text).map_err(|_| format!("{}: not UTF-8 text", p.display()))?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

/// The built-in library with an optional pack applied, and the pack's
/// problems (invalid files are skipped, so the caller may go on with a warning).
pub fn load_library(pack: Option<&Path>) -> Result<(Library, Vec<Diagnostic>), String> {
    let base = Library::builtin();
    match pack {
        None => Ok((base, Vec::new())),
        Some(dir) => Ok(base.with_pack(&read_pack_dir(dir)?)),
    }
}

/// Write to stdout; a closed pipe (`mc2 clauses list | head`) is not an error.
fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}

fn report(diags: &[Diagnostic], count: usize) -> Result<(), String> {
    if diags.is_empty() {
        return emit(&format!("ok: {count} requirements\n"));
    }
    let text: String = diags.iter().map(|d| format!("{d}\n")).collect();
    emit(&text)?;
    Err(format!("{} problem(s) found", diags.len()))
}

/// `mc2 clauses …`
pub fn clauses(args: &[String]) -> Result<(), String> {
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check"] => {
            let files = Library::builtin_files();
            report(&validate_files(&files, Mode::Builtin), files.len())
        }
        ["check", "--full", dir] => {
            let files = read_pack_dir(Path::new(dir))?;
            report(&validate_files(&files, Mode::Builtin), files.len())
        }
        ["check", dir] if !dir.starts_with('-') => {
            let files = read_pack_dir(Path::new(dir))?;
            if files.is_empty() {
                return Err(format!("{dir}: no *.md clause files found"));
            }
            let (_, diags) = Library::builtin().with_pack(&files);
            report(&diags, files.len())
        }
        ["list"] => list(None),
        ["list", "--pack", dir] => list(Some(Path::new(dir))),
        _ => Err(USAGE.into()),
    }
}

fn list(pack: Option<&Path>) -> Result<(), String> {
    let (lib, diags) = load_library(pack)?;
    for d in &diags {
        eprintln!("warning: {d}");
    }
    let mut text = String::new();
    for r in &lib.requirements {
        let origin = if CATALOG.contains(&r.meta.id.as_str()) {
            ""
        } else {
            "  (pack)"
        };
        text.push_str(&format!(
            "{:<18} {:<24} {:<9} {}{origin}\n",
            r.meta.id,
            r.meta.pillar.label(),
            r.meta.priority.label(),
            r.meta.title
        ));
    }
    emit(&text)
}

/// The values file of `mc2 addendum --values FILE` (TOML or JSON).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ValuesFile {
    supplier: Option<String>,
    customer: Option<String>,
    supplier_name: Option<String>,
    customer_name: Option<String>,
    #[serde(default)]
    playbook: BTreeMap<String, f64>,
    #[serde(default)]
    include: Option<Vec<String>>,
    #[serde(default)]
    roadmap: Vec<RoadmapRow>,
}

fn read_values(path: &Path) -> Result<ValuesFile, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let is_json = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("json"));
    if is_json {
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    } else {
        toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))
    }
}

/// `mc2 addendum [--values FILE] [--pack DIR]`
pub fn addendum(args: &[String]) -> Result<(), String> {
    let mut values_path = None;
    let mut pack = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--values" => values_path = Some(it.next().ok_or("--values needs a file")?),
            "--pack" => pack = Some(it.next().ok_or("--pack needs a directory")?),
            other => {
                return Err(format!(
                    "addendum: unexpected argument `{other}` (usage: mc2 addendum [--values FILE] [--pack DIR])"
                ));
            }
        }
    }
    let file = match values_path {
        Some(p) => read_values(Path::new(p))?,
        None => ValuesFile::default(),
    };
    let (lib, diags) = load_library(pack.map(Path::new))?;
    for d in &diags {
        eprintln!("warning: skipped pack file: {d}");
    }
    let defaults = Values::default();
    let values = Values {
        supplier: file.supplier.unwrap_or(defaults.supplier),
        customer: file.customer.unwrap_or(defaults.customer),
        playbook: mc2::library::Playbook {
            values: file.playbook,
        },
    };
    let problems = check_playbook(&lib, &values);
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let opts = AddendumOptions {
        include: file.include,
        roadmap_rows: file.roadmap,
        supplier_name: file.supplier_name,
        customer_name: file.customer_name,
    };
    let md = addendum_markdown(&lib, &values, &opts).map_err(|e| e.to_string())?;
    emit(&md)
}
