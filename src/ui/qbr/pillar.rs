//! Slides with charts: one pillar (both sides now, last quarter and a year
//! ago, with the trend), and the balance (fairness over time, the quadrant).

use super::slide::Subject;
use crate::chart;
use crate::contract::{Pillar, Side};
use crate::i18n::{fill, qbr::Qbr};
use crate::score::{Portfolio, Scorecard};
use crate::ui::format::Fmt;
use crate::ui::words;
use leptos::prelude::*;

/// Charts are drawn at their box's size in design units divided by this, and
/// scaled up as vectors: their 12 px labels then read as large as slide text.
const CHART_ZOOM: f64 = 1.66;

/// A chart drawn for a box of `w` × `h` design units.
pub(super) fn chart_size(w: u32, h: u32) -> (u32, u32) {
    let z = |v: u32| (f64::from(v) / CHART_ZOOM).round() as u32;
    (z(w), z(h))
}

fn chart_box(class: &'static str, label: String, svg: String) -> AnyView {
    view! { <div class=format!("ps-svg ps-slide-chart {class}") role="img" aria-label=label inner_html=svg></div> }
        .into_any()
}

pub fn pillar_slide(subject: &Subject, s: &Scorecard, p: Pillar, fmt: &Fmt, q: &Qbr) -> AnyView {
    let m = fmt.m;
    let last = subject.at(s.period.previous());
    let year = subject.at(s.period.year_before());
    let now = s.totals(p);
    let largest = now.vendor.abs().max(now.partner.abs());
    let cell = |then: Option<&Scorecard>, side: Side| match then {
        None => view! { <td class="ps-num">"—"</td> }.into_any(),
        Some(t) => {
            let value = t.totals(p).get(side);
            let change = fmt.change(Some(now.get(side) - value), true);
            view! {
                <td class="ps-num">{fmt.compact(value)}<br/><span class="ps-kpi-change">{change}</span></td>
            }
            .into_any()
        }
    };
    let rows = [
        (Side::Vendor, subject.vendor.clone()),
        (Side::Partner, m.partner.to_string()),
    ]
    .into_iter()
    .map(|(side, name)| {
        let total = now.get(side);
        let width = if largest > 0.0 {
            format!("{:.1}%", 100.0 * total.abs() / largest)
        } else {
            "0".into()
        };
        view! {
            <tr class=format!("ps-{}", side.as_str())>
                <th scope="row">{name}</th>
                <td><div class="ps-now">
                    <strong data-testid=format!("slide-{}-total", side.as_str())>{fmt.money(total)}</strong>
                    <span class="ps-track" aria-hidden="true"><span class="ps-fill" style:width=width></span></span>
                </div></td>
                {cell(last, side)}
                {cell(year, side)}
            </tr>
        }
    })
    .collect_view();
    let share_change = |then: Option<&Scorecard>| {
        let change = then.and_then(|t| Some(s.shares.pillar(p)? - t.shares.pillar(p)?));
        fmt.change_points(change)
    };
    let share = fill(
        "{label}: {share} · {last} {q_last} · {year} {q_year}",
        &[
            ("label", m.partner_share),
            ("share", &fmt.percent(s.shares.pillar(p))),
            ("last", &share_change(last)),
            ("q_last", m.vs_last_quarter),
            ("year", &share_change(year)),
            ("q_year", m.vs_last_year),
        ],
    );
    let name = words::pillar(m, p);
    let c = pillar_chart(subject, p, fmt);
    let label = fill(m.chart_pillar_title, &[("pillar", name)]);
    let period = |t: Option<&Scorecard>| t.map(|t| format!(" ({})", t.period)).unwrap_or_default();
    view! {
        <table class="ps-slide-table ps-pillar-table" data-testid="slide-pillar">
            <thead><tr>
                <th scope="col">{m.side}</th>
                <th scope="col" class="ps-num">{format!("{} ({})", q.this_quarter, s.period)}</th>
                <th scope="col" class="ps-num">{format!("{}{}", q.last_quarter, period(last))}</th>
                <th scope="col" class="ps-num">{format!("{}{}", q.year_ago, period(year))}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="ps-slide-share" data-testid="slide-share">{share}</p>
        <p class="ps-legend" aria-hidden="true">
            <span class="ps-l-vendor">{subject.vendor.clone()}</span>
            <span class="ps-l-partner">{m.partner}</span>
        </p>
        {chart_box("ps-chart-wide", label, c.svg)}
    }
    .into_any()
}

