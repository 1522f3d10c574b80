// Where a large portfolio's time to paint goes (not a test file): the widget's page of
// cdn.mjs on the 5,000-partner feed of ./x bench (target/bench-feeds/, made by compare.mjs),
// in headless Chromium, with an init script that stamps, in ms from navigation, the feed's
// download (resource timing), the worker's start and readiness, the `preload` message and the
// job posted to it, its answer, `scorecard-ready` and the first painted portfolio row.
//
//   node tests/e2e/bench/phases.mjs [json|csv] [RUNS]
//
// worker time = answer - job; the page's decoding and first render = painted - answer.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { ROOT, snapshotDist } from '../servers.mjs';
import { startCdn } from './cdn.mjs';
const ext = process.argv[2] ?? 'json';
const runs = Number(process.argv[3] ?? 3);
const dir = join(ROOT, 'target', 'bench-feeds');
const feed = `sample-5000.${ext}`;
const dist = snapshotDist();
const cdn = await startCdn({ dist, feeds: { [feed]: join(dir, feed) } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < runs; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__t = {};
    const N = window.Worker;
    window.Worker = class extends N {
      constructor(u, o) { super(u, o); window.__t.workerNew = performance.now();
        this.addEventListener('message', ({ data }) => { if (data?.ready) window.__t.workerReady = performance.now(); if (data?.answer) window.__t.answer = performance.now(); }); }
      postMessage(m, t) {
        const now = performance.now();
        if (m?.chunks || (m && 'end' in m)) window.__t.job = now; // a whole feed, or the end of one sent as it came
        if (m?.chunk) window.__t.firstChunk ??= now;
        if (m?.preload) window.__t.preload = now;
        return super.postMessage(m, t);
      }
    };
    const tick = () => {
      const el = document.querySelector('partner-scorecard');
      const row = el?.shadowRoot?.querySelector('[data-testid=portfolio-row]');
      if (row) { window.__t.painted = performance.now(); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    addEventListener('scorecard-ready', () => { window.__t.ready = performance.now(); }, true);
  });
  await page.goto(`${cdn.origin}/page/widget.html?feed=${feed}`);
  await page.waitForFunction(() => window.__t.painted, null, { timeout: 60000 });
  const t = await page.evaluate(() => {
    const r = performance.getEntriesByType('resource');
    const f = r.find((e) => e.name.includes('/data/'));
    const w = r.find((e) => e.name.endsWith('_bg.wasm'));
    return { ...window.__t, feedStart: f?.startTime, feedResponseStart: f?.responseStart, feedEnd: f?.responseEnd, wasmEnd: w?.responseEnd };
  });
  const o = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
  console.log(JSON.stringify(o));
  await ctx.close();
}
await browser.close();
await cdn.close();
