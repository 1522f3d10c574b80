//! The printed handout: every slide on its own landscape page, as vectors,
//! without the deck's controls. It exists only while the print dialog is open.

use super::slide::{self, Subject, SLIDES};
use crate::host::present;
use crate::ui::state::{Printing, State};
use leptos::prelude::*;

#[component]
pub fn Handout(state: State, subject: Subject) -> impl IntoView {
    let q = super::words(state);
    let fmt = crate::ui::fmt_for(state, &subject.model);
    let pages = (0..SLIDES.len())
        .map(|n| view! { <div class="ps-print-page">{slide::slide(&subject, &fmt, q, n, None)}</div> })
        .collect_view();
    let by = state.printing.get_untracked();
    let undo = StoredValue::new_local(None::<js_sys::Function>);
    let start = move || {
        let Some(host) = state.host.try_with_value(Clone::clone) else {
            return;
        };
        let dialog = by != Some(Printing::Browser);
        let f = present::print(&host, dialog, move || {
            let _ = state.printing.try_set(None);
        });
        let _ = undo.try_update_value(|u| *u = Some(f));
    };
    if by == Some(Printing::Browser) {
        // Ctrl+P: the browser lays the pages out as soon as its `beforeprint`
        // handlers and their microtasks are done, so prepare the page now.
        start();
    } else {
        // The Print button: open the dialog once the pages are in the
        // document, which the next frame guarantees.
        request_animation_frame(start);
    }
    on_cleanup(move || {
        // Removed while the dialog is open (the widget disconnected): leave the
        // host page as it was.
        if let Some(Some(f)) = undo.try_update_value(Option::take) {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    view! { <div class="ps-handout" data-testid="handout">{pages}</div> }
}
