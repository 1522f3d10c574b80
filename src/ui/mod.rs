//! The Leptos views. They read `State` and the engine's figures; they compute
//! no figure of their own.

pub mod alignment;
mod balance;
mod band;
mod chart_figure;
mod commitments;
mod export_menu;
pub mod format;
mod lang;
mod lazy;
mod pillars;
pub mod plan_state;
mod portfolio;
pub mod qbr;
mod quadrant;
mod quadrant_canvas;
mod quadrant_plot;
mod scorecard;
pub mod state;
mod states;
mod trends;
pub mod verdict;
mod words;

use leptos::prelude::*;
use state::State;

/// The widget's root: theme, loading/error states, then the scorecard of one
/// partner or, with no partner, the portfolio.
#[component]
pub fn App(state: State) -> impl IntoView {
    // Deep views (chart figures, export menus) read the widget's state from here.
    provide_context(state);
    lang::follow_locale(state);
    // The page's first Intl formatter loads ICU's data, 40-80 ms in Chromium: do
    // that now, in a task of its own while the feed downloads, not in the first render.
    set_timeout(
        move || {
            // Gone already (the element left the page): nothing to warm.
            let Some(locale) = state.attrs.try_with_untracked(|a| a.locale.clone()) else {
                return;
            };
            let words = untrack(|| lang::words(state));
            let _ = format::Fmt::new(&locale.unwrap_or_else(format::page_locale), "USD", words);
        },
        std::time::Duration::ZERO,
    );
    let theme = move || {
        state.attrs.with(|a| match a.theme.as_deref() {
            Some("light") => "light",
            Some("dark") => "dark",
            _ => "auto",
        })
    };
    let body = move || {
        if !lang::ready(state) {
            return view! { <states::Skeleton label="" /> }.into_any();
        }
        let load = state.load.get();
        match (load.model.clone(), load.error.clone()) {
            (None, Some(error)) => {
                view! { <states::ErrorPanel state=state error=error /> }.into_any()
            }
            (None, None) => {
                view! { <states::Skeleton label=messages_for(state).loading /> }.into_any()
            }
            (Some(model), _) => {
                let partner = state.partner();
                // A period picked inside the widget re-renders the view.
                state.picked_period.track();
                view! {
                    <states::Banners state=state model=model.clone() />
                    {plan_state::refused_notice(state)}
                    {match partner {
                        Some(id) => view! { <scorecard::ScorecardView state=state model=model partner=id /> }.into_any(),
                        None => lazy::part("portfolio", move || lazy::portfolio(state, model.clone())).into_any(),
                    }}
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="ps-root" data-theme=theme part="root" data-testid="root"
            lang=move || lang::words(state).lang.tag()
            data-printing=move || state.printing.get().is_some().to_string()
            aria-busy=move || state.load.with(|l| l.loading).to_string()>
            {body}
        </div>
    }
}

/// Formatters for the current locale and currency attributes.
pub fn fmt_for(state: State, model: &state::Model) -> format::Fmt {
    let (locale, currency) = state.attrs.with(|a| (a.locale.clone(), a.currency.clone()));
    format::Fmt::new(
        &locale.unwrap_or_else(format::page_locale),
        &currency.unwrap_or_else(|| model.ds.currency.clone()),
        lang::words(state),
    )
}

/// The words charts draw, in the locale's language.
pub fn chart_words(m: &'static crate::i18n::Messages) -> crate::chart::ChartWords<'static> {
    crate::chart::ChartWords {
        contribution_share: m.contribution_share,
        reward_share: m.reward_share,
        fair: m.fair_line,
    }
}

/// The words of the element's locale, for views that have no data yet.
pub fn messages_for(state: State) -> &'static crate::i18n::Messages {
    lang::words(state).messages
}
