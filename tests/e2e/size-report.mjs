#!/usr/bin/env node
// Size report of a built dist/: raw, gzip (zlib level 9) and brotli (max quality)
// bytes of every file, and two brotli figures against their budgets:
//   first paint  what a page downloads of the widget before one partner's
//                scorecard is on screen: embed.js, every module it imports
//                statically (the wasm-bindgen glue, its snippets/, the chunk
//                loader __wasm_split.js) and the main .wasm that embed.js loads;
//                and the engine's Web Worker, which scores the feed before
//                anything is on screen: worker.js, which imports the same glue
//                and runs the page's own module (it adds no .wasm);
//   total        every widget file, the chunks that load on demand included.
//
//   node tests/e2e/size-report.mjs [dist]        (or ./x size)
//
// Widget files are embed.js, the JS and .wasm at the top of dist/ and the
// snippets/ modules. The first-paint set is read from the module graph, not
// from a list: `import … from './x.js'` edges from each entry (embed.js, and
// worker.js where the build has a worker), plus the .wasm that an entry names
// with `new URL('./x.wasm', import.meta.url)`. The chunks
// (split_*.wasm, chunk_*.wasm) are only fetched by the loader functions of
// __wasm_split.js, so they are on demand; the language chunks split_de.wasm and
// split_fr.wasm among them, which only a German or French page fetches (beside
// the data, so such a page's first paint adds one of them). tests/e2e/split.test.mjs checks in
// Chromium that this set is exactly what a page fetches before the scorecard
// paints. The demo page's own files — data/, index.html, demo.css — are listed
// as "demo only", any other file (a stray) as "other"; neither is counted.
// The numbers are also written as JSON to DIST/size-report.json.
//
// Exit status: 0 within both budgets, 1 over either, 2 no dist/, no .wasm in
// it, or dist/ changing under the report (a build running).
// Not a test file: `node --test tests/e2e/` does not pick it up (no .test. name).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Brotli budgets (issue 9): the first paint and the whole widget. */
export const BUDGET_FIRST_PAINT = 130 * 1024;
export const BUDGET_TOTAL = 280 * 1024;
/** The budget before the split, kept for callers that read it. */
export const BUDGET_BROTLI = BUDGET_FIRST_PAINT;

/** The JSON report's name inside dist/ (never counted itself). */
export const REPORT_NAME = 'size-report.json';

/** Which group a file is in: 'widget', 'demo' or 'other'. `path` is relative to
 *  dist/ with forward slashes. */
export function groupOf(path) {
  if (path === 'index.html' || path === 'demo.css' || path.startsWith('data/')) return 'demo';
  if (path.startsWith('snippets/') || /^[^/]+\.(js|wasm)$/.test(path)) return 'widget';
  return 'other';
}

const STATIC_IMPORT = /(?:^|[;\s])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const WASM_URL = /new URL\(\s*["'](\.{0,2}\/?[^"']+\.wasm)["']\s*,\s*import\.meta\.url\s*\)/g;

/** The entries a page starts before its first scorecard: the file hosts
 *  include, and the engine's worker (started by the widget's first load; its
 *  imports are the page's glue, counted once, as a cache would serve them). */
export const FIRST_PAINT_ENTRIES = ['embed.js', 'worker.js'];

/** The files a page needs before the first scorecard: each entry that exists,
 *  its static import closure, and the .wasm the entry itself loads. Paths
 *  relative to dist/. */
export function firstPaintFiles(dist, entries = FIRST_PAINT_ENTRIES) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !existsSync(join(dist, path))) return;
    seen.add(path);
    const text = readFileSync(join(dist, path), 'utf8');
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
      visit(new URL(spec, `file:///${path}`).pathname.slice(1));
    }
  };
  for (const entry of [entries].flat()) {
    visit(entry);
    const text = existsSync(join(dist, entry)) ? readFileSync(join(dist, entry), 'utf8') : '';
    for (const [, spec] of text.matchAll(WASM_URL)) {
      const path = new URL(spec, `file:///${entry}`).pathname.slice(1);
      if (existsSync(join(dist, path))) seen.add(path);
    }
  }
  return [...seen].sort();
}

/** Every file under `dir`, relative paths with forward slashes, sorted. Dot
 *  entries are skipped: Trunk stages a build in dist/.stage/ before swapping it in. */
