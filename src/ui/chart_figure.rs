//! One chart as a figure: caption, the SVG with an accessible name and summary,
//! and the same data as a table a reader can open; and the chart's SVG and PNG
//! download buttons, which the portfolio's quadrant uses as well.

use super::export_menu::exported;
use super::state::State;
use crate::export::{standalone_svg, SvgFile};
use crate::host::download::{self, DownloadError};
use crate::i18n::fill;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// A chart's SVG for its downloads: the text, or a way to draw it when a
/// button is pressed (the quadrant's full SVG, with a marker per partner, is
/// never drawn just to be on screen).
#[derive(Clone)]
pub struct SvgSource(Rc<dyn Fn() -> String>);

impl SvgSource {
    pub fn lazy(draw: impl Fn() -> String + 'static) -> SvgSource {
        SvgSource(Rc::new(draw))
    }

    fn text(&self) -> String {
        (self.0)()
    }
}

impl From<String> for SvgSource {
    fn from(svg: String) -> SvgSource {
        SvgSource::lazy(move || svg.clone())
    }
}

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
    /// File name stem of the chart's downloads (`P-00001-2026-Q3-investment`);
    /// `None` offers none.
    pub file: Option<String>,
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
        file,
    } = parts;
    let downloads = file.map(|file| {
        let chart = testid.strip_prefix("chart-").unwrap_or(&testid).to_string();
        view! { <ChartDownloads svg=svg.clone() file=file title=title.clone() chart=chart /> }
    });
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
            {downloads}
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

/// "SVG" and "PNG" buttons for one chart, as the host's `exports` allow, with
/// any failure shown beside them. `chart` names it in `scorecard-export`.
#[component]
pub(super) fn ChartDownloads(
    #[prop(into)] svg: SvgSource,
    file: String,
    title: String,
    chart: String,
) -> impl IntoView {
    let Some(state) = use_context::<State>() else {
        return ().into_any();
    };
    let allowed = state.exports();
    if !(allowed.svg || allowed.png) {
        return ().into_any();
    }
    let m = super::messages_for(state);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let done = {
        let chart = chart.clone();
        move |result: Result<(), DownloadError>, format: &str| match result {
            Ok(()) => {
                error.try_set(None);
                // The partner and period on screen, untracked: this runs in a handler.
                let (partner, period) = untrack(|| {
                    let model = state.load.with(|l| l.model.clone());
                    let period = model.and_then(|model| state.period(&model).ok().flatten());
                    (state.partner(), period.map(|q| q.to_string()))
                });
                exported(
                    state,
                    format,
                    partner.as_deref(),
                    period.as_deref(),
                    Some(&chart),
                );
            }
            Err(e) => {
                error.try_set(Some(e.message(m)));
            }
        }
    };
    let file_of = |svg: &str| standalone_svg(svg).map_err(|e| DownloadError::Failed(e.into()));
    let svg_button = allowed.svg.then(|| {
        let (svg, name, done) = (svg.clone(), format!("{file}.svg"), done.clone());
        let save = move |_| {
            let result = file_of(&svg.text()).and_then(|f: SvgFile| {
                download::save_text(&f.text, "image/svg+xml;charset=utf-8", &name)
            });
            done(result, "svg");
        };
        view! {
            <button type="button" class="ps-download" data-testid="export-svg"
                aria-label=fill(m.download_svg, &[("chart", &title)]) on:click=save>"SVG"</button>
        }
    });
    let png_button = allowed.png.then(|| {
        let name = format!("{file}.png");
        let save = move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let (svg, name, done) = (svg.clone(), name.clone(), done.clone());
            spawn_local(async move {
                let result = match file_of(&svg.text()) {
                    Ok(f) => download::save_png(&f, &name).await,
                    Err(e) => Err(e),
                };
                busy.try_set(false);
                done(result, "png");
            });
        };
        view! {
            <button type="button" class="ps-download" data-testid="export-png"
                aria-label=fill(m.download_png, &[("chart", &title)])
                aria-busy=move || busy.get().to_string() on:click=save>"PNG"</button>
        }
    });
    view! {
        <div class="ps-chart-tools">
            {svg_button}
            {png_button}
            {move || error.get().map(|text| view! {
                <p class="ps-export-error" role="alert" data-testid="export-error">{text}</p>
            })}
        </div>
    }
    .into_any()
}
