//! The quadrant's plot: the backdrop SVG (bands, grid, axes: a fixed number of
//! elements), every marker on one canvas above it, and one focusable layer on
//! top. That layer is the chart's only tab stop: the arrow keys move to the
//! nearest partner in their direction (`chart::plane::nearest_in`), a live
//! region names the partner in focus, and Enter, or a click on a marker, opens
//! it like its name in the table does. Thousands of partners therefore cost a
//! canvas repaint, not thousands of elements. The portfolio and the deck's
//! balance slide both show it; the deck adds a layer for its partner on top.

use super::band::{band_icon, band_word};
use super::format::Fmt;
use super::state::State;
use crate::chart::plane::{hit, nearest_in, Direction};
use crate::chart::QuadrantPoint;
use crate::contract::Quarter;
use crate::i18n::fill;
use crate::score::Scorecard;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The partners on the plot, in one order (left to right): each partner, its
/// (fairness, health), and its marker's centre in chart pixels (the backdrop's
/// viewBox; NaN for a partner that is not drawn).
pub(super) struct PlotData {
    pub points: Vec<QuadrantPoint>,
    pub figures: Vec<(Option<f64>, Option<f64>)>,
    pub xy: Vec<(f64, f64)>,
    /// The deck's partner: its own layer draws it, the canvas the others faint.
    pub focus: Option<usize>,
}

impl PlotData {
    /// Pairs each point with its scorecard's figures and its position. The
    /// points, `rows` and `positions` are in one order (each a subsequence of
    /// the one before), so one walk pairs them up, with no lookup table for
    /// thousands of partners.
    pub fn new(
        points: Vec<QuadrantPoint>,
        rows: &[&Scorecard],
        positions: &[(String, f64, f64)],
        focus: Option<&str>,
    ) -> PlotData {
        let mut rows = rows.iter();
        let figures = points
            .iter()
            .map(|p| {
                rows.by_ref()
                    .find(|s| s.partner == p.id)
                    .map_or((None, None), |s| (s.fairness, s.health))
            })
            .collect();
        let mut at = positions.iter().peekable();
        let xy = points
            .iter()
            .map(|p| match at.next_if(|(id, _, _)| *id == p.id) {
                Some(&(_, x, y)) => (x, y),
                None => (f64::NAN, f64::NAN),
            })
            .collect();
        let focus = focus.and_then(|id| points.iter().position(|p| p.id == id));
        PlotData {
            points,
            figures,
            xy,
            focus,
        }
    }
}

/// How near the pointer must be to a marker's centre, in chart pixels, to
/// pick it: a little more than the largest marker.
const HIT_RADIUS: f64 = 9.0;

