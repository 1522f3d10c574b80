//! Stylesheets in a shadow root: the first paint's, which replaces whatever
//! the root had, and the ones a part brings with its chunk, added beside it.

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

#[wasm_bindgen(module = "/src/host/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = adopt_styles)]
    fn adopt_styles_js(shadow: &ShadowRoot, css: &str);
    #[wasm_bindgen(js_name = adopt_more_styles)]
    fn adopt_more_styles_js(shadow: &ShadowRoot, css: &str);
}

/// Makes `css` the shadow root's only stylesheet (a new mount starts clean).
pub fn adopt(shadow: &ShadowRoot, css: &str) {
    adopt_styles_js(shadow, css);
}

/// Adds `css` to the shadow root's stylesheets, once per root; every widget
/// on the page shares one sheet per text.
pub fn adopt_more(shadow: &ShadowRoot, css: &str) {
    adopt_more_styles_js(shadow, css);
}
