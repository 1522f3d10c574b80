//! Turns raw input into a `Dataset`: each bad entry is rejected on its own with a
//! location and a reason; the rest is kept. Shared by the JSON and CSV readers.

use super::catalogue;
use super::json::{EntryView, Member, Members, RawCommitments, RawEntry};
use super::raw::{Arena, RawField, RawRecord};
use super::record::*;
use crate::decimal;
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::collections::hash_map::Entry;

/// Says where field `field` of input record `index` is, in the input's own terms.
pub(crate) type Locate<'a> = &'a dyn Fn(usize, &str) -> String;

pub(crate) struct Builder {
    pub ds: Dataset,
    partner_ids: FxHashMap<String, u32>,
    partner_origin: Vec<String>,
    metric_keys: FxHashMap<String, u32>,
    rejected_metrics: FxHashMap<String, String>,
    /// Per partner, the first record of each (period, side, metric): a feed
    /// lists a partner's records together, so the table a record is checked
    /// against is small and in cache (one table of 1.26 M entries was not).
    /// Each grows as its partner's records come (a few hundred: the copies
    /// stay in cache too).
    seen: Vec<FxHashMap<(Quarter, Side, u32), u32>>,
    /// The partner of the record before, as feeds list a partner's records
    /// together: most records find theirs without a lookup.
    last_partner: (String, u32),
    /// Where the feed declares metrics, for the "unknown metric" hint.
    pub metric_hint: &'static str,
}

