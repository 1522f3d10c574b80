// Issue 9, item 3: <partner-scorecard> against the hand-written yardstick (vanilla JS + Chart.js 4,
// tests/e2e/bench/yardstick/), both served compressed from one 127.0.0.1 server (cdn.mjs). Not a
// test file: run it with `./x bench` (builds dist/ first) or, after `./x build`,
//
//   node tests/e2e/bench/compare.mjs [--runs 5] [--partners 5000] [--lighthouse 5]
//                                    [--scenarios scorecard,portfolio,portfolio-csv] [--widget-attrs '...']
//
// In ONE headless Chromium, every round runs each scenario on both pages, alternating which page
// goes first, each navigation in a fresh browser context (cold cache); the report gives medians.
//   painted:   what the user sees, defined the same for both pages by an init script that checks
//              every animation frame: the partner's name and a fairness figure (a digit) are in
//              the page (the widget's shadow root, or the yardstick's document) — for the
//              portfolio, the first partner's table row with its fairness — and then the time
//              after that frame (a task posted from the frame callback), from navigation start.
//   bytes:     PerformanceResourceTiming encodedBodySize (the compressed body), split into the
//              page's code (everything but the host page and the feed) before painted and after a
//              1 s settle, and the feed.
//   long task: PerformanceObserver longtask, the longest from navigation to painted + 1 s.
//   Lighthouse (npm lighthouse 12, mobile preset, simulated throttling) on the one-scorecard page
//              of each, driving /usr/bin/chromium; medians of --lighthouse runs, alternating; on
//              the host page with its <h1> and on a bare one (on a phone the widget has no text
//              block larger than that <h1>, so there its LCP is the host's heading).
// Feeds: `scorecard sample` (12 partners = demo/data/sample.json; --partners N × 8 quarters as
// JSON and CSV), cached in target/bench-feeds/ until the scorecard binary changes.
// Writes tests/e2e/artifacts/compare-report.json and prints the tables as markdown.

import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, scorecard, snapshotDist } from '../servers.mjs';
import { startCdn } from './cdn.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LIGHTHOUSE = fileURLToPath(new URL('./node_modules/lighthouse/cli/index.js', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const PARTNERS = Number(arg('partners', 5000));
const LH_RUNS = Number(arg('lighthouse', 5));
const SCENARIOS = arg('scenarios', 'scorecard,portfolio,portfolio-csv').split(',');
// Extra attributes on the widget's element, e.g. --widget-attrs 'max-bytes="200000000"'.
const WIDGET_ATTRS = arg('widget-attrs', '');
const PARTNER = 'P-00001';

// ---------------------------------------------------------------- feeds

function feeds() {
  const dir = join(ROOT, 'target', 'bench-feeds');
  mkdirSync(dir, { recursive: true });
  scorecard('sample', '--partners', '1', '--quarters', '1'); // builds the command if needed
  const binary = statSync(join(ROOT, 'target', 'release', 'scorecard')).mtimeMs;
  const make = (name, ...args) => {
    const file = join(dir, name);
    if (!existsSync(file) || statSync(file).mtimeMs < binary) {
      process.stderr.write(`making ${name}\n`);
      scorecard('sample', ...args, '-o', file);
    }
    return file;
  };
  const big = ['--partners', String(PARTNERS), '--quarters', '8', '--seed', '7'];
  return {
    'sample-12.json': make('sample-12.json'),
    [`sample-${PARTNERS}.json`]: make(`sample-${PARTNERS}.json`, ...big),
    [`sample-${PARTNERS}.csv`]: make(`sample-${PARTNERS}.csv`, ...big, '--format', 'csv'),
  };
}

// ---------------------------------------------------------------- in the page

