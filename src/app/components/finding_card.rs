//! One finding: status (icon + word), priority, risk flag for the chosen
//! perspective, reasons, the clauses it came from (click → scroll and flash),
//! and the insert / replace actions with the model language and its
//! placeholder form.

use super::LibCtx;
use super::model_language::ModelLanguage;
use super::status_badge::StatusBadge;
use crate::app::analysis::Analysis;
use crate::app::{Dispatch, dom};
use mc2::engine::{Finding, Perspective, Report, Status};
use mc2::library::Values;
use mc2::review::render::{number, placeholders, unit_label};
use mc2::review::{Action, clause_html, insert};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index of the finding in `analysis.report.findings` (the card reads it
    /// there: cloning every finding with its evidence on each analysis cost
    /// ~3 ms for a 100-page contract).
    pub idx: usize,
    pub analysis: Rc<Analysis>,
    pub ctx: Rc<LibCtx>,
    pub values: Rc<Values>,
    pub perspective: Perspective,
    pub dispatch: Dispatch,
    pub current: bool,
}

impl Props {
    fn finding(&self) -> &Finding {
        &self.analysis.report.findings[self.idx]
    }
}

/// A clause's label as the findings pane shows it: its number, else its
/// heading, else its position.
fn clause_label(report: &Report, i: usize) -> String {
    let c = report.clauses.get(i);
    c.and_then(|c| c.label.clone().or_else(|| c.heading.clone()))
        .unwrap_or_else(|| format!("#{}", i + 1))
}

fn placeholder_form(p: &Props) -> Html {
    let names = placeholders(&p.finding().req, &p.ctx.lib);
    let fields = names.iter().map(|name| {
        let id = format!("ph-{}-{name}", p.finding().req);
        let d = p.dispatch.clone();
        let v = p.values.clone();
        match name.as_str() {
            "supplier" | "customer" => {
                let is_sup = name == "supplier";
                let value = if is_sup { v.supplier.clone() } else { v.customer.clone() };
                let onchange = Callback::from(move |e: Event| {
                    let i: HtmlInputElement = e.target_unchecked_into();
                    let (s, c) = if is_sup { (Some(i.value()), Some(v.customer.clone())) } else { (Some(v.supplier.clone()), Some(i.value())) };
                    d.dispatch(Action::SetPartyTerms { supplier: s, customer: c });
                });
                let label = if is_sup { "Manufacturer’s defined term" } else { "Hospital’s defined term" };
                html! { <div class="field"><label for={id.clone()}>{ label }</label><input id={id} type="text" {value} {onchange} /></div> }
            }
            _ => {
                let Some(t) = p.ctx.lib.threshold(name) else { return html! {} };
                let value = p.ctx.lib.threshold_value(name, &v.playbook).map(number).unwrap_or_default();
                let n = name.clone();
                let onchange = Callback::from(move |e: Event| {
                    let i: HtmlInputElement = e.target_unchecked_into();
                    d.dispatch(Action::SetThreshold(n.clone(), i.value().trim().parse::<f64>().ok()));
                });
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ format!("{} ({})", t.label, unit_label(t.unit)) }</label>
                        <input id={id} type="number" min="0" step="any" {value} {onchange} />
                    </div>
                }
            }
        }
    });
    html! { <fieldset class="placeholders"><legend>{ "Fill in the model language" }</legend>{ for fields }</fieldset> }
}

