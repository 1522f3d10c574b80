//! The vocabulary of the data contract: who reports (`Side`), what a figure
//! measures (`Pillar`, `Unit`, `Better`), when (`Quarter`), and the validated
//! entries a `Dataset` is made of.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The two parties of a channel partnership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Vendor,
    Partner,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::Vendor, Side::Partner];

    pub fn as_str(self) -> &'static str {
        match self {
            Side::Vendor => "vendor",
            Side::Partner => "partner",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Vendor => Side::Partner,
            Side::Partner => Side::Vendor,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// What each side puts in (investment), carries (risk) and takes out (reward),
/// and whether both see the relationship alike (alignment: ratings, no money).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pillar {
    Investment,
    Risk,
    Reward,
    Alignment,
}

impl Pillar {
    /// The pillars with money totals, in the order they are shown.
    pub const MONEY: [Pillar; 3] = [Pillar::Investment, Pillar::Risk, Pillar::Reward];

    pub fn as_str(self) -> &'static str {
        match self {
            Pillar::Investment => "investment",
            Pillar::Risk => "risk",
            Pillar::Reward => "reward",
            Pillar::Alignment => "alignment",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Currency,
    Count,
    Percent,
    Ratio,
    /// A whole number from 1 to the metric's `scale`: how one side rates a statement.
    Rating,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Currency => "currency",
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Ratio => "ratio",
            Unit::Rating => "rating",
        }
    }
}

/// Which direction of a figure is good, for attainment against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    Higher,
    Lower,
}

impl Better {
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }
}

/// Parses one of a closed list of lowercase words; the error lists the allowed words
/// so a portal developer can fix the feed without opening the docs.
pub(crate) fn parse_word<T: Copy>(
    text: &str,
    what: &str,
    words: &[(&str, T)],
) -> Result<T, String> {
    words
        .iter()
        .find(|(w, _)| *w == text)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let allowed: Vec<String> = words.iter().map(|(w, _)| format!("\"{w}\"")).collect();
            format!("{what} \"{text}\" is not one of {}", allowed.join(", "))
        })
}

impl FromStr for Side {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_word(
            s,
            "side",
            &[("vendor", Side::Vendor), ("partner", Side::Partner)],
        )
    }
}

impl FromStr for Pillar {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_word(
            s,
            "pillar",
            &[
                ("investment", Pillar::Investment),
                ("risk", Pillar::Risk),
                ("reward", Pillar::Reward),
                ("alignment", Pillar::Alignment),
            ],
        )
    }
}

impl FromStr for Unit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_word(
            s,
            "unit",
            &[
                ("currency", Unit::Currency),
                ("count", Unit::Count),
                ("percent", Unit::Percent),
                ("ratio", Unit::Ratio),
                ("rating", Unit::Rating),
            ],
        )
    }
}

impl FromStr for Better {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_word(
            s,
            "better",
            &[("higher", Better::Higher), ("lower", Better::Lower)],
        )
    }
}

/// A calendar quarter, `YYYY-Qn`. Ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    year: u16,
    q: u8,
}

impl Quarter {
    pub fn new(year: u16, q: u8) -> Option<Quarter> {
        ((1..=4).contains(&q) && (1000..=9999).contains(&year)).then_some(Quarter { year, q })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn number(self) -> u8 {
        self.q
    }

    pub fn previous(self) -> Option<Quarter> {
        if self.q > 1 {
            Quarter::new(self.year, self.q - 1)
        } else {
            Quarter::new(self.year.checked_sub(1)?, 4)
        }
    }

    pub fn next(self) -> Option<Quarter> {
        if self.q < 4 {
            Quarter::new(self.year, self.q + 1)
        } else {
            Quarter::new(self.year.checked_add(1)?, 1)
        }
    }

    pub fn year_before(self) -> Option<Quarter> {
        Quarter::new(self.year.checked_sub(1)?, self.q)
    }

    /// Every quarter `new` accepts, 1000-Q1 to 9999-Q4: the range of `ordinal`.
    pub const COUNT: usize = 9000 * 4;

    /// The quarter's place in time, from 0 (1000-Q1): orders as `Ord` does, and
    /// indexes a table of every quarter, so grouping by period needs no sort.
    pub fn ordinal(self) -> usize {
        (usize::from(self.year) - 1000) * 4 + usize::from(self.q) - 1
    }
}

impl FromStr for Quarter {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad =
            || format!("period \"{s}\" is not a quarter like \"2026-Q3\" (YYYY-Qn, n from 1 to 4)");
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' || b[5] != b'Q' || !b[..4].iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        let year: u16 = s[..4].parse().map_err(|_| bad())?;
        let q = b[6].wrapping_sub(b'0');
        Quarter::new(year, q).ok_or_else(bad)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.q)
    }
}

