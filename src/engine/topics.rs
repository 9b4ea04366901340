//! Helpers of the clause-level topic rules in [`super::Engine`]'s
//! `grade_text`: which requirements a clause keeps beside its main topics
//! (who pays for maintenance work), a list of the hospital's duties, and the
//! hospital's side of the shared-responsibility split.

use super::{Span, Status, cues, detect, grade, vocab};

/// A clause that only allocates duties to the hospital states one side of
/// the shared-responsibility split: at best partial (a strong split pairs
/// each area with the manufacturer's side), and its deadlines belong to the
/// hospital's duty, not to the split, so they are not compared here.
pub(super) fn one_side_of_split(g: &mut grade::Graded, text: &str, span: Span) {
    if matches!(g.status, Status::Strong | Status::Partial) {
        g.status = Status::Partial;
        g.numbers.clear();
        g.overcommit = false;
        g.reasons = vec![format!(
            "Allocates security duties to the hospital ({}) without the manufacturer's side of the split.",
            grade::quote(text, span)
        )];
    }
}

/// Whether the sentence around byte `at` of `text` speaks of security
/// maintenance work (patching, updating, upgrading, remedying, supporting);
/// `lower` is `text` ASCII-lowercased.
pub(super) fn maintenance_work(text: &str, lower: &str, at: usize) -> bool {
    const WORK: [&str; 9] = [
        "patch",
        "update",
        "upgrade",
        "remed",
        "fix",
        "support",
        "maintenance",
        "firmware",
        "repair",
    ];
    let w = detect::window(text, at);
    WORK.iter().any(|k| lower[w.start..w.end].contains(k))
}

/// Whether `text` opens with a list of the customer's duties: the customer
/// modal `duty` near the start, an enumeration ("(i)", "(a)", "1.", a bullet)
/// right after it, and no supplier duty anywhere in the text.
pub(super) fn hospital_duty_list(text: &str, lower: &str, duty: Span) -> bool {
    if duty.start > 80 || vocab::supplier_duty(text, lower).is_some() {
        return false;
    }
    let (from, to) = cues::snap(lower, duty.end, (duty.end + 40).min(lower.len()));
    let after = &lower[from..to];
    ["(i)", "(a)", "(1)", "1.", "\u{2022}", "- "]
        .iter()
        .any(|m| after.contains(m))
}
