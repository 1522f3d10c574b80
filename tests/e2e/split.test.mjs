// Code splitting as a page sees it: the first scorecard paints from the main
// module alone; the deck, trends and portfolio come from chunks fetched after
// that paint (or on hover, focus, idle) and open without a wait; the chunks
// load under a strict CSP from another origin; a chunk that fails to download
// is a message with Retry, not a dead widget.

import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import {
  assert, DIST, FAILED_STATUS, hostPage, pageTest, suite,
} from './harness.mjs';
import { firstPaintFiles } from './size-report.mjs';
import { DECK_TOTAL } from './deck.mjs';

const env = suite();
const CHUNK = /\/(split|chunk)_[^/]*\.wasm$/;
const SCORECARD = '<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001"></partner-scorecard>';
// What wasm_split's loader prints when a chunk cannot be fetched or compiled.
const CHUNK_FAILED = [FAILED_STATUS, /WebAssembly|HTTP status code|Failed to fetch|wasm/i];

/** Every request of the page to a widget file on APP (paths relative to dist/). */
function recordWidgetFiles(h) {
  const files = [];
  h.page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.origin === h.env.appOrigin && !url.pathname.startsWith('/host/') && url.pathname !== '/favicon.ico') files.push(url.pathname.slice(1));
  });
  return files;
}

/** Answers 503 for the chunk `pattern` names while `.fail` is true, then lets it through. */
async function failingChunk(h, pattern) {
  const chunk = { fail: true };
  await h.page.route(pattern, (route) => (chunk.fail
    ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'down for a moment' })
    : route.continue()));
  return chunk;
}

/** Waits until the first screen of the scorecard (header, verdict, pillars, targets) shows. */
async function firstScreen(h, host = '#s') {
  for (const id of ['partner-name', 'verdict', 'fairness', 'pillar-investment', 'pillar-reward', 'kpis']) {
    await h.waitVisible(host, id);
  }
}

pageTest(env, '1. the first scorecard paints with every chunk withheld; the files it needs are the size report\'s first paint', async (h) => {
  const held = [];
  let hold = true;
  await h.page.route(CHUNK, (route) => (hold ? held.push(route) : route.continue()));
  const files = recordWidgetFiles(h);
  await h.open(hostPage(SCORECARD));
  await firstScreen(h);
  assert.equal(await h.$('#s', 'trends').count(), 0, 'the trend charts wait for their chunk');

  const before = [...new Set(files.filter((f) => !CHUNK.test(`/${f}`)))].sort();
  assert.deepEqual(before, firstPaintFiles(DIST), 'the page fetched exactly the first-paint files of ./x size');

  // Let the chunks through: the charts below the fold arrive.
  hold = false;
  for (const route of held) await route.continue();
  await h.waitVisible('#s', 'chart-reward');
  assert.ok(files.some((f) => f.startsWith('split_extras')), 'the trends came from the extras chunk');
});

pageTest(env, '2. the deck is preloaded after the first paint and opens without fetching anything', async (h) => {
  const files = recordWidgetFiles(h);
  await h.open(hostPage(SCORECARD));
  await firstScreen(h);
  await h.waitVisible('#s', 'chart-reward');
  const chunks = files.filter((f) => CHUNK.test(`/${f}`));
  assert.ok(chunks.some((f) => f.startsWith('split_extras')), `the extras chunk is fetched unasked (${chunks})`);
  assert.ok(!chunks.some((f) => f.startsWith('split_portfolio')), 'a scorecard page never fetches the portfolio');
  assert.ok(!chunks.some((f) => f.startsWith('split_engine')), 'a small JSON feed is scored without the engine chunk');

  await h.$('#s', 'present').hover();
  await h.$('#s', 'present').click();
  // Visible in the frame after the click: the chunk is in already.
  await h.waitVisible('#s', 'deck', 1000);
  await h.waitText('#s', 'slide-counter', `1 / ${DECK_TOTAL}`);
  assert.deepEqual(files.filter((f) => CHUNK.test(`/${f}`)), chunks, 'opening the deck fetched no chunk');
  await h.page.keyboard.press('ArrowRight');
  await h.waitText('#s', 'slide-counter', `2 / ${DECK_TOTAL}`);
});

pageTest(env, '3. a portfolio fetches its own chunk, not the deck\'s, until a partner is opened', async (h) => {
  const files = recordWidgetFiles(h);
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  await h.waitVisible('#p', 'portfolio');
  assert.ok(files.some((f) => f.startsWith('split_portfolio')), 'the portfolio came from its chunk');
  assert.ok(!files.some((f) => f.startsWith('split_extras')), 'the deck and trends are not fetched for a portfolio');

  await h.page.locator('#p').locator('[data-testid=portfolio-row][data-partner="P-00001"]').getByRole('button').click();
  await firstScreen(h, '#p');
  await h.waitVisible('#p', 'chart-reward');
  assert.ok(files.some((f) => f.startsWith('split_extras')), 'opening a partner brings its trends');
});

