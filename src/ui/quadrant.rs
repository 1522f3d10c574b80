//! The portfolio's balance quadrant: the engine's chart of the filtered
//! partners, painted as one SVG backdrop and one canvas of markers whatever the
//! portfolio's size (`quadrant_plot.rs`), a summary sentence, and the points as
//! a table, which is the chart's accessible equivalent.
//!
//! With thousands of partners the chart is the costly part of the view, so it
//! follows the table's filters a moment later (coalescing keystrokes in the
//! search box) and never delays the table's repaint; sorting and paging do not
//! touch it at all.

use super::band::band_badge;
use super::chart_figure::{ChartDownloads, SvgSource};
use super::format::Fmt;
use super::quadrant_plot::{Plot, PlotData};
use super::state::{Model, State};
use crate::chart;
use crate::contract::Quarter;
use crate::i18n::fill;
use crate::score::{Band, Column, Figure, Portfolio};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// How long the chart waits after a filter change before it redraws.
const SETTLE: Duration = Duration::from_millis(120);

/// The chart's size for the element's width: as wide as fits up to 560 px, and
/// 20 px less high so the plot area (axis labels 60 px left, 40 px below) is square
/// and the fair line runs at 45°.
fn size(width: u32) -> (u32, u32) {
    let w = if width == 0 {
        480
    } else {
        width.saturating_sub(34).clamp(240, 560)
    };
    (w, w - 20)
}

#[component]
pub(super) fn QuadrantView(
    state: State,
    model: Arc<Model>,
    period: Quarter,
    /// Partner indices of the rows that pass the table's filters.
    filtered: Memo<Vec<usize>>,
    fmt: StoredValue<Fmt, LocalStorage>,
) -> impl IntoView {
    let m = fmt.with_value(|f| f.m);
    // The partners drawn: `filtered` once it has settled; `None` before the first draw.
    let drawn: RwSignal<Option<Vec<usize>>> = RwSignal::new(None);
    let pending = RwSignal::new(true);
    let generation = StoredValue::new(0u64);
    Effect::watch(
        move || filtered.get(),
        move |ix, _, _| {
            let ix = ix.clone();
            let g = generation.try_update_value(|g| {
                *g += 1;
                *g
            });
            let first = drawn.try_with_untracked(Option::is_none).unwrap_or(false);
            pending.try_set(true);
            let apply = move || {
                if g.is_some() && generation.try_get_value() == g {
                    drawn.try_set(Some(ix));
                    pending.try_set(false);
                }
            };
            if first {
                // The first draw waits only for the table's first paint: a task
                // queued from the frame callback runs after that frame is painted.
                request_animation_frame(move || set_timeout(apply, Duration::ZERO));
            } else {
                set_timeout(apply, SETTLE);
            }
        },
        true,
    );
    // The table under "Show as a table" is built on first opening only.
    let table_open = RwSignal::new(false);
    let chart = move || {
        let size = size(state.width.get());
        drawn.with(|ix| match ix {
            // Holds the chart's place so nothing jumps when it arrives.
            None => view! {
                <div class="ps-q-placeholder" style:max-width=format!("{}px", size.0)
                    style:aspect-ratio=format!("{} / {}", size.0, size.1)></div>
            }
            .into_any(),
            Some(ix) => draw(state, &model, period, ix, size, fmt, table_open),
        })
    };
    view! {
        <figure class="ps-chart ps-quadrant" data-testid="quadrant" part="quadrant"
            aria-busy=move || pending.get().to_string()>
            <figcaption><h3>{m.balance_quadrant}</h3></figcaption>
            {chart}
        </figure>
    }
}

