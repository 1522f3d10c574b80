//! Presentation mode: the scorecard as a slide deck for a quarterly business
//! review, on the element's own full screen, and the same slides as a printed
//! handout. Everything here reads the engine's figures; nothing is computed.

mod alignment;
mod handout;
mod lists;
mod outline;
mod outline_plan;
mod pillar;
mod plan;
mod plan_edit;
mod quadrant;
mod slide;

pub use handout::Handout;
pub use slide::{Subject, SLIDES};

use crate::host::present;
use crate::i18n::{fill, qbr::Qbr};
use crate::ui::state::{Printing, State};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The deck's words in the element's language.
pub fn words(state: State) -> &'static Qbr {
    crate::ui::lang::words(state).qbr
}

/// Opens the deck over the page (the Present button). Full screen needs the
/// click's user activation, so it is asked for here and not in an effect.
pub fn open(state: State) {
    state.slide.set(0);
    state.deck_modal.set(true);
    state.presenting.set(true);
    state.host.with_value(present::request_fullscreen);
    state.fire("scorecard-present", &[("open", JsValue::TRUE)]);
}

/// Opens the deck at the next quarter's plan (the scorecard's "Plan next quarter").
pub fn open_plan(state: State) {
    open(state);
    if let Some(n) = SLIDES.iter().position(|k| *k == slide::Kind::Plan) {
        state.slide.set(n);
    }
}

/// Leaves the deck (Esc, the Exit button, or leaving full screen) and gives
/// the focus back to the Present button.
pub fn close(state: State) {
    if !state.presenting.get_untracked() {
        return;
    }
    state.host.with_value(present::exit_fullscreen);
    state.deck_modal.set(false);
    state.presenting.set(false);
    state.fire("scorecard-present", &[("open", JsValue::FALSE)]);
    request_animation_frame(move || {
        let button = state.host.try_with_value(|h| {
            h.shadow_root()
                .and_then(|r| r.query_selector("[data-testid=present]").ok().flatten())
        });
        if let Some(Some(b)) = button {
            if let Ok(b) = b.dyn_into::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        }
    });
}

