// The widget as a host page sees it: rendering under a strict CSP and a hostile
// stylesheet, several instances, attributes, events, CSV, the data and token properties.
// Run: node --test tests/e2e/   (needs a built dist/)

import {
  assert, eventually, expected, hostPage, pageTest, ratio, suite, TOKEN, usd,
} from './harness.mjs';

const env = suite();
const PERIOD = '2026-Q3';

/** The engine's scorecard of the sample feed for one partner. */
const engineCard = (partner, period = PERIOD) => expected(env.feeds.json, partner, period).scorecard;

/** What the scorecard of `host` shows, as text. */
async function shown(h, host) {
  const pillar = async (p, part) => h.text(host, `pillar-${p}`).then(() => h.page.locator(host).getByTestId(`pillar-${p}`).getByTestId(part).textContent());
  return {
    name: await h.text(host, 'partner-name'),
    fairness: await h.text(host, 'fairness'),
    band: await h.text(host, 'band'),
    balance: await h.text(host, 'balance-word'),
    period: await h.$(host, 'scorecard').getAttribute('data-period'),
    investment: [await pillar('investment', 'vendor-total'), await pillar('investment', 'partner-total')],
    risk: [await pillar('risk', 'vendor-total'), await pillar('risk', 'partner-total')],
    reward: [await pillar('reward', 'vendor-total'), await pillar('reward', 'partner-total')],
  };
}

/** Asserts the scorecard of `host` shows the engine's figures of `card`. */
async function assertFigures(h, host, card) {
  const s = await shown(h, host);
  assert.equal(s.name, card.partner_name, `${host}: partner name`);
  assert.equal(s.period, card.period, `${host}: data-period`);
  assert.equal(s.fairness, ratio(card.fairness), `${host}: fairness`);
  assert.equal(s.band.split(/\s+/).at(-1), card.band, `${host}: band word`);
  assert.equal(s.balance, card.balance, `${host}: balance word`);
  for (const p of ['investment', 'risk', 'reward']) {
    assert.ok(s[p][0].includes(usd(card[p].vendor)), `${host}: ${p} vendor total ${s[p][0]} should show ${usd(card[p].vendor)}`);
    assert.ok(s[p][1].includes(usd(card[p].partner)), `${host}: ${p} partner total ${s[p][1]} should show ${usd(card[p].partner)}`);
  }
}

pageTest(env, '1. hostile host page under a strict CSP: renders the engine figures in its own styles', async (h) => {
  await h.open('/pages/hostile.html?csp=strict');
  const csp = await h.page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/, 'the page is served under the strict CSP');

  const ready = await h.waitEvent('scorecard-ready', { target: 'hostile' });
  assert.equal(ready.detail.partners, env.feeds.doc.partners.length);
  await h.waitVisible('#hostile', 'partner-name');
  const card = engineCard('P-00001');
  await assertFigures(h, '#hostile', card);

  const heading = h.$('#hostile', 'partner-name');
  assert.ok(await heading.isVisible(), 'the partner name is visible');
  const style = await heading.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, inShadow: el.getRootNode() instanceof ShadowRoot };
  });
  assert.ok(style.inShadow, 'the heading lives in the shadow root');
  assert.notEqual(style.color, 'rgb(255, 0, 0)', 'the host page\'s colour does not reach the heading');
  assert.notEqual(style.fontSize, '40px', 'the host page\'s font does not reach the heading');
  // The host's own div rule hides its div, not the widget's.
  assert.ok(await h.$('#hostile', 'scorecard').isVisible(), 'the scorecard is visible');
  assert.ok(await h.$('#hostile', 'pillar-reward').isVisible(), 'the pillars are visible');
  assert.ok(await h.$('#hostile', 'chart-reward').isVisible(), 'the chart is visible');
});

