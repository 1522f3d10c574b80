// One 127.0.0.1 server for the issue-9 comparison (not a test file): the widget (a snapshot of
// dist/ under /w/), the yardstick (tests/e2e/bench/yardstick/ under /y/, with Chart.js from
// node_modules), feeds under /data/ and generated host pages under /page/. Every file is sent
// compressed as a CDN would: brotli when the browser accepts it, else gzip, each computed once.
//   code (/w/, /y/, pages): brotli quality 11 and gzip 9, what a CDN stores for static assets;
//   feeds (/data/):         brotli quality 5 and gzip 6, what a CDN does on the fly for a
//                           30-100 MB API answer (quality 11 takes minutes at that size).

import http from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from '../servers.mjs';

export const YARDSTICK = fileURLToPath(new URL('./yardstick/', import.meta.url));
export const CHART_JS = join(ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

function compress(body, { feed }) {
  return {
    br: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: feed ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    gzip: gzipSync(body, { level: feed ? 6 : 9 }),
  };
}

/** A feed's compressed forms, cached beside it (FILE.br, FILE.gz) while newer than FILE. */
function compressedFeed(file) {
  const mtime = statSync(file).mtimeMs;
  const fresh = (f) => existsSync(f) && statSync(f).mtimeMs >= mtime;
  if (!fresh(`${file}.br`) || !fresh(`${file}.gz`)) {
    const { br, gzip } = compress(readFileSync(file), { feed: true });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzip);
  }
  return { br: readFileSync(`${file}.br`), gzip: readFileSync(`${file}.gz`) };
}

const widgetHead = '<script type="module" src="/w/embed.js"></script>';
const yardstickHead = '<link rel="stylesheet" href="/y/yardstick.css">\n  <script defer src="/y/chart.umd.min.js"></script>\n  <script type="module" src="/y/view.js"></script>';

/**
 * The same host page around either page under test: `kind` is 'widget' or 'yardstick',
 * `feed` a path under /data/, `partner` an id or null for the portfolio.
 */
export function hostPage(kind, feed, partner, { heading = true, widgetAttrs = '' } = {}) {
  const who = partner ? ` partner="${partner}"` : '';
  const body = kind === 'widget'
    ? `<partner-scorecard src="/data/${feed}"${who}${widgetAttrs ? ` ${widgetAttrs}` : ''}></partner-scorecard>`
    : `<div id="yardstick" data-src="/data/${feed}"${partner ? ` data-partner="${partner}"` : ''}></div>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Partner portal — joint scorecard</title>
  ${kind === 'widget' ? widgetHead : yardstickHead}
</head>
<body>
  <main>
    ${heading ? '<h1>Joint scorecard</h1>\n    ' : ''}${body}
  </main>
</body>
</html>
`;
}

/**
 * Starts the server. `dist` is a snapshot of dist/, `feeds` maps names under /data/ to files,
 * `widgetAttrs` is markup added to every <partner-scorecard> (say, a size limit attribute).
 * Pages: /page/{widget|yardstick}.html?feed=NAME[&partner=ID][&bare=1] (bare: no <h1> of the
 * host around the page under test). Resolves to { origin, size, close }.
 */
export async function startCdn({ dist, feeds, widgetAttrs = '' }) {
  if (!existsSync(CHART_JS)) throw new Error(`${CHART_JS} is missing: run npm ci in the repository root`);
  const files = new Map(); // URL path → { type, raw, br, gzip }
  const add = (path, raw, opts = { feed: false }) => {
    files.set(path, { type: TYPES[extname(path)] ?? 'application/octet-stream', raw, ...compress(raw, opts) });
  };
  const addTree = (prefix, dir) => {
    for (const name of readdirSync(dir, { recursive: true })) {
      const file = join(dir, name);
      if (statSync(file).isFile() && !name.startsWith('data') && name !== 'index.html') {
        add(`${prefix}${name.split(sep).join('/')}`, readFileSync(file));
      }
    }
  };
  addTree('/w/', dist);
  addTree('/y/', YARDSTICK);
  add('/y/chart.umd.min.js', readFileSync(CHART_JS));
  for (const [name, file] of Object.entries(feeds)) {
    const { br, gzip } = compressedFeed(file);
    files.set(`/data/${name}`, { type: TYPES[extname(name)], raw: readFileSync(file), br, gzip });
  }
  const pages = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://cdn.invalid');
    const path = normalize(decodeURIComponent(url.pathname));
    let entry = files.get(path);
    const page = /^\/page\/(widget|yardstick)\.html$/.exec(path);
    if (!entry && page) {
      const q = url.searchParams;
      const key = `${page[1]}|${q.get('feed')}|${q.get('partner')}|${q.has('bare')}`;
      if (!pages.has(key)) {
        pages.set(key, { type: TYPES['.html'], raw: Buffer.from(hostPage(page[1], q.get('feed'), q.get('partner'), { heading: !q.has('bare'), widgetAttrs })) });
        Object.assign(pages.get(key), compress(pages.get(key).raw, { feed: false }));
      }
      entry = pages.get(key);
    }
    if (!entry) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404, { 'Content-Type': 'text/plain' });
      return res.end();
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const body = encoding ? entry[encoding] : entry.raw;
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    return res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Bytes of one served path: raw, brotli, gzip. */
    size: (p) => { const e = files.get(p); return e && { raw: e.raw.length, br: e.br.length, gzip: e.gzip.length }; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
