//! Unit tests of the app reducer: every user action, undo/redo, persistence.

use super::*;
use crate::engine::Span;

fn ins(at: usize, s: &str) -> Revision {
    Revision {
        req: Some("PERF-PATCH".into()),
        delete: Span::new(at, at),
        insert: s.into(),
    }
}

#[test]
fn insert_then_undo_restores_the_exact_bytes_and_redo_reapplies() {
    let original = "1. A\r\n1.1 Tabs\tand  spaces é\n";
    let s = State::with_text(original);
    let s = s.reduce(Action::Apply(vec![ins(original.len(), "2. NEW\n")]));
    assert_eq!(s.doc.text(), format!("{original}2. NEW\n"));
    let s = s.reduce(Action::Undo);
    assert_eq!(s.doc.text(), original);
    assert!(s.doc.revisions.is_empty());
    let s = s.reduce(Action::Redo);
    assert_eq!(s.doc.text(), format!("{original}2. NEW\n"));
    assert!(!s.can_redo());
}

#[test]
fn a_burst_of_typing_is_one_undo_step() {
    let s = State::with_text("a");
    let s = s
        .reduce(Action::Type("ab".into()))
        .reduce(Action::Type("abc".into()));
    assert_eq!(s.undo.len(), 1);
    let s = s.reduce(Action::SetPerspective(Perspective::Supplier));
    let s = s.reduce(Action::Type("abcd".into()));
    assert_eq!(
        s.undo.len(),
        2,
        "typing after another action starts a new step"
    );
    let s = s.reduce(Action::Undo).reduce(Action::Undo);
    assert_eq!(s.doc.text(), "a");
}

#[test]
fn a_new_edit_clears_redo() {
    let s = State::with_text("x")
        .reduce(Action::Load("y".into()))
        .reduce(Action::Undo);
    assert!(s.can_redo());
    let s = s.reduce(Action::Load("z".into()));
    assert!(!s.can_redo());
    assert_eq!(s.doc.text(), "z");
}

#[test]
fn an_edit_that_cannot_apply_leaves_the_document_and_says_why() {
    let s = State::with_text("abc").reduce(Action::Apply(vec![ins(99, "x")]));
    assert_eq!(s.doc.text(), "abc");
    assert!(!s.can_undo());
    assert!(s.notice.as_deref().unwrap_or("").contains("outside"));
}

#[test]
fn history_is_bounded() {
    let mut s = State::with_text("");
    for i in 0..(HISTORY_LIMIT + 20) {
        s = s.reduce(Action::Load(format!("v{i}")));
    }
    assert_eq!(s.undo.len(), HISTORY_LIMIT);
}

#[test]
fn playbook_thresholds_set_reject_negative_and_reset() {
    let s = State::default()
        .reduce(Action::SetThreshold("patch_days".into(), Some(14.0)))
        .reduce(Action::SetThreshold("notice_days".into(), Some(-3.0)));
    assert_eq!(s.playbook.values.get("patch_days"), Some(&14.0));
    assert!(!s.playbook.values.contains_key("notice_days"));
    assert!(s.notice.is_some());
    let s = s.reduce(Action::SetThreshold("patch_days".into(), None));
    assert!(s.playbook.values.is_empty());
    let s = s
        .reduce(Action::SetThreshold("a".into(), Some(1.0)))
        .reduce(Action::ResetPlaybook);
    assert!(s.playbook.values.is_empty());
}

#[test]
fn pack_files_replace_by_name_and_can_be_removed() {
    let f = |n: &str, t: &str| PackFile {
        name: n.into(),
        text: t.into(),
    };
    let s = State::default()
        .reduce(Action::AddPackFile(f("a.md", "1")))
        .reduce(Action::AddPackFile(f("b.md", "2")))
        .reduce(Action::AddPackFile(f("a.md", "3")));
    assert_eq!(s.pack, vec![f("a.md", "3"), f("b.md", "2")]);
    let s = s.reduce(Action::RemovePackFile("a.md".into()));
    assert_eq!(s.pack, vec![f("b.md", "2")]);
    assert!(s.reduce(Action::ClearPack).pack.is_empty());
}

#[test]
fn filters_toggle_and_accept() {
    let s = State::default()
        .reduce(Action::ToggleStatusFilter(Status::Missing))
        .reduce(Action::SetPillarFilter(Some(Pillar::Performance)));
    let f = &s.filters;
    assert!(f.accepts(Status::Missing, Pillar::Performance, Priority::Low));
    assert!(!f.accepts(Status::Strong, Pillar::Performance, Priority::Low));
    assert!(!f.accepts(Status::Missing, Pillar::Maturity, Priority::Low));
    let s = s.reduce(Action::ToggleStatusFilter(Status::Missing));
    assert!(s.filters.statuses.is_empty());
    assert_eq!(s.reduce(Action::ClearFilters).filters, Filters::default());
}

#[test]
fn state_round_trips_through_json_without_history() {
    let s = State::with_text("base")
        .reduce(Action::Apply(vec![ins(4, " more")]))
        .reduce(Action::SetPerspective(Perspective::Supplier))
        .reduce(Action::SetThreshold("patch_days".into(), Some(10.0)));
    let json = serde_json::to_string(&s).unwrap_or_default();
    let back: State = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back.doc, s.doc);
    assert_eq!(back.perspective, Perspective::Supplier);
    assert_eq!(back.playbook, s.playbook);
    assert!(back.undo.is_empty(), "history is not persisted");
}

#[test]
fn clear_all_forgets_everything() {
    let s = State::with_text("secret")
        .reduce(Action::SetPerspective(Perspective::Supplier))
        .reduce(Action::ClearAll);
    assert_eq!(s.doc.text(), "");
    assert_eq!(s.perspective, Perspective::Customer);
    assert!(!s.can_undo());
}

#[test]
fn party_terms_are_trimmed_and_blank_means_detected() {
    let s = State::default().reduce(Action::SetPartyTerms {
        supplier: Some("  Vendor ".into()),
        customer: Some("   ".into()),
    });
    assert_eq!(s.supplier_term.as_deref(), Some("Vendor"));
    assert_eq!(s.customer_term, None);
}

#[test]
fn a_change_prepared_for_an_older_document_is_refused() {
    let s = State::with_text("abc");
    let old = Rc::new(s.doc.clone());
    let s = s.reduce(Action::Type("abcd".into()));
    let s = s.reduce(Action::ApplyAgainst(old, vec![ins(0, "X")]));
    assert_eq!(s.doc.text(), "abcd");
    assert!(s.notice.is_some());
    let cur = Rc::new(s.doc.clone());
    let s = s.reduce(Action::ApplyAgainst(cur, vec![ins(0, "X")]));
    assert_eq!(s.doc.text(), "Xabcd");
}
