//! The parts of the widget that load on demand, from two wasm chunks: the
//! presentation deck, its handout and the trend charts below the fold
//! (`extras`, asked for once a scorecard is painted), and the portfolio
//! (`portfolio`). What both use is a third chunk, fetched with either. German
//! and French words are a chunk each (`de`, `fr`), fetched as soon as a widget
//! knows its locale (`super::lang`). A first
//! English scorecard needs none of them (a German or French one only its
//! words), so the first paint downloads only the main module (BENCHMARKS.md,
//! Size). Two chunks rather than one per part: every
//! file boundary costs code the optimiser can no longer inline and bytes
//! brotli compresses apart (one chunk per part measured 6 KB more in all).
//!
//! Each part is a split point of `wasm_split_helpers` (what Leptos' `#[lazy]`
//! expands to), used directly for two reasons: `fallible`, so a chunk that
//! fails to download is an error the view shows with a Retry button instead
//! of a panic (with `panic = "abort"` that would stop every widget on the
//! page), and a name of our own, so the chunk's file name is stable
//! (`split_extras.wasm`). The splitting itself happens after the build
//! (`tools/build-wasm.sh`): only that build turns the `split` feature on. Every
//! other build (the wasm tests, clippy) compiles the same functions as plain
//! `async fn`s that resolve at once.

use super::plan_state::PlanState;
use super::qbr::{Deck, Handout, Subject};
use super::state::{Model, State};
use crate::contract::Thresholds;
use crate::export::{file_stem, scorecard_with_plan_csv};
use crate::host::download::{self, DownloadError};
use crate::i18n::{Lang, Words};
use crate::score::Scorecard;
use crate::split::on_demand;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

on_demand! {
    /// The presentation deck over the scorecard.
    extras, preload_deck,
    fn deck(state: State, subject: Subject) -> AnyView {
        adopt(state, QUADRANT_CSS);
        adopt(state, QBR_CSS);
        view! { <Deck state=state subject=subject /> }.into_any()
    }
}

on_demand! {
    /// The printed handout: every slide on its own page.
    extras, preload_handout,
    fn handout(state: State, subject: Subject) -> AnyView {
        adopt(state, QBR_CSS);
        view! { <Handout state=state subject=subject /> }.into_any()
    }
}

on_demand! {
    /// Every partner of a period: table, filters, quadrant.
    portfolio, preload_portfolio,
    fn portfolio(state: State, model: Arc<Model>) -> AnyView {
        adopt(state, PORTFOLIO_CSS);
        adopt(state, QUADRANT_CSS);
        view! { <super::portfolio::PortfolioView state=state model=model /> }.into_any()
    }
}

on_demand! {
    /// What sits below the fold of a partner's scorecard: its shared vision
    /// and values (statements, gaps and chart) and its trend charts.
    extras, preload_below_fold,
    fn below_fold(state: State, model: Arc<Model>, s: Scorecard, index: usize, vendor: String, width: u32) -> AnyView {
        let fmt = super::fmt_for(state, &model);
        let period = s.period;
        view! {
            <super::alignment::AlignmentView s=s fmt=fmt.clone() vendor=vendor.clone() width=width />
            <super::trends::TrendsView model=model index=index fmt=fmt vendor=vendor width=width period=period />
        }
        .into_any()
    }
}

on_demand! {
    /// The scorecard on screen as a CSV download (the Export menu).
    extras, preload_csv,
    fn save_csv(s: Scorecard, plan: PlanState, t: Thresholds) -> Result<(), DownloadError> {
        // The plan made in this review, if any, follows the scorecard's rows.
        let plan = plan
            .plan
            .get_untracked()
            .filter(|p| p.partner == s.partner && p.based_on == s.period);
        let name = format!("{}.csv", file_stem(&[&s.partner, &s.period.to_string()]));
        let text = scorecard_with_plan_csv(&s, plan.as_ref(), &t);
        download::save_text(&text, "text/csv;charset=utf-8", &name)
    }
}