#[function_component(FindingCard)]
pub fn finding_card(p: &Props) -> Html {
    let f = p.finding();
    let gap = f.status != Status::Strong;
    let can_insert = matches!(
        f.status,
        Status::Missing | Status::Weak | Status::Partial | Status::Conflict
    ) && p.ctx.lib.get(&f.req).is_some();
    let can_replace = matches!(f.status, Status::Weak | Status::Conflict | Status::Partial)
        && f.evidence.iter().any(|e| e.status != Status::Strong);
    let on_insert = {
        let (a, i, ctx, v, d) = (
            p.analysis.clone(),
            p.idx,
            p.ctx.clone(),
            p.values.clone(),
            p.dispatch.clone(),
        );
        Callback::from(move |_| {
            let f = &a.report.findings[i];
            match insert::insert_for(&a.doc, &a.report, f, &ctx.lib, &v) {
                Some(rev) => d.dispatch(Action::ApplyAgainst(a.doc.clone(), vec![rev])),
                None => d.dispatch(Action::DismissNotice),
            }
        })
    };
    let on_replace = {
        let (a, i, ctx, v, d) = (
            p.analysis.clone(),
            p.idx,
            p.ctx.clone(),
            p.values.clone(),
            p.dispatch.clone(),
        );
        Callback::from(move |_| {
            let f = &a.report.findings[i];
            if let Some(rev) = insert::replace_for(&a.doc, &a.report, f, &ctx.lib, &v) {
                d.dispatch(Action::ApplyAgainst(a.doc.clone(), vec![rev]));
            }
        })
    };
    // The evidence links are markup (see `clause_html::evidence_links`); one
    // listener on the card finds the clicked one (mouse, Enter or Space).
    let report = &p.analysis.report;
    let labels: Vec<(usize, String)> = f
        .evidence
        .iter()
        .map(|e| (e.clause, clause_label(report, e.clause)))
        .collect();
    let links = Html::from_html_unchecked(AttrValue::from(clause_html::evidence_links(
        labels.iter().map(|(i, l)| (*i, l.as_str())),
    )));
    let on_link = Callback::from(|e: MouseEvent| {
        let clause = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("button[data-clause]").ok().flatten())
            .and_then(|b| b.get_attribute("data-clause"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(i) = clause {
            dom::flash_clause(i);
        }
    });
    let who = match p.perspective {
        Perspective::Customer => "hospital",
        Perspective::Supplier => "manufacturer",
    };
    html! {
        <article id={format!("finding-{}", f.req)} class={classes!("finding", format!("st-{}", f.status.as_str()), p.current.then_some("current"))}
            data-testid="finding" data-req={f.req.clone()} data-status={f.status.as_str()}
            data-risk={f.risk.to_string()} tabindex="-1" aria-labelledby={format!("fh-{}", f.req)}
            onclick={on_link}>
            <div class="fhead">
                <StatusBadge status={f.status} />
                <h4 id={format!("fh-{}", f.req)}>{ f.title.clone() }</h4>
                <span class="req-id">{ f.req.clone() }</span>
                <span class={classes!("prio", format!("prio-{}", f.priority.label()))}>{ format!("{} priority", f.priority.label()) }</span>
                if f.risk && gap {
                    <span class="risk"><span aria-hidden="true">{ "⚑ " }</span>{ format!("risk for the {who}") }</span>
                }
            </div>
            if !f.reasons.is_empty() {
                <ul class="reasons">{ for f.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            { links }
            for c in f.conflicts.iter() {
                <p class="conflict-note">{ c.reason.clone() }</p>
            }
            if can_insert || can_replace {
                <div class="actions">
                    if can_insert {
                        <button type="button" data-testid="insert" onclick={on_insert}>
                            { if f.insertion.as_ref().is_some_and(|i| !i.new_addendum) {
                                format!("Insert model language as {}", f.insertion.as_ref().map(|i| i.label.as_str()).unwrap_or(""))
                              } else { "Insert model language".to_string() } }
                        </button>
                    }
                    if can_replace {
                        <button type="button" data-testid="replace" onclick={on_replace}>{ "Replace weak clause" }</button>
                    }
                </div>
            }
            if gap || can_insert {
                <details>
                    <summary>{ "Model language, fallback and notes" }</summary>
                    { placeholder_form(p) }
                    <ModelLanguage req={AttrValue::from(f.req.clone())} ctx={p.ctx.clone()} values={p.values.clone()} perspective={p.perspective} />
                </details>
            }
        </article>
    }
}
