//! What each side promised for the period, and last quarters' promises still open.

use super::format::Fmt;
use super::state::Model;
use super::words;
use crate::contract::{Commitment, Quarter};
use crate::i18n::fill;
use crate::score::commitments;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CommitmentsView(
    model: Arc<Model>,
    partner: String,
    period: Quarter,
    fmt: Fmt,
) -> impl IntoView {
    let m = fmt.m;
    let view_of = commitments(&model.ds, &partner, period);
    let row = |c: &Commitment, carried: bool| {
        let (icon, word) = words::commitment(m, c.status);
        let flag = carried.then(|| {
            view! { <span class="ps-flag" data-testid="carried-over">{fill(m.still_open_from, &[("period", &c.period.to_string())])}</span> }
        });
        view! {
            <tr data-testid="commitment">
                <th scope="row">{c.text.clone()}" "{flag}</th>
                <td data-label=m.owner>{words::side(m, c.side)}</td>
                <td data-label=m.due>{c.due.as_deref().map(|d| fmt.date(d)).unwrap_or_default()}</td>
                <td data-label=m.status><span class=format!("ps-status ps-commit-{}", c.status.as_str())><span aria-hidden="true">{icon}" "</span>{word}</span></td>
            </tr>
        }
    };
    let empty = view_of.current.is_empty() && view_of.carried_over.is_empty();
    let rows = view_of
        .carried_over
        .iter()
        .map(|c| row(c, true))
        .chain(view_of.current.iter().map(|c| row(c, false)))
        .collect_view();
    view! {
        <section class="ps-commitments" data-testid="commitments" part="commitments">
            <h3>{m.commitments}</h3>
            {if empty {
                view! { <p>{m.no_commitments}</p> }.into_any()
            } else {
                view! {
                    <div class="ps-scroll">
                        <table class="ps-stackable">
                            <thead><tr>
                                <th scope="col">{m.commitments}</th><th scope="col">{m.owner}</th>
                                <th scope="col">{m.due}</th><th scope="col">{m.status}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
