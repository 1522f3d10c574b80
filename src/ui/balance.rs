//! The fairness sentence, and the targets each side set, with health.

use super::format::Fmt;
use super::words;
use crate::contract::{Dataset, Unit};
use crate::i18n::fill;
use crate::i18n::Messages;
use crate::score::{Kpi, Scorecard};
use leptos::prelude::*;

#[component]
pub fn TargetsView(s: Scorecard, fmt: Fmt, units: Vec<Unit>) -> impl IntoView {
    let m = fmt.m;
    let health_change = s.trend.previous.as_ref().and_then(|c| c.health);
    let rows = s
        .kpis
        .iter()
        .zip(units)
        .map(|(k, unit)| kpi_row(k, &fmt, unit))
        .collect_view();
    let table = if s.kpis.is_empty() {
        view! { <p data-testid="no-kpis">{m.no_targets}</p> }.into_any()
    } else {
        view! {
            <div class="ps-scroll">
                <table data-testid="kpis" class="ps-stackable">
                    {kpi_head(m)}
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="ps-kpis" part="kpis">
            <h3>{m.targets}</h3>
            <p class="ps-big">
                {m.health}" "<strong data-testid="health">{fmt.score(s.health)}</strong>
                " "<span data-testid="health-change" title=m.vs_last_quarter>{fmt.change_score(health_change)}</span>
            </p>
            {table}
        </section>
    }
}

/// "{name} put in … and took …: for each unit put in, it took 0.70× what
/// {vendor} took, vendor-favoured." when F is defined.
pub fn fairness_sentence(s: &Scorecard, fmt: &Fmt, vendor: &str) -> Option<String> {
    let m = fmt.m;
    match (
        s.shares.contribution,
        s.shares.reward,
        s.balance,
        s.fairness,
    ) {
        (Some(c), Some(r), Some(b), Some(_)) => Some(fill(
            m.fairness_sentence,
            &[
                ("name", &s.partner_name),
                ("contribution", &fmt.percent(Some(c))),
                ("reward", &fmt.percent(Some(r))),
                ("balance", words::balance(m, b)),
                ("fairness", &fmt.ratio(s.fairness)),
                ("vendor", vendor),
            ],
        )),
        _ => None,
    }
}

/// The header of a KPI table: metric, side, actual, target, attainment, status.
pub fn kpi_head(m: &'static Messages) -> impl IntoView {
    view! {
        <thead><tr>
            <th scope="col">{m.metric}</th><th scope="col">{m.side}</th>
            <th scope="col" class="ps-num">{m.actual}</th><th scope="col" class="ps-num">{m.target}</th>
            <th scope="col" class="ps-num">{m.attainment}</th><th scope="col">{m.status}</th>
        </tr></thead>
    }
}

/// The unit of each KPI's metric, in the scorecard's order, so money reads as money.
pub fn kpi_units(ds: &Dataset, s: &Scorecard) -> Vec<Unit> {
    s.kpis
        .iter()
        .map(|k| {
            ds.metrics
                .iter()
                .find(|m| m.key == k.metric)
                .map_or(Unit::Count, |m| m.unit)
        })
        .collect()
}

/// A KPI's actual or target in its unit: "$87,045", "92%", "9".
fn kpi_value(fmt: &Fmt, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Currency => fmt.money(v),
        // Percent metrics are 0–100 in the feed.
        Unit::Percent => fmt.percent_value(v),
        Unit::Count | Unit::Ratio | Unit::Rating => fmt.number(v),
    }
}

/// One KPI with its status as an icon and a word; cells are labelled for the
/// stacked layout of narrow embeds.
pub fn kpi_row(k: &Kpi, fmt: &Fmt, unit: Unit) -> impl IntoView {
    let m = fmt.m;
    let (icon, word) = words::status(m, k.status);
    view! {
        <tr>
            <th scope="row">{k.label.clone()}</th>
            <td data-label=m.side>{words::side(m, k.side)}</td>
            <td class="ps-num" data-label=m.actual>{kpi_value(fmt, unit, k.value)}</td>
            <td class="ps-num" data-label=m.target>{kpi_value(fmt, unit, k.target)}</td>
            <td class="ps-num" data-label=m.attainment>{fmt.percent(k.attainment)}</td>
            <td data-label=m.status>
                <span class=format!("ps-status ps-status-{}", k.status.as_str()) data-testid="kpi-status">
                    <span aria-hidden="true">{icon}" "</span>{word}
                </span>
            </td>
        </tr>
    }
}
