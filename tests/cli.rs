//! The `scorecard` command end to end: exit codes, check lines, score JSON with
//! hand-computed numbers, filters, stdin, CSV, and the sample generator.

use partner_scorecard::contract::{self, CommitmentStatus, Side};
use partner_scorecard::sample::{self, SampleOptions};
use partner_scorecard::score::ScoreBook;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn scorecard(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scorecard binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("stdin is written");
    drop(input);
    let out = child
        .wait_with_output()
        .expect("the scorecard binary finishes");
    Run {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// A file of this test's own in the temp dir.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file written");
    path
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("the output is JSON")
}

fn close(v: &Value, expected: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is a number"));
    assert!((got - expected).abs() < 1e-9, "{got} != {expected}");
}

/// acme 2026-Q2: investment vendor 100+50=150, partner 50; risk vendor 25, partner 75;
/// reward vendor 120, partner 80. acme 2026-Q3 and bolt 2026-Q3 are lopsided.
const DOC: &str = r#"{"schema": "partner-scorecard/v1", "currency": "EUR",
"partners": [{"id": "acme", "name": "Acme GmbH", "tier": "Gold"}, {"id": "bolt", "name": "Bolt Ltd"}],
"records": [
{"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "mdf", "value": 100},
{"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "enablement", "value": 50},
{"partner": "acme", "period": "2026-Q2", "side": "partner", "metric": "presales", "value": 50},
{"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "receivables_exposure", "value": 25},
{"partner": "acme", "period": "2026-Q2", "side": "partner", "metric": "inventory_exposure", "value": 75},
{"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "partner_sourced_revenue", "value": 120},
{"partner": "acme", "period": "2026-Q2", "side": "partner", "metric": "resale_margin", "value": 80, "target": 100, "floor": 70},
{"partner": "acme", "period": "2026-Q2", "side": "vendor", "metric": "csat", "value": 90, "target": 80},
{"partner": "acme", "period": "2026-Q3", "side": "vendor", "metric": "mdf", "value": 200},
{"partner": "acme", "period": "2026-Q3", "side": "partner", "metric": "presales", "value": 100},
{"partner": "acme", "period": "2026-Q3", "side": "vendor", "metric": "partner_sourced_revenue", "value": 150},
{"partner": "acme", "period": "2026-Q3", "side": "partner", "metric": "resale_margin", "value": 150},
{"partner": "bolt", "period": "2026-Q3", "side": "vendor", "metric": "mdf", "value": 100},
{"partner": "bolt", "period": "2026-Q3", "side": "partner", "metric": "presales", "value": 100},
{"partner": "bolt", "period": "2026-Q3", "side": "vendor", "metric": "partner_sourced_revenue", "value": 10},
{"partner": "bolt", "period": "2026-Q3", "side": "partner", "metric": "resale_margin", "value": 90}
]}"#;

/// The same records as CSV.
const DOC_CSV: &str = "partner,period,side,metric,value,target,floor,partner_name,tier,currency
acme,2026-Q2,vendor,mdf,100,,,Acme GmbH,Gold,EUR
acme,2026-Q2,vendor,enablement,50,,,,,
acme,2026-Q2,partner,presales,50,,,,,
acme,2026-Q2,vendor,receivables_exposure,25,,,,,
acme,2026-Q2,partner,inventory_exposure,75,,,,,
acme,2026-Q2,vendor,partner_sourced_revenue,120,,,,,
acme,2026-Q2,partner,resale_margin,80,100,70,,,
acme,2026-Q2,vendor,csat,90,80,,,,
acme,2026-Q3,vendor,mdf,200,,,,,
acme,2026-Q3,partner,presales,100,,,,,
acme,2026-Q3,vendor,partner_sourced_revenue,150,,,,,
acme,2026-Q3,partner,resale_margin,150,,,,,
bolt,2026-Q3,vendor,mdf,100,,,Bolt Ltd,,
bolt,2026-Q3,partner,presales,100,,,,,
bolt,2026-Q3,vendor,partner_sourced_revenue,10,,,,,
bolt,2026-Q3,partner,resale_margin,90,,,,,
";

/// Checks acme 2026-Q2 against the numbers worked out by hand.
fn assert_acme_q2(card: &Value) {
    assert_eq!(card["partner"], "acme");
    assert_eq!(card["partner_name"], "Acme GmbH");
    assert_eq!(card["period"], "2026-Q2");
    close(&card["investment"]["vendor"], 150.0);
    close(&card["investment"]["partner"], 50.0);
    close(&card["risk"]["vendor"], 25.0);
    close(&card["risk"]["partner"], 75.0);
    close(&card["reward"]["vendor"], 120.0);
    close(&card["reward"]["partner"], 80.0);
    close(&card["shares"]["investment"], 0.25); // 50 / 200
    close(&card["shares"]["risk"], 0.75); // 75 / 100
    close(&card["shares"]["reward"], 0.4); // 80 / 200
    close(&card["shares"]["contribution"], 125.0 / 300.0);
    // C vendor 150 + 25 = 175, partner 50 + 75 = 125: reward rates 120/175 and 80/125
    close(&card["reward_rate"]["vendor"], 120.0 / 175.0);
    close(&card["reward_rate"]["partner"], 0.64);
    close(&card["fairness"], 0.64 / (120.0 / 175.0)); // ≈ 0.933
    assert_eq!(card["band"], "green");
    assert_eq!(card["balance"], "balanced");
    // 125/300 of the 200 reward is fair: 83.33, so 3.33 more to the partner
    close(&card["fair_shift"], 200.0 * 125.0 / 300.0 - 80.0);
    assert_eq!(card["alignment"], Value::Null, "nothing rated");
    close(&card["roi"]["vendor"], -0.2); // (120 - 150) / 150
    close(&card["roi"]["partner"], 0.6); // (80 - 50) / 50
    close(&card["health"], 90.0); // (80 + 100) / 2
    let kpis = card["kpis"].as_array().expect("kpis");
    assert_eq!(kpis.len(), 2);
    let margin = kpis
        .iter()
        .find(|k| k["metric"] == "resale_margin")
        .expect("resale_margin");
    assert_eq!(margin["status"], "at-risk"); // 80 of 100, above the floor of 70
    close(&margin["attainment"], 0.8);
    close(&margin["score"], 80.0);
    let csat = kpis.iter().find(|k| k["metric"] == "csat").expect("csat");
    assert_eq!(csat["status"], "met");
    close(&csat["score"], 100.0);
    assert_eq!(card["unreported"], Value::Null);
}

#[test]
fn score_prints_hand_computed_numbers() {
    let file = temp_file("score.json", DOC);
    let run = scorecard(&["score", path_str(&file)], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = json(&run.stdout);
    assert_eq!(out["currency"], "EUR");
    assert_eq!(out["periods"], serde_json::json!(["2026-Q2", "2026-Q3"]));
    assert_eq!(
        out["counts"],
        serde_json::json!({"input": 16, "accepted": 16, "rejected": 0})
    );
    assert_eq!(out["rejected"], serde_json::json!([]));
    let cards = out["scorecards"].as_array().expect("scorecards");
    assert_eq!(cards.len(), 3);
    assert_acme_q2(&cards[0]);
    // acme Q3: C 200 and 100, R 150 each: rates 0.75 and 1.5, F = 2, red.
    let acme_q3 = &cards[1];
    close(&acme_q3["fairness"], 2.0);
    assert_eq!(acme_q3["band"], "red");
    assert_eq!(acme_q3["balance"], "partner-favoured");
    close(&acme_q3["trend"]["previous"]["investment"]["vendor"], 50.0); // 200 - 150
    assert_eq!(acme_q3["health"], Value::Null);
    // bolt Q3: C 100 each, R 10 and 90: F = 0.9 ÷ 0.1 = 9, red; 40 back to the vendor.
    assert_eq!(cards[2]["partner"], "bolt");
    close(&cards[2]["fairness"], 9.0);
    assert_eq!(cards[2]["band"], "red");
    close(&cards[2]["fair_shift"], 100.0 * 0.5 - 90.0);
}

#[test]
fn score_filters_by_partner_and_period() {
    let file = temp_file("filter.json", DOC);
    let run = scorecard(
        &[
            "score",
            path_str(&file),
            "--partner",
            "acme",
            "--period=2026-Q2",
            "--pretty",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\n  \"currency\""),
        "pretty output is indented"
    );
    let out = json(&run.stdout);
    assert_eq!(out["periods"], serde_json::json!(["2026-Q2"]));
    let cards = out["scorecards"].as_array().expect("scorecards");
    assert_eq!(cards.len(), 1);
    assert_acme_q2(&cards[0]);

    let q3 = json(&scorecard(&["score", path_str(&file), "--period", "2026-Q3"], None).stdout);
    let partners: Vec<&Value> = q3["scorecards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| &c["partner"])
        .collect();
    assert_eq!(partners, ["acme", "bolt"]);
    let bolt = json(&scorecard(&["score", path_str(&file), "--partner", "bolt"], None).stdout);
    assert_eq!(bolt["scorecards"].as_array().expect("cards").len(), 1);
}

#[test]
fn score_rejects_unknown_partner_and_bad_period() {
    let file = temp_file("unknown.json", DOC);
    let run = scorecard(&["score", path_str(&file), "--partner", "zeta"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown partner \"zeta\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 partners"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let run = scorecard(&["score", path_str(&file), "--period", "2026-Q5"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("2026-Q5"), "{}", run.stderr);
    let run = scorecard(&["score", path_str(&file), "--period", "2019-Q1"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("2026-Q2 to 2026-Q3"), "{}", run.stderr);
}

#[test]
fn stdin_and_csv_give_the_same_scorecards() {
    let file = temp_file("score-same.json", DOC);
    let from_file = json(&scorecard(&["score", path_str(&file)], None).stdout);
    let stdin = scorecard(&["score", "-"], Some(DOC.as_bytes()));
    assert_eq!(stdin.code, 0, "{}", stdin.stderr);
    assert_eq!(json(&stdin.stdout), from_file);

    let csv = temp_file("score.csv", DOC_CSV);
    let run = scorecard(&["score", path_str(&csv)], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let from_csv = json(&run.stdout);
    assert_eq!(from_csv["currency"], "EUR");
    assert_eq!(from_csv["scorecards"], from_file["scorecards"]);
    assert_acme_q2(&from_csv["scorecards"][0]);

    let piped = scorecard(&["score", "-", "--format", "csv"], Some(DOC_CSV.as_bytes()));
    assert_eq!(json(&piped.stdout)["scorecards"], from_file["scorecards"]);
}

#[test]
fn check_accepts_a_clean_feed() {
    let file = temp_file("clean.json", DOC);
    let run = scorecard(&["check", path_str(&file)], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "16 records: 16 accepted, 0 rejected\n");
}

#[test]
fn check_lists_rejections_and_exits_1() {
    let doc = r#"{"schema": "partner-scorecard/v1", "partners": [{"id": "acme"}, {"id": "idle"}],
      "records": [
        {"partner": "acme", "period": "2026-Q3", "side": "vendor", "metric": "mdf", "value": 10},
        {"partner": "zeta", "period": "2026-Q3", "side": "vendor", "metric": "mdf", "value": 10},
        {"partner": "acme", "period": "2026-Q3", "side": "partner", "metric": "presales", "value": -5},
        {"partner": "acme", "period": "2026-Q3", "side": "partner", "metric": "presales", "value": 5}
      ]}"#;
    let file = temp_file("rejects.json", doc);
    let run = scorecard(&["check", path_str(&file)], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[0].starts_with("/records/1/partner: unknown partner id \"zeta\""),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("/records/2/value: value -5 is negative"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("warning: /partners/1: partner \"idle\""),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "4 records: 2 accepted, 2 rejected");

    // score prints its JSON all the same, and exits 1 too.
    let run = scorecard(&["score", path_str(&file)], None);
    assert_eq!(run.code, 1);
    let out = json(&run.stdout);
    assert_eq!(
        out["counts"],
        serde_json::json!({"input": 4, "accepted": 2, "rejected": 2})
    );
    assert_eq!(out["rejected"][0]["location"], "/records/1/partner");
    assert_eq!(out["warnings"][0]["location"], "/partners/1");
}

#[test]
fn check_reports_csv_lines() {
    let csv = "partner,period,side,metric,value\nacme,2026-Q3,vendor,mdf,10\nacme,2026-Q9,vendor,mdf,10\n";
    let run = scorecard(&["check", "-", "--format=csv"], Some(csv.as_bytes()));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("line 3, column period: "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("2 records: 1 accepted, 1 rejected\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn fatal_errors_exit_2() {
    let missing = std::env::temp_dir()
        .join("scorecard-cli-no-such-dir")
        .join("none.json");
    let run = scorecard(&["check", path_str(&missing)], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("error: cannot read "),
        "{}",
        run.stderr
    );

    let run = scorecard(
        &["check", "-"],
        Some(b"{\"schema\": \"partner-scorecard/v1\", \"records\": [}"),
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("error: the data is not valid JSON"),
        "{}",
        run.stderr
    );

    let file = temp_file(
        "v2.json",
        r#"{"schema": "partner-scorecard/v2", "records": []}"#,
    );
    let run = scorecard(&["score", path_str(&file)], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "error: schema \"partner-scorecard/v2\" is not supported: this widget reads \"partner-scorecard/v1\"\n");
    assert!(run.stdout.is_empty());
}

#[test]
fn usage_and_unknown_options() {
    let help = scorecard(&["--help"], None);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("scorecard check FILE"),
        "{}",
        help.stdout
    );
    assert!(help.stdout.contains("scorecard sample"));
    let bare = scorecard(&[], None);
    assert_eq!(bare.code, 2);
    assert!(bare.stderr.contains("usage:"));
    for args in [
        &["check", "x.json", "--verbose"][..],
        &["frobnicate"],
        &["sample", "--partners"],
        &["sample", "--seed", "x"],
    ] {
        let run = scorecard(args, None);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("--help"), "{args:?}: {}", run.stderr);
    }
    let run = scorecard(&["check"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing FILE"));
}

#[test]
fn sample_is_deterministic() {
    let a = scorecard(
        &[
            "sample",
            "--partners",
            "5",
            "--quarters",
            "4",
            "--seed",
            "11",
        ],
        None,
    );
    let b = scorecard(
        &["sample", "--seed=11", "--quarters=4", "--partners=5"],
        None,
    );
    let c = scorecard(
        &[
            "sample",
            "--partners",
            "5",
            "--quarters",
            "4",
            "--seed",
            "12",
        ],
        None,
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    assert_eq!(a.stdout, sample::generate(&SampleOptions::new(5, 4, 11)));
    let csv = scorecard(
        &[
            "sample",
            "--partners",
            "5",
            "--quarters",
            "4",
            "--seed",
            "11",
            "--format",
            "csv",
        ],
        None,
    );
    assert_eq!(
        csv.stdout,
        sample::generate_csv(&SampleOptions::new(5, 4, 11))
    );
    assert!(csv
        .stdout
        .starts_with("partner,period,side,metric,value,target,floor,partner_name,"));
}

#[test]
fn default_sample_checks_clean_from_a_file() {
    let dir = std::env::temp_dir().join(format!("scorecard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, format) in [("sample.json", "json"), ("sample.csv", "csv")] {
        let path = dir.join(name);
        let run = scorecard(&["sample", "-o", path_str(&path)], None);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        let check = scorecard(&["check", path_str(&path)], None);
        assert_eq!(check.code, 0, "{format}: {}", check.stdout);
        let last = check.stdout.lines().last().expect("a count line");
        assert!(last.ends_with(" accepted, 0 rejected"), "{last}");
        assert_eq!(
            check.stdout.lines().count(),
            1,
            "no warnings: {}",
            check.stdout
        );
    }
}

#[test]
fn sample_json_and_csv_score_the_same() {
    let opts = SampleOptions::default();
    let ds = contract::parse_json(sample::generate(&opts).as_bytes()).expect("sample JSON parses");
    assert!(ds.rejected.is_empty(), "{:?}", ds.rejected.first());
    assert!(ds.warnings.is_empty(), "{:?}", ds.warnings.first());
    assert_eq!(ds.partners.len(), 12);
    assert_eq!(ds.periods().len(), 8);
    assert_eq!(
        ds.periods().last().map(|q| q.to_string()),
        Some("2026-Q3".into())
    );
    let ratings = ds
        .records
        .iter()
        .filter(|r| ds.metric(r.metric).unit == contract::Unit::Rating)
        .count();
    let per = (ds.counts.input - ratings) as f64 / 96.0;
    assert!(
        (20.0..=26.0).contains(&per),
        "{per} money and KPI records a partner-quarter"
    );
    // Six statements, two sides, the last five quarters, a few left unrated.
    assert!(
        (600..=720).contains(&ratings),
        "{ratings} ratings in the sample"
    );
    let from_csv =
        contract::parse_csv(sample::generate_csv(&opts).as_bytes()).expect("sample CSV parses");
    assert!(
        from_csv.rejected.is_empty(),
        "{:?}",
        from_csv.rejected.first()
    );
    assert_eq!(from_csv.partners, ds.partners);
    assert_eq!(from_csv.metrics, ds.metrics);
    assert_eq!(
        ScoreBook::new(&from_csv).scorecards,
        ScoreBook::new(&ds).scorecards
    );
    // Commitments in every state on both sides.
    for side in Side::ALL {
        for status in [
            CommitmentStatus::Open,
            CommitmentStatus::Done,
            CommitmentStatus::Slipped,
        ] {
            assert!(
                ds.commitments
                    .iter()
                    .any(|c| c.side == side && c.status == status),
                "no {side:?} {status:?} commitment"
            );
        }
    }
    // Targets on some records, floors on some, and a declared metric used.
    assert!(
        ds.records.iter().any(|r| r.target.is_some())
            && ds.records.iter().any(|r| r.target.is_none())
    );
    assert!(ds.records.iter().any(|r| r.floor.is_some()));
    assert!(ds.metrics.iter().any(|m| m.key == "joint_events"));
}

/// The QBR handout's CSV carries exactly the numbers `score` prints.
#[test]
fn export_csv_equals_score_json() {
    let sample = scorecard(
        &[
            "sample",
            "--partners",
            "3",
            "--quarters",
            "3",
            "--seed",
            "11",
        ],
        None,
    );
    assert_eq!(sample.code, 0, "{}", sample.stderr);
    let file = temp_file("export.json", &sample.stdout);
    let args = |cmd: &'static str| {
        [
            cmd,
            path_str(&file),
            "--partner",
            "P-00002",
            "--period",
            "2026-Q3",
        ]
    };
    let score = scorecard(&args("score"), None);
    let export = scorecard(&args("export"), None);
    assert_eq!(
        (score.code, export.code),
        (0, 0),
        "{}{}",
        score.stderr,
        export.stderr
    );
    let card = &json(&score.stdout)["scorecards"][0];
    let mut rows = csv::Reader::from_reader(export.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("a CSV row")).collect();
    let cell = |figure: &str| {
        let row = rows
            .iter()
            .find(|r| &r[2] == figure)
            .unwrap_or_else(|| panic!("row {figure}"));
        assert_eq!((&row[0], &row[1]), ("P-00002", "2026-Q3"));
        row[5].to_string()
    };
    for (figure, pointer) in [
        ("investment.vendor", "/investment/vendor"),
        ("risk.partner", "/risk/partner"),
        ("reward.vendor", "/reward/vendor"),
        ("shares.contribution", "/shares/contribution"),
        ("fairness", "/fairness"),
        ("roi.partner", "/roi/partner"),
        ("health", "/health"),
    ] {
        let from_json = card.pointer(pointer).expect("the figure is in the JSON");
        let from_csv = cell(figure);
        match from_json.as_f64() {
            Some(v) => assert_eq!(from_csv.parse::<f64>().expect("a number"), v, "{figure}"),
            None => assert_eq!(from_csv, "", "{figure} is undefined in both"),
        }
    }
    assert_eq!(cell("band"), card["band"].as_str().unwrap_or(""));
    let kpis = rows.iter().filter(|r| &r[2] == "kpi").count();
    assert_eq!(kpis, card["kpis"].as_array().map_or(0, Vec::len));
}

#[test]
fn plan_prints_the_plans_figures_and_its_commitments_as_feed_records() {
    let feed = temp_file("plan-feed.json", DOC);
    // acme was reviewed in 2026-Q3; the plan for 2026-Q4, C 150 and 100, R 150 each.
    let plan = temp_file(
        "plan.json",
        r#"{"schema": "partner-scorecard-plan/v1", "partner": "acme", "based_on": "2026-Q3", "period": "2026-Q4",
        "figures": {"vendor": {"investment": 100, "risk": 50, "reward": 150},
                    "partner": {"investment": 60, "risk": 40, "reward": 150}},
        "commitments": [{"side": "partner", "text": "Host a joint event", "due": "2026-12-01"}]}"#,
    );
    let run = scorecard(&["plan", path_str(&feed), path_str(&plan)], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = json(&run.stdout);
    assert_eq!(out["period"], "2026-Q4");
    assert_eq!(out["currency"], "EUR");
    // rates 150/150 = 1 and 150/100 = 1.5: F = 1.5, amber, partner-favoured
    close(&out["figures"]["fairness"], 1.5);
    assert_eq!(out["figures"]["band"], "amber");
    // c = 100/250 = 0.4: 120 of the 300 is fair, so 30 back to the vendor
    close(&out["figures"]["fair_shift"], 300.0 * 0.4 - 150.0);
    assert_eq!(out["agreed_by_both"], false);
    assert_eq!(
        out["commitments"],
        serde_json::json!([{"partner": "acme", "period": "2026-Q4", "side": "partner",
            "text": "Host a joint event", "due": "2026-12-01", "status": "open"}])
    );
}

#[test]
fn plan_refuses_a_plan_for_an_unknown_partner_with_exit_2() {
    let feed = temp_file("plan-feed2.json", DOC);
    let plan = temp_file(
        "plan-bad.json",
        r#"{"schema": "partner-scorecard-plan/v1", "partner": "zed", "based_on": "2026-Q3", "period": "2026-Q4",
        "figures": {"vendor": {"investment": 1, "risk": 0, "reward": 1}, "partner": {"investment": 1, "risk": 0, "reward": 1}}}"#,
    );
    let run = scorecard(&["plan", path_str(&feed), path_str(&plan)], None);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains(
            "is refused: /partner: the plan is for partner \"zed\", which the data does not have"
        ),
        "{}",
        run.stderr
    );
}
