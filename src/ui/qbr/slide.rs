//! The slides of a quarterly business review, and the frame each sits in.
//! Slides are laid out on a 1280 × 720 design grid that CSS scales to the
//! screen or the page (1 design unit = 1/16 em of the slide's font size), so
//! text, bars and charts keep their proportions from 1280×720 to 3840×2160.

use super::alignment::alignment_slide;
use super::lists::{commitments_slide, targets_slide};
use super::pillar::{balance_slide, pillar_slide};
use crate::contract::{Pillar, Quarter};
use crate::i18n::Messages;
use crate::i18n::{fill, qbr::Qbr};
use crate::score::{Band, Scorecard};
use crate::ui::format::Fmt;
use crate::ui::state::Model;
use crate::ui::words;
use leptos::prelude::*;
use std::sync::Arc;

/// What a deck shows: one partner in one period.
#[derive(Clone)]
pub struct Subject {
    pub model: Arc<Model>,
    pub index: usize,
    pub period: Quarter,
    pub vendor: String,
}

impl Subject {
    pub fn scorecard(&self) -> Option<&Scorecard> {
        self.model.book.get(self.index, self.period)
    }

    /// The same partner in another quarter, if it has a scorecard there.
    pub fn at(&self, period: Option<Quarter>) -> Option<&Scorecard> {
        period.and_then(|q| self.model.book.get(self.index, q))
    }

    pub fn name(&self) -> &str {
        self.model
            .ds
            .partners
            .get(self.index)
            .map_or("", |p| p.name.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Summary,
    Pillar(Pillar),
    Balance,
    Alignment,
    Targets,
    Commitments,
    Plan,
}

/// The deck, in the order a QBR walks through it.
pub const SLIDES: [Kind; 9] = [
    Kind::Summary,
    Kind::Pillar(Pillar::Investment),
    Kind::Pillar(Pillar::Risk),
    Kind::Pillar(Pillar::Reward),
    Kind::Balance,
    Kind::Alignment,
    Kind::Targets,
    Kind::Commitments,
    Kind::Plan,
];

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Summary => "summary",
            Kind::Pillar(p) => p.as_str(),
            Kind::Balance => "balance",
            Kind::Alignment => "alignment",
            Kind::Targets => "targets",
            Kind::Commitments => "commitments",
            Kind::Plan => "plan",
        }
    }

    pub fn title(self, m: &Messages, q: &Qbr) -> &'static str {
        match self {
            Kind::Summary => q.summary,
            Kind::Pillar(p) => words::pillar(m, p),
            Kind::Balance => m.balance,
            Kind::Alignment => m.alignment,
            Kind::Targets => m.targets,
            Kind::Commitments => m.commitments,
            Kind::Plan => q.plan.title,
        }
    }
}

/// Slide `n` (0-based) in its frame: context line, title, body, page number.
pub fn slide(subject: &Subject, fmt: &Fmt, q: &'static Qbr, n: usize) -> AnyView {
    let n = n.min(SLIDES.len() - 1);
    let kind = SLIDES[n];
    let title = kind.title(fmt.m, q);
    let total = SLIDES.len().to_string();
    let number = (n + 1).to_string();
    let label = fill(
        q.slide_of,
        &[("n", &number), ("total", &total), ("title", title)],
    );
    let context = format!(
        "{} · {} · {}",
        subject.name(),
        fill(fmt.m.with_vendor, &[("vendor", &subject.vendor)]),
        subject.period
    );
    let body = match subject.scorecard() {
        None => view! { <p class="ps-notice">{fill(fmt.m.no_records_for_period, &[("name", subject.name()), ("period", &subject.period.to_string())])}</p> }.into_any(),
        Some(s) => match kind {
            Kind::Summary => view! {
                {summary_slide(subject, s, fmt, q)}
                {super::pillar::health_chart(subject, fmt)}
            }
            .into_any(),
            Kind::Pillar(p) => pillar_slide(subject, s, p, fmt, q),
            Kind::Balance => balance_slide(subject, s, fmt, q),
            Kind::Alignment => alignment_slide(subject, s, fmt, q),
            Kind::Targets => targets_slide(subject, s, fmt),
            Kind::Commitments => commitments_slide(subject, fmt, q),
            Kind::Plan => super::plan::plan_slide(subject, fmt, q),
        },
    };
    view! {
        <section class=format!("ps-slide ps-slide-{}", kind.key()) data-testid="slide" data-slide=kind.key()
            aria-roledescription=q.slide aria-label=label>
            <header class="ps-slide-head">
                <p class="ps-slide-context" data-testid="slide-context">{context}</p>
                <h2 data-testid="slide-title">{title}</h2>
            </header>
            <div class="ps-slide-body">{body}</div>
            <footer class="ps-slide-foot" aria-hidden="true">{format!("{number} / {total}")}</footer>
        </section>
    }
    .into_any()
}