#[component]
pub fn Deck(state: State, subject: Subject) -> impl IntoView {
    let q = words(state);
    let total = SLIDES.len();
    let deck: NodeRef<html::Div> = NodeRef::new();
    let full = RwSignal::new(state.host.with_value(present::is_fullscreen));
    watch_fullscreen(state, full, deck);
    print_on_ctrl_p(state);
    // The host's `contain: content` would hold the window-covering deck inside
    // the element where full screen is refused; the attribute lifts it.
    Effect::new(move |_| {
        let modal = state.deck_modal.get();
        state.host.with_value(|h| {
            let _ = if modal {
                h.set_attribute("data-ps-presenting", "")
            } else {
                h.remove_attribute("data-ps-presenting")
            };
        });
    });
    on_cleanup(move || {
        let _ = state
            .host
            .try_with_value(|h| h.remove_attribute("data-ps-presenting"));
    });
    // The deck takes the focus when it opens, so the keys work at once.
    Effect::new(move |_| {
        if let Some(el) = deck.get() {
            let _ = el.focus();
        }
    });
    let go = move |to: usize| state.slide.set(to.min(total - 1));
    let step = move |by: isize| {
        let now = state.slide.get_untracked() as isize;
        go((now + by).clamp(0, total as isize - 1) as usize);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        // In a form field (the plan slide) the keys edit the field.
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        if in_field && !matches!(ev.key().as_str(), "Escape" | "Tab") {
            return;
        }
        // Space and Enter on a button press that button, not the deck.
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"));
        let handled = match ev.key().as_str() {
            "ArrowRight" | "PageDown" => {
                step(1);
                true
            }
            "ArrowLeft" | "PageUp" => {
                step(-1);
                true
            }
            " " | "Spacebar" if !on_control => {
                step(if ev.shift_key() { -1 } else { 1 });
                true
            }
            "Home" => {
                go(0);
                true
            }
            "End" => {
                go(total - 1);
                true
            }
            "Escape" => {
                close(state);
                true
            }
            "Tab" if state.deck_modal.get_untracked() => {
                if let Some(el) = deck.get_untracked() {
                    trap_focus(&el, &ev);
                }
                false
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let label = fill(
        q.deck_label,
        &[
            ("name", subject.name()),
            ("period", &subject.period.to_string()),
        ],
    );
    let slide_view = {
        let subject = subject.clone();
        move || {
            let fmt = crate::ui::fmt_for(state, &subject.model);
            slide::slide(&subject, &fmt, q, state.slide.get(), Some(state))
        }
    };
    let announce = move || {
        let n = state.slide.get().min(total - 1);
        fill(
            q.slide_of,
            &[
                ("n", &(n + 1).to_string()),
                ("total", &total.to_string()),
                ("title", SLIDES[n].title(crate::ui::messages_for(state), q)),
            ],
        )
    };
    let allow_print = move || state.exports().print;
    let pptx_error: RwSignal<Option<String>> = RwSignal::new(None);
    let pptx_subject = subject.clone();
    view! {
        <div class="ps-deck" class:ps-modal=move || state.deck_modal.get() class:ps-full=move || full.get()
            data-testid="deck" part="deck" node_ref=deck tabindex="-1"
            role=move || if state.deck_modal.get() { "dialog" } else { "region" }
            aria-modal=move || state.deck_modal.get().then_some("true")
            aria-label=label on:keydown=on_key>
            <div class="ps-stage">{slide_view}</div>
            <div class="ps-deck-bar" role="toolbar" aria-label=q.keys_hint>
                <button type="button" data-testid="slide-prev" aria-label=q.previous_slide title=q.previous_slide
                    disabled=move || state.slide.get() == 0 on:click=move |_| step(-1)>"◀"</button>
                <span class="ps-counter" data-testid="slide-counter" aria-hidden="true">
                    {move || format!("{} / {total}", state.slide.get().min(total - 1) + 1)}
                </span>
                <span class="ps-vh" aria-live="polite" data-testid="slide-announce">{announce}</span>
                <button type="button" data-testid="slide-next" aria-label=q.next_slide title=q.next_slide
                    disabled=move || { state.slide.get() + 1 >= total } on:click=move |_| step(1)>"▶"</button>
                <span class="ps-keys" aria-hidden="true">{q.keys_hint}</span>
                <span class="ps-grow"></span>
                {move || allow_print().then(|| view! {
                    <button type="button" data-testid="deck-print" on:click=move |_| state.printing.set(Some(Printing::Dialog))>
                        {q.print_pdf}
                    </button>
                })}
                {move || state.exports().pptx.then(|| {
                    let subject = pptx_subject.clone();
                    view! {
                        <button type="button" data-testid="deck-pptx"
                            on:click=move |_| outline::download(state, subject.clone(), pptx_error)>{q.plan.download_pptx}</button>
                        <span class="ps-plan-error" role="alert" data-testid="deck-pptx-error">{move || pptx_error.get()}</span>
                    }
                })}
                {move || (!full.get()).then(|| view! {
                    <button type="button" data-testid="deck-fullscreen" on:click=move |_| {
                        state.deck_modal.set(true);
                        state.host.with_value(present::request_fullscreen);
                    }>{q.full_screen}</button>
                })}
                <button type="button" data-testid="deck-exit" on:click=move |_| close(state)>{q.exit}</button>
            </div>
        </div>
    }
}

/// Keeps `full` in step with the element's full screen; leaving full screen
/// (the browser's own Esc) leaves the deck too, except when printing left it.
fn watch_fullscreen(state: State, full: RwSignal<bool>, deck: NodeRef<html::Div>) {
    let on_change = Closure::<dyn Fn()>::new(move || {
        // Entering full screen removes the Full screen button; if it had the
        // focus, the focus would fall out of the deck. Keep it in.
        request_animation_frame(move || keep_focus_in(deck));
        let now = state
            .host
            .try_with_value(present::is_fullscreen)
            .unwrap_or(false);
        let was = full.try_get_untracked().unwrap_or(false);
        let _ = full.try_set(now);
        // `was` misses a full screen left before its entry event arrived.
        let left = state
            .host
            .try_with_value(present::left_fullscreen)
            .unwrap_or(false);
        // Printing leaves full screen on purpose; the deck stays over the window.
        let printing = state.printing.try_get_untracked().flatten().is_some();
        if (left || (was && !now)) && !printing {
            close(state);
        }
    });
    let target: web_sys::EventTarget = state.host.with_value(|h| h.clone().into());
    listen(target, "fullscreenchange", on_change);
}

/// Ctrl+P (or the browser's menu) while the deck is open prints the handout,
/// as the Print button does, when the host allows printing (`exports`). In
/// full screen the browser's own styles allow one page only, so there it
/// prints the slide on screen.
fn print_on_ctrl_p(state: State) {
    let on_print = Closure::<dyn Fn()>::new(move || {
        let busy = state
            .printing
            .try_get_untracked()
            .is_none_or(|p| p.is_some());
        // A host that does not offer printing does not get the handout either.
        let allowed = state
            .attrs
            .try_with_untracked(|a| crate::export::Exports::parse(a.exports.as_deref()).0.print)
            .unwrap_or(false);
        let full = state
            .host
            .try_with_value(present::is_fullscreen)
            .unwrap_or(true);
        if allowed && !busy && !full {
            state.printing.set(Some(Printing::Browser));
        }
    });
    if let Some(window) = web_sys::window() {
        listen(window.into(), "beforeprint", on_print);
    }
}

/// The focused element of the shadow root `el` is in (the document's
/// `activeElement` is the host, which says nothing about the inside).
fn focused_in_root(el: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    el.get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|r| r.active_element())
}

/// Listens for `name` on `target` until the calling view is disposed.
fn listen(target: web_sys::EventTarget, name: &'static str, f: Closure<dyn Fn()>) {
    let _ = target.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    let kept = StoredValue::new_local(Some((target, f)));
    on_cleanup(move || {
        if let Some(Some((target, f))) = kept.try_update_value(Option::take) {
            let _ = target.remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        }
    });
}

/// Focuses the deck unless something inside it has the focus already.
fn keep_focus_in(deck: NodeRef<html::Div>) {
    let Some(Some(el)) = deck.try_get_untracked() else {
        return;
    };
    let inside = focused_in_root(&el).is_some_and(|a| el.contains(Some(&a)));
    if !inside {
        let _ = el.focus();
    }
}

/// Tab and Shift+Tab cycle through the deck's controls instead of leaving it.
fn trap_focus(deck: &web_sys::HtmlElement, ev: &web_sys::KeyboardEvent) {
    let Ok(list) =
        deck.query_selector_all(
        "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [href], summary, [tabindex='0']",
    )
    else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = focused_in_root(deck);
    let at = |e: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
    };
    let outside = active.as_ref().is_none_or(|a| {
        !items
            .iter()
            .any(|i| a == i.unchecked_ref::<web_sys::Element>())
    });
    let target = if ev.shift_key() && (at(first) || outside) {
        Some(last)
    } else if !ev.shift_key() && (at(last) || outside) {
        Some(first)
    } else {
        None
    };
    if let Some(t) = target {
        ev.prevent_default();
        let _ = t.focus();
    }
}
