//! Hand-computed scorecards (docs/data-contract.md, "Scoring formulas").
//! Every expected figure is written out as the arithmetic that gives it.

use partner_scorecard::contract::{parse_json, Better, Dataset, Quarter, Side, SCHEMA};
use partner_scorecard::score::attainment::attainment;
use partner_scorecard::score::portfolio::Column;
use partner_scorecard::score::{Balance, Band, Figure, KpiStatus, Portfolio, ScoreBook, Scorecard};
use serde_json::{json, Value};

// ---------------------------------------------------------------- helpers

fn q(s: &str) -> Quarter {
    s.parse().unwrap()
}

fn rec(partner: &str, period: &str, side: &str, metric: &str, value: f64) -> Value {
    json!({ "partner": partner, "period": period, "side": side, "metric": metric, "value": value })
}

fn kpi(side: &str, metric: &str, value: f64, target: f64, floor: Option<f64>) -> Value {
    let mut r = rec("acme", "2026-Q2", side, metric, value);
    r["target"] = json!(target);
    if let Some(f) = floor {
        r["floor"] = json!(f);
    }
    r
}

/// Six records giving the totals of one partner-period:
/// investment (mdf / partner_marketing), risk (inventory_exposure / committed_spend),
/// reward (partner_sourced_margin / resale_margin), each `[vendor, partner]`.
fn totals(
    partner: &str,
    period: &str,
    inv: [f64; 2],
    risk: [f64; 2],
    reward: [f64; 2],
) -> Vec<Value> {
    vec![
        rec(partner, period, "vendor", "mdf", inv[0]),
        rec(partner, period, "partner", "partner_marketing", inv[1]),
        rec(partner, period, "vendor", "inventory_exposure", risk[0]),
        rec(partner, period, "partner", "committed_spend", risk[1]),
        rec(
            partner,
            period,
            "vendor",
            "partner_sourced_margin",
            reward[0],
        ),
        rec(partner, period, "partner", "resale_margin", reward[1]),
    ]
}

fn partners(ids: &[&str]) -> Value {
    Value::Array(
        ids.iter()
            .map(|id| json!({ "id": id, "name": id }))
            .collect(),
    )
}

/// Parses a document that must be entirely valid and scores it.
fn score(doc: Value) -> (Dataset, ScoreBook) {
    let mut doc = doc;
    doc["schema"] = json!(SCHEMA);
    let ds = parse_json(doc.to_string().as_bytes()).unwrap_or_else(|e| panic!("fatal: {e}"));
    assert!(
        ds.rejected.is_empty(),
        "unexpected rejections: {:#?}",
        ds.rejected
    );
    let book = ScoreBook::new(&ds);
    (ds, book)
}

fn score_records(ids: &[&str], records: Vec<Value>) -> (Dataset, ScoreBook) {
    score(json!({ "partners": partners(ids), "records": records }))
}

fn card<'a>(ds: &Dataset, book: &'a ScoreBook, partner: &str, period: &str) -> &'a Scorecard {
    let i = ds.partner_index(partner).expect("partner");
    book.get(i, q(period))
        .unwrap_or_else(|| panic!("no scorecard for {partner} {period}"))
}

#[track_caller]
fn approx(actual: f64, expected: f64) {
    let tol = 1e-12 * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "{actual} != {expected}");
}

#[track_caller]
fn approx_some(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => approx(a, expected),
        None => panic!("undefined, expected {expected}"),
    }
}

fn kpi_of<'a>(s: &'a Scorecard, metric: &str) -> &'a partner_scorecard::score::Kpi {
    s.kpis
        .iter()
        .find(|k| k.metric == metric)
        .unwrap_or_else(|| panic!("no KPI {metric}"))
}

// ---------------------------------------------------------------- totals, shares, fairness

#[test]
fn totals_shares_fairness_and_roi_by_hand() {
    let p = |side, metric, value| rec("acme", "2026-Q2", side, metric, value);
    let (ds, book) = score_records(
        &["acme"],
        vec![
            p("vendor", "mdf", 100.0),
            p("vendor", "enablement", 50.0),
            p("vendor", "inventory_exposure", 40.0),
            p("vendor", "partner_sourced_margin", 200.0),
            p("partner", "partner_marketing", 50.0),
            p("partner", "presales", 30.0),
            p("partner", "committed_spend", 20.0),
            p("partner", "resale_margin", 90.0),
            p("partner", "services_revenue", 10.0),
        ],
    );
    let s = card(&ds, &book, "acme", "2026-Q2");
    // vendor investment 100+50 = 150, partner 50+30 = 80
    assert_eq!((s.investment.vendor, s.investment.partner), (150.0, 80.0));
    // risk: vendor 40, partner 20
    assert_eq!((s.risk.vendor, s.risk.partner), (40.0, 20.0));
    // reward: vendor 200, partner 90+10 = 100
    assert_eq!((s.reward.vendor, s.reward.partner), (200.0, 100.0));
    approx_some(s.shares.investment, 80.0 / (150.0 + 80.0));
    approx_some(s.shares.risk, 20.0 / (40.0 + 20.0));
    approx_some(s.shares.reward, 100.0 / (200.0 + 100.0));
    // c = (80+20)/(150+40+80+20) = 100/290
    let c = (80.0 + 20.0) / (150.0 + 40.0 + 80.0 + 20.0);
    approx_some(s.shares.contribution, c);
    // C vendor 150+40 = 190, partner 80+20 = 100. Reward rates: vendor
    // 200/190, partner 100/100. F = 1 ÷ (200/190) = 0.95: within [0.8, 1.25]
    approx_some(s.reward_rate.vendor, 200.0 / 190.0);
    approx_some(s.reward_rate.partner, 100.0 / 100.0);
    approx_some(s.fairness, (100.0 / 100.0) / (200.0 / 190.0));
    assert_eq!(s.band, Some(Band::Green));
    assert_eq!(s.balance, Some(Balance::Balanced));
    // For F = 1 the partner would take c × 300 = 103.45: 3.45 more.
    approx_some(s.fair_shift, 300.0 * c - 100.0);
    assert_eq!(s.takes_all(), None);
    // ROI vendor (200-150)/150, partner (100-80)/80
    approx_some(s.roi.vendor, (200.0 - 150.0) / 150.0);
    approx_some(s.roi.partner, (100.0 - 80.0) / 80.0);
    assert_eq!(s.unreported, None);
    assert!(s.kpis.is_empty());
    assert_eq!(s.health, None, "no targets, no health");
    assert_eq!((s.partner.as_str(), s.period), ("acme", q("2026-Q2")));
}

