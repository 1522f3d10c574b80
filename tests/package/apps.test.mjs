// The npm package as portal teams use it: `npm/pack.mjs` packs dist/ (built by
// ./x build), each host app under tests/apps/ installs that tarball, type-checks
// strictly, builds with Vite, and runs in headless Chromium.
//
// npm ci of an app runs only when its package-lock.json changed since the last
// install (a stamp in its node_modules/), from the npm registry alone and with no
// install scripts; the tarball itself is installed with --offline.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { crateVersion, pack, widgetFiles } from '../../npm/pack.mjs';
import { ROOT, manifestDeclaration } from './sources.mjs';

const DIST = join(ROOT, 'dist');
const APPS = join(ROOT, 'tests/apps');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'demo/data/sample.json'), 'utf8'));
const nameOf = (id) => SAMPLE.partners.find((p) => p.id === id).name;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** npm ci when the lockfile changed since the last one, then the tarball on top. */
function install(app, tarball) {
  const dir = join(APPS, app);
  const lockHash = createHash('sha256').update(readFileSync(join(dir, 'package-lock.json'))).digest('hex');
  const stamp = join(dir, 'node_modules', '.ps-lock-sha256');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
    run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
    writeFileSync(stamp, lockHash);
  }
  // Not in the app's package.json: the tarball's bytes (and so any lockfile
  // integrity) change with every build.
  run('npm', ['install', '--no-save', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], dir);
  return dir;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves the app's build, the sample at /data/, and the installed package at /cdn/. */
function serve(dir) {
  const roots = { '/data/': join(ROOT, 'demo/data'), '/cdn/': join(dir, 'node_modules/partner-scorecard'), '/': join(dir, 'dist') };
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    let file = normalize(join(roots[prefix], url.pathname.slice(prefix.length)));
    if (!file.startsWith(roots[prefix])) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    let body = readFileSync(file);
    if (url.pathname === '/' && url.searchParams.has('cdn')) {
      // The documented CDN switch: one <meta> before the app's module.
      body = body.toString().replace('<head>', '<head>\n  <meta name="partner-scorecard-base" content="/cdn/">');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, requests, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** A fresh page that fails the test on any console error or page error. */
async function open(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

let tarball;
let browser;
before(async () => {
  assert.ok(existsSync(join(DIST, 'embed.js')), 'no dist/: run ./x build first');
  tarball = pack().tarball;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => { await browser?.close(); });

test('the tarball: version, exports, files and no dependencies', () => {
  const list = run('tar', ['-tzf', tarball], ROOT).trim().split('\n').map((p) => p.replace(/^package\//, ''));
  const unpacked = mkdtempSync(join(tmpdir(), 'ps-pack-'));
  run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], ROOT);
  const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'partner-scorecard');
  assert.equal(pkg.version, crateVersion());
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) {
    assert.equal(pkg[field], undefined, `package.json has ${field}`);
  }
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.types, './index.d.ts');
  assert.equal(pkg.customElements, './custom-elements.json');
  assert.deepEqual(pkg.exports['.'], { types: './index.d.ts', default: './index.js' });
  assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.includes('./index.js'));
  // Every file of dist/'s widget group is shipped and exported under its own path.
  const widget = widgetFiles(DIST);
  assert.ok(widget.some((f) => f.endsWith('.wasm')) && widget.includes('embed.js'));
  for (const f of widget) {
    assert.ok(list.includes(f), `${f} is not in the tarball`);
    assert.equal(pkg.exports[`./${f}`], `./${f}`, `${f} is not exported`);
    assert.ok(readFileSync(join(DIST, f)).equals(readFileSync(join(unpacked, f))), `${f} differs from dist/`);
  }
  for (const f of ['index.js', 'index.d.ts', 'react.d.ts', 'vue.d.ts', 'custom-elements.json', 'README.md',
    'docs/partner-scorecard-v1.schema.json', 'docs/data-contract.md', 'docs/embedding.md']) {
    assert.ok(list.includes(f), `${f} is not in the tarball`);
  }
  // Nothing of the demo.
  assert.deepEqual(list.filter((f) => f.startsWith('data/') || f === 'index.html' || f === 'demo.css'), []);
  rmSync(unpacked, { recursive: true, force: true });
});

