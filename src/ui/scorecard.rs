//! One partner's joint scorecard: header with period picker, then the verdict
//! (who put in and took what, whether that is fair, health, alignment), and
//! the detail: pillars, targets, shared vision and values, commitments, trends.

use super::balance::{kpi_units, TargetsView};
use super::commitments::CommitmentsView;
use super::export_menu::ExportMenu;
use super::lazy;
use super::pillars::PillarsView;
use super::qbr::{self, Subject};
use super::state::{Model, State};
use super::states::{notice, unknown_period};
use super::verdict::VerdictView;
use crate::contract::Quarter;
use crate::i18n::fill;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The scorecard, or the presentation deck over it, and while printing the handout.
#[component]
pub fn ScorecardView(state: State, model: Arc<Model>, partner: String) -> impl IntoView {
    let subject = subject(state, &model, &partner);
    let main = {
        let subject = subject.clone();
        move || match (&subject, state.presenting.get()) {
            (Some(subject), true) => {
                let subject = subject.clone();
                // Ctrl+P in the deck prints the handout at once: have it ready.
                lazy::preload(lazy::preload_handout);
                lazy::part("deck", move || lazy::deck(state, subject.clone())).into_any()
            }
            _ => page(state, Arc::clone(&model), partner.clone()),
        }
    };
    let handout = move || {
        let subject = subject.clone()?;
        state
            .printing
            .get()
            .is_some()
            .then(|| lazy::part("handout", move || lazy::handout(state, subject.clone())))
    };
    view! { {main}{handout} }
}

/// What a deck or handout shows, when the partner and period resolve to data.
fn subject(state: State, model: &Arc<Model>, partner: &str) -> Option<Subject> {
    let index = model.ds.partner_index(partner)?;
    let period = state.period(model).ok()??;
    model.book.get(index, period)?;
    let vendor = vendor_name(model, super::messages_for(state));
    Some(Subject {
        model: Arc::clone(model),
        index,
        period,
        vendor,
    })
}

/// The vendor's name from the data, else the word "Vendor".
fn vendor_name(model: &Model, m: &crate::i18n::Messages) -> String {
    model
        .ds
        .vendor
        .as_ref()
        .map(|v| v.name.clone())
        .unwrap_or_else(|| m.vendor.to_string())
}

