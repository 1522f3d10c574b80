//! The scorecard on screen as CSV, for the QBR handout. Plain Rust, so the
//! download and the `scorecard` command can never disagree on a number.

use crate::score::{Figure, Scorecard};

/// Header of [`scorecard_csv`]: one row per figure, then the ratings of each
/// alignment statement (`rating` per side, `rating.gap`), then one per KPI.
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
    let mut out = String::new();
    {
        let mut row = |cells: [&str; 9]| write_row(&mut out, &cells);
        row(HEADER);
        for s in scorecards {
            rows(s, &mut row);
        }
    }
    out
}

/// One CSV row as RFC 4180 has it, and as the csv crate's writer wrote it: a
/// cell with a comma, a quote or a line break is quoted, its quotes doubled;
/// the row ends with a line feed. The crate's writer is not used because it
/// links core's reader of floats (for a quoting style we never ask for),
/// 10 KB of tables in the exports' download.
fn write_row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
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
    // Ratings: one row a side that rated, then the gap, flagged where the sides differ.
    for st in s.alignment.iter().flat_map(|a| &a.statements) {
        for side in crate::contract::Side::ALL {
            if let Some(v) = st.rating(side) {
                let (side, v) = (side.as_str(), v.to_string());
                row([
                    &s.partner, &period, "rating", side, &st.metric, &v, "", "", "",
                ]);
            }
        }
        let differs = if st.differs { "differs" } else { "" };
        row([
            &s.partner,
            &period,
            "rating.gap",
            "",
            &st.metric,
            &num(st.gap),
            "",
            "",
            differs,
        ]);
    }
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

/// A scorecard and, after its rows, the plan made in its review (rows of the
/// planned quarter; see [`plan_rows`]).
pub fn scorecard_with_plan_csv(
    s: &Scorecard,
    plan: Option<&crate::plan::Plan>,
    t: &crate::contract::Thresholds,
) -> String {
    let mut out = String::new();
    {
        let mut row = |cells: [&str; 9]| write_row(&mut out, &cells);
        row(HEADER);
        rows(s, &mut row);
        if let Some(p) = plan {
            plan_rows(p, t, &mut row);
        }
    }
    out
}

/// The plan as rows of the scorecard CSV, in the planned quarter: each side's
/// planned amounts (`plan.investment.vendor`, …), the engine's figures of them
/// (`plan.contribution_share`, `plan.reward_share`, `plan.fairness`,
/// `plan.band`, `plan.balance`, `plan.reward_rate.<side>`, `plan.fair_shift`),
/// one `plan.commitment` per commitment (text in `value`, due date in
/// `target`, the quarter it was carried from in `attainment`, status `open`)
/// and one `plan.agreed` per side that signed (name in `value`, time in `target`).
pub fn plan_rows(
    p: &crate::plan::Plan,
    t: &crate::contract::Thresholds,
    row: &mut dyn FnMut([&str; 9]),
) {
    use crate::contract::{Pillar, Side};
    let period = p.period.to_string();
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let f = p.figures(t);
    let mut figure = |key: &str, side: &str, value: &str| {
        row([&p.partner, &period, key, side, "", value, "", "", ""]);
    };
    for side in Side::ALL {
        for pillar in Pillar::MONEY {
            let key = format!("plan.{}.{}", pillar.as_str(), side.as_str());
            figure(
                &key,
                side.as_str(),
                &p.planned(side).get(pillar).to_string(),
            );
        }
    }
    figure("plan.contribution_share", "", &num(f.shares.contribution));
    figure("plan.reward_share", "", &num(f.shares.reward));
    figure("plan.fairness", "", &num(f.fairness));
    figure("plan.band", "", f.band.map_or("", |b| b.as_str()));
    figure("plan.balance", "", f.balance.map_or("", |b| b.as_str()));
    figure(
        "plan.reward_rate.vendor",
        "vendor",
        &num(f.reward_rate.vendor),
    );
    figure(
        "plan.reward_rate.partner",
        "partner",
        &num(f.reward_rate.partner),
    );
    figure("plan.fair_shift", "", &num(f.fair_shift));
    for c in &p.commitments {
        let carried = c.carried_from.map(|q| q.to_string()).unwrap_or_default();
        row([
            &p.partner,
            &period,
            "plan.commitment",
            c.side.as_str(),
            "",
            &c.text,
            c.due.as_deref().unwrap_or(""),
            &carried,
            "open",
        ]);
    }
    for side in Side::ALL {
        let signed = match side {
            Side::Vendor => &p.agreed.vendor,
            Side::Partner => &p.agreed.partner,
        };
        if let Some(s) = signed {
            row([
                &p.partner,
                &period,
                "plan.agreed",
                side.as_str(),
                "",
                &s.name,
                s.at.as_deref().unwrap_or(""),
                "",
                "",
            ]);
        }
    }
}

/// The exports a host allows through the element's `exports` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exports {
    pub print: bool,
    pub csv: bool,
    pub svg: bool,
    pub png: bool,
    /// The deck as a PowerPoint file (the deck's "Download PowerPoint").
    pub pptx: bool,
}

