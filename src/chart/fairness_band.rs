//! Fairness F of one partner over the quarters, against the green, amber and
//! red bands of the thresholds.
//!
//! The y axis is logarithmic in F, so F and 1/F sit at the same distance from
//! the dashed "fair" line at F = 1, as the bands are symmetric on a ratio scale.

use super::health::{quarter_label, quarter_mesh, runs, Ticks};
use super::palette;
use super::ChartWords;
use crate::contract::{Quarter, Thresholds};
use crate::score::{ScoreBook, Scorecard};
use plotters::prelude::*;

/// What a fairness chart shows, so the UI can also offer it as a data table.
#[derive(Debug, Clone, PartialEq)]
pub struct FairnessChart {
    /// (quarter, F), oldest first; `None` where fairness is undefined.
    pub points: Vec<(Quarter, Option<f64>)>,
    pub svg: String,
}

/// Draws F for one partner across every quarter it has. Values beyond the
/// plotted range (min(0.5, 0.8/amber) to max(2, 1.25·amber)) are drawn on the
/// edge as a triangle pointing out of the chart instead of a circle.
/// `format_y` formats the F values of the ticks (1, the thresholds, the ends).
pub fn fairness_trend(
    book: &ScoreBook,
    partner_index: usize,
    thresholds: &Thresholds,
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
) -> FairnessChart {
    fairness_trend_with(
        book,
        partner_index,
        thresholds,
        size,
        format_y,
        &ChartWords::ENGLISH,
    )
}

/// `fairness_trend` with the "fair" label in other words.
pub fn fairness_trend_with(
    book: &ScoreBook,
    partner_index: usize,
    thresholds: &Thresholds,
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> FairnessChart {
    let points: Vec<(Quarter, Option<f64>)> = book
        .history(partner_index)
        .map(|s: &Scorecard| (s.period, s.fairness))
        .collect();
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O; a layout error leaves an empty chart.
    let _ = draw(&mut svg, &points, thresholds, size, format_y, words);
    FairnessChart { points, svg }
}

/// Green and amber limits (both > 1, amber ≥ green), with the defaults for
/// anything the contract would not have let through.
pub(super) fn limits(t: &Thresholds) -> (f64, f64) {
    let d = Thresholds::default();
    let ok = |v: f64| v.is_finite() && v > 1.0 && v < 1e6;
    let g = if ok(t.fairness_green) {
        t.fairness_green
    } else {
        d.fairness_green
    };
    let a = if ok(t.fairness_amber) && t.fairness_amber >= g {
        t.fairness_amber
    } else {
        d.fairness_amber.max(g)
    };
    (g, a)
}

const MARGIN: u32 = 8;
const X_LABELS: u32 = 24;
/// Closest two tick labels may be, in pixels.
const TICK_GAP: f64 = 16.0;

fn draw(
    svg: &mut String,
    points: &[(Quarter, Option<f64>)],
    thresholds: &Thresholds,
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let (g, a) = limits(thresholds);
    let lo = 0.5f64.min(0.8 / a);
    let hi = 2.0f64.max(1.25 * a);
    let (ylo, yhi) = (lo.ln(), hi.ln());

    // Ticks at the F values that matter, most important first; a tick too close
    // to one already kept is dropped so labels never overlap.
    let plot_h = f64::from(size.1.saturating_sub(2 * MARGIN + X_LABELS)).max(1.0);
    let min_gap = TICK_GAP * (yhi - ylo) / plot_h;
    let mut ticks: Vec<f64> = Vec::new();
    for v in [1.0, g, 1.0 / g, a, 1.0 / a, hi, lo] {
        if ticks.iter().all(|&t| (t.ln() - v.ln()).abs() >= min_gap) {
            ticks.push(v);
        }
    }
    crate::score::sort::sort_by(&mut ticks, f64::total_cmp);
    let tick_label = |y: &f64| {
        // Print the exact F of the tick, not exp(ln F) with rounding noise.
        ticks
            .iter()
            .find(|t| (t.ln() - y).abs() < 1e-9)
            .map(|&t| format_y(t))
            .unwrap_or_default()
    };

    let n = points.len().max(1);
    let (x0, x1) = (-0.5f64, n as f64 - 0.5);
    let mut chart = ChartBuilder::on(&root)
        .margin(MARGIN)
        .x_label_area_size(X_LABELS)
        .y_label_area_size(56)
        .build_cartesian_2d(
            x0..x1,
            Ticks::new(ylo..yhi, ticks.iter().map(|t| t.ln()).collect()),
        )?;

    // Bands first, so the grid, the fair line and the data sit on top.
    let (lg, la) = (g.ln(), a.ln());
    let bands = [
        (ylo, -la, palette::RED),
        (-la, -lg, palette::AMBER),
        (-lg, lg, palette::GREEN),
        (lg, la, palette::AMBER),
        (la, yhi, palette::RED),
    ];
    chart.draw_series(
        bands
            .iter()
            .filter(|b| b.1 > b.0)
            .map(|&(from, to, colour)| {
                Rectangle::new([(x0, from), (x1, to)], colour.mix(0.16).filled())
            }),
    )?;

    let quarter_label = |x: &f64| quarter_label(points, *x);
    quarter_mesh(&mut chart.configure_mesh(), n, size.0)
        .x_label_formatter(&quarter_label)
        .y_label_formatter(&tick_label)
        .draw()?;

    let ink = palette::TEXT;
    chart.draw_series(DashedLineSeries::new(
        [(x0, 0.0), (x1, 0.0)],
        6,
        4,
        ShapeStyle::from(&ink).stroke_width(1),
    ))?;
    chart.draw_series(std::iter::once(
        EmptyElement::at((x0, 0.0))
            + Text::new(
                words.fair.to_string(),
                (4, -14),
                ("sans-serif", 11).into_font().color(&ink),
            ),
    ))?;

    // (x, ln F on the plot, -1 below / 0 inside / 1 above the range)
    let placed: Vec<Option<(f64, f64, i8)>> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.1.filter(|f| !f.is_nan()).map(|f| {
                let x = i as f64;
                if f < lo {
                    (x, ylo, -1)
                } else if f > hi {
                    (x, yhi, 1)
                } else {
                    (x, f.ln(), 0)
                }
            })
        })
        .collect();
    let line: Vec<Option<(f64, f64)>> = placed.iter().map(|p| p.map(|p| (p.0, p.1))).collect();
    for run in runs(&line) {
        chart.draw_series(LineSeries::new(run, ShapeStyle::from(&ink).stroke_width(2)))?;
    }
    for &(x, y, side) in placed.iter().flatten() {
        let at = EmptyElement::at((x, y));
        if side == 0 {
            chart.draw_series(std::iter::once(at + Circle::new((0, 0), 4, ink.filled())))?;
        } else {
            // Off the scale: a triangle on the edge pointing the way the value went.
            let s = -i32::from(side);
            let tri = vec![(0, 6 * s), (-6, -3 * s), (6, -3 * s)];
            chart.draw_series(std::iter::once(at + Polygon::new(tri, ink.filled())))?;
        }
    }
    root.present()?;
    Ok(())
}
