//! `mc2 analyze`, `mc2 batch`, `mc2 eval`, `mc2 bench`: file handling and
//! output formats around the pure engine (`mc2::engine`).
//!
//! Every input problem (missing, binary, empty, not UTF-8, too large) is a
//! one-line error, never a panic.

use crate::export::ExportOpts;
use mc2::engine::{Engine, Options, Perspective, Report, Status, eval, synth};
use mc2::library::{Library, Playbook};
use std::collections::BTreeMap;
use std::time::Instant;

/// Largest contract we accept (bytes).
const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Read a text file people gave us, with a message for every way it can be wrong.
pub fn read_text(path: &str) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{path} is a directory, not a file"));
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "{path} is {} MB; the limit is {} MB",
            meta.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!("{path} is empty"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(format!(
            "{path} looks like a .docx/zip file; save it as plain text first"
        ));
    }
    if bytes.contains(&0) {
        return Err(format!("{path} looks like a binary file, not text"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path} is not valid UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Load a pack directory over the library (the library helper's loader);
/// problems in pack files are printed as warnings, the valid files apply.
fn with_pack(lib: Library, dir: &str) -> Result<Library, String> {
    let files = crate::clauses::read_pack_dir(std::path::Path::new(dir))?;
    let (lib, diags) = lib.with_pack(&files);
    for d in diags {
        eprintln!("mc2: warning: {d}");
    }
    Ok(lib)
}

/// A playbook file: TOML or JSON, either `{name = value}` or `[values]`.
fn read_playbook(path: &str) -> Result<Playbook, String> {
    let text = read_text(path)?;
    let table: BTreeMap<String, f64> = if text.trim_start().starts_with('{') {
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{path}: not valid JSON ({e})"))?;
        let obj = v.get("values").unwrap_or(&v);
        serde_json::from_value(obj.clone())
            .map_err(|e| format!("{path}: values must be numbers ({e})"))?
    } else {
        let v: toml::Table = text
            .parse()
            .map_err(|e| format!("{path}: not valid TOML ({e})"))?;
        let obj = match v.get("values") {
            Some(toml::Value::Table(t)) => t.clone(),
            _ => v,
        };
        let mut out = BTreeMap::new();
        for (k, val) in obj {
            let n = match val {
                toml::Value::Integer(i) => i as f64,
                toml::Value::Float(f) => f,
                _ => return Err(format!("{path}: `{k}` must be a number")),
            };
            out.insert(k, n);
        }
        out
    };
    Ok(Playbook { values: table })
}

enum Format {
    Human,
    Json,
    Csv,
    Markdown,
}

/// Common options of `analyze` and `batch`.
struct Common {
    opts: Options,
    lib: Library,
}

fn common_flag(c: &mut Common, args: &[String], i: usize) -> Result<usize, String> {
    let value = |name: &str| {
        args.get(i + 1)
            .cloned()
            .ok_or_else(|| format!("{name} needs a value"))
    };
    match args[i].as_str() {
        "--playbook" => {
            c.opts.playbook = read_playbook(&value("--playbook")?)?;
            Ok(2)
        }
        "--pack" => {
            c.lib = with_pack(std::mem::take(&mut c.lib), &value("--pack")?)?;
            Ok(2)
        }
        "--perspective" => {
            c.opts.perspective = match value("--perspective")?.as_str() {
                "customer" | "hospital" | "hdo" => Perspective::Customer,
                "supplier" | "manufacturer" | "mdm" => Perspective::Supplier,
                o => {
                    return Err(format!(
                        "--perspective must be customer or supplier, not `{o}`"
                    ));
                }
            };
            Ok(2)
        }
        _ => Ok(0),
    }
}

pub fn analyze(args: &[String]) -> Result<(), String> {
    let mut export_opts = ExportOpts::default();
    let mut c = Common {
        opts: Options::default(),
        lib: Library::builtin(),
    };
    let mut format = Format::Human;
    let mut file = None;
    let mut i = 0;
    while i < args.len() {
        let used = export_opts.take(args, i)?;
        if used > 0 {
            i += used;
            continue;
        }
        let used = common_flag(&mut c, args, i)?;
        if used > 0 {
            i += used;
            continue;
        }
        match args[i].as_str() {
            "--json" => format = Format::Json,
            "--csv" => format = Format::Csv,
            "--markdown" | "--md" => format = Format::Markdown,
            a if a.starts_with('-') => return Err(format!("analyze: unknown option `{a}`")),
            a if file.is_none() => file = Some(a.to_string()),
            a => return Err(format!("analyze: unexpected argument `{a}`")),
        }
        i += 1;
    }
    let file = file.ok_or("analyze: which file? (mc2 analyze FILE)")?;
    // .docx, .txt and .md, with encoding detection and the same limits as the app.
    let opened = crate::export::read_contract(&file)?;
    let text = opened.text.clone();
    let engine = Engine::new(&c.lib);
    let report = engine.analyze(&text, &c.opts);
    let out = match format {
        Format::Human => human(&report, &file),
        Format::Json => {
            serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))?
                + "\n"
        }
        Format::Csv => csv(&[(file.clone(), &report)]),
        Format::Markdown => markdown(&report, &file),
    };
    print!("{out}");
    let values = crate::export::values_for(&report, &c.opts.playbook);
    crate::export::run(&export_opts, &opened, &report, &c.lib, &values)?;
    Ok(())
}

fn human(r: &Report, file: &str) -> String {
    let mut s = format!("{file}: {} clauses\n", r.clauses.len());
    if let (Some(sup), Some(cus)) = (&r.parties.supplier, &r.parties.customer) {
        s += &format!("parties: supplier = {sup}, customer = {cus}\n");
    }
    let mut counts = BTreeMap::new();
    for f in &r.findings {
        *counts.entry(f.status.label()).or_insert(0) += 1;
    }
    s += &format!(
        "summary: {}\n\n",
        counts
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for f in &r.findings {
        let mark = if f.risk { "!" } else { " " };
        s += &format!(
            "{mark} {:<18} {:<12} {}\n",
            f.req,
            f.status.label(),
            f.title
        );
        if let Some(reason) = f.reasons.first() {
            s += &format!("      {reason}\n");
        }
    }
    s
}

fn markdown(r: &Report, file: &str) -> String {
    let mut s = format!(
        "# MC2 review of {file}\n\n| Requirement | Status | Risk | Reason |\n|---|---|---|---|\n"
    );
    for f in &r.findings {
        s += &format!(
            "| {} {} | {} | {} | {} |\n",
            f.req,
            f.title.replace('|', "/"),
            f.status.label(),
            if f.risk { "yes" } else { "no" },
            f.reasons
                .first()
                .map_or("", |x| x.as_str())
                .replace('|', "/")
        );
    }
    s
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(rows: &[(String, &Report)]) -> String {
    let mut s = String::from("contract,requirement,status,risk,priority,clauses,reason\n");
    for (file, r) in rows {
        for f in &r.findings {
            let clauses: Vec<String> = f
                .evidence
                .iter()
                .map(|e| {
                    r.clauses
                        .get(e.clause)
                        .and_then(|c| c.label.clone())
                        .unwrap_or_else(|| format!("#{}", e.clause + 1))
                })
                .collect();
            s += &format!(
                "{},{},{},{},{},{},{}\n",
                csv_field(file),
                f.req,
                f.status.as_str(),
                f.risk,
                f.priority.label(),
                csv_field(&clauses.join(" ")),
                csv_field(f.reasons.first().map_or("", |x| x.as_str()))
            );
        }
    }
    s
}

pub fn batch(args: &[String]) -> Result<(), String> {
    let mut c = Common {
        opts: Options::default(),
        lib: Library::builtin(),
    };
    let (mut dir, mut out) = (None, None);
    let mut i = 0;
    while i < args.len() {
        let used = common_flag(&mut c, args, i)?;
        if used > 0 {
            i += used;
            continue;
        }
        match args[i].as_str() {
            "--csv" => {
                out = Some(args.get(i + 1).ok_or("--csv needs a file name")?.clone());
                i += 1;
            }
            a if a.starts_with('-') => return Err(format!("batch: unknown option `{a}`")),
            a => dir = Some(a.to_string()),
        }
        i += 1;
    }
    let dir = dir.ok_or("batch: which directory? (mc2 batch DIR --csv OUT.csv)")?;
    let out = out.ok_or("batch: --csv OUT.csv is required")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot open {dir}: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    files.sort();
    let engine = Engine::new(&c.lib);
    let mut reports = Vec::new();
    let n = files.len();
    for (k, p) in files.iter().enumerate() {
        let name = p.display().to_string();
        eprintln!("[{}/{n}] {name}", k + 1);
        match read_text(&name) {
            Ok(text) => reports.push((name, engine.analyze(&text, &c.opts))),
            Err(e) => eprintln!("  skipped: {e}"),
        }
    }
    let rows: Vec<(String, &Report)> = reports.iter().map(|(n, r)| (n.clone(), r)).collect();
    std::fs::write(&out, csv(&rows)).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!(
        "wrote {} rows to {out}",
        rows.len() * c.lib.requirements.len()
    );
    Ok(())
}

pub fn eval(args: &[String]) -> Result<(), String> {
    let verbose = args.iter().any(|a| a == "--errors");
    let mut lib = Library::builtin();
    let mut rest: Vec<&String> = Vec::new();
    let mut it = args.iter().filter(|a| *a != "--errors");
    while let Some(a) = it.next() {
        if a == "--pack" {
            let dir = it.next().ok_or("eval: --pack needs a directory")?;
            lib = with_pack(lib, dir)?;
        } else {
            rest.push(a);
        }
    }
    let args = rest;
    let engine = Engine::new(&lib);
    let opts = Options::default();
    match args.as_slice() {
        [flag, dir] if flag.as_str() == "--docs" => {
            let mut docs = Vec::new();
            let mut names: Vec<_> = std::fs::read_dir(dir.as_str())
                .map_err(|e| format!("cannot open {dir}: {e}"))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            names.sort();
            for p in names {
                let labels = p.with_extension("labels.json");
                if !labels.exists() {
                    continue;
                }
                let name = p.display().to_string();
                docs.push((
                    name.clone(),
                    read_text(&name)?,
                    read_text(&labels.display().to_string())?,
                ));
            }
            if docs.is_empty() {
                return Err(format!("{dir}: no *.txt with *.labels.json found"));
            }
            let s = eval::eval_docs(&engine, &docs, &opts)?;
            println!("{}", serde_json::to_string(&s).map_err(|e| e.to_string())?);
            Ok(())
        }
        [file] => {
            let text = read_text(file)?;
            let (s, misses) = eval::eval_clauses(&engine, &text, &opts)?;
            if verbose {
                for m in &misses {
                    eprintln!("{} gold={:?} pred={:?}", m.id, m.gold, m.predicted);
                    for r in &m.reasons {
                        eprintln!("    {r}");
                    }
                }
            }
            println!("{}", serde_json::to_string(&s).map_err(|e| e.to_string())?);
            Ok(())
        }
        _ => Err("eval: use `mc2 eval FILE.jsonl` or `mc2 eval --docs DIR`".into()),
    }
}

fn vm_hwm_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn bench(args: &[String]) -> Result<(), String> {
    if let Some(a) = args.first() {
        return Err(format!("bench: unexpected argument `{a}`"));
    }
    let t0 = Instant::now();
    let lib = Library::builtin();
    let engine = Engine::new(&lib);
    let build_ms = t0.elapsed().as_secs_f64() * 1e3;
    let ac = aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(engine.cue_phrases())
        .map_err(|e| format!("cannot build the reference automaton: {e}"))?;
    println!(
        "engine build (once): {build_ms:.1} ms, {} cue phrases",
        engine.cue_phrases().len()
    );
    let threads = mc2::engine::parallel::threads();
    println!(
        "{:>6} {:>9} {:>13} {:>15} {:>11} {:>7} {:>7}",
        "pages",
        "bytes",
        "1 thread ms",
        format!("{threads} threads ms"),
        "ac scan ms",
        "ratio1",
        "ratioN"
    );
    let opts = Options::default();
    let mut t100 = [0.0; 2];
    for pages in [20usize, 100, 1000] {
        let text = synth::contract(pages, 42);
        // Warm-up, then the best of a few runs, on one thread and on all.
        let reps = if pages >= 1000 { 3 } else { 7 };
        let mut best = [f64::MAX; 2];
        let mut found = 0;
        for (k, n) in [1, threads].into_iter().enumerate() {
            for _ in 0..reps {
                let t = Instant::now();
                let r = engine.analyze_on(&text, &opts, n);
                best[k] = best[k].min(t.elapsed().as_secs_f64() * 1e3);
                found = r
                    .findings
                    .iter()
                    .filter(|f| f.status != Status::Missing)
                    .count();
            }
        }
        let mut scan = f64::MAX;
        for _ in 0..reps {
            let t = Instant::now();
            let n = ac.find_overlapping_iter(&text).count();
            scan = scan.min(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(n);
        }
        if pages == 100 {
            t100 = best;
        }
        println!(
            "{pages:>6} {:>9} {:>13.2} {:>15.2} {scan:>11.2} {:>6.1}x {:>6.1}x   ({found} requirements found)",
            text.len(),
            best[0],
            best[1],
            best[0] / scan.max(1e-6),
            best[1] / scan.max(1e-6)
        );
        if pages == 1000 && t100[0] > 0.0 && t100[1] > 0.0 {
            println!(
                "linearity: 1000 pages = {:.1}x the 100-page time on one thread, {:.1}x on {threads} (target <= 10x)",
                best[0] / t100[0],
                best[1] / t100[1]
            );
        }
    }
    match vm_hwm_kb() {
        Some(kb) => println!("peak memory (VmHWM): {:.1} MB", kb as f64 / 1024.0),
        None => println!("peak memory: not available on this platform"),
    }
    Ok(())
}
