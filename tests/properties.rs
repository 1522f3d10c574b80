//! Properties of the contract and the engine on random feeds.

use partner_scorecard::contract::{
    catalogue, parse_csv, parse_json, Dataset, Metric, Side, Unit, SCHEMA,
};
use partner_scorecard::score::{Band, ScoreBook, Scorecard};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

// ---------------------------------------------------------------- generated feeds

const PARTNERS: [&str; 3] = ["p0", "p1", "p2"];
const QUARTERS: [&str; 5] = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"];
const G: f64 = 1.25;
const A: f64 = 1.6;

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Keep the tree clean: no proptest-regressions/ files.
        failure_persistence: None,
        ..Config::default()
    }
}

fn catalogue_metrics() -> Vec<Metric> {
    catalogue::built_in()
}

/// The built-in metrics any number is a valid value of: ratings (whole
/// numbers on a scale) have their own generator.
fn valued_metrics() -> Vec<Metric> {
    catalogue::built_in()
        .into_iter()
        .filter(|m| m.unit != Unit::Rating)
        .collect()
}

/// A rating is a whole number from 1 to its metric's scale, with no target:
/// written from the contract, not the code.
fn rating_ok(metric: &Metric, value: f64, has_target_or_floor: bool) -> bool {
    if metric.unit != Unit::Rating {
        return true;
    }
    let top = f64::from(metric.scale.unwrap_or(5));
    value.fract() == 0.0 && (1.0..=top).contains(&value) && !has_target_or_floor
}

fn currency_metrics() -> Vec<Metric> {
    catalogue::built_in()
        .into_iter()
        .filter(|m| m.unit == Unit::Currency)
        .collect()
}

/// One valid record: indices into PARTNERS, QUARTERS and a metric list.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Gen {
    partner: usize,
    quarter: usize,
    side: Side,
    metric: usize,
    value: f64,
    target: Option<f64>,
    floor: Option<f64>,
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Vendor), Just(Side::Partner)]
}

/// Full-precision positive values (17 significant digits).
fn any_value() -> impl Strategy<Value = f64> + Clone {
    0.01f64..1.0e6
}

/// Money in cents, as a portal would export it.
fn cents() -> impl Strategy<Value = f64> + Clone {
    (1u64..100_000_000).prop_map(|c| c as f64 / 100.0)
}

/// Valid records, first of each (partner, period, side, metric) only.
fn records(
    n_metrics: usize,
    value: impl Strategy<Value = f64> + Clone + 'static,
    with_targets: bool,
) -> impl Strategy<Value = Vec<Gen>> {
    let target = if with_targets {
        proptest::option::of(value.clone()).boxed()
    } else {
        Just(None).boxed()
    };
    let floor = if with_targets {
        proptest::option::of(value.clone()).boxed()
    } else {
        Just(None).boxed()
    };
    let one = (
        0..PARTNERS.len(),
        0..QUARTERS.len(),
        side(),
        0..n_metrics,
        value,
        target,
        floor,
    )
        .prop_map(
            |(partner, quarter, side, metric, value, target, floor)| Gen {
                partner,
                quarter,
                side,
                metric,
                value,
                target,
                floor,
            },
        );
    prop::collection::vec(one, 1..40).prop_map(|v| {
        let mut seen = HashSet::new();
        v.into_iter()
            .filter(|g| seen.insert((g.partner, g.quarter, g.side, g.metric)))
            .collect()
    })
}

fn side_word(s: Side) -> &'static str {
    s.as_str()
}

/// The partners in order of first appearance, as the CSV reader declares them.
fn partner_order(recs: &[Gen]) -> Vec<usize> {
    let mut order = Vec::new();
    for g in recs {
        if !order.contains(&g.partner) {
            order.push(g.partner);
        }
    }
    order
}

