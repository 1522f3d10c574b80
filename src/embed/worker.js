// The widget's Web Worker (a module worker, started by engine.js): parse, validate
// and score off the page's main thread. It runs the page's own wasm module: the
// page posts its compiled WebAssembly.Module first, and this worker instantiates
// it with the page's glue, so it compiles no main module of its own. The glue's
// start runs main() here too, which defines no element where there is no window
// (embed::register). The engine itself is a chunk of that module
// (split_engine.wasm), fetched when the page says a feed is on its way here
// ({ preload }), while that feed still downloads. In: the feed as a list of byte
// chunks (transferred), or, for a feed sent as it downloads, { open }, each
// { chunk } as it arrives (its records are read meanwhile), then { end: format }
// (or { abort }). Out: the `wire` answer (transferred).
import init, {
  drop_feed, finish_feed, open_feed, preload_engine, process_feed, push_feed,
} from './partner-scorecard-web.js';

/** Feeds above this many bytes end the worker once it is idle (see below). */
const BIG = 64 * 1024 * 1024;

let ready;
/** Feeds still downloading, by job: their chunks so far, and the work queued on them. */
const feeds = new Map();

// Set before any await, so no message can arrive without a listener.
self.onmessage = ({ data }) => {
  if (data.module) {
    ready = init({ module_or_path: data.module });
    ready.then(() => postMessage({ ready: true }), (e) => postMessage({ failed: String(e) }));
    return;
  }
  if (data.preload) {
    ready?.then(preload_engine, () => {});
    return;
  }
  const { id } = data;
  if (data.open) {
    // Each chunk is read once the one before it was; a failure shows at the end.
    feeds.set(id, { chunks: [], queue: started().then(() => open_feed(id)) });
    return;
  }
  const feed = feeds.get(id);
  if (data.chunk) {
    if (!feed) return;
    feed.chunks.push(data.chunk);
    feed.queue = feed.queue.then(() => push_feed(id, data.chunk));
    return;
  }
  if (data.abort) {
    feeds.delete(id);
    feed?.queue.then(() => drop_feed(id), () => {});
    return;
  }
  if ('end' in data) {
    feeds.delete(id);
    if (!feed) { answer(id, [], Promise.reject(new Error('no such feed'))); return; }
    // JSON the stream read is answered at once; anything else is read whole.
    const read = feed.queue.then(() => (data.end === 0 ? finish_feed(id) : (drop_feed(id), undefined)));
    answer(id, feed.chunks, read.then((out) => out ?? process_feed(feed.chunks, data.end)), read.then((out) => !!out, () => false));
    return;
  }
  const { chunks, format } = data;
  answer(id, chunks, started().then(() => process_feed(chunks, format)));
};

function started() {
  return ready ?? Promise.reject(new Error('no module was handed to the worker'));
}

/** Posts the answer `work` gives; `streamed`: whether it was read as it downloaded. */
async function answer(id, chunks, work, streamed = Promise.resolve(false)) {
  try {
    const out = await work;
    const bytes = chunks.reduce((n, c) => n + c.byteLength, 0);
    // A wasm memory never shrinks: after a large feed the page ends this worker
    // once it is idle, which gives the memory back (the next load starts afresh).
    postMessage({ id, answer: out.buffer, big: bytes > BIG, streamed: await streamed }, [out.buffer]);
  } catch (e) {
    postMessage({ id, error: String(e) });
    // A trap can leave the module's memory half-written: let the page start a new worker.
    close();
  }
}