on_demand! {
    /// Checks a plan the host handed in (the `plan` property) and puts it on
    /// screen, or says why not: the plan's reader is the plan slide's.
    extras, preload_plan_check,
    fn check_plan(state: State, model: Arc<Model>, json: String) -> () {
        super::plan_state::check(state, &model, &json)
    }
}

on_demand! {
    /// German, the only reference to its words in the shipped widget, so
    /// they go to `split_de.wasm` and an English page never downloads them.
    de, preload_de,
    fn german() -> &'static Words {
        &crate::i18n::DE_WORDS
    }
}

on_demand! {
    /// French, in `split_fr.wasm` for the same reason.
    fr, preload_fr,
    fn french() -> &'static Words {
        &crate::i18n::FR_WORDS
    }
}

/// A language's words: English at once (the main module holds them), German
/// and French from their chunks.
pub async fn words(lang: Lang) -> Result<&'static Words, SplitLoaderError> {
    match lang {
        Lang::En => Ok(&crate::i18n::EN_WORDS),
        Lang::De => german().await,
        Lang::Fr => french().await,
    }
}

// The styles of the parts travel in their chunks: the first paint adopts
// widget.css only.
const QBR_CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/qbr.css")),
    include_str!(concat!(env!("OUT_DIR"), "/plan.css"))
);
const PORTFOLIO_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/portfolio.css"));
/// The quadrant's plot, in the portfolio and on the deck's balance slide: one
/// text, adopted by either part.
const QUADRANT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/quadrant.css"));

/// Adds a part's stylesheet to the widget's shadow root before its view is
/// built, so it never shows unstyled.
fn adopt(state: State, css: &'static str) {
    state.host.with_value(|host| {
        if let Some(shadow) = host.shadow_root() {
            crate::host::styles::adopt_more(&shadow, css);
        }
    });
}

/// Fetches a part's chunk in the background (on hover, focus or idle), so
/// opening it later shows no wait. A failure here is silent: opening the part
/// fetches again and shows the error then.
pub fn preload<F>(load: fn() -> F)
where
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    leptos::task::spawn_local(async move {
        let _ = load().await;
    });
}

/// Runs `f` once the browser is idle after the current frames, so background
/// fetches never compete with the first paint. Safari has no
/// `requestIdleCallback`; there a timeout stands in.
pub fn when_idle(f: impl FnOnce() + 'static) {
    after_paint(move || {
        let cb = Closure::once_into_js(f);
        let Some(w) = web_sys::window() else {
            return;
        };
        if w.request_idle_callback(cb.unchecked_ref()).is_err() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 200);
        }
    });
}

/// Shows the part `load` builds once its chunk is in; nothing before (the
/// chunks are preloaded, so that is rarely seen), and a message with Retry if
/// the chunk cannot be fetched.
pub fn part<F>(testid: &'static str, load: impl Fn() -> F + Send + Sync + 'static) -> impl IntoView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let load = load();
        Suspend::new(async move {
            match load.await {
                Ok(view) => view,
                Err(_) => failed(testid, attempt),
            }
        })
    }
}

fn failed(testid: &'static str, attempt: RwSignal<u32>) -> AnyView {
    let m = use_context::<State>().map(super::messages_for);
    let (text, retry) = m.map_or(("", ""), |m| (m.part_failed, m.retry));
    view! {
        <div class="ps-notice" role="alert" data-testid="part-error" data-part=testid>
            <p>{text}</p>
            <button type="button" data-testid="part-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                {retry}
            </button>
        </div>
    }
    .into_any()
}

/// Runs `f` after the browser has painted what was just rendered (two frames:
/// the callbacks of the first run before its paint).
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(f));
}

thread_local! {
    static FIRST_PAINT_DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` once the page's first scorecard has painted: at once when that
/// is behind us already, so a later view (another period, another partner)
/// renders its parts with it instead of a moment after.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    if FIRST_PAINT_DONE.get() {
        f();
    } else {
        after_paint(move || {
            FIRST_PAINT_DONE.set(true);
            f();
        });
    }
}