#[component]
pub(super) fn Plot(
    state: State,
    period: Quarter,
    size: (u32, u32),
    backdrop: String,
    summary: String,
    data: Arc<PlotData>,
    fmt: StoredValue<Fmt, LocalStorage>,
    /// An SVG drawn over the markers (the deck's partner), of the backdrop's viewBox.
    #[prop(optional)]
    over: Option<String>,
    /// As large as its box allows (a slide), instead of at most its pixel width.
    #[prop(optional)]
    fit: bool,
) -> impl IntoView {
    let (w, h) = size;
    let m = fmt.with_value(|f| f.m);
    let canvas = NodeRef::<Canvas>::new();
    super::quadrant_canvas::keep_painted(canvas, size, Arc::clone(&data));
    // The partner in focus (it keeps its place while the layer has no focus)
    // and the one under the pointer.
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let hover: RwSignal<Option<usize>> = RwSignal::new(None);
    let count = data.points.len();
    let last = count.saturating_sub(1);

    let live = {
        let data = Arc::clone(&data);
        move || {
            let i = active.get()?;
            let (p, &(fairness, health)) = (data.points.get(i)?, data.figures.get(i)?);
            Some(fmt.with_value(|f| {
                fill(
                    m.quadrant_point,
                    &[
                        ("name", &p.label),
                        ("fairness", &f.ratio(fairness)),
                        ("band", band_word(m, p.band)),
                        ("health", &f.score(health)),
                        ("contribution", &f.percent(Some(p.contribution))),
                        ("reward", &f.percent(Some(p.reward))),
                    ],
                )
            }))
        }
    };
    let mark = |which: RwSignal<Option<usize>>, class: &'static str, testid: &'static str| {
        let data = Arc::clone(&data);
        move || {
            let i = which.get()?;
            fmt.with_value(|f| mark_view(f, &data, i, (w, h), class, testid))
        }
    };
    let focus_mark = mark(active, "ps-q-mark ps-q-focus", "quadrant-focus");
    let hover_mark = mark(hover, "ps-q-mark ps-q-hover", "quadrant-hover");

    let at_pointer = move |ev: &web_sys::MouseEvent| -> Option<(f64, f64)> {
        let layer = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let r = layer.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return None;
        }
        Some((
            (f64::from(ev.client_x()) - r.left()) * f64::from(w) / r.width(),
            (f64::from(ev.client_y()) - r.top()) * f64::from(h) / r.height(),
        ))
    };
    let open_point = {
        let data = Arc::clone(&data);
        move |i: usize| {
            if let Some(p) = data.points.get(i) {
                state.open_partner(&p.id, period);
            }
        }
    };
    let on_key = {
        let data = Arc::clone(&data);
        let open_point = open_point.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            let key = ev.key();
            let from = active.get_untracked().unwrap_or(0);
            let next = match key.as_str() {
                "Home" => Some(0),
                "End" => Some(last),
                "Enter" | " " => {
                    // The keys the plot uses are its own: the deck around it
                    // must not also turn the slide. Esc and Tab are not: in
                    // full screen the browser takes Esc anyway (it leaves full
                    // screen, and so the deck), so Tab is the way out.
                    ev.prevent_default();
                    ev.stop_propagation();
                    open_point(from);
                    return;
                }
                k => {
                    Direction::of_key(k).map(|dir| nearest_in(&data.xy, from, dir).unwrap_or(from))
                }
            };
            if let Some(next) = next {
                // The page must not scroll under the keys that move the focus.
                ev.prevent_default();
                ev.stop_propagation();
                if active.get_untracked() != Some(next) {
                    active.set(Some(next));
                }
            }
        }
    };
    let on_move = {
        let data = Arc::clone(&data);
        move |ev: web_sys::PointerEvent| {
            let over = at_pointer(&ev).and_then(|at| hit(&data.xy, at, HIT_RADIUS));
            if hover.get_untracked() != over {
                hover.set(over);
            }
        }
    };
    let on_click = {
        let data = Arc::clone(&data);
        move |ev: web_sys::MouseEvent| {
            if let Some(i) = at_pointer(&ev).and_then(|at| hit(&data.xy, at, HIT_RADIUS)) {
                active.set(Some(i));
                open_point(i);
            }
        }
    };
    let keys = fill(
        m.quadrant_keys,
        &[
            ("chart", m.balance_quadrant),
            ("count", &fmt.with_value(|f| f.number(count as f64))),
        ],
    );

    let start = data.focus.unwrap_or(0);
    // A slide's box is a size container: the plot takes the most of it that
    // keeps the chart's proportions.
    let (max_width, width) = if fit {
        (None, Some(format!("min(100cqw, calc(100cqh * {w} / {h}))")))
    } else {
        (Some(format!("{w}px")), None)
    };

    view! {
        <div class="ps-q-plot" style:max-width=max_width style:width=width>
            // Inverted as one in the dark theme (.ps-svg), like every chart.
            <div class="ps-svg ps-q-svg" role="img" aria-label=summary>
                <div class="ps-q-backdrop" inner_html=backdrop></div>
                <canvas class="ps-q-canvas" node_ref=canvas data-testid="quadrant-canvas"
                    width=w height=h></canvas>
                {over.map(|svg| view! { <div class="ps-q-over-layer" data-testid="quadrant-over" inner_html=svg></div> })}
            </div>
            <div class="ps-q-points" data-testid="quadrant-points" tabindex="0" role="application"
                aria-label=keys data-points=count
                class:ps-q-over=move || hover.get().is_some()
                on:focus=move |_| {
                    if active.get_untracked().is_none() {
                        active.set(Some(start));
                    }
                }
                on:keydown=on_key
                on:pointermove=on_move
                on:pointerleave=move |_| hover.set(None)
                on:click=on_click>
                {hover_mark}
                {focus_mark}
            </div>
            <p class="ps-q-live" aria-live="polite" data-testid="quadrant-live">{live}</p>
        </div>
    }
}

/// The ring over point `i` with its tooltip, placed in percent of the plot.
fn mark_view(
    fmt: &Fmt,
    data: &PlotData,
    i: usize,
    (w, h): (u32, u32),
    class: &'static str,
    testid: &'static str,
) -> Option<impl IntoView> {
    let m = fmt.m;
    let (p, &(fairness, health), &(x, y)) =
        (data.points.get(i)?, data.figures.get(i)?, data.xy.get(i)?);
    let (left, top) = (100.0 * x / f64::from(w), 100.0 * y / f64::from(h));
    let tip = format!(
        "{}\n{} {} {} {}\n{} {}\n{} {}\n{} {}",
        p.label,
        m.fairness,
        fmt.ratio(fairness),
        band_icon(p.band),
        band_word(m, p.band),
        m.health,
        fmt.score(health),
        m.contribution_share,
        fmt.percent(Some(p.contribution)),
        m.reward_share,
        fmt.percent(Some(p.reward)),
    );
    // Tooltips open away from the nearest edges.
    let mut class = String::from(class);
    if top < 35.0 {
        class.push_str(" ps-q-below");
    }
    if left < 35.0 {
        class.push_str(" ps-q-start");
    } else if left > 65.0 {
        class.push_str(" ps-q-end");
    }
    Some(view! {
        <span class=class data-testid=testid data-partner=p.id.clone() data-tip=tip aria-hidden="true"
            style:left=format!("{left:.3}%") style:top=format!("{top:.3}%")></span>
    })
}
