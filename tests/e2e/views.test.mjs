// What a user sees in the two views: the scorecard of one partner (figures, period
// picker, languages, themes, odd data) and the portfolio (sort, filter, search,
// drill-down, pager), plus screenshots for people to look at.
// Every expected figure comes from the native engine (`scorecard score`).
// Run: node --test tests/e2e/   (needs a built dist/)

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, assert, eventually, expected, hostPage, pageTest, ratio, scorecard, scratchFile, sortedRows, suite,
} from './harness.mjs';

const env = suite();
mkdirSync(ARTIFACTS, { recursive: true });

// ---------------------------------------------------------------- data

/** Feeds made for this file, served on DATA by `env.addFeed` once the servers run. */
const custom = {};
function feeds() {
  if (custom.ready) return custom;
  const doc = env.feeds.doc;
  const latest = expected(env.feeds.json).periods.at(-1);

  // P-00002 has no records at all in the latest quarter (other quarters intact).
  const noRecords = structuredClone(doc);
  noRecords.records = noRecords.records.filter((r) => !(r.partner === 'P-00002' && r.period === latest));

  // P-00003's partner side reported nothing in the latest quarter: fairness undefined.
  const oneSide = structuredClone(doc);
  oneSide.records = oneSide.records.filter((r) => !(r.partner === 'P-00003' && r.period === latest && r.side === 'partner'));

  // One partner with a vendor investment of exactly 1234.56 (and no vendor name).
  const money = {
    schema: 'partner-scorecard/v1',
    partners: [{ id: 'P-1', name: 'Müller & Söhne GmbH', tier: 'Gold', region: 'EMEA', type: 'Reseller' }],
    records: [
      ['2026-Q2', 'vendor', 'mdf', 1000], ['2026-Q2', 'partner', 'partner_marketing', 900],
      ['2026-Q2', 'vendor', 'influenced_margin', 4000], ['2026-Q2', 'partner', 'partner_sourced_margin', 3500],
      ['2026-Q3', 'vendor', 'mdf', 1234.56, 1000], ['2026-Q3', 'partner', 'partner_marketing', 2000],
      ['2026-Q3', 'vendor', 'committed_spend', 800], ['2026-Q3', 'partner', 'inventory_exposure', 900],
      ['2026-Q3', 'vendor', 'influenced_margin', 5000], ['2026-Q3', 'partner', 'partner_sourced_margin', 3000],
    ].map(([period, side, metric, value, target]) => ({
      partner: 'P-1', period, side, metric, value, ...(target ? { target } : {}),
    })),
  };

  Object.assign(custom, {
    latest,
    noRecords: JSON.stringify(noRecords),
    oneSide: JSON.stringify(oneSide),
    money: JSON.stringify(money),
    big: scorecard('sample', '--partners', '120', '--quarters', '8', '--seed', '7'),
  });
  env.addFeed('/no-records.json', custom.noRecords);
  env.addFeed('/one-side.json', custom.oneSide);
  env.addFeed('/money.json', custom.money);
  env.addFeed('/big.json', custom.big);
  custom.ready = true;
  return custom;
}

/** All of the engine's scorecards of one period, in the engine's (data) order. */
const enginePeriod = (text, period) => JSON.parse(scorecard('score', scratch(text), '--period', period)).scorecards;
const scratchFiles = new Map();
/** One scratch file per feed text, written once. */
function scratch(text) {
  if (!scratchFiles.has(text)) scratchFiles.set(text, scratchFile(text));
  return scratchFiles.get(text);
}

// ---------------------------------------------------------------- what is shown

/** Money as the widget formats it: whole amounts without cents, else to the cent. */
function money(v, locale = 'en-US', currency = 'USD') {
  return new Intl.NumberFormat(locale, {
    style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2,
  }).format(v);
}
/** Health as shown: rounded to a whole number. */
const whole = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(v);
const spaces = (t) => t.replace(/\s/g, ' ').trim();
const STATUS = { met: 'met', 'at-risk': 'at risk', missed: 'missed' };

async function pillarText(h, host, pillar, part) {
  return spaces(await h.page.locator(host).getByTestId(`pillar-${pillar}`).getByTestId(part).textContent());
}

