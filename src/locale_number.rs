//! Numbers as people type them in their locale: "1.234,56" in German,
//! "1 234,56" in French, "1,234.56" in English. The UI asks `Intl` for the
//! locale's separators; the reading itself is plain Rust so it is tested natively.
//!
//! Strict on purpose: in German "1.5" is not 1.5 but a malformed grouping, and
//! a plan must never take a figure the viewer did not mean.

/// The locale's digit group and decimal separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Separators {
    pub group: char,
    pub decimal: char,
}

impl Separators {
    pub const EN: Separators = Separators {
        group: ',',
        decimal: '.',
    };

    /// The separators in `sample`, the locale's own rendering of 12345.6
    /// (e.g. "12.345,6"): the first non-digit is the group, the last the decimal.
    /// Anything unexpected gives English.
    pub fn from_sample(sample: &str) -> Separators {
        let marks: Vec<char> = sample.chars().filter(|c| !c.is_ascii_digit()).collect();
        match marks.as_slice() {
            [group, decimal] if group != decimal => Separators {
                group: *group,
                decimal: *decimal,
            },
            // A locale without grouping: "12345,6".
            [decimal @ ('.' | ',')] => Separators {
                group: if *decimal == ',' { '.' } else { ',' },
                decimal: *decimal,
            },
            _ => Separators::EN,
        }
    }

    fn is_group(self, c: char) -> bool {
        // Locales that group with a (narrow) no-break space are typed with a plain one.
        c == self.group
            || (self.group.is_whitespace() || self.group == '\u{202F}')
                && (c == ' ' || c == '\u{A0}' || c == '\u{202F}')
            || (self.group == '’' && c == '\'')
    }
}

/// Why a text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// Letters, two decimal marks, a sign in the middle and the like.
    NotANumber,
    /// Digit groups that are not the locale's (e.g. "1.5" in German).
    Grouping,
}

/// Reads `text` as a number in the locale of `sep`. Accepts a leading `-`, `−`
/// or `+`, digit groups of three (the first of one to three; inner groups of
/// two for Indian grouping), and surrounding spaces.
///
/// ```
/// use partner_scorecard::locale_number::{parse, Separators};
/// let de = Separators { group: '.', decimal: ',' };
/// assert_eq!(parse("1.234,56", de), Ok(1234.56));
/// assert_eq!(parse("1234.56", Separators::EN), Ok(1234.56));
/// ```
pub fn parse(text: &str, sep: Separators) -> Result<f64, NumberError> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    let (negative, body) = match t.chars().next() {
        Some('-' | '−') => (true, &t[t.chars().next().map_or(1, char::len_utf8)..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (int_part, frac_part) = match body.split_once(sep.decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return Err(NumberError::NotANumber);
        }
    }
    let groups: Vec<&str> = int_part.split(|c| sep.is_group(c)).collect();
    if groups
        .iter()
        .any(|g| !g.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(NumberError::NotANumber);
    }
    if groups.len() > 1 {
        let last = groups.len() - 1;
        let ok = groups.iter().enumerate().all(|(i, g)| match i {
            0 => (1..=3).contains(&g.len()),
            i if i == last => g.len() == 3,
            _ => g.len() == 2 || g.len() == 3,
        });
        if !ok {
            return Err(NumberError::Grouping);
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac_part.is_none() {
        return Err(NumberError::NotANumber);
    }
    let plain = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if digits.is_empty() { "0" } else { &digits },
        frac_part.unwrap_or("0")
    );
    crate::decimal::parse(&plain)
        .filter(|v| v.is_finite())
        .ok_or(NumberError::NotANumber)
}
