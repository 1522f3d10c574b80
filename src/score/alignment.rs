//! Whether both sides see the relationship alike: each rates the same
//! statements (shared vision, values, trust, …) and the engine compares them.
//! Ratings never enter the money totals, fairness or health.

use crate::contract::catalogue::DEFAULT_SCALE;
use crate::contract::{Dataset, Side};
use serde::{Deserialize, Serialize};

/// How both sides rated one statement in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub metric: String,
    pub label: String,
    /// The top of the rating scale (ratings run from 1).
    pub scale: u32,
    pub vendor: Option<f64>,
    pub partner: Option<f64>,
    /// partner − vendor, when both rated it.
    pub gap: Option<f64>,
    /// The sides are at least half the scale apart.
    pub differs: bool,
}

impl Statement {
    pub fn rating(&self, side: Side) -> Option<f64> {
        match side {
            Side::Vendor => self.vendor,
            Side::Partner => self.partner,
        }
    }
}

/// The alignment figures of one scorecard; absent when nothing was rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Statements in the order of the feed's metrics (built-in ones first).
    pub statements: Vec<Statement>,
    /// 0–100: the mean over rated statements of each one's mean rating on its scale.
    pub score: Option<f64>,
    /// Mean |partner − vendor| over statements both sides rated, in rating points.
    pub gap: Option<f64>,
}

/// Collects ratings as the scorecard's records are read, one metric at a time.
#[derive(Debug, Default)]
pub(super) struct Ratings {
    rated: Vec<(u32, Side, f64)>,
}

impl Ratings {
    pub fn add(&mut self, metric: u32, side: Side, value: f64) {
        self.rated.push((metric, side, value));
    }

    pub fn finish(mut self, ds: &Dataset) -> Option<Alignment> {
        if self.rated.is_empty() {
            return None;
        }
        // Records arrive sorted by side first: regroup by metric, in feed order
        // (the crate's one stable sort: no second copy of core's in the wasm).
        super::sort::sort_by(&mut self.rated, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut statements: Vec<Statement> = Vec::new();
        let mut last = None;
        for (m, side, value) in self.rated {
            if last != Some(m) {
                last = Some(m);
                let metric = ds.metric(m);
                statements.push(Statement {
                    metric: metric.key.clone(),
                    label: metric.label.clone(),
                    scale: metric.scale.unwrap_or(DEFAULT_SCALE),
                    vendor: None,
                    partner: None,
                    gap: None,
                    differs: false,
                });
            }
            if let Some(s) = statements.last_mut() {
                match side {
                    Side::Vendor => s.vendor = Some(value),
                    Side::Partner => s.partner = Some(value),
                }
            }
        }
        for s in &mut statements {
            s.gap = s.partner.zip(s.vendor).map(|(p, v)| p - v);
            s.differs = s
                .gap
                .is_some_and(|g| g.abs() >= f64::from(s.scale - 1) / 2.0);
        }
        let score = mean(statements.iter().map(|s| {
            let given = mean([s.vendor, s.partner].into_iter().flatten());
            given.map(|r| 100.0 * (r - 1.0) / f64::from(s.scale - 1))
        }));
        let gap = mean(statements.iter().map(|s| s.gap.map(f64::abs)));
        Some(Alignment {
            statements,
            score,
            gap,
        })
    }
}

/// Mean of the defined values; none when there are none.
fn mean(values: impl IntoIterator<Item = impl Into<Option<f64>>>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .filter_map(Into::into)
        .fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0)
        .then(|| sum / f64::from(n))
        .filter(|m| m.is_finite())
}
