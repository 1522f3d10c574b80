// Browser benchmark of the portfolio's balance quadrant at scale (not a test file).
//
//   node tests/e2e/bench-quadrant.mjs [--runs 3] [--partners 5000] [--dist dist]
//
// Builds nothing: serves a snapshot of `--dist` (default dist/, built by ./x build)
// and `scorecard sample --partners N --quarters 8 --seed 7` on 127.0.0.1, and
// drives headless Chromium at 1280 × 900. In the page, with performance.now()
// and PerformanceObserver('longtask'), for the quadrant alone:
//   first draw: from the task that draws the quadrant (its aria-busy turns
//     false) until every point is on screen and painted, plus a 300 ms tail;
//   redraw: the same after the Tier filter is set back to "Any" (every partner
//     drawn again);
//   keys: ten arrow-key presses on the quadrant, one per frame;
// the longest task overlapping each window (the table's own repaint comes
// before it), and the elements inside the quadrant's figure.
// `--dist` lets the same script measure an older build (the "before" figures).

import { spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import {
  close, DIST, listen, ROOT, scorecard, snapshotDist, startApp, startData,
} from './servers.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 3));
const PARTNERS = Number(arg('partners', 5000));
const DIST_DIR = resolve(arg('dist', DIST));

function sample(partners, file) {
  const args = ['sample', '--partners', String(partners), '--quarters', '8', '--seed', '7', '-o', file];
  const binary = join(ROOT, 'target', 'release', 'scorecard');
  if (existsSync(binary)) {
    const run = spawnSync(binary, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`scorecard sample failed: ${run.stderr}`);
  } else {
    scorecard(...args);
  }
  return readFileSync(file, 'utf8');
}

function initScript() {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: mounts the portfolio from `data` text and times the quadrant's windows. */
async function measureInPage({ tier }) {
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(0);
  }));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const until = async (cond, what, timeout = 180_000) => {
    const end = performance.now() + timeout;
    while (!cond()) {
      if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(5);
    }
  };
  // Long tasks that overlap [a, b]: the task running at `a` counts even if it began earlier.
  const longest = (a, b) => Math.max(0, ...window.__long
    .filter((e) => e.start <= b && e.start + e.duration >= a).map((e) => e.duration));
  const el = document.createElement('partner-scorecard');
  const ready = new Promise((r) => el.addEventListener('scorecard-ready', r, { once: true }));
  el.data = window.__text;
  document.querySelector('#slot').append(el);
  await ready;
  const root = el.shadowRoot;
  const q = (s) => root.querySelector(s);
  const figure = () => q('[data-testid=quadrant]');
  // The moment the quadrant is drawn, taken inside the task that draws it
  // (a MutationObserver callback runs at the end of that task).
  const drawnAt = () => new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (figure()?.getAttribute('aria-busy') === 'false') { mo.disconnect(); resolve(performance.now()); }
    });
    mo.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  // Every point in place: the canvas (now), or all the overlay buttons (before:
  // they were added 200 per frame after the draw).
  const complete = () => {
    if (q('[data-testid=quadrant-canvas]')) return true;
    const layer = q('.ps-q-points');
    return !!layer && layer.querySelectorAll('[data-testid=quadrant-point]').length >= Number(layer.dataset.points);
  };
  const out = {};
  let drawn = drawnAt();
  let t = await drawn;
  await until(complete, 'every point');
  await nextPaint();
  out.firstDraw = performance.now() - t;
  await sleep(300);
  out.firstDrawLongest = longest(t, performance.now());
  out.elements = figure().querySelectorAll('*').length;

  const select = q('[data-testid=filter-tier]');
  const count = () => q('[data-testid=portfolio-count]')?.textContent;
  let before = count();
  select.value = tier;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => count() !== before && figure().getAttribute('aria-busy') === 'false' && complete(), 'the filtered quadrant');
  await sleep(500);
  before = count();
  await nextPaint();
  await new Promise((r) => setTimeout(() => {
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    r();
  }, 0));
  await until(() => figure().getAttribute('aria-busy') === 'true', 'busy');
  drawn = drawnAt();
  t = await drawn;
  await until(complete, 'every point again');
  await nextPaint();
  out.redraw = performance.now() - t;
  await sleep(300);
  out.redrawLongest = longest(t, performance.now());

  // Keys: the new plot is one focusable layer, the old one a button per point.
  const target = q('[data-testid=quadrant-points][tabindex="0"]') ?? q('[data-testid=quadrant-point][tabindex="0"]');
  target.focus();
  await nextPaint();
  const from = performance.now();
  for (let i = 0; i < 10; i++) {
    root.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    await nextPaint();
  }
  out.keys = (performance.now() - from) / 10;
  await sleep(300);
  out.keysLongest = longest(from, performance.now());
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const env = {};
  // A copy, so a build running meanwhile cannot swap files under the page.
  let snap;
  if (DIST_DIR === DIST) snap = snapshotDist();
  else {
    snap = mkdtempSync(join(tmpdir(), 'ps-bench-dist-'));
    cpSync(DIST_DIR, snap, { recursive: true });
  }
  const app = startApp(env, snap);
  env.appOrigin = `http://127.0.0.1:${await listen(app)}`;
  const data = startData(env, {});
  env.dataOrigin = `http://127.0.0.1:${await listen(data)}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const scratch = join(tmpdir(), `ps-bench-quadrant-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const host = env.addPage(`<!doctype html><html lang="en-US"><head><meta charset="utf-8">
<title>quadrant bench</title><script type="module" src="/embed.js"></script></head>
<body><main id="slot"></main></body></html>`);
  const runs = [];
  try {
    const text = sample(PARTNERS, join(scratch, 'sample.json'));
    const doc = JSON.parse(text);
    const tiers = {};
    for (const p of doc.partners) tiers[p.tier] = (tiers[p.tier] ?? 0) + 1;
    const tier = Object.entries(tiers).sort((a, b) => b[1] - a[1])[0][0];
    const src = env.addFeed('/bench.json', text);
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      await context.addInitScript(initScript);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(host);
      await page.evaluate(() => customElements.whenDefined('partner-scorecard'));
      await page.evaluate(async (url) => { window.__text = await (await fetch(url)).text(); }, src);
      const m = await page.evaluate(measureInPage, { tier });
      if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
      runs.push(m);
      process.stderr.write(`run ${r + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)])))}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await close(app);
    await close(data);
    rmSync(snap, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  const med = (k) => Math.round(median(runs.map((r) => r[k])));
  console.log(`${PARTNERS} partners, ${DIST_DIR}, medians of ${RUNS} (${cpus().length} cores, Chromium ${browser.version()}):`);
  console.log(`| elements in the quadrant | first draw | its longest task | redraw after unfilter | its longest task | arrow key → paint | longest task over 10 keys |`);
  console.log(`| ${med('elements')} | ${med('firstDraw')} ms | ${med('firstDrawLongest')} ms | ${med('redraw')} ms | ${med('redrawLongest')} ms | ${med('keys')} ms | ${med('keysLongest')} ms |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