fn page(state: State, model: Arc<Model>, partner: String) -> AnyView {
    let fmt = super::fmt_for(state, &model);
    let m = fmt.m;
    let Some(index) = model.ds.partner_index(&partner) else {
        let count = model.ds.partners.len().to_string();
        return notice(fill(
            m.unknown_partner,
            &[("id", &partner), ("count", &count)],
        ));
    };
    let period = match state.period(&model) {
        Ok(Some(q)) => q,
        Ok(None) => return notice(m.no_periods.to_string()),
        Err(_) => {
            let text = state.attrs.with(|a| a.period.clone()).unwrap_or_default();
            return notice(fill(m.bad_period, &[("period", &text)]));
        }
    };
    let p = &model.ds.partners[index];
    let meta: Vec<String> = [p.tier.clone(), p.region.clone(), p.kind.clone()]
        .into_iter()
        .flatten()
        .collect();
    let vendor = vendor_name(&model, m);
    let card = model.book.get(index, period);
    let with_vendor = fill(m.with_vendor, &[("vendor", &vendor)]);
    let header = view! {
        <header class="ps-header" part="header">
            <div>
                <h2 data-testid="partner-name">{p.name.clone()}</h2>
                <p class="ps-meta" data-testid="partner-meta">
                    {meta.join(" · ")}{if meta.is_empty() { "" } else { " · " }}{with_vendor}
                </p>
            </div>
            <div class="ps-header-actions">
                <PeriodPicker state=state model=Arc::clone(&model) partner=p.id.clone() current=period label=m.period />
                {present_button(state, card.is_some())}
                {card.map(|s| view! { <ExportMenu s=s.clone() m=m /> })}
            </div>
        </header>
    };
    let back = state.opened.with(Option::is_some).then(|| {
        view! {
            <button type="button" class="ps-back" data-testid="back" on:click=move |_| state.opened.set(None)>
                {m.back_to_all}
            </button>
        }
    });
    let body = match card {
        None if !model.book.periods.contains(&period) => notice(unknown_period(&model, period, m)),
        None => notice(fill(
            m.no_records_for_period,
            &[("name", &p.name), ("period", &period.to_string())],
        )),
        Some(s) => {
            // Only the charts follow the element's width, so a resize redraws
            // them alone. They are below the fold and come from their own
            // chunk, asked for once the rest of the scorecard is painted.
            let painted = RwSignal::new(false);
            lazy::after_first_paint(move || {
                painted.try_set(true);
            });
            // Shared vision and values and the trends sit below the targets
            // and commitments, with every chart of the scorecard: one chunk,
            // asked for once the rest is painted, and one message should it
            // fail to arrive.
            let below = {
                let (model, vendor, s) = (Arc::clone(&model), vendor.clone(), s.clone());
                move || {
                    let width = state.width.get().saturating_sub(34).clamp(280, 1400);
                    let (model, vendor, s) = (Arc::clone(&model), vendor.clone(), s.clone());
                    painted.get().then(|| {
                        lazy::part("below-fold", move || {
                            lazy::below_fold(
                                state,
                                Arc::clone(&model),
                                s.clone(),
                                index,
                                vendor.clone(),
                                width,
                            )
                        })
                    })
                }
            };
            view! {
                <VerdictView s=s.clone() fmt=fmt.clone() vendor=vendor.clone() />
                <PillarsView s=s.clone() fmt=fmt.clone() vendor=vendor.clone() />
                <TargetsView s=s.clone() fmt=fmt.clone() units=kpi_units(&model.ds, s) />
                <CommitmentsView model=Arc::clone(&model) partner=p.id.clone() period=period fmt=fmt.clone() />
                {below}
            }
            .into_any()
        }
    };
    view! {
        <section class="ps-scorecard" data-testid="scorecard" data-period=period.to_string()
            aria-label=format!("{} · {period}", p.name)>
            {back}
            {header}
            {body}
        </section>
    }
    .into_any()
}

/// Fetches the deck's and the handout's chunks, so Present and Print show no wait.
fn preload_deck() {
    lazy::preload(lazy::preload_deck);
    lazy::preload(lazy::preload_handout);
}

/// Opens the deck; offered only when there is a scorecard to present.
fn present_button(state: State, available: bool) -> Option<AnyView> {
    let m = super::messages_for(state);
    available.then(|| {
        lazy::when_idle(preload_deck);
        view! {
            <button type="button" class="ps-present" data-testid="present" title=m.present_hint
                on:pointerenter=|_| preload_deck() on:focus=|_| preload_deck()
                on:click=move |_| qbr::open(state)>
                <span aria-hidden="true">"▶ "</span>{m.present}
            </button>
            <button type="button" class="ps-plan-open" data-testid="plan-open" title=m.open_plan_hint
                on:click=move |_| qbr::open_plan(state)>{m.open_plan}</button>
        }
        .into_any()
    })
}

#[component]
fn PeriodPicker(
    state: State,
    model: Arc<Model>,
    partner: String,
    current: Quarter,
    label: &'static str,
) -> impl IntoView {
    let options = model
        .book
        .periods
        .iter()
        .rev()
        .map(|q| {
            let text = q.to_string();
            view! { <option value=text.clone() selected=*q == current>{text.clone()}</option> }
        })
        .collect_view();
    view! {
        <label class="ps-period">
            <span>{label}</span>
            <select data-testid="period" on:change=move |ev| {
                if let Ok(q) = event_target_value(&ev).parse::<Quarter>() {
                    state.picked_period.set(Some(q));
                    state.fire("scorecard-select", &[
                        ("partner", JsValue::from_str(&partner)),
                        ("period", JsValue::from_str(&q.to_string())),
                    ]);
                }
            }>{options}</select>
        </label>
    }
}