describe('React 19 + TypeScript + Vite', () => {
  let dir; let site;
  before(async () => {
    dir = install('react', tarball);
    run(join(dir, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.'], dir);
    run(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], dir);
    site = await serve(dir);
  });
  after(() => site?.server.close());

  test('Vite emitted the package\'s .wasm as an asset file, byte for byte', () => {
    const assets = readdirSync(join(dir, 'dist/assets'));
    // The main module once, and each lazy chunk the package ships, byte for byte.
    const pkg = join(dir, 'node_modules/partner-scorecard');
    const shipped = readdirSync(pkg).filter((f) => f.endsWith('.wasm'));
    const wasm = assets.filter((f) => f.endsWith('.wasm'));
    assert.equal(wasm.length, shipped.length, `assets: ${assets.join(', ')}; package: ${shipped.join(', ')}`);
    for (const file of shipped) {
      const bytes = readFileSync(join(pkg, file));
      const stem = file.replace(/\.wasm$/, '');
      const emitted = wasm.filter((f) => f.startsWith(`${stem}-`));
      assert.equal(emitted.length, 1, `${file} emitted once: ${wasm.join(', ')}`);
      assert.ok(readFileSync(join(dir, 'dist/assets', emitted[0])).equals(bytes), `${file} byte for byte`);
    }
  });

  test('renders, fires onscorecard-ready, re-renders on a new partner prop, unmounts and remounts', async () => {
    const { page, problems, close } = await open(browser, `${site.origin}/`);
    try {
      const widget = page.locator('partner-scorecard');
      // `data` reached the element as a property (an attribute would be "[object Object]").
      await widget.getByTestId('partner-name').filter({ hasText: nameOf('P-00001') }).waitFor();
      await page.getByTestId('ready-count').filter({ hasText: /^1$/ }).waitFor();
      const detail = JSON.parse(await page.getByTestId('ready-last').innerText());
      assert.deepEqual(detail, { partners: SAMPLE.partners.length, periods: 8, rejected: 0, records: SAMPLE.records.length });
      assert.equal(await widget.evaluate((el) => typeof el.data), 'object');
      assert.equal(await widget.evaluate((el) => el.hasAttribute('data')), false);

      await page.getByTestId('next-partner').click();
      assert.equal(await widget.getAttribute('partner'), 'P-00002');
      await widget.getByTestId('partner-name').filter({ hasText: nameOf('P-00002') }).waitFor();

      await page.getByTestId('toggle').click();
      await page.locator('partner-scorecard').waitFor({ state: 'detached' });
      await page.getByTestId('toggle').click();
      await widget.getByTestId('partner-name').filter({ hasText: nameOf('P-00002') }).waitFor();
      await page.getByTestId('ready-count').filter({ hasText: /^2$/ }).waitFor();

      await widget.getByTestId('period').selectOption('2026-Q2');
      await page.getByTestId('selected').filter({ hasText: 'P-00002 2026-Q2' }).waitFor();
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });

  test('the running element observes exactly the attributes custom-elements.json lists', async () => {
    const { page, problems, close } = await open(browser, `${site.origin}/`);
    try {
      await page.locator('partner-scorecard').getByTestId('partner-name').waitFor();
      const observed = await page.evaluate(() => [...customElements.get('partner-scorecard').observedAttributes].sort());
      const decl = manifestDeclaration(JSON.parse(readFileSync(join(ROOT, 'npm/custom-elements.json'), 'utf8')));
      assert.deepEqual(observed, decl.attributes.map((a) => a.name).sort());
      const members = await page.evaluate(() => {
        const proto = customElements.get('partner-scorecard').prototype;
        return Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor' && !n.endsWith('Callback')).sort();
      });
      assert.deepEqual(members, decl.members.map((m) => m.name).sort());
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });

  test('the Vite dev server needs no setting either', async () => {
    // The dev server serves /data/ from the app's public/ (made here, not committed).
    mkdirSync(join(dir, 'public/data'), { recursive: true });
    copyFileSync(join(ROOT, 'demo/data/sample.json'), join(dir, 'public/data/sample.json'));
    const vite = spawn(join(dir, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', '0', '--clearScreen', 'false'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const origin = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`vite did not start:\n${out}`)), 30_000);
        vite.stdout.on('data', (chunk) => {
          out += chunk;
          const m = out.replace(/\x1b\[[0-9;]*m/g, '').match(/http:\/\/127\.0\.0\.1:\d+/);
          if (m) { clearTimeout(timer); resolve(m[0]); }
        });
        vite.on('exit', (code) => reject(new Error(`vite exited ${code}:\n${out}`)));
      });
      const { page, problems, close } = await open(browser, `${origin}/`);
      try {
        await page.locator('partner-scorecard').getByTestId('partner-name').filter({ hasText: nameOf('P-00001') }).waitFor();
        assert.deepEqual(problems, []);
      } finally { await close(); }
    } finally {
      vite.kill();
    }
  });

  test('<meta name="partner-scorecard-base"> loads the .wasm from that folder instead', async () => {
    site.requests.length = 0;
    const { page, problems, close } = await open(browser, `${site.origin}/?cdn`);
    try {
      await page.locator('partner-scorecard').getByTestId('partner-name').filter({ hasText: nameOf('P-00001') }).waitFor();
      assert.ok(site.requests.includes('/cdn/partner-scorecard-web_bg.wasm'), site.requests.join(' '));
      // The main module from the CDN folder (the lazy chunks stay with the bundle's assets).
      assert.deepEqual(site.requests.filter((p) => p.startsWith('/assets/') && p.includes('partner-scorecard-web_bg')), []);
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
});

describe('Vue 3 + TypeScript + Vite', () => {
  let dir; let site;
  before(async () => {
    dir = install('vue', tarball);
    run(join(dir, 'node_modules/.bin/vue-tsc'), ['--noEmit', '-p', '.'], dir);
    run(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], dir);
    site = await serve(dir);
  });
  after(() => site?.server.close());

  test('.prop data renders the portfolio; @scorecard-ready and @scorecard-select reach the handlers', async () => {
    const { page, problems, close } = await open(browser, `${site.origin}/`);
    try {
      const widget = page.locator('partner-scorecard');
      await widget.getByTestId('portfolio').waitFor();
      await page.getByTestId('ready').filter({ hasText: /"partners"/ }).waitFor();
      const ready = JSON.parse(await page.getByTestId('ready').innerText());
      assert.equal(ready.partners, SAMPLE.partners.length);
      assert.equal(ready.records, SAMPLE.records.length);
      assert.equal(await widget.evaluate((el) => el.hasAttribute('data')), false);

      const target = 'P-00007';
      await widget.locator(`[data-testid=portfolio-row][data-partner="${target}"]`).getByRole('button').click();
      await page.getByTestId('selected').filter({ hasText: new RegExp(`^${target} \\d{4}-Q[1-4]$`) }).waitFor();
      await widget.getByTestId('partner-name').filter({ hasText: nameOf(target) }).waitFor();
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
});

describe('webpack 5 and esbuild, each with its one documented setting', () => {
  let dir; let site;
  before(async () => {
    dir = install('bundlers', tarball);
    run('node', ['build.mjs'], dir);
    site = await serve(dir);
  });
  after(() => site?.server.close());

  for (const bundler of ['webpack', 'esbuild']) {
    test(`${bundler}: the bundle defines the element and the scorecard renders`, async () => {
      site.requests.length = 0;
      const { page, problems, close } = await open(browser, `${site.origin}/${bundler}/`);
      try {
        await page.locator('partner-scorecard').getByTestId('partner-name').filter({ hasText: nameOf('P-00001') }).waitFor();
        assert.equal(await page.evaluate(() => document.body.dataset.defined), 'true');
        // The main module once; lazy chunks (fetched after the first paint) from the same folder.
        const wasm = site.requests.filter((p) => p.endsWith('.wasm'));
        const main = wasm.filter((p) => p.includes('partner-scorecard-web_bg'));
        assert.equal(main.length, 1, wasm.join(' '));
        assert.ok(wasm.every((p) => p.startsWith(`/${bundler}/`)), `every .wasm came from the bundle's own folder: ${wasm.join(' ')}`);
        // The engine's worker started from beside the bundle and imported the glue
        // there (the page's own glue is inside the bundle, so only the worker asks).
        // The sample is scored in the page (it is under 512 KB), but its 317 KB
        // Content-Length starts the worker while it downloads: wait for its files.
        for (const file of ['worker.js', 'partner-scorecard-web.js']) {
          const path = `/${bundler}/${file}`;
          for (let i = 0; i < 50 && !site.requests.includes(path); i++) await new Promise((r) => setTimeout(r, 100));
          assert.ok(site.requests.includes(path), `${file} beside the bundle: ${site.requests.join(' ')}`);
        }
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });
  }
});
