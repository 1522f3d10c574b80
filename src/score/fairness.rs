//! Whether each side takes out in proportion to what it puts in and carries:
//! Adams' equity ratio of the partner's reward rate to the vendor's.

use super::{PerSide, PerSideOpt};
use crate::contract::{Side, Thresholds};
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

    /// The side a split favours; none when it is balanced.
    pub fn favours(self) -> Option<Side> {
        match self {
            Balance::Balanced => None,
            Balance::PartnerFavoured => Some(Side::Partner),
            Balance::VendorFavoured => Some(Side::Vendor),
        }
    }

    fn towards(side: Side) -> Balance {
        match side {
            Side::Vendor => Balance::VendorFavoured,
            Side::Partner => Balance::PartnerFavoured,
        }
    }
}

/// Every figure of fairness for one split of contribution and reward. The
/// scorecard, the portfolio and a plan for next quarter all read it from
/// [`Fairness::of`], so a figure on a slide is the one in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Fairness {
    /// F = (R_partner / C_partner) ÷ (R_vendor / C_vendor).
    pub ratio: Option<f64>,
    pub band: Option<Band>,
    pub balance: Option<Balance>,
    /// R ÷ C of each side: what it took out for each unit it put in.
    pub reward_rate: PerSideOpt,
    /// Reward that would move to the partner (negative: to the vendor) for F = 1.
    pub fair_shift: Option<f64>,
    /// The side that took all the positive reward while both put something in.
    pub takes_all: Option<Side>,
}

impl Fairness {
    /// `contribution` is investment + risk of each side, `reward` what each took.
    ///
    /// ```
    /// # use partner_scorecard::score::{PerSide, Fairness, Band};
    /// # use partner_scorecard::contract::Thresholds;
    /// let c = PerSide { vendor: 100.0, partner: 50.0 };
    /// let r = PerSide { vendor: 200.0, partner: 50.0 };
    /// let f = Fairness::of(c, r, &Thresholds::default());
    /// // partner takes 1.0 a unit, vendor 2.0: F = 0.5, red.
    /// assert_eq!(f.ratio, Some(0.5));
    /// assert_eq!(f.band, Some(Band::Red));
    /// // a third of the contribution, so a third of 250 is fair: 83.33 − 50.
    /// assert!((f.fair_shift.unwrap() - (250.0 / 3.0 - 50.0)).abs() < 1e-9);
    /// ```
    pub fn of(contribution: PerSide, reward: PerSide, t: &Thresholds) -> Fairness {
        let rate = |side: Side| {
            let c = contribution.get(side);
            (c > 0.0)
                .then(|| reward.get(side) / c)
                .filter(|r| r.is_finite())
        };
        let reward_rate = PerSideOpt {
            vendor: rate(Side::Vendor),
            partner: rate(Side::Partner),
        };
        let total = reward.vendor + reward.partner;
        let fair_shift = share(contribution.vendor, contribution.partner)
            .filter(|_| total > 0.0 && total.is_finite())
            .map(|c| total * c - reward.partner);
        let mut out = Fairness {
            reward_rate,
            fair_shift,
            ..Fairness::default()
        };
        // Either side putting in nothing leaves "per unit put in" without meaning.
        if !(contribution.vendor > 0.0 && contribution.partner > 0.0) {
            return out;
        }
        match (reward.vendor > 0.0, reward.partner > 0.0) {
            (true, true) => {
                let f = reward_rate
                    .partner
                    .zip(reward_rate.vendor)
                    .map(|(p, v)| p / v)
                    .filter(|f| f.is_finite() && *f > 0.0);
                if let Some(f) = f {
                    let b = band(f, t);
                    out.ratio = Some(f);
                    out.band = Some(b);
                    out.balance = Some(balance(f, b));
                }
            }
            (true, false) | (false, true) => {
                // F would be 0 or infinite: no ratio to show, but the verdict is clear.
                let side = if reward.partner > 0.0 {
                    Side::Partner
                } else {
                    Side::Vendor
                };
                out.band = Some(Band::Red);
                out.balance = Some(Balance::towards(side));
                out.takes_all = Some(side);
            }
            (false, false) => {}
        }
        out
    }
}

/// Share of the partner in a pillar: undefined when neither side has anything in it.
pub fn share(vendor: f64, partner: f64) -> Option<f64> {
    let sum = vendor + partner;
    (sum != 0.0 && sum.is_finite()).then(|| partner / sum)
}

/// Green and amber ranges are symmetric around 1 on a ratio scale: F and 1/F
/// fall in the same band, as they must now that swapping the sides gives 1/F.
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
