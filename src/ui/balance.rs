//! Whether the split is fair, in a figure and a sentence, ROI of each side;
//! and the targets each side set, with health.

use super::format::{Fmt, UNDEFINED};
use super::words;
use crate::i18n::fill;
use crate::i18n::Messages;
use crate::score::{Kpi, Scorecard};
use leptos::prelude::*;

#[component]
pub fn BalanceView(s: Scorecard, fmt: Fmt, vendor: String) -> impl IntoView {
    let m = fmt.m;
    let (band_class, band_text) = match s.band {
        Some(b) => {
            let (icon, word) = words::band(m, b);
            (
                format!("ps-band ps-band-{}", b.as_str()),
                format!("{icon} {word}"),
            )
        }
        None => ("ps-band".to_string(), UNDEFINED.to_string()),
    };
    let sentence = fairness_sentence(&s, &fmt);
    let why = s.unreported.map(|side| {
        fill(
            m.side_reported_nothing,
            &[
                ("side", words::side(m, side)),
                ("period", &s.period.to_string()),
            ],
        )
    });
    let change_f = s.trend.previous.as_ref().and_then(|c| c.fairness);
    view! {
        <section class="ps-balance" data-testid="balance" part="balance">
            <h3>{m.balance}</h3>
            <p class="ps-big">
                {m.fairness}" "<strong data-testid="fairness">{fmt.ratio(s.fairness)}</strong>" "
                <span class=band_class data-testid="band">{band_text}</span>" "
                <span data-testid="balance-word">{s.balance.map(|b| words::balance(m, b)).unwrap_or(UNDEFINED)}</span>
                " "<span class="ps-muted" title=m.vs_last_quarter>{fmt.change(change_f, false)}</span>
            </p>
            {sentence.map(|t| view! { <p class="ps-sentence" data-testid="fairness-sentence">{t}</p> })}
            {why.map(|w| view! { <p class="ps-why" data-testid="why-undefined">{w}</p> })}
            <p class="ps-roi">
                {m.roi}" — "{vendor}": "<span data-testid="roi-vendor">{fmt.percent(s.roi.vendor)}</span>
                " · "{m.partner}": "<span data-testid="roi-partner">{fmt.percent(s.roi.partner)}</span>
            </p>
        </section>
    }
}

#[component]
pub fn TargetsView(s: Scorecard, fmt: Fmt) -> impl IntoView {
    let m = fmt.m;
    let health_change = s.trend.previous.as_ref().and_then(|c| c.health);
    let rows = s.kpis.iter().map(|k| kpi_row(k, &fmt)).collect_view();
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
                " "<span data-testid="health-change" title=m.vs_last_quarter>{fmt.change(health_change, false)}</span>
            </p>
            {table}
        </section>
    }
}

/// "{name} put in … and took …: balanced (1.02×)." when the balance is defined.
pub fn fairness_sentence(s: &Scorecard, fmt: &Fmt) -> Option<String> {
    let m = fmt.m;
    match (s.shares.contribution, s.shares.reward, s.balance) {
        (Some(c), Some(r), Some(b)) => Some(fill(
            m.fairness_sentence,
            &[
                ("name", &s.partner_name),
                ("contribution", &fmt.percent(Some(c))),
                ("reward", &fmt.percent(Some(r))),
                ("balance", words::balance(m, b)),
                ("fairness", &fmt.ratio(s.fairness)),
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

/// One KPI with its status as an icon and a word; cells are labelled for the
/// stacked layout of narrow embeds.
pub fn kpi_row(k: &Kpi, fmt: &Fmt) -> impl IntoView {
    let m = fmt.m;
    let (icon, word) = words::status(m, k.status);
    view! {
        <tr>
            <th scope="row">{k.label.clone()}</th>
            <td data-label=m.side>{words::side(m, k.side)}</td>
            <td class="ps-num" data-label=m.actual>{fmt.number(k.value)}</td>
            <td class="ps-num" data-label=m.target>{fmt.number(k.target)}</td>
            <td class="ps-num" data-label=m.attainment>{fmt.percent(k.attainment)}</td>
            <td data-label=m.status>
                <span class=format!("ps-status ps-status-{}", k.status.as_str()) data-testid="kpi-status">
                    <span aria-hidden="true">{icon}" "</span>{word}
                </span>
            </td>
        </tr>
    }
}
