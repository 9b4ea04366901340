//! The body parser for `word/document.xml`: one pass with quick-xml that
//! produces the contract text (paragraphs separated by blank lines, list
//! labels resolved, table rows as "cell | cell" lines, footnotes at the end)
//! and the [`DocxSource`](super::DocxSource) paragraph map the export needs.
//! Headers and footers (page furniture) are never read.

use super::numbering::{Numbering, attr};
use super::source::{Para, ParaKind, RunSeg};
use super::{ImportError, ImportOptions, TrackedChanges};
use crate::engine::Span;
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use std::collections::HashMap;

pub(super) struct Parsed {
    pub text: String,
    pub paragraphs: Vec<Para>,
    pub warnings: Vec<String>,
    pub body_start: usize,
    pub body_end: usize,
    /// Tracked insertions + deletions found in the body.
    pub tracked: usize,
}

/// Paragraph being read.
#[derive(Default)]
struct PBuild {
    start: usize,
    ppr: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    outline: Option<u8>,
    /// The paragraph mark is a tracked deletion / insertion (`w:pPr/w:rPr`).
    mark_del: bool,
    mark_ins: bool,
    /// (text, rPr, synthetic, raw)
    segs: Vec<(String, String, bool, String)>,
}

/// Run being read.
#[derive(Default)]
struct RBuild {
    start: usize,
    rpr: String,
    text: String,
    other: bool,
    footnote: Option<String>,
}

