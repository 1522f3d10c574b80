// Shared harness of the end-to-end browser tests (not a test file itself).
//
// Per test file: one headless Chromium, two Node HTTP servers on 127.0.0.1 with
// ephemeral ports —
//   APP  serves a snapshot of dist/ plus host pages (tests/e2e/pages/*.html or
//        generated in memory), optionally under a strict Content-Security-Policy;
//   DATA is another origin with CORS for APP and every kind of answer a feed can give.
// Each test gets its own browser context and page; `pageTest` fails the test on any
// unexpected console error, any uncaught page error and any CSP violation.
//
// Expected figures come from the native engine (`scorecard score`), never hard-coded.

import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

export const SAMPLE_ARGS = ['--partners', '12', '--quarters', '8', '--seed', '7'];
export const TOKEN = 's3cret';
export const XSS = '<img src=x onerror="window.__pwned=1">';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Console errors a failing fetch makes Chromium print by itself. */
export const FAILED_STATUS = /^Failed to load resource: the server responded with a status of \d{3}/;
export const CORS_BLOCKED = /has been blocked by CORS policy|^Failed to load resource: net::ERR_FAILED/;

// ---------------------------------------------------------------- the engine

let engineBinary;
/** The native `scorecard` command, built once per process (`cargo run` without re-running cargo). */
function engine() {
  if (engineBinary) return engineBinary;
  const built = spawnSync('cargo', ['build', '-q', '--release', '--bin', 'scorecard'], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000,
  });
  const binary = join(ROOT, 'target', 'release', 'scorecard');
  if (built.status !== 0 && !existsSync(binary)) {
    throw new Error(`cannot build the scorecard command:\n${built.stderr}`);
  }
  engineBinary = binary;
  return binary;
}

/** Runs `scorecard ARGS…`; exit status 1 (something rejected) still has output. */
export function scorecard(...args) {
  const run = spawnSync(engine(), args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`scorecard ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return run.stdout;
}

const scratch = mkdtempSync(join(tmpdir(), 'ps-e2e-data-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let fileCount = 0;

/** Writes text to a scratch file (for `scorecard score FILE`), keeping its extension. */
export function scratchFile(text, ext = '.json') {
  const file = join(scratch, `feed-${++fileCount}${ext}`);
  writeFileSync(file, text);
  return file;
}

/** The engine's figures of one partner and period: { counts, periods, scorecard, rejected }. */
export function expected(text, partner, period, ext = '.json') {
  const file = scratchFile(text, ext);
  const args = ['score', file];
  if (partner) args.push('--partner', partner);
  if (period) args.push('--period', period);
  const out = JSON.parse(scorecard(...args));
  return { ...out, scorecard: out.scorecards[0] };
}

/** Engine output for the whole feed (every period). */
export function scoreAll(text, ext = '.json') {
  return JSON.parse(scorecard('score', scratchFile(text, ext)));
}

/** The feeds the data server answers with, all derived from the deterministic sample. */
export function makeFeeds() {
  const json = scorecard('sample', ...SAMPLE_ARGS);
  const csv = scorecard('sample', ...SAMPLE_ARGS, '--format', 'csv');
  const doc = JSON.parse(json);

  // Some records broken on purpose: each is rejected on its own, the rest scores.
  const rejects = structuredClone(doc);
  rejects.records[3].value = '12';
  rejects.records[7].metric = 'no_such_metric';
  rejects.records[11].period = '2026-Q5';

  // Markup in every name the widget shows: partners, and the vendor (legend, table, meta).
  const xss = structuredClone(doc);
  xss.vendor.name = `Vendor ${XSS}`;
  xss.partners[0].name = XSS;
  xss.partners[1].name = `Acme ${XSS} & <b>Co</b>`;

  return {
    json,
    csv,
    doc,
    rejects: JSON.stringify(rejects),
    xss: JSON.stringify(xss),
    xssDoc: xss,
    empty: JSON.stringify({ schema: 'partner-scorecard/v1', partners: doc.partners, records: [] }),
    wrongSchema: JSON.stringify({ schema: 'partner-scorecard/v2', partners: doc.partners, records: doc.records.slice(0, 5) }),
    notJson: '{\n  "schema": "partner-scorecard/v1",\n  "records": [\n    { "partner": "P-00001", oops }\n  ]\n}\n',
  };
}

// ---------------------------------------------------------------- servers

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

async function close(server) {
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(() => resolve()));
}

/** A copy of dist/ taken now, so a concurrent `trunk build` cannot swap files mid-run. */
function snapshotDist() {
  for (const file of ['embed.js', 'partner-scorecard-web.js', 'partner-scorecard-web_bg.wasm', 'index.html']) {
    if (!existsSync(join(DIST, file))) {
      throw new Error(`dist/${file} is missing: run \`PATH=$PWD/node_modules/.bin:$PATH trunk build --release\` first`);
    }
  }
  const copy = mkdtempSync(join(tmpdir(), 'ps-e2e-dist-'));
  for (let attempt = 0; ; attempt++) {
    try {
      cpSync(DIST, copy, { recursive: true });
      return copy;
    } catch (e) {
      if (attempt >= 10) throw e; // a build is replacing dist/ right now
      spawnSync('sleep', ['3']);
    }
  }
}

