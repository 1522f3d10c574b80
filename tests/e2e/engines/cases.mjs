// The cases every engine runs (tests/e2e/engines.test.mjs runs each of them in
// Chromium, Firefox ESR and WebKitGTK). Not a test file itself.
//
// A case is { name, run(c) }; `c` is a `Case` (below): it opens host pages, waits
// for what a user would see, clicks and types for real through the engine's
// driver. After each case the runner fails it on any page error, unhandled
// rejection or console.error the page recorded.
//
// To add a case (a lazy chunk): push { name, run } onto CASES. `c.resources()`
// lists the files the page fetched (performance entries), so a lazy part can be
// checked to arrive only when it is opened, in every engine.

import assert from 'node:assert/strict';
import { DECK_SLIDES, DECK_TOTAL } from '../deck.mjs';

/** fairness as the widget shows it: two decimals and '×'. */
const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ratio = (v) => (v == null ? '—' : `${two.format(v)}×`);

// Runs in the page before anything else: errors, console errors and widget
// events, recorded the same way in every engine (drivers differ in what they report).
const RECORDER = `<script>
window.__ps = { errors: [], events: [] };
addEventListener('error', (e) => {
  // "ResizeObserver loop completed with undelivered notifications" is the
  // spec's note that a resize is handled in the next frame, not a failure
  // (no engine prints it to the console; drivers never report it).
  if (e instanceof ErrorEvent && !/^ResizeObserver loop/.test(e.message)) {
    __ps.errors.push('uncaught: ' + (e.error && e.error.stack || e.message));
  }
});
addEventListener('unhandledrejection', (e) => {
  __ps.errors.push('unhandled rejection: ' + (e.reason && e.reason.stack || e.reason));
});
// Every Worker the page constructs (the widget's engine runs in one), by URL and
// type, with what the page posted to it (a compiled module; a job's feed bytes,
// those of a feed sent chunk by chunk as it downloaded summed in its entry) and
// what it answered (ready; a job's answer bytes, and whether it was streamed).
__ps.workers = [];
const SEEN = new WeakMap();
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url, options) {
    super(url, options);
    const seen = { url: String(url), type: options && options.type || 'classic', posted: [], answered: [] };
    __ps.workers.push(seen);
    SEEN.set(this, seen);
    this.addEventListener('message', ({ data }) => seen.answered.push(
      data && data.answer instanceof ArrayBuffer ? { id: data.id, bytes: data.answer.byteLength, streamed: !!data.streamed }
        : { ready: !!(data && data.ready) }));
  }
  postMessage(message, transfer) {
    const seen = SEEN.get(this);
    const m = message || {};
    if (!seen || m.preload || m.abort || 'end' in m) return super.postMessage(message, transfer);
    if (m.module instanceof WebAssembly.Module) seen.posted.push({ module: true });
    else if (m.open) seen.posted.push({ id: m.id, bytes: 0, chunks: 0 });
    else if (m.chunk) {
      const job = seen.posted.find((p) => p.id === m.id);
      if (job) { job.bytes += m.chunk.byteLength; job.chunks += 1; }
    } else seen.posted.push({ id: m.id, bytes: (m.chunks || []).reduce((n, c) => n + c.byteLength, 0) });
    return super.postMessage(message, transfer);
  }
};
const consoleError = console.error;
console.error = (...args) => { __ps.errors.push('console.error: ' + args.map(String).join(' ')); consoleError.apply(console, args); };
for (const type of ['scorecard-ready', 'scorecard-error', 'scorecard-select', 'scorecard-present', 'scorecard-export']) {
  document.addEventListener(type, (e) => __ps.events.push({
    type, target: e.target && e.target.id || null, detail: JSON.parse(JSON.stringify(e.detail ?? null)),
  }));
}
</script>`;