fn json_doc(recs: &[Gen], metrics: &[Metric]) -> String {
    let partners: Vec<Value> = partner_order(recs)
        .into_iter()
        .map(|p| json!({ "id": PARTNERS[p], "name": format!("Partner {p}") }))
        .collect();
    let records: Vec<Value> = recs
        .iter()
        .map(|g| {
            let mut r = json!({
                "partner": PARTNERS[g.partner],
                "period": QUARTERS[g.quarter],
                "side": side_word(g.side),
                "metric": metrics[g.metric].key,
                "value": g.value,
            });
            if let Some(t) = g.target {
                r["target"] = json!(t);
            }
            if let Some(f) = g.floor {
                r["floor"] = json!(f);
            }
            r
        })
        .collect();
    json!({ "schema": SCHEMA, "partners": partners, "records": records }).to_string()
}

/// A tiny CSV writer: numbers in Rust's shortest round-trip form, no quoting needed.
fn csv_doc(recs: &[Gen], metrics: &[Metric]) -> String {
    let num = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
    let mut out = String::from("partner,period,side,metric,value,target,floor,partner_name\n");
    for g in recs {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},Partner {}\n",
            PARTNERS[g.partner],
            QUARTERS[g.quarter],
            side_word(g.side),
            metrics[g.metric].key,
            g.value,
            num(g.target),
            num(g.floor),
            g.partner
        ));
    }
    out
}

fn scored_json(text: &str) -> (Dataset, ScoreBook) {
    let ds = parse_json(text.as_bytes()).expect("valid JSON feed");
    assert!(ds.rejected.is_empty(), "{:#?}", ds.rejected);
    let book = ScoreBook::new(&ds);
    (ds, book)
}

fn by_key(book: &ScoreBook) -> HashMap<(String, String), &Scorecard> {
    book.scorecards
        .iter()
        .map(|s| ((s.partner.clone(), s.period.to_string()), s))
        .collect()
}

// ---------------------------------------------------------------- the spec as a model

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-300) || a == b
}

fn close_opt(a: Option<f64>, b: Option<f64>, tol: f64) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= tol * x.abs().max(y.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Equal within `tol` absolutely: for differences of large sums, such as the fair shift.
fn close_abs(a: Option<f64>, b: Option<f64>, tol: f64) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= tol,
        (None, None) => true,
        _ => false,
    }
}

fn spec_band(f: f64) -> Band {
    if (1.0 / G..=G).contains(&f) {
        Band::Green
    } else if (1.0 / A..=A).contains(&f) {
        Band::Amber
    } else {
        Band::Red
    }
}

fn near_edge(f: f64) -> bool {
    [G, 1.0 / G, A, 1.0 / A]
        .iter()
        .any(|e| (f - e).abs() <= 1e-9 * e)
}

/// T[pillar][side] and whether each side reported, of one partner-period.
type Model = ([[f64; 2]; 3], [bool; 2]);

fn share(v: f64, p: f64) -> Option<f64> {
    (v + p != 0.0).then(|| p / (v + p))
}