function fill(html, env) {
  return html.replaceAll('{{DATA}}', env.dataOrigin).replaceAll('{{APP}}', env.appOrigin);
}

function strictCsp(env) {
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${env.dataOrigin}`;
}

function startApp(env, root) {
  const pages = new Map();
  let pageCount = 0;
  env.addPage = (html, { csp = false } = {}) => {
    const name = `/host/${++pageCount}.html`;
    pages.set(name, { html, csp });
    return env.appOrigin + name;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://app.invalid');
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    const path = decodeURIComponent(url.pathname);
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    const page = pages.get(path);
    if (page) {
      return send(200, TYPES['.html'], fill(page.html, env), page.csp ? { 'Content-Security-Policy': strictCsp(env) } : {});
    }
    if (path.startsWith('/pages/')) {
      const file = normalize(join(PAGES, path.slice('/pages/'.length)));
      if (!file.startsWith(PAGES) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', 'not found');
      const ext = extname(file);
      const csp = url.searchParams.get('csp') === 'strict' ? { 'Content-Security-Policy': strictCsp(env) } : {};
      const body = ext === '.html' ? fill(readFileSync(file, 'utf8'), env) : readFileSync(file);
      return send(200, TYPES[ext] ?? 'application/octet-stream', body, csp);
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(404, 'text/plain', 'not found');
    }
    const csp = url.searchParams.get('csp') === 'strict' ? { 'Content-Security-Policy': strictCsp(env) } : {};
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), csp);
  });
  return server;
}

function startData(env, feeds) {
  const hits = new Map();
  const switches = new Map();
  const requests = [];
  const timers = new Set();
  env.hits = (path) => hits.get(path) ?? 0;
  env.requests = requests;
  /** Switchable endpoint `/switch?id=ID`: 'ok' (sample JSON), 'fail' (500), 'missing' (404). */
  env.setSwitch = (id, mode) => switches.set(id, mode);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://data.invalid');
    const key = url.pathname + url.search;
    const cors = url.pathname !== '/nocors';
    const headers = { 'Cache-Control': 'no-store' };
    if (cors) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': env.appOrigin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Headers': 'Authorization',
        'Access-Control-Allow-Methods': 'GET, OPTIONS',
        Vary: 'Origin',
      });
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, headers);
      return res.end();
    }
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const record = { method: req.method, path: url.pathname, key, authorization: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null, aborted: false, answered: false };
    requests.push(record);
    req.on('close', () => { if (!record.answered) record.aborted = true; });
    const send = (status, type, body) => {
      record.answered = true;
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(body);
    };
    const json = (body) => send(200, 'application/json', body);
    const fail = (status) => send(status, 'text/plain', `HTTP ${status} from the test server`);

    switch (url.pathname) {
      case '/sample.json': return json(feeds.json);
      case '/sample.csv': return send(200, 'text/csv; charset=utf-8', feeds.csv);
      // Extension-less CSV with a generic type: detected from its first byte.
      case '/feed': return send(200, 'text/plain', feeds.csv);
      case '/404': return fail(404);
      case '/401': return fail(401);
      case '/403': return fail(403);
      case '/500': return fail(500);
      case '/flaky': return hits.get(key) <= 2 ? fail(500) : json(feeds.json);
      case '/slow': {
        const ms = Number(url.searchParams.get('ms') ?? 5000);
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) json(feeds.json);
        }, ms);
        timers.add(timer);
        req.on('close', () => { clearTimeout(timer); timers.delete(timer); });
        return undefined;
      }
      case '/not-json': return json(feeds.notJson);
      case '/wrong-schema': return json(feeds.wrongSchema);
      case '/empty': return json(feeds.empty);
      case '/rejects': return json(feeds.rejects);
      case '/xss': return json(feeds.xss);
      case '/auth':
        return req.headers.authorization === `Bearer ${TOKEN}` ? json(feeds.json) : fail(401);
      case '/nocors': return json(feeds.json);
      case '/switch': {
        const mode = switches.get(url.searchParams.get('id')) ?? 'ok';
        if (mode === 'fail') return fail(500);
        if (mode === 'missing') return fail(404);
        return json(feeds.json);
      }
      default: return fail(404);
    }
  });
  server.on('close', () => { for (const t of timers) clearTimeout(t); });
  return server;
}

// ---------------------------------------------------------------- suite and pages

/**
 * Registers before/after hooks for one test file: feeds, both servers, one browser.
 * Returns the shared env, filled in by `before`.
 */
export function suite() {
  const env = { feeds: null, browser: null };
  let app; let data; let root;
  before(async () => {
    env.feeds = makeFeeds();
    root = snapshotDist();
    app = startApp(env, root);
    const appPort = await listen(app);
    env.appOrigin = `http://127.0.0.1:${appPort}`;
    data = startData(env, env.feeds);
    const dataPort = await listen(data);
    env.dataOrigin = `http://127.0.0.1:${dataPort}`;
    assert.notEqual(appPort, dataPort);
    env.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await env.browser?.close();
    if (app) await close(app);
    if (data) await close(data);
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return env;
}

