//! Typed requirements, thresholds and cues, exactly as the front matter of a
//! clause file declares them (serde field names are the file format).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The MC2 pillar a requirement belongs to (cross-cutting items are `General`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Pillar {
    General,
    Maturity,
    #[serde(rename = "Product Design Maturity")]
    ProductDesignMaturity,
    Performance,
}

impl Pillar {
    pub const ALL: [Pillar; 4] = [
        Pillar::General,
        Pillar::Maturity,
        Pillar::ProductDesignMaturity,
        Pillar::Performance,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Pillar::General => "General",
            Pillar::Maturity => "Maturity",
            Pillar::ProductDesignMaturity => "Product Design Maturity",
            Pillar::Performance => "Performance",
        }
    }
}

/// Who carries the duty a requirement describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    Supplier,
    Customer,
    Both,
}

/// How much a gap hurts patient safety and the hospital's risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Critical,
    High,
    Medium,
    Low,
}

impl Priority {
    pub fn label(self) -> &'static str {
        match self {
            Priority::Critical => "critical",
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

/// How sure we are that a statement reflects MC2 (see `catalog.md`): only
/// `Confirmed` may be presented as "MC2 says".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceTag {
    Confirmed,
    Secondary,
    Inferred,
}

/// Unit of a threshold or of a duration found in contract text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Hours,
    BusinessDays,
    CalendarDays,
    Months,
    Years,
}

/// Whether a contract value must be at most (deadlines) or at least (notice
/// periods, support periods) the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtMost,
    AtLeast,
}

/// A playbook number, e.g. patch availability within 30 calendar days.
/// `name` is also the placeholder (`{{patch_days}}`) used in model language,
/// so it is unique across the whole library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub name: String,
    /// What is measured, in words ("security patch available after vendor release").
    pub label: String,
    pub value: f64,
    pub unit: Unit,
    pub direction: Direction,
    /// Where the default comes from ("reported MC2 v2 #31", "FDA 2016 postmarket guidance").
    pub source: String,
    pub evidence: EvidenceTag,
    /// Words near a duration that select this threshold when a requirement has
    /// several (e.g. `["exploited", "KEV"]` for the exploited-vulnerability notice).
    #[serde(default)]
    pub context: Vec<String>,
}

/// Reference to MC2 for this requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mc2Ref {
    pub version: String,
    /// Reported clause number(s), e.g. "31" or "11, 43"; absent when unknown.
    #[serde(default)]
    pub clause: Option<String>,
    pub evidence: EvidenceTag,
}

/// Detection vocabulary the engine compiles once. All matching is
/// case-insensitive. See `docs/CLAUSE_FORMAT.md` for the semantics.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// Plain phrases that name the topic (matched on stemmed words).
    #[serde(default)]
    pub concepts: Vec<String>,
    /// Regular expressions (regex-lite syntax) that name the topic.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Words that, in the heading of the enclosing section, raise confidence.
    #[serde(default)]
    pub headings: Vec<String>,
    /// Regexes that indicate a strong, specific commitment for this requirement.
    #[serde(default)]
    pub strong: Vec<String>,
    /// Regexes that indicate a weak form for this requirement.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Regexes that indicate wording working against this requirement.
    #[serde(default)]
    pub conflict: Vec<String>,
    /// Regexes that rule a candidate out (topic words used in another sense).
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// The front matter of a clause file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub pillar: Pillar,
    pub principle: String,
    pub party: Party,
    pub priority: Priority,
    pub mc2: Mc2Ref,
    /// Framework name → reference, e.g. `fda = "524B(b)(2)"`, `mds2 = "CSUP"`.
    #[serde(default)]
    pub crosswalk: BTreeMap<String, String>,
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    #[serde(default)]
    pub cues: Cues,
}

/// The Markdown sections of a clause file (raw Markdown with placeholders).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub model_language: String,
    pub fallback: String,
    pub why: String,
    pub notes_customer: String,
    pub notes_supplier: String,
}

/// One requirement: front matter + body + where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    #[serde(flatten)]
    pub meta: FrontMatter,
    pub body: Body,
    /// File it was loaded from ("clauses/PERF-PATCH.md" or a pack file name).
    pub source: String,
}

/// A problem in a clause file or pack, with the file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// User-chosen threshold values (threshold name → value), overriding the
/// defaults of the library. Empty means "library defaults".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Playbook {
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
}

/// Values for placeholders in model language: party terms plus the playbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Values {
    /// Defined term for the manufacturer ("Supplier").
    pub supplier: String,
    /// Defined term for the hospital ("Customer").
    pub customer: String,
    #[serde(default)]
    pub playbook: Playbook,
}

impl Default for Values {
    fn default() -> Values {
        Values {
            supplier: "Supplier".into(),
            customer: "Customer".into(),
            playbook: Playbook::default(),
        }
    }
}