/// The worked example of docs/data-contract.md, "Full example".
#[test]
fn the_documented_full_example() {
    let a = |side, metric, value| rec("acme", "2026-Q2", side, metric, value);
    let g = |side, metric, value| rec("globex", "2026-Q2", side, metric, value);
    let (ds, book) = score(json!({
        "partners": [{ "id": "acme", "name": "Acme Systems" }, { "id": "globex", "name": "Globex Consulting" }],
        "metrics": [
            { "key": "csat", "label": "Customer satisfaction (survey)", "weight": 2 },
            { "key": "joint_deals", "label": "Joint deals closed", "pillar": "reward", "unit": "count", "better": "higher" }
        ],
        "records": [
            a("vendor", "mdf", 40000.0),
            a("vendor", "inventory_exposure", 15000.0),
            kpi("vendor", "partner_sourced_margin", 120000.0, 100000.0, None),
            a("partner", "partner_marketing", 25000.0),
            kpi("partner", "certified_staff", 6.0, 8.0, Some(7.0)),
            a("partner", "committed_spend", 30000.0),
            kpi("partner", "resale_margin", 90000.0, 80000.0, None),
            kpi("partner", "csat", 87.0, 90.0, Some(85.0)),
            kpi("partner", "joint_deals", 12.0, 10.0, None),
            g("vendor", "mdf", 10000.0),
            g("partner", "practice_build", 20000.0),
            g("partner", "services_revenue", 45000.0),
        ]
    }));
    let acme = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!(acme.partner_name, "Acme Systems");
    // certified_staff is a count: not in investment.
    assert_eq!(
        (acme.investment.vendor, acme.investment.partner),
        (40000.0, 25000.0)
    );
    assert_eq!((acme.risk.vendor, acme.risk.partner), (15000.0, 30000.0));
    // csat and joint_deals are not currency: not in reward.
    assert_eq!(
        (acme.reward.vendor, acme.reward.partner),
        (120000.0, 90000.0)
    );
    // C vendor 40000 + 15000 = 55000, partner 25000 + 30000 = 55000.
    // Reward rates 120000/55000 ≈ 2.18 and 90000/55000 ≈ 1.64: F = 0.75,
    // below 1/1.25 = 0.8 but above 1/1.6 → amber, vendor-favoured.
    approx_some(acme.reward_rate.vendor, 120000.0 / 55000.0);
    approx_some(acme.reward_rate.partner, 90000.0 / 55000.0);
    approx_some(acme.fairness, (90000.0 / 55000.0) / (120000.0 / 55000.0));
    assert_eq!(acme.band, Some(Band::Amber));
    assert_eq!(acme.balance, Some(Balance::VendorFavoured));
    // Half the contribution, so half of 210000 is fair: 15000 to the partner.
    approx_some(acme.fair_shift, 210000.0 * 0.5 - 90000.0);
    approx_some(acme.roi.vendor, (120000.0 - 40000.0) / 40000.0); // 2.0
    approx_some(acme.roi.partner, (90000.0 - 25000.0) / 25000.0); // 2.6
    assert_eq!(acme.kpis.len(), 5);
    for met in ["partner_sourced_margin", "resale_margin", "joint_deals"] {
        let k = kpi_of(acme, met);
        assert_eq!((k.status, k.score), (KpiStatus::Met, 100.0), "{met}");
    }
    let csat = kpi_of(acme, "csat");
    assert_eq!(csat.status, KpiStatus::AtRisk); // 87 ≥ floor 85
    approx_some(csat.attainment, 87.0 / 90.0);
    approx(csat.score, 100.0 * 87.0 / 90.0);
    assert_eq!(
        (csat.weight, csat.label.as_str()),
        (2.0, "Customer satisfaction (survey)")
    );
    let staff = kpi_of(acme, "certified_staff");
    assert_eq!(staff.status, KpiStatus::Missed); // 6 < floor 7
    assert_eq!((staff.attainment, staff.score), (Some(0.75), 75.0));
    assert_eq!(staff.floor, Some(7.0));
    // health = (100 + 75 + 100 + 2×96.67 + 100) / (1+1+1+2+1)
    approx_some(
        acme.health,
        (100.0 + 75.0 + 100.0 + 2.0 * (100.0 * 87.0 / 90.0) + 100.0) / 6.0,
    );

    let globex = card(&ds, &book, "globex", "2026-Q2");
    // Both put something in (10000 and 20000), only the partner took reward:
    // F would be infinite, so it is undefined, banded red, partner-favoured.
    assert_eq!(globex.shares.reward, Some(1.0));
    approx_some(globex.shares.contribution, 20000.0 / 30000.0);
    assert_eq!(globex.fairness, None);
    assert_eq!(globex.band, Some(Band::Red));
    assert_eq!(globex.balance, Some(Balance::PartnerFavoured));
    assert_eq!(globex.takes_all(), Some(Side::Partner));
    assert_eq!(globex.reward_rate.vendor, Some(0.0));
    // Two thirds of 45000 would be fair: 15000 back to the vendor.
    approx_some(globex.fair_shift, 45000.0 * (20000.0 / 30000.0) - 45000.0);
    assert_eq!(globex.shares.risk, None, "nobody reported risk");
    approx_some(globex.roi.vendor, (0.0 - 10000.0) / 10000.0); // −1
    approx_some(globex.roi.partner, (45000.0 - 20000.0) / 20000.0); // 1.25
}

