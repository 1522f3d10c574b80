//! The scorecard header's export menu: the print handout and the scorecard on
//! screen as CSV, each offered only when the host allows it. A menu button
//! (WAI-ARIA pattern): arrow keys move between items, Esc closes and gives the
//! focus back to the button, focus leaving the menu closes it.

use super::state::{Printing, State};
use crate::i18n::Messages;
use crate::score::Scorecard;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[component]
pub fn ExportMenu(s: Scorecard, m: &'static Messages) -> impl IntoView {
    let Some(state) = use_context::<State>() else {
        return ().into_any();
    };
    let allowed = state.exports();
    if !(allowed.print || allowed.csv) {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let button = NodeRef::<html::Button>::new();
    let menu = NodeRef::<html::Div>::new();
    let wrap = NodeRef::<html::Div>::new();

    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let show = move || {
        error.set(None);
        open.set(true);
        // The items exist once the menu has rendered.
        request_animation_frame(move || focus_item(menu, |_, _| 0));
    };
    let print = move |_| {
        close();
        state.printing.set(Some(Printing::Dialog));
    };
    let csv = move |_| {
        close();
        let s = s.clone();
        // The plan made in this review, if any, follows the scorecard's rows.
        let plan = state
            .plan
            .plan
            .get_untracked()
            .filter(|p| p.partner == s.partner && p.based_on == s.period);
        let t = state
            .load
            .with_untracked(|l| l.model.as_ref().map(|m| m.ds.thresholds))
            .unwrap_or_default();
        // The CSV writer comes with the extras chunk, preloaded after the first paint.
        leptos::task::spawn_local(async move {
            match super::lazy::save_csv(s.clone(), plan, t).await {
                Ok(Ok(())) => exported(
                    state,
                    "csv",
                    Some(&s.partner),
                    Some(&s.period.to_string()),
                    None,
                ),
                Ok(Err(e)) => error.set(Some(e.message(m))),
                Err(_) => error.set(Some(m.part_failed.to_string())),
            }
        });
    };
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if !open.get_untracked() {
            if key == "ArrowDown" {
                ev.prevent_default();
                show();
            }
            return;
        }
        let target = ev.target();
        let current = move |items: &[web_sys::HtmlElement]| {
            target.as_ref().and_then(|t| {
                let node = t.dyn_ref::<web_sys::Node>()?;
                items.iter().position(|i| i.is_same_node(Some(node)))
            })
        };
        match key.as_str() {
            "Escape" => {
                // The menu takes this Esc: nothing around it should close as well.
                ev.prevent_default();
                ev.stop_propagation();
                close();
            }
            "ArrowDown" => focus_item(menu, |items, n| current(items).map_or(0, |i| (i + 1) % n)),
            "ArrowUp" => focus_item(menu, |items, n| {
                current(items).map_or(n - 1, |i| (i + n - 1) % n)
            }),
            "Home" => focus_item(menu, |_, _| 0),
            "End" => focus_item(menu, |_, n| n - 1),
            _ => return,
        }
        ev.prevent_default();
    };
    let focusout = move |ev: web_sys::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(wrap.get_untracked())
            .is_some_and(|(to, wrap)| wrap.contains(Some(&to)));
        if !inside && open.get_untracked() {
            open.set(false);
        }
    };

    view! {
        <div class="ps-export" node_ref=wrap on:keydown=keydown on:focusout=focusout>
            <button type="button" class="ps-export-button" data-testid="export-menu" node_ref=button
                aria-haspopup="menu" aria-expanded=move || open.get().to_string()
                on:click=move |_| if open.get_untracked() { close() } else { show() }>
                {m.export}
            </button>
            {move || open.get().then(|| view! {
                <div class="ps-export-menu" role="menu" aria-label=m.export node_ref=menu>
                    {allowed.print.then(|| view! {
                        <button type="button" role="menuitem" tabindex="-1" data-testid="export-print"
                            on:click=print>{m.export_print}</button>
                    })}
                    {allowed.csv.then(|| view! {
                        <button type="button" role="menuitem" tabindex="-1" data-testid="export-csv"
                            on:click=csv.clone()>{m.export_csv}</button>
                    })}
                </div>
            })}
            {move || error.get().map(|text| view! {
                <p class="ps-export-error" role="alert" data-testid="export-error">{text}</p>
            })}
        </div>
    }
    .into_any()
}

/// Focuses the menu item `pick(items, count)` chooses.
fn focus_item(
    menu: NodeRef<html::Div>,
    pick: impl FnOnce(&[web_sys::HtmlElement], usize) -> usize,
) {
    let Some(menu) = menu.get_untracked() else {
        return;
    };
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    if items.is_empty() {
        return;
    }
    let i = pick(&items, items.len()).min(items.len() - 1);
    let _ = items[i].focus();
}

/// Tells the host a file was saved: a bubbling, composed `scorecard-export`.
pub(super) fn exported(
    state: State,
    format: &str,
    partner: Option<&str>,
    period: Option<&str>,
    chart: Option<&str>,
) {
    let text = |v: Option<&str>| v.map_or(JsValue::NULL, JsValue::from_str);
    let mut detail = vec![
        ("format", JsValue::from_str(format)),
        ("partner", text(partner)),
        ("period", text(period)),
    ];
    if let Some(chart) = chart {
        detail.push(("chart", JsValue::from_str(chart)));
    }
    state.fire("scorecard-export", &detail);
}
