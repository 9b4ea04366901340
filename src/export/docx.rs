//! DOCX export with real tracked changes. Every revision of the
//! [`Document`] becomes `w:ins` / `w:del` markup by "MC2 assistant", so the
//! counterparty sees redlines in Word. For a DOCX import the original package
//! is copied entry by entry and only the paragraphs a revision touches are
//! rewritten in `word/document.xml` (styles, numbering, headers survive); for
//! a text import a minimal valid package is built. Zip output is deterministic
//! (fixed timestamps, deflate only).

use super::ExportError;
use super::package;
use crate::edit::Document;
use crate::engine::Span;
use crate::import::{DocxSource, Para, ParaKind, RunSeg};
use std::collections::BTreeMap;

/// The author name written on every tracked change.
pub const AUTHOR: &str = "MC2 assistant";

/// What one revision does to one paragraph.
#[derive(Debug, Clone)]
enum Mark {
    Del(Span),
    Ins(usize, String),
}

/// Tracked-change ids, date and author shared by one export.
pub(super) struct Track {
    next_id: u64,
    date: String,
}

impl Track {
    fn attrs(&mut self) -> String {
        self.next_id += 1;
        format!(
            r#"w:id="{}" w:author="{}" w:date="{}""#,
            self.next_id,
            esc(AUTHOR),
            esc(&self.date)
        )
    }
}

/// Build the revised DOCX. `date` is an ISO 8601 timestamp
/// ("2026-11-29T03:00:00Z") written on each change.
pub fn docx_revised(
    doc: &Document,
    source: Option<&DocxSource>,
    date: &str,
) -> Result<Vec<u8>, ExportError> {
    let text_paras;
    let paras: &[Para] = match source {
        Some(s) => &s.paragraphs,
        None => {
            text_paras = text_paragraphs(&doc.base);
            &text_paras
        }
    };
    let mut track = Track {
        next_id: source.map_or(0, |s| max_id(&s.document_xml)) + 1000,
        date: date.to_string(),
    };
    let plan = plan(doc, paras);
    match source {
        Some(src) => {
            let body = splice(doc, src, paras, &plan, &mut track);
            package::rewrite(&src.package, &body)
        }
        None => {
            let mut body = String::new();
            for block in plan.inserts.get(&None).into_iter().flatten() {
                body.push_str(&inserted_paragraph(block, &mut track));
            }
            for (i, p) in paras.iter().enumerate() {
                body.push_str(&paragraph_xml(
                    doc,
                    p,
                    plan.marks.get(&i),
                    plan.mark_deleted.contains(&i),
                    &mut track,
                ));
                for block in plan.inserts.get(&Some(i)).into_iter().flatten() {
                    body.push_str(&inserted_paragraph(block, &mut track));
                }
            }
            package::minimal(&body)
        }
    }
}

/// Where each revision lands: marks inside paragraphs, and new paragraphs
/// after a paragraph (`None` = before the first one).
#[derive(Default)]
struct Plan {
    marks: BTreeMap<usize, Vec<Mark>>,
    mark_deleted: Vec<usize>,
    inserts: BTreeMap<Option<usize>, Vec<InsBlock>>,
}

/// One inserted paragraph (one line of the inserted text) and whether it
/// is a heading line of an inserted clause (written bold).
struct InsBlock {
    text: String,
    bold: bool,
    /// Paragraph properties to use (those of a replaced auto-numbered
    /// paragraph, so Word keeps numbering it); empty for plain paragraphs.
    ppr: String,
}

fn editable(p: &Para) -> bool {
    p.kind == ParaKind::Body
}

fn plan(doc: &Document, paras: &[Para]) -> Plan {
    let mut plan = Plan::default();
    for r in &doc.revisions {
        let (s, e) = (r.delete.start, r.delete.end);
        for (i, p) in paras.iter().enumerate() {
            let (a, b) = (s.max(p.range.start), e.min(p.range.end));
            if a < b && editable(p) {
                plan.marks
                    .entry(i)
                    .or_default()
                    .push(Mark::Del(Span::new(a, b)));
                if s <= p.range.start && e >= p.range.end && i + 1 < paras.len() {
                    plan.mark_deleted.push(i);
                }
            }
        }
        if r.insert.is_empty() {
            continue;
        }
        let numbered = replaced_label(&doc.base, paras, s, e);
        if !r.insert.contains('\n')
            && let Some(i) = inline_target(paras, s, e)
        {
            let text = match numbered {
                Some((_, label)) => strip_label(&r.insert, label).unwrap_or(&r.insert),
                None => &r.insert,
            };
            plan.marks
                .entry(i)
                .or_default()
                .push(Mark::Ins(e, text.to_string()));
            continue;
        }
        let anchor = paras.iter().rposition(|p| p.range.start < e);
        let lines: Vec<&str> = r
            .insert
            .lines()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .collect();
        let list = plan.inserts.entry(anchor).or_default();
        for (k, line) in lines.iter().enumerate() {
            let relabel = match numbered {
                Some((i0, label)) if k == 0 => {
                    strip_label(line, label).map(|t| (t, paras[i0].ppr.clone()))
                }
                _ => None,
            };
            let (line, ppr) = relabel.unwrap_or((line, String::new()));
            list.push(InsBlock {
                text: line.to_string(),
                ppr,
                bold: k + 1 < lines.len() && looks_like_heading(line),
            });
        }
    }
    plan
}