#[test]
fn bands_and_balance_in_both_directions() {
    let mut records = Vec::new();
    // name, [inv v, p], [risk v, p], [reward v, p]
    // C 50/50; rates 40/50 and 60/50: F = 1.5 → amber, partner-favoured
    records.extend(totals(
        "amber_p",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [40.0, 60.0],
    ));
    // the mirror: F = 40/60 = 0.667 ≥ 1/1.6 = 0.625 → amber, vendor-favoured
    records.extend(totals(
        "amber_v",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [60.0, 40.0],
    ));
    // C vendor 40+40 = 80, partner 10+10 = 20; rates 50/80 and 50/20: F = 4 → red, partner-favoured
    records.extend(totals(
        "red_p",
        "2026-Q2",
        [40.0, 10.0],
        [40.0, 10.0],
        [50.0, 50.0],
    ));
    // C 50/50; rates 90/50 and 10/50: F = 1/9 → red, vendor-favoured
    records.extend(totals(
        "red_v",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [90.0, 10.0],
    ));
    // C vendor 55+5 = 60, partner 45+5 = 50; rates 50/60 and 50/50: F = 1.2 → green
    records.extend(totals(
        "green",
        "2026-Q2",
        [55.0, 45.0],
        [5.0, 5.0],
        [50.0, 50.0],
    ));
    let ids = ["amber_p", "amber_v", "red_p", "red_v", "green"];
    let (ds, book) = score_records(&ids, records);
    let check = |id: &str, f: f64, band: Band, balance: Balance| {
        let s = card(&ds, &book, id, "2026-Q2");
        approx_some(s.fairness, f);
        assert_eq!((s.band, s.balance), (Some(band), Some(balance)), "{id}");
    };
    check("amber_p", 1.5, Band::Amber, Balance::PartnerFavoured);
    check("amber_v", 40.0 / 60.0, Band::Amber, Balance::VendorFavoured);
    check(
        "red_p",
        (50.0 / 20.0) / (50.0 / 80.0),
        Band::Red,
        Balance::PartnerFavoured,
    );
    check("red_v", 10.0 / 90.0, Band::Red, Balance::VendorFavoured);
    check(
        "green",
        (50.0 / 50.0) / (50.0 / 60.0),
        Band::Green,
        Balance::Balanced,
    );
}

/// Both put something in, one side took all the reward: F would be 0 or
/// infinite. It stays undefined, but the verdict is clear: red, towards the
/// side that took the reward.
#[test]
fn one_side_taking_all_the_reward_is_red_towards_it() {
    let mut records = totals("to_v", "2026-Q2", [50.0, 50.0], [0.0, 0.0], [100.0, 0.0]);
    records.extend(totals(
        "to_p",
        "2026-Q2",
        [30.0, 10.0],
        [0.0, 10.0],
        [-5.0, 80.0],
    ));
    let (ds, book) = score_records(&["to_v", "to_p"], records);
    let v = card(&ds, &book, "to_v", "2026-Q2");
    assert_eq!(v.fairness, None);
    assert_eq!(
        (v.band, v.balance),
        (Some(Band::Red), Some(Balance::VendorFavoured))
    );
    assert_eq!(v.takes_all(), Some(Side::Vendor));
    assert_eq!(
        (v.reward_rate.vendor, v.reward_rate.partner),
        (Some(2.0), Some(0.0))
    );
    // half the contribution: 50 of the 100 would move to the partner
    approx_some(v.fair_shift, 100.0 * 0.5 - 0.0);
    // A clawback (negative reward) is no reward either.
    let p = card(&ds, &book, "to_p", "2026-Q2");
    assert_eq!(p.fairness, None);
    assert_eq!(
        (p.band, p.balance),
        (Some(Band::Red), Some(Balance::PartnerFavoured))
    );
    assert_eq!(p.takes_all(), Some(Side::Partner));
    // total reward 75, partner's contribution share 20/50: 30 fair, so 50 back
    approx_some(p.fair_shift, 75.0 * (20.0 / 50.0) - 80.0);
}

#[test]
fn band_edges_are_inclusive() {
    let mut records = Vec::new();
    // Contributions 1 and 1, so F = R_partner / R_vendor.
    // 5/4 = 1.25 = g exactly → green
    records.extend(totals(
        "at_g",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [4.0, 5.0],
    ));
    // 4/5 = 0.8 = 1/g exactly → green
    records.extend(totals(
        "at_1_g",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [5.0, 4.0],
    ));
    // 8/5 = 1.6 = a exactly → amber
    records.extend(totals(
        "at_a",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [5.0, 8.0],
    ));
    // 5/8 = 0.625 = 1/a exactly → amber
    records.extend(totals(
        "at_1_a",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [8.0, 5.0],
    ));
    // 1.251, just above g → amber
    records.extend(totals(
        "over_g",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1000.0, 1251.0],
    ));
    // 1000/1251 = 0.7994, just below 1/g → amber
    records.extend(totals(
        "under_1_g",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1251.0, 1000.0],
    ));
    // 1.601, just above a → red
    records.extend(totals(
        "over_a",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1000.0, 1601.0],
    ));
    // 1000/1601 = 0.6246, just below 1/a → red
    records.extend(totals(
        "under_1_a",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1601.0, 1000.0],
    ));
    let ids = [
        "at_g",
        "at_1_g",
        "at_a",
        "at_1_a",
        "over_g",
        "under_1_g",
        "over_a",
        "under_1_a",
    ];
    let (ds, book) = score_records(&ids, records);
    let s = |id| card(&ds, &book, id, "2026-Q2");

    assert_eq!(s("at_g").fairness, Some(1.25));
    assert_eq!(
        (s("at_g").band, s("at_g").balance),
        (Some(Band::Green), Some(Balance::Balanced))
    );
    assert_eq!(s("at_1_g").fairness, Some(1.0 / 1.25));
    assert_eq!(
        (s("at_1_g").band, s("at_1_g").balance),
        (Some(Band::Green), Some(Balance::Balanced))
    );
    assert_eq!(s("at_a").fairness, Some(1.6));
    assert_eq!(
        (s("at_a").band, s("at_a").balance),
        (Some(Band::Amber), Some(Balance::PartnerFavoured))
    );
    assert_eq!(s("at_1_a").fairness, Some(1.0 / 1.6));
    assert_eq!(
        (s("at_1_a").band, s("at_1_a").balance),
        (Some(Band::Amber), Some(Balance::VendorFavoured))
    );

    approx_some(s("over_g").fairness, 1.251);
    assert_eq!(
        (s("over_g").band, s("over_g").balance),
        (Some(Band::Amber), Some(Balance::PartnerFavoured))
    );
    approx_some(s("under_1_g").fairness, 1000.0 / 1251.0);
    assert_eq!(
        (s("under_1_g").band, s("under_1_g").balance),
        (Some(Band::Amber), Some(Balance::VendorFavoured))
    );
    approx_some(s("over_a").fairness, 1.601);
    assert_eq!(
        (s("over_a").band, s("over_a").balance),
        (Some(Band::Red), Some(Balance::PartnerFavoured))
    );
    approx_some(s("under_1_a").fairness, 1000.0 / 1601.0);
    assert_eq!(
        (s("under_1_a").band, s("under_1_a").balance),
        (Some(Band::Red), Some(Balance::VendorFavoured))
    );
}

