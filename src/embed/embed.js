// The one file a host page includes:
//   <script type="module" src="https://cdn.example/partner-scorecard/embed.js"></script>
// It loads the widget's wasm relative to its own URL, so dist/ can live on any path.
//
// The wasm's download starts here, beside the glue's, not after the glue and the
// snippets it imports have arrived: two round trips fewer before the first paint.
const wasm = fetch(new URL('./partner-scorecard-web_bg.wasm', import.meta.url));
wasm.catch(() => {}); // init below reports a failed download; no unhandled rejection meanwhile
const { default: init } = await import('./partner-scorecard-web.js');

await init({ module_or_path: wasm });
