//! Findings grouped by pillar, with the coverage summary, filters and
//! next/previous gap navigation.

use super::LibCtx;
use super::coverage::CoverageSummary;
use super::filters::FilterBar;
use super::finding_card::FindingCard;
use crate::app::Dispatch;
use crate::app::analysis::Analysis;
use mc2::engine::Perspective;
use mc2::library::{Pillar, Values};
use mc2::review::{Filters, view};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub analysis: Rc<Analysis>,
    pub ctx: Rc<LibCtx>,
    pub values: Rc<Values>,
    pub filters: Filters,
    pub perspective: Perspective,
    pub dispatch: Dispatch,
    pub current: Option<AttrValue>,
    pub on_gap: Callback<bool>,
}

#[function_component(FindingsPane)]
pub fn findings_pane(p: &Props) -> Html {
    crate::app::dom::mark("findings-start");
    let report = &p.analysis.report;
    let coverage = view::coverage(report);
    let prev = p.on_gap.reform(|_: MouseEvent| false);
    let next = p.on_gap.reform(|_: MouseEvent| true);
    let groups = Pillar::ALL.iter().filter_map(|pillar| {
        let shown: Vec<usize> = (0..report.findings.len())
            .filter(|i| {
                let f = &report.findings[*i];
                f.pillar == *pillar && p.filters.accepts(f.status, f.pillar, f.priority)
            })
            .collect();
        if shown.is_empty() {
            return None;
        }
        Some(html! {
            <section class="pillar" aria-label={pillar.label()}>
                <h3>{ pillar.label() }</h3>
                { for shown.into_iter().map(|i| {
                    let f = &report.findings[i];
                    html! {
                        <FindingCard key={f.req.clone()} idx={i}
                            analysis={p.analysis.clone()} ctx={p.ctx.clone()} values={p.values.clone()}
                            perspective={p.perspective} dispatch={p.dispatch.clone()}
                            current={p.current.as_deref() == Some(f.req.as_str())} />
                    }
                }) }
            </section>
        })
    });
    html! {
        <div class="findings">
            <CoverageSummary coverage={coverage} />
            <FilterBar filters={p.filters.clone()} dispatch={p.dispatch.clone()} />
            <div class="gapnav" role="group" aria-label="Gap navigation">
                <button type="button" onclick={prev} aria-keyshortcuts="Alt+ArrowUp [">{ "↑ Previous gap" }</button>
                <button type="button" onclick={next} aria-keyshortcuts="Alt+ArrowDown ]">{ "↓ Next gap" }</button>
                <span class="muted">{ "Keys: [ and ] (or Alt+↑ / Alt+↓)" }</span>
            </div>
            if !report.diagnostics.is_empty() {
                <ul class="diagnostics">{ for report.diagnostics.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
            }
            { for groups }
        </div>
    }
}