pageTest(env, '2. two instances side by side show their own partners and figures', async (h) => {
  await h.open(hostPage(`
    <partner-scorecard id="a" src="{{DATA}}/sample.json" partner="P-00002" period="${PERIOD}"></partner-scorecard>
    <partner-scorecard id="b" src="{{DATA}}/sample.json" partner="P-00007" period="2025-Q4"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'a' });
  await h.waitEvent('scorecard-ready', { target: 'b' });
  await h.waitVisible('#a', 'partner-name');
  await h.waitVisible('#b', 'partner-name');
  const a = engineCard('P-00002');
  const b = engineCard('P-00007', '2025-Q4');
  assert.notEqual(a.partner_name, b.partner_name);
  await assertFigures(h, '#a', a);
  await assertFigures(h, '#b', b);
  assert.equal(await h.$('#a', 'partner-name').count(), 1, 'each shadow root holds one scorecard');
});

pageTest(env, '3. changing attributes re-renders without reloading the data', async (h) => {
  await h.open(hostPage(`<partner-scorecard id="w" src="{{DATA}}/sample.json?t=attrs" partner="P-00001"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready');
  await h.waitVisible('#w', 'partner-name');
  const latest = engineCard('P-00001');
  await assertFigures(h, '#w', latest); // no period attribute: the latest quarter
  const fetches = h.env.hits('/sample.json?t=attrs');
  assert.equal(fetches, 1);
  await h.page.evaluate(() => { window.__marker = 'same document'; });

  await h.page.locator('#w').evaluate((el) => el.setAttribute('partner', 'P-00005'));
  const other = engineCard('P-00005');
  await h.waitText('#w', 'partner-name', other.partner_name);
  await assertFigures(h, '#w', other);

  await h.page.locator('#w').evaluate((el) => el.setAttribute('period', '2025-Q2'));
  await h.waitPeriod('#w', '2025-Q2');
  await assertFigures(h, '#w', engineCard('P-00005', '2025-Q2'));
  assert.equal(await h.$('#w', 'period').inputValue(), '2025-Q2', 'the period picker follows the attribute');

  // Locale, currency and theme re-render the same figures differently.
  const q2 = engineCard('P-00005', '2025-Q2');
  await h.page.locator('#w').evaluate((el) => { el.setAttribute('locale', 'de-DE'); el.setAttribute('currency', 'EUR'); });
  const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const eur = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const spaces = (t) => t.replace(/\s/g, ' ');
  await h.waitText('#w', 'fairness', `${de.format(q2.fairness)}×`);
  const vendorTotal = await h.page.locator('#w').getByTestId('pillar-reward').getByTestId('vendor-total').textContent();
  assert.equal(spaces(vendorTotal), spaces(eur.format(q2.reward.vendor)), 'totals in euros, German style');
  assert.equal(await h.$('#w', 'root').getAttribute('data-theme'), 'auto');
  await h.page.locator('#w').evaluate((el) => el.setAttribute('theme', 'dark'));
  await eventually(async () => (await h.$('#w', 'root').getAttribute('data-theme')) === 'dark', { message: 'data-theme="dark"' });
  const dark = await h.$('#w', 'root').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(dark, 'rgb(22, 25, 29)', 'the dark theme paints a dark background');
  await h.page.locator('#w').evaluate((el) => { el.removeAttribute('locale'); el.removeAttribute('currency'); el.removeAttribute('theme'); });
  await h.waitText('#w', 'fairness', ratio(q2.fairness));

  await h.page.locator('#w').evaluate((el) => { el.removeAttribute('partner'); el.removeAttribute('period'); });
  await h.waitVisible('#w', 'portfolio');
  const rows = h.$('#w', 'portfolio-row');
  assert.equal(await rows.count(), 12, 'the portfolio lists every partner');
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.partner).sort());
  assert.deepEqual(ids, env.feeds.doc.partners.map((p) => p.id).sort());
  assert.equal(await h.$('#w', 'scorecard').count(), 0, 'the scorecard is gone');

  assert.equal(h.env.hits('/sample.json?t=attrs'), fetches, 'partner and period changes do not fetch again');
  assert.equal(await h.page.evaluate(() => window.__marker), 'same document', 'the page was not reloaded');
  assert.equal((await h.events('scorecard-ready')).length, 1, 'one load, one ready event');
});

