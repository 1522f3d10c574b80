//! A pillar over the quarters: vendor and partner totals as two lines.

use super::health::{quarter_label, quarter_mesh};
use super::palette;
use crate::contract::{Pillar, Quarter};
use crate::score::{ScoreBook, Scorecard};
use plotters::prelude::*;

/// What a trend chart shows, so the UI can also offer it as a data table.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    pub pillar: Pillar,
    /// (quarter, vendor total, partner total), oldest first.
    pub points: Vec<(Quarter, f64, f64)>,
    pub svg: String,
}

/// Draws one pillar's totals for one partner across every quarter it has.
/// `format_y` formats axis values (the UI passes a locale-aware formatter).
pub fn pillar_trend(
    book: &ScoreBook,
    partner_index: usize,
    pillar: Pillar,
    labels: [&str; 2],
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
) -> TrendChart {
    let points: Vec<(Quarter, f64, f64)> = book
        .history(partner_index)
        .map(|s: &Scorecard| {
            let t = s.totals(pillar);
            (s.period, t.vendor, t.partner)
        })
        .collect();
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O; a layout error leaves an empty chart.
    let _ = draw(&mut svg, &points, labels, size, format_y);
    TrendChart {
        pillar,
        points,
        svg,
    }
}

fn draw(
    svg: &mut String,
    points: &[(Quarter, f64, f64)],
    labels: [&str; 2],
    size: (u32, u32),
    format_y: &dyn Fn(f64) -> String,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let n = points.len().max(1);
    let top = points
        .iter()
        .map(|p| p.1.max(p.2))
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.1;
    let bottom = points.iter().map(|p| p.1.min(p.2)).fold(0.0f64, f64::min);
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(24)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), bottom..top)?;
    let quarters: Vec<(Quarter, ())> = points.iter().map(|p| (p.0, ())).collect();
    let quarter_label = |x: &f64| quarter_label(&quarters, *x);
    quarter_mesh(&mut chart.configure_mesh(), n, size.0)
        // Only the labelled lines: the minor ones made a dense grey band.
        .max_light_lines(0)
        .y_labels(5)
        .x_label_formatter(&quarter_label)
        .y_label_formatter(&|y| format_y(*y))
        .draw()?;
    for (side, colour, label) in [
        (0, palette::VENDOR, labels[0]),
        (1, palette::PARTNER, labels[1]),
    ] {
        let series: Vec<(f64, f64)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| (i as f64, if side == 0 { p.1 } else { p.2 }))
            .collect();
        let style = ShapeStyle::from(&colour).stroke_width(3);
        // The legend is HTML beside the chart, so it never covers a line.
        let _ = label;
        chart.draw_series(LineSeries::new(series.clone(), style))?;
        // Vendor as circles, partner as squares: the sides differ by shape, not only colour.
        if side == 0 {
            chart.draw_series(series.iter().map(|&p| Circle::new(p, 4, colour.filled())))?;
        } else {
            chart.draw_series(series.iter().map(|&p| {
                EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], colour.filled())
            }))?;
        }
    }
    root.present()?;
    Ok(())
}
