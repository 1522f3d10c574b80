//! The next quarter's plan as the widget holds it: the plan on screen, the
//! plans of other quarters opened before (nothing typed is lost by moving
//! through the periods), a plan the host handed in through the `plan`
//! property, and the `scorecard-plan` event that hands every change back.

use super::state::{Model, State};
use crate::plan::{self, Plan};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// Changes are told to the host once typing pauses this long.
const DEBOUNCE: Duration = Duration::from_millis(300);

#[derive(Clone, Copy)]
pub struct PlanState {
    /// The plan on the slide.
    pub plan: RwSignal<Option<Plan>>,
    /// Bumped when the figures are set from outside the inputs (reset, fair
    /// split, a loaded plan), so the inputs show the new values; typing does
    /// not bump it, so an input never rewrites what is being typed.
    pub epoch: RwSignal<u32>,
    /// A later change cleared both agreements: the slide says so.
    pub cleared: RwSignal<bool>,
    /// Why the last plan the host handed in was refused.
    pub refused: RwSignal<Option<String>>,
    /// The JSON the host handed in, until there is data to check it against.
    pending: RwSignal<Option<String>>,
    /// The plan on screen as JSON, kept by the code that changes the plan (in
    /// the deck's chunk), so the `plan` getter on the first paint's module
    /// needs no serialiser.
    json: StoredValue<Option<String>>,
    /// Plans of other (partner, quarter)s made in this widget.
    others: StoredValue<Vec<Plan>>,
    /// Debounce generation: only the newest scheduled event fires.
    generation: StoredValue<u32>,
}

/// Why the host is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Change,
    SignOff,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Change => "change",
            Reason::SignOff => "sign-off",
        }
    }
}

impl PlanState {
    pub fn new() -> PlanState {
        PlanState {
            plan: RwSignal::new(None),
            epoch: RwSignal::new(0),
            cleared: RwSignal::new(false),
            refused: RwSignal::new(None),
            pending: RwSignal::new(None),
            json: StoredValue::new(None),
            others: StoredValue::new(Vec::new()),
            generation: StoredValue::new(0),
        }
    }
}

impl Default for PlanState {
    fn default() -> Self {
        PlanState::new()
    }
}

/// Makes sure the plan on screen is the one of `partner`'s `period`: the one
/// made here before, else this quarter's totals and open commitments.
pub fn ensure(state: State, model: &Model, partner: usize, period: crate::contract::Quarter) {
    let ps = state.plan;
    let Some(id) = model.ds.partners.get(partner).map(|p| p.id.clone()) else {
        return;
    };
    let is_it = |p: &Plan| p.partner == id && p.based_on == period;
    if ps.plan.with_untracked(|p| p.as_ref().is_some_and(is_it)) {
        return;
    }
    let earlier = ps
        .others
        .try_update_value(|others| others.iter().position(is_it).map(|i| others.swap_remove(i)));
    let Some(next) = earlier
        .flatten()
        .or_else(|| Plan::prefill_for(&model.ds, &model.book, partner, period))
    else {
        return;
    };
    let previous = ps.plan.try_update(|p| p.replace(next)).flatten();
    if let Some(previous) = previous {
        let _ = ps.others.try_update_value(|o| o.push(previous));
    }
    ps.cleared.set(false);
    ps.epoch.update(|e| *e += 1);
    remember_json(ps);
}

/// Keeps the JSON of the plan on screen for the `plan` getter.
fn remember_json(ps: PlanState) {
    let json = ps
        .plan
        .try_with_untracked(|p| p.as_ref().and_then(|p| serde_json::to_string(p).ok()))
        .flatten();
    let _ = ps.json.try_set_value(json);
}

/// Changes the plan on screen and tells the host: a sign-off at once, any
/// other change once typing pauses. `from_outside` refreshes the inputs.
pub fn change(state: State, reason: Reason, from_outside: bool, f: impl FnOnce(&mut Plan)) {
    let ps = state.plan;
    let mut cleared = false;
    ps.plan.update(|p| {
        if let Some(p) = p {
            cleared = p.edit(f);
        }
    });
    remember_json(ps);
    if cleared {
        ps.cleared.set(true);
    } else if reason == Reason::SignOff {
        ps.cleared.set(false);
    }
    if from_outside {
        ps.epoch.update(|e| *e += 1);
    }
    let generation = ps
        .generation
        .try_update_value(|g| {
            *g = g.wrapping_add(1);
            *g
        })
        .unwrap_or(0);
    match reason {
        Reason::SignOff => tell(state, reason),
        Reason::Change => set_timeout(
            move || {
                if ps.generation.try_get_value() == Some(generation) {
                    tell(state, reason);
                }
            },
            DEBOUNCE,
        ),
    }
}

