//! The analysis engine: ingest → segment → parties → detect → grade → verdict → report.
//!
//! Pure functions over strings. The [`Engine`] compiles the cue vocabulary of a
//! [`Library`](crate::library::Library) once; [`Engine::analyze`] then runs the
//! pipeline on any text and never fails: odd input yields fewer clauses and
//! diagnostics, not an error.

pub mod cues;
pub mod detect;
pub mod eval;
pub mod gate;
pub mod grade;
pub mod ingest;
pub mod insertion;
mod limits;
mod negation;
pub mod numbers;
pub mod parallel;
pub mod parties;
mod report;
pub mod segment;
pub mod senses;
mod spelling;
pub mod synth;
mod thresholds;
mod topics;
pub mod verdict;
pub mod vocab;

pub use report::*;

use crate::library::{Library, Playbook};
use cues::{Compiled, Gated};
use detect::Scratch;
use std::sync::Arc;

/// Minimum topic score for a requirement to count as addressed by a clause.
pub const MIN_SCORE: f32 = 1.5;
/// A requirement must score at least this share of the best one in the same
/// clause (dev set: F1 is flat from 0.55 to 0.65; 0.5 lets incidental
/// mentions such as "Customer Data" in an audit clause through).
pub const REL_SCORE: f32 = 0.6;
/// At most this many requirements per clause.
pub const TOP_K: usize = 2;
/// Beyond the top topics, a requirement whose own strong wording matches is
/// kept from this topic score on (its own contrary wording, from 1.0).
const STRONG_MIN: f32 = 2.0;
/// Below this best topic score a clause must also use security vocabulary
/// ([`vocab::security_context`]) to get any requirement: one generic topic
/// word in an insurance or payment clause is not a finding. (It was 4.0
/// while two proximity patterns at 3.0 raised dev false alarms 3 → 2 of 92;
/// with the senses and vocabulary of 2026-12-07, 3.0 raises none on dev, the
/// repo's boilerplate or any kept-out set and finds three more dev labels,
/// while 2.5 raises false alarms on dev and three kept-out sets.)
pub const SECURITY_GATE: f32 = 3.0;

/// How to analyse: whose side we are on and which playbook numbers apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub perspective: Perspective,
    pub playbook: Playbook,
}

/// A requirement found in one clause (clause-level classification, used by
/// `mc2 eval` and by the document pipeline).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub req: String,
    pub status: Status,
    /// Evidence phrases, as ranges of the classified text.
    pub phrases: Vec<Span>,
    pub reasons: Vec<String>,
}

/// The compiled engine: cue automata and regexes built once from a library.
#[derive(Debug, Clone)]
pub struct Engine {
    lib: Library,
    compiled: Arc<Compiled>,
    special: Special,
}

/// Indices of the requirements grading treats specially (looked up once,
/// not per clause).
#[derive(Debug, Clone, Copy)]
struct Special {
    hdo_resp: Option<usize>,
    gen_shared: Option<usize>,
    perf_cost: Option<usize>,
    perf_patch: Option<usize>,
    roadmap: Option<usize>,
    mat_risk: Option<usize>,
    pdm_test: Option<usize>,
    pdm_os: Option<usize>,
    perf_eol: Option<usize>,
    mat_audit: Option<usize>,
    /// Met by definitions, which have no modal (see [`grade::Ctx`]).
    def: Option<usize>,
}

impl Special {
    fn new(lib: &Library) -> Special {
        let at = |id: &str| lib.requirements.iter().position(|r| r.meta.id == id);
        Special {
            hdo_resp: at("HDO-RESP"),
            gen_shared: at("GEN-SHARED"),
            perf_cost: at("PERF-COST"),
            perf_patch: at("PERF-PATCH"),
            roadmap: at("ROADMAP"),
            mat_risk: at("MAT-RISK"),
            pdm_test: at("PDM-TEST"),
            pdm_os: at("PDM-OS"),
            perf_eol: at("PERF-EOL"),
            mat_audit: at("MAT-AUDIT"),
            def: at("DEF"),
        }
    }
}

/// A graded hit with the extra facts the document verdict needs.
#[derive(Debug, Clone)]
pub(crate) struct RawHit {
    pub req: usize,
    pub graded: grade::Graded,
}

