//! The worker's answer to the page (`wire`): what the page decodes is exactly
//! what the engine computed, field for field, and refusals keep their reasons.

use partner_scorecard::contract::{parse_csv, parse_json, Dataset, Format};
use partner_scorecard::sample::{generate, generate_csv, SampleOptions};
use partner_scorecard::score::ScoreBook;
use partner_scorecard::wire::{self, Refusal, BATCH, COMMITMENTS};
use serde_json::{json, Value};

fn sample(partners: usize) -> String {
    generate(&SampleOptions {
        partners,
        quarters: 8,
        seed: 7,
    })
}

/// Decodes `process`'s answer and compares it with the engine run here.
fn round_trip(bytes: &[u8], format: Format, ds: Dataset) -> (Dataset, ScoreBook) {
    let book = ScoreBook::new(&ds);
    let answer = wire::process(bytes, format);
    let (got_ds, got_book) = wire::decode(&answer)
        .expect("a readable answer")
        .expect("scored, not refused");
    let mut want = ds;
    want.records.clear();
    assert_eq!(got_ds, want, "the dataset, less its records");
    assert_eq!(got_book.periods, book.periods);
    assert_eq!(got_book.scorecards.len(), book.scorecards.len());
    for (got, want) in got_book.scorecards.iter().zip(&book.scorecards) {
        // Every field, partner_index (restored on the page) included.
        assert_eq!(got, want, "{} {}", want.partner, want.period);
    }
    for s in &book.scorecards {
        assert_eq!(
            got_book.get(s.partner_index, s.period),
            Some(s),
            "the lookup index is rebuilt"
        );
    }
    (got_ds, got_book)
}

#[test]
fn the_sample_decodes_to_the_engines_scorecards() {
    let text = sample(40);
    let ds = parse_json(text.as_bytes()).unwrap();
    let (_, book) = round_trip(text.as_bytes(), Format::Json, ds);
    // 40 × 8 scorecards: more than one batch frame, so frames are stitched back.
    assert!(book.scorecards.len() > BATCH, "{}", book.scorecards.len());
}

#[test]
fn commitments_over_several_frames_come_back_in_order() {
    // Commitments travel in frames of their own after the head.
    let text = sample(300);
    let ds = parse_json(text.as_bytes()).unwrap();
    let n = ds.commitments.len();
    assert!(
        n > COMMITMENTS,
        "{n} commitments: not enough for two frames"
    );
    let (got, _) = round_trip(text.as_bytes(), Format::Json, ds);
    assert_eq!(got.commitments.len(), n);
}

#[test]
fn fields_left_out_of_the_json_keep_their_place() {
    // No tier, region or type, a commitment without a due date, a KPI without a
    // floor: all are `skip_serializing_if` in the JSON the CLI prints.
    let mut doc: Value = serde_json::from_str(&sample(3)).unwrap();
    for p in doc["partners"].as_array_mut().unwrap() {
        let p = p.as_object_mut().unwrap();
        p.remove("tier");
        p.remove("type");
    }
    if let Some(c) = doc["commitments"]
        .as_array_mut()
        .and_then(|c| c.first_mut())
    {
        c.as_object_mut().unwrap().remove("due");
    }
    let text = doc.to_string();
    let ds = parse_json(text.as_bytes()).unwrap();
    assert!(ds
        .partners
        .iter()
        .all(|p| p.tier.is_none() && p.kind.is_none()));
    let (got, _) = round_trip(text.as_bytes(), Format::Json, ds);
    assert!(
        got.partners.iter().all(|p| p.region.is_some()),
        "the next field is not shifted"
    );
}

#[test]
fn csv_with_rejections_decodes_too() {
    let mut csv = generate_csv(&SampleOptions {
        partners: 5,
        quarters: 8,
        seed: 7,
    });
    let width = csv.lines().next().unwrap().split(',').count();
    let mut bad = vec![""; width];
    bad[..5].copy_from_slice(&["P-00001", "2026-Q9", "vendor", "mdf", "1"]);
    csv.push_str(&bad.join(","));
    csv.push('\n');
    let ds = parse_csv(csv.as_bytes()).unwrap();
    assert_eq!(ds.counts.rejected, 1, "{:?}", ds.rejected);
    let (got, _) = round_trip(csv.as_bytes(), Format::Csv, ds);
    assert_eq!(
        got.rejected.len(),
        1,
        "the rejection travels with its location and reason"
    );
}

