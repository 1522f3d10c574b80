// The widget's Web Worker (a module worker, started by engine.js): parse, validate
// and score in the engine's own wasm, off the page's main thread. In: the feed as
// a list of byte chunks (transferred). Out: the `wire` answer (transferred).
import init, { process } from './partner-scorecard-worker.js';

/** Feeds above this many bytes end the worker once it is idle (see below). */
const BIG = 64 * 1024 * 1024;

const ready = init({ module_or_path: new URL('./partner-scorecard-worker_bg.wasm', import.meta.url) });
ready.then(() => postMessage({ ready: true }), (e) => postMessage({ failed: String(e) }));

// Set before any await, so no message can arrive without a listener.
self.onmessage = async ({ data: { id, chunks, format } }) => {
  try {
    await ready;
    const input = join(chunks);
    const out = process(input, format);
    // A wasm memory never shrinks: after a large feed the page ends this worker
    // once it is idle, which gives the memory back (the next load starts afresh).
    postMessage({ id, answer: out.buffer, big: input.byteLength > BIG }, [out.buffer]);
  } catch (e) {
    postMessage({ id, error: String(e) });
    // A trap can leave the module's memory half-written: let the page start a new worker.
    close();
  }
};

function join(chunks) {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.byteLength; }
  return all;
}