impl Engine {
    /// Compile the cues of `lib`. Cue patterns that do not compile are skipped
    /// (the validator reports them).
    pub fn new(lib: &Library) -> Engine {
        Engine {
            lib: lib.clone(),
            compiled: Arc::new(Compiled::new(lib)),
            special: Special::new(lib),
        }
    }

    /// The library this engine was built from.
    pub fn library(&self) -> &Library {
        &self.lib
    }

    /// All plain cue phrases and prefilter literals (for the benchmark's reference scan).
    pub fn cue_phrases(&self) -> &[String] {
        &self.compiled.plain_phrases
    }

    /// Classify one clause on its own (no document context).
    /// The text is normalised first, as in [`Engine::analyze`] (curly quotes,
    /// ligatures, hard wraps), so a clause grades the same pasted alone or in
    /// its contract; phrase ranges are on `clause_text`.
    pub fn classify(&self, clause_text: &str, opts: &Options) -> Vec<Hit> {
        let mut scratch = Scratch::default();
        let parties = Parties::default();
        let norm = ingest::normalize(clause_text);
        let text = norm.text.as_str();
        self.grade_text(&mut scratch, text, &[], false, &parties, opts)
            .into_iter()
            .map(|h| Hit {
                req: self.lib.requirements[h.req].meta.id.clone(),
                status: h.graded.status,
                phrases: h
                    .graded
                    .phrases
                    .iter()
                    .map(|&s| norm.span_to_original(s))
                    .collect(),
                reasons: h.graded.reasons,
            })
            .collect()
    }

