// The yardstick's data layer: what a portal developer would hand-write in plain JS to read a
// partner-scorecard/v1 feed (JSON or CSV), drop bad records and score every partner and
// quarter with the formulas of docs/data-contract.md. Fairness is the equity ratio of issue 10:
// F = (R_partner / C_partner) / (R_vendor / C_vendor), C = investment + risk.
// No DOM here, so the smoke test can run it in Node against the native engine.

const PILLARS = ['investment', 'risk', 'reward'];
const SIDES = ['vendor', 'partner'];

// The built-in metrics: [key, label, pillar, unit, better, allow_negative].
const CATALOGUE = [
  ['mdf', 'Market development funds', 0, 'currency', 'higher', false],
  ['rebates_paid', 'Rebates paid', 0, 'currency', 'higher', false],
  ['enablement', 'Enablement and training', 0, 'currency', 'higher', false],
  ['channel_staff', 'Channel staff cost', 0, 'currency', 'higher', false],
  ['partner_marketing', 'Partner marketing spend', 0, 'currency', 'higher', false],
  ['certified_staff', 'Certified staff', 0, 'count', 'higher', false],
  ['presales', 'Presales effort', 0, 'currency', 'higher', false],
  ['practice_build', 'Practice build-out', 0, 'currency', 'higher', false],
  ['inventory_exposure', 'Inventory exposure', 1, 'currency', 'lower', false],
  ['receivables_exposure', 'Receivables exposure', 1, 'currency', 'lower', false],
  ['committed_spend', 'Committed spend', 1, 'currency', 'lower', false],
  ['deal_conflict_loss', 'Deal-conflict loss', 1, 'currency', 'lower', false],
  ['revenue_dependence', 'Revenue dependence', 1, 'percent', 'lower', false],
  ['pipeline_coverage', 'Pipeline coverage', 1, 'ratio', 'higher', false],
  ['partner_sourced_margin', 'Partner-sourced margin', 2, 'currency', 'higher', true],
  ['influenced_margin', 'Influenced margin', 2, 'currency', 'higher', true],
  ['resale_margin', 'Resale margin', 2, 'currency', 'higher', true],
  ['rebates_earned', 'Rebates earned', 2, 'currency', 'higher', false],
  ['services_revenue', 'Services revenue', 2, 'currency', 'higher', false],
  ['partner_sourced_revenue', 'Partner-sourced revenue', 2, 'currency', 'higher', false],
  ['deal_reg_win_rate', 'Deal-registration win rate', 2, 'percent', 'higher', false],
  ['csat', 'Customer satisfaction', 2, 'percent', 'higher', false],
  // The built-in alignment statements, rated 1 to 5 by each side.
  ['shared_vision', 'We share a vision for this partnership', 3, 'rating', 'higher', false],
  ['shared_values', 'We share the same values', 3, 'rating', 'higher', false],
  ['information_sharing', 'We share information openly', 3, 'rating', 'higher', false],
  ['joint_planning', 'We plan together', 3, 'rating', 'higher', false],
  ['ease_of_business', 'We are easy to do business with', 3, 'rating', 'higher', false],
  ['trust', 'We trust each other', 3, 'rating', 'higher', false],
];
// Ratings (issue 10's alignment pillar) are read but never enter totals, fairness or health.
const PILLAR_INDEX = { investment: 0, risk: 1, reward: 2, alignment: 3 };
const UNITS = new Set(['currency', 'count', 'percent', 'ratio', 'rating']);
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3" → 8105 (year × 4 + quarter − 1), or -1. */
export function quarterNumber(text) {
  const m = typeof text === 'string' ? QUARTER.exec(text) : null;
  if (!m || m[1] < '1000') return -1;
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}
export const quarterText = (n) => `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const text = (v) => (typeof v === 'string' && v.trim() !== '' ? v : null);

function newDataset() {
  const metrics = new Map();
  for (const [key, label, pillar, unit, better, allowNegative] of CATALOGUE) {
    const scale = unit === 'rating' ? 5 : null;
    metrics.set(key, { key, label, pillar, unit, better, allowNegative, weight: 1, index: metrics.size, scale });
  }
  return {
    vendor: null, currency: 'USD', partners: [], partnerIndex: new Map(), metrics,
    thresholds: { green: 1.25, amber: 1.6 }, records: [], commitments: [], rejected: [], input: 0,
  };
}

/** Declares or changes a metric; returns a reason when the declaration is refused. */
function declare(ds, d) {
  const key = text(d.key);
  if (!key) return 'key is missing or empty';
  const old = ds.metrics.get(key);
  const pillar = d.pillar == null ? old?.pillar : PILLAR_INDEX[d.pillar];
  const unit = d.unit == null ? old?.unit : d.unit;
  const better = d.better == null ? old?.better : d.better;
  if (pillar === undefined) return `pillar of "${key}" is missing or not investment, risk or reward`;
  if (!UNITS.has(unit)) return `unit of "${key}" is missing or unknown`;
  if (better !== 'higher' && better !== 'lower') return `better of "${key}" is missing or unknown`;
  const weight = d.weight == null ? 1 : Number(d.weight);
  if (!(weight >= 0)) return 'weight must be a number of 0 or more';
  const allowNegative = d.allow_negative == null ? (old?.allowNegative ?? false) : d.allow_negative;
  if (typeof allowNegative !== 'boolean') return 'allow_negative must be true or false';
  ds.metrics.set(key, {
    key, label: text(d.label) ?? old?.label ?? key, pillar, unit, better, allowNegative, weight,
    index: old ? old.index : ds.metrics.size, scale: Number(d.scale) || old?.scale || 5,
  });
  return null;
}

function addPartner(ds, p) {
  ds.partnerIndex.set(p.id, ds.partners.length);
  ds.partners.push(p);
}

/** Checks one record; accepted ones go to ds.records, others to ds.rejected. */
function addRecord(ds, r, where, seen) {
  const problems = [];
  const p = ds.partnerIndex.get(r.partner);
  if (p === undefined) problems.push(`unknown partner ${JSON.stringify(r.partner)}`);
  const q = quarterNumber(r.period);
  if (q < 0) problems.push(`period ${JSON.stringify(r.period)} is not a quarter like "2026-Q3"`);
  const side = SIDES.indexOf(r.side);
  if (side < 0) problems.push(`side ${JSON.stringify(r.side)} is not one of "vendor", "partner"`);
  const m = ds.metrics.get(r.metric);
  if (!m) problems.push(`unknown metric ${JSON.stringify(r.metric)}`);
  if (!isNum(r.value)) problems.push('value must be a finite number');
  else if (m && m.unit === 'currency' && r.value < 0 && !m.allowNegative) problems.push(`value ${r.value} is negative`);
  else if (m && m.unit === 'rating' && !(Number.isInteger(r.value) && r.value >= 1 && r.value <= m.scale)) problems.push(`rating ${r.value} is not 1 to ${m.scale}`);
  if (r.target != null && !isNum(r.target)) problems.push('target must be a finite number');
  if (r.floor != null && !isNum(r.floor)) problems.push('floor must be a finite number');
  if (problems.length === 0) {
    const key = ((p * 40000 + q) * 2 + side) * 4096 + m.index;
    if (seen.has(key)) problems.push('duplicate of an earlier record; only the first is kept');
    else seen.add(key);
  }
  if (problems.length) {
    ds.rejected.push({ location: where, reason: problems.join('; ') });
    return;
  }
  ds.records.push({ p, q, side, m, value: r.value, target: r.target ?? null, floor: r.floor ?? null });
}

export function parseJson(textIn) {
  let doc;
  try {
    doc = JSON.parse(textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn);
  } catch (e) {
    throw new Error(`the data is not valid JSON: ${e.message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('the data must be a JSON object with "schema" and "records"');
  if (doc.schema !== 'partner-scorecard/v1') throw new Error(`schema ${JSON.stringify(doc.schema ?? null)} is not supported: this page reads "partner-scorecard/v1"`);
  if (!Array.isArray(doc.records)) throw new Error('the document has no "records" array');
  const ds = newDataset();
  if (doc.vendor && text(doc.vendor.id)) ds.vendor = { id: doc.vendor.id, name: text(doc.vendor.name) ?? doc.vendor.id };
  if (/^[A-Z]{3}$/.test(doc.currency ?? '')) ds.currency = doc.currency;
  const th = doc.thresholds ?? {};
  const g = isNum(th.fairness_green) && th.fairness_green > 1 ? th.fairness_green : 1.25;
  const a = isNum(th.fairness_amber) && th.fairness_amber > 1 ? th.fairness_amber : 1.6;
  ds.thresholds = a >= g ? { green: g, amber: a } : { green: 1.25, amber: 1.6 };
  (Array.isArray(doc.partners) ? doc.partners : []).forEach((p, i) => {
    const id = text(p?.id);
    if (!id || ds.partnerIndex.has(id)) { ds.rejected.push({ location: `/partners/${i}`, reason: 'id is missing or a duplicate' }); return; }
    addPartner(ds, { id, name: text(p.name) ?? id, tier: text(p.tier), region: text(p.region), type: text(p.type) });
  });
  (Array.isArray(doc.metrics) ? doc.metrics : []).forEach((d, i) => {
    const reason = d && typeof d === 'object' ? declare(ds, d) : 'a metric must be an object';
    if (reason) ds.rejected.push({ location: `/metrics/${i}`, reason });
  });
  const seen = new Set();
  ds.input = doc.records.length;
  doc.records.forEach((r, i) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) ds.rejected.push({ location: `/records/${i}`, reason: 'a record must be an object' });
    else addRecord(ds, r, `/records/${i}`, seen);
  });
  for (const c of Array.isArray(doc.commitments) ? doc.commitments : []) {
    const p = ds.partnerIndex.get(c?.partner);
    const q = quarterNumber(c?.period);
    if (p !== undefined && q >= 0 && SIDES.includes(c.side) && text(c.text)) {
      ds.commitments.push({ p, q, side: c.side, text: c.text, due: text(c.due), status: c.status ?? 'open' });
    }
  }
  return ds;
}

