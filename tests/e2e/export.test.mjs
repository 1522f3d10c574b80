// Exports as a host page sees them: the scorecard as CSV (the engine's numbers),
// each chart as a standalone SVG and as a PNG, the strict-CSP page where a PNG
// cannot be built, the `exports` attribute, the menu's keyboard, and the
// `scorecard-export` event.
// Run: node --test tests/e2e/   (needs a built dist/)

import { readFileSync } from 'node:fs';
import {
  assert, eventually, expected, hostPage, pageTest, scorecard, scratchFile, suite,
} from './harness.mjs';

const env = suite();
const SVG_NS = 'http://www.w3.org/2000/svg';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BLOCKED = "This page's security policy does not allow building a PNG here; download the SVG instead.";
/** The console error Chromium prints when the CSP blocks the image of the SVG. */
const IMG_REFUSED = /^(Refused to load|Loading) the image 'blob:/;

let sampleFile;
/** The sample feed as a scratch file for the `scorecard` command, written once. */
const sample = () => (sampleFile ??= scratchFile(env.feeds.json));
const latest = () => expected(env.feeds.json).periods.at(-1);

/** Records every `scorecard-export` that reaches `document`; call before `h.open`. */
async function recordExports(h) {
  await h.page.addInitScript(() => {
    window.__exports = [];
    document.addEventListener('scorecard-export', (e) => window.__exports.push({
      target: e.target instanceof Element ? e.target.id : null,
      bubbles: e.bubbles,
      composed: e.composed,
      detail: JSON.parse(JSON.stringify(e.detail ?? null)),
    }));
  });
}
const exportsFired = (h) => h.page.evaluate(() => window.__exports);

