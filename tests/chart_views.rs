//! The fairness, health and balance-quadrant charts: the data they return is
//! the engine's, the SVG is well formed, escaped, and nothing panics on thin data.

use partner_scorecard::chart::{
    balance_quadrant, balance_quadrant_focus, fairness_trend, health_trend, quadrant_points,
    QuadrantPoint,
};
use partner_scorecard::contract::{parse_json, Dataset, Thresholds};
use partner_scorecard::sample::{generate, SampleOptions};
use partner_scorecard::score::{Band, Portfolio, ScoreBook};

fn sample() -> (Dataset, ScoreBook) {
    let doc = generate(&SampleOptions {
        partners: 12,
        quarters: 8,
        seed: 7,
    });
    let ds = parse_json(doc.as_bytes()).expect("sample parses");
    let book = ScoreBook::new(&ds);
    (ds, book)
}

fn doc(partners: &str, records: &str) -> (Dataset, ScoreBook) {
    let text = format!(
        r#"{{"schema":"partner-scorecard/v1","partners":[{partners}],"records":[{records}]}}"#
    );
    let ds = parse_json(text.as_bytes()).expect("valid document");
    let book = ScoreBook::new(&ds);
    (ds, book)
}

/// One partner "a": Q1 balanced (F = 1), Q2 one-sided (F undefined), Q3 partner-favoured.
fn small() -> (Dataset, ScoreBook) {
    doc(
        r#"{"id":"a","name":"A"}"#,
        r#"
      {"partner":"a","period":"2026-Q1","side":"vendor","metric":"mdf","value":100},
      {"partner":"a","period":"2026-Q1","side":"partner","metric":"partner_marketing","value":100},
      {"partner":"a","period":"2026-Q1","side":"vendor","metric":"influenced_margin","value":50},
      {"partner":"a","period":"2026-Q1","side":"partner","metric":"resale_margin","value":50},
      {"partner":"a","period":"2026-Q2","side":"vendor","metric":"influenced_margin","value":50},
      {"partner":"a","period":"2026-Q3","side":"vendor","metric":"mdf","value":100},
      {"partner":"a","period":"2026-Q3","side":"partner","metric":"partner_marketing","value":100},
      {"partner":"a","period":"2026-Q3","side":"vendor","metric":"influenced_margin","value":10},
      {"partner":"a","period":"2026-Q3","side":"partner","metric":"resale_margin","value":90}"#,
    )
}

fn plain(v: f64) -> String {
    format!("{v}")
}

/// plotters writes each text on its own line inside `<text>`.
fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!("\n{text}\n</text>"))
}

fn width_is(svg: &str, w: u32) -> bool {
    svg.starts_with("<svg") && svg.contains(&format!("width=\"{w}\""))
}

#[test]
fn fairness_points_are_the_engines_figures_on_real_data() {
    let (ds, book) = sample();
    let mut defined = 0;
    for p in 0..ds.partners.len() {
        let chart = fairness_trend(&book, p, &ds.thresholds, (480, 240), &plain);
        let expected: Vec<_> = book.history(p).map(|s| (s.period, s.fairness)).collect();
        assert_eq!(chart.points, expected, "partner {p}");
        assert!(
            !chart.points.is_empty(),
            "every sample partner has quarters"
        );
        defined += chart.points.iter().filter(|q| q.1.is_some()).count();
        assert!(width_is(&chart.svg, 480), "{}", &chart.svg[..60]);
        assert!(chart.svg.trim_end().ends_with("</svg>"));
    }
    assert!(defined > 0, "the sample has defined fairness");
}

