//! The findings report as one standalone HTML file: inline CSS with a print
//! stylesheet (so "Print → Save as PDF" in the browser gives the PDF), no
//! scripts, no external resources. Summary by pillar and by priority, every
//! finding with its status, reasons, the contract clause and the proposed
//! model language, then the Partnership Maturity Roadmap table. All text is
//! escaped: contract text and clause packs are untrusted.

use super::docx::esc;
use super::insert::render_model_language;
use crate::edit::Document;
use crate::engine::{Finding, Report, Status};
use crate::library::render::model_language_html;
use crate::library::{Library, Pillar, Priority, Values};

const CSS: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1f24;max-width:960px;margin:2em auto;padding:0 1em}\
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f5f7}td.n{text-align:right}.meta{color:#57606a}\
.finding{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:4px;padding:.4em 1em;margin:1em 0}\
.finding.strong{border-left-color:#1a7f37}.finding.partial{border-left-color:#9a6700}.finding.weak{border-left-color:#bc4c00}\
.finding.conflict{border-left-color:#a40e26}.finding.missing{border-left-color:#cf222e}\
.badge{display:inline-block;padding:0 .5em;border-radius:1em;background:#eaeef2;font-weight:600}\
blockquote{margin:.4em 0;padding:.3em .8em;background:#f6f8fa;border-left:3px solid #d0d7de;white-space:pre-wrap}\
.model{background:#f0f7ff;border:1px dashed #54aeff;padding:.3em .8em}\
@media print{body{margin:0;max-width:none;font-size:11pt}.finding{break-inside:avoid}h2{break-after:avoid}\
a{color:inherit;text-decoration:none}table{break-inside:auto}tr{break-inside:avoid}}";

/// The standalone HTML report. `doc` is the analysed document (its base text
/// is what the report's spans point into).
pub fn report_html(report: &Report, lib: &Library, values: &Values, doc: &Document) -> String {
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.push_str("<title>Cybersecurity contract review (MC2) - findings report</title>");
    h.push_str(&format!("<style>{CSS}</style></head><body>\n"));
    h.push_str("<h1>Cybersecurity contract review (MC2)</h1>\n");
    let p = &report.parties;
    let party = |term: &Option<String>, name: &Option<String>, dflt: &str| match (term, name) {
        (Some(t), Some(n)) => format!("{} ({})", esc(t), esc(n)),
        (Some(t), None) => esc(t),
        (None, Some(n)) => esc(n),
        (None, None) => esc(dflt),
    };
    h.push_str(&format!(
        "<p class=\"meta\">Supplier: {} &middot; Customer: {} &middot; Perspective: {:?} &middot; {} requirements &middot; generated offline by mc2 {}</p>\n",
        party(&p.supplier, &p.supplier_name, &values.supplier),
        party(&p.customer, &p.customer_name, &values.customer),
        report.perspective,
        report.findings.len(),
        crate::VERSION
    ));
    h.push_str("<p class=\"meta\">Model language is a starting point for negotiation, not legal advice.</p>\n");
    summary(&mut h, report);
    h.push_str("<h2>Findings</h2>\n");
    for f in &report.findings {
        finding(&mut h, f, report, lib, values, doc);
    }
    roadmap(&mut h, report, lib, values);
    if !report.diagnostics.is_empty() {
        h.push_str("<h2>Notes about the input</h2>\n<ul>");
        for d in &report.diagnostics {
            h.push_str(&format!("<li>{}</li>", esc(d)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    h
}

fn counts<'a>(h: &mut String, label: &str, findings: impl Iterator<Item = &'a Finding>) {
    let mut n = [0usize; 5];
    for f in findings {
        n[Status::ALL.iter().position(|s| *s == f.status).unwrap_or(4)] += 1;
    }
    h.push_str(&format!("<tr><th>{}</th>", esc(label)));
    for c in n {
        h.push_str(&format!("<td class=\"n\">{c}</td>"));
    }
    h.push_str(&format!(
        "<td class=\"n\">{}</td></tr>\n",
        n.iter().sum::<usize>()
    ));
}

fn summary(h: &mut String, report: &Report) {
    let head: String = Status::ALL
        .iter()
        .map(|s| format!("<th>{}</th>", s.label()))
        .collect();
    h.push_str(&format!(
        "<h2>Summary by pillar</h2>\n<table><tr><th>Pillar</th>{head}<th>total</th></tr>\n"
    ));
    for pillar in Pillar::ALL {
        if report.findings.iter().any(|f| f.pillar == pillar) {
            counts(
                h,
                pillar.label(),
                report.findings.iter().filter(|f| f.pillar == pillar),
            );
        }
    }
    h.push_str(&format!("</table>\n<h2>Summary by priority</h2>\n<table><tr><th>Priority</th>{head}<th>total</th></tr>\n"));
    for prio in [
        Priority::Critical,
        Priority::High,
        Priority::Medium,
        Priority::Low,
    ] {
        if report.findings.iter().any(|f| f.priority == prio) {
            counts(
                h,
                prio.label(),
                report.findings.iter().filter(|f| f.priority == prio),
            );
        }
    }
    h.push_str("</table>\n");
}

/// Plain text as HTML paragraphs (blank lines separate paragraphs).
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", esc(p).replace('\n', "<br>")))
        .collect()
}

fn finding(
    h: &mut String,
    f: &Finding,
    report: &Report,
    lib: &Library,
    values: &Values,
    doc: &Document,
) {
    h.push_str(&format!(
        "<section class=\"finding {}\" id=\"finding-{}\"><h3>{} &mdash; {}</h3>\n<p><span class=\"badge\">{}</span> {} priority &middot; {}{}</p>\n",
        f.status.as_str(),
        esc(&f.req),
        esc(&f.req),
        esc(&f.title),
        f.status.label(),
        f.priority.label(),
        f.pillar.label(),
        if f.risk { " &middot; <strong>risk</strong>" } else { "" }
    ));
    if !f.reasons.is_empty() {
        h.push_str("<ul>");
        for r in &f.reasons {
            h.push_str(&format!("<li>{}</li>", esc(r)));
        }
        h.push_str("</ul>\n");
    }
    for ev in f.evidence.iter().take(2) {
        let clause = report.clauses.get(ev.clause);
        let range = clause.map_or(ev.range, |c| c.range);
        let text = doc.base.get(range.start..range.end).unwrap_or("");
        let label = clause.and_then(|c| c.label.clone()).unwrap_or_default();
        let short: String = text.chars().take(1500).collect();
        let more = if short.len() < text.len() { " …" } else { "" };
        h.push_str(&format!(
            "<h4>Contract clause {} ({})</h4><blockquote>{}{}</blockquote>\n",
            esc(&label),
            ev.status.label(),
            esc(short.trim()),
            more
        ));
    }
    if f.status != Status::Strong
        && let Some(req) = lib.get(&f.req)
    {
        let at = f
            .insertion
            .as_ref()
            .map(|i| format!(" (insert as {})", esc(&i.label)))
            .unwrap_or_default();
        let model = model_language_html(req, values)
            .unwrap_or_else(|_| paragraphs(&render_model_language(req, lib, values)));
        h.push_str(&format!(
            "<h4>Proposed language{at}</h4><div class=\"model\">{model}</div>\n"
        ));
    }
    h.push_str("</section>\n");
}

fn roadmap(h: &mut String, report: &Report, lib: &Library, values: &Values) {
    let months = lib
        .threshold_value("roadmap_max_target_months", &values.playbook)
        .map(|m| format!(" (at most {m} months after recording)"))
        .unwrap_or_default();
    h.push_str("<h2>Partnership Maturity Roadmap</h2>\n");
    h.push_str("<p>Every requirement not fully met, as a starting point for the Roadmap exhibit: fill in the compensating controls, owners and target dates with the counterparty.</p>\n");
    h.push_str(&format!(
        "<table><tr><th>Requirement</th><th>Gap</th><th>Priority</th><th>Compensating controls (party)</th><th>Owners ({} / {})</th><th>Target date{}</th></tr>\n",
        esc(&values.supplier),
        esc(&values.customer),
        esc(&months)
    ));
    let mut gaps: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.status != Status::Strong)
        .collect();
    gaps.sort_by_key(|f| f.priority);
    for f in gaps {
        h.push_str(&format!(
            "<tr><td>{} &mdash; {}</td><td>{}</td><td>{}</td><td></td><td></td><td></td></tr>\n",
            esc(&f.req),
            esc(&f.title),
            f.status.label(),
            f.priority.label()
        ));
    }
    h.push_str("</table>\n");
}
