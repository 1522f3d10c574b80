// The engine in a Web Worker (same origin, another origin with a blob: trampoline,
// and the in-page fallback where a strict CSP refuses the worker), and the
// `max-bytes` limit: the `too-large` error the host receives and the user reads.

import {
  assert, expected, hostPage, pageTest, suite,
} from './harness.mjs';

const env = suite();

// Records every Worker the page constructs (the widget's own included), what the
// page posted to it (its compiled module; each job's feed bytes) and the answers.
function watchWorkers() {
  window.__workers = [];
  const seen = new WeakMap();
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      // `posted`: 'module', 'preload' and each job's feed bytes (a feed sent as it
      // downloads counts when it ends); `chunks`: the messages such feeds came in;
      // `streamed`: answers the worker read as their feed came.
      const w = { url: String(url), type: options?.type ?? 'classic', posted: [], answers: 0, streamed: 0, chunks: 0, open: {}, aborted: 0 };
      window.__workers.push(w);
      seen.set(this, w);
      this.addEventListener('message', ({ data }) => {
        if (data?.answer instanceof ArrayBuffer) w.answers += 1;
        if (data?.streamed) w.streamed += 1;
      });
    }

    postMessage(message, transfer) {
      const w = seen.get(this);
      if (!w) return super.postMessage(message, transfer);
      if (message?.module instanceof WebAssembly.Module) w.posted.push('module');
      else if (message?.preload) w.posted.push('preload');
      else if (message?.open) w.open[message.id] = 0;
      else if (message?.chunk) {
        w.open[message.id] += message.chunk.byteLength;
        w.chunks += 1;
        w.firstChunk ??= Date.now();
      }
      else if (message?.abort) { delete w.open[message.id]; w.aborted += 1; }
      else if (message && 'end' in message) { w.posted.push(w.open[message.id]); delete w.open[message.id]; }
      else w.posted.push((message?.chunks ?? []).reduce((n, c) => n + c.byteLength, 0));
      return super.postMessage(message, transfer);
    }
  };
}

/** The .wasm files the widget's server was asked for (no-store: every fetch, the worker's too). */
const servedWasm = (h) => h.env.appRequests.filter((p) => p.endsWith('.wasm'));

/** The figures the widget reports are those of the native engine. */
function assertReady(event, feed) {
  const want = expected(feed).counts;
  assert.equal(event.detail.records, want.accepted, 'accepted records');
  assert.equal(event.detail.rejected, want.rejected, 'rejected records');
}

/** The feed bytes each worker was handed as jobs (not its module). */
const jobs = (workers) => workers.flatMap((w) => w.posted.filter((m) => typeof m === 'number'));

pageTest(env, 'w0. a feed under 512 KB is scored in the page\'s own instance: no job goes to a worker', async (h) => {
  await h.page.addInitScript(watchWorkers);
  await h.open(hostPage('<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001"></partner-scorecard>'), { csp: true });
  assert.ok(Buffer.byteLength(h.env.feeds.json) < 512 * 1024, 'the sample is a small feed');
  assertReady(await h.waitEvent('scorecard-ready', { target: 's' }), h.env.feeds.json);
  const card = expected(h.env.feeds.json, 'P-00001').scorecard;
  await h.waitVisible('#s', 'scorecard');
  assert.equal(await h.text('#s', 'partner-name'), card.partner_name);
  const workers = await h.page.evaluate(() => window.__workers);
  assert.deepEqual(jobs(workers), [], `no job for a worker (${JSON.stringify(workers)})`);
});

pageTest(env, 'w1. same origin, strict CSP: a feed over 512 KB is scored in a module worker on the page\'s own module; figures as the native engine', async (h) => {
  h.env.appRequests.length = 0;
  await h.page.addInitScript(watchWorkers);
  await h.open(hostPage('<partner-scorecard id="w" src="{{DATA}}/over-limit.json" partner="P-00001"></partner-scorecard>'), { csp: true });
  assert.ok(Buffer.byteLength(h.env.feeds.big) > 512 * 1024, 'the big sample is over the in-page limit');
  assertReady(await h.waitEvent('scorecard-ready', { target: 'w' }), h.env.feeds.big);
  await h.waitVisible('#w', 'scorecard');
  const card = expected(h.env.feeds.big, 'P-00001').scorecard;
  assert.equal(await h.text('#w', 'partner-name'), card.partner_name);
  const workers = await h.page.evaluate(() => window.__workers);
  assert.equal(workers.length, 1, `one worker (${JSON.stringify(workers)})`);
  assert.match(workers[0].url, /\/worker\.js$/, 'started from its own URL, no blob:');
  assert.equal(workers[0].type, 'module');
  // It ran the page's own module: handed over compiled, told to fetch the engine's
  // chunk once 512 KB of the feed had come, then the feed, then an answer.
  assert.deepEqual(workers[0].posted, ['module', 'preload', Buffer.byteLength(h.env.feeds.big)]);
  assert.equal(workers[0].answers, 1);
  assert.equal(workers[0].streamed, 1, 'read by the stream');
  assert.deepEqual(servedWasm(h).filter((p) => !/^\/(split|chunk)_/.test(p)), ['/partner-scorecard-web_bg.wasm'],
    'one main module download: the page\'s; the worker compiled none');
  assert.equal(servedWasm(h).filter((p) => p === '/split_engine.wasm').length, 2,
    `the engine chunk, for the worker and for reading its answer in the page (${servedWasm(h)})`);
});

