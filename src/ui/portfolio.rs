//! Every partner of a period: filters, a sortable table shown one page at a
//! time, and the balance quadrant. Picking a partner opens its scorecard.
//!
//! Sorting, filtering and paging live in signals of this component, so a click
//! re-renders the table body (one page of rows) and nothing else. The order of
//! the partners is two memos: the filtered set (which the quadrant follows) and
//! that set sorted (which the table pages through).

use super::band::band_badge;
use super::format::{Fmt, UNDEFINED};
use super::quadrant::QuadrantView;
use super::state::{Model, State};
use super::states::{notice, unknown_period};
use crate::contract::{Dataset, Quarter};
use crate::i18n::{fill, Messages};
use crate::score::{Column, Facets, Figure, Filter, Portfolio, Scorecard};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows rendered at once; the pager walks through the rest.
pub(super) const PAGE: usize = 50;

/// One column of the table: its test key, how it sorts, its header, alignment.
struct Col {
    key: &'static str,
    column: Column,
    label: &'static str,
    numeric: bool,
}

fn columns(m: &'static Messages) -> [Col; 12] {
    let text = |key, column, label| Col {
        key,
        column,
        label,
        numeric: false,
    };
    let figure = |key, f, label| Col {
        key,
        column: Column::Figure(f),
        label,
        numeric: true,
    };
    [
        text("name", Column::Name, m.partner),
        text("tier", Column::Tier, m.tier),
        text("region", Column::Region, m.region),
        text("type", Column::Type, m.partner_type),
        figure("health", Figure::Health, m.health),
        Col {
            numeric: false,
            ..figure("fairness", Figure::Fairness, m.fairness)
        },
        figure("fair-shift", Figure::FairShift, m.fair_shift_to_partner),
        figure("alignment", Figure::AlignmentScore, m.alignment_score),
        figure(
            "investment-vendor",
            Figure::InvestmentVendor,
            m.vendor_investment,
        ),
        figure(
            "investment-partner",
            Figure::InvestmentPartner,
            m.partner_investment,
        ),
        figure("reward-vendor", Figure::RewardVendor, m.vendor_reward),
        figure("reward-partner", Figure::RewardPartner, m.partner_reward),
    ]
}

/// The number of pages for `n` rows; at least one, so "Page 1 of 1" never reads "of 0".
fn pages_of(n: usize) -> usize {
    n.div_ceil(PAGE).max(1)
}

