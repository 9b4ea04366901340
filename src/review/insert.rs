//! Where and how model language goes into the contract: insert after the
//! related section (the engine's suggested point), replace a weak clause, or
//! append to a Cybersecurity Addendum numbered to continue the document; and
//! "insert all missing", which builds the whole addendum plus the Partnership
//! Maturity Roadmap exhibit for partial items.
//!
//! Every function returns [`Revision`]s against the document's *base* text, so
//! the editing model keeps the user's bytes and undo restores them exactly.

use super::render::{model_text, number};
use crate::edit::{Document, Revision};
use crate::engine::{Finding, Report, Span, Status};
use crate::library::{Library, Values};

/// Heading words that mark our addendum (matched case-insensitively).
pub const ADDENDUM_TITLE: &str = "CYBERSECURITY ADDENDUM";
/// Title of the exhibit listing partial items.
pub const ROADMAP_TITLE: &str = "PARTNERSHIP MATURITY ROADMAP";

/// Leading section number of a line: "12." / "12 " / "Section 12" / "ARTICLE 12" → 12.
fn top_number(line: &str) -> Option<u32> {
    let mut l = line.trim_start();
    for p in ["ARTICLE ", "Article ", "SECTION ", "Section "] {
        if let Some(r) = l.strip_prefix(p) {
            l = r.trim_start();
        }
    }
    let digits: String = l.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &l[digits.len()..];
    let sep_ok = rest.starts_with(". ") || rest.starts_with(".\t") || rest.starts_with(' ');
    // "1.2 text" is a sub-clause, not a top-level heading.
    (sep_ok && !rest.starts_with(".0")).then(|| digits.parse().ok())?
}

/// Sub-clause number `n.k` at the start of a line, for top-level `n`.
fn sub_number(line: &str, n: u32) -> Option<u32> {
    let l = line.trim_start();
    let rest = l.strip_prefix(&format!("{n}."))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The addendum already in `text`: its top-level number and the next free sub-number.
pub fn existing_addendum(text: &str) -> Option<(u32, u32)> {
    let mut found: Option<u32> = None;
    let mut next = 1;
    for line in text.lines() {
        if found.is_none() {
            if line.to_uppercase().contains(ADDENDUM_TITLE)
                && let Some(n) = top_number(line)
            {
                found = Some(n);
            }
        } else if let Some(n) = found
            && let Some(k) = sub_number(line, n)
        {
            next = next.max(k + 1);
        }
    }
    found.map(|n| (n, next))
}

/// The number a new top-level section gets: one after the highest in `text`.
pub fn next_top_number(text: &str) -> u32 {
    text.lines().filter_map(top_number).max().unwrap_or(0) + 1
}

/// Separator so that appended text starts after a blank line.
fn lead_for_end(text: &str) -> &'static str {
    if text.is_empty() || text.ends_with("\n\n") {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    }
}

/// The clause as contract text: "label Title\nbody".
pub fn clause_text(label: &str, title: &str, body: &str) -> String {
    let head = if label.is_empty() {
        title.to_string()
    } else {
        format!("{label} {title}")
    };
    format!("{head}\n{body}")
}

/// An insertion at base offset `at`, laid out so it sits on its own lines.
fn insertion_at(
    doc: &Document,
    current: &str,
    cur_off: usize,
    clause: &str,
    req: &str,
) -> Revision {
    let before = &current[..cur_off];
    let after = &current[cur_off..];
    let mut text = String::new();
    if !before.is_empty() && !before.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(clause);
    text.push('\n');
    if before.ends_with("\n\n") && !after.is_empty() {
        text.push('\n');
    }
    Revision {
        req: Some(req.to_string()),
        delete: Span::new(doc.base_offset(cur_off), doc.base_offset(cur_off)),
        insert: text,
    }
}

/// An append to the addendum at the end of the document (created if absent).
fn addendum_append(doc: &Document, current: &str, clause_body: &[(String, String)]) -> Revision {
    let (n, mut k, mut text) = match existing_addendum(current) {
        Some((n, k)) => {
            let sep = if current.is_empty() || current.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            (n, k, sep.to_string())
        }
        None => {
            let n = next_top_number(current);
            (
                n,
                1,
                format!("{}{n}. {ADDENDUM_TITLE}\n", lead_for_end(current)),
            )
        }
    };
    for (title, body) in clause_body {
        text.push_str(&clause_text(&format!("{n}.{k}"), title, body));
        text.push('\n');
        k += 1;
    }
    let end = doc.base.len();
    Revision {
        req: None,
        delete: Span::new(end, end),
        insert: text,
    }
}