pageTest(env, 'w1a. a feed that arrives piece by piece goes to the worker as it comes, and scores as the whole feed does', async (h) => {
  await h.page.addInitScript(watchWorkers);
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/trickle.json?ms=40" partner="P-00001"></partner-scorecard>'));
  assertReady(await h.waitEvent('scorecard-ready', { target: 'p' }), h.env.feeds.big);
  assert.equal(await h.text('#p', 'partner-name'), expected(h.env.feeds.big, 'P-00001').scorecard.partner_name);
  const [worker] = await h.page.evaluate(() => window.__workers);
  assert.deepEqual(jobs([worker]), [Buffer.byteLength(h.env.feeds.big)]);
  const pieces = Math.ceil(Buffer.byteLength(h.env.feeds.big) / 65536);
  assert.ok(worker.chunks >= pieces / 2, `${worker.chunks} chunk messages for ${pieces} pieces`);
  const ended = h.env.trickled['/trickle.json?ms=40'];
  assert.ok(worker.firstChunk < ended - 200, `the first chunk went over ${ended - worker.firstChunk} ms before the download ended`);
  assert.equal(worker.streamed, 1, 'the worker read the records as they came');
});

pageTest(env, 'w1b. a feed over 512 KB in another shape than usual (a block after the records, entries that are not records) is read whole by the worker: figures as the native engine', async (h) => {
  await h.page.addInitScript(watchWorkers);
  const { records, ...blocks } = JSON.parse(h.env.feeds.big);
  // The partners after the records: the records are checked again once all is read.
  const { partners, ...head } = blocks;
  const late = JSON.stringify({ ...head, records: [...records.slice(0, 5), 'not a record', ...records.slice(5)], partners });
  h.env.addFeed('/late.json', late);
  await h.open(hostPage('<partner-scorecard id="l" src="{{DATA}}/late.json" partner="P-00001"></partner-scorecard>'));
  assertReady(await h.waitEvent('scorecard-ready', { target: 'l' }), late);
  const card = expected(late, 'P-00001').scorecard;
  assert.equal(await h.text('#l', 'partner-name'), card.partner_name);
  const workers = await h.page.evaluate(() => window.__workers);
  assert.deepEqual(jobs(workers), [Buffer.byteLength(late)], JSON.stringify(workers));
  assert.equal(workers[0].streamed, 0, 'read whole, once it had all come');
  // A syntax error deep in such a feed reads as it does for the whole feed.
  const broken = `${late.slice(0, -200)},}`;
  h.env.addFeed('/broken-big.json', broken);
  await h.page.locator('#l').evaluate((el) => el.setAttribute('src', el.getAttribute('src').replace('late', 'broken-big')));
  const error = await h.waitEvent('scorecard-error', { target: 'l' });
  assert.equal(error.detail.kind, 'parse', JSON.stringify(error.detail));
  assert.match(error.detail.detail, new RegExp(`^the data is not valid JSON: .+ at line 1, column ${broken.length}$`), error.detail.detail);
});

pageTest(env, 'w2. two widgets and a new src share one worker', async (h) => {
  await h.page.addInitScript(watchWorkers);
  await h.open(hostPage(`<partner-scorecard id="a" src="{{DATA}}/over-limit.json"></partner-scorecard>
    <partner-scorecard id="b" src="{{DATA}}/over-limit.csv" partner="P-00002"></partner-scorecard>`));
  assertReady(await h.waitEvent('scorecard-ready', { target: 'a' }), h.env.feeds.big);
  await h.waitEvent('scorecard-ready', { target: 'b' });
  await h.page.locator('#a').evaluate((el) => el.setAttribute('src', `${el.getAttribute('src')}?again`));
  const again = await h.waitEvent('scorecard-ready', { target: 'a', count: 2 });
  assertReady(again, h.env.feeds.big);
  const workers = await h.page.evaluate(() => window.__workers);
  assert.equal(workers.length, 1, 'one worker for the page');
  assert.ok(Buffer.byteLength(h.env.feeds.bigCsv) > 512 * 1024, 'the big CSV is over the in-page limit too');
  assert.equal(jobs(workers).length, 3, `three jobs on it (${JSON.stringify(workers)})`);
});

