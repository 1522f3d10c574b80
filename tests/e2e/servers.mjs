// The two servers and the feeds of the end-to-end tests (not a test file itself).
//   APP  serves a snapshot of dist/ plus host pages (tests/e2e/pages/*.html or
//        generated in memory), optionally under a strict Content-Security-Policy;
//   DATA is another origin with CORS for APP and every kind of answer a feed can give.
// Expected figures come from the native engine (`scorecard score`), never hard-coded.

import http from 'node:http';
import { spawnSync } from 'node:child_process';
import {
  cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));

export const SAMPLE_ARGS = ['--partners', '12', '--quarters', '8', '--seed', '7'];
/** A feed over the widget's 512 KB in-page limit as JSON (1.2 MB) and CSV (630 KB), at /over-limit.json and .csv: its worker scores it. */
export const BIG_SAMPLE_ARGS = ['--partners', '45', '--quarters', '8', '--seed', '7'];
export const TOKEN = 's3cret';
export const XSS = '<img src=x onerror="window.__pwned=1">';

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

// ---------------------------------------------------------------- the engine

let engineBinary;
/**
 * The native `scorecard` command, built once per process (what `cargo run --release
 * --bin scorecard` runs). If the build fails because src/ is mid-edit, the last
 * binary is used, with a warning.
 */
function engine() {
  if (engineBinary) return engineBinary;
  const built = spawnSync('cargo', ['build', '-q', '--release', '--bin', 'scorecard'], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000,
  });
  const binary = join(ROOT, 'target', 'release', 'scorecard');
  if (built.status !== 0) {
    if (!existsSync(binary)) throw new Error(`cannot build the scorecard command:\n${built.stderr}`);
    process.stderr.write(`warning: cargo build failed, using the last scorecard binary:\n${built.stderr}\n`);
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

/** The feeds the data server answers with, all derived from the deterministic sample. */
export function makeFeeds() {
  const json = scorecard('sample', ...SAMPLE_ARGS);
  const csv = scorecard('sample', ...SAMPLE_ARGS, '--format', 'csv');
  const doc = JSON.parse(json);
  const big = scorecard('sample', ...BIG_SAMPLE_ARGS);
  const bigCsv = scorecard('sample', ...BIG_SAMPLE_ARGS, '--format', 'csv');

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
    big,
    bigCsv,
    rejects: JSON.stringify(rejects),
    xss: JSON.stringify(xss),
    xssDoc: xss,
    empty: JSON.stringify({ schema: 'partner-scorecard/v1', partners: doc.partners, records: [] }),
    wrongSchema: JSON.stringify({ schema: 'partner-scorecard/v2', partners: doc.partners, records: doc.records.slice(0, 5) }),
    notJson: '{\n  "schema": "partner-scorecard/v1",\n  "records": [\n    { "partner": "P-00001", oops }\n  ]\n}\n',
  };
}

// ---------------------------------------------------------------- servers

export function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

export async function close(server) {
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(() => resolve()));
}

function newestUnder(paths) {
  let newest = { path: null, mtime: 0 };
  const visit = (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (st.mtimeMs > newest.mtime) {
      newest = { path, mtime: st.mtimeMs };
    }
  };
  paths.forEach(visit);
  return newest;
}