#[test]
fn custom_thresholds_move_the_bands() {
    let mut records = Vec::new();
    // Contributions 50 and 50, so F = R_partner / R_vendor.
    // 60/50 = 1.2 → green by default, amber with g = 1.1, a = 1.3
    records.extend(totals(
        "f12",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [50.0, 60.0],
    ));
    // 60/40 = 1.5 → amber by default, red with a = 1.3
    records.extend(totals(
        "f15",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [40.0, 60.0],
    ));
    // contributions 1 and 1 (so that no rounding of rates creeps in):
    // 11/10 = 1.1 = g exactly → green
    records.extend(totals(
        "f11",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [10.0, 11.0],
    ));
    // 10/11 = 1/1.1 exactly → green
    records.extend(totals(
        "f09",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [11.0, 10.0],
    ));
    let ids = ["f12", "f15", "f11", "f09"];
    let (ds, book) = score(json!({
        "partners": partners(&ids),
        "records": records.clone(),
        "thresholds": { "fairness_green": 1.1, "fairness_amber": 1.3 }
    }));
    let s = |id| card(&ds, &book, id, "2026-Q2");
    approx_some(s("f12").fairness, 60.0 / 50.0);
    assert_eq!(s("f12").band, Some(Band::Amber));
    assert_eq!(s("f12").balance, Some(Balance::PartnerFavoured));
    assert_eq!(s("f15").band, Some(Band::Red));
    assert_eq!(s("f11").fairness, Some(1.1));
    assert_eq!(s("f11").band, Some(Band::Green));
    assert_eq!(s("f09").fairness, Some(1.0 / 1.1));
    assert_eq!(s("f09").band, Some(Band::Green));

    // The same data with the default thresholds.
    let (ds, book) = score_records(&ids, records);
    let s = |id| card(&ds, &book, id, "2026-Q2");
    assert_eq!(s("f12").band, Some(Band::Green));
    assert_eq!(s("f15").band, Some(Band::Amber));
}

/// Swapping the two sides mirrors every share (s → 1 − s) and turns F into
/// exactly 1/F: the product decision behind the equity ratio.
#[test]
fn swapping_the_sides_turns_fairness_into_its_inverse() {
    let mut records = Vec::new();
    // acme of the documented example: C 55000 each, R 120000 and 90000, F = 0.75
    records.extend(totals(
        "acme",
        "2026-Q2",
        [40000.0, 25000.0],
        [15000.0, 30000.0],
        [120000.0, 90000.0],
    ));
    // swapped: F' = (120000/55000) ÷ (90000/55000) = 4/3 = 1/0.75
    records.extend(totals(
        "swapped",
        "2026-Q2",
        [25000.0, 40000.0],
        [30000.0, 15000.0],
        [90000.0, 120000.0],
    ));
    let (ds, book) = score_records(&["acme", "swapped"], records);
    let a = card(&ds, &book, "acme", "2026-Q2");
    let b = card(&ds, &book, "swapped", "2026-Q2");
    approx_some(a.shares.reward, 3.0 / 7.0);
    approx_some(b.shares.reward, 1.0 - 3.0 / 7.0);
    approx_some(b.shares.investment, 1.0 - a.shares.investment.unwrap());
    approx_some(b.shares.risk, 1.0 - a.shares.risk.unwrap());
    approx_some(a.fairness, 0.75);
    approx_some(b.fairness, 4.0 / 3.0);
    approx_some(b.fairness, 1.0 / a.fairness.unwrap());
    // The same band, the other side favoured, the shift turned around.
    assert_eq!((a.band, b.band), (Some(Band::Amber), Some(Band::Amber)));
    assert_eq!(
        (a.balance, b.balance),
        (
            Some(Balance::VendorFavoured),
            Some(Balance::PartnerFavoured)
        )
    );
    approx_some(a.fair_shift, 15000.0);
    approx_some(b.fair_shift, -15000.0);
    assert_eq!(
        (a.reward_rate.vendor, a.reward_rate.partner),
        (b.reward_rate.partner, b.reward_rate.vendor)
    );
}

// ---------------------------------------------------------------- undefined figures

#[test]
fn no_reward_on_either_side_leaves_fairness_undefined() {
    // reward 0 + 0: share undefined, so F, band and balance are too.
    let (ds, book) = score_records(
        &["acme"],
        totals("acme", "2026-Q2", [60.0, 40.0], [10.0, 10.0], [0.0, 0.0]),
    );
    let s = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!(s.shares.reward, None);
    approx_some(
        s.shares.contribution,
        (40.0 + 10.0) / (60.0 + 10.0 + 40.0 + 10.0),
    );
    assert_eq!((s.fairness, s.band, s.balance), (None, None, None));
    assert_eq!(s.fair_shift, None, "no reward to move");
    assert_eq!(s.reward_rate.vendor, Some(0.0));
    assert_eq!(s.unreported, None);
    approx_some(s.roi.vendor, (0.0 - 60.0) / 60.0);
}

#[test]
fn zero_contribution_leaves_fairness_undefined() {
    // The partner put in and carried nothing: c = 0/(100+0) = 0, F undefined.
    let (ds, book) = score_records(
        &["acme"],
        totals("acme", "2026-Q2", [100.0, 0.0], [0.0, 0.0], [50.0, 50.0]),
    );
    let s = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!(s.shares.contribution, Some(0.0));
    assert_eq!(s.shares.reward, Some(0.5));
    assert_eq!((s.fairness, s.band, s.balance), (None, None, None));
    assert_eq!(s.reward_rate.partner, None, "nothing put in: no rate");
    approx_some(s.reward_rate.vendor, 50.0 / 100.0);
    // c = 0: for F = 1 the partner would take none of the 100, so 50 back.
    approx_some(s.fair_shift, 100.0 * 0.0 - 50.0);
    assert_eq!(s.roi.partner, None, "no partner investment, no partner ROI");
    approx_some(s.roi.vendor, (50.0 - 100.0) / 100.0);
}

