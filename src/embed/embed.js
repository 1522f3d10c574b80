// The one file a host page includes:
//   <script type="module" src="https://cdn.example/partner-scorecard/embed.js"></script>
// It loads the widget's wasm relative to its own URL, so dist/ can live on any path.
//
// The wasm's download starts here, beside the glue's, not after the glue and the
// snippets it imports have arrived: two round trips fewer before the first paint.
const wasm = fetch(new URL('./partner-scorecard-web_bg.wasm', import.meta.url));
wasm.catch(() => {}); // init below reports a failed download; no unhandled rejection meanwhile

// So does each feed's, for every element already on the page that will fetch its
// `src` (no `data` or `token` property set before this script ran). The element's
// loader takes the response over if its own first request is the same one (same
// URL and credentials, still no token) and aborts it otherwise (src/embed/early.js).
if (!customElements.get('partner-scorecard')) {
  const EARLY = Symbol.for('partner-scorecard/early-feed');
  for (const el of document.querySelectorAll('partner-scorecard[src]')) {
    if (Object.hasOwn(el, 'data') || Object.hasOwn(el, 'token') || el[EARLY]) continue;
    try {
      const url = new URL(el.getAttribute('src'), document.baseURI).href;
      const credentials = { omit: 'omit', include: 'include' }[el.getAttribute('credentials')] ?? 'same-origin';
      const controller = new AbortController();
      const response = fetch(url, { credentials, signal: controller.signal });
      response.catch(() => {});
      el[EARLY] = { url, credentials, controller, response };
    } catch {
      // An src that is no URL: the loader reports it.
    }
  }
}
const { default: init } = await import('./partner-scorecard-web.js');

await init({ module_or_path: wasm });