impl Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads what `Serialize` writes (`"2026-Q3"`): the worker's answer to the page.
impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Quarter;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a quarter like \"2026-Q3\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Quarter, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

/// A metric: built-in (see `catalogue`) or declared by the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub key: String,
    pub label: String,
    pub pillar: Pillar,
    pub unit: Unit,
    pub better: Better,
    pub weight: f64,
    /// Clawbacks and corrections may be negative money; everything else may not.
    pub allow_negative: bool,
    /// The top of a rating metric's scale (ratings run from 1); none for other units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Partner {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Vendor {
    pub id: String,
    pub name: String,
}

/// One validated figure. Partner and metric are indices into the `Dataset`
/// so that a large feed costs a few dozen bytes a record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    pub partner: u32,
    pub period: Quarter,
    pub side: Side,
    pub metric: u32,
    pub value: f64,
    pub target: Option<f64>,
    pub floor: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommitmentStatus {
    Open,
    Done,
    Slipped,
}

impl CommitmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentStatus::Open => "open",
            CommitmentStatus::Done => "done",
            CommitmentStatus::Slipped => "slipped",
        }
    }
}

impl FromStr for CommitmentStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        parse_word(
            s,
            "status",
            &[
                ("open", CommitmentStatus::Open),
                ("done", CommitmentStatus::Done),
                ("slipped", CommitmentStatus::Slipped),
            ],
        )
    }
}

/// A promise one side made to the other for a quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub partner: String,
    pub period: Quarter,
    pub side: Side,
    pub text: String,
    /// ISO date `YYYY-MM-DD`, checked for shape and calendar validity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub status: CommitmentStatus,
}

/// Fairness band limits: green within `[1/g, g]`, amber within `[1/a, a]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub fairness_green: f64,
    pub fairness_amber: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            fairness_green: 1.25,
            fairness_amber: 1.6,
        }
    }
}

/// Where a problem is (`/records/17/value` or `line 18, column value`) and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub location: String,
    pub reason: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.reason)
    }
}

/// Counts of records: always `accepted + rejected == input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    pub input: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// Everything that survived validation, plus an account of what did not.
/// Serde is for the worker's answer to the page (`wire`), which leaves the
/// records behind: the views read scorecards.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dataset {
    pub vendor: Option<Vendor>,
    pub currency: String,
    pub partners: Vec<Partner>,
    pub metrics: Vec<Metric>,
    #[serde(skip)]
    pub records: Vec<Record>,
    pub commitments: Vec<Commitment>,
    pub thresholds: Thresholds,
    /// Rejected records and rejected declarations (partners, metrics, commitments).
    pub rejected: Vec<Rejection>,
    /// Things that lose nothing but deserve a look, e.g. a partner without records.
    pub warnings: Vec<Rejection>,
    pub counts: Counts,
}

impl Dataset {
    pub fn partner_index(&self, id: &str) -> Option<usize> {
        self.partners.iter().position(|p| p.id == id)
    }

    pub fn metric(&self, index: u32) -> &Metric {
        &self.metrics[index as usize]
    }

    /// Every quarter that has at least one accepted record, oldest first.
    pub fn periods(&self) -> Vec<Quarter> {
        // A mark per possible quarter: one pass over the records, not a sort of
        // them (a 5,000-partner feed has 1.26 M records and 8 periods).
        let mut seen: Vec<Option<Quarter>> = vec![None; Quarter::COUNT];
        for r in &self.records {
            seen[r.period.ordinal()] = Some(r.period);
        }
        seen.into_iter().flatten().collect()
    }
}

/// A three-letter ISO 4217 code shape, e.g. `USD`.
pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|c| c.is_ascii_uppercase())
}