pageTest(env, '4. host listeners on document receive scorecard-ready and scorecard-select', async (h) => {
  await h.open(hostPage(`<section id="wrap"><partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard></section>`));
  const ready = await h.waitEvent('scorecard-ready', { target: 'p' });
  const all = JSON.parse(h.env.feeds.json);
  const engine = expected(h.env.feeds.json);
  assert.deepEqual(ready.detail, {
    partners: all.partners.length,
    periods: engine.periods.length,
    rejected: engine.counts.rejected,
    records: engine.counts.accepted,
  });
  assert.ok(ready.bubbles && ready.composed, 'bubbling, composed');
  assert.equal(ready.phase, 3, 'received on document while bubbling');

  // Picking a partner in the portfolio.
  await h.waitVisible('#p', 'portfolio');
  const row = h.page.locator('#p').locator('[data-testid=portfolio-row][data-partner="P-00004"]');
  await row.getByRole('button').click();
  const select = await h.waitEvent('scorecard-select', { target: 'p' });
  assert.equal(select.detail.partner, 'P-00004');
  assert.equal(select.detail.period, engine.periods.at(-1));
  assert.ok(select.bubbles && select.composed);
  await h.waitVisible('#p', 'partner-name');
  const card = engineCard('P-00004', engine.periods.at(-1));
  await assertFigures(h, '#p', card);
  assert.ok(await h.$('#p', 'back').isVisible(), 'a way back to the portfolio');
  await h.$('#p', 'back').click();
  await h.waitVisible('#p', 'portfolio');
  assert.equal(await h.$('#p', 'portfolio-row').count(), 12);

  // Picking a period in the picker of a partner opened again.
  await row.getByRole('button').click();
  await h.waitEvent('scorecard-select', { target: 'p', count: 2 });
  await h.waitVisible('#p', 'partner-name');
  await h.$('#p', 'period').selectOption('2025-Q1');
  const picked = await h.waitEvent('scorecard-select', { target: 'p', count: 3 });
  assert.deepEqual(picked.detail, { partner: 'P-00004', period: '2025-Q1' });
  await h.waitPeriod('#p', '2025-Q1');
  await assertFigures(h, '#p', engineCard('P-00004', '2025-Q1'));
  assert.equal((await h.events('scorecard-error')).length, 0);
});

pageTest(env, '11. a CSV src shows the same figures as the JSON src', async (h) => {
  await h.open(hostPage(`
    <partner-scorecard id="json" src="{{DATA}}/sample.json" partner="P-00003" period="${PERIOD}"></partner-scorecard>
    <partner-scorecard id="csv" src="{{DATA}}/sample.csv" partner="P-00003" period="${PERIOD}"></partner-scorecard>
    <partner-scorecard id="sniffed" src="{{DATA}}/feed" partner="P-00003" period="${PERIOD}"></partner-scorecard>`));
  for (const id of ['json', 'csv', 'sniffed']) await h.waitEvent('scorecard-ready', { target: id });
  const fromCsv = expected(h.env.feeds.csv, 'P-00003', PERIOD, '.csv').scorecard;
  const fromJson = engineCard('P-00003');
  assert.equal(fromCsv.fairness, fromJson.fairness, 'the engine agrees on both forms');
  const fairness = await h.text('#json', 'fairness');
  assert.equal(fairness, ratio(fromJson.fairness));
  assert.equal(await h.text('#csv', 'fairness'), fairness);
  assert.equal(await h.text('#sniffed', 'fairness'), fairness);
  await assertFigures(h, '#csv', fromCsv);
  const csvReady = (await h.events('scorecard-ready')).find((e) => e.target === 'csv');
  assert.equal(csvReady.detail.records, expected(h.env.feeds.csv, null, null, '.csv').counts.accepted);
});

pageTest(env, '9a. the data property set before the element is defined', async (h) => {
  const before = h.env.requests.length;
  await h.open(hostPage('<main id="slot"></main>', { embed: false }));
  assert.equal(await h.page.evaluate(() => customElements.get('partner-scorecard')), undefined);
  await h.page.evaluate(async (doc) => {
    const el = document.createElement('partner-scorecard');
    el.id = 'early';
    el.setAttribute('partner', 'P-00006');
    el.setAttribute('period', '2026-Q3');
    el.data = doc; // an own property of a not-yet-upgraded element
    document.querySelector('#slot').append(el);
    await import('/embed.js');
    await customElements.whenDefined('partner-scorecard');
  }, h.env.feeds.doc);
  await h.waitEvent('scorecard-ready', { target: 'early' });
  await h.waitVisible('#early', 'partner-name');
  await assertFigures(h, '#early', engineCard('P-00006'));
  assert.equal(h.env.requests.length, before, 'nothing was fetched: the data came from the property');
  assert.equal(await h.page.evaluate(() => typeof document.querySelector('#early').data), 'object',
    'the property is still readable after the upgrade');
});

