//! partner-scorecard: the joint vendor/partner scorecard.
//!
//! Data flows one way: `contract` (parse, validate) → `score` → `chart` → the
//! web layers (`ui`, `embed`, wasm only). Everything up to `chart` is plain Rust.
//! `host` (wasm only) is what the browser page offers the views; it sits below
//! `ui` so that the views never import from `embed`.

pub mod chart;
pub mod contract;
pub mod decimal;
pub mod export;
pub mod i18n;
pub mod locale_number;
pub mod plan;
pub mod pptx;
pub mod sample;
pub mod score;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod host;
#[cfg(target_arch = "wasm32")]
mod split;
#[cfg(target_arch = "wasm32")]
pub mod ui;
