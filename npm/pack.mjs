#!/usr/bin/env node
// Writes the npm package `partner-scorecard` from a built dist/ (./x pack builds first).
//
//   node npm/pack.mjs [dist] [out]      (defaults: dist/ and target/npm/)
//
// The package holds every file of dist/'s widget group (tests/e2e/size-report.mjs
// groupOf: embed.js, the wasm-bindgen JS, the .wasm, snippets/ and whatever later
// lands beside them, such as lazy chunks or a worker script), the bundler entries
// and types from npm/, the manifest, and the JSON Schema and docs. `files` and
// `exports` are built from that list, so nothing is hard-coded twice.
// Prints what it packed, then the tarball's absolute path as the last line.

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { groupOf, listFiles } from '../tests/e2e/size-report.mjs';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NPM = join(ROOT, 'npm');

/** The bundler entries and their types: `.`, `./react`, `./vue`. */
export const ENTRIES = { '.': 'index', './react': 'react', './vue': 'vue' };

/** Files of this folder that go into the package as they are. */
const OWN = ['index.js', 'index.d.ts', 'react.js', 'react.d.ts', 'vue.js', 'vue.d.ts', 'custom-elements.json', 'README.md'];

/** Docs shipped under the same paths as in the repo, so their links keep working. */
const DOCS = ['docs/data-contract.md', 'docs/embedding.md', 'docs/partner-scorecard-v1.schema.json'];

/** The crate's version, from Cargo.toml's [package] table. */
export function crateVersion(root = ROOT) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const pkg = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const m = pkg && pkg.match(/^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('Cargo.toml: no version in [package]');
  return m[1];
}

/** dist/'s widget files, relative paths. */
export function widgetFiles(dist) {
  return listFiles(dist).filter((p) => groupOf(p) === 'widget');
}

/** The package.json for a given widget file list. */
export function manifest(version, widget) {
  const exports = {};
  for (const [key, name] of Object.entries(ENTRIES)) {
    exports[key] = { types: `./${name}.d.ts`, default: `./${name}.js` };
  }
  // Each widget file by its own path: a host that serves them itself (or a bundler
  // rule) can name them; new files of the group appear here with no edit.
  for (const file of widget) exports[`./${file}`] = `./${file}`;
  exports['./custom-elements.json'] = './custom-elements.json';
  exports['./schema.json'] = './docs/partner-scorecard-v1.schema.json';
  for (const doc of DOCS) exports[`./${doc}`] = `./${doc}`;
  exports['./package.json'] = './package.json';
  const own = OWN.filter((f) => f !== 'README.md');
  return {
    name: 'partner-scorecard',
    version,
    description: 'The <partner-scorecard> web component: the joint vendor/partner scorecard (Rust + WebAssembly), with TypeScript types, a Custom Elements Manifest and the feed\'s JSON Schema',
    license: 'MIT',
    keywords: ['web-component', 'custom-element', 'webassembly', 'scorecard', 'partner', 'channel'],
    type: 'module',
    module: './index.js',
    main: './index.js',
    types: './index.d.ts',
    exports,
    // Importing an entry defines the element: bundlers must keep these modules.
    sideEffects: ['./index.js', './react.js', './vue.js', './embed.js'],
    customElements: './custom-elements.json',
    files: [...own, ...widget, ...DOCS].sort(),
  };
}

/** Builds the package folder and the .tgz; returns npm pack's report. */
export function pack(dist = join(ROOT, 'dist'), out = join(ROOT, 'target', 'npm')) {
  if (!existsSync(join(dist, 'embed.js'))) {
    throw new Error(`${dist} has no embed.js: build it first (./x build)`);
  }
  const widget = widgetFiles(dist);
  if (!widget.some((f) => f.endsWith('.wasm'))) throw new Error(`${dist} has no .wasm`);
  const stage = join(out, 'package');
  rmSync(stage, { recursive: true, force: true });
  const put = (from, to) => {
    mkdirSync(dirname(join(stage, to)), { recursive: true });
    copyFileSync(from, join(stage, to));
  };
  for (const f of widget) put(join(dist, f), f);
  for (const f of OWN) put(join(NPM, f), f);
  for (const f of DOCS) put(join(ROOT, f), f);
  // The entries name widget files by hand (the glue, the .wasm): a build that
  // renames one must fail here, not in a host's bundler.
  for (const entry of ['index.js', 'react.js', 'vue.js']) {
    const text = readFileSync(join(NPM, entry), 'utf8');
    for (const [, file] of text.matchAll(/['"](?:\.\/)?([\w./-]+\.(?:js|wasm))(?:\?url)?['"]/g)) {
      if (!existsSync(join(stage, file))) throw new Error(`npm/${entry} names ${file}, which is not in the package`);
    }
  }
  const pkg = manifest(crateVersion(), widget);
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [report] = JSON.parse(json);
  return { ...report, tarball: join(out, report.filename), stage };
}

function main(argv) {
  const dist = resolve(argv[0] ?? join(ROOT, 'dist'));
  const out = resolve(argv[1] ?? join(ROOT, 'target', 'npm'));
  const r = pack(dist, out);
  const width = Math.max(...r.files.map((f) => f.path.length)) + 2;
  console.log(`${r.name}@${r.version}: ${r.entryCount} files`);
  for (const f of r.files) console.log(`  ${f.path.padEnd(width)}${String(f.size).padStart(10)}`);
  console.log(`tarball ${r.size} bytes (gzip), unpacked ${r.unpackedSize} bytes`);
  console.log(r.tarball);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`pack: ${e.message}`);
    process.exitCode = 2;
  }
}
