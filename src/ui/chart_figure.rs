//! One chart as a figure: caption, the SVG with an accessible name and summary,
//! and the same data as a table a reader can open.

use leptos::prelude::*;

/// The parts of a chart figure, prepared by the caller (strings only, so the
/// view holds no formatter).
pub struct ChartParts {
    pub testid: String,
    pub title: String,
    pub summary: String,
    pub svg: String,
    pub legend: Vec<(&'static str, String)>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub show_as_table: &'static str,
}

#[component]
pub fn ChartFigure(parts: ChartParts) -> impl IntoView {
    let ChartParts {
        testid,
        title,
        summary,
        svg,
        legend,
        columns,
        rows,
        show_as_table,
    } = parts;
    let label = format!("{title}. {summary}");
    let legend = (!legend.is_empty()).then(|| {
        view! {
            <p class="ps-legend" aria-hidden="true">
                {legend.into_iter().map(|(class, text)| view! { <span class=class>{text}</span> }).collect_view()}
            </p>
        }
    });
    view! {
        <figure class="ps-chart" part="chart" data-testid=testid>
            <figcaption>{title}</figcaption>
            {legend}
            <div class="ps-svg" role="img" aria-label=label inner_html=svg></div>
            <details>
                <summary>{show_as_table}</summary>
                <p class="ps-summary">{summary}</p>
                <div class="ps-scroll">
                    <table>
                        <thead><tr>{columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let mut cells = row.into_iter();
                                let head = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{head}</th>
                                        {cells.map(|c| view! { <td class="ps-num">{c}</td> }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
