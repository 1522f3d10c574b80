//! What the browser page offers the views: events on the element, files
//! through the browser's download, full screen and printing, stylesheets
//! adopted into a shadow root. It sits below `ui` and `embed`, which both use
//! it, so the views never reach up into the element that hosts them.
//!
//! These are static free functions on purpose, not a `dyn Trait` object kept
//! in `State`. A vtable built where the element mounts would live in the main
//! wasm module and point at every method, so wasm-split would find the PNG,
//! the PowerPoint download and printing reachable from there and pull them
//! out of the lazy chunks into the first paint. A plain call is reached only
//! from the code that makes it, so each function stays in the chunk of its
//! callers.
//!
//! The JS that `present` and `styles` bind is one file, `page.js`: every
//! snippet is a module the first paint fetches, so one is cheaper than two.

pub mod download;
pub mod events;
pub mod present;
pub mod styles;