/** Clicks `locator` and returns the download it starts: { name, bytes, text }. */
async function download(h, locator) {
  const [d] = await Promise.all([h.page.waitForEvent('download', { timeout: 10_000 }), locator.click()]);
  const failure = await d.failure();
  assert.equal(failure, null, `the download of ${d.suggestedFilename()} failed`);
  const bytes = readFileSync(await d.path());
  return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** A minimal RFC 4180 reader: rows of cells, quotes and commas inside cells kept. */
function parseCsv(text) {
  const rows = [];
  let row = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** What the page's own XML parser makes of an SVG file. */
async function inspectSvg(h, text) {
  return h.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = [...doc.getElementsByTagName('*')];
    return {
      parseError: doc.getElementsByTagName('parsererror').length > 0,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      width: doc.documentElement.getAttribute('width'),
      height: doc.documentElement.getAttribute('height'),
      elements: all.length,
      texts: doc.getElementsByTagName('text').length,
      scripts: all.filter((e) => e.localName.toLowerCase() === 'script').length,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}@${a.name}`)),
      foreign: all.filter((e) => e.localName === 'foreignObject').length,
    };
  }, text);
}

/** Asserts `text` is a standalone SVG document with no script in it. */
async function assertSafeSvg(h, text, what) {
  assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /, `${what}: XML declaration, then the svg root`);
  assert.ok(!/<script/i.test(text), `${what}: no <script`);
  assert.ok(!/\son[a-z]+\s*=/i.test(text.replace(/>[^<]*</g, '><')), `${what}: no on…= attribute in any tag`);
  const svg = await inspectSvg(h, text);
  assert.equal(svg.parseError, false, `${what}: parses as image/svg+xml`);
  assert.equal(svg.root, 'svg', `${what}: root element`);
  assert.equal(svg.ns, SVG_NS, `${what}: SVG namespace`);
  assert.match(svg.width ?? '', /^\d+$/, `${what}: explicit width`);
  assert.match(svg.height ?? '', /^\d+$/, `${what}: explicit height`);
  assert.equal(svg.scripts, 0, `${what}: no script element`);
  assert.deepEqual(svg.handlers, [], `${what}: no event handler attributes`);
  assert.equal(svg.foreign, 0, `${what}: no foreignObject`);
  assert.ok(svg.elements > 20 && svg.texts > 3, `${what}: a drawn chart (${svg.elements} elements, ${svg.texts} texts)`);
  return svg;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, 'the file starts with the PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The size the chart of `testid` is drawn at on screen (its svg's attributes). */
async function drawnSize(h, host, testid) {
  const svg = h.$(host, testid).locator('svg').first();
  return { width: Number(await svg.getAttribute('width')), height: Number(await svg.getAttribute('height')) };
}

// ---------------------------------------------------------------- CSV

pageTest(env, 'export 1. Download CSV: the scorecard on screen, exactly the engine\'s numbers', async (h) => {
  await recordExports(h);
  const period = latest();
  await h.open(hostPage(`<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" period="${period}"></partner-scorecard>`));
  await h.waitPeriod('#s', period);

  const button = h.$('#s', 'export-menu');
  assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await h.$('#s', 'export-csv').count(), 0, 'the menu is closed at first');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const file = await download(h, h.$('#s', 'export-csv'));
  assert.equal(file.name, `P-00001-${period}.csv`);
  assert.equal(await h.$('#s', 'export-csv').count(), 0, 'the menu closes after the download');

  // Byte for byte what `scorecard export` prints for the same feed and selection…
  assert.equal(file.text, scorecard('export', sample(), '--partner', 'P-00001', '--period', period));
  // …and every number is the one `scorecard score` computes.
  const card = expected(env.feeds.json, 'P-00001', period).scorecard;
  const [header, ...rows] = parseCsv(file.text);
  assert.deepEqual(header, ['partner', 'period', 'figure', 'side', 'metric', 'value', 'target', 'attainment', 'status']);
  const figures = rows.filter((r) => !['kpi', 'band', 'balance', 'rating', 'rating.gap'].includes(r[2]));
  // 14 figures, the reward rate of each side, the fair shift, the alignment score and gap.
  assert.equal(figures.length, 19, 'one row per figure');
  for (const [partner, p, figure, , , value] of figures) {
    assert.deepEqual([partner, p], ['P-00001', period]);
    const want = figure.split('.').reduce((o, k) => o?.[k], card);
    assert.equal(value === '' ? null : Number(value), want ?? null, `${figure}`);
  }
  assert.equal(rows.find((r) => r[2] === 'band')[5], card.band);
  assert.equal(rows.find((r) => r[2] === 'balance')[5], card.balance);
  // Each rating a side gave, then the statement's gap, flagged where the sides differ.
  const statements = card.alignment?.statements ?? [];
  assert.ok(statements.length > 0, 'the sample rates P-00001');
  for (const st of statements) {
    for (const side of ['vendor', 'partner']) {
      const row = rows.find((r) => r[2] === 'rating' && r[3] === side && r[4] === st.metric);
      assert.equal(row ? Number(row[5]) : null, st[side], `${st.metric} rated by the ${side}`);
    }
    const gap = rows.find((r) => r[2] === 'rating.gap' && r[4] === st.metric);
    assert.deepEqual([gap[5] === '' ? null : Number(gap[5]), gap[8]], [st.gap, st.differs ? 'differs' : ''], `${st.metric} gap`);
  }
  const kpis = rows.filter((r) => r[2] === 'kpi');
  assert.equal(kpis.length, card.kpis.length);
  assert.ok(kpis.length > 0, 'the sample has KPIs');
  kpis.forEach((r, i) => {
    const k = card.kpis[i];
    assert.deepEqual([r[3], r[4], Number(r[5]), Number(r[6]), r[7] === '' ? null : Number(r[7]), r[8]],
      [k.side, k.metric, k.value, k.target, k.attainment ?? null, k.status], `KPI ${k.metric}`);
  });

  const fired = await exportsFired(h);
  assert.deepEqual(fired, [{
    target: 's', bubbles: true, composed: true, detail: { format: 'csv', partner: 'P-00001', period },
  }]);
  assert.equal(await h.$('#s', 'export-error').count(), 0);
});

