//! The reactive state one widget instance shares between the loader and the views.

use crate::contract::{Dataset, Quarter};
use crate::score::ScoreBook;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The element's attributes as last set: the single source for what to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attrs {
    pub src: Option<String>,
    pub partner: Option<String>,
    pub period: Option<String>,
    pub locale: Option<String>,
    pub currency: Option<String>,
    pub theme: Option<String>,
    pub credentials: Option<String>,
    pub timeout: Option<String>,
    pub refresh: Option<String>,
    /// `qbr` opens the presentation deck; anything else shows the scorecard.
    pub view: Option<String>,
    /// Which exports the host allows (`print csv svg png`); absent means all.
    /// Kept verbatim, even empty: `exports=""` allows none.
    pub exports: Option<String>,
    /// The largest feed, in bytes, the widget reads (`max-bytes`); larger is `too-large`.
    pub max_bytes: Option<String>,
}

impl Attrs {
    /// Sets one attribute by its kebab-case name; unknown names are ignored.
    pub fn set(&mut self, name: &str, value: Option<String>) -> bool {
        let slot = match name {
            "src" => &mut self.src,
            "partner" => &mut self.partner,
            "period" => &mut self.period,
            "locale" => &mut self.locale,
            "currency" => &mut self.currency,
            "theme" => &mut self.theme,
            "credentials" => &mut self.credentials,
            "timeout" => &mut self.timeout,
            "refresh" => &mut self.refresh,
            "view" => &mut self.view,
            "max-bytes" => &mut self.max_bytes,
            "exports" => {
                self.exports = value;
                return true;
            }
            _ => return false,
        };
        *slot = value.filter(|v| !v.trim().is_empty());
        true
    }
}

/// Who started a print of the handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printing {
    /// The Print / PDF button: the widget opens the print dialog.
    Dialog,
    /// The browser (Ctrl+P in the deck): its dialog is open already.
    Browser,
}

/// Parsed, validated and scored data, shared read-only by the views.
#[derive(Debug)]
pub struct Model {
    pub ds: Dataset,
    pub book: ScoreBook,
}

/// Why the data could not be shown; `kind` is what `scorecard-error` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub kind: &'static str,
    pub message: String,
    pub detail: String,
    pub url: Option<String>,
}

/// Where loading stands. A failed refresh keeps `model` and sets `stale_since`.
#[derive(Debug, Clone, Default)]
pub struct Load {
    pub model: Option<Arc<Model>>,
    pub error: Option<LoadError>,
    pub loading: bool,
    /// When the data on screen stopped being fresh (ms since the epoch).
    pub stale_since: Option<f64>,
}

#[derive(Clone, Copy)]
pub struct State {
    pub attrs: RwSignal<Attrs>,
    pub load: RwSignal<Load>,
    /// A partner opened from the portfolio inside the widget (drill-down).
    pub opened: RwSignal<Option<String>>,
    /// A period picked inside the widget; `None` follows the attribute.
    pub picked_period: RwSignal<Option<Quarter>>,
    /// Asks the loader to fetch again (the Retry button).
    pub retry: RwSignal<u32>,
    /// The element's width in px, in 40 px steps, so charts are drawn at their size.
    pub width: RwSignal<u32>,
    /// The presentation deck is open (the Present button or `view="qbr"`).
    pub presenting: RwSignal<bool>,
    /// The deck covers the page: full screen, or the window where full screen
    /// is refused. Only then does it keep the keyboard focus to itself.
    pub deck_modal: RwSignal<bool>,
    /// The slide on screen, kept here so a data refresh does not restart the deck.
    pub slide: RwSignal<usize>,
    /// A handout is being printed, and who started it: the deck renders
    /// every slide for paper.
    pub printing: RwSignal<Option<Printing>>,
    /// The next quarter's plan (the plan slide, the `plan` property).
    pub plan: crate::ui::plan_state::PlanState,
    /// The element itself, where events are dispatched.
    pub host: StoredValue<web_sys::HtmlElement, LocalStorage>,
    /// The words on screen; `None` until the locale's language is in (see `ui::lang`).
    pub words: RwSignal<Option<&'static crate::i18n::Words>>,
}

impl State {
    pub fn new(host: web_sys::HtmlElement, attrs: Attrs) -> State {
        let qbr = attrs.view.as_deref() == Some("qbr");
        let words = super::lang::initial(&attrs);
        State {
            words: RwSignal::new(words),
            attrs: RwSignal::new(attrs),
            load: RwSignal::new(Load {
                loading: true,
                ..Load::default()
            }),
            opened: RwSignal::new(None),
            picked_period: RwSignal::new(None),
            retry: RwSignal::new(0),
            width: RwSignal::new(0),
            presenting: RwSignal::new(qbr),
            deck_modal: RwSignal::new(false),
            slide: RwSignal::new(0),
            printing: RwSignal::new(None),
            plan: crate::ui::plan_state::PlanState::new(),
            host: StoredValue::new_local(host),
        }
    }
}

impl State {
    /// Dispatches a bubbling, composed `CustomEvent` on the element.
    pub fn fire(&self, name: &str, detail: &[(&str, JsValue)]) {
        self.host
            .with_value(|host| crate::host::events::fire(host, name, detail));
    }

    /// Opens a partner's scorecard inside the widget (from the portfolio's
    /// table or its quadrant) and tells the host.
    pub fn open_partner(&self, id: &str, period: Quarter) {
        self.opened.set(Some(id.to_string()));
        self.fire(
            "scorecard-select",
            &[
                ("partner", JsValue::from_str(id)),
                ("period", JsValue::from_str(&period.to_string())),
            ],
        );
    }

    /// The period to show: picked in the widget, else the attribute, else the latest.
    pub fn period(&self, model: &Model) -> Result<Option<Quarter>, String> {
        if let Some(q) = self.picked_period.get() {
            return Ok(Some(q));
        }
        match self.attrs.with(|a| a.period.clone()) {
            Some(text) => text.parse::<Quarter>().map(Some),
            None => Ok(model.book.latest()),
        }
    }

    /// The exports the host allows, with the tokens it wrote that mean nothing.
    pub fn exports(&self) -> crate::export::Exports {
        self.attrs
            .with(|a| crate::export::Exports::parse(a.exports.as_deref()).0)
    }

    /// The partner to show: opened in the widget, else the attribute.
    pub fn partner(&self) -> Option<String> {
        self.opened
            .get()
            .or_else(|| self.attrs.with(|a| a.partner.clone()))
    }
}