proptest! {
    #![proptest_config(config(128))]

    /// Totals, shares, F and band follow the formulas; shares lie in [0, 1].
    #[test]
    fn scorecards_follow_the_formulas(recs in records(currency_metrics().len(), any_value(), false)) {
        let metrics = currency_metrics();
        let (_, book) = scored_json(&json_doc(&recs, &metrics));
        // T[pillar][side] and whether each side reported, per partner-period.
        let mut model: HashMap<(String, String), Model> = HashMap::new();
        for g in &recs {
            let key = (PARTNERS[g.partner].to_string(), QUARTERS[g.quarter].to_string());
            let e = model.entry(key).or_insert(([[0.0; 2]; 3], [false; 2]));
            e.0[metrics[g.metric].pillar.index()][g.side.index()] += g.value;
            e.1[g.side.index()] = true;
        }
        prop_assert_eq!(book.scorecards.len(), model.len());
        for s in &book.scorecards {
            let (t, reported) = model[&(s.partner.clone(), s.period.to_string())];
            for (p, got) in [s.investment, s.risk, s.reward].iter().enumerate() {
                prop_assert!(close(got.vendor, t[p][0], 1e-9), "{} vs {}", got.vendor, t[p][0]);
                prop_assert!(close(got.partner, t[p][1], 1e-9), "{} vs {}", got.partner, t[p][1]);
            }
            for x in [s.shares.investment, s.shares.risk, s.shares.reward, s.shares.contribution].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&x), "share {x} of {s:?}");
            }
            let unreported = [Side::Vendor, Side::Partner].into_iter().find(|x| !reported[x.index()]);
            prop_assert_eq!(s.unreported, unreported);
            if unreported.is_some() {
                prop_assert_eq!(s.shares, Default::default());
                prop_assert_eq!((s.fairness, s.band, s.balance), (None, None, None));
                continue;
            }
            let r = share(t[2][0], t[2][1]);
            let c = share(t[0][0] + t[1][0], t[0][1] + t[1][1]);
            prop_assert!(close_opt(s.shares.investment, share(t[0][0], t[0][1]), 1e-9));
            prop_assert!(close_opt(s.shares.risk, share(t[1][0], t[1][1]), 1e-9));
            prop_assert!(close_opt(s.shares.reward, r, 1e-9));
            prop_assert!(close_opt(s.shares.contribution, c, 1e-9));
            // F = (R_p / C_p) ÷ (R_v / C_v), C = investment + risk.
            let (cv, cp) = (t[0][0] + t[1][0], t[0][1] + t[1][1]);
            let (rv, rp) = (t[2][0], t[2][1]);
            let both_put_in = cv > 0.0 && cp > 0.0;
            let f = (both_put_in && rv > 0.0 && rp > 0.0).then(|| (rp / cp) / (rv / cv));
            prop_assert!(close_opt(s.fairness, f, 1e-9), "{:?} vs {f:?}", s.fairness);
            let rate = |r: f64, c: f64| (c > 0.0).then(|| r / c);
            prop_assert!(close_opt(s.reward_rate.vendor, rate(rv, cv), 1e-9));
            prop_assert!(close_opt(s.reward_rate.partner, rate(rp, cp), 1e-9));
            let shift = c.filter(|_| rv + rp > 0.0).map(|c| (rv + rp) * c - rp);
            prop_assert!(close_abs(s.fair_shift, shift, 1e-9 * (1.0 + rv.abs() + rp.abs())), "{:?} vs {shift:?}", s.fair_shift);
            use partner_scorecard::score::Balance;
            if let Some(f) = s.fairness {
                prop_assert!(f > 0.0);
                // The band and balance of the engine's own F, by the spec.
                prop_assert_eq!(s.band, Some(spec_band(f)));
                let balance = match spec_band(f) {
                    Band::Green => Balance::Balanced,
                    _ if f > 1.0 => Balance::PartnerFavoured,
                    _ => Balance::VendorFavoured,
                };
                prop_assert_eq!(s.balance, Some(balance));
            } else if both_put_in && (rv > 0.0) != (rp > 0.0) {
                // One side takes all the reward: red, towards that side.
                let towards = if rp > 0.0 { Balance::PartnerFavoured } else { Balance::VendorFavoured };
                prop_assert_eq!((s.band, s.balance), (Some(Band::Red), Some(towards)));
            } else {
                prop_assert_eq!((s.band, s.balance), (None, None));
            }
            let roi = |inv: f64, rew: f64| (inv != 0.0).then(|| (rew - inv) / inv);
            prop_assert!(close_opt(s.roi.vendor, roi(t[0][0], t[2][0]), 1e-9));
            prop_assert!(close_opt(s.roi.partner, roi(t[0][1], t[2][1]), 1e-9));
        }
    }

    /// Swapping vendor and partner in every record swaps the totals, mirrors
    /// every share (s → 1 − s) and the unreported side, turns F into exactly
    /// 1/F with the same band and the other side favoured, swaps the reward
    /// rates and turns the fair shift around.
    #[test]
    fn swapping_the_sides_mirrors_the_scorecard(recs in records(currency_metrics().len(), any_value(), false)) {
        let metrics = currency_metrics();
        let swapped: Vec<Gen> = recs.iter().map(|g| Gen { side: g.side.other(), ..*g }).collect();
        let (_, a) = scored_json(&json_doc(&recs, &metrics));
        let (_, b) = scored_json(&json_doc(&swapped, &metrics));
        let b = by_key(&b);
        prop_assert_eq!(a.scorecards.len(), b.len());
        for s in &a.scorecards {
            let t = b[&(s.partner.clone(), s.period.to_string())];
            for (x, y) in [(s.investment, t.investment), (s.risk, t.risk), (s.reward, t.reward)] {
                prop_assert_eq!((x.vendor, x.partner), (y.partner, y.vendor));
            }
            prop_assert_eq!(t.unreported, s.unreported.map(Side::other));
            let mirror = |x: Option<f64>| x.map(|x| 1.0 - x);
            prop_assert!(close_opt(t.shares.investment, mirror(s.shares.investment), 1e-12));
            prop_assert!(close_opt(t.shares.risk, mirror(s.shares.risk), 1e-12));
            prop_assert!(close_opt(t.shares.reward, mirror(s.shares.reward), 1e-12));
            prop_assert!(close_opt(t.shares.contribution, mirror(s.shares.contribution), 1e-12));
            prop_assert_eq!((s.roi.vendor, s.roi.partner), (t.roi.partner, t.roi.vendor));
            if s.unreported.is_some() {
                continue;
            }
            prop_assert_eq!((s.reward_rate.vendor, s.reward_rate.partner), (t.reward_rate.partner, t.reward_rate.vendor));
            prop_assert!(close_abs(t.fair_shift, s.fair_shift.map(|x| -x), 1e-9 * (1.0 + s.reward.vendor + s.reward.partner)),
                "{:?} vs {:?}", t.fair_shift, s.fair_shift);
            let inverse = s.fairness.map(|f| 1.0 / f);
            prop_assert!(close_opt(t.fairness, inverse, 1e-9), "{:?} vs 1/{:?}", t.fairness, s.fairness);
            let edge = s.fairness.is_some_and(near_edge);
            if !edge {
                prop_assert_eq!(t.band, s.band);
                let mirrored = s.balance.map(|b| match b.favours() {
                    None => b,
                    Some(side) => match side.other() {
                        Side::Vendor => partner_scorecard::score::Balance::VendorFavoured,
                        Side::Partner => partner_scorecard::score::Balance::PartnerFavoured,
                    },
                });
                prop_assert_eq!(t.balance, mirrored);
            }
            prop_assert_eq!(t.takes_all(), s.takes_all().map(Side::other));
        }
    }

    /// Scaling every currency value by k > 0 changes no share, F, band or ROI.
    #[test]
    fn scaling_the_money_changes_no_ratio(
        recs in records(currency_metrics().len(), any_value(), false),
        k in 0.01f64..1000.0,
    ) {
        let metrics = currency_metrics();
        let scaled: Vec<Gen> = recs.iter().map(|g| Gen { value: g.value * k, ..*g }).collect();
        let (_, a) = scored_json(&json_doc(&recs, &metrics));
        let (_, b) = scored_json(&json_doc(&scaled, &metrics));
        let b = by_key(&b);
        prop_assert_eq!(a.scorecards.len(), b.len());
        for s in &a.scorecards {
            let t = b[&(s.partner.clone(), s.period.to_string())];
            prop_assert!(close_opt(t.shares.investment, s.shares.investment, 1e-9));
            prop_assert!(close_opt(t.shares.risk, s.shares.risk, 1e-9));
            prop_assert!(close_opt(t.shares.reward, s.shares.reward, 1e-9));
            prop_assert!(close_opt(t.shares.contribution, s.shares.contribution, 1e-9));
            prop_assert!(close_opt(t.fairness, s.fairness, 1e-9), "{:?} vs {:?}", t.fairness, s.fairness);
            // Rates are money ÷ money: scale-free; the shift is money: scales with k.
            prop_assert!(close_opt(t.reward_rate.vendor, s.reward_rate.vendor, 1e-9));
            prop_assert!(close_opt(t.reward_rate.partner, s.reward_rate.partner, 1e-9));
            let tol = 1e-9 * k * (1.0 + s.reward.vendor + s.reward.partner);
            prop_assert!(close_abs(t.fair_shift, s.fair_shift.map(|x| x * k), tol));
            prop_assert!(close_opt(t.roi.vendor, s.roi.vendor, 1e-9));
            prop_assert!(close_opt(t.roi.partner, s.roi.partner, 1e-9));
            prop_assert_eq!(t.unreported, s.unreported);
            match s.fairness {
                Some(f) if near_edge(f) => {}
                _ => {
                    prop_assert_eq!(t.band, s.band);
                    prop_assert_eq!(t.balance, s.balance);
                }
            }
        }
    }

    /// The same records as JSON and as CSV give identical datasets and scorecards
    /// (money in cents, targets and floors, every built-in metric).
    #[test]
    fn json_and_csv_give_identical_scorecards(recs in records(valued_metrics().len(), cents(), true)) {
        same_scorecards(&recs)?;
    }

    /// The same at full double precision: both forms carry the exact same
    /// numbers (shortest round-trip text), so the scorecards must not differ.
    #[test]
    fn json_and_csv_give_identical_scorecards_at_full_precision(
        recs in records(valued_metrics().len(), any_value(), true),
    ) {
        same_scorecards(&recs)?;
    }
}

