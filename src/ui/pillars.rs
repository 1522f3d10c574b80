//! The three pillars side by side: each side's total on its own line with a
//! bar against the larger of the two, the partner's share, and the change
//! against last quarter and last year.

use super::format::Fmt;
use super::words;
use crate::contract::{Pillar, Side};
use crate::score::{Figure, Scorecard};
use leptos::prelude::*;

#[component]
pub fn PillarsView(s: Scorecard, fmt: Fmt, vendor: String) -> impl IntoView {
    let m = fmt.m;
    let cards = Pillar::MONEY
        .into_iter()
        .map(|p| {
            let t = s.totals(p);
            let largest = t.vendor.abs().max(t.partner.abs());
            // Each side's bar against the larger of the two totals.
            let width = |v: f64| if largest > 0.0 { format!("{:.1}%", 100.0 * v.abs() / largest) } else { "0".into() };
            let (fv, fp, fs) = figures(p);
            let change = |f: Figure, money: bool| {
                let prev = s.trend.previous.as_ref().and_then(|c| c.get(f));
                let year = s.trend.year_ago.as_ref().and_then(|c| c.get(f));
                if money {
                    (fmt.change(prev, true), fmt.change(year, true))
                } else {
                    (fmt.change_points(prev), fmt.change_points(year))
                }
            };
            let rows = [(Side::Vendor, vendor.clone(), t.vendor, fv), (Side::Partner, s.partner_name.clone(), t.partner, fp)]
                .into_iter()
                .map(|(side, name, total, figure)| {
                    let (q, y) = change(figure, true);
                    let class = format!("ps-side-row ps-{}", side.as_str());
                    let title = name.clone();
                    view! {
                        <div class=class>
                            <dt title=title>{name}</dt>
                            <dd class="ps-side-total" data-testid=format!("{}-total", side.as_str())>{fmt.money(total)}</dd>
                            <dd class="ps-track" aria-hidden="true"><span class="ps-fill" style:width=width(total)></span></dd>
                            <dd class="ps-changes">
                                <span title=m.vs_last_quarter>{q}</span>" "
                                <span class="ps-muted" title=m.vs_last_year>{y}</span>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            let (share_q, share_y) = change(fs, false);
            view! {
                <article class="ps-pillar" data-testid=format!("pillar-{}", p.as_str()) part="pillar">
                    <h3>{words::pillar(m, p)}</h3>
                    <dl class="ps-side-rows">{rows}</dl>
                    <p class="ps-share">
                        {m.partner_share}": "<strong data-testid="share">{fmt.percent(s.shares.pillar(p))}</strong>
                        " "<span data-testid="share-change" title=m.vs_last_quarter>{share_q}</span>
                        " "<span class="ps-muted" title=m.vs_last_year>{share_y}</span>
                    </p>
                    <p class="ps-legend-note">{format!("{}: ▲▼ {} · {}", m.trend, m.vs_last_quarter, m.vs_last_year)}</p>
                </article>
            }
        })
        .collect_view();
    view! { <div class="ps-pillars" part="pillars">{cards}</div> }
}

/// (vendor total, partner total, partner share) of a money pillar, by name.
fn figures(p: Pillar) -> (Figure, Figure, Figure) {
    match p {
        Pillar::Investment => (
            Figure::InvestmentVendor,
            Figure::InvestmentPartner,
            Figure::ShareInvestment,
        ),
        Pillar::Risk => (Figure::RiskVendor, Figure::RiskPartner, Figure::ShareRisk),
        // Ratings have no totals: the cards show money pillars only.
        Pillar::Reward | Pillar::Alignment => (
            Figure::RewardVendor,
            Figure::RewardPartner,
            Figure::ShareReward,
        ),
    }
}
