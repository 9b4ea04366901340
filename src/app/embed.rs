//! Browser side of embedding: the `?embed` view flag, and the `postMessage`
//! API an intranet page uses to drive the app inside an `<iframe>`.
//!
//! All decisions (who may talk, what a message means) are in the pure
//! [`mc2::embed`] module; this file only moves strings between the browser and
//! it. Contract text goes to the parent only after the user confirms an
//! export request in a dialog, and only to the allowed origin that asked —
//! never to `"*"`.

use gloo::events::EventListener;
use mc2::embed::{EmbedCommand, EmbedConfig, EmbedError, is_embed_query, outbound};
use mc2::review::Action;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, MessageEvent, Window};
use yew::Callback;

/// What the app registers so embed commands can reach its state.
struct Bridge {
    dispatch: Callback<Action>,
    text: Rc<dyn Fn() -> String>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    /// Commands that arrived before the app registered its bridge.
    static PENDING: RefCell<Vec<Action>> = const { RefCell::new(Vec::new()) };
}

/// Whether the page was opened with the `embed` query flag (drop the outer chrome).
pub fn is_embed_mode() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| is_embed_query(&s))
}

/// Start-up: mark embed mode on `<html data-embed>`, listen for messages from
/// the parent page and tell the allowed parent that the app is ready.
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if is_embed_mode()
        && let Some(root) = window.document().and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-embed", "");
    }
    let config = Rc::new(EmbedConfig::builtin());
    if let Err(e) = EmbedConfig::builtin_checked() {
        gloo::console::warn!(e.to_string());
    }
    if !in_iframe(&window) || config.allowed_origins.is_empty() {
        return;
    }
    let listener = {
        let window = window.clone();
        let config = config.clone();
        EventListener::new(&window.clone(), "message", move |event| {
            if let Some(event) = event.dyn_ref::<MessageEvent>() {
                on_message(&window, &config, event);
            }
        })
    };
    listener.forget(); // lives as long as the page
    for origin in &config.allowed_origins {
        post(&window, &outbound::ready(), origin);
    }
}

/// Register the app's dispatcher and a way to read the current contract text
/// with the embed API. Call from the root component on every render (cheap:
/// it only swaps two handles), so the text getter always sees the latest state.
pub fn register(dispatch: Callback<Action>, text: Rc<dyn Fn() -> String>) {
    BRIDGE.with(|b| {
        *b.borrow_mut() = Some(Bridge {
            dispatch: dispatch.clone(),
            text,
        })
    });
    for a in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        dispatch.emit(a);
    }
}

fn in_iframe(window: &Window) -> bool {
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, window),
        _ => false,
    }
}

fn on_message(window: &Window, config: &EmbedConfig, event: &MessageEvent) {
    // Only the page that embeds us may talk to us.
    let from_parent = match (event.source(), window.parent()) {
        (Some(src), Ok(Some(parent))) => js_sys::Object::is(&src, &parent),
        _ => false,
    };
    if !from_parent {
        return;
    }
    let origin = event.origin();
    let data = event.data();
    let json = match data.as_string() {
        Some(s) => s,
        None => match js_sys::JSON::stringify(&data) {
            Ok(s) => s.as_string().unwrap_or_default(),
            Err(_) => String::new(),
        },
    };
    match config.parse_message(&origin, &json) {
        Ok(cmd) => {
            apply(window, &origin, &cmd);
        }
        Err(EmbedError::OriginNotAllowed(_)) => {} // ignored, no reply
        Err(e) => post(window, &outbound::rejected(&e.to_string()), &origin),
    }
}

fn apply(window: &Window, origin: &str, cmd: &EmbedCommand) {
    if let Some(actions) = cmd.actions() {
        let dispatch = BRIDGE.with(|b| b.borrow().as_ref().map(|b| b.dispatch.clone()));
        match dispatch {
            Some(d) => actions.into_iter().for_each(|a| d.emit(a)),
            None => PENDING.with(|p| p.borrow_mut().extend(actions)),
        }
        post(window, &outbound::ack(cmd.kind()), origin);
        return;
    }
    match cmd {
        EmbedCommand::SetTheme(vars) => {
            if let Some(root) = window
                .document()
                .and_then(|d| d.document_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let style = root.style();
                for (k, v) in vars {
                    let _ = style.set_property(k, v);
                }
            }
            post(window, &outbound::ack(cmd.kind()), origin);
        }
        EmbedCommand::RequestExport => confirm_export(window, origin),
        _ => {}
    }
}

