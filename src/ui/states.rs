//! Loading skeleton, error panel, stale banner and the rejected-records disclosure.

use super::state::{LoadError, Model, State};
use leptos::prelude::*;
use std::sync::Arc;

/// The shape of the final layout, so nothing jumps when the data arrives.
#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div class="ps-skeleton" data-testid="loading" role="status" aria-label="Loading the scorecard">
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
    view! {
        <div class="ps-error" role="alert" data-testid="error" data-kind=error.kind part="error">
            <p class="ps-error-message" data-testid="error-message">{error.message.clone()}</p>
            <details>
                <summary>"Technical detail"</summary>
                <pre data-testid="error-detail">{error.detail.clone()}</pre>
            </details>
            <button type="button" data-testid="retry" disabled=retrying
                on:click=move |_| state.retry.update(|n| *n += 1)>
                {move || if retrying() { "Retrying…" } else { "Retry" }}
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
        load.stale_since.map(|since| {
            let reason = load.error.map(|e| e.message).unwrap_or_default();
            view! {
                <div class="ps-stale" role="status" data-testid="stale">
                    {format!("Showing data that is stale since {}. ", fmt.time(since))}
                    {reason}
                    <button type="button" on:click=move |_| state.retry.update(|n| *n += 1)>"Retry"</button>
                </div>
            }
        })
    };
    let rejected = model.ds.rejected.clone();
    let warnings = model.ds.warnings.clone();
    let n = model.ds.counts.rejected;
    let disclosure = (!rejected.is_empty()).then(|| {
        let summary = match n {
            0 => format!("{} entries rejected", rejected.len()),
            1 => "1 record rejected".to_string(),
            n => format!("{n} records rejected"),
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