#[test]
fn fairness_chart_draws_three_bands_the_fair_line_and_quarters() {
    let (ds, book) = small();
    let chart = fairness_trend(&book, 0, &ds.thresholds, (400, 240), &plain);
    let svg = &chart.svg;
    for colour in ["#009E73", "#B37A00", "#D55E00"] {
        assert!(svg.contains(colour), "band colour {colour}");
    }
    assert!(has_text(svg, "fair"), "the F = 1 line is named");
    assert!(svg.contains("2026-Q1") && svg.contains("2026-Q3"));
    // The thresholds are ticks, printed by the formatter with their exact value.
    assert!(has_text(svg, "1.25") && has_text(svg, "0.8") && has_text(svg, "1"));
}

#[test]
fn fairness_undefined_quarters_are_none_and_defined_ones_exact() {
    let (ds, book) = small();
    let chart = fairness_trend(&book, 0, &ds.thresholds, (400, 240), &plain);
    let q: Vec<String> = chart.points.iter().map(|p| p.0.to_string()).collect();
    assert_eq!(q, ["2026-Q1", "2026-Q2", "2026-Q3"]);
    assert_eq!(chart.points[0].1, Some(1.0));
    assert_eq!(chart.points[1].1, None, "one-sided quarter");
    let f3 = chart.points[2].1.expect("defined");
    // C 100 each; rates 90/100 and 10/100: F = 0.9 ÷ 0.1 = 9
    assert!((f3 - 9.0).abs() < 1e-12, "(90/100) / (10/100) = {f3}");
}

#[test]
fn fairness_off_the_scale_is_drawn_on_the_edge() {
    // C 90 and 10; rates 10/90 and 90/10: F = 9 ÷ (1/9) = 81, far above max(2, 1.25·1.6).
    let (ds, book) = doc(
        r#"{"id":"a","name":"A"}"#,
        r#"
      {"partner":"a","period":"2026-Q1","side":"vendor","metric":"mdf","value":90},
      {"partner":"a","period":"2026-Q1","side":"partner","metric":"partner_marketing","value":10},
      {"partner":"a","period":"2026-Q1","side":"vendor","metric":"influenced_margin","value":10},
      {"partner":"a","period":"2026-Q1","side":"partner","metric":"resale_margin","value":90}"#,
    );
    let chart = fairness_trend(&book, 0, &ds.thresholds, (400, 240), &plain);
    let f = chart.points[0].1.expect("defined");
    assert!(
        (f - 81.0).abs() < 1e-9,
        "the table keeps the true value {f}"
    );
    assert!(
        chart.svg.contains("<polygon"),
        "marked with an edge triangle"
    );
    assert!(!chart.svg.contains("NaN") && !chart.svg.contains("inf"));
}

#[test]
fn health_points_are_the_engines_figures_on_real_data() {
    let (ds, book) = sample();
    let mut defined = 0;
    for p in 0..ds.partners.len() {
        let chart = health_trend(&book, p, (360, 200), &plain);
        let expected: Vec<_> = book.history(p).map(|s| (s.period, s.health)).collect();
        assert_eq!(chart.points, expected, "partner {p}");
        defined += chart.points.iter().filter(|q| q.1.is_some()).count();
        assert!(width_is(&chart.svg, 360));
        assert!(chart.svg.contains("<circle"), "point markers");
    }
    assert!(defined > 0);
}

#[test]
fn health_undefined_quarter_is_none() {
    let (_, book) = doc(
        r#"{"id":"a","name":"A"}"#,
        r#"
      {"partner":"a","period":"2026-Q1","side":"partner","metric":"resale_margin","value":50,"target":100},
      {"partner":"a","period":"2026-Q2","side":"partner","metric":"resale_margin","value":50},
      {"partner":"a","period":"2026-Q3","side":"partner","metric":"resale_margin","value":150,"target":100}"#,
    );
    let chart = health_trend(&book, 0, (360, 200), &plain);
    let values: Vec<Option<f64>> = chart.points.iter().map(|p| p.1).collect();
    assert_eq!(values, [Some(50.0), None, Some(100.0)]);
    assert!(
        has_text(&chart.svg, "100") && has_text(&chart.svg, "0"),
        "0..100 ticks"
    );
}

