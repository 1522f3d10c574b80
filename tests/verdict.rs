//! The engine's side of the scorecard's verdict and of the alignment chart:
//! who would hand how much reward to whom for F = 1 (with the arithmetic
//! written out), the translated statement labels, and the dumbbells' markers,
//! positions and escaping.

use partner_scorecard::chart::alignment_chart;
use partner_scorecard::contract::{parse_json, Side};
use partner_scorecard::i18n::Lang;
use partner_scorecard::score::{ScoreBook, Scorecard, Shift, Statement};
use serde_json::{json, Value};

fn record(side: &str, metric: &str, value: f64) -> Value {
    json!({ "partner": "acme", "period": "2026-Q1", "side": side, "metric": metric, "value": value })
}

/// One scorecard of vendor investment `iv`, partner investment `ip`, and rewards `rv`, `rp`.
fn card(iv: f64, ip: f64, rv: f64, rp: f64) -> Scorecard {
    let records: Vec<Value> = [
        ("vendor", "mdf", iv),
        ("partner", "partner_marketing", ip),
        ("vendor", "influenced_margin", rv),
        ("partner", "resale_margin", rp),
    ]
    .into_iter()
    .filter(|r| r.2 != 0.0)
    .map(|(side, metric, value)| record(side, metric, value))
    .collect();
    let text = json!({
        "schema": "partner-scorecard/v1",
        "partners": [{ "id": "acme", "name": "Acme" }],
        "records": records,
    })
    .to_string();
    let ds = parse_json(text.as_bytes()).expect("valid feed");
    let book = ScoreBook::new(&ds);
    book.scorecards.first().expect("one scorecard").clone()
}

#[test]
fn the_shift_goes_from_the_side_that_took_more_per_unit_to_the_other() {
    // C 100 / 50, R 200 / 50: a third of the contribution is the partner's,
    // so a third of the 250 reward is fair: 83.33 − 50 = 33.33 to the partner.
    let s = card(100.0, 50.0, 200.0, 50.0);
    let shift = s.shift().expect("a shift");
    assert_eq!((shift.from, shift.to), (Side::Vendor, Side::Partner));
    assert!(
        (shift.amount - (250.0 / 3.0 - 50.0)).abs() < 1e-9,
        "{shift:?}"
    );
    // The mirror: the partner took more per unit put in, so it hands reward back.
    let s = card(50.0, 100.0, 50.0, 200.0);
    let shift = s.shift().expect("a shift");
    assert_eq!((shift.from, shift.to), (Side::Partner, Side::Vendor));
    // 2/3 of 250 = 166.67 is fair for the partner; it took 200: 33.33 back.
    assert!(
        (shift.amount - (200.0 - 500.0 / 3.0)).abs() < 1e-9,
        "{shift:?}"
    );
}

#[test]
fn a_split_in_proportion_moves_nothing() {
    // C 100 / 300, R 10 / 30: 25 % put in, 25 % taken; F = 1.
    let s = card(100.0, 300.0, 10.0, 30.0);
    assert_eq!(s.fairness, Some(1.0));
    assert_eq!(s.shift(), None);
}

#[test]
fn when_one_side_takes_all_the_shift_says_how_much_it_would_hand_over() {
    // C 100 / 100, R 0 / 80: the partner takes all; half of 80 is fair: 40 back.
    let s = card(100.0, 100.0, 0.0, 80.0);
    assert_eq!(s.takes_all(), Some(Side::Partner));
    assert_eq!(
        s.shift(),
        Some(Shift {
            from: Side::Partner,
            to: Side::Vendor,
            amount: 40.0
        })
    );
}

#[test]
fn without_a_contribution_from_both_sides_there_is_no_shift() {
    // The vendor put nothing in: "per unit put in" has no meaning, nor has a fair split.
    let s = card(0.0, 100.0, 50.0, 50.0);
    assert!(s.fair_shift.is_some(), "the engine's figure exists");
    assert_eq!(s.fairness, None);
    assert_eq!(s.shift(), None);
    // No reward at all: nothing to move.
    let s = card(100.0, 100.0, 0.0, 0.0);
    assert_eq!(s.shift(), None);
}

#[test]
fn built_in_statement_labels_are_translated_and_feed_labels_kept() {
    let de = Lang::De.verdict();
    let fr = Lang::Fr.verdict();
    let en = Lang::En.verdict();
    assert_eq!(
        en.statement_label("joint_planning", "We plan together"),
        "We plan together"
    );
    assert_eq!(
        de.statement_label("joint_planning", "We plan together"),
        "Wir planen gemeinsam"
    );
    assert_eq!(
        fr.statement_label("shared_vision", "We share a vision for this partnership"),
        "Nous partageons une vision pour ce partenariat"
    );
    // A relabelled built-in statement and a feed's own statement stay as given.
    assert_eq!(de.statement_label("trust", "Trust <b>"), "Trust <b>");
    assert_eq!(
        de.statement_label("nps_like", "Würde empfehlen"),
        "Würde empfehlen"
    );
}