// Runs in every page before its own scripts: records CSP violations and every
// widget event that reaches `document` (the host's listener).
function initScript() {
  window.__csp = [];
  window.__events = [];
  const record = (e) => window.__csp.push({
    directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
    source: e.sourceFile, line: e.lineNumber,
    target: e.target instanceof Element ? e.target.outerHTML.slice(0, 80) : String(e.target),
  });
  window.addEventListener('securitypolicyviolation', record, true);
  for (const type of ['scorecard-ready', 'scorecard-error', 'scorecard-select']) {
    document.addEventListener(type, (e) => {
      const target = e.target instanceof Element ? e.target : null;
      window.__events.push({
        type,
        target: target ? (target.id || target.localName) : null,
        bubbles: e.bubbles,
        composed: e.composed,
        phase: e.eventPhase,
        detail: JSON.parse(JSON.stringify(e.detail ?? null)),
        at: performance.now(),
      });
    });
  }
}

/** A blank host page on APP with the embed, and optional extra body markup. */
export function hostPage(body, { head = '', embed = true, lang = 'en-US' } = {}) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>partner-scorecard e2e host</title>
${embed ? '<script type="module" src="/embed.js"></script>' : ''}
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/**
 * Defines a test that gets a fresh context and page. After the body it asserts that
 * the page printed no unexpected console error, threw nothing and violated no CSP.
 *   opts.allow: RegExps of console errors the scenario expects (failed fetches)
 *   opts.viewport, opts.timeout, opts.colorScheme
 */
export function pageTest(env, name, opts, body) {
  if (typeof opts === 'function') { body = opts; opts = {}; }
  test(name, { timeout: opts.timeout ?? 30_000 }, async (t) => {
    const context = await env.browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
      colorScheme: opts.colorScheme ?? 'light',
    });
    await context.addInitScript(initScript);
    const page = await context.newPage();
    const problems = [];
    const allow = opts.allow ?? [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (!allow.some((re) => re.test(text))) problems.push(`console error: ${text.slice(0, 140)}${text.length > 140 ? '…' : ''}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message}`));
    const h = new Host(env, page, t);
    try {
      await body(h, t);
      // Let late effects (an onerror, a stray refresh) surface before judging the page.
      await page.waitForTimeout(opts.settle ?? 150);
      const csp = await page.evaluate(() => window.__csp).catch(() => []);
      for (const v of csp) {
        problems.push(`CSP violation: ${v.directive} blocked ${v.blocked} (${v.source}:${v.line}) on ${v.target}`);
      }
      assert.deepEqual(problems, [], 'the page printed errors, threw, or violated its Content-Security-Policy');
    } finally {
      await context.close();
    }
  });
}

