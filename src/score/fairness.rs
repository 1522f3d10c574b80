//! Whether the reward each side takes is in proportion to what it put in and carried.

use crate::contract::Thresholds;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    Green,
    Amber,
    Red,
}

impl Band {
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Green => "green",
            Band::Amber => "amber",
            Band::Red => "red",
        }
    }
}

/// Who the split favours, in words a partner manager uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Balance {
    Balanced,
    PartnerFavoured,
    VendorFavoured,
}

impl Balance {
    pub fn as_str(self) -> &'static str {
        match self {
            Balance::Balanced => "balanced",
            Balance::PartnerFavoured => "partner-favoured",
            Balance::VendorFavoured => "vendor-favoured",
        }
    }
}

/// Share of the partner in a pillar: undefined when neither side has anything in it.
pub fn share(vendor: f64, partner: f64) -> Option<f64> {
    let sum = vendor + partner;
    (sum != 0.0 && sum.is_finite()).then(|| partner / sum)
}

/// F = reward share ÷ contribution share; undefined if either is, or c = 0.
pub fn fairness(reward_share: Option<f64>, contribution: Option<f64>) -> Option<f64> {
    match (reward_share, contribution) {
        (Some(r), Some(c)) if c != 0.0 => Some(r / c).filter(|f| f.is_finite()),
        _ => None,
    }
}

/// Green and amber ranges are symmetric around 1 on a ratio scale: F and 1/F
/// fall in the same band.
pub fn band(f: f64, t: &Thresholds) -> Band {
    let within = |limit: f64| (1.0 / limit..=limit).contains(&f);
    if within(t.fairness_green) {
        Band::Green
    } else if within(t.fairness_amber) {
        Band::Amber
    } else {
        Band::Red
    }
}

pub fn balance(f: f64, band: Band) -> Balance {
    match band {
        Band::Green => Balance::Balanced,
        _ if f > 1.0 => Balance::PartnerFavoured,
        _ => Balance::VendorFavoured,
    }
}

/// (reward − investment) ÷ investment for one side; undefined without investment.
pub fn roi(investment: f64, reward: f64) -> Option<f64> {
    (investment != 0.0)
        .then(|| (reward - investment) / investment)
        .filter(|r| r.is_finite())
}
