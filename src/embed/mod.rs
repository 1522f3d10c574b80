//! The custom element: attributes and properties in, events out, a shadow root
//! with its own stylesheet, one Leptos mount per connected element.

pub mod engine;
mod feed;
mod load_errors;
mod loader;
mod plan;

use crate::ui::state::{Attrs, State};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

/// The tag name hosts use.
pub const TAG: &str = "partner-scorecard";

/// The attributes a widget reads, kebab-case as in the markup.
pub const ATTRIBUTES: [&str; 12] = [
    "src",
    "partner",
    "period",
    "locale",
    "currency",
    "theme",
    "credentials",
    "timeout",
    "refresh",
    "view",
    "exports",
    "max-bytes",
];

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    fn define_element(
        name: &str,
        connect: &Closure<dyn Fn(HtmlElement, ShadowRoot, JsValue, JsValue) -> Widget>,
    );
}

/// The first paint's styles; the portfolio's and the deck's come with their
/// chunks (`ui::lazy`, `host::styles::adopt_more`).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// Defines `<partner-scorecard>` once per page. The engine's worker runs this
/// same module (`worker.js`), and its start calls this too: there is no DOM
/// there, so nothing is defined.
pub fn register() {
    if web_sys::window().is_none() {
        return;
    }
    let connect = Closure::<dyn Fn(HtmlElement, ShadowRoot, JsValue, JsValue) -> Widget>::new(
        |host: HtmlElement, shadow: ShadowRoot, data: JsValue, token: JsValue| {
            Widget::mount(host, shadow, data, token)
        },
    );
    define_element(TAG, &connect);
    // The element class keeps calling this for the page's lifetime.
    connect.forget();
}

/// One connected element. Dropped (JS `free()`) on disconnect: that aborts the
/// request, ends refresh loops and unmounts the view.
#[wasm_bindgen]
pub struct Widget {
    loader: Rc<loader::Loader>,
    state: State,
    mount: Option<Box<dyn Any>>,
    resize: Option<Resize>,
}

#[wasm_bindgen]
impl Widget {
    fn mount(host: HtmlElement, shadow: ShadowRoot, data: JsValue, token: JsValue) -> Widget {
        crate::host::styles::adopt(&shadow, CSS);
        while let Some(child) = shadow.first_child() {
            let _ = shadow.remove_child(&child);
        }
        let mut attrs = Attrs::default();
        for name in ATTRIBUTES {
            attrs.set(name, host.get_attribute(name));
        }
        let container: HtmlElement = match web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("div").ok())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            Some(c) => c,
            None => {
                wasm_bindgen::throw_str("partner-scorecard: cannot create its container element")
            }
        };
        let _ = container.set_attribute("class", "ps-host");
        let _ = shadow.append_child(&container);

        let slot: Rc<RefCell<Option<State>>> = Rc::default();
        let retry_slot: Rc<RefCell<Option<Rc<loader::Loader>>>> = Rc::default();
        let handle = {
            let (slot, retry_slot) = (Rc::clone(&slot), Rc::clone(&retry_slot));
            leptos::mount::mount_to(container, move || {
                let state = State::new(host, attrs);
                *slot.borrow_mut() = Some(state);
                crate::ui::plan_state::watch(state);
                Effect::watch(
                    move || state.retry.get(),
                    move |_, _, _| {
                        if let Some(l) = retry_slot.borrow().as_ref() {
                            l.start();
                        }
                    },
                    false,
                );
                view! { <crate::ui::App state=state /> }
            })
        };
        let Some(state) = slot.borrow_mut().take() else {
            wasm_bindgen::throw_str("partner-scorecard: the view did not mount");
        };
        let data = (!data.is_undefined() && !data.is_null()).then_some(data);
        let loader = loader::Loader::new(state, data, token.as_string());
        *retry_slot.borrow_mut() = Some(Rc::clone(&loader));
        loader.start();
        let resize = watch_width(&state);
        Widget {
            loader,
            state,
            mount: Some(Box::new(handle)),
            resize,
        }
    }

    /// An observed attribute changed.
    pub fn set_attr(&self, name: &str, value: Option<String>) {
        let mut changed = false;
        let _ = self
            .state
            .attrs
            .try_update(|a| changed = a.set(name, value));
        if !changed {
            return;
        }
        match name {
            // Another source: what is on screen no longer applies, even as stale data.
            "src" => {
                self.forget_data();
                self.loader.start();
            }
            "credentials" | "timeout" | "refresh" | "max-bytes" => self.loader.start(),
            "period" => {
                let _ = self.state.picked_period.try_set(None);
            }
            "partner" => {
                let _ = self.state.opened.try_set(None);
            }
            "view" => {
                let qbr = self
                    .state
                    .attrs
                    .try_with_untracked(|a| a.view.as_deref() == Some("qbr"))
                    .unwrap_or(false);
                if qbr {
                    let _ = self.state.presenting.try_set(true);
                } else {
                    crate::ui::qbr::close(self.state);
                }
            }
            _ => {}
        }
    }

    pub fn set_data(&self, data: JsValue) {
        self.forget_data();
        let data = (!data.is_undefined() && !data.is_null()).then_some(data);
        self.loader.set_data(data);
    }

    pub fn set_token(&self, token: Option<String>) {
        self.loader.set_token(token);
    }

    pub fn reload(&self) {
        self.loader.start();
    }
}

/// The observer and the callback it holds; both live as long as the widget.
type Resize = (web_sys::ResizeObserver, Closure<dyn Fn(js_sys::Array)>);

/// Keeps `state.width` at the element's width, in 40 px steps so that a drag
/// of the window redraws the charts a few times rather than on every pixel.
fn watch_width(state: &State) -> Option<Resize> {
    let width = state.width;
    let update = move |w: f64| {
        let stepped = ((w.max(0.0) as u32) / 40) * 40;
        if width.try_get_untracked() != Some(stepped) {
            let _ = width.try_set(stepped);
        }
    };
    state
        .host
        .with_value(|host| update(f64::from(host.client_width())));
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            update(entry.content_rect().width());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    state.host.with_value(|host| observer.observe(host));
    Some((observer, callback))
}

impl Widget {
    fn forget_data(&self) {
        let _ = self.state.load.try_set(crate::ui::state::Load {
            loading: true,
            ..Default::default()
        });
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        if let Some((observer, _)) = self.resize.take() {
            observer.disconnect();
        }
        self.loader.stop();
        // Unmounting disposes the signals; the loader only uses try_* on them.
        self.mount.take();
    }
}
