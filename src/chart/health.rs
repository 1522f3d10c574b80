//! Health (0..100, the weighted KPI attainment) of one partner over the quarters.

use super::palette;
use crate::contract::Quarter;
use crate::score::{ScoreBook, Scorecard};
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::prelude::*;

/// What a health chart shows, so the UI can also offer it as a data table.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthChart {
    /// (quarter, health), oldest first; `None` where the quarter has no KPI with a target.
    pub points: Vec<(Quarter, Option<f64>)>,
    pub svg: String,
}

/// Draws the health of one partner across every quarter it has, as a line with
/// a marker per defined quarter and a gap where health is undefined.
/// `format_y` formats the axis values 0, 25, 50, 75, 100 (the UI passes a
/// locale-aware formatter).
pub fn health_trend(
    book: &ScoreBook,
    partner_index: usize,
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
) -> HealthChart {
    let points: Vec<(Quarter, Option<f64>)> = book
        .history(partner_index)
        .map(|s: &Scorecard| (s.period, s.health))
        .collect();
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O; a layout error leaves an empty chart.
    let _ = draw(&mut svg, &points, size, format_y);
    HealthChart { points, svg }
}

fn draw(
    svg: &mut String,
    points: &[(Quarter, Option<f64>)],
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let n = points.len().max(1);
    let ticks = vec![0.0, 25.0, 50.0, 75.0, 100.0];
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(24)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), Ticks::new(0.0..100.0, ticks))?;
    let quarter_label = |x: &f64| quarter_label(points, *x);
    quarter_mesh(&mut chart.configure_mesh(), n, size.0)
        .x_label_formatter(&quarter_label)
        .y_label_formatter(&|y| format_y(*y))
        .draw()?;
    // Health is a 0..100 score by construction; clamp so a marker never leaves the plot.
    let values: Vec<Option<(f64, f64)>> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.1.filter(|h| h.is_finite())
                .map(|h| (i as f64, h.clamp(0.0, 100.0)))
        })
        .collect();
    let colour = palette::VENDOR;
    for run in runs(&values) {
        chart.draw_series(LineSeries::new(
            run,
            ShapeStyle::from(&colour).stroke_width(3),
        ))?;
    }
    chart.draw_series(
        values
            .iter()
            .flatten()
            .map(|&p| Circle::new(p, 4, colour.filled())),
    )?;
    root.present()?;
    Ok(())
}

/// The quarter under an x tick (ticks sit on whole numbers), else nothing.
pub(super) fn quarter_label<T>(points: &[(Quarter, T)], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    points
        .get(i as usize)
        .map(|p| p.0.to_string())
        .unwrap_or_default()
}

/// Consecutive defined points, so a line breaks where a value is undefined.
pub(super) fn runs(values: &[Option<(f64, f64)>]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for v in values {
        match v {
            Some(p) => current.push(*p),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A linear f64 axis with the ticks given, and no light grid lines.
/// (plotters' `with_key_points` on f64 loses the label formatter support.)
pub(super) struct Ticks {
    inner: plotters::coord::types::RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticks {
    pub(super) fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> Ticks {
        Ticks {
            inner: range.into(),
            ticks,
        }
    }
}

impl plotters::coord::ranged1d::Ranged for Ticks {
    type ValueType = f64;
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: plotters::coord::ranged1d::KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn axis_pixel_range(&self, limit: (i32, i32)) -> std::ops::Range<i32> {
        self.inner.axis_pixel_range(limit)
    }
}

/// The look the quarter charts share: no vertical grid, light labelled
/// horizontal lines, as many quarter labels as fit (72 px each) of `quarters`.
pub(super) fn quarter_mesh<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    quarters: usize,
    width: u32,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged,
    Y: Ranged,
    DB: DrawingBackend,
{
    mesh.disable_x_mesh()
        .bold_line_style(palette::GRID.mix(0.6))
        .axis_style(palette::GRID)
        .x_labels(quarters.min((width / 72).max(2) as usize))
        .label_style(("sans-serif", 12).into_font().color(&palette::TEXT))
}