#[test]
fn one_side_unreported_leaves_the_balance_undefined() {
    let (ds, book) = score_records(
        &["vonly", "ponly"],
        vec![
            rec("vonly", "2026-Q2", "vendor", "mdf", 100.0),
            rec(
                "vonly",
                "2026-Q2",
                "vendor",
                "partner_sourced_margin",
                150.0,
            ),
            rec("ponly", "2026-Q2", "partner", "partner_marketing", 80.0),
            rec("ponly", "2026-Q2", "partner", "resale_margin", 40.0),
        ],
    );
    let v = card(&ds, &book, "vonly", "2026-Q2");
    assert_eq!(v.unreported, Some(Side::Partner));
    assert_eq!(v.shares, Default::default());
    assert_eq!((v.fairness, v.band, v.balance), (None, None, None));
    assert_eq!((v.investment.vendor, v.reward.vendor), (100.0, 150.0));
    approx_some(v.roi.vendor, (150.0 - 100.0) / 100.0);
    assert_eq!(v.roi.partner, None);

    let p = card(&ds, &book, "ponly", "2026-Q2");
    assert_eq!(p.unreported, Some(Side::Vendor));
    assert_eq!(
        (
            p.shares.investment,
            p.shares.risk,
            p.shares.reward,
            p.shares.contribution
        ),
        (None, None, None, None)
    );
    assert_eq!((p.fairness, p.band, p.balance), (None, None, None));
    approx_some(p.roi.partner, (40.0 - 80.0) / 80.0);
    assert_eq!(p.roi.vendor, None);
}

#[test]
fn a_side_reporting_only_kpis_has_reported() {
    // The partner sent only csat: it has reported, so shares are defined
    // (the partner's money is 0), but c = 0 leaves F undefined.
    let (ds, book) = score_records(
        &["acme"],
        vec![
            rec("acme", "2026-Q2", "vendor", "mdf", 100.0),
            rec("acme", "2026-Q2", "vendor", "partner_sourced_margin", 50.0),
            rec("acme", "2026-Q2", "partner", "csat", 90.0),
        ],
    );
    let s = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!(s.unreported, None);
    assert_eq!(s.shares.investment, Some(0.0 / (100.0 + 0.0)));
    assert_eq!(s.shares.reward, Some(0.0));
    assert_eq!(s.shares.risk, None);
    assert_eq!(s.shares.contribution, Some(0.0));
    assert_eq!(s.fairness, None);
}

#[test]
fn health_is_undefined_without_targets_or_weight() {
    let (ds, book) = score(json!({
        "partners": partners(&["acme"]),
        "metrics": [{ "key": "csat", "weight": 0 }],
        "records": [
            rec("acme", "2026-Q2", "vendor", "mdf", 1.0),
            kpi("partner", "csat", 80.0, 90.0, None),
        ]
    }));
    let s = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!(s.kpis.len(), 1);
    assert_eq!(s.kpis[0].weight, 0.0);
    assert_eq!(s.health, None, "total weight 0");
}

// ---------------------------------------------------------------- attainment and health

#[test]
fn attainment_higher_is_better() {
    // 120/100 = 1.2 ≥ 1: met, score 100 × min(1.2, 1) = 100
    let a = attainment(120.0, 100.0, None, Better::Higher);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(1.2), KpiStatus::Met, 100.0)
    );
    // exactly on target
    let a = attainment(100.0, 100.0, None, Better::Higher);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(1.0), KpiStatus::Met, 100.0)
    );
    // 95/100 = 0.95: no floor, ≥ 0.9 → at-risk, score 95
    let a = attainment(95.0, 100.0, None, Better::Higher);
    assert_eq!((a.ratio, a.status), (Some(0.95), KpiStatus::AtRisk));
    approx(a.score, 95.0);
    // 90/100 = 0.9 exactly → at-risk
    let a = attainment(90.0, 100.0, None, Better::Higher);
    assert_eq!((a.ratio, a.status), (Some(0.9), KpiStatus::AtRisk));
    // 80/100 = 0.8 < 0.9, no floor → missed, score 80
    let a = attainment(80.0, 100.0, None, Better::Higher);
    assert_eq!((a.ratio, a.status), (Some(0.8), KpiStatus::Missed));
    approx(a.score, 80.0);
    // nothing at all: 0/100 → missed, score 0
    let a = attainment(0.0, 100.0, None, Better::Higher);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(0.0), KpiStatus::Missed, 0.0)
    );
}

#[test]
fn attainment_with_a_floor() {
    // 6/8 = 0.75, 6 < floor 7 → missed, score 75
    let a = attainment(6.0, 8.0, Some(7.0), Better::Higher);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(0.75), KpiStatus::Missed, 75.0)
    );
    // 7.5/8 = 0.9375, 7.5 ≥ floor 7 → at-risk, score 93.75
    let a = attainment(7.5, 8.0, Some(7.0), Better::Higher);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(0.9375), KpiStatus::AtRisk, 93.75)
    );
    // exactly on the floor is on its good side
    let a = attainment(7.0, 8.0, Some(7.0), Better::Higher);
    assert_eq!(a.status, KpiStatus::AtRisk);
    // the floor decides, not the 0.9 rule: 9.5/10 = 0.95 but 9.5 < floor 9.8 → missed
    let a = attainment(9.5, 10.0, Some(9.8), Better::Higher);
    assert_eq!((a.ratio, a.status), (Some(0.95), KpiStatus::Missed));
    approx(a.score, 95.0);
    // and a low floor keeps a poor ratio at-risk: 5/10 = 0.5, 5 ≥ floor 4
    let a = attainment(5.0, 10.0, Some(4.0), Better::Higher);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(0.5), KpiStatus::AtRisk, 50.0)
    );
    // met beats the floor
    let a = attainment(11.0, 10.0, Some(12.0), Better::Higher);
    assert_eq!(a.status, KpiStatus::Met);
}

#[test]
fn attainment_lower_is_better() {
    // target/value = 100/80 = 1.25 → met, score 100
    let a = attainment(80.0, 100.0, None, Better::Lower);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(1.25), KpiStatus::Met, 100.0)
    );
    // 100/105 ≈ 0.952 → at-risk (no floor, ≥ 0.9)
    let a = attainment(105.0, 100.0, None, Better::Lower);
    approx_some(a.ratio, 100.0 / 105.0);
    assert_eq!(a.status, KpiStatus::AtRisk);
    approx(a.score, 100.0 * 100.0 / 105.0);
    // 100/125 = 0.8 → missed
    let a = attainment(125.0, 100.0, None, Better::Lower);
    assert_eq!(
        (a.ratio, a.status, a.score),
        (Some(0.8), KpiStatus::Missed, 80.0)
    );
    // floor 110 for lower-is-better: good side is value ≤ floor
    let a = attainment(108.0, 100.0, Some(110.0), Better::Lower);
    assert_eq!(a.status, KpiStatus::AtRisk);
    let a = attainment(115.0, 100.0, Some(110.0), Better::Lower);
    assert_eq!(a.status, KpiStatus::Missed);
    approx(a.score, 100.0 * 100.0 / 115.0);
}