fn refusal(bytes: &[u8], format: Format) -> Refusal {
    wire::decode(&wire::process(bytes, format))
        .expect("a readable answer")
        .expect_err("refused")
}

#[test]
fn refusals_keep_their_kind_and_detail() {
    match refusal(
        b"{ \"schema\": \"partner-scorecard/v2\", \"records\": [] }",
        Format::Json,
    ) {
        Refusal::Fatal {
            schema: true,
            detail,
        } => assert!(detail.contains("v2"), "{detail}"),
        other => panic!("{other:?}"),
    }
    match refusal(b"{ oops", Format::Json) {
        Refusal::Fatal {
            schema: false,
            detail,
        } => assert!(detail.contains("not valid JSON"), "{detail}"),
        other => panic!("{other:?}"),
    }
    let empty = json!({ "schema": "partner-scorecard/v1", "partners": [{ "id": "a", "name": "A" }], "records": [] });
    assert_eq!(
        refusal(empty.to_string().as_bytes(), Format::Json),
        Refusal::NoRecords { partners: 1 }
    );
    let bad = json!({ "schema": "partner-scorecard/v1", "partners": [{ "id": "a", "name": "A" }],
        "records": [{ "partner": "a", "period": "2026-Q3", "side": "vendor", "metric": "mdf", "value": "x" }] });
    match refusal(bad.to_string().as_bytes(), Format::Json) {
        Refusal::AllRejected { first } => assert!(first[0].starts_with("/records/0"), "{first:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_cut_answer_is_corrupt_not_wrong_figures() {
    let answer = wire::process(sample(2).as_bytes(), Format::Json);
    assert!(wire::decode(&answer[..answer.len() - 1]).is_err());
    assert!(wire::decode(&answer[..2]).is_err());
}

/// One partner-period's six money records: `[vendor, partner]` of investment,
/// risk and reward (the built-in metrics of each pillar).
fn money(
    partner: &str,
    period: &str,
    inv: [f64; 2],
    risk: [f64; 2],
    reward: [f64; 2],
) -> Vec<Value> {
    let rec = |side: &str, metric: &str, value: f64| json!({ "partner": partner, "period": period, "side": side, "metric": metric, "value": value });
    vec![
        rec("vendor", "mdf", inv[0]),
        rec("partner", "partner_marketing", inv[1]),
        rec("vendor", "inventory_exposure", risk[0]),
        rec("partner", "committed_spend", risk[1]),
        rec("vendor", "partner_sourced_margin", reward[0]),
        rec("partner", "resale_margin", reward[1]),
    ]
}

fn rating(partner: &str, period: &str, side: &str, metric: &str, value: u32) -> Value {
    json!({ "partner": partner, "period": period, "side": side, "metric": metric, "value": value })
}

#[test]
fn alignment_and_the_equity_ratio_figures_travel_field_by_field() {
    // "fair": both rate, F defined, a fair shift, trends against last quarter.
    // "takes": the vendor takes all the reward (F undefined, banded red, takes_all),
    // only one side rates a statement (no gap), and a feed metric on a scale of 7.
    let mut records = money("fair", "2026-Q1", [100.0, 60.0], [20.0, 40.0], [90.0, 70.0]);
    records.extend(money(
        "fair",
        "2026-Q2",
        [110.0, 50.0],
        [20.0, 30.0],
        [80.0, 95.0],
    ));
    for (q, v, p) in [("2026-Q1", 4, 2), ("2026-Q2", 5, 4)] {
        records.push(rating("fair", q, "vendor", "trust", v));
        records.push(rating("fair", q, "partner", "trust", p));
        records.push(rating("fair", q, "vendor", "shared_vision", 3));
        records.push(rating("fair", q, "partner", "shared_vision", 3));
    }
    records.extend(money(
        "takes",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [100.0, 0.0],
    ));
    records.push(rating("takes", "2026-Q2", "vendor", "trust", 5));
    records.push(rating("takes", "2026-Q2", "partner", "joint_weeks", 6));
    records.push(rating("takes", "2026-Q2", "vendor", "joint_weeks", 1));
    let text = json!({
        "schema": "partner-scorecard/v1",
        "partners": [{ "id": "fair", "name": "Fair" }, { "id": "takes", "name": "Takes" }],
        "metrics": [{ "key": "joint_weeks", "pillar": "alignment", "unit": "rating", "scale": 7, "label": "Joint planning weeks" }],
        "records": records,
    })
    .to_string();
    let ds = parse_json(text.as_bytes()).unwrap();
    assert_eq!(ds.counts.rejected, 0, "{:?}", ds.rejected);
    let engine = ScoreBook::new(&ds);
    let (got_ds, book) = round_trip(text.as_bytes(), Format::Json, ds);
    assert_eq!(
        got_ds
            .metrics
            .iter()
            .find(|m| m.key == "joint_weeks")
            .and_then(|m| m.scale),
        Some(7),
        "a metric's scale"
    );
    let find = |b: &ScoreBook, id: &str, q: &str| {
        b.scorecards
            .iter()
            .find(|s| s.partner == id && s.period.to_string() == q)
            .cloned()
            .unwrap_or_else(|| panic!("no scorecard {id} {q}"))
    };
    for (id, q) in [("fair", "2026-Q2"), ("takes", "2026-Q2")] {
        let (got, want) = (find(&book, id, q), find(&engine, id, q));
        assert_eq!(got.fairness, want.fairness, "{id}: fairness");
        assert_eq!(
            (got.band, got.balance),
            (want.band, want.balance),
            "{id}: band, balance"
        );
        assert_eq!(got.reward_rate, want.reward_rate, "{id}: reward_rate");
        assert_eq!(got.fair_shift, want.fair_shift, "{id}: fair_shift");
        assert_eq!(got.takes_all(), want.takes_all(), "{id}: takes_all");
        assert_eq!(got.shift(), want.shift(), "{id}: shift");
        assert_eq!(got.alignment, want.alignment, "{id}: alignment");
        assert_eq!(got.trend, want.trend, "{id}: trend (alignment changes too)");
        assert_eq!(got, want, "{id}: the whole scorecard");
    }

    // The figures themselves, so an engine that lost them cannot pass above.
    let fair = find(&book, "fair", "2026-Q2");
    assert!(fair.fairness.is_some() && fair.fair_shift.is_some() && fair.shift().is_some());
    assert!(fair.reward_rate.vendor.is_some() && fair.reward_rate.partner.is_some());
    let a = fair.alignment.as_ref().expect("fair rated");
    assert_eq!(a.statements.len(), 2);
    assert!(a
        .statements
        .iter()
        .any(|s| s.metric == "trust" && s.gap == Some(-1.0)));
    let previous = fair
        .trend
        .previous
        .as_ref()
        .expect("a change against 2026-Q1");
    assert!(previous.alignment.score.is_some() && previous.alignment.gap.is_some());
    assert!(previous.fair_shift.is_some() && previous.reward_rate.partner.is_some());

    let takes = find(&book, "takes", "2026-Q2");
    assert_eq!(takes.fairness, None);
    assert_eq!(
        takes.takes_all(),
        Some(partner_scorecard::contract::Side::Vendor)
    );
    let a = takes.alignment.as_ref().expect("takes rated");
    let trust = a.statements.iter().find(|s| s.metric == "trust").unwrap();
    assert_eq!(
        (trust.vendor, trust.partner, trust.gap),
        (Some(5.0), None, None)
    );
    let weeks = a
        .statements
        .iter()
        .find(|s| s.metric == "joint_weeks")
        .unwrap();
    assert_eq!(
        (weeks.scale, weeks.gap, weeks.differs),
        (7, Some(5.0), true)
    );
}

#[test]
fn the_samples_alignment_and_fairness_figures_are_in_the_round_trip() {
    // The sample round trip above compares whole scorecards; this says that
    // they hold what issue 10 added, so that comparison covers it.
    let text = sample(40);
    let ds = parse_json(text.as_bytes()).unwrap();
    let (_, book) = round_trip(text.as_bytes(), Format::Json, ds);
    let cards = &book.scorecards;
    assert!(cards.iter().any(|s| s
        .alignment
        .as_ref()
        .is_some_and(|a| !a.statements.is_empty())));
    assert!(cards.iter().any(|s| s
        .trend
        .year_ago
        .as_ref()
        .is_some_and(|c| c.alignment.score.is_some())));
    assert!(cards
        .iter()
        .any(|s| s.fair_shift.is_some() && s.reward_rate.partner.is_some()));
}
