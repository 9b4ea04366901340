//! Autosave in the browser (localStorage): the contract with its revisions,
//! the playbook, the clause pack, perspective and filters. Nothing leaves the
//! browser. Every failure (storage disabled, quota exceeded, corrupt data)
//! comes back as a message for people; the work stays in memory.
//!
//! `web_sys::Storage` is used directly rather than gloo's `LocalStorage`,
//! whose accessor panics when storage is disabled.

use mc2::review::State;
use wasm_bindgen::JsCast;

const KEY: &str = "mc2-assistant.state.v1";

const DISABLED: &str =
    "Local storage is disabled in this browser, so your work is not saved between visits.";

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| DISABLED.to_string())
}

fn js_reason(e: wasm_bindgen::JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) if String::from(err.name()).contains("Quota") => {
            "the browser's storage for this page is full".into()
        }
        Some(err) => format!("the browser refused ({})", String::from(err.message())),
        None => "the browser refused".into(),
    }
}

/// The saved state, `Ok(None)` if nothing was saved.
pub fn load() -> Result<Option<State>, String> {
    let s = storage()?;
    let raw = s.get_item(KEY).map_err(|_| DISABLED.to_string())?;
    match raw {
        None => Ok(None),
        Some(json) => serde_json::from_str(&json).map(Some).map_err(|e| {
            format!("Your saved work could not be read ({e}); starting with the sample contract.")
        }),
    }
}

/// Save the persistent part of the state.
pub fn save(state: &State) -> Result<(), String> {
    let s = storage()?;
    let json =
        serde_json::to_string(state).map_err(|e| format!("Could not save your work: {e}."))?;
    s.set_item(KEY, &json).map_err(|e| {
        format!(
            "Could not save your work: {}. It stays open in this tab but will be lost on reload.",
            js_reason(e)
        )
    })
}

/// Remove everything this app stored.
pub fn clear() -> Result<(), String> {
    storage()?
        .remove_item(KEY)
        .map_err(|e| format!("Could not clear the local data: {}.", js_reason(e)))
}
