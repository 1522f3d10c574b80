//! The loader's errors that come from the size limit and the engine: the
//! `max-bytes` attribute, how reading a body failed, and the words for a feed
//! the engine refused. Messages are English; the views localise by `kind`.

use crate::ui::state::LoadError;
use crate::wire::Refusal;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How reading a response failed.
pub(super) enum Read {
    Failed(gloo_net::Error),
    /// The body failed while streaming in (a network error or the timeout's abort).
    Body(String),
    /// `declared`: from Content-Length, before the download; `partial`: refused
    /// mid-stream, so `bytes` is what had arrived.
    TooLarge {
        bytes: f64,
        declared: bool,
        partial: bool,
    },
}

impl Read {
    pub(super) fn from_js(e: JsValue) -> Read {
        let field = |name: &str| js_sys::Reflect::get(&e, &JsValue::from_str(name)).ok();
        if let Some(bytes) = field("tooLarge").and_then(|v| v.as_f64()) {
            let flag = |name: &str| field(name).and_then(|v| v.as_bool()).unwrap_or(false);
            return Read::TooLarge {
                bytes,
                declared: flag("declared"),
                partial: flag("partial"),
            };
        }
        let text = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the body could not be read".into());
        Read::Body(text)
    }
}

impl std::fmt::Display for Read {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Read::Failed(e) => write!(f, "{e}"),
            Read::Body(text) => write!(f, "{text}"),
            Read::TooLarge { bytes, .. } => {
                write!(f, "{} bytes is too large", crate::decimal::show(*bytes))
            }
        }
    }
}

/// The default of `max-bytes`: room for 20,000 partners × 8 quarters as CSV
/// (283 MB of today's sample; as JSON it is 530 MB, which a host allows with the
/// attribute). The worker then needs 2-2.5 GB of wasm memory, under the 4 GB a
/// wasm32 memory can reach; larger feeds are refused rather than left to crash
/// the worker or the tab.
pub const MAX_BYTES: f64 = 500_000_000.0;

/// The `max-bytes` attribute: a whole number of bytes; anything else is the default.
pub(super) fn max_bytes(text: Option<&str>) -> f64 {
    text.and_then(|t| t.trim().parse::<u64>().ok())
        .map(|n| n as f64)
        .unwrap_or(MAX_BYTES)
}

/// A size for people: `130 MB`, `2.5 MB`, `40 KB`, `900 bytes`. Rounded in
/// integers: no float formatting in the module every page downloads first
/// (`decimal::show`).
fn size(bytes: f64) -> String {
    let round = |v: f64| v.round() as u64;
    match bytes {
        b if b >= 10e6 => format!("{} MB", round(b / 1e6)),
        b if b >= 1e6 => {
            let tenths = round(b / 1e5);
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
        b if b >= 1e3 => format!("{} KB", round(b / 1e3)),
        b => format!("{} bytes", round(b)),
    }
}

/// `at_least`: refused while streaming in, so `bytes` is what had arrived.
pub(super) fn too_large(
    bytes: f64,
    at_least: bool,
    max: f64,
    detail: String,
    url: Option<&str>,
) -> LoadError {
    LoadError {
        kind: "too-large",
        message: format!(
            "The data is too large for this widget: it is {}{}, and the limit is {}.",
            if at_least { "more than " } else { "" },
            size(bytes),
            size(max)
        ),
        detail,
        url: url.map(str::to_string),
    }
}

/// The words for a feed the engine gives nothing for.
pub(super) fn refused(r: Refusal, url: Option<&str>) -> LoadError {
    let (kind, message, detail) = match r {
        Refusal::Fatal {
            schema: true,
            detail,
        } => (
            "schema",
            "The data is in a format version this widget does not read.",
            detail,
        ),
        Refusal::Fatal { detail, .. } => (
            "parse",
            "The data is not a readable scorecard (JSON or CSV).",
            detail,
        ),
        Refusal::NoRecords { partners } => (
            "empty",
            "The data has no records, so there is nothing to show yet.",
            format!("{partners} partners, 0 records"),
        ),
        Refusal::AllRejected { first } => (
            "empty",
            "Every record in the data was rejected, so there is nothing to show.",
            first.join("\n"),
        ),
    };
    LoadError {
        kind,
        message: message.to_string(),
        detail,
        url: url.map(str::to_string),
    }
}