pageTest(env, 'export 2. CSV follows the period picked in the widget', async (h) => {
  await h.open(hostPage('<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00004"></partner-scorecard>'));
  const periods = expected(env.feeds.json).periods;
  await h.waitPeriod('#s', periods.at(-1));
  const earlier = periods.at(-3);
  await h.$('#s', 'period').selectOption(earlier);
  await h.waitPeriod('#s', earlier);
  await h.$('#s', 'export-menu').click();
  const file = await download(h, h.$('#s', 'export-csv'));
  assert.equal(file.name, `P-00004-${earlier}.csv`);
  assert.equal(file.text, scorecard('export', sample(), '--partner', 'P-00004', '--period', earlier));
});

// ---------------------------------------------------------------- SVG and PNG

pageTest(env, 'export 3. chart SVG: a standalone document that parses as SVG and holds no script', async (h) => {
  await recordExports(h);
  const period = latest();
  // Names with markup in them: the charts must still carry no script.
  await h.open(hostPage(`<partner-scorecard id="s" src="{{DATA}}/xss" partner="P-00001" period="${period}"></partner-scorecard>`));
  await h.waitPeriod('#s', period);

  const charts = ['investment', 'risk', 'reward', 'fairness', 'health'];
  for (const chart of charts) {
    const figure = h.$('#s', `chart-${chart}`);
    const button = figure.getByTestId('export-svg');
    const title = (await figure.locator('figcaption').textContent()).trim();
    const name = await button.getAttribute('aria-label');
    assert.ok(name.includes(title) && name.includes('SVG'), `${chart}: the button's name "${name}" says SVG and the chart's title`);
    const file = await download(h, button);
    assert.equal(file.name, `P-00001-${period}-${chart}.svg`);
    const svg = await assertSafeSvg(h, file.text, `${chart}.svg`);
    const shown = await drawnSize(h, '#s', `chart-${chart}`);
    assert.deepEqual({ width: Number(svg.width), height: Number(svg.height) }, shown, `${chart}: the size drawn on screen`);
  }
  const fired = await exportsFired(h);
  assert.deepEqual(fired.map((e) => e.detail), charts.map((chart) => ({ format: 'svg', partner: 'P-00001', period, chart })));
  assert.ok(fired.every((e) => e.bubbles && e.composed && e.target === 's'));
  assert.equal(await h.page.evaluate(() => window.__pwned ?? null), null);
});

pageTest(env, 'export 4. chart PNG: drawn from the SVG at twice its size', async (h) => {
  await recordExports(h);
  const period = latest();
  await h.open(hostPage(`<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" period="${period}"></partner-scorecard>`));
  await h.waitPeriod('#s', period);
  const figure = h.$('#s', 'chart-fairness');
  const button = figure.getByTestId('export-png');
  const name = await button.getAttribute('aria-label');
  assert.ok(name.includes('PNG') && name.includes((await figure.locator('figcaption').textContent()).trim()), name);

  const file = await download(h, button);
  assert.equal(file.name, `P-00001-${period}-fairness.png`);
  const size = pngSize(file.bytes);
  const shown = await drawnSize(h, '#s', 'chart-fairness');
  assert.deepEqual(size, { width: shown.width * 2, height: shown.height * 2 });
  // A white background and a drawn chart: a blank canvas would compress to almost nothing.
  assert.ok(file.bytes.length > 5_000, `a drawn PNG (${file.bytes.length} bytes)`);
  const pixel = await h.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height).getContext('2d');
    c.drawImage(img, 0, 0);
    return [...c.getImageData(1, 1, 1, 1).data];
  }, file.bytes.toString('base64'));
  assert.deepEqual(pixel, [255, 255, 255, 255], 'the corner is opaque white');

  await eventually(async () => (await exportsFired(h)).length === 1, { message: 'the png export event' });
  assert.deepEqual((await exportsFired(h))[0].detail, { format: 'png', partner: 'P-00001', period, chart: 'fairness' });
  assert.equal(await h.$('#s', 'export-error').count(), 0);
});