pageTest(env, '9b. the data property set after definition: object, JSON text, CSV text', async (h) => {
  await h.open(hostPage('<main id="slot"></main>'));
  await h.page.evaluate(() => customElements.whenDefined('partner-scorecard'));
  await h.page.evaluate((doc) => {
    const el = document.createElement('partner-scorecard');
    el.id = 'late';
    el.setAttribute('partner', 'P-00008');
    el.setAttribute('period', '2026-Q3');
    document.querySelector('#slot').append(el);
    el.data = doc;
  }, h.env.feeds.doc);
  await h.waitEvent('scorecard-ready', { target: 'late' });
  await h.waitVisible('#late', 'partner-name');
  await assertFigures(h, '#late', engineCard('P-00008'));

  // Text in place of an object: JSON, then CSV, each replaces what is shown.
  await h.page.locator('#late').evaluate((el, text) => { el.setAttribute('partner', 'P-00009'); el.data = text; }, h.env.feeds.json);
  await h.waitEvent('scorecard-ready', { target: 'late', count: 2 });
  await h.waitText('#late', 'partner-name', engineCard('P-00009').partner_name);
  await assertFigures(h, '#late', engineCard('P-00009'));

  await h.page.locator('#late').evaluate((el, text) => { el.data = text; }, h.env.feeds.csv);
  const ready = await h.waitEvent('scorecard-ready', { target: 'late', count: 3 });
  assert.equal(ready.detail.records, expected(h.env.feeds.csv, null, null, '.csv').counts.accepted);
  await assertFigures(h, '#late', expected(h.env.feeds.csv, 'P-00009', PERIOD, '.csv').scorecard);
});

pageTest(env, '9c. the token property authorises the request and is never reflected', { allow: [/status of 401/] }, async (h) => {
  const before = h.env.requests.length;
  await h.open(hostPage(`<partner-scorecard id="t" src="{{DATA}}/auth" partner="P-00001" period="${PERIOD}"></partner-scorecard>`));
  // Without a token the endpoint says 401.
  const denied = await h.waitEvent('scorecard-error', { target: 't' });
  assert.equal(denied.detail.kind, 'unauthorised');
  await h.waitVisible('#t', 'error');

  await h.page.locator('#t').evaluate((el, token) => { el.token = token; }, TOKEN);
  await h.waitEvent('scorecard-ready', { target: 't' });
  await h.waitVisible('#t', 'partner-name');
  await assertFigures(h, '#t', engineCard('P-00001'));

  const sent = h.env.requests.slice(before).filter((r) => r.path === '/auth');
  assert.equal(sent.at(-1).authorization, `Bearer ${TOKEN}`, 'the last request carried the bearer token');
  assert.equal(sent[0].authorization, null, 'no Authorization before a token was set');
  const reflected = await h.page.locator('#t').evaluate((el) => ({
    outer: el.outerHTML,
    attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
    shadow: el.shadowRoot.innerHTML,
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    read: el.token,
  }));
  for (const [where, text] of Object.entries(reflected)) {
    assert.ok(!String(text).includes(TOKEN), `the token is not readable in ${where}`);
  }
});

