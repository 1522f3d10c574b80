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
use crate::ui::quadrant_plot::{Plot, PlotData};
use crate::ui::state::State;
use leptos::prelude::*;
use std::sync::Arc;

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
    let model = &subject.model;
    let fmt = crate::ui::fmt_for(state, model);
    let mut portfolio = Portfolio::new(&model.book, s.period);
    // Left to right, as in the portfolio: Home and End read across the plane.
    portfolio.sort(&model.ds, Column::Figure(Figure::Contribution), false);
    let points = chart::quadrant_points(&portfolio, &model.ds);
    let place = quadrant_place(s, points.len(), q);
    let size = quadrant_size();
    let layers = chart::balance_quadrant_focus_layers(
        &points,
        &s.partner,
        &model.ds.thresholds,
        size,
        &|v| fmt.percent(Some(v)),
        &crate::ui::chart_words(fmt.m),
    );
    let data = Arc::new(PlotData::new(
        points,
        &portfolio.rows,
        &layers.positions,
        Some(&s.partner),
    ));
    let store = StoredValue::new_local(fmt);
    let view = view! {
        <div class="ps-slide-chart ps-chart-quadrant ps-chart-plot" data-testid="slide-quadrant">
            <Plot state=state period=s.period size=size backdrop=layers.backdrop summary=place.clone()
                data=data fmt=store over=layers.focus fit=true />
        </div>
    }
    .into_any();
    (place, view)
}
