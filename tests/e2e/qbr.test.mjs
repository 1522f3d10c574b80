// Presentation mode and the printed handout, as a presenter and a reader see
// them: the Present button, full screen on the element, every key of the deck,
// the focus kept in the deck, text large enough across a room at three screen
// sizes, and the handout as Chromium prints it (page count, text, no host page).
// Expected figures come from the native engine (`scorecard score`).

import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, assert, expected, hostPage, pageTest, ratio, suite,
} from './harness.mjs';
import { DECK_SLIDES } from './deck.mjs';

const env = suite();
mkdirSync(ARTIFACTS, { recursive: true });

const PARTNER = 'P-00004';
const TITLES = ['Summary', 'Investment', 'Risk', 'Reward', 'Balance', 'Shared vision and values', 'Targets', 'Commitments', 'Next quarter'];
const KEYS = DECK_SLIDES;
const TOTAL = KEYS.length;
const LAST = TOTAL - 1;

/** A page with one scorecard and a line of host text that must never print. */
function page(h, attrs = '') {
  return hostPage(`
    <p id="host-text">HOST PAGE NAVIGATION</p>
    <partner-scorecard id="s" src="${h.data}/sample.json" partner="${PARTNER}" ${attrs}></partner-scorecard>
    <partner-scorecard id="other" src="${h.data}/sample.json"></partner-scorecard>`);
}

/** The engine's scorecard of PARTNER in the latest quarter (what the deck shows). */
function latestCard() {
  const latest = expected(env.feeds.json).periods.at(-1);
  return expected(env.feeds.json, PARTNER, latest).scorecard;
}

async function openDeck(h, attrs = '') {
  await h.open(page(h, attrs));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.$('#s', 'present').click();
  await h.waitVisible('#s', 'deck');
}

/** Where the keyboard focus is: the test id of the focused element in #s's shadow root. */
function focused(h) {
  return h.page.evaluate(() => {
    const root = document.querySelector('#s').shadowRoot;
    const a = root.activeElement;
    return {
      inDeck: !!a?.closest('[data-testid="deck"]'),
      testid: a?.dataset.testid ?? a?.localName ?? null,
      pageActive: document.activeElement?.id ?? document.activeElement?.localName,
    };
  });
}

async function slideIs(h, n) {
  await h.waitText('#s', 'slide-counter', `${n + 1} / ${TOTAL}`);
  assert.equal(await h.text('#s', 'slide-title'), TITLES[n]);
  assert.equal(await h.$('#s', 'slide').getAttribute('data-slide'), KEYS[n]);
}

pageTest(env, 'qbr 1. Present opens the deck full screen on the element; every key moves through every slide and back', async (h) => {
  await openDeck(h);
  assert.equal(await h.page.evaluate(() => document.fullscreenElement?.id), 's', 'the element itself is full screen');
  assert.ok((await focused(h)).inDeck, 'the deck has the focus');
  assert.equal((await h.waitEvent('scorecard-present', { target: 's' })).detail.open, true);
  await slideIs(h, 0);
  for (let n = 1; n < TOTAL; n++) {
    await h.page.keyboard.press('ArrowRight');
    await slideIs(h, n);
  }
  await h.page.keyboard.press('ArrowRight');
  await slideIs(h, LAST);
  for (let n = LAST - 1; n >= 0; n--) {
    await h.page.keyboard.press('ArrowLeft');
    await slideIs(h, n);
  }
  await h.page.keyboard.press('ArrowLeft');
  await slideIs(h, 0);
  await h.page.keyboard.press('PageDown');
  await slideIs(h, 1);
  await h.page.keyboard.press('Space');
  await slideIs(h, 2);
  await h.page.keyboard.press('Shift+Space');
  await slideIs(h, 1);
  await h.page.keyboard.press('PageUp');
  await slideIs(h, 0);
  await h.page.keyboard.press('End');
  await slideIs(h, LAST);
  await h.page.keyboard.press('Home');
  await slideIs(h, 0);
  // The buttons do the same, and are disabled at the ends.
  assert.equal(await h.$('#s', 'slide-prev').isDisabled(), true);
  await h.$('#s', 'slide-next').click();
  await slideIs(h, 1);
  // The live region tells a screen reader where it is.
  assert.equal(await h.text('#s', 'slide-announce'), `Slide 2 of ${TOTAL}: Investment`);
});

