//! The data contract v1: parse a JSON or CSV feed, validate every entry, and
//! return a `Dataset` with an account of everything rejected.
//! See `docs/data-contract.md`.

pub mod catalogue;
mod csv;
mod json;
mod raw;
pub mod record;
mod stream;
pub(crate) mod validate;

pub use record::*;
pub use stream::JsonStream;

use std::fmt;

/// The only schema this version reads.
pub const SCHEMA: &str = "partner-scorecard/v1";

/// A problem with the whole document: nothing can be scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    NotCsv {
        line: u64,
        message: String,
    },
    CsvHeader {
        missing: String,
    },
    Schema {
        found: Option<String>,
    },
    MissingRecords,
    RecordsNotArray(&'static str),
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fatal::NotJson { line, column, message } => {
                write!(f, "the data is not valid JSON: {message} at line {line}, column {column}")
            }
            Fatal::NotAnObject => write!(
                f,
                "the data must be a JSON object with \"schema\": \"{SCHEMA}\" and \"records\""
            ),
            Fatal::NotCsv { line, message } => {
                write!(f, "the data is not readable CSV at line {line}: {message}")
            }
            Fatal::CsvHeader { missing } => write!(
                f,
                "the CSV header lacks the column(s) {missing}; it needs partner,period,side,metric,value (target, floor and others optional)"
            ),
            Fatal::Schema { found: Some(s) } => write!(
                f,
                "schema \"{s}\" is not supported: this widget reads \"{SCHEMA}\""
            ),
            Fatal::Schema { found: None } => write!(
                f,
                "the document has no \"schema\": add \"schema\": \"{SCHEMA}\""
            ),
            Fatal::MissingRecords => write!(f, "the document has no \"records\" array"),
            Fatal::RecordsNotArray(kind) => {
                write!(f, "\"records\" must be an array of records, got {kind}")
            }
        }
    }
}

impl std::error::Error for Fatal {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// Picks the format from a content type, else a file name, else the first byte.
    pub fn detect(content_type: Option<&str>, name: Option<&str>, bytes: &[u8]) -> Format {
        let ct = content_type.unwrap_or("").to_ascii_lowercase();
        if ct.contains("json") {
            return Format::Json;
        }
        if ct.contains("csv") {
            return Format::Csv;
        }
        let name = name.unwrap_or("").to_ascii_lowercase();
        let path = name.split(['?', '#']).next().unwrap_or("");
        if path.ends_with(".json") {
            return Format::Json;
        }
        if path.ends_with(".csv") {
            return Format::Csv;
        }
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => Format::Json,
            _ => Format::Csv,
        }
    }
}

pub fn parse(bytes: &[u8], format: Format) -> Result<Dataset, Fatal> {
    match format {
        Format::Json => parse_json(bytes),
        Format::Csv => csv::read(bytes),
    }
}

pub fn parse_csv(bytes: &[u8]) -> Result<Dataset, Fatal> {
    csv::read(bytes)
}

pub fn parse_json(bytes: &[u8]) -> Result<Dataset, Fatal> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut arena = raw::Arena::default();
    let as_read = json::Check::AsRead {
        start: builder,
        locate: &locate_record,
    };
    let mut doc = json::read(bytes, &mut arena, as_read)?;
    if doc.late {
        // A block the records are checked against came after them: check
        // them again once everything is read (rare; the answer is the same).
        doc = json::read(bytes, &mut arena, json::Check::After)?;
    }
    conclude(doc, &arena)
}

/// The byte order mark a JSON feed may start with.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The dataset of a document read (by `parse_json` or the stream): its schema
/// checked, its records and commitments validated.
fn conclude(mut doc: json::RawDocument, arena: &raw::Arena) -> Result<Dataset, Fatal> {
    match &doc.schema {
        Some(serde_json::Value::String(s)) if s == SCHEMA => {}
        Some(serde_json::Value::String(s)) => {
            return Err(Fatal::Schema {
                found: Some(s.clone()),
            })
        }
        None | Some(serde_json::Value::Null) => return Err(Fatal::Schema { found: None }),
        Some(other) => {
            return Err(Fatal::Schema {
                found: Some(other.to_string()),
            })
        }
    }
    let mut b = match doc.records.take() {
        None | Some(json::RawRecords::NotArray("null")) => return Err(Fatal::MissingRecords),
        Some(json::RawRecords::NotArray(kind)) => return Err(Fatal::RecordsNotArray(kind)),
        Some(json::RawRecords::Checked(b)) => *b,
        Some(json::RawRecords::List(records)) => {
            let mut b = builder(&doc);
            b.reserve(records.len());
            for (i, r) in records.iter().enumerate() {
                b.record(i, r, arena, &locate_record);
            }
            b
        }
    };
    validate::commitments(&mut b, &doc.commitments);
    Ok(b.finish())
}

/// The builder records are checked by, from the document's other blocks.
fn builder(doc: &json::RawDocument) -> validate::Builder {
    let mut b =
        validate::Builder::new("declare it in /metrics with key, label, pillar, unit and better");
    validate::vendor(&mut b, &doc.vendor);
    validate::currency(&mut b, &doc.currency);
    validate::partners(&mut b, &doc.partners);
    validate::metrics(&mut b, &doc.metrics);
    validate::thresholds(&mut b, &doc.thresholds);
    b
}

pub(crate) fn locate_record(i: usize, field: &str) -> String {
    match field {
        "" => format!("/records/{i}"),
        f => format!("/records/{i}/{f}"),
    }
}
