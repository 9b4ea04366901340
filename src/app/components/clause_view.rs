//! One clause: its text (evidence underlined, insertions and deletions shown
//! as a redline), a status icon + word, and on hover or focus the
//! requirements it serves and why.

use super::status_badge::StatusBadge;
use mc2::engine::Status;
use mc2::review::view::{ClauseRole, Run};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub depth: usize,
    pub status: Option<Status>,
    pub reqs: AttrValue,
    pub roles: Vec<ClauseRole>,
    pub runs: Vec<Run>,
}

fn run(r: &Run) -> Html {
    let t = r.text.clone();
    if r.deleted {
        html! { <del class="redline-del" title="Removed by the assistant">{ t }</del> }
    } else if r.inserted && r.evidence {
        html! { <ins class="redline-ins"><mark class="evidence">{ t }</mark></ins> }
    } else if r.inserted {
        html! { <ins class="redline-ins" title="Inserted model language">{ t }</ins> }
    } else if r.evidence {
        html! { <mark class="evidence">{ t }</mark> }
    } else {
        html! { t }
    }
}

#[function_component(ClauseView)]
pub fn clause_view(p: &Props) -> Html {
    let st = p.status.map(|s| s.as_str()).unwrap_or("none");
    let depth = format!("depth-{}", p.depth.min(4));
    html! {
        <div class={classes!("clause", format!("st-{st}"), depth)} data-testid="clause"
            data-reqs={p.reqs.clone()} data-status={st} tabindex="0">
            if let Some(s) = p.status {
                <div class="clause-tag"><StatusBadge status={s} /></div>
            }
            <div class="ctext">{ for p.runs.iter().map(run) }</div>
            if !p.roles.is_empty() {
                <div class="tip" role="note">
                    <p class="tip-h">{ "What this clause does for MC2" }</p>
                    <ul>
                        { for p.roles.iter().map(|r| html! {
                            <li>
                                <StatusBadge status={r.status} />{ " " }
                                <strong>{ r.req.clone() }</strong>{ " — " }{ r.title.clone() }
                                if !r.reasons.is_empty() {
                                    <ul class="reasons">{ for r.reasons.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
                                }
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
