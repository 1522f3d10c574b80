//! Domain words in the locale's language, with the icon that goes beside
//! colour so that no state is told by colour alone.

use crate::contract::{CommitmentStatus, Pillar, Side};
use crate::i18n::Messages;
use crate::score::{Balance, Band, KpiStatus};

pub fn side(m: &Messages, s: Side) -> &'static str {
    match s {
        Side::Vendor => m.vendor,
        Side::Partner => m.partner,
    }
}

pub fn pillar(m: &Messages, p: Pillar) -> &'static str {
    match p {
        Pillar::Investment => m.investment,
        Pillar::Risk => m.risk,
        Pillar::Reward => m.reward,
        Pillar::Alignment => m.alignment,
    }
}

/// (icon, word) of a fairness band.
pub fn band(m: &Messages, b: Band) -> (&'static str, &'static str) {
    match b {
        Band::Green => ("●", m.green),
        Band::Amber => ("▲", m.amber),
        Band::Red => ("◆", m.red),
    }
}

pub fn balance(m: &Messages, b: Balance) -> &'static str {
    match b {
        Balance::Balanced => m.balanced,
        Balance::PartnerFavoured => m.partner_favoured,
        Balance::VendorFavoured => m.vendor_favoured,
    }
}

/// (icon, word) of a KPI status.
pub fn status(m: &Messages, s: KpiStatus) -> (&'static str, &'static str) {
    match s {
        KpiStatus::Met => ("✔", m.met),
        KpiStatus::AtRisk => ("!", m.at_risk),
        KpiStatus::Missed => ("✖", m.missed),
    }
}

/// (icon, word) of a commitment status.
pub fn commitment(m: &Messages, s: CommitmentStatus) -> (&'static str, &'static str) {
    match s {
        CommitmentStatus::Done => ("✔", m.done),
        CommitmentStatus::Open => ("○", m.open),
        CommitmentStatus::Slipped => ("✖", m.slipped),
    }
}
