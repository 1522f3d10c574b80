// Browser benchmark of presentation mode (not a test file).
//
//   node tests/e2e/bench-qbr.mjs [--runs 3] [--sizes 12,1000,5000]
//
// Serves a snapshot of the existing dist/ and `scorecard sample --partners N
// --quarters 8 --seed 7` on 127.0.0.1 (servers.mjs) and drives headless Chromium
// at 1920×1080. For one partner, timed with performance.now() inside the page:
//   open: a click on Present → the first slide in the DOM and the next frame painted;
//   each slide: ArrowRight → the counter changed and the next frame painted (the
//     balance slide draws the quadrant of every partner of the quarter);
//   handout: a click on Print / PDF → window.print() called (all eight slides
//     rendered, the host page prepared);
//   long tasks over 50 ms during all of that (PerformanceObserver 'longtask').
// Medians of --runs fresh contexts. Writes tests/e2e/artifacts/bench-qbr.json
// and prints a markdown table.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DECK_SLIDES } from './deck.mjs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { close, listen, scorecard, snapshotDist, startApp, startData } from './servers.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 3));
const SIZES = arg('sizes', '12,1000,5000').split(',').map(Number);
const SLIDES = DECK_SLIDES;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function once(browser, env, size) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
    window.print = () => { window.__printedAt = performance.now(); };
  });
  await page.goto(env.addPage(`<!doctype html><html lang="en"><head><script type="module" src="/embed.js"></script></head>
    <body><partner-scorecard id="s" src="${env.dataOrigin}/bench-${size}.json" partner="P-00001"></partner-scorecard></body></html>`));
  const root = () => page.locator('#s');
  await root().getByTestId('present').waitFor({ timeout: 120_000 });
  await page.evaluate(() => { window.__long = []; });
  const timed = (action, until) => page.evaluate(async ([action, until]) => {
    const r = document.querySelector('#s').shadowRoot;
    const t0 = performance.now();
    if (action === 'present') r.querySelector('[data-testid="present"]').click();
    if (action === 'next') r.querySelector('[data-testid="deck"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    if (action === 'print') r.querySelector('[data-testid="deck-print"]').click();
    for (;;) {
      await new Promise((f) => requestAnimationFrame(() => setTimeout(f, 0)));
      const done = until === 'printed' ? window.__printedAt
        : r.querySelector('[data-testid="slide-counter"]')?.textContent.trim() === until;
      if (done) return (until === 'printed' ? window.__printedAt : performance.now()) - t0;
      if (performance.now() - t0 > 60_000) throw new Error(`no ${until}`);
    }
  }, [action, until]);
  const result = { open: await timed('present', `1 / ${SLIDES.length}`) };
  for (let n = 2; n <= SLIDES.length; n++) result[SLIDES[n - 1]] = await timed('next', `${n} / ${SLIDES.length}`);
  result.handout = await timed('print', 'printed');
  const long = await page.evaluate(() => window.__long);
  result.longTasks = long.length;
  result.longest = long.length ? Math.max(...long) : 0;
  await context.close();
  return result;
}

const env = {};
const root = snapshotDist();
const app = startApp(env, root);
env.appOrigin = `http://127.0.0.1:${await listen(app)}`;
const data = startData(env, { json: '{}', csv: '', doc: {} });
env.dataOrigin = `http://127.0.0.1:${await listen(data)}`;
const scratch = mkdtempSync(join(tmpdir(), 'ps-bench-qbr-'));
for (const size of SIZES) {
  // Through a file: 5,000 partners is ~100 MB, too big for a pipe buffer.
  const file = join(scratch, `bench-${size}.json`);
  scorecard('sample', '--partners', String(size), '--quarters', '8', '--seed', '7', '-o', file);
  env.addFeed(`/bench-${size}.json`, readFileSync(file, 'utf8'));
}
rmSync(scratch, { recursive: true, force: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const report = { cpus: cpus().length, cpu: cpus()[0]?.model, runs: RUNS, sizes: {} };
try {
  for (const size of SIZES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, env, size));
    report.sizes[size] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
  }
} finally {
  await browser.close();
  await close(app);
  await close(data);
  rmSync(root, { recursive: true, force: true });
}
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(join(ARTIFACTS, 'bench-qbr.json'), JSON.stringify(report, null, 2));
const cols = ['open', ...SLIDES.slice(1), 'handout', 'longTasks', 'longest'];
console.log(`| partners | ${cols.join(' | ')} |\n|---:|${cols.map(() => '---:').join('|')}|`);
for (const [size, r] of Object.entries(report.sizes)) {
  console.log(`| ${size} | ${cols.map((c) => (c === 'longTasks' ? r[c] : `${Math.round(r[c])} ms`)).join(' | ')} |`);
}