fn same_scorecards(recs: &[Gen]) -> Result<(), TestCaseError> {
    let metrics = valued_metrics();
    let from_json = parse_json(json_doc(recs, &metrics).as_bytes()).expect("JSON");
    let from_csv = parse_csv(csv_doc(recs, &metrics).as_bytes()).expect("CSV");
    prop_assert!(from_json.rejected.is_empty(), "{:#?}", from_json.rejected);
    prop_assert!(from_csv.rejected.is_empty(), "{:#?}", from_csv.rejected);
    prop_assert_eq!(from_json.counts, from_csv.counts);
    prop_assert_eq!(&from_json.partners, &from_csv.partners);
    prop_assert_eq!(&from_json.records, &from_csv.records);
    let a = ScoreBook::new(&from_json);
    let b = ScoreBook::new(&from_csv);
    prop_assert_eq!(&a.periods, &b.periods);
    prop_assert_eq!(a.scorecards.len(), b.scorecards.len());
    for (x, y) in a.scorecards.iter().zip(&b.scorecards) {
        prop_assert_eq!(
            serde_json::to_value(x).unwrap(),
            serde_json::to_value(y).unwrap(),
            "{} {}",
            x.partner,
            x.period
        );
    }
    Ok(())
}

// ---------------------------------------------------------------- accepted + rejected = input

