//! Full screen on the element itself, and printing the handout from inside the
//! shadow root (the page around the element is hidden while it prints).

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(module = "/src/host/page.js")]
extern "C" {
    fn enter_fullscreen(el: &HtmlElement) -> js_sys::Promise;
    #[wasm_bindgen(js_name = exit_fullscreen)]
    fn exit_fullscreen_js(el: &HtmlElement);
    #[wasm_bindgen(js_name = is_fullscreen)]
    fn is_fullscreen_js(el: &HtmlElement) -> bool;
    #[wasm_bindgen(js_name = left_fullscreen)]
    fn left_fullscreen_js(el: &HtmlElement) -> bool;
    fn print_handout(host: &HtmlElement, done: JsValue, dialog: bool) -> js_sys::Function;
}

/// Asks for full screen on `el` (call it inside the click that asked for it).
/// Where the page refuses, nothing is logged: the deck then covers the window.
pub fn request_fullscreen(el: &HtmlElement) {
    // The promise never rejects; whether it worked arrives as `fullscreenchange`.
    let _ = enter_fullscreen(el);
}

pub fn exit_fullscreen(el: &HtmlElement) {
    exit_fullscreen_js(el);
}

pub fn is_fullscreen(el: &HtmlElement) -> bool {
    is_fullscreen_js(el)
}

/// Whether `el` was granted full screen and has left it since the last call;
/// this holds even when the browser's events came too late to show the entry.
pub fn left_fullscreen(el: &HtmlElement) -> bool {
    left_fullscreen_js(el)
}

/// Opens the browser's print dialog with only `host` on the page; `done` runs
/// once the dialog closes (`afterprint`). With `dialog` false the browser is
/// printing already (Ctrl+P) and the page is only prepared. Returns the
/// function that undoes the page changes early, for a widget removed while
/// printing.
pub fn print(host: &HtmlElement, dialog: bool, done: impl FnOnce() + 'static) -> js_sys::Function {
    print_handout(host, Closure::once_into_js(done), dialog)
}
