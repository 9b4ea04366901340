//! The export flags of `mc2 analyze`: `--insert`, `--export-docx`,
//! `--export-md`, `--report`. `analyze.rs` reads the contract with
//! [`read_contract`] (the same importer as the app), collects the flags into
//! [`ExportOpts`] and calls [`run`] after the analysis. All the work is done
//! by the pure core (`mc2::import`, `mc2::export`); this file only reads and
//! writes files and picks the date stamped on tracked changes.

// Until analyze.rs calls into this module, parts of it are only used by tests.
#![allow(dead_code)]

use mc2::edit::Document;
use mc2::engine::Report;
use mc2::export::{self, Selection};
use mc2::import::{self, Opened};
use mc2::library::{Library, Playbook, Values};

/// Export options parsed from the `analyze` command line.
#[derive(Debug, Default, Clone)]
pub struct ExportOpts {
    /// `--insert missing` (→ `vec!["missing"]`) or `--insert ID,ID`.
    pub insert: Vec<String>,
    pub export_docx: Option<String>,
    pub export_md: Option<String>,
    pub report_html: Option<String>,
}

impl ExportOpts {
    /// Consume `args[i]` (and its value) if it is an export flag; returns how
    /// many arguments were used (0 when `args[i]` is not an export flag).
    pub fn take(&mut self, args: &[String], i: usize) -> Result<usize, String> {
        let value = |name: &str| {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match args[i].as_str() {
            "--insert" => {
                self.insert = value("--insert")?
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .collect();
                Ok(2)
            }
            "--export-docx" => {
                self.export_docx = Some(value("--export-docx")?);
                Ok(2)
            }
            "--export-md" => {
                self.export_md = Some(value("--export-md")?);
                Ok(2)
            }
            "--report" => {
                self.report_html = Some(value("--report")?);
                Ok(2)
            }
            _ => Ok(0),
        }
    }

    /// True when no export flag was given.
    pub fn is_empty(&self) -> bool {
        self.insert.is_empty()
            && self.export_docx.is_none()
            && self.export_md.is_none()
            && self.report_html.is_none()
    }
}

/// Read a contract file (.docx, .txt, .md …) with the app's importer.
/// Import warnings go to stderr.
pub fn read_contract(path: &str) -> Result<Opened, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{path} is a directory, not a file"));
    }
    if meta.len() > import::MAX_FILE_BYTES as u64 {
        return Err(format!(
            "{path}: {}",
            import::ImportError::TooLarge {
                bytes: meta.len() as usize
            }
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let opened = import::open(path, &bytes).map_err(|e| format!("{path}: {e}"))?;
    for w in &opened.warnings {
        eprintln!("mc2: {path}: {w}");
    }
    Ok(opened)
}

/// Placeholder values for model language: the contract's own defined terms
/// for the parties (else "Supplier" / "Customer") and the playbook in use.
pub fn values_for(report: &Report, playbook: &Playbook) -> Values {
    let d = Values::default();
    Values {
        supplier: report.parties.supplier.clone().unwrap_or(d.supplier),
        customer: report.parties.customer.clone().unwrap_or(d.customer),
        playbook: playbook.clone(),
    }
}

/// Apply `--insert` and write the requested exports. `report` is the
/// analysis of `opened.text`.
pub fn run(
    opts: &ExportOpts,
    opened: &Opened,
    report: &Report,
    lib: &Library,
    values: &Values,
) -> Result<(), String> {
    let mut doc = Document::new(opened.text.clone());
    if !opts.insert.is_empty() {
        let sel = Selection::parse(&opts.insert);
        if let Selection::Ids(ids) = &sel {
            let unknown: Vec<&str> = ids
                .iter()
                .filter(|id| {
                    lib.get(id).is_none()
                        && !lib
                            .requirements
                            .iter()
                            .any(|r| r.meta.id.eq_ignore_ascii_case(id))
                })
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                return Err(format!(
                    "--insert: unknown requirement ID(s): {} (see `mc2 clauses check` for the list)",
                    unknown.join(", ")
                ));
            }
        }
        let revisions = export::insert_revisions(report, lib, values, &doc.base, &sel);
        let n = revisions.len();
        for r in revisions {
            doc.apply(r).map_err(|e| format!("--insert: {e}"))?;
        }
        eprintln!("mc2: inserted model language at {n} place(s)");
    }
    if let Some(out) = &opts.export_docx {
        let bytes = export::docx_revised(&doc, opened.docx.as_ref(), &now_iso8601())
            .map_err(|e| e.to_string())?;
        write(out, &bytes)?;
    }
    if let Some(out) = &opts.export_md {
        write(out, export::markdown(&doc).as_bytes())?;
    }
    if let Some(out) = &opts.report_html {
        write(
            out,
            export::report_html(report, lib, values, &doc).as_bytes(),
        )?;
    }
    Ok(())
}

fn write(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{path}: {e}"))
}

/// The current UTC time as ISO 8601 (`SOURCE_DATE_EPOCH` wins, for
/// reproducible output).
fn now_iso8601() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    iso8601(secs)
}

/// Seconds since 1970 → "YYYY-MM-DDTHH:MM:SSZ" (proleptic Gregorian).
fn iso8601(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso8601_utc() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_795_922_400), "2026-11-29T03:20:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn export_flags_parse() {
        let args: Vec<String> = ["--insert", "missing", "--export-docx", "o.docx"]
            .map(String::from)
            .to_vec();
        let mut o = ExportOpts::default();
        assert_eq!(o.take(&args, 0), Ok(2));
        assert_eq!(o.take(&args, 2), Ok(2));
        assert_eq!(o.insert, ["missing"]);
        assert_eq!(o.export_docx.as_deref(), Some("o.docx"));
        assert!(
            o.take(&args[..1], 0).is_err(),
            "a flag without its value is an error"
        );
    }

    #[test]
    fn run_inserts_missing_and_writes_every_export() {
        let lib = Library::builtin();
        let text = "1. Scope\n\nSupplier sells the Product to Customer.";
        let opened = import::open("c.txt", text.as_bytes()).unwrap();
        let report = mc2::engine::Engine::new(&lib).analyze(&opened.text, &Default::default());
        let dir = std::env::temp_dir().join(format!("mc2-cli-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
        let opts = ExportOpts {
            insert: vec!["missing".into()],
            export_docx: Some(p("out.docx")),
            export_md: Some(p("out.md")),
            report_html: Some(p("report.html")),
        };
        run(&opts, &opened, &report, &lib, &Values::default()).unwrap();
        let md = std::fs::read_to_string(p("out.md")).unwrap();
        let docx = std::fs::read(p("out.docx")).unwrap();
        let html = std::fs::read_to_string(p("report.html")).unwrap();
        let back = import::open("out.docx", &docx).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let missing = report
            .findings
            .iter()
            .filter(|f| f.status == mc2::engine::Status::Missing)
            .count();
        assert!(missing > 0);
        assert!(
            md.starts_with("1. Scope") && md.contains("2. CYBERSECURITY ADDENDUM"),
            "{md}"
        );
        assert!(
            back.text.contains("2. CYBERSECURITY ADDENDUM"),
            "the DOCX carries the insertion"
        );
        assert!(html.contains("Partnership Maturity Roadmap"));
        let bad = ExportOpts {
            insert: vec!["NOPE-1".into()],
            ..ExportOpts::default()
        };
        let err = run(&bad, &opened, &report, &lib, &Values::default()).unwrap_err();
        assert!(err.contains("unknown requirement ID(s): NOPE-1"), "{err}");
    }
}