#[test]
fn attainment_zero_cases() {
    // lower-is-better, value 0: met, attainment undefined, score 100
    let a = attainment(0.0, 5.0, None, Better::Lower);
    assert_eq!((a.ratio, a.status, a.score), (None, KpiStatus::Met, 100.0));
    let a = attainment(0.0, 0.0, Some(1.0), Better::Lower);
    assert_eq!((a.ratio, a.status, a.score), (None, KpiStatus::Met, 100.0));
    // higher-is-better with target 0: undefined ratio, met when value ≥ target
    let a = attainment(0.0, 0.0, None, Better::Higher);
    assert_eq!((a.ratio, a.status, a.score), (None, KpiStatus::Met, 100.0));
    let a = attainment(3.0, 0.0, None, Better::Higher);
    assert_eq!((a.ratio, a.status, a.score), (None, KpiStatus::Met, 100.0));
    let a = attainment(-1.0, 0.0, None, Better::Higher);
    assert_eq!((a.ratio, a.status), (None, KpiStatus::Missed));
    assert_eq!(a.score, 0.0);
}

#[test]
fn kpis_of_a_scorecard_and_weighted_health() {
    let (ds, book) = score(json!({
        "partners": partners(&["acme"]),
        "metrics": [{ "key": "csat", "weight": 3 }],
        "records": [
            rec("acme", "2026-Q2", "vendor", "mdf", 10.0),
            // 90/100 = 0.9 → at-risk, score 90, weight 3
            kpi("partner", "csat", 90.0, 100.0, None),
            // 4/8 = 0.5 → missed, score 50, weight 1
            kpi("partner", "certified_staff", 4.0, 8.0, None),
            // lower: 0 exposure → met, attainment undefined, score 100, weight 1
            kpi("vendor", "inventory_exposure", 0.0, 1000.0, None),
        ]
    }));
    let s = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!(s.kpis.len(), 3);
    let csat = kpi_of(s, "csat");
    assert_eq!(
        (csat.side, csat.value, csat.target),
        (Side::Partner, 90.0, 100.0)
    );
    assert_eq!(
        (csat.attainment, csat.status, csat.score, csat.weight),
        (Some(0.9), KpiStatus::AtRisk, 90.0, 3.0)
    );
    let staff = kpi_of(s, "certified_staff");
    assert_eq!(
        (staff.attainment, staff.status, staff.score),
        (Some(0.5), KpiStatus::Missed, 50.0)
    );
    let exposure = kpi_of(s, "inventory_exposure");
    assert_eq!(
        (exposure.attainment, exposure.status, exposure.score),
        (None, KpiStatus::Met, 100.0)
    );
    assert_eq!(exposure.side, Side::Vendor);
    // health = (3×90 + 1×50 + 1×100) / (3+1+1) = 420/5 = 84
    approx_some(s.health, (3.0 * 90.0 + 50.0 + 100.0) / 5.0);
}

#[test]
fn non_currency_metrics_stay_out_of_the_totals() {
    let a = |side, metric, value| rec("acme", "2026-Q2", side, metric, value);
    let (ds, book) = score(json!({
        "partners": partners(&["acme"]),
        "metrics": [
            { "key": "coop_funds", "pillar": "investment", "unit": "currency", "better": "higher" },
            { "key": "joint_deals", "pillar": "reward", "unit": "count", "better": "higher" },
            { "key": "mdf", "unit": "count" }
        ],
        "records": [
            a("vendor", "enablement", 100.0),
            a("vendor", "mdf", 5000.0),                // declared a count here
            a("partner", "coop_funds", 25.0),          // declared currency: counts
            a("partner", "certified_staff", 1000.0),   // count
            a("partner", "revenue_dependence", 40.0),  // percent
            a("partner", "pipeline_coverage", 3.0),    // ratio
            a("vendor", "csat", 90.0),                 // percent
            a("vendor", "deal_reg_win_rate", 55.0),    // percent
            a("partner", "joint_deals", 12.0),         // declared count
            a("partner", "services_revenue", 60.0),
        ]
    }));
    let s = card(&ds, &book, "acme", "2026-Q2");
    assert_eq!((s.investment.vendor, s.investment.partner), (100.0, 25.0));
    assert_eq!((s.risk.vendor, s.risk.partner), (0.0, 0.0));
    assert_eq!((s.reward.vendor, s.reward.partner), (0.0, 60.0));
    assert_eq!(s.shares.risk, None);
    approx_some(s.shares.contribution, 25.0 / 125.0);
    // C 100 and 25, reward only the partner's 60: it takes all → red, partner-favoured
    assert_eq!(s.fairness, None);
    assert_eq!(
        (s.band, s.balance),
        (Some(Band::Red), Some(Balance::PartnerFavoured))
    );
    assert_eq!(s.takes_all(), Some(Side::Partner));
}

// ---------------------------------------------------------------- trends

