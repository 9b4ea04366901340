//! Negative wording that does not work against a duty. Grading treats a
//! negation in a clause as taking its duty back, and a requirement's
//! conflict wording as working against it; these are the exceptions the
//! model language itself showed: the hospital freed of something, a limit
//! lifted, one answer of several, and the conflict named only to forbid it.

use super::Span;
use crate::library::Party;

/// Whether the words right after `s` forbid what it names ("… are not
/// permitted", "… is prohibited").
pub fn forbidden_after(lower: &str, s: Span) -> bool {
    let rest = &lower[s.end..lower.ceil_char_boundary((s.end + 40).min(lower.len()))];
    let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let rest = [
        "is ",
        "are ",
        "shall be ",
        "will be ",
        "must be ",
        "shall ",
        "will ",
    ]
    .iter()
    .find_map(|m| rest.strip_prefix(m))
    .unwrap_or(rest);
    [
        "not permitted",
        "not allowed",
        "prohibited",
        "forbidden",
        "disallowed",
        "not be permitted",
        "not be allowed",
        "never be",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// A negation at `s` that does not take the duty back: the hospital's own
/// freedom under a supplier requirement ("Customer is not required to seek
/// support from the maker"; a burden put on it, "Customer will be required
/// to pay", still counts), a limit lifted ("this limit does not apply to
/// an audit after an incident"), or one answer of several ("state whether
/// the update (i) is validated, (ii) does not apply to the Product …"), or
/// a relative clause naming what the duty covers ("disable services that
/// are not required for clinical use").
pub fn spares_the_duty(lower: &str, s: Span, customer: &str, party: Party) -> bool {
    let from = lower.floor_char_boundary(s.start.saturating_sub(100));
    let before = &lower[from..s.start];
    let before = before.rsplit(['.', ';']).next().unwrap_or(before);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let near = &words[words.len().saturating_sub(3)..];
    let customer = customer.to_ascii_lowercase();
    let customer = customer.split_whitespace().last().unwrap_or("customer");
    let negative = lower
        .get(s.start..s.end)
        .is_some_and(|n| n.split_whitespace().any(|w| w == "not" || w == "no"));
    let hospital_subject = party == Party::Supplier
        && negative
        && near
            .iter()
            .rev()
            .find(|w| !["is", "are", "shall", "will", "be"].contains(w))
            .is_some_and(|w| *w == customer);
    let limit_lifted = near.iter().any(|w| {
        matches!(
            *w,
            "limit"
                | "limits"
                | "limitation"
                | "limitations"
                | "restriction"
                | "restrictions"
                | "cap"
        )
    });
    let relative = negative && near.last().is_some_and(|w| matches!(*w, "that" | "which"));
    hospital_subject || limit_lifted || relative || words.contains(&"whether")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Span {
        let a = text.find(needle).unwrap_or(0);
        Span::new(a, a + needle.len())
    }

    #[test]
    fn a_relative_clause_names_what_the_duty_covers() {
        let t = "supplier shall disable services and ports that are not required for clinical use.";
        assert!(spares_the_duty(
            t,
            at(t, "are not required"),
            "Customer",
            Party::Supplier
        ));
        let t = "supplier acknowledges that updates are not required for this product.";
        assert!(!spares_the_duty(
            t,
            at(t, "are not required"),
            "Customer",
            Party::Supplier
        ));
    }

    #[test]
    fn a_forbidden_conflict_is_none() {
        let t = "shared or generic remote-support accounts are prohibited.";
        assert!(forbidden_after(
            t,
            at(t, "shared or generic remote-support accounts")
        ));
        let t = "shared remote-support accounts are used for escalations.";
        assert!(!forbidden_after(t, at(t, "shared remote-support accounts")));
    }

    /// Whether the negation `needle` in `t` spares a duty of `party`.
    fn spares(t: &str, needle: &str, party: Party) -> bool {
        spares_the_duty(t, at(t, needle), "Customer", party)
    }

    #[test]
    fn negations_that_spare_the_duty() {
        let t = "supplier shall monitor the maker, and customer is not required to ask it.";
        assert!(spares(t, "is not required", Party::Supplier));
        // The hospital's own duty negated is a conflict for a hospital requirement.
        assert!(!spares(t, "is not required", Party::Customer));
        let t = "customer will be required to pay for each update.";
        assert!(!spares(t, "will be required", Party::Supplier));
        let t = "routine audits are limited to one a year; this limit does not apply to an audit after an incident.";
        assert!(spares(t, "does not apply", Party::Supplier));
        let t = "supplier shall state whether the update (i) is validated, (ii) does not apply to the product.";
        assert!(spares(t, "does not apply", Party::Supplier));
        let t = "supplier does not provide security updates.";
        assert!(!spares(t, "does not provide", Party::Supplier));
    }
}
