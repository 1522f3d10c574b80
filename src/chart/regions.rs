//! Where each fairness band lies on the balance quadrant (contribution share
//! across, reward share up). Under the equity ratio a split of contribution
//! share c with F = f takes the reward share r = f·c / (f·c + 1 − c): a curve
//! from (0, 0) to (1, 1), not a ray, so the bands are regions between curves.

use super::fairness_band::limits;
use crate::contract::Thresholds;
use crate::score::Band;

/// The reward share at which contribution share `c` has fairness `f`.
///
/// ```
/// # use partner_scorecard::chart::regions::reward_share_at;
/// assert_eq!(reward_share_at(1.0, 0.3), 0.3);       // F = 1 is the diagonal
/// assert!((reward_share_at(2.0, 0.5) - 2.0 / 3.0).abs() < 1e-12);
/// ```
pub fn reward_share_at(f: f64, c: f64) -> f64 {
    let c = c.clamp(0.0, 1.0);
    let d = f * c + (1.0 - c);
    if d > 0.0 {
        f * c / d
    } else {
        0.0
    }
}

/// Points along the curve F = `f`, from c = 0 to c = 1.
fn curve(f: f64, steps: usize) -> Vec<(f64, f64)> {
    (0..=steps)
        .map(|i| {
            let c = i as f64 / steps as f64;
            (c, reward_share_at(f, c))
        })
        .collect()
}

/// Five regions, top-left to bottom-right: red above F = a, amber up to a,
/// green between 1/g and g, amber down to 1/a, red below. Each is a polygon in
/// share coordinates (0..1 both ways), drawn in order.
pub fn band_regions(t: &Thresholds, steps: usize) -> Vec<(Vec<(f64, f64)>, Band)> {
    let (g, a) = limits(t);
    let steps = steps.max(2);
    let between = |upper: Option<f64>, lower: Option<f64>| {
        // The top edge runs left to right, the bottom edge back.
        let mut ring = match upper {
            Some(f) => curve(f, steps),
            None => vec![(0.0, 0.0), (0.0, 1.0), (1.0, 1.0)],
        };
        let mut back = match lower {
            Some(f) => curve(f, steps),
            None => vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)],
        };
        back.reverse();
        ring.extend(back);
        ring
    };
    vec![
        (between(None, Some(a)), Band::Red),
        (between(Some(a), Some(g)), Band::Amber),
        (between(Some(g), Some(1.0 / g)), Band::Green),
        (between(Some(1.0 / g), Some(1.0 / a)), Band::Amber),
        (between(Some(1.0 / a), None), Band::Red),
    ]
}
