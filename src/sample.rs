//! Deterministic sample data: a realistic `partner-scorecard/v1` feed of the
//! vendor Northwind Systems and N channel partners over Q quarters ending 2026-Q3,
//! as JSON (`generate`) or CSV (`generate_csv`). The same options give the same
//! bytes on every platform: the generator has its own splitmix64 and uses only
//! IEEE-exact arithmetic (+ − × ÷, rounding), no libm functions.

use crate::contract::Quarter;
use serde::{Serialize, Serializer};
use std::fmt::Write as _;
use std::io::{self, Write};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleOptions {
    pub partners: usize,
    pub quarters: usize,
    pub seed: u64,
}

impl SampleOptions {
    pub fn new(partners: usize, quarters: usize, seed: u64) -> SampleOptions {
        SampleOptions {
            partners,
            quarters,
            seed,
        }
    }
}

/// 12 partners, 8 quarters, seed 7: the demo data.
impl Default for SampleOptions {
    fn default() -> Self {
        SampleOptions::new(12, 8, 7)
    }
}

/// The newest quarter of every sample.
pub const LAST_QUARTER: (u16, u8) = (2026, 3);

/// A `partner-scorecard/v1` JSON document.
pub fn generate(opts: &SampleOptions) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and the output is ASCII.
    let _ = write_json(opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The same records in the CSV form (no commitments: CSV has none).
pub fn generate_csv(opts: &SampleOptions) -> String {
    let mut out = Vec::new();
    let _ = write_csv(opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Streams the JSON document: one partner, commitment or record a line.
pub fn write_json<W: Write>(opts: &SampleOptions, out: W) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    let g = Generator::new(opts);
    let n = g.profiles.len();
    w.write_all(JSON_HEAD.as_bytes())?;
    lines(&mut w, &g.profiles, b"\n],\n\"commitments\": [")?;
    lines(
        &mut w,
        (0..n).flat_map(|i| g.commitments(i)),
        b"\n],\n\"records\": [",
    )?;
    lines(&mut w, (0..n).flat_map(|i| g.records(i)), b"\n]\n}\n")?;
    w.flush()
}

/// Everything before the partners: the relabelled `mdf` must match `MDF_LABEL`.
const JSON_HEAD: &str = r#"{
"schema": "partner-scorecard/v1",
"vendor": {"id": "northwind", "name": "Northwind Systems"},
"currency": "USD",
"thresholds": {"fairness_green": 1.25, "fairness_amber": 1.6},
"metrics": [
{"key": "joint_events", "label": "Joint events", "pillar": "investment", "unit": "count", "better": "higher"},
{"key": "mdf", "label": "MDF (market development funds)"}
],
"partners": ["#;

/// Writes `items` one a line, separated by commas, then `after`.
fn lines<T: Serialize>(
    w: &mut impl Write,
    items: impl IntoIterator<Item = T>,
    after: &[u8],
) -> io::Result<()> {
    let mut separator: &[u8] = b"\n";
    for item in items {
        w.write_all(separator)?;
        serde_json::to_writer(&mut *w, &item)?;
        separator = b",\n";
    }
    w.write_all(after)
}

/// Streams the CSV form. Partner details are on each partner's first line; the
/// declared metric's pillar, unit and better (and the relabelling) on its lines.
pub fn write_csv<W: Write>(opts: &SampleOptions, out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(io::BufWriter::with_capacity(1 << 16, out));
    w.write_record(CSV_HEADER)?;
    let g = Generator::new(opts);
    for (i, p) in g.profiles.iter().enumerate() {
        for (n, r) in g.records(i).iter().enumerate() {
            let [value, target, floor] = [Some(&r.value), r.target.as_ref(), r.floor.as_ref()]
                .map(|v| v.map_or(String::new(), |v| v.0.to_string()));
            let details = match n {
                0 => [p.name.as_str(), p.tier, p.region, p.kind],
                _ => [""; 4],
            };
            let declare = match r.metric {
                "joint_events" => ["investment", "count", "higher", "Joint events"],
                "mdf" => ["", "", "", MDF_LABEL],
                _ => [""; 4],
            };
            let head = [
                r.partner, r.period, r.side, r.metric, &value, &target, &floor,
            ];
            w.write_record(head.into_iter().chain(details).chain(declare))?;
        }
    }
    w.flush()
}

/// The columns of `write_csv`.
#[rustfmt::skip]
pub const CSV_HEADER: [&str; 15] = [
    "partner", "period", "side", "metric", "value", "target", "floor", "partner_name", "tier", "region",
    "type", "pillar", "unit", "better", "label",
];

/// The built-in alignment statements every side is asked to rate (1–5).
const STATEMENTS: [&str; 6] = [
    "shared_vision",
    "shared_values",
    "information_sharing",
    "joint_planning",
    "ease_of_business",
    "trust",
];

/// Quarters with ratings, newest last: enough for a change against a year ago.
const RATED: usize = 5;

/// The relabelled built-in metric.
const MDF_LABEL: &str = "MDF (market development funds)";

#[rustfmt::skip]
const FIRST: [&str; 64] = [
    "Alder", "Apex", "Azure", "Beacon", "Birch", "Bluewater", "Bright", "Cardinal", "Cedar", "Clearpath",
    "Cobalt", "Coastal", "Copper", "Crescent", "Crown", "Delta", "Eagle", "Ember", "Evergreen", "Falcon",
    "Fjord", "Granite", "Harbor", "Highland", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeside",
    "Lantern", "Linden", "Maple", "Meridian", "Metro", "Nimbus", "Oakridge", "Orbit", "Pacific", "Pinnacle",
    "Polar", "Prairie", "Quartz", "Redwood", "Ridgeline", "Riverbend", "Sable", "Sapphire", "Sierra",
    "Silverline", "Skyline", "Solstice", "Spruce", "Starling", "Stonegate", "Summit", "Tandem", "Terra",
    "Tidewater", "Titan", "Trident", "Vantage", "Vertex", "Willow", "Zenith",
];
#[rustfmt::skip]
const SECOND: [&str; 48] = [
    "Analytics", "Cloud", "Computing", "Connect", "Consulting", "Data", "Digital", "Dynamics", "Edge",
    "Engineering", "Infotech", "Integration", "Logic", "Networks", "Partners", "Solutions", "Systems",
    "Technologies", "Telecom", "IT", "Labs", "Security", "Software", "Services", "Works", "Link", "Matrix",
    "Cyber", "Grid", "Stack", "Bridge", "Forge", "Point", "Wave", "Source", "Core", "Signal", "Vision",
    "Sphere", "Path", "Byte", "Circuit", "Fusion", "Logistics", "Office", "Access", "Secure", "Ops",
];
/// Legal forms, each with the region it suggests.
#[rustfmt::skip]
const FORMS: [(&str, &str); 16] = [
    ("Ltd", "EMEA"), ("GmbH", "EMEA"), ("AG", "EMEA"), ("B.V.", "EMEA"), ("SAS", "EMEA"), ("AB", "EMEA"),
    ("Inc.", "NA"), ("LLC", "NA"), ("Corp.", "NA"), ("Co.", "NA"), ("LP", "NA"), ("Pty Ltd", "APAC"),
    ("Pte. Ltd.", "APAC"), ("K.K.", "APAC"), ("Ltda.", "LATAM"), ("S.A. de C.V.", "LATAM"),
];
/// Distinct names before a number is appended.
const NAMES: u64 = 64 * 48 * 16;

#[rustfmt::skip]
const PROMISES: [[&str; 7]; 2] = [[
    "Approve deal registrations within two business days", "Fund a joint demand-generation campaign",
    "Deliver two enablement workshops", "Assign a named channel account manager",
    "Ship a demo kit for the customer lab", "Pay out last quarter's rebates on time", "Co-fund a customer event",
], [
    "Certify two more engineers", "Host a joint customer event", "Build 3x pipeline coverage for next quarter",
    "Submit the quarterly forecast by week six", "Launch a managed-service offer on the platform",
    "Register every net-new opportunity", "Publish two customer references",
]];

/// How a metric's value is drawn.
#[derive(Clone, Copy)]
enum Draw {
    /// A share of one of the six pots (`POT_*`), weighted by partner type
    /// (`KINDS` order); weight 0 means that type does not report it.
    Money(usize, [f64; 4]),
    /// A whole number: one per this much quarterly business, at most the second.
    Count(f64, f64),
    /// Percent or ratio (one decimal) in a range, with the programme's target and floor.
    Fixed(f64, f64, f64, Option<f64>),
}
use Draw::{Count, Fixed, Money};

const POT_VI: usize = 0; // vendor investment, risk, reward; then the partner's
const POT_VR: usize = 1;
const POT_VW: usize = 2;
const POT_PI: usize = 3;
const POT_PR: usize = 4;
const POT_PW: usize = 5;
const KINDS: [&str; 4] = ["Reseller", "Distributor", "Systems integrator", "MSP"];

/// Every figure of a partner-quarter: (side, metric, draw, chance it is not
/// reported, may have a target).
#[rustfmt::skip]
const METRICS: [(&str, &str, Draw, f64, bool); 26] = [
    ("vendor", "mdf", Money(POT_VI, [0.35; 4]), 0.0, true),
    ("vendor", "rebates_paid", Money(POT_VI, [0.3, 0.4, 0.2, 0.25]), 0.0, false),
    ("vendor", "enablement", Money(POT_VI, [0.15; 4]), 0.0, false),
    ("vendor", "channel_staff", Money(POT_VI, [0.2; 4]), 0.0, false),
    ("vendor", "receivables_exposure", Money(POT_VR, [0.5, 0.6, 0.45, 0.4]), 0.0, false),
    ("vendor", "committed_spend", Money(POT_VR, [0.25; 4]), 0.0, false),
    ("vendor", "deal_conflict_loss", Money(POT_VR, [0.25; 4]), 0.15, true),
    ("vendor", "revenue_dependence", Fixed(0.3, 6.0, 0.0, None), 0.0, false),
    ("vendor", "pipeline_coverage", Fixed(1.4, 4.6, 3.0, Some(2.0)), 0.0, true),
    ("vendor", "partner_sourced_revenue", Money(POT_VW, [0.7; 4]), 0.0, true),
    ("vendor", "influenced_margin", Money(POT_VW, [0.3; 4]), 0.0, false),
    ("vendor", "csat", Fixed(72.0, 96.0, 85.0, Some(75.0)), 0.0, true),
    ("partner", "partner_marketing", Money(POT_PI, [0.35; 4]), 0.0, false),
    ("partner", "presales", Money(POT_PI, [0.4; 4]), 0.0, false),
    ("partner", "practice_build", Money(POT_PI, [0.25, 0.0, 0.35, 0.3]), 0.0, false),
    ("partner", "certified_staff", Count(150_000.0, 400.0), 0.0, true),
    ("partner", "joint_events", Count(400_000.0, 12.0), 0.0, true),
    ("partner", "inventory_exposure", Money(POT_PR, [0.35, 0.55, 0.12, 0.0]), 0.0, false),
    ("partner", "receivables_exposure", Money(POT_PR, [0.3; 4]), 0.0, false),
    ("partner", "committed_spend", Money(POT_PR, [0.25; 4]), 0.0, false),
    ("partner", "deal_conflict_loss", Money(POT_PR, [0.15; 4]), 0.2, false),
    ("partner", "revenue_dependence", Fixed(18.0, 72.0, 45.0, Some(60.0)), 0.0, true),
    ("partner", "resale_margin", Money(POT_PW, [0.5; 4]), 0.0, true),
    ("partner", "services_revenue", Money(POT_PW, [0.3, 0.0, 0.5, 0.4]), 0.0, true),
    ("partner", "rebates_earned", Money(POT_PW, [0.2; 4]), 0.0, false),
    ("partner", "deal_reg_win_rate", Fixed(35.0, 82.0, 60.0, Some(45.0)), 0.0, true),
];

/// splitmix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    /// An independent stream per partner and purpose, so partner 3 is the same
    /// whether 12 or 10,000 partners are generated.
    fn new(seed: u64, partner: usize, stream: u64) -> Rng {
        let mut r =
            Rng(seed ^ (partner as u64).wrapping_mul(0xA076_1D64_78BD_642F) ^ (stream << 56));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Everything about a partner that holds across quarters; serialized as
/// its entry in `partners`.
#[derive(Serialize)]
struct Profile {
    id: String,
    name: String,
    tier: &'static str,
    region: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    /// Index of `kind` in `KINDS`.
    #[serde(skip)]
    k: usize,
    /// Quarterly business through the vendor in the first quarter, USD.
    #[serde(skip)]
    scale: f64,
    #[serde(skip)]
    growth: f64,
    /// The equity ratio (partner's reward rate ÷ vendor's) around which it drifts.
    #[serde(skip)]
    fairness: f64,
    /// The partner's share of the contribution (investment + risk).
    #[serde(skip)]
    share: f64,
    /// The first quarter with records: some partners join later.
    #[serde(skip)]
    start: usize,
    /// The partner side has not reported the newest quarter yet.
    #[serde(skip)]
    lagging: bool,
    /// Which `METRICS` have a target in this partner's plan.
    #[serde(skip)]
    planned: [bool; 26],
}

fn profile(seed: u64, i: usize, quarters: usize) -> Profile {
    let mut rng = Rng::new(seed, i, 0);
    let k = ((i as u64 % NAMES) * 30_011 + seed % NAMES) % NAMES; // 30011 is coprime to NAMES
    let (form, region) = FORMS[(k / 3072) as usize];
    let mut name = format!(
        "{} {} {form}",
        FIRST[(k % 64) as usize],
        SECOND[(k / 64 % 48) as usize]
    );
    if i as u64 >= NAMES {
        let _ = write!(name, " {}", i as u64 / NAMES + 1);
    }
    let (tier, lo, hi, plan) = match rng.unit() {
        u if u < 0.08 => ("Platinum", 2_000_000.0, 6_000_000.0, 0.75),
        u if u < 0.3 => ("Gold", 600_000.0, 2_000_000.0, 0.75),
        u if u < 0.65 => ("Silver", 150_000.0, 600_000.0, 0.5),
        _ => ("Registered", 40_000.0, 150_000.0, 0.25),
    };
    let k = match rng.unit() {
        u if lo >= 600_000.0 && u < 0.25 => 1,
        u if u < 0.45 => 0,
        u if u < 0.72 => 2,
        _ => 3,
    };
    let x = rng.unit();
    let growth = rng.range(-0.015, 0.05) + if tier == "Registered" { 0.02 } else { 0.0 };
    // Five in nine partnerships balanced, two lopsided each way: any nine
    // consecutive partners have every kind.
    let fairness = match (i as u64 % 9 * 7 + seed) % 9 {
        0..=4 => rng.range(0.9, 1.12),
        5 | 6 => rng.range(1.3, 2.0),
        _ => rng.range(0.5, 0.8),
    };
    let share = rng.range(0.38, 0.6);
    let start = match quarters >= 4 && rng.chance(0.06) {
        true => 1 + rng.below(quarters / 2),
        false => 0,
    };
    let lagging = start + 1 < quarters && rng.chance(0.05);
    let planned = METRICS.map(|m| m.4 && rng.chance(plan));
    let id = format!("P-{:05}", i + 1);
    let scale = lo + (hi - lo) * x * x;
    Profile {
        id,
        name,
        tier,
        region,
        kind: KINDS[k],
        k,
        scale,
        growth,
        fairness,
        share,
        start,
        lagging,
        planned,
    }
}

#[derive(Serialize)]
struct Rec<'a> {
    partner: &'a str,
    period: &'a str,
    side: &'static str,
    metric: &'static str,
    value: Num,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    floor: Option<Num>,
}

#[derive(Serialize)]
struct Promise<'a> {
    partner: &'a str,
    period: &'a str,
    side: &'static str,
    text: &'static str,
    due: String,
    status: &'static str,
}

struct Generator {
    seed: u64,
    quarters: Vec<Quarter>,
    periods: Vec<String>,
    profiles: Vec<Profile>,
}

impl Generator {
    fn new(opts: &SampleOptions) -> Generator {
        let mut quarters = Vec::with_capacity(opts.quarters.min(4096));
        let mut q = Quarter::new(LAST_QUARTER.0, LAST_QUARTER.1);
        while let (Some(this), true) = (q, quarters.len() < opts.quarters) {
            quarters.push(this);
            q = this.previous();
        }
        quarters.reverse();
        let periods = quarters.iter().map(|q| q.to_string()).collect();
        let profiles = (0..opts.partners)
            .map(|i| profile(opts.seed, i, quarters.len()))
            .collect();
        Generator {
            seed: opts.seed,
            quarters,
            periods,
            profiles,
        }
    }

    /// Every record of partner `i`, oldest quarter first, vendor side first.
    fn records(&self, i: usize) -> Vec<Rec<'_>> {
        let p = &self.profiles[i];
        let mut rng = Rng::new(self.seed, i, 1);
        let mut out = Vec::with_capacity(METRICS.len() * self.quarters.len());
        let (mut level, mut drift) = (p.scale, 1.0);
        for t in p.start..self.quarters.len() {
            if t > p.start {
                level *= 1.0 + p.growth + rng.range(-0.02, 0.02);
            }
            drift = (drift * (1.0 + rng.range(-0.06, 0.06))).clamp(0.85, 1.18);
            let season = [0.9, 1.0, 1.0, 1.12][(self.quarters[t].number() - 1) as usize];
            let s = level * season * rng.range(0.95, 1.05);
            // Contribution (investment + risk) and reward, split between the sides.
            let c = (p.share + rng.range(-0.03, 0.03)).clamp(0.2, 0.8);
            let (contribution, reward) = (s * rng.range(0.22, 0.28), s * rng.range(0.3, 0.36));
            let (vc, pc) = (contribution * (1.0 - c), contribution * c);
            let (vi, pi) = (vc * rng.range(0.55, 0.7), pc * rng.range(0.5, 0.65));
            // The reward share that gives this equity ratio F at contribution share c:
            // r/c ÷ (1−r)/(1−c) = F  ⇔  r = F·c / (F·c + 1 − c).
            let f = p.fairness * drift;
            let r = (f * c / (f * c + (1.0 - c))).clamp(0.05, 0.95);
            let pots = [vi, vc - vi, reward * (1.0 - r), pi, pc - pi, reward * r];
            let mut weights = [0.0; METRICS.len()];
            let mut sums = [0.0; 6];
            for (w, m) in weights.iter_mut().zip(&METRICS) {
                if let Money(pot, by_kind) = m.2 {
                    *w = by_kind[p.k] * rng.range(0.85, 1.15);
                    sums[pot] += *w;
                }
            }
            let silent = p.lagging && t + 1 == self.quarters.len();
            for (j, &(side, metric, draw, skip, _)) in METRICS.iter().enumerate() {
                let planned = p.planned[j] && !rng.chance(0.1);
                if (silent && side == "partner") || rng.chance(skip) {
                    continue;
                }
                let value = match draw {
                    Money(_, _) if weights[j] == 0.0 => continue,
                    Money(pot, _) => (pots[pot] * weights[j] / sums[pot]).round(),
                    Count(per, max) => (s / per * rng.range(0.6, 1.4)).round().min(max),
                    Fixed(lo, hi, ..) => (rng.range(lo, hi) * 10.0).round() / 10.0,
                };
                let goal = match draw {
                    _ if !planned => None,
                    Money(pot, _) => Some(target(&mut rng, value, pot % 3 == 1, thousands)),
                    Count(..) => Some(target(&mut rng, value.max(1.0), false, |x| {
                        x.round().max(1.0)
                    })),
                    Fixed(_, _, aim, floor) => Some((aim, floor)),
                };
                let (target, floor) =
                    goal.map_or((None, None), |(t, f)| (Some(Num(t)), f.map(Num)));
                let (partner, period, value) =
                    (p.id.as_str(), self.periods[t].as_str(), Num(value));
                out.push(Rec {
                    partner,
                    period,
                    side,
                    metric,
                    value,
                    target,
                    floor,
                });
            }
        }
        out.extend(self.ratings(i));
        out
    }

    /// How each side rates the alignment statements in the last `RATED`
    /// quarters (the survey started then): a level per side, a lean per
    /// statement, and for lopsided partnerships a sore point the partner rates
    /// far lower. Some statements go unrated by one side.
    fn ratings(&self, i: usize) -> Vec<Rec<'_>> {
        let p = &self.profiles[i];
        let mut rng = Rng::new(self.seed, i, 3);
        let lopsided = !(0.9..=1.12).contains(&p.fairness);
        let level = [rng.range(2.8, 4.4), rng.range(2.4, 4.2)];
        let lean = STATEMENTS.map(|_| [rng.range(-0.7, 0.7), rng.range(-0.7, 0.7)]);
        let sore = (lopsided || rng.chance(0.3)).then(|| rng.below(STATEMENTS.len()));
        let first = self.quarters.len().saturating_sub(RATED).max(p.start);
        let mut out = Vec::new();
        for t in first..self.quarters.len() {
            let silent = p.lagging && t + 1 == self.quarters.len();
            for (j, &metric) in STATEMENTS.iter().enumerate() {
                for (k, side) in ["vendor", "partner"].into_iter().enumerate() {
                    let skip = [0.04, 0.1][k];
                    if (silent && k == 1) || rng.chance(skip) {
                        continue;
                    }
                    let mut x = level[k] + lean[j][k] + rng.range(-0.5, 0.5);
                    if sore == Some(j) {
                        x += [0.6, -2.2][k];
                    }
                    let value = Num(x.round().clamp(1.0, 5.0));
                    out.push(Rec {
                        partner: p.id.as_str(),
                        period: self.periods[t].as_str(),
                        side,
                        metric,
                        value,
                        target: None,
                        floor: None,
                    });
                }
            }
        }
        out
    }

    /// Promises of partner `i`: earlier ones done or slipped, the newest quarter's mostly open.
    fn commitments(&self, i: usize) -> Vec<Promise<'_>> {
        let p = &self.profiles[i];
        let mut rng = Rng::new(self.seed, i, 2);
        let mut out = Vec::new();
        for (t, q) in self.quarters.iter().enumerate().skip(p.start) {
            for _ in 0..[0, 1, 1, 2][rng.below(4)] {
                let side = rng.below(2);
                let text = PROMISES[side][rng.below(7)];
                let status = match (t + 1 == self.quarters.len(), rng.unit()) {
                    (true, u) if u < 0.65 => "open",
                    (true, u) if u < 0.9 => "done",
                    (false, u) if u < 0.72 => "done",
                    _ => "slipped",
                };
                let month = (q.number() as usize - 1) * 3 + 1 + rng.below(3);
                let due = format!("{:04}-{:02}-{:02}", q.year(), month, 1 + rng.below(28));
                let (partner, period, side) = (
                    p.id.as_str(),
                    self.periods[t].as_str(),
                    ["vendor", "partner"][side],
                );
                out.push(Promise {
                    partner,
                    period,
                    side,
                    text,
                    due,
                    status,
                });
            }
        }
        out
    }
}

/// A target from an attainment draw (about 60% met, 25% at risk, 15% missed),
/// with a floor half of the time.
fn target(rng: &mut Rng, value: f64, lower: bool, round: fn(f64) -> f64) -> (f64, Option<f64>) {
    let a = match rng.unit() {
        u if u < 0.6 => rng.range(1.0, 1.2),
        u if u < 0.85 => rng.range(0.9, 1.0),
        _ => rng.range(0.6, 0.9),
    };
    let target = round(if lower { value * a } else { value / a });
    let floor = rng
        .chance(0.5)
        .then(|| round(if lower { target * 1.25 } else { target * 0.8 }));
    (target, floor)
}

/// Money targets are planned in thousands above 20,000.
fn thousands(x: f64) -> f64 {
    match x >= 20_000.0 {
        true => (x / 1000.0).round() * 1000.0,
        false => x.round(),
    }
}

/// A whole number is written without a fraction.
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            true => s.serialize_i64(self.0 as i64),
            false => s.serialize_f64(self.0),
        }
    }
}
