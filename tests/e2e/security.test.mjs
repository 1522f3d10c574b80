// Names from the data are text, never markup: in the portfolio, the scorecard, the
// chart and its table. A partner named `<img src=x onerror=…>` must not run anything.

import {
  assert, expected, hostPage, pageTest, suite, XSS,
} from './harness.mjs';

const env = suite();

async function assertInert(h) {
  // Give a smuggled <img src=x> time to fail and run its onerror.
  await h.page.waitForTimeout(300);
  assert.deepEqual(await h.images(), [], 'no <img> element anywhere, shadow roots included');
  assert.equal(await h.page.evaluate(() => window.__pwned), undefined, 'no injected handler ran');
  const bold = await h.page.locator('#x').evaluate((el) => el.shadowRoot.querySelectorAll('b').length);
  assert.equal(bold, 0, 'no <b> from the data either');
}

pageTest(env, '7. XSS: markup in partner and vendor names shows as literal text', async (h) => {
  const doc = h.env.feeds.xssDoc;
  await h.open(hostPage(`<partner-scorecard id="x" src="{{DATA}}/xss"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'x' });

  // Portfolio.
  await h.waitVisible('#x', 'portfolio');
  const row = (id) => h.page.locator('#x').locator(`[data-testid=portfolio-row][data-partner="${id}"]`);
  assert.equal((await row('P-00001').getByRole('button').textContent()).trim(), XSS);
  assert.equal((await row('P-00002').getByRole('button').textContent()).trim(), doc.partners[1].name);
  assert.ok((await h.$('#x', 'portfolio').textContent()).includes('<img'), 'the portfolio shows "<img" as text');
  await assertInert(h);

  // Scorecard of the partner named with markup.
  await h.page.locator('#x').evaluate((el) => el.setAttribute('partner', 'P-00001'));
  await h.waitVisible('#x', 'partner-name');
  const name = h.$('#x', 'partner-name');
  assert.equal(await name.textContent(), XSS, 'the name is the literal text');
  assert.ok((await name.textContent()).includes('<img'));
  assert.equal(await name.evaluate((el) => el.children.length), 0, 'the heading holds text only');
  assert.ok((await h.text('#x', 'partner-meta')).includes(`with ${doc.vendor.name}`), 'the vendor name is literal in the meta line');
  const card = expected(h.env.feeds.xss, 'P-00001', '2026-Q3').scorecard;
  assert.equal(card.partner_name, XSS);

  const chart = h.$('#x', 'chart-reward');
  assert.ok(await chart.isVisible(), 'the chart renders');
  assert.equal(await chart.locator('svg').count(), 1, 'the chart has its SVG');
  assert.ok((await chart.textContent()).includes(doc.vendor.name), 'the vendor name shows as text in the chart legend/table');
  await chart.locator('summary').click();
  const header = await chart.locator('table thead th').allTextContents();
  assert.ok(header.includes(doc.vendor.name), `the chart table header is the literal vendor name (${header})`);
  const svgMarkup = await chart.locator('svg').evaluate((el) => el.outerHTML);
  assert.ok(!/<img|onerror/i.test(svgMarkup), 'the SVG carries no markup from the data');
  await assertInert(h);

  // The other hostile name, picked from the portfolio.
  await h.page.locator('#x').evaluate((el) => el.removeAttribute('partner'));
  await row('P-00002').getByRole('button').click();
  await h.waitText('#x', 'partner-name', doc.partners[1].name);
  await assertInert(h);
});
