//! The top of the scorecard, read in five seconds: who put in what and who
//! took what, whether that is fair (band, balance, F) and by how much (the
//! fair shift), the reward each side took per unit it put in, then health and
//! alignment. Every figure is the engine's; this only words and formats them.
//! It keeps the `balance` part of the section it replaced, so hosts' styles hold.

use super::balance::fairness_sentence;
use super::format::{Fmt, UNDEFINED};
use super::words;
use crate::contract::Side;
use crate::i18n::fill;
use crate::score::{PerSide, Scorecard};
use leptos::prelude::*;

#[component]
pub fn VerdictView(s: Scorecard, fmt: Fmt, vendor: String) -> impl IntoView {
    let (m, v) = (fmt.m, fmt.v);
    let (band_class, band_icon, band_word) = match s.band {
        Some(b) => {
            let (icon, word) = words::band(m, b);
            (format!("ps-band ps-band-{}", b.as_str()), icon, word)
        }
        None => ("ps-band".to_string(), "", UNDEFINED),
    };
    let prev = s.trend.previous.as_ref();
    let year = s.trend.year_ago.as_ref();
    let shift = shift_sentence(&s, &fmt, &vendor);
    let balanced_exactly = (shift.is_none() && s.fairness.is_some()).then_some(v.no_shift);
    let takes_all = takes_all_sentence(&s, &fmt, &vendor);
    let rates = (s.reward_rate.vendor.is_some() || s.reward_rate.partner.is_some()).then(|| {
        fill(
            v.rates,
            &[
                ("one", &fmt.money(1.0)),
                ("vendor", &vendor),
                ("vendor_rate", &fmt.rate(s.reward_rate.vendor)),
                ("partner", &s.partner_name),
                ("partner_rate", &fmt.rate(s.reward_rate.partner)),
            ],
        )
    });
    let why = s.unreported.map(|side| {
        fill(
            m.side_reported_nothing,
            &[
                ("side", words::side(m, side)),
                ("period", &s.period.to_string()),
            ],
        )
    });
    let sentence = fairness_sentence(&s, &fmt, &vendor);
    let contribution = s.contribution();
    // Both columns on one scale, so a side that took out more than it put in shows it.
    let largest = [
        contribution.vendor,
        contribution.partner,
        s.reward.vendor,
        s.reward.partner,
    ]
    .into_iter()
    .map(f64::abs)
    .fold(0.0, f64::max);
    let ledger = |title: &'static str,
                  hint: &'static str,
                  totals: PerSide,
                  testid: &'static str| {
        let rows = [Side::Vendor, Side::Partner]
            .into_iter()
            .map(|side| {
                let total = totals.get(side);
                let width = if largest > 0.0 {
                    format!("{:.1}%", 100.0 * total.abs() / largest)
                } else {
                    "0".into()
                };
                view! {
                    <div class=format!("ps-ledger-row ps-{}", side.as_str())>
                        <span class="ps-ledger-name">{side_name(&s, &vendor, side)}</span>
                        <strong class="ps-ledger-total" data-testid=format!("{testid}-{}", side.as_str())>{fmt.money(total)}</strong>
                        <span class="ps-track" aria-hidden="true"><span class="ps-fill" style:width=width></span></span>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class="ps-ledger-col" data-testid=testid>
                <h4>{title}" "<span class="ps-muted">{format!("({hint})")}</span></h4>
                {rows}
            </div>
        }
    };
    let put_in = ledger(v.put_in, v.put_in_hint, contribution, "put-in");
    let took_out = ledger(v.took_out, v.took_out_hint, s.reward, "took-out");
    let alignment = s.alignment.as_ref();
    let alignment_score = alignment.and_then(|a| a.score);
    let alignment_gap = alignment.and_then(|a| a.gap);
    view! {
        <section class="ps-verdict" data-testid="verdict" part="verdict balance" aria-labelledby="ps-verdict-h">
            <h3 id="ps-verdict-h">{v.heading}</h3>
            <div class="ps-verdict-grid">
                <div class="ps-verdict-main">
                    <p class="ps-verdict-line">
                        <span class=format!("{band_class} ps-band-big") data-testid="band">
                            <span aria-hidden="true">{band_icon}" "</span>{band_word}
                        </span>" "
                        <strong class="ps-balance-word" data-testid="balance-word">
                            {s.balance.map(|b| words::balance(m, b)).unwrap_or(UNDEFINED)}
                        </strong>" "
                        <span class="ps-f">
                            {m.fairness}" "<strong data-testid="fairness">{fmt.ratio(s.fairness)}</strong>" "
                            <span class="ps-muted" data-testid="fairness-change">
                                {fmt.change(prev.and_then(|c| c.fairness), false)}" "{m.vs_last_quarter}
                            </span>
                        </span>
                    </p>
                    {takes_all.map(|t| view! { <p class="ps-verdict-shift" data-testid="takes-all">{t}</p> })}
                    {shift.map(|t| view! { <p class="ps-verdict-shift" data-testid="fair-shift">{t}</p> })}
                    {balanced_exactly.map(|t| view! { <p class="ps-verdict-shift" data-testid="fair-shift">{t}</p> })}
                    {rates.map(|t| view! { <p class="ps-rates" data-testid="reward-rates">{t}</p> })}
                    {sentence.map(|t| view! { <p class="ps-sentence ps-muted" data-testid="fairness-sentence">{t}</p> })}
                    {why.map(|w| view! { <p class="ps-why" data-testid="why-undefined">{w}</p> })}
                </div>
                <div class="ps-ledger">{put_in}{took_out}</div>
                <div class="ps-tiles">
                    <div class="ps-tile" data-testid="verdict-health-tile">
                        <span class="ps-tile-label">{m.health}</span>
                        <span><strong class="ps-tile-value" data-testid="verdict-health">{fmt.score(s.health)}</strong>
                            " "<span class="ps-muted">{v.out_of_100}</span></span>
                        <span class="ps-tile-change">
                            <span data-testid="verdict-health-change">{fmt.change_score(prev.and_then(|c| c.health))}</span>
                            " "<span class="ps-muted">{m.vs_last_quarter}</span>
                        </span>
                        <span class="ps-tile-change">
                            <span>{fmt.change_score(year.and_then(|c| c.health))}</span>
                            " "<span class="ps-muted">{m.vs_last_year}</span>
                        </span>
                    </div>
                    <div class="ps-tile" data-testid="verdict-alignment-tile">
                        <span class="ps-tile-label">{m.alignment}</span>
                        <span><strong class="ps-tile-value" data-testid="verdict-alignment">{fmt.score(alignment_score)}</strong>
                            " "<span class="ps-muted">{v.out_of_100}</span></span>
                        <span class="ps-tile-change">
                            <span>{fmt.change_score(prev.and_then(|c| c.alignment.score))}</span>
                            " "<span class="ps-muted">{m.vs_last_quarter}</span>
                        </span>
                        <span class="ps-tile-change">
                            <span>{fmt.change_score(year.and_then(|c| c.alignment.score))}</span>
                            " "<span class="ps-muted">{m.vs_last_year}</span>
                        </span>
                        <span class="ps-muted">{v.gap}": "
                            <span data-testid="verdict-alignment-gap">{fill(v.gap_value, &[("gap", &fmt.rating(alignment_gap))])}</span>
                        </span>
                    </div>
                </div>
            </div>
            <p class="ps-roi ps-muted">
                {m.roi}" — "{vendor.clone()}": "<span data-testid="roi-vendor">{fmt.percent(s.roi.vendor)}</span>
                " · "{s.partner_name.clone()}": "<span data-testid="roi-partner">{fmt.percent(s.roi.partner)}</span>
            </p>
        </section>
    }
}

fn side_name(s: &Scorecard, vendor: &str, side: Side) -> String {
    match side {
        Side::Vendor => vendor.to_string(),
        Side::Partner => s.partner_name.clone(),
    }
}

/// "To balance, $48,200 of this quarter's reward would go from A to B."
pub fn shift_sentence(s: &Scorecard, fmt: &Fmt, vendor: &str) -> Option<String> {
    s.shift().map(|sh| {
        fill(
            fmt.v.fair_shift,
            &[
                // Whole money: a negotiation moves dollars, not cents.
                ("amount", &fmt.money(sh.amount.round())),
                ("from", &side_name(s, vendor, sh.from)),
                ("to", &side_name(s, vendor, sh.to)),
            ],
        )
    })
}

/// "A takes all the reward while both sides put something in …", when it does.
pub fn takes_all_sentence(s: &Scorecard, fmt: &Fmt, vendor: &str) -> Option<String> {
    s.takes_all()
        .map(|side| fill(fmt.v.takes_all, &[("side", &side_name(s, vendor, side))]))
}
