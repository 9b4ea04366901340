//! The root component: owns the reducer, restores and autosaves state, runs
//! the engine (debounced while typing, at once for pastes and inserts), wires
//! the global keyboard shortcuts and lays out the panes.

use super::LibCtx;
use super::clause_list::ClauseList;
use super::editor::Editor;
use super::export_menu::ExportMenu;
use super::findings_pane::FindingsPane;
use super::notices::Notices;
use super::playbook_panel::PlaybookPanel;
use super::toolbar::{Toolbar, View};
use crate::app::analysis::Analysis;
use crate::app::files::{Msg, OpenedFile};
use crate::app::{AppState, dom, storage};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use mc2::edit::Document;
use mc2::engine::{Finding, Status};
use mc2::library::Values;
use mc2::review::{Action, State, pack, view};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// Debounce while typing (ms); pastes, loads and inserts analyse at once.
const TYPING_DEBOUNCE_MS: u32 = 90;
/// Autosave delay after the last change (ms).
const SAVE_DELAY_MS: u32 = 400;

/// Requirement IDs and statuses in the order the findings pane shows them.
pub fn visible_order(findings: &[Finding], state: &State) -> Vec<(String, Status)> {
    mc2::library::Pillar::ALL
        .iter()
        .flat_map(|p| findings.iter().filter(move |f| f.pillar == *p))
        .filter(|f| state.filters.accepts(f.status, f.pillar, f.priority))
        .map(|f| (f.req.clone(), f.status))
        .collect()
}

fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
        .unwrap_or(false)
}

