// The feed download that embed.js starts beside the wasm's, for an element that was
// on the page before the widget loaded. The key is a global symbol because embed.js
// and this snippet are two modules that share nothing else.
const EARLY = Symbol.for('partner-scorecard/early-feed');

// The early response for `host`, if it asked for exactly this request; else null,
// and the early download is aborted. Either way it is taken only once. Aborting
// `signal` (the loader's timeout or stop) aborts the early download too.
export function take_early_feed(host, url, credentials, signal) {
  const early = host[EARLY];
  if (!early) return null;
  delete host[EARLY];
  if (early.url !== url || early.credentials !== credentials || !signal || signal.aborted) {
    early.controller.abort();
    return null;
  }
  signal.addEventListener('abort', () => early.controller.abort(), { once: true });
  return early.response;
}