export function hostPage(body) {
  return `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>partner-scorecard in every engine</title>
${RECORDER}
<script type="module" src="/embed.js"></script>
</head><body><main><h1>Partner portal</h1>
${body}
</main></body></html>`;
}

/** What one case drives: a page of one engine, the servers, the engine's expected figures. */
export class Case {
  constructor(env, page, engine) {
    this.env = env;
    this.page = page;
    this.engine = engine;
  }

  async open(body) {
    await this.page.goto(this.env.addPage(hostPage(body)));
  }

  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  /** Polls `fn(arg)` in the page until it returns something truthy; the error says what was last seen. */
  async waitFor(fn, arg, what, timeout = 20_000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.page.evaluate(fn, arg);
        if (last) return last;
      } catch (e) {
        if (e.name === 'DriverStalled') throw e; // the driver, not the page: engines.test.mjs decides
        last = e.message;
      }
      if (Date.now() > end) assert.fail(`${this.engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The text of a test id inside `host`'s shadow root, or null. */
  text(host, testid) {
    return this.evaluate(([h, t]) => document.querySelector(h)?.shadowRoot
      ?.querySelector(`[data-testid="${t}"]`)?.textContent.trim() ?? null, [host, testid]);
  }

  /** Waits until a test id in `host` shows `text` exactly. */
  waitText(host, testid, text) {
    return this.waitFor(([h, t, want]) => document.querySelector(h)?.shadowRoot
      ?.querySelector(`[data-testid="${t}"]`)?.textContent.trim() === want, [host, testid, text], `${host} ${testid} = "${text}"`);
  }

  /** Waits for the `count`-th event of `type` from element `target`; returns it. */
  async waitEvent(type, target, count = 1) {
    return this.waitFor(([ty, ta, n]) => window.__ps.events.filter((e) => e.type === ty && e.target === ta)[n - 1],
      [type, target, count], `${type} #${count} from #${target}`);
  }

  events(type) {
    return this.evaluate((ty) => window.__ps.events.filter((e) => e.type === ty), type);
  }

  click(host, selector) { return this.page.click(host, selector); }

  press(key) { return this.page.press(key); }

  pointAt(x, y) { return this.page.pointAt(x, y); }

  clickAt(x, y) { return this.page.clickAt(x, y); }

  /** Which element of `host`'s shadow root has the focus: its test id or tag. */
  focused(host) {
    return this.evaluate((h) => {
      const a = document.querySelector(h)?.shadowRoot?.activeElement;
      return a ? (a.dataset.testid ?? a.localName) : null;
    }, host);
  }

  /** Names of the files the page fetched so far. */
  resources() {
    return this.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  }

  /** The Workers the page constructed: { url, type }. */
  workers() { return this.evaluate(() => window.__ps.workers); }

  /** The engine's scorecards (every partner, or one) of a period. */
  scores(partner, period, feed = this.env.feeds.json) { return this.env.expected(feed, partner, period); }
}

const PERIOD = '2026-Q3';
const PARTNER = 'P-00001';

/** Opens PARTNER's scorecard and presents it: the deck on its first slide. */
/** Waits until the deck's request for full screen has settled (granted, refused, or 2 s
 *  without an answer where the engine never answers): an Esc pressed while WebKit is still
 *  entering full screen is the browser's, which cancels the transition instead of reaching the deck. */
async function fullScreenSettled(c) {
  await c.evaluate(() => new Promise((resolve) => {
    if (document.fullscreenElement ?? document.webkitFullscreenElement) return resolve(true);
    const timer = setTimeout(() => resolve(false), 2000);
    const done = () => { clearTimeout(timer); resolve(true); };
    for (const type of ['fullscreenchange', 'fullscreenerror', 'webkitfullscreenchange', 'webkitfullscreenerror']) {
      document.addEventListener(type, done, { once: true });
    }
  }));
}

