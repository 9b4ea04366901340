//! Messages for the user: storage problems, opening and exporting files, and
//! the outcome of the last action. Problems say "Problem:" in words, so
//! colour is never the only signal.

use crate::app::Dispatch;
use crate::app::files::Msg;
use mc2::review::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub storage: Option<String>,
    pub notice: Option<String>,
    /// The outcome of opening or exporting a file.
    pub file: Option<Msg>,
    pub on_dismiss_file: Callback<()>,
    pub on_dismiss_storage: Callback<()>,
    pub dispatch: Dispatch,
}

#[function_component(Notices)]
pub fn notices(p: &Props) -> Html {
    let dismiss = p.on_dismiss_storage.reform(|_: MouseEvent| ());
    let dismiss_file = p.on_dismiss_file.reform(|_: MouseEvent| ());
    let d = p.dispatch.clone();
    let dismiss_notice = Callback::from(move |_: MouseEvent| d.dispatch(Action::DismissNotice));
    html! {
        <div class="notices" role="status" aria-live="polite">
            if let Some(m) = &p.storage {
                <div class="notice warn" data-testid="storage-message">
                    <span>{ m.clone() }</span>
                    <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(m) = &p.file {
                <div class={classes!("notice", m.error.then_some("warn"))} data-testid="file-message"
                    data-error={m.error.to_string()}>
                    <span>
                        if m.error { <strong>{ "Problem: " }</strong> }
                        { m.text.clone() }
                    </span>
                    <button type="button" onclick={dismiss_file}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(m) = &p.notice {
                <div class="notice">
                    <span>{ m.clone() }</span>
                    <button type="button" onclick={dismiss_notice}>{ "Dismiss" }</button>
                </div>
            }
        </div>
    }
}
