//! Gets the data — from the `data` property or by fetching `src` — with a
//! timeout, retries with backoff for network errors and 5xx, and periodic
//! refresh that keeps the last good data on screen when it fails. Feeds over
//! `max-bytes` are refused, before the download where the server sends a length.
//! The bytes go to the engine (`engine.rs`) without passing through this wasm.

use super::engine::{self, Failed};
use super::load_errors::{max_bytes, refused, too_large, Read};
use crate::contract::Format;
use crate::decimal::show;
use crate::ui::state::{Load, LoadError, Model, State};
use gloo_net::http::Request;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials};

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    fn sleep(ms: f64, signal: &web_sys::AbortSignal) -> js_sys::Promise;
}

#[wasm_bindgen(module = "/src/embed/early.js")]
extern "C" {
    /// The download embed.js started for this element, if it is this request;
    /// `None` aborts it (as does any other request).
    fn take_early_feed(
        host: &web_sys::HtmlElement,
        url: &str,
        credentials: &str,
        signal: Option<web_sys::AbortSignal>,
    ) -> Option<js_sys::Promise>;
}

/// Retries after network errors and 5xx: 3 at most, 0.5 s, 1 s, 2 s apart.
const RETRIES: u32 = 3;

pub struct Loader {
    state: State,
    inner: RefCell<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: u32,
    abort: Option<AbortController>,
    data: Option<JsValue>,
    token: Option<String>,
    stopped: bool,
}

/// What one fetch attempt failed with; only some are worth retrying.
enum Failure {
    Load(LoadError),
    Retryable(LoadError),
    Aborted,
}

impl Loader {
    pub fn new(state: State, data: Option<JsValue>, token: Option<String>) -> Rc<Loader> {
        Rc::new(Loader {
            state,
            inner: RefCell::new(Inner {
                data,
                token,
                ..Inner::default()
            }),
        })
    }

    pub fn set_data(self: &Rc<Self>, data: Option<JsValue>) {
        self.inner.borrow_mut().data = data;
        self.start();
    }

    pub fn set_token(self: &Rc<Self>, token: Option<String>) {
        self.inner.borrow_mut().token = token;
        self.start();
    }

    /// Aborts what is running and ends every loop: the element left the page.
    pub fn stop(&self) {
        self.drop_early();
        let mut inner = self.inner.borrow_mut();
        inner.stopped = true;
        inner.generation = inner.generation.wrapping_add(1);
        if let Some(a) = inner.abort.take() {
            a.abort();
        }
    }

