// The same end-to-end cases in the three engines partners open portals in:
// Chromium, Firefox ESR (Gecko) and WebKitGTK (Safari's engine). The cases are
// one table (engines/cases.mjs), the drivers one interface (engines/drivers.mjs).
//
//   node --test tests/e2e/engines.test.mjs                        all three
//   PS_ENGINES=firefox,webkit node --test tests/e2e/engines.test.mjs
//
// Needs a built dist/ and Debian's chromium, firefox-esr, webkit2gtk-driver and
// xvfb (./x test installs them).

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Case, CASES } from './engines/cases.mjs';
import { DriverStalled, ENGINES, launch } from './engines/drivers.mjs';
import {
  close, expected, listen, makeFeeds, snapshotDist, startApp, startData,
} from './servers.mjs';

const WANTED = (process.env.PS_ENGINES ?? Object.keys(ENGINES).join(','))
  .split(',').map((s) => s.trim()).filter(Boolean);

const env = { expected };
let app; let data; let root;
before(async () => {
  env.feeds = makeFeeds();
  root = snapshotDist();
  app = startApp(env, root);
  env.appOrigin = `http://127.0.0.1:${await listen(app)}`;
  data = startData(env, env.feeds);
  env.dataOrigin = `http://127.0.0.1:${await listen(data)}`;
});
after(async () => {
  if (app) await close(app);
  if (data) await close(data);
  if (root) rmSync(root, { recursive: true, force: true });
});

for (const engine of WANTED) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
      process.stderr.write(`# ${engine}: ${browser.version}\n`);
    });
    after(async () => { await browser?.close(); });

    for (const { name, run } of CASES) {
      // Generous: WebKitGTK compiles the wasm slowly on a busy 2-core machine (its first case).
      test(`${engine}: ${name}`, { timeout: 180_000 }, async () => {
        const attempt = async () => {
          const page = await browser.newPage();
          try {
            const c = new Case(env, page, engine);
            await run(c);
            // Late errors (an effect after the last step) count too.
            await new Promise((r) => setTimeout(r, 200));
            const recorded = await page.evaluate(() => window.__ps?.errors ?? ['the recorder is missing']);
            assert.deepEqual([...recorded, ...page.driverErrors()], [], `${engine}: the page reported errors`);
          } finally {
            await page.close().catch((e) => process.stderr.write(`# ${engine}: closing the page: ${e.message}\n`));
          }
        };
        try {
          await attempt();
        } catch (e) {
          // Only a driver command that never answered earns a second run, in a
          // fresh session (on a fresh driver: see drivers.mjs); a failed check
          // fails the case at once.
          if (!(e instanceof DriverStalled)) throw e;
          process.stderr.write(`# ${engine}: ${name}: ${e.message}; running the case once more in a fresh session\n`);
          await attempt();
        }
      });
    }
  });
}