    fn grade_text(
        &self,
        scratch: &mut Scratch,
        text: &str,
        heading_reqs: &[usize],
        lead_in_binds: bool,
        parties: &Parties,
        opts: &Options,
    ) -> Vec<RawHit> {
        let c = &self.compiled;
        let ctx = grade::Ctx {
            parties,
            playbook: &opts.playbook,
            definitions: self.special.def,
        };
        // A clause whose security words are all used in other senses is no
        // finding on its cue words' score (a patient-fall "incident report"
        // within 24 hours scores as incident notice on cue words alone). It
        // can still work against a requirement by its own wording ("comply
        // with all policies of Health System as amended from time to time
        // …, and non-compliance shall constitute a material breach"): only
        // that is kept, as below the gate.
        let words = vocab::security_words(text);
        let other_senses = words == vocab::SecurityWords::OnlyOtherSenses;
        let cands = detect::candidates(c, scratch, text, heading_reqs);
        let (min, rel, topk) = (MIN_SCORE, REL_SCORE, TOP_K);
        let max = cands.iter().map(|c| c.score).fold(0.0, f32::max);
        // Below the gate a clause needs security vocabulary, or wording
        // that works against a requirement it is about: "comply with all
        // policies of Hospital as amended from time to time" names no
        // security word, and is the compliance requirement's conflict.
        let (cands, lowered) =
            if other_senses || max < SECURITY_GATE && words == vocab::SecurityWords::None {
                let lower = text.to_ascii_lowercase();
                let against: Vec<_> = cands
                    .into_iter()
                    .filter(|cand| {
                        cand.score >= MIN_SCORE
                            && c.reqs[cand.req]
                                .conflict
                                .iter()
                                .any(|g| g.matches(text, &lower))
                    })
                    .collect();
                if against.is_empty() {
                    return Vec::new();
                }
                (against, Some(lower))
            } else {
                (cands, None)
            };
        let max = cands.iter().map(|c| c.score).fold(0.0, f32::max);
        // Durations only for clauses that pass the gate (most clauses of a
        // long contract do not, and scanning for numbers is not free).
        let durs = &numbers::durations(text);
        let (mut ranked, rest): (Vec<_>, Vec<_>) = cands
            .into_iter()
            .partition(|cand| cand.score >= min && cand.score >= rel * max);
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut dropped = ranked.split_off(topk.min(ranked.len()));
        dropped.extend(rest);
        let lower = lowered.unwrap_or_else(|| text.to_ascii_lowercase());
        // Who pays for security maintenance qualifies another duty (patches,
        // upgrades, remedies) rather than competing with it: a cost topic with
        // enough evidence of its own, said of maintenance work, is kept
        // beside the top topics ("…furnished and installed at Vendor's sole
        // cost", but not an audit "at its expense").
        if let Some(cost) = self.special.perf_cost
            && let Some(i) = dropped.iter().position(|cand| {
                cand.req == cost
                    && cand.score >= min
                    && cand
                        .phrases
                        .iter()
                        .any(|p| topics::maintenance_work(text, &lower, p.start))
            })
        {
            ranked.push(dropped.remove(i));
        }
        // Wording against a requirement always counts, even when the clause
        // is mainly about something else ("Customer is solely responsible for
        // patching"); so does wording that meets it, with enough topic evidence.
        let says = |res: &[Gated]| res.iter().any(|g| g.matches(text, &lower));
        // Updates given only under a paid plan are about both delivering
        // them and who pays: the patch topic stays beside the cost one.
        let limited = std::cell::OnceCell::new();
        let paid_plan = || {
            limited
                .get_or_init(|| limits::Found::new(text, &lower))
                .paid_plan()
                .is_some()
        };
        let patch_beside_cost = self
            .special
            .perf_cost
            .is_some_and(|cost| ranked.iter().any(|c| c.req == cost))
            && paid_plan();
        // A clause that defines a term is a definition whatever the term is
        // about ("\"End of Life\" means the date after which …"): the
        // definitions requirement is kept beside the topic it defines (asked
        // only when that requirement was dropped).
        let defines = || {
            let v = vocab::vocab();
            v.definition.matches(text, &lower) || v.leading_definition.matches(text, &lower)
        };
        // Testing whose results are handed over is also evidence for the
        // audit requirement ("… penetration testing …, and shall provide
        // Hospital with an executive summary of the results").
        let tested = self
            .special
            .pdm_test
            .is_some_and(|t| ranked.iter().any(|c| c.req == t));
        let results_shared = || vocab::vocab().results_shared.matches(text, &lower);
        let mut audit_by_results = false;
        ranked.extend(dropped.into_iter().filter(|cand| {
            let rc = &c.reqs[cand.req];
            cand.score >= 1.0 && says(&rc.conflict)
                || cand.score >= STRONG_MIN && says(&rc.strong)
                || cand.score >= min && says(&rc.weak)
                || patch_beside_cost
                    && Some(cand.req) == self.special.perf_patch
                    && cand.score >= min
                || Some(cand.req) == self.special.def && cand.score >= min && defines()
                || Some(cand.req) == self.special.mat_audit
                    && tested
                    && cand.score >= min
                    && results_shared()
                    && {
                        audit_by_results = true;
                        true
                    }
        }));
        // Customer duties on a security topic are the hospital's obligations,
        // whether put as a modal ("Customer shall …") or as an allocation
        // ("… is Customer's responsibility"). Every clause that gets here is
        // on a security topic: either some requirement ranked, or the best
        // score was below the gate and the clause passed it by its security
        // vocabulary.
        let sp = self.special;
        // A supplier disclaiming security that leaves it "the sole
        // responsibility of Customer" states no hospital duty: it works
        // against the shared split, which reports it.
        let duty = vocab::customer_obligation(text, &lower);
        let disclaimer = duty.is_none()
            && sp
                .gen_shared
                .is_some_and(|gs| ranked.iter().any(|c| c.req == gs) && says(&c.reqs[gs].conflict));
        if disclaimer && let Some(hdo) = sp.hdo_resp {
            ranked.retain(|c| c.req != hdo);
        }
        // Testing the hospital may not do ("Customer shall not perform
        // penetration tests") is its own assessment, which MAT-RISK's
        // conflict reports; PDM-TEST is the supplier's testing of its product.
        if let (Some(risk), Some(test)) = (sp.mat_risk, sp.pdm_test)
            && let Some(i) = ranked.iter().position(|c| c.req == test)
            && says(&c.reqs[risk].conflict)
        {
            let tested = ranked.remove(i);
            if !ranked.iter().any(|c| c.req == risk) {
                ranked.push(detect::Candidate {
                    req: risk,
                    ..tested
                });
            }
        }
        // An operating system or database reaching its publisher's end of
        // support is the platform requirement's topic; the product's own end
        // of support is a different duty, unless the clause works against it.
        if let (Some(os), Some(eol)) = (sp.pdm_os, sp.perf_eol)
            && ranked.iter().any(|c| c.req == os)
            && let Some(i) = ranked.iter().position(|c| c.req == eol)
            && topics::platform_end_of_support(&lower, &ranked[i].phrases)
            && !says(&c.reqs[eol].conflict)
        {
            ranked.remove(i);
        }
        // "Hospital shall: (i) keep the device on a segmented network; (ii)
        // install validated patches …" lists the hospital's duties: its side
        // of the split, which HDO-RESP reports. The supplier's and both parties' requirements
        // the list names are not its topic unless it works against them.
        if let Some(d) = duty
            && topics::hospital_duty_list(text, &lower, d)
        {
            let lib = &self.lib;
            ranked.retain(|cand| {
                lib.requirements[cand.req].meta.party == crate::library::Party::Customer
                    || Some(cand.req) == sp.gen_shared
                    || says(&c.reqs[cand.req].conflict)
            });
        }
        let customer =
            duty.or_else(|| vocab::customer_responsibility(text, &lower).filter(|_| !disclaimer));
        if let Some(span) = customer
            && let Some(ri) = sp.hdo_resp
            && !ranked.iter().any(|c| c.req == ri)
        {
            ranked.push(detect::Candidate::added(ri, span));
        }
        // A security topic with a recorded gap and a date or release to
        // close it ("does not presently support multi-factor authentication
        // … no later than June 30, 2027") is also a roadmap item.
        let mut dated_gap = None;
        if let Some(ri) = sp.roadmap
            && !ranked.is_empty()
            && !ranked.iter().any(|c| c.req == ri)
            && let Some(span) = limits::roadmap(text, &lower)
        {
            ranked.push(detect::Candidate::added(ri, span));
            dated_gap = Some(ri);
        }
        // "Security updates are free of charge" is about who pays for
        // updates, not about delivering them: without a deadline in the
        // clause, a cost finding replaces the patch one. Updates withheld
        // ("no obligation to furnish updates") or given only under a paid
        // plan are about delivering them too.
        if durs.is_empty()
            && let (Some(cost), Some(patch)) = (sp.perf_cost, sp.perf_patch)
            && ranked.iter().any(|c| c.req == cost)
            && !says(&c.reqs[patch].conflict)
            && !paid_plan()
        {
            ranked.retain(|c| c.req != patch);
        }
        // A security duty allocated to the hospital in the words of a
        // responsibility split ("Customer is responsible for …", "Customer
        // Responsibilities") is one side of the shared-responsibility split.
        let mut one_side = None;
        if let Some(hdo) = sp.hdo_resp
            && ranked.iter().any(|c| c.req == hdo)
            && let Some(shared) = sp.gen_shared
            && !ranked.iter().any(|c| c.req == shared)
            && let Some(span) = vocab::shared_allocation(text, &lower)
        {
            ranked.push(detect::Candidate::added(shared, span));
            one_side = Some((shared, span));
        }
        let clause = grade::Clause {
            text,
            lower: &lower,
            durs,
            pres: if ranked.is_empty() {
                vocab::Presence::ALL
            } else {
                vocab::vocab().presence(text)
            },
            limits: limited,
            windows: Default::default(),
            lead_in_binds,
        };
        ranked
            .into_iter()
            .filter_map(|cand| {
                let req = &self.lib.requirements[cand.req];
                let mut graded = grade::grade(&ctx, req, &c.reqs[cand.req], &clause, &cand)?;
                // "Purchaser shall be solely responsible for …, and Seller
                // shall have no obligation": the disclaimer works against the
                // supplier's requirement and the split, which report it; the
                // hospital's own duty is not what it defeats.
                if Some(cand.req) == sp.hdo_resp && graded.status == Status::Conflict {
                    return None;
                }
                if let Some((shared, span)) = one_side
                    && cand.req == shared
                {
                    topics::one_side_of_split(&mut graded, text, span);
                }
                // Results handed over, with no right to audit or review
                // the evidence itself, are partial evidence.
                if audit_by_results
                    && Some(cand.req) == sp.mat_audit
                    && graded.status == Status::Strong
                {
                    graded.status = Status::Partial;
                    graded.reasons.push(
                        "Test results are handed over, but the clause gives no right to audit or review the evidence.".to_string(),
                    );
                }
                // A dated commitment alone is partial roadmap language; a
                // strong item also records interim controls, an owner or a
                // review cadence (the requirement's strong wording).
                if Some(cand.req) == dated_gap
                    && graded.status == Status::Strong
                    && !says(&c.reqs[cand.req].strong)
                {
                    graded.status = Status::Partial;
                    graded.reasons.push(
                        "A dated commitment to close a gap, without the interim controls, owner and review cadence of a full roadmap item.".to_string(),
                    );
                }
                Some(RawHit {
                    req: cand.req,
                    graded,
                })
            })
            .collect()
    }