impl Builder {
    pub fn new(metric_hint: &'static str) -> Builder {
        let metrics = catalogue::built_in();
        let metric_keys = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (m.key.clone(), i as u32))
            .collect();
        Builder {
            ds: Dataset {
                currency: "USD".into(),
                metrics,
                ..Dataset::default()
            },
            partner_ids: FxHashMap::default(),
            partner_origin: Vec::new(),
            metric_keys,
            rejected_metrics: FxHashMap::default(),
            seen: Vec::new(),
            last_partner: (String::new(), 0),
            metric_hint,
        }
    }

    pub fn reject(&mut self, location: String, reason: String) {
        self.ds.rejected.push(Rejection { location, reason });
    }

    pub fn add_partner(&mut self, partner: Partner, location: String) -> Result<u32, String> {
        if let Some(&i) = self.partner_ids.get(&partner.id) {
            return Err(format!(
                "duplicate partner id \"{}\": already declared at {}",
                partner.id, self.partner_origin[i as usize]
            ));
        }
        let i = self.ds.partners.len() as u32;
        self.partner_ids.insert(partner.id.clone(), i);
        self.ds.partners.push(partner);
        self.partner_origin.push(location);
        self.seen.push(FxHashMap::default());
        Ok(i)
    }

    /// Room for `n` more records, so the list does not grow by copying as a
    /// large feed is read.
    pub fn reserve(&mut self, n: usize) {
        self.ds.records.reserve(n);
    }

    /// `partner_by_id` for a record, remembering the last answer.
    fn record_partner(&mut self, id: &str) -> Option<u32> {
        if !id.is_empty() && self.last_partner.0 == id {
            return Some(self.last_partner.1);
        }
        let found = self.partner_by_id(id)?;
        self.last_partner.0.clear();
        self.last_partner.0.push_str(id);
        self.last_partner.1 = found;
        Some(found)
    }

    pub fn partner_by_id(&self, id: &str) -> Option<u32> {
        self.partner_ids.get(id).copied()
    }

    pub fn partner_mut(&mut self, i: u32) -> &mut Partner {
        &mut self.ds.partners[i as usize]
    }

    pub fn metric_by_key(&self, key: &str) -> Option<u32> {
        self.metric_keys.get(key).copied()
    }

    /// Declares a metric or overrides a built-in one. `fields` are the declaration's
    /// parts as text; a missing part of a built-in key keeps the built-in value.
    pub fn declare_metric(&mut self, decl: MetricDecl, location: &str) -> Result<u32, String> {
        let built = self
            .metric_by_key(&decl.key)
            .map(|i| self.ds.metrics[i as usize].clone());
        let need = |what: &str| {
            format!(
                "metric \"{}\" is not built in, so it needs \"{what}\" ({})",
                decl.key,
                match what {
                    "pillar" => "investment, risk, reward or alignment",
                    "unit" => "currency, count, percent, ratio or rating",
                    _ => "higher or lower",
                }
            )
        };
        let pillar = match (decl.pillar, &built) {
            (Some(p), _) => p,
            (None, Some(b)) => b.pillar,
            (None, None) => return Err(need("pillar")),
        };
        let unit = match (decl.unit, &built) {
            (Some(u), _) => u,
            (None, Some(b)) => b.unit,
            (None, None) => return Err(need("unit")),
        };
        let better = match (decl.better, &built) {
            (Some(b), _) => b,
            (None, Some(b)) => b.better,
            // A rating is better the higher it is: nothing to declare.
            (None, None) if pillar == Pillar::Alignment => Better::Higher,
            (None, None) => return Err(need("better")),
        };
        // Ratings and money never mix: a rating is only ever an alignment figure.
        if (pillar == Pillar::Alignment) != (unit == Unit::Rating) {
            return Err(format!(
                "metric \"{}\" has pillar \"{}\" and unit \"{}\": the alignment pillar takes unit \"rating\", and a rating belongs to the alignment pillar",
                decl.key,
                pillar.as_str(),
                unit.as_str()
            ));
        }
        let scale = match (decl.scale, &built) {
            (Some(_), _) if unit != Unit::Rating => {
                return Err(format!(
                    "metric \"{}\" has a scale, but only rating metrics (unit \"rating\") have one",
                    decl.key
                ))
            }
            (Some(n), _) => Some(n),
            (None, Some(b)) if b.unit == Unit::Rating => b.scale,
            (None, _) if unit == Unit::Rating => Some(catalogue::DEFAULT_SCALE),
            (None, _) => None,
        };
        let metric = Metric {
            label: decl
                .label
                .or_else(|| built.as_ref().map(|b| b.label.clone()))
                .unwrap_or_else(|| decl.key.clone()),
            pillar,
            unit,
            better,
            weight: decl.weight.unwrap_or(1.0),
            allow_negative: decl
                .allow_negative
                .or(built.as_ref().map(|b| b.allow_negative))
                .unwrap_or(false),
            scale,
            key: decl.key,
        };
        self.rejected_metrics.remove(&metric.key);
        let _ = location;
        Ok(match self.metric_by_key(&metric.key) {
            Some(i) => {
                self.ds.metrics[i as usize] = metric;
                i
            }
            None => {
                let i = self.ds.metrics.len() as u32;
                self.metric_keys.insert(metric.key.clone(), i);
                self.ds.metrics.push(metric);
                i
            }
        })
    }

    pub fn note_rejected_metric(&mut self, key: String, location: String) {
        if self.metric_by_key(&key).is_none() {
            self.rejected_metrics.insert(key, location);
        }
    }

    /// Validates one record; accepted ones are stored, rejected ones reported.
    /// Every problem of the record is named, at the location of the first.
    pub fn record(&mut self, index: usize, raw: &RawRecord, arena: &Arena, locate: Locate) {
        self.ds.counts.input += 1;
        let fields = match raw {
            RawRecord::Fields(f) => f,
            RawRecord::NotObject(kind) => {
                self.ds.counts.rejected += 1;
                let location = locate(index, "");
                self.reject(
                    location,
                    format!(
                        "a record must be an object with partner, period, side, metric and value; got {kind}"
                    ),
                );
                return;
            }
        };
        let mut problems: Vec<(String, String)> = Vec::new();
        let mut fail = |field: &str, reason: String| problems.push((locate(index, field), reason));
        let text = |i: usize| arena.text(&fields[i]);

        let partner = match text(0) {
            Some(id) => match self.record_partner(id) {
                Some(p) => Some(p),
                None => {
                    fail("partner", self.unknown_partner(id));
                    None
                }
            },
            None => {
                fail("partner", required_text("partner", &fields[0], arena));
                None
            }
        };
        let period = match text(1) {
            Some(p) => p.parse::<Quarter>().map_err(|e| fail("period", e)).ok(),
            None => {
                fail("period", required_text("period", &fields[1], arena));
                None
            }
        };
        let side = match text(2) {
            Some(s) => s.parse::<Side>().map_err(|e| fail("side", e)).ok(),
            None => {
                fail("side", required_text("side", &fields[2], arena));
                None
            }
        };
        let metric = match text(3) {
            Some(k) => match self.metric_by_key(k) {
                Some(m) => Some(m),
                None => {
                    fail("metric", self.unknown_metric(k));
                    None
                }
            },
            None => {
                fail("metric", required_text("metric", &fields[3], arena));
                None
            }
        };
        let m = metric.map(|m| &self.ds.metrics[m as usize]);
        let value = match number("value", &fields[4], arena, true) {
            Ok(Some(v)) => match m {
                Some(m) if m.unit == Unit::Rating => match rating(v, m) {
                    Ok(v) => Some(v),
                    Err(why) => {
                        fail("value", why);
                        None
                    }
                },
                Some(m) if v < 0.0 && m.unit == Unit::Currency && !m.allow_negative => {
                    fail(
                            "value",
                            format!(
                                "value {} is negative, but money for metric \"{}\" cannot be; declare the metric with \"allow_negative\": true if negative amounts (e.g. clawbacks) are meant",
                                decimal::show(v),
                                m.key
                            ),
                        );
                    None
                }
                _ => Some(v),
            },
            Ok(None) => None,
            Err(e) => {
                fail("value", e);
                None
            }
        };
        let mut target = number("target", &fields[5], arena, false).map_err(|e| fail("target", e));
        let mut floor = number("floor", &fields[6], arena, false).map_err(|e| fail("floor", e));
        // A target would make a rating a KPI, and ratings never enter health.
        if let Some(m) = m.filter(|m| m.unit == Unit::Rating) {
            for (name, slot) in [("target", &mut target), ("floor", &mut floor)] {
                if matches!(slot, Ok(Some(_))) {
                    fail(
                        name,
                        format!(
                            "metric \"{}\" is a rating: it takes no {name} (ratings never enter health); remove the {name}",
                            m.key
                        ),
                    );
                    *slot = Err(());
                }
            }
        }

        if let (
            Some(partner),
            Some(period),
            Some(side),
            Some(metric),
            Some(value),
            Ok(target),
            Ok(floor),
        ) = (partner, period, side, metric, value, target, floor)
        {
            match self.seen[partner as usize].entry((period, side, metric)) {
                Entry::Occupied(earlier) => fail(
                    "",
                    format!(
                        "duplicate of the earlier record at {} (same partner, period, side and metric); only the first is kept",
                        locate(*earlier.get() as usize, "")
                    ),
                ),
                Entry::Vacant(slot) => {
                    slot.insert(index as u32);
                    self.ds.records.push(Record {
                        partner,
                        period,
                        side,
                        metric,
                        value,
                        target,
                        floor,
                    });
                    self.ds.counts.accepted += 1;
                    return;
                }
            }
        }
        self.ds.counts.rejected += 1;
        let mut problems = problems.into_iter();
        if let Some((location, mut reason)) = problems.next() {
            for (other_location, other) in problems {
                reason.push_str(&format!("; also {other_location}: {other}"));
            }
            self.reject(location, reason);
        }
    }

    fn unknown_partner(&self, id: &str) -> String {
        let n = self.ds.partners.len();
        let example = self
            .ds
            .partners
            .first()
            .map(|p| format!(", e.g. \"{}\"", p.id))
            .unwrap_or_default();
        format!(
            "unknown partner id \"{id}\": it is not among the {n} partner{} declared in /partners{example}",
            if n == 1 { "" } else { "s" }
        )
    }

    fn unknown_metric(&self, key: &str) -> String {
        if let Some(at) = self.rejected_metrics.get(key) {
            return format!(
                "metric \"{key}\" was declared at {at}, but that declaration was rejected"
            );
        }
        format!(
            "unknown metric \"{key}\": use a built-in key (see docs/data-contract.md) or {}",
            self.metric_hint
        )
    }

    /// Partners with nothing accepted are kept but worth a warning.
    pub fn finish(mut self) -> Dataset {
        let mut has = vec![false; self.ds.partners.len()];
        for r in &self.ds.records {
            has[r.partner as usize] = true;
        }
        for (i, p) in self.ds.partners.iter().enumerate() {
            if !has[i] {
                self.ds.warnings.push(Rejection {
                    location: self.partner_origin[i].clone(),
                    reason: format!("partner \"{}\" ({}) has no accepted records", p.id, p.name),
                });
            }
        }
        self.ds
    }
}

