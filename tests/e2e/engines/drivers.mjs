// One small driver interface over the three engines the widget must work in
// (not a test file itself):
//   chromium  Debian's Chromium through playwright-core (as the other e2e tests)
//   firefox   Debian's Firefox ESR through puppeteer-core (WebDriver BiDi)
//   webkit    WebKitGTK's MiniBrowser through /usr/bin/WebKitWebDriver and
//             selenium-webdriver, on an X display: $DISPLAY if set, else a private
//             Xvfb this module starts (what `xvfb-run -a` does; headless hung here).
// Every driver process is started on a free 127.0.0.1 port or display and
// stopped by its own handle, never by name.
//
// A page offers: goto(url), evaluate(fn, arg) (fn runs in the page; JSON in and
// out), click(host, selector) (a real pointer click on an element inside the
// shadow root of `host`), press(key) (a real key to the focused element, with
// the DOM key names: ArrowRight, Enter, Escape, Home, End, Tab), pointAt(x, y) and
// clickAt(x, y) (the real pointer at viewport CSS pixels), driverErrors()
// (page errors the driver itself saw, where it can) and close().

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A driver command that never answered (not a check that failed): see the WebKit driver. */
export class DriverStalled extends Error {
  constructor(message) {
    super(message);
    this.name = 'DriverStalled';
  }
}

/** How long a WebKit driver command may take; the slowest seen to succeed took under 10 s. */
const STALL_MS = 40_000;

export const ENGINES = {
  chromium: { binary: '/usr/bin/chromium', launch: launchChromium },
  firefox: { binary: '/usr/bin/firefox-esr', launch: launchFirefox },
  webkit: { binary: '/usr/bin/WebKitWebDriver', launch: launchWebKit },
};

const VIEWPORT = { width: 1280, height: 900 };

