// The package's entry: `import 'partner-scorecard'` defines <partner-scorecard>.
//
// The .wasm comes in as a `?url` import: Vite emits it as an asset by itself; webpack 5
// needs `{ test: /\.wasm$/, type: 'asset/resource' }` and esbuild `--loader:.wasm=file`
// (docs/embedding.md). A host that serves the widget's files from a CDN instead names
// that folder once in the page, before this module runs:
//   <meta name="partner-scorecard-base" content="https://cdn.example.com/partner-scorecard/0.1.0/">
// Top-level await: the element is defined once this import has finished, so React 19
// sets `data` as a property from the first render.
import init from './partner-scorecard-web.js';
import wasmUrl from './partner-scorecard-web_bg.wasm?url';

/** The CDN folder named by the host page, or null for the bundled asset. */
export function basePath() {
  const meta = typeof document === 'undefined'
    ? null : document.querySelector('meta[name="partner-scorecard-base"]');
  const value = meta?.getAttribute('content')?.trim();
  if (!value) return null;
  // Relative to the page, as <img src> is; a missing final slash would drop the last folder.
  return new URL(value.endsWith('/') ? value : `${value}/`, document.baseURI);
}

// A bundler's asset URL may be relative to this module (esbuild). Read through a
// variable so that webpack does not take `new URL(…, import.meta.url)` for an asset.
const here = import.meta.url;
const base = basePath();

// The engine's Web Worker (parse, validate, score): the widget's own code finds
// worker.js beside itself, which a bundle moves. The worker runs the page's own
// compiled module (posted to it), through the glue it imports; it fetches no
// .wasm. Vite bundles a worker written exactly as below (worker.js with the
// glue). webpack 5 cannot run a module worker it bundles (webpack #17870), and
// esbuild leaves the URL as it is: with either, worker.js and the glue's files
// go beside the bundle (docs/embedding.md). webpack gives this package's modules
// a build-time file: URL, so the folder is named here: the one its .wasm assets
// are emitted to. From a CDN folder, the widget starts the worker from there.
globalThis[Symbol.for('partner-scorecard.engine')] = base
  ? { base: base.href }
  : import.meta.webpack
    ? { base: new URL('.', new URL(wasmUrl, here)).href }
    : { worker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'partner-scorecard' }) };
await init({
  module_or_path: base ? new URL('partner-scorecard-web_bg.wasm', base) : new URL(wasmUrl, here),
});
