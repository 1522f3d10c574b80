//! Every partner of a period in one table; picking one opens its scorecard.

use super::format::UNDEFINED;
use super::state::{Model, State};
use crate::score::Portfolio;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

#[component]
pub fn PortfolioView(state: State, model: Arc<Model>) -> impl IntoView {
    let fmt = super::fmt_for(state, &model);
    let period = match state.period(&model) {
        Ok(Some(q)) => q,
        Ok(None) => return view! { <div class="ps-notice" data-testid="notice">"The data has no periods yet."</div> }.into_any(),
        Err(e) => return view! { <div class="ps-notice" data-testid="notice">{format!("The period attribute is not usable: {e}.")}</div> }.into_any(),
    };
    if !model.book.periods.contains(&period) {
        let first = model
            .book
            .periods
            .first()
            .map(|q| q.to_string())
            .unwrap_or_default();
        let last = model
            .book
            .latest()
            .map(|q| q.to_string())
            .unwrap_or_default();
        return view! { <div class="ps-notice" data-testid="notice">{format!("There is no data for {period}; the data covers {first} to {last}.")}</div> }.into_any();
    }
    let portfolio = Portfolio::new(&model.book, period);
    let rows = portfolio
        .rows
        .iter()
        .map(|s| {
            let p = &model.ds.partners[s.partner_index];
            let id = p.id.clone();
            let row_id = p.id.clone();
            let band = s.band.map(|b| b.as_str()).unwrap_or(UNDEFINED);
            view! {
                <tr data-testid="portfolio-row" data-partner=row_id>
                    <th scope="row">
                        <button type="button" class="ps-link" on:click=move |_| {
                            state.opened.set(Some(id.clone()));
                            state.fire("scorecard-select", &[
                                ("partner", JsValue::from_str(&id)),
                                ("period", JsValue::from_str(&period.to_string())),
                            ]);
                        }>{p.name.clone()}</button>
                    </th>
                    <td>{p.tier.clone().unwrap_or_default()}</td>
                    <td>{p.region.clone().unwrap_or_default()}</td>
                    <td class="ps-num">{fmt.score(s.health)}</td>
                    <td class="ps-num">{fmt.ratio(s.fairness)}</td>
                    <td><span class=format!("ps-band ps-band-{band}")>{band}</span></td>
                    <td class="ps-num">{fmt.compact(s.investment.vendor)}</td>
                    <td class="ps-num">{fmt.compact(s.investment.partner)}</td>
                    <td class="ps-num">{fmt.compact(s.reward.vendor)}</td>
                    <td class="ps-num">{fmt.compact(s.reward.partner)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="ps-portfolio" data-testid="portfolio" part="portfolio">
            <header class="ps-header" part="header">
                <h2>{format!("All partners · {period}")}</h2>
                <p class="ps-meta">{format!("{} partners", portfolio.rows.len())}</p>
            </header>
            <div class="ps-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">"Partner"</th><th scope="col">"Tier"</th><th scope="col">"Region"</th>
                        <th scope="col">"Health"</th><th scope="col">"Fairness"</th><th scope="col">"Band"</th>
                        <th scope="col">"Vendor invest."</th><th scope="col">"Partner invest."</th>
                        <th scope="col">"Vendor reward"</th><th scope="col">"Partner reward"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