// Runs before the page's own scripts in every navigation: long tasks from the start, and the
// "painted" probe, the same for both pages.
function initScript(probe) {
  const bench = { long: [], paintedAt: null, error: null, lcp: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The browser's own LCP (unthrottled), and which element it picked: the two pages share the <h1>.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      bench.lcp = { time: e.startTime, size: e.size, what: el ? `${el.localName}${el.dataset?.testid ? `[${el.dataset.testid}]` : ''} "${el.textContent.trim().slice(0, 40)}"` : 'an element in a shadow root' };
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const check = () => {
    const root = document.querySelector('partner-scorecard')?.shadowRoot ?? document;
    const scope = probe.scope ? root.querySelector(probe.scope) : root;
    const name = scope?.querySelector(probe.name);
    const figure = scope?.querySelector(probe.figure);
    if (name && name.textContent.includes(probe.nameText) && figure && /\d/.test(figure.textContent)) {
      // This frame shows it; a task posted now runs once the frame is produced.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { bench.paintedAt = performance.now(); };
      channel.port2.postMessage(0);
      return;
    }
    const alert = root.querySelector('[role=alert]');
    if (alert) bench.error = alert.textContent;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function collect() {
  const painted = window.__bench.paintedAt;
  const resources = performance.getEntriesByType('resource').map((e) => ({
    name: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize, end: e.responseEnd,
  }));
  const until = painted + 1000;
  const long = window.__bench.long.filter((e) => e.start < until);
  return {
    painted,
    lcp: window.__bench.lcp,
    resources,
    longest: Math.max(0, ...long.map((e) => e.duration)),
    longCount: long.length,
    longBeforePaint: Math.max(0, ...long.filter((e) => e.start < painted).map((e) => e.duration)),
  };
}

async function measure(browser, cdn, kind, scenario, names) {
  const feed = scenario.feed;
  const url = `${cdn.origin}/page/${kind}.html?feed=${feed}${scenario.partner ? `&partner=${scenario.partner}` : ''}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(initScript, scenario.probe(names));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    const probe = scenario.probe(names);
    await page.waitForFunction(() => window.__bench.paintedAt !== null || window.__bench.error !== null, null, { timeout: 300_000, polling: 250 })
      .catch(() => { throw new Error(`${kind} ${scenario.id}: in 300 s the page never showed ${probe.scope ?? ''} ${probe.name} with "${probe.nameText}" and a digit in ${probe.figure} (renamed data-testid?)`); });
    const error = await page.evaluate(() => window.__bench.error);
    if (error) throw new Error(`${kind} ${scenario.id}: the page shows an error: ${error}`);
    await page.waitForTimeout(1000);
    const out = await page.evaluate(collect);
    if (errors.length) throw new Error(`${kind} ${scenario.id}: page errors: ${errors.join('; ')}`);
    const isFeed = (r) => r.name.startsWith('/data/');
    const code = out.resources.filter((r) => !isFeed(r));
    const sum = (list) => list.reduce((s, r) => s + r.encoded, 0);
    return {
      painted: out.painted,
      lcp: out.lcp?.time ?? null,
      lcpElement: out.lcp?.what ?? null,
      codeBeforePaint: sum(code.filter((r) => r.end <= out.painted)),
      codeTotal: sum(code),
      feedBytes: sum(out.resources.filter(isFeed)),
      longest: out.longest,
      longBeforePaint: out.longBeforePaint,
      longCount: out.longCount,
      files: code.map((r) => `${r.name} ${r.encoded}`),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- Lighthouse

/** Runs the Lighthouse CLI; asynchronously, because this process serves the page it loads. */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
  });
}

async function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), 'ps-lighthouse-'));
  try {
    const out = join(dir, 'report.json');
    if (!existsSync(LIGHTHOUSE)) throw new Error(`${LIGHTHOUSE} is missing: npm ci --prefix tests/e2e/bench (./x bench does it)`);
    const done = await run(process.execPath, [LIGHTHOUSE, url, '--only-categories=performance', '--output=json',
      `--output-path=${out}`, '--quiet', `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`], {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
    });
    if (done.status !== 0 || !existsSync(out)) throw new Error(`lighthouse ${url} exited ${done.status}: ${done.stderr}`);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    if (r.runtimeError) throw new Error(`lighthouse ${url}: ${r.runtimeError.message}`);
    const a = (id) => r.audits[id]?.numericValue ?? null;
    return {
      score: Math.round(r.categories.performance.score * 100),
      fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time'),
      si: a('speed-index'), cls: a('cumulative-layout-shift'), bytes: a('total-byte-weight'),
      warnings: r.runWarnings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => (v == null ? '–' : `${Math.round(v).toLocaleString('en-US')} ms`);
const kb = (v) => (v == null ? '–' : v >= 1 << 20 ? `${(v / (1 << 20)).toFixed(1)} MB` : `${(v / 1024).toFixed(1)} KB`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
const spread = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

async function main() {
  const started = new Date();
  const load = { start: loadavg().map((x) => x.toFixed(2)) };
  const feedFiles = feeds();
  const names = JSON.parse(readFileSync(feedFiles['sample-12.json'], 'utf8')).partners.map((p) => p.name);
  const firstName = names[0];
  const dist = snapshotDist();
  const cdn = await startCdn({ dist, feeds: feedFiles, widgetAttrs: WIDGET_ATTRS });
  const big = (ext) => `sample-${PARTNERS}.${ext}`;
  const scorecardProbe = () => ({ scope: null, name: '[data-testid=partner-name]', nameText: firstName, figure: '[data-testid=fairness]' });
  const portfolioProbe = () => ({ scope: `[data-testid=portfolio-row][data-partner="${PARTNER}"]`, name: 'th', nameText: firstName, figure: '[data-testid=row-fairness]' });
  const all = {
    scorecard: { id: 'scorecard', feed: 'sample-12.json', partner: PARTNER, probe: scorecardProbe, title: 'one scorecard (12-partner JSON feed)' },
    portfolio: { id: 'portfolio', feed: big('json'), partner: null, probe: portfolioProbe, title: `${PARTNERS.toLocaleString('en-US')}-partner portfolio, JSON` },
    'portfolio-csv': { id: 'portfolio-csv', feed: big('csv'), partner: null, probe: portfolioProbe, title: `${PARTNERS.toLocaleString('en-US')}-partner portfolio, CSV` },
  };
  const scenarios = SCENARIOS.map((id) => all[id] ?? (() => { throw new Error(`unknown scenario ${id}`); })());
  const results = {};
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (let round = 0; round < RUNS; round++) {
      for (const s of scenarios) {
        const order = round % 2 === 0 ? ['widget', 'yardstick'] : ['yardstick', 'widget'];
        for (const kind of order) {
          const r = await measure(browser, cdn, kind, s, names);
          ((results[s.id] ??= {})[kind] ??= []).push(r);
          process.stderr.write(`round ${round + 1} ${s.id} ${kind}: painted ${Math.round(r.painted)} ms, LCP ${Math.round(r.lcp)} ms ${r.lcpElement}, longest task ${Math.round(r.longest)} ms, code ${r.codeBeforePaint} B\n`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  // Two host pages: the portal's (an <h1> above the scorecard, as in the Chromium runs) and a
  // bare one, where the largest text can only be the page under test's own.
  const lh = { widget: [], yardstick: [], 'widget-bare': [], 'yardstick-bare': [] };
  for (let i = 0; i < LH_RUNS; i++) {
    for (const kind of i % 2 === 0 ? ['widget', 'yardstick'] : ['yardstick', 'widget']) {
      for (const bare of [false, true]) {
        const r = await lighthouse(`${cdn.origin}/page/${kind}.html?feed=sample-12.json&partner=${PARTNER}${bare ? '&bare=1' : ''}`);
        lh[`${kind}${bare ? '-bare' : ''}`].push(r);
        process.stderr.write(`lighthouse ${i + 1} ${kind}${bare ? ' (bare host)' : ''}: score ${r.score}, LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms\n`);
      }
    }
  }
  await cdn.close();
  rmSync(dist, { recursive: true, force: true });
  load.end = loadavg().map((x) => x.toFixed(2));

  const report = { started, ended: new Date(), load, runs: RUNS, partners: PARTNERS, lighthouseRuns: LH_RUNS, results, lighthouse: lh };
  const lines = table(report);
  console.log(lines.join('\n'));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'compare-report.json'), JSON.stringify({ ...report, table: lines }, null, 2));
}

/** The markdown tables of a report (also `--report FILE` to redo them from a saved run). */
function table({ started, ended, load, runs, partners, lighthouseRuns, results, lighthouse: lh }) {
  const big = (ext) => `sample-${partners}.${ext}`;
  const title = (ext) => `${partners.toLocaleString('en-US')}-partner portfolio, ${ext.toUpperCase()}`;
  const feedDir = join(ROOT, 'target', 'bench-feeds');
  const size = (f) => ({ raw: statSync(join(feedDir, f)).size, br: statSync(join(feedDir, `${f}.br`)).size });
  const med = (id, kind, key) => median((results[id]?.[kind] ?? []).map((r) => r[key]));
  // Both pages of a round run back to back, so a round's own ratio cancels most of the drift in
  // the machine's load; the median of those ratios is the figure to read on a shared machine.
  const paired = (id, key) => median(results[id].widget.map((r, i) => {
    const y = results[id].yardstick[i]?.[key];
    return y ? r[key] / y : null;
  }));
  const row = (label, id, key, unit) => {
    if (!results[id]) return null;
    const [w, y] = [med(id, 'widget', key), med(id, 'yardstick', key)];
    const spreads = ['widget', 'yardstick'].map((k) => spread(results[id][k].map((r) => r[key])));
    const p = paired(id, key);
    return `| ${label} | ${unit(w)} | ${unit(y)} | ${ratio(w, y)} | ${p == null ? '–' : `${p.toFixed(2)}×`} | ${unit === ms ? `${spreads[0]} / ${spreads[1]}` : ''} |`;
  };
  const lhMed = (kind, key) => median(lh[kind].map((r) => r[key]));
  const lhRow = (label, key, unit, bare = '') => {
    if (!lh?.widget?.length) return null;
    const [w, y] = [`widget${bare}`, `yardstick${bare}`];
    if (!lh[w]?.length) return null;
    const p = median(lh[w].map((r, i) => (lh[y][i]?.[key] ? r[key] / lh[y][i][key] : null)));
    return `| ${label} | ${unit(lhMed(w, key))} | ${unit(lhMed(y, key))} | ${ratio(lhMed(w, key), lhMed(y, key))} | ${p == null ? '–' : `${p.toFixed(2)}×`} | ${lh[w].map((r) => unit(r[key])).join(', ')} / ${lh[y].map((r) => unit(r[key])).join(', ')} |`;
  };
  const score = (v) => (v == null ? '–' : String(Math.round(v)));
  const lines = [
    `Measured ${new Date(started).toISOString()} to ${ended ? new Date(ended).toISOString() : '?'}; ${cpus().length} cores; load average (1, 5, 15 min) ${load.start.join(', ')} at start, ${load.end.join(', ')} at end; ${runs} rounds; Lighthouse ${lighthouseRuns ?? lh.widget.length} runs each.`,
    '',
    `Feeds: 12 partners ${kb(size('sample-12.json').raw)} raw / ${kb(size('sample-12.json').br)} brotli; ${partners.toLocaleString('en-US')} partners JSON ${kb(size(big('json')).raw)} / ${kb(size(big('json')).br)}, CSV ${kb(size(big('csv')).raw)} / ${kb(size(big('csv')).br)}.`,
    '',
    '| measured (medians) | ours | yardstick | ours ÷ yardstick | median of per-round ratios | spread (ours / yardstick) |',
    '|---|---:|---:|---:|---:|---|',
    row('code downloaded before one scorecard is painted (brotli)', 'scorecard', 'codeBeforePaint', kb),
    row('code downloaded in all, one scorecard + 1 s (brotli)', 'scorecard', 'codeTotal', kb),
    row('feed downloaded, one scorecard (brotli)', 'scorecard', 'feedBytes', kb),
    row('navigation → one scorecard painted', 'scorecard', 'painted', ms),
    row(`navigation → ${title('json')} painted`, 'portfolio', 'painted', ms),
    row(`navigation → ${title('csv')} painted`, 'portfolio-csv', 'painted', ms),
    row('LCP in the same runs (Chromium\'s own, unthrottled), one scorecard', 'scorecard', 'lcp', ms),
    row('longest main-thread task, one scorecard', 'scorecard', 'longest', ms),
    row(`longest main-thread task, ${title('json')}`, 'portfolio', 'longest', ms),
    row(`longest main-thread task, ${title('csv')}`, 'portfolio-csv', 'longest', ms),
    lhRow('Lighthouse performance score (mobile), one scorecard under the host\'s `<h1>`', 'score', score),
    lhRow('Lighthouse LCP', 'lcp', ms),
    lhRow('Lighthouse TBT', 'tbt', ms),
    lhRow('Lighthouse FCP', 'fcp', ms),
    lhRow('Lighthouse Speed Index', 'si', ms),
    lhRow('Lighthouse performance score, bare host page (no `<h1>`)', 'score', score, '-bare'),
    lhRow('Lighthouse LCP, bare host page', 'lcp', ms, '-bare'),
    lhRow('Lighthouse TBT, bare host page', 'tbt', ms, '-bare'),
  ].filter((l) => l !== null);
  if (results.scorecard) {
    lines.push('', 'Code files, one scorecard (encoded bytes as downloaded):');
    for (const kind of ['widget', 'yardstick']) lines.push(`- ${kind === 'widget' ? 'ours' : 'yardstick'}: ${results.scorecard[kind][0].files.join(', ')}`);
  }
  return lines;
}

const saved = arg('report', null);
(saved ? Promise.resolve().then(() => console.log(table(JSON.parse(readFileSync(saved, 'utf8'))).join('\n'))) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