/** One CSV row at a time, with quoted cells ("a, b" and "" inside quotes). */
function* csvRows(s) {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const row = [];
    for (;;) {
      let cell = '';
      if (s.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          const j = s.indexOf('"', i);
          if (j < 0) throw new Error('the data is not readable CSV: a quote is never closed');
          cell += s.slice(i, j);
          i = j + 1;
          if (s.charCodeAt(i) === 34) { cell += '"'; i++; } else break;
        }
        while (i < n && s[i] !== ',' && s[i] !== '\n') i++;
      } else {
        let j = i;
        while (j < n && s.charCodeAt(j) !== 44 && s.charCodeAt(j) !== 10) j++;
        cell = s.slice(i, j);
        i = j;
      }
      row.push(cell.trim());
      if (i < n && s.charCodeAt(i) === 44) { i++; continue; }
      i++; // the newline (or past the end)
      break;
    }
    yield row;
  }
}

export function parseCsv(textIn) {
  const ds = newDataset();
  const rows = csvRows(textIn.replace(/\r\n?/g, '\n'));
  const first = rows.next();
  if (first.done) throw new Error('the CSV has no header line');
  const header = first.value.map((h) => h.toLowerCase());
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const missing = ['partner', 'period', 'side', 'metric', 'value'].filter((c) => !(c in col));
  if (missing.length) throw new Error(`the CSV header lacks the column(s) ${missing.join(', ')}`);
  const get = (row, name) => (name in col && row[col[name]] !== '' ? row[col[name]] : null);
  const num = (v) => (v == null ? null : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN);
  const seen = new Set();
  let line = 1;
  for (const row of rows) {
    line++;
    if (row.length === 1 && row[0] === '') continue;
    ds.input++;
    if (row.length !== header.length) { ds.rejected.push({ location: `line ${line}`, reason: `this line has ${row.length} fields but the header has ${header.length}` }); continue; }
    const id = get(row, 'partner');
    if (id && !ds.partnerIndex.has(id)) addPartner(ds, { id, name: id, tier: null, region: null, type: null, named: false });
    const p = id ? ds.partners[ds.partnerIndex.get(id)] : null;
    if (p) {
      if (!p.named && get(row, 'partner_name')) { p.name = get(row, 'partner_name'); p.named = true; }
      for (const k of ['tier', 'region', 'type']) p[k] ??= get(row, k);
    }
    const cur = get(row, 'currency');
    if (cur && !ds.currencySet) { ds.currencySet = true; if (/^[A-Z]{3}$/.test(cur)) ds.currency = cur; }
    const decl = ['pillar', 'unit', 'better', 'label', 'weight', 'allow_negative'];
    if (decl.some((k) => get(row, k) != null)) {
      const an = get(row, 'allow_negative');
      const reason = declare(ds, {
        key: get(row, 'metric'), pillar: get(row, 'pillar'), unit: get(row, 'unit'), better: get(row, 'better'),
        label: get(row, 'label'), weight: get(row, 'weight'), scale: get(row, 'scale'),
        allow_negative: an == null ? null : an === 'true' ? true : an === 'false' ? false : an,
      });
      if (reason) { ds.rejected.push({ location: `line ${line}`, reason }); continue; }
    }
    addRecord(ds, {
      partner: id, period: get(row, 'period'), side: get(row, 'side'), metric: get(row, 'metric'),
      value: num(get(row, 'value')), target: num(get(row, 'target')), floor: num(get(row, 'floor')),
    }, `line ${line}`, seen);
  }
  return ds;
}

/** Content type, then the URL's extension, then the first byte (docs/data-contract.md). */
export function detectFormat(contentType, url, body) {
  const t = (contentType ?? '').toLowerCase();
  if (t.includes('json')) return 'json';
  if (t.includes('csv')) return 'csv';
  const path = (url ?? '').split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.csv')) return 'csv';
  const c = body.trimStart()[0];
  return c === '{' || c === '[' ? 'json' : 'csv';
}

export const parse = (body, format) => (format === 'csv' ? parseCsv(body) : parseJson(body));

export { score, attainment } from './score.js';
export { PILLARS, SIDES };
