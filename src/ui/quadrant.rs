//! The portfolio's balance quadrant: the engine's chart of the filtered
//! partners, a focusable button over every point (one tab stop, arrow keys move
//! between points left to right), a summary sentence and the points as a table.
//!
//! With thousands of partners the chart is the costly part of the view, so it
//! follows the table's filters a moment later (coalescing keystrokes in the
//! search box) and never delays the table's repaint; sorting and paging do not
//! touch it at all. The point buttons share one listener per event type on
//! their container instead of three closures each.

use super::chart_figure::ChartDownloads;
use super::format::Fmt;
use super::portfolio::{band_badge, band_icon, band_word, open};
use super::state::{Model, State};
use crate::chart::{self, QuadrantPoint};
use crate::contract::Quarter;
use crate::i18n::fill;
use crate::score::{Band, Column, Figure, Portfolio};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

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
    // The point that takes the tab stop.
    let active = RwSignal::new(0usize);
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
            Some(ix) => {
                active.update_untracked(|a| *a = 0);
                draw(state, &model, period, ix, size, fmt, active, table_open)
            }
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

/// One drawn point: what its button and its table row say, and where it is.
struct Pt {
    id: String,
    name: String,
    contribution: f64,
    reward: f64,
    fairness: Option<f64>,
    band: Band,
    /// Centre in percent of the plot's width and height.
    left: f64,
    top: f64,
}

/// Point buttons added per animation frame, so thousands never block input.
const CHUNK: usize = 200;

/// The index of the point button an event came from, by its `data-index`.
fn point_of(ev: &web_sys::Event) -> Option<(web_sys::HtmlElement, usize)> {
    let button = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".ps-q-point")
        .ok()??;
    let i = button.get_attribute("data-index")?.parse().ok()?;
    Some((button.dyn_into().ok()?, i))
}