#[test]
fn trends_against_the_previous_quarter_and_a_year_before() {
    let mut records = Vec::new();
    // acme 2025-Q2: c = 0.5, r = 0.5, F = 1
    records.extend(totals(
        "acme",
        "2025-Q2",
        [100.0, 100.0],
        [0.0, 0.0],
        [100.0, 100.0],
    ));
    // acme 2025-Q4: F = (60/40) ÷ (40/60) = 2.25
    records.extend(totals(
        "acme",
        "2025-Q4",
        [60.0, 40.0],
        [0.0, 0.0],
        [40.0, 60.0],
    ));
    // acme 2026-Q1: C 70 each, R 150 each: F = 1; 2025-Q4 is its previous quarter
    records.extend(totals(
        "acme",
        "2026-Q1",
        [50.0, 50.0],
        [20.0, 20.0],
        [150.0, 150.0],
    ));
    // acme 2026-Q2: C 90 each: F = 180/120 = 1.5; fair shift 300 × 0.5 − 180 = −30
    records.extend(totals(
        "acme",
        "2026-Q2",
        [80.0, 80.0],
        [10.0, 10.0],
        [120.0, 180.0],
    ));
    let mut q2 = kpi("partner", "csat", 90.0, 100.0, None);
    q2["period"] = json!("2026-Q2");
    records.push(q2);
    // globex only in 2026-Q2: no earlier scorecards
    records.extend(totals(
        "globex",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1.0, 1.0],
    ));
    let (ds, book) = score_records(&["acme", "globex"], records);

    let now = card(&ds, &book, "acme", "2026-Q2");
    let prev = now.trend.previous.as_ref().expect("2026-Q1 exists");
    assert_eq!(prev.period, Some(q("2026-Q1")));
    // investment vendor 80 − 50 = 30; reward partner 180 − 150 = 30; risk vendor 10 − 20 = −10
    assert_eq!(prev.investment.vendor, Some(80.0 - 50.0));
    assert_eq!(prev.reward.partner, Some(180.0 - 150.0));
    assert_eq!(prev.risk.vendor, Some(10.0 - 20.0));
    // F 1.5 − 1.0; fair shift −30 − 0 (2026-Q1 was balanced)
    approx_some(prev.fairness, 1.5 - 1.0);
    approx_some(
        prev.fair_shift,
        (300.0 * 0.5 - 180.0) - (300.0 * 0.5 - 150.0),
    );
    approx_some(prev.reward_rate.partner, 180.0 / 90.0 - 150.0 / 70.0);
    assert_eq!(prev.get(Figure::FairShift), prev.fair_shift);
    approx_some(prev.shares.reward, 0.6 - 0.5);
    approx_some(prev.shares.contribution, 0.0);
    // ROI vendor: (120−80)/80 − (150−50)/50 = 0.5 − 2 = −1.5
    approx_some(
        prev.roi.vendor,
        (120.0 - 80.0) / 80.0 - (150.0 - 50.0) / 50.0,
    );
    assert_eq!(prev.health, None, "2026-Q1 has no health");
    assert_eq!(prev.get(Figure::Fairness), prev.fairness);
    assert_eq!(prev.get(Figure::InvestmentVendor), Some(30.0));

    let year = now.trend.year_ago.as_ref().expect("2025-Q2 exists");
    assert_eq!(year.period, Some(q("2025-Q2")));
    assert_eq!(year.investment.partner, Some(80.0 - 100.0));
    approx_some(year.fairness, 1.5 - 1.0);
    assert_eq!(year.shares.risk, None, "2025-Q2 had no risk share");

    // 2026-Q1: previous quarter crosses the year (2025-Q4); no 2025-Q1 scorecard.
    let q1 = card(&ds, &book, "acme", "2026-Q1");
    let prev = q1.trend.previous.as_ref().expect("2025-Q4 exists");
    assert_eq!(prev.period, Some(q("2025-Q4")));
    approx_some(prev.fairness, 1.0 - 2.25);
    assert!(q1.trend.year_ago.is_none());

    // 2025-Q4: no 2025-Q3, no 2024-Q4.
    let q4 = card(&ds, &book, "acme", "2025-Q4");
    assert!(q4.trend.previous.is_none() && q4.trend.year_ago.is_none());

    // globex: nothing earlier, even though acme has earlier quarters.
    let g = card(&ds, &book, "globex", "2026-Q2");
    assert!(g.trend.previous.is_none() && g.trend.year_ago.is_none());
}

#[test]
fn score_book_order_and_lookups() {
    let mut records = Vec::new();
    records.extend(totals(
        "globex",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1.0, 1.0],
    ));
    records.extend(totals(
        "acme",
        "2026-Q2",
        [1.0, 1.0],
        [0.0, 0.0],
        [1.0, 1.0],
    ));
    records.extend(totals(
        "acme",
        "2025-Q3",
        [1.0, 1.0],
        [0.0, 0.0],
        [1.0, 1.0],
    ));
    let (ds, book) = score_records(&["acme", "globex"], records);
    let order: Vec<(String, String)> = book
        .scorecards
        .iter()
        .map(|s| (s.partner.clone(), s.period.to_string()))
        .collect();
    assert_eq!(
        order,
        [
            ("acme".into(), "2025-Q3".into()),
            ("acme".into(), "2026-Q2".into()),
            ("globex".into(), "2026-Q2".into())
        ]
    );
    assert_eq!(book.periods, [q("2025-Q3"), q("2026-Q2")]);
    assert_eq!(book.latest(), Some(q("2026-Q2")));
    assert_eq!(book.history(0).count(), 2);
    assert!(book.get(1, q("2025-Q3")).is_none());
    assert_eq!(ds.partner_index("globex"), Some(1));
}

// ---------------------------------------------------------------- portfolio

fn portfolio_data() -> (Dataset, ScoreBook) {
    let mut records = Vec::new();
    // Delta: r = 0.6, c = 0.4 → F = 1.5
    records.extend(totals(
        "d",
        "2026-Q2",
        [60.0, 40.0],
        [0.0, 0.0],
        [40.0, 60.0],
    ));
    // alpha: vendor only → F undefined
    records.push(rec("a", "2026-Q2", "vendor", "mdf", 10.0));
    // Charlie: r = 0.25, c = 0.5 → F = 0.5
    records.extend(totals(
        "c",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [75.0, 25.0],
    ));
    // bravo: r = c = 0.5 → F = 1
    records.extend(totals(
        "b",
        "2026-Q2",
        [50.0, 50.0],
        [0.0, 0.0],
        [50.0, 50.0],
    ));
    // another period, which the 2026-Q2 portfolio leaves out
    records.extend(totals(
        "b",
        "2026-Q1",
        [50.0, 50.0],
        [0.0, 0.0],
        [90.0, 10.0],
    ));
    score(json!({
        "partners": [
            { "id": "d", "name": "Delta", "tier": "Gold" },
            { "id": "a", "name": "alpha" },
            { "id": "c", "name": "Charlie", "tier": "bronze" },
            { "id": "b", "name": "bravo", "tier": "Silver" }
        ],
        "records": records
    }))
}

fn names(p: &Portfolio) -> Vec<String> {
    p.rows.iter().map(|s| s.partner_name.clone()).collect()
}

#[test]
fn portfolio_holds_one_period_in_partner_order() {
    let (_, book) = portfolio_data();
    let p = Portfolio::new(&book, q("2026-Q2"));
    assert_eq!(p.period, q("2026-Q2"));
    assert_eq!(names(&p), ["Delta", "alpha", "Charlie", "bravo"]);
    let p = Portfolio::new(&book, q("2026-Q1"));
    assert_eq!(names(&p), ["bravo"]);
    assert!(Portfolio::new(&book, q("2020-Q1")).rows.is_empty());
}

