// The deck's balance slide at scale: its quadrant is the portfolio's plot (one
// SVG backdrop, one canvas of markers, one focusable layer), so a thousand
// partners add no nodes; the arrow keys move through the partners while the
// plot has the focus and the deck's own keys work again after Tab; Enter opens
// the partner in focus; the handout still prints the whole chart as vectors.
// Figures come from the native engine (`scorecard score`).
// Run: node --test tests/e2e/deck-quadrant.test.mjs   (needs a built dist/)

import { readFileSync } from 'node:fs';
import {
  assert, expected, hostPage, pageTest, ratio, scorecard, scratchFile, suite,
} from './harness.mjs';
import { DECK_SLIDES, DECK_TOTAL } from './deck.mjs';

const env = suite();
const PARTNER = 'P-00004';
const BALANCE = DECK_SLIDES.indexOf('balance');
const BIG = 1000;

/** A feed of BIG partners, served on DATA once the servers run (made on first use). */
function bigFeed() {
  const file = scratchFile('', '.json');
  scorecard('sample', '--partners', String(BIG), '--quarters', '8', '--seed', '7', '-o', file);
  return env.addFeed('/big.json', readFileSync(file, 'utf8'));
}

async function openBalance(h, src = '{{DATA}}/sample.json') {
  await h.open(hostPage(`<partner-scorecard id="s" src="${src}" partner="${PARTNER}"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 's', timeout: 60_000 });
  await h.$('#s', 'present').click();
  await h.waitVisible('#s', 'deck');
  for (let i = 0; i < BALANCE; i++) await h.page.keyboard.press('ArrowRight');
  await h.waitText('#s', 'slide-counter', `${BALANCE + 1} / ${DECK_TOTAL}`);
  // The plot is drawn just after the slide's first paint.
  await h.waitVisible('#s', 'quadrant-points', 60_000);
}

/** The slide's nodes, and what its quadrant is made of. */
function anatomy(h) {
  return h.page.evaluate(() => {
    const slide = document.querySelector('#s').shadowRoot.querySelector('[data-testid="slide"]');
    const q = slide.querySelector('[data-testid="slide-quadrant"]');
    const canvas = q.querySelectorAll('canvas');
    const c = canvas[0];
    // Painted: some pixel of the canvas is not transparent.
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]) painted += 1;
    return {
      slideNodes: slide.querySelectorAll('*').length,
      quadrantNodes: q.querySelectorAll('*').length,
      canvases: canvas.length,
      painted,
      points: Number(q.querySelector('[data-testid="quadrant-points"]').dataset.points),
      stops: [...q.querySelectorAll('*')].filter((e) => e.tabIndex >= 0).map((e) => e.dataset.testid),
      caption: slide.querySelector('.ps-balance-charts figure:last-child figcaption').textContent.trim(),
    };
  });
}

const live = (h) => h.page.evaluate(() => document.querySelector('#s').shadowRoot
  .querySelector('[data-testid="quadrant-live"]').textContent.trim());

async function liveChanged(h, before, what) {
  await h.page.waitForFunction((b) => {
    const t = document.querySelector('#s').shadowRoot.querySelector('[data-testid="quadrant-live"]').textContent.trim();
    return t && t !== b;
  }, before, { timeout: 5_000 }).catch(() => assert.fail(`${what}: the live region still says "${before}"`));
  return live(h);
}

const focusedId = (h) => h.page.evaluate(() => document.querySelector('#s').shadowRoot.activeElement?.dataset.testid ?? null);

pageTest(env, `deck quadrant 1. ${BIG.toLocaleString('en-US')} partners: one canvas, one tab stop, as few nodes as with 12`, { timeout: 90_000 }, async (h) => {
  await openBalance(h);
  const small = await anatomy(h);
  await openBalance(h, bigFeed());
  await h.page.waitForFunction(() => {
    const c = document.querySelector('#s').shadowRoot.querySelector('[data-testid="slide-quadrant"] canvas');
    return c && c.width > 300;
  });
  const big = await anatomy(h);
  assert.equal(big.canvases, 1, 'the markers are one canvas');
  assert.ok(big.painted > 2_000, `the canvas is painted (${big.painted} pixels)`);
  assert.deepEqual(big.stops, ['quadrant-points'], 'one tab stop');
  const count = Number(/among ([\d,]+) partners/.exec(big.caption)?.[1].replace(/,/g, ''));
  assert.ok(count > BIG * 0.8 && count <= BIG, `the caption counts the partners: ${big.caption}`);
  assert.equal(big.points, count, 'every partner of the caption is on the plot');
  // The slide's size does not depend on the portfolio's (a name's length or
  // a tick's label may add a node or two).
  assert.ok(big.quadrantNodes < 150, `the quadrant is ${big.quadrantNodes} nodes`);
  assert.ok(Math.abs(big.slideNodes - small.slideNodes) <= 4,
    `${big.slideNodes} nodes for ${BIG} partners, ${small.slideNodes} for 12`);
  // The deck's partner is named on the quadrant, on its own layer.
  const over = await h.$('#s', 'quadrant-over').textContent();
  assert.ok(over.includes(await h.page.evaluate(() => document.querySelector('#s').shadowRoot
    .querySelector('[data-testid="slide-context"]').textContent.split(' · ')[0])), 'the partner is named');
});

pageTest(env, 'deck quadrant 2. arrows move through the partners while the plot has the focus; Tab gives the deck its keys back; Esc leaves the deck', async (h) => {
  const latest = expected(env.feeds.json).periods.at(-1);
  const cards = expected(env.feeds.json, null, latest).scorecards.filter((c) => c.band != null);
  const byName = new Map(cards.map((c) => [c.partner_name, c]));
  const me = cards.find((c) => c.partner === PARTNER);
  const card = async (what) => {
    const text = await live(h);
    const c = byName.get(text.slice(0, text.indexOf(':')));
    assert.ok(c, `${what}: the live region names a partner: "${text}"`);
    assert.ok(text.includes(`fairness ${ratio(c.fairness)}`), `${what}: with the engine's fairness: "${text}"`);
    return c;
  };
  await openBalance(h);
  // The first Tab from the deck reaches the plot; the focus starts at the deck's partner.
  await h.page.keyboard.press('Tab');
  assert.equal(await focusedId(h), 'quadrant-points');
  assert.equal((await card('on focus')).partner, PARTNER, 'the focus starts at the deck\'s partner');
  const shares = cards.map((c) => c.shares.contribution);
  let text = await live(h);
  await h.page.keyboard.press('ArrowRight');
  text = await liveChanged(h, text, 'ArrowRight');
  const right = await card('after ArrowRight');
  assert.ok(right.shares.contribution > me.shares.contribution, 'ArrowRight goes right');
  await h.page.keyboard.press('Home');
  text = await liveChanged(h, text, 'Home');
  assert.equal((await card('after Home')).shares.contribution, Math.min(...shares), 'Home: the leftmost partner');
  await h.page.keyboard.press('End');
  text = await liveChanged(h, text, 'End');
  assert.equal((await card('after End')).shares.contribution, Math.max(...shares), 'End: the rightmost partner');
  await h.page.keyboard.press('ArrowLeft');
  await liveChanged(h, text, 'ArrowLeft');
  // None of these keys turned the slide.
  assert.equal(await h.text('#s', 'slide-counter'), `${BALANCE + 1} / ${DECK_TOTAL}`);
  // The focused partner's ring and tooltip are shown.
  const ring = await h.$('#s', 'quadrant-focus').getAttribute('data-tip');
  assert.ok(ring.startsWith((await card('ring')).partner_name), ring);
  // Tab leaves the plot for the deck's controls, where the arrows turn slides again.
  await h.page.keyboard.press('Tab');
  assert.equal(await focusedId(h), 'slide-prev');
  await h.page.keyboard.press('ArrowRight');
  await h.waitText('#s', 'slide-counter', `${BALANCE + 2} / ${DECK_TOTAL}`);
  await h.page.keyboard.press('ArrowLeft');
  await h.waitText('#s', 'slide-counter', `${BALANCE + 1} / ${DECK_TOTAL}`);
  // The slide came back; its plot is drawn just after the slide's first paint.
  await h.waitVisible('#s', 'quadrant-points');
  // Shift+Tab goes back to the plot; Esc there leaves the deck, as everywhere in it.
  await h.page.keyboard.press('Shift+Tab');
  assert.equal(await focusedId(h), 'quadrant-points');
  await h.page.keyboard.press('Escape');
  await h.$('#s', 'deck').waitFor({ state: 'detached' });
});

