//! Builds every scorecard of a dataset in one pass over its records.

use super::alignment::Ratings;
use super::{attainment, fairness, trend, Fairness, Kpi, PerSide, PerSideOpt, Scorecard, Shares};
use crate::contract::{Dataset, Quarter, Record, Side, Unit};
use rustc_hash::FxHashMap;

/// Every (partner, period) scorecard of a dataset, with trends filled in.
#[derive(Debug, Clone, Default)]
pub struct ScoreBook {
    /// Sorted by partner (dataset order), then period.
    pub scorecards: Vec<Scorecard>,
    /// Every period with a record, oldest first.
    pub periods: Vec<Quarter>,
    index: FxHashMap<(usize, Quarter), usize>,
}

impl ScoreBook {
    pub fn new(ds: &Dataset) -> ScoreBook {
        // Grouped by partner, then period; within a scorecard by side, then metric.
        let r = |i: usize| &ds.records[i];
        let order = super::sort::order_by_keys(
            ds.records.len(),
            &[
                (&|i| r(i).partner as usize, ds.partners.len()),
                (&|i| r(i).period.ordinal(), Quarter::COUNT),
                (&|i| r(i).side.index(), 2),
                (&|i| r(i).metric as usize, ds.metrics.len()),
            ],
        );
        let mut scorecards = Vec::new();
        let mut start = 0;
        while start < order.len() {
            let first = &ds.records[order[start] as usize];
            let mut end = start;
            while end < order.len() {
                let r = &ds.records[order[end] as usize];
                if r.partner != first.partner || r.period != first.period {
                    break;
                }
                end += 1;
            }
            let group = order[start..end].iter().map(|&i| &ds.records[i as usize]);
            scorecards.push(build(ds, first.partner as usize, first.period, group));
            start = end;
        }
        let index = scorecards
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.partner_index, s.period), i))
            .collect();
        let mut book = ScoreBook {
            scorecards,
            periods: ds.periods(),
            index,
        };
        trend::fill(&mut book);
        book
    }

    /// A book of scorecards built elsewhere (the widget's worker), in the order
    /// `new` builds them: rebuilds the lookup index.
    pub fn from_scored(scorecards: Vec<Scorecard>, periods: Vec<Quarter>) -> ScoreBook {
        let mut book = ScoreBook {
            scorecards: Vec::with_capacity(scorecards.len()),
            periods,
            index: FxHashMap::with_capacity_and_hasher(scorecards.len(), Default::default()),
        };
        book.extend(scorecards);
        book
    }

    /// Room for `additional` more scorecards, in the list and in the index.
    pub fn reserve(&mut self, additional: usize) {
        self.scorecards.reserve(additional);
        self.index.reserve(additional);
    }

    /// Adds scorecards built elsewhere, indexing them as they come: the page
    /// decodes the worker's answer a batch per task, and indexing 40,000
    /// scorecards at the end would be one long task of its own.
    pub fn extend(&mut self, scorecards: impl IntoIterator<Item = Scorecard>) {
        for s in scorecards {
            self.index
                .insert((s.partner_index, s.period), self.scorecards.len());
            self.scorecards.push(s);
        }
    }

    pub fn get(&self, partner_index: usize, period: Quarter) -> Option<&Scorecard> {
        self.index
            .get(&(partner_index, period))
            .map(|&i| &self.scorecards[i])
    }

    /// Every scorecard of one partner, oldest first.
    pub fn history(&self, partner_index: usize) -> impl Iterator<Item = &Scorecard> {
        self.periods
            .iter()
            .filter_map(move |&q| self.get(partner_index, q))
    }

    /// The newest period in the data.
    pub fn latest(&self) -> Option<Quarter> {
        self.periods.last().copied()
    }
}

fn build<'a>(
    ds: &Dataset,
    partner_index: usize,
    period: Quarter,
    records: impl Iterator<Item = &'a Record>,
) -> Scorecard {
    let mut totals = [PerSide::default(); 3];
    let mut reported = [false; 2];
    let mut kpis = Vec::new();
    let mut ratings = Ratings::default();
    for r in records {
        let m = ds.metric(r.metric);
        if m.unit == Unit::Rating {
            // A side that only rated statements has still not reported its money.
            ratings.add(r.metric, r.side, r.value);
            continue;
        }
        reported[r.side.index()] = true;
        if m.unit == Unit::Currency {
            let t = &mut totals[m.pillar.index()];
            match r.side {
                Side::Vendor => t.vendor += r.value,
                Side::Partner => t.partner += r.value,
            }
        }
        if let Some(target) = r.target {
            let a = attainment::attainment(r.value, target, r.floor, m.better);
            kpis.push(Kpi {
                metric: m.key.clone(),
                label: m.label.clone(),
                side: r.side,
                value: r.value,
                target,
                floor: r.floor,
                attainment: a.ratio,
                status: a.status,
                score: a.score,
                weight: m.weight,
            });
        }
    }
    let [investment, risk, reward] = totals;
    let unreported = Side::ALL.into_iter().find(|s| !reported[s.index()]);
    // A one-sided report says nothing about balance: leave it undefined.
    let shares = if unreported.is_some() {
        Shares::default()
    } else {
        Shares::of(investment, risk, reward)
    };
    let contribution = super::contribution(investment, risk);
    let mut fair = Fairness::of(contribution, reward, &ds.thresholds);
    if unreported.is_some() {
        fair = Fairness {
            reward_rate: fair.reward_rate,
            ..Fairness::default()
        };
    }
    let weight: f64 = kpis.iter().map(|k| k.weight).sum();
    let health = (weight > 0.0)
        .then(|| kpis.iter().map(|k| k.score * k.weight).sum::<f64>() / weight)
        .filter(|h| h.is_finite());
    let partner = &ds.partners[partner_index];
    Scorecard {
        partner: partner.id.clone(),
        partner_name: partner.name.clone(),
        period,
        investment,
        risk,
        reward,
        shares,
        fairness: fair.ratio,
        band: fair.band,
        balance: fair.balance,
        reward_rate: fair.reward_rate,
        fair_shift: fair.fair_shift,
        roi: PerSideOpt {
            vendor: fairness::roi(investment.vendor, reward.vendor),
            partner: fairness::roi(investment.partner, reward.partner),
        },
        health,
        kpis,
        alignment: ratings.finish(ds),
        unreported,
        trend: Default::default(),
        partner_index,
    }
}
