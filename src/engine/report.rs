//! The report: what the engine tells the UI, the CLI and the exports.
//! Serialised as JSON (schema documented in `docs/REPORT_SCHEMA.md`).

use crate::library::{Pillar, Priority};
use serde::{Deserialize, Serialize};

/// A byte range `start..end` in the user's original text (always on char
/// boundaries, `start <= end`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Grade of a requirement in a clause or in the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Strong,
    Partial,
    Weak,
    Conflict,
    Missing,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Strong,
        Status::Partial,
        Status::Weak,
        Status::Conflict,
        Status::Missing,
    ];
    /// The word used in data attributes, CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Strong => "strong",
            Status::Partial => "partial",
            Status::Weak => "weak",
            Status::Conflict => "conflict",
            Status::Missing => "missing",
        }
    }
    /// The word shown to people ("met" for strong).
    pub fn label(self) -> &'static str {
        match self {
            Status::Strong => "met",
            Status::Partial => "partial",
            Status::Weak => "weak",
            Status::Conflict => "conflicting",
            Status::Missing => "missing",
        }
    }
}

/// Whose interests the review protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    /// The hospital / HDO (default).
    #[default]
    Customer,
    /// The manufacturer / MDM.
    Supplier,
}

/// What kind of block a clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClauseKind {
    Title,
    Preamble,
    Article,
    Section,
    Subclause,
    Heading,
    Definition,
    Exhibit,
    Paragraph,
}

/// One node of the clause tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Index in [`Report::clauses`] (document order).
    pub id: usize,
    pub kind: ClauseKind,
    /// The user's own number or label ("1.2", "(a)", "ARTICLE IV", "Exhibit B").
    pub label: Option<String>,
    /// Heading text, if the clause has one.
    pub heading: Option<String>,
    pub parent: Option<usize>,
    pub depth: usize,
    /// Range of the whole clause (label, heading and body) in the original text.
    pub range: Span,
    /// Requirement IDs this clause serves (status other than missing).
    pub reqs: Vec<String>,
}

/// Who is who in the contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Parties {
    /// Defined term for the manufacturer side ("Supplier", "Vendor", …).
    pub supplier: Option<String>,
    /// Legal name, when given ("Acme Medical Inc.").
    pub supplier_name: Option<String>,
    /// Defined term for the hospital side ("Customer", "Hospital", …).
    pub customer: Option<String>,
    pub customer_name: Option<String>,
}

/// One piece of evidence: a clause graded for a requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub clause: usize,
    pub range: Span,
    pub status: Status,
    /// The phrases that triggered or graded the hit (ranges in the original).
    pub phrases: Vec<Span>,
    /// Plain-English reasons ("patch window 90 days is longer than the playbook's 30 calendar days").
    pub reasons: Vec<String>,
}

/// Where model language for a gap should go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insertion {
    /// Byte offset in the original text where the new clause is inserted.
    pub offset: usize,
    /// The clause it follows, if any.
    pub after_clause: Option<usize>,
    /// True when no related section exists and a Cybersecurity Addendum is appended at the end.
    pub new_addendum: bool,
    /// Suggested number for the new clause, continuing the document ("12.4", "A.3").
    pub label: String,
}

/// The document verdict for one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub req: String,
    pub title: String,
    pub pillar: Pillar,
    pub priority: Priority,
    pub status: Status,
    /// True when, from the chosen perspective, this finding is a risk to act on.
    pub risk: bool,
    pub reasons: Vec<String>,
    /// Best evidence first.
    pub evidence: Vec<Evidence>,
    /// Clauses that contradict each other for this requirement (pairs of clause ids), with why.
    pub conflicts: Vec<ConflictNote>,
    /// Suggested insertion point (for missing, weak, partial or conflicting findings).
    pub insertion: Option<Insertion>,
}

/// Two clauses that disagree about one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictNote {
    pub clauses: Vec<usize>,
    pub reason: String,
}

/// Everything the engine found in one document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    pub perspective: Perspective,
    pub parties: Parties,
    pub clauses: Vec<Clause>,
    /// One finding per requirement in the library, in library order.
    pub findings: Vec<Finding>,
    /// Notes about the input itself (truncated, binary-looking, no clauses found …).
    pub diagnostics: Vec<String>,
}