/// The parts of a metric declaration; `None` means "not given".
#[derive(Debug, Default, Clone)]
pub(crate) struct MetricDecl {
    pub key: String,
    pub label: Option<String>,
    pub pillar: Option<Pillar>,
    pub unit: Option<Unit>,
    pub better: Option<Better>,
    pub weight: Option<f64>,
    pub allow_negative: Option<bool>,
    pub scale: Option<u32>,
}

/// A rating must be one of the whole numbers on its metric's scale.
fn rating(v: f64, m: &Metric) -> Result<f64, String> {
    let top = m.scale.unwrap_or(catalogue::DEFAULT_SCALE);
    if v.fract() == 0.0 && v >= 1.0 && v <= f64::from(top) {
        Ok(v)
    } else {
        Err(format!(
            "value {} is not a rating of metric \"{}\": give a whole number from 1 to {top}",
            decimal::show(v),
            m.key
        ))
    }
}

/// The top of a rating scale as written in a feed: a whole number of 2 or more.
pub(crate) fn parse_scale(n: f64) -> Result<u32, String> {
    if n.fract() == 0.0 && (2.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(format!(
            "scale {} must be a whole number of 2 or more (the top of the rating scale)",
            decimal::show(n)
        ))
    }
}

fn required_text(name: &str, field: &RawField, arena: &Arena) -> String {
    let _ = arena;
    match field {
        RawField::Missing => format!("{name} is missing"),
        other => format!("{name} must be text, got {}", other.kind()),
    }
}

