// Every way getting the data can fail: what the user sees inside the widget and
// what the host receives as `scorecard-error`; retries, the Retry button, reload().

import {
  assert, CORS_BLOCKED, eventually, expected, FAILED_STATUS, hostPage, pageTest, ratio, suite,
} from './harness.mjs';

const env = suite();

/**
 * Opens a page whose one widget reads `path` on the DATA origin, waits for its
 * scorecard-error and checks the error panel against it.
 */
async function failure(h, path, kind, { attrs = '', timeout = 15_000, src } = {}) {
  const url = src ?? `${h.data}${path}`;
  const srcAttr = src === null ? '' : `src="${url}"`;
  await h.open(hostPage(`<partner-scorecard id="f" ${srcAttr} partner="P-00001" ${attrs}></partner-scorecard>`));
  const started = Date.now();
  const event = await h.waitEvent('scorecard-error', { target: 'f', timeout });
  const elapsed = Date.now() - started;
  assert.equal(event.detail.kind, kind, `scorecard-error kind (${event.detail.message} / ${event.detail.detail})`);
  assert.ok(event.bubbles && event.composed && event.phase === 3, 'a bubbling, composed event reaching document');
  if (src !== null) assert.equal(event.detail.url, url, 'detail.url is the resolved src');

  await h.waitVisible('#f', 'error');
  assert.equal(await h.$('#f', 'error').getAttribute('data-kind'), kind, 'the error panel names the kind');
  const message = await h.text('#f', 'error-message');
  const detail = (await h.$('#f', 'error-detail').textContent()).trim();
  assert.equal(message, event.detail.message, 'the panel shows the message the host received');
  assert.equal(detail, event.detail.detail, 'the technical detail is the one the host received');
  assert.ok(await h.$('#f', 'error-message').isVisible(), 'the message is visible');
  assert.ok(await h.$('#f', 'retry').isVisible(), 'a Retry button is offered');
  assert.equal(await h.$('#f', 'scorecard').count(), 0, 'no scorecard');
  assert.equal(await h.$('#f', 'loading').count(), 0, 'no longer loading');
  assert.equal((await h.events('scorecard-ready')).length, 0, 'no scorecard-ready');
  return { event, message, detail, elapsed };
}

/** One scorecard-error in total: retries do not report each attempt. */
async function assertOneError(h) {
  assert.equal((await h.events('scorecard-error')).length, 1, 'exactly one scorecard-error');
}

const failed = { allow: [FAILED_STATUS] };

pageTest(env, '5a. 404 → not-found', failed, async (h) => {
  const { message, detail } = await failure(h, '/404?t=a', 'not-found');
  assert.match(message, /not found/i);
  assert.match(detail, /HTTP 404/);
  assert.equal(h.env.hits('/404?t=a'), 1, '404 is not retried');
  await assertOneError(h);
});

pageTest(env, '5b. 401 → unauthorised', failed, async (h) => {
  const { message, detail } = await failure(h, '/401?t=b', 'unauthorised');
  assert.match(message, /not authorised/i);
  assert.match(detail, /HTTP 401/);
  assert.equal(h.env.hits('/401?t=b'), 1, '401 is not retried');
  await assertOneError(h);
});

pageTest(env, '5c. 403 → unauthorised', failed, async (h) => {
  const { detail } = await failure(h, '/403?t=c', 'unauthorised');
  assert.match(detail, /HTTP 403/);
  assert.equal(h.env.hits('/403?t=c'), 1, '403 is not retried');
  await assertOneError(h);
});

pageTest(env, '5d. 500 → server, after 3 retries with backoff (4 requests)', failed, async (h) => {
  const { message, detail, elapsed } = await failure(h, '/500?t=d', 'server');
  assert.match(message, /HTTP 500/);
  assert.match(detail, /3 retries/);
  assert.equal(h.env.hits('/500?t=d'), 4, 'one request and three retries');
  assert.ok(elapsed >= 3_000, `the retries wait 0.5 + 1 + 2 s (took ${elapsed} ms)`);
  await h.page.waitForTimeout(1_000);
  assert.equal(h.env.hits('/500?t=d'), 4, 'no request after giving up');
  await assertOneError(h);
});

