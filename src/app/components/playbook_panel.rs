//! Playbook settings: every threshold with its default, source and evidence
//! tag; load a custom clause pack (validated, errors listed per file and
//! line); reset to defaults.

use super::LibCtx;
use crate::app::Dispatch;
use gloo::file::callbacks::FileReader;
use mc2::library::Playbook;
use mc2::review::render::{direction_label, number, unit_label};
use mc2::review::{Action, PackFile};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub ctx: Rc<LibCtx>,
    pub playbook: Playbook,
    pub pack: Vec<PackFile>,
    pub dispatch: Dispatch,
}

#[function_component(PlaybookPanel)]
pub fn playbook_panel(p: &Props) -> Html {
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let lib = &p.ctx.lib;
    let rows = lib.requirements.iter().flat_map(|r| r.meta.thresholds.iter().map(move |t| (r, t))).map(|(r, t)| {
        let id = format!("th-{}", t.name);
        let current = p.playbook.values.get(&t.name).copied();
        let d = p.dispatch.clone();
        let name = t.name.clone();
        let onchange = Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            let v = i.value();
            d.dispatch(Action::SetThreshold(name.clone(), if v.trim().is_empty() { None } else { Some(v.trim().parse::<f64>().unwrap_or(f64::NAN)) }));
        });
        let d = p.dispatch.clone();
        let name = t.name.clone();
        let reset = Callback::from(move |_| d.dispatch(Action::SetThreshold(name.clone(), None)));
        html! {
            <tr>
                <td><label for={id.clone()}>{ t.label.clone() }</label><br /><code>{ t.name.clone() }</code>{ format!(" · {}", r.meta.id) }</td>
                <td><input id={id} type="number" min="0" step="any" value={number(current.unwrap_or(t.value))} {onchange} /></td>
                <td>{ format!("{} ({})", unit_label(t.unit), direction_label(t.direction)) }</td>
                <td>{ number(t.value) }</td>
                <td>{ t.source.clone() }</td>
                <td><span class={classes!("tag", format!("ev-{:?}", t.evidence).to_lowercase())}>{ format!("{:?}", t.evidence).to_lowercase() }</span></td>
                <td>if current.is_some() { <button type="button" onclick={reset} aria-label={format!("Reset {} to default", t.name)}>{ "Reset" }</button> }</td>
            </tr>
        }
    });
    let on_pack = {
        let (readers, d) = (readers.clone(), p.dispatch.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                for i in 0..list.length() {
                    let Some(f) = list.get(i) else { continue };
                    let name = f.name();
                    let d = d.clone();
                    let file = gloo::file::File::from(f);
                    let r = gloo::file::callbacks::read_as_text(&file, move |res| {
                        let text =
                            res.unwrap_or_else(|e| format!("(could not read the file: {e})"));
                        d.dispatch(Action::AddPackFile(PackFile { name, text }));
                    });
                    readers.borrow_mut().push(r);
                }
            }
            input.set_value("");
        })
    };
    let d = p.dispatch.clone();
    let reset_all = Callback::from(move |_| d.dispatch(Action::ResetPlaybook));
    let d = p.dispatch.clone();
    let clear_pack = Callback::from(move |_| d.dispatch(Action::ClearPack));
    html! {
        <div class="playbook">
            <section aria-labelledby="pb-h">
                <h2 id="pb-h">{ "Playbook thresholds" }</h2>
                <p>{ "Numbers the analysis checks against and the model language uses. Only figures tagged “confirmed” come from MC2 itself; “secondary” and “inferred” values are benchmarks to negotiate." }</p>
                <button type="button" onclick={reset_all} data-testid="reset-playbook">{ "Reset all to defaults" }</button>
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">{ "Threshold" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Unit" }</th><th scope="col">{ "Default" }</th><th scope="col">{ "Source" }</th><th scope="col">{ "Evidence" }</th><th scope="col"><span class="sr-only">{ "Reset" }</span></th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="pack-h">
                <h2 id="pack-h">{ "Custom clause pack" }</h2>
                <p>{ "Load clause files in the library format (.md with +++ front matter). A file with the ID of a built-in requirement replaces it; a new ID adds a requirement. Files stay in this browser." }</p>
                <label class="button file">{ "Load clause files" }
                    <input type="file" multiple=true accept=".md,.markdown,.txt" onchange={on_pack} data-testid="pack-input" />
                </label>
                if !p.pack.is_empty() {
                    <button type="button" onclick={clear_pack}>{ "Remove the pack" }</button>
                    <ul class="pack-files">
                        { for p.pack.iter().map(|f| {
                            let d = p.dispatch.clone();
                            let n = f.name.clone();
                            let bad = p.ctx.diags.iter().any(|x| x.file == f.name);
                            html! { <li>{ f.name.clone() }{ if bad { " — rejected" } else { " — loaded" } }
                                <button type="button" onclick={Callback::from(move |_| d.dispatch(Action::RemovePackFile(n.clone())))}
                                    aria-label={format!("Remove {}", f.name)}>{ "Remove" }</button></li> }
                        }) }
                    </ul>
                }
                if !p.ctx.diags.is_empty() {
                    <h3>{ "Problems" }</h3>
                    <ul class="diagnostics" data-testid="pack-errors">
                        { for p.ctx.diags.iter().map(|x| html! { <li>{ x.to_string() }</li> }) }
                    </ul>
                }
            </section>
        </div>
    }
}
