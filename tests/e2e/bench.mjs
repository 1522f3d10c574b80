// Browser benchmark of the portfolio view at scale (not a test file).
//
//   node tests/e2e/bench.mjs [--runs 3] [--sizes 100,1000,5000] [--format json|csv] [--max-bytes N]
//   (--max-bytes: the element's max-bytes attribute, for feeds above its 500 MB default)
//
// Builds nothing: it serves a snapshot of the existing dist/ (build it first with
// `PATH=$PWD/node_modules/.bin:$PATH trunk build --release`) and data made by
// `scorecard sample --partners N --quarters 8 --seed 7`, both on 127.0.0.1
// (servers.mjs), and drives headless Chromium. Every time is taken with
// performance.now() inside the page:
//   first paint (data): element created with the `data` property set to the JSON
//     text already in the page → `scorecard-ready`, portfolio rows in the DOM and
//     the next frame painted (parse + validate + score + render);
//   first paint (src):  the same from an element with `src` (adds the fetch);
//   sort / filter / search: a click on the Fairness header, a Tier filter change,
//     one keystroke in the search box → the DOM changed and the next frame painted;
//   page / open: the next-page button → the page status changed; a partner's name
//     → its scorecard shown (and back to the portfolio, not timed);
//   long tasks: PerformanceObserver({type: 'longtask', buffered: true}); count and
//     longest of the tasks that start after the first paint (the interactions), and
//     the longest task during the first render; and in `src` mode the longest task
//     from navigation start (embed.js, the wasm, the worker) to the first paint.
// Each size runs `--runs` times in a fresh browser context; the report gives the
// medians. Writes tests/e2e/artifacts/bench-report.json and prints a markdown table.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  close, listen, ROOT, scorecard, snapshotDist, startApp, startData,
} from './servers.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 3));
const SIZES = arg('sizes', '100,1000,5000').split(',').map(Number);
const FORMAT = arg('format', 'json');
const MAX_BYTES = arg('max-bytes', null);
const QUARTERS = 8;

// ---------------------------------------------------------------- data

/** `scorecard sample` into a file (5,000 partners is ~100 MB: too big for a pipe buffer). */
function sample(partners, file) {
  const args = ['sample', '--partners', String(partners), '--quarters', String(QUARTERS), '--seed', '7', '--format', FORMAT, '-o', file];
  const binary = join(ROOT, 'target', 'release', 'scorecard');
  if (existsSync(binary)) {
    const run = spawnSync(binary, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`scorecard sample failed: ${run.stderr}`);
  } else {
    scorecard(...args); // builds the command once
  }
  return readFileSync(file, 'utf8');
}

/** The partners and records of a CSV sample, as `choices` reads them. */
function csvDoc(text) {
  const lines = text.split('\n').filter(Boolean);
  const head = lines[0].split(',');
  const col = (name) => head.indexOf(name);
  const [id, name, tier] = [col('partner'), col('partner_name'), col('tier')];
  const partners = new Map();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (!partners.has(f[id])) partners.set(f[id], { id: f[id], name: f[name] ?? '', tier: f[tier] ?? '' });
  }
  return { partners: [...partners.values()], records: lines.slice(1) };
}

/**
 * What to filter and search for: the most common tier (a change that keeps a
 * sizeable part of the rows) and a letter that about half of the names contain.
 */
function choices(doc) {
  const tiers = {};
  for (const p of doc.partners) tiers[p.tier] = (tiers[p.tier] ?? 0) + 1;
  const tier = Object.entries(tiers).sort((a, b) => b[1] - a[1])[0][0];
  // The search matches names and ids, so count both.
  const names = doc.partners.map((p) => `${p.name} ${p.id}`.toLowerCase());
  let letter = 'a'; let best = Infinity;
  for (const c of 'abcdefghijklmnopqrstuvwxyz') {
    const share = names.filter((n) => n.includes(c)).length / names.length;
    if (Math.abs(share - 0.5) < best) { best = Math.abs(share - 0.5); letter = c; }
  }
  return { tier, letter };
}

