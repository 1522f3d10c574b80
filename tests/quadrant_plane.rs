//! The portfolio quadrant at scale: its two layers (an SVG backdrop of fixed
//! size, markers for a canvas) agree with the full chart, and the arrow keys
//! and the pointer find the partner a user means (`chart::plane`).

use partner_scorecard::chart::plane::{hit, nearest_in, triangle, Direction, Marker, Shape};
use partner_scorecard::chart::{balance_quadrant_layers, balance_quadrant_with, ChartWords};
use partner_scorecard::chart::{quadrant::MAX_LABELLED, QuadrantPoint};
use partner_scorecard::contract::Thresholds;
use partner_scorecard::score::Band;

use Direction::{Down, Left, Right, Up};

fn plain(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

/// `n` partners spread over the plane in a fixed, irregular pattern, all bands.
fn crowd(n: usize) -> Vec<QuadrantPoint> {
    (0..n)
        .map(|i| {
            let c = ((i * 37) % 101) as f64 / 100.0;
            let r = ((i * 53 + 11) % 97) as f64 / 96.0;
            QuadrantPoint {
                id: format!("P-{i:05}"),
                label: format!("Partner {i}"),
                contribution: c,
                reward: r,
                band: [Band::Green, Band::Amber, Band::Red][i % 3],
            }
        })
        .collect()
}

fn count(svg: &str, tag: &str) -> usize {
    svg.matches(tag).count()
}

#[test]
fn layers_place_every_marker_where_the_full_chart_draws_it() {
    let t = Thresholds::default();
    for n in [3, 40, 500] {
        let points = crowd(n);
        let words = ChartWords::ENGLISH;
        let full = balance_quadrant_with(&points, &t, (520, 500), &plain, &words);
        let layers = balance_quadrant_layers(&points, &t, (520, 500), &plain, &words);
        assert_eq!(layers.positions, full.positions, "{n} points");
        assert_eq!(layers.positions.len(), n);
        // The backdrop has no marker of its own: circles, triangles and crosses
        // are what the canvas paints.
        assert_eq!(count(&layers.backdrop, "<circle"), 0, "{n}: no circles");
        assert!(
            count(&full.svg, "<circle") >= n / 3,
            "{n}: the full chart has them"
        );
        assert!(layers.backdrop.contains("Reward share") && layers.backdrop.contains("50%"));
    }
}

#[test]
fn the_backdrop_does_not_grow_with_the_portfolio() {
    let t = Thresholds::default();
    let words = ChartWords::ENGLISH;
    let elements = |n: usize| {
        let l = balance_quadrant_layers(&crowd(n), &t, (560, 540), &plain, &words);
        count(&l.backdrop, "<")
    };
    let crowded = elements(MAX_LABELLED + 1);
    assert_eq!(
        elements(5_000),
        crowded,
        "5,000 partners, the same backdrop"
    );
    // Few points keep their labels in the backdrop, as in the full chart.
    let few = balance_quadrant_layers(&crowd(3), &t, (560, 540), &plain, &words);
    assert!(
        few.backdrop.contains("Partner 1"),
        "labels beside few points"
    );
}

#[test]
fn canvas_markers_match_the_svg_markers() {
    let t = Thresholds::default();
    let one = |band| {
        let p = QuadrantPoint {
            id: "x".into(),
            label: "X".into(),
            contribution: 0.5,
            reward: 0.5,
            band,
        };
        balance_quadrant_with(&[p], &t, (400, 380), &plain, &ChartWords::ENGLISH).svg
    };
    let green = Marker::of(Band::Green, 1.0);
    assert_eq!(green.shape, Shape::Circle(5.0));
    let svg = one(Band::Green);
    assert!(
        svg.contains(r#"r="5""#)
            && svg.contains(&format!(r#"fill="{}""#, green.css().to_uppercase())),
        "{svg}"
    );
    let amber = Marker::of(Band::Amber, 1.0);
    assert!(one(Band::Amber).contains(&format!(r#"fill="{}""#, amber.css().to_uppercase())));
    let red = Marker::of(Band::Red, 1.0);
    assert_eq!(red.shape, Shape::Cross(5.0, 3.0));
    let svg = one(Band::Red);
    assert!(svg.contains(&format!(r#"stroke="{}""#, red.css().to_uppercase())));
    assert!(svg.contains(r#"stroke-width="3""#));
    // The triangle points up and is centred on the point.
    let [top, left, right] = triangle(100.0, 100.0, 7.0);
    assert!(top.1 < left.1 && left.1 == right.1 && left.0 < top.0 && top.0 < right.0);
    assert_eq!(Marker::of(Band::Green, 2.0).shape, Shape::Circle(10.0));
}

#[test]
fn arrows_go_to_the_nearest_point_in_their_direction() {
    //        1 (10, 0)
    // 3 (0,10)   0 (10,10)   2 (22,10)   4 (14, 12)
    //        5 (10, 30)
    let pts = [
        (10.0, 10.0),
        (10.0, 0.0),
        (22.0, 10.0),
        (0.0, 10.0),
        (14.0, 12.0),
        (10.0, 30.0),
    ];
    // Right: 4 is closer but off the line (4 + 2·2 = 8) and 2 is straight ahead (12).
    assert_eq!(nearest_in(&pts, 0, Right), Some(4));
    assert_eq!(nearest_in(&pts, 4, Right), Some(2));
    assert_eq!(nearest_in(&pts, 0, Left), Some(3));
    assert_eq!(nearest_in(&pts, 0, Up), Some(1), "up is towards y = 0");
    assert_eq!(
        nearest_in(&pts, 0, Down),
        Some(4),
        "4 is 2 below, 4 aside: 10 < 20"
    );
    assert_eq!(nearest_in(&pts, 4, Down), Some(5));
    // Nothing further that way: the focus stays.
    assert_eq!(nearest_in(&pts, 2, Right), None);
    assert_eq!(nearest_in(&pts, 1, Up), None);
    assert_eq!(nearest_in(&pts, 3, Left), None);
    assert_eq!(nearest_in(&pts, 9, Left), None, "no such point");
    assert_eq!(nearest_in(&[], 0, Left), None);
}

#[test]
fn a_stack_of_equal_points_is_walked_one_by_one() {
    // Partners with the same shares land on one spot; each must be reachable.
    let pts = [(5.0, 5.0), (5.0, 5.0), (5.0, 5.0), (9.0, 5.0), (1.0, 5.0)];
    assert_eq!(nearest_in(&pts, 0, Right), Some(1));
    assert_eq!(nearest_in(&pts, 1, Right), Some(2));
    assert_eq!(nearest_in(&pts, 2, Right), Some(3));
    assert_eq!(nearest_in(&pts, 2, Left), Some(1));
    assert_eq!(nearest_in(&pts, 1, Left), Some(0));
    assert_eq!(nearest_in(&pts, 0, Left), Some(4));
    assert_eq!(
        nearest_in(&pts, 1, Down),
        Some(2),
        "down walks on like right"
    );
    assert_eq!(nearest_in(&pts, 1, Up), Some(0), "up walks back like left");
}

#[test]
fn walking_right_ends_at_the_rightmost_point_and_left_at_the_leftmost() {
    let points = crowd(400);
    let layers = balance_quadrant_layers(
        &points,
        &Thresholds::default(),
        (560, 540),
        &plain,
        &ChartWords::ENGLISH,
    );
    let xy: Vec<(f64, f64)> = layers.positions.iter().map(|p| (p.1, p.2)).collect();
    let max_x = xy.iter().map(|p| p.0).fold(f64::MIN, f64::max);
    let min_x = xy.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    for (dir, edge) in [(Right, max_x), (Left, min_x)] {
        let (mut at, mut steps) = (200, 0);
        while let Some(next) = nearest_in(&xy, at, dir) {
            let gain = match dir {
                Right => xy[next].0 - xy[at].0,
                _ => xy[at].0 - xy[next].0,
            };
            assert!(gain >= 0.0, "{dir:?} never goes back");
            at = next;
            steps += 1;
            assert!(steps <= xy.len(), "{dir:?} ends");
        }
        assert_eq!(xy[at].0, edge, "{dir:?} stops at the edge");
    }
}

#[test]
fn the_pointer_picks_the_nearest_marker_within_reach() {
    let pts = [(10.0, 10.0), (16.0, 10.0), (16.0, 10.0), (100.0, 100.0)];
    assert_eq!(hit(&pts, (11.0, 10.0), 9.0), Some(0));
    assert_eq!(
        hit(&pts, (15.0, 11.0), 9.0),
        Some(2),
        "the later of a stack: it is on top"
    );
    assert_eq!(hit(&pts, (50.0, 50.0), 9.0), None, "empty space");
    assert_eq!(hit(&pts, (100.0, 109.0), 9.0), Some(3), "the edge of reach");
    assert_eq!(hit(&pts, (100.0, 109.5), 9.0), None);
    assert_eq!(hit(&[], (0.0, 0.0), 9.0), None);
}

#[test]
fn arrow_keys_are_named_as_the_browser_names_them() {
    assert_eq!(Direction::of_key("ArrowLeft"), Some(Left));
    assert_eq!(Direction::of_key("ArrowRight"), Some(Right));
    assert_eq!(Direction::of_key("ArrowUp"), Some(Up));
    assert_eq!(Direction::of_key("ArrowDown"), Some(Down));
    assert_eq!(Direction::of_key("Enter"), None);
}