/// The balance slide's fairness trend and quadrant, and the quadrant's caption:
/// the slide and the PowerPoint file show the same.
pub(super) struct BalanceCharts {
    pub fairness: chart::FairnessChart,
    pub quadrant: chart::QuadrantChart,
    pub place: String,
}

pub(super) fn balance_charts(
    subject: &Subject,
    s: &Scorecard,
    fmt: &Fmt,
    q: &Qbr,
) -> BalanceCharts {
    let m = fmt.m;
    let t = &subject.model.ds.thresholds;
    let words_ = crate::ui::chart_words(m);
    let fairness = chart::fairness_trend_with(
        &subject.model.book,
        subject.index,
        t,
        chart_size(660, 380),
        &|v| fmt.ratio(Some(v)),
        &words_,
    );
    let portfolio = Portfolio::new(&subject.model.book, s.period);
    let points = chart::quadrant_points(&portfolio, &subject.model.ds);
    let quadrant = chart::balance_quadrant_focus(
        &points,
        &s.partner,
        t,
        chart_size(480, 380),
        &|v| fmt.percent(Some(v)),
        &words_,
    );
    let place = fill(
        q.partner_in_quadrant,
        &[
            ("name", &s.partner_name),
            ("count", &points.len().to_string()),
            ("period", &s.period.to_string()),
        ],
    );
    BalanceCharts {
        fairness,
        quadrant,
        place,
    }
}

/// A pillar's trend over the partner's quarters, as the pillar slide and the
/// PowerPoint file draw it.
pub(super) fn pillar_chart(subject: &Subject, p: Pillar, fmt: &Fmt) -> chart::TrendChart {
    chart::pillar_trend(
        &subject.model.book,
        subject.index,
        p,
        [&subject.vendor, fmt.m.partner],
        chart_size(1168, 310),
        &|v| fmt.compact(v),
    )
}

pub fn balance_slide(subject: &Subject, s: &Scorecard, fmt: &Fmt, q: &Qbr) -> AnyView {
    let m = fmt.m;
    let BalanceCharts {
        fairness: f,
        quadrant,
        place,
    } = balance_charts(subject, s, fmt, q);
    let band = super::slide::band_badge(m, s.band);
    let shift = crate::ui::verdict::takes_all_sentence(s, fmt, &subject.vendor)
        .into_iter()
        .chain(crate::ui::verdict::shift_sentence(s, fmt, &subject.vendor))
        .reduce(|a, b| format!("{a} {b}"));
    view! {
        <p class="ps-slide-lead">
            {m.fairness}" "<strong data-testid="slide-fairness">{fmt.ratio(s.fairness)}</strong>" "
            {band}" "{s.balance.map(|b| words::balance(m, b)).unwrap_or_default()}
        </p>
        <p class="ps-slide-sentence">{super::slide::fairness_sentence(s, fmt, &subject.vendor)}</p>
        {shift.map(|t| view! { <p class="ps-slide-sentence ps-slide-shift" data-testid="slide-fair-shift">{t}</p> })}
        <div class="ps-balance-charts">
            <figure>
                <figcaption>{m.chart_fairness_title}</figcaption>
                {chart_box("ps-chart-fairness", m.chart_fairness_title.to_string(), f.svg)}
            </figure>
            <figure>
                <figcaption>{place.clone()}</figcaption>
                {chart_box("ps-chart-quadrant", place, quadrant.svg)}
            </figure>
        </div>
    }
    .into_any()
}

/// Health over every quarter, under the summary: how the partnership got here.
pub fn health_chart(subject: &Subject, fmt: &Fmt) -> AnyView {
    let m = fmt.m;
    let h = chart::health_trend(
        &subject.model.book,
        subject.index,
        chart_size(1168, 220),
        &|v| fmt.number(v),
    );
    view! {
        <figure class="ps-slide-figure">
            <figcaption>{m.chart_health_title}</figcaption>
            {chart_box("ps-chart-wide", m.chart_health_title.to_string(), h.svg)}
        </figure>
    }
    .into_any()
}