/// The button over point `i`: named for screen readers, its tooltip from the same words.
fn point_button(fmt: &Fmt, p: &Pt, i: usize, tab_stop: Selector<usize>) -> impl IntoView {
    let m = fmt.m;
    let (c, r) = (
        fmt.percent(Some(p.contribution)),
        fmt.percent(Some(p.reward)),
    );
    let band = band_word(m, p.band);
    let label = format!(
        "{}: {} {c}, {} {r}, {band}",
        p.name, m.contribution_share, m.reward_share
    );
    let tip = format!(
        "{}\n{} {c}\n{} {r}\n{} {band}",
        p.name,
        m.contribution_share,
        m.reward_share,
        band_icon(p.band)
    );
    // Tooltips open away from the nearest edges.
    let mut class = String::from("ps-q-point");
    if p.top < 35.0 {
        class.push_str(" ps-q-below");
    }
    if p.left < 35.0 {
        class.push_str(" ps-q-start");
    } else if p.left > 65.0 {
        class.push_str(" ps-q-end");
    }
    view! {
        <button type="button" class=class data-testid="quadrant-point" data-partner=p.id.clone()
            data-index=i aria-label=label data-tip=tip
            tabindex=move || if tab_stop.selected(&i) { 0 } else { -1 }
            style:left=format!("{:.3}%", p.left)
            style:top=format!("{:.3}%", p.top)>
        </button>
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    state: State,
    model: &Model,
    period: Quarter,
    ix: &[usize],
    (w, h): (u32, u32),
    store: StoredValue<Fmt, LocalStorage>,
    active: RwSignal<usize>,
    table_open: RwSignal<bool>,
) -> AnyView {
    store.with_value(|fmt| {
        let m = fmt.m;
        let rows = ix
            .iter()
            .filter_map(|&i| model.book.get(i, period))
            .collect();
        // Left to right, so the arrow keys move across the plane.
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

        let drawn = chart::balance_quadrant_with(
            &points,
            &model.ds.thresholds,
            (w, h),
            &|v| fmt.percent(Some(v)),
            &super::chart_words(fmt.m),
        );
        let by_id: HashMap<&str, &QuadrantPoint> =
            points.iter().map(|p| (p.id.as_str(), p)).collect();
        let fairness: HashMap<&str, Option<f64>> = portfolio
            .rows
            .iter()
            .map(|s| (s.partner.as_str(), s.fairness))
            .collect();
        let (wf, hf) = (f64::from(w), f64::from(h));
        let pts: Arc<Vec<Pt>> = Arc::new(
            drawn
                .positions
                .iter()
                .filter_map(|(id, x, y)| {
                    let p = by_id.get(id.as_str())?;
                    Some(Pt {
                        id: id.clone(),
                        name: p.label.clone(),
                        contribution: p.contribution,
                        reward: p.reward,
                        fairness: fairness.get(id.as_str()).copied().flatten(),
                        band: p.band,
                        left: 100.0 * x / wf,
                        top: 100.0 * y / hf,
                    })
                })
                .collect(),
        );

        let last = pts.len().saturating_sub(1);
        // Only the two buttons whose tab stop changes re-render on an arrow key.
        let tab_stop = Selector::new(move || active.get());
        // The buttons arrive CHUNK at a time, one chunk per frame; the first at once.
        let ready = RwSignal::new(1usize);
        let chunks = pts.len().div_ceil(CHUNK);
        let buttons = (0..chunks)
            .map(|k| {
                let shown = Memo::new(move |_| ready.get() > k);
                let pts = Arc::clone(&pts);
                let tab_stop = tab_stop.clone();
                move || {
                    shown.get().then(|| {
                        store.with_value(|f| {
                            pts.iter()
                                .enumerate()
                                .skip(k * CHUNK)
                                .take(CHUNK)
                                .map(|(i, p)| point_button(f, p, i, tab_stop.clone()))
                                .collect_view()
                        })
                    })
                }
            })
            .collect_view();
        if chunks > 1 {
            pump(ready, chunks);
        }

        // Formatted when first opened: thousands of rows cost nothing until asked for.
        let table = {
            let pts = Arc::clone(&pts);
            move || {
                table_open.get().then(|| {
                    let rows = store.with_value(|f| {
                        pts.iter()
                            .map(|p| {
                                view! {
                                    <tr>
                                        <th scope="row">{p.name.clone()}</th>
                                        <td class="ps-num">{f.percent(Some(p.contribution))}</td>
                                        <td class="ps-num">{f.percent(Some(p.reward))}</td>
                                        <td class="ps-fair">
                                            <span class="ps-ratio">{f.ratio(p.fairness)}</span>
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
                    <ChartDownloads svg=drawn.svg.clone() title=m.balance_quadrant.to_string() chart="quadrant".to_string()
                        file=crate::export::file_stem(&["portfolio", &period.to_string(), "quadrant"]) />
                </div>
                <div class="ps-q-plot" style:max-width=format!("{w}px")>
                    <div class="ps-svg ps-q-svg" role="img" aria-label=summary inner_html=drawn.svg></div>
                    <div class="ps-q-points" role="group" aria-label=m.balance_quadrant
                        data-points=pts.len()
                        on:click=move |ev| {
                            if let Some((_, i)) = point_of(&ev) {
                                if let Some(p) = pts.get(i) {
                                    open(state, &p.id, period);
                                }
                            }
                        }
                        on:focusin=move |ev| {
                            if let Some((_, i)) = point_of(&ev) {
                                if active.get_untracked() != i {
                                    active.set(i);
                                }
                            }
                        }
                        on:keydown=move |ev| step(&ev, last, active)>
                        {buttons}
                    </div>
                </div>
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

/// Shows one more chunk of point buttons per animation frame until all are in.
fn pump(ready: RwSignal<usize>, chunks: usize) {
    request_animation_frame(move || {
        let more = ready.try_update(|n| {
            *n += 1;
            *n < chunks
        });
        if more == Some(true) {
            pump(ready, chunks);
        }
    });
}

/// Arrow keys, Home and End move the focus between points (roving tab stop).
fn step(ev: &web_sys::KeyboardEvent, last: usize, active: RwSignal<usize>) {
    let Some((button, i)) = point_of(ev) else {
        return;
    };
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (i + 1).min(last),
        "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return,
    };
    ev.prevent_default();
    if next == i {
        return;
    }
    active.set(next);
    let target = button
        .parent_element()
        .and_then(|g| g.children().item(next as u32))
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = target {
        let _ = b.focus();
    }
}
