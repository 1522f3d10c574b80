//! Charts as SVG strings, drawn with plotters. Plain Rust: the UI inserts the
//! string as markup, so every label that comes from data must be escaped —
//! plotters' SVG backend escapes text and attributes (checked in tests/chart.rs).

mod trend;

pub use trend::{pillar_trend, TrendChart};

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub mod palette {
    use plotters::style::RGBColor;
    pub const VENDOR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const PARTNER: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const GRID: RGBColor = RGBColor(0xC8, 0xC8, 0xC8);
    pub const TEXT: RGBColor = RGBColor(0x44, 0x44, 0x44);
}
