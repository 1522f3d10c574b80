//! Slides that are lists: the targets with their status, and the commitments
//! (last quarter's checked first, then what is open now, by side).

use super::slide::Subject;
use crate::contract::{Commitment, CommitmentStatus, Side};
use crate::i18n::{fill, qbr::Qbr};
use crate::score::{commitments, Scorecard};
use crate::ui::balance::{kpi_head, kpi_row, kpi_units};
use crate::ui::format::Fmt;
use crate::ui::words;
use leptos::prelude::*;

/// Above this many rows a slide list switches to its dense layout.
const ROOMY_ROWS: usize = 8;

pub fn targets_slide(subject: &Subject, s: &Scorecard, fmt: &Fmt) -> AnyView {
    let m = fmt.m;
    let health_change = s.trend.previous.as_ref().and_then(|c| c.health);
    if s.kpis.is_empty() {
        return view! { <p class="ps-slide-lead">{m.no_targets}</p> }.into_any();
    }
    let rows = s
        .kpis
        .iter()
        .zip(kpi_units(&subject.model.ds, s))
        .map(|(k, unit)| kpi_row(k, fmt, unit))
        .collect_view();
    let class = if s.kpis.len() > ROOMY_ROWS {
        "ps-slide-table ps-dense"
    } else {
        "ps-slide-table"
    };
    view! {
        <p class="ps-slide-lead">
            {m.health}" "<strong>{fmt.score(s.health)}</strong>" "
            <span class="ps-kpi-change">{fmt.change_score(health_change)}</span>
        </p>
        <table class=class data-testid="slide-kpis">
            {kpi_head(m)}
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn item(c: &Commitment, fmt: &Fmt, with_side: bool) -> AnyView {
    let m = fmt.m;
    let (icon, word) = words::commitment(m, c.status);
    let side = with_side.then(|| format!(" · {}", words::side(m, c.side)));
    let due = c
        .due
        .as_deref()
        .map(|d| format!(" · {} {}", m.due, fmt.date(d)));
    view! {
        <li data-testid="slide-commitment" data-status=c.status.as_str()>
            <span class=format!("ps-status ps-commit-{}", c.status.as_str())>
                <span aria-hidden="true">{icon}" "</span>{word}
            </span>" "
            <span class="ps-commit-text">{c.text.clone()}</span>
            <span class="ps-muted">{side}{due}</span>
        </li>
    }
    .into_any()
}

fn list(items: Vec<AnyView>, q: &Qbr, dense: bool) -> AnyView {
    if items.is_empty() {
        return view! { <p class="ps-muted">{q.none}</p> }.into_any();
    }
    let class = if dense {
        "ps-slide-list ps-dense"
    } else {
        "ps-slide-list"
    };
    view! { <ul class=class>{items}</ul> }.into_any()
}

pub fn commitments_slide(subject: &Subject, fmt: &Fmt, q: &Qbr) -> AnyView {
    let ds = &subject.model.ds;
    let Some(partner) = ds.partners.get(subject.index).map(|p| p.id.clone()) else {
        return view! { <p class="ps-muted">{q.none}</p> }.into_any();
    };
    let now = commitments(ds, &partner, subject.period);
    // Last quarter's promises are checked first: done or slipped (or still open).
    let last_period = subject.period.previous();
    let last: Vec<&Commitment> = last_period
        .map(|p| commitments(ds, &partner, p).current)
        .unwrap_or_default();
    let earlier: Vec<&Commitment> = now
        .carried_over
        .iter()
        .copied()
        .filter(|c| Some(c.period) != last_period)
        .collect();
    let open: Vec<&Commitment> = now
        .current
        .iter()
        .copied()
        .filter(|c| c.status == CommitmentStatus::Open)
        .collect();
    let dense = last.len() + earlier.len() > ROOMY_ROWS || open.len() > ROOMY_ROWS;
    let last_items = last.iter().map(|c| item(c, fmt, true)).collect();
    let by_side = [Side::Vendor, Side::Partner]
        .into_iter()
        .map(|side| {
            let name = match side {
                Side::Vendor => subject.vendor.clone(),
                Side::Partner => fmt.m.partner.to_string(),
            };
            let items = open
                .iter()
                .filter(|c| c.side == side)
                .map(|c| item(c, fmt, false))
                .collect();
            view! {
                <div class=format!("ps-by-side ps-{}", side.as_str()) data-testid=format!("slide-open-{}", side.as_str())>
                    <h4>{name}</h4>
                    {list(items, q, dense)}
                </div>
            }
        })
        .collect_view();
    let earlier_block = (!earlier.is_empty()).then(|| {
        let items = earlier.iter().map(|c| item(c, fmt, true)).collect();
        view! {
            <h3>{q.earlier_still_open}</h3>
            {list(items, q, dense)}
        }
    });
    let period_text =
        |p: Option<crate::contract::Quarter>| p.map(|p| p.to_string()).unwrap_or_default();
    view! {
        <div class="ps-commit-grid">
            <div data-testid="slide-last-quarter">
                <h3>{fill(q.last_quarter_commitments, &[("period", &period_text(last_period))])}</h3>
                {list(last_items, q, dense)}
                {earlier_block}
            </div>
            <div data-testid="slide-this-quarter">
                <h3>{fill(q.open_this_quarter, &[("period", &subject.period.to_string())])}</h3>
                <div class="ps-sides">{by_side}</div>
            </div>
        </div>
    }
    .into_any()
}
