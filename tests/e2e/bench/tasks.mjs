// Which work makes the widget's long tasks (issue 9, item 2): one navigation to a widget page in
// headless Chromium with a trace and the V8 CPU profiler on, then every task of the page's main
// thread over --min ms, with its wall and CPU time and the functions the profiler saw in it.
// Not a test file, and not part of ./x bench: a tool for finding what to split or defer.
//
//   PS_KEEP_NAMES=1 trunk build --release --dist /tmp/dist-names     (names the Rust functions)
//   node tests/e2e/bench/tasks.mjs --dist /tmp/dist-names [--feed target/bench-feeds/sample-5000.json]
//        [--partner P-00001 | --portfolio] [--min 30] [--throttle 4] [--trace /tmp/trace.json]
//
// Feeds: ./x bench writes target/bench-feeds/ (sample-12.json, sample-5000.json and .csv).
// CPU time is the figure to read on a loaded machine: wall time there includes waiting for a core.

import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, snapshotDist } from '../servers.mjs';
import { startCdn } from './cdn.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const feed = resolve(ROOT, arg('feed', 'target/bench-feeds/sample-12.json'));
const partner = process.argv.includes('--portfolio') ? null : arg('partner', 'P-00001');
const MIN = Number(arg('min', 30));
const THROTTLE = Number(arg('throttle', 1));
if (!existsSync(feed)) throw new Error(`${feed} is missing: ./x bench writes the sample feeds (or scorecard sample)`);

const dist = arg('dist', null) ?? snapshotDist();
const name = basename(feed);
const cdn = await startCdn({ dist, feeds: { [name]: feed } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (THROTTLE > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  // Painted as compare.mjs defines it, roughly: a fairness figure (×) in the shadow root.
  await page.addInitScript(() => {
    const tick = () => {
      const text = document.querySelector('partner-scorecard')?.shadowRoot?.textContent ?? '';
      if (/×/.test(text)) window.__painted = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel',
      'disabled-by-default-v8.cpu_profiler', 'v8.wasm'],
  });
  await page.goto(`${cdn.origin}/page/widget.html?feed=${name}${partner ? `&partner=${partner}` : ''}`);
  await page.waitForFunction(() => window.__painted, null, { timeout: 180_000 });
  await page.waitForTimeout(2000); // what the first paint defers (the quadrant, the canvas)
  const painted = await page.evaluate(() => window.__painted);
  const trace = await browser.stopTracing();
  if (arg('trace', null)) writeFileSync(arg('trace'), trace);
  report(JSON.parse(trace.toString()).traceEvents, painted);
} finally {
  await browser.close();
  await cdn.close();
}

function report(events, painted) {
  const thread = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
  const origin = mine.find((e) => e.ph === 'X').ts;
  const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > MIN * 1000);
  // The main thread's CPU profile: nodes and samples come in chunks with the profile's id.
  const profile = mine.find((e) => e.name === 'Profile');
  const nodes = new Map();
  const samples = [];
  let t = profile?.args.data.startTime ?? 0;
  for (const e of events) {
    if (!profile || e.name !== 'ProfileChunk' || e.pid !== thread.pid || e.id !== profile.id) continue;
    const cpu = e.args.data.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) nodes.set(n.id, n);
    (cpu.samples ?? []).forEach((id, i) => { t += e.args.data.timeDeltas[i]; samples.push({ id, t }); });
  }
  const fn = (id) => nodes.get(id)?.callFrame?.functionName || '(anonymous)';
  // Glue, shims and minified JS names say nothing about where the time goes.
  const noise = /^(\(root\)|\(program\)|\(anonymous\)|js-to-wasm|wasm-to-js|[\w$]{1,2}|.*invoke.*|.*Queue::new.*)$/;
  console.log(`painted ${Math.round(painted)} ms after navigation; ${tasks.length} tasks over ${MIN} ms`);
  for (const task of tasks) {
    const inside = samples.filter((s) => s.t >= task.ts && s.t <= task.ts + task.dur);
    const self = new Map();
    const total = new Map();
    for (const s of inside) {
      self.set(fn(s.id), (self.get(fn(s.id)) ?? 0) + 1);
      const seen = new Set();
      for (let id = s.id; id; id = nodes.get(id)?.parent) {
        if (!seen.has(fn(id))) { seen.add(fn(id)); total.set(fn(id), (total.get(fn(id)) ?? 0) + 1); }
      }
    }
    const ms = inside.length ? task.tdur / 1000 / inside.length : 0;
    const top = (m, k) => [...m].filter(([n]) => !noise.test(n)).sort((a, b) => b[1] - a[1]).slice(0, k)
      .map(([n, c]) => `      ${String(Math.round(c * ms)).padStart(4)} ms  ${n.slice(0, 110)}`).join('\n');
    console.log(`task at ${Math.round((task.ts - origin) / 1000)} ms: wall ${Math.round(task.dur / 1000)} ms, `
      + `CPU ${Math.round(task.tdur / 1000)} ms (${task.args?.src_func ?? '?'})`);
    if (inside.length) console.log(`   self:\n${top(self, 6)}\n   inclusive:\n${top(total, 12)}`);
  }
}
