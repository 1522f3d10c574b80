//! Shared vision and values: rating metrics in the contract (JSON and CSV),
//! and the alignment figures of a scorecard, with the arithmetic written out.

use partner_scorecard::contract::{parse_csv, parse_json, Dataset, Pillar, Unit};
use partner_scorecard::export;
use partner_scorecard::score::{Figure, ScoreBook, Scorecard};
use serde_json::{json, Value};

fn rate(period: &str, side: &str, metric: &str, value: Value) -> Value {
    json!({ "partner": "acme", "period": period, "side": side, "metric": metric, "value": value })
}

fn money(period: &str, side: &str, metric: &str, value: f64) -> Value {
    rate(period, side, metric, json!(value))
}

fn doc(metrics: Value, records: Vec<Value>) -> Dataset {
    let text = json!({
        "schema": "partner-scorecard/v1",
        "partners": [{ "id": "acme", "name": "Acme" }],
        "metrics": metrics,
        "records": records,
    })
    .to_string();
    parse_json(text.as_bytes()).expect("no fatal error")
}

fn card<'a>(book: &'a ScoreBook, period: &str) -> &'a Scorecard {
    book.scorecards
        .iter()
        .find(|s| s.period.to_string() == period)
        .unwrap_or_else(|| panic!("no scorecard for {period}"))
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("undefined, expected {b}"));
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

// ---------------------------------------------------------------- contract

#[test]
fn the_six_statements_are_built_in_ratings_on_a_scale_of_five() {
    let ds = doc(json!([]), vec![]);
    let keys = [
        "shared_vision",
        "shared_values",
        "information_sharing",
        "joint_planning",
        "ease_of_business",
        "trust",
    ];
    for key in keys {
        let m = ds
            .metrics
            .iter()
            .find(|m| m.key == key)
            .unwrap_or_else(|| panic!("{key} is built in"));
        assert_eq!(
            (m.pillar, m.unit, m.scale),
            (Pillar::Alignment, Unit::Rating, Some(5))
        );
    }
}

