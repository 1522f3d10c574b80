//! One partner's joint scorecard: pillars, balance, targets, a trend chart.

use super::format::{Fmt, UNDEFINED};
use super::state::{Model, State};
use crate::chart;
use crate::contract::{Pillar, Quarter, Side};
use crate::score::{Balance, Band, KpiStatus, Scorecard};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

#[component]
pub fn ScorecardView(state: State, model: Arc<Model>, partner: String) -> impl IntoView {
    let fmt = super::fmt_for(state, &model);
    let Some(index) = model.ds.partner_index(&partner) else {
        let n = model.ds.partners.len();
        return view! {
            <div class="ps-notice" data-testid="notice" role="status">
                {format!("Partner \"{partner}\" is not in the data, which has {n} partner{}.", if n == 1 { "" } else { "s" })}
            </div>
        }
        .into_any();
    };
    let period = match state.period(&model) {
        Ok(Some(q)) => q,
        Ok(None) => return notice("The data has no periods yet.".into()),
        Err(e) => return notice(format!("The period attribute is not usable: {e}.")),
    };
    let p = &model.ds.partners[index];
    let meta: Vec<String> = [p.tier.clone(), p.region.clone(), p.kind.clone()]
        .into_iter()
        .flatten()
        .collect();
    let vendor = model
        .ds
        .vendor
        .as_ref()
        .map(|v| v.name.clone())
        .unwrap_or_else(|| "Vendor".into());
    let header = view! {
        <header class="ps-header" part="header">
            <div>
                <h2 data-testid="partner-name">{p.name.clone()}</h2>
                <p class="ps-meta" data-testid="partner-meta">{meta.join(" · ")}" · with "{vendor.clone()}</p>
            </div>
            <PeriodPicker state=state model=Arc::clone(&model) partner=p.id.clone() current=period />
        </header>
    };
    let back = state.opened.with(Option::is_some).then(|| view! {
        <button type="button" class="ps-back" data-testid="back" on:click=move |_| state.opened.set(None)>
            "← All partners"
        </button>
    });
    let body = match model.book.get(index, period) {
        None => notice(format!("{} has no records for {period}.", p.name)),
        Some(s) => {
            // Draw the chart at the element's width (less padding), never stretched.
            let width = state.width.get().saturating_sub(34).clamp(280, 1400);
            figures(s, &model, &fmt, &vendor, index, width).into_any()
        }
    };
    view! {
        <section class="ps-scorecard" data-testid="scorecard" data-period=period.to_string() aria-label=format!("Joint scorecard of {} for {period}", p.name)>
            {back}
            {header}
            {body}
        </section>
    }
    .into_any()
}

fn notice(text: String) -> AnyView {
    view! { <div class="ps-notice" data-testid="notice" role="status">{text}</div> }.into_any()
}

#[component]
fn PeriodPicker(
    state: State,
    model: Arc<Model>,
    partner: String,
    current: Quarter,
) -> impl IntoView {
    let periods = model.book.periods.clone();
    let options = periods
        .iter()
        .rev()
        .map(|q| {
            let text = q.to_string();
            view! { <option value=text.clone() selected=*q == current>{text.clone()}</option> }
        })
        .collect_view();
    view! {
        <label class="ps-period">
            <span>"Period"</span>
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

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Vendor => "Vendor",
        Side::Partner => "Partner",
    }
}

fn pillar_name(p: Pillar) -> &'static str {
    match p {
        Pillar::Investment => "Investment",
        Pillar::Risk => "Risk",
        Pillar::Reward => "Reward",
    }
}

fn band_icon(b: Band) -> &'static str {
    match b {
        Band::Green => "●",
        Band::Amber => "▲",
        Band::Red => "◆",
    }
}

fn balance_word(b: Balance) -> &'static str {
    match b {
        Balance::Balanced => "balanced",
        Balance::PartnerFavoured => "partner-favoured",
        Balance::VendorFavoured => "vendor-favoured",
    }
}

fn status_view(s: KpiStatus) -> impl IntoView {
    let (icon, word) = match s {
        KpiStatus::Met => ("✔", "met"),
        KpiStatus::AtRisk => ("!", "at risk"),
        KpiStatus::Missed => ("✖", "missed"),
    };
    view! { <span class=format!("ps-status ps-status-{}", s.as_str())><span aria-hidden="true">{icon}" "</span>{word}</span> }
}

