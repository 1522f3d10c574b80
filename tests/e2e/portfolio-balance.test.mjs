// The portfolio's balance columns: the fair shift to the partner and the
// alignment score, each row's figure equal to the engine's, sortable both ways
// with undefined figures last. Expected figures come from `scorecard score`.
// Run: node --test tests/e2e/portfolio-balance.test.mjs   (needs a built dist/)

import {
  assert, eventually, hostPage, pageTest, scorecard, scratchFile, sortedRows, suite,
} from './harness.mjs';

const env = suite();

/** The engine's scorecards of the sample's latest quarter, in data order. */
function engineLatest() {
  const out = JSON.parse(scorecard('score', scratchFile(env.feeds.json)));
  const latest = out.periods.at(-1);
  return out.scorecards.filter((c) => c.period === latest);
}

const compact = new Intl.NumberFormat('en-US', {
  style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1,
});
/** The fair shift as a row shows it: "+" towards the partner, "−" away from it. */
const shift = (v) => (v == null ? '—' : `${v > 0 ? '+' : ''}${compact.format(v)}`);
const whole = (v) => (v == null ? '—' : new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(v));

const rowIds = (h) => h.$('#p', 'portfolio-row').evaluateAll((trs) => trs.map((tr) => tr.dataset.partner));

async function waitRows(h, ids, message) {
  try {
    await eventually(async () => JSON.stringify(await rowIds(h)) === JSON.stringify(ids), { timeout: 5_000, message });
  } catch {
    assert.deepEqual(await rowIds(h), ids, message);
  }
}

pageTest(env, 'portfolio balance 1. each row shows the engine\'s fair shift and alignment score', async (h) => {
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  const cards = engineLatest();
  assert.ok(cards.some((c) => c.fair_shift > 0) && cards.some((c) => c.fair_shift < 0),
    'the sample has shifts both ways');
  await waitRows(h, cards.map((c) => c.partner), 'data order');
  const shifts = (await h.$('#p', 'row-fair-shift').allTextContents()).map((t) => t.trim());
  assert.deepEqual(shifts, cards.map((c) => shift(c.fair_shift)), 'fair shift per row');
  const scores = (await h.$('#p', 'row-alignment').allTextContents()).map((t) => t.trim());
  assert.deepEqual(scores, cards.map((c) => whole(c.alignment?.score)), 'alignment score per row');
  const header = await h.$('#p', 'sort-fair-shift').textContent();
  assert.match(header, /Fair shift to partner/, 'the header says which way the shift goes');
});

pageTest(env, 'portfolio balance 2. sorting by fair shift and by alignment, both directions', async (h) => {
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  await h.waitEvent('scorecard-ready', { target: 'p' });
  await h.waitVisible('#p', 'portfolio');
  const cards = engineLatest();
  const byShift = (c) => c.fair_shift;
  const byAlignment = (c) => c.alignment?.score;
  await h.$('#p', 'sort-fair-shift').click();
  await waitRows(h, sortedRows(cards, byShift, false), 'fair shift ascending');
  await h.$('#p', 'sort-fair-shift').click();
  await waitRows(h, sortedRows(cards, byShift, true), 'fair shift descending');
  await h.$('#p', 'sort-alignment').focus();
  await h.page.keyboard.press('Enter');
  await waitRows(h, sortedRows(cards, byAlignment, false), 'alignment ascending by keyboard');
  const first = (await h.$('#p', 'row-alignment').allTextContents())[0].trim();
  assert.equal(first, whole(Math.min(...cards.map(byAlignment).filter((v) => v != null))),
    'the lowest alignment score is on top');
});
