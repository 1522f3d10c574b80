//! The quadrant's points as a plane a keyboard and a pointer move over: which
//! point an arrow key goes to, which point is under the pointer, and how each
//! marker looks. Plain Rust on chart pixels, so the canvas the UI paints and
//! the SVG the chart writes agree, and both rules are tested natively.

use super::palette;
use crate::score::Band;

/// An arrow key's direction on screen (y grows downwards, as in SVG pixels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key`, if it is an arrow key.
    pub fn of_key(key: &str) -> Option<Direction> {
        Some(match key {
            "ArrowLeft" => Direction::Left,
            "ArrowRight" => Direction::Right,
            "ArrowUp" => Direction::Up,
            "ArrowDown" => Direction::Down,
            _ => return None,
        })
    }

    /// (along, across): how far `d` goes in this direction, and how far off it.
    fn split(self, (dx, dy): (f64, f64)) -> (f64, f64) {
        match self {
            Direction::Right => (dx, dy.abs()),
            Direction::Left => (-dx, dy.abs()),
            Direction::Down => (dy, dx.abs()),
            Direction::Up => (-dy, dx.abs()),
        }
    }

    /// Right and down walk a stack of points on one spot in list order, left and up back.
    fn forwards(self) -> bool {
        matches!(self, Direction::Right | Direction::Down)
    }
}

/// How much a step off the arrow's line counts against a candidate, per pixel,
/// next to a step along it: the next point to the right is the one most nearly
/// straight right, not merely the closest one somewhere to the right.
const ACROSS_WEIGHT: f64 = 2.0;

/// The point an arrow key moves to from `from`: among the points ahead in
/// `dir` (strictly further along it), the one with the least
/// `along + 2 × across`. Points on the same spot as `from` count as ahead at
/// distance 0 when they come after it in the list (right, down) or before it
/// (left, up), so a stack of equal points is walked one by one. Ties go to the
/// nearest in list order that way. `None` when nothing lies ahead (the focus
/// stays).
pub fn nearest_in(points: &[(f64, f64)], from: usize, dir: Direction) -> Option<usize> {
    let &(fx, fy) = points.get(from)?;
    let forwards = dir.forwards();
    let mut best: Option<(f64, usize)> = None;
    for (j, &(x, y)) in points.iter().enumerate() {
        if j == from || !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let (along, across) = dir.split((x - fx, y - fy));
        let score = if along == 0.0 && across == 0.0 {
            if (j > from) != forwards {
                continue;
            }
            0.0
        } else if along > 0.0 {
            along + ACROSS_WEIGHT * across
        } else {
            continue;
        };
        // Ascending j: forwards keeps the first of equals, backwards the last.
        let better = best.is_none_or(|(s, _)| if forwards { score < s } else { score <= s });
        if better {
            best = Some((score, j));
        }
    }
    best.map(|(_, j)| j)
}

/// The point under the pointer: the nearest one within `radius` pixels of
/// `at`, the later one on a tie (it is painted on top). `None` over empty space.
pub fn hit(points: &[(f64, f64)], at: (f64, f64), radius: f64) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (j, &(x, y)) in points.iter().enumerate() {
        let d2 = (x - at.0).powi(2) + (y - at.1).powi(2);
        if d2 <= radius * radius && best.is_none_or(|(b, _)| d2 <= b) {
            best = Some((d2, j));
        }
    }
    best.map(|(_, j)| j)
}

/// A marker's shape, in chart pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A filled circle of this radius.
    Circle(f64),
    /// A filled triangle pointing up, its corners this far from the centre.
    Triangle(f64),
    /// Two diagonal strokes reaching this far from the centre on each axis, this wide.
    Cross(f64, f64),
}

/// A band's marker: its shape and its colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub shape: Shape,
    pub colour: (u8, u8, u8),
}

impl Marker {
    /// The marker of `band` at the portfolio's size (`scale` 2 for the deck's
    /// focused partner): green circle, amber triangle, red cross, so a band
    /// never reads by colour alone.
    pub fn of(band: Band, scale: f64) -> Marker {
        let (shape, c) = match band {
            Band::Green => (Shape::Circle(5.0 * scale), palette::GREEN),
            Band::Amber => (Shape::Triangle(7.0 * scale), palette::AMBER),
            Band::Red => (Shape::Cross(5.0 * scale, 3.0), palette::RED),
        };
        Marker {
            shape,
            colour: (c.0, c.1, c.2),
        }
    }

    /// The colour as CSS.
    pub fn css(&self) -> String {
        let (r, g, b) = self.colour;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// The corners of a triangle marker around (x, y), as plotters places them
/// (at −90°, −210° and −330°, rounded up to whole pixels).
pub fn triangle(x: f64, y: f64, size: f64) -> [(f64, f64); 3] {
    [-90.0_f64, -210.0, -330.0].map(|deg: f64| {
        let rad = deg.to_radians();
        ((rad.cos() * size + x).ceil(), (rad.sin() * size + y).ceil())
    })
}