#[component]
pub fn PortfolioView(state: State, model: Arc<Model>) -> impl IntoView {
    let fmt = super::fmt_for(state, &model);
    let m = fmt.m;
    let period = match state.period(&model) {
        Ok(Some(q)) => q,
        Ok(None) => return notice(m.no_periods.to_string()),
        Err(_) => {
            let text = state
                .attrs
                .with_untracked(|a| a.period.clone())
                .unwrap_or_default();
            return notice(fill(m.bad_period, &[("period", &text)]));
        }
    };
    if !model.book.periods.contains(&period) {
        return notice(unknown_period(&model, period, m));
    }

    let facets = Facets::of(&model.ds);
    let fmt = StoredValue::new_local(fmt);

    // What the table shows: local to this view, so changes re-render only it.
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new(None::<(Column, bool)>);
    let page = RwSignal::new(0usize);
    // The table's own scroll box: a new page, order or filter starts at its top.
    let scroller = NodeRef::<leptos::html::Div>::new();
    let go = move |to: usize| {
        page.set(to);
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_top(0);
        }
    };

    // Partner indices of the period's rows that pass the filter, in data order.
    let filtered = Memo::new({
        let model = Arc::clone(&model);
        move |_| {
            let all = Portfolio::new(&model.book, period);
            filter
                .with(|f| all.filtered(&model.ds, f))
                .rows
                .iter()
                .map(|s| s.partner_index)
                .collect::<Vec<usize>>()
        }
    });
    // The same partners in the order the table shows them.
    let order = Memo::new({
        let model = Arc::clone(&model);
        move |_| {
            let rows = filtered.with(|ix| {
                ix.iter()
                    .filter_map(|&i| model.book.get(i, period))
                    .collect()
            });
            let mut p = Portfolio { period, rows };
            if let Some((column, descending)) = sort.get() {
                p.sort(&model.ds, column, descending);
            }
            p.rows
                .iter()
                .map(|s| s.partner_index)
                .collect::<Vec<usize>>()
        }
    });
    let shown = Memo::new(move |_| order.with(Vec::len));
    let pages = Memo::new(move |_| pages_of(shown.get()));
    // The page on screen, kept in range when the rows shrink under it.
    let current = Memo::new(move |_| page.get().min(pages.get() - 1));

    let count = move || {
        fmt.with_value(|f| {
            let n = f.number(shown.get() as f64);
            fill(f.m.partners_count, &[("count", &n)])
        })
    };

    // Filters.
    let select = |key: &'static str,
                  label: &'static str,
                  values: Vec<String>,
                  set: fn(&mut Filter, Option<String>)| {
        (!values.is_empty()).then(|| {
            let options = values
                .into_iter()
                .map(|v| view! { <option value=v.clone()>{v.clone()}</option> })
                .collect_view();
            view! {
                <label class="ps-field">
                    <span>{label}</span>
                    <select data-testid=format!("filter-{key}") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| set(f, (!v.is_empty()).then_some(v)));
                        go(0);
                    }>
                        <option value="">{m.any}</option>
                        {options}
                    </select>
                </label>
            }
        })
    };
    let filters = view! {
        <div class="ps-filters" part="filters">
            <label class="ps-field ps-search">
                <span>{m.search}</span>
                <input type="search" data-testid="search" autocomplete="off" spellcheck="false"
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        filter.update(|f| f.text = text);
                        go(0);
                    } />
            </label>
            {select("tier", m.tier, facets.tiers, |f, v| f.tier = v)}
            {select("region", m.region, facets.regions, |f, v| f.region = v)}
            {select("type", m.partner_type, facets.kinds, |f, v| f.kind = v)}
        </div>
    };

    // Header: one sort button per column, its state in aria-sort.
    let headers = columns(m)
        .into_iter()
        .map(|c| {
            let column = c.column;
            let state_of = move || {
                sort.with(|s| match s {
                    Some((col, d)) if *col == column => Some(*d),
                    _ => None,
                })
            };
            let aria = move || match state_of() {
                Some(true) => "descending",
                Some(false) => "ascending",
                None => "none",
            };
            let arrow = move || match state_of() {
                Some(true) => "↓",
                Some(false) => "↑",
                None => "↕",
            };
            let class = if c.numeric { "ps-num" } else { "" };
            view! {
                <th scope="col" class=class aria-sort=aria>
                    <button type="button" class="ps-sort" data-testid=format!("sort-{}", c.key)
                        on:click=move |_| {
                            sort.update(|s| {
                                *s = Some(match *s {
                                    Some((col, d)) if col == column => (col, !d),
                                    _ => (column, false),
                                })
                            });
                            go(0);
                        }>
                        {c.label}
                        <span class="ps-sort-arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let trend_header = format!("{} {}", m.fairness, m.vs_last_quarter);

    // Body: the current page of rows, or why there are none.
    let body = {
        let model = Arc::clone(&model);
        move || {
            let at = current.get();
            order.with(|ix| {
                if ix.is_empty() {
                    return view! {
                        <tr class="ps-empty"><td colspan="11" data-testid="no-matches" role="status">{m.no_matches}</td></tr>
                    }
                    .into_any();
                }
                fmt.with_value(|f| {
                    ix.iter()
                        .skip(at * PAGE)
                        .take(PAGE)
                        .filter_map(|&i| model.book.get(i, period))
                        .map(|s| row(state, &model.ds, f, s, period))
                        .collect_view()
                        .into_any()
                })
            })
        }
    };

    // Pager: only when there is more than one page. Its buttons stay in the DOM
    // (aria-disabled, not disabled) so focus stays on them at either end.
    let pager = move || {
        let n = pages.get();
        (n > 1).then(|| {
            let first = move || current.get() == 0;
            let last = move || current.get() + 1 >= pages.get();
            let status = move || {
                fmt.with_value(|f| {
                    fill(
                        f.m.page_of,
                        &[
                            ("page", &f.number((current.get() + 1) as f64)),
                            ("pages", &f.number(pages.get() as f64)),
                        ],
                    )
                })
            };
            view! {
                <div class="ps-pager" part="pager">
                    <button type="button" data-testid="pager-prev" aria-disabled=move || first().to_string()
                        on:click=move |_| if !first() { go(current.get_untracked() - 1) }>
                        <span aria-hidden="true">"← "</span>{m.previous_page}
                    </button>
                    <span data-testid="pager-status" aria-live="polite">{status}</span>
                    <button type="button" data-testid="pager-next" aria-disabled=move || last().to_string()
                        on:click=move |_| if !last() { go(current.get_untracked() + 1) }>
                        {m.next_page}<span aria-hidden="true">" →"</span>
                    </button>
                </div>
            }
        })
    };

    let title = format!("{} · {period}", m.all_partners);
    view! {
        <section class="ps-portfolio" data-testid="portfolio" part="portfolio">
            <header class="ps-header" part="header">
                <h2>{title}</h2>
                <p class="ps-meta" data-testid="portfolio-count" aria-live="polite">{count}</p>
            </header>
            {filters}
            <div class="ps-scroll ps-table-scroll" node_ref=scroller tabindex="0" role="region" aria-label=m.all_partners>
                <table class="ps-table" data-testid="portfolio-table">
                    <thead><tr>
                        {headers}
                        <th scope="col" class="ps-num ps-trend-head">
                            {m.trend}" "<span class="ps-sub">{trend_header}</span>
                        </th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {pager}
            <QuadrantView state=state model=model period=period filtered=filtered fmt=fmt />
        </section>
    }
    .into_any()
}

/// Money that moves to the partner (+) or away from it (−); the header says which way.
fn signed_money(fmt: &Fmt, v: Option<f64>) -> String {
    match v {
        None => UNDEFINED.to_string(),
        Some(v) if v > 0.0 => format!("+{}", fmt.compact(v)),
        Some(v) => fmt.compact(v),
    }
}

/// One partner's row; the name is the button that opens its scorecard.
fn row(state: State, ds: &Dataset, fmt: &Fmt, s: &Scorecard, period: Quarter) -> impl IntoView {
    let p = &ds.partners[s.partner_index];
    let id = p.id.clone();
    let detail = |v: &Option<String>| v.clone().unwrap_or_else(|| UNDEFINED.to_string());
    // A change that rounds to nothing reads "± 0", not "▼ −0".
    let change = s.trend.previous.as_ref().and_then(|c| c.fairness).map(|v| {
        if fmt.number(v.abs()) == fmt.number(0.0) {
            0.0
        } else {
            v
        }
    });
    view! {
        <tr data-testid="portfolio-row" data-partner=p.id.clone()>
            <th scope="row">
                <button type="button" class="ps-link" on:click=move |_| state.open_partner(&id, period)>
                    {p.name.clone()}
                </button>
            </th>
            <td>{detail(&p.tier)}</td>
            <td>{detail(&p.region)}</td>
            <td>{detail(&p.kind)}</td>
            <td class="ps-num" data-testid="row-health">{fmt.score(s.health)}</td>
            <td class="ps-fair">
                <span class="ps-ratio" data-testid="row-fairness">{fmt.ratio(s.fairness)}</span>
                {band_badge(fmt.m, s.band)}
            </td>
            <td class="ps-num" data-testid="row-fair-shift">{signed_money(fmt, s.fair_shift)}</td>
            <td class="ps-num" data-testid="row-alignment">
                {fmt.score(s.alignment.as_ref().and_then(|a| a.score))}
            </td>
            <td class="ps-num">{fmt.compact(s.investment.vendor)}</td>
            <td class="ps-num">{fmt.compact(s.investment.partner)}</td>
            <td class="ps-num">{fmt.compact(s.reward.vendor)}</td>
            <td class="ps-num">{fmt.compact(s.reward.partner)}</td>
            <td class="ps-num ps-trend" data-testid="row-trend">{fmt.change(change, false)}</td>
        </tr>
    }
}
