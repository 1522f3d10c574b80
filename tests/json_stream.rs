//! The JSON stream (a feed read while it downloads) against `parse_json` on
//! the whole feed: wherever the bytes are cut into chunks, it gives the same
//! dataset, or gives up (`None`) and leaves the feed to `parse_json`. The
//! usual shape must not give up, or the stream would only cost time.

use partner_scorecard::contract::{parse_json, JsonStream};
use partner_scorecard::sample::{generate, SampleOptions};

/// The feed fed in chunks of the given sizes (cycled), then finished.
fn streamed(bytes: &[u8], sizes: &[usize]) -> Option<partner_scorecard::contract::Dataset> {
    let mut s = JsonStream::new();
    let mut at = 0;
    for size in sizes.iter().cycle() {
        if at >= bytes.len() {
            break;
        }
        let end = (at + size.max(&1)).min(bytes.len());
        s.room(end - at).copy_from_slice(&bytes[at..end]);
        s.advance();
        at = end;
    }
    s.finish()
}

/// Chunk patterns: every byte alone, small odd sizes, a fetch's, the whole feed.
const SPLITS: &[&[usize]] = &[
    &[1],
    &[2, 5],
    &[3, 1, 7],
    &[13],
    &[64, 1],
    &[4096],
    &[usize::MAX],
];

/// Never a different answer; `usual` says the stream must also give one.
fn check(doc: &str, usual: bool) {
    let whole = parse_json(doc.as_bytes());
    for sizes in SPLITS {
        match streamed(doc.as_bytes(), sizes) {
            Some(ds) => assert_eq!(
                Ok(&ds),
                whole.as_ref(),
                "chunks {sizes:?} gave another dataset for {doc}"
            ),
            None => assert!(!usual, "chunks {sizes:?}: the stream gave up on {doc}"),
        }
    }
}

/// Every cut into two chunks, and into three around the records.
fn check_every_cut(doc: &str, usual: bool) {
    let whole = parse_json(doc.as_bytes());
    let bytes = doc.as_bytes();
    for cut in 0..=bytes.len() {
        let mut s = JsonStream::new();
        for part in [&bytes[..cut], &bytes[cut..]] {
            s.room(part.len()).copy_from_slice(part);
            s.advance();
        }
        match s.finish() {
            Some(ds) => assert_eq!(Ok(&ds), whole.as_ref(), "cut at {cut} of {doc}"),
            None => assert!(!usual, "cut at {cut}: the stream gave up on {doc}"),
        }
    }
}

const HEAD: &str = r#""schema": "partner-scorecard/v1",
 "vendor": {"id": "v", "name": "Vendor"},
 "partners": [{"id": "acme", "name": "Acme"}, {"id": "globex"}],
 "metrics": [{"key": "joint_events", "label": "Joint events", "pillar": "investment", "unit": "count", "better": "higher"}]"#;

