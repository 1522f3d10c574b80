//! The plan slide's lists: the commitments for the next quarter, edited in
//! place (text, owner side, due date; added and removed), and the sign-off of
//! each side. Native controls throughout, so keyboard and pointer both work.

use super::plan::SharedFmt;
use crate::contract::{Quarter, Side};
use crate::i18n::{fill, plan::PlanWords};
use crate::plan::{commitment_allowed, PlanCommitment, SignOff};
use crate::ui::plan_state::{self, Reason};
use crate::ui::state::State;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn side_name(state: State, vendor: &str, side: Side) -> String {
    match side {
        Side::Vendor => vendor.to_string(),
        Side::Partner => crate::ui::messages_for(state).partner.to_string(),
    }
}

fn side_select(
    state: State,
    vendor: &str,
    chosen: Side,
    label: &'static str,
    testid: &'static str,
    on_pick: impl Fn(Side) + 'static,
) -> impl IntoView {
    let options = Side::ALL
        .into_iter()
        .map(|s| {
            view! { <option value=s.as_str() selected=s == chosen>{side_name(state, vendor, s)}</option> }
        })
        .collect_view();
    view! {
        <select aria-label=label data-testid=testid on:change=move |ev| {
            if let Ok(s) = event_target_value(&ev).parse::<Side>() {
                on_pick(s);
            }
        }>{options}</select>
    }
}

pub fn commitments_block(
    state: State,
    fmt: SharedFmt,
    w: &'static PlanWords,
    vendor: String,
    period: Quarter,
    editable: bool,
) -> AnyView {
    let ps = state.plan;
    let announce: RwSignal<String> = RwSignal::new(String::new());
    let new_text: NodeRef<html::Input> = NodeRef::new();
    // Rows are rebuilt only when their number changes or the plan is replaced,
    // so typing in a row never loses its focus.
    let count = Memo::new(move |_| {
        ps.plan
            .with(|p| p.as_ref().map_or(0, |p| p.commitments.len()))
    });
    let title = fill(w.commitments, &[("period", &period.to_string())]);
    if !editable {
        let vendor = vendor.clone();
        let items = move || {
            ps.plan.with(|p| {
                p.iter()
                    .flat_map(|p| &p.commitments)
                    .map(|c| {
                        let due = c
                            .due
                            .as_deref()
                            .map(|d| format!(" · {} {}", w.due, fmt.with_value(|f| f.date(d))))
                            .unwrap_or_default();
                        let side = side_name(state, &vendor, c.side);
                        view! {
                            <li data-testid="plan-commitment">{c.text.clone()}
                                <span class="ps-muted">{format!(" · {side}{due}")}</span></li>
                        }
                    })
                    .collect_view()
            })
        };
        return view! {
            <section class="ps-plan-commitments" data-testid="plan-commitments">
                <h3>{title}</h3>
                <ul class="ps-slide-list ps-dense">{items}</ul>
            </section>
        }
        .into_any();
    }
    let rows = {
        let vendor = vendor.clone();
        move || {
            ps.epoch.track();
            (0..count.get())
                .map(|i| row(state, w, &vendor, i, announce, new_text))
                .collect_view()
        }
    };
    let add_error: RwSignal<Option<String>> = RwSignal::new(None);
    let new_side = RwSignal::new(Side::Vendor);
    let new_due: NodeRef<html::Input> = NodeRef::new();
    let add = move || {
        let (Some(text_el), Some(due_el)) = (new_text.get_untracked(), new_due.get_untracked())
        else {
            return;
        };
        let due = Some(due_el.value()).filter(|d| !d.is_empty());
        let c = PlanCommitment {
            side: new_side.get_untracked(),
            text: text_el.value().trim().to_string(),
            owner: None,
            due,
            carried_from: None,
        };
        if c.text.is_empty() {
            add_error.set(Some(w.text_needed.to_string()));
            let _ = text_el.focus();
            return;
        }
        if !commitment_allowed(&c) {
            add_error.set(Some(w.bad_date.to_string()));
            return;
        }
        add_error.set(None);
        announce.set(fill(w.added, &[("text", &c.text)]));
        plan_state::change(state, Reason::Change, false, move |p| p.commitments.push(c));
        text_el.set_value("");
        due_el.set_value("");
        let _ = text_el.focus();
    };
    view! {
        <section class="ps-plan-commitments" data-testid="plan-commitments">
            <h3>{title}</h3>
            <ul class="ps-plan-list">{rows}</ul>
            <div class="ps-plan-new" data-testid="plan-new">
                <input type="text" node_ref=new_text aria-label=w.new_commitment placeholder=w.new_commitment
                    data-testid="plan-new-text" aria-describedby="ps-plan-new-error"
                    aria-invalid=move || add_error.with(|e| e.is_some()).to_string()
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
                {side_select(state, &vendor, Side::Vendor, w.owner_side, "plan-new-side", move |s| new_side.set(s))}
                <input type="date" node_ref=new_due aria-label=w.due data-testid="plan-new-due" />
                <button type="button" data-testid="plan-add" on:click=move |_| add()>{w.add}</button>
                <span class="ps-plan-error" id="ps-plan-new-error" aria-live="assertive" data-testid="plan-new-error">
                    {move || add_error.get()}
                </span>
            </div>
            <p class="ps-vh" aria-live="polite" data-testid="plan-announce">{move || announce.get()}</p>
        </section>
    }
    .into_any()
}

