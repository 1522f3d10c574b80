//! Every partner of a period on one plane: contribution share (investment +
//! risk) across, reward share up. On the diagonal the split is fair; above it
//! the partner takes more than it puts in, below it less.

use super::health::Ticks;
use super::palette;
use super::plane::{Marker, Shape};
use super::ChartWords;
use crate::contract::{Dataset, Thresholds};
use crate::score::{Band, Portfolio};
use plotters::prelude::*;

/// One partner on the quadrant.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantPoint {
    /// The partner id, to match `positions` with the UI's own list.
    pub id: String,
    /// The partner name, drawn beside the point (shortened when long).
    pub label: String,
    /// The partner's share of investment + risk, 0..1.
    pub contribution: f64,
    /// The partner's share of reward, 0..1.
    pub reward: f64,
    pub band: Band,
}

/// The drawn quadrant.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantChart {
    pub svg: String,
    /// (id, x, y): the centre of each drawn point in SVG pixels (the SVG's
    /// viewBox is `0 0 width height`), in the order of the points given, so the
    /// UI can overlay a focusable button per partner. Points with a non-finite
    /// share are not drawn and have no position.
    pub positions: Vec<(String, f64, f64)>,
}

/// The quadrant in two layers, for a portfolio of any size: everything but the
/// markers as SVG (a fixed number of elements however many partners there
/// are), and where each marker goes, for the UI to paint them on one canvas
/// under the same viewBox.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantLayers {
    /// Band regions, grid, axes, the fair line, and point labels when there
    /// are at most [`MAX_LABELLED`] points; no markers.
    pub backdrop: String,
    /// As [`QuadrantChart::positions`], the markers' centres in SVG pixels.
    pub positions: Vec<(String, f64, f64)>,
}

/// The partners of a portfolio that have a contribution share, a reward share
/// and a fairness band, in portfolio order. Partners whose balance is undefined
/// (a one-sided report, nothing in a pillar, or no contribution) are left out.
pub fn quadrant_points(portfolio: &Portfolio, ds: &Dataset) -> Vec<QuadrantPoint> {
    portfolio
        .rows
        .iter()
        .filter_map(|s| {
            let c = s.shares.contribution.filter(|v| v.is_finite())?;
            let r = s.shares.reward.filter(|v| v.is_finite())?;
            let band = s.band?;
            let label = ds
                .partners
                .get(s.partner_index)
                .map_or_else(|| s.partner_name.clone(), |p| p.name.clone());
            Some(QuadrantPoint {
                id: s.partner.clone(),
                label,
                contribution: c,
                reward: r,
                band,
            })
        })
        .collect()
}

/// Draws the points over the band regions of `thresholds` (green between
/// reward = contribution ÷ green and × green, amber out to the amber limit, red
/// beyond) with the diagonal "fair" line. Each point is coloured and shaped by
/// its band: green circle, amber triangle, red cross. Shares outside 0..1 are
/// drawn on the edge. `format_share` formats the ticks 0, 0.25 … 1 (the UI
/// passes a locale-aware percent formatter).
pub fn balance_quadrant(
    points: &[QuadrantPoint],
    thresholds: &Thresholds,
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
) -> QuadrantChart {
    balance_quadrant_with(points, thresholds, size, format_share, &ChartWords::ENGLISH)
}

