//! The "Next quarter" slide in the PowerPoint outline: the plan's figures
//! as a table, the engine's results as lines, its commitments and sign-off.

use super::outline::{band_text, side_name};
use super::slide::Subject;
use crate::contract::{Pillar, Side};
use crate::i18n::{fill, qbr::Qbr};
use crate::plan::Plan;
use crate::pptx::Block;
use crate::ui::format::Fmt;
use crate::ui::words;

/// The plan slide as text and tables: the same words and engine figures.
pub(super) fn plan_blocks(subject: &Subject, p: &Plan, fmt: &Fmt, q: &Qbr) -> Vec<Block> {
    let (m, w) = (fmt.m, q.plan);
    let f = p.figures(&subject.model.ds.thresholds);
    let figures = Pillar::MONEY
        .into_iter()
        .map(|pillar| {
            vec![
                words::pillar(m, pillar).to_string(),
                fmt.money(p.planned(Side::Vendor).get(pillar)),
                fmt.money(p.planned(Side::Partner).get(pillar)),
            ]
        })
        .collect();
    let shift = f.fair_shift.map_or(w.fair_shift_none.to_string(), |v| {
        super::plan::signed_money(fmt, v)
    });
    // Text lines rather than a second table, so the slide keeps room for the
    // commitments and the sign-off.
    let results = vec![
        fill(
            w.lead,
            &[
                ("period", &p.period.to_string()),
                ("based_on", &p.based_on.to_string()),
            ],
        ),
        format!(
            "{}: {} {} {} · {}: {shift}",
            m.fairness,
            fmt.ratio(f.fairness),
            band_text(fmt, f.band),
            f.balance.map(|b| words::balance(m, b)).unwrap_or_default(),
            w.fair_shift,
        ),
        format!(
            "{}: {} · {}: {}",
            w.contribution_share,
            fmt.percent(f.shares.contribution),
            w.reward_share,
            fmt.percent(f.shares.reward)
        ),
        format!(
            "{}: {} {} · {} {}",
            w.reward_rate,
            subject.vendor,
            fmt.ratio(f.reward_rate.vendor),
            m.partner,
            fmt.ratio(f.reward_rate.partner)
        ),
    ];
    let commitments: Vec<Vec<String>> = p
        .commitments
        .iter()
        .map(|c| {
            vec![
                c.text.clone(),
                side_name(subject, fmt, c.side),
                c.due.as_deref().map(|d| fmt.date(d)).unwrap_or_default(),
            ]
        })
        .collect();
    let signed = Side::ALL
        .into_iter()
        .map(|side| {
            let s = match side {
                Side::Vendor => &p.agreed.vendor,
                Side::Partner => &p.agreed.partner,
            };
            let state = s.as_ref().map_or(w.not_agreed.to_string(), |s| {
                fill(w.agreed_by, &[("name", &s.name)])
            });
            format!("{}: {state}", side_name(subject, fmt, side))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let mut blocks = vec![
        Block::Text(results),
        Block::Table {
            head: vec![w.figures.into(), subject.vendor.clone(), m.partner.into()],
            rows: figures,
        },
    ];
    if !commitments.is_empty() {
        blocks.push(Block::Table {
            head: vec![
                fill(w.commitments, &[("period", &p.period.to_string())]),
                w.owner_side.into(),
                w.due.into(),
            ],
            rows: commitments,
        });
    }
    blocks.push(Block::Text(vec![format!("{}: {signed}", w.sign_off)]));
    blocks
}
