//! All partners of one period side by side, sortable by any figure.

use super::{ScoreBook, Scorecard};
use crate::contract::{Dataset, Quarter};
use std::cmp::Ordering;

/// Every number a scorecard has, by name: for sorting, trends and tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    InvestmentVendor,
    InvestmentPartner,
    RiskVendor,
    RiskPartner,
    RewardVendor,
    RewardPartner,
    ShareInvestment,
    ShareRisk,
    ShareReward,
    Contribution,
    Fairness,
    RewardRateVendor,
    RewardRatePartner,
    FairShift,
    RoiVendor,
    RoiPartner,
    Health,
    AlignmentScore,
    AlignmentGap,
}

impl Figure {
    pub const ALL: [Figure; 19] = [
        Figure::InvestmentVendor,
        Figure::InvestmentPartner,
        Figure::RiskVendor,
        Figure::RiskPartner,
        Figure::RewardVendor,
        Figure::RewardPartner,
        Figure::ShareInvestment,
        Figure::ShareRisk,
        Figure::ShareReward,
        Figure::Contribution,
        Figure::Fairness,
        Figure::RewardRateVendor,
        Figure::RewardRatePartner,
        Figure::FairShift,
        Figure::RoiVendor,
        Figure::RoiPartner,
        Figure::Health,
        Figure::AlignmentScore,
        Figure::AlignmentGap,
    ];

    /// The dotted name used in the CLI and the JSON output, e.g. `investment.vendor`.
    pub fn key(self) -> &'static str {
        match self {
            Figure::InvestmentVendor => "investment.vendor",
            Figure::InvestmentPartner => "investment.partner",
            Figure::RiskVendor => "risk.vendor",
            Figure::RiskPartner => "risk.partner",
            Figure::RewardVendor => "reward.vendor",
            Figure::RewardPartner => "reward.partner",
            Figure::ShareInvestment => "shares.investment",
            Figure::ShareRisk => "shares.risk",
            Figure::ShareReward => "shares.reward",
            Figure::Contribution => "shares.contribution",
            Figure::Fairness => "fairness",
            Figure::RewardRateVendor => "reward_rate.vendor",
            Figure::RewardRatePartner => "reward_rate.partner",
            Figure::FairShift => "fair_shift",
            Figure::RoiVendor => "roi.vendor",
            Figure::RoiPartner => "roi.partner",
            Figure::Health => "health",
            Figure::AlignmentScore => "alignment.score",
            Figure::AlignmentGap => "alignment.gap",
        }
    }

    pub fn from_key(key: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn get(self, s: &Scorecard) -> Option<f64> {
        match self {
            Figure::InvestmentVendor => Some(s.investment.vendor),
            Figure::InvestmentPartner => Some(s.investment.partner),
            Figure::RiskVendor => Some(s.risk.vendor),
            Figure::RiskPartner => Some(s.risk.partner),
            Figure::RewardVendor => Some(s.reward.vendor),
            Figure::RewardPartner => Some(s.reward.partner),
            Figure::ShareInvestment => s.shares.investment,
            Figure::ShareRisk => s.shares.risk,
            Figure::ShareReward => s.shares.reward,
            Figure::Contribution => s.shares.contribution,
            Figure::Fairness => s.fairness,
            Figure::RewardRateVendor => s.reward_rate.vendor,
            Figure::RewardRatePartner => s.reward_rate.partner,
            Figure::FairShift => s.fair_shift,
            Figure::RoiVendor => s.roi.vendor,
            Figure::RoiPartner => s.roi.partner,
            Figure::Health => s.health,
            Figure::AlignmentScore => s.alignment.as_ref().and_then(|a| a.score),
            Figure::AlignmentGap => s.alignment.as_ref().and_then(|a| a.gap),
        }
    }
}

/// A column the portfolio can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Tier,
    Region,
    Type,
    Figure(Figure),
}

/// Every partner's scorecard in one period.
#[derive(Debug, Clone)]
pub struct Portfolio<'a> {
    pub period: Quarter,
    pub rows: Vec<&'a Scorecard>,
}