pageTest(env, 'qbr 2. Esc leaves the deck and full screen; the focus returns to the Present button', async (h) => {
  await openDeck(h);
  await h.page.keyboard.press('ArrowRight');
  await slideIs(h, 1);
  await h.page.keyboard.press('Escape');
  await h.$('#s', 'deck').waitFor({ state: 'detached' });
  await h.waitVisible('#s', 'pillar-investment');
  await h.page.waitForFunction(() => document.fullscreenElement === null);
  assert.equal((await focused(h)).testid, 'present');
  const present = await h.events('scorecard-present');
  assert.deepEqual(present.map((e) => e.detail.open), [true, false]);
  // Opening again starts at the first slide.
  await h.$('#s', 'present').click();
  await slideIs(h, 0);
  // Leaving full screen by the browser's own means leaves the deck too.
  await h.page.evaluate(() => document.exitFullscreen());
  await h.$('#s', 'deck').waitFor({ state: 'detached' });
});

pageTest(env, 'qbr 3. Tab and Shift+Tab keep the focus in the deck', async (h) => {
  await openDeck(h);
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    await h.page.keyboard.press('Tab');
    const f = await focused(h);
    assert.ok(f.inDeck, `Tab ${i + 1} left the deck for ${f.testid} (page: ${f.pageActive})`);
    seen.add(f.testid);
  }
  for (let i = 0; i < 12; i++) {
    await h.page.keyboard.press('Shift+Tab');
    const f = await focused(h);
    assert.ok(f.inDeck, `Shift+Tab ${i + 1} left the deck for ${f.testid}`);
  }
  // It cycles through the controls rather than sticking on one.
  assert.ok(seen.has('slide-next') && seen.has('deck-exit'), `visited ${[...seen].join(', ')}`);
});

pageTest(env, 'qbr 4. the slides show the engine\'s figures for the partner and period', async (h) => {
  const card = latestCard();
  await openDeck(h);
  const context = await h.text('#s', 'slide-context');
  assert.ok(context.startsWith(card.partner_name), context);
  assert.ok(context.endsWith(card.period), context);
  assert.equal(await h.text('#s', 'slide-fairness'), ratio(card.fairness));
  await h.page.keyboard.press('ArrowRight');
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  assert.equal(await h.text('#s', 'slide-vendor-total'), money.format(card.investment.vendor));
  assert.equal(await h.text('#s', 'slide-partner-total'), money.format(card.investment.partner));
  await h.page.keyboard.press('End');
  await h.page.keyboard.press('ArrowLeft');
  await h.page.keyboard.press('ArrowLeft');
  await slideIs(h, KEYS.indexOf('targets'));
  assert.equal(await h.$('#s', 'slide-kpis').locator('tbody tr').count(), card.kpis.length);
  await h.page.keyboard.press('End');
  // The quadrant names this partner on the balance slide.
  await h.page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await h.page.keyboard.press('ArrowRight');
  await slideIs(h, 4);
  const svgText = await h.page.evaluate(() => [...document.querySelector('#s').shadowRoot
    .querySelectorAll('.ps-chart-quadrant svg text')].map((t) => t.textContent.trim()));
  assert.ok(svgText.includes(card.partner_name), `quadrant labels: ${svgText.join(' | ')}`);
  // The balance slide says how much reward would move, and which way (fair_shift < 0: to the vendor).
  const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const [from, to] = card.fair_shift > 0 ? [env.feeds.doc.vendor.name, card.partner_name] : [card.partner_name, env.feeds.doc.vendor.name];
  assert.equal(await h.text('#s', 'slide-fair-shift'),
    `To balance, ${usd.format(Math.round(Math.abs(card.fair_shift)))} of this quarter's reward would go from ${from} to ${to}.`);
  // The next slide: shared vision and values, with the engine's score and the differing statement flagged.
  await h.page.keyboard.press('ArrowRight');
  await slideIs(h, KEYS.indexOf('alignment'));
  const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  assert.equal(await h.text('#s', 'alignment-score'), whole.format(card.alignment.score));
  const flagged = await h.page.locator('#s').getByTestId('slide').getByTestId('statement').evaluateAll((els) => els
    .filter((el) => el.querySelector('[data-testid="differs"]')).map((el) => el.dataset.metric));
  assert.deepEqual(flagged, card.alignment.statements.filter((st) => st.differs).map((st) => st.metric));
  assert.ok(flagged.length > 0, 'the sample partner has a statement the sides see differently');
});

