//! The contract text area (`data-testid="contract-input"`) with the ways to
//! start: paste or type, open a .docx/.txt/.md file, drag and drop, start empty or
//! reload the sample; and the edit-mode toggle.

use crate::app::files::{self, Msg, OpenedFile};
use crate::app::{Dispatch, dom};
use gloo::file::callbacks::FileReader;
use mc2::review::Action;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    pub editing: bool,
    pub on_editing: Callback<bool>,
    pub dispatch: Dispatch,
    /// A file was opened: what it was (the DOCX package stays in memory).
    pub on_opened: Callback<Rc<OpenedFile>>,
    pub on_message: Callback<Msg>,
}

/// Read a dropped or chosen file's bytes and open it with the import core
/// (DOCX, text or Markdown: the core decides by content). On failure the
/// current contract is left untouched and the reason is shown.
fn open_file(
    file: web_sys::File,
    readers: Rc<RefCell<Vec<FileReader>>>,
    dispatch: Dispatch,
    on_opened: Callback<Rc<OpenedFile>>,
    on_message: Callback<Msg>,
    original: bool,
) {
    let name = file.name();
    let size = file.size();
    if size > mc2::import::MAX_FILE_BYTES as f64 {
        let e = mc2::import::ImportError::TooLarge {
            bytes: size as usize,
        };
        on_message.emit(Msg::error(format!("Could not open “{name}”: {e}")));
        return;
    }
    let file = gloo::file::File::from(file);
    let reader = gloo::file::callbacks::read_as_bytes(&file, move |res| match res {
        Err(e) => on_message.emit(Msg::error(format!("Could not read “{name}”: {e}."))),
        Ok(bytes) => match mc2::import::open_with(&name, &bytes, import_options(original)) {
            Err(e) => on_message.emit(Msg::error(format!("Could not open “{name}”: {e}"))),
            Ok(opened) => {
                let msg = files::opened_message(&name, &opened);
                on_opened.emit(Rc::new(OpenedFile {
                    name,
                    base: opened.text.clone(),
                    // A DOCX read as its original (changes rejected) no longer matches
                    // its package's accepted text, so Word export builds a new file.
                    docx: if original { None } else { opened.docx },
                }));
                dispatch.dispatch(Action::Load(opened.text));
                on_message.emit(Msg::info(msg));
            }
        },
    });
    let mut r = readers.borrow_mut();
    r.clear(); // the newest file wins: an unfinished earlier read is aborted
    r.push(reader);
}

/// How tracked changes in an opened DOCX are read: accepted (default) or, to
/// review what the counterparty started from, as the original.
fn import_options(original: bool) -> mc2::import::ImportOptions {
    mc2::import::ImportOptions {
        tracked: if original {
            mc2::import::TrackedChanges::Original
        } else {
            mc2::import::TrackedChanges::Accept
        },
    }
}

#[function_component(Editor)]
pub fn editor(p: &Props) -> Html {
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let dragging = use_state(|| false);
    let original = use_state(|| false);
    // Uncontrolled text area: the browser owns what is typed; the value is
    // written back only when the document changed some other way (load,
    // insert, undo), so a keystroke never re-sets 60 KB of text.
    // `typed` is the value the text area last reported, so the echo of the
    // user's own input is recognised without reading the text area again.
    let area = use_node_ref();
    let typed = use_mut_ref(|| None::<String>);
    {
        let (area, typed) = (area.clone(), typed.clone());
        use_effect_with(p.text.clone(), move |text| {
            let echo = typed.borrow_mut().take();
            if echo.as_deref() != Some(text.as_str())
                && let Some(ta) = area.cast::<HtmlTextAreaElement>()
                && ta.value() != text.as_str()
            {
                ta.set_value(text);
            }
        });
    }

    let oninput = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let kind = e.input_type();
            let v = ta.value();
            *typed.borrow_mut() = Some(v.clone());
            dispatch.dispatch(
                if kind.starts_with("insertFromPaste") || kind == "insertFromDrop" {
                    Action::Load(v)
                } else {
                    Action::Type(v)
                },
            );
        })
    };
    // One way in for a chosen or dropped file.
    let open = {
        let (readers, dispatch, opened, msg, orig) = (
            readers.clone(),
            p.dispatch.clone(),
            p.on_opened.clone(),
            p.on_message.clone(),
            *original,
        );
        Callback::from(move |f: web_sys::File| {
            open_file(
                f,
                readers.clone(),
                dispatch.clone(),
                opened.clone(),
                msg.clone(),
                orig,
            )
        })
    };
    let onchange_file = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                open.emit(f);
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                e.prevent_default();
                open.emit(f);
            }
        })
    };
    let paste = {
        let on_editing = p.on_editing.clone();
        Callback::from(move |_| {
            on_editing.emit(true);
            dom::focus_id("contract-input");
            if let Some(ta) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("contract-input"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(e).ok())
            {
                ta.select();
            }
        })
    };
    let d = p.dispatch.clone();
    let empty = Callback::from(move |_| d.dispatch(Action::Load(String::new())));
    let d = p.dispatch.clone();
    let sample =
        Callback::from(move |_| d.dispatch(Action::Load(mc2::sample::SAMPLE_CONTRACT.into())));
    let toggle = {
        let (on_editing, editing) = (p.on_editing.clone(), p.editing);
        Callback::from(move |_| on_editing.emit(!editing))
    };

    html! {
        <div class={classes!("editor", p.editing.then_some("editing"), dragging.then_some("dragging"))}
            {ondragover} {ondragleave} {ondrop}>
            <div class="start" role="group" aria-label="Open a contract">
                <button type="button" onclick={paste}>{ "Paste or type" }</button>
                <label class="button file">
                    { "Open file (.docx, .txt, .md)" }
                    <input type="file" data-testid="open-file"
                        accept=".docx,.txt,.md,.markdown,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        onchange={onchange_file} />
                </label>
                <label class="option">
                    <input type="checkbox" data-testid="docx-original" checked={*original}
                        onchange={{
                            let original = original.clone();
                            Callback::from(move |e: Event| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                original.set(input.checked());
                            })
                        }} />
                    { " Open Word tracked changes as the original (changes rejected)" }
                </label>
                <button type="button" onclick={empty}>{ "Start empty" }</button>
                <button type="button" onclick={sample}>{ "Load sample" }</button>
                <button type="button" onclick={toggle} aria-pressed={p.editing.to_string()}>
                    { if p.editing { "Done editing" } else { "Edit mode" } }
                </button>
            </div>
            <label for="contract-input" class="hint">
                { "Contract text — paste, type or drop a .docx, .txt or .md file here. Analysis updates as you type." }
            </label>
            // Outside edit mode the box is only a paste target (the contract is read clause by
            // clause beside it), so its lines do not wrap: laying out a 100-page paste then
            // takes Chromium about half as long (~150 → ~75 ms). Edit mode wraps.
            <textarea id="contract-input" data-testid="contract-input" spellcheck="false"
                wrap={if p.editing { "soft" } else { "off" }}
                rows={if p.editing { "24" } else { "6" }} ref={area} {oninput} />
        </div>
    }
}
