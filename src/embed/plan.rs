//! The `plan` property: a saved plan in, the plan on screen out.

use super::Widget;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Widget {
    /// A saved plan: its JSON text, or an object (serialised as JSON). `null`
    /// or `undefined` hands nothing in. The widget checks it once it has data.
    pub fn set_plan(&self, value: JsValue) {
        if value.is_undefined() || value.is_null() {
            return;
        }
        let json = match value.as_string() {
            Some(text) => text,
            // A value JSON.stringify cannot write (a cycle) becomes text that
            // the plan reader refuses with its own message.
            None => js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| String::from("(not serialisable as JSON)")),
        };
        crate::ui::plan_state::hand_in(self.state, Some(json));
    }

    /// The plan on screen as JSON text, if the plan slide made or loaded one.
    pub fn plan_json(&self) -> Option<String> {
        crate::ui::plan_state::current_json(self.state)
    }
}
