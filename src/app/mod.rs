//! The Yew shell: renders state from the core and turns events into actions.
//! No analysis logic lives here.

mod embed;

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let text = mc2::sample::SAMPLE_CONTRACT;
    html! {
        <main id="app" data-analysis-done="1">
            <h1>{ "MC2 contract assistant" }</h1>
            <textarea data-testid="contract-input" aria-label="Contract text" value={text} readonly=true />
        </main>
    }
}

/// Mount the app on `<body>`.
pub fn start() {
    embed::start();
    yew::Renderer::<App>::new().render();
}