/** Smallest rendered font size of the slide's HTML text and of its chart text (scaled SVG). */
function textSizes(h) {
  return h.page.evaluate(() => {
    const root = document.querySelector('#s').shadowRoot;
    const slide = root.querySelector('[data-testid="slide"]');
    let html = Infinity;
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || n.parentElement.closest('svg')) continue;
      html = Math.min(html, parseFloat(getComputedStyle(n.parentElement).fontSize));
    }
    let chart = Infinity;
    for (const t of slide.querySelectorAll('svg text')) {
      if (t.textContent.trim()) chart = Math.min(chart, t.getBoundingClientRect().height);
    }
    const r = slide.getBoundingClientRect();
    const cut = [slide, ...slide.querySelectorAll('*')].find((e) => getComputedStyle(e).overflow === 'hidden'
      && (e.scrollHeight > e.clientHeight + 2 || e.scrollWidth > e.clientWidth + 2));
    const overflow = cut ? `${cut.className} ${cut.scrollWidth}×${cut.scrollHeight} > ${cut.clientWidth}×${cut.clientHeight}` : false;
    return { html, chart, width: r.width, height: r.height, overflow };
  });
}

for (const [w, hgt, body, locale] of [[1280, 720, 16, 'en'], [1920, 1080, 24, 'en'], [3840, 2160, 48, 'en'],
  [1280, 720, 16, 'de'], [1920, 1080, 24, 'fr']]) {
  pageTest(env, `qbr 5. at ${w}×${hgt} in ${locale} every slide fills the screen, body text is ${body} px or more, nothing is cut off`,
    { viewport: { width: w, height: hgt }, timeout: 60_000 }, async (h) => {
      await openDeck(h, `locale="${locale}"`);
      for (let n = 0; n < TOTAL; n++) {
        if (n) await h.page.keyboard.press('ArrowRight');
        if (locale === 'en') await slideIs(h, n);
        else await h.waitText('#s', 'slide-counter', `${n + 1} / ${TOTAL}`);
        const s = await textSizes(h);
        assert.ok(s.html >= body - 0.01, `${KEYS[n]}: smallest text ${s.html} px < ${body} px`);
        // Chart labels are vectors scaled with the slide: at least 0.7 of body text.
        if (Number.isFinite(s.chart)) assert.ok(s.chart >= 0.7 * body, `${KEYS[n]}: chart text ${s.chart} px`);
        assert.ok(Math.abs(s.width - w) <= 1, `${KEYS[n]}: slide ${s.width} px wide on a ${w} px screen`);
        assert.ok(s.height <= hgt && s.height > hgt * 0.85, `${KEYS[n]}: slide ${s.height} px high`);
        assert.equal(s.overflow, false, `${KEYS[n]}: a part of the slide is cut off`);
      }
    });
}