pub(super) fn parse_body(
    xml: &str,
    mut numbering: Numbering,
    footnotes: &HashMap<String, String>,
    opts: ImportOptions,
) -> Result<Parsed, ImportError> {
    let mut r = Reader::from_str(xml);
    let mut out = Parsed {
        text: String::new(),
        paragraphs: Vec::new(),
        warnings: Vec::new(),
        body_start: 0,
        body_end: 0,
        tracked: 0,
    };
    let (mut ins_count, mut del_count) = (0usize, 0usize);
    let mut skip = 0usize;
    let mut in_body = false;
    let mut p: Option<PBuild> = None;
    let mut run: Option<RBuild> = None;
    let (mut in_ppr, mut ppr_start, mut rpr_start, mut in_t) = (false, 0usize, 0usize, false);
    let mut tbl_depth = 0usize;
    let mut table_first_para = 0usize;
    let (mut cells, mut cell): (Vec<String>, String) = (Vec::new(), String::new());
    let mut footnote_refs: Vec<String> = Vec::new();
    let mut text_boxes = false;
    loop {
        let before = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| ImportError::Corrupt {
            detail: format!("word/document.xml: {e}"),
        })?;
        let after = r.buffer_position() as usize;
        if skip > 0 {
            match ev {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                let skipped = match name {
                    b"ins" | b"moveTo" => {
                        ins_count += 1;
                        opts.tracked == TrackedChanges::Original
                    }
                    b"del" | b"moveFrom" => {
                        del_count += 1;
                        opts.tracked == TrackedChanges::Accept
                    }
                    b"txbxContent" => {
                        text_boxes = true;
                        true
                    }
                    b"Fallback" | b"pPrChange" | b"rPrChange" | b"instrText" => true,
                    _ => false,
                };
                if skipped {
                    skip = 1;
                    continue;
                }
                match name {
                    b"body" => {
                        in_body = true;
                        out.body_start = after;
                    }
                    b"p" if in_body => {
                        p = Some(PBuild {
                            start: before,
                            ..PBuild::default()
                        })
                    }
                    b"pPr" if p.is_some() => {
                        in_ppr = true;
                        ppr_start = before;
                    }
                    b"r" if p.is_some() && !in_ppr => {
                        run = Some(RBuild {
                            start: before,
                            ..RBuild::default()
                        })
                    }
                    b"rPr" if run.is_some() => rpr_start = before,
                    b"t" | b"delText" if run.is_some() => in_t = true,
                    b"tbl" if in_body => {
                        tbl_depth += 1;
                        if tbl_depth == 1 {
                            table_first_para = out.paragraphs.len();
                        }
                    }
                    b"tr" if tbl_depth == 1 => cells.clear(),
                    b"tc" if tbl_depth == 1 => cell.clear(),
                    b"sectPr" if in_body && p.is_none() && tbl_depth == 0 => out.body_end = before,
                    b"drawing" | b"pict" | b"object" | b"fldChar" | b"sym" => {
                        if let Some(run) = &mut run {
                            run.other = true;
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"pPr" if p.is_some() => {
                        if let Some(p) = &mut p {
                            p.ppr = slice(xml, before, after);
                        }
                    }
                    b"pStyle" if in_ppr => {
                        if let Some(p) = &mut p {
                            p.style = attr(&e, b"val");
                        }
                    }
                    b"numId" if in_ppr => {
                        if let Some(p) = &mut p {
                            p.num_id = attr(&e, b"val");
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some(p) = &mut p {
                            p.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok());
                        }
                    }
                    b"outlineLvl" if in_ppr => {
                        if let Some(p) = &mut p {
                            p.outline = attr(&e, b"val")
                                .and_then(|v| v.parse::<u8>().ok())
                                .map(|v| v + 1);
                        }
                    }
                    b"rPr" if run.is_some() && !in_ppr => {
                        if let Some(run) = &mut run {
                            run.rpr = slice(xml, before, after);
                        }
                    }
                    b"tab" if run.is_some() && !in_ppr => {
                        if let Some(run) = &mut run {
                            run.text.push('\t');
                        }
                    }
                    b"br" | b"cr" if run.is_some() => {
                        if let Some(run) = &mut run {
                            if attr(&e, b"type").is_some_and(|t| t == "page" || t == "column") {
                                run.other = true;
                            } else {
                                run.text.push('\n');
                            }
                        }
                    }
                    b"noBreakHyphen" => {
                        if let Some(run) = &mut run {
                            run.text.push('-');
                        }
                    }
                    b"footnoteReference" => {
                        if let Some(run) = &mut run {
                            run.footnote = attr(&e, b"id");
                        }
                    }
                    b"drawing" | b"pict" | b"object" | b"fldChar" | b"sym"
                    | b"endnoteReference" | b"commentReference" => {
                        if let Some(run) = &mut run {
                            run.other = true;
                        }
                    }
                    b"ins" | b"moveTo" if in_ppr => {
                        if let Some(p) = &mut p {
                            p.mark_ins = true;
                        }
                    }
                    b"del" | b"moveFrom" if in_ppr => {
                        if let Some(p) = &mut p {
                            p.mark_del = true;
                        }
                    }
                    b"ins" | b"moveTo" => ins_count += 1,
                    b"del" | b"moveFrom" => del_count += 1,
                    b"sectPr" if in_body && p.is_none() && tbl_depth == 0 => out.body_end = before,
                    _ => {}
                }
            }
            Event::Text(t) if in_t => {
                if let Some(run) = &mut run {
                    let u = t.unescape().map_err(|e| ImportError::Corrupt {
                        detail: format!("word/document.xml: {e}"),
                    })?;
                    run.text.push_str(&u);
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"t" | b"delText" => in_t = false,
                    b"rPr" if run.is_some() && !in_ppr => {
                        if let Some(run) = &mut run {
                            run.rpr = slice(xml, rpr_start, after);
                        }
                    }
                    b"pPr" if in_ppr => {
                        in_ppr = false;
                        if let Some(p) = &mut p {
                            p.ppr = slice(xml, ppr_start, after);
                        }
                    }
                    b"r" => {
                        if let (Some(rb), Some(pb)) = (run.take(), &mut p) {
                            let raw = slice(xml, rb.start, after);
                            if let Some(id) = rb.footnote {
                                footnote_refs.push(id);
                                pb.segs.push((
                                    format!("[{}]", footnote_refs.len()),
                                    String::new(),
                                    true,
                                    raw.to_string(),
                                ));
                            } else if !rb.text.is_empty() {
                                pb.segs.push((rb.text, rb.rpr, false, String::new()));
                            } else if rb.other {
                                pb.segs
                                    .push((String::new(), String::new(), true, raw.clone()));
                            }
                        }
                    }
                    b"p" => {
                        if let Some(pb) = p.take() {
                            // An empty paragraph whose mark is a tracked deletion
                            // (accepted) or insertion (original) does not exist in
                            // the version being read: Word would not number it.
                            let gone = pb.segs.iter().all(|s| s.0.trim().is_empty())
                                && match opts.tracked {
                                    TrackedChanges::Accept => pb.mark_del,
                                    TrackedChanges::Original => pb.mark_ins,
                                };
                            if gone {
                                continue;
                            }
                            finish_paragraph(
                                pb,
                                after,
                                tbl_depth > 0,
                                &mut numbering,
                                &mut out,
                                &mut cell,
                            );
                        }
                    }
                    b"tc" if tbl_depth == 1 => {
                        cells.push(std::mem::take(&mut cell).trim().to_string())
                    }
                    b"tr" if tbl_depth == 1 => {
                        let row = cells.join(" | ");
                        if !row.replace('|', "").trim().is_empty() {
                            push_para(
                                &mut out,
                                Para {
                                    kind: ParaKind::TableRow,
                                    ..Para::default()
                                },
                                vec![(row, String::new(), false, String::new())],
                            );
                        }
                    }
                    b"tbl" if tbl_depth > 0 => {
                        tbl_depth -= 1;
                        if tbl_depth == 0 {
                            for para in &mut out.paragraphs[table_first_para..] {
                                para.block_end = Some(after);
                            }
                        }
                    }
                    b"body" => {
                        in_body = false;
                        if out.body_end == 0 {
                            out.body_end = before;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    for (i, id) in footnote_refs.iter().enumerate() {
        let note = footnotes.get(id).cloned().unwrap_or_default();
        if note.is_empty() {
            continue;
        }
        let seg = (
            format!("[{}] {note}", i + 1),
            String::new(),
            false,
            String::new(),
        );
        push_para(
            &mut out,
            Para {
                kind: ParaKind::Footnote,
                ..Para::default()
            },
            vec![seg],
        );
    }
    out.tracked = ins_count + del_count;
    if ins_count + del_count > 0 {
        out.warnings.push(match opts.tracked {
            TrackedChanges::Accept => format!(
                "The document has tracked changes ({ins_count} insertions, {del_count} deletions); they were read as accepted."
            ),
            TrackedChanges::Original => format!(
                "The document has tracked changes ({ins_count} insertions, {del_count} deletions); the original text was read (insertions left out)."
            ),
        });
    }
    if text_boxes {
        out.warnings.push("Text in text boxes was left out.".into());
    }
    if out.body_end < out.body_start {
        out.body_end = out.body_start;
    }
    Ok(out)
}

/// Turn a finished `<w:p>` into text: resolve its list label and heading
/// level, then either add it to the current table cell or to the text.
fn finish_paragraph(
    pb: PBuild,
    end: usize,
    in_table: bool,
    numbering: &mut Numbering,
    out: &mut Parsed,
    cell: &mut String,
) {
    let style_num = pb
        .style
        .as_deref()
        .and_then(|s| numbering.style_numbering(s));
    let num = match (&pb.num_id, style_num) {
        (Some(id), s) => Some((id.clone(), pb.ilvl.or(s.map(|s| s.1)).unwrap_or(0))),
        (None, Some((id, l))) => Some((id, pb.ilvl.unwrap_or(l))),
        (None, None) => None,
    };
    let label = match num {
        Some((id, l)) if id != "0" => numbering.next_label(&id, l),
        _ => String::new(),
    };
    let heading = pb
        .outline
        .or_else(|| pb.style.as_deref().and_then(|s| numbering.heading_level(s)));
    let body: String = pb.segs.iter().map(|s| s.0.as_str()).collect();
    if body.trim().is_empty() {
        return;
    }
    if in_table {
        if !cell.is_empty() {
            cell.push(' ');
        }
        if !label.is_empty() {
            cell.push_str(&label);
            cell.push(' ');
        }
        cell.push_str(body.trim());
        return;
    }
    let mut segs = pb.segs;
    if !label.is_empty() {
        segs.insert(0, (format!("{label} "), String::new(), true, String::new()));
    }
    let para = Para {
        kind: ParaKind::Body,
        xml: Some(Span::new(pb.start, end)),
        block_end: Some(end),
        ppr: pb.ppr,
        heading,
        ..Para::default()
    };
    push_para(out, para, segs);
}

fn push_para(out: &mut Parsed, mut para: Para, segs: Vec<(String, String, bool, String)>) {
    if !out.text.is_empty() {
        out.text.push_str("\n\n");
    }
    let start = out.text.len();
    for (text, rpr, synthetic, raw) in segs {
        let s = out.text.len();
        out.text.push_str(&text);
        para.runs.push(RunSeg {
            range: Span::new(s, out.text.len()),
            rpr,
            synthetic,
            raw,
        });
    }
    para.range = Span::new(start, out.text.len());
    out.paragraphs.push(para);
}

/// `xml[a..b]` as an owned string, empty if the range is not valid.
fn slice(xml: &str, a: usize, b: usize) -> String {
    xml.get(a..b).unwrap_or_default().to_string()
}