#[test]
fn quadrant_has_a_position_per_defined_partner_inside_the_svg() {
    let (ds, book) = sample();
    let period = book.latest().expect("periods");
    let portfolio = Portfolio::new(&book, period);
    let points = quadrant_points(&portfolio, &ds);
    let expected: Vec<&str> = portfolio
        .rows
        .iter()
        .filter(|s| {
            s.shares.contribution.is_some() && s.shares.reward.is_some() && s.band.is_some()
        })
        .map(|s| s.partner.as_str())
        .collect();
    let ids: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert!(points.len() >= 2, "sample has partners to compare");
    for p in &points {
        let s = book.get(ds.partner_index(&p.id).unwrap(), period).unwrap();
        assert_eq!(Some(p.contribution), s.shares.contribution);
        assert_eq!(Some(p.reward), s.shares.reward);
        assert_eq!(Some(p.band), s.band);
    }

    let (w, h) = (520, 420);
    let chart = balance_quadrant(&points, &ds.thresholds, (w, h), &|v| {
        format!("{:.0}%", v * 100.0)
    });
    assert!(width_is(&chart.svg, w));
    assert!(chart.svg.contains("Contribution share (investment + risk)"));
    assert!(has_text(&chart.svg, "Reward share") && has_text(&chart.svg, "fair"));
    assert!(has_text(&chart.svg, "50%"), "ticks via the formatter");
    assert_eq!(chart.positions.len(), points.len());
    for ((id, x, y), p) in chart.positions.iter().zip(&points) {
        assert_eq!(id, &p.id);
        assert!(
            (0.0..=w as f64).contains(x) && (0.0..=h as f64).contains(y),
            "{id} {x} {y}"
        );
    }
    for (a, pa) in chart.positions.iter().zip(&points) {
        for (b, pb) in chart.positions.iter().zip(&points) {
            if pa.reward > pb.reward + 0.01 {
                assert!(a.2 < b.2, "higher reward share is higher up");
            }
            if pa.contribution > pb.contribution + 0.01 {
                assert!(a.1 > b.1, "higher contribution share is further right");
            }
        }
    }
}

fn point(id: &str, label: &str, c: f64, r: f64, band: Band) -> QuadrantPoint {
    QuadrantPoint {
        id: id.into(),
        label: label.into(),
        contribution: c,
        reward: r,
        band,
    }
}

#[test]
fn quadrant_shapes_differ_by_band_and_corners_map_to_the_plot_corners() {
    let points = [
        point("g", "G", 0.5, 0.5, Band::Green),
        point("a", "A", 0.5, 0.7, Band::Amber),
        point("r", "R", 0.9, 0.1, Band::Red),
        point("lo", "Lo", 0.0, 0.0, Band::Green),
        point("hi", "Hi", 1.0, 1.0, Band::Green),
    ];
    let chart = balance_quadrant(&points, &Thresholds::default(), (400, 400), &plain);
    let svg = &chart.svg;
    assert!(
        svg.contains("<circle") && svg.contains("fill=\"#009E73\""),
        "green circle"
    );
    assert!(svg.contains("fill=\"#B37A00\""), "amber triangle");
    assert!(svg.contains("stroke=\"#D55E00\""), "red cross");
    let pos = |id: &str| chart.positions.iter().find(|p| p.0 == id).unwrap();
    let (lo, hi, g) = (pos("lo"), pos("hi"), pos("g"));
    assert!(
        lo.1 < hi.1 && lo.2 > hi.2,
        "origin bottom left, (1, 1) top right"
    );
    assert!((g.1 - (lo.1 + hi.1) / 2.0).abs() <= 1.0 && (g.2 - (lo.2 + hi.2) / 2.0).abs() <= 1.0);
}

