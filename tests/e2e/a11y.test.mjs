// Accessibility: axe-core over the whole page, shadow root included, for the
// scorecard and the portfolio in the light and the dark theme. Every <details>
// is opened first so the chart tables are checked too.
// axe is injected as an inline script, so these host pages carry no CSP (the
// strict-CSP pages of widget.test.mjs would block it; CSP is tested there).

import { createRequire } from 'node:module';
import { assert, hostPage, pageTest, suite } from './harness.mjs';
import { DECK_TOTAL } from './deck.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const env = suite();

/** A host page with a landmark and an h1 above the widget, as a real portal has. */
function page(attrs, theme) {
  const bg = theme === 'dark' ? '<style>body{background:#0e1013;color:#e8eaed}</style>' : '';
  return hostPage(`${bg}<main><h1>Partner portal</h1>
    <partner-scorecard id="w" src="{{DATA}}/sample.json" theme="${theme}" ${attrs}></partner-scorecard></main>`);
}

/** Opens every <details> in the widget and waits for what opening renders. */
async function openDetails(h) {
  const opened = await h.page.locator('#w').evaluate((el) => {
    const all = [...el.shadowRoot.querySelectorAll('details')];
    for (const d of all) d.open = true;
    return all.length;
  });
  // toggle events are async; content built on first opening appears after them.
  await h.page.waitForTimeout(300);
  return opened;
}

/** Runs axe on the document and fails with a readable list of violations. */
async function axe(h, what) {
  await h.page.addScriptTag({ path: AXE });
  const violations = await h.page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      html: v.nodes[0]?.html,
      target: JSON.stringify(v.nodes[0]?.target),
      summary: v.nodes[0]?.failureSummary,
    }));
  });
  const report = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes} node${v.nodes === 1 ? '' : 's'})
      first: ${v.target}
      html:  ${v.html?.slice(0, 300)}
      why:   ${v.summary?.replace(/\n\s*/g, ' | ').slice(0, 300)}`).join('\n');
  if (violations.length) console.log(`axe violations, ${what}:\n${report}`);
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) in the ${what}:\n${report}`);
}

for (const theme of ['light', 'dark']) {
  pageTest(env, `a11y: scorecard, ${theme} theme, no axe violations`, async (h) => {
    await h.open(page('partner="P-00001"', theme));
    await h.waitEvent('scorecard-ready', { target: 'w' });
    await h.waitVisible('#w', 'chart-health');
    await h.waitVisible('#w', 'chart-alignment');
    assert.ok(await openDetails(h) >= 6, 'every chart has a table to open');
    await axe(h, `scorecard (${theme})`);
  });

  pageTest(env, `a11y: portfolio, ${theme} theme, no axe violations`, async (h) => {
    await h.open(page('', theme));
    await h.waitEvent('scorecard-ready', { target: 'w' });
    await h.waitVisible('#w', 'portfolio');
    await h.waitVisible('#w', 'quadrant');
    await openDetails(h);
    await axe(h, `portfolio (${theme})`);
  });
}

for (const theme of ['light', 'dark']) {
  pageTest(env, `a11y: every slide of the presentation deck, ${theme} theme, no axe violations`, { timeout: 60_000 }, async (h) => {
    await h.open(page('partner="P-00001"', theme));
    await h.waitEvent('scorecard-ready', { target: 'w' });
    await h.$('#w', 'present').click();
    await h.waitVisible('#w', 'deck');
    for (let n = 1; n <= DECK_TOTAL; n++) {
      if (n > 1) await h.page.keyboard.press('ArrowRight');
      await h.waitText('#w', 'slide-counter', `${n} / ${DECK_TOTAL}`);
      await axe(h, `deck slide ${n} (${theme})`);
    }
  });
}