/** Helpers around one page. */
export class Host {
  constructor(env, page, t) {
    this.env = env;
    this.page = page;
    this.t = t;
  }

  get data() { return this.env.dataOrigin; }

  /** Opens a host page: HTML text (served from APP) or a path on APP. */
  async open(htmlOrPath, { csp = false } = {}) {
    const url = htmlOrPath.startsWith('/') ? this.env.appOrigin + htmlOrPath : this.env.addPage(htmlOrPath, { csp });
    await this.page.goto(url);
    return url;
  }

  /** A locator of a test id inside the shadow root of `host` (CSS selector of the element). */
  $(host, testid) {
    return this.page.locator(host).getByTestId(testid, { exact: true });
  }

  async text(host, testid) {
    return (await this.$(host, testid).first().textContent()).trim();
  }

  async events(type) {
    const all = await this.page.evaluate(() => window.__events);
    return type ? all.filter((e) => e.type === type) : all;
  }

  /** Waits for `count` events of a type (optionally of one element id). */
  async waitEvent(type, { target, count = 1, timeout = 15_000 } = {}) {
    await this.page.waitForFunction(
      ([type, target, count]) => window.__events.filter((e) => e.type === type && (!target || e.target === target)).length >= count,
      [type, target, count],
      { timeout },
    );
    const list = (await this.events(type)).filter((e) => !target || e.target === target);
    return list[count - 1];
  }

  /** Waits until the text of a test id in `host` equals `text`; the error says what was shown. */
  async waitText(host, testid, text, timeout = 10_000) {
    try {
      await this.page.waitForFunction(([host, testid, text]) => document.querySelector(host)?.shadowRoot
        ?.querySelector(`[data-testid="${testid}"]`)?.textContent.trim() === text, [host, testid, text], { timeout });
    } catch {
      const shown = await this.$(host, testid).first().textContent({ timeout: 500 }).catch(() => '(absent)');
      assert.fail(`${host} ${testid}: expected "${text}" within ${timeout} ms, shows "${shown?.trim()}"`);
    }
  }

  /** Waits until the scorecard of `host` shows `period` (its data-period). */
  async waitPeriod(host, period, timeout = 10_000) {
    try {
      await this.page.waitForFunction(([host, period]) => document.querySelector(host)?.shadowRoot
        ?.querySelector('[data-testid="scorecard"]')?.dataset.period === period, [host, period], { timeout });
    } catch {
      const shown = await this.$(host, 'scorecard').getAttribute('data-period', { timeout: 500 }).catch(() => '(no scorecard)');
      assert.fail(`${host}: expected the scorecard of ${period} within ${timeout} ms, data-period is ${shown}`);
    }
  }

  async waitVisible(host, testid, timeout = 15_000) {
    await this.$(host, testid).first().waitFor({ state: 'visible', timeout });
  }

  /** The element ids/tags of every <img> anywhere in the page, shadow roots included. */
  async images() {
    return this.page.evaluate(() => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'img' || el.localName === 'image') found.push(el.outerHTML);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found;
    });
  }
}

// ---------------------------------------------------------------- formatting of expectations

const money = new Map();
/** en-US currency the way the widget formats pillar totals (no decimals). */
export function usd(v, currency = 'USD') {
  if (!money.has(currency)) {
    money.set(currency, new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }));
  }
  return money.get(currency).format(v);
}

const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fairness as the widget shows it: two decimals and '×'; '—' when undefined. */
export function ratio(v) {
  return v == null ? '—' : `${two.format(v)}×`;
}

export async function eventually(fn, { timeout = 10_000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out waiting for ${message}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export { assert };