/// Health and fairness as the room's first look, then every pillar's change
/// against last quarter for both sides, the fair shift and the alignment score.
fn summary_slide(subject: &Subject, s: &Scorecard, fmt: &Fmt, q: &Qbr) -> AnyView {
    let m = fmt.m;
    let prev = s.trend.previous.as_ref();
    let band = band_badge(m, s.band);
    let sentence = fairness_sentence(s, fmt, &subject.vendor);
    let rows = Pillar::MONEY
        .into_iter()
        .map(|p| {
            let per_side = prev.map(|c| c.totals(p)).unwrap_or_default();
            let (v, pa) = (
                fmt.change(per_side.vendor, true),
                fmt.change(per_side.partner, true),
            );
            let share = fmt.change_points(prev.and_then(|c| c.shares.pillar(p)));
            view! {
                <tr>
                    <th scope="row">{words::pillar(m, p)}</th>
                    <td class="ps-num">{v}</td>
                    <td class="ps-num">{pa}</td>
                    <td class="ps-num">{share}</td>
                </tr>
            }
        })
        .collect_view();
    let shift = crate::ui::verdict::takes_all_sentence(s, fmt, &subject.vendor)
        .or_else(|| crate::ui::verdict::shift_sentence(s, fmt, &subject.vendor));
    let alignment = s.alignment.as_ref().and_then(|a| a.score);
    let compared = prev
        .and_then(|c| c.period)
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    view! {
        <div class="ps-summary-grid">
            <div class="ps-headline">
                <p class="ps-kpi-big">
                    <span class="ps-kpi-label">{m.health}</span>
                    <strong data-testid="slide-health">{fmt.score(s.health)}</strong>
                    <span class="ps-kpi-change">{fmt.change_score(prev.and_then(|c| c.health))}</span>
                </p>
                <p class="ps-kpi-big">
                    <span class="ps-kpi-label">{m.fairness}</span>
                    <strong data-testid="slide-fairness">{fmt.ratio(s.fairness)}</strong>
                    {band}
                    <span class="ps-kpi-change">{s.balance.map(|b| words::balance(m, b)).unwrap_or_default()}</span>
                </p>
                <p class="ps-slide-sentence" data-testid="slide-sentence">{sentence}</p>
            </div>
            <div class="ps-summary-side">
                <table class="ps-slide-table" data-testid="slide-changes">
                    <caption>{format!("{}{compared}", q.headline_changes)}</caption>
                    <thead><tr>
                        <th scope="col">{q.pillar}</th>
                        <th scope="col" class="ps-num">{subject.vendor.clone()}</th>
                        <th scope="col" class="ps-num">{m.partner}</th>
                        <th scope="col" class="ps-num">{m.partner_share}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {shift.map(|t| view! { <p class="ps-slide-sentence ps-slide-shift" data-testid="slide-summary-shift">{t}</p> })}
                <p class="ps-slide-sentence" data-testid="slide-summary-alignment">
                    {m.alignment}": "<strong>{fmt.score(alignment)}</strong>" "{fmt.v.out_of_100}" "
                    <span class="ps-kpi-change">{fmt.change_score(prev.and_then(|c| c.alignment.score))}</span>
                </p>
            </div>
        </div>
    }
    .into_any()
}

/// Whether the split is fair, in words; or why that cannot be said.
pub fn fairness_sentence(s: &Scorecard, fmt: &Fmt, vendor: &str) -> String {
    let m = fmt.m;
    crate::ui::balance::fairness_sentence(s, fmt, vendor)
        .or_else(|| {
            s.unreported.map(|side| {
                fill(
                    m.side_reported_nothing,
                    &[
                        ("side", words::side(m, side)),
                        ("period", &s.period.to_string()),
                    ],
                )
            })
        })
        .unwrap_or_default()
}

/// The fairness band as a badge: icon and word, never colour alone.
pub fn band_badge(m: &Messages, band: Option<Band>) -> Option<AnyView> {
    band.map(|b| {
        let (icon, word) = words::band(m, b);
        view! {
            <span class=format!("ps-band ps-band-{}", b.as_str())>
                <span aria-hidden="true">{icon}" "</span>{word}
            </span>
        }
        .into_any()
    })
}
