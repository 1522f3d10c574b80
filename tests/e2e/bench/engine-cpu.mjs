// The engine's CPU per feed, as the widget's worker runs it (not a test file):
// the page's own glue and module from a built dist/, instantiated in Node 20 (V8,
// Chromium's engine) exactly as src/embed/worker.js does (`init` with the
// compiled module, then `process_feed`, which fetches the engine's chunk
// split_engine.wasm on its first call, as in the worker). CPU time (user + system)
// of the call, best of `--runs`, so the machine's load counts as little as it can.
//
//   node tests/e2e/bench/engine-cpu.mjs FEED [--dist dist] [--runs 3] [--format json|csv]
//
// FEED comes from `scorecard sample --partners N --quarters 8 --seed 7 [-o FILE]`.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const feed = process.argv[2];
if (!feed || feed.startsWith('--')) {
  console.error('usage: node tests/e2e/bench/engine-cpu.mjs FEED [--dist dist] [--runs 3] [--format json|csv]');
  process.exit(2);
}
const dist = resolve(arg('dist', 'dist'));
const runs = Number(arg('runs', 3));
const format = (arg('format', feed.endsWith('.csv') ? 'csv' : 'json') === 'csv') ? 1 : 0;

// Node's fetch reads no file: URL, which is what the chunk loader asks for here.
const nativeFetch = globalThis.fetch;
globalThis.fetch = async (url, init) => (String(url).startsWith('file:')
  ? new Response(readFileSync(new URL(String(url))), { headers: { 'Content-Type': 'application/wasm' } })
  : nativeFetch(url, init));

const glue = await import(pathToFileURL(`${dist}/partner-scorecard-web.js`).href);
const module = await WebAssembly.compile(readFileSync(`${dist}/partner-scorecard-web_bg.wasm`));
await glue.default({ module_or_path: module });
const input = new Uint8Array(readFileSync(feed));

let best = Infinity; let answer = 0;
await glue.process_feed([new TextEncoder().encode("{}")], 0); // fetches the chunk outside the timing
for (let i = 0; i < runs; i++) {
  const before = process.cpuUsage();
  const out = await glue.process_feed([input], format);
  const used = process.cpuUsage(before);
  best = Math.min(best, (used.user + used.system) / 1e6);
  answer = out.byteLength;
}
console.log(JSON.stringify({ feed, bytes: input.byteLength, answerBytes: answer, cpuSeconds: +best.toFixed(2), runs }));
