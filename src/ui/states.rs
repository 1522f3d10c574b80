//! Loading skeleton, error panel, stale banner, the rejected-records disclosure
//! and the notice shown in place of a view.

use super::state::{LoadError, Model, State};
use crate::contract::Quarter;
use crate::i18n::{fill, Messages};
use leptos::prelude::*;
use std::sync::Arc;

/// The shape of the final layout, so nothing jumps when the data arrives.
#[component]
pub fn Skeleton(label: &'static str) -> impl IntoView {
    view! {
        <div class="ps-skeleton" data-testid="loading" role="status" aria-label=label>
            <div class="ps-sk ps-sk-title"></div>
            <div class="ps-pillars">
                <div class="ps-sk ps-sk-card"></div>
                <div class="ps-sk ps-sk-card"></div>
                <div class="ps-sk ps-sk-card"></div>
            </div>
            <div class="ps-sk ps-sk-table"></div>
        </div>
    }
}

#[component]
pub fn ErrorPanel(state: State, error: LoadError) -> impl IntoView {
    let retrying = move || state.load.with(|l| l.loading);
    let m = super::messages_for(state);
    let message = localised(m, &error);
    view! {
        <div class="ps-error" role="alert" data-testid="error" data-kind=error.kind part="error">
            <p class="ps-error-message" data-testid="error-message">{message}</p>
            <details>
                <summary>{m.technical_detail}</summary>
                <pre data-testid="error-detail">{error.detail.clone()}</pre>
            </details>
            <button type="button" data-testid="retry" disabled=retrying
                on:click=move |_| state.retry.update(|n| *n += 1)>
                {move || if retrying() { m.retrying } else { m.retry }}
            </button>
        </div>
    }
}

/// "Stale since …" after a failed refresh, and the rejected-records disclosure.
#[component]
pub fn Banners(state: State, model: Arc<Model>) -> impl IntoView {
    let model_for_time = Arc::clone(&model);
    let stale = move || {
        let load = state.load.get();
        let fmt = super::fmt_for(state, &model_for_time);
        let m = fmt.m;
        load.stale_since.map(|since| {
            let reason = load.error.map(|e| localised(m, &e)).unwrap_or_default();
            view! {
                <div class="ps-stale" role="status" data-testid="stale">
                    {fill(m.stale_since, &[("time", &fmt.time(since))])}" "
                    {reason}
                    <button type="button" on:click=move |_| state.retry.update(|n| *n += 1)>{m.retry}</button>
                </div>
            }
        })
    };
    let rejected = model.ds.rejected.clone();
    let warnings = model.ds.warnings.clone();
    let n = model.ds.counts.rejected;
    let m = super::messages_for(state);
    let disclosure = (!rejected.is_empty()).then(|| {
        let summary = match n {
            0 => fill(
                m.entries_rejected,
                &[("count", &rejected.len().to_string())],
            ),
            1 => m.records_rejected_one.to_string(),
            n => fill(m.records_rejected_many, &[("count", &n.to_string())]),
        };
        view! {
            <details class="ps-rejected" data-testid="rejected" part="rejected">
                <summary>{summary}</summary>
                <ul>
                    {rejected.into_iter().map(|r| view! {
                        <li><code>{r.location}</code>": "{r.reason}</li>
                    }).collect_view()}
                    {warnings.into_iter().map(|r| view! {
                        <li class="ps-warning"><code>{r.location}</code>": "{r.reason}</li>
                    }).collect_view()}
                </ul>
            </details>
        }
    });
    view! { {stale} {disclosure} }
}

/// English keeps the loader's own sentence (it names status codes and seconds);
/// other languages say the same per error kind, the detail carries the numbers.
fn localised(m: &'static Messages, e: &LoadError) -> String {
    if std::ptr::eq(m, crate::i18n::EN_WORDS.messages) {
        return e.message.clone();
    }
    m.error(e.kind)
        .map(str::to_string)
        .unwrap_or_else(|| e.message.clone())
}

/// A short message in place of the scorecard or the portfolio: an unknown
/// partner, no periods, a period that does not parse or that the feed lacks.
pub fn notice(text: String) -> AnyView {
    view! { <div class="ps-notice" data-testid="notice" role="status">{text}</div> }.into_any()
}

/// Names the feed's first and last quarters, so the reader sees what to pick.
pub fn unknown_period(model: &Model, period: Quarter, m: &Messages) -> String {
    let first = model
        .book
        .periods
        .first()
        .map(|q| q.to_string())
        .unwrap_or_default();
    let last = model
        .book
        .latest()
        .map(|q| q.to_string())
        .unwrap_or_default();
    fill(
        m.unknown_period,
        &[
            ("period", &period.to_string()),
            ("first", &first),
            ("last", &last),
        ],
    )
}
