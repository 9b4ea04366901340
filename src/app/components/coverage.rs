//! Coverage summary: findings per status and, per pillar, how many are met.

use super::status_badge::StatusBadge;
use mc2::review::view::Coverage;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub coverage: Coverage,
}

#[function_component(CoverageSummary)]
pub fn coverage_summary(p: &Props) -> Html {
    html! {
        <div class="coverage" aria-label="Coverage summary" role="group">
            <ul class="by-status">
                { for p.coverage.by_status.iter().map(|(s, n)| html! {
                    <li data-status={s.as_str()}><StatusBadge status={*s} />{ format!(": {n}") }</li>
                }) }
            </ul>
            <ul class="by-pillar">
                { for p.coverage.by_pillar.iter().map(|(pl, met, total)| html! {
                    <li>
                        <span class="pillar-name">{ format!("{}: {met} of {total} met", pl.label()) }</span>
                        <span class="bar" aria-hidden="true">
                            <span class={classes!("fill", format!("w{}", if *total == 0 { 0 } else { met * 10 / total }))}></span>
                        </span>
                    </li>
                }) }
            </ul>
        </div>
    }
}