pageTest(env, 'qbr 6. view="qbr" shows the deck in the page; where full screen is refused the deck covers the window', async (h) => {
  await h.open(page(h, 'view="qbr"'));
  await h.waitVisible('#s', 'deck');
  assert.equal(await h.$('#s', 'deck').getAttribute('role'), 'region', 'in the page the deck is not modal');
  const box = await h.$('#s', 'deck').boundingBox();
  assert.ok(box.width < 1280 && box.height < 900, 'inline, inside the element');
  await h.$('#s', 'slide').click();
  await h.page.keyboard.press('ArrowRight');
  await slideIs(h, 1);
  // Full screen refused (as in an iframe without allow="fullscreen"): no error, the deck covers the window.
  await h.page.evaluate(() => {
    HTMLElement.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
  });
  await h.$('#s', 'deck-fullscreen').click();
  await h.page.waitForFunction(() => document.querySelector('#s').shadowRoot
    .querySelector('[data-testid="deck"]')?.getAttribute('role') === 'dialog');
  const cover = await h.$('#s', 'deck').boundingBox();
  assert.deepEqual([cover.x, cover.y, cover.width, cover.height], [0, 0, 1280, 900]);
  await h.page.keyboard.press('Escape');
  await h.waitVisible('#s', 'pillar-investment');
  // The host opens the deck again by setting the attribute, and closes it by removing it.
  await h.page.evaluate(() => document.querySelector('#s').removeAttribute('view'));
  await h.page.evaluate(() => document.querySelector('#s').setAttribute('view', 'qbr'));
  await h.waitVisible('#s', 'deck');
  await h.page.evaluate(() => document.querySelector('#s').removeAttribute('view'));
  await h.$('#s', 'deck').waitFor({ state: 'detached' });
  await h.waitVisible('#s', 'pillar-investment');
});

