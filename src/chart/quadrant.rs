//! Every partner of a period on one plane: contribution share (investment +
//! risk) across, reward share up. On the diagonal the split is fair; above it
//! the partner takes more than it puts in, below it less.

use super::health::Ticks;
use super::palette;
use super::plane::{Marker, Shape, FAINT};
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

/// The deck's quadrant for one partner in layers, as [`QuadrantLayers`] are
/// the portfolio's: a backdrop without markers, the partner in focus on a
/// layer of its own (its ring, its large marker and its name, a handful of
/// elements), and where every marker goes, for the UI to paint the others
/// faint on one canvas between the two.
#[derive(Debug, Clone, PartialEq)]
pub struct QuadrantFocusLayers {
    /// Band regions, grid, axes and the fair line.
    pub backdrop: String,
    /// The focused partner's ring, marker and name, on a transparent SVG of
    /// the same viewBox; empty of marks when the focus is not among the points.
    pub focus: String,
    /// As [`QuadrantChart::positions`].
    pub positions: Vec<(String, f64, f64)>,
}

/// Which parts of the quadrant one drawing writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    /// The whole chart, markers and all (downloads, print, the PowerPoint file).
    All,
    /// Everything but the markers and the focused partner.
    Backdrop,
    /// The focused partner only.
    Focus,
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
    quadrant(
        points,
        (thresholds, None, Layer::All),
        size,
        format_share,
        words,
    )
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
    let QuadrantChart { svg, positions } = quadrant(
        points,
        (thresholds, None, Layer::Backdrop),
        size,
        format_share,
        words,
    );
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
        (thresholds, Some(focus), Layer::All),
        size,
        format_share,
        words,
    )
}

/// `balance_quadrant_focus` in layers, for a slide that paints thousands of
/// partners on a canvas: the backdrop and the focus layer together draw what
/// the full chart does, but the other partners' markers, which are at
/// `positions` (the same as the full chart's).
pub fn balance_quadrant_focus_layers(
    points: &[QuadrantPoint],
    focus: &str,
    thresholds: &Thresholds,
    size: (u32, u32),
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> QuadrantFocusLayers {
    let draw = |layer| {
        quadrant(
            points,
            (thresholds, Some(focus), layer),
            size,
            format_share,
            words,
        )
    };
    let QuadrantChart { svg, positions } = draw(Layer::Backdrop);
    QuadrantFocusLayers {
        backdrop: svg,
        focus: draw(Layer::Focus).svg,
        positions,
    }
}

fn quadrant(
    points: &[QuadrantPoint],
    bands_and_focus: (&Thresholds, Option<&str>, Layer),
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
    (thresholds, focus, layer): (&Thresholds, Option<&str>, Layer),
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

    let backdrop = layer != Layer::Focus;
    if backdrop {
        draw_backdrop(&mut chart, thresholds, format_share, words)?;
    }

    // Where each point goes, and every position in the order of the points
    // given, whatever order the markers are drawn in.
    let coords: Vec<Option<Placed>> = points
        .iter()
        .map(|p| {
            (p.contribution.is_finite() && p.reward.is_finite()).then(|| {
                let at = (p.contribution.clamp(0.0, 1.0), p.reward.clamp(0.0, 1.0));
                let (px, py) = chart.backend_coord(&at);
                (at, f64::from(px), f64::from(py))
            })
        })
        .collect();
    positions.extend(
        points
            .iter()
            .zip(&coords)
            .filter_map(|(p, c)| c.map(|(_, x, y)| (p.id.clone(), x, y))),
    );

    let ink = palette::TEXT;
    // Markers first, then labels in the space the markers leave.
    let mut drawn: Vec<((f64, f64), f64, f64, &QuadrantPoint)> = Vec::new();
    let mut focused = None;
    let is_focus = |i: &usize| Some(points[*i].id.as_str()) == focus;
    // The focused partner is drawn last so no other marker covers it.
    let order = (0..points.len())
        .filter(|i| !is_focus(i))
        .chain((0..points.len()).filter(is_focus));
    for i in order {
        let (p, Some((at, x, y))) = (&points[i], coords[i]) else {
            continue;
        };
        let is_focus = Some(p.id.as_str()) == focus;
        // Beside a focused partner the others are context only: faint, small.
        let (alpha, scale) = match (focus, is_focus) {
            (None, _) => (1.0, 1),
            (Some(_), true) => (1.0, 2),
            (Some(_), false) => (FAINT, 1),
        };
        if is_focus {
            if layer == Layer::Backdrop {
                continue;
            }
            focused = Some((at, x, y, p));
            chart.draw_series(std::iter::once(Circle::new(
                at,
                9 * scale,
                ShapeStyle::from(&ink).stroke_width(2),
            )))?;
        } else if focus.is_none() {
            drawn.push((at, x, y, p));
        }
        if layer == Layer::Backdrop || (layer == Layer::Focus && !is_focus) {
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
    if drawn.len() > MAX_LABELLED || !backdrop {
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

/// A point on the plane and its centre in SVG pixels.
type Placed = ((f64, f64), f64, f64);

type Plane<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Ticks, Ticks>>;

/// The band regions, the grid with its axes, and the fair line.
fn draw_backdrop(
    chart: &mut Plane<'_, '_>,
    thresholds: &Thresholds,
    format_share: &dyn Fn(f64) -> String,
    words: &ChartWords,
) -> Result<(), Box<dyn std::error::Error>> {
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
    Ok(())
}
