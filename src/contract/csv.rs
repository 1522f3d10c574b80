//! The CSV form of the records, for portals that export tables. Partners and
//! metrics are declared inline by optional columns.

use super::raw::{Arena, RawField, RawRecord, RECORD_FIELDS};
use super::record::{Better, Partner, Pillar, Unit};
use super::validate::{is_currency_code, parse_scale, Builder, MetricDecl};
use super::Fatal;
use crate::decimal;

const REQUIRED: [&str; 5] = ["partner", "period", "side", "metric", "value"];

pub(crate) fn read(bytes: &[u8]) -> Result<super::Dataset, Fatal> {
    // Cells are trimmed as they are read, not by the reader: its `Trim::All`
    // rebuilds every record, a tenth of a large CSV feed's CPU in the worker.
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| Fatal::NotCsv {
            line: 1,
            message: e.to_string(),
        })?
        .clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Fatal::CsvHeader {
            missing: missing.join(", "),
        });
    }
    let fields: Vec<Option<usize>> = RECORD_FIELDS.iter().map(|f| col(f)).collect();
    let [name_c, tier_c, region_c, type_c, pillar_c, unit_c, better_c, label_c, weight_c, neg_c, scale_c, currency_c] =
        [
            "partner_name",
            "tier",
            "region",
            "type",
            "pillar",
            "unit",
            "better",
            "label",
            "weight",
            "allow_negative",
            "scale",
            "currency",
        ]
        .map(col);

    // The csv crate's own line numbers drift after blank lines and with CRLF
    // (rust-csv #208, #395): count the lines ourselves.
    let starts = record_lines(bytes);
    let mut b = Builder::new("add pillar, unit and better columns to this line to declare it");
    b.reserve(starts.len().saturating_sub(1));
    let mut lines: Vec<u64> = Vec::with_capacity(starts.len());
    let mut arena = Arena::default();
    let mut row = csv::StringRecord::new();
    let mut currency_set = false;
    loop {
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = starts.get(lines.len() + 1).copied().unwrap_or(0);
                return Err(Fatal::NotCsv {
                    line,
                    message: e.to_string(),
                });
            }
        }
        let index = lines.len();
        // Record 0 is the header.
        let line = starts.get(index + 1).copied().unwrap_or(0);
        lines.push(line);
        let locate = |i: usize, field: &str| match field {
            "" => format!("line {}", lines_at(&lines, i)),
            f => format!("line {}, column {f}", lines_at(&lines, i)),
        };
        if row.len() != header.len() {
            b.ds.counts.input += 1;
            b.ds.counts.rejected += 1;
            b.reject(
                locate(index, ""),
                format!(
                    "this line has {} fields but the header has {}; check quoting of commas",
                    row.len(),
                    header.len()
                ),
            );
            continue;
        }
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };

        if let (Some(code), false) = (cell(currency_c), currency_set) {
            currency_set = true;
            if is_currency_code(code) {
                b.ds.currency = code.to_string();
            } else {
                b.reject(locate(index, "currency"), format!("currency \"{code}\" is not a three-letter ISO 4217 code; amounts are shown in USD"));
            }
        }
        if let Some(id) = cell(fields[0]) {
            declare_partner(
                &mut b,
                id,
                [cell(name_c), cell(tier_c), cell(region_c), cell(type_c)],
                || locate(index, ""),
            );
        }
        if let Some(key) = cell(fields[3]) {
            if let Err((column, why)) = declare_metric(
                &mut b,
                key,
                [
                    cell(pillar_c),
                    cell(unit_c),
                    cell(better_c),
                    cell(label_c),
                    cell(weight_c),
                    cell(neg_c),
                    cell(scale_c),
                ],
            ) {
                b.ds.counts.input += 1;
                b.ds.counts.rejected += 1;
                b.reject(locate(index, column), why);
                continue;
            }
        }
        arena.clear();
        let mut raw = [RawField::Missing; 7];
        for (i, c) in fields.iter().enumerate() {
            if let Some(text) = cell(*c) {
                raw[i] = match i {
                    4..=6 => decimal::parse(text)
                        .map(RawField::Num)
                        .unwrap_or_else(|| arena.push(text)),
                    _ => arena.push(text),
                };
            }
        }
        b.record(index, &RawRecord::Fields(raw), &arena, &locate);
    }
    Ok(b.finish())
}

