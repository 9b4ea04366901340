//! Finding filters: status (missing / partial / weak / conflict / met),
//! pillar and priority.

use super::status_badge::icon;
use crate::app::Dispatch;
use mc2::engine::Status;
use mc2::library::{Pillar, Priority};
use mc2::review::{Action, Filters};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub filters: Filters,
    pub dispatch: Dispatch,
}

const PRIORITIES: [Priority; 4] = [
    Priority::Critical,
    Priority::High,
    Priority::Medium,
    Priority::Low,
];

#[function_component(FilterBar)]
pub fn filter_bar(p: &Props) -> Html {
    let order = [
        Status::Missing,
        Status::Partial,
        Status::Weak,
        Status::Conflict,
        Status::Strong,
    ];
    let d = p.dispatch.clone();
    let on_pillar = Callback::from(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        let v = s.value();
        d.dispatch(Action::SetPillarFilter(
            Pillar::ALL.into_iter().find(|p| p.label() == v),
        ));
    });
    let d = p.dispatch.clone();
    let on_priority = Callback::from(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        let v = s.value();
        d.dispatch(Action::SetPriorityFilter(
            PRIORITIES.into_iter().find(|p| p.label() == v),
        ));
    });
    let d = p.dispatch.clone();
    let clear = Callback::from(move |_| d.dispatch(Action::ClearFilters));
    let pillar = p.filters.pillar.map(|x| x.label()).unwrap_or("");
    let priority = p.filters.priority.map(|x| x.label()).unwrap_or("");
    html! {
        <fieldset class="filters">
            <legend>{ "Show" }</legend>
            { for order.iter().map(|s| {
                let d = p.dispatch.clone();
                let s = *s;
                let id = format!("filter-{}", s.as_str());
                html! {
                    <label for={id.clone()} class={classes!("chk", format!("st-{}", s.as_str()))}>
                        <input type="checkbox" id={id} data-testid={format!("filter-{}", s.as_str())}
                            checked={p.filters.statuses.contains(&s)}
                            onchange={Callback::from(move |_| d.dispatch(Action::ToggleStatusFilter(s)))} />
                        <span aria-hidden="true">{ icon(s) }</span>{ " " }{ s.label() }
                    </label>
                }
            }) }
            <label for="filter-pillar">{ "Pillar" }</label>
            <select id="filter-pillar" onchange={on_pillar}>
                <option value="" selected={pillar.is_empty()}>{ "All pillars" }</option>
                { for Pillar::ALL.iter().map(|x| html! { <option value={x.label()} selected={pillar == x.label()}>{ x.label() }</option> }) }
            </select>
            <label for="filter-priority">{ "Priority" }</label>
            <select id="filter-priority" onchange={on_priority}>
                <option value="" selected={priority.is_empty()}>{ "All priorities" }</option>
                { for PRIORITIES.iter().map(|x| html! { <option value={x.label()} selected={priority == x.label()}>{ x.label() }</option> }) }
            </select>
            <button type="button" onclick={clear}>{ "Clear filters" }</button>
        </fieldset>
    }
}