/// A number field. `required` fields must be present; optional ones may be
/// missing or null.
fn number(
    name: &str,
    field: &RawField,
    arena: &Arena,
    required: bool,
) -> Result<Option<f64>, String> {
    match *field {
        RawField::Num(v) if v.is_finite() => Ok(Some(v)),
        RawField::Num(v) => Err(format!(
            "{name} {} is not a finite number",
            decimal::show(v)
        )),
        RawField::Missing | RawField::Null if !required => Ok(None),
        RawField::Missing => Err(format!("{name} is missing: give a number")),
        RawField::Str(s, l) => Err(format!(
            "{name} must be a number, got the text \"{}\"",
            arena.get(s, l)
        )),
        ref other => Err(format!("{name} must be a number, got {}", other.kind())),
    }
}

// ---- The small blocks of a JSON document (partners, metrics, ...) ----

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Members for serde_json::Map<String, Value> {
    fn member(&self, key: &str) -> Member<'_> {
        match self.get(key) {
            None => Member::Absent,
            Some(Value::Null) => Member::Null,
            Some(Value::String(s)) => Member::Text(s),
            Some(v) => Member::Other(kind_of(v)),
        }
    }
}

/// An optional text member of an object: absent or null is `None`.
fn opt_text(obj: &dyn Members, key: &str, at: &str) -> Result<Option<String>, (String, String)> {
    match obj.member(key) {
        Member::Absent | Member::Null => Ok(None),
        Member::Text(s) => Ok(Some(s.to_string())),
        Member::Other(kind) => Err((at_key(at, key), format!("{key} must be text, got {kind}"))),
    }
}

fn req_text(obj: &dyn Members, key: &str, at: &str) -> Result<String, (String, String)> {
    match opt_text(obj, key, at)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err((at_key(at, key), format!("{key} is missing or empty"))),
    }
}

fn opt_word<T: std::str::FromStr<Err = String>>(
    obj: &dyn Members,
    key: &str,
    at: &str,
) -> Result<Option<T>, (String, String)> {
    opt_text(obj, key, at)?
        .map(|s| s.parse::<T>().map_err(|e| (at_key(at, key), e)))
        .transpose()
}

/// Iterates an optional array block, rejecting a non-array block as a whole.
fn entries<'v>(
    b: &mut Builder,
    block: &'v Option<Value>,
    name: &str,
) -> Vec<(String, &'v serde_json::Map<String, Value>)> {
    let mut out = Vec::new();
    match block {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("/{name}/{i}");
                match item {
                    Value::Object(obj) => out.push((at, obj)),
                    other => b.reject(at, not_an_entry(name, kind_of(other))),
                }
            }
        }
        Some(other) => b.reject(at_key("", name), not_a_list(name, kind_of(other))),
    }
    out
}