/// A JSON field as generated: absent, or a value.
type Field = Option<Value>;

/// Whether a generated record is valid by the contract, and its key.
fn json_validity(
    fields: &[Field; 7],
    metrics: &[Metric],
) -> Option<(String, String, String, String)> {
    let text = |f: &Field| match f {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    let partner = text(&fields[0]).filter(|p| PARTNERS.contains(&p.as_str()))?;
    let period = text(&fields[1]).filter(|p| is_quarter(p))?;
    let side = text(&fields[2]).filter(|s| s == "vendor" || s == "partner")?;
    let key = text(&fields[3])?;
    let metric = metrics.iter().find(|m| m.key == key)?;
    let value = fields[4].as_ref().and_then(Value::as_f64)?;
    if value < 0.0 && metric.unit == Unit::Currency && !metric.allow_negative {
        return None;
    }
    for f in &fields[5..] {
        match f {
            None | Some(Value::Null) | Some(Value::Number(_)) => {}
            _ => return None,
        }
    }
    let targeted = fields[5..]
        .iter()
        .any(|f| matches!(f, Some(Value::Number(_))));
    if !rating_ok(metric, value, targeted) {
        return None;
    }
    Some((partner, period, side, key))
}

/// `YYYY-Qn`, year 1000 to 9999, n 1 to 4: written from the contract, not the code.
fn is_quarter(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[0] != b'0'
        && b[4] == b'-'
        && b[5] == b'Q'
        && (b'1'..=b'4').contains(&b[6])
}

fn junk_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1.0e6f64..1.0e6).prop_map(|v| json!(v)),
        "[a-zA-Z0-9 -]{0,8}".prop_map(Value::String),
        Just(json!([1, "x"])),
        Just(json!({ "k": 1 })),
    ]
}

