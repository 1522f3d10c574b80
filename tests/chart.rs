//! Charts are SVG strings inserted as markup: data labels must come out as text.

use partner_scorecard::chart::pillar_trend;
use partner_scorecard::contract::{parse_json, Pillar};
use partner_scorecard::score::ScoreBook;

fn book() -> ScoreBook {
    let doc = r#"{"schema":"partner-scorecard/v1","partners":[{"id":"a","name":"A"}],"records":[
      {"partner":"a","period":"2026-Q1","side":"vendor","metric":"influenced_margin","value":100},
      {"partner":"a","period":"2026-Q1","side":"partner","metric":"resale_margin","value":50},
      {"partner":"a","period":"2026-Q2","side":"vendor","metric":"influenced_margin","value":120},
      {"partner":"a","period":"2026-Q2","side":"partner","metric":"resale_margin","value":80}]}"#;
    ScoreBook::new(&parse_json(doc.as_bytes()).expect("valid document"))
}

#[test]
fn trend_has_a_point_per_quarter_with_both_sides() {
    let chart = pillar_trend(
        &book(),
        0,
        Pillar::Reward,
        ["Vendor", "Partner"],
        (400, 200),
        &|v| format!("{v}"),
    );
    let quarters: Vec<String> = chart.points.iter().map(|p| p.0.to_string()).collect();
    assert_eq!(quarters, ["2026-Q1", "2026-Q2"]);
    assert_eq!((chart.points[1].1, chart.points[1].2), (120.0, 80.0));
    assert!(chart.svg.starts_with("<svg"), "{}", &chart.svg[..40]);
    assert!(chart.svg.contains("2026-Q2"), "quarter labels are drawn");
    assert!(chart.svg.contains("width=\"400\""));
}

#[test]
fn labels_from_the_formatter_are_escaped_once() {
    let evil = |_: f64| "<img src=x onerror=alert(1)>&".to_string();
    let chart = pillar_trend(
        &book(),
        0,
        Pillar::Reward,
        ["<b>V</b>", "P"],
        (400, 200),
        &evil,
    );
    assert!(!chart.svg.contains("<img"), "no markup from labels");
    assert!(
        chart
            .svg
            .contains("&lt;img src=x onerror=alert(1)&gt;&amp;"),
        "escaped exactly once"
    );
    assert!(!chart.svg.contains("&amp;lt;"), "not escaped twice");
}
