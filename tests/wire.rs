//! The worker's answer to the page (`wire`): what the page decodes is exactly
//! what the engine computed, field for field, and refusals keep their reasons.

use partner_scorecard::contract::{parse_csv, parse_json, Dataset, Format};
use partner_scorecard::sample::{generate, generate_csv, SampleOptions};
use partner_scorecard::score::ScoreBook;
use partner_scorecard::wire::{self, Refusal, BATCH};
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