/** A host page on DATA (another origin than the widget's files on APP). */
function crossOriginPage(h, name, csp) {
  const html = `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>cross-origin host</title>
<script type="module" src="${h.env.appOrigin}/embed.js"></script></head>
<body><partner-scorecard id="x" src="/over-limit.json" partner="P-00001"></partner-scorecard></body></html>`;
  h.env.addFeed('/favicon.ico', '', 'image/x-icon');
  return h.env.addFeed(`/host-${name}.html`, html, 'text/html; charset=utf-8', { 'Content-Security-Policy': csp });
}

// worker-src must name the widget's origin beside blob:: a module worker's
// imports (worker.js, the glue) are fetched as "worker" and checked against it.
// With blob: alone, Chromium refuses worker.js and the widget falls back to the page.
pageTest(env, 'w3. widget from another origin, CSP with worker-src blob: and its origin: a blob: trampoline starts the worker', async (h) => {
  h.env.appRequests.length = 0;
  await h.page.addInitScript(watchWorkers);
  const app = h.env.appOrigin;
  await h.page.goto(crossOriginPage(h, 'blob', `default-src 'self'; script-src 'self' ${app} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${app}; worker-src blob: ${app}`));
  assertReady(await h.waitEvent('scorecard-ready', { target: 'x' }), h.env.feeds.big);
  await h.waitVisible('#x', 'scorecard');
  const workers = await h.page.evaluate(() => window.__workers);
  assert.equal(workers.length, 1);
  assert.match(workers[0].url, /^blob:/, 'a same-origin blob: module that imports the real worker');
  assert.deepEqual(workers[0].posted, ['module', 'preload', Buffer.byteLength(h.env.feeds.big)]);
  assert.equal(workers[0].answers, 1);
  // The worker's files came from the widget's origin (CORS), and no .wasm but the page's.
  assert.ok(h.env.appRequests.includes('/worker.js') && h.env.appRequests.filter((p) => p === '/partner-scorecard-web.js').length === 2,
    `worker.js and the glue a second time, for the worker (${h.env.appRequests.join(' ')})`);
  assert.deepEqual(servedWasm(h).filter((p) => !/^\/(split|chunk)_/.test(p)), ['/partner-scorecard-web_bg.wasm']);
});

const workerRefused = /^Creating a worker from 'blob:[^']*' violates the following Content Security Policy directive/;

pageTest(env, 'w4. widget from another origin, strict CSP without blob:: the engine runs in the page\'s own instance, nothing else is refused', { allow: [workerRefused] }, async (h) => {
  h.env.appRequests.length = 0;
  await h.page.addInitScript(watchWorkers);
  const app = h.env.appOrigin;
  await h.page.goto(crossOriginPage(h, 'strict', `default-src 'self'; script-src 'self' ${app} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${app}`));
  assertReady(await h.waitEvent('scorecard-ready', { target: 'x' }), h.env.feeds.big);
  await h.waitVisible('#x', 'scorecard');
  const card = expected(h.env.feeds.big, 'P-00001').scorecard;
  assert.equal(await h.text('#x', 'partner-name'), card.partner_name);
  // The page's own instance scored the feed, over the in-page limit as it is:
  // no job went to any worker (what engines.test.mjs's worker check asks for,
  // and would not find here), and no second module was fetched.
  const workers = await h.page.evaluate(() => window.__workers);
  assert.deepEqual(jobs(workers), [], JSON.stringify(workers));
  assert.deepEqual(servedWasm(h).filter((p) => !/^\/(split|chunk)_/.test(p)), ['/partner-scorecard-web_bg.wasm']);
  // The one refusal is the worker's blob: script; the pageTest checks there is no other.
  const csp = await h.page.evaluate(() => window.__csp.splice(0));
  assert.ok(csp.length >= 1, 'the CSP refused the blob: worker');
  for (const v of csp) {
    assert.match(v.directive, /^(worker-src|script-src)/, JSON.stringify(v));
    assert.equal(v.blocked, 'blob', JSON.stringify(v));
  }
});

// ---------------------------------------------------------------- max-bytes

const tooLarge = async (h, id, count = 1) => {
  const event = await h.waitEvent('scorecard-error', { target: id, count });
  assert.equal(event.detail.kind, 'too-large', `${event.detail.message} / ${event.detail.detail}`);
  await h.waitVisible(`#${id}`, 'error');
  assert.equal(await h.$(`#${id}`, 'error').getAttribute('data-kind'), 'too-large');
  assert.equal(await h.$(`#${id}`, 'scorecard').count(), 0, 'no scorecard');
  return event;
};