/// The first paragraph a deletion `s..e` covers from its start, when that
/// paragraph has an automatic list label Word draws ("2.1 "): its index
/// and the label. Replacement text that starts with the same label reuses
/// the paragraph's numbering instead of typing the number.
fn replaced_label<'a>(
    base: &'a str,
    paras: &[Para],
    s: usize,
    e: usize,
) -> Option<(usize, &'a str)> {
    if s == e {
        return None;
    }
    let (i, p) = paras.iter().enumerate().find(|(_, p)| {
        editable(p) && p.range.start < e && s < p.range.end.max(p.range.start + 1)
    })?;
    let first = p
        .runs
        .first()
        .filter(|r| r.synthetic && r.raw.is_empty() && s <= r.range.start)?;
    Some((i, base.get(first.range.start..first.range.end)?))
}

/// `line` without its leading `label` ("2.1 Title" → "Title").
fn strip_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    let rest = line.trim_start().strip_prefix(label)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim_start())
}

/// A short line without closing punctuation: a clause heading
/// ("2.3 Vulnerability notice", "12. CYBERSECURITY ADDENDUM").
fn looks_like_heading(line: &str) -> bool {
    line.chars().count() < 100 && !line.ends_with(['.', ';', ':', ','])
}

fn inline_target(paras: &[Para], s: usize, e: usize) -> Option<usize> {
    paras
        .iter()
        .position(|p| editable(p) && p.range.start <= s && e <= p.range.end && !p.range.is_empty())
}

/// Replace touched paragraphs and add inserted ones in `document.xml`.
fn splice(
    doc: &Document,
    src: &DocxSource,
    paras: &[Para],
    plan: &Plan,
    track: &mut Track,
) -> String {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (&i, marks) in &plan.marks {
        if let Some(x) = paras[i].xml {
            let deleted = plan.mark_deleted.contains(&i);
            edits.push((
                x.start,
                x.end,
                paragraph_xml(doc, &paras[i], Some(marks), deleted, track),
            ));
        }
    }
    for (anchor, blocks) in &plan.inserts {
        let at = match anchor {
            None => src.body_start,
            Some(i) => match paras[*i].kind {
                ParaKind::Footnote => src.body_end,
                _ => paras[*i].block_end.unwrap_or(src.body_end),
            },
        };
        let xml: String = blocks
            .iter()
            .map(|b| inserted_paragraph(b, track))
            .collect();
        edits.push((at, at, xml));
    }
    edits.sort_by_key(|e| (e.0, e.1));
    let xml = &src.document_xml;
    let mut out = String::with_capacity(xml.len() + 4096);
    let mut at = 0;
    for (s, e, new) in edits {
        if s < at || e > xml.len() {
            continue;
        }
        out.push_str(xml.get(at..s).unwrap_or_default());
        out.push_str(&new);
        at = e;
    }
    out.push_str(xml.get(at..).unwrap_or_default());
    out
}

/// A paragraph rewritten with its marks: unchanged text keeps its run
/// formatting, deleted text goes into `w:del`/`w:delText`, inline inserted
/// text into `w:ins`.
fn paragraph_xml(
    doc: &Document,
    p: &Para,
    marks: Option<&Vec<Mark>>,
    mark_deleted: bool,
    track: &mut Track,
) -> String {
    let empty = Vec::new();
    let marks = marks.unwrap_or(&empty);
    let dels: Vec<Span> = marks
        .iter()
        .filter_map(|m| if let Mark::Del(s) = m { Some(*s) } else { None })
        .collect();
    let mut ins: Vec<(usize, &str)> = marks
        .iter()
        .filter_map(|m| {
            if let Mark::Ins(at, t) = m {
                Some((*at, t.as_str()))
            } else {
                None
            }
        })
        .collect();
    ins.sort_by_key(|i| i.0);
    let ins_points: Vec<usize> = ins.iter().map(|i| i.0).collect();
    let mut ins = ins.into_iter().peekable();
    let mut out = String::from("<w:p>");
    out.push_str(&ppr_with_mark(
        &p.ppr,
        "w:del",
        mark_deleted.then(|| track.attrs()),
    ));
    let mut last_rpr = "";
    for seg in &p.runs {
        if seg.synthetic {
            out.push_str(&seg.raw);
            continue;
        }
        let mut cuts = vec![seg.range.start, seg.range.end];
        for d in &dels {
            cuts.extend([d.start, d.end]);
        }
        cuts.extend(&ins_points);
        cuts.retain(|&c| c >= seg.range.start && c <= seg.range.end);
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            while let Some((_, t)) = ins.next_if(|&(at, _)| at <= a) {
                out.push_str(&format!(
                    "<w:ins {}>{}</w:ins>",
                    track.attrs(),
                    run_xml(&seg.rpr, t, false)
                ));
            }
            let Some(text) = doc.base.get(a..b) else {
                continue;
            };
            if dels.iter().any(|d| d.start <= a && b <= d.end) {
                out.push_str(&format!(
                    "<w:del {}>{}</w:del>",
                    track.attrs(),
                    run_xml(&seg.rpr, text, true)
                ));
            } else {
                out.push_str(&run_xml(&seg.rpr, text, false));
            }
        }
        last_rpr = &seg.rpr;
    }
    for (_, t) in ins {
        out.push_str(&format!(
            "<w:ins {}>{}</w:ins>",
            track.attrs(),
            run_xml(last_rpr, t, false)
        ));
    }
    out.push_str("</w:p>");
    out
}

