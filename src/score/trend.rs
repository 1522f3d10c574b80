//! Change of every figure against the previous quarter and a year before.

use super::{Figure, PerSideOpt, ScoreBook, Scorecard, Shares};
use crate::contract::{Pillar, Quarter};
use serde::{Deserialize, Serialize};

/// Current − earlier for every figure; `None` where either is undefined.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Changes {
    /// The earlier period compared against.
    pub period: Option<Quarter>,
    pub investment: PerSideOpt,
    pub risk: PerSideOpt,
    pub reward: PerSideOpt,
    pub shares: Shares,
    pub fairness: Option<f64>,
    pub reward_rate: PerSideOpt,
    pub fair_shift: Option<f64>,
    pub roi: PerSideOpt,
    pub health: Option<f64>,
    pub alignment: AlignmentChanges,
}

/// Change of the alignment score (points of 0–100) and of the gap (rating points).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct AlignmentChanges {
    pub score: Option<f64>,
    pub gap: Option<f64>,
}

impl Changes {
    pub fn between(now: &Scorecard, then: &Scorecard) -> Changes {
        let d = |f: Figure| match (f.get(now), f.get(then)) {
            (Some(a), Some(b)) => Some(a - b),
            _ => None,
        };
        let pair = |v: Figure, p: Figure| PerSideOpt {
            vendor: d(v),
            partner: d(p),
        };
        use Figure::*;
        Changes {
            period: Some(then.period),
            investment: pair(InvestmentVendor, InvestmentPartner),
            risk: pair(RiskVendor, RiskPartner),
            reward: pair(RewardVendor, RewardPartner),
            shares: Shares {
                investment: d(ShareInvestment),
                risk: d(ShareRisk),
                reward: d(ShareReward),
                contribution: d(Contribution),
            },
            fairness: d(Fairness),
            reward_rate: pair(RewardRateVendor, RewardRatePartner),
            fair_shift: d(FairShift),
            roi: pair(RoiVendor, RoiPartner),
            health: d(Health),
            alignment: AlignmentChanges {
                score: d(AlignmentScore),
                gap: d(AlignmentGap),
            },
        }
    }

    /// The change of each side's money total of a pillar; ratings have none.
    pub fn totals(&self, p: Pillar) -> PerSideOpt {
        match p {
            Pillar::Investment => self.investment,
            Pillar::Risk => self.risk,
            Pillar::Reward => self.reward,
            Pillar::Alignment => PerSideOpt::default(),
        }
    }

    /// The change of one figure, by name.
    pub fn get(&self, f: Figure) -> Option<f64> {
        match f {
            Figure::InvestmentVendor => self.investment.vendor,
            Figure::InvestmentPartner => self.investment.partner,
            Figure::RiskVendor => self.risk.vendor,
            Figure::RiskPartner => self.risk.partner,
            Figure::RewardVendor => self.reward.vendor,
            Figure::RewardPartner => self.reward.partner,
            Figure::ShareInvestment => self.shares.investment,
            Figure::ShareRisk => self.shares.risk,
            Figure::ShareReward => self.shares.reward,
            Figure::Contribution => self.shares.contribution,
            Figure::Fairness => self.fairness,
            Figure::RewardRateVendor => self.reward_rate.vendor,
            Figure::RewardRatePartner => self.reward_rate.partner,
            Figure::FairShift => self.fair_shift,
            Figure::RoiVendor => self.roi.vendor,
            Figure::RoiPartner => self.roi.partner,
            Figure::Health => self.health,
            Figure::AlignmentScore => self.alignment.score,
            Figure::AlignmentGap => self.alignment.gap,
        }
    }
}

/// Changes against the previous quarter and the same quarter a year before,
/// present only where the partner has a scorecard in that quarter.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Trend {
    pub previous: Option<Changes>,
    pub year_ago: Option<Changes>,
}

pub(super) fn fill(book: &mut ScoreBook) {
    let trends: Vec<Trend> = book
        .scorecards
        .iter()
        .map(|s| {
            let against = |q: Option<Quarter>| {
                q.and_then(|q| book.get(s.partner_index, q))
                    .map(|then| Changes::between(s, then))
            };
            Trend {
                previous: against(s.period.previous()),
                year_ago: against(s.period.year_before()),
            }
        })
        .collect();
    for (s, t) in book.scorecards.iter_mut().zip(trends) {
        s.trend = t;
    }
}