pageTest(env, 'w5. too-large from Content-Length: refused before the download ends', async (h) => {
  const size = Buffer.byteLength(h.env.feeds.json);
  await h.open(hostPage(`<partner-scorecard id="t" src="{{DATA}}/announced?ms=20000" max-bytes="${size - 1}"></partner-scorecard>`));
  const started = Date.now();
  const event = await tooLarge(h, 't');
  assert.ok(Date.now() - started < 10_000, 'long before the server sends the rest');
  assert.equal(event.detail.message, await h.text('#t', 'error-message'));
  assert.match(event.detail.message, /too large for this widget: it is [\d.]+ (KB|MB), and the limit is [\d.]+ (KB|MB)\./);
  assert.match(event.detail.detail, new RegExp(`announced ${size} bytes \\(Content-Length\\); max-bytes is ${size - 1}$`));
  const request = h.env.requests.find((r) => r.path === '/announced');
  assert.ok(request, 'the feed was requested');
  for (let i = 0; i < 50 && !request.aborted; i++) await h.page.waitForTimeout(100);
  assert.ok(request.aborted, 'the widget stopped the download');
});

pageTest(env, 'w6. too-large without a length: refused while streaming; at the limit exactly it loads', async (h) => {
  const size = Buffer.byteLength(h.env.feeds.json);
  await h.open(hostPage(`<partner-scorecard id="t" src="{{DATA}}/sample.json" max-bytes="100000" locale="de-DE"></partner-scorecard>
    <partner-scorecard id="ok" src="{{DATA}}/sample.json" max-bytes="${size}"></partner-scorecard>`, { lang: 'de-DE' }));
  const event = await tooLarge(h, 't');
  assert.match(event.detail.message, /it is more than [\d.]+ KB, and the limit is 100 KB\./, 'the event keeps the English sentence');
  assert.match(event.detail.detail, /sent more than 100000 bytes; max-bytes is 100000$/);
  assert.equal(await h.text('#t', 'error-message'), 'Die Daten sind zu umfangreich, um sie in diesem Widget anzuzeigen.');
  assertReady(await h.waitEvent('scorecard-ready', { target: 'ok' }), h.env.feeds.json);
});

pageTest(env, 'w6b. too-large while the feed goes to the worker: its job there is dropped; a larger limit loads it', async (h) => {
  await h.page.addInitScript(watchWorkers);
  const size = Buffer.byteLength(h.env.feeds.big);
  const limit = 800_000;
  assert.ok(size > limit && limit > 512 * 1024, 'refused after the feed became the worker\'s');
  // Slow enough for the worker to be up before the limit is passed.
  await h.open(hostPage(`<partner-scorecard id="t" src="{{DATA}}/trickle.json?ms=100" max-bytes="${limit}" partner="P-00001"></partner-scorecard>`));
  const event = await tooLarge(h, 't');
  assert.match(event.detail.detail, new RegExp(`sent more than ${limit} bytes; max-bytes is ${limit}$`));
  await h.page.waitForTimeout(500);
  let workers = await h.page.evaluate(() => window.__workers);
  assert.equal(workers.length, 1, JSON.stringify(workers));
  assert.ok(workers[0].chunks > 0, `chunks went to the worker (${JSON.stringify(workers)})`);
  assert.equal(workers[0].aborted, 1, `its job there was dropped (${JSON.stringify(workers)})`);
  assert.deepEqual(workers[0].open, {}, 'none left open');
  assert.deepEqual(jobs(workers), [], 'no job ended');
  await h.page.locator('#t').evaluate((el, n) => el.setAttribute('max-bytes', String(n)), size);
  assertReady(await h.waitEvent('scorecard-ready', { target: 't' }), h.env.feeds.big);
  workers = await h.page.evaluate(() => window.__workers);
  assert.deepEqual(jobs(workers), [size], JSON.stringify(workers));
});

pageTest(env, 'w7. too-large from the data property (French), and a new max-bytes loads again', async (h) => {
  await h.open(hostPage('<partner-scorecard id="t" max-bytes="1000" locale="fr"></partner-scorecard>'));
  assert.equal((await h.waitEvent('scorecard-error', { target: 't' })).detail.kind, 'config', 'no data yet');
  await h.page.locator('#t').evaluate((el, text) => { el.data = text; }, h.env.feeds.json);
  const event = await tooLarge(h, 't', 2);
  assert.equal(event.detail.url, null);
  assert.match(event.detail.detail, /^the data property holds \d+ bytes; max-bytes is 1000$/);
  assert.equal(await h.text('#t', 'error-message'), 'Les données sont trop volumineuses pour être affichées dans ce widget.');
  await h.page.locator('#t').evaluate((el) => el.setAttribute('max-bytes', '100000000'));
  assertReady(await h.waitEvent('scorecard-ready', { target: 't' }), h.env.feeds.json);
});
