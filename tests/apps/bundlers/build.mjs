// Builds src/main.js twice, into dist/webpack/ and dist/esbuild/, each with the
// one setting docs/embedding.md gives for that bundler, and an index.html page.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import * as esbuild from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const page = readFileSync(here('./index.html'), 'utf8');
rmSync(here('./dist'), { recursive: true, force: true });

function writePage(dir, name) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/index.html`, page.replace('BUNDLER', name));
}

await new Promise((resolve, reject) => {
  webpack({
    mode: 'production',
    entry: here('./src/main.js'),
    output: { path: here('./dist/webpack'), filename: 'main.js', module: true, chunkFormat: 'module' },
    experiments: { outputModule: true },
    module: { rules: [{ test: /\.wasm$/, type: 'asset/resource', generator: { filename: '[name]-[contenthash][ext]' } }] }, // the one line
  }, (err, stats) => {
    if (err) return reject(err);
    if (stats.hasErrors()) return reject(new Error(stats.toString('errors-warnings')));
    resolve();
  });
});
// The engine's worker beside the bundle (webpack cannot run a module worker it
// bundles, docs/embedding.md): worker.js and the glue it runs the page's module
// with (the glue's own imports: the chunk loader and snippets/).
const pkg = here('./node_modules/partner-scorecard');
const WORKER_FILES = ['worker.js', 'partner-scorecard-web.js', '__wasm_split.js', 'snippets'];
for (const file of WORKER_FILES) {
  cpSync(`${pkg}/${file}`, here(`./dist/webpack/${file}`), { recursive: true });
}
writePage(here('./dist/webpack'), 'webpack');

await esbuild.build({
  entryPoints: [here('./src/main.js')],
  bundle: true,
  format: 'esm',
  outdir: here('./dist/esbuild'),
  loader: { '.wasm': 'file' }, // the one line
  logLevel: 'warning',
});
// esbuild leaves `new URL('./chunk.wasm', import.meta.url)` alone: the parts that
// load on demand are copied beside the bundle, as docs/embedding.md says.
// So is the engine's worker (worker.js and the glue it imports, as for webpack).
const besideBundle = (f) => (f.endsWith('.wasm') && !f.startsWith('partner-scorecard-web_bg'))
  || WORKER_FILES.includes(f);
for (const file of readdirSync(pkg).filter(besideBundle)) {
  cpSync(`${pkg}/${file}`, here(`./dist/esbuild/${file}`), { recursive: true });
}
writePage(here('./dist/esbuild'), 'esbuild');