fn statement(label: &str, scale: u32, vendor: Option<f64>, partner: Option<f64>) -> Statement {
    let gap = partner.zip(vendor).map(|(p, v)| p - v);
    Statement {
        metric: "m".into(),
        label: label.into(),
        scale,
        vendor,
        partner,
        gap,
        differs: gap.is_some_and(|g| g.abs() >= f64::from(scale - 1) / 2.0),
    }
}

/// `cx` of the circles and the middle of the `rect`s of one row, in px.
fn markers(svg: &str) -> (Vec<f64>, Vec<f64>) {
    let attr = |tag: &str, name: &str| -> Vec<f64> {
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter_map(|t| {
                let start = t.find(&format!("{name}=\""))? + name.len() + 2;
                t[start..].split('"').next()?.parse().ok()
            })
            .collect()
    };
    let circles = attr("circle", "cx");
    let widths = attr("rect", "width");
    let rects = attr("rect", "x")
        .into_iter()
        .zip(widths)
        .map(|(x, w)| x + w / 2.0)
        .collect();
    (circles, rects)
}

#[test]
fn each_statement_is_a_row_with_a_marker_per_side_that_rated_it() {
    let statements = [
        statement("a", 5, Some(3.0), Some(4.0)),
        statement("b", 5, Some(2.0), None),
        statement("c", 5, None, Some(5.0)),
    ];
    let c = alignment_chart(&statements, (400, 30), 20, ["low", "high"]);
    assert_eq!(c.rows.len(), 3);
    assert_eq!(c.scale, Some(5));
    assert_eq!(
        c.positions,
        vec![
            (Some(0.5), Some(0.75)),
            (Some(0.25), None),
            (None, Some(1.0))
        ]
    );
    let (circles, squares) = markers(&c.rows[0]);
    assert_eq!((circles.len(), squares.len()), (1, 1), "{}", c.rows[0]);
    // Rating 3 of 1..5 sits in the middle of the plot, rating 4 three quarters along
    // (the plot spans 400 − 2 × 4 px of margin, with 6 % padding either side).
    let x = |t: f64| 4.0 + (t + 0.06) / 1.12 * 392.0;
    assert!(
        (circles[0] - x(0.5)).abs() <= 1.5,
        "vendor at {}",
        circles[0]
    );
    assert!(
        (squares[0] - x(0.75)).abs() <= 1.5,
        "partner at {}",
        squares[0]
    );
    assert_eq!(markers(&c.rows[1]).0.len(), 1);
    assert_eq!(markers(&c.rows[1]).1.len(), 0, "the partner did not rate b");
    let (circles, squares) = markers(&c.rows[2]);
    assert!(circles.is_empty(), "the vendor did not rate c");
    assert_eq!(squares.len(), 1);
    assert!(
        (squares[0] - x(1.0)).abs() <= 1.5,
        "partner at {}",
        squares[0]
    );
    // The axis carries the scale's numbers, nothing else.
    for k in 1..=5 {
        assert!(
            c.axis.contains(&format!("\n{k}\n</text>")),
            "tick {k}: {}",
            c.axis
        );
    }
}

#[test]
fn a_gap_seen_differently_is_drawn_heavier_and_in_red() {
    let statements = [
        statement("same", 5, Some(3.0), Some(4.0)),
        statement("apart", 5, Some(5.0), Some(1.0)),
    ];
    let c = alignment_chart(&statements, (300, 30), 20, ["low", "high"]);
    assert!(!statements[0].differs && statements[1].differs);
    // palette::RED is #D55E00.
    assert!(
        !c.rows[0].to_uppercase().contains("#D55E00"),
        "{}",
        c.rows[0]
    );
    assert!(
        c.rows[1].to_uppercase().contains("#D55E00"),
        "{}",
        c.rows[1]
    );
}

#[test]
fn feed_labels_never_reach_the_svg() {
    let hostile = "<script>alert(1)</script> & \"quotes\"";
    let statements = [statement(hostile, 7, Some(1.0), Some(7.0))];
    let c = alignment_chart(&statements, (300, 30), 20, ["low", "high"]);
    for svg in c.rows.iter().chain([&c.axis]) {
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(!svg.contains("script") && !svg.contains("quotes"), "{svg}");
    }
    assert!(!c.rows[0].contains("<text"), "a row holds no text at all");
}

#[test]
fn statements_on_different_scales_share_an_axis_from_low_to_high() {
    let statements = [
        statement("five", 5, Some(5.0), Some(1.0)),
        statement("ten", 10, Some(10.0), Some(1.0)),
    ];
    let c = alignment_chart(&statements, (300, 30), 20, ["low", "high"]);
    assert_eq!(c.scale, None);
    // The top of each scale is the right end: 5 of 5 and 10 of 10 line up.
    assert_eq!(c.positions[0], (Some(1.0), Some(0.0)));
    assert_eq!(c.positions[1], (Some(1.0), Some(0.0)));
    assert!(
        c.axis.contains("\nlow\n</text>") && c.axis.contains("\nhigh\n</text>"),
        "{}",
        c.axis
    );
}

#[test]
fn no_statements_draw_nothing_and_do_not_panic() {
    let c = alignment_chart(&[], (300, 30), 20, ["low", "high"]);
    assert!(c.rows.is_empty());
    assert!(c.axis.starts_with("<svg"));
}
