// The benchmark's yardstick must show what the widget shows, or the comparison in BENCHMARKS.md
// ("Issue 9") means nothing. One quick check in ./x test: the same 12-partner sample (JSON and
// CSV) on the yardstick page, in the widget, and in the native engine (`scorecard score`).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { scorecard, scratchFile, snapshotDist, SAMPLE_ARGS } from '../servers.mjs';
import { startCdn } from './cdn.mjs';

const PARTNER = 'P-00001';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser; let cdn; let dist; let engine; let doc;

before(async () => {
  const json = scorecard('sample', ...SAMPLE_ARGS);
  doc = JSON.parse(json);
  const rejects = structuredClone(doc);
  rejects.records[3].value = '12';
  rejects.records[7].metric = 'no_such_metric';
  rejects.records[11].period = '2026-Q5';
  const files = {
    'sample.json': scratchFile(json),
    'sample.csv': scratchFile(scorecard('sample', ...SAMPLE_ARGS, '--format', 'csv'), '.csv'),
    'rejects.json': scratchFile(JSON.stringify(rejects)),
  };
  const out = JSON.parse(scorecard('score', files['sample.json'], '--partner', PARTNER));
  engine = { ...out, card: out.scorecards.find((s) => s.period === out.periods.at(-1)), rejects: JSON.parse(scorecard('score', files['rejects.json'])) };
  dist = snapshotDist();
  cdn = await startCdn({ dist, feeds: files });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** Opens a host page and returns what the user sees, by data-testid, once `ready` is on screen. */
async function read(kind, feed, partner) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${cdn.origin}/page/${kind}.html?feed=${feed}${partner ? `&partner=${partner}` : ''}`);
    const ready = partner ? '[data-testid=fairness]' : '[data-testid=portfolio-row]';
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => {
      const root = document.querySelector('partner-scorecard')?.shadowRoot ?? document;
      const texts = (sel, scope = root) => [...scope.querySelectorAll(sel)].map((e) => e.textContent.trim());
      const one = (sel) => texts(sel)[0] ?? null;
      const pillar = (p) => {
        const el = root.querySelector(`[data-testid=pillar-${p}]`);
        return el && [texts('[data-testid=vendor-total]', el)[0], texts('[data-testid=partner-total]', el)[0], texts('[data-testid=share]', el)[0]];
      };
      return {
        name: one('[data-testid=partner-name]'),
        fairness: one('[data-testid=fairness]'),
        band: one('[data-testid=band]'),
        balance: one('[data-testid=balance-word]'),
        health: one('[data-testid=health]'),
        roi: [one('[data-testid=roi-vendor]'), one('[data-testid=roi-partner]')],
        pillars: ['investment', 'risk', 'reward'].map(pillar),
        statuses: texts('[data-testid=kpi-status]'),
        rejected: one('[data-testid=rejected]'),
        rows: [...root.querySelectorAll('[data-testid=portfolio-row]')].map((r) => r.dataset.partner),
        rowHealth: texts('[data-testid=row-health]'),
        rowFairness: texts('[data-testid=row-fairness]'),
        count: one('[data-testid=portfolio-count]'),
      };
    });
    assert.deepEqual(errors, [], `${kind}: page errors`);
    return seen;
  } finally {
    await page.close();
  }
}

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
const ratio = (v) => `${new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)}×`;

test('the yardstick shows the engine\'s figures of one scorecard, fairness as the equity ratio', async () => {
  const s = engine.card;
  const y = await read('yardstick', 'sample.json', PARTNER);
  assert.equal(y.name, s.partner_name);
  assert.deepEqual(y.pillars, ['investment', 'risk', 'reward'].map((p) => [money.format(s[p].vendor), money.format(s[p].partner), percent.format(s.shares[p])]));
  assert.deepEqual(y.roi, [percent.format(s.roi.vendor), percent.format(s.roi.partner)]);
  assert.equal(y.health, percent.format(s.health / 100).replace('%', ''));
  assert.equal(y.statuses.length, s.kpis.length);
  // F = (R_partner / C_partner) / (R_vendor / C_vendor), C = investment + risk (issue 10).
  const equity = (s.reward.partner / (s.investment.partner + s.risk.partner)) / (s.reward.vendor / (s.investment.vendor + s.risk.vendor));
  assert.equal(y.fairness, ratio(equity));
  if ('reward_rate' in s) assert.equal(y.fairness, ratio(s.fairness), 'the engine has the equity ratio too');
});

test('the widget shows the same scorecard as the yardstick', async () => {
  const [w, y] = [await read('widget', 'sample.json', PARTNER), await read('yardstick', 'sample.json', PARTNER)];
  for (const key of ['name', 'pillars', 'roi', 'health', 'statuses']) assert.deepEqual(w[key], y[key], key);
  // Until issue 10 lands in the engine, the widget's fairness is the old share ratio.
  if ('reward_rate' in engine.card) {
    for (const key of ['fairness', 'band', 'balance']) assert.deepEqual(w[key], y[key], key);
  }
});

test('the yardstick reads the CSV form of the same feed to the same figures', async () => {
  const [c, j] = [await read('yardstick', 'sample.csv', PARTNER), await read('yardstick', 'sample.json', PARTNER)];
  assert.deepEqual(c, j);
});

test('the portfolio: the same partners, in the same order, with the same health', async () => {
  const [w, y] = [await read('widget', 'sample.json', null), await read('yardstick', 'sample.json', null)];
  assert.equal(y.rows.length, doc.partners.length);
  assert.deepEqual(y.rows, w.rows);
  assert.deepEqual(y.rowHealth, w.rowHealth);
  assert.equal(y.count, `${doc.partners.length} partners`);
  if ('reward_rate' in engine.card) assert.deepEqual(y.rowFairness, w.rowFairness);
});

test('the yardstick drops bad records one by one, as the engine does', async () => {
  assert.equal(engine.rejects.counts.rejected, 3);
  const page = await read('yardstick', 'rejects.json', PARTNER);
  assert.equal(page.rejected, '3 records rejected');
});