pageTest(env, '4. a chunk that cannot be fetched shows a message with Retry, and Retry loads it', {
  allow: CHUNK_FAILED,
}, async (h) => {
  const chunk = await failingChunk(h, /\/split_extras\.wasm$/);
  await h.open(hostPage(SCORECARD));
  await firstScreen(h);
  await h.waitVisible('#s', 'part-error');
  const error = h.$('#s', 'part-error');
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.match(await error.textContent(), /could not be loaded/);
  assert.ok(await h.$('#s', 'pillar-reward').isVisible(), 'the scorecard stays on screen');

  chunk.fail = false;
  await h.$('#s', 'part-retry').click();
  await h.waitVisible('#s', 'chart-reward');
  assert.equal(await h.$('#s', 'part-error').count(), 0, 'the message is gone');
  await h.$('#s', 'present').click();
  await h.waitVisible('#s', 'deck', 2000);
});

pageTest(env, '4b. a CSV feed brings the engine chunk (its reader), and a failed download of it is a network error with Retry', {
  allow: CHUNK_FAILED,
}, async (h) => {
  const chunk = await failingChunk(h, /\/split_engine\.wasm$/);
  const files = recordWidgetFiles(h);
  await h.open(hostPage('<partner-scorecard id="s" src="{{DATA}}/sample.csv" partner="P-00001"></partner-scorecard>'));
  await h.waitVisible('#s', 'error');
  assert.equal(await h.$('#s', 'error').getAttribute('data-kind'), 'network');
  assert.match(await h.$('#s', 'error-detail').textContent(), /split_engine\.wasm\) could not be downloaded/);

  chunk.fail = false;
  await h.$('#s', 'retry').click();
  await firstScreen(h);
  assert.equal(await h.$('#s', 'error').count(), 0, 'the error is gone');
  assert.ok(files.some((f) => f.startsWith('split_engine')), 'the CSV reader came from the engine chunk');
});

// ------------------------------------------------------------ another origin

const TYPES = {
  '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8',
};

/** Two servers of this test: WIDGET serves dist/ with CORS (a CDN), HOST a page
 *  under a strict CSP that allows only that CDN, plus the feed on its own origin. */
function startCdnAndHost(feed) {
  const widget = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://cdn.invalid').pathname);
    const file = normalize(join(DIST, path));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' });
      return res.end();
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    return res.end(readFileSync(file));
  });
  const host = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://host.invalid').pathname;
    if (path === '/sample.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(feed);
    }
    if (path !== '/') {
      res.writeHead(path === '/favicon.ico' ? 204 : 404);
      return res.end();
    }
    const cdn = `http://127.0.0.1:${widget.address().port}`;
    // worker-src blob: CDN is what docs/embedding.md asks of a host whose widget
    // comes from another origin (the engine's worker starts from a blob: module,
    // and a module worker's imports are checked against worker-src too).
    res.writeHead(200, {
      'Content-Type': TYPES['.html'],
      'Content-Security-Policy': `default-src 'self'; script-src ${cdn} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${cdn}; worker-src blob: ${cdn}`,
    });
    return res.end(`<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>CDN host</title>
<script type="module" src="${cdn}/embed.js"></script></head><body>
<partner-scorecard id="s" src="/sample.json" partner="P-00001"></partner-scorecard>
<partner-scorecard id="p" src="/sample.json"></partner-scorecard>
</body></html>`);
  });
  const listen = (s) => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  return {
    start: () => Promise.all([listen(widget), listen(host)]),
    url: () => `http://127.0.0.1:${host.address().port}/`,
    cdn: () => `http://127.0.0.1:${widget.address().port}`,
    close: () => Promise.all([widget, host].map((s) => new Promise((r) => { s.close(r); s.closeAllConnections(); }))),
  };
}

pageTest(env, '5. strict CSP, widget from another origin: the chunks load from beside embed.js; deck and portfolio work', async (h) => {
  const servers = startCdnAndHost(h.env.feeds.json);
  await servers.start();
  try {
    const chunks = [];
    h.page.on('request', (req) => { if (CHUNK.test(new URL(req.url()).pathname)) chunks.push(req.url()); });
    await h.page.goto(servers.url());
    await firstScreen(h);
    await h.waitVisible('#p', 'portfolio');
    await h.waitVisible('#s', 'chart-reward');
    assert.ok(chunks.length > 0 && chunks.every((u) => u.startsWith(`${servers.cdn()}/`)),
      `every chunk comes from the widget's own origin (${chunks})`);
    await h.$('#s', 'present').click();
    await h.waitVisible('#s', 'deck', 2000);
    await h.waitText('#s', 'slide-counter', `1 / ${DECK_TOTAL}`);
  } finally {
    await servers.close();
  }
});
