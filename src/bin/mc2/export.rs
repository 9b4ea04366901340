//! The export flags of `mc2 analyze`: `--insert`, `--export-docx`,
//! `--export-md`, `--report`. `analyze.rs` collects them into [`ExportOpts`]
//! and calls [`run`] after the analysis.

/// Export options parsed from the `analyze` command line.
#[derive(Debug, Default, Clone)]
#[allow(dead_code)]
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
    #[allow(dead_code)]
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
}
