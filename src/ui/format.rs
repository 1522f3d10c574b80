//! Numbers and dates through the browser's `Intl`, per locale and currency.
//! Undefined figures read "—" everywhere.

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

pub const UNDEFINED: &str = "—";

/// Formatters for one locale and currency; build once per view. Cloning shares
/// the same Intl objects.
#[derive(Clone)]
pub struct Fmt {
    money: Intl::NumberFormat,
    /// Money per unit put in: always to the cent ("$1.90").
    rate: Intl::NumberFormat,
    compact: Intl::NumberFormat,
    percent: Intl::NumberFormat,
    /// A percent metric's value, which keeps its decimal: "91.1%".
    percent_value: Intl::NumberFormat,
    number: Intl::NumberFormat,
    ratio: Intl::NumberFormat,
    time: Intl::DateTimeFormat,
    date: Intl::DateTimeFormat,
    pub locale: String,
    /// The words of the locale's language (English when it has none).
    pub m: &'static crate::i18n::Messages,
    /// The verdict's and the alignment section's words in that language.
    pub v: &'static crate::i18n::verdict::Verdict,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn number_format(locale: &str, pairs: &[(&str, JsValue)]) -> Intl::NumberFormat {
    let locales = Array::of1(&JsValue::from_str(locale));
    Intl::NumberFormat::new(&locales, &options(pairs))
}

fn call(f: &js_sys::Function, v: f64) -> String {
    f.call1(&JsValue::NULL, &JsValue::from_f64(v))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| v.to_string())
}

/// The page's language when the element sets none.
pub fn page_locale() -> String {
    let doc_lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty());
    doc_lang
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
        .unwrap_or_else(|| "en".into())
}

/// A locale Intl accepts; an invalid tag falls back to English instead of throwing.
fn usable_locale(locale: &str) -> String {
    let supported = Intl::NumberFormat::supported_locales_of(
        &Array::of1(&JsValue::from_str(locale)),
        &Object::new(),
    );
    if supported.length() > 0 {
        locale.to_string()
    } else {
        "en".to_string()
    }
}

