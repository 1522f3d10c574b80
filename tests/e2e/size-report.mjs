#!/usr/bin/env node
// Size report of a built dist/: raw, gzip (zlib level 9) and brotli (max quality)
// bytes of every file, the widget's total against its brotli budget.
//
//   node tests/e2e/size-report.mjs [dist]        (or ./x size)
//
// Widget files are what a host page downloads: embed.js, the wasm-bindgen JS
// (any .js at the top of dist/), the .wasm and the snippets/ modules; their sum
// is held against the budget. The demo page's own files — data/, index.html,
// demo.css — are listed separately as "demo only", and any other file (a stray
// left in dist/) as "other"; neither is counted.
// The numbers are also written as JSON to DIST/size-report.json.
//
// Exit status: 0 within budget, 1 over budget, 2 no dist/, no .wasm in it, or
// dist/ changing under the report (a build running).
// Not a test file: `node --test tests/e2e/` does not pick it up (no .test. name).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The widget's budget: 130 KB of brotli for everything a host downloads. */
export const BUDGET_BROTLI = 130 * 1024;

/** The JSON report's name inside dist/ (never counted itself). */
export const REPORT_NAME = 'size-report.json';

/** Which group a file is in: 'widget', 'demo' or 'other'. `path` is relative to
 *  dist/ with forward slashes. */
export function groupOf(path) {
  if (path === 'index.html' || path === 'demo.css' || path.startsWith('data/')) return 'demo';
  if (path.startsWith('snippets/') || /^[^/]+\.(js|wasm)$/.test(path)) return 'widget';
  return 'other';
}

/** Every file under `dir`, relative paths with forward slashes, sorted. Dot
 *  entries are skipped: Trunk stages a build in dist/.stage/ before swapping it in. */
function listFiles(dir, base = dir) {
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
  const total = sum(widget);
  return {
    dist,
    budget: { brotli: BUDGET_BROTLI },
    widget: { files: widget, total },
    demoOnly: { files: demo, total: sum(demo) },
    other: { files: other, total: sum(other) },
    withinBudget: total.brotli <= BUDGET_BROTLI,
    headroom: BUDGET_BROTLI - total.brotli,
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
  section('widget (what a host page downloads)', r.widget.files, r.widget.total, 'total widget');
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
  const verdict = r.withinBudget
    ? `OK, ${kib(r.headroom)} (${r.headroom} bytes) to spare`
    : `OVER BUDGET by ${kib(-r.headroom)} (${-r.headroom} bytes)`;
  out.push(`widget brotli total ${r.widget.total.brotli} bytes (${kib(r.widget.total.brotli)}) `
    + `vs budget ${r.budget.brotli} bytes (${kib(r.budget.brotli)}): ${verdict}`);
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
  if (!r.withinBudget) {
    console.error(`size-report: the widget is over its ${kib(BUDGET_BROTLI)} brotli budget`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
