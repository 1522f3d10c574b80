//! `decimal::parse` against `str::parse::<f64>`: the same text accepted, the
//! same double given, bit for bit, on the fast path and off it.

use partner_scorecard::decimal::{self, parse};
use proptest::prelude::*;

fn same(text: &str) {
    let want = text.parse::<f64>().ok();
    let got = parse(text);
    match (want, got) {
        (Some(w), Some(g)) if w.is_nan() => assert!(g.is_nan(), "{text:?}: {g} is not NaN"),
        (Some(w), Some(g)) => assert_eq!(w.to_bits(), g.to_bits(), "{text:?}: {g:e} for {w:e}"),
        (None, None) => {}
        _ => panic!("{text:?}: str::parse gives {want:?}, decimal::parse {got:?}"),
    }
}

#[test]
fn the_numbers_feeds_hold() {
    for text in [
        "0",
        "-0",
        "+0",
        "0.0",
        "00012",
        "12",
        "1234567.89",
        "-1234567.89",
        "0.1",
        "0.2",
        "0.3",
        "1.5",
        "100",
        "1e3",
        "1E3",
        "1e+3",
        "1e-3",
        "2.50",
        ".5",
        "5.",
        "-.5",
        "0.000001",
        "4503599627370497.5",
        "9007199254740992",
        "9007199254740993",
        "18014398509481985",
        "1000000000000000000000",
        "123456789012345678901234567890",
        "12e25",
        "12e37",
        "9e22",
        "1e22",
        "1e23",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "1e309",
        "-1e400",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9e-324",
        "2e-324",
        "1e-400",
        "0.30000000000000004",
        "3.141592653589793238462643383279",
        "7.038531e-26",
        "0.00000000000000000000000000000000000000000000000001",
        "1e0000000000000000000001",
        "1e-99999999999999999999",
        "1e99999999999999999999",
        "0e99999999999999999999",
        "inf",
        "-inf",
        "+Infinity",
        "INF",
        "NaN",
        "nan",
        "-NaN",
    ] {
        same(text);
    }
}

#[test]
fn text_that_is_no_number() {
    for text in [
        "", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", " 1", "1 ", "1,5",
        "1_000", "0x10", "--1", "+-1", "1e5.5", "infx", "infinit", "nana", "1d", "١٢", "1e+-5",
        "∞",
    ] {
        same(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn every_double_as_rust_writes_it(bits in any::<u64>()) {
        let v = f64::from_bits(bits);
        same(&format!("{v}"));
        same(&format!("{v:e}"));
        same(&format!("{v:.3}"));
    }

    #[test]
    fn money_as_feeds_write_it(cents in any::<i64>(), places in 0usize..4) {
        let text = format!("{cents}");
        let (int, frac) = text.split_at(text.len().saturating_sub(places));
        same(&format!("{int}.{frac}"));
    }

    #[test]
    fn any_digits_point_and_exponent(int in "[0-9]{0,25}", frac in "[0-9]{0,25}", exp in proptest::option::of(-400i32..400)) {
        let mut text = int.clone();
        if !frac.is_empty() || int.is_empty() {
            text.push('.');
            text.push_str(&frac);
        }
        if let Some(e) = exp {
            text.push_str(&format!("e{e}"));
        }
        same(&text);
    }
}

/// `decimal::show` writes what `format!("{v}")` writes.
fn shown(v: f64) {
    assert_eq!(decimal::show(v), format!("{v}"), "bits {:#x}", v.to_bits());
}

#[test]
fn shows_numbers_as_rust_writes_them() {
    for v in [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.5,
        2.5,
        100.0,
        1234.5678,
        -42.75,
        1e-6,
        1e-7,
        1.5e-7,
        9.999e-7,
        1e20,
        1e21,
        1.5e21,
        123456789012345680000.0,
        1e22,
        1.7976931348623157e308,
        5e-324,
        2.2250738585072014e-308,
        -3.25e-100,
        0.000001234,
        12e30,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        shown(v);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn shows_every_double_as_rust_writes_it(bits in any::<u64>()) {
        shown(f64::from_bits(bits));
    }

    #[test]
    fn shows_money_as_rust_writes_it(cents in any::<i64>(), places in 0i32..4) {
        shown(cents as f64 / 10f64.powi(places));
    }
}
