// Shared harness of the end-to-end browser tests (not a test file itself).
//
// Per test file: one headless Chromium and the two servers of servers.mjs on
// 127.0.0.1 with ephemeral ports (APP: dist/ and host pages; DATA: another origin
// with every kind of feed answer). Each test gets its own browser context and page;
// `pageTest` fails the test on any unexpected console error, any uncaught page error
// and any Content-Security-Policy violation.

import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import {
  close, listen, makeFeeds, snapshotDist, startApp, startData,
} from './servers.mjs';

export {
  DIST, PAGES, ROOT, SAMPLE_ARGS, TOKEN, XSS, expected, makeFeeds, scorecard, scratchFile,
} from './servers.mjs';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Console errors a failing fetch makes Chromium print by itself. */
export const FAILED_STATUS = /^Failed to load resource: the server responded with a status of \d{3}/;
export const CORS_BLOCKED = /has been blocked by CORS policy|^Failed to load resource: net::ERR_FAILED/;

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
  for (const type of ['scorecard-ready', 'scorecard-error', 'scorecard-select', 'scorecard-present', 'scorecard-export', 'scorecard-plan']) {
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

/** Partner ids of engine scorecards in the order the widget sorts them:
 *  stable, undefined figures last in both directions. */
export function sortedRows(cards, value, descending) {
  return cards
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const x = value(a.c); const y = value(b.c);
      if (x == null || y == null) return (x == null) - (y == null) || a.i - b.i;
      return (descending ? y - x : x - y) || a.i - b.i;
    })
    .map(({ c }) => c.partner);
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