/// The contract text as the app holds it (the bridge), else the editor's value.
fn contract_text(window: &Window) -> String {
    if let Some(t) = BRIDGE.with(|b| b.borrow().as_ref().map(|b| (b.text)())) {
        return t;
    }
    window
        .document()
        .and_then(|d| {
            d.query_selector("[data-testid=\"contract-input\"]")
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

fn el(doc: &web_sys::Document, tag: &str, text: &str) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    e.set_text_content(Some(text));
    Some(e)
}

/// Ask the user, in a modal dialog the host page cannot click for them
/// (it is inside our cross-origin frame), before any contract text leaves.
fn confirm_export(window: &Window, origin: &str) {
    let Some(doc) = window.document() else { return };
    let Some(body) = doc.body() else { return };
    if doc
        .query_selector("[data-testid=\"embed-export-confirm\"]")
        .ok()
        .flatten()
        .is_some()
    {
        return; // one question at a time
    }
    let build = || -> Option<(Element, Element, Element)> {
        let dialog = doc.create_element("div").ok()?;
        for (k, v) in [
            ("role", "alertdialog"),
            ("aria-modal", "true"),
            ("aria-labelledby", "mc2-export-q"),
            ("class", "mc2-embed-confirm"),
            ("data-testid", "embed-export-confirm"),
        ] {
            dialog.set_attribute(k, v).ok()?;
        }
        let q = el(
            &doc,
            "p",
            &format!("The page at {origin} asks for the full contract text. Send it?"),
        )?;
        q.set_id("mc2-export-q");
        let yes = el(&doc, "button", "Send the contract text")?;
        yes.set_attribute("data-testid", "embed-export-allow")
            .ok()?;
        let no = el(&doc, "button", "Don't send")?;
        no.set_attribute("data-testid", "embed-export-deny").ok()?;
        dialog.append_child(&q).ok()?;
        dialog.append_child(&yes).ok()?;
        dialog.append_child(&no).ok()?;
        if let Some(h) = dialog.dyn_ref::<HtmlElement>() {
            let s = h.style();
            for (k, v) in [
                ("position", "fixed"),
                ("inset", "1rem 1rem auto 1rem"),
                ("padding", "1rem"),
                ("background", "var(--mc2-bg, #fff)"),
                ("color", "var(--mc2-fg, #111)"),
                ("border", "2px solid var(--mc2-accent, #0b4f6c)"),
                ("z-index", "2147483647"),
            ] {
                let _ = s.set_property(k, v);
            }
        }
        Some((dialog, yes, no))
    };
    let Some((dialog, yes, no)) = build() else {
        return;
    };
    if body.append_child(&dialog).is_err() {
        return;
    }
    // One-shot listeners, kept for the page's life (a few bytes per request):
    // dropping a listener from inside its own callback is not allowed.
    {
        let (window, origin, dialog) = (window.clone(), origin.to_string(), dialog.clone());
        EventListener::once(&yes, "click", move |_| {
            dialog.remove();
            post(&window, &outbound::export(&contract_text(&window)), &origin);
        })
        .forget();
    }
    {
        let (window, origin) = (window.clone(), origin.to_string());
        EventListener::once(&no, "click", move |_| {
            dialog.remove();
            post(&window, &outbound::export_declined(), &origin);
        })
        .forget();
    }
    if let Some(n) = no.dyn_ref::<HtmlElement>() {
        let _ = n.focus();
    }
}

/// Post a JSON message object to the parent, to exactly `origin`.
fn post(window: &Window, json: &str, origin: &str) {
    if let (Ok(Some(parent)), Ok(value)) = (window.parent(), js_sys::JSON::parse(json)) {
        let _: Result<(), JsValue> = parent.post_message(&value, origin);
    }
}
