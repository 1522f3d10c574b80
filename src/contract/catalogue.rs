//! Built-in metrics, so that a minimal feed needs no `metrics` block.
//! A feed may relabel any of them or declare more (see `docs/data-contract.md`).

use super::record::{Better, Metric, Pillar, Unit};

use Better::{Higher, Lower};
use Pillar::{Investment, Reward, Risk};
use Unit::{Count, Currency, Percent, Ratio};

/// (key, label, pillar, unit, better, allow_negative)
type Entry = (&'static str, &'static str, Pillar, Unit, Better, bool);

const BUILT_IN: &[Entry] = &[
    // Investment: what each side puts in. Vendor-side measures first.
    (
        "mdf",
        "Market development funds",
        Investment,
        Currency,
        Higher,
        false,
    ),
    (
        "rebates_paid",
        "Rebates paid",
        Investment,
        Currency,
        Higher,
        false,
    ),
    (
        "enablement",
        "Enablement and training",
        Investment,
        Currency,
        Higher,
        false,
    ),
    (
        "channel_staff",
        "Channel staff cost",
        Investment,
        Currency,
        Higher,
        false,
    ),
    (
        "partner_marketing",
        "Partner marketing spend",
        Investment,
        Currency,
        Higher,
        false,
    ),
    (
        "certified_staff",
        "Certified staff",
        Investment,
        Count,
        Higher,
        false,
    ),
    (
        "presales",
        "Presales effort",
        Investment,
        Currency,
        Higher,
        false,
    ),
    (
        "practice_build",
        "Practice build-out",
        Investment,
        Currency,
        Higher,
        false,
    ),
    // Risk: what each side stands to lose.
    (
        "inventory_exposure",
        "Inventory exposure",
        Risk,
        Currency,
        Lower,
        false,
    ),
    (
        "receivables_exposure",
        "Receivables exposure",
        Risk,
        Currency,
        Lower,
        false,
    ),
    (
        "committed_spend",
        "Committed spend",
        Risk,
        Currency,
        Lower,
        false,
    ),
    (
        "deal_conflict_loss",
        "Deal-conflict loss",
        Risk,
        Currency,
        Lower,
        false,
    ),
    (
        "revenue_dependence",
        "Revenue dependence",
        Risk,
        Percent,
        Lower,
        false,
    ),
    (
        "pipeline_coverage",
        "Pipeline coverage",
        Risk,
        Ratio,
        Higher,
        false,
    ),
    // Reward: what each side takes out.
    (
        "partner_sourced_margin",
        "Partner-sourced margin",
        Reward,
        Currency,
        Higher,
        true,
    ),
    (
        "influenced_margin",
        "Influenced margin",
        Reward,
        Currency,
        Higher,
        true,
    ),
    (
        "resale_margin",
        "Resale margin",
        Reward,
        Currency,
        Higher,
        true,
    ),
    (
        "rebates_earned",
        "Rebates earned",
        Reward,
        Currency,
        Higher,
        false,
    ),
    (
        "services_revenue",
        "Services revenue",
        Reward,
        Currency,
        Higher,
        false,
    ),
    (
        "partner_sourced_revenue",
        "Partner-sourced revenue",
        Reward,
        Currency,
        Higher,
        false,
    ),
    (
        "deal_reg_win_rate",
        "Deal-registration win rate",
        Reward,
        Percent,
        Higher,
        false,
    ),
    // Percent (0–100) of customers satisfied, so it reads the same in every feed.
    (
        "csat",
        "Customer satisfaction",
        Reward,
        Percent,
        Higher,
        false,
    ),
];

/// Statements both sides rate from 1 to 5, for the alignment pillar: whether
/// they share a vision and values. The UI translates these labels.
pub const STATEMENTS: [(&str, &str); 6] = [
    ("shared_vision", "We share a vision for this partnership"),
    ("shared_values", "We share the same values"),
    ("information_sharing", "We share information openly"),
    ("joint_planning", "We plan together"),
    ("ease_of_business", "We are easy to do business with"),
    ("trust", "We trust each other"),
];

/// The scale of a rating metric that does not declare one.
pub const DEFAULT_SCALE: u32 = 5;

/// The built-in metrics in catalogue order, each with weight 1.
pub fn built_in() -> Vec<Metric> {
    let money = BUILT_IN.iter().map(
        |&(key, label, pillar, unit, better, allow_negative)| Metric {
            key: key.to_string(),
            label: label.to_string(),
            pillar,
            unit,
            better,
            weight: 1.0,
            allow_negative,
            scale: None,
        },
    );
    let statements = STATEMENTS.iter().map(|&(key, label)| Metric {
        key: key.to_string(),
        label: label.to_string(),
        pillar: Pillar::Alignment,
        unit: Unit::Rating,
        better: Higher,
        weight: 1.0,
        allow_negative: false,
        scale: Some(DEFAULT_SCALE),
    });
    money.chain(statements).collect()
}

/// Whether `label` is the catalogue's own label of `key`, which the UI may
/// show in the viewer's language; a feed's own label is shown as it is.
pub fn is_built_in_label(key: &str, label: &str) -> bool {
    BUILT_IN
        .iter()
        .map(|e| (e.0, e.1))
        .chain(STATEMENTS)
        .any(|(k, l)| k == key && l == label)
}