/** A copy of dist/ taken now, so a concurrent `trunk build` cannot swap files mid-run. */
export function snapshotDist() {
  for (const file of ['embed.js', 'partner-scorecard-web.js', 'partner-scorecard-web_bg.wasm', 'index.html']) {
    if (!existsSync(join(DIST, file))) {
      throw new Error(`dist/${file} is missing: run \`PATH=$PWD/node_modules/.bin:$PATH trunk build --release\` first`);
    }
  }
  const built = statSync(join(DIST, 'partner-scorecard-web_bg.wasm')).mtimeMs;
  const newer = newestUnder([join(ROOT, 'src'), join(ROOT, 'style'), join(ROOT, 'index.html')]);
  if (newer.mtime > built) {
    process.stderr.write(`warning: ${newer.path} is newer than dist/: the tests run the last build (rebuild with trunk build --release)\n`);
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

export function startApp(env, root) {
  const pages = new Map();
  let pageCount = 0;
  env.addPage = (html, { csp = false } = {}) => {
    const name = `/host/${++pageCount}.html`;
    pages.set(name, { html, csp });
    return env.appOrigin + name;
  };
  // Every request for the widget's files, in order: with `no-store` below, each
  // fetch of a file reaches this log, whether the page or its worker made it.
  env.appRequests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://app.invalid');
    env.appRequests.push(decodeURIComponent(url.pathname));
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
    // The widget's files as a CDN serves them: module scripts and the .wasm load in CORS mode.
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), { ...csp, 'Access-Control-Allow-Origin': '*' });
  });
  return server;
}

export function startData(env, feeds) {
  const hits = new Map();
  const switches = new Map();
  const requests = [];
  const timers = new Set();
  env.hits = (path) => hits.get(path) ?? 0;
  env.trickled = {};
  env.requests = requests;
  /** Switchable endpoint `/switch?id=ID`: 'ok' (sample JSON), 'fail' (500), 'missing' (404). */
  env.setSwitch = (id, mode) => switches.set(id, mode);
  /** Serves `body` at `path` on DATA from now on (feeds, or host pages, a test makes itself). */
  const extra = new Map();
  env.addFeed = (path, body, type = 'application/json', more = {}) => {
    extra.set(path, { body, type, more });
    return env.dataOrigin + path;
  };

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
    const send = (status, type, body, more = {}) => {
      record.answered = true;
      res.writeHead(status, { ...headers, 'Content-Type': type, ...more });
      res.end(body);
    };
    const json = (body) => send(200, 'application/json', body);
    const fail = (status) => send(status, 'text/plain', `HTTP ${status} from the test server`);

    switch (url.pathname) {
      case '/sample.json': return json(feeds.json);
      case '/sample.csv': return send(200, 'text/csv; charset=utf-8', feeds.csv);
      case '/over-limit.json': return json(feeds.big);
      case '/over-limit.csv': return send(200, 'text/csv; charset=utf-8', feeds.bigCsv);
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
      // The sample JSON with its Content-Length; the first 64 KB at once, the rest
      // only after `ms`, so a client that stops early is seen doing so (`aborted`).
      case '/announced': {
        const body = Buffer.from(feeds.json);
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': body.length });
        res.write(body.subarray(0, 65536));
        const timer = setTimeout(() => {
          timers.delete(timer);
          record.answered = true;
          if (!res.destroyed) res.end(body.subarray(65536));
        }, Number(url.searchParams.get('ms') ?? 10_000));
        timers.add(timer);
        req.on('close', () => { clearTimeout(timer); timers.delete(timer); });
        return undefined;
      }
      // The big JSON feed 64 KB at a time, one piece every `ms` (no length):
      // `env.trickled[key]` is when its last piece went out.
      case '/trickle.json': {
        const body = Buffer.from(feeds.big);
        const ms = Number(url.searchParams.get('ms') ?? 20);
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        let at = 0;
        const next = () => {
          timers.delete(timer);
          if (res.destroyed) return;
          if (at >= body.length) {
            record.answered = true;
            env.trickled[key] = Date.now();
            res.end();
            return;
          }
          res.write(body.subarray(at, at += 65536));
          timer = setTimeout(next, ms);
          timers.add(timer);
        };
        let timer = setTimeout(next, 0);
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
      default: {
        const feed = extra.get(url.pathname);
        return feed ? send(200, feed.type, feed.body, feed.more) : fail(404);
      }
    }
  });
  server.on('close', () => { for (const t of timers) clearTimeout(t); });
  return server;
}