const RECORDS: &str = r#"[
 {"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "mdf_spend", "value": 100},
 {"partner": "acme", "period": "2026-Q2", "side": "partner", "metric": "mdf_spend", "value": 1e2, "target": 90.5},
 {"partner": "globex", "period": "2026-Q1", "side": "partner", "metric": "joint_events", "value": 3, "note": "x"},
 {"partner": "nobody", "period": "2026-Q2", "side": "vendor", "metric": "mdf_spend", "value": 1},
 {"partner": "acme", "period": "2026-Q9", "side": "vendor", "metric": "nope", "value": "1"},
 {"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "mdf_spend", "value": 100},
 {"partner":"acme","period":"2026-Q3","side":"vendor","metric":"mdf_spend","value":-5,"value":7,"floor":null},
 {"partner": "ac\u006de", "period": "2026-Q3", "side": "partner", "metric": "mdf_spend", "value": 0.1e1, "extra": true},
 {"partner": "acme", "period": "2026-Q1", "side": "vendor", "metric": "mdf_spend", "value": [1], "extra": {"a": [1, {"b": "]"}]}},
 "not a record"
]"#;

const COMMITMENTS: &str = r#"[{"partner": "acme", "period": "2026-Q2", "side": "vendor", "text": "Joint webinar", "due": "2026-09-30", "status": "done"}, "not an object"]"#;

#[test]
fn the_usual_shape_gives_the_same_dataset_however_it_is_cut() {
    let docs = [
        format!("{{{HEAD},\n \"records\": {RECORDS}}}"),
        format!("{{{HEAD}, \"commitments\": {COMMITMENTS}, \"records\": {RECORDS}}}\n"),
        // The blocks a rule may read after the records.
        format!("{{{HEAD}, \"records\": {RECORDS}, \"commitments\": {COMMITMENTS}}}"),
        format!("{{\"vendor\": {{\"id\": \"v\"}}, \"records\": {RECORDS}, \"schema\": \"partner-scorecard/v1\"}}"),
        format!("\u{feff}  {{{HEAD},\"records\":{RECORDS}}}  "),
        format!("{{{HEAD}, \"records\": []}}"),
        format!("{{{HEAD}, \"records\": [1, {{}}, null, true, -2.5e3, \"x\", []]}}"),
    ];
    for doc in &docs {
        check(doc, true);
    }
    check_every_cut(&docs[1], true);
    check_every_cut(&docs[4], true);
}

#[test]
fn anything_unusual_is_left_to_the_whole_feed_reader() {
    let unusual = [
        // A block the records are checked against comes after them.
        format!("{{\"schema\": \"partner-scorecard/v1\", \"records\": {RECORDS}, {HEAD}}}"),
        // Records given twice; a key no rule reads after them.
        format!("{{{HEAD}, \"records\": [], \"records\": {RECORDS}}}"),
        format!("{{{HEAD}, \"records\": {RECORDS}, \"x-note\": 1}}"),
        // Not an array, no records, not an object.
        format!("{{{HEAD}, \"records\": {{}}}}"),
        format!("{{{HEAD}, \"records\": null}}"),
        format!("{{{HEAD}}}"),
        "[1, 2]".to_string(),
        "".to_string(),
        "   ".to_string(),
        "\u{feff}".to_string(),
        // Syntax errors: in a record, after the records, after the root, cut short.
        format!("{{{HEAD}, \"records\": [{{\"partner\": \"acme\",}}]}}"),
        format!("{{{HEAD}, \"records\": [{{}},]}}"),
        format!("{{{HEAD}, \"records\": [{{}}] \"schema\": 1}}"),
        format!("{{{HEAD}, \"records\": [{{}}]}} trailing"),
        format!("{{{HEAD}, \"records\": [{{\"partner\": \"ac"),
        format!("{{{HEAD}, \"records\": {RECORDS}"),
        format!("{{{HEAD}, \"records\" {RECORDS}}}"),
        format!("{{{HEAD},, \"records\": []}}"),
        r#"{"schema": 1e999, "records": []}"#.to_string(),
        format!("{{\"records\": {RECORDS}}}"),
        // Fatal errors are worded by the whole feed's reader.
        format!("{{{HEAD}, \"records\": [  ] , \"schema\": \"partner-scorecard/v2\"}}"),
    ];
    for doc in &unusual {
        check(doc, false);
    }
    check_every_cut(&unusual[0], false);
    check_every_cut(&unusual[13], false);
}

#[test]
fn depth_is_counted_as_in_the_whole_document() {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    // What a record's field nests is skipped at any depth, in the stream too.
    let record = format!(
        "{{{HEAD}, \"records\": [{{\"partner\": \"acme\", \"x\": {}}}]}}",
        deep(300)
    );
    assert!(parse_json(record.as_bytes()).is_ok());
    check(&record, true);
    // A block is read as a value, at its depth in the root: 127 levels inside it are one too many.
    let block = format!("{{{HEAD}, \"thresholds\": {}, \"records\": []}}", deep(127));
    assert!(parse_json(block.as_bytes()).is_err());
    check(&block, false);
    let block = format!("{{{HEAD}, \"thresholds\": {}, \"records\": []}}", deep(126));
    check(&block, true);
}

#[test]
fn sample_feeds_give_the_same_dataset() {
    for (partners, seed) in [(1, 1), (12, 7), (60, 3)] {
        let doc = generate(&SampleOptions::new(partners, 8, seed));
        check(&doc, true);
        // Odd sizes, as a network hands them over.
        let mut x = seed;
        let sizes: Vec<usize> = (0..50)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                1 + (x >> 33) as usize % 5000
            })
            .collect();
        assert_eq!(
            streamed(doc.as_bytes(), &sizes).as_ref(),
            parse_json(doc.as_bytes()).as_ref().ok()
        );
    }
}

#[test]
fn records_are_read_as_the_bytes_come_and_their_bytes_let_go() {
    let doc = generate(&SampleOptions::new(60, 8, 3));
    let bytes = doc.as_bytes();
    let records = bytes
        .windows(11)
        .position(|w| w == b"\"records\": ")
        .expect("the sample has records");
    let mut s = JsonStream::new();
    let mut most = 0;
    let end = bytes.len() - 1000;
    for part in bytes[..end].chunks(4096) {
        s.room(part.len()).copy_from_slice(part);
        s.advance();
        most = most.max(s.held());
    }
    assert!(s.records_read() > 1000, "{} records read", s.records_read());
    // The blocks before the records are held until the records start (a block
    // cut by a chunk's end is read again only once as many bytes again have
    // come, so the stream may wait about twice as long); then one chunk or so.
    assert!(
        most <= 3 * records,
        "held up to {most} bytes; the records start at {records}"
    );
    assert!(s.held() < 8192, "holds {} bytes", s.held());
    s.room(1000).copy_from_slice(&bytes[end..]);
    assert_eq!(s.finish().as_ref(), parse_json(bytes).as_ref().ok());
}