#[test]
fn portfolio_sorts_by_fairness_with_undefined_last() {
    let (ds, book) = portfolio_data();
    let mut p = Portfolio::new(&book, q("2026-Q2"));
    p.sort(&ds, Column::Figure(Figure::Fairness), false);
    // 0.5, 1.0, 1.5, undefined
    assert_eq!(names(&p), ["Charlie", "bravo", "Delta", "alpha"]);
    p.sort(&ds, Column::Figure(Figure::Fairness), true);
    // 1.5, 1.0, 0.5, undefined still last
    assert_eq!(names(&p), ["Delta", "bravo", "Charlie", "alpha"]);
}

#[test]
fn portfolio_sorts_by_name_and_details() {
    let (ds, book) = portfolio_data();
    let mut p = Portfolio::new(&book, q("2026-Q2"));
    p.sort(&ds, Column::Name, false);
    assert_eq!(
        names(&p),
        ["alpha", "bravo", "Charlie", "Delta"],
        "case does not matter"
    );
    p.sort(&ds, Column::Name, true);
    assert_eq!(names(&p), ["Delta", "Charlie", "bravo", "alpha"]);
    p.sort(&ds, Column::Tier, false);
    // bronze, Gold, Silver; alpha has no tier → last
    assert_eq!(names(&p), ["Charlie", "Delta", "bravo", "alpha"]);
    p.sort(&ds, Column::Tier, true);
    assert_eq!(names(&p), ["bravo", "Delta", "Charlie", "alpha"]);
}

#[test]
fn portfolio_sort_ties_keep_partner_order() {
    let (ds, book) = portfolio_data();
    let mut p = Portfolio::new(&book, q("2026-Q2"));
    // Nobody has health: all undefined, the order stays the partner order.
    p.sort(&ds, Column::Figure(Figure::Health), true);
    assert_eq!(names(&p), ["Delta", "alpha", "Charlie", "bravo"]);
    // Investment vendor: Delta 60, alpha 10, Charlie 50, bravo 50 (tie keeps order).
    p.sort(&ds, Column::Figure(Figure::InvestmentVendor), false);
    assert_eq!(names(&p), ["alpha", "Charlie", "bravo", "Delta"]);
}

#[test]
fn figures_by_key() {
    for f in Figure::ALL {
        assert_eq!(Figure::from_key(f.key()), Some(f));
    }
    assert_eq!(Figure::from_key("fairness"), Some(Figure::Fairness));
    assert_eq!(Figure::from_key("nope"), None);
}

mod views {
    use partner_scorecard::contract::parse_json;
    use partner_scorecard::score::{
        commitments, Column, Facets, Figure, Filter, Portfolio, ScoreBook,
    };

    const DOC: &str = r#"{"schema":"partner-scorecard/v1",
      "partners":[{"id":"a","name":"Acme","tier":"Gold","region":"EMEA","type":"Reseller"},
                  {"id":"b","name":"Beta Corp","tier":"Silver","region":"EMEA","type":"MSP"},
                  {"id":"c","name":"Cobalt","tier":"Gold","region":"NA","type":"MSP"}],
      "records":[
        {"partner":"a","period":"2026-Q2","side":"vendor","metric":"mdf","value":100},
        {"partner":"b","period":"2026-Q2","side":"vendor","metric":"mdf","value":200},
        {"partner":"c","period":"2026-Q2","side":"vendor","metric":"mdf","value":300}],
      "commitments":[
        {"partner":"a","period":"2026-Q1","side":"partner","text":"old open","due":"2026-03-01","status":"open"},
        {"partner":"a","period":"2026-Q1","side":"vendor","text":"old done","status":"done"},
        {"partner":"a","period":"2026-Q2","side":"partner","text":"p now","due":"2026-06-01","status":"open"},
        {"partner":"a","period":"2026-Q2","side":"vendor","text":"v now","due":"2026-06-30","status":"slipped"},
        {"partner":"b","period":"2026-Q2","side":"vendor","text":"other partner","status":"open"}]}"#;

    #[test]
    fn commitments_of_a_period_and_the_open_ones_carried_over() {
        let ds = parse_json(DOC.as_bytes()).unwrap();
        let v = commitments(&ds, "a", "2026-Q2".parse().unwrap());
        let texts: Vec<&str> = v.current.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["v now", "p now"], "vendor side first");
        let carried: Vec<&str> = v.carried_over.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(carried, ["old open"], "done ones are not carried over");
    }

    #[test]
    fn filter_by_facets_and_text() {
        let ds = parse_json(DOC.as_bytes()).unwrap();
        let book = ScoreBook::new(&ds);
        let all = Portfolio::new(&book, "2026-Q2".parse().unwrap());
        let names = |p: &Portfolio| {
            p.rows
                .iter()
                .map(|s| s.partner_name.clone())
                .collect::<Vec<_>>()
        };
        let gold = all.filtered(
            &ds,
            &Filter {
                tier: Some("Gold".into()),
                ..Filter::default()
            },
        );
        assert_eq!(names(&gold), ["Acme", "Cobalt"]);
        let msp_na = all.filtered(
            &ds,
            &Filter {
                kind: Some("MSP".into()),
                region: Some("NA".into()),
                ..Filter::default()
            },
        );
        assert_eq!(names(&msp_na), ["Cobalt"]);
        let text = all.filtered(
            &ds,
            &Filter {
                text: "  BETA ".into(),
                ..Filter::default()
            },
        );
        assert_eq!(names(&text), ["Beta Corp"]);
        let by_id = all.filtered(
            &ds,
            &Filter {
                text: "c".into(),
                ..Filter::default()
            },
        );
        assert_eq!(
            names(&by_id),
            ["Acme", "Beta Corp", "Cobalt"],
            "'c' is in every name or id"
        );
        let mut sorted = all.clone();
        sorted.sort(&ds, Column::Figure(Figure::InvestmentVendor), true);
        assert_eq!(names(&sorted), ["Cobalt", "Beta Corp", "Acme"]);
        let f = Facets::of(&ds);
        assert_eq!(f.tiers, ["Gold", "Silver"]);
        assert_eq!(f.regions, ["EMEA", "NA"]);
        assert_eq!(f.kinds, ["MSP", "Reseller"]);
    }
}
