//! The "Shared vision and values" slide: score and gap with their change, and
//! each statement's dumbbell, drawn for the slide's grid and scaled as vectors.

use super::pillar::chart_size;
use super::slide::Subject;
use crate::chart::alignment_chart;
use crate::score::Scorecard;
use crate::ui::alignment::{headline, statement_items};
use crate::ui::format::Fmt;
use leptos::prelude::*;

/// Above this many statements the rows get thinner, so the slide still holds them all.
const ROOMY: usize = 6;

pub fn alignment_slide(subject: &Subject, s: &Scorecard, fmt: &Fmt) -> AnyView {
    let v = fmt.v;
    let Some(a) = s.alignment.as_ref() else {
        return view! { <p class="ps-slide-lead" data-testid="not-rated">{v.not_rated}</p> }
            .into_any();
    };
    let dense = a.statements.len() > ROOMY;
    let row = chart_size(1168, if dense { 24 } else { 36 });
    let axis = chart_size(1168, 28).1;
    let chart = alignment_chart(&a.statements, row, axis, [v.low, v.high]);
    let class = if dense {
        "ps-slide-align ps-dense"
    } else {
        "ps-slide-align"
    };
    view! {
        <div class="ps-slide-lead" data-testid="slide-alignment">{headline(s, a, fmt)}</div>
        <p class="ps-legend" aria-hidden="true">
            <span class="ps-l-vendor">{subject.vendor.clone()}</span>
            <span class="ps-l-partner">{s.partner_name.clone()}</span>
        </p>
        <div class=class>
            {statement_items(a, chart.rows, fmt)}
            <div class="ps-svg ps-dumbbell-axis" aria-hidden="true" inner_html=chart.axis></div>
        </div>
    }
    .into_any()
}
