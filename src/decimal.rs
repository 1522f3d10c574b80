//! Decimal text to `f64`: the CSV cells, and the numbers typed into the
//! widget or read from its attributes.
//!
//! `str::parse::<f64>` links core's table of powers of five (10 KB), which
//! sat in the widget's first download as incompressible bytes. Yet nearly
//! every number a feed holds (money, counts, ratios) has at most 19
//! significant digits and a small exponent. When the significand fits in 53
//! bits and the power of ten is at most 10^22, both are exact doubles and one
//! IEEE multiplication or division rounds correctly (Clinger's fast path).
//! Every other number goes to a reader that is correct for all: the
//! browser's `parseFloat` in wasm, core's natively. So the result is always
//! the correctly rounded double, as `str::parse` gives and as serde_json
//! gives JSON numbers (with `float_roundtrip`); and the text accepted is the
//! same as `str::parse` accepts.

/// Exact powers of ten as doubles: 10^22 is the largest.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The largest significand that is an exact double.
const EXACT: u64 = 1 << 53;

/// Reads `text` as `str::parse::<f64>` does: an optional sign, then digits
/// with an optional point and exponent, or `inf`, `infinity`, `nan` in any
/// case. No spaces, no grouping. `None` where `str::parse` fails.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let signed = |v: f64| if negative { -v } else { v };
    if let Some(v) = special(rest) {
        return Some(signed(v));
    }
    let d = Decimal::read(rest)?;
    if d.significand == 0 {
        return Some(signed(0.0));
    }
    match d.fast() {
        Some(v) => Some(signed(v)),
        None => slow(text),
    }
}

/// `inf`, `infinity` and `nan`, in any case, as `str::parse` reads them.
fn special(rest: &[u8]) -> Option<f64> {
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if rest.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// A decimal as written: `significand × 10^exponent`, with the first 19
/// significant digits in the significand.
struct Decimal {
    significand: u64,
    exponent: i64,
    /// No nonzero digit was left out of the significand.
    exact: bool,
}

impl Decimal {
    /// Reads digits, an optional point and an optional exponent, all of
    /// `text` and nothing else, with at least one digit before the exponent.
    fn read(text: &[u8]) -> Option<Decimal> {
        let mut d = Decimal {
            significand: 0,
            exponent: 0,
            exact: true,
        };
        let mut kept = 0u32;
        let mut digits = 0usize;
        let mut fraction = false;
        let mut i = 0;
        while let Some(&c) = text.get(i) {
            match c {
                b'0'..=b'9' => {
                    let digit = u64::from(c - b'0');
                    digits += 1;
                    if d.significand == 0 && digit == 0 {
                        // A leading zero: it only moves the point.
                        d.exponent -= i64::from(fraction);
                    } else if kept < 19 {
                        d.significand = d.significand * 10 + digit;
                        kept += 1;
                        d.exponent -= i64::from(fraction);
                    } else {
                        d.exact &= digit == 0;
                        d.exponent += i64::from(!fraction);
                    }
                }
                b'.' if !fraction => fraction = true,
                _ => break,
            }
            i += 1;
        }
        if digits == 0 {
            return None;
        }
        if let Some(e) = text.get(i) {
            if !matches!(e, b'e' | b'E') {
                return None;
            }
            d.exponent = d.exponent.saturating_add(exponent(&text[i + 1..])?);
        }
        Some(d)
    }

    /// The double, where one exact operation gives it correctly rounded.
    fn fast(&self) -> Option<f64> {
        if !self.exact {
            return None;
        }
        // 1000000000000000000000 is 1e21: trailing zeros move into the exponent.
        let (mut m, mut e) = (self.significand, self.exponent);
        while m > EXACT && m % 10 == 0 {
            m /= 10;
            e += 1;
        }
        if m > EXACT {
            return None;
        }
        let v = m as f64;
        match e {
            0..=22 => Some(v * POW10[e as usize]),
            -22..=-1 => Some(v / POW10[(-e) as usize]),
            // 12e25 is 12000e22: zeros move into the significand while it stays exact.
            23..=37 => {
                let m = m.checked_mul(10u64.pow((e - 22) as u32))?;
                (m <= EXACT).then(|| m as f64 * POW10[22])
            }
            _ => None,
        }
    }
}

/// An exponent's sign and digits, the whole of `text`; very large ones are
/// held at a value that already overflows or underflows any double.
fn exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let e = digits
        .iter()
        .fold(0i64, |e, c| (e * 10 + i64::from(c - b'0')).min(1_000_000));
    Some(if negative { -e } else { e })
}

/// A number outside the fast path (more than 19 digits, a large exponent):
/// rare in feeds, so it may cost a call into the browser.
#[cfg(target_arch = "wasm32")]
fn slow(text: &str) -> Option<f64> {
    // `text` is a well-formed decimal here, so `parseFloat` reads all of it.
    Some(js_sys::parse_float(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn slow(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// `v` as `format!("{v}")` writes it: the shortest digits that read back as
/// `v`, never an exponent, `inf`, `-inf`, `NaN`, `-0`. For the messages that
/// quote a feed's or an attribute's numbers. In wasm the digits come from the
/// browser (`Number.prototype.toString` gives the same shortest digits), so
/// core's float formatter, 11 KB of code and tables, stays out of the
/// module every page downloads first.
pub fn show(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.into();
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0" } else { "0" }.into();
    }
    plain(&shortest(v))
}

#[cfg(target_arch = "wasm32")]
fn shortest(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Natively the same digits in the browser's form (`1.5e+300`, `1e-7`), so
/// that `plain` is tested natively on the text it meets in wasm.
#[cfg(not(target_arch = "wasm32"))]
fn shortest(v: f64) -> String {
    let e = format!("{v:e}");
    match e.split_once('e').map(|(m, x)| (m, x.parse::<i32>())) {
        Some((_, Ok(x))) if (-6..21).contains(&x) => format!("{v}"),
        Some((m, Ok(x))) if x >= 0 => format!("{m}e+{x}"),
        _ => e,
    }
}

/// `d.ddde±x` written out as plain decimals; text without an exponent is kept.
fn plain(text: &str) -> String {
    let Some((mantissa, exp)) = text.split_once('e') else {
        return text.to_string();
    };
    let Ok(exp) = exp.trim_start_matches('+').parse::<i32>() else {
        return text.to_string();
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // Where the point goes, counted in digits from the left.
    let point = int.len() as i32 + exp;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}