/// Commitment `i`, edited in place.
fn row(
    state: State,
    w: &'static PlanWords,
    vendor: &str,
    i: usize,
    announce: RwSignal<String>,
    new_text: NodeRef<html::Input>,
) -> AnyView {
    let ps = state.plan;
    let Some(c) = ps
        .plan
        .with_untracked(|p| p.as_ref().and_then(|p| p.commitments.get(i).cloned()))
    else {
        return ().into_any();
    };
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let error_id = format!("ps-plan-c{i}-error");
    // Edits a copy of the row and keeps it only if the format would accept it.
    let edit = move |f: &dyn Fn(&mut PlanCommitment)| {
        let Some(mut next) = ps
            .plan
            .with_untracked(|p| p.as_ref().and_then(|p| p.commitments.get(i).cloned()))
        else {
            return;
        };
        f(&mut next);
        if !commitment_allowed(&next) {
            let why = if next.text.trim().is_empty() {
                w.text_needed
            } else {
                w.bad_date
            };
            error.set(Some(why.to_string()));
            return;
        }
        error.set(None);
        plan_state::change(state, Reason::Change, false, move |p| {
            if let Some(slot) = p.commitments.get_mut(i) {
                *slot = next;
            }
        });
    };
    let carried = c.carried_from.map(|q| {
        view! { <span class="ps-muted ps-plan-carried">{fill(w.carried_from, &[("period", &q.to_string())])}</span> }
    });
    let remove_label = fill(w.remove_label, &[("text", &c.text)]);
    let remove = move |_| {
        let text = ps
            .plan
            .with_untracked(|p| {
                p.as_ref()
                    .and_then(|p| p.commitments.get(i).map(|c| c.text.clone()))
            })
            .unwrap_or_default();
        plan_state::change(state, Reason::Change, false, |p| {
            if i < p.commitments.len() {
                p.commitments.remove(i);
            }
        });
        announce.set(fill(w.removed, &[("text", &text)]));
        // The row is gone with its button: the focus goes to the next row's
        // remove button, else to the new commitment's text.
        request_animation_frame(move || {
            let next = new_text.get_untracked().and_then(|input| {
                let list = input.closest(".ps-plan-commitments").ok()??;
                let buttons = list.query_selector_all("[data-testid=plan-remove]").ok()?;
                let at = i.min(buttons.length().saturating_sub(1) as usize) as u32;
                buttons.item(at)?.dyn_into::<web_sys::HtmlElement>().ok()
            });
            match (next, new_text.get_untracked()) {
                (Some(b), _) => {
                    let _ = b.focus();
                }
                (None, Some(t)) => {
                    let _ = t.focus();
                }
                _ => {}
            }
        });
    };
    view! {
        <li class="ps-plan-row" data-testid="plan-commitment">
            <input type="text" class="ps-plan-text" aria-label=w.commitment_text data-testid="plan-text"
                prop:value=c.text.clone() aria-describedby=error_id.clone()
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                on:change=move |ev| {
                    let text = event_target_value(&ev).trim().to_string();
                    edit(&|c| c.text = text.clone());
                } />
            {side_select(state, vendor, c.side, w.owner_side, "plan-side", move |s| edit(&|c| c.side = s))}
            <input type="date" aria-label=w.due data-testid="plan-due" prop:value=c.due.clone().unwrap_or_default()
                on:change=move |ev| {
                    let due = Some(event_target_value(&ev)).filter(|d| !d.is_empty());
                    edit(&|c| c.due = due.clone());
                } />
            {carried}
            <button type="button" data-testid="plan-remove" aria-label=remove_label on:click=remove>{w.remove}</button>
            <span class="ps-plan-error" id=error_id aria-live="assertive" data-testid="plan-text-error">
                {move || error.get()}
            </span>
        </li>
    }
    .into_any()
}