fn some(v: impl Strategy<Value = Value>) -> impl Strategy<Value = Field> {
    v.prop_map(Some)
}

fn json_fields() -> impl Strategy<Value = [Field; 7]> {
    let keys: Vec<String> = catalogue_metrics().into_iter().map(|m| m.key).collect();
    let partner = prop_oneof![
        6 => some(prop::sample::select(PARTNERS.to_vec()).prop_map(|p| json!(p))),
        1 => some(Just(json!("zz"))),
        1 => Just(None),
        1 => some(junk_value()),
    ];
    let period = prop_oneof![
        6 => some(prop::sample::select(QUARTERS.to_vec()).prop_map(|p| json!(p))),
        2 => some("[0-9]{2,4}-?[Qq]?[0-9]".prop_map(Value::String)),
        1 => Just(None),
        1 => some(junk_value()),
    ];
    let side = prop_oneof![
        6 => some(prop::sample::select(vec!["vendor", "partner"]).prop_map(|s| json!(s))),
        1 => some(prop::sample::select(vec!["Vendor", "both", ""]).prop_map(|s| json!(s))),
        1 => Just(None),
        1 => some(junk_value()),
    ];
    let metric = prop_oneof![
        6 => some(prop::sample::select(keys).prop_map(|k| json!(k))),
        1 => some(Just(json!("nope"))),
        1 => Just(None),
        1 => some(junk_value()),
    ];
    let value = prop_oneof![
        6 => some((0.0f64..1.0e6).prop_map(|v| json!(v))),
        2 => some((0u32..8).prop_map(|v| json!(v))),
        2 => some((-1.0e6f64..-0.001).prop_map(|v| json!(v))),
        1 => Just(None),
        1 => some(junk_value()),
    ];
    let optional = || {
        prop_oneof![
            4 => Just(None),
            2 => some((0.0f64..1.0e3).prop_map(|v| json!(v))),
            1 => some(junk_value()),
        ]
    };
    (partner, period, side, metric, value, optional(), optional())
        .prop_map(|(a, b, c, d, e, f, g)| [a, b, c, d, e, f, g])
}

/// One entry of `records`: a record object (maybe with junk members), a
/// non-object, or a copy of an earlier entry.
#[derive(Debug, Clone)]
enum Entry {
    Object(Box<[Field; 7]>, Vec<(String, Value)>),
    NotObject(Value),
    CopyOf(usize),
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        8 => (json_fields(), prop::collection::vec(("x_[a-z]{1,10}", junk_value()), 0..3))
            .prop_map(|(f, junk)| Entry::Object(Box::new(f), junk)),
        1 => junk_value().prop_filter("not an object", |v| !v.is_object()).prop_map(Entry::NotObject),
        2 => any::<prop::sample::Index>().prop_map(|i| Entry::CopyOf(i.index(usize::MAX))),
    ]
}

const FIELD_NAMES: [&str; 7] = [
    "partner", "period", "side", "metric", "value", "target", "floor",
];

