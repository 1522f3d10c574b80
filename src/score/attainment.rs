//! How far a figure got toward its target, and what that means.

use crate::contract::Better;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KpiStatus {
    Met,
    AtRisk,
    Missed,
}

impl KpiStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            KpiStatus::Met => "met",
            KpiStatus::AtRisk => "at-risk",
            KpiStatus::Missed => "missed",
        }
    }
}

/// The result of measuring one figure against its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attainment {
    /// `value/target` (higher is better) or `target/value` (lower is better);
    /// undefined where the ratio has no meaning (a zero target or zero value).
    pub ratio: Option<f64>,
    pub status: KpiStatus,
    /// 100 × min(attainment, 1): what health averages.
    pub score: f64,
}

/// Attainment of `value` against `target`, with `floor` as the red-flag line.
pub fn attainment(value: f64, target: f64, floor: Option<f64>, better: Better) -> Attainment {
    let ratio = match better {
        Better::Higher if target > 0.0 => Some(value / target),
        Better::Lower if value > 0.0 => Some(target / value),
        _ => None,
    }
    .filter(|r| r.is_finite());
    let met = match ratio {
        Some(r) => r >= 1.0,
        None => match better {
            // A zero or negative target is met by reaching it.
            Better::Higher => value >= target,
            // Nothing at all of a lower-is-better figure counts as met.
            Better::Lower => value <= target || value <= 0.0,
        },
    };
    let status = if met {
        KpiStatus::Met
    } else {
        let above_floor = match (floor, better) {
            (Some(f), Better::Higher) => value >= f,
            (Some(f), Better::Lower) => value <= f,
            (None, _) => ratio.is_some_and(|r| r >= 0.9),
        };
        if above_floor {
            KpiStatus::AtRisk
        } else {
            KpiStatus::Missed
        }
    };
    let score = match (met, ratio) {
        (true, _) => 100.0,
        (false, Some(r)) => 100.0 * r.clamp(0.0, 1.0),
        (false, None) => 0.0,
    };
    Attainment {
        ratio,
        status,
        score,
    }
}