/** Asserts the scorecard in `host` shows the engine's figures of `card` (en-US). */
async function assertCard(h, host, card) {
  assert.equal(await h.text(host, 'partner-name'), card.partner_name, `${host}: partner name`);
  assert.equal(await h.$(host, 'scorecard').getAttribute('data-period'), card.period, `${host}: data-period`);
  for (const p of ['investment', 'risk', 'reward']) {
    assert.equal(await pillarText(h, host, p, 'vendor-total'), money(card[p].vendor), `${host}: ${p} vendor total`);
    assert.equal(await pillarText(h, host, p, 'partner-total'), money(card[p].partner), `${host}: ${p} partner total`);
  }
  assert.equal(await h.text(host, 'fairness'), ratio(card.fairness), `${host}: fairness F`);
  const band = await h.text(host, 'band');
  assert.equal(band.split(/\s+/).at(-1), card.band ?? '—', `${host}: band word (shown "${band}")`);
  assert.equal(await h.text(host, 'balance-word'), card.balance ?? '—', `${host}: balance word`);
  assert.equal(await h.text(host, 'health'), card.health == null ? '—' : whole(card.health), `${host}: health`);
  const statuses = (await h.$(host, 'kpi-status').allTextContents()).map((t) => t.trim().replace(/^\S+\s+/, ''));
  assert.deepEqual(statuses, card.kpis.map((k) => STATUS[k.status]), `${host}: KPI status words in order`);
  const sentence = await h.text(host, 'fairness-sentence');
  assert.ok(sentence.includes(card.partner_name), `${host}: the fairness sentence "${sentence}" names the partner`);
}

// ---------------------------------------------------------------- scorecard