impl Fmt {
    pub fn new(locale: &str, currency: &str) -> Fmt {
        let locale = if is_tag(locale) {
            usable_locale(locale)
        } else {
            "en".into()
        };
        let currency = if crate::contract::record::is_currency(currency) {
            currency
        } else {
            "USD"
        };
        let cur = JsValue::from_str(currency);
        Fmt {
            money: number_format(
                &locale,
                &[
                    ("style", "currency".into()),
                    ("currency", cur.clone()),
                    // Whole amounts without cents, amounts with cents to the cent.
                    ("minimumFractionDigits", 0.into()),
                    ("maximumFractionDigits", 2.into()),
                ],
            ),
            rate: number_format(
                &locale,
                &[
                    ("style", "currency".into()),
                    ("currency", cur.clone()),
                    ("minimumFractionDigits", 2.into()),
                    ("maximumFractionDigits", 2.into()),
                ],
            ),
            compact: number_format(
                &locale,
                &[
                    ("style", "currency".into()),
                    ("currency", cur),
                    ("notation", "compact".into()),
                    ("maximumFractionDigits", 1.into()),
                ],
            ),
            percent: number_format(
                &locale,
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", 0.into()),
                ],
            ),
            percent_value: number_format(
                &locale,
                &[
                    ("style", "percent".into()),
                    ("maximumFractionDigits", 1.into()),
                ],
            ),
            number: number_format(&locale, &[("maximumFractionDigits", 2.into())]),
            ratio: number_format(
                &locale,
                &[
                    ("minimumFractionDigits", 2.into()),
                    ("maximumFractionDigits", 2.into()),
                ],
            ),
            time: Intl::DateTimeFormat::new(
                &Array::of1(&JsValue::from_str(&locale)),
                &options(&[
                    ("dateStyle", "medium".into()),
                    ("timeStyle", "short".into()),
                ]),
            ),
            date: Intl::DateTimeFormat::new(
                &Array::of1(&JsValue::from_str(&locale)),
                &options(&[("dateStyle", "medium".into()), ("timeZone", "UTC".into())]),
            ),
            m: crate::i18n::Lang::from_locale(&locale).messages(),
            v: crate::i18n::Lang::from_locale(&locale).verdict(),
            locale,
        }
    }

    /// An ISO date (`2026-09-30`) in the locale's words; other text is shown as is.
    pub fn date(&self, iso: &str) -> String {
        let date = js_sys::Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return iso.to_string();
        }
        self.date
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| iso.to_string())
    }

    pub fn money(&self, v: f64) -> String {
        call(&self.money.format(), v)
    }

    /// Money taken out per unit put in, to the cent: "$1.90".
    pub fn rate(&self, v: Option<f64>) -> String {
        v.map(|v| call(&self.rate.format(), v))
            .unwrap_or_else(|| UNDEFINED.into())
    }

    pub fn compact(&self, v: f64) -> String {
        call(&self.compact.format(), v)
    }

    pub fn number(&self, v: f64) -> String {
        call(&self.number.format(), v)
    }

    pub fn percent(&self, v: Option<f64>) -> String {
        v.map(|v| call(&self.percent.format(), v))
            .unwrap_or_else(|| UNDEFINED.into())
    }

    /// A value of a percent metric, which the feed gives as 0–100.
    pub fn percent_value(&self, v: f64) -> String {
        call(&self.percent_value.format(), v / 100.0)
    }

    /// Fairness and attainment ratios: "1.37×".
    pub fn ratio(&self, v: Option<f64>) -> String {
        v.map(|v| format!("{}×", call(&self.ratio.format(), v)))
            .unwrap_or_else(|| UNDEFINED.into())
    }

    pub fn score(&self, v: Option<f64>) -> String {
        v.map(|v| {
            call(&self.percent.format(), v / 100.0)
                .replace('%', "")
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| UNDEFINED.into())
    }

    pub fn time(&self, epoch_ms: f64) -> String {
        let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms));
        self.time
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// A signed change with an arrow, e.g. "▲ +1,200".
    pub fn change(&self, v: Option<f64>, money: bool) -> String {
        self.signed(v, |a| {
            if money {
                self.compact(a)
            } else {
                self.number(a)
            }
        })
    }

    /// A change of a share in percentage points, e.g. "▼ −3 pp".
    pub fn change_points(&self, v: Option<f64>) -> String {
        self.signed(v.map(|v| v * 100.0), |a| {
            format!("{} pp", self.number((a * 10.0).round() / 10.0))
        })
    }

    /// A change of a 0–100 score in points to one decimal, e.g. "▼ −11.1 pts".
    pub fn change_score(&self, v: Option<f64>) -> String {
        self.signed(v, |a| {
            format!(
                "{} {}",
                self.number((a * 10.0).round() / 10.0),
                self.v.points
            )
        })
    }

    /// A change of a gap between ratings, in rating points to one decimal.
    pub fn change_rating(&self, v: Option<f64>) -> String {
        self.signed(v, |a| self.number((a * 10.0).round() / 10.0))
    }

    /// A rating or a mean of ratings to one decimal: "3", "3.5".
    pub fn rating(&self, v: Option<f64>) -> String {
        v.map(|v| self.number((v * 10.0).round() / 10.0))
            .unwrap_or_else(|| UNDEFINED.into())
    }

    fn signed(&self, v: Option<f64>, text: impl Fn(f64) -> String) -> String {
        match v {
            None => UNDEFINED.into(),
            Some(v) if v.abs() < 1e-9 => "■ 0".into(),
            Some(v) => {
                let arrow = if v > 0.0 { "▲ +" } else { "▼ −" };
                format!("{arrow}{}", text(v.abs()))
            }
        }
    }
}

/// A loose BCP 47 shape check, so Intl never throws on odd attribute values.
fn is_tag(locale: &str) -> bool {
    !locale.is_empty()
        && locale.len() <= 35
        && locale
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}