#[function_component(App)]
pub fn app() -> Html {
    let boot = use_memo((), |_| storage::load());
    let state = {
        let boot = boot.clone();
        use_reducer(move || match &*boot {
            Ok(Some(s)) => AppState(s.clone()),
            _ => AppState(State::with_text(mc2::sample::SAMPLE_CONTRACT)),
        })
    };
    let dispatch = state.dispatcher();
    crate::app::embed::register(dispatch.clone().into(), {
        let s = state.clone();
        Rc::new(move || s.0.doc.text())
    });
    let storage_msg = use_state(|| (*boot).as_ref().err().cloned());
    // The file the contract was opened from, in memory only (not autosaved).
    let opened = use_state(|| None::<Rc<OpenedFile>>);
    let file_msg = use_state(|| None::<Msg>);
    let view_mode = use_state(|| View::Review);
    let editing = use_state(|| false);
    let current_gap = use_state(|| None::<String>);
    let skip_save = use_mut_ref(|| false);

    // Library + compiled engine, rebuilt only when the pack changes.
    let ctx: Rc<LibCtx> = use_memo(state.0.pack.clone(), |files| {
        let (lib, diags) = pack::library_with(files);
        let engine = mc2::engine::Engine::new(&lib);
        LibCtx { lib, engine, diags }
    });

    // The current document, re-shared only when the state changes (exports and
    // the analysis take it by `Rc`, so a render never copies the contract).
    let doc: Rc<Document> = {
        let state = state.clone();
        use_memo(state.0.revision, move |_| state.0.doc.clone())
    };

    // Analysis: debounced while typing (the reducer marks typing); pastes,
    // loads, inserts and settings are analysed at once. "At once" is a
    // microtask queued after this render: it runs before the browser paints,
    // so the new text and its findings reach the screen in the same frame.
    // (Run inside the effect, the long engine call would make Yew's scheduler
    // yield and paint a frame of new text with old findings first.)
    let analysis = use_state(|| None::<Rc<Analysis>>);
    // `req` numbers analysis requests (only the newest runs); `seq` counts the
    // analyses run, exposed as `data-analysis-done`.
    let req = use_mut_ref(|| 0u64);
    let seq = use_mut_ref(|| 0u64);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let analysis = analysis.clone();
        let typing = state.0.typing;
        let deps = (
            doc.clone(),
            state.0.perspective,
            state.0.playbook.clone(),
            ctx.clone(),
        );
        use_effect_with(deps, move |(doc, perspective, playbook, ctx)| {
            let (doc, perspective, playbook, ctx) =
                (doc.clone(), *perspective, playbook.clone(), ctx.clone());
            // Each request gets a number; only the newest one runs.
            let r = {
                let mut r = req.borrow_mut();
                *r += 1;
                *r
            };
            let run = move || {
                if *req.borrow() != r {
                    return;
                }
                let n = {
                    let mut s = seq.borrow_mut();
                    *s += 1;
                    *s
                };
                let a = Analysis::run(n, &ctx.engine, doc, perspective, playbook, dom::now);
                analysis.set(Some(Rc::new(a)));
            };
            if typing {
                *timer.borrow_mut() = Some(Timeout::new(TYPING_DEBOUNCE_MS, run));
            } else {
                // Dropping a pending typing timer cancels it.
                *timer.borrow_mut() = None;
                yew::platform::spawn_local(async move { run() });
            }
        });
    }
    let seq_now = analysis.as_ref().map(|a| a.seq).unwrap_or(0);
    {
        let analysis = analysis.clone();
        use_effect_with(seq_now, move |n| {
            if let Some(a) = analysis.as_ref() {
                dom::stamp_root(
                    *n,
                    a.started_ms.map(|s| dom::now() - s).unwrap_or(a.engine_ms),
                    a.engine_ms,
                );
            }
        });
    }

    // Autosave after changes, off the paste-to-render path: SAVE_DELAY_MS after
    // the last change, and at once when the page is hidden or closed, so a
    // pending save is never lost.
    let pending = use_mut_ref(|| None::<UseReducerHandle<AppState>>);
    let save_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let flush = {
        let pending = pending.clone();
        let storage_msg = storage_msg.clone();
        Rc::new(move || {
            let snapshot = pending.borrow_mut().take();
            if let Some(s) = snapshot
                && let Err(m) = storage::save(&s.0)
            {
                storage_msg.set(Some(m));
            }
        })
    };
    {
        let (snapshot, pending, flush) = (state.clone(), pending.clone(), flush.clone());
        let skip = skip_save.clone();
        use_effect_with(state.0.revision, move |rev| {
            if *rev > 0 && !std::mem::replace(&mut *skip.borrow_mut(), false) {
                *pending.borrow_mut() = Some(snapshot);
                *save_timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || flush()));
            } else {
                *pending.borrow_mut() = None;
                *save_timer.borrow_mut() = None;
            }
        });
    }
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|w| {
            let f = flush.clone();
            let hide = EventListener::new(&w, "pagehide", move |_| f());
            let vis = w.document().map(|d| {
                let d2 = d.clone();
                EventListener::new(&d, "visibilitychange", move |_| {
                    if d2.hidden() {
                        flush();
                    }
                })
            });
            (hide, vis)
        });
        move || drop(listeners)
    });

    // Placeholder values: the user's terms, else the detected parties, else defaults.
    let values: Rc<Values> = {
        let parties = analysis
            .as_ref()
            .map(|a| a.report.parties.clone())
            .unwrap_or_default();
        let terms = (state.0.supplier_term.clone(), state.0.customer_term.clone());
        use_memo(
            (parties, terms, state.0.playbook.clone()),
            |(parties, (s, c), pb)| {
                let d = Values::default();
                Values {
                    supplier: s
                        .clone()
                        .or_else(|| parties.supplier.clone())
                        .unwrap_or(d.supplier),
                    customer: c
                        .clone()
                        .or_else(|| parties.customer.clone())
                        .unwrap_or(d.customer),
                    playbook: pb.clone(),
                }
            },
        )
    };

    let order: Rc<Vec<(String, Status)>> = Rc::new(
        analysis
            .as_ref()
            .map(|a| visible_order(&a.report.findings, &state.0))
            .unwrap_or_default(),
    );
    // Kept identical while the order and current gap are, so a keystroke does
    // not re-render the findings pane.
    let on_gap = {
        let setter = current_gap.setter();
        use_callback(
            (order.clone(), (*current_gap).clone()),
            move |forward: bool, (order, current)| {
                if let Some(id) = view::step_gap(order, current.as_deref(), forward) {
                    dom::focus_finding(&id);
                    setter.set(Some(id));
                }
            },
        )
    };

    // Global shortcuts: undo/redo everywhere, gap navigation outside text fields.
    let keys = use_mut_ref(Callback::<KeyboardEvent>::noop);
    {
        let dispatch = dispatch.clone();
        let on_gap = on_gap.clone();
        *keys.borrow_mut() = Callback::from(move |e: KeyboardEvent| {
            let ctrl = e.ctrl_key() || e.meta_key();
            let key = e.key().to_lowercase();
            if ctrl && key == "z" {
                e.prevent_default();
                dispatch.dispatch(if e.shift_key() {
                    Action::Redo
                } else {
                    Action::Undo
                });
            } else if ctrl && key == "y" {
                e.prevent_default();
                dispatch.dispatch(Action::Redo);
            } else if e.alt_key() && (key == "arrowdown" || key == "arrowup") {
                e.prevent_default();
                on_gap.emit(key == "arrowdown");
            } else if !ctrl && !e.alt_key() && !in_text_field(&e) && (key == "]" || key == "[") {
                e.prevent_default();
                on_gap.emit(key == "]");
            } else if key == "escape" {
                super::clause_list::dismiss_tips();
            }
        });
    }
    {
        let keys = keys.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
                EventListener::new_with_options(
                    &d,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
                            keys.borrow().emit(k.clone());
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    let on_clear = {
        let dispatch = dispatch.clone();
        let storage_msg = storage_msg.clone();
        let skip = skip_save.clone();
        let (opened, file_msg) = (opened.clone(), file_msg.clone());
        Callback::from(move |_| {
            *skip.borrow_mut() = true;
            opened.set(None);
            file_msg.set(None);
            dispatch.dispatch(Action::ClearAll);
            storage_msg.set(storage::clear().err());
        })
    };
    let on_view = {
        let view_mode = view_mode.clone();
        Callback::from(move |v| view_mode.set(v))
    };
    let on_editing = {
        let editing = editing.clone();
        Callback::from(move |v: bool| editing.set(v))
    };
    let on_dismiss_storage = {
        let storage_msg = storage_msg.clone();
        Callback::from(move |_| storage_msg.set(None))
    };

    let on_file_msg = {
        let file_msg = file_msg.clone();
        Callback::from(move |m: Msg| file_msg.set(Some(m)))
    };
    let on_dismiss_file = {
        let file_msg = file_msg.clone();
        Callback::from(move |_| file_msg.set(None))
    };
    let on_opened = {
        let opened = opened.clone();
        Callback::from(move |o: Rc<OpenedFile>| opened.set(Some(o)))
    };
    let text: Rc<AttrValue> = use_memo(doc.clone(), |d| AttrValue::from(d.text()));
    let text = (*text).clone();
    let main = match *view_mode {
        View::Review => html! {
            <main id="main" class="review">
                <section class="contract-pane" aria-labelledby="contract-h">
                    <h2 id="contract-h">{ "Contract" }</h2>
                    <Editor text={text.clone()} editing={*editing} on_editing={on_editing}
                        dispatch={dispatch.clone()} on_opened={on_opened} on_message={on_file_msg.clone()} />
                    if let Some(a) = analysis.as_ref() {
                        <ClauseList analysis={a.clone()} />
                    } else {
                        <p class="muted">{ "Analysing…" }</p>
                    }
                </section>
                <section class="findings-pane" id="findings" aria-labelledby="findings-h">
                    <h2 id="findings-h">{ "Findings" }</h2>
                    if let Some(a) = analysis.as_ref() {
                        <FindingsPane analysis={a.clone()} ctx={ctx.clone()} values={values.clone()}
                            filters={state.0.filters.clone()} perspective={state.0.perspective}
                            dispatch={dispatch.clone()} current={current_gap.as_ref().map(|s| AttrValue::from(s.clone()))}
                            on_gap={on_gap.clone()} />
                    }
                </section>
            </main>
        },
        View::Playbook => html! {
            <main id="main" class="settings">
                <PlaybookPanel ctx={ctx.clone()} playbook={state.0.playbook.clone()}
                    pack={state.0.pack.clone()} dispatch={dispatch.clone()} />
            </main>
        },
    };

    html! {
        <div id="app" class="app" data-analysis-done={seq_now.to_string()}>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <header class="topbar">
                <h1>{ "MC2 contract assistant" }</h1>
                <Toolbar view={*view_mode} on_view={on_view} perspective={state.0.perspective}
                    can_undo={state.0.can_undo()} can_redo={state.0.can_redo()}
                    analysis={(*analysis).clone()} ctx={ctx.clone()} values={values.clone()}
                    dispatch={dispatch.clone()} on_clear={on_clear} />
                <ExportMenu doc={doc} analysis={(*analysis).clone()} ctx={ctx.clone()}
                    values={values.clone()} opened={(*opened).clone()} on_message={on_file_msg} />
            </header>
            <Notices storage={(*storage_msg).clone()} notice={state.0.notice.clone()}
                file={(*file_msg).clone()} on_dismiss_file={on_dismiss_file}
                on_dismiss_storage={on_dismiss_storage} dispatch={dispatch.clone()} />
            { main }
            <footer class="footer">
                <p>{ format!("MC2 contract assistant {} · Everything stays in this browser: no contract text is ever sent anywhere.", mc2::VERSION) }</p>
            </footer>
        </div>
    }
}