#[test]
fn a_rating_outside_its_scale_or_not_whole_is_rejected_with_the_reason() {
    let ds = doc(
        json!([{ "key": "nps_like", "pillar": "alignment", "unit": "rating", "scale": 10, "label": "Would recommend" }]),
        vec![
            rate("2026-Q1", "vendor", "trust", json!(4)),
            rate("2026-Q1", "partner", "trust", json!(6)),
            rate("2026-Q1", "vendor", "shared_vision", json!(2.5)),
            rate("2026-Q1", "partner", "shared_vision", json!(0)),
            rate("2026-Q1", "partner", "nps_like", json!(9)),
            rate("2026-Q1", "vendor", "nps_like", json!(11)),
        ],
    );
    assert_eq!((ds.counts.accepted, ds.counts.rejected), (2, 4));
    let reasons: Vec<(&str, &str)> = ds
        .rejected
        .iter()
        .map(|r| (r.location.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(reasons[0].0, "/records/1/value");
    assert!(
        reasons[0].1.contains(
            "value 6 is not a rating of metric \"trust\": give a whole number from 1 to 5"
        ),
        "{}",
        reasons[0].1
    );
    assert_eq!(reasons[1].0, "/records/2/value");
    assert!(reasons[1].1.contains("value 2.5"), "{}", reasons[1].1);
    assert_eq!(reasons[2].0, "/records/3/value");
    assert_eq!(reasons[3].0, "/records/5/value");
    assert!(reasons[3].1.contains("from 1 to 10"), "{}", reasons[3].1);
}

#[test]
fn a_rating_takes_no_target_or_floor() {
    let mut r = rate("2026-Q1", "vendor", "trust", json!(4));
    r["target"] = json!(5);
    let ds = doc(json!([]), vec![r]);
    assert_eq!(ds.counts.rejected, 1);
    assert_eq!(ds.rejected[0].location, "/records/0/target");
    assert!(
        ds.rejected[0]
            .reason
            .contains("is a rating: it takes no target"),
        "{}",
        ds.rejected[0].reason
    );
}

#[test]
fn ratings_and_money_never_mix_in_a_declaration() {
    let ds = doc(
        json!([
            { "key": "a", "pillar": "alignment", "unit": "percent", "better": "higher" },
            { "key": "b", "pillar": "reward", "unit": "rating" },
            { "key": "c", "pillar": "reward", "unit": "currency", "better": "higher", "scale": 7 },
            { "key": "d", "pillar": "alignment", "unit": "rating", "scale": 1 },
            { "key": "e", "pillar": "alignment", "unit": "rating", "scale": 3.5 },
            { "key": "f", "pillar": "alignment", "unit": "rating", "scale": 7 }
        ]),
        vec![],
    );
    let at: Vec<&str> = ds.rejected.iter().map(|r| r.location.as_str()).collect();
    assert_eq!(
        at,
        [
            "/metrics/0",
            "/metrics/1",
            "/metrics/2",
            "/metrics/3/scale",
            "/metrics/4/scale"
        ]
    );
    assert!(ds.rejected[0]
        .reason
        .contains("the alignment pillar takes unit \"rating\""));
    assert!(ds.rejected[2].reason.contains("only rating metrics"));
    assert!(ds.rejected[3].reason.contains("whole number of 2 or more"));
    let f = ds
        .metrics
        .iter()
        .find(|m| m.key == "f")
        .expect("f declared");
    assert_eq!(f.scale, Some(7), "no better needed: higher is better");
}

#[test]
fn csv_reads_ratings_with_a_scale_column() {
    let text = "partner,period,side,metric,value,pillar,unit,scale\n\
        acme,2026-Q1,vendor,trust,4,,,\n\
        acme,2026-Q1,partner,trust,2,,,\n\
        acme,2026-Q1,vendor,fit,6,alignment,rating,7\n\
        acme,2026-Q1,partner,fit,8,,,\n\
        acme,2026-Q1,partner,mdf,5,,,x\n";
    let ds = parse_csv(text.as_bytes()).expect("CSV");
    assert_eq!((ds.counts.accepted, ds.counts.rejected), (3, 2));
    assert_eq!(ds.rejected[0].location, "line 5, column value");
    assert!(ds.rejected[0].reason.contains("from 1 to 7"));
    assert_eq!(ds.rejected[1].location, "line 6, column scale");
}

// ---------------------------------------------------------------- figures

/// Vendor and partner rate three statements on 1–5 and one on 1–7.
fn rated() -> (Dataset, ScoreBook) {
    let ds = doc(
        json!([{ "key": "fit", "label": "Strategic fit", "pillar": "alignment", "unit": "rating", "scale": 7 }]),
        vec![
            money("2026-Q2", "vendor", "mdf", 100.0),
            money("2026-Q2", "partner", "presales", 100.0),
            money("2026-Q2", "vendor", "influenced_margin", 50.0),
            money("2026-Q2", "partner", "resale_margin", 50.0),
            rate("2026-Q2", "vendor", "shared_vision", json!(4)),
            rate("2026-Q2", "partner", "shared_vision", json!(5)),
            rate("2026-Q2", "vendor", "trust", json!(5)),
            rate("2026-Q2", "partner", "trust", json!(2)),
            rate("2026-Q2", "vendor", "joint_planning", json!(3)),
            rate("2026-Q2", "partner", "fit", json!(7)),
            rate("2026-Q1", "vendor", "trust", json!(3)),
            rate("2026-Q1", "partner", "trust", json!(3)),
            rate("2025-Q2", "partner", "trust", json!(1)),
        ],
    );
    assert!(ds.rejected.is_empty(), "{:?}", ds.rejected);
    let book = ScoreBook::new(&ds);
    (ds, book)
}

#[test]
fn statements_gaps_differences_score_and_mean_gap_by_hand() {
    let (_, book) = rated();
    let s = card(&book, "2026-Q2");
    let a = s.alignment.as_ref().expect("rated");
    let keys: Vec<&str> = a.statements.iter().map(|st| st.metric.as_str()).collect();
    // Feed order of the metrics: built-in ones first, then the declared one.
    assert_eq!(keys, ["shared_vision", "joint_planning", "trust", "fit"]);
    let st = |k: &str| a.statements.iter().find(|st| st.metric == k).expect(k);
    // shared_vision 4 and 5: gap +1, less than half the scale (4/2 = 2)
    assert_eq!(
        (st("shared_vision").gap, st("shared_vision").differs),
        (Some(1.0), false)
    );
    // trust 5 and 2: gap −3, |−3| ≥ 2 → the sides see it differently
    assert_eq!((st("trust").gap, st("trust").differs), (Some(-3.0), true));
    // joint_planning only the vendor's 3; fit only the partner's 7 of 7
    assert_eq!(
        (st("joint_planning").partner, st("joint_planning").gap),
        (None, None)
    );
    assert!(!st("joint_planning").differs);
    assert_eq!((st("fit").vendor, st("fit").scale), (None, 7));
    // score: statements' mean ratings on their scales, 0–100:
    //   vision (4.5−1)/4 = 87.5, planning (3−1)/4 = 50, trust (3.5−1)/4 = 62.5, fit (7−1)/6 = 100
    close(a.score, (87.5 + 50.0 + 62.5 + 100.0) / 4.0);
    // gap: mean |gap| over the two statements both rated: (1 + 3) / 2
    close(a.gap, 2.0);
    // Ratings are no money and no KPI: the money and health are those of the records.
    assert_eq!((s.investment.vendor, s.reward.partner), (100.0, 50.0));
    assert_eq!(s.health, None);
    close(s.fairness, 1.0);
}

#[test]
fn alignment_trends_against_last_quarter_and_a_year_ago() {
    let (_, book) = rated();
    let s = card(&book, "2026-Q2");
    // 2026-Q1: trust 3 and 3 → score (3−1)/4 = 50, gap 0
    let prev = s.trend.previous.as_ref().expect("2026-Q1");
    close(prev.alignment.score, 75.0 - 50.0);
    close(prev.alignment.gap, 2.0 - 0.0);
    assert_eq!(prev.get(Figure::AlignmentScore), prev.alignment.score);
    // 2025-Q2: only the partner rated trust 1 → score 0, gap undefined
    let year = s.trend.year_ago.as_ref().expect("2025-Q2");
    close(year.alignment.score, 75.0);
    assert_eq!(year.alignment.gap, None);
}

#[test]
fn a_side_that_only_rated_has_not_reported_its_money() {
    let ds = doc(
        json!([]),
        vec![
            money("2026-Q2", "vendor", "mdf", 100.0),
            money("2026-Q2", "vendor", "influenced_margin", 80.0),
            rate("2026-Q2", "partner", "trust", json!(4)),
        ],
    );
    let book = ScoreBook::new(&ds);
    let s = card(&book, "2026-Q2");
    assert_eq!(
        s.unreported,
        Some(partner_scorecard::contract::Side::Partner)
    );
    assert_eq!((s.fairness, s.band), (None, None));
    close(s.alignment.as_ref().and_then(|a| a.score), 75.0);
}

#[test]
fn nothing_rated_leaves_alignment_null_in_the_json() {
    let ds = doc(json!([]), vec![money("2026-Q2", "vendor", "mdf", 1.0)]);
    let book = ScoreBook::new(&ds);
    let v = serde_json::to_value(&book.scorecards[0]).expect("JSON");
    assert_eq!(v["alignment"], Value::Null);
}

#[test]
fn the_csv_export_has_a_row_per_rating_and_gap() {
    let (_, book) = rated();
    let csv = export::scorecard_csv(card(&book, "2026-Q2"));
    for row in [
        "acme,2026-Q2,alignment.score,,,75,,,",
        "acme,2026-Q2,alignment.gap,,,2,,,",
        "acme,2026-Q2,rating,vendor,trust,5,,,",
        "acme,2026-Q2,rating,partner,trust,2,,,",
        "acme,2026-Q2,rating.gap,,trust,-3,,,differs",
        "acme,2026-Q2,rating,vendor,joint_planning,3,,,",
        "acme,2026-Q2,rating.gap,,joint_planning,,,,",
        "acme,2026-Q2,fair_shift,,,0,,,",
    ] {
        assert!(csv.lines().any(|l| l == row), "no row {row} in\n{csv}");
    }
}
