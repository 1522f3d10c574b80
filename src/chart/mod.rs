//! Charts as SVG strings, drawn with plotters. Plain Rust: the UI inserts the
//! string as markup, so every label that comes from data must be escaped —
//! plotters' SVG backend escapes text and attributes (checked in tests/chart.rs).

mod alignment;
mod fairness_band;
mod health;
pub mod plane;
pub mod quadrant;
pub mod regions;
mod trend;

pub use alignment::{alignment_chart, AlignmentChart};
pub use fairness_band::fairness_trend_with;
pub use fairness_band::{fairness_trend, FairnessChart};
pub use health::{health_trend, HealthChart};
pub use quadrant::{balance_quadrant, quadrant_points, QuadrantChart, QuadrantPoint};
pub use quadrant::{balance_quadrant_focus, balance_quadrant_with};
pub use quadrant::{balance_quadrant_layers, QuadrantLayers};
pub use trend::{pillar_trend, TrendChart};

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
pub mod palette {
    use plotters::style::RGBColor;
    pub const VENDOR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const PARTNER: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const GRID: RGBColor = RGBColor(0xC8, 0xC8, 0xC8);
    pub const TEXT: RGBColor = RGBColor(0x44, 0x44, 0x44);
    /// Fairness bands. Each has at least 3:1 contrast on white (WCAG non-text).
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    /// Okabe–Ito orange #E69F00 darkened: 3.7:1 on white instead of 2.3:1.
    pub const AMBER: RGBColor = RGBColor(0xB3, 0x7A, 0x00);
    pub const RED: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
}

/// Words drawn inside charts, in the viewer's language.
#[derive(Debug, Clone, Copy)]
pub struct ChartWords<'a> {
    pub contribution_share: &'a str,
    pub reward_share: &'a str,
    pub fair: &'a str,
}

impl ChartWords<'static> {
    pub const ENGLISH: ChartWords<'static> = ChartWords {
        contribution_share: "Contribution share (investment + risk)",
        reward_share: "Reward share",
        fair: "fair",
    };
}
