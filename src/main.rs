//! The wasm entry Trunk builds: it only defines the element.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    partner_scorecard::embed::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partner-scorecard-web is the browser build; run `./x demo`, or use the `scorecard` command.");
}