pageTest(env, '9d. the feed downloads beside the wasm, and the widget takes that response over: one request', async (h) => {
  const path = '/sample.json?t=early';
  let wasmAnswered = Infinity;
  let feedAsked = Infinity;
  // The wasm arrives a second late: a feed asked for only once the widget runs would come after it.
  await h.page.route(/partner-scorecard-web_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    wasmAnswered = Date.now();
    await route.continue();
  });
  h.page.on('request', (req) => { if (req.url().endsWith(path)) feedAsked = Math.min(feedAsked, Date.now()); });
  await h.open(hostPage(`<partner-scorecard id="e" src="{{DATA}}${path}" partner="P-00001" period="${PERIOD}"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'e' });
  await assertFigures(h, '#e', engineCard('P-00001'));
  assert.ok(feedAsked < wasmAnswered, `the feed was asked for ${wasmAnswered - feedAsked} ms before the wasm arrived`);
  assert.equal(h.env.hits(path), 1, 'the widget used that download: no second request');
});

pageTest(env, '9e. a token set before the widget loads goes with the one request; a data property means none', async (h) => {
  const before = h.env.requests.length;
  await h.open(hostPage(`
    <partner-scorecard id="t" src="{{DATA}}/auth" partner="P-00001" period="${PERIOD}"></partner-scorecard>
    <partner-scorecard id="d" src="{{DATA}}/sample.json?t=early-data" partner="P-00001" period="${PERIOD}"></partner-scorecard>
    <script>
      document.getElementById('t').token = ${JSON.stringify(TOKEN)};
      document.getElementById('d').data = ${JSON.stringify(env.feeds.json)};
    </script>`));
  await h.waitEvent('scorecard-ready', { target: 't' });
  await h.waitEvent('scorecard-ready', { target: 'd' });
  await assertFigures(h, '#t', engineCard('P-00001'));
  const sent = h.env.requests.slice(before);
  const auth = sent.filter((r) => r.path === '/auth');
  assert.equal(auth.length, 1, 'one request for the token-protected feed');
  assert.equal(auth[0].authorization, `Bearer ${TOKEN}`, 'and it carried the token');
  assert.equal(sent.filter((r) => r.key === '/sample.json?t=early-data').length, 0, 'nothing fetched where the data property is set');
});

pageTest(env, '3b. the credentials attribute decides whether cookies go to the data origin', async (h) => {
  await h.page.context().addCookies([{ name: 'session', value: 'c00kie', domain: '127.0.0.1', path: '/' }]);
  await h.open(hostPage(`
    <partner-scorecard id="dflt" src="{{DATA}}/sample.json?c=default" partner="P-00001"></partner-scorecard>
    <partner-scorecard id="incl" src="{{DATA}}/sample.json?c=include" partner="P-00001" credentials="include"></partner-scorecard>
    <partner-scorecard id="omit" src="{{DATA}}/sample.json?c=omit" partner="P-00001" credentials="omit"></partner-scorecard>`));
  for (const id of ['dflt', 'incl', 'omit']) await h.waitEvent('scorecard-ready', { target: id });
  const cookie = (c) => h.env.requests.find((r) => r.key === `/sample.json?c=${c}`)?.cookie;
  assert.equal(cookie('include'), 'session=c00kie', 'credentials="include" sends the cookie');
  assert.equal(cookie('default'), null, 'same-origin (the default) sends no cookie to another origin');
  assert.equal(cookie('omit'), null, 'credentials="omit" sends no cookie');
  for (const id of ['dflt', 'incl', 'omit']) assert.ok(await h.$(`#${id}`, 'partner-name').isVisible());
});

pageTest(env, '3c. a new src replaces the figures; a failing new src shows its error, not the old figures', { allow: [/status of 404/] }, async (h) => {
  await h.open(hostPage(`<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" period="${PERIOD}"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.waitVisible('#s', 'partner-name');
  await assertFigures(h, '#s', engineCard('P-00001'));

  // The feed with rejections scores P-00001 from fewer records.
  await h.page.locator('#s').evaluate((el, src) => el.setAttribute('src', src), `${h.data}/rejects`);
  const ready = await h.waitEvent('scorecard-ready', { target: 's', count: 2 });
  const engine = expected(h.env.feeds.rejects, 'P-00001', PERIOD);
  assert.equal(ready.detail.rejected, engine.counts.rejected);
  await h.waitVisible('#s', 'rejected');
  await assertFigures(h, '#s', engine.scorecard);

  await h.page.locator('#s').evaluate((el, src) => el.setAttribute('src', src), `${h.data}/404?t=src`);
  const error = await h.waitEvent('scorecard-error', { target: 's' });
  assert.equal(error.detail.kind, 'not-found');
  await h.waitVisible('#s', 'error');
  assert.equal(await h.$('#s', 'scorecard').count(), 0, 'the old feed\'s figures are gone');
  assert.equal(await h.$('#s', 'stale').count(), 0, 'not shown as stale data of the new src');
  assert.equal(await h.$('#s', 'rejected').count(), 0, 'nor its rejections');
});