proptest! {
    #![proptest_config(config(128))]

    /// Every record is either accepted or rejected with a location; exactly
    /// the valid first-of-their-key records are accepted.
    #[test]
    fn json_accepted_plus_rejected_is_input(entries in prop::collection::vec(entry(), 0..60)) {
        let metrics = catalogue_metrics();
        let mut values: Vec<Value> = Vec::new();
        let mut valid: Vec<Option<(String, String, String, String)>> = Vec::new();
        for e in &entries {
            let (v, ok) = match e {
                Entry::Object(fields, junk) => {
                    let mut o = Map::new();
                    for (name, f) in FIELD_NAMES.iter().zip(fields.iter()) {
                        if let Some(f) = f {
                            o.insert(name.to_string(), f.clone());
                        }
                    }
                    for (k, v) in junk {
                        o.insert(k.clone(), v.clone());
                    }
                    (Value::Object(o), json_validity(fields, &metrics))
                }
                Entry::NotObject(v) => (v.clone(), None),
                Entry::CopyOf(i) if !values.is_empty() => {
                    let i = i % values.len();
                    (values[i].clone(), valid[i].clone())
                }
                Entry::CopyOf(_) => (json!(null), None),
            };
            values.push(v);
            valid.push(ok);
        }
        let mut seen = HashSet::new();
        let expected: Vec<bool> = valid
            .iter()
            .map(|k| k.as_ref().is_some_and(|k| seen.insert(k.clone())))
            .collect();
        let n = values.len();
        let text = json!({
            "schema": SCHEMA,
            "partners": PARTNERS.iter().map(|p| json!({ "id": p })).collect::<Vec<_>>(),
            "records": values,
        })
        .to_string();
        let ds = parse_json(text.as_bytes()).expect("no fatal error");
        let c = ds.counts;
        prop_assert_eq!(c.input, n);
        prop_assert_eq!(c.accepted + c.rejected, c.input);
        prop_assert_eq!(ds.records.len(), c.accepted);
        prop_assert_eq!(c.accepted, expected.iter().filter(|a| **a).count());
        prop_assert_eq!(ds.rejected.len(), c.rejected, "one rejection per rejected record");
        let rejected_at: Vec<usize> = ds
            .rejected
            .iter()
            .map(|r| {
                let rest = r.location.strip_prefix("/records/").expect("a record location");
                rest.split('/').next().unwrap().parse::<usize>().unwrap()
            })
            .collect();
        let expected_rejected: Vec<usize> = (0..n).filter(|i| !expected[*i]).collect();
        prop_assert_eq!(rejected_at, expected_rejected);
        for r in &ds.rejected {
            prop_assert!(!r.reason.is_empty());
        }
    }
}

/// A CSV line as generated: cells for the seven record columns, or a line
/// with the wrong number of fields.
#[derive(Debug, Clone)]
enum Line {
    Cells(Box<[String; 7]>),
    WrongCount(usize),
    Blank,
    CopyOf(usize),
}

fn csv_cells() -> impl Strategy<Value = [String; 7]> {
    let keys: Vec<String> = catalogue_metrics().into_iter().map(|m| m.key).collect();
    let s = |v: Vec<&'static str>| prop::sample::select(v).prop_map(str::to_string);
    let num = |r: std::ops::Range<f64>| r.prop_map(|v| format!("{v}"));
    let partner = prop_oneof![6 => s(PARTNERS.to_vec()), 1 => s(vec!["", "new one"])];
    let period = prop_oneof![
        6 => s(QUARTERS.to_vec()),
        2 => "[0-9]{2,4}-?[Qq]?[0-9]",
        1 => s(vec![""]),
    ];
    let side = prop_oneof![6 => s(vec!["vendor", "partner"]), 1 => s(vec!["Vendor", "both", ""])];
    let metric = prop_oneof![
        6 => prop::sample::select(keys),
        1 => s(vec!["nope", ""]),
    ];
    let value = prop_oneof![
        6 => num(0.0..1.0e6),
        2 => s(vec!["0", "1", "3", "5", "6", "2.5"]),
        2 => num(-1.0e6..-0.001),
        1 => s(vec!["", "abc", "12x", "inf", "NaN", "1e999"]),
    ];
    let optional =
        || prop_oneof![4 => s(vec![""]), 2 => num(0.0..1.0e3), 1 => s(vec!["n/a", "inf"])];
    (partner, period, side, metric, value, optional(), optional())
        .prop_map(|(a, b, c, d, e, f, g)| [a, b, c, d, e, f, g])
}

