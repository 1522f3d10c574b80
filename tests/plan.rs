//! The next quarter's plan (`partner-scorecard-plan/v1`): reading it, its
//! figures by hand, the fair split, prefilling from a scorecard, refusals.

use partner_scorecard::contract::{self, Side, Thresholds};
use partner_scorecard::plan::{self, Plan};
use partner_scorecard::score::{Balance, Band, ScoreBook};
use serde_json::{json, Value};

fn doc() -> Value {
    json!({
        "schema": "partner-scorecard-plan/v1",
        "partner": "P-00001",
        "based_on": "2026-Q3",
        "period": "2026-Q4",
        "figures": {
            "vendor": { "investment": 100000, "risk": 50000, "reward": 300000 },
            "partner": { "investment": 80000, "risk": 70000, "reward": 200000 }
        },
        "commitments": [
            { "side": "vendor", "text": "Fund a joint campaign", "owner": "Ana Ruiz", "due": "2026-11-30" },
            { "side": "partner", "text": "Certify two engineers", "carried_from": "2026-Q3" }
        ],
        "agreed": { "vendor": { "name": "Ana Ruiz", "at": "2026-10-02T10:00:00Z" }, "partner": null }
    })
}

fn read(v: &Value) -> Result<Plan, plan::Refusal> {
    plan::parse(v.to_string().as_bytes())
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("undefined, expected {b}"));
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn the_figures_by_hand() {
    let p = read(&doc()).expect("a valid plan");
    let f = p.figures(&Thresholds::default());
    // C 150000 each; reward rates 300000/150000 = 2 and 200000/150000 = 1.33
    assert_eq!(
        (f.contribution.vendor, f.contribution.partner),
        (150000.0, 150000.0)
    );
    close(f.reward_rate.vendor, 2.0);
    close(f.reward_rate.partner, 200000.0 / 150000.0);
    // F = 1.33 / 2 = 0.667: amber (≥ 1/1.6), vendor-favoured
    close(f.fairness, (200000.0 / 150000.0) / 2.0);
    assert_eq!(
        (f.band, f.balance),
        (Some(Band::Amber), Some(Balance::VendorFavoured))
    );
    // half of 500000 is fair: 50000 more to the partner
    close(f.fair_shift, 500000.0 * 0.5 - 200000.0);
    close(f.shares.investment, 80000.0 / 180000.0);
    assert!(!p.agreed_by_both());
    assert_eq!(
        p.agreed.vendor.as_ref().map(|s| s.name.as_str()),
        Some("Ana Ruiz")
    );
}

#[test]
fn the_fair_split_makes_f_one_and_clears_the_agreements() {
    let p = read(&doc()).expect("a valid plan");
    let t = Thresholds::default();
    let fair = p.fair_split(&t);
    assert_eq!(fair.figures.partner.reward, 250000.0);
    assert_eq!(fair.figures.vendor.reward, 250000.0);
    let f = fair.figures(&t);
    close(f.fairness, 1.0);
    close(f.fair_shift, 0.0);
    assert_eq!(f.band, Some(Band::Green));
    assert_eq!(
        fair.agreed,
        Default::default(),
        "a changed plan needs signing again"
    );
}

#[test]
fn commitments_become_open_feed_commitments_of_the_planned_quarter() {
    let p = read(&doc()).expect("a valid plan");
    let records = p.commitment_records();
    assert_eq!(records.len(), 2);
    assert_eq!(
        records[0],
        json!({ "partner": "P-00001", "period": "2026-Q4", "side": "vendor", "text": "Fund a joint campaign",
                "due": "2026-11-30", "status": "open", "owner": "Ana Ruiz" })
    );
    // A feed with them reads them back as commitments.
    let feed = json!({
        "schema": "partner-scorecard/v1", "partners": [{ "id": "P-00001" }], "records": [],
        "commitments": records,
    });
    let ds = contract::parse_json(feed.to_string().as_bytes()).expect("a feed");
    assert!(ds.rejected.is_empty(), "{:?}", ds.rejected);
    assert_eq!(ds.commitments.len(), 2);
    assert_eq!(ds.commitments[1].side, Side::Partner);
}

#[test]
fn a_malformed_plan_is_refused_at_its_first_problem() {
    let cases: [(&str, Value, &str, &str); 7] = [
        (
            "/schema",
            json!("partner-scorecard/v1"),
            "/schema",
            "is not supported",
        ),
        (
            "/period",
            json!("2027-Q1"),
            "/period",
            "the quarter after it",
        ),
        (
            "/based_on",
            json!("2026-3"),
            "/based_on",
            "is not a quarter",
        ),
        (
            "/figures/partner/risk",
            json!(-5),
            "/figures/partner/risk",
            "must be a number",
        ),
        (
            "/commitments/0/due",
            json!("2026-02-30"),
            "/commitments/0/due",
            "not a calendar date",
        ),
        (
            "/commitments/1/side",
            json!("both"),
            "/commitments/1/side",
            "\"both\"",
        ),
        (
            "/agreed/partner",
            json!({ "name": "" }),
            "/agreed/partner/name",
            "missing or empty",
        ),
    ];
    for (pointer, value, location, words) in cases {
        let mut d = doc();
        *d.pointer_mut(pointer).expect(pointer) = value;
        let r = read(&d).expect_err(pointer);
        assert_eq!(r.location, location, "{pointer}: {r}");
        assert!(r.reason.contains(words), "{pointer}: {r}");
    }
    let r = plan::parse(b"{not json").expect_err("not JSON");
    assert!(r.reason.starts_with("the plan is not valid JSON"), "{r}");
}