fn lines_at(lines: &[u64], i: usize) -> u64 {
    lines.get(i).copied().unwrap_or(0)
}

/// The first line naming a partner declares it; later lines may fill in details.
fn declare_partner(
    b: &mut Builder,
    id: &str,
    details: [Option<&str>; 4],
    location: impl FnOnce() -> String,
) {
    let [name, tier, region, kind] = details;
    let i = match b.partner_by_id(id) {
        Some(i) => i,
        None => {
            let p = Partner {
                id: id.to_string(),
                name: id.to_string(),
                ..Partner::default()
            };
            match b.add_partner(p, location()) {
                Ok(i) => i,
                Err(_) => return,
            }
        }
    };
    let p = b.partner_mut(i);
    // Strings are made only for what is filled in: every line names its
    // partner, and a large feed has hundreds of lines for each.
    if let (Some(n), true) = (name, p.name == p.id) {
        p.name = n.to_string();
    }
    for (slot, value) in [
        (&mut p.tier, tier),
        (&mut p.region, region),
        (&mut p.kind, kind),
    ] {
        if let (None, Some(v)) = (&slot, value) {
            *slot = Some(v.to_string());
        }
    }
}

/// Inline declaration: a line with pillar/unit/better (or label/weight) declares
/// or relabels its metric. Returns the bad column and why.
fn declare_metric(
    b: &mut Builder,
    key: &str,
    cols: [Option<&str>; 7],
) -> Result<(), (&'static str, String)> {
    let [pillar, unit, better, label, weight, neg, scale] = cols;
    if cols.iter().all(Option::is_none) {
        return Ok(());
    }
    let decl = MetricDecl {
        key: key.to_string(),
        label: label.map(str::to_string),
        pillar: pillar
            .map(|p| p.parse::<Pillar>())
            .transpose()
            .map_err(|e| ("pillar", e))?,
        unit: unit
            .map(|u| u.parse::<Unit>())
            .transpose()
            .map_err(|e| ("unit", e))?,
        better: better
            .map(|v| v.parse::<Better>())
            .transpose()
            .map_err(|e| ("better", e))?,
        weight: weight
            .map(|w| {
                decimal::parse(w)
                    .filter(|w| w.is_finite() && *w >= 0.0)
                    .ok_or((
                        "weight",
                        format!("weight \"{w}\" must be a number of 0 or more"),
                    ))
            })
            .transpose()?,
        allow_negative: neg
            .map(|n| match n {
                "true" => Ok(true),
                "false" => Ok(false),
                other => Err((
                    "allow_negative",
                    format!("allow_negative \"{other}\" must be true or false"),
                )),
            })
            .transpose()?,
        scale: scale
            .map(|n| match decimal::parse(n) {
                Some(v) => parse_scale(v).map_err(|e| ("scale", e)),
                None => Err((
                    "scale",
                    format!("scale \"{n}\" must be a whole number of 2 or more"),
                )),
            })
            .transpose()?,
    };
    b.declare_metric(decl, "")
        .map(|_| ())
        .map_err(|e| ("metric", e))
}

/// The 1-based line on which each CSV record starts, header included, skipping
/// empty lines as the csv reader does and honouring quoted line breaks.
fn record_lines(bytes: &[u8]) -> Vec<u64> {
    let mut starts = Vec::new();
    let mut line: u64 = 1;
    let mut in_quotes = false;
    let mut at_record_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let newline = c == b'\n' || (c == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if in_quotes {
            if c == b'"' {
                in_quotes = false;
            }
        } else if c == b'\r' || c == b'\n' {
            at_record_start = true;
        } else {
            if at_record_start {
                starts.push(line);
                at_record_start = false;
            }
            if c == b'"' {
                in_quotes = true;
            }
        }
        if newline {
            line += 1;
        }
        i += 1;
    }
    starts
}
