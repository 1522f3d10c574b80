//! The engine's wasm for the widget's Web Worker (`dist/partner-scorecard-worker*`,
//! started by `src/embed/worker.js`): parse, validate and score off the page's
//! main thread, and answer in the compact binary of `wire`.

#[cfg(target_arch = "wasm32")]
mod web {
    use partner_scorecard::contract::Format;
    use wasm_bindgen::prelude::*;

    /// Feed bytes in (`format`: 0 JSON, 1 CSV), the framed `wire` answer out.
    #[wasm_bindgen]
    pub fn process(input: &[u8], format: u8) -> Vec<u8> {
        let format = if format == 1 {
            Format::Csv
        } else {
            Format::Json
        };
        partner_scorecard::wire::process(input, format)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "partner-scorecard-worker is the browser build of the engine; use the `scorecard` command."
    );
}