pageTest(env, 'export 5. strict CSP page: the PNG cannot be built, the widget says so, the SVG still downloads',
  { allow: [IMG_REFUSED] }, async (h) => {
    await recordExports(h);
    const period = latest();
    await h.open(hostPage(`<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" period="${period}"></partner-scorecard>`), { csp: true });
    await h.waitPeriod('#s', period);
    const downloads = [];
    h.page.on('download', (d) => downloads.push(d.suggestedFilename()));

    const figure = h.$('#s', 'chart-investment');
    await figure.getByTestId('export-png').click();
    const error = figure.getByTestId('export-error');
    await error.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal((await error.textContent()).trim(), BLOCKED);
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal(await h.$('#s', 'export-error').count(), 1, 'only that chart shows the error');
    assert.deepEqual(downloads, [], 'no PNG was saved');
    assert.deepEqual(await exportsFired(h), [], 'no export event for a failed export');

    // The policy blocked exactly the blob: image, nothing else; the harness would count it.
    const csp = await h.page.evaluate(() => window.__csp.splice(0));
    assert.ok(csp.length >= 1, 'the CSP blocked the image');
    for (const v of csp) {
      assert.match(v.directive, /^img-src/, `blocked by ${v.directive}`);
      assert.match(v.blocked, /^blob/, `blocked ${v.blocked}`);
    }

    const file = await download(h, figure.getByTestId('export-svg'));
    assert.equal(file.name, `P-00001-${period}-investment.svg`);
    await assertSafeSvg(h, file.text, 'investment.svg under CSP');
    assert.equal(await figure.getByTestId('export-error').count(), 0, 'a successful export clears the error');
    const fired = await exportsFired(h);
    assert.deepEqual(fired.map((e) => e.detail), [{ format: 'svg', partner: 'P-00001', period, chart: 'investment' }]);
    // The CSV download works under the strict CSP too.
    await h.$('#s', 'export-menu').click();
    const csv = await download(h, h.$('#s', 'export-csv'));
    assert.equal(csv.name, `P-00001-${period}.csv`);
    assert.deepEqual(await h.page.evaluate(() => window.__csp), [], 'the SVG and CSV downloads violate nothing');
  });

pageTest(env, 'export 6. portfolio quadrant: SVG and PNG downloads, the event without a partner', async (h) => {
  await recordExports(h);
  const period = latest();
  await h.open(hostPage('<partner-scorecard id="p" src="{{DATA}}/sample.json"></partner-scorecard>'));
  const quadrant = h.$('#p', 'quadrant');
  await quadrant.getByTestId('export-svg').waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await h.$('#p', 'export-menu').count(), 0, 'the portfolio has no scorecard to export as CSV');
  const svg = await download(h, quadrant.getByTestId('export-svg'));
  assert.equal(svg.name, `portfolio-${period}-quadrant.svg`);
  await assertSafeSvg(h, svg.text, 'quadrant.svg');
  const png = await download(h, quadrant.getByTestId('export-png'));
  assert.equal(png.name, `portfolio-${period}-quadrant.png`);
  const size = pngSize(png.bytes);
  const shown = await drawnSize(h, '#p', 'quadrant');
  assert.deepEqual(size, { width: shown.width * 2, height: shown.height * 2 });
  await eventually(async () => (await exportsFired(h)).length === 2, { message: 'two export events' });
  assert.deepEqual((await exportsFired(h)).map((e) => e.detail), [
    { format: 'svg', partner: null, period, chart: 'quadrant' },
    { format: 'png', partner: null, period, chart: 'quadrant' },
  ]);
});

// ---------------------------------------------------------------- what the host allows

/** Test ids of the export controls `host` shows, with the menu opened if there is one. */
async function offered(h, host) {
  const count = (id) => h.$(host, id).count();
  if (await count('export-menu')) await h.$(host, 'export-menu').click();
  const result = {
    menu: await count('export-menu'),
    print: await count('export-print'),
    csv: await count('export-csv'),
    svg: await count('export-svg'),
    png: await count('export-png'),
  };
  if (result.menu) await h.page.keyboard.press('Escape');
  return result;
}