/** Runs `steps`; a failure also says where the deck, the focus and full screen were. */
async function withDeckState(c, steps) {
  try {
    await steps();
  } catch (e) {
    const state = await c.evaluate(() => {
      const host = document.querySelector('#s');
      const deck = host?.shadowRoot?.querySelector('[data-testid="deck"]');
      const full = document.fullscreenElement ?? document.webkitFullscreenElement;
      return {
        deck: deck ? deck.className : null,
        focus: host?.shadowRoot?.activeElement?.dataset?.testid ?? host?.shadowRoot?.activeElement?.tagName ?? null,
        fullscreen: full ? (full === host ? 'the element' : full.tagName) : null,
        present: window.__ps.events.filter((ev) => ev.type === 'scorecard-present').map((ev) => ev.detail?.open),
      };
    }).catch((err) => `unreadable: ${err.message}`);
    e.message = `${e.message}; then ${JSON.stringify(state)}`;
    throw e;
  }
}

async function openDeck(c) {
  await c.open(`<partner-scorecard id="s" src="${c.env.dataOrigin}/sample.json" partner="${PARTNER}"></partner-scorecard>`);
  await c.waitEvent('scorecard-ready', 's');
  await c.waitFor(() => !!document.querySelector('#s').shadowRoot.querySelector('[data-testid="present"]'), null, 'Present');
  await c.click('#s', '[data-testid="present"]');
  await c.waitText('#s', 'slide-counter', `1 / ${DECK_TOTAL}`);
  await fullScreenSettled(c);
}