/// `balance_quadrant` with the axis titles and the "fair" label in other words.
pub fn balance_quadrant_with(
    points: &[QuadrantPoint],
    thresholds: &Thresholds,
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> QuadrantChart {
    quadrant(points, (thresholds, None, true), size, format_share, words)
}

/// `balance_quadrant_with` without its markers: the backdrop and the markers'
/// positions (the positions and labels are exactly those of the full chart,
/// whose SVG the downloads use).
pub fn balance_quadrant_layers(
    points: &[QuadrantPoint],
    thresholds: &Thresholds,
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> QuadrantLayers {
    let QuadrantChart { svg, positions } =
        quadrant(points, (thresholds, None, false), size, format_share, words);
    QuadrantLayers {
        backdrop: svg,
        positions,
    }
}

/// The quadrant for one partner's review: every other partner as a faint
/// marker without a label, the partner `focus` (an id) large and named on top.
/// A focus that is not among the points draws the portfolio alone.
pub fn balance_quadrant_focus(
    points: &[QuadrantPoint],
    focus: &str,
    thresholds: &Thresholds,
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> QuadrantChart {
    quadrant(
        points,
        (thresholds, Some(focus), true),
        size,
        format_share,
        words,
    )
}

fn quadrant(
    points: &[QuadrantPoint],
    bands_and_focus: (&Thresholds, Option<&str>, bool),
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> QuadrantChart {
    let mut svg = String::new();
    let mut positions = Vec::new();
    // Drawing into a String cannot fail for I/O; a layout error leaves an empty chart.
    let _ = draw(
        &mut svg,
        &mut positions,
        points,
        bands_and_focus,
        size,
        format_share,
        words,
    );
    QuadrantChart { svg, positions }
}

/// Above this many points the chart draws markers only.
pub const MAX_LABELLED: usize = 60;

/// Longest label drawn, in characters; the UI shows the full name on focus.
const LABEL_CHARS: usize = 18;
const LABEL_SIZE: f64 = 11.0;

fn short(label: &str) -> String {
    let label = label.trim();
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

fn draw(
    svg: &mut String,
    positions: &mut Vec<(String, f64, f64)>,
    points: &[QuadrantPoint],
    (thresholds, focus, markers): (&Thresholds, Option<&str>, bool),
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    let ticks = vec![0.0, 0.25, 0.5, 0.75, 1.0];
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(
            Ticks::new(0.0..1.0, ticks.clone()),
            Ticks::new(0.0..1.0, ticks),
        )?;

    // Band regions: curves of equal F from (0, 0) to (1, 1), see regions.rs.
    let regions = super::regions::band_regions(thresholds, 48);
    chart.draw_series(regions.into_iter().map(|(corners, band)| {
        let colour = match band {
            Band::Green => palette::GREEN,
            Band::Amber => palette::AMBER,
            Band::Red => palette::RED,
        };
        Polygon::new(corners, colour.mix(0.1).filled())
    }))?;

    let ink = palette::TEXT;
    let text = ("sans-serif", 12).into_font().color(&ink);
    chart
        .configure_mesh()
        .bold_line_style(palette::GRID.mix(0.5))
        .axis_style(palette::GRID)
        .x_label_formatter(&|v| format_share(*v))
        .y_label_formatter(&|v| format_share(*v))
        .x_desc(words.contribution_share)
        .y_desc(words.reward_share)
        .label_style(text.clone())
        .axis_desc_style(text)
        .draw()?;

    chart.draw_series(DashedLineSeries::new(
        [(0.0, 0.0), (1.0, 1.0)],
        6,
        4,
        ShapeStyle::from(&ink).stroke_width(1),
    ))?;
    chart.draw_series(std::iter::once(
        EmptyElement::at((0.9, 0.9))
            + Text::new(
                words.fair.to_string(),
                (6, 0),
                ("sans-serif", 11).into_font().color(&ink),
            ),
    ))?;

    // Markers first, then labels in the space the markers leave.
    let mut drawn: Vec<((f64, f64), f64, f64, &QuadrantPoint)> = Vec::new();
    let mut focused = None;
    // The focused partner is drawn last so no other marker covers it.
    let order = points
        .iter()
        .filter(|p| Some(p.id.as_str()) != focus)
        .chain(points.iter().filter(|p| Some(p.id.as_str()) == focus));
    for p in order {
        if !(p.contribution.is_finite() && p.reward.is_finite()) {
            continue;
        }
        let at = (p.contribution.clamp(0.0, 1.0), p.reward.clamp(0.0, 1.0));
        let (px, py) = chart.backend_coord(&at);
        let (x, y) = (f64::from(px), f64::from(py));
        positions.push((p.id.clone(), x, y));
        let is_focus = Some(p.id.as_str()) == focus;
        // Beside a focused partner the others are context only: faint, small.
        let (alpha, scale) = match (focus, is_focus) {
            (None, _) => (1.0, 1),
            (Some(_), true) => (1.0, 2),
            (Some(_), false) => (0.35, 1),
        };
        if is_focus {
            focused = Some((at, x, y, p));
            chart.draw_series(std::iter::once(Circle::new(
                at,
                9 * scale,
                ShapeStyle::from(&ink).stroke_width(2),
            )))?;
        } else if focus.is_none() {
            drawn.push((at, x, y, p));
        }
        if !markers {
            continue;
        }
        let marker = Marker::of(p.band, f64::from(scale));
        let (r, g, b) = marker.colour;
        let colour = RGBColor(r, g, b).mix(alpha);
        match marker.shape {
            Shape::Circle(radius) => {
                chart.draw_series(std::iter::once(Circle::new(
                    at,
                    radius as i32,
                    colour.filled(),
                )))?;
            }
            Shape::Triangle(size) => {
                chart.draw_series(std::iter::once(TriangleMarker::new(
                    at,
                    size as i32,
                    colour.filled(),
                )))?;
            }
            Shape::Cross(size, width) => {
                chart.draw_series(std::iter::once(Cross::new(
                    at,
                    size as i32,
                    ShapeStyle::from(&colour).stroke_width(width as u32),
                )))?;
            }
        }
    }
    if let Some((at, x, y, p)) = focused {
        // Always named, centred above the ring (below it near the top edge),
        // shifted sideways to stay inside the chart.
        let em = 14.0 / 1.24;
        let label = p.label.trim();
        let tw = 0.6 * em * label.chars().count() as f64;
        let left = (x - tw / 2.0).clamp(0.0, (f64::from(size.0) - tw).max(0.0));
        let dx = (left - x).round() as i32;
        let ring = 18.0;
        let dy = if y - ring - 2.0 * em < 0.0 {
            (ring + 4.0) as i32
        } else {
            -(ring + 1.4 * em).round() as i32
        };
        chart.draw_series(std::iter::once(
            EmptyElement::at(at)
                + Text::new(
                    label.to_string(),
                    (dx, dy),
                    ("sans-serif", 14).into_font().color(&ink),
                ),
        ))?;
    }

    // A crowded chart gets no labels: they could not be placed without overlap,
    // and each costs a text measurement in the browser. The UI names every
    // point on hover and focus.
    if drawn.len() > MAX_LABELLED {
        root.present()?;
        return Ok(());
    }
    // Each label right of its point, else left of it, else not at all (the UI
    // names every point on hover and focus anyway): never over another label
    // or a marker.
    type Box4 = (f64, f64, f64, f64);
    let mut taken: Vec<Box4> = drawn
        .iter()
        .map(|&(_, x, y, _)| (x - 7.0, y - 7.0, x + 7.0, y + 7.0))
        .collect();
    let overlaps = |b: &Box4, taken: &[Box4]| {
        taken
            .iter()
            .any(|t| b.0 < t.2 && t.0 < b.2 && b.1 < t.3 && t.1 < b.3)
    };
    let (w, h) = (f64::from(size.0), f64::from(size.1));
    let fits = |b: &Box4| b.0 >= 0.0 && b.2 <= w && b.1 >= 0.0 && b.3 <= h;
    // plotters writes font-size = size ÷ 1.24; a sans-serif glyph is ~0.6 em wide.
    let em = LABEL_SIZE / 1.24;
    let font = ("sans-serif", LABEL_SIZE).into_font().color(&ink);
    for &(at, x, y, p) in &drawn {
        let label = short(&p.label);
        if label.is_empty() {
            continue;
        }
        let tw = 0.6 * em * label.chars().count() as f64;
        let top = y - em * 0.7;
        let bottom = y + em * 0.7;
        let right = (x + 8.0, top, x + 8.0 + tw, bottom);
        let left = (x - 8.0 - tw, top, x - 8.0, bottom);
        let Some(b) = [right, left]
            .into_iter()
            .find(|b| fits(b) && !overlaps(b, &taken))
        else {
            continue;
        };
        taken.push(b);
        let offset = ((b.0 - x).round() as i32, (b.1 - y).round() as i32);
        chart.draw_series(std::iter::once(
            EmptyElement::at(at) + Text::new(label, offset, font.clone()),
        ))?;
    }
    root.present()?;
    Ok(())
}