#[test]
fn quadrant_clamps_odd_shares_and_skips_non_finite_ones() {
    let points = [
        point("neg", "N", -0.2, 1.4, Band::Red),
        point("nan", "X", f64::NAN, 0.5, Band::Red),
    ];
    let chart = balance_quadrant(&points, &Thresholds::default(), (300, 300), &plain);
    assert_eq!(chart.positions.len(), 1);
    let (_, x, y) = &chart.positions[0];
    assert!((0.0..=300.0).contains(x) && (0.0..=300.0).contains(y));
    assert!(!chart.svg.contains("NaN"));
}

#[test]
fn markup_in_a_partner_name_comes_out_as_text() {
    let evil = "<img src=x onerror=alert(1)>";
    let points = [point("p1", evil, 0.4, 0.6, Band::Amber)];
    let chart = balance_quadrant(&points, &Thresholds::default(), (600, 400), &plain);
    assert!(!chart.svg.contains("<img"), "no markup from labels");
    assert!(chart.svg.contains("&lt;img"), "the name is drawn, escaped");

    // The same through a document: the partner name is the label.
    let name = r#"<img src=x onerror=alert(1)> & \"co\""#;
    let (ds, book) = doc(
        &format!(r#"{{"id":"x","name":"{name}"}}"#),
        r#"
      {"partner":"x","period":"2026-Q1","side":"vendor","metric":"mdf","value":60},
      {"partner":"x","period":"2026-Q1","side":"partner","metric":"partner_marketing","value":40},
      {"partner":"x","period":"2026-Q1","side":"vendor","metric":"influenced_margin","value":60},
      {"partner":"x","period":"2026-Q1","side":"partner","metric":"resale_margin","value":40}"#,
    );
    let period = book.latest().unwrap();
    let points = quadrant_points(&Portfolio::new(&book, period), &ds);
    assert_eq!(points.len(), 1);
    assert!(points[0].label.starts_with("<img"));
    let chart = balance_quadrant(&points, &ds.thresholds, (600, 400), &plain);
    assert!(!chart.svg.contains("<img"));
    // Formatters are data too.
    let evil_fmt = |_: f64| "<img src=x onerror=alert(1)>".to_string();
    let f = fairness_trend(&book, 0, &ds.thresholds, (400, 200), &evil_fmt);
    let h = health_trend(&book, 0, (400, 200), &evil_fmt);
    let q = balance_quadrant(&points, &ds.thresholds, (600, 400), &evil_fmt);
    for svg in [&f.svg, &h.svg, &q.svg] {
        assert!(!svg.contains("<img") && svg.contains("&lt;img"));
    }
}

#[test]
fn nothing_panics_on_thin_data() {
    let t = Thresholds::default();
    let fmt = &plain;
    // An empty book.
    let empty = ScoreBook::default();
    for size in [(400, 200), (1, 1), (0, 0), (30, 20)] {
        let f = fairness_trend(&empty, 0, &t, size, fmt);
        assert!(f.points.is_empty() && f.svg.starts_with("<svg"));
        let h = health_trend(&empty, 3, size, fmt);
        assert!(h.points.is_empty() && h.svg.starts_with("<svg"));
        let q = balance_quadrant(&[], &t, size, fmt);
        assert!(q.positions.is_empty() && q.svg.starts_with("<svg"));
    }
    let (ds, book) = doc(r#"{"id":"a","name":"A"}"#, "");
    assert!(quadrant_points(&Portfolio::new(&book, "2026-Q1".parse().unwrap()), &ds).is_empty());

    // One quarter, all undefined (a one-sided report without targets).
    let (ds, book) = doc(
        r#"{"id":"a","name":"A"}"#,
        r#"{"partner":"a","period":"2026-Q1","side":"vendor","metric":"influenced_margin","value":5}"#,
    );
    for size in [(400, 200), (2, 2)] {
        let f = fairness_trend(&book, 0, &ds.thresholds, size, fmt);
        assert_eq!(f.points.len(), 1);
        assert_eq!(f.points[0].1, None);
        assert!(f.svg.starts_with("<svg"));
        let h = health_trend(&book, 0, size, fmt);
        assert_eq!(h.points[0].1, None);
        assert!(h.svg.starts_with("<svg"));
    }
    let points = quadrant_points(&Portfolio::new(&book, book.latest().unwrap()), &ds);
    assert!(points.is_empty(), "undefined shares are skipped");

    // A partner index past the end, odd thresholds.
    let odd = Thresholds {
        fairness_green: f64::NAN,
        fairness_amber: 0.5,
    };
    let (ds, book) = small();
    let f = fairness_trend(&book, 99, &odd, (400, 200), fmt);
    assert!(f.points.is_empty());
    let f = fairness_trend(&book, 0, &odd, (400, 200), fmt);
    assert_eq!(f.points.len(), 3);
    assert!(!f.svg.contains("NaN"));
    let pts = quadrant_points(&Portfolio::new(&book, book.latest().unwrap()), &ds);
    let q = balance_quadrant(&pts, &odd, (400, 300), fmt);
    assert!(!q.svg.contains("NaN"));
    assert_eq!(q.positions.len(), 1);
}

#[test]
fn a_crowded_quadrant_draws_markers_but_no_labels() {
    use partner_scorecard::chart::quadrant::MAX_LABELLED;
    let points: Vec<QuadrantPoint> = (0..=MAX_LABELLED)
        .map(|i| QuadrantPoint {
            id: format!("p{i}"),
            label: format!("Partner number {i}"),
            contribution: (i as f64 + 0.5) / (MAX_LABELLED as f64 + 1.0),
            reward: 0.5,
            band: Band::Green,
        })
        .collect();
    let chart = balance_quadrant(&points, &Thresholds::default(), (600, 600), &|v| {
        format!("{v}")
    });
    assert_eq!(
        chart.positions.len(),
        points.len(),
        "every point is still placed"
    );
    assert!(
        !chart.svg.contains("Partner number"),
        "no labels when crowded"
    );
    let spread: Vec<QuadrantPoint> = points[..3]
        .iter()
        .enumerate()
        .map(|(i, p)| QuadrantPoint {
            contribution: 0.2 + 0.3 * i as f64,
            reward: 0.2 + 0.3 * i as f64,
            ..p.clone()
        })
        .collect();
    let few = balance_quadrant(&spread, &Thresholds::default(), (600, 600), &|v| {
        format!("{v}")
    });
    assert!(
        few.svg.contains("Partner number 1"),
        "few points keep their labels"
    );
}

#[test]
fn quadrant_for_one_partner_names_that_partner_only_and_inside_the_chart() {
    let (ds, book) = sample();
    let period = book.latest().unwrap();
    let portfolio = Portfolio::new(&book, period);
    let points = quadrant_points(&portfolio, &ds);
    let words = partner_scorecard::chart::ChartWords::ENGLISH;
    // Every partner, at the size the balance slide draws it.
    for focus in &points {
        let c = balance_quadrant_focus(
            &points,
            &focus.id,
            &ds.thresholds,
            (289, 229),
            &plain,
            &words,
        );
        assert!(has_text(&c.svg, &focus.label), "{} is named", focus.label);
        for other in points.iter().filter(|p| p.id != focus.id) {
            assert!(
                !has_text(&c.svg, &other.label),
                "{} is not named",
                other.label
            );
        }
        assert_eq!(c.positions.len(), points.len());
        // The focused partner is drawn last, on top of the others.
        assert_eq!(
            c.positions.last().map(|p| p.0.as_str()),
            Some(focus.id.as_str())
        );
    }
    // An id that is not in the portfolio draws the portfolio without a name.
    let none = balance_quadrant_focus(
        &points,
        "nobody",
        &ds.thresholds,
        (289, 229),
        &plain,
        &words,
    );
    assert!(points.iter().all(|p| !has_text(&none.svg, &p.label)));
}