impl<'a> Portfolio<'a> {
    pub fn new(book: &'a ScoreBook, period: Quarter) -> Portfolio<'a> {
        let rows = book
            .scorecards
            .iter()
            .filter(|s| s.period == period)
            .collect();
        Portfolio { period, rows }
    }

    /// The rows that pass `filter`, in their current order.
    pub fn filtered(&self, ds: &Dataset, filter: &Filter) -> Portfolio<'a> {
        let needle = filter.text.trim().to_lowercase();
        let rows = self
            .rows
            .iter()
            .copied()
            .filter(|s| {
                let p = &ds.partners[s.partner_index];
                let is = |want: &Option<String>, have: &Option<String>| {
                    want.as_ref().is_none_or(|w| have.as_ref() == Some(w))
                };
                is(&filter.tier, &p.tier)
                    && is(&filter.region, &p.region)
                    && is(&filter.kind, &p.kind)
                    && (needle.is_empty()
                        || p.name.to_lowercase().contains(&needle)
                        || p.id.to_lowercase().contains(&needle))
            })
            .collect();
        Portfolio {
            period: self.period,
            rows,
        }
    }

    /// Sorts in place; undefined figures and missing details go last either way,
    /// ties keep partner order so a sort is stable across clicks.
    pub fn sort(&mut self, ds: &Dataset, column: Column, descending: bool) {
        let text = |s: &Scorecard| -> Option<String> {
            let p = &ds.partners[s.partner_index];
            match column {
                Column::Name => Some(p.name.to_lowercase()),
                Column::Tier => p.tier.as_ref().map(|t| t.to_lowercase()),
                Column::Region => p.region.as_ref().map(|t| t.to_lowercase()),
                Column::Type => p.kind.as_ref().map(|t| t.to_lowercase()),
                Column::Figure(_) => None,
            }
        };
        let by = |a: Option<Ordering>| match a {
            Some(o) if descending => o.reverse(),
            Some(o) => o,
            None => Ordering::Equal,
        };
        // Each row's key once, not twice per comparison: 5,000 rows make
        // 120,000 comparisons, which decide how soon a click on a header repaints.
        let order = match column {
            Column::Figure(f) => {
                let keys: Vec<Option<f64>> = self.rows.iter().map(|s| f.get(s)).collect();
                super::sort::order(keys.len(), &mut |a, b| {
                    undefined_last(keys[a], keys[b], |x, y| by(Some(x.total_cmp(y))))
                })
            }
            _ => {
                let keys: Vec<Option<String>> = self.rows.iter().map(|s| text(s)).collect();
                super::sort::order(keys.len(), &mut |a, b| {
                    undefined_last(keys[a].as_ref(), keys[b].as_ref(), |x, y| {
                        by(Some(x.cmp(y)))
                    })
                })
            }
        };
        self.rows = order.into_iter().map(|i| self.rows[i as usize]).collect();
    }
}

fn undefined_last<T>(a: Option<T>, b: Option<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => cmp(&x, &y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// What the portfolio table is narrowed to; `None` and "" mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub tier: Option<String>,
    pub region: Option<String>,
    pub kind: Option<String>,
    /// Matched case-insensitively against partner name and id.
    pub text: String,
}

/// The distinct tiers, regions and types in the data, sorted, for filter menus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub tiers: Vec<String>,
    pub regions: Vec<String>,
    pub kinds: Vec<String>,
}

impl Facets {
    pub fn of(ds: &Dataset) -> Facets {
        let collect = |get: &dyn Fn(&crate::contract::Partner) -> Option<String>| {
            let mut v: Vec<String> = ds.partners.iter().filter_map(get).collect();
            super::sort::sort_by(&mut v, String::cmp);
            v.dedup();
            v
        };
        Facets {
            tiers: collect(&|p| p.tier.clone()),
            regions: collect(&|p| p.region.clone()),
            kinds: collect(&|p| p.kind.clone()),
        }
    }
}