fn figures(
    s: &Scorecard,
    model: &Model,
    fmt: &Fmt,
    vendor: &str,
    index: usize,
    width: u32,
) -> impl IntoView {
    let pillars = Pillar::ALL
        .into_iter()
        .map(|p| {
            let t = s.totals(p);
            let share = s.shares.pillar(p);
            let total = t.vendor + t.partner;
            // Set through CSSOM (style:width), which a CSP without 'unsafe-inline' allows.
            let width = |v: f64| if total > 0.0 { format!("{:.1}%", 100.0 * v / total) } else { "0".into() };
            view! {
                <article class="ps-pillar" data-testid=format!("pillar-{}", p.as_str()) part="pillar">
                    <h3>{pillar_name(p)}</h3>
                    <dl>
                        <div class="ps-side ps-vendor"><dt>{vendor.to_string()}</dt><dd data-testid="vendor-total">{fmt.money(t.vendor)}</dd></div>
                        <div class="ps-side ps-partner"><dt>"Partner"</dt><dd data-testid="partner-total">{fmt.money(t.partner)}</dd></div>
                    </dl>
                    <div class="ps-bar" aria-hidden="true">
                        <span class="ps-bar-vendor" style:width=width(t.vendor)></span>
                        <span class="ps-bar-partner" style:width=width(t.partner)></span>
                    </div>
                    <p class="ps-share">"Partner share: "<strong data-testid="share">{fmt.percent(share)}</strong></p>
                </article>
            }
        })
        .collect_view();
    let band_class = s
        .band
        .map(|b| format!("ps-band ps-band-{}", b.as_str()))
        .unwrap_or_else(|| "ps-band".into());
    let band_text = s
        .band
        .map(|b| format!("{} {}", band_icon(b), b.as_str()))
        .unwrap_or_else(|| UNDEFINED.into());
    let why_undefined = s.unreported.map(|side| {
        format!(
            "{} reported no figures for {}, so balance is undefined.",
            side_name(side),
            s.period
        )
    });
    let kpis = s
        .kpis
        .iter()
        .map(|k| {
            view! {
                <tr>
                    <th scope="row">{k.label.clone()}</th>
                    <td>{side_name(k.side)}</td>
                    <td class="ps-num">{fmt.number(k.value)}</td>
                    <td class="ps-num">{fmt.number(k.target)}</td>
                    <td class="ps-num">{fmt.percent(k.attainment)}</td>
                    <td>{status_view(k.status)}</td>
                </tr>
            }
        })
        .collect_view();
    let chart = chart::pillar_trend(
        &model.book,
        index,
        Pillar::Reward,
        [vendor, "Partner"],
        (width, 240),
        &|v| fmt.compact(v),
    );
    let chart_rows = chart
        .points
        .iter()
        .map(|(q, v, p)| view! { <tr><th scope="row">{q.to_string()}</th><td class="ps-num">{fmt.money(*v)}</td><td class="ps-num">{fmt.money(*p)}</td></tr> })
        .collect_view();
    view! {
        <div class="ps-pillars" part="pillars">{pillars}</div>
        <section class="ps-balance" data-testid="balance" part="balance">
            <h3>"Balance"</h3>
            <p>
                "Fairness "<strong data-testid="fairness">{fmt.ratio(s.fairness)}</strong>" "
                <span class=band_class data-testid="band">{band_text}</span>" "
                <span data-testid="balance-word">{s.balance.map(balance_word).unwrap_or(UNDEFINED)}</span>
            </p>
            {why_undefined.map(|w| view! { <p class="ps-why" data-testid="why-undefined">{w}</p> })}
            <p class="ps-roi">
                "ROI — "{vendor.to_string()}": "<span data-testid="roi-vendor">{fmt.percent(s.roi.vendor)}</span>
                ", Partner: "<span data-testid="roi-partner">{fmt.percent(s.roi.partner)}</span>
            </p>
            <p>"Health "<strong data-testid="health">{fmt.score(s.health)}</strong></p>
        </section>
        <section class="ps-kpis" part="kpis">
            <h3>"Targets"</h3>
            {if s.kpis.is_empty() {
                view! { <p data-testid="no-kpis">"No targets were set for this period."</p> }.into_any()
            } else {
                view! {
                    <div class="ps-scroll"><table data-testid="kpis">
                        <thead><tr><th scope="col">"Metric"</th><th scope="col">"Side"</th><th scope="col">"Actual"</th><th scope="col">"Target"</th><th scope="col">"Attainment"</th><th scope="col">"Status"</th></tr></thead>
                        <tbody>{kpis}</tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
        <figure class="ps-chart" part="chart" data-testid="chart-reward">
            <figcaption>"Reward by quarter, vendor and partner"</figcaption>
            <p class="ps-legend" aria-hidden="true"><span class="ps-l-vendor">{vendor.to_string()}</span><span class="ps-l-partner">"Partner"</span></p>
            <div role="img" aria-label=format!("Line chart of reward by quarter for {vendor} and the partner") inner_html=chart.svg></div>
            <details>
                <summary>"Show as a table"</summary>
                <table>
                    <thead><tr><th scope="col">"Quarter"</th><th scope="col">{vendor.to_string()}</th><th scope="col">"Partner"</th></tr></thead>
                    <tbody>{chart_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
