//! The "Next quarter" slide: each side's planned investment, risk and reward
//! as inputs in the viewer's locale, and what the engine makes of them
//! (`Plan::figures`, `Plan::fair_split`); the commitments and the sign-off
//! are in `plan_edit`. The slide keeps no figure of its own: every number on
//! it is the engine's, formatted.

use super::plan_edit::{commitments_block, sign_off_block};
use super::slide::{band_badge, Subject};
use crate::contract::{Pillar, Side};
use crate::i18n::{fill, plan::PlanWords, qbr::Qbr};
use crate::locale_number::{self, NumberError, Separators};
use crate::plan::{amount_allowed, PlanFigures};
use crate::ui::format::{Fmt, UNDEFINED};
use crate::ui::plan_state::{self, Reason};
use crate::ui::state::State;
use crate::ui::words;
use leptos::prelude::*;

/// The formatters every closure of the slide shares (Intl objects are not `Copy`).
pub(super) type SharedFmt = StoredValue<Fmt, LocalStorage>;

pub fn plan_slide(subject: &Subject, fmt: &Fmt, q: &'static Qbr) -> AnyView {
    let Some(state) = use_context::<State>() else {
        return ().into_any();
    };
    let w = q.plan;
    plan_state::ensure(state, &subject.model, subject.index, subject.period);
    let Some((period, based_on)) = state
        .plan
        .plan
        .with_untracked(|p| p.as_ref().map(|p| (p.period, p.based_on)))
    else {
        return view! { <p class="ps-notice">{q.none}</p> }.into_any();
    };
    // Paper and the PowerPoint get the figures as text; the screen gets inputs.
    let editable = state.printing.get_untracked().is_none();
    let shared: SharedFmt = StoredValue::new_local(fmt.clone());
    let t = subject.model.ds.thresholds;
    let figures = Memo::new(move |_| state.plan.plan.with(|p| p.as_ref().map(|p| p.figures(&t))));
    let currency = state
        .attrs
        .with_untracked(|a| a.currency.clone())
        .unwrap_or_else(|| subject.model.ds.currency.clone());
    let sides = [
        (Side::Vendor, subject.vendor.clone()),
        (Side::Partner, fmt.m.partner.to_string()),
    ];
    let rows = Pillar::MONEY
        .into_iter()
        .map(|p| {
            let cells = sides
                .iter()
                .map(|(side, name)| {
                    let label = fill(
                        w.input_label,
                        &[
                            ("side", name),
                            ("pillar", words::pillar(fmt.m, p)),
                            ("currency", &currency),
                        ],
                    );
                    view! { <td class="ps-num">{amount(state, shared, *side, p, label, editable)}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{words::pillar(fmt.m, p)}</th>{cells}</tr> }
        })
        .collect_view();
    let actions = editable.then(|| {
        let reset_subject = (subject.model.clone(), subject.index, subject.period);
        view! {
            <div class="ps-plan-actions">
                <button type="button" data-testid="plan-fair-split"
                    disabled=move || figures.with(|f| f.and_then(|f| f.fair_shift).is_none())
                    on:click=move |_| plan_state::change(state, Reason::Change, true, |p| {
                        p.figures = p.fair_split(&t).figures;
                    })>{w.apply_fair_split}</button>
                <button type="button" data-testid="plan-reset" on:click=move |_| {
                    let (model, index, period) = &reset_subject;
                    let Some(fresh) = crate::plan::Plan::prefill_for(&model.ds, &model.book, *index, *period) else {
                        return;
                    };
                    plan_state::change(state, Reason::Change, true, |p| p.figures = fresh.figures);
                }>{w.reset}</button>
            </div>
        }
    });
    let lead = fill(
        w.lead,
        &[
            ("period", &period.to_string()),
            ("based_on", &based_on.to_string()),
        ],
    );
    let refused = move || {
        state.plan.refused.get().map(|text| {
            view! { <p class="ps-plan-refused" role="alert" data-testid="plan-refused">{text}</p> }
        })
    };
    view! {
        <p class="ps-plan-lead" data-testid="plan-lead">{lead}</p>
        {refused}
        <div class="ps-plan-grid">
            <div class="ps-plan-figures">
                <table class="ps-slide-table ps-plan-table" data-testid="plan-figures">
                    <caption>{w.figures}</caption>
                    <thead><tr>
                        <th scope="col">{q.pillar}</th>
                        <th scope="col" class="ps-num">{subject.vendor.clone()}</th>
                        <th scope="col" class="ps-num">{fmt.m.partner}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {actions}
            </div>
            {results(shared, figures, w, subject.vendor.clone())}
        </div>
        <div class="ps-plan-bottom">
            {commitments_block(state, shared, w, subject.vendor.clone(), period, editable)}
            {sign_off_block(state, shared, w, subject.vendor.clone(), editable)}
        </div>
    }
    .into_any()
}

/// What the engine makes of the planned figures.
fn results(
    fmt: SharedFmt,
    figures: Memo<Option<PlanFigures>>,
    w: &'static PlanWords,
    vendor: String,
) -> impl IntoView {
    let m = fmt.with_value(|f| f.m);
    let show = move |f: fn(&Fmt, &PlanFigures) -> String| {
        move || {
            figures.with(|fig| {
                fig.as_ref()
                    .map_or(UNDEFINED.to_string(), |fig| fmt.with_value(|fm| f(fm, fig)))
            })
        }
    };
    let band = move || figures.with(|f| band_badge(m, f.and_then(|f| f.band)));
    let balance = move || {
        figures.with(|f| {
            f.and_then(|f| f.balance)
                .map(|b| words::balance(m, b))
                .unwrap_or_default()
        })
    };
    let shift = move || {
        figures.with(|f| match f.and_then(|f| f.fair_shift) {
            Some(s) => fmt.with_value(|fm| signed_money(fm, s)),
            None => w.fair_shift_none.to_string(),
        })
    };
    view! {
        <dl class="ps-plan-results" data-testid="plan-results">
            <div class="ps-plan-f">
                <dt>{m.fairness}</dt>
                <dd><strong data-testid="plan-fairness">{show(|fm, f| fm.ratio(f.fairness))}</strong>" "
                    <span data-testid="plan-band">{band}</span>" "
                    <span data-testid="plan-balance">{balance}</span></dd>
            </div>
            <div><dt>{w.contribution_share}</dt>
                <dd data-testid="plan-contribution-share">{show(|fm, f| fm.percent(f.shares.contribution))}</dd></div>
            <div><dt>{w.reward_share}</dt>
                <dd data-testid="plan-reward-share">{show(|fm, f| fm.percent(f.shares.reward))}</dd></div>
            <div><dt>{w.reward_rate}</dt>
                <dd>{vendor}" "<span data-testid="plan-rate-vendor">{show(|fm, f| fm.ratio(f.reward_rate.vendor))}</span>
                    " · "{m.partner}" "<span data-testid="plan-rate-partner">{show(|fm, f| fm.ratio(f.reward_rate.partner))}</span></dd></div>
            <div><dt>{w.fair_shift}</dt>
                <dd data-testid="plan-fair-shift">{shift}</dd></div>
        </dl>
    }
}

/// A money amount with its sign: the fair shift goes to the partner when positive.
pub(super) fn signed_money(fmt: &Fmt, v: f64) -> String {
    if v < 0.0 {
        format!("−{}", fmt.money(-v))
    } else {
        fmt.money(v)
    }
}

/// The locale's separators, from its own rendering of a number.
fn separators(fmt: &Fmt) -> Separators {
    Separators::from_sample(&fmt.number(12345.6))
}

/// What is wrong with `text` as the amount of `p`, in the viewer's words.
fn read(fmt: &Fmt, w: &PlanWords, p: Pillar, text: &str) -> Result<f64, String> {
    let example = fmt.number(1234.56);
    let v = locale_number::parse(text, separators(fmt)).map_err(|e| {
        let template = match e {
            NumberError::Empty => w.empty,
            NumberError::NotANumber => w.not_a_number,
            NumberError::Grouping => w.grouping,
        };
        fill(template, &[("text", text.trim()), ("example", &example)])
    })?;
    if amount_allowed(p, v) {
        Ok(v)
    } else {
        Err(fill(w.negative, &[("pillar", words::pillar(fmt.m, p))]))
    }
}

/// One planned amount: a labelled input that takes the locale's digits, or
/// the amount as text on paper. A text the input cannot read keeps the last
/// valid figure in the plan and says why at the input.
fn amount(
    state: State,
    fmt: SharedFmt,
    side: Side,
    p: Pillar,
    label: String,
    editable: bool,
) -> AnyView {
    let w = super::words(state).plan;
    let current = move || {
        state
            .plan
            .plan
            .with_untracked(|plan| plan.as_ref().map(|plan| plan.planned(side).get(p)))
    };
    if !editable {
        let text = move || {
            state.plan.plan.with(|plan| {
                plan.as_ref().map_or(UNDEFINED.to_string(), |plan| {
                    fmt.with_value(|f| f.money(plan.planned(side).get(p)))
                })
            })
        };
        return view! { <span data-testid=format!("plan-value-{}-{}", side.as_str(), p.as_str())>{text}</span> }
            .into_any();
    }
    let id = format!("ps-plan-{}-{}", side.as_str(), p.as_str());
    let error_id = format!("{id}-error");
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // Figures set from outside (reset, fair split, a loaded plan) replace the
    // text that was wrong, and its message with it.
    Effect::watch(
        move || state.plan.epoch.get(),
        move |_, _, _| error.set(None),
        false,
    );
    let value = move || {
        state.plan.epoch.track();
        current()
            .map(|v| fmt.with_value(|f| f.number(v)))
            .unwrap_or_default()
    };
    let explain = move |why: String| {
        let kept = current()
            .map(|v| fmt.with_value(|f| f.number(v)))
            .unwrap_or_default();
        format!("{why} {}", fill(w.kept, &[("value", &kept)]))
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match fmt.with_value(|f| read(f, w, p, &text)) {
            Ok(v) => {
                error.set(None);
                if current() != Some(v) {
                    plan_state::change(state, Reason::Change, false, |plan| {
                        plan.planned_mut(side).set(p, v)
                    });
                }
            }
            // While typing, a half-written number is not an error yet; an
            // error already shown follows what is typed.
            Err(why) if error.get_untracked().is_some() => error.set(Some(explain(why))),
            Err(_) => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Err(why) = fmt.with_value(|f| read(f, w, p, &text)) {
            error.set(Some(explain(why)));
        }
    };
    view! {
        <input type="text" inputmode="decimal" autocomplete="off" class="ps-plan-input" id=id.clone()
            data-testid=format!("plan-input-{}-{}", side.as_str(), p.as_str())
            aria-label=label aria-describedby=error_id.clone()
            aria-invalid=move || error.with(|e| e.is_some()).to_string()
            prop:value=value on:input=on_input on:change=on_change />
        <span class="ps-plan-error" id=error_id aria-live="assertive"
            data-testid=format!("plan-error-{}-{}", side.as_str(), p.as_str())>
            {move || error.get()}
        </span>
    }
    .into_any()
}
