// The yardstick's scoring: every (partner, quarter) of a dataset from engine.js, with the
// formulas of docs/data-contract.md and issue 10's equity-ratio fairness. Undefined is null.

/** Attainment, status and score of one figure against its target. */
export function attainment(value, target, floor, better) {
  let ratio = null;
  if (better === 'higher' && target > 0) ratio = value / target;
  else if (better === 'lower' && value > 0) ratio = target / value;
  if (ratio !== null && !Number.isFinite(ratio)) ratio = null;
  const met = ratio !== null ? ratio >= 1 : better === 'higher' ? value >= target : value <= target || value <= 0;
  let status = 'met';
  if (!met) {
    const aboveFloor = floor != null ? (better === 'higher' ? value >= floor : value <= floor) : ratio !== null && ratio >= 0.9;
    status = aboveFloor ? 'at-risk' : 'missed';
  }
  const score = met ? 100 : ratio !== null ? 100 * Math.min(Math.max(ratio, 0), 1) : 0;
  return { ratio, status, score };
}

const share = (v, p) => { const s = v + p; return s !== 0 && Number.isFinite(s) ? p / s : null; };
const roi = (inv, rew) => { if (inv === 0) return null; const r = (rew - inv) / inv; return Number.isFinite(r) ? r : null; };
const rate = (r, c) => (c === 0 ? null : r / c);

function band(f, t) {
  if (f >= 1 / t.green && f <= t.green) return 'green';
  if (f >= 1 / t.amber && f <= t.amber) return 'amber';
  return 'red';
}

/** F, band and balance of the equity ratio, with issue 10's edges. */
function fairness(cv, cp, rv, rp, t) {
  if (!(cv > 0 && cp > 0)) return { fairness: null, band: null, balance: null };
  if (rv > 0 && rp > 0) {
    const f = (rp / cp) / (rv / cv);
    if (!Number.isFinite(f)) return { fairness: null, band: null, balance: null };
    const b = band(f, t);
    return { fairness: f, band: b, balance: b === 'green' ? 'balanced' : f > 1 ? 'partner-favoured' : 'vendor-favoured' };
  }
  if (rv > 0 || rp > 0) return { fairness: null, band: 'red', balance: rp > 0 ? 'partner-favoured' : 'vendor-favoured' };
  return { fairness: null, band: null, balance: null };
}

function card(ds, p, q, records) {
  const totals = [[0, 0], [0, 0], [0, 0]];
  const reported = [false, false];
  const kpis = [];
  for (const r of records) {
    const m = r.m;
    reported[r.side] = true;
    if (m.unit === 'currency' && m.pillar < 3) totals[m.pillar][r.side] += r.value;
    if (r.target !== null && m.pillar < 3) {
      const a = attainment(r.value, r.target, r.floor, m.better);
      kpis.push({ order: r.side * 4096 + m.index, metric: m.key, label: m.label, side: r.side === 0 ? 'vendor' : 'partner', value: r.value, target: r.target, floor: r.floor, attainment: a.ratio, status: a.status, score: a.score, weight: m.weight });
    }
  }
  // The engine's order: vendor's first, then by the metric's place in the catalogue.
  kpis.sort((a, b) => a.order - b.order);
  const [[iv, ip], [kv, kp], [rv, rp]] = totals;
  const unreported = !reported[0] ? 'vendor' : !reported[1] ? 'partner' : null;
  const one = unreported !== null;
  const shares = {
    investment: one ? null : share(iv, ip),
    risk: one ? null : share(kv, kp),
    reward: one ? null : share(rv, rp),
    contribution: one ? null : share(iv + kv, ip + kp),
  };
  const cv = iv + kv;
  const cp = ip + kp;
  const f = one ? { fairness: null, band: null, balance: null } : fairness(cv, cp, rv, rp, ds.thresholds);
  const total = rv + rp;
  const weight = kpis.reduce((s, k) => s + k.weight, 0);
  const health = weight > 0 ? kpis.reduce((s, k) => s + k.score * k.weight, 0) / weight : null;
  return {
    p, q, partner: ds.partners[p].id, partner_name: ds.partners[p].name,
    investment: { vendor: iv, partner: ip }, risk: { vendor: kv, partner: kp }, reward: { vendor: rv, partner: rp },
    shares, ...f,
    reward_rate: { vendor: one ? null : rate(rv, cv), partner: one ? null : rate(rp, cp) },
    fair_shift: shares.contribution !== null && total > 0 ? total * shares.contribution - rp : null,
    roi: { vendor: roi(iv, rv), partner: roi(ip, rp) },
    health: Number.isFinite(health) ? health : null,
    kpis, unreported,
  };
}

// The figures a change is given for, read from a scorecard.
const FIGURES = {
  'investment.vendor': (s) => s.investment.vendor, 'investment.partner': (s) => s.investment.partner,
  'risk.vendor': (s) => s.risk.vendor, 'risk.partner': (s) => s.risk.partner,
  'reward.vendor': (s) => s.reward.vendor, 'reward.partner': (s) => s.reward.partner,
  'share.investment': (s) => s.shares.investment, 'share.risk': (s) => s.shares.risk,
  'share.reward': (s) => s.shares.reward, 'share.contribution': (s) => s.shares.contribution,
  fairness: (s) => s.fairness, fair_shift: (s) => s.fair_shift,
  'roi.vendor': (s) => s.roi.vendor, 'roi.partner': (s) => s.roi.partner, health: (s) => s.health,
};

function changes(now, then) {
  if (!then) return null;
  const out = {};
  for (const [k, get] of Object.entries(FIGURES)) {
    const a = get(now);
    const b = get(then);
    out[k] = a !== null && b !== null ? a - b : null;
  }
  return out;
}

/**
 * Every scorecard of the dataset: `get(p, q)`, `periods` (sorted quarter numbers),
 * `history(p)` and `portfolio(q)` (the quarter's scorecards in partner order).
 */
export function score(ds) {
  const groups = new Map();
  for (const r of ds.records) {
    const key = r.p * 40000 + r.q;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const cards = new Map();
  const periods = new Set();
  for (const [key, records] of groups) {
    const p = Math.floor(key / 40000);
    const q = key % 40000;
    cards.set(key, card(ds, p, q, records));
    periods.add(q);
  }
  for (const s of cards.values()) {
    s.previous = changes(s, cards.get(s.p * 40000 + s.q - 1));
    s.yearAgo = changes(s, cards.get(s.p * 40000 + s.q - 4));
  }
  const sorted = [...periods].sort((a, b) => a - b);
  return {
    periods: sorted,
    latest: sorted.length ? sorted[sorted.length - 1] : null,
    get: (p, q) => cards.get(p * 40000 + q) ?? null,
    history: (p) => sorted.map((q) => cards.get(p * 40000 + q)).filter(Boolean),
    portfolio: (q) => ds.partners.map((_, p) => cards.get(p * 40000 + q)).filter(Boolean),
  };
}