/// A new paragraph marked as inserted (paragraph mark and runs).
fn inserted_paragraph(block: &InsBlock, track: &mut Track) -> String {
    let mark = track.attrs();
    let rpr = if block.bold {
        "<w:rPr><w:b/></w:rPr>"
    } else {
        ""
    };
    format!(
        "<w:p>{}<w:ins {}>{}</w:ins></w:p>",
        ppr_with_mark(&block.ppr, "w:ins", Some(mark)),
        track.attrs(),
        run_xml(rpr, &block.text, false)
    )
}

/// `<w:pPr>` with a tracked-change mark (`w:ins` or `w:del`) on the
/// paragraph mark (`w:pPr/w:rPr`), keeping the schema order (the mark's
/// `w:rPr` goes before `w:sectPr` / `w:pPrChange`).
fn ppr_with_mark(ppr: &str, tag: &str, attrs: Option<String>) -> String {
    let Some(attrs) = attrs else {
        return ppr.to_string();
    };
    let mark = format!("<{tag} {attrs}/>");
    if ppr.is_empty() || ppr.ends_with("/>") && !ppr.contains("</w:pPr>") {
        return format!("<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>");
    }
    if let Some(i) = ppr.find("<w:rPr>") {
        let at = i + "<w:rPr>".len();
        return format!("{}{mark}{}", &ppr[..at], &ppr[at..]);
    }
    if let Some(i) = ppr.find("<w:rPr/>") {
        return format!(
            "{}<w:rPr>{mark}</w:rPr>{}",
            &ppr[..i],
            &ppr[i + "<w:rPr/>".len()..]
        );
    }
    let at = ["<w:sectPr", "<w:pPrChange", "</w:pPr>"]
        .iter()
        .find_map(|t| ppr.find(t));
    match at {
        Some(i) => format!("{}<w:rPr>{mark}</w:rPr>{}", &ppr[..i], &ppr[i..]),
        None => ppr.to_string(),
    }
}

/// One run: text with tabs and line breaks as `w:tab` / `w:br`.
fn run_xml(rpr: &str, text: &str, deleted: bool) -> String {
    let tag = if deleted { "w:delText" } else { "w:t" };
    let mut out = format!("<w:r>{rpr}");
    let mut buf = String::new();
    let flush = |buf: &mut String, out: &mut String| {
        if !buf.is_empty() {
            out.push_str(&format!(
                r#"<{tag} xml:space="preserve">{}</{tag}>"#,
                esc(buf)
            ));
            buf.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\n' => {
                flush(&mut buf, &mut out);
                out.push_str("<w:br/>");
            }
            '\t' => {
                flush(&mut buf, &mut out);
                out.push_str("<w:tab/>");
            }
            c if c.is_control() => {}
            c => buf.push(c),
        }
    }
    flush(&mut buf, &mut out);
    out.push_str("</w:r>");
    out
}

/// Paragraphs of a plain-text contract: blocks separated by blank lines
/// (single line breaks inside a block become `w:br`).
pub fn text_paragraphs(text: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut block: Option<(usize, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if body.trim().is_empty() {
            if let Some((s, e)) = block.take() {
                out.push(text_para(s, e));
            }
        } else {
            let end = at + body.len();
            block = Some(block.map_or((at, end), |(s, _)| (s, end)));
        }
        at += line.len();
    }
    if let Some((s, e)) = block {
        out.push(text_para(s, e));
    }
    out
}

fn text_para(s: usize, e: usize) -> Para {
    Para {
        range: Span::new(s, e),
        runs: vec![RunSeg {
            range: Span::new(s, e),
            ..RunSeg::default()
        }],
        ..Para::default()
    }
}

/// Highest `w:id="N"` in the document, so our ids do not collide.
fn max_id(xml: &str) -> u64 {
    xml.match_indices("w:id=\"")
        .filter_map(|(i, m)| {
            let rest = &xml[i + m.len()..];
            rest[..rest.find('"')?].parse::<u64>().ok()
        })
        .max()
        .unwrap_or(0)
}

/// Escape text for XML content and attribute values.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
