//! The scorecard on screen as CSV, for the QBR handout. Plain Rust, so the
//! download and the `scorecard` command can never disagree on a number.

use crate::score::{Figure, Scorecard};

/// Header of [`scorecard_csv`]: one row per figure, then one per KPI.
pub const HEADER: [&str; 9] = [
    "partner",
    "period",
    "figure",
    "side",
    "metric",
    "value",
    "target",
    "attainment",
    "status",
];

/// One scorecard as CSV. Figures use the dotted keys of [`Figure::key`]
/// (`investment.vendor`, `fairness`, …); undefined figures are empty cells.
/// Numbers are written in Rust's shortest round-trip form, so they parse back
/// to exactly the engine's values.
///
/// ```
/// # use partner_scorecard::{contract, score::ScoreBook, export};
/// let doc = r#"{"schema":"partner-scorecard/v1","partners":[{"id":"a"}],"records":[
///   {"partner":"a","period":"2026-Q1","side":"vendor","metric":"mdf","value":10}]}"#;
/// let book = ScoreBook::new(&contract::parse_json(doc.as_bytes()).unwrap());
/// let csv = export::scorecard_csv(&book.scorecards[0]);
/// assert!(csv.contains("a,2026-Q1,investment.vendor,vendor,,10,,,"));
/// ```
pub fn scorecard_csv(s: &Scorecard) -> String {
    scorecards_csv(std::iter::once(s))
}

/// Several scorecards under one header, e.g. a partner's every quarter.
pub fn scorecards_csv<'a>(scorecards: impl IntoIterator<Item = &'a Scorecard>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    {
        let mut row = |cells: [&str; 9]| {
            // Writing to memory cannot fail but for a bug in csv; an empty export says so.
            let _ = w.write_record(cells);
        };
        row(HEADER);
        for s in scorecards {
            rows(s, &mut row);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn rows(s: &Scorecard, row: &mut dyn FnMut([&str; 9])) {
    let period = s.period.to_string();
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for f in Figure::ALL {
        let key = f.key();
        let side = key
            .split_once('.')
            .map(|(_, side)| side)
            .filter(|s| *s == "vendor" || *s == "partner")
            .unwrap_or("");
        row([
            &s.partner,
            &period,
            key,
            side,
            "",
            &num(f.get(s)),
            "",
            "",
            "",
        ]);
    }
    let band = s.band.map(|b| b.as_str()).unwrap_or("");
    let balance = s.balance.map(|b| b.as_str()).unwrap_or("");
    row([&s.partner, &period, "band", "", "", band, "", "", ""]);
    row([&s.partner, &period, "balance", "", "", balance, "", "", ""]);
    for k in &s.kpis {
        row([
            &s.partner,
            &period,
            "kpi",
            k.side.as_str(),
            &k.metric,
            &k.value.to_string(),
            &k.target.to_string(),
            &num(k.attainment),
            k.status.as_str(),
        ]);
    }
}

/// The exports a host allows through the element's `exports` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exports {
    pub print: bool,
    pub csv: bool,
    pub svg: bool,
    pub png: bool,
}

impl Exports {
    pub const ALL: Exports = Exports {
        print: true,
        csv: true,
        svg: true,
        png: true,
    };
    pub const NONE: Exports = Exports {
        print: false,
        csv: false,
        svg: false,
        png: false,
    };

    /// Reads the attribute: absent allows every export, `""` or `none` allows
    /// none, otherwise the space- or comma-separated tokens `print`, `csv`,
    /// `svg`, `png` (any case). Unknown tokens come back so the widget can warn.
    ///
    /// ```
    /// # use partner_scorecard::export::Exports;
    /// let (e, unknown) = Exports::parse(Some("print, CSV pdf"));
    /// assert!(e.print && e.csv && !e.svg && !e.png);
    /// assert_eq!(unknown, ["pdf"]);
    /// assert_eq!(Exports::parse(None).0, Exports::ALL);
    /// ```
    pub fn parse(attr: Option<&str>) -> (Exports, Vec<String>) {
        let Some(text) = attr else {
            return (Exports::ALL, Vec::new());
        };
        let mut e = Exports::NONE;
        let mut unknown = Vec::new();
        for token in text.split([' ', ',', '\t', '\n']).filter(|t| !t.is_empty()) {
            match token.to_ascii_lowercase().as_str() {
                "print" => e.print = true,
                "csv" => e.csv = true,
                "svg" => e.svg = true,
                "png" => e.png = true,
                "none" => {}
                _ => unknown.push(token.to_string()),
            }
        }
        (e, unknown)
    }

    pub fn any(self) -> bool {
        self.print || self.csv || self.svg || self.png
    }
}