export const CASES = [
  {
    name: 'a scorecard renders the engine\'s figures (a feed over 512 KB, scored in the widget\'s worker) and fires scorecard-ready',
    async run(c) {
      c.env.appRequests.length = 0; // this page's requests only
      await c.open(`<partner-scorecard id="s" src="${c.env.dataOrigin}/over-limit.json" partner="${PARTNER}"></partner-scorecard>`);
      const ready = await c.waitEvent('scorecard-ready', 's');
      assert.equal(ready.detail.partners, JSON.parse(c.env.feeds.big).partners.length, 'scorecard-ready counts the partners');
      const card = c.scores(PARTNER, PERIOD, c.env.feeds.big).scorecard;
      await c.waitText('#s', 'partner-name', card.partner_name);
      assert.equal(await c.text('#s', 'fairness'), ratio(card.fairness));
      const period = await c.evaluate(() => document.querySelector('#s').shadowRoot
        .querySelector('[data-testid="scorecard"]')?.dataset.period);
      assert.equal(period, PERIOD);
      // The charts are there and drawn (an SVG with content, not an empty box); they
      // come with the part below the fold, from its chunk after the first paint.
      await c.waitFor(() => [...document.querySelector('#s').shadowRoot
        .querySelectorAll('[data-testid^="chart-"] svg')].filter((s) => s.getBoundingClientRect().width > 100).length >= 3,
      null, 'the trend charts to be drawn');
      // The figures came from the worker: one module worker from worker.js, handed
      // the page's compiled module, then the feed's bytes, and it answered that
      // job (the in-page fallback posts no job: worker.test.mjs w4).
      const workers = await c.workers();
      assert.equal(workers.length, 1, `one worker (${JSON.stringify(workers)})`);
      const [w] = workers;
      assert.equal(new URL(w.url).pathname, '/worker.js');
      assert.equal(w.type, 'module');
      assert.deepEqual(w.posted[0], { module: true }, 'the page posted its WebAssembly.Module first');
      const feedBytes = Buffer.byteLength(c.env.feeds.big);
      const job = w.posted.find((m) => m.bytes === feedBytes);
      assert.ok(job, `a job with the feed's ${feedBytes} bytes went to the worker (${JSON.stringify(w.posted)})`);
      assert.ok(w.answered.some((m) => m.id === job.id && m.bytes > 0), `the worker answered it (${JSON.stringify(w.answered)})`);
      // It went over in chunks as it downloaded, and the worker read its records as they came.
      assert.ok(job.chunks >= 1, `sent as it downloaded (${JSON.stringify(job)})`);
      assert.ok(w.answered.some((m) => m.id === job.id && m.streamed), `read as it came (${JSON.stringify(w.answered)})`);
      // And the worker compiled no main module of its own: of the .wasm requests
      // the widget's server saw (no-store, so each fetch reaches it), those the
      // page did not make are the engine's chunk (and chunks it shares), once.
      const pageWasm = (await c.resources()).filter((f) => f.endsWith('.wasm'));
      const served = c.env.appRequests.filter((f) => f.endsWith('.wasm'));
      const workerWasm = [...served];
      for (const f of pageWasm) workerWasm.splice(workerWasm.indexOf(f), 1);
      assert.ok(workerWasm.includes('/split_engine.wasm') && workerWasm.every((f) => /^\/(split_engine|chunk_\d+)\.wasm$/.test(f))
        && new Set(workerWasm).size === workerWasm.length, `the worker fetched the engine chunk only (${workerWasm})`);
      assert.equal(served.filter((f) => f === '/partner-scorecard-web_bg.wasm').length, 1, 'the module was fetched once');
      assert.ok(c.env.appRequests.includes('/worker.js'), 'the worker loaded worker.js');
    },
  },
  {
    name: 'the portfolio lists every partner and paints the quadrant; a name opens its scorecard (scorecard-select)',
    async run(c) {
      await c.open(`<partner-scorecard id="p" src="${c.env.dataOrigin}/sample.json"></partner-scorecard>`);
      await c.waitEvent('scorecard-ready', 'p');
      const partners = c.env.feeds.doc.partners.length;
      await c.waitFor((n) => document.querySelector('#p').shadowRoot
        .querySelectorAll('[data-testid="portfolio-row"]').length === n, partners, `${partners} rows`);
      const painted = await c.waitFor(() => {
        const canvas = document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-canvas"]');
        if (!canvas) return null;
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
        const shown = canvas.getBoundingClientRect().width;
        return inked > 0 && { inked, backing: canvas.width, shown, dpr: devicePixelRatio };
      }, null, 'the quadrant canvas to be painted');
      assert.ok(Math.abs(painted.backing - painted.shown * painted.dpr) <= 1,
        `the canvas has a pixel per device pixel (${painted.backing} for ${painted.shown} px at ${painted.dpr}x)`);
      const first = await c.evaluate(() => document.querySelector('#p').shadowRoot
        .querySelector('[data-testid="portfolio-row"]').dataset.partner);
      await c.click('#p', `[data-testid="portfolio-row"][data-partner="${first}"] th button`);
      const select = await c.waitEvent('scorecard-select', 'p');
      assert.deepEqual(select.detail, { partner: first, period: PERIOD });
      await c.waitText('#p', 'partner-name', c.scores(first, PERIOD).scorecard.partner_name);
    },
  },
  {
    name: 'the deck opens with Present; → and ← move through the slides; Esc leaves',
    async run(c) {
      await openDeck(c);
      await c.waitFor(() => !!document.querySelector('#s').shadowRoot.activeElement
        ?.closest('[data-testid="deck"]'), null, 'the focus in the deck');
      await c.press('ArrowRight');
      await c.waitText('#s', 'slide-counter', `2 / ${DECK_TOTAL}`);
      await c.press('ArrowRight');
      await c.waitText('#s', 'slide-counter', `3 / ${DECK_TOTAL}`);
      await c.press('ArrowLeft');
      await c.waitText('#s', 'slide-counter', `2 / ${DECK_TOTAL}`);
      await c.press('Escape');
      await c.waitFor(() => !document.querySelector('#s').shadowRoot.querySelector('[data-testid="deck"]'), null, 'the deck to close');
      await c.waitFor(() => !!document.querySelector('#s').shadowRoot.querySelector('[data-testid="pillar-investment"]'), null, 'the scorecard back');
      const present = await c.events('scorecard-present');
      assert.deepEqual(present.map((e) => e.detail.open), [true, false], 'scorecard-present opened and closed');
    },
  },
  {
    name: 'the quadrant is one tab stop; the arrows name partners in its live region; Enter opens one',
    async run(c) {
      await c.open(`<partner-scorecard id="p" src="${c.env.dataOrigin}/sample.json"></partner-scorecard>`);
      await c.waitEvent('scorecard-ready', 'p');
      await c.waitFor(() => !!document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-points"]'), null, 'the quadrant');
      const stops = await c.evaluate(() => [...document.querySelector('#p').shadowRoot
        .querySelectorAll('.ps-q-plot [tabindex], .ps-q-plot button, .ps-q-plot a')].filter((e) => e.tabIndex >= 0).length);
      assert.equal(stops, 1, 'one tab stop in the plot');
      // The element before the plot in tab order, then a real Tab.
      await c.evaluate(() => {
        const tools = document.querySelector('#p').shadowRoot.querySelectorAll('[data-testid="quadrant"] .ps-chart-tools button');
        tools[tools.length - 1].focus();
      });
      await c.press('Tab');
      assert.equal(await c.focused('#p'), 'quadrant-points', 'Tab reaches the quadrant');

      const { scorecards } = c.scores(null, PERIOD);
      const byName = new Map(scorecards.map((s) => [s.partner_name, s]));
      const inFocus = async (what) => {
        const live = await c.waitFor(() => document.querySelector('#p').shadowRoot
          .querySelector('[data-testid="quadrant-live"]')?.textContent.trim(), null, `the live region (${what})`);
        const name = live.slice(0, live.indexOf(':'));
        const s = byName.get(name);
        assert.ok(s, `${what}: the live region names a partner: "${live}"`);
        assert.ok(live.includes(`fairness ${ratio(s.fairness)}`), `${what}: its fairness: "${live}"`);
        return { live, s };
      };
      const shares = scorecards.filter((s) => s.band != null).map((s) => s.shares.contribution);
      const start = await inFocus('on focus');
      assert.equal(start.s.shares.contribution, Math.min(...shares), 'the focus starts at the leftmost partner');
      await c.press('ArrowRight');
      await c.waitFor((before) => {
        const t = document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-live"]')?.textContent.trim();
        return t && t !== before;
      }, start.live, 'ArrowRight to name another partner');
      const right = await inFocus('after ArrowRight');
      assert.ok(right.s.shares.contribution > start.s.shares.contribution, 'ArrowRight goes right');
      await c.press('End');
      await c.waitFor((before) => document.querySelector('#p').shadowRoot
        .querySelector('[data-testid="quadrant-live"]')?.textContent.trim() !== before, right.live, 'End');
      const end = await inFocus('after End');
      assert.equal(end.s.shares.contribution, Math.max(...shares), 'End goes to the rightmost partner');
      await c.press('ArrowLeft');
      await c.waitFor((before) => document.querySelector('#p').shadowRoot
        .querySelector('[data-testid="quadrant-live"]')?.textContent.trim() !== before, end.live, 'ArrowLeft');
      const left = await inFocus('after ArrowLeft');
      assert.ok(left.s.shares.contribution < end.s.shares.contribution, 'ArrowLeft goes left');
      await c.press('Enter');
      const select = await c.waitEvent('scorecard-select', 'p');
      assert.deepEqual(select.detail, { partner: left.s.partner, period: PERIOD });
      await c.waitText('#p', 'partner-name', left.s.partner_name);
    },
  },
  {
    name: 'the quadrant\'s canvas answers the pointer: a marker under it shows its tooltip, a click opens it',
    async run(c) {
      await c.open(`<partner-scorecard id="p" src="${c.env.dataOrigin}/sample.json"></partner-scorecard>`);
      await c.waitEvent('scorecard-ready', 'p');
      await c.waitFor(() => !!document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-points"]'), null, 'the quadrant');
      // Where the rightmost partner's marker is: the ring the keyboard puts on it.
      await c.evaluate(() => {
        const layer = document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-points"]');
        layer.scrollIntoView({ block: 'center' });
        layer.focus();
      });
      await c.press('End');
      const target = await c.waitFor(() => {
        const ring = document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-focus"]');
        if (!ring) return null;
        const r = ring.getBoundingClientRect();
        return r.width > 0 && { partner: ring.dataset.partner, x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, null, 'the ring on the rightmost partner');
      await c.pointAt(target.x + 2, target.y - 1);
      const hovered = await c.waitFor(() => document.querySelector('#p').shadowRoot
        .querySelector('[data-testid="quadrant-hover"]')?.dataset.partner, null, 'the tooltip under the pointer');
      assert.equal(hovered, target.partner, 'the tooltip is the partner under the pointer');
      // Empty space shows none: the top left corner of the plot is above every partner.
      const corner = await c.evaluate(() => {
        const r = document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-points"]').getBoundingClientRect();
        return { x: r.left + r.width * 0.2, y: r.top + r.height * 0.08 };
      });
      await c.pointAt(corner.x, corner.y);
      await c.waitFor(() => !document.querySelector('#p').shadowRoot.querySelector('[data-testid="quadrant-hover"]'), null, 'no tooltip over empty space');
      await c.clickAt(target.x, target.y);
      const select = await c.waitEvent('scorecard-select', 'p');
      assert.deepEqual(select.detail, { partner: target.partner, period: PERIOD });
      await c.waitText('#p', 'partner-name', c.scores(target.partner, PERIOD).scorecard.partner_name);
    },
  },
  {
    name: 'a German scorecard fetches its words (split_de.wasm, not split_fr) and speaks German, its deck too',
    async run(c) {
      await c.open(`<partner-scorecard id="s" src="${c.env.dataOrigin}/sample.json" partner="${PARTNER}" locale="de-DE"></partner-scorecard>`);
      await c.waitEvent('scorecard-ready', 's');
      await c.waitFor(() => document.querySelector('#s').shadowRoot
        .querySelector('[data-testid="verdict"] h3')?.textContent.trim() === 'Das Fazit', null, 'the verdict in German');
      const card = c.scores(PARTNER, PERIOD).scorecard;
      const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      assert.equal(await c.text('#s', 'fairness'), `${de.format(card.fairness)}×`);
      const words = (await c.resources()).filter((f) => /\/split_(de|fr)\.wasm$/.test(f));
      assert.deepEqual(words.map((f) => f.slice(f.lastIndexOf('/') + 1)), ['split_de.wasm']);
      const deckFocused = () => c.waitFor(() => {
        const root = document.querySelector('#s').shadowRoot;
        return root.querySelector('[data-testid="deck"]')?.contains(root.activeElement);
      }, null, 'the deck to have the focus');
      const deckClosed = () => withDeckState(c, async () => {
        await c.waitFor(() => !document.querySelector('#s').shadowRoot.querySelector('[data-testid="deck"]'), null, 'the deck to close');
        await c.waitFor(() => !(document.fullscreenElement ?? document.webkitFullscreenElement), null, 'no full screen after the deck closed');
      });
      // Esc as soon as the deck has the focus (its keys work only then), so
      // wherever full screen is: still asked for (the page gets the key),
      // granted but not yet announced (WebKit then sends both fullscreenchange
      // events after it has left full screen), or settled. The deck closes
      // each time, and the element does not stay in full screen.
      await c.click('#s', '[data-testid="present"]');
      await deckFocused();
      await c.press('Escape');
      await deckClosed();
      // Opened again, the deck speaks German, and Esc closes it once more.
      await c.click('#s', '[data-testid="present"]');
      await c.waitText('#s', 'slide-counter', `1 / ${DECK_TOTAL}`);
      await c.waitFor(() => !!document.querySelector('#s').shadowRoot
        .querySelector('[aria-label="Nächste Folie"]'), null, 'the deck\'s buttons in German');
      await deckFocused();
      await fullScreenSettled(c);
      await c.press('Escape');
      await deckClosed();
    },
  },
  {
    name: 'the deck\'s balance slide: its quadrant takes the arrows while it has the focus, Tab gives them back, Enter opens a partner',
    async run(c) {
      await openDeck(c);
      const balance = DECK_SLIDES.indexOf('balance') + 1;
      for (let n = 2; n <= balance; n++) {
        await c.press('ArrowRight');
        await c.waitText('#s', 'slide-counter', `${n} / ${DECK_TOTAL}`);
      }
      await c.waitFor(() => {
        const canvas = document.querySelector('#s').shadowRoot.querySelector('[data-testid="slide-quadrant"] canvas');
        if (!canvas || canvas.width < 100) return false;
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < px.length; i += 4) if (px[i]) return true;
        return false;
      }, null, 'the slide\'s quadrant canvas to be painted');
      await c.press('Tab');
      assert.equal(await c.focused('#s'), 'quadrant-points', 'Tab reaches the quadrant');
      const { scorecards } = c.scores(null, PERIOD);
      const me = scorecards.find((s) => s.partner === PARTNER);
      const live = () => c.waitFor(() => document.querySelector('#s').shadowRoot
        .querySelector('[data-testid="quadrant-live"]')?.textContent.trim(), null, 'the live region');
      const start = await live();
      assert.ok(start.startsWith(`${me.partner_name}: fairness ${ratio(me.fairness)}`), `the deck's partner first: "${start}"`);
      await c.press('End');
      await c.waitFor((before) => document.querySelector('#s').shadowRoot
        .querySelector('[data-testid="quadrant-live"]')?.textContent.trim() !== before, start, 'End to name another partner');
      const end = await live();
      const other = scorecards.find((s) => end.startsWith(`${s.partner_name}:`));
      assert.ok(other && other.partner !== PARTNER, `End names another partner: "${end}"`);
      assert.equal(await c.text('#s', 'slide-counter'), `${balance} / ${DECK_TOTAL}`, 'the slide stayed');
      // Tab leaves the quadrant; on the deck's controls the arrows turn slides again.
      await c.press('Tab');
      assert.equal(await c.focused('#s'), 'slide-prev', 'Tab leaves the quadrant');
      await c.press('ArrowRight');
      await c.waitText('#s', 'slide-counter', `${balance + 1} / ${DECK_TOTAL}`);
      await c.press('ArrowLeft');
      await c.waitText('#s', 'slide-counter', `${balance} / ${DECK_TOTAL}`);
      // Back on the quadrant (Tab reached it above), End and Enter.
      // The slide is drawn anew after ← and its plot may not be back yet (WebKit under load).
      await c.waitFor(() => {
        const points = document.querySelector('#s').shadowRoot.querySelector('[data-testid="quadrant-points"]');
        points?.focus();
        return !!points && document.querySelector('#s').shadowRoot.activeElement === points;
      }, null, 'the quadrant back on the slide, focused');
      await c.press('End');
      await c.waitFor((before) => document.querySelector('#s').shadowRoot
        .querySelector('[data-testid="quadrant-live"]')?.textContent.trim() === before, end, 'End again');
      await c.press('Enter');
      const select = await c.waitEvent('scorecard-select', 's');
      assert.deepEqual(select.detail, { partner: other.partner, period: PERIOD });
      await c.waitFor((name) => document.querySelector('#s').shadowRoot
        .querySelector('[data-testid="slide-context"]')?.textContent.startsWith(name), other.partner_name, 'the deck to present that partner');
    },
  },
];
