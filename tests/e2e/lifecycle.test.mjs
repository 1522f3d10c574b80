// The element's life on a host page: removed mid-request, re-inserted, moved, and
// refreshing on a timer while the server starts failing (stale data stays on screen).

import {
  assert, eventually, expected, FAILED_STATUS, hostPage, pageTest, ratio, suite,
} from './harness.mjs';

const env = suite();

pageTest(env, '8a. removed while a slow request is in flight: aborted, silent; re-appended: renders', { timeout: 40_000 }, async (h) => {
  const path = '/slow?ms=2500&t=remove';
  await h.open(hostPage(`<div id="box"><partner-scorecard id="s" src="{{DATA}}${path}" partner="P-00002" period="2026-Q3"></partner-scorecard></div>`));
  await eventually(() => h.env.hits(path) === 1, { message: 'the request to reach the server' });
  await h.waitVisible('#s', 'loading');
  const t0 = Date.now();
  await h.page.evaluate(() => { window.__kept = document.querySelector('#s'); window.__kept.remove(); });
  await eventually(() => h.env.requests.find((r) => r.key === path)?.aborted,
    { timeout: 2_000, message: 'the removed element to abort its request' });
  // Past the moment the server would have answered.
  await h.page.waitForTimeout(Math.max(0, 2_500 + 500 - (Date.now() - t0)));
  assert.deepEqual(await h.events(), [], 'a removed element fires nothing');
  assert.equal(h.env.hits(path), 1, 'and fetches nothing more');

  await h.page.evaluate(() => document.querySelector('#box').append(window.__kept));
  await h.waitEvent('scorecard-ready', { target: 's', timeout: 10_000 });
  await h.waitVisible('#s', 'partner-name');
  const card = expected(h.env.feeds.json, 'P-00002', '2026-Q3').scorecard;
  assert.equal(await h.text('#s', 'partner-name'), card.partner_name);
  assert.equal(await h.text('#s', 'fairness'), ratio(card.fairness));
  assert.equal(await h.$('#s', 'root').count(), 1, 'one mount, not two');
  assert.equal((await h.events('scorecard-error')).length, 0);
});

pageTest(env, '8b. a loaded element removed and re-added, or moved, renders again', async (h) => {
  await h.open(hostPage(`
    <div id="one"><partner-scorecard id="m" src="{{DATA}}/sample.json" partner="P-00010" period="2026-Q3"></partner-scorecard></div>
    <div id="two"></div>`));
  await h.waitEvent('scorecard-ready', { target: 'm' });
  await h.waitVisible('#m', 'partner-name');
  const card = expected(h.env.feeds.json, 'P-00010', '2026-Q3').scorecard;

  await h.page.evaluate(() => { window.__kept = document.querySelector('#m'); window.__kept.remove(); });
  assert.equal(await h.page.evaluate(() => window.__kept.shadowRoot.querySelectorAll('[data-testid=scorecard]').length), 0,
    'a removed element unmounts its view');
  await h.page.evaluate(() => document.querySelector('#one').append(window.__kept));
  await h.waitEvent('scorecard-ready', { target: 'm', count: 2 });
  await h.waitVisible('#m', 'partner-name');
  assert.equal(await h.text('#m', 'partner-name'), card.partner_name);
  assert.equal(await h.text('#m', 'fairness'), ratio(card.fairness));

  // Moving it is a removal and an insertion in one step.
  await h.page.evaluate(() => document.querySelector('#two').append(document.querySelector('#m')));
  await h.waitEvent('scorecard-ready', { target: 'm', count: 3 });
  await h.waitVisible('#two #m', 'partner-name');
  assert.equal(await h.text('#two #m', 'fairness'), ratio(card.fairness));
  assert.equal(await h.$('#m', 'root').count(), 1, 'one mount, not two');
  // Attributes still work on the re-mounted element.
  await h.page.locator('#m').evaluate((el) => el.setAttribute('partner', 'P-00011'));
  const other = expected(h.env.feeds.json, 'P-00011', '2026-Q3').scorecard;
  await h.waitText('#m', 'partner-name', other.partner_name);
  assert.equal((await h.events('scorecard-error')).length, 0);
});

pageTest(env, '10. refresh: when the server starts failing, the stale banner appears and the figures stay', { allow: [FAILED_STATUS], timeout: 40_000 }, async (h) => {
  h.env.setSwitch('refresh', 'ok');
  const path = '/switch?id=refresh';
  await h.open(hostPage(`<partner-scorecard id="r" src="{{DATA}}${path}" partner="P-00001" period="2026-Q3" refresh="1"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'r' });
  await h.waitVisible('#r', 'partner-name');
  const card = expected(h.env.feeds.json, 'P-00001', '2026-Q3').scorecard;
  const fairness = await h.text('#r', 'fairness');
  assert.equal(fairness, ratio(card.fairness));
  const investment = await h.text('#r', 'pillar-investment');

  // It does refresh, every second.
  await h.waitEvent('scorecard-ready', { target: 'r', count: 2, timeout: 5_000 });
  assert.ok(h.env.hits(path) >= 2);
  assert.equal(await h.$('#r', 'stale').count(), 0, 'fresh data: no stale banner');

  h.env.setSwitch('refresh', 'fail');
  const error = await h.waitEvent('scorecard-error', { target: 'r', timeout: 10_000 });
  assert.equal(error.detail.kind, 'server');
  await h.waitVisible('#r', 'stale');
  const banner = await h.text('#r', 'stale');
  assert.match(banner, /stale since/i);
  assert.ok(banner.includes(error.detail.message), 'the banner says why');
  assert.equal(await h.$('#r', 'error').count(), 0, 'no error panel in place of the figures');
  assert.ok(await h.$('#r', 'scorecard').isVisible(), 'the scorecard stays');
  assert.equal(await h.text('#r', 'fairness'), fairness, 'the old figures stay');
  assert.equal(await h.text('#r', 'pillar-investment'), investment);
  assert.equal(await h.text('#r', 'partner-name'), card.partner_name);

  // Back to normal: the next refresh clears the banner.
  h.env.setSwitch('refresh', 'ok');
  const readies = (await h.events('scorecard-ready')).length;
  await h.waitEvent('scorecard-ready', { target: 'r', count: readies + 1, timeout: 10_000 });
  await eventually(async () => (await h.$('#r', 'stale').count()) === 0, { message: 'the stale banner to go' });
  assert.equal(await h.text('#r', 'fairness'), fairness);

  // Removing the element ends the refresh loop.
  await h.page.evaluate(() => document.querySelector('#r').remove());
  const hits = h.env.hits(path);
  await h.page.waitForTimeout(2_500);
  assert.ok(h.env.hits(path) <= hits + 1, 'no more refreshes once removed');
});