/** Prints the handout of #s through Chromium's PDF printer; returns the PDF's path. */
async function printHandout(h, file, { fromDeck = true } = {}) {
  if (fromDeck) {
    await h.page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await h.$('#s', 'deck-print').click();
  }
  await h.page.waitForFunction(() => window.__printed === 1);
  const path = join(ARTIFACTS, file);
  writeFileSync(path, await h.page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return path;
}

pageTest(env, 'qbr 7. Print / PDF: one landscape page per slide, the partner and F in the text, nothing of the host page', { timeout: 60_000 }, async (h) => {
  const card = latestCard();
  await openDeck(h);
  await h.page.keyboard.press('ArrowRight');
  const pdf = await printHandout(h, 'handout.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.equal(Number(/Pages:\s+(\d+)/.exec(info)[1]), TOTAL, info);
  const [, pw, ph] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).map(Number);
  assert.ok(pw > ph, `landscape: ${pw} × ${ph} pt`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim());
  assert.equal(pages.length, TOTAL);
  pages.forEach((p, i) => assert.ok(p.includes(TITLES[i]), `page ${i + 1} is the ${TITLES[i]} slide`));
  assert.ok(text.includes(card.partner_name), 'the partner name is in the PDF');
  assert.ok(text.includes(ratio(card.fairness)), `F ${ratio(card.fairness)} is in the PDF`);
  assert.ok(!text.includes('HOST PAGE NAVIGATION'), 'the host page does not print');
  for (const word of ['Exit', 'Full screen', 'Print / PDF', 'Present']) {
    assert.ok(!text.includes(word), `no "${word}" button on paper`);
  }
  // Charts are vectors: their labels are text in the PDF.
  assert.ok(text.includes('2026-Q3') && /\$\d+K/.test(text), 'chart axis labels are PDF text');
  // A picture of page 2 for people to look at.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', '-singlefile', pdf, join(ARTIFACTS, 'handout-page-2')]);
  assert.ok(statSync(join(ARTIFACTS, 'handout-page-2.png')).size > 5_000);
  // After the dialog closes the page is as it was, and the deck is still open.
  await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await h.$('#s', 'handout').waitFor({ state: 'detached' });
  const left = await h.page.evaluate(() => ({
    sheets: document.adoptedStyleSheets.length,
    marked: document.querySelectorAll('[data-ps-print-path], [data-ps-printing]').length,
  }));
  assert.deepEqual(left, { sheets: 0, marked: 0 });
  await slideIs(h, 1);
});

pageTest(env, 'qbr 8. screenshots of four slides at 1920×1080', { viewport: { width: 1920, height: 1080 }, timeout: 60_000 }, async (h) => {
  await openDeck(h);
  for (const n of [0, 1, 4, 5]) {
    await h.page.keyboard.press('Home');
    for (let i = 0; i < n; i++) await h.page.keyboard.press('ArrowRight');
    await slideIs(h, n);
    await h.page.evaluate(() => document.fonts.ready);
    const path = join(ARTIFACTS, `qbr-${KEYS[n]}-1920.png`);
    await h.page.screenshot({ path });
    assert.ok(statSync(path).size > 20_000, `${path} is a real picture`);
  }
});

pageTest(env, 'qbr 9. the browser\'s own print (Ctrl+P) of an open deck gives the same handout, and the page is restored', { timeout: 60_000 }, async (h) => {
  await h.open(page(h, 'view="qbr"'));
  await h.waitVisible('#s', 'deck');
  await h.page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  // page.pdf() runs beforeprint and afterprint as the browser's print does.
  const pdf = join(ARTIFACTS, 'handout-ctrl-p.pdf');
  writeFileSync(pdf, await h.page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.equal(Number(/Pages:\s+(\d+)/.exec(info)[1]), TOTAL, info);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  assert.ok(!text.includes('HOST PAGE NAVIGATION'), 'the host page does not print');
  assert.equal(await h.page.evaluate(() => window.__printed), 0, 'no second print dialog');
  await h.$('#s', 'handout').waitFor({ state: 'detached' });
  assert.equal(await h.page.evaluate(() => document.querySelectorAll('[data-ps-print-path], [data-ps-printing]').length), 0);
  // Without the deck, the browser prints the page as the host made it: no handout.
  await h.page.keyboard.press('Escape');
  await h.waitVisible('#s', 'pillar-investment');
  const plain = join(ARTIFACTS, 'page-ctrl-p.pdf');
  writeFileSync(plain, await h.page.pdf());
  assert.ok(execFileSync('pdftotext', [plain, '-'], { encoding: 'utf8' }).includes('HOST PAGE NAVIGATION'));
});

pageTest(env, 'qbr 10. Print / PDF in the scorecard\'s Export menu prints the same handout without opening the deck', { timeout: 60_000 }, async (h) => {
  const card = latestCard();
  await h.open(page(h));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await h.$('#s', 'export-menu').click();
  await h.$('#s', 'export-print').click();
  const pdf = await printHandout(h, 'handout-from-menu.pdf', { fromDeck: false });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.equal(Number(/Pages:\s+(\d+)/.exec(info)[1]), TOTAL, info);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  assert.ok(text.includes(card.partner_name) && text.includes(ratio(card.fairness)));
  await h.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await h.$('#s', 'handout').waitFor({ state: 'detached' });
  assert.equal(await h.$('#s', 'deck').count(), 0, 'the deck did not open');
  await h.waitVisible('#s', 'pillar-investment');
});

pageTest(env, 'qbr 11. exports without print: no Print button in the deck, and Ctrl+P gives no handout', async (h) => {
  await h.open(page(h, 'view="qbr" exports="csv"'));
  await h.waitVisible('#s', 'deck');
  assert.equal(await h.$('#s', 'deck-print').count(), 0);
  const pdf = join(ARTIFACTS, 'no-handout.pdf');
  writeFileSync(pdf, await h.page.pdf());
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('HOST PAGE NAVIGATION'), 'the browser printed the page as it is');
  assert.equal(await h.$('#s', 'handout').count(), 0);
  // Allowing print later shows the button.
  await h.page.evaluate(() => document.querySelector('#s').setAttribute('exports', 'csv print'));
  await h.waitVisible('#s', 'deck-print');
});

pageTest(env, 'qbr 12. the Full screen button pressed from the keyboard: the deck goes full screen and keeps the focus', async (h) => {
  await h.open(page(h, 'view="qbr"'));
  await h.waitVisible('#s', 'deck');
  await h.$('#s', 'deck-fullscreen').focus();
  await h.page.keyboard.press('Enter');
  await h.page.waitForFunction(() => document.fullscreenElement?.id === 's');
  // The button is gone in full screen; the focus must not fall out of the deck with it.
  await h.$('#s', 'deck-fullscreen').waitFor({ state: 'detached' });
  await h.page.waitForFunction(() => document.querySelector('#s').shadowRoot.activeElement
    ?.closest('[data-testid="deck"]') != null, null, { timeout: 2_000 });
  await h.page.keyboard.press('ArrowRight');
  await slideIs(h, 1);
  await h.page.keyboard.press('Tab');
  assert.ok((await focused(h)).inDeck, 'Tab stays in the full-screen deck');
});
