//! The catalogue of MC2 requirement IDs, in display order.
//!
//! Why: the built-in library must contain exactly these requirements (the
//! validator checks it) and everything that lists requirements (the app, the
//! addendum, reports) shows them in this order. The list mirrors the
//! `## ID list` section of the shared catalogue (`catalog.md`); a test keeps
//! the two in step.

/// The 35 requirement IDs, grouped by pillar, in display order.
pub const CATALOG: [&str; 35] = [
    // General
    "GEN-SCOPE",
    "DEF",
    "GEN-SHARED",
    "HDO-RESP",
    "ROADMAP",
    // Maturity
    "MAT-SDL",
    "MAT-TRANSP",
    "MAT-MDS2",
    "MAT-SBOM",
    "MAT-3PC",
    "MAT-SUBK",
    "MAT-VDP",
    "MAT-RISK",
    "MAT-AUDIT",
    "MAT-PEOPLE",
    "MAT-COMPLY",
    // Product Design Maturity
    "PDM-AUTH",
    "PDM-CRYPTO",
    "PDM-LOG",
    "PDM-MALWARE",
    "PDM-HARDEN",
    "PDM-OS",
    "PDM-NET",
    "PDM-REMOTE",
    "PDM-DATALOC",
    "PDM-DATA",
    "PDM-SANITIZE",
    "PDM-RESIL",
    "PDM-TEST",
    // Performance
    "PERF-PATCH",
    "PERF-VULN-NOTICE",
    "PERF-INCIDENT",
    "PERF-IR",
    "PERF-EOL",
    "PERF-COST",
];

/// Position of an ID in [`CATALOG`], or `None` for an ID a pack added.
pub fn catalog_index(id: &str) -> Option<usize> {
    CATALOG.iter().position(|c| *c == id)
}

/// Whether a string has the shape of a requirement ID: an upper-case letter
/// followed by upper-case letters, digits and hyphens (`PERF-PATCH`, `X-2FA`).
pub fn looks_like_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && id.len() >= 2
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// The IDs listed in the `## ID list` section of a catalogue Markdown file
/// (lines of the form `- ID   description`), in order.
pub fn parse_id_list(catalog_md: &str) -> Vec<String> {
    let mut in_list = false;
    let mut ids = Vec::new();
    for line in catalog_md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            in_list = h.trim() == "ID list";
            continue;
        }
        if !in_list {
            continue;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ")
            && let Some(id) = item.split_whitespace().next()
            && looks_like_id(id)
        {
            ids.push(id.to_string());
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_id_shape_and_are_unique() {
        for (i, id) in CATALOG.iter().enumerate() {
            assert!(looks_like_id(id), "{id}");
            assert_eq!(catalog_index(id), Some(i), "{id} listed twice");
        }
        assert!(!looks_like_id("perf-patch"));
        assert!(!looks_like_id("X"));
        assert!(!looks_like_id("PERF PATCH"));
    }
}
