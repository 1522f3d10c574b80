//! Every quarter of the partner: each pillar for both sides, fairness against
//! its bands, and health. Each chart also comes as a table.

use super::chart_figure::{ChartFigure, ChartParts};
use super::format::{Fmt, UNDEFINED};
use super::state::Model;
use super::words;
use crate::chart;
use crate::contract::{Pillar, Quarter};
use crate::i18n::fill;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TrendsView(
    model: Arc<Model>,
    index: usize,
    fmt: Fmt,
    vendor: String,
    width: u32,
    /// The scorecard's period, which names the chart downloads.
    period: Quarter,
) -> impl IntoView {
    let m = fmt.m;
    let partner = model.ds.partners.get(index).map(|p| p.id.as_str());
    let period = period.to_string();
    let file = |chart: &str| {
        Some(crate::export::file_stem(&[
            partner.unwrap_or(""),
            &period,
            chart,
        ]))
    };
    let first_last = |q: &[Quarter]| {
        (
            q.first().map(|q| q.to_string()).unwrap_or_default(),
            q.last().map(|q| q.to_string()).unwrap_or_default(),
        )
    };
    // Three pillar charts side by side when there is room, else stacked.
    let columns = if width >= 900 { 3 } else { 1 };
    let pillar_width = if columns == 3 {
        (width - 24) / 3
    } else {
        width
    };
    let pillars = Pillar::MONEY
        .into_iter()
        .map(|p| {
            let name = words::pillar(m, p);
            let c = chart::pillar_trend(
                &model.book,
                index,
                p,
                [&vendor, m.partner],
                (pillar_width, 220),
                &|v| fmt.compact(v),
            );
            let quarters: Vec<Quarter> = c.points.iter().map(|x| x.0).collect();
            let (first, last) = first_last(&quarters);
            let (vf, pf) = c.points.first().map(|x| (x.1, x.2)).unwrap_or_default();
            let (vl, pl) = c.points.last().map(|x| (x.1, x.2)).unwrap_or_default();
            let summary = fill(
                m.chart_pillar_summary,
                &[
                    ("pillar", name),
                    ("first", &first),
                    ("last", &last),
                    ("vendor_first", &fmt.compact(vf)),
                    ("vendor_last", &fmt.compact(vl)),
                    ("partner_first", &fmt.compact(pf)),
                    ("partner_last", &fmt.compact(pl)),
                ],
            );
            let parts = ChartParts {
                testid: format!("chart-{}", p.as_str()),
                title: fill(m.chart_pillar_title, &[("pillar", name)]),
                summary,
                svg: c.svg,
                legend: vec![
                    ("ps-l-vendor", vendor.clone()),
                    ("ps-l-partner", m.partner.to_string()),
                ],
                columns: vec![m.quarter.to_string(), vendor.clone(), m.partner.to_string()],
                rows: c
                    .points
                    .iter()
                    .map(|(q, v, pa)| vec![q.to_string(), fmt.money(*v), fmt.money(*pa)])
                    .collect(),
                show_as_table: m.show_as_table,
                file: file(p.as_str()),
            };
            view! { <ChartFigure parts=parts /> }
        })
        .collect_view();

    let t = &model.ds.thresholds;
    let f = chart::fairness_trend_with(
        &model.book,
        index,
        t,
        (width, 240),
        &|v| fmt.ratio(Some(v)),
        &super::chart_words(m),
    );
    let quarters: Vec<Quarter> = f.points.iter().map(|x| x.0).collect();
    let (first, last) = first_last(&quarters);
    let defined: Vec<f64> = f.points.iter().filter_map(|x| x.1).collect();
    let fairness = ChartParts {
        testid: "chart-fairness".into(),
        title: m.chart_fairness_title.to_string(),
        summary: fill(
            m.chart_fairness_summary,
            &[
                ("first", &first),
                ("last", &last),
                ("from", &fmt.ratio(defined.first().copied())),
                ("to", &fmt.ratio(defined.last().copied())),
                ("green_low", &fmt.ratio(Some(1.0 / t.fairness_green))),
                ("green_high", &fmt.ratio(Some(t.fairness_green))),
            ],
        ),
        svg: f.svg,
        legend: Vec::new(),
        columns: vec![m.quarter.to_string(), m.fairness.to_string()],
        rows: f
            .points
            .iter()
            .map(|(q, v)| vec![q.to_string(), fmt.ratio(*v)])
            .collect(),
        show_as_table: m.show_as_table,
        file: file("fairness"),
    };

    let h = chart::health_trend(&model.book, index, (width, 200), &|v| fmt.number(v));
    let defined: Vec<f64> = h.points.iter().filter_map(|x| x.1).collect();
    let health = ChartParts {
        testid: "chart-health".into(),
        title: m.chart_health_title.to_string(),
        summary: fill(
            m.chart_health_summary,
            &[
                ("first", &first),
                ("last", &last),
                (
                    "from",
                    &defined
                        .first()
                        .map(|v| fmt.score(Some(*v)))
                        .unwrap_or_else(|| UNDEFINED.into()),
                ),
                (
                    "to",
                    &defined
                        .last()
                        .map(|v| fmt.score(Some(*v)))
                        .unwrap_or_else(|| UNDEFINED.into()),
                ),
            ],
        ),
        svg: h.svg,
        legend: Vec::new(),
        columns: vec![m.quarter.to_string(), m.health.to_string()],
        rows: h
            .points
            .iter()
            .map(|(q, v)| vec![q.to_string(), fmt.score(*v)])
            .collect(),
        show_as_table: m.show_as_table,
        file: file("health"),
    };

    view! {
        <section class="ps-trends" part="trends" data-testid="trends">
            <h3>{m.trends}</h3>
            <div class=if columns == 3 { "ps-chart-row ps-three" } else { "ps-chart-row" }>{pillars}</div>
            <ChartFigure parts=fairness />
            <ChartFigure parts=health />
        </section>
    }
}
