//! Durations in contract text ("thirty (30) calendar days", "72 hours",
//! "24 months") and the event they run from ("after release", "after
//! confirmation"), for comparison with playbook thresholds.

use super::Span;
use crate::library::Unit;
use serde::{Deserialize, Serialize};

/// The event a duration runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    Release,
    Discovery,
    Awareness,
    Notice,
    Confirmation,
    Delivery,
    Request,
    Other,
}

/// A trigger phrase found after a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub span: Span,
    /// True for late triggers (confirmation, completion of investigation) that
    /// weaken an otherwise compliant number.
    pub late: bool,
}

/// A duration found in text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub span: Span,
    pub value: f64,
    pub unit: Unit,
    /// True when the text says only "days" (calendar vs business not stated).
    pub unit_ambiguous: bool,
    pub trigger: Option<Trigger>,
}

/// Find every duration in `text` (placeholder: none).
pub fn durations(_text: &str) -> Vec<Duration> {
    Vec::new()
}