fn draw(
    state: State,
    model: &Arc<Model>,
    period: Quarter,
    ix: &[usize],
    (w, h): (u32, u32),
    store: StoredValue<Fmt, LocalStorage>,
    table_open: RwSignal<bool>,
) -> AnyView {
    store.with_value(|fmt| {
        let m = fmt.m;
        let rows = ix
            .iter()
            .filter_map(|&i| model.book.get(i, period))
            .collect();
        // Left to right, so Home and End and the table read across the plane.
        let mut portfolio = Portfolio { period, rows };
        portfolio.sort(&model.ds, Column::Figure(Figure::Contribution), false);
        let points = chart::quadrant_points(&portfolio, &model.ds);

        let count = |b: Band| points.iter().filter(|p| p.band == b).count() as f64;
        let summary = fill(
            m.chart_quadrant_summary,
            &[
                ("count", &fmt.number(points.len() as f64)),
                ("green", &fmt.number(count(Band::Green))),
                ("amber", &fmt.number(count(Band::Amber))),
                ("red", &fmt.number(count(Band::Red))),
            ],
        );
        if points.is_empty() {
            return view! { <p class="ps-q-summary" data-testid="quadrant-summary">{summary}</p> }
                .into_any();
        }

        let words = super::chart_words(m);
        let layers = chart::balance_quadrant_layers(
            &points,
            &model.ds.thresholds,
            (w, h),
            &|v| fmt.percent(Some(v)),
            &words,
        );
        let data = Arc::new(PlotData::new(
            points,
            &portfolio.rows,
            &layers.positions,
            None,
        ));

        // The full chart, markers and all, is drawn only when a download asks for it.
        let full_svg = {
            let (data, thresholds) = (Arc::clone(&data), model.ds.thresholds);
            SvgSource::lazy(move || {
                store.with_value(|f| {
                    chart::balance_quadrant_with(
                        &data.points,
                        &thresholds,
                        (w, h),
                        &|v| f.percent(Some(v)),
                        &super::chart_words(f.m),
                    )
                    .svg
                })
            })
        };

        // Formatted when first opened: thousands of rows cost nothing until asked for.
        let table = {
            let data = Arc::clone(&data);
            move || {
                table_open.get().then(|| {
                    let rows = store.with_value(|f| {
                        data.points
                            .iter()
                            .zip(&data.figures)
                            .map(|(p, &(fairness, _))| {
                                view! {
                                    <tr>
                                        <th scope="row">{p.label.clone()}</th>
                                        <td class="ps-num">{f.percent(Some(p.contribution))}</td>
                                        <td class="ps-num">{f.percent(Some(p.reward))}</td>
                                        <td class="ps-fair">
                                            <span class="ps-ratio">{f.ratio(fairness)}</span>
                                            {band_badge(m, Some(p.band))}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    });
                    view! {
                        <div class="ps-scroll ps-q-table" tabindex="0" role="region" aria-label=m.balance_quadrant>
                            <table data-testid="quadrant-table">
                                <thead><tr>
                                    <th scope="col">{m.partner}</th>
                                    <th scope="col" class="ps-num">{m.contribution_share}</th>
                                    <th scope="col" class="ps-num">{m.reward_share}</th>
                                    <th scope="col">{m.fairness}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                })
            }
        };

        view! {
            <div class="ps-q-body">
                <div class="ps-q-side">
                    <p class="ps-q-summary" data-testid="quadrant-summary">{summary.clone()}</p>
                    <p class="ps-q-legend" aria-hidden="true">
                        <span class="ps-band-green">"● "{m.green}</span>
                        <span class="ps-band-amber">"▲ "{m.amber}</span>
                        <span class="ps-band-red">"✕ "{m.red}</span>
                        <span class="ps-q-fair">"╱ "{m.fair_line}</span>
                    </p>
                    <ChartDownloads svg=full_svg title=m.balance_quadrant.to_string() chart="quadrant".to_string()
                        file=crate::export::file_stem(&["portfolio", &period.to_string(), "quadrant"]) />
                </div>
                <Plot state=state period=period size=(w, h) backdrop=layers.backdrop summary=summary
                    data=data fmt=store />
                <details class="ps-q-details" on:toggle=move |ev| {
                    let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    if open && !table_open.get_untracked() {
                        table_open.set(true);
                    }
                }>
                    <summary>{m.show_as_table}</summary>
                    {table}
                </details>
            </div>
        }
        .into_any()
    })
}
