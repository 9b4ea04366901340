//! Machine-readable report exports: JSON (the schema documented in
//! `docs/REPORT_SCHEMA.md`, i.e. [`Report`] serialised) and CSV of the
//! findings for spreadsheets (RFC 4180 quoting; cells that a spreadsheet
//! would run as a formula are prefixed with an apostrophe).

use crate::engine::Report;

/// The report as pretty-printed JSON.
pub fn report_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".into())
}

/// One row per finding: requirement, title, pillar, priority, status,
/// risk, reasons (joined with "; "), labels of the evidence clauses, and the
/// suggested insertion label.
pub fn findings_csv(report: &Report) -> String {
    let mut out =
        String::from("requirement,title,pillar,priority,status,risk,reasons,clauses,insert_at\r\n");
    for f in &report.findings {
        let clauses: Vec<String> = f
            .evidence
            .iter()
            .filter_map(|e| report.clauses.get(e.clause))
            .map(|c| {
                c.label
                    .clone()
                    .or_else(|| c.heading.clone())
                    .unwrap_or_else(|| format!("#{}", c.id))
            })
            .collect();
        let cells = [
            f.req.clone(),
            f.title.clone(),
            f.pillar.label().to_string(),
            f.priority.label().to_string(),
            f.status.as_str().to_string(),
            if f.risk { "yes" } else { "no" }.to_string(),
            f.reasons.join("; "),
            clauses.join("; "),
            f.insertion
                .as_ref()
                .map(|i| i.label.clone())
                .unwrap_or_default(),
        ];
        let row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
