//! The joint scorecard of one partner in one period, and the portfolio of all
//! partners in a period. Formulas: `docs/data-contract.md`, "Scoring".
//! Undefined figures are `None` (null in JSON, "—" on screen), never 0 or NaN.

pub mod alignment;
pub mod attainment;
pub mod commitments;
pub mod fairness;
pub mod portfolio;
mod scorecard;
pub mod sort;
pub mod trend;

pub use alignment::{Alignment, Statement};
pub use attainment::{Attainment, KpiStatus};
pub use commitments::{commitments, CommitmentView};
pub use fairness::{Balance, Band, Fairness};
pub use portfolio::{Column, Facets, Figure, Filter, Portfolio};
pub use scorecard::ScoreBook;
pub use trend::{AlignmentChanges, Changes, Trend};

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

/// Reward that would move from one side to the other for F = 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shift {
    pub from: Side,
    pub to: Side,
    /// Always positive, in the feed's currency.
    pub amount: f64,
}

impl Shift {
    /// A signed `fair_shift` (positive: to the partner) as a direction and an amount.
    pub fn of(fair_shift: f64) -> Option<Shift> {
        if !fair_shift.is_finite() || fair_shift.abs() < 0.005 {
            return None;
        }
        let (from, to) = if fair_shift > 0.0 {
            (Side::Vendor, Side::Partner)
        } else {
            (Side::Partner, Side::Vendor)
        };
        Some(Shift {
            from,
            to,
            amount: fair_shift.abs(),
        })
    }
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
    /// The partner's share of each pillar and of investment + risk, from each
    /// side's totals: one rule for a scorecard and for a plan.
    pub fn of(investment: PerSide, risk: PerSide, reward: PerSide) -> Shares {
        let c = contribution(investment, risk);
        Shares {
            investment: fairness::share(investment.vendor, investment.partner),
            risk: fairness::share(risk.vendor, risk.partner),
            reward: fairness::share(reward.vendor, reward.partner),
            contribution: fairness::share(c.vendor, c.partner),
        }
    }

    /// The partner's share of a money pillar; alignment has no share.
    pub fn pillar(&self, p: Pillar) -> Option<f64> {
        match p {
            Pillar::Investment => self.investment,
            Pillar::Risk => self.risk,
            Pillar::Reward => self.reward,
            Pillar::Alignment => None,
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
    /// The equity ratio (R_partner / C_partner) ÷ (R_vendor / C_vendor).
    pub fairness: Option<f64>,
    pub band: Option<Band>,
    pub balance: Option<Balance>,
    /// Reward ÷ contribution of each side.
    pub reward_rate: PerSideOpt,
    /// The reward that would move to the partner (negative: to the vendor) for F = 1.
    pub fair_shift: Option<f64>,
    pub roi: PerSideOpt,
    pub health: Option<f64>,
    pub kpis: Vec<Kpi>,
    /// Both sides' ratings of the alignment statements; none when nothing was rated.
    pub alignment: Option<Alignment>,
    /// The side that reported nothing this period, which leaves balance undefined.
    pub unreported: Option<Side>,
    pub trend: Trend,
    #[serde(skip)]
    pub partner_index: usize,
}

impl Scorecard {
    /// The money totals of a pillar; ratings have none, so alignment is zero.
    pub fn totals(&self, p: Pillar) -> PerSide {
        match p {
            Pillar::Investment => self.investment,
            Pillar::Risk => self.risk,
            Pillar::Reward => self.reward,
            Pillar::Alignment => PerSide::default(),
        }
    }

    /// Investment + risk of each side: what fairness weighs the reward against.
    pub fn contribution(&self) -> PerSide {
        contribution(self.investment, self.risk)
    }

    /// Who would hand how much reward to whom for F = 1, read from
    /// `fair_shift`: only when both sides put something in (F is defined, or
    /// one side took all the reward), since otherwise no split is "fair".
    /// Less than a cent moves nothing.
    ///
    /// ```
    /// # use partner_scorecard::contract::Side;
    /// # use partner_scorecard::score::Shift;
    /// // fair_shift +48,200: the vendor gives 48,200 of the reward to the partner.
    /// assert_eq!(Shift::of(48_200.0), Some(Shift { from: Side::Vendor, to: Side::Partner, amount: 48_200.0 }));
    /// assert_eq!(Shift::of(-5.0).map(|s| s.from), Some(Side::Partner));
    /// assert_eq!(Shift::of(0.004), None);
    /// ```
    pub fn shift(&self) -> Option<Shift> {
        let both_put_in = self.fairness.is_some() || self.takes_all().is_some();
        self.fair_shift.filter(|_| both_put_in).and_then(Shift::of)
    }

    /// The side that took all the positive reward while both put something
    /// in: F is then 0 or infinite, so it is left undefined but banded red.
    pub fn takes_all(&self) -> Option<Side> {
        match (self.fairness, self.band) {
            (None, Some(Band::Red)) => self.balance.and_then(Balance::favours),
            _ => None,
        }
    }
}

/// Investment + risk of each side: the contribution that fairness weighs the reward against.
pub fn contribution(investment: PerSide, risk: PerSide) -> PerSide {
    PerSide {
        vendor: investment.vendor + risk.vendor,
        partner: investment.partner + risk.partner,
    }
}
