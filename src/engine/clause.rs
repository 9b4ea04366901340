//! Grading one clause: its topic candidates, the clause-level rules that
//! keep, drop or add requirements (the security gate, qualifiers kept beside
//! the main topics, the hospital's side of a split, a platform's end of
//! support, test results handed over), and the grade of each requirement
//! kept. The rules read the clause alone; the document verdict
//! ([`super::verdict`]) compares clauses.

use super::cues::Gated;
use super::detect::{self, Scratch};

use super::{
    Engine, MIN_SCORE, Options, Parties, REL_SCORE, RawHit, SECURITY_GATE, STRONG_MIN, Span,
    Status, TOP_K, grade, limits, numbers, topics, vocab,
};
use crate::library::Library;

/// Indices of the requirements grading treats specially (looked up once,
/// not per clause).
#[derive(Debug, Clone, Copy)]
pub(super) struct Special {
    hdo_resp: Option<usize>,
    gen_shared: Option<usize>,
    perf_cost: Option<usize>,
    perf_patch: Option<usize>,
    roadmap: Option<usize>,
    mat_risk: Option<usize>,
    pdm_test: Option<usize>,
    pdm_os: Option<usize>,
    pdm_remote: Option<usize>,
    mat_3pc: Option<usize>,
    pdm_malware: Option<usize>,
    pdm_net: Option<usize>,
    mat_transp: Option<usize>,
    perf_eol: Option<usize>,
    mat_audit: Option<usize>,
    /// Met by definitions, which have no modal (see [`grade::Ctx`]).
    def: Option<usize>,
}

impl Special {
    pub(super) fn new(lib: &Library) -> Special {
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
            pdm_remote: at("PDM-REMOTE"),
            mat_3pc: at("MAT-3PC"),
            pdm_malware: at("PDM-MALWARE"),
            pdm_net: at("PDM-NET"),
            mat_transp: at("MAT-TRANSP"),
            perf_eol: at("PERF-EOL"),
            mat_audit: at("MAT-AUDIT"),
            def: at("DEF"),
        }
    }
}