export function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(relative(base, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Raw, gzip -9 and brotli (quality 11, the file's size as hint) byte counts. */
export function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function sum(files) {
  return files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** Measures a dist/ folder; returns the report (the shape written as JSON). */
export function report(dist) {
  const files = listFiles(dist)
    .filter((path) => path !== REPORT_NAME)
    .map((path) => ({ path, ...measure(readFileSync(join(dist, path))) }));
  const widget = files.filter((f) => groupOf(f.path) === 'widget');
  const demo = files.filter((f) => groupOf(f.path) === 'demo');
  const other = files.filter((f) => groupOf(f.path) === 'other');
  const first = new Set(firstPaintFiles(dist));
  for (const f of widget) f.firstPaint = first.has(f.path);
  const total = sum(widget);
  const firstPaint = sum(widget.filter((f) => f.firstPaint));
  return {
    dist,
    budget: { firstPaint: BUDGET_FIRST_PAINT, total: BUDGET_TOTAL },
    widget: { files: widget, total, firstPaint },
    demoOnly: { files: demo, total: sum(demo) },
    other: { files: other, total: sum(other) },
    firstPaint: { files: [...first], brotli: firstPaint.brotli, headroom: BUDGET_FIRST_PAINT - firstPaint.brotli },
    withinBudget: firstPaint.brotli <= BUDGET_FIRST_PAINT && total.brotli <= BUDGET_TOTAL,
    headroom: BUDGET_TOTAL - total.brotli,
  };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The report as a plain-text table. */
export function format(r) {
  const rows = [];
  const section = (title, files, total, totalLabel) => {
    rows.push({ title });
    for (const f of files) rows.push(f);
    if (totalLabel) rows.push({ rule: true }, { path: totalLabel, ...total });
  };
  const widget = r.widget.files;
  section('widget, first paint (before the first scorecard is on screen)', widget.filter((f) => f.firstPaint),
    r.widget.firstPaint, 'total first paint');
  rows.push({ blank: true });
  section('widget, on demand (deck, trends, portfolio after the first paint; split_engine for CSV and large feeds; split_de, split_fr on German, French pages)', widget.filter((f) => !f.firstPaint),
    null, null);
  rows.push({ rule: true }, { path: 'total widget', ...r.widget.total });
  rows.push({ blank: true });
  section('demo only (not counted)', r.demoOnly.files, r.demoOnly.total,
    r.demoOnly.files.length ? 'total demo only' : null);
  if (!r.demoOnly.files.length) rows.push({ none: true });
  if (r.other.files.length) {
    rows.push({ blank: true });
    section('other: neither widget nor demo (not counted; remove before deploying)',
      r.other.files, r.other.total, null);
  }
  const width = Math.max(32, ...rows.filter((x) => x.path).map((x) => x.path.length + 2));
  const num = (n) => String(n).padStart(10);
  const line = (a, b, c, d) => `${a.padEnd(width)}${b}${c}${d}`;
  const out = [line('file', '       raw', '      gzip', '    brotli')];
  out.push('-'.repeat(width + 30));
  for (const x of rows) {
    if (x.blank) out.push('');
    else if (x.title) out.push(`[${x.title}]`);
    else if (x.none) out.push('  (none)');
    else if (x.rule) out.push(`${' '.repeat(width)}${'-'.repeat(30)}`);
    else out.push(line(`  ${x.path}`, num(x.raw), num(x.gzip), num(x.brotli)));
  }
  out.push('');
  const verdict = (what, bytes, budget) => {
    const left = budget - bytes;
    const word = left >= 0 ? `OK, ${kib(left)} (${left} bytes) to spare` : `OVER BUDGET by ${kib(-left)} (${-left} bytes)`;
    return `${what} brotli ${bytes} bytes (${kib(bytes)}) vs budget ${budget} bytes (${kib(budget)}): ${word}`;
  };
  out.push(verdict('first paint', r.widget.firstPaint.brotli, r.budget.firstPaint));
  out.push(verdict('widget total', r.widget.total.brotli, r.budget.total));
  return out.join('\n');
}

function main(argv) {
  const defaultDist = fileURLToPath(new URL('../../dist', import.meta.url));
  const dist = resolve(argv[0] ?? defaultDist);
  if (argv.length > 1 || argv[0] === '-h' || argv[0] === '--help') {
    console.error('usage: node tests/e2e/size-report.mjs [dist]');
    return argv[0] === '-h' || argv[0] === '--help' ? 0 : 2;
  }
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    console.error(`size-report: ${dist} is not a folder; build it first (./x build)`);
    return 2;
  }
  let r;
  try {
    r = report(dist);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    console.error(`size-report: ${e.path} vanished while measuring (is a build running?); run again`);
    return 2;
  }
  if (!r.widget.files.some((f) => f.path.endsWith('.wasm'))) {
    console.error(`size-report: no .wasm in ${dist}; is it a partner-scorecard build? (./x build)`);
    return 2;
  }
  console.log(format(r));
  const json = { ...r, dist: relative(process.cwd(), dist) || '.' };
  writeFileSync(join(dist, REPORT_NAME), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`(written to ${join(json.dist, REPORT_NAME)})`);
  if (r.widget.firstPaint.brotli > BUDGET_FIRST_PAINT) {
    console.error(`size-report: the first paint is over its ${kib(BUDGET_FIRST_PAINT)} brotli budget`);
  }
  if (r.widget.total.brotli > BUDGET_TOTAL) {
    console.error(`size-report: the widget is over its ${kib(BUDGET_TOTAL)} brotli budget`);
  }
  if (!r.withinBudget) return 1;
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
