//! Shared vision and values: how each side rates each statement, as a
//! dumbbell per statement with its label, values and flags in HTML beside it,
//! the same figures as a table, and the score and gap with their trend.

use super::format::Fmt;
use crate::chart::{alignment_chart, AlignmentChart};
use crate::i18n::fill;
use crate::score::{Alignment, Scorecard, Statement};
use leptos::prelude::*;

/// Height of one statement's dumbbell and of the axis row, in px at `width`.
pub const ROW: (u32, u32) = (30, 22);

#[component]
pub fn AlignmentView(s: Scorecard, fmt: Fmt, vendor: String, width: u32) -> impl IntoView {
    let (m, v) = (fmt.m, fmt.v);
    let body = match s.alignment.as_ref() {
        None => view! { <p data-testid="not-rated">{v.not_rated}</p> }.into_any(),
        Some(a) => {
            let chart = alignment_chart(&a.statements, (width, ROW.0), ROW.1, [v.low, v.high]);
            view! {
                {headline(&s, a, &fmt)}
                <Dumbbells a=a.clone() chart=chart fmt=fmt.clone() vendor=vendor.clone() partner=s.partner_name.clone() />
            }
            .into_any()
        }
    };
    view! {
        <section class="ps-alignment" data-testid="alignment" part="alignment">
            <h3>{m.alignment}</h3>
            {body}
        </section>
    }
}

/// Score and gap with their change against last quarter and a year ago.
pub fn headline(s: &Scorecard, a: &Alignment, fmt: &Fmt) -> impl IntoView {
    let (m, v) = (fmt.m, fmt.v);
    let prev = s.trend.previous.as_ref().map(|c| c.alignment);
    let year = s.trend.year_ago.as_ref().map(|c| c.alignment);
    view! {
        <p class="ps-big ps-align-head">
            <span>{v.score}" "<strong data-testid="alignment-score">{fmt.score(a.score)}</strong>" "
                <span class="ps-muted">{v.out_of_100}</span>" "
                <span data-testid="alignment-score-change" title=m.vs_last_quarter>{fmt.change_score(prev.and_then(|c| c.score))}</span>" "
                <span class="ps-muted" title=m.vs_last_year>{fmt.change_score(year.and_then(|c| c.score))}</span>
            </span>
            <span>{v.gap}" "<strong data-testid="alignment-gap">{fill(v.gap_value, &[("gap", &fmt.rating(a.gap))])}</strong>" "
                <span data-testid="alignment-gap-change" title=m.vs_last_quarter>{fmt.change_rating(prev.and_then(|c| c.gap))}</span>" "
                <span class="ps-muted" title=m.vs_last_year>{fmt.change_rating(year.and_then(|c| c.gap))}</span>
            </span>
        </p>
        <p class="ps-legend-note">{format!("{}: ▲▼ {} · {}", m.trend, m.vs_last_quarter, m.vs_last_year)}</p>
    }
}

/// The statement list with a dumbbell each, the shared axis, and the table.
#[component]
pub fn Dumbbells(
    a: Alignment,
    chart: AlignmentChart,
    fmt: Fmt,
    vendor: String,
    partner: String,
) -> impl IntoView {
    let (m, v) = (fmt.m, fmt.v);
    let items = statement_items(&a, chart.rows, &fmt);
    let differ = a
        .statements
        .iter()
        .filter(|s| s.differs)
        .count()
        .to_string();
    let summary = fill(
        v.chart_summary,
        &[
            ("count", &a.statements.len().to_string()),
            ("score", &fmt.score(a.score)),
            ("gap", &fmt.rating(a.gap)),
            ("differ", &differ),
        ],
    );
    let rows = a
        .statements
        .iter()
        .map(|st| {
            view! {
                <tr>
                    <th scope="row">{v.statement_label(&st.metric, &st.label).to_string()}</th>
                    <td class="ps-num">{fmt.rating(st.vendor)}</td>
                    <td class="ps-num">{fmt.rating(st.partner)}</td>
                    <td class="ps-num">{fmt.rating(st.gap)}</td>
                    <td>{flags(st, &fmt)}</td>
                </tr>
            }
        })
        .collect_view();
    let scale = chart.scale.map(|n| format!(" (1–{n})")).unwrap_or_default();
    view! {
        <figure class="ps-chart ps-align-chart" part="chart" data-testid="chart-alignment">
            <figcaption>{format!("{}{scale}", v.chart_title)}</figcaption>
            <p class="ps-legend">
                <span class="ps-l-vendor">{vendor.clone()}</span>" "
                <span class="ps-l-partner">{partner.clone()}</span>
            </p>
            {items}
            <div class="ps-svg ps-dumbbell-axis" aria-hidden="true" inner_html=chart.axis></div>
            <details>
                <summary>{m.show_as_table}</summary>
                <p class="ps-summary">{summary}</p>
                <div class="ps-scroll">
                    <table data-testid="alignment-table">
                        <thead><tr>
                            <th scope="col">{v.statement}</th>
                            <th scope="col" class="ps-num">{vendor}</th>
                            <th scope="col" class="ps-num">{partner}</th>
                            <th scope="col" class="ps-num">{v.gap}</th>
                            <th scope="col"><span class="ps-vh">{v.seen_differently}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// Each statement: its label (translated when built in), both ratings, its
/// flags in words, and its dumbbell under them.
pub fn statement_items(a: &Alignment, rows: Vec<String>, fmt: &Fmt) -> impl IntoView {
    let v = fmt.v;
    let items = a
        .statements
        .iter()
        .zip(rows)
        .map(|(st, svg)| {
            let label = v.statement_label(&st.metric, &st.label).to_string();
            view! {
                <li class="ps-statement" data-testid="statement" data-metric=st.metric.clone()>
                    <p class="ps-statement-head">
                        <span class="ps-statement-label" data-testid="statement-label">{label}</span>
                        <span class="ps-statement-values">
                            <span class="ps-l-vendor" data-testid="statement-vendor">{fmt.rating(st.vendor)}</span>
                            <span class="ps-l-partner" data-testid="statement-partner">{fmt.rating(st.partner)}</span>
                        </span>
                        {flags(st, fmt)}
                    </p>
                    <div class="ps-svg ps-dumbbell" aria-hidden="true" inner_html=svg></div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="ps-statements">{items}</ul> }
}

/// "⚠ seen differently" and "◐ rated by one side only": a symbol and a word.
pub fn flags(st: &Statement, fmt: &Fmt) -> impl IntoView {
    let v = fmt.v;
    let one_sided = st.vendor.is_some() != st.partner.is_some();
    view! {
        {st.differs.then(|| view! {
            <span class="ps-flag" data-testid="differs"><span aria-hidden="true">"⚠ "</span>{v.seen_differently}</span>
        })}
        {one_sided.then(|| view! {
            <span class="ps-flag ps-flag-note" data-testid="one-sided"><span aria-hidden="true">"◐ "</span>{v.one_side_only}</span>
        })}
    }
}
