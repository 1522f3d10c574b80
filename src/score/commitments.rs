//! The promises each side made for a quarter, and last quarter's that are still open.

use super::sort::sort_by;
use crate::contract::{Commitment, CommitmentStatus, Dataset, Quarter};

/// Commitments of one partner, as a QBR reads them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommitmentView<'a> {
    /// Made for this period, vendor side first, then by due date.
    pub current: Vec<&'a Commitment>,
    /// Made for an earlier period and still `open`: they are overdue by now.
    pub carried_over: Vec<&'a Commitment>,
}

pub fn commitments<'a>(ds: &'a Dataset, partner: &str, period: Quarter) -> CommitmentView<'a> {
    let mine = ds.commitments.iter().filter(|c| c.partner == partner);
    let mut current: Vec<&Commitment> = mine.clone().filter(|c| c.period == period).collect();
    let mut carried_over: Vec<&Commitment> = mine
        .filter(|c| c.period < period && c.status == CommitmentStatus::Open)
        .collect();
    sort_by(&mut current, |a, b| {
        (a.side, &a.due, a.period).cmp(&(b.side, &b.due, b.period))
    });
    sort_by(&mut carried_over, |a, b| {
        (a.period, a.side, &a.due).cmp(&(b.period, b.side, &b.due))
    });
    CommitmentView {
        current,
        carried_over,
    }
}