/// A bubbling, composed `scorecard-plan` whose `detail.plan` is the whole
/// plan (`partner-scorecard-plan/v1`, as `plan::parse` reads it back).
fn tell(state: State, reason: Reason) {
    let Some(Some(json)) = state.plan.json.try_get_value() else {
        return;
    };
    let Ok(value) = js_sys::JSON::parse(&json) else {
        return;
    };
    let agreed = state
        .plan
        .plan
        .try_with_untracked(|p| p.as_ref().is_some_and(Plan::agreed_by_both))
        .unwrap_or(false);
    let _ = state.host.try_with_value(|host| {
        crate::host::events::fire(
            host,
            "scorecard-plan",
            &[
                ("plan", value),
                ("json", JsValue::from_str(&json)),
                ("reason", JsValue::from_str(reason.as_str())),
                ("agreed", JsValue::from_bool(agreed)),
            ],
        )
    });
}

/// The `plan` property: the JSON text of a saved plan, checked once there is data.
pub fn hand_in(state: State, json: Option<String>) {
    let _ = state.plan.pending.try_set(json);
}

/// The plan on screen as JSON, for the `plan` property's getter.
pub fn current_json(state: State) -> Option<String> {
    state.plan.json.try_get_value().flatten()
}

/// Checks a handed-in plan against the data as soon as both are there. The
/// reader and the checks live with the plan slide, in the deck's chunk
/// (`lazy::check_plan`): a page that is never handed a plan never fetches them.
pub fn watch(state: State) {
    Effect::new(move |_| {
        let Some(json) = state.plan.pending.get() else {
            return;
        };
        let Some(model) = state.load.with(|l| l.model.clone()) else {
            return;
        };
        state.plan.pending.set(None);
        leptos::task::spawn_local(async move {
            if super::lazy::check_plan(state, model, json).await.is_err() {
                // The host still holds the plan it handed in: nothing is lost.
                let m = super::messages_for(state);
                refuse(state, m.part_failed.to_string(), String::from("chunk"));
            }
        });
    });
}

/// Checks a handed-in plan: a refused one leaves the plan on screen as it
/// was, says why in the widget and fires `scorecard-error` with kind `plan`.
pub fn check(state: State, model: &Model, json: &str) {
    let checked = plan::parse(json.as_bytes()).and_then(|p| {
        p.check_against(&model.ds, &model.book)?;
        Ok(p)
    });
    match checked {
        Ok(p) => accept(state, model, p),
        Err(refusal) => {
            let reason = refusal.to_string();
            let words = super::qbr::words(state).plan;
            let message = crate::i18n::fill(words.refused, &[("reason", &reason)]);
            refuse(state, message, reason);
        }
    }
}

fn refuse(state: State, message: String, detail: String) {
    state.plan.refused.set(Some(message.clone()));
    state.fire(
        "scorecard-error",
        &[
            ("kind", JsValue::from_str("plan")),
            ("message", JsValue::from_str(&message)),
            ("detail", JsValue::from_str(&detail)),
            ("url", JsValue::NULL),
        ],
    );
}

/// Puts a checked plan on screen, and the widget on its partner and quarter.
fn accept(state: State, model: &Model, p: Plan) {
    let ps = state.plan;
    ps.refused.set(None);
    ps.cleared.set(false);
    let (partner, period) = (p.partner.clone(), p.based_on);
    let previous = ps.plan.try_update(|now| now.replace(p)).flatten();
    if let Some(previous) = previous.filter(|q| !(q.partner == partner && q.based_on == period)) {
        let _ = ps.others.try_update_value(|o| o.push(previous));
    }
    ps.epoch.update(|e| *e += 1);
    remember_json(ps);
    // The widget shows what the plan was made from.
    let (shown_partner, shown_period) =
        untrack(|| (state.partner(), state.period(model).ok().flatten()));
    if shown_partner.as_deref() != Some(partner.as_str()) {
        state.opened.set(Some(partner));
    }
    if shown_period != Some(period) {
        state.picked_period.set(Some(period));
    }
}

/// Why a handed-in plan was refused, above the scorecard (the plan slide says
/// it too), until a plan is accepted.
pub fn refused_notice(state: State) -> impl IntoView {
    move || {
        state.plan.refused.get().map(|text| {
            view! { <div class="ps-notice ps-plan-refused" role="alert" data-testid="plan-refused-notice">{text}</div> }
        })
    }
}
