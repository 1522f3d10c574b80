// The widget's Web Worker (a module worker, started by engine.js): parse, validate
// and score off the page's main thread. It runs the page's own wasm module: the
// page posts its compiled WebAssembly.Module first, and this worker instantiates
// it with the page's glue, so it compiles no main module of its own. The glue's
// start runs main() here too, which defines no element where there is no window
// (embed::register). The engine itself is a chunk of that module
// (split_engine.wasm), fetched when the page says a feed is on its way here
// ({ preload }), while that feed still downloads. In: the feed as a list of byte
// chunks (transferred). Out: the `wire` answer (transferred).
import init, { preload_engine, process_feed } from './partner-scorecard-web.js';

/** Feeds above this many bytes end the worker once it is idle (see below). */
const BIG = 64 * 1024 * 1024;

let ready;

// Set before any await, so no message can arrive without a listener.
self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    ready.then(() => postMessage({ ready: true }), (e) => postMessage({ failed: String(e) }));
    return;
  }
  if (data.preload) {
    ready?.then(preload_engine, () => {});
    return;
  }
  const { id, chunks, format } = data;
  try {
    if (!ready) throw new Error('no module was handed to the worker');
    await ready;
    const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
    const out = await process_feed(chunks, format);
    // A wasm memory never shrinks: after a large feed the page ends this worker
    // once it is idle, which gives the memory back (the next load starts afresh).
    postMessage({ id, answer: out.buffer, big: bytes > BIG }, [out.buffer]);
  } catch (e) {
    postMessage({ id, error: String(e) });
    // A trap can leave the module's memory half-written: let the page start a new worker.
    close();
  }
};
