//! The data contract v1 (docs/data-contract.md): fatal errors, record-level
//! rejections with their locations and reasons, declarations, warnings and
//! format detection, for both the JSON and the CSV form.

use partner_scorecard::contract::{
    catalogue, parse, parse_csv, parse_json, Better, Dataset, Fatal, Format, Pillar, Rejection,
    Side, Thresholds, Unit, SCHEMA,
};
use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

fn partners() -> Value {
    json!([
        { "id": "acme", "name": "Acme Systems", "tier": "Gold", "region": "EMEA", "type": "reseller" },
        { "id": "globex", "name": "Globex Consulting" }
    ])
}

/// A record as a JSON object; `value` may be any JSON value.
fn rec(partner: &str, period: &str, side: &str, metric: &str, value: Value) -> Value {
    json!({ "partner": partner, "period": period, "side": side, "metric": metric, "value": value })
}

/// An acme 2026-Q2 record.
fn acme(side: &str, metric: &str, value: Value) -> Value {
    rec("acme", "2026-Q2", side, metric, value)
}

/// A document with both partners declared and the given records.
fn doc(records: Value) -> String {
    json!({ "schema": SCHEMA, "partners": partners(), "records": records }).to_string()
}

/// A document with both partners, the given metric declarations and records.
fn doc_with_metrics(metrics: Value, records: Value) -> String {
    json!({ "schema": SCHEMA, "partners": partners(), "metrics": metrics, "records": records })
        .to_string()
}

/// The invariants every parse must keep.
fn check_counts(ds: &Dataset) {
    let c = ds.counts;
    assert_eq!(
        c.accepted + c.rejected,
        c.input,
        "accepted + rejected = input: {c:?}"
    );
    assert_eq!(
        ds.records.len(),
        c.accepted,
        "every accepted record is kept: {c:?}"
    );
}

fn json_ok(text: &str) -> Dataset {
    let ds = parse_json(text.as_bytes()).unwrap_or_else(|e| panic!("fatal: {e}"));
    check_counts(&ds);
    ds
}

fn csv_ok(text: &str) -> Dataset {
    let ds = parse_csv(text.as_bytes()).unwrap_or_else(|e| panic!("fatal: {e}"));
    check_counts(&ds);
    ds
}

fn json_fatal(text: &str) -> Fatal {
    match parse_json(text.as_bytes()) {
        Ok(ds) => panic!("expected a fatal error, got a dataset with {:?}", ds.counts),
        Err(e) => e,
    }
}

fn csv_fatal(text: &str) -> Fatal {
    match parse_csv(text.as_bytes()) {
        Ok(ds) => panic!("expected a fatal error, got a dataset with {:?}", ds.counts),
        Err(e) => e,
    }
}

/// Exactly one rejection, at `location`, whose reason has every word of `words`.
fn only_rejection<'a>(ds: &'a Dataset, location: &str, words: &[&str]) -> &'a Rejection {
    assert_eq!(ds.rejected.len(), 1, "rejections: {:#?}", ds.rejected);
    let r = &ds.rejected[0];
    assert_rejection(r, location, words);
    r
}

fn assert_rejection(r: &Rejection, location: &str, words: &[&str]) {
    assert_eq!(r.location, location, "location of {r}");
    for w in words {
        assert!(r.reason.contains(w), "reason {:?} lacks {:?}", r.reason, w);
    }
}

fn counts(ds: &Dataset) -> (usize, usize, usize) {
    (ds.counts.input, ds.counts.accepted, ds.counts.rejected)
}

const CSV_HEADER: &str = "partner,period,side,metric,value,target,floor";

/// A CSV file: the standard header and the given lines.
fn csv(lines: &[&str]) -> String {
    let mut s = String::from(CSV_HEADER);
    for l in lines {
        s.push('\n');
        s.push_str(l);
    }
    s.push('\n');
    s
}

/// Five currency metrics, for records that need one metric each.
const METRICS: [&str; 5] = [
    "mdf",
    "enablement",
    "presales",
    "channel_staff",
    "practice_build",
];