pageTest(env, 'views 1. the scorecard shows the engine\'s figures of the sample', async (h) => {
  const { latest } = feeds();
  await h.open(hostPage(`<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" period="${latest}"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.waitVisible('#s', 'partner-name');
  const card = expected(env.feeds.json, 'P-00001', latest).scorecard;
  await assertCard(h, '#s', card);
  // The first KPI's status word, on its own, as the reader sees it in the table.
  const first = (await h.$('#s', 'kpi-status').first().innerText()).trim();
  assert.ok(first.endsWith(STATUS[card.kpis[0].status]), `the first KPI reads "${first}"`);
  // The meta line names the partner's details and the vendor.
  const meta = await h.text('#s', 'partner-meta');
  const p = env.feeds.doc.partners.find((x) => x.id === 'P-00001');
  for (const part of [p.tier, p.region, p.type, env.feeds.doc.vendor.name]) {
    assert.ok(meta.includes(part), `partner-meta "${meta}" includes ${part}`);
  }
});

/** Money per $1 put in, as the verdict shows it: always to the cent. */
const perDollar = (v) => new Intl.NumberFormat('en-US', {
  style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2,
}).format(v);
const oneDecimal = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(Math.round(v * 10) / 10);
/** A change of a 0–100 score as shown: arrow, sign, points to one decimal. */
const scoreChange = (d) => (d == null ? '—' : `${d > 0 ? '▲ +' : '▼ −'}${oneDecimal(Math.abs(d))} pts`);

pageTest(env, 'views 1b. the verdict comes first and shows the engine\'s fairness, fair shift, reward rates, health and alignment', async (h) => {
  const { latest } = feeds();
  // The feed relabels one built-in statement (with markup in it) for the German copy.
  const relabelled = structuredClone(env.feeds.doc);
  relabelled.metrics = [...(relabelled.metrics ?? []), { key: 'trust', label: '<b>Vertrauen</b> & Co' }];
  env.addFeed('/relabelled.json', JSON.stringify(relabelled));
  await h.open(hostPage(`
    <partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" period="${latest}"></partner-scorecard>
    <partner-scorecard id="de" src="{{DATA}}/relabelled.json" partner="P-00001" period="${latest}" locale="de-DE"></partner-scorecard>`));
  for (const id of ['s', 'de']) await h.waitEvent('scorecard-ready', { target: id });
  await h.waitVisible('#s', 'verdict');
  const card = expected(env.feeds.json, 'P-00001', latest).scorecard;
  const vendor = env.feeds.doc.vendor.name;

  // The verdict is the first thing under the header.
  const order = await h.page.locator('#s').evaluate((el) => [...el.shadowRoot.querySelector('[data-testid="scorecard"]').children]
    .map((c) => c.dataset.testid ?? c.localName));
  assert.equal(order.indexOf('verdict'), order.indexOf('header') + 1, `the verdict follows the header: ${order}`);

  assert.equal(await h.text('#s', 'fairness'), ratio(card.fairness), 'F');
  assert.equal((await h.text('#s', 'band')).split(/\s+/).at(-1), card.band);
  assert.equal(await h.text('#s', 'balance-word'), card.balance);
  // fair_shift > 0: that much of the reward would go from the vendor to the partner.
  assert.ok(card.fair_shift > 0, `the sample's P-00001 has a positive fair shift (${card.fair_shift})`);
  assert.equal(await h.text('#s', 'fair-shift'),
    `To balance, ${money(Math.round(card.fair_shift))} of this quarter's reward would go from ${vendor} to ${card.partner_name}.`);
  assert.equal(await h.text('#s', 'reward-rates'),
    `For each $1 put in, ${vendor} took ${perDollar(card.reward_rate.vendor)} and ${card.partner_name} ${perDollar(card.reward_rate.partner)}.`);
  // Who put in what (investment + risk) and who took what (reward).
  assert.equal(await h.text('#s', 'put-in-vendor'), money(card.investment.vendor + card.risk.vendor));
  assert.equal(await h.text('#s', 'put-in-partner'), money(card.investment.partner + card.risk.partner));
  assert.equal(await h.text('#s', 'took-out-vendor'), money(card.reward.vendor));
  assert.equal(await h.text('#s', 'took-out-partner'), money(card.reward.partner));
  assert.equal(await h.text('#s', 'verdict-health'), whole(card.health));
  assert.equal(await h.text('#s', 'verdict-health-change'), scoreChange(card.trend.previous.health));
  assert.match(await h.text('#s', 'verdict-health-change'), /^[▲▼] [+−]\d+(\.\d)? pts$/, 'a health change in points, one decimal');
  assert.equal(await h.text('#s', 'verdict-alignment'), whole(card.alignment.score));
  assert.equal(await h.text('#s', 'verdict-alignment-gap'), `${oneDecimal(card.alignment.gap)} pts`);

  // Shared vision and values: score, gap, every statement in order with both ratings and its flags.
  assert.equal(await h.text('#s', 'alignment-score'), whole(card.alignment.score));
  assert.equal(await h.text('#s', 'alignment-gap'), `${oneDecimal(card.alignment.gap)} pts`);
  assert.equal(await h.text('#s', 'alignment-score-change'), scoreChange(card.trend.previous.alignment.score));
  const rows = await h.page.locator('#s').getByTestId('statement').evaluateAll((els) => els.map((el) => ({
    metric: el.dataset.metric,
    vendor: el.querySelector('[data-testid="statement-vendor"]').textContent.trim(),
    partner: el.querySelector('[data-testid="statement-partner"]').textContent.trim(),
    differs: el.querySelector('[data-testid="differs"]')?.textContent.trim() ?? null,
    oneSided: el.querySelector('[data-testid="one-sided"]')?.textContent.trim() ?? null,
  })));
  const rating = (v) => (v == null ? '—' : String(v));
  assert.deepEqual(rows, card.alignment.statements.map((st) => ({
    metric: st.metric,
    vendor: rating(st.vendor),
    partner: rating(st.partner),
    differs: st.differs ? '⚠ seen differently' : null,
    oneSided: (st.vendor == null) !== (st.partner == null) ? '◐ rated by one side only' : null,
  })));
  assert.ok(rows.some((r) => r.differs), 'the sample has a statement the sides see differently');
  assert.ok(rows.some((r) => r.oneSided), 'and a one-sided one');
  assert.equal(await h.$('#s', 'alignment-table').locator('tbody tr').count(), card.alignment.statements.length);

  // German: built-in statements in German, the feed's own label as given (as text, not markup).
  const labels = await h.$('#de', 'statement-label').allTextContents();
  assert.ok(labels.includes('Wir planen gemeinsam'), `German labels: ${labels}`);
  assert.ok(labels.includes('<b>Vertrauen</b> & Co'), `the feed's label as given: ${labels}`);
  assert.equal(await h.$('#de', 'alignment').locator('b').count(), 0, 'no markup from the feed');
  assert.ok((await h.text('#de', 'differs')).includes('unterschiedlich gesehen'));
  assert.ok((await h.text('#de', 'fair-shift')).startsWith('Für eine ausgewogene Verteilung gingen'));
});

pageTest(env, 'views 1c. one side taking all the reward: said in words, red, no ratio, and the shift that would balance it', async (h) => {
  // Both sides put something in (1,000 and 500); only the vendor took reward (4,000).
  const feed = {
    schema: 'partner-scorecard/v1',
    partners: [{ id: 'P-1', name: 'Müller & Söhne GmbH' }],
    records: [['vendor', 'mdf', 1000], ['partner', 'partner_marketing', 500], ['vendor', 'influenced_margin', 4000]]
      .map(([side, metric, value]) => ({ partner: 'P-1', period: '2026-Q3', side, metric, value })),
  };
  const text = JSON.stringify(feed);
  env.addFeed('/takes-all.json', text);
  await h.open(hostPage('<partner-scorecard id="t" src="{{DATA}}/takes-all.json" partner="P-1"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 't' });
  await h.waitVisible('#t', 'verdict');
  const card = expected(text, 'P-1', '2026-Q3').scorecard;
  assert.equal(card.fairness, null, 'the engine gives no ratio');
  assert.equal(card.band, 'red');
  assert.equal(await h.text('#t', 'fairness'), '—');
  assert.equal((await h.text('#t', 'band')).split(/\s+/).at(-1), 'red');
  assert.equal(await h.text('#t', 'balance-word'), 'vendor-favoured');
  assert.equal(await h.text('#t', 'takes-all'),
    'Vendor takes all the reward while both sides put something in, so fairness is not a ratio: red.');
  // A third of the contribution is the partner's: a third of 4,000 would go to it.
  assert.ok(Math.abs(card.fair_shift - 4000 / 3) < 1e-6, `fair_shift ${card.fair_shift}`);
  assert.equal(await h.text('#t', 'fair-shift'),
    `To balance, ${money(1333)} of this quarter's reward would go from Vendor to Müller & Söhne GmbH.`);
  assert.equal(await h.$('#t', 'fairness-sentence').count(), 0, 'no sentence about a ratio that does not exist');
});

pageTest(env, 'views 2. picking a period re-renders that quarter\'s figures and tells the host', async (h) => {
  const { latest } = feeds();
  await h.open(hostPage('<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00004"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.waitPeriod('#s', latest);
  await assertCard(h, '#s', expected(env.feeds.json, 'P-00004', latest).scorecard);

  const periods = expected(env.feeds.json).periods;
  const now = expected(env.feeds.json, 'P-00004', latest).scorecard;
  // An earlier quarter whose F reads differently, so the change is visible.
  const other = periods.slice(0, -1).reverse()
    .find((q) => ratio(expected(env.feeds.json, 'P-00004', q).scorecard.fairness) !== ratio(now.fairness));
  assert.ok(other, 'some earlier quarter has another F');
  const options = await h.$('#s', 'period').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual([...options].sort(), [...periods].sort(), 'the picker offers every quarter of the data');
  const before = await h.text('#s', 'fairness');
  await h.$('#s', 'period').selectOption(other);
  await h.waitPeriod('#s', other);
  const select = await h.waitEvent('scorecard-select', { target: 's' });
  assert.deepEqual(select.detail, { partner: 'P-00004', period: other }, 'scorecard-select names partner and period');
  const card = expected(env.feeds.json, 'P-00004', other).scorecard;
  await assertCard(h, '#s', card);
  assert.notEqual(await h.text('#s', 'fairness'), before, 'the fairness figure changed with the quarter');
});

pageTest(env, 'views 3. German and French: money, words and numbers in the locale', async (h) => {
  feeds();
  await h.open(hostPage(`
    <partner-scorecard id="de" src="{{DATA}}/money.json" partner="P-1" period="2026-Q3" locale="de-DE" currency="EUR"></partner-scorecard>
    <partner-scorecard id="fr" src="{{DATA}}/money.json" partner="P-1" period="2026-Q3" locale="fr"></partner-scorecard>
    <partner-scorecard id="en" src="{{DATA}}/money.json" partner="P-1" period="2026-Q3" locale="en-US"></partner-scorecard>`));
  for (const id of ['de', 'fr', 'en']) await h.waitEvent('scorecard-ready', { target: id });
  for (const id of ['de', 'fr', 'en']) await h.waitVisible(`#${id}`, 'partner-name');
  const card = expected(custom.money, 'P-1', '2026-Q3').scorecard;
  assert.equal(card.investment.vendor, 1234.56, 'the engine reads the vendor investment as 1234.56');

  // German: the exact string a German reader expects.
  assert.equal(await pillarText(h, '#de', 'investment', 'vendor-total'), '1.234,56 €', 'German money');
  assert.equal(await h.text('#de', 'fairness'),
    `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(card.fairness)}×`);
  const de = await h.$('#de', 'scorecard').innerText();
  for (const word of ['Ziele', 'Hersteller', 'Investition', 'Risiko', 'Ertrag', 'Zeitraum', 'Verläufe']) {
    assert.ok(de.includes(word), `the German scorecard says "${word}"`);
  }
  assert.ok(!/\bTargets\b|\bVendor\b/.test(de), 'no English headings left in the German scorecard');
  assert.ok((await h.text('#de', 'balance-word')) === 'herstellerlastig', 'balance word in German');

  // French: words, and money as the browser's own fr formatter writes it.
  const fr = await h.$('#fr', 'scorecard').innerText();
  for (const word of ['Objectifs', 'Fournisseur', 'Investissement', 'Équité', 'Période']) {
    assert.ok(fr.includes(word), `the French scorecard says "${word}"`);
  }
  const frMoney = await h.page.evaluate((v) => new Intl.NumberFormat('fr', {
    style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 2,
  }).format(v), card.investment.vendor);
  assert.equal(await pillarText(h, '#fr', 'investment', 'vendor-total'), spaces(frMoney), 'French money (the data\'s USD)');
  assert.match(await h.text('#fr', 'fairness'), /^0,\d\d×$/, 'French decimal comma');

  // English for comparison.
  assert.equal(await pillarText(h, '#en', 'investment', 'vendor-total'), '$1,234.56');
  assert.ok((await h.$('#en', 'scorecard').innerText()).includes('Targets'));
});

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

pageTest(env, 'views 4. theme="dark" paints a dark widget, theme="light" a light one', { colorScheme: 'dark' }, async (h) => {
  await h.open(hostPage(`
    <partner-scorecard id="dark" src="{{DATA}}/sample.json" partner="P-00001" theme="dark"></partner-scorecard>
    <partner-scorecard id="light" src="{{DATA}}/sample.json" partner="P-00001" theme="light"></partner-scorecard>`));
  for (const id of ['dark', 'light']) await h.waitEvent('scorecard-ready', { target: id });
  for (const id of ['dark', 'light']) await h.waitVisible(`#${id}`, 'partner-name');
  const look = (id) => h.$(`#${id}`, 'root').evaluate((el) => ({
    bg: getComputedStyle(el).backgroundColor,
    fg: getComputedStyle(el.querySelector('[data-testid=partner-name]')).color,
  }));
  const dark = await look('dark');
  const light = await look('light');
  assert.ok(luminance(dark.bg) < 0.2, `dark background ${dark.bg} has luminance ${luminance(dark.bg).toFixed(3)}`);
  assert.ok(luminance(dark.fg) > 0.5, `dark theme text ${dark.fg} is light`);
  assert.ok(luminance(light.bg) > 0.8, `light background ${light.bg} has luminance ${luminance(light.bg).toFixed(3)} (the page prefers dark)`);
  assert.ok(luminance(light.fg) < 0.2, `light theme text ${light.fg} is dark`);
});

pageTest(env, 'views 5. odd cases: unknown partner, unknown period, no records, one side silent', async (h) => {
  const { latest } = feeds();
  await h.open(hostPage(`
    <partner-scorecard id="who" src="{{DATA}}/sample.json" partner="P-99999"></partner-scorecard>
    <partner-scorecard id="when" src="{{DATA}}/sample.json" partner="P-00001" period="2019-Q1"></partner-scorecard>
    <partner-scorecard id="none" src="{{DATA}}/no-records.json" partner="P-00002" period="${latest}"></partner-scorecard>
    <partner-scorecard id="half" src="{{DATA}}/one-side.json" partner="P-00003" period="${latest}"></partner-scorecard>`));
  for (const id of ['who', 'when', 'none', 'half']) await h.waitEvent('scorecard-ready', { target: id });

  const partners = env.feeds.doc.partners.length;
  await h.waitVisible('#who', 'notice');
  assert.equal(await h.text('#who', 'notice'), `Partner "P-99999" is not in the data, which has ${partners} partners.`);
  assert.equal(await h.$('#who', 'pillar-reward').count(), 0, 'no figures for an unknown partner');

  const periods = expected(env.feeds.json).periods;
  await h.waitVisible('#when', 'notice');
  assert.equal(await h.text('#when', 'notice'),
    `There is no data for 2019-Q1; the data covers ${periods[0]} to ${periods.at(-1)}.`);

  const none = expected(custom.noRecords, 'P-00002', latest);
  assert.equal(none.scorecards.length, 0, 'the engine has no scorecard of P-00002 in that quarter');
  const name = env.feeds.doc.partners.find((p) => p.id === 'P-00002').name;
  await h.waitVisible('#none', 'notice');
  assert.equal(await h.text('#none', 'notice'), `${name} has no records for ${latest}.`);
  assert.equal(await h.text('#none', 'partner-name'), name, 'the header still names the partner');
  assert.ok(await h.$('#none', 'period').isVisible(), 'and offers the other quarters');

  const half = expected(custom.oneSide, 'P-00003', latest).scorecard;
  assert.equal(half.fairness, null, 'the engine leaves fairness undefined');
  assert.equal(half.unreported, 'partner');
  await h.waitVisible('#half', 'fairness');
  assert.equal(await h.text('#half', 'fairness'), '—', 'fairness reads "—"');
  assert.equal(await h.text('#half', 'band'), '—', 'no band');
  assert.ok(await h.$('#half', 'why-undefined').isVisible(), 'the reason is shown');
  assert.equal(await h.text('#half', 'why-undefined'),
    `Partner reported no figures for ${latest}, so shares and fairness are undefined (—).`);
  assert.equal(await h.$('#half', 'fairness-sentence').count(), 0, 'no fairness sentence without a figure');
  assert.equal(await pillarText(h, '#half', 'reward', 'partner-total'), money(half.reward.partner));
});

// ---------------------------------------------------------------- portfolio

const rowIds = (h, host) => h.$(host, 'portfolio-row').evaluateAll((trs) => trs.map((tr) => tr.dataset.partner));

/** The engine's rows sorted as the widget promises: stable, undefined last either way. */
function sortedBy(cards, key, descending) {
  return sortedRows(cards, (c) => c[key], descending);
}

async function ariaSort(h, host, key) {
  return h.$(host, `sort-${key}`).evaluate((b) => b.closest('th').getAttribute('aria-sort'));
}

async function waitRows(h, host, ids, message) {
  try {
    await eventually(async () => JSON.stringify(await rowIds(h, host)) === JSON.stringify(ids), { timeout: 5_000, message });
  } catch {
    assert.deepEqual(await rowIds(h, host), ids, message);
  }
}

pageTest(env, 'views 6. portfolio: sort by fairness with the mouse and by health with the keyboard', async (h) => {
  const { latest } = feeds();
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/one-side.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  const cards = enginePeriod(custom.oneSide, latest);
  assert.ok(cards.some((c) => c.fairness == null), 'the data has a partner with undefined fairness');
  await waitRows(h, '#p', cards.map((c) => c.partner), 'unsorted: data order');

  await h.$('#p', 'sort-fairness').click();
  await waitRows(h, '#p', sortedBy(cards, 'fairness', false), 'fairness ascending, undefined last');
  assert.equal(await ariaSort(h, '#p', 'fairness'), 'ascending');
  const shownF = await h.$('#p', 'row-fairness').allTextContents();
  assert.deepEqual(shownF.map((t) => t.trim()),
    sortedBy(cards, 'fairness', false).map((id) => ratio(cards.find((c) => c.partner === id).fairness)),
    'each row shows its engine F');

  await h.$('#p', 'sort-fairness').click();
  await waitRows(h, '#p', sortedBy(cards, 'fairness', true), 'fairness descending, undefined still last');
  assert.equal(await ariaSort(h, '#p', 'fairness'), 'descending');

  // Keyboard: focus the health header button, Enter sorts ascending, Space flips it.
  await h.$('#p', 'sort-health').focus();
  await h.page.keyboard.press('Enter');
  await waitRows(h, '#p', sortedBy(cards, 'health', false), 'health ascending after Enter');
  assert.equal(await ariaSort(h, '#p', 'health'), 'ascending');
  assert.equal(await ariaSort(h, '#p', 'fairness'), 'none', 'the other column is no longer sorted');
  const focused = await h.page.evaluate(() => document.querySelector('#p').shadowRoot.activeElement?.dataset.testid);
  assert.equal(focused, 'sort-health', 'focus stays on the header button');
  await h.page.keyboard.press('Space');
  await waitRows(h, '#p', sortedBy(cards, 'health', true), 'health descending after Space');
  assert.equal(await ariaSort(h, '#p', 'health'), 'descending');
});

pageTest(env, 'views 7. portfolio: filter by tier, search by a name fragment', async (h) => {
  const { latest } = feeds();
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  const cards = enginePeriod(env.feeds.json, latest);
  const partners = new Map(env.feeds.doc.partners.map((p) => [p.id, p]));
  assert.equal(await h.text('#p', 'portfolio-count'), `${cards.length} partners`);

  // The tier with the most partners that still leaves some out.
  const byTier = {};
  for (const c of cards) (byTier[partners.get(c.partner).tier] ??= []).push(c.partner);
  const [tier, ids] = Object.entries(byTier).filter(([, v]) => v.length < cards.length).sort((a, b) => b[1].length - a[1].length)[0];
  await h.$('#p', 'filter-tier').selectOption(tier);
  await waitRows(h, '#p', ids, `only the ${tier} partners`);
  await h.waitText('#p', 'portfolio-count', `${ids.length} partners`);
  await h.$('#p', 'filter-tier').selectOption('');
  await waitRows(h, '#p', cards.map((c) => c.partner), 'every partner again');

  // Search: a fragment of a name, typed key by key, matched without regard to case.
  const fragment = 'ltd';
  const hits = cards.filter((c) => {
    const p = partners.get(c.partner);
    return p.name.toLowerCase().includes(fragment) || p.id.toLowerCase().includes(fragment);
  }).map((c) => c.partner);
  assert.ok(hits.length > 0 && hits.length < cards.length, 'the fragment narrows the list');
  await h.$('#p', 'search').pressSequentially('LTD', { delay: 30 });
  await waitRows(h, '#p', hits, `partners whose name contains "${fragment}"`);
  await h.waitText('#p', 'portfolio-count', `${hits.length} partners`);
  await h.$('#p', 'search').fill('no such partner');
  await h.waitVisible('#p', 'no-matches');
  await h.waitText('#p', 'portfolio-count', '0 partners');
  assert.ok(await h.$('#p', 'quadrant').isVisible(), 'the quadrant stays (with its summary)');
});

pageTest(env, 'views 8. portfolio: a row opens the partner\'s scorecard, back returns', async (h) => {
  const { latest } = feeds();
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  const target = 'P-00007';
  const row = h.page.locator('#p').locator(`[data-testid=portfolio-row][data-partner="${target}"]`);
  await row.getByRole('button').click();
  const select = await h.waitEvent('scorecard-select', { target: 'p' });
  assert.deepEqual(select.detail, { partner: target, period: latest });
  await h.waitVisible('#p', 'partner-name');
  await assertCard(h, '#p', expected(env.feeds.json, target, latest).scorecard);
  assert.equal(await h.$('#p', 'portfolio').count(), 0, 'the portfolio made way');

  await h.$('#p', 'back').click();
  await h.waitVisible('#p', 'portfolio');
  assert.equal(await h.$('#p', 'portfolio-row').count(), enginePeriod(env.feeds.json, latest).length);
  assert.equal(await h.$('#p', 'scorecard').count(), 0);
});

pageTest(env, 'views 9. portfolio: 120 partners page through 50 at a time', async (h) => {
  const { latest, big } = feeds();
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/big.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  const ids = enginePeriod(big, latest).map((c) => c.partner);
  assert.equal(ids.length, 120);
  const pages = Math.ceil(ids.length / 50);
  await h.waitText('#p', 'portfolio-count', '120 partners');
  await waitRows(h, '#p', ids.slice(0, 50), 'page 1: the first 50');
  assert.equal(await h.text('#p', 'pager-status'), `Page 1 of ${pages}`);
  assert.equal(await h.$('#p', 'pager-prev').getAttribute('aria-disabled'), 'true', 'no page before the first');

  await h.$('#p', 'pager-next').click();
  await h.waitText('#p', 'pager-status', `Page 2 of ${pages}`);
  await waitRows(h, '#p', ids.slice(50, 100), 'page 2: the next 50');
  await h.$('#p', 'pager-next').click();
  await h.waitText('#p', 'pager-status', `Page 3 of ${pages}`);
  await waitRows(h, '#p', ids.slice(100), 'page 3: the last 20');
  assert.equal(await h.$('#p', 'pager-next').getAttribute('aria-disabled'), 'true', 'no page after the last');
  // Playwright waits for aria-disabled buttons to become enabled: force the click a user can still make.
  await h.$('#p', 'pager-next').click({ force: true, timeout: 2_000 });
  await h.waitText('#p', 'pager-status', `Page 3 of ${pages}`);
  await h.$('#p', 'pager-prev').click();
  await h.waitText('#p', 'pager-status', `Page 2 of ${pages}`);
  await waitRows(h, '#p', ids.slice(50, 100), 'back on page 2');

  // Sorting goes back to the first page.
  await h.$('#p', 'sort-name').click();
  await h.waitText('#p', 'pager-status', `Page 1 of ${pages}`);
});

// ---------------------------------------------------------------- screenshots

async function shoot(h, name) {
  const path = join(ARTIFACTS, name);
  await h.page.evaluate(() => document.fonts.ready);
  await h.page.screenshot({ path, fullPage: true });
  assert.ok(statSync(path).size > 5_000, `${path} is a real picture`);
}

for (const theme of ['light', 'dark']) {
  pageTest(env, `views screenshot: scorecard ${theme} at 1280 px`, async (h) => {
    const bg = theme === 'dark' ? '<style>body{background:#0e1013;margin:16px}</style>' : '';
    await h.open(hostPage(`${bg}<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" theme="${theme}"></partner-scorecard>`));
    await h.waitEvent('scorecard-ready', { target: 's' });
    await h.waitVisible('#s', 'chart-reward');
    await h.waitVisible('#s', 'chart-health');
    await shoot(h, `views-scorecard-${theme}-1280.png`);
  });
}

pageTest(env, 'views screenshot: portfolio at 1280 px', async (h) => {
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  await h.waitVisible('#p', 'quadrant');
  await shoot(h, 'views-portfolio-1280.png');
});

pageTest(env, 'views screenshot: scorecard embedded 360 px wide', { viewport: { width: 360, height: 800 } }, async (h) => {
  await h.open(hostPage(`<meta name="viewport" content="width=device-width, initial-scale=1">
    <partner-scorecard id="n" src="{{DATA}}/sample.json" partner="P-00001"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'n' });
  await h.waitVisible('#n', 'chart-reward');
  await shoot(h, 'views-scorecard-narrow-360.png');
  const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `the page does not scroll sideways at 360 px (scrollWidth ${overflow})`);
});