#[test]
fn a_plan_for_another_partner_or_an_unreviewed_quarter_is_refused() {
    let ds =
        contract::parse_json(partner_scorecard::sample::generate(&Default::default()).as_bytes())
            .expect("sample");
    let book = ScoreBook::new(&ds);
    let ok = read(&doc()).expect("valid");
    assert_eq!(ok.check_against(&ds, &book), Ok(()));
    let mut d = doc();
    d["partner"] = json!("P-99999");
    let r = read(&d)
        .expect("valid")
        .check_against(&ds, &book)
        .expect_err("unknown partner");
    assert_eq!(r.location, "/partner");
    assert!(r.reason.contains("which the data does not have"), "{r}");
    let mut d = doc();
    d["based_on"] = json!("2030-Q1");
    d["period"] = json!("2030-Q2");
    let r = read(&d)
        .expect("valid")
        .check_against(&ds, &book)
        .expect_err("no such quarter");
    assert_eq!(r.location, "/based_on");
}

#[test]
fn prefill_starts_from_the_quarters_totals_and_carries_open_commitments() {
    let ds =
        contract::parse_json(partner_scorecard::sample::generate(&Default::default()).as_bytes())
            .expect("sample");
    let book = ScoreBook::new(&ds);
    let s = book
        .scorecards
        .iter()
        .find(|s| s.partner == "P-00001" && s.period.to_string() == "2026-Q3")
        .expect("P-00001 2026-Q3");
    let open: Vec<_> = ds
        .commitments
        .iter()
        .filter(|c| c.partner == "P-00001" && c.period <= s.period)
        .collect();
    let p = Plan::prefill(s, &open).expect("2026-Q4 exists");
    assert_eq!(p.period.to_string(), "2026-Q4");
    assert_eq!(p.figures.vendor.investment, s.investment.vendor);
    assert_eq!(p.figures.partner.reward, s.reward.partner);
    let carried = open
        .iter()
        .filter(|c| c.status == contract::CommitmentStatus::Open)
        .count();
    assert_eq!(p.commitments.len(), carried);
    // The same figures as the scorecard's own: one formula.
    let f = p.figures(&ds.thresholds);
    assert_eq!((f.fairness, f.fair_shift), (s.fairness, s.fair_shift));
    // And its JSON reads back to the same plan.
    let again = plan::parse(&serde_json::to_vec(&p).expect("JSON")).expect("round trip");
    assert_eq!(again, p);
}

#[test]
fn a_change_after_sign_off_clears_both_agreements() {
    let mut p = read(&doc()).expect("a valid plan");
    assert!(p.agreed.vendor.is_some());
    // Signing is not a change of the plan.
    let cleared = p.edit(|p| {
        *p.sign_off_mut(Side::Partner) = Some(plan::SignOff {
            name: "Kim".into(),
            at: None,
        })
    });
    assert!(!cleared);
    assert!(p.agreed_by_both());
    // Setting a figure to what it is already changes nothing.
    let same = p.figures.vendor.risk;
    assert!(!p.edit(|p| p.planned_mut(Side::Vendor).risk = same));
    assert!(p.agreed_by_both());
    // Any real change does.
    assert!(p.edit(|p| p.commitments[0].text.push('!')));
    assert_eq!(p.agreed, plan::Agreed::default());
    // And with nobody signed there is nothing to clear.
    assert!(!p.edit(|p| p.planned_mut(Side::Partner).reward = 1.0));
}

#[test]
fn amounts_and_commitments_the_format_accepts() {
    use partner_scorecard::contract::Pillar;
    assert!(plan::amount_allowed(Pillar::Reward, -5.0));
    assert!(!plan::amount_allowed(Pillar::Investment, -5.0));
    assert!(!plan::amount_allowed(Pillar::Risk, f64::NAN));
    let mut c = read(&doc()).expect("a valid plan").commitments[0].clone();
    assert!(plan::commitment_allowed(&c));
    c.due = Some("2026-13-01".into());
    assert!(!plan::commitment_allowed(&c));
    c.due = None;
    c.text = "  ".into();
    assert!(!plan::commitment_allowed(&c));
}

#[test]
fn prefill_for_a_partner_of_the_sample() {
    let ds =
        contract::parse_json(partner_scorecard::sample::generate(&Default::default()).as_bytes())
            .expect("sample");
    let book = ScoreBook::new(&ds);
    let i = ds.partner_index("P-00001").expect("P-00001");
    let q: contract::Quarter = "2026-Q3".parse().expect("quarter");
    let p = Plan::prefill_for(&ds, &book, i, q).expect("a plan");
    assert_eq!(p.based_on, q);
    assert!(p.commitments.iter().all(|c| c.carried_from.is_some()));
    assert!(p.check_against(&ds, &book).is_ok());
}