/// A document whose one partner, acme, has a vendor record of each text in
/// `values` (five at most, one of `METRICS` each); `partner` is how its id is written.
fn values_doc(partner: &str, values: &[&str]) -> String {
    let records: Vec<String> = values
        .iter()
        .zip(METRICS)
        .map(|(t, m)| {
            format!(r#"{{"partner":"{partner}","period":"2026-Q2","side":"vendor","metric":"{m}","value":{t}}}"#)
        })
        .collect();
    format!(
        r#"{{"schema":"partner-scorecard/v1","partners":[{{"id":"acme"}}],"records":[{}]}}"#,
        records.join(",")
    )
}

// ---------------------------------------------------------------- JSON: valid documents

#[test]
fn minimal_document_gets_the_defaults() {
    let ds = json_ok(&doc(json!([acme("vendor", "mdf", json!(40000))])));
    assert_eq!(counts(&ds), (1, 1, 0));
    assert!(ds.rejected.is_empty());
    assert_eq!(ds.currency, "USD");
    assert_eq!(ds.thresholds, Thresholds::default());
    assert_eq!(ds.thresholds.fairness_green, 1.25);
    assert_eq!(ds.thresholds.fairness_amber, 1.6);
    assert!(ds.vendor.is_none());
    assert_eq!(ds.metrics, catalogue::built_in());
    let r = ds.records[0];
    assert_eq!(ds.partners[r.partner as usize].id, "acme");
    assert_eq!(r.period.to_string(), "2026-Q2");
    assert_eq!(r.side, Side::Vendor);
    assert_eq!(ds.metric(r.metric).key, "mdf");
    assert_eq!(r.value, 40000.0);
    assert_eq!((r.target, r.floor), (None, None));
}

#[test]
fn only_schema_and_records_are_required() {
    let ds = json_ok(&json!({ "schema": SCHEMA, "records": [] }).to_string());
    assert_eq!(counts(&ds), (0, 0, 0));
    assert!(ds.rejected.is_empty());
    assert!(ds.warnings.is_empty());
    assert!(ds.partners.is_empty());
}

#[test]
fn partner_details_vendor_currency_and_target_floor_are_read() {
    let text = json!({
        "schema": SCHEMA,
        "vendor": { "id": "northwind", "name": "Northwind Software" },
        "currency": "EUR",
        "partners": partners(),
        "records": [
            { "partner": "acme", "period": "2026-Q2", "side": "partner", "metric": "csat",
              "value": 87, "target": 90, "floor": 85 },
            rec("globex", "2025-Q4", "vendor", "mdf", json!(10.5))
        ]
    })
    .to_string();
    let ds = json_ok(&text);
    assert_eq!(counts(&ds), (2, 2, 0));
    assert_eq!(ds.currency, "EUR");
    let v = ds.vendor.as_ref().expect("vendor");
    assert_eq!(
        (v.id.as_str(), v.name.as_str()),
        ("northwind", "Northwind Software")
    );
    let acme = &ds.partners[0];
    assert_eq!(acme.name, "Acme Systems");
    assert_eq!(acme.tier.as_deref(), Some("Gold"));
    assert_eq!(acme.region.as_deref(), Some("EMEA"));
    assert_eq!(acme.kind.as_deref(), Some("reseller"));
    assert_eq!(ds.records[0].target, Some(90.0));
    assert_eq!(ds.records[0].floor, Some(85.0));
    assert_eq!(ds.records[1].value, 10.5);
    let periods: Vec<String> = ds.periods().iter().map(|q| q.to_string()).collect();
    assert_eq!(periods, ["2025-Q4", "2026-Q2"]);
}

#[test]
fn unknown_members_are_ignored_and_a_bom_is_accepted() {
    let text = json!({
        "schema": SCHEMA,
        "generated_by": "portal 7",
        "partners": partners(),
        "records": [{ "partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "mdf",
                      "value": 1, "comment": "extra", "a_very_long_member_name": [1, 2] }]
    })
    .to_string();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let ds = parse_json(&bytes).expect("a BOM is accepted");
    check_counts(&ds);
    assert_eq!(counts(&ds), (1, 1, 0));
}

#[test]
fn json_numbers_are_read_exactly() {
    // Each text is the shortest round-trip form of a double; the JSON reader
    // must give back that very double, as the CSV reader (str::parse) does.
    let texts = [
        "98541.95746406919",
        "62525.561625447604",
        "47860.598941474724",
        "0.1",
        "123.45",
    ];
    let text = values_doc("acme", &texts);
    let ds = json_ok(&text);
    assert_eq!(counts(&ds), (5, 5, 0));
    for (r, t) in ds.records.iter().zip(texts) {
        let exact: f64 = t.parse().unwrap();
        assert_eq!(r.value, exact, "JSON {t} was read as {:?}", r.value);
    }
    let csv_text = csv(&["acme,2026-Q2,vendor,mdf,98541.95746406919,,"]);
    assert_eq!(csv_ok(&csv_text).records[0].value, 98541.95746406919);
}

#[test]
fn json_records_read_hard_numbers_as_str_parse_does_and_decode_escapes() {
    // Off the fast path of a float reader: many digits, large and tiny exponents.
    let texts = [
        "9007199254740993",
        "1e23",
        "2.2250738585072011e-308",
        "123456789012345678901234567890",
        "5e-324",
    ];
    let text = values_doc("\\u0061cme", &texts);
    let ds = json_ok(&text);
    assert_eq!(counts(&ds), (5, 5, 0));
    for (r, t) in ds.records.iter().zip(texts) {
        assert_eq!(
            ds.partners[r.partner as usize].id, "acme",
            "the escape \\u0061 is decoded"
        );
        assert_eq!(
            r.value.to_bits(),
            t.parse::<f64>().unwrap().to_bits(),
            "JSON {t}"
        );
    }
    // The same numbers as CSV cells give the same doubles (src/decimal.rs).
    let lines: Vec<String> = texts
        .iter()
        .zip(METRICS)
        .map(|(t, m)| format!("acme,2026-Q2,vendor,{m},{t},,"))
        .collect();
    let from_csv = csv_ok(&csv(&lines.iter().map(String::as_str).collect::<Vec<_>>()));
    for (a, b) in ds.records.iter().zip(&from_csv.records) {
        assert_eq!(a.value.to_bits(), b.value.to_bits());
    }
    // A lone surrogate is no text: the file is refused with its position.
    let bad = doc(json!([acme("vendor", "mdf", json!(1))]))
        .replace("\"acme\",\"period", "\"ac\\ud800me\",\"period");
    assert!(bad.contains("ud800"), "{bad}");
    match json_fatal(&bad) {
        Fatal::NotJson { line, message, .. } => {
            assert_eq!(line, 1);
            assert!(message.contains("escape"), "{message}");
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
}

// ---------------------------------------------------------------- JSON: fatal errors

#[test]
fn not_json_is_fatal_with_line_and_column() {
    // The trailing comma is on line 4; serde_json reports the column of the `}` after it.
    let text =
        "{\n  \"schema\": \"partner-scorecard/v1\",\n  \"records\": [\n    {\"a\": 1,}\n  ]\n}";
    match json_fatal(text) {
        Fatal::NotJson {
            line,
            column,
            message,
        } => {
            assert_eq!((line, column), (4, 13));
            assert!(message.contains("trailing comma"), "{message}");
            assert!(
                !message.contains("at line"),
                "position is not repeated: {message}"
            );
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    let shown = json_fatal(text).to_string();
    assert!(shown.contains("not valid JSON"), "{shown}");
    assert!(shown.contains("line 4, column 13"), "{shown}");
}

#[test]
fn truncated_and_empty_json_is_fatal_with_a_position() {
    match json_fatal("{\"schema\": \"partner-scorecard/v1\", \"records\": [") {
        Fatal::NotJson { line, column, .. } => assert_eq!((line, column), (1, 47)),
        other => panic!("expected NotJson, got {other:?}"),
    }
    assert!(matches!(json_fatal(""), Fatal::NotJson { line: 1, .. }));
    assert!(matches!(
        json_fatal("{} trailing"),
        Fatal::NotJson { line: 1, .. }
    ));
}

#[test]
fn wrong_schema_is_fatal_and_names_the_supported_version() {
    let e = json_fatal(&json!({ "schema": "partner-scorecard/v2", "records": [] }).to_string());
    assert_eq!(
        e,
        Fatal::Schema {
            found: Some("partner-scorecard/v2".into())
        }
    );
    let shown = e.to_string();
    assert!(shown.contains("\"partner-scorecard/v2\""), "{shown}");
    assert!(shown.contains("\"partner-scorecard/v1\""), "{shown}");

    // A non-string schema is not the supported one either.
    let e = json_fatal(&json!({ "schema": 1, "records": [] }).to_string());
    assert!(matches!(e, Fatal::Schema { .. }), "{e:?}");
    assert!(e.to_string().contains("partner-scorecard/v1"));

    // Case and whitespace matter.
    for s in [
        "Partner-Scorecard/v1",
        " partner-scorecard/v1",
        "partner-scorecard/v1.0",
    ] {
        let e = json_fatal(&json!({ "schema": s, "records": [] }).to_string());
        assert_eq!(
            e,
            Fatal::Schema {
                found: Some(s.into())
            }
        );
    }
}

#[test]
fn missing_schema_is_fatal_and_names_the_supported_version() {
    let e = json_fatal(&json!({ "records": [] }).to_string());
    assert_eq!(e, Fatal::Schema { found: None });
    assert!(
        e.to_string()
            .contains("\"schema\": \"partner-scorecard/v1\""),
        "{e}"
    );
    // null is no schema either; whatever the wording, it names the version.
    let e = json_fatal(&json!({ "schema": null, "records": [] }).to_string());
    assert!(matches!(e, Fatal::Schema { .. }), "{e:?}");
    assert!(e.to_string().contains("partner-scorecard/v1"), "{e}");
}

#[test]
fn missing_records_is_fatal() {
    let e = json_fatal(&json!({ "schema": SCHEMA, "partners": partners() }).to_string());
    assert_eq!(e, Fatal::MissingRecords);
    assert!(e.to_string().contains("\"records\""), "{e}");
}

#[test]
fn records_not_an_array_is_fatal_and_names_what_was_found() {
    for (records, kind) in [
        (json!({ "0": {} }), "an object"),
        (json!("records"), "a string"),
        (json!(3), "a number"),
        (json!(true), "a boolean"),
    ] {
        let e = json_fatal(&json!({ "schema": SCHEMA, "records": records }).to_string());
        assert_eq!(e, Fatal::RecordsNotArray(kind));
        let shown = e.to_string();
        assert!(shown.contains("must be an array"), "{shown}");
        assert!(shown.contains(kind), "{shown}");
    }
    // null is fatal too (as "not an array" or as "no records").
    let e = json_fatal(&json!({ "schema": SCHEMA, "records": null }).to_string());
    assert!(
        matches!(e, Fatal::RecordsNotArray(_) | Fatal::MissingRecords),
        "{e:?}"
    );
}

#[test]
fn a_top_level_array_or_scalar_is_fatal() {
    for text in [
        "[]",
        "[{\"schema\": \"partner-scorecard/v1\", \"records\": []}]",
        "\"x\"",
        "42",
        "null",
    ] {
        let e = json_fatal(text);
        assert_eq!(e, Fatal::NotAnObject, "{text}");
        let shown = e.to_string();
        assert!(shown.contains("JSON object"), "{shown}");
        assert!(shown.contains("partner-scorecard/v1"), "{shown}");
        assert!(shown.contains("records"), "{shown}");
    }
}

// ---------------------------------------------------------------- JSON: rejected records

#[test]
fn unknown_partner_is_rejected_at_its_field() {
    let ds = json_ok(&doc(json!([
        acme("vendor", "mdf", json!(1)),
        rec("nope", "2026-Q2", "vendor", "mdf", json!(1)),
    ])));
    assert_eq!(counts(&ds), (2, 1, 1));
    only_rejection(
        &ds,
        "/records/1/partner",
        &[
            "unknown partner id \"nope\"",
            "2 partners",
            "/partners",
            "e.g. \"acme\"",
        ],
    );
}

#[test]
fn without_a_partners_block_every_record_is_rejected() {
    let text =
        json!({ "schema": SCHEMA, "records": [acme("vendor", "mdf", json!(1))] }).to_string();
    let ds = json_ok(&text);
    assert_eq!(counts(&ds), (1, 0, 1));
    only_rejection(
        &ds,
        "/records/0/partner",
        &["unknown partner id \"acme\"", "0 partners"],
    );
}

#[test]
fn unknown_metric_is_rejected_and_says_how_to_declare_it() {
    let ds = json_ok(&doc(json!([acme("vendor", "nps", json!(1))])));
    assert_eq!(counts(&ds), (1, 0, 1));
    only_rejection(
        &ds,
        "/records/0/metric",
        &[
            "unknown metric \"nps\"",
            "/metrics",
            "pillar",
            "unit",
            "better",
        ],
    );
}

#[test]
fn bad_period_formats_are_rejected() {
    let bad = [
        "2026-3", "2026-Q0", "2026-Q5", "2026-q2", "26-Q2", "2026Q2", "2026-Q2 ", "0999-Q1",
        "10000-Q1", "Q2-2026", "",
    ];
    let records: Vec<Value> = bad
        .iter()
        .map(|p| rec("acme", p, "vendor", "mdf", json!(1)))
        .collect();
    let ds = json_ok(&doc(Value::Array(records)));
    assert_eq!(counts(&ds), (bad.len(), 0, bad.len()));
    assert_eq!(ds.rejected.len(), bad.len());
    for (i, (p, r)) in bad.iter().zip(&ds.rejected).enumerate() {
        let quoted = format!("period \"{p}\"");
        assert_rejection(
            r,
            &format!("/records/{i}/period"),
            &[&quoted, "YYYY-Qn", "2026-Q3"],
        );
    }
    // Years 1000 and 9999 are the ends of the range.
    let ds = json_ok(&doc(json!([
        rec("acme", "1000-Q1", "vendor", "mdf", json!(1)),
        rec("acme", "9999-Q4", "vendor", "mdf", json!(1)),
    ])));
    assert_eq!(counts(&ds), (2, 2, 0));
}

#[test]
fn period_must_be_text() {
    let mut r = acme("vendor", "mdf", json!(1));
    r["period"] = json!(20262);
    let ds = json_ok(&doc(json!([r])));
    only_rejection(
        &ds,
        "/records/0/period",
        &["period must be text", "a number"],
    );
}

#[test]
fn side_not_in_the_list_is_rejected_and_lists_the_sides() {
    let ds = json_ok(&doc(json!([
        acme("Vendor", "mdf", json!(1)),
        acme("both", "mdf", json!(1)),
        acme("partner", "mdf", json!(1)),
    ])));
    assert_eq!(counts(&ds), (3, 1, 2));
    assert_eq!(ds.rejected.len(), 2);
    assert_rejection(
        &ds.rejected[0],
        "/records/0/side",
        &["side \"Vendor\"", "\"vendor\", \"partner\""],
    );
    assert_rejection(
        &ds.rejected[1],
        "/records/1/side",
        &["side \"both\"", "\"vendor\", \"partner\""],
    );
}

#[test]
fn pillar_not_in_the_list_rejects_the_declaration_and_its_records() {
    let ds = json_ok(&doc_with_metrics(
        json!([{ "key": "nps", "pillar": "Reward", "unit": "count", "better": "higher" }]),
        json!([acme("partner", "nps", json!(40))]),
    ));
    assert_eq!(counts(&ds), (1, 0, 1));
    assert_eq!(ds.rejected.len(), 2, "{:#?}", ds.rejected);
    assert_rejection(
        &ds.rejected[0],
        "/metrics/0/pillar",
        &["pillar \"Reward\"", "\"investment\", \"risk\", \"reward\""],
    );
    assert_rejection(
        &ds.rejected[1],
        "/records/0/metric",
        &["\"nps\"", "declared at /metrics/0", "rejected"],
    );
}

#[test]
fn unit_and_better_not_in_the_list_are_rejected() {
    let ds = json_ok(&doc_with_metrics(
        json!([
            { "key": "a", "pillar": "reward", "unit": "dollars", "better": "higher" },
            { "key": "b", "pillar": "reward", "unit": "count", "better": "more" },
        ]),
        json!([]),
    ));
    assert_eq!(ds.rejected.len(), 2, "{:#?}", ds.rejected);
    assert_rejection(
        &ds.rejected[0],
        "/metrics/0/unit",
        &["unit \"dollars\"", "\"currency\""],
    );
    assert_rejection(
        &ds.rejected[1],
        "/metrics/1/better",
        &["better \"more\"", "\"higher\", \"lower\""],
    );
}

#[test]
fn value_must_be_a_number() {
    let mut missing = acme("vendor", "enablement", json!(0));
    missing.as_object_mut().unwrap().remove("value");
    let ds = json_ok(&doc(json!([
        acme("vendor", "mdf", json!("12")),
        acme("vendor", "rebates_paid", json!(null)),
        acme("vendor", "channel_staff", json!(true)),
        acme("vendor", "presales", json!([1])),
        missing,
        acme("vendor", "practice_build", json!({ "amount": 1 })),
    ])));
    assert_eq!(counts(&ds), (6, 0, 6));
    let expect = [
        (
            "/records/0/value",
            "value must be a number, got the text \"12\"",
        ),
        ("/records/1/value", "got null"),
        ("/records/2/value", "got a boolean"),
        ("/records/3/value", "got an array"),
        ("/records/4/value", "value is missing: give a number"),
        ("/records/5/value", "got an object"),
    ];
    assert_eq!(ds.rejected.len(), expect.len());
    for (r, (loc, words)) in ds.rejected.iter().zip(expect) {
        assert_rejection(r, loc, &[words]);
    }
}

#[test]
fn target_and_floor_must_be_numbers_when_given() {
    let mut a = acme("partner", "csat", json!(87));
    a["target"] = json!("90");
    let mut b = acme("partner", "certified_staff", json!(6));
    b["floor"] = json!(false);
    let mut c = acme("partner", "revenue_dependence", json!(6));
    c["target"] = json!(null);
    c["floor"] = json!(null);
    let ds = json_ok(&doc(json!([a, b, c])));
    assert_eq!(counts(&ds), (3, 1, 2));
    assert_rejection(
        &ds.rejected[0],
        "/records/0/target",
        &["target must be a number", "\"90\""],
    );
    assert_rejection(
        &ds.rejected[1],
        "/records/1/floor",
        &["floor must be a number", "a boolean"],
    );
}

#[test]
fn negative_currency_value_is_rejected_and_names_allow_negative() {
    let ds = json_ok(&doc(json!([acme("vendor", "mdf", json!(-500))])));
    assert_eq!(counts(&ds), (1, 0, 1));
    only_rejection(
        &ds,
        "/records/0/value",
        &["-500", "negative", "\"mdf\"", "\"allow_negative\": true"],
    );
}

#[test]
fn negative_values_that_are_allowed() {
    let ds = json_ok(&doc(json!([
        // Built-in margins allow negative money (clawbacks).
        acme("vendor", "partner_sourced_margin", json!(-10)),
        acme("partner", "resale_margin", json!(-2.5)),
        // Only currency values are checked for sign.
        acme("partner", "certified_staff", json!(-1)),
        acme("partner", "revenue_dependence", json!(-3)),
        acme("partner", "pipeline_coverage", json!(-0.5)),
        // Zero is not negative.
        acme("vendor", "mdf", json!(0)),
    ])));
    assert_eq!(counts(&ds), (6, 6, 0));
}

#[test]
fn allow_negative_declarations() {
    let ds = json_ok(&doc_with_metrics(
        json!([
            { "key": "rebates_earned", "allow_negative": true },
            { "key": "resale_margin", "allow_negative": false },
            { "key": "clawback", "pillar": "reward", "unit": "currency", "better": "higher", "allow_negative": true },
            { "key": "penalty", "pillar": "risk", "unit": "currency", "better": "lower" },
        ]),
        json!([
            acme("partner", "rebates_earned", json!(-100)),
            acme("partner", "resale_margin", json!(-100)),
            acme("vendor", "clawback", json!(-100)),
            acme("vendor", "penalty", json!(-100)),
        ]),
    ));
    assert_eq!(counts(&ds), (4, 2, 2));
    assert_eq!(ds.rejected.len(), 2, "{:#?}", ds.rejected);
    assert_rejection(
        &ds.rejected[0],
        "/records/1/value",
        &["\"resale_margin\"", "allow_negative"],
    );
    assert_rejection(
        &ds.rejected[1],
        "/records/3/value",
        &["\"penalty\"", "allow_negative"],
    );
    let rebates = ds
        .metrics
        .iter()
        .find(|m| m.key == "rebates_earned")
        .unwrap();
    assert!(rebates.allow_negative);
    assert_eq!(
        rebates.label, "Rebates earned",
        "other parts keep the built-in values"
    );
}

#[test]
fn allow_negative_must_be_a_boolean() {
    let ds = json_ok(&doc_with_metrics(
        json!([{ "key": "mdf", "allow_negative": "yes" }]),
        json!([]),
    ));
    only_rejection(
        &ds,
        "/metrics/0/allow_negative",
        &["true or false", "a string"],
    );
    let mdf = ds.metrics.iter().find(|m| m.key == "mdf").unwrap();
    assert!(
        !mdf.allow_negative,
        "a rejected change keeps the built-in definition"
    );
}

#[test]
fn duplicate_is_rejected_and_names_the_earlier_record() {
    let ds = json_ok(&doc(json!([
        acme("vendor", "mdf", json!(100)),
        acme("partner", "mdf", json!(7)), // other side: not a duplicate
        rec("acme", "2026-Q3", "vendor", "mdf", json!(8)), // other period
        rec("globex", "2026-Q2", "vendor", "mdf", json!(9)), // other partner
        acme("vendor", "enablement", json!(10)), // other metric
        acme("vendor", "mdf", json!(200)), // duplicate of /records/0
    ])));
    assert_eq!(counts(&ds), (6, 5, 1));
    only_rejection(
        &ds,
        "/records/5",
        &[
            "duplicate",
            "/records/0",
            "partner, period, side and metric",
            "first is kept",
        ],
    );
    let mdf: Vec<f64> = ds
        .records
        .iter()
        .filter(|r| ds.metric(r.metric).key == "mdf" && r.side == Side::Vendor && r.partner == 0)
        .filter(|r| r.period.to_string() == "2026-Q2")
        .map(|r| r.value)
        .collect();
    assert_eq!(mdf, [100.0], "the first one is kept");
}

#[test]
fn a_rejected_record_does_not_make_a_later_one_a_duplicate() {
    let ds = json_ok(&doc(json!([
        acme("vendor", "mdf", json!(-1)),
        acme("vendor", "mdf", json!(1)),
        acme("vendor", "mdf", json!(2)),
    ])));
    assert_eq!(counts(&ds), (3, 1, 2));
    assert_rejection(&ds.rejected[0], "/records/0/value", &["negative"]);
    assert_rejection(&ds.rejected[1], "/records/2", &["duplicate", "/records/1"]);
    assert_eq!(ds.records[0].value, 1.0);
}

#[test]
fn a_record_that_is_not_an_object_is_rejected_as_a_whole() {
    let ds = json_ok(&doc(json!([
        1,
        "mdf",
        [1, 2],
        null,
        true,
        acme("vendor", "mdf", json!(1))
    ])));
    assert_eq!(counts(&ds), (6, 1, 5));
    let kinds = ["a number", "a string", "an array", "null", "a boolean"];
    assert_eq!(ds.rejected.len(), kinds.len());
    for (i, (r, kind)) in ds.rejected.iter().zip(kinds).enumerate() {
        assert_rejection(r, &format!("/records/{i}"), &["must be an object", kind]);
    }
}

#[test]
fn required_text_fields_missing_or_of_the_wrong_kind() {
    let ds = json_ok(&doc(json!([
        { "period": "2026-Q2", "side": "vendor", "metric": "mdf", "value": 1 },
        { "partner": 7, "period": "2026-Q2", "side": "vendor", "metric": "mdf", "value": 1 },
        { "partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": ["mdf"], "value": 1 },
        { "partner": "acme", "period": "2026-Q2", "metric": "mdf", "value": 1 },
    ])));
    assert_eq!(counts(&ds), (4, 0, 4));
    assert_rejection(
        &ds.rejected[0],
        "/records/0/partner",
        &["partner is missing"],
    );
    assert_rejection(
        &ds.rejected[1],
        "/records/1/partner",
        &["partner must be text, got a number"],
    );
    assert_rejection(
        &ds.rejected[2],
        "/records/2/metric",
        &["metric must be text, got an array"],
    );
    assert_rejection(&ds.rejected[3], "/records/3/side", &["side is missing"]);
}

#[test]
fn every_problem_of_a_record_is_named_at_the_first() {
    let ds = json_ok(&doc(json!([rec(
        "nope",
        "2026-Q9",
        "both",
        "mdf",
        json!("x")
    )])));
    let r = only_rejection(&ds, "/records/0/partner", &["unknown partner id \"nope\""]);
    for also in [
        "; also /records/0/period:",
        "; also /records/0/side:",
        "; also /records/0/value:",
    ] {
        assert!(r.reason.contains(also), "{} lacks {also}", r.reason);
    }
}

// ---------------------------------------------------------------- JSON: declarations

#[test]
fn a_new_metric_is_declared_and_used() {
    let ds = json_ok(&doc_with_metrics(
        json!([{ "key": "joint_deals", "label": "Joint deals closed", "pillar": "reward",
                 "unit": "count", "better": "higher", "weight": 2.5 },
               { "key": "nps", "pillar": "reward", "unit": "ratio", "better": "lower" }]),
        json!([
            acme("partner", "joint_deals", json!(12)),
            acme("partner", "nps", json!(1))
        ]),
    ));
    assert_eq!(counts(&ds), (2, 2, 0));
    assert!(ds.rejected.is_empty());
    let m = ds.metric(ds.records[0].metric);
    assert_eq!(m.key, "joint_deals");
    assert_eq!(m.label, "Joint deals closed");
    assert_eq!(
        (m.pillar, m.unit, m.better),
        (Pillar::Reward, Unit::Count, Better::Higher)
    );
    assert_eq!(m.weight, 2.5);
    assert!(!m.allow_negative);
    let nps = ds.metric(ds.records[1].metric);
    assert_eq!(nps.label, "nps", "the label defaults to the key");
    assert_eq!(
        (nps.unit, nps.better, nps.weight),
        (Unit::Ratio, Better::Lower, 1.0)
    );
    assert_eq!(ds.metrics.len(), catalogue::built_in().len() + 2);
}

#[test]
fn a_built_in_metric_is_relabelled_and_reweighted() {
    let ds = json_ok(&doc_with_metrics(
        json!([{ "key": "csat", "label": "Customer satisfaction (survey)", "weight": 2 }]),
        json!([acme("partner", "csat", json!(87))]),
    ));
    assert!(ds.rejected.is_empty());
    let csat = ds.metric(ds.records[0].metric);
    assert_eq!(csat.label, "Customer satisfaction (survey)");
    assert_eq!(csat.weight, 2.0);
    assert_eq!(
        (csat.pillar, csat.unit, csat.better),
        (Pillar::Reward, Unit::Percent, Better::Higher)
    );
    assert_eq!(
        ds.metrics.len(),
        catalogue::built_in().len(),
        "no new metric"
    );
}

#[test]
fn a_later_declaration_changes_the_metric_again_and_weight_goes_back_to_one() {
    let ds = json_ok(&doc_with_metrics(
        json!([
            { "key": "csat", "label": "Survey", "weight": 3 },
            { "key": "csat", "better": "lower" },
        ]),
        json!([]),
    ));
    assert!(ds.rejected.is_empty());
    let csat = ds.metrics.iter().find(|m| m.key == "csat").unwrap();
    assert_eq!(
        csat.label, "Survey",
        "left-out parts keep their current values"
    );
    assert_eq!(csat.better, Better::Lower);
    assert_eq!(csat.weight, 1.0);
}

#[test]
fn a_new_metric_without_pillar_unit_or_better_is_rejected() {
    let ds = json_ok(&doc_with_metrics(
        json!([
            { "key": "nps", "unit": "count", "better": "higher" },
            { "key": "deals", "pillar": "reward", "better": "higher" },
            { "key": "seats", "pillar": "reward", "unit": "count" },
            { "label": "no key" },
            { "key": "w", "pillar": "reward", "unit": "count", "better": "higher", "weight": -1 },
        ]),
        json!([
            acme("partner", "nps", json!(1)),
            acme("partner", "w", json!(1))
        ]),
    ));
    assert_eq!(counts(&ds), (2, 0, 2));
    let r = &ds.rejected;
    assert_eq!(r.len(), 7, "{r:#?}");
    assert_rejection(
        &r[0],
        "/metrics/0",
        &[
            "\"nps\"",
            "not built in",
            "\"pillar\"",
            "investment, risk, reward or alignment",
        ],
    );
    assert_rejection(&r[1], "/metrics/1", &["\"deals\"", "\"unit\""]);
    assert_rejection(&r[2], "/metrics/2", &["\"seats\"", "\"better\""]);
    assert_rejection(&r[3], "/metrics/3/key", &["key is missing"]);
    assert_rejection(
        &r[4],
        "/metrics/4/weight",
        &["weight must be a number of 0 or more"],
    );
    assert_rejection(
        &r[5],
        "/records/0/metric",
        &["\"nps\" was declared at /metrics/0", "rejected"],
    );
    assert_rejection(
        &r[6],
        "/records/1/metric",
        &["\"w\" was declared at /metrics/4", "rejected"],
    );
}

#[test]
fn declaration_blocks_of_the_wrong_kind_are_rejected_on_their_own() {
    let text = json!({
        "schema": SCHEMA,
        "vendor": "northwind",
        "currency": "eur",
        "partners": [partners()[0].clone(), "globex", { "id": "acme" }, { "name": "no id" }],
        "metrics": { "key": "x" },
        "records": [acme("vendor", "mdf", json!(1))],
        "thresholds": [1.1, 1.2]
    })
    .to_string();
    let ds = json_ok(&text);
    assert_eq!(
        counts(&ds),
        (1, 1, 0),
        "declarations do not count as records"
    );
    let r = &ds.rejected;
    assert_eq!(r.len(), 7, "{r:#?}");
    assert_rejection(&r[0], "/vendor", &["vendor must be an object", "a string"]);
    assert_rejection(
        &r[1],
        "/currency",
        &["three-letter ISO 4217", "\"eur\"", "USD"],
    );
    assert_rejection(
        &r[2],
        "/partners/1",
        &["each entry of partners must be an object", "a string"],
    );
    assert_rejection(
        &r[3],
        "/partners/2/id",
        &["duplicate partner id \"acme\"", "/partners/0"],
    );
    assert_rejection(&r[4], "/partners/3/id", &["id is missing or empty"]);
    assert_rejection(
        &r[5],
        "/metrics",
        &["metrics must be an array", "an object"],
    );
    assert_rejection(
        &r[6],
        "/thresholds",
        &["thresholds must be an object", "1.25 and 1.6"],
    );
    assert_eq!(ds.currency, "USD");
    assert_eq!(ds.partners.len(), 1);
    assert_eq!(ds.thresholds, Thresholds::default());
}

#[test]
fn thresholds_are_read_and_bad_ones_fall_back() {
    let with = |t: Value| {
        json_ok(&json!({ "schema": SCHEMA, "records": [], "thresholds": t }).to_string())
    };
    let ds = with(json!({ "fairness_green": 1.1, "fairness_amber": 2 }));
    assert!(ds.rejected.is_empty());
    assert_eq!(
        ds.thresholds,
        Thresholds {
            fairness_green: 1.1,
            fairness_amber: 2.0
        }
    );

    let ds = with(json!({ "fairness_green": 1.0, "fairness_amber": 1.7 }));
    only_rejection(&ds, "/thresholds/fairness_green", &["above 1", "default"]);
    assert_eq!(
        ds.thresholds,
        Thresholds {
            fairness_green: 1.25,
            fairness_amber: 1.7
        }
    );

    let ds = with(json!({ "fairness_green": 1.5, "fairness_amber": 1.3 }));
    only_rejection(
        &ds,
        "/thresholds/fairness_amber",
        &["(1.3)", "(1.5)", "1.25 and 1.6"],
    );
    assert_eq!(ds.thresholds, Thresholds::default());
}

// ---------------------------------------------------------------- JSON: warnings

#[test]
fn a_partner_without_records_gets_a_warning() {
    let ds = json_ok(&doc(json!([acme("vendor", "mdf", json!(1))])));
    assert!(ds.rejected.is_empty());
    assert_eq!(ds.warnings.len(), 1, "{:#?}", ds.warnings);
    assert_rejection(
        &ds.warnings[0],
        "/partners/1",
        &["partner \"globex\" (Globex Consulting) has no accepted records"],
    );
    assert_eq!(ds.partners.len(), 2, "the partner is kept");
}

#[test]
fn a_partner_whose_records_were_all_rejected_gets_a_warning() {
    let ds = json_ok(&doc(json!([
        acme("vendor", "mdf", json!(1)),
        rec("globex", "2026-Q2", "vendor", "mdf", json!(-1)),
    ])));
    assert_eq!(counts(&ds), (2, 1, 1));
    assert_eq!(ds.warnings.len(), 1);
    assert_rejection(
        &ds.warnings[0],
        "/partners/1",
        &["\"globex\"", "no accepted records"],
    );
}

#[test]
fn no_warning_when_every_partner_has_records() {
    let ds = json_ok(&doc(json!([
        acme("vendor", "mdf", json!(1)),
        rec("globex", "2026-Q1", "partner", "csat", json!(80)),
    ])));
    assert!(ds.warnings.is_empty(), "{:#?}", ds.warnings);
}

// ---------------------------------------------------------------- CSV

#[test]
fn csv_valid_lines_declare_partners_inline() {
    let text = "partner,period,side,metric,value,target,floor,partner_name,tier,region,type\n\
                acme,2026-Q2,vendor,mdf,40000,,,Acme Systems,Gold,EMEA,reseller\n\
                acme,2026-Q2,partner,csat,87,90,85,,,,\n\
                globex,2026-Q2,vendor,mdf,10000,,,,,,\n\
                globex,2026-Q2,partner,practice_build,20000,,,Globex Consulting,Silver,,msp\n";
    let ds = csv_ok(text);
    assert_eq!(counts(&ds), (4, 4, 0));
    assert!(ds.rejected.is_empty() && ds.warnings.is_empty());
    assert_eq!(ds.partners.len(), 2);
    let acme = &ds.partners[0];
    assert_eq!(
        (acme.id.as_str(), acme.name.as_str()),
        ("acme", "Acme Systems")
    );
    assert_eq!(acme.tier.as_deref(), Some("Gold"));
    assert_eq!(acme.region.as_deref(), Some("EMEA"));
    assert_eq!(acme.kind.as_deref(), Some("reseller"));
    // A later line fills in details still missing.
    let globex = &ds.partners[1];
    assert_eq!(globex.name, "Globex Consulting");
    assert_eq!(globex.tier.as_deref(), Some("Silver"));
    assert_eq!(globex.region, None);
    assert_eq!(globex.kind.as_deref(), Some("msp"));
    assert_eq!(ds.records[1].target, Some(90.0));
    assert_eq!(ds.records[1].floor, Some(85.0));
    assert_eq!(ds.records[0].value, 40000.0);
    assert_eq!(ds.currency, "USD");
}

#[test]
fn csv_header_is_case_insensitive_in_any_order_and_trimmed() {
    let text =
        "Value , METRIC,side,Period,partner,comment\n 5 ,mdf, vendor ,2026-Q2,acme,\"a, b\"\n";
    let ds = csv_ok(text);
    assert_eq!(counts(&ds), (1, 1, 0));
    assert_eq!(ds.records[0].value, 5.0);
    assert_eq!(ds.records[0].side, Side::Vendor);
}

#[test]
fn csv_missing_header_columns_are_fatal_and_named() {
    let e = csv_fatal("partner,period,metric,target\nacme,2026-Q2,mdf,1\n");
    assert_eq!(
        e,
        Fatal::CsvHeader {
            missing: "side, value".into()
        }
    );
    let shown = e.to_string();
    assert!(shown.contains("side, value"), "{shown}");
    assert!(
        shown.contains("partner,period,side,metric,value"),
        "{shown}"
    );
    assert!(matches!(csv_fatal(""), Fatal::CsvHeader { .. }));
}

#[test]
fn csv_unreadable_bytes_are_fatal_with_the_line() {
    let mut bytes = format!("{CSV_HEADER}\nacme,2026-Q2,vendor,mdf,1,,\n").into_bytes();
    bytes.extend_from_slice(b"acme,2026-Q2,vendor,\xFF\xFE,1,,\n");
    match parse_csv(&bytes) {
        Err(Fatal::NotCsv { line, .. }) => assert_eq!(line, 3),
        other => panic!("expected NotCsv, got {other:?}"),
    }
}

#[test]
fn csv_unknown_metric_says_how_to_declare_it_inline() {
    let ds = csv_ok(&csv(&[
        "acme,2026-Q2,vendor,mdf,1,,",
        "acme,2026-Q2,vendor,nps,1,,",
    ]));
    assert_eq!(counts(&ds), (2, 1, 1));
    only_rejection(
        &ds,
        "line 3, column metric",
        &["unknown metric \"nps\"", "pillar, unit and better columns"],
    );
}

#[test]
fn csv_bad_period_and_side() {
    let ds = csv_ok(&csv(&[
        "acme,2026-3,vendor,mdf,1,,",
        "acme,2026-Q2,Vendor,mdf,1,,",
        "acme,2026-Q2,vendor,mdf,1,,",
    ]));
    assert_eq!(counts(&ds), (3, 1, 2));
    assert_rejection(
        &ds.rejected[0],
        "line 2, column period",
        &["period \"2026-3\"", "YYYY-Qn"],
    );
    assert_rejection(
        &ds.rejected[1],
        "line 3, column side",
        &["side \"Vendor\"", "\"vendor\", \"partner\""],
    );
}

#[test]
fn csv_value_must_be_a_finite_number() {
    let ds = csv_ok(&csv(&[
        "acme,2026-Q2,vendor,mdf,12abc,,",
        "acme,2026-Q2,vendor,enablement,inf,,",
        "acme,2026-Q2,vendor,presales,NaN,,",
        "acme,2026-Q2,vendor,channel_staff,,,",
        "acme,2026-Q2,partner,csat,87,inf,",
        "acme,2026-Q2,partner,certified_staff,6,8,seven",
        "acme,2026-Q2,vendor,rebates_paid,\"1,000\",,",
    ]));
    assert_eq!(counts(&ds), (7, 0, 7));
    let expect: [(&str, &[&str]); 7] = [
        (
            "line 2, column value",
            &["value must be a number", "\"12abc\""],
        ),
        (
            "line 3, column value",
            &["value inf is not a finite number"],
        ),
        ("line 4, column value", &["not a finite number"]),
        ("line 5, column value", &["value is missing"]),
        (
            "line 6, column target",
            &["target inf is not a finite number"],
        ),
        (
            "line 7, column floor",
            &["floor must be a number", "\"seven\""],
        ),
        (
            "line 8, column value",
            &["value must be a number", "\"1,000\""],
        ),
    ];
    assert_eq!(ds.rejected.len(), expect.len(), "{:#?}", ds.rejected);
    for (r, (loc, words)) in ds.rejected.iter().zip(expect) {
        assert_rejection(r, loc, words);
    }
}

#[test]
fn csv_negative_currency_value_and_allow_negative_column() {
    let text = "partner,period,side,metric,value,allow_negative\n\
                acme,2026-Q2,vendor,mdf,-500,\n\
                acme,2026-Q2,partner,rebates_earned,-20,true\n\
                acme,2026-Q2,partner,resale_margin,-5,\n\
                acme,2026-Q2,partner,services_revenue,-5,maybe\n";
    let ds = csv_ok(text);
    assert_eq!(counts(&ds), (4, 2, 2));
    assert_eq!(ds.rejected.len(), 2, "{:#?}", ds.rejected);
    assert_rejection(
        &ds.rejected[0],
        "line 2, column value",
        &["-500", "negative", "\"mdf\"", "allow_negative"],
    );
    assert_rejection(
        &ds.rejected[1],
        "line 5, column allow_negative",
        &["\"maybe\"", "true or false"],
    );
}

#[test]
fn csv_duplicate_names_the_earlier_line() {
    let ds = csv_ok(&csv(&[
        "acme,2026-Q2,vendor,mdf,1,,",
        "acme,2026-Q2,partner,mdf,1,,",
        "acme,2026-Q2,vendor,mdf,2,,",
    ]));
    assert_eq!(counts(&ds), (3, 2, 1));
    only_rejection(&ds, "line 4", &["duplicate", "line 2", "first is kept"]);
}

#[test]
fn csv_wrong_field_count_rejects_the_line() {
    let ds = csv_ok(&csv(&[
        "acme,2026-Q2,vendor,mdf,1,,",
        "acme,2026-Q2,vendor,enablement",
        "acme,2026-Q2,vendor,presales,1,2,3,4",
        "acme,2026-Q2,vendor,channel_staff,1,,",
    ]));
    assert_eq!(counts(&ds), (4, 2, 2));
    assert_rejection(
        &ds.rejected[0],
        "line 3",
        &["has 4 fields but the header has 7", "quoting"],
    );
    assert_rejection(
        &ds.rejected[1],
        "line 4",
        &["has 8 fields but the header has 7"],
    );
}

#[test]
fn csv_locations_are_file_line_numbers_including_blank_lines() {
    let text =
        format!("{CSV_HEADER}\nacme,2026-Q2,vendor,mdf,1,,\n\nacme,2026-Q2,vendor,nps,1,,\n");
    let ds = csv_ok(&text);
    assert_eq!(counts(&ds), (2, 1, 1), "a blank line is not a record");
    only_rejection(&ds, "line 4, column metric", &["\"nps\""]);
}

#[test]
fn csv_locations_are_file_line_numbers_with_crlf_line_ends() {
    // Spreadsheet exports end lines with CRLF; locations must still be the file's lines.
    let text = "partner,period,side,metric,value\r\n\
                acme,2026-Q2,vendor,nps,1\r\n\
                acme,2026-Q2,vendor,mdf,1\r\n\
                acme,2026-Q2,vendor,mdf,2\r\n\
                acme,2026-Q2,vendor,csat2,1\r\n";
    let ds = csv_ok(text);
    assert_eq!(counts(&ds), (4, 1, 3));
    let locations: Vec<&str> = ds.rejected.iter().map(|r| r.location.as_str()).collect();
    assert_eq!(
        locations,
        ["line 2, column metric", "line 4", "line 5, column metric"]
    );
    assert!(
        ds.rejected[1].reason.contains("earlier record at line 3"),
        "{}",
        ds.rejected[1]
    );
}

#[test]
fn csv_inline_metric_declaration() {
    let text = "partner,period,side,metric,value,target,floor,pillar,unit,better,label,weight\n\
                acme,2026-Q2,partner,joint_deals,3,,,,,,,\n\
                acme,2026-Q2,partner,joint_deals,12,10,,reward,count,higher,Joint deals closed,2\n\
                acme,2026-Q3,partner,joint_deals,14,,,,,,,\n\
                acme,2026-Q3,partner,csat,90,,,,,,Survey,\n";
    let ds = csv_ok(text);
    assert_eq!(counts(&ds), (4, 3, 1));
    // Before its declaration the key is unknown.
    only_rejection(
        &ds,
        "line 2, column metric",
        &["unknown metric \"joint_deals\""],
    );
    let m = ds.metric(ds.records[0].metric);
    assert_eq!(m.key, "joint_deals");
    assert_eq!(m.label, "Joint deals closed");
    assert_eq!(
        (m.pillar, m.unit, m.better, m.weight),
        (Pillar::Reward, Unit::Count, Better::Higher, 2.0)
    );
    assert_eq!(ds.metric(ds.records[1].metric).key, "joint_deals");
    // A relabel of a built-in keeps its other parts.
    let csat = ds.metric(ds.records[2].metric);
    assert_eq!(csat.label, "Survey");
    assert_eq!((csat.pillar, csat.unit), (Pillar::Reward, Unit::Percent));
}

#[test]
fn csv_bad_inline_declaration_rejects_its_line() {
    let text = "partner,period,side,metric,value,pillar,unit,better,weight\n\
                acme,2026-Q2,partner,nps,40,Reward,count,higher,\n\
                acme,2026-Q2,partner,deals,4,,count,higher,\n\
                acme,2026-Q2,partner,seats,4,reward,seats,higher,\n\
                acme,2026-Q2,partner,wins,4,reward,count,up,\n\
                acme,2026-Q2,partner,csat,4,,,,heavy\n\
                acme,2026-Q2,vendor,mdf,4,,,,\n";
    let ds = csv_ok(text);
    assert_eq!(counts(&ds), (6, 1, 5));
    let r = &ds.rejected;
    assert_eq!(r.len(), 5, "{r:#?}");
    assert_rejection(
        &r[0],
        "line 2, column pillar",
        &["pillar \"Reward\"", "\"investment\", \"risk\", \"reward\""],
    );
    assert_rejection(&r[1], "line 3, column metric", &["\"deals\"", "\"pillar\""]);
    assert_rejection(&r[2], "line 4, column unit", &["unit \"seats\""]);
    assert_rejection(&r[3], "line 5, column better", &["better \"up\""]);
    assert_rejection(
        &r[4],
        "line 6, column weight",
        &["weight \"heavy\"", "0 or more"],
    );
}

#[test]
fn csv_partner_without_records_gets_a_warning_at_its_first_line() {
    let ds = csv_ok(&csv(&[
        "acme,2026-Q2,vendor,mdf,1,,",
        "globex,2026-Q2,vendor,mdf,-1,,",
        "globex,2026-Q2,vendor,nps,1,,",
    ]));
    assert_eq!(counts(&ds), (3, 1, 2));
    assert_eq!(ds.warnings.len(), 1, "{:#?}", ds.warnings);
    assert_rejection(
        &ds.warnings[0],
        "line 3",
        &["partner \"globex\"", "no accepted records"],
    );
}

#[test]
fn csv_missing_partner_is_rejected() {
    let ds = csv_ok(&csv(&[
        "acme,2026-Q2,vendor,mdf,1,,",
        ",2026-Q2,vendor,mdf,1,,",
    ]));
    assert_eq!(counts(&ds), (2, 1, 1));
    only_rejection(&ds, "line 3, column partner", &["partner is missing"]);
}

#[test]
fn csv_currency_column() {
    let text = "partner,period,side,metric,value,currency\n\
                acme,2026-Q2,vendor,mdf,1,\n\
                acme,2026-Q2,vendor,enablement,1,EUR\n\
                acme,2026-Q2,vendor,presales,1,GBP\n";
    let ds = csv_ok(text);
    assert_eq!(ds.currency, "EUR", "the first non-empty cell wins");
    assert!(ds.rejected.is_empty());
    let ds = csv_ok("partner,period,side,metric,value,currency\nacme,2026-Q2,vendor,mdf,1,usd\n");
    assert_eq!(counts(&ds), (1, 1, 0), "a bad currency is not a bad record");
    only_rejection(
        &ds,
        "line 2, column currency",
        &["\"usd\"", "ISO 4217", "USD"],
    );
    assert_eq!(ds.currency, "USD");
}

#[test]
fn csv_and_json_parse_through_the_format_switch() {
    let json_text = doc(json!([acme("vendor", "mdf", json!(1))]));
    let ds = parse(json_text.as_bytes(), Format::Json).unwrap();
    assert_eq!(counts(&ds), (1, 1, 0));
    let ds = parse(
        csv(&["acme,2026-Q2,vendor,mdf,1,,"]).as_bytes(),
        Format::Csv,
    )
    .unwrap();
    assert_eq!(counts(&ds), (1, 1, 0));
}

// ---------------------------------------------------------------- Format::detect

#[test]
fn format_detect_prefers_content_type() {
    let d = Format::detect;
    assert_eq!(
        d(Some("application/json"), Some("feed.csv"), b"partner"),
        Format::Json
    );
    assert_eq!(
        d(Some("application/json; charset=utf-8"), None, b""),
        Format::Json
    );
    assert_eq!(d(Some("application/vnd.api+json"), None, b""), Format::Json);
    assert_eq!(d(Some("TEXT/CSV"), Some("feed.json"), b"{"), Format::Csv);
    assert_eq!(d(Some("text/csv; header=present"), None, b"["), Format::Csv);
}

#[test]
fn format_detect_then_uses_the_name_without_query_or_fragment() {
    let d = Format::detect;
    assert_eq!(d(None, Some("feed.json"), b"partner"), Format::Json);
    assert_eq!(
        d(Some("text/plain"), Some("FEED.JSON"), b"partner"),
        Format::Json
    );
    assert_eq!(
        d(None, Some("https://x.example/feed.json?v=2#top"), b"p"),
        Format::Json
    );
    assert_eq!(
        d(None, Some("https://x.example/feed.csv?format=json"), b"{"),
        Format::Csv
    );
    assert_eq!(d(None, Some("feed.csv#data.json"), b"{"), Format::Csv);
}

#[test]
fn format_detect_finally_uses_the_first_byte() {
    let d = Format::detect;
    assert_eq!(d(None, None, b"{\"schema\":1}"), Format::Json);
    assert_eq!(d(None, Some("feed"), b" \r\n\t[1]"), Format::Json);
    assert_eq!(
        d(Some("text/plain"), Some("data.txt"), b"partner,period"),
        Format::Csv
    );
    assert_eq!(d(None, None, b""), Format::Csv);
    assert_eq!(d(None, None, b"   "), Format::Csv);
    // Documented: a JSON file starting with a byte-order mark is detected as CSV by the byte.
    assert_eq!(d(None, None, b"\xEF\xBB\xBF{}"), Format::Csv);
}

// ------------------------------------------- records checked as they are read

/// The same document written with its blocks before the records and after
/// them: the records are checked as read in the first, after the whole
/// document in the second (a block the records depend on came late), and
/// both give the same dataset, rejections and their order included.
#[test]
fn blocks_before_or_after_the_records_give_the_same_dataset() {
    let records = json!([
        acme("vendor", "mdf", json!(1000)),
        acme("partner", "certified_staff", json!(500)),
        acme("partner", "mdf", json!("lots")),
        rec("nobody", "2026-Q2", "vendor", "mdf", json!(1)),
        acme("vendor", "mdf", json!(2000)),
        rec("globex", "2026-Q2", "vendor", "custom_fee", json!(300)),
        json!(7),
    ]);
    let blocks = [
        ("vendor", json!({ "name": "Initech" })),
        ("currency", json!("EUR")),
        ("partners", partners()),
        (
            "metrics",
            json!([{ "key": "custom_fee", "label": "Fee", "pillar": "investment", "unit": "currency", "better": "higher" }]),
        ),
        (
            "thresholds",
            json!({ "fairness_green": 1.2, "fairness_amber": 1.5 }),
        ),
    ];
    let write = |first: bool| {
        let mut parts = vec![format!("\"schema\": \"{SCHEMA}\"")];
        let blocks: Vec<String> = blocks
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        let records = format!("\"records\": {records}");
        if first {
            parts.extend(blocks);
            parts.push(records);
        } else {
            parts.push(records);
            parts.extend(blocks);
        }
        format!("{{{}}}", parts.join(", "))
    };
    let (before, after) = (json_ok(&write(true)), json_ok(&write(false)));
    assert_eq!(before, after);
    // The custom metric was declared, so globex's fee counts; four are rejected.
    assert_eq!(counts(&before), (7, 3, 4));
    assert_eq!(before.currency, "EUR");
    let locations: Vec<&str> = before
        .rejected
        .iter()
        .map(|r| r.location.as_str())
        .collect();
    // The vendor block's own rejection (no id) comes first in both.
    assert_eq!(
        locations,
        [
            "/vendor/id",
            "/records/2/value",
            "/records/3/partner",
            "/records/4",
            "/records/6"
        ]
    );
}

/// A second "records" key replaces the first, as any JSON object's key does.
#[test]
fn a_second_records_key_wins() {
    let text = format!(
        "{{\"schema\": \"{SCHEMA}\", \"partners\": {}, \"records\": [{}], \"records\": [{}, {}]}}",
        partners(),
        acme("vendor", "mdf", json!(1)),
        acme("vendor", "mdf", json!(2)),
        acme("partner", "mdf", json!(3)),
    );
    let ds = json_ok(&text);
    assert_eq!(ds.records.len(), 2);
    assert_eq!(ds.records[0].value, 2.0);
}