fn csv_validity(cells: &[String; 7], metrics: &[Metric]) -> Option<[String; 4]> {
    let finite = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    if cells[0].is_empty() || !is_quarter(&cells[1]) {
        return None;
    }
    if cells[2] != "vendor" && cells[2] != "partner" {
        return None;
    }
    let metric = metrics.iter().find(|m| m.key == cells[3])?;
    let value = finite(&cells[4])?;
    if value < 0.0 && metric.unit == Unit::Currency && !metric.allow_negative {
        return None;
    }
    for c in &cells[5..] {
        if !c.is_empty() && finite(c).is_none() {
            return None;
        }
    }
    if !rating_ok(metric, value, cells[5..].iter().any(|c| !c.is_empty())) {
        return None;
    }
    Some([
        cells[0].clone(),
        cells[1].clone(),
        cells[2].clone(),
        cells[3].clone(),
    ])
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        8 => csv_cells().prop_map(|c| Line::Cells(Box::new(c))),
        1 => prop_oneof![1..7usize, 8..10usize].prop_map(Line::WrongCount),
        1 => Just(Line::Blank),
        2 => any::<prop::sample::Index>().prop_map(|i| Line::CopyOf(i.index(usize::MAX))),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    /// The same for CSV: every non-blank line after the header is one input
    /// record, accepted or rejected.
    #[test]
    fn csv_accepted_plus_rejected_is_input(lines in prop::collection::vec(line(), 0..60)) {
        let metrics = catalogue_metrics();
        let mut text = String::from("partner,period,side,metric,value,target,floor\n");
        let mut cells_of: Vec<Option<[String; 7]>> = Vec::new();
        let mut valid: Vec<Option<[String; 4]>> = Vec::new();
        for l in &lines {
            let l = match l {
                Line::CopyOf(i) if !cells_of.is_empty() => match &cells_of[i % cells_of.len()] {
                    Some(c) => Line::Cells(Box::new(c.clone())),
                    None => Line::WrongCount(3),
                },
                Line::CopyOf(_) => Line::Blank,
                other => other.clone(),
            };
            match l {
                Line::Cells(c) => {
                    text.push_str(&c.join(","));
                    valid.push(csv_validity(&c, &metrics));
                    cells_of.push(Some(*c));
                }
                Line::WrongCount(n) => {
                    text.push_str(&vec!["x"; n].join(","));
                    valid.push(None);
                    cells_of.push(None);
                }
                Line::Blank | Line::CopyOf(_) => {}
            }
            text.push('\n');
        }
        let mut seen = HashSet::new();
        let accepted = valid
            .iter()
            .filter(|k| k.as_ref().is_some_and(|k| seen.insert(k.clone())))
            .count();
        let ds = parse_csv(text.as_bytes()).expect("no fatal error");
        let c = ds.counts;
        prop_assert_eq!(c.input, valid.len(), "non-blank lines after the header");
        prop_assert_eq!(c.accepted + c.rejected, c.input);
        prop_assert_eq!(ds.records.len(), c.accepted);
        prop_assert_eq!(c.accepted, accepted);
        prop_assert_eq!(ds.rejected.len(), c.rejected);
        for r in &ds.rejected {
            prop_assert!(r.location.starts_with("line "), "{}", r.location);
        }
    }
}
