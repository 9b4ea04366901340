//! Scoring the detector on labelled data (`mc2 eval`): clause-level micro
//! precision / recall / F1 over (clause, requirement) pairs, strength accuracy
//! on true positives, the false-alarm rate on off-topic clauses, and
//! document-level present/missing accuracy.

use super::{Engine, Options, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Row {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default)]
    labels: Vec<Label>,
}

#[derive(Debug, Deserialize)]
struct Label {
    req: String,
    #[serde(default)]
    strength: Option<String>,
}

/// Counts for one requirement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// The result of a clause-level evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseScores {
    pub clauses: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub strength_accuracy: f64,
    pub negative_false_alarm_rate: f64,
    pub per_req: BTreeMap<String, Counts>,
}

/// One clause's prediction against its gold labels (for error listings).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub id: String,
    pub gold: Vec<(String, String)>,
    pub predicted: Vec<(String, String)>,
    /// The engine's reasons for each predicted requirement.
    pub reasons: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Score `jsonl` (one labelled clause per line). Errors name the bad line.
pub fn eval_clauses(
    engine: &Engine,
    jsonl: &str,
    opts: &Options,
) -> Result<(ClauseScores, Vec<Miss>), String> {
    let mut per_req: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut tp, mut fp, mut fn_, mut same, mut neg, mut neg_alarm, mut n) = (0, 0, 0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Row = serde_json::from_str(line)
            .map_err(|e| format!("line {}: not a labelled clause ({e})", i + 1))?;
        n += 1;
        let hits = engine.classify(&row.text, opts);
        let pred: Vec<(String, Status)> = hits
            .iter()
            .filter(|h| h.status != Status::Missing)
            .map(|h| (h.req.clone(), h.status))
            .collect();
        if row.labels.is_empty() {
            neg += 1;
            if !pred.is_empty() {
                neg_alarm += 1;
            }
        }
        let mut wrong = false;
        for l in &row.labels {
            let c = per_req.entry(l.req.clone()).or_default();
            match pred.iter().find(|(r, _)| *r == l.req) {
                Some((_, s)) => {
                    tp += 1;
                    c.tp += 1;
                    if l.strength.as_deref() == Some(s.as_str()) {
                        same += 1;
                    } else {
                        wrong = true;
                    }
                }
                None => {
                    fn_ += 1;
                    c.fn_ += 1;
                    wrong = true;
                }
            }
        }
        for (r, _) in &pred {
            if !row.labels.iter().any(|l| l.req == *r) {
                fp += 1;
                per_req.entry(r.clone()).or_default().fp += 1;
                wrong = true;
            }
        }
        if wrong {
            misses.push(Miss {
                id: row.id.clone(),
                gold: row
                    .labels
                    .iter()
                    .map(|l| (l.req.clone(), l.strength.clone().unwrap_or_default()))
                    .collect(),
                predicted: pred
                    .iter()
                    .map(|(r, s)| (r.clone(), s.as_str().to_string()))
                    .collect(),
                reasons: hits
                    .iter()
                    .map(|h| {
                        let ph: Vec<&str> = h
                            .phrases
                            .iter()
                            .filter_map(|p| row.text.get(p.start..p.end))
                            .collect();
                        format!("{} {:?}: {}", h.req, ph, h.reasons.join(" "))
                    })
                    .collect(),
            });
        }
    }
    if n == 0 {
        return Err("no labelled clauses in the file".into());
    }
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Ok((
        ClauseScores {
            clauses: n,
            precision: round4(precision),
            recall: round4(recall),
            f1: round4(f1),
            strength_accuracy: round4(ratio(same, tp)),
            negative_false_alarm_rate: round4(ratio(neg_alarm, neg)),
            per_req,
        },
        misses,
    ))
}

/// The result of a document-level evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocScores {
    pub documents: usize,
    pub pairs: usize,
    /// Share of (document, requirement) pairs whose present/missing verdict matches the gold one.
    pub doc_accuracy: f64,
    /// Share of pairs whose exact status matches.
    pub status_accuracy: f64,
    pub per_req: BTreeMap<String, Counts>,
}

/// Score whole documents: `(name, text, labels JSON)` triples, where the
/// labels map requirement IDs to a status word. Requirements absent from the
/// labels are not scored.
pub fn eval_docs(
    engine: &Engine,
    docs: &[(String, String, String)],
    opts: &Options,
) -> Result<DocScores, String> {
    let mut per_req: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut pairs, mut ok, mut exact) = (0, 0, 0);
    for (name, text, labels) in docs {
        let gold: BTreeMap<String, String> = serde_json::from_str(labels)
            .map_err(|e| format!("{name}: labels are not a JSON object of statuses ({e})"))?;
        let report = engine.analyze(text, opts);
        for (req, g) in &gold {
            let Some(f) = report.findings.iter().find(|f| f.req == *req) else {
                continue;
            };
            pairs += 1;
            let gp = g != "missing";
            let pp = f.status != Status::Missing;
            let c = per_req.entry(req.clone()).or_default();
            match (gp, pp) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => {}
            }
            if gp == pp {
                ok += 1;
            }
            if f.status.as_str() == g {
                exact += 1;
            }
        }
    }
    Ok(DocScores {
        documents: docs.len(),
        pairs,
        doc_accuracy: round4(ratio(ok, pairs)),
        status_accuracy: round4(ratio(exact, pairs)),
        per_req,
    })
}