/// Why a block that lists entries is not a list: the same words whichever
/// form the block was read in (`Value`, or the commitments' own).
fn not_a_list(name: &str, kind: &str) -> String {
    format!("{name} must be an array, got {kind}")
}

/// Why one of its entries is not an entry.
fn not_an_entry(name: &str, kind: &str) -> String {
    format!("each entry of {name} must be an object, got {kind}")
}

pub(crate) fn vendor(b: &mut Builder, block: &Option<Value>) {
    match block {
        None | Some(Value::Null) => {}
        Some(Value::Object(obj)) => {
            let parsed = (|| {
                let id = req_text(obj, "id", "/vendor")?;
                let name = opt_text(obj, "name", "/vendor")?.unwrap_or_else(|| id.clone());
                Ok::<_, (String, String)>(Vendor { id, name })
            })();
            match parsed {
                Ok(v) => b.ds.vendor = Some(v),
                Err((at, why)) => b.reject(at, why),
            }
        }
        Some(other) => b.reject(
            "/vendor".into(),
            format!(
                "vendor must be an object with id and name, got {}",
                kind_of(other)
            ),
        ),
    }
}

pub(crate) fn currency(b: &mut Builder, block: &Option<Value>) {
    match block {
        None | Some(Value::Null) => {}
        Some(Value::String(code)) if is_currency_code(code) => b.ds.currency = code.clone(),
        Some(other) => b.reject(
            "/currency".into(),
            format!(
                "currency must be a three-letter ISO 4217 code such as \"USD\", got {}; amounts are shown in USD",
                match other {
                    Value::String(s) => format!("\"{s}\""),
                    v => kind_of(v).to_string(),
                }
            ),
        ),
    }
}

pub(crate) fn is_currency_code(code: &str) -> bool {
    is_currency(code)
}

pub(crate) fn partners(b: &mut Builder, block: &Option<Value>) {
    for (at, obj) in entries(b, block, "partners") {
        let parsed = (|| {
            let id = req_text(obj, "id", &at)?;
            Ok::<_, (String, String)>(Partner {
                name: opt_text(obj, "name", &at)?.unwrap_or_else(|| id.clone()),
                tier: opt_text(obj, "tier", &at)?,
                region: opt_text(obj, "region", &at)?,
                kind: opt_text(obj, "type", &at)?,
                id,
            })
        })();
        match parsed.and_then(|p| {
            b.add_partner(p, at.clone())
                .map_err(|e| (at_key(&at, "id"), e))
        }) {
            Ok(_) => {}
            Err((loc, why)) => b.reject(loc, why),
        }
    }
}

pub(crate) fn metrics(b: &mut Builder, block: &Option<Value>) {
    for (at, obj) in entries(b, block, "metrics") {
        let key = match req_text(obj, "key", &at) {
            Ok(k) => k,
            Err((loc, why)) => {
                b.reject(loc, why);
                continue;
            }
        };
        let parsed = (|| {
            let weight = match obj.get("weight") {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => match n.as_f64() {
                    Some(w) if w.is_finite() && w >= 0.0 => Some(w),
                    _ => {
                        return Err((
                            at_key(&at, "weight"),
                            "weight must be a number of 0 or more".to_string(),
                        ))
                    }
                },
                Some(v) => {
                    return Err((
                        at_key(&at, "weight"),
                        format!("weight must be a number, got {}", kind_of(v)),
                    ))
                }
            };
            let allow_negative = match obj.get("allow_negative") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(v)) => Some(*v),
                Some(v) => {
                    return Err((
                        at_key(&at, "allow_negative"),
                        format!("allow_negative must be true or false, got {}", kind_of(v)),
                    ))
                }
            };
            let scale = match obj.get("scale") {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => Some(
                    n.as_f64()
                        .ok_or_else(|| "scale must be a number".to_string())
                        .and_then(parse_scale)
                        .map_err(|e| (at_key(&at, "scale"), e))?,
                ),
                Some(v) => {
                    return Err((
                        at_key(&at, "scale"),
                        format!("scale must be a number, got {}", kind_of(v)),
                    ))
                }
            };
            Ok(MetricDecl {
                scale,
                key: key.clone(),
                label: opt_text(obj, "label", &at)?,
                pillar: opt_word(obj, "pillar", &at)?,
                unit: opt_word(obj, "unit", &at)?,
                better: opt_word(obj, "better", &at)?,
                weight,
                allow_negative,
            })
        })();
        match parsed.and_then(|d| b.declare_metric(d, &at).map_err(|e| (at.clone(), e))) {
            Ok(_) => {}
            Err((loc, why)) => {
                b.note_rejected_metric(key, at.clone());
                b.reject(loc, why);
            }
        }
    }
}