pageTest(env, '5e. flaky (500 twice, then OK) → renders after retries, no error reported', failed, async (h) => {
  await h.open(hostPage(`<partner-scorecard id="f" src="{{DATA}}/flaky?t=e" partner="P-00001" period="2026-Q3"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'f' });
  await h.waitVisible('#f', 'partner-name');
  const card = expected(h.env.feeds.json, 'P-00001', '2026-Q3').scorecard;
  assert.equal(await h.text('#f', 'partner-name'), card.partner_name);
  assert.equal(await h.text('#f', 'fairness'), ratio(card.fairness));
  assert.equal(h.env.hits('/flaky?t=e'), 3);
  assert.equal((await h.events('scorecard-error')).length, 0, 'intermediate failures are not reported');
  assert.equal(await h.$('#f', 'error').count(), 0);
  assert.equal(await h.$('#f', 'stale').count(), 0);
});

pageTest(env, '5f. no CORS headers → network', { allow: [CORS_BLOCKED] }, async (h) => {
  const { message } = await failure(h, '/nocors', 'network');
  assert.match(message, /CORS|network/);
  await assertOneError(h);
});

pageTest(env, '5g. slow answer with timeout="1" → timeout', async (h) => {
  const { message, detail, elapsed } = await failure(h, '/slow?t=g', 'timeout', { attrs: 'timeout="1"' });
  assert.match(message, /within 1 second/);
  assert.match(detail, /timed out after 1 s/);
  assert.ok(elapsed < 4_000, `gave up after about a second, not when the server answered (${elapsed} ms)`);
  await eventually(() => h.env.requests.find((r) => r.key === '/slow?t=g')?.aborted, { message: 'the request to be aborted' });
  await assertOneError(h);
});

pageTest(env, '5h. not JSON → parse, the detail says where', async (h) => {
  const { message, detail } = await failure(h, '/not-json', 'parse');
  assert.match(message, /not a readable scorecard/);
  assert.match(detail, /line 4, column \d+/, 'the detail names the line and column of the syntax error');
  await assertOneError(h);
});

pageTest(env, '5i. wrong schema → schema, the detail names partner-scorecard/v1', async (h) => {
  const { message, detail } = await failure(h, '/wrong-schema', 'schema');
  assert.match(message, /format version/);
  assert.match(detail, /partner-scorecard\/v1/);
  assert.match(detail, /partner-scorecard\/v2/);
  await assertOneError(h);
});

pageTest(env, '5j. no records → empty', async (h) => {
  const { message } = await failure(h, '/empty', 'empty');
  assert.match(message, /no records/);
  await assertOneError(h);
});

pageTest(env, '5k. neither src nor data → config', async (h) => {
  const { message, event } = await failure(h, null, 'config', { src: null });
  assert.match(message, /src attribute or the data property/);
  assert.equal(event.detail.url, null);
});

pageTest(env, '5l. the Retry button and reload() fetch again', failed, async (h) => {
  h.env.setSwitch('retry', 'missing');
  const path = '/switch?id=retry';
  await failure(h, path, 'not-found', { attrs: 'period="2026-Q3"' });
  assert.equal(h.env.hits(path), 1);

  h.env.setSwitch('retry', 'ok');
  await h.$('#f', 'retry').click();
  await h.waitEvent('scorecard-ready', { target: 'f' });
  await h.waitVisible('#f', 'partner-name');
  assert.equal(h.env.hits(path), 2, 'Retry fetched once more');
  assert.equal(await h.$('#f', 'error').count(), 0, 'the error panel is gone');
  const card = expected(h.env.feeds.json, 'P-00001', '2026-Q3').scorecard;
  assert.equal(await h.text('#f', 'fairness'), ratio(card.fairness));

  await h.page.locator('#f').evaluate((el) => el.reload());
  await h.waitEvent('scorecard-ready', { target: 'f', count: 2 });
  assert.equal(h.env.hits(path), 3, 'reload() fetched once more');
  await h.waitVisible('#f', 'partner-name');
});

pageTest(env, '6. rejected records: the scorecard renders and the disclosure lists the locations', async (h) => {
  const engine = expected(h.env.feeds.rejects, 'P-00001', '2026-Q3');
  const locations = engine.rejected.map((r) => r.location);
  assert.ok(locations.includes('/records/3/value'), `the engine rejects /records/3/value (${locations})`);
  const n = engine.counts.rejected;
  assert.ok(n >= 3);

  await h.open(hostPage(`<partner-scorecard id="r" src="{{DATA}}/rejects" partner="P-00001" period="2026-Q3"></partner-scorecard>`));
  const ready = await h.waitEvent('scorecard-ready', { target: 'r' });
  assert.equal(ready.detail.rejected, n);
  assert.equal(ready.detail.records, engine.counts.accepted);
  await h.waitVisible('#r', 'partner-name');
  assert.equal(await h.text('#r', 'fairness'), ratio(engine.scorecard.fairness));

  const disclosure = h.$('#r', 'rejected');
  assert.ok(await disclosure.isVisible(), 'the disclosure is shown');
  assert.equal((await disclosure.locator('summary').textContent()).trim(), `${n} records rejected`);
  await disclosure.locator('summary').click();
  const items = disclosure.locator('li');
  await items.first().waitFor({ state: 'visible' });
  const texts = (await items.allTextContents()).map((t) => t.trim());
  for (const r of engine.rejected) {
    assert.ok(texts.some((t) => t.startsWith(`${r.location}: `) && t.includes(r.reason)),
      `the list shows ${r.location}: ${r.reason}\n${texts.join('\n')}`);
  }
  assert.ok(texts.some((t) => t.startsWith('/records/3/value')));
  assert.ok(texts.some((t) => t.startsWith('/records/7/metric')));
  assert.ok(texts.some((t) => t.startsWith('/records/11/period')));
  assert.equal((await h.events('scorecard-error')).length, 0);
});