    /// Run the whole pipeline on a document. Never fails. Clauses are graded
    /// on all available cores (one in the browser); the report is the same.
    pub fn analyze(&self, original: &str, opts: &Options) -> Report {
        self.analyze_on(original, opts, parallel::threads())
    }

    /// [`Engine::analyze`] with clauses graded on at most `threads` threads
    /// (the benchmark reports one thread and all of them).
    pub fn analyze_on(&self, original: &str, opts: &Options, threads: usize) -> Report {
        let norm = ingest::normalize(original);
        let text = norm.text.as_str();
        let norm_clauses = segment::segment(text);
        let mut clauses = norm_clauses.clone();
        for c in &mut clauses {
            c.range = norm.span_to_original(c.range);
        }
        let parties = parties::detect(original, &clauses);
        // The heading words each clause inherits from its enclosing sections.
        let mut scratch = Scratch::default();
        let mut heading_sets: Vec<Vec<usize>> = Vec::with_capacity(norm_clauses.len());
        for cl in &norm_clauses {
            let mut hs = cl
                .parent
                .and_then(|p| heading_sets.get(p).cloned())
                .unwrap_or_default();
            if let Some(h) = &cl.heading {
                for r in detect::heading_hits(&self.compiled, &mut scratch, h) {
                    if !hs.contains(&r) {
                        hs.push(r);
                    }
                }
            }
            heading_sets.push(hs);
        }
        // A list item under a lead-in that binds it ("Supplier shall deliver:
        // (i) a summary of …") states a duty without a modal of its own.
        let binds_items: Vec<bool> = (0..norm_clauses.len())
            .map(|i| {
                let own = segment::own_range(&norm_clauses, i);
                text.get(own.start..own.end).is_some_and(|t| {
                    let t = t.trim_end();
                    t.ends_with(':')
                        && vocab::vocab()
                            .binding
                            .find(t, &t.to_ascii_lowercase())
                            .is_some()
                })
            })
            .collect();
        let lead_in = |i: usize| {
            norm_clauses[i]
                .parent
                .is_some_and(|p| binds_items.get(p).copied().unwrap_or(false))
        };
        // Each clause's own text (without its sub-clauses), graded on its own.
        let work: Vec<(usize, Span)> = norm_clauses
            .iter()
            .enumerate()
            .filter(|(_, cl)| !matches!(cl.kind, ClauseKind::Title | ClauseKind::Heading))
            .map(|(i, _)| (i, segment::own_range(&norm_clauses, i)))
            .collect();
        let graded = parallel::map_runs(&work, threads, Scratch::default, |s, &(i, own)| {
            text.get(own.start..own.end)
                .map(|t| self.grade_text(s, t, &heading_sets[i], lead_in(i), &parties, opts))
                .unwrap_or_default()
        });
        let mut per_req: Vec<Vec<(Evidence, grade::Graded)>> =
            vec![Vec::new(); self.lib.requirements.len()];
        for (&(i, own), hits) in work.iter().zip(graded) {
            for h in hits {
                let shift = |s: Span| {
                    norm.span_to_original(Span::new(s.start + own.start, s.end + own.start))
                };
                let ev = Evidence {
                    clause: i,
                    range: clauses[i].range,
                    status: h.graded.status,
                    phrases: h.graded.phrases.iter().map(|&s| shift(s)).collect(),
                    reasons: h.graded.reasons.clone(),
                };
                per_req[h.req].push((ev, h.graded));
            }
        }
        let mut findings: Vec<Finding> = self
            .lib
            .requirements
            .iter()
            .zip(per_req)
            .map(|(r, ev)| verdict::finding(r, ev, &clauses, opts.perspective))
            .collect();
        for f in &findings {
            for e in &f.evidence {
                if e.status != Status::Missing
                    && let Some(c) = clauses.get_mut(e.clause)
                    && !c.reqs.contains(&f.req)
                {
                    c.reqs.push(f.req.clone());
                }
            }
        }
        insertion::place(&mut findings, &clauses, original);
        let mut diagnostics = Vec::new();
        if clauses.is_empty() {
            diagnostics.push("No clauses were found in the text.".to_string());
        }
        Report {
            perspective: opts.perspective,
            parties,
            clauses,
            findings,
            diagnostics,
        }
    }
}
