//! How both sides rate each alignment statement, as a dumbbell per statement:
//! the vendor's rating (circle) and the partner's (square) on the statement's
//! scale, joined by a line as long as the gap. Each statement is its own small
//! SVG so that its label can be HTML beside it: statement labels come from the
//! feed and never enter the markup. A shared axis row carries the tick numbers.

use super::palette;
use crate::score::Statement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the alignment chart draws, with the positions a test can check.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignmentChart {
    /// One SVG per statement, in the statements' order.
    pub rows: Vec<String>,
    /// The tick labels under the rows, on the same horizontal mapping.
    pub axis: String,
    /// The top of the scale all statements share; none when scales differ
    /// (positions are then fractions of each scale, the axis says low/high).
    pub scale: Option<u32>,
    /// Per statement: (vendor, partner) as fractions 0..1 of the plot's width.
    pub positions: Vec<(Option<f64>, Option<f64>)>,
}

/// Space left and right of the scale, so a marker at 1 or at the top is whole.
const PAD: f64 = 0.06;

/// Draws every statement as a `size` row (plus a `axis_height` high axis).
/// `low_high` labels the axis when the statements use different scales.
pub fn alignment_chart(
    statements: &[Statement],
    size: (u32, u32),
    axis_height: u32,
    low_high: [&str; 2],
) -> AlignmentChart {
    let scale = statements
        .first()
        .map(|s| s.scale)
        .filter(|first| statements.iter().all(|s| s.scale == *first));
    let at = |s: &Statement, r: Option<f64>| {
        r.map(|r| ((r - 1.0) / f64::from(s.scale.max(2) - 1)).clamp(0.0, 1.0))
    };
    let positions: Vec<(Option<f64>, Option<f64>)> = statements
        .iter()
        .map(|s| (at(s, s.vendor), at(s, s.partner)))
        .collect();
    let rows = statements
        .iter()
        .zip(&positions)
        .map(|(s, &(v, p))| {
            let mut svg = String::new();
            // Drawing into a String cannot fail for I/O; a layout error leaves an empty row.
            let _ = draw_row(&mut svg, size, s.scale, v, p, s.differs);
            svg
        })
        .collect();
    let ticks: Vec<(f64, String)> = match scale {
        Some(n) => (1..=n)
            .map(|k| (f64::from(k - 1) / f64::from(n.max(2) - 1), k.to_string()))
            .collect(),
        None => vec![
            (0.0, low_high[0].to_string()),
            (1.0, low_high[1].to_string()),
        ],
    };
    let mut axis = String::new();
    let _ = draw_axis(&mut axis, (size.0, axis_height), &ticks);
    AlignmentChart {
        rows,
        axis,
        scale,
        positions,
    }
}

fn draw_row(
    svg: &mut String,
    size: (u32, u32),
    scale: u32,
    vendor: Option<f64>,
    partner: Option<f64>,
    differs: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin_left(4)
        .margin_right(4)
        .build_cartesian_2d(-PAD..1.0 + PAD, 0.0f64..1.0)?;
    let grid = ShapeStyle::from(&palette::GRID).stroke_width(1);
    let steps = scale.max(2) - 1;
    for k in 0..=steps {
        let x = f64::from(k) / f64::from(steps);
        chart.draw_series(LineSeries::new([(x, 0.15), (x, 0.85)], grid))?;
    }
    if let (Some(v), Some(p)) = (vendor, partner) {
        // A gap the sides see differently is drawn heavier; the HTML beside it says so in words.
        let (colour, width) = if differs {
            (palette::RED, 4)
        } else {
            (palette::TEXT, 2)
        };
        chart.draw_series(LineSeries::new(
            [(v, 0.5), (p, 0.5)],
            ShapeStyle::from(&colour).stroke_width(width),
        ))?;
    }
    let r = (size.1 / 4).clamp(4, 9) as i32;
    if let Some(v) = vendor {
        chart.draw_series([Circle::new((v, 0.5), r, palette::VENDOR.filled())])?;
    }
    if let Some(p) = partner {
        // Smaller than the circle, so equal ratings still show both sides.
        let s = (r * 3 / 5).max(3);
        chart.draw_series([EmptyElement::at((p, 0.5))
            + Rectangle::new([(-s, -s), (s, s)], palette::PARTNER.filled())])?;
    }
    root.present()?;
    Ok(())
}

fn draw_axis(
    svg: &mut String,
    size: (u32, u32),
    ticks: &[(f64, String)],
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let mut chart = ChartBuilder::on(&root)
        .margin_left(4)
        .margin_right(4)
        .build_cartesian_2d(-PAD..1.0 + PAD, 0.0f64..1.0)?;
    let font = ("sans-serif", 12)
        .into_font()
        .color(&palette::TEXT)
        .pos(Pos::new(HPos::Center, VPos::Center));
    chart.draw_series(
        ticks
            .iter()
            .map(|(x, label)| Text::new(label.clone(), (*x, 0.5), font.clone())),
    )?;
    root.present()?;
    Ok(())
}
