//! The "Shared vision and values" slide: score and gap with their change, and
//! each statement's dumbbell, drawn for the slide's grid and scaled as vectors.

use super::pillar::chart_size;
use super::slide::Subject;
use crate::chart::alignment_chart;
use crate::i18n::{fill, qbr::Qbr};
use crate::score::Scorecard;
use crate::ui::alignment::{headline, statement_items};
use crate::ui::format::Fmt;
use leptos::prelude::*;

/// Above this many statements the rows get thinner; above `MOST` the rest
/// are counted, not drawn, so the slide is never cut off.
const ROOMY: usize = 6;
const MOST: usize = 10;

pub fn alignment_slide(subject: &Subject, s: &Scorecard, fmt: &Fmt, q: &Qbr) -> AnyView {
    let v = fmt.v;
    let Some(a) = s.alignment.as_ref() else {
        return view! { <p class="ps-slide-lead" data-testid="not-rated">{v.not_rated}</p> }
            .into_any();
    };
    let dense = a.statements.len() > ROOMY;
    let row = chart_size(1168, if dense { 22 } else { 30 });
    let axis = chart_size(1168, 24).1;
    let mut shown = a.clone();
    let more = shown.statements.len().saturating_sub(MOST);
    shown.statements.truncate(MOST);
    let chart = alignment_chart(&shown.statements, row, axis, [v.low, v.high]);
    let more = (more > 0).then(|| {
        view! { <p class="ps-muted">{fill(q.more_rows, &[("count", &more.to_string())])}</p> }
    });
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
            {statement_items(&shown, chart.rows, fmt)}
            <div class="ps-svg ps-dumbbell-axis" aria-hidden="true" inner_html=chart.axis></div>
        </div>
        {more}
    }
    .into_any()
}