impl Engine {
    pub(super) fn grade_text(
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
            let kept = cand.score >= 1.0 && says(&rc.conflict)
                || cand.score >= STRONG_MIN && says(&rc.strong)
                || cand.score >= min && says(&rc.weak)
                || patch_beside_cost
                    && Some(cand.req) == self.special.perf_patch
                    && cand.score >= min
                || Some(cand.req) == self.special.def && cand.score >= min && defines();
            if kept {
                return true;
            }
            // Kept only as test evidence: graded at most partial below.
            let by_results = Some(cand.req) == self.special.mat_audit
                && tested
                && cand.score >= min
                && results_shared();
            audit_by_results |= by_results;
            by_results
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
        // A requirement whose evidence names its topic only in passing, beside
        // another topic the clause is about, is dropped unless the clause
        // has the requirement's own wording (`own`).
        let own = |req: usize, strong_too: bool| {
            says(&c.reqs[req].conflict) || strong_too && says(&c.reqs[req].strong)
        };
        // Remote service named in passing, as the channel data goes through
        // or the people who give it ("collected through the remote service
        // platform", "remote-support engineers"), is not remote access
        // when the clause is mainly about something else.
        topics::drop_in_passing(
            &mut ranked,
            sp.pdm_remote,
            |other, remote| other.score > remote.score,
            |p| topics::remote_in_passing(text, &lower, p),
            |r| own(r, true),
        );
        // Third-party software named as what the hospital may not install,
        // as the SBOM's list of components or as a tool a listing may not be
        // loaded into is not the supplier's duty for its components.
        topics::drop_in_passing(
            &mut ranked,
            sp.mat_3pc,
            |_, _| true,
            |p| topics::third_party_in_passing(text, &lower, p),
            |r| own(r, true),
        );
        // Signature, definition and engine updates of the anti-malware
        // product keep the protection current: the anti-malware topic, not
        // the supplier's patching of its own product.
        topics::drop_in_passing(
            &mut ranked,
            sp.perf_patch.filter(|_| sp.pdm_malware.is_some()),
            |other, _| Some(other.req) == sp.pdm_malware,
            |p| topics::malware_content_updates(text, &lower, p),
            |r| own(r, false),
        );
        // Ports, protocols and network requirements named as the content
        // of a document handed over are the transparency requirement's
        // topic, not a network duty.
        topics::drop_in_passing(
            &mut ranked,
            sp.pdm_net.filter(|_| sp.mat_transp.is_some()),
            |other, _| Some(other.req) == sp.mat_transp,
            |p| topics::network_in_documentation(text, &lower, p),
            |r| own(r, true),
        );
        // An operating system or database reaching its publisher's end of
        // support is the platform requirement's topic; the product's own end
        // of support is a different duty, unless the clause works against it.
        topics::drop_in_passing(
            &mut ranked,
            sp.perf_eol.filter(|_| sp.pdm_os.is_some()),
            |other, _| Some(other.req) == sp.pdm_os,
            |p| topics::platform_end_of_support(&lower, p),
            |r| own(r, false),
        );
        // "Owner shall give Vendor's engineers access to the Equipment for
        // installing security updates" is the hospital's duty; the updates
        // are only its purpose, not a patch duty put on the wrong party.
        if duty.is_some()
            && let Some(patch) = sp.perf_patch
            && let Some(i) = ranked.iter().position(|c| c.req == patch)
            && topics::only_the_purpose(text, &lower, &ranked[i].phrases)
            && vocab::supplier_duty(text, &lower).is_none()
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
        // A hospital duty stated in the words that work against another
        // requirement ("Buyer shall install the Goods on a segment with
        // unrestricted internet access and shall not place any firewall …",
        // "Customer shall maintain at all times a connection … through
        // which Manufacturer may connect at any time") is the supplier's
        // condition, which that requirement reports as its conflict; it is
        // not one of the hospital's own security obligations. A duty put as
        // a responsibility ("Hospital is solely responsible for installing
        // all patches") stays the hospital's side of the split, as well as
        // the supplier requirement's conflict. (Who pays is
        // another matter: "Customer must procure and replace the hardware at
        // its own expense" works against the cost requirement and is still
        // the hospital's duty.)
        let sentences = std::cell::OnceCell::new();
        let imposed = |ranked: &[detect::Candidate], on: &[Span]| {
            // Conflict wording that matches nowhere in the clause matches in
            // none of its sentences: most clauses stop here, unsplit.
            let against: Vec<usize> = ranked
                .iter()
                .map(|o| o.req)
                .filter(|&r| {
                    Some(r) != sp.hdo_resp && Some(r) != sp.perf_cost && says(&c.reqs[r].conflict)
                })
                .collect();
            if against.is_empty() {
                return false;
            }
            sentences
                .get_or_init(|| grade::sentences(text))
                .iter()
                .filter(|s| on.iter().any(|p| p.start < s.end && p.end > s.start))
                .filter(|s| !lower[s.start..s.end].contains("responsib"))
                .any(|s| {
                    let (t, l) = (&text[s.start..s.end], &lower[s.start..s.end]);
                    against
                        .iter()
                        .any(|&r| c.reqs[r].conflict.iter().any(|g| g.matches(t, l)))
                })
        };
        if let Some(hdo) = sp.hdo_resp
            && let Some(i) = ranked.iter().position(|c| c.req == hdo)
            && imposed(&ranked, &ranked[i].phrases)
        {
            ranked.remove(i);
        }
        let customer =
            duty.or_else(|| vocab::customer_responsibility(text, &lower).filter(|_| !disclaimer));
        if let Some(span) = customer
            && let Some(ri) = sp.hdo_resp
            && !ranked.iter().any(|c| c.req == ri)
            && !imposed(&ranked, &[span])
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
        // A one-sided allocation of one topic that works against a supplier
        // requirement ("Purchaser is solely responsible for installing all
        // security updates, and Seller has no obligation to provide them") is
        // that requirement's conflict; the shared split is about how security
        // as a whole is divided ("solely responsible for network security and
        // all cybersecurity"), and is kept when its own strong wording (a
        // responsibility matrix) is there.
        if let Some(shared) = sp.gen_shared
            && let Some(i) = ranked.iter().position(|c| c.req == shared)
            && !says(&c.reqs[shared].strong)
            && ranked.iter().any(|o| {
                o.req != shared
                    && Some(o.req) != sp.perf_cost
                    && Some(o.req) != sp.hdo_resp
                    && self.lib.requirements[o.req].meta.party == crate::library::Party::Supplier
                    && says(&c.reqs[o.req].conflict)
            })
        {
            ranked.remove(i);
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
            contexts: &self.contexts,
            context_hits: Default::default(),
            pairs: Default::default(),
            sentences,
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
}