/// Insert the model language for `finding` at the engine's suggested point,
/// or in the Cybersecurity Addendum when the engine suggests none or a new one.
pub fn insert_for(
    doc: &Document,
    _report: &Report,
    finding: &Finding,
    lib: &Library,
    values: &Values,
) -> Option<Revision> {
    let body = model_text(&finding.req, lib, values)?;
    let current = doc.text();
    match &finding.insertion {
        Some(ins)
            if !ins.new_addendum
                && ins.offset <= current.len()
                && current.is_char_boundary(ins.offset) =>
        {
            let clause = clause_text(&ins.label, &finding.title, &body);
            Some(insertion_at(
                doc,
                &current,
                ins.offset,
                &clause,
                &finding.req,
            ))
        }
        _ => {
            let mut r = addendum_append(doc, &current, &[(finding.title.clone(), body)]);
            r.req = Some(finding.req.clone());
            Some(r)
        }
    }
}

/// Replace the best weak (or partial/conflicting) clause of `finding` with the
/// model language, keeping the clause's own number. `None` if there is no such
/// clause or it overlaps text the assistant already changed.
pub fn replace_for(
    doc: &Document,
    report: &Report,
    finding: &Finding,
    lib: &Library,
    values: &Values,
) -> Option<Revision> {
    let ev = finding
        .evidence
        .iter()
        .find(|e| e.status != Status::Strong)?;
    let clause = report.clauses.get(ev.clause)?;
    let current = doc.text();
    let range = clause.range;
    if range.end > current.len() || range.is_empty() {
        return None;
    }
    let old = &current[range.start..range.end];
    let label = clause.label.clone().unwrap_or_default();
    let mut text = clause_text(
        &label,
        &finding.title,
        &model_text(&finding.req, lib, values)?,
    );
    let trailing = &old[old.trim_end().len()..];
    text.push_str(trailing);
    let (bs, be) = (doc.base_offset(range.start), doc.base_offset(range.end));
    // The range must map to untouched base text of the same length.
    if be - bs != range.len() || doc.base.get(bs..be) != Some(old) {
        return None;
    }
    Some(Revision {
        req: Some(finding.req.clone()),
        delete: Span::new(bs, be),
        insert: text,
    })
}

/// "Insert all missing": one revision appending the addendum with every
/// missing requirement, plus the Partnership Maturity Roadmap exhibit listing
/// the partial ones. `None` when nothing is missing or partial.
pub fn insert_all(
    doc: &Document,
    report: &Report,
    lib: &Library,
    values: &Values,
) -> Option<Revision> {
    let current = doc.text();
    let missing: Vec<(String, String)> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Missing)
        .filter_map(|f| Some((f.title.clone(), model_text(&f.req, lib, values)?)))
        .collect();
    let partial: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Partial)
        .collect();
    if missing.is_empty() && partial.is_empty() {
        return None;
    }
    let mut rev = if missing.is_empty() {
        let end = doc.base.len();
        Revision {
            req: None,
            delete: Span::new(end, end),
            insert: lead_for_end(&current).to_string(),
        }
    } else {
        addendum_append(doc, &current, &missing)
    };
    if !partial.is_empty() {
        if !rev.insert.is_empty() && !rev.insert.ends_with("\n\n") {
            rev.insert.push('\n');
        }
        rev.insert
            .push_str(&roadmap_exhibit(&partial, report, lib, values));
    }
    Some(rev)
}

/// The exhibit text: one dated, owned entry per partial requirement.
pub fn roadmap_exhibit(
    partial: &[&Finding],
    report: &Report,
    lib: &Library,
    values: &Values,
) -> String {
    let months = lib
        .threshold_value("roadmap_max_target_months", &values.playbook)
        .map(number)
        .unwrap_or_else(|| "[roadmap_max_target_months]".into());
    let mut s = format!("EXHIBIT R. {ROADMAP_TITLE}\n");
    s.push_str(&format!(
        "The following Gaps are recorded under the Agreement's roadmap terms. {} shall close each Gap no later than {months} months after the date of this exhibit.\n",
        values.supplier
    ));
    for (i, f) in partial.iter().enumerate() {
        let where_ = f
            .evidence
            .first()
            .and_then(|e| report.clauses.get(e.clause))
            .and_then(|c| c.label.clone())
            .map(|l| format!(" (see clause {l})"))
            .unwrap_or_default();
        let why = if f.reasons.is_empty() {
            "the current terms meet the requirement only in part".to_string()
        } else {
            f.reasons.join("; ")
        };
        s.push_str(&format!(
            "R.{n} {title} [{id}]{where_}. Gap: {why}. Compensating Controls: [to be agreed]. Target date: [date]. Owners: [{sup} owner], [{cus} owner].\n",
            n = i + 1,
            title = f.title,
            id = f.req,
            sup = values.supplier,
            cus = values.customer,
        ));
    }
    s
}

#[cfg(test)]
#[path = "insert_tests.rs"]
mod tests;
