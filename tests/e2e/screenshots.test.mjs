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

// The scorecard as a partner first sees it, light and dark, narrow and wide.
for (const [width, theme] of [[1280, 'light'], [1280, 'dark'], [360, 'light'], [360, 'dark']]) {
  pageTest(env, `screenshot: the scorecard at ${width} px, ${theme}`, { viewport: { width, height: 900 } }, async (h) => {
    await h.open(hostPage(`
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <style>body { margin: 0; background: ${theme === 'dark' ? '#0d1014' : '#fff'}; }</style>
      <partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" theme="${theme}"></partner-scorecard>`));
    await h.waitEvent('scorecard-ready', { target: 's' });
    await h.waitVisible('#s', 'verdict');
    await h.waitVisible('#s', 'chart-reward');
    await shoot(h, `scorecard-${width}-${theme}.png`);
    // What the first screen shows, and the alignment section on its own.
    await h.page.screenshot({ path: join(ARTIFACTS, `scorecard-${width}-${theme}-top.png`) });
    await h.$('#s', 'alignment').screenshot({ path: join(ARTIFACTS, `scorecard-${width}-${theme}-alignment.png`) });
  });
}

// view="qbr" on a 1920 × 1080 screen: the slide and the whole control bar are on screen.
pageTest(env, 'screenshot: the deck at 1920×1080 (view="qbr"), its control bar on screen', { viewport: { width: 1920, height: 1080 } }, async (h) => {
  await h.open(hostPage(`<style>body { margin: 0; }</style>
    <partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" view="qbr"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.waitVisible('#s', 'deck');
  for (const [n, key] of [[0, 'summary'], [4, 'balance'], [5, 'alignment']]) {
    await h.page.evaluate(() => document.fonts.ready);
    const path = join(ARTIFACTS, `deck-1920-${key}.png`);
    while ((await h.$('#s', 'slide').getAttribute('data-slide')) !== key) {
      await h.$('#s', 'slide-next').click();
      if (Number((await h.text('#s', 'slide-counter')).split(' / ')[0]) > n + 1) break;
    }
    await h.page.screenshot({ path });
    for (const id of ['slide-prev', 'slide-next', 'deck-exit']) {
      const b = await h.$('#s', id).boundingBox();
      assert.ok(b && b.y >= 0 && b.y + b.height <= 1080 + 0.5, `${key}: ${id} is on screen (${JSON.stringify(b)})`);
    }
  }
});