pub fn sign_off_block(
    state: State,
    fmt: SharedFmt,
    w: &'static PlanWords,
    vendor: String,
    editable: bool,
) -> AnyView {
    let ps = state.plan;
    let agreed = Memo::new(move |_| ps.plan.with(|p| p.as_ref().map(|p| p.agreed.clone())));
    let sides = Side::ALL
        .into_iter()
        .map(|side| {
            let who = side_name(state, &vendor, side);
            let signed = move || {
                agreed.with(|a| {
                    a.as_ref().and_then(|a| match side {
                        Side::Vendor => a.vendor.clone(),
                        Side::Partner => a.partner.clone(),
                    })
                })
            };
            let input: NodeRef<html::Input> = NodeRef::new();
            let error: RwSignal<Option<String>> = RwSignal::new(None);
            let id = format!("ps-plan-sign-{}", side.as_str());
            let error_id = format!("{id}-error");
            let who_for_error = who.clone();
            let sign = move || {
                let Some(el) = input.get_untracked() else {
                    return;
                };
                let name = el.value().trim().to_string();
                if name.is_empty() {
                    error.set(Some(fill(w.name_needed, &[("side", &who_for_error)])));
                    let _ = el.focus();
                    return;
                }
                error.set(None);
                let at = String::from(js_sys::Date::new_0().to_iso_string());
                plan_state::change(state, Reason::SignOff, false, move |p| {
                    *p.sign_off_mut(side) = Some(SignOff { name, at: Some(at) });
                });
            };
            let label = fill(w.name_for, &[("side", &who)]);
            let body = move || match signed() {
                Some(s) => {
                    let when = s
                        .at
                        .as_deref()
                        .and_then(|at| {
                            let ms = js_sys::Date::parse(at);
                            (!ms.is_nan()).then(|| fmt.with_value(|f| f.time(ms)))
                        })
                        .map(|t| format!(" · {t}"))
                        .unwrap_or_default();
                    view! {
                        <p class="ps-plan-agreed" data-testid="plan-agreed">
                            <span aria-hidden="true">"✔ "</span>{fill(w.agreed_by, &[("name", &s.name)])}{when}
                        </p>
                    }
                    .into_any()
                }
                None if !editable => view! { <p class="ps-muted">{w.not_agreed}</p> }.into_any(),
                None => {
                    let (sign_key, sign_click) = (sign.clone(), sign.clone());
                    view! {
                    <div class="ps-plan-sign-form">
                        <label for=id.clone()>{label.clone()}</label>
                        <input type="text" id=id.clone() node_ref=input autocomplete="name"
                            data-testid="plan-sign-name" aria-describedby=error_id.clone()
                            aria-invalid=move || error.with(|e| e.is_some()).to_string()
                            on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); sign_key(); } />
                        <button type="button" data-testid="plan-sign" on:click=move |_| sign_click()>{w.mark_agreed}</button>
                        <span class="ps-plan-error" id=error_id.clone() aria-live="assertive">{move || error.get()}</span>
                    </div>
                    }
                    .into_any()
                }
            };
            view! {
                <div class=format!("ps-plan-side ps-{}", side.as_str()) data-testid=format!("plan-sign-{}", side.as_str())>
                    <h4>{who.clone()}</h4>
                    {body}
                </div>
            }
        })
        .collect_view();
    let status = move || {
        if ps.cleared.get() {
            Some(w.cleared)
        } else if agreed.with(|a| {
            a.as_ref()
                .is_some_and(|a| a.vendor.is_some() && a.partner.is_some())
        }) {
            Some(w.both_agreed)
        } else {
            None
        }
    };
    view! {
        <section class="ps-plan-signoff" data-testid="plan-signoff">
            <h3>{w.sign_off}</h3>
            <div class="ps-plan-sides">{sides}</div>
            <p class="ps-plan-status" role="status" data-testid="plan-status">{status}</p>
        </section>
    }
    .into_any()
}
