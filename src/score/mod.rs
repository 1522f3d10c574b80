//! The joint scorecard of one partner in one period, and the portfolio of all
//! partners in a period. Formulas: `docs/data-contract.md`, "Scoring".
//! Undefined figures are `None` (null in JSON, "—" on screen), never 0 or NaN.

pub mod attainment;
pub mod commitments;
pub mod fairness;
pub mod portfolio;
mod scorecard;
pub mod sort;
pub mod trend;

pub use attainment::{Attainment, KpiStatus};
pub use commitments::{commitments, CommitmentView};
pub use fairness::{Balance, Band};
pub use portfolio::{Column, Facets, Figure, Filter, Portfolio};
pub use scorecard::ScoreBook;
pub use trend::{Changes, Trend};

use crate::contract::{Pillar, Quarter, Side};
use serde::{Deserialize, Serialize};

/// A money total of each side.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PerSide {
    pub vendor: f64,
    pub partner: f64,
}

impl PerSide {
    pub fn get(&self, side: Side) -> f64 {
        match side {
            Side::Vendor => self.vendor,
            Side::Partner => self.partner,
        }
    }
}

/// A figure of each side that may be undefined (ROI, changes).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PerSideOpt {
    pub vendor: Option<f64>,
    pub partner: Option<f64>,
}

/// The partner's share of each pillar and of the contribution (investment + risk).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Shares {
    pub investment: Option<f64>,
    pub risk: Option<f64>,
    pub reward: Option<f64>,
    pub contribution: Option<f64>,
}

impl Shares {
    pub fn pillar(&self, p: Pillar) -> Option<f64> {
        match p {
            Pillar::Investment => self.investment,
            Pillar::Risk => self.risk,
            Pillar::Reward => self.reward,
        }
    }
}

/// One figure with a target, measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub metric: String,
    pub label: String,
    pub side: Side,
    pub value: f64,
    pub target: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<f64>,
    pub attainment: Option<f64>,
    pub status: KpiStatus,
    pub score: f64,
    pub weight: f64,
}

/// The joint scorecard of one partner in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub partner: String,
    pub partner_name: String,
    pub period: Quarter,
    pub investment: PerSide,
    pub risk: PerSide,
    pub reward: PerSide,
    pub shares: Shares,
    pub fairness: Option<f64>,
    pub band: Option<Band>,
    pub balance: Option<Balance>,
    pub roi: PerSideOpt,
    pub health: Option<f64>,
    pub kpis: Vec<Kpi>,
    /// The side that reported nothing this period, which leaves balance undefined.
    pub unreported: Option<Side>,
    pub trend: Trend,
    #[serde(skip)]
    pub partner_index: usize,
}

impl Scorecard {
    pub fn totals(&self, p: Pillar) -> PerSide {
        match p {
            Pillar::Investment => self.investment,
            Pillar::Risk => self.risk,
            Pillar::Reward => self.reward,
        }
    }
}
