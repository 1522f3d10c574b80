// Screenshots for people to look at (tests/e2e/artifacts/, gitignored): the demo
// page and the hostile page at 1280 px, and one scorecard embedded 360 px wide.

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, assert, hostPage, pageTest, suite } from './harness.mjs';

const env = suite();
mkdirSync(ARTIFACTS, { recursive: true });

async function shoot(h, name) {
  const path = join(ARTIFACTS, name);
  // Fonts and the chart settle before the picture.
  await h.page.evaluate(() => document.fonts.ready);
  await h.page.screenshot({ path, fullPage: true });
  assert.ok(statSync(path).size > 5_000, `${path} is a real picture`);
  return path;
}

pageTest(env, 'screenshot: the demo page (dist/index.html) at 1280 px', async (h) => {
  await h.open('/index.html');
  await h.waitEvent('scorecard-ready', { target: 'portfolio' });
  await h.waitEvent('scorecard-ready', { target: 'one' });
  await h.waitVisible('#portfolio', 'portfolio');
  await h.waitVisible('#one', 'partner-name');
  await h.waitVisible('#one', 'chart-reward');
  await shoot(h, 'demo-1280.png');
});

pageTest(env, 'screenshot: the hostile page under the strict CSP at 1280 px', async (h) => {
  await h.open('/pages/hostile.html?csp=strict');
  await h.waitEvent('scorecard-ready', { target: 'hostile' });
  await h.waitVisible('#hostile', 'partner-name');
  await h.waitVisible('#hostile', 'chart-reward');
  await shoot(h, 'hostile-1280.png');
});

pageTest(env, 'screenshot: a scorecard embedded 360 px wide', { viewport: { width: 360, height: 800 } }, async (h) => {
  await h.open(hostPage(`
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <partner-scorecard id="n" src="{{DATA}}/sample.json" partner="P-00001"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 'n' });
  await h.waitVisible('#n', 'partner-name');
  await h.waitVisible('#n', 'chart-reward');
  await shoot(h, 'narrow-360.png');
  // Narrow: the three pillars stack instead of squeezing side by side.
  const boxes = await Promise.all(['investment', 'risk', 'reward']
    .map((p) => h.$('#n', `pillar-${p}`).boundingBox()));
  assert.ok(boxes[0].y < boxes[1].y && boxes[1].y < boxes[2].y, 'the pillars are stacked');
  assert.ok(boxes.every((b) => b.x >= 0 && b.x + b.width <= 360 + 0.5), 'each pillar fits in 360 px');
  // Every column of the Targets table is on screen or reachable by scrolling
  // (the element clips what overflows it, so nothing else would reveal it).
  const unreachable = await h.$('#n', 'kpis').evaluate((table) => {
    const host = table.getRootNode().host.getBoundingClientRect();
    const scrolls = (el) => {
      for (let e = el.parentElement; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if ((o === 'auto' || o === 'scroll') && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    };
    return [...table.querySelectorAll('thead th')]
      .filter((th) => th.getBoundingClientRect().right > host.right + 0.5 && !scrolls(th))
      .map((th) => th.textContent.trim());
  });
  assert.deepEqual(unreachable, [], 'Targets columns cut off at 360 px and not scrollable');
});
