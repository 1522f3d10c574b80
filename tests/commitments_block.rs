//! The JSON document's `commitments` block as the contract reads it: every
//! kind of entry, every rejection with its location and exact reason, and the
//! commitments kept (docs/data-contract.md). The block may come before or
//! after the partners it names, and a key given twice keeps its last value.

use partner_scorecard::contract::{parse_json, CommitmentStatus, Dataset, Quarter, Side, SCHEMA};

const PARTNERS: &str = r#"[{ "id": "acme", "name": "Acme Systems" }, { "id": "globex" }]"#;
const RECORD: &str = r#"[{ "partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "mdf_spend", "value": 100 }]"#;

/// Every kind of entry a feed may hold, one per line.
const ENTRIES: &str = r#"[
  { "partner": "acme", "period": "2026-Q2", "side": "vendor", "text": "Joint webinar", "due": "2026-09-30", "status": "done" },
  "not an object",
  { "partner": "nobody", "period": "2026-Q2", "side": "vendor", "text": "x" },
  { "partner": "acme", "period": "2026-Q9", "side": "vendor", "text": "x" },
  { "partner": "acme", "period": "2026-Q2", "side": "both", "text": "x" },
  { "partner": "acme", "period": "2026-Q2", "side": "partner", "text": "  " },
  { "partner": "acme", "period": "2026-Q2", "side": "partner", "text": "y", "due": "2026-02-30" },
  { "partner": "acme", "period": "2026-Q2", "side": "partner", "text": "y", "status": "maybe" },
  { "partner": 5, "period": "2026-Q2", "side": "partner", "text": "y" },
  { "partner": "globex", "period": "2026-Q1", "side": "partner", "text": "first", "text": "last", "due": null, "status": null },
  { "partner": "acme", "period": "2026-Q2", "side": "partner", "text": "z", "extra": { "nested": [1, 2.5, "s"] } },
  { "partner": "acme", "side": "vendor", "text": "no period" },
  { "partner": "acme", "period": "2026-Q2", "side": "vendor", "text": ["a"] },
  { "partner": "acme", "period": "2026-Q2", "side": "vendor", "text": "t", "due": 20260930 },
  { "partner": "acme", "period": "2026-Q2", "side": "vendor", "text": "t", "status": true },
  [],
  null,
  12
]"#;

fn parsed(doc: &str) -> Dataset {
    parse_json(doc.as_bytes()).unwrap_or_else(|e| panic!("fatal: {e}"))
}

/// The rejections of the commitments block (the record's metric is left undeclared).
fn rejections(ds: &Dataset) -> Vec<String> {
    ds.rejected
        .iter()
        .filter(|r| r.location.starts_with("/commitments"))
        .map(|r| format!("{}: {}", r.location, r.reason))
        .collect()
}

fn expected_rejections() -> Vec<String> {
    [
        // The entries that are not objects first, as the block is read; then
        // each object's first problem, in order.
        "/commitments/1: each entry of commitments must be an object, got a string",
        "/commitments/15: each entry of commitments must be an object, got an array",
        "/commitments/16: each entry of commitments must be an object, got null",
        "/commitments/17: each entry of commitments must be an object, got a number",
        "/commitments/2/partner: unknown partner id \"nobody\": it is not among the 2 partners declared in /partners, e.g. \"acme\"",
        "/commitments/3/period: period \"2026-Q9\" is not a quarter like \"2026-Q3\" (YYYY-Qn, n from 1 to 4)",
        "/commitments/4/side: side \"both\" is not one of \"vendor\", \"partner\"",
        "/commitments/5/text: text is missing or empty",
        "/commitments/6/due: due \"2026-02-30\" is not a calendar date like \"2026-09-30\"",
        "/commitments/7/status: status \"maybe\" is not one of \"open\", \"done\", \"slipped\"",
        "/commitments/8/partner: partner must be text, got a number",
        "/commitments/11/period: period is missing or empty",
        "/commitments/12/text: text must be text, got an array",
        "/commitments/13/due: due must be text, got a number",
        "/commitments/14/status: status must be text, got a boolean",
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn every_entry_is_kept_or_rejected_with_its_location_and_reason() {
    let doc = format!(
        r#"{{ "schema": "{SCHEMA}", "partners": {PARTNERS}, "commitments": {ENTRIES}, "records": {RECORD} }}"#
    );
    let ds = parsed(&doc);
    assert_eq!(rejections(&ds), expected_rejections());
    let kept: Vec<_> = ds
        .commitments
        .iter()
        .map(|c| {
            (
                c.partner.as_str(),
                c.period,
                c.side,
                c.text.as_str(),
                c.due.as_deref(),
                c.status,
            )
        })
        .collect();
    let q = |s: &str| s.parse::<Quarter>().expect("quarter");
    assert_eq!(
        kept,
        vec![
            (
                "acme",
                q("2026-Q2"),
                Side::Vendor,
                "Joint webinar",
                Some("2026-09-30"),
                CommitmentStatus::Done
            ),
            (
                "globex",
                q("2026-Q1"),
                Side::Partner,
                "last",
                None,
                CommitmentStatus::Open
            ),
            (
                "acme",
                q("2026-Q2"),
                Side::Partner,
                "z",
                None,
                CommitmentStatus::Open
            ),
        ]
    );
}

#[test]
fn the_block_may_come_before_the_partners_and_after_the_records() {
    let first = format!(
        r#"{{ "commitments": {ENTRIES}, "schema": "{SCHEMA}", "partners": {PARTNERS}, "records": {RECORD} }}"#
    );
    let last = format!(
        r#"{{ "schema": "{SCHEMA}", "partners": {PARTNERS}, "records": {RECORD}, "commitments": {ENTRIES} }}"#
    );
    for doc in [first, last] {
        let ds = parsed(&doc);
        assert_eq!(rejections(&ds), expected_rejections());
        assert_eq!(ds.commitments.len(), 3);
    }
}

#[test]
fn a_block_that_is_not_an_array_is_rejected_whole_and_null_is_none() {
    for (block, want) in [
        (
            r#"{ "a": 1 }"#,
            vec!["/commitments: commitments must be an array, got an object".to_string()],
        ),
        (
            r#""soon""#,
            vec!["/commitments: commitments must be an array, got a string".to_string()],
        ),
        ("null", vec![]),
        ("[]", vec![]),
    ] {
        let doc = format!(
            r#"{{ "schema": "{SCHEMA}", "partners": {PARTNERS}, "commitments": {block}, "records": {RECORD} }}"#
        );
        let ds = parsed(&doc);
        assert_eq!(rejections(&ds), want, "commitments {block}");
        assert!(ds.commitments.is_empty());
    }
}
