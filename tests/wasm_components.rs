//! The element in a real browser (wasm-bindgen-test in headless Chromium):
//! what a user sees in the shadow root, and the events a host receives.
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm_components`
#![cfg(target_arch = "wasm32")]

use partner_scorecard::contract;
use partner_scorecard::sample::{generate, SampleOptions};
use partner_scorecard::score::ScoreBook;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn sample() -> String {
    generate(&SampleOptions {
        partners: 12,
        quarters: 8,
        seed: 7,
    })
}

async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until the shadow root shows `text` (or gives up after ~3 s).
async fn shows(el: &Element, text: &str) -> String {
    let mut seen = String::new();
    for _ in 0..60 {
        seen = el
            .shadow_root()
            .and_then(|r| r.text_content())
            .unwrap_or_default();
        if seen.contains(text) {
            break;
        }
        tick(50).await;
    }
    seen
}

fn query(el: &Element, selector: &str) -> Option<Element> {
    el.shadow_root()?.query_selector(selector).ok()?
}

fn element(attrs: &[(&str, &str)], data: &str) -> Element {
    // One module here, no worker files: the engine runs in the page.
    partner_scorecard::embed::engine::run_in_process(partner_scorecard::wire::process);
    partner_scorecard::embed::register();
    let el = document().create_element("partner-scorecard").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    js_sys::Reflect::set(&el, &"data".into(), &JsValue::from_str(data)).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Records every event of `name` that reaches the document.
fn listen(name: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = Rc::clone(&seen);
    let cb = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        sink.borrow_mut().push(e.detail())
    });
    document()
        .add_event_listener_with_callback(name, cb.as_ref().unchecked_ref())
        .unwrap();
    cb.forget();
    seen
}

fn field(detail: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(detail, &key.into()).unwrap()
}

#[wasm_bindgen_test]
async fn scorecard_shows_the_engines_figures() {
    let data = sample();
    let ds = contract::parse_json(data.as_bytes()).unwrap();
    let book = ScoreBook::new(&ds);
    let period = book.latest().unwrap();
    let s = book.get(0, period).unwrap();
    let el = element(
        &[("partner", &ds.partners[0].id), ("locale", "en-US")],
        &data,
    );
    let text = shows(&el, &ds.partners[0].name).await;
    assert!(text.contains(&ds.partners[0].name), "shadow text: {text}");
    let fairness = query(&el, "[data-testid=fairness]")
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(fairness, format!("{:.2}×", s.fairness.unwrap()));
    let band = query(&el, "[data-testid=band]")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(band.ends_with(s.band.unwrap().as_str()), "band {band}");
    let vendor_inv = query(
        &el,
        "[data-testid=pillar-investment] [data-testid=vendor-total]",
    )
    .unwrap()
    .text_content()
    .unwrap();
    let digits: String = vendor_inv.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits, format!("{}", s.investment.vendor.round() as i64));
    el.remove();
}

#[wasm_bindgen_test]
async fn wrong_schema_shows_a_message_and_fires_an_error() {
    let errors = listen("scorecard-error");
    let el = element(&[], r#"{"schema":"partner-scorecard/v9","records":[]}"#);
    let text = shows(&el, "format version").await;
    assert!(
        text.contains("format version this widget does not read"),
        "{text}"
    );
    assert!(
        text.contains("partner-scorecard/v1"),
        "detail names the supported version: {text}"
    );
    let kinds: Vec<String> = errors
        .borrow()
        .iter()
        .filter_map(|d| field(d, "kind").as_string())
        .collect();
    assert!(kinds.contains(&"schema".to_string()), "{kinds:?}");
    el.remove();
}

#[wasm_bindgen_test]
async fn portfolio_row_opens_the_scorecard_and_fires_select() {
    let selects = listen("scorecard-select");
    let data = sample();
    let ds = contract::parse_json(data.as_bytes()).unwrap();
    let el = element(&[], &data);
    shows(&el, "All partners").await;
    let rows = el
        .shadow_root()
        .unwrap()
        .query_selector_all("[data-testid=portfolio-row]")
        .unwrap();
    assert_eq!(rows.length() as usize, ds.partners.len());
    let button: HtmlElement = query(&el, "[data-testid=portfolio-row] button")
        .unwrap()
        .dyn_into()
        .unwrap();
    let first = button.text_content().unwrap();
    button.click();
    // "Targets" is only in the scorecard ("Balance" is also in "Balance quadrant").
    let text = shows(&el, "Targets").await;
    assert!(text.contains("Targets") && text.contains(&first), "{text}");
    let last = selects.borrow().last().cloned().unwrap();
    assert!(field(&last, "partner").as_string().is_some());
    let back: HtmlElement = query(&el, "[data-testid=back]")
        .unwrap()
        .dyn_into()
        .unwrap();
    back.click();
    let text = shows(&el, "All partners").await;
    assert!(text.contains("All partners"));
    el.remove();
}

#[wasm_bindgen_test]
async fn attribute_change_rerenders_and_readding_mounts_again() {
    let data = sample();
    let ds = contract::parse_json(data.as_bytes()).unwrap();
    let el = element(&[("partner", &ds.partners[0].id)], &data);
    shows(&el, &ds.partners[0].name).await;
    el.set_attribute("partner", &ds.partners[1].id).unwrap();
    let text = shows(&el, &ds.partners[1].name).await;
    assert!(text.contains(&ds.partners[1].name));
    el.set_attribute("partner", "nobody").unwrap();
    let text = shows(&el, "is not in the data").await;
    assert!(
        text.contains("\"nobody\" is not in the data, which has 12 partners"),
        "{text}"
    );
    el.remove();
    document().body().unwrap().append_child(&el).unwrap();
    let text = shows(&el, "is not in the data").await;
    assert!(
        text.contains("is not in the data"),
        "re-added element renders: {text}"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn names_from_data_are_text_not_markup() {
    let data = sample().replacen(
        "Cardinal Analytics Ltd",
        "<img src=x onerror=\\\"window.__pwned=1\\\">",
        1,
    );
    let el = element(&[("partner", "P-00001")], &data);
    let text = shows(&el, "<img").await;
    assert!(text.contains("<img src=x"), "{text}");
    assert!(query(&el, "img").is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn errors_speak_the_locale_language() {
    let el = element(
        &[("locale", "de-DE")],
        r#"{"schema":"partner-scorecard/v9","records":[]}"#,
    );
    let text = shows(&el, "Formatversion").await;
    assert!(
        text.contains("Formatversion, die dieses Widget nicht liest"),
        "{text}"
    );
    assert!(
        text.contains("Technische Details") && text.contains("Erneut versuchen"),
        "{text}"
    );
    assert!(
        text.contains("partner-scorecard/v1"),
        "the detail still names the version: {text}"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn a_change_of_locale_speaks_the_new_language() {
    let data = sample();
    let ds = contract::parse_json(data.as_bytes()).unwrap();
    let el = element(
        &[("partner", &ds.partners[0].id), ("locale", "en-US")],
        &data,
    );
    let text = shows(&el, "The verdict").await;
    assert!(text.contains("The verdict"), "{text}");
    el.set_attribute("locale", "fr-FR").unwrap();
    let text = shows(&el, "Le verdict").await;
    assert!(
        text.contains("Le verdict") && !text.contains("The verdict"),
        "{text}"
    );
    let lang = query(&el, "[data-testid=root]").and_then(|r| r.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("fr"), "the root says what it speaks");
    el.remove();
}

/// In wasm `decimal::show` takes its digits from the browser: the text must
/// still be what `format!` writes (the validation messages quote numbers).
#[wasm_bindgen_test]
fn numbers_in_messages_read_as_rust_writes_them() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut values = vec![
        0.0,
        -0.0,
        1.0,
        0.1,
        2.5,
        -42.75,
        1e-6,
        1e-7,
        1.5e-7,
        1e20,
        1e21,
        1.5e21,
        1e22,
        1.7976931348623157e308,
        5e-324,
        -3.25e-100,
        12e30,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for _ in 0..2000 {
        // xorshift: any bit pattern, so every exponent and subnormals too.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        values.push(f64::from_bits(seed));
    }
    for v in values {
        assert_eq!(
            partner_scorecard::decimal::show(v),
            format!("{v}"),
            "bits {:#x}",
            v.to_bits()
        );
    }
}