impl Exports {
    pub const ALL: Exports = Exports {
        print: true,
        csv: true,
        svg: true,
        png: true,
        pptx: true,
    };
    pub const NONE: Exports = Exports {
        print: false,
        csv: false,
        svg: false,
        png: false,
        pptx: false,
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
                "pptx" => e.pptx = true,
                "none" => {}
                _ => unknown.push(token.to_string()),
            }
        }
        (e, unknown)
    }

    pub fn any(self) -> bool {
        self.print || self.csv || self.svg || self.png || self.pptx
    }
}

/// A file name stem from its parts, joined by `-`: partner ids come from the
/// feed, so anything a file system or a `download` attribute could trip on
/// (slashes, quotes, control characters) becomes `_`.
///
/// ```
/// # use partner_scorecard::export::file_stem;
/// assert_eq!(file_stem(&["P-00001", "2026-Q3", "investment"]), "P-00001-2026-Q3-investment");
/// assert_eq!(file_stem(&["../a b\"c"]), ".._a_b_c");
/// ```
pub fn file_stem(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A chart's SVG made into a file of its own, with its size for the PNG canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgFile {
    pub text: String,
    pub width: u32,
    pub height: u32,
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Turns the markup of a chart into a standalone SVG document: an XML
/// declaration, the SVG namespace, and explicit `width` and `height` (taken
/// from the `viewBox` when missing), which an `<img>` needs to have a size.
/// Refuses markup that is not one `<svg>` element or that holds a script: a
/// downloaded file is opened outside the widget's CSP.
///
/// ```
/// # use partner_scorecard::export::standalone_svg;
/// let f = standalone_svg(r#"<svg viewBox="0 0 40 30"><rect/></svg>"#).unwrap();
/// assert_eq!((f.width, f.height), (40, 30));
/// assert!(f.text.starts_with("<?xml"));
/// assert!(f.text.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
/// ```
pub fn standalone_svg(markup: &str) -> Result<SvgFile, &'static str> {
    let markup = markup.trim();
    let markup = match markup.strip_prefix("<?xml") {
        Some(rest) => rest
            .split_once("?>")
            .map(|x| x.1.trim_start())
            .unwrap_or(""),
        None => markup,
    };
    if !markup.starts_with("<svg") || !markup.ends_with("</svg>") {
        return Err("not an SVG element");
    }
    if markup.to_ascii_lowercase().contains("<script") {
        return Err("the SVG holds a script");
    }
    let end = markup.find('>').ok_or("the SVG start tag is not closed")?;
    let (tag, rest) = markup.split_at(end);
    let tag = tag.trim_end_matches('/');
    let size =
        |name: &str| attr(tag, name).and_then(|v| crate::decimal::parse(v.trim_end_matches("px")));
    let view_box: Vec<f64> = attr(tag, "viewBox")
        .map(|v| {
            v.split([' ', ','])
                .filter_map(crate::decimal::parse)
                .collect()
        })
        .unwrap_or_default();
    let width = size("width").or_else(|| view_box.get(2).copied());
    let height = size("height").or_else(|| view_box.get(3).copied());
    let (Some(width), Some(height)) = (width, height) else {
        return Err("the SVG has no size");
    };
    if !(width >= 1.0 && height >= 1.0 && width <= 10_000.0 && height <= 10_000.0) {
        return Err("the SVG's size is out of range");
    }
    let (width, height) = (width.round() as u32, height.round() as u32);
    let mut head = tag.to_string();
    if attr(tag, "xmlns").is_none() {
        head.push_str(&format!(r#" xmlns="{SVG_NS}""#));
    }
    if attr(tag, "width").is_none() {
        head.push_str(&format!(r#" width="{width}""#));
    }
    if attr(tag, "height").is_none() {
        head.push_str(&format!(r#" height="{height}""#));
    }
    let text = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{head}{rest}\n");
    Ok(SvgFile {
        text,
        width,
        height,
    })
}

/// The value of a double-quoted attribute in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag
        .match_indices(&key)
        .next()
        .or_else(|| tag.match_indices(&format!("\n{name}=\"")).next())?
        .0;
    let value = &tag[at + key.len()..];
    value.split_once('"').map(|x| x.0)
}

#[cfg(test)]
mod tests {
    use super::write_row;
    use proptest::prelude::*;

    /// The csv crate's writer, which the exports used before: the same bytes.
    fn csv_crate(cells: &[String]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(cells).expect("written to memory");
        String::from_utf8(w.into_inner().expect("flushed")).expect("UTF-8 in, UTF-8 out")
    }

    proptest! {
        #[test]
        fn rows_are_written_as_the_csv_crate_wrote_them(
            cells in proptest::collection::vec("[a-z ,\"\r\n;'#=é-]{0,6}", 2..9),
        ) {
            let mut out = String::new();
            write_row(&mut out, &cells.iter().map(String::as_str).collect::<Vec<_>>());
            prop_assert_eq!(out, csv_crate(&cells));
        }
    }
}
