//! Events out of the element: bubbling and composed, so hosts can listen on
//! any ancestor, even across their own shadow roots.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

pub fn fire(host: &HtmlElement, name: &str, detail: &[(&str, JsValue)]) {
    let obj = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&obj, &JsValue::from_str(key), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&obj);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