pageTest(env, 'deck quadrant 3. Enter opens the partner in focus: scorecard-select, and the deck presents that partner', async (h) => {
  const latest = expected(env.feeds.json).periods.at(-1);
  const cards = expected(env.feeds.json, null, latest).scorecards.filter((c) => c.band != null);
  await openBalance(h);
  await h.page.keyboard.press('Tab');
  const first = await live(h);
  await h.page.keyboard.press('End');
  const text = await liveChanged(h, first, 'End');
  const other = cards.find((c) => text.startsWith(`${c.partner_name}:`));
  assert.ok(other && other.partner !== PARTNER, text);
  await h.page.keyboard.press('Enter');
  const select = await h.waitEvent('scorecard-select', { target: 's' });
  assert.deepEqual(select.detail, { partner: other.partner, period: latest });
  await h.page.waitForFunction((name) => document.querySelector('#s').shadowRoot
    .querySelector('[data-testid="slide-context"]')?.textContent.startsWith(name), other.partner_name);
  assert.equal(await h.text('#s', 'slide-counter'), `${BALANCE + 1} / ${DECK_TOTAL}`, 'still on the balance slide');
  assert.equal(await h.text('#s', 'slide-fairness'), ratio(other.fairness));
});

pageTest(env, 'deck quadrant 4. the handout prints the whole quadrant as vectors, with the partner named', { timeout: 60_000 }, async (h) => {
  await openBalance(h);
  await h.page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await h.$('#s', 'deck-print').click();
  await h.page.waitForFunction(() => window.__printed === 1);
  const paper = await h.page.evaluate(() => {
    const page = document.querySelector('#s').shadowRoot
      .querySelector('[data-testid="handout"] [data-slide="balance"]');
    const q = page.querySelector('.ps-chart-quadrant');
    return {
      canvases: page.querySelectorAll('canvas').length,
      markers: q.querySelectorAll('svg circle, svg polygon, svg line, svg path').length,
      names: [...q.querySelectorAll('svg text')].map((t) => t.textContent.trim()),
      context: page.querySelector('[data-testid="slide-context"]').textContent,
    };
  });
  assert.equal(paper.canvases, 0, 'no canvas on paper');
  assert.ok(paper.markers >= 12, `the markers are SVG (${paper.markers})`);
  assert.ok(paper.names.includes(paper.context.split(' · ')[0]), `the partner is named: ${paper.names.join(' | ')}`);
  await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await h.$('#s', 'handout').waitFor({ state: 'detached' });
});