/** Finds the element `selector` inside `host`'s shadow root (runs in the page). */
function inShadow([host, selector]) {
  return document.querySelector(host)?.shadowRoot?.querySelector(selector) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Stops a child we started: SIGTERM, then SIGKILL if it lingers. A child
 * started `detached` leads a process group, and the group goes with it (the
 * WebKit driver's MiniBrowser); any other child is signalled alone. */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  const kill = (signal) => {
    try { process.kill(-child.pid, signal); } catch { child.kill(signal); }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 3_000);
  await gone;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- Chromium

/** The case interface over a playwright or puppeteer page: both name these calls alike. */
function pageOf(context, page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message ?? e}`));
  return {
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    async click(host, selector) {
      const handle = await page.evaluateHandle(inShadow, [host, selector]);
      const el = handle.asElement();
      if (!el) throw new Error(`no ${selector} in ${host}`);
      await el.click();
    },
    press: (key) => page.keyboard.press(key),
    pointAt: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    driverErrors: () => errors,
    close: () => context.close(),
  };
}

async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    version: `Chromium ${browser.version()}`,
    async newPage() {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
      return pageOf(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- Firefox

async function launchFirefox() {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US', 'intl.locale.requested': 'en-US' },
  });
  return {
    version: await browser.version(),
    async newPage() {
      // A fresh context per case, as in Chromium: no storage or focus carries over.
      const context = await browser.createBrowserContext();
      return pageOf(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- WebKit

/** A private X display: Xvfb picks a free number and writes it to fd 3. */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr.on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display in 10 s: ${stderr}`)), 10_000);
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(`:${out.trim()}`); }
    });
    xvfb.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited ${code}: ${stderr}`)); });
  });
  return { xvfb, display };
}

async function launchWebKit() {
  const { Builder, Key, Origin } = await import('selenium-webdriver');
  let xvfb = null;
  let display = process.env.DISPLAY;
  if (!display) ({ xvfb, display } = await startXvfb());
  // Its own HOME: MiniBrowser keeps caches and cookies there, and no case may see another's.
  const home = mkdtempSync(join(tmpdir(), 'ps-webkit-'));
  let log = '';
  // The driver in a process group of its own, so that stopping it stops the
  // MiniBrowser it started too (a wedged driver is replaced: see newPage).
  const startDriver = async () => {
    const port = await freePort();
    const proc = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, DISPLAY: display, HOME: home, LANG: 'en_US.UTF-8' },
    });
    proc.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
    const server = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${server}/status`)).ok) break;
      } catch { /* not listening yet */ }
      if (i > 100) {
        await stop(proc);
        throw new Error(`WebKitWebDriver did not start: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { proc, server };
  };
  let driver = null;
  const cleanup = async () => {
    await stop(driver?.proc);
    await stop(xvfb);
    rmSync(home, { recursive: true, force: true });
  };
  // WebKitWebDriver on a loaded 2-core machine has hung now and then: on a
  // command (CI, 2026-12-02: a case stood still until the test's 180 s
  // timeout), and on starting a session (a run under load here, the same
  // day). Each gets a deadline instead, so a hang fails as a DriverStalled
  // error that engines.test.mjs can tell from a failed check; the driver that
  // hung is then replaced before the case runs again.
  const guard = (what, promise) => {
    let timer;
    const stalled = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new DriverStalled(`WebKitWebDriver: ${what} did not answer in ${STALL_MS / 1000} s`)), STALL_MS);
    });
    return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
  };
  const replaceDriver = async () => {
    await stop(driver?.proc);
    driver = await startDriver();
  };
  try {
    driver = await startDriver();
    const keys = {
      ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
      Enter: Key.ENTER, Escape: Key.ESCAPE, Home: Key.HOME, End: Key.END, Tab: Key.TAB,
    };
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    };
    // WebKitWebDriver runs one session at a time: a fresh session (a fresh
    // browser) per case keeps the cases apart as contexts do elsewhere.
    let version = null;
    const newSession = async () => {
      const session = await new Builder().usingServer(driver.server).withCapabilities(capabilities).build();
      await session.manage().window().setRect({ x: 0, y: 0, ...VIEWPORT });
      version ??= (await session.getCapabilities()).get('browserVersion');
      return session;
    };
    const first = await guard('starting a session', newSession());
    await guard('quitting the session', first.quit());
    return {
      version: `WebKitGTK ${version}`,
      async newPage() {
        let stalled = false;
        const watch = (what, promise) => guard(what, promise).catch((e) => {
          if (e instanceof DriverStalled) stalled = true;
          throw e;
        });
        let session;
        try {
          session = await watch('starting a session', newSession());
        } catch (e) {
          if (stalled) await replaceDriver();
          throw e;
        }
        // selenium runs a function body: pass the source and the argument as JSON.
        const evaluate = async (fn, arg) => session.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           Promise.resolve().then(() => (${fn.toString()})(${JSON.stringify(arg ?? null)}))
             .then((v) => done({ ok: JSON.stringify(v === undefined ? null : v) }), (e) => done({ err: String(e && e.stack || e) }));`,
        ).then((r) => {
          if (r.err) throw new Error(r.err);
          return JSON.parse(r.ok);
        });
        return {
          goto: (url) => watch(`GET ${url}`, session.get(url)),
          evaluate: (fn, arg) => watch('a script', evaluate(fn, arg)),
          async click(host, selector) {
            const el = await watch('a script', session.executeScript(
              'return document.querySelector(arguments[0])?.shadowRoot?.querySelector(arguments[1]) ?? null;',
              host, selector,
            ));
            if (!el) throw new Error(`no ${selector} in ${host}`);
            await watch(`a click on ${selector}`, session.actions().move({ origin: el }).click().perform());
          },
          async press(key) {
            const k = keys[key];
            if (!k) throw new Error(`no WebDriver key for ${key}`);
            await watch(`the key ${key}`, session.actions().sendKeys(k).perform());
          },
          pointAt: (x, y) => watch('a pointer move', session.actions()
            .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).perform()),
          clickAt: (x, y) => watch('a click', session.actions()
            .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform()),
          driverErrors: () => [],
          // A driver that stalled is not asked to quit (that would stall too):
          // it is replaced, with its browser; so is one that stalls on quitting.
          async close() {
            if (!stalled) {
              try {
                await watch('quitting the session', session.quit());
                return;
              } catch (e) {
                if (!stalled) throw e;
              }
            }
            await replaceDriver();
          },
        };
      },
      close: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** Launches `name`, or explains what is missing (./x test installs all three). */
export async function launch(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}: one of ${Object.keys(ENGINES).join(', ')}`);
  if (!existsSync(engine.binary)) {
    throw new Error(`${engine.binary} is missing: ./x test installs it (apt: chromium, firefox-esr, webkit2gtk-driver, xvfb)`);
  }
  return engine.launch();
}
