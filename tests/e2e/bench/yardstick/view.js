// The hand-written yardstick page of issue 9: vanilla JS + Chart.js 4 (the UMD build, loaded by a
// classic <script> before this module), showing what <partner-scorecard> shows from the same feed.
//   <div id="yardstick" data-src="feed.json" data-partner="P-00001" data-period="2026-Q3"></div>
// Without data-partner it shows the portfolio: the table (50 rows a page) and the balance scatter.
// data-testid names follow the widget's, so one benchmark and one test read both pages.

import { detectFormat, parse, quarterNumber, quarterText, score } from './engine.js';

const root = document.getElementById('yardstick');
const PAGE = 50;
const COLOURS = { vendor: '#0072B2', partner: '#E69F00', green: '#009E73', amber: '#E69F00', red: '#D55E00' };
const BAND_ICON = { green: '●', amber: '▲', red: '◆' };
const STATUS_ICON = { met: '✔', 'at-risk': '!', missed: '✖' };
const STATUS_WORD = { met: 'met', 'at-risk': 'at risk', missed: 'missed' };

/** An element with attributes and children; strings become text nodes, never markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) el.append(c);
  return el;
}

function formatters(locale, currency) {
  const nf = (o) => new Intl.NumberFormat(locale, o);
  const money = nf({ style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const compact = nf({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const percent = nf({ style: 'percent', maximumFractionDigits: 0 });
  const number = nf({ maximumFractionDigits: 2 });
  const ratio = nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rate = nf({ style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dash = (f) => (v) => (v == null ? '—' : f(v));
  const signed = (v, f) => (v == null ? '—' : Math.abs(v) < 1e-9 ? '■ 0' : `${v > 0 ? '▲ +' : '▼ −'}${f(Math.abs(v))}`);
  return {
    money: dash((v) => money.format(v)),
    compact: dash((v) => compact.format(v)),
    percent: dash((v) => percent.format(v)),
    number: dash((v) => number.format(v)),
    ratio: dash((v) => `${ratio.format(v)}×`),
    rate: dash((v) => rate.format(v)),
    score: dash((v) => percent.format(v / 100).replace('%', '').trim()),
    change: (v) => signed(v, (a) => number.format(a)),
    changeMoney: (v) => signed(v, (a) => compact.format(a)),
    changePoints: (v) => signed(v == null ? null : v * 100, (a) => `${number.format(Math.round(a * 10) / 10)} pp`),
  };
}

function lineChart(canvas, labels, datasets, yTitle) {
  return new window.Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { filter: (item) => item.text !== '' } } },
      scales: { y: { title: { display: Boolean(yTitle), text: yTitle } } },
    },
  });
}

function chartBox(testid, title) {
  const canvas = h('canvas', { role: 'img', 'aria-label': title });
  return { box: h('figure', { class: 'y-chart', 'data-testid': testid }, h('figcaption', {}, title), h('div', { class: 'y-canvas' }, canvas)), canvas };
}

function scorecardView(ds, book, p, period, fmt) {
  const partner = ds.partners[p];
  const vendor = ds.vendor?.name ?? 'Vendor';
  const s = book.get(p, period);
  const meta = [partner.tier, partner.region, partner.type].filter(Boolean);
  const picker = h('select', { 'data-testid': 'period' }, [...book.periods].reverse().map((q) => {
    const o = h('option', { value: quarterText(q) }, quarterText(q));
    o.selected = q === period;
    return o;
  }));
  picker.addEventListener('change', () => show(ds, book, p, quarterNumber(picker.value), fmt));
  const header = h('header', { class: 'y-header' },
    h('div', {}, h('h2', { 'data-testid': 'partner-name' }, partner.name),
      h('p', { class: 'y-meta', 'data-testid': 'partner-meta' }, [...meta, `with ${vendor}`].join(' · '))),
    h('label', {}, 'Period ', picker));
  if (!s) return { nodes: [header, h('p', { 'data-testid': 'notice' }, `${partner.name} has no records for ${quarterText(period)}.`)], draw: [] };

  const pillarRows = ['investment', 'risk', 'reward'].map((pillar) => h('tr', { 'data-testid': `pillar-${pillar}` },
    h('th', { scope: 'row' }, pillar[0].toUpperCase() + pillar.slice(1)),
    h('td', { class: 'num', 'data-testid': 'vendor-total' }, fmt.money(s[pillar].vendor)),
    h('td', { class: 'num', 'data-testid': 'partner-total' }, fmt.money(s[pillar].partner)),
    h('td', { class: 'num', 'data-testid': 'share' }, fmt.percent(s.shares[pillar])),
    h('td', { class: 'num' }, fmt.changePoints(s.previous?.[`share.${pillar}`] ?? null)),
    h('td', { class: 'num' }, fmt.changePoints(s.yearAgo?.[`share.${pillar}`] ?? null))));
  const pillars = h('table', { class: 'y-table', 'data-testid': 'pillars' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Pillar'), h('th', { class: 'num' }, vendor), h('th', { class: 'num' }, 'Partner'),
      h('th', { class: 'num' }, 'Partner share'), h('th', { class: 'num' }, 'vs last quarter'), h('th', { class: 'num' }, 'vs a year ago'))),
    h('tbody', {}, pillarRows));

  const sentence = s.balance && s.fairness != null
    ? `${s.partner_name} put in ${fmt.percent(s.shares.contribution)} of the investment and risk and took ${fmt.percent(s.shares.reward)} of the reward: ${s.balance} (${fmt.ratio(s.fairness)}). For each ${fmt.money(1)} put in, ${s.partner_name} took ${fmt.rate(s.reward_rate.partner)} and ${vendor} ${fmt.rate(s.reward_rate.vendor)}.`
    : s.balance ? `${s.balance === 'partner-favoured' ? s.partner_name : vendor} takes all the reward.` : null;
  const balance = h('section', { class: 'y-balance', 'data-testid': 'balance' }, h('h3', {}, 'Balance'),
    h('p', { class: 'y-big' }, 'Fairness ', h('strong', { 'data-testid': 'fairness' }, fmt.ratio(s.fairness)), ' ',
      h('span', { class: `y-band y-${s.band ?? 'none'}`, 'data-testid': 'band' }, s.band ? `${BAND_ICON[s.band]} ${s.band}` : '—'), ' ',
      h('span', { 'data-testid': 'balance-word' }, s.balance ?? '—'), ' ',
      h('span', { class: 'y-muted' }, fmt.change(s.previous?.fairness ?? null))),
    sentence && h('p', { 'data-testid': 'fairness-sentence' }, sentence),
    s.fair_shift != null && h('p', { 'data-testid': 'fair-shift' }, `To balance, ${fmt.money(Math.abs(s.fair_shift))} of this quarter's reward would go from ${s.fair_shift >= 0 ? `${vendor} to ${s.partner_name}` : `${s.partner_name} to ${vendor}`}.`),
    s.unreported && h('p', { 'data-testid': 'why-undefined' }, `${s.unreported === 'vendor' ? 'Vendor' : 'Partner'} reported no figures for ${quarterText(period)}, so shares and fairness are undefined (—).`),
    h('p', {}, `ROI — ${vendor}: `, h('span', { 'data-testid': 'roi-vendor' }, fmt.percent(s.roi.vendor)),
      ' · Partner: ', h('span', { 'data-testid': 'roi-partner' }, fmt.percent(s.roi.partner))));

  const kpiRows = s.kpis.map((k) => h('tr', {}, h('th', { scope: 'row' }, k.label), h('td', {}, k.side === 'vendor' ? 'Vendor' : 'Partner'),
    h('td', { class: 'num' }, fmt.number(k.value)), h('td', { class: 'num' }, fmt.number(k.target)),
    h('td', { class: 'num' }, fmt.percent(k.attainment)),
    h('td', {}, h('span', { class: `y-status y-${k.status}`, 'data-testid': 'kpi-status' }, `${STATUS_ICON[k.status]} ${STATUS_WORD[k.status]}`))));
  const targets = h('section', { class: 'y-kpis' }, h('h3', {}, 'Targets'),
    h('p', { class: 'y-big' }, 'Health ', h('strong', { 'data-testid': 'health' }, fmt.score(s.health)), ' ',
      h('span', { 'data-testid': 'health-change' }, fmt.change(s.previous?.health ?? null))),
    s.kpis.length
      ? h('table', { class: 'y-table', 'data-testid': 'kpis' }, h('thead', {}, h('tr', {}, ['Metric', 'Side', 'Actual', 'Target', 'Attainment', 'Status'].map((t) => h('th', {}, t)))), h('tbody', {}, kpiRows))
      : h('p', { 'data-testid': 'no-kpis' }, 'No targets were set for this period.'));

  const own = ds.commitments.filter((c) => c.p === p && c.q === period);
  const commitments = h('section', { 'data-testid': 'commitments' }, h('h3', {}, 'Commitments'),
    own.length ? h('ul', {}, own.map((c) => h('li', {}, `${c.side === 'vendor' ? vendor : 'Partner'}: ${c.text}${c.due ? ` (due ${c.due})` : ''} — ${c.status}`)))
      : h('p', {}, 'No commitments were recorded for this period.'));

  const history = book.history(p);
  const labels = history.map((x) => quarterText(x.q));
  const charts = h('section', { class: 'y-trends', 'data-testid': 'trends' }, h('h3', {}, 'Trends'));
  const draw = [];
  for (const pillar of ['investment', 'risk', 'reward']) {
    const { box, canvas } = chartBox(`chart-${pillar}`, `${pillar[0].toUpperCase()}${pillar.slice(1)} by quarter, vendor and partner`);
    charts.append(box);
    draw.push(() => lineChart(canvas, labels, [
      { label: vendor, data: history.map((x) => x[pillar].vendor), borderColor: COLOURS.vendor, backgroundColor: COLOURS.vendor, pointStyle: 'circle' },
      { label: 'Partner', data: history.map((x) => x[pillar].partner), borderColor: COLOURS.partner, backgroundColor: COLOURS.partner, pointStyle: 'rect' },
    ]));
  }
  const t = ds.thresholds;
  const band = (y, label, colour) => ({ label, data: labels.map(() => y), borderColor: colour, borderDash: [4, 4], pointRadius: 0, borderWidth: 1 });
  const fair = chartBox('chart-fairness', 'Fairness by quarter against its bands');
  const health = chartBox('chart-health', 'Health by quarter');
  charts.append(fair.box, health.box);
  draw.push(() => lineChart(fair.canvas, labels, [
    { label: 'Fairness', data: history.map((x) => x.fairness), borderColor: '#000', backgroundColor: '#000' },
    band(t.green, 'green band', COLOURS.green), band(1 / t.green, '', COLOURS.green),
    band(t.amber, 'amber band', COLOURS.amber), band(1 / t.amber, '', COLOURS.amber),
  ]));
  draw.push(() => lineChart(health.canvas, labels, [{ label: 'Health', data: history.map((x) => x.health), borderColor: COLOURS.green, backgroundColor: COLOURS.green }], 'out of 100'));
  return { nodes: [header, pillars, balance, targets, commitments, charts], draw };
}

function portfolioView(ds, book, period, fmt) {
  const rows = book.portfolio(period);
  let page = 0;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const tbody = h('tbody');
  const status = h('span', { 'data-testid': 'pager-status' });
  const fill = () => {
    tbody.replaceChildren(...rows.slice(page * PAGE, page * PAGE + PAGE).map((s) => {
      const p = ds.partners[s.p];
      return h('tr', { 'data-testid': 'portfolio-row', 'data-partner': p.id },
        h('th', { scope: 'row' }, h('a', { href: `?partner=${encodeURIComponent(p.id)}`, 'data-testid': 'row-name' }, p.name)),
        h('td', {}, p.tier), h('td', {}, p.region), h('td', {}, p.type),
        h('td', { class: 'num', 'data-testid': 'row-health' }, fmt.score(s.health)),
        h('td', {}, h('span', { 'data-testid': 'row-fairness' }, fmt.ratio(s.fairness)), ' ',
          h('span', { class: `y-band y-${s.band ?? 'none'}` }, s.band ? `${BAND_ICON[s.band]} ${s.band}` : '—')),
        h('td', { class: 'num' }, fmt.compact(s.investment.vendor)), h('td', { class: 'num' }, fmt.compact(s.investment.partner)),
        h('td', { class: 'num' }, fmt.compact(s.reward.vendor)), h('td', { class: 'num' }, fmt.compact(s.reward.partner)),
        h('td', { class: 'num', 'data-testid': 'row-trend' }, fmt.change(s.previous?.fairness ?? null)));
    }));
    status.textContent = `Page ${page + 1} of ${pages}`;
  };
  const button = (label, testid, step) => {
    const b = h('button', { type: 'button', 'data-testid': testid }, label);
    b.addEventListener('click', () => { page = Math.min(pages - 1, Math.max(0, page + step)); fill(); });
    return b;
  };
  fill();
  const head = ['Partner', 'Tier', 'Region', 'Type', 'Health', 'Fairness', 'Vendor investment', 'Partner investment', 'Vendor reward', 'Partner reward', 'Trend'];
  const { box, canvas } = chartBox('quadrant', 'Balance quadrant');
  const points = { green: [], amber: [], red: [] };
  for (const s of rows) if (s.band && s.shares.contribution != null && s.shares.reward != null) points[s.band].push({ x: s.shares.contribution, y: s.shares.reward });
  const draw = [() => new window.Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        ...['green', 'amber', 'red'].map((b) => ({ label: b, data: points[b], backgroundColor: COLOURS[b], pointRadius: 2, pointStyle: b === 'green' ? 'circle' : b === 'amber' ? 'triangle' : 'rectRot' })),
        { type: 'line', label: 'fair', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], borderColor: '#999', pointRadius: 0, borderWidth: 1 },
      ],
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { min: 0, max: 1, title: { display: true, text: 'Contribution share (investment + risk)' } }, y: { min: 0, max: 1, title: { display: true, text: 'Reward share' } } },
    },
  })];
  return {
    nodes: [
      h('header', { class: 'y-header' }, h('h2', {}, `All partners · ${quarterText(period)}`),
        h('p', { class: 'y-meta', 'data-testid': 'portfolio-count' }, `${fmt.number(rows.length)} partners`)),
      h('div', { class: 'y-scroll' }, h('table', { class: 'y-table', 'data-testid': 'portfolio-table' }, h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))), tbody)),
      h('nav', { class: 'y-pager' }, button('‹ Previous', 'pager-prev', -1), ' ', status, ' ', button('Next ›', 'pager-next', 1)),
      box,
    ],
    draw,
  };
}

let charts = [];
function show(ds, book, p, period, fmt) {
  charts.forEach((c) => c.destroy());
  const { nodes, draw } = p == null ? portfolioView(ds, book, period, fmt) : scorecardView(ds, book, p, period, fmt);
  const rejected = ds.rejected.length ? h('p', { 'data-testid': 'rejected' }, `${ds.rejected.length} records rejected`) : null;
  root.replaceChildren(...nodes, ...(rejected ? [rejected] : []));
  charts = (draw ?? []).map((f) => f());
}

function fail(message) {
  root.replaceChildren(h('div', { role: 'alert', 'data-testid': 'error' }, message));
}

async function main() {
  const params = new URLSearchParams(location.search);
  const src = root.dataset.src;
  const partnerId = params.get('partner') ?? root.dataset.partner ?? null;
  root.replaceChildren(h('p', { role: 'status' }, 'Loading the scorecard…'));
  let res;
  try {
    res = await fetch(src);
  } catch (e) {
    return fail(`The data could not be reached: ${e.message}`);
  }
  if (!res.ok) return fail(`The data server answered HTTP ${res.status}.`);
  const body = await res.text();
  let ds;
  try {
    ds = parse(body, detectFormat(res.headers.get('content-type'), src, body));
  } catch (e) {
    return fail(`The data is not a readable scorecard: ${e.message}`);
  }
  const book = score(ds);
  if (book.latest === null) return fail('The data has no records to show yet.');
  const fmt = formatters(document.documentElement.lang || 'en', ds.currency);
  const period = root.dataset.period ? quarterNumber(root.dataset.period) : book.latest;
  if (partnerId == null) return show(ds, book, null, period, fmt);
  const p = ds.partnerIndex.get(partnerId);
  if (p === undefined) return fail(`Partner "${partnerId}" is not in the data, which has ${ds.partners.length} partners.`);
  return show(ds, book, p, period, fmt);
}

main();