pageTest(env, 'export 7. the exports attribute: csv only, empty, absent, a token list, and a live change', async (h) => {
  await h.open(hostPage(['csv', '', null, 'print png', 'none'].map((e, i) => `<partner-scorecard id="e${i}" src="{{DATA}}/sample.json" partner="P-00001"${e === null ? '' : ` exports="${e}"`}></partner-scorecard>`).join('\n')));
  for (let i = 0; i < 5; i++) await h.waitVisible(`#e${i}`, 'trends');

  assert.deepEqual(await offered(h, '#e0'), { menu: 1, print: 0, csv: 1, svg: 0, png: 0 }, 'exports="csv"');
  assert.deepEqual(await offered(h, '#e1'), { menu: 0, print: 0, csv: 0, svg: 0, png: 0 }, 'exports=""');
  assert.deepEqual(await offered(h, '#e2'), { menu: 1, print: 1, csv: 1, svg: 5, png: 5 }, 'no exports attribute');
  assert.deepEqual(await offered(h, '#e3'), { menu: 1, print: 1, csv: 0, svg: 0, png: 5 }, 'exports="print png"');
  assert.deepEqual(await offered(h, '#e4'), { menu: 0, print: 0, csv: 0, svg: 0, png: 0 }, 'exports="none"');

  // The host changes its mind: the controls follow the attribute.
  await h.page.evaluate(() => document.querySelector('#e2').setAttribute('exports', 'svg'));
  await eventually(async () => (await h.$('#e2', 'export-menu').count()) === 0, { message: 'the menu to go' });
  assert.deepEqual(await offered(h, '#e2'), { menu: 0, print: 0, csv: 0, svg: 5, png: 0 }, 'exports changed to "svg"');
  await h.page.evaluate(() => document.querySelector('#e1').removeAttribute('exports'));
  await eventually(async () => (await h.$('#e1', 'export-menu').count()) === 1, { message: 'the menu to come' });
  assert.deepEqual(await offered(h, '#e1'), { menu: 1, print: 1, csv: 1, svg: 5, png: 5 }, 'exports removed');
});

// ---------------------------------------------------------------- keyboard

pageTest(env, 'export 8. keyboard: Enter opens on the first item, arrows move, Esc closes and returns the focus', async (h) => {
  await h.open(hostPage('<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001"></partner-scorecard>'));
  await h.waitVisible('#s', 'export-menu');
  const focused = () => h.page.evaluate(() => document.querySelector('#s').shadowRoot.activeElement?.dataset.testid ?? null);
  const button = h.$('#s', 'export-menu');
  await button.focus();
  await h.page.keyboard.press('Enter');
  await eventually(async () => (await focused()) === 'export-print', { message: 'focus on Print / PDF' });
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await h.$('#s', 'export-print').getAttribute('role'), 'menuitem');
  await h.page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'export-csv');
  await h.page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'export-print', 'ArrowDown wraps to the first item');
  await h.page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'export-csv', 'ArrowUp wraps to the last item');
  await h.page.keyboard.press('Home');
  assert.equal(await focused(), 'export-print');
  await h.page.keyboard.press('End');
  assert.equal(await focused(), 'export-csv');

  // Esc is the menu's: it does not reach the host page.
  await h.page.evaluate(() => { window.__escapes = 0; document.addEventListener('keydown', (e) => { if (e.key === 'Escape') window.__escapes++; }); });
  await h.page.keyboard.press('Escape');
  assert.equal(await h.$('#s', 'export-csv').count(), 0, 'Esc closes the menu');
  assert.equal(await focused(), 'export-menu', 'the focus is back on the button');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await h.page.evaluate(() => window.__escapes), 0);

  // Print / PDF closes the menu too (and opens the print dialog: stubbed here,
  // qbr.test.mjs checks the handout), and tabbing away closes an open menu.
  await h.page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await h.page.keyboard.press('ArrowDown');
  await eventually(async () => (await focused()) === 'export-print', { message: 'ArrowDown on the button opens the menu' });
  await h.page.keyboard.press('Enter');
  assert.equal(await h.$('#s', 'export-print').count(), 0, 'Print / PDF closes the menu');
  await eventually(async () => (await h.page.evaluate(() => window.__printed)) === 1, { message: 'the print dialog' });
  await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await button.click();
  await eventually(async () => (await focused()) === 'export-print', { message: 'the menu open again' });
  await h.page.keyboard.press('Tab');
  await eventually(async () => (await h.$('#s', 'export-print').count()) === 0, { message: 'focus leaving closes the menu' });
});
