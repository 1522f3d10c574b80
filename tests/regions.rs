//! The balance quadrant's band regions agree with the engine: every partner's
//! point lies in the region of its own band, and F is the same all along a
//! region's edge curve.

use partner_scorecard::chart::regions::{band_regions, reward_share_at};
use partner_scorecard::contract::{parse_json, Thresholds};
use partner_scorecard::sample::{generate, SampleOptions};
use partner_scorecard::score::ScoreBook;

/// Even-odd ray casting: whether (x, y) is inside the polygon.
fn inside(poly: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut hit = false;
    let mut j = poly.len() - 1;
    for i in 0..poly.len() {
        let ((xi, yi), (xj, yj)) = (poly[i], poly[j]);
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            hit = !hit;
        }
        j = i;
    }
    hit
}

#[test]
fn every_partners_point_lies_in_the_region_of_its_band() {
    let ds = parse_json(generate(&SampleOptions::new(300, 4, 11)).as_bytes()).expect("sample");
    let book = ScoreBook::new(&ds);
    // Fine curves, so that only points within a hair of an edge could land wrong.
    let regions = band_regions(&ds.thresholds, 2000);
    let mut checked = 0;
    for s in &book.scorecards {
        let (Some(c), Some(r), Some(f), Some(band)) =
            (s.shares.contribution, s.shares.reward, s.fairness, s.band)
        else {
            continue;
        };
        let near_edge = [1.25, 1.0 / 1.25, 1.6, 1.0 / 1.6]
            .iter()
            .any(|e: &f64| (f / e - 1.0).abs() < 1e-3);
        if near_edge {
            continue;
        }
        let found: Vec<_> = regions
            .iter()
            .filter(|(poly, _)| inside(poly, (c, r)))
            .map(|(_, b)| *b)
            .collect();
        assert_eq!(
            found,
            [band],
            "{} {} at c = {c}, r = {r}, F = {f}",
            s.partner,
            s.period
        );
        checked += 1;
    }
    assert!(checked > 500, "only {checked} points checked");
}

#[test]
fn the_curve_of_f_has_that_fairness_everywhere() {
    for f in [0.5, 0.8, 1.0, 1.25, 1.6, 3.0] {
        for i in 1..20 {
            let c = f64::from(i) / 20.0;
            let r = reward_share_at(f, c);
            // F = (r / c) ÷ ((1 − r) / (1 − c)) with the shares as the totals.
            let back = (r / c) / ((1.0 - r) / (1.0 - c));
            assert!((back - f).abs() < 1e-9, "f {f} c {c}: {back}");
        }
    }
    let t = Thresholds::default();
    assert_eq!(band_regions(&t, 10).len(), 5);
}
