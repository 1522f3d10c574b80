// The portfolio quadrant's canvas stays sharp: one canvas pixel per device
// pixel at 360 and 1280 px, and again after the pixel density changes (a
// screen of another density, or zoom, which also resizes the window). Chromium
// only: it is the engine whose density a test can change (DevTools' device
// metrics); the keyboard and the pointer are tested in every engine
// (engines.test.mjs).

import { assert, hostPage, pageTest, suite } from './harness.mjs';

const env = suite();

/** The canvas's backing width, its shown width and the page's density. */
function canvasSize(h) {
  return h.page.evaluate(() => {
    const c = document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-canvas"]');
    return { backing: c.width, shown: c.getBoundingClientRect().width, dpr: devicePixelRatio };
  });
}

async function sharp(h, what) {
  // The repaint waits for the next frame.
  let s;
  for (let i = 0; i < 50; i++) {
    s = await canvasSize(h);
    if (Math.abs(s.backing - s.shown * s.dpr) <= 1) return s;
    await h.page.waitForTimeout(50);
  }
  assert.fail(`${what}: the canvas has ${s.backing} px for ${s.shown} CSS px at ${s.dpr}x`);
}

for (const width of [360, 1280]) {
  pageTest(env, `quadrant: the canvas is sharp at ${width} px, at 1x and after the density changes to 3x`, { viewport: { width, height: 800 } }, async (h) => {
    await h.open(hostPage(`<meta name="viewport" content="width=device-width, initial-scale=1">
      <partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>`));
    await h.waitEvent('scorecard-ready', { target: 'p' });
    await h.waitVisible('#p', 'quadrant-canvas');
    const at1 = await sharp(h, '1x');
    assert.equal(at1.dpr, 1);
    assert.ok(at1.shown <= width, `the plot fits in ${width} px (${at1.shown})`);
    const cdp = await h.page.context().newCDPSession(h.page);
    const metrics = (height, dpr) => cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: dpr, mobile: false });
    await metrics(800, 3);
    // A resize, as zooming makes one (DevTools applies the new density's media
    // queries with it); only the height changes, so the widget does not redraw
    // for a new width and only the canvas's own repaint can make it sharp.
    await metrics(760, 3);
    const at3 = await sharp(h, '3x');
    assert.equal(at3.dpr, 3);
    assert.ok(at3.backing >= 3 * at1.shown - 30, `repainted for 3x (${at3.backing} px)`);
  });
}