// ---------------------------------------------------------------- in the page

// Runs before the page's own scripts: records every long task from the start.
function initScript() {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: mounts the portfolio (from `data` text or from `src`), waits for the
 * first painted rows, then times the interactions. Returns times in ms.
 */
async function measureInPage({ mode, src, tier, letter, interact, maxBytes }) {
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    // A task queued from the frame callback runs after that frame was produced.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  }));
  const until = (root, cond, timeout = 180_000) => new Promise((resolve, reject) => {
    if (cond()) { resolve(); return; }
    const mo = new MutationObserver(() => {
      if (cond()) { mo.disconnect(); clearTimeout(timer); resolve(); }
    });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`timed out waiting for the widget at ${window.__stage}`)); }, timeout);
  });

  const el = document.createElement('partner-scorecard');
  el.id = 'p';
  if (maxBytes) el.setAttribute('max-bytes', maxBytes);
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('scorecard-ready', resolve, { once: true });
    el.addEventListener('scorecard-error', (e) => reject(new Error(`scorecard-error: ${JSON.stringify(e.detail)}`)), { once: true });
  });
  window.__stage = 'mount';
  // Mount from a timer task of the page, not from the DevTools evaluation that
  // calls this function: Chromium reports no long tasks inside the latter.
  // (A task's startTime is a little before the callback's own clock: count long
  // tasks from when the task was queued.)
  const queued = performance.now();
  const t0 = await new Promise((resolve) => setTimeout(() => {
    const t = performance.now();
    if (mode === 'data') el.data = window.__text;
    else el.setAttribute('src', src);
    document.querySelector('#slot').append(el);
    resolve(t);
  }, 0));
  await ready;
  const tReady = performance.now();
  window.__stage = 'rows';
  const q = (sel) => el.shadowRoot.querySelector(sel);
  await until(el.shadowRoot, () => q('[data-testid=portfolio-row]'));
  await nextPaint();
  const painted = performance.now();
  const out = { firstPaint: painted - t0, ready: tReady - t0, paintedAt: painted, rows: el.shadowRoot.querySelectorAll('[data-testid=portfolio-row]').length };
  out.longDuring = { count: 0, max: 0 };
  const fromStart = () => window.__long.filter((e) => e.start < painted);
  const loadLong = () => window.__long.filter((e) => e.start >= queued && e.start < painted);
  if (!interact) {
    await new Promise((r) => setTimeout(r, 300));
    out.longDuring = { count: loadLong().length, max: Math.max(0, ...loadLong().map((e) => e.duration)) };
    out.longFromStart = { count: fromStart().length, max: Math.max(0, ...fromStart().map((e) => e.duration)) };
    return out;
  }

  // What the widget still does after its first paint (a redraw at its measured
  // width, say) is left to settle, and its long tasks are counted on their own.
  window.__stage = 'settle';
  await new Promise((r) => setTimeout(r, 1000));
  const windows = { settle: [painted, performance.now()] };
  const TAIL = 800;
  const count = () => q('[data-testid=portfolio-count]')?.textContent;
  const time = async (stage, act, done) => {
    window.__stage = stage;
    await nextPaint(); // start from a quiet frame
    // The action runs in a task of the page, as a user's input would.
    const from = performance.now();
    const t = await new Promise((resolve) => setTimeout(() => { const at = performance.now(); act(); resolve(at); }, 0));
    await until(el.shadowRoot, done);
    await nextPaint();
    const end = performance.now();
    // Work the interaction defers (a debounced redraw) lands in this quiet tail,
    // so its long tasks are counted against the interaction that caused them.
    await new Promise((r) => setTimeout(r, TAIL));
    windows[stage] = [from, performance.now()];
    return end - t;
  };
  const sortButton = q('[data-testid=sort-fairness]');
  out.sort = await time('sort', () => sortButton.click(), () => sortButton.closest('th').getAttribute('aria-sort') === 'ascending');
  const select = q('[data-testid=filter-tier]');
  let before = count();
  out.filter = await time('filter', () => {
    select.value = tier;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, () => count() !== before);
  before = count();
  out.unfilter = await time('unfilter', () => {
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, () => count() !== before);
  const search = q('[data-testid=search]');
  before = count();
  out.search = await time('search', () => {
    search.value = letter;
    search.dispatchEvent(new InputEvent('input', { bubbles: true, data: letter, inputType: 'insertText' }));
  }, () => count() !== before);
  out.countAfterSearch = count();
  const status = () => q('[data-testid=pager-status]')?.textContent;
  before = status();
  out.page = await time('page', () => q('[data-testid=pager-next]').click(), () => status() !== before);
  out.open = await time('open', () => q('[data-testid=portfolio-row] button').click(), () => q('[data-testid=scorecard]'));
  q('[data-testid=back]')?.click();
  await until(el.shadowRoot, () => q('[data-testid=portfolio-row]'));
  const long = window.__long;
  const after = long.filter((e) => e.start >= painted);
  const during = long.filter((e) => e.start >= queued && e.start < painted);
  const summary = (list) => ({ count: list.length, max: Math.max(0, ...list.map((e) => e.duration)) });
  out.longAfter = summary(after);
  out.longBy = Object.fromEntries(Object.entries(windows)
    .map(([k, [a, b]]) => [k, summary(long.filter((e) => e.start >= a && e.start < b))]));
  out.longTasks = long.filter((e) => e.start >= queued).map((e) => ({ start: Math.round(e.start - t0), duration: e.duration }));
  out.windows = Object.fromEntries(Object.entries(windows).map(([k, [a, b]]) => [k, [Math.round(a - t0), Math.round(b - t0)]]));
  out.longDuring = { count: during.length, max: Math.max(0, ...during.map((e) => e.duration)) };
  return out;
}

// ---------------------------------------------------------------- driver

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const env = {};
  const root = snapshotDist();
  const app = startApp(env, root);
  env.appOrigin = `http://127.0.0.1:${await listen(app)}`;
  const data = startData(env, {});
  env.dataOrigin = `http://127.0.0.1:${await listen(data)}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const scratch = join(tmpdir(), `ps-bench-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const host = env.addPage(`<!doctype html><html lang="en-US"><head><meta charset="utf-8">
<title>partner-scorecard bench</title><script type="module" src="/embed.js"></script></head>
<body><main id="slot"></main></body></html>`);

  const results = [];
  try {
    for (const n of SIZES) {
      const file = join(scratch, `sample-${n}.${FORMAT}`);
      const text = sample(n, file);
      const doc = FORMAT === 'csv' ? csvDoc(text) : JSON.parse(text);
      const { tier, letter } = choices(doc);
      const path = `/bench-${n}.${FORMAT}`;
      const src = env.addFeed(path, text, FORMAT === 'csv' ? 'text/csv; charset=utf-8' : 'application/json');
      const bytes = statSync(file).size;
      const runs = [];
      for (let r = 0; r < RUNS; r++) {
        const run = {};
        for (const mode of ['data', 'src']) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
          await context.addInitScript(initScript);
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
          await page.goto(host);
          await page.evaluate(() => customElements.whenDefined('partner-scorecard'));
          if (mode === 'data') {
            // Fetched before the clock starts: the data-mode time is parse + score + render.
            await page.evaluate(async (url) => { window.__text = await (await fetch(url)).text(); }, src);
          }
          const m = await page.evaluate(measureInPage, { mode, src, tier, letter, interact: mode === 'data', maxBytes: MAX_BYTES });
          if (errors.length) throw new Error(`${n} partners, ${mode}: the page reported errors: ${errors.join(' | ')}`);
          run[mode] = m;
          await context.close();
        }
        runs.push(run);
        const d = run.data;
        process.stderr.write(`${n} partners, run ${r + 1}: first paint ${d.firstPaint.toFixed(0)} ms (data) / ${run.src.firstPaint.toFixed(0)} ms (src); `
          + `sort ${d.sort.toFixed(0)}, filter ${d.filter.toFixed(0)}, search ${d.search.toFixed(0)} ms; `
          + `long tasks after paint ${d.longAfter.count} (max ${d.longAfter.max.toFixed(0)} ms), longest during load ${d.longDuring.max.toFixed(0)} ms\n`);
      }
      const med = (f) => median(runs.map(f));
      results.push({
        partners: n,
        quarters: QUARTERS,
        records: doc.records.length,
        bytes,
        tier,
        searched: letter,
        rowsShown: runs[0].data.rows,
        median: {
          firstPaintData: med((r) => r.data.firstPaint),
          readyData: med((r) => r.data.ready),
          firstPaintSrc: med((r) => r.src.firstPaint),
          sort: med((r) => r.data.sort),
          filter: med((r) => r.data.filter),
          unfilter: med((r) => r.data.unfilter),
          search: med((r) => r.data.search),
          page: med((r) => r.data.page),
          open: med((r) => r.data.open),
          longestFromStartSrc: med((r) => r.src.longFromStart.max),
          longTasksAfterPaint: med((r) => r.data.longAfter.count),
          longestAfterPaint: med((r) => r.data.longAfter.max),
          longestDuringLoad: med((r) => r.data.longDuring.max),
          longestBy: Object.fromEntries(['settle', 'sort', 'filter', 'unfilter', 'search', 'page', 'open']
            .map((k) => [k, med((r) => r.data.longBy[k].max)])),
        },
        runs,
      });
    }
  } finally {
    await browser.close();
    await close(app);
    await close(data);
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, browser: `headless Chromium ${browser.version()}`, build: 'trunk build --release (dist/)' },
    runsPerSize: RUNS,
    results,
  };
  writeFileSync(join(ARTIFACTS, 'bench-report.json'), `${JSON.stringify(report, null, 2)}\n`);

  const ms = (v) => `${Math.round(v).toLocaleString('en-US')}`;
  const mb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${Math.round(b / 1e3)} kB`);
  const lines = [
    `Medians of ${RUNS} runs, ${report.date.slice(0, 10)}, ${report.machine.cores} cores, ${report.machine.browser}, release build. Times in ms.`,
    '',
    `| partners × 8 quarters | ${FORMAT.toUpperCase()} | first paint, \`data\` | first paint, \`src\` | sort click → repaint | tier filter → repaint | search keystroke → repaint | next page → repaint | open a partner → shown | long tasks after first paint: count / longest | longest task after sort / filter / unfilter / search / page / open | longest task before first paint (\`data\`) | longest task, script start → first paint (\`src\`) |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const m = r.median;
      const by = m.longestBy;
      const task = (v) => (v ? ms(v) : '–');
      return `| ${r.partners.toLocaleString('en-US')} | ${mb(r.bytes)} | ${ms(m.firstPaintData)} | ${ms(m.firstPaintSrc)} | ${ms(m.sort)} | ${ms(m.filter)} | ${ms(m.search)} | ${ms(m.page)} | ${ms(m.open)} | ${m.longTasksAfterPaint} / ${task(m.longestAfterPaint)} | ${task(by.sort)} / ${task(by.filter)} / ${task(by.unfilter)} / ${task(by.search)} / ${task(by.page)} / ${task(by.open)} | ${task(m.longestDuringLoad)} | ${task(m.longestFromStartSrc)} |`;
    }),
    '',
    '"–": no task over 50 ms. Long tasks are attributed to the interaction whose window they start in (the interaction plus an idle tail of 800 ms, so deferred redraws count).',
  ];
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
