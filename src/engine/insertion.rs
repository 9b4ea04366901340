//! Where model language for a gap goes: after the clause that already deals
//! with the requirement, else after the best evidence for a related
//! requirement of the same pillar, else in a new Cybersecurity Addendum at the
//! end of the document (numbered after the last top-level clause).

use super::{Clause, Finding, Insertion, Status};

/// Fill in [`Finding::insertion`] for every finding that is not strong.
pub fn place(findings: &mut [Finding], clauses: &[Clause], original: &str) {
    let best_in_pillar: Vec<(crate::library::Pillar, usize, u8)> = findings
        .iter()
        .filter_map(|f| {
            let e = f.evidence.first()?;
            let r = match e.status {
                Status::Strong => 0,
                Status::Partial => 1,
                Status::Weak => 2,
                _ => 3,
            };
            Some((f.pillar, e.clause, r))
        })
        .collect();
    let addendum = addendum_label(clauses);
    for f in findings.iter_mut() {
        if f.status == Status::Strong {
            continue;
        }
        let own = f.evidence.first().map(|e| e.clause);
        let related = || {
            best_in_pillar
                .iter()
                .filter(|(p, _, _)| *p == f.pillar)
                .min_by_key(|(_, c, r)| (*r, *c))
                .map(|(_, c, _)| *c)
        };
        f.insertion = Some(match own.or_else(related) {
            Some(cid) if cid < clauses.len() => {
                // Insert after the whole clause (its sub-clauses included).
                let c = &clauses[cid];
                Insertion {
                    offset: c.range.end.min(original.len()),
                    after_clause: Some(cid),
                    new_addendum: false,
                    label: c
                        .label
                        .as_deref()
                        .map_or_else(|| "new".to_string(), next_label),
                }
            }
            _ => Insertion {
                offset: original.len(),
                after_clause: None,
                new_addendum: true,
                label: addendum.clone(),
            },
        });
    }
}

/// The number after the last top-level clause ("12" → "13"), or "1".
fn addendum_label(clauses: &[Clause]) -> String {
    let n = clauses
        .iter()
        .filter(|c| c.parent.is_none())
        .filter_map(|c| c.label.as_deref())
        .filter_map(|l| {
            let d: String = l
                .trim_start_matches(|ch: char| !ch.is_ascii_digit())
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            d.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    format!("{}", n + 1)
}

/// The label of the next sibling: "12.3" → "12.4", "(b)" → "(c)", "7." → "8.".
pub fn next_label(label: &str) -> String {
    let l = label.trim();
    // Last run of digits.
    if let Some(end) = l.rfind(|c: char| c.is_ascii_digit()) {
        let start = l[..=end]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + 1);
        if let Ok(n) = l[start..=end].parse::<u64>() {
            return format!("{}{}{}", &l[..start], n + 1, &l[end + 1..]);
        }
    }
    // A single letter, e.g. "(b)".
    let letters: Vec<(usize, char)> = l
        .char_indices()
        .filter(|(_, c)| c.is_ascii_alphabetic())
        .collect();
    if let [(i, c)] = letters[..]
        && c != 'z'
        && c != 'Z'
    {
        let n = (c as u8 + 1) as char;
        return format!("{}{}{}", &l[..i], n, &l[i + 1..]);
    }
    format!("{l} (new)")
}

#[cfg(test)]
mod tests {
    use super::next_label;

    #[test]
    fn next_label_continues_the_documents_numbering() {
        assert_eq!(next_label("12.3"), "12.4");
        assert_eq!(next_label("(b)"), "(c)");
        assert_eq!(next_label("7."), "8.");
        assert_eq!(next_label("Section 9"), "Section 10");
    }
}