    /// (Re)starts loading from scratch, cancelling any load in flight.
    pub fn start(self: &Rc<Self>) {
        let generation = {
            let mut inner = self.inner.borrow_mut();
            if inner.stopped {
                return;
            }
            if let Some(a) = inner.abort.take() {
                a.abort();
            }
            inner.generation = inner.generation.wrapping_add(1);
            inner.generation
        };
        let _ = self.state.load.try_update(|l| {
            l.loading = true;
            l.error = None;
        });
        let this = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move { this.run(generation).await });
    }

    /// The early download of this element's feed, if embed.js started one and
    /// it is this request (`signal` then aborts it with the loader's own); any
    /// other early download is aborted.
    fn take_early(
        &self,
        url: &str,
        credentials: &str,
        signal: Option<web_sys::AbortSignal>,
    ) -> Option<js_sys::Promise> {
        self.state
            .host
            .try_with_value(|host| take_early_feed(host, url, credentials, signal))
            .flatten()
    }

    /// Aborts the early download, if any: this element will not fetch that `src` first.
    fn drop_early(&self) {
        self.take_early("", "", None);
    }

    fn current(&self, generation: u32) -> bool {
        let inner = self.inner.borrow();
        !inner.stopped && inner.generation == generation
    }

    fn controller(&self) -> Option<AbortController> {
        let c = AbortController::new().ok()?;
        self.inner.borrow_mut().abort = Some(c.clone());
        Some(c)
    }

    async fn run(self: Rc<Self>, generation: u32) {
        loop {
            let result = self.load_once(generation).await;
            if !self.current(generation) {
                return;
            }
            match result {
                Ok(model) => self.loaded(model),
                Err(Failure::Aborted) => return,
                Err(Failure::Load(e)) | Err(Failure::Retryable(e)) => self.failed(e),
            }
            let refresh = self
                .state
                .attrs
                .try_with_untracked(|a| seconds(a.refresh.as_deref(), 0.0))
                .unwrap_or(0.0);
            if refresh <= 0.0 || self.inner.borrow().data.is_some() {
                return;
            }
            let Some(c) = self.controller() else { return };
            let _ = JsFuture::from(sleep(refresh * 1000.0, &c.signal())).await;
            if !self.current(generation) {
                return;
            }
        }
    }

    fn loaded(&self, model: Model) {
        let detail = [
            ("partners", JsValue::from(model.ds.partners.len() as u32)),
            ("periods", JsValue::from(model.book.periods.len() as u32)),
            ("rejected", JsValue::from(model.ds.counts.rejected as u32)),
            ("records", JsValue::from(model.ds.counts.accepted as u32)),
        ];
        let _ = self.state.load.try_set(Load {
            model: Some(Arc::new(model)),
            error: None,
            loading: false,
            stale_since: None,
        });
        self.state.fire("scorecard-ready", &detail);
    }

    fn failed(&self, e: LoadError) {
        let detail = [
            ("kind", JsValue::from_str(e.kind)),
            ("message", JsValue::from_str(&e.message)),
            ("detail", JsValue::from_str(&e.detail)),
            (
                "url",
                e.url
                    .as_deref()
                    .map(JsValue::from_str)
                    .unwrap_or(JsValue::NULL),
            ),
        ];
        let _ = self.state.load.try_update(|l| {
            l.loading = false;
            if l.model.is_some() {
                // Keep the last good data; say since when it is stale.
                l.stale_since.get_or_insert_with(js_sys::Date::now);
            }
            l.error = Some(e);
        });
        self.state.fire("scorecard-error", &detail);
    }

    async fn load_once(&self, generation: u32) -> Result<Model, Failure> {
        let data = self.inner.borrow().data.clone();
        let max = self
            .state
            .attrs
            .try_with_untracked(|a| max_bytes(a.max_bytes.as_deref()))
            .ok_or(Failure::Aborted)?;
        if let Some(data) = data {
            self.drop_early();
            let chunks = JsFuture::from(engine::data_chunks(&data)).await;
            if !self.current(generation) {
                return Err(Failure::Aborted);
            }
            let chunks = chunks
                .and_then(|c| c.dyn_into::<js_sys::Array>())
                .map_err(|_| {
                    Failure::Load(LoadError {
                        kind: "parse",
                        message: "The data property could not be read as a dataset object.".into(),
                        detail: "JSON.stringify failed (a cycle, or a BigInt?)".into(),
                        url: None,
                    })
                })?;
            let bytes = engine::byte_length(&chunks);
            if bytes > max {
                return Err(Failure::Load(too_large(
                    bytes,
                    false,
                    max,
                    format!(
                        "the data property holds {} bytes; max-bytes is {}",
                        show(bytes),
                        show(max)
                    ),
                    None,
                )));
            }
            let format = if data.is_string() {
                engine::detect(None, None, &chunks)
            } else {
                Format::Json
            };
            return self.model(chunks, format, None, generation).await;
        }
        let (src, credentials, timeout) = self
            .state
            .attrs
            .try_with_untracked(|a| {
                (
                    a.src.clone(),
                    a.credentials.clone(),
                    seconds(a.timeout.as_deref(), 15.0),
                )
            })
            .ok_or(Failure::Aborted)?;
        let Some(src) = src else {
            self.drop_early();
            return Err(Failure::Load(LoadError {
                kind: "config",
                message: "No data to show: set the src attribute or the data property.".into(),
                detail: "<partner-scorecard src=\"https://…/scorecard.json\">".into(),
                url: None,
            }));
        };
        let url = resolve(&src);
        let mut attempt = 0;
        loop {
            match self
                .fetch(&url, credentials.as_deref(), timeout, max, attempt == 0)
                .await
            {
                Ok((chunks, content_type)) => {
                    let format = engine::detect(content_type.as_deref(), Some(&url), &chunks);
                    return self.model(chunks, format, Some(&url), generation).await;
                }
                Err(Failure::Retryable(e)) if attempt < RETRIES => {
                    attempt += 1;
                    let Some(c) = self.controller() else {
                        return Err(Failure::Retryable(e));
                    };
                    let wait = 500.0 * f64::from(1u32 << (attempt - 1));
                    let _ = JsFuture::from(sleep(wait, &c.signal())).await;
                    if !self.current(generation) {
                        return Err(Failure::Aborted);
                    }
                }
                Err(Failure::Retryable(mut e)) => {
                    e.detail = format!("{} ({} retries)", e.detail, RETRIES);
                    return Err(Failure::Load(e));
                }
                Err(other) => return Err(other),
            }
        }
    }

    /// Scores the bytes in the worker and decodes its answer.
    async fn model(
        &self,
        chunks: js_sys::Array,
        format: Format,
        url: Option<&str>,
        generation: u32,
    ) -> Result<Model, Failure> {
        let alive = || self.current(generation);
        match engine::score(chunks, format, &alive).await {
            Ok((ds, book)) => Ok(Model { ds, book }),
            Err(Failed::Superseded) => Err(Failure::Aborted),
            Err(Failed::Refused(r)) => Err(Failure::Load(refused(r, url))),
            // Fetched again on the loader's next try (a chunk that failed is not kept).
            Err(Failed::Unloaded) => Err(Failure::Retryable(LoadError {
                kind: "network",
                message: "A part of the widget could not be downloaded: check the connection and try again.".into(),
                detail: engine::UNLOADED.into(),
                url: url.map(str::to_string),
            })),
            Err(Failed::Broken(why)) => Err(Failure::Load(LoadError {
                kind: "parse",
                message: "The data could not be processed: the widget's engine stopped (the data may be too large for this device).".into(),
                detail: format!("the engine stopped: {why}"),
                url: url.map(str::to_string),
            })),
        }
    }

    async fn fetch(
        &self,
        url: &str,
        credentials: Option<&str>,
        timeout: f64,
        max: f64,
        first: bool,
    ) -> Result<(js_sys::Array, Option<String>), Failure> {
        let Some(controller) = self.controller() else {
            return Err(Failure::Aborted);
        };
        let timed_out = Rc::new(std::cell::Cell::new(false));
        let timer = {
            let (c, flag) = (controller.clone(), Rc::clone(&timed_out));
            Closure::once(move || {
                flag.set(true);
                c.abort();
            })
        };
        let window = web_sys::window();
        let timer_id = window.as_ref().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                timer.as_ref().unchecked_ref(),
                (timeout * 1000.0).min(2_147_483_647.0) as i32,
            )
            .ok()
        });
        let (mode, credentials) = match credentials {
            Some("omit") => (RequestCredentials::Omit, "omit"),
            Some("include") => (RequestCredentials::Include, "include"),
            _ => (RequestCredentials::SameOrigin, "same-origin"),
        };
        let mut request = Request::get(url)
            .credentials(mode)
            .abort_signal(Some(&controller.signal()));
        let token = self.inner.borrow().token.clone();
        if let Some(token) = token.as_deref() {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        // Only the first attempt without a token is the request embed.js made.
        let signal = (first && token.is_none()).then(|| controller.signal());
        let early = self.take_early(url, credentials, signal);
        let result = async {
            let response = match early {
                Some(early) => JsFuture::from(early)
                    .await
                    .and_then(|r| r.dyn_into::<web_sys::Response>())
                    .map(gloo_net::http::Response::from)
                    .map_err(Read::from_js)?,
                None => request.send().await.map_err(Read::Failed)?,
            };
            let status = response.status();
            let content_type = response.headers().get("content-type");
            let status_text = response.status_text();
            let chunks = if (200..300).contains(&status) {
                engine::warm_for(response.headers().get("content-length").as_deref());
                let raw = web_sys::Response::from(response);
                let body = JsFuture::from(engine::read_body(&raw, max, engine::IN_PAGE_MAX))
                    .await
                    .map_err(Read::from_js)?;
                body.dyn_into::<js_sys::Array>().unwrap_or_default()
            } else {
                js_sys::Array::new()
            };
            Ok::<_, Read>((status, status_text, content_type, chunks))
        }
        .await;
        if let (Some(w), Some(id)) = (window, timer_id) {
            w.clear_timeout_with_handle(id);
        }
        drop(timer);
        let error = |kind: &'static str, message: String, detail: String| LoadError {
            kind,
            message,
            detail,
            url: Some(url.to_string()),
        };
        match result {
            Ok((status, _, content_type, chunks)) if (200..300).contains(&status) => {
                Ok((chunks, content_type))
            }
            Ok((status, text, _, _)) => {
                let detail = format!("GET {url} answered HTTP {status} {text}");
                Err(match status {
                    401 | 403 => Failure::Load(error(
                        "unauthorised",
                        "You are not authorised to see this scorecard's data (sign in again or ask the portal team for access).".into(),
                        detail,
                    )),
                    404 | 410 => Failure::Load(error(
                        "not-found",
                        "The scorecard's data was not found at its address.".into(),
                        detail,
                    )),
                    500..=599 => Failure::Retryable(error(
                        "server",
                        format!("The data server had a problem (HTTP {status}). Try again in a moment."),
                        detail,
                    )),
                    _ => Failure::Load(error(
                        "http",
                        format!("The data server refused the request (HTTP {status})."),
                        detail,
                    )),
                })
            }
            Err(Read::TooLarge {
                bytes,
                declared,
                partial,
            }) => {
                let limit = show(max);
                let what = if declared {
                    format!("GET {url} announced {} bytes (Content-Length)", show(bytes))
                } else {
                    format!("GET {url} sent more than {limit} bytes")
                };
                let detail = format!("{what}; max-bytes is {limit}");
                Err(Failure::Load(too_large(bytes, partial, max, detail, Some(url))))
            }
            Err(_) if timed_out.get() => Err(Failure::Load(error(
                "timeout",
                format!(
                    "The data server did not answer within {} second{}.",
                    show(timeout),
                    if timeout == 1.0 { "" } else { "s" }
                ),
                format!("GET {url} timed out after {} s", show(timeout)),
            ))),
            Err(_) if controller.signal().aborted() => Err(Failure::Aborted),
            Err(e) => Err(Failure::Retryable(error(
                "network",
                "The data could not be reached: the network failed, or the data server does not allow this page's origin (CORS).".into(),
                format!("GET {url} failed: {e}"),
            ))),
        }
    }
}

/// Seconds from an attribute, with a default for absent or unreadable values.
fn seconds(text: Option<&str>, default: f64) -> f64 {
    text.and_then(|t| crate::decimal::parse(t.trim()))
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(default)
}

/// Relative `src` values resolve against the page, as an `<img src>` would.
fn resolve(src: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base {
        Some(base) => web_sys::Url::new_with_base(src, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| src.to_string()),
        None => src.to_string(),
    }
}
