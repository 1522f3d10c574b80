//! The balance slide's quadrant on screen: the portfolio's plot (one SVG
//! backdrop, every other partner faint on one canvas, one focusable layer with
//! its keys and live region), with the deck's partner large and named on a
//! layer of its own. Thousands of partners cost a canvas, not thousands of
//! elements. Paper and the PowerPoint file draw the whole chart as one SVG
//! instead (`pillar::balance_charts`).

use super::pillar::{quadrant_place, quadrant_size};
use super::slide::Subject;
use crate::chart;
use crate::i18n::qbr::Qbr;
use crate::score::{Column, Figure, Portfolio, Scorecard};
use crate::ui::format::Fmt;
use crate::ui::quadrant_plot::{Plot, PlotData};
use crate::ui::state::{Model, State};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The quadrant's caption and its plot. The arrow keys move through the
/// partners while the plot has the focus (Tab leaves it, and on the deck's
/// controls the arrows turn slides again; Esc leaves the deck, as the browser
/// makes it in full screen anyway), and Enter opens the partner in focus, as a
/// click on its name in the portfolio does: the deck then presents that partner.
pub(super) fn on_screen(
    state: State,
    subject: &Subject,
    s: &Scorecard,
    q: &Qbr,
) -> (String, AnyView) {
    let model = Arc::clone(&subject.model);
    let mut portfolio = Portfolio::new(&model.book, s.period);
    // Left to right, as in the portfolio: Home and End read across the plane.
    portfolio.sort(&model.ds, Column::Figure(Figure::Contribution), false);
    let points = chart::quadrant_points(&portfolio, &model.ds);
    let place = quadrant_place(s, points.len(), q);
    // The rows in that order, for pairing with the points once drawn.
    let rows: Vec<usize> = portfolio.rows.iter().map(|r| r.partner_index).collect();
    let (period, partner) = (s.period, s.partner.clone());
    // The slide paints first; the plot of every partner is laid out in a task
    // of its own after that frame (its canvas paints in the frame after), so
    // a key press never waits for thousands of markers. The box keeps its
    // size meanwhile: the plot fits the box, not the other way round.
    let drawn: RwSignal<Option<Arc<Drawn>>, LocalStorage> = RwSignal::new_local(None);
    let summary = place.clone();
    request_animation_frame(move || {
        set_timeout(
            move || {
                // The slide may be gone already (a quick key press).
                if drawn.try_with_untracked(|_| ()).is_none() {
                    return;
                }
                let rows: Vec<&Scorecard> = rows
                    .iter()
                    .filter_map(|&i| model.book.get(i, period))
                    .collect();
                let plot = draw(state, &model, &rows, &partner, points);
                drawn.try_set(Some(Arc::new(plot)));
            },
            Duration::ZERO,
        );
    });
    let view = view! {
        <div class="ps-slide-chart ps-chart-quadrant ps-chart-plot" data-testid="slide-quadrant"
            aria-busy=move || drawn.with(Option::is_none).to_string()>
            {move || drawn.get().map(|d| view! {
                <Plot state=state period=period size=quadrant_size() backdrop=d.backdrop.clone()
                    summary=summary.clone() data=Arc::clone(&d.data) fmt=StoredValue::new_local(d.fmt.clone())
                    over=d.over.clone() fit=true />
            })}
        </div>
    }
    .into_any();
    (place, view)
}

/// The drawn plot: its backdrop, the partner's layer over the markers, the
/// points with their figures and positions, and the formatter they were drawn with.
struct Drawn {
    backdrop: String,
    over: String,
    data: Arc<PlotData>,
    fmt: Fmt,
}

/// Draws `points` (every partner of the period, left to right, each a partner
/// of `rows` in the same order) with `partner` on its own layer on top.
fn draw(
    state: State,
    model: &Model,
    rows: &[&Scorecard],
    partner: &str,
    points: Vec<chart::QuadrantPoint>,
) -> Drawn {
    let fmt = crate::ui::fmt_for(state, model);
    let layers = chart::balance_quadrant_focus_layers(
        &points,
        partner,
        &model.ds.thresholds,
        quadrant_size(),
        &|v| fmt.percent(Some(v)),
        &crate::ui::chart_words(fmt.m),
    );
    let data = Arc::new(PlotData::new(
        points,
        rows,
        &layers.positions,
        Some(partner),
    ));
    Drawn {
        backdrop: layers.backdrop,
        over: layers.focus,
        data,
        fmt,
    }
}