pub(crate) fn commitments(b: &mut Builder, block: &Option<RawCommitments>) {
    // The entries that are not objects are rejected first, as `entries` does
    // for the other blocks.
    let mut objects = Vec::new();
    match block {
        None | Some(RawCommitments::NotArray("null")) => {}
        Some(RawCommitments::NotArray(kind)) => {
            b.reject(at_key("", "commitments"), not_a_list("commitments", kind))
        }
        Some(RawCommitments::List { entries, arena }) => {
            for (i, item) in entries.iter().enumerate() {
                let at = format!("/commitments/{i}");
                match item {
                    RawEntry::Object(fields) => objects.push((at, EntryView { fields, arena })),
                    RawEntry::NotObject(kind) => b.reject(at, not_an_entry("commitments", kind)),
                }
            }
        }
    }
    for (at, view) in objects {
        let obj: &dyn Members = &view;
        let parsed = (|| {
            let partner = req_text(obj, "partner", &at)?;
            if b.partner_by_id(&partner).is_none() {
                return Err((at_key(&at, "partner"), b.unknown_partner(&partner)));
            }
            let period = req_text(obj, "period", &at)?
                .parse::<Quarter>()
                .map_err(|e| (at_key(&at, "period"), e))?;
            let side = req_text(obj, "side", &at)?
                .parse::<Side>()
                .map_err(|e| (at_key(&at, "side"), e))?;
            let text = req_text(obj, "text", &at)?;
            let due = opt_text(obj, "due", &at)?;
            if let Some(d) = &due {
                if !is_iso_date(d) {
                    return Err((
                        at_key(&at, "due"),
                        format!("due \"{d}\" is not a calendar date like \"2026-09-30\""),
                    ));
                }
            }
            let status =
                opt_word::<CommitmentStatus>(obj, "status", &at)?.unwrap_or(CommitmentStatus::Open);
            Ok(Commitment {
                partner,
                period,
                side,
                text,
                due,
                status,
            })
        })();
        match parsed {
            Ok(c) => b.ds.commitments.push(c),
            Err((loc, why)) => b.reject(loc, why),
        }
    }
}

pub(crate) fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        d.get(r)
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

pub(crate) fn thresholds(b: &mut Builder, block: &Option<Value>) {
    let obj = match block {
        None | Some(Value::Null) => return,
        Some(Value::Object(obj)) => obj,
        Some(other) => {
            b.reject(
                "/thresholds".into(),
                format!(
                    "thresholds must be an object, got {}; defaults 1.25 and 1.6 are used",
                    kind_of(other)
                ),
            );
            return;
        }
    };
    let mut t = Thresholds::default();
    for (key, slot) in [
        ("fairness_green", &mut t.fairness_green),
        ("fairness_amber", &mut t.fairness_amber),
    ] {
        match obj.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) if n.as_f64().is_some_and(|v| v.is_finite() && v > 1.0) => {
                *slot = n.as_f64().unwrap_or(*slot)
            }
            Some(_) => {
                b.reject(
                    at_key("/thresholds", key),
                    format!("{key} must be a number above 1; the default is used"),
                );
            }
        }
    }
    if t.fairness_amber < t.fairness_green {
        b.reject(
            "/thresholds/fairness_amber".into(),
            format!(
                "fairness_amber ({}) must not be below fairness_green ({}); defaults 1.25 and 1.6 are used",
                decimal::show(t.fairness_amber),
                decimal::show(t.fairness_green)
            ),
        );
        t = Thresholds::default();
    }
    b.ds.thresholds = t;
}

/// `{at}/{key}`: a location one level down.
fn at_key(at: &str, key: &str) -> String {
    let mut s = String::with_capacity(at.len() + 1 + key.len());
    s.push_str(at);
    s.push('/');
    s.push_str(key);
    s
}
