// The page's side of the engine: reads a feed's bytes (with the max-bytes limit),
// and runs parse/validate/score in the widget's Web Worker (worker.js). The worker
// instantiates the page's own compiled wasm module, handed over in a message, so
// it compiles no wasm. A feed for the worker is sent to it as it downloads, and
// its records are read there meanwhile. Where the page's CSP refuses that worker,
// run_engine answers null and the page's own instance runs the engine
// (src/embed/engine.rs).

// dist/ is where this snippet's `snippets/` folder lives (any path, any origin).
const OWN_BASE = new URL(import.meta.url.replace(/\/snippets\/[^?#]*$/, '/'));

// A bundler moves this module, so the npm entry (npm/index.js) says how to find
// the engine: `worker`, a function that starts it in the form bundlers follow,
// or `base`, the folder a host serves the widget's files from (a CDN).
const BUNDLED = Symbol.for('partner-scorecard.engine');
const bundled = () => globalThis[BUNDLED] ?? {};
const base = () => (bundled().base ? new URL(bundled().base) : OWN_BASE);

let engine; // Promise of the worker's { whole, open } (see startWorker), or null; shared by every widget
let starting; // the Worker behind `engine`, as soon as it exists (before it is up)

/**
 * Parse, validate and score `chunks` (Uint8Arrays, transferred) in the worker:
 * the `wire` answer, or null where no worker could start (the chunks are then
 * untouched). `module` is the page's compiled WebAssembly.Module.
 */
export function run_engine(chunks, format, module) {
  const sent = chunks[SENT];
  const current = sent ? sent.engine : warm_engine(module);
  const answer = sent
    ? sent.job.then((job) => (job ? job.end(format) : null))
    : current.then((worker) => (worker ? worker.whole(chunks, format) : null));
  return answer.catch((e) => {
    if (engine === current) engine = undefined; // the next load starts afresh
    throw e;
  });
}

/**
 * Starts the worker if none is up, so that it instantiates the module while the
 * feed downloads rather than after it: the shared promise run_engine waits on.
 */
export function warm_engine(module) {
  if (!engine) {
    const started = startWorker(module, () => { if (engine === started) engine = undefined; }).catch(() => null);
    engine = started;
  }
  return engine;
}

/** `retired` is called when the worker is ended after a large feed. */
function startWorker(module, retired) {
  return new Promise((resolve, reject) => {
    if (!(module instanceof WebAssembly.Module)) {
      reject(new Error('no compiled module to hand to a worker'));
      return;
    }
    const url = new URL('worker.js', base());
    let worker; let trampoline;
    try {
      if (bundled().worker) {
        worker = bundled().worker();
      } else if (url.origin === location.origin) {
        worker = new Worker(url, { type: 'module', name: 'partner-scorecard' });
      } else {
        // A worker's script must come from the page's origin. A blob: module made
        // here is of the page's origin and imports the real one (a CORS module load).
        trampoline = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
        worker = new Worker(trampoline, { type: 'module', name: 'partner-scorecard' });
      }
    } catch (e) {
      if (trampoline) URL.revokeObjectURL(trampoline);
      reject(e);
      return;
    }
    starting = worker;
    const jobs = new Map();
    let next = 0; let up = false;
    let retiring = false;
    const fail = (why) => {
      for (const job of jobs.values()) job.reject(new Error(why));
      jobs.clear();
      if (!up) reject(new Error(why));
      worker.terminate();
      if (starting === worker) starting = undefined;
    };
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        up = true;
        if (trampoline) URL.revokeObjectURL(trampoline);
        const job = (id) => new Promise((res, rej) => jobs.set(id, { resolve: res, reject: rej }));
        resolve({
          /** A whole feed: the answer. */
          whole: (chunks, format) => {
            const id = ++next;
            const answer = job(id);
            worker.postMessage({ id, chunks, format }, transfers(chunks));
            return answer;
          },
          /** A feed sent chunk by chunk as it downloads: push each, then end(format) or abort(). */
          open: () => {
            const id = ++next;
            // Registered now, so a worker that fails meanwhile rejects it too.
            const answer = job(id);
            answer.catch(() => {}); // seen by end(), if it is called
            worker.postMessage({ id, open: true });
            return {
              push: (chunk) => worker.postMessage({ id, chunk }, [chunk.buffer]),
              end: (format) => { worker.postMessage({ id, end: format }); return answer; },
              abort: () => { jobs.delete(id); worker.postMessage({ id, abort: true }); },
            };
          },
        });
        return;
      }
      if (data.failed) { fail(data.failed); return; }
      const job = jobs.get(data.id);
      jobs.delete(data.id);
      if (!job) return;
      if (data.error) { job.reject(new Error(data.error)); fail(data.error); return; }
      job.resolve(data.answer);
      if (data.big) retiring = true;
      if (retiring && jobs.size === 0) {
        retired();
        worker.terminate();
        if (starting === worker) starting = undefined;
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fail(e.message || 'the worker could not start');
    };
    // A Module is structured-cloneable to a worker of this page (the same agent
    // cluster), in Chromium, Firefox and WebKit: the worker compiles nothing and
    // fetches no .wasm. Queued until the worker's script runs.
    worker.postMessage({ module });
  });
}

function transfers(chunks) {
  return [...new Set(chunks.map((c) => c.buffer))];
}

/** Where read_body notes a feed it sent to the worker as it downloaded. */
const SENT = Symbol('sent to the worker');

/**
 * The body of a 2xx answer as a list of chunks, refused as soon as it is known to
 * exceed `max` bytes: at once from Content-Length, else while it streams in.
 * Rejects with { tooLarge: bytes, declared, partial } for that (`partial`: refused
 * mid-stream, so `tooLarge` is what had arrived). Once more than `in_page` bytes
 * have come, the feed is the worker's: it fetches the engine's chunk meanwhile,
 * and, once it is up, gets the chunks as they come, so its reading overlaps the
 * download. The list then holds them spent (transferred), and its SENT entry
 * says what they were; where no worker starts, they are still whole.
 */
export async function read_body(response, max, in_page) {
  const length = response.headers.get('content-length');
  const declared = length === null ? NaN : Number(length);
  if (declared > max) {
    response.body?.cancel().catch(() => {});
    throw { tooLarge: declared, declared: true, partial: false };
  }
  // Read as a stream even when the length is known: arrayBuffer() drains a large
  // body on the page's main thread in tasks of 100-200 ms (30 MB in Chromium).
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    // Content-Length counts compressed bytes; the limit is on what the engine reads.
    if (whole.byteLength > max) throw { tooLarge: whole.byteLength, declared: false, partial: false };
    return [whole];
  }
  const reader = response.body.getReader();
  const chunks = []; let total = 0;
  let sent; // the worker's job for this feed, once the feed is the worker's
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return chunks;
      if (total <= in_page && total + value.byteLength > in_page) {
        starting?.postMessage({ preload: true });
        if (engine) sent = send(chunks, engine);
      }
      total += value.byteLength;
      if (total > max) {
        reader.cancel().catch(() => {});
        throw { tooLarge: total, declared: false, partial: true };
      }
      chunks.push(value);
      if (sent) {
        sent.bytes = total;
        sent.flush();
      }
    }
  } catch (e) {
    sent?.abort();
    throw e;
  }
}

/**
 * Sends `chunks` (those read so far and each one after) to the worker's job,
 * once the worker is up; nothing where it never comes up (a CSP).
 */
function send(chunks, channel) {
  const sent = {
    engine: channel,
    first: first_byte(chunks),
    bytes: 0,
    aborted: false,
    job: channel.then((worker) => (sent.aborted ? null : worker && worker.open())),
    done: 0,
    flush() {
      sent.job.then((job) => {
        for (; job && sent.done < chunks.length; sent.done++) {
          const chunk = chunks[sent.done];
          // Format detection reads the first byte that is not whitespace.
          if (sent.first < 0) sent.first = first_byte([chunk]);
          job.push(own(chunk));
        }
      });
    },
    abort() {
      sent.aborted = true;
      sent.job.then((job) => job?.abort());
    },
  };
  chunks[SENT] = sent;
  return sent;
}

/** A chunk that alone holds its buffer, which can then be transferred. */
function own(chunk) {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
}

/**
 * The `data` property as UTF-8 chunks: text as it is, an object as JSON. Encoded
 * a slice per task, so tens of MB of text never make one long task.
 * Rejects { stringify: true } when an object has no JSON form.
 */
export async function data_chunks(data) {
  let text;
  try { text = typeof data === 'string' ? data : JSON.stringify(data); } catch { text = undefined; }
  if (typeof text !== 'string') throw { stringify: true };
  const SLICE = 1 << 20; // chars: a few ms of encoding on a slow machine
  const encoder = new TextEncoder();
  const chunks = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + SLICE, text.length);
    // Never split a surrogate pair between two slices.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(encoder.encode(text.slice(at, end)));
    at = end;
    if (at < text.length) await yield_now();
  }
  return chunks.length ? chunks : [new Uint8Array(0)];
}

/** The first byte that is not ASCII whitespace, or -1: what format detection reads. */
export function first_byte(chunks) {
  if (chunks[SENT]?.first >= 0) return chunks[SENT].first; // the rest may be spent
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      const b = c[i];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return b;
    }
  }
  return -1;
}

/** Total bytes of the chunks. */
export function byte_length(chunks) {
  if (chunks[SENT]) return chunks[SENT].bytes;
  return chunks.reduce((n, c) => n + c.byteLength, 0);
}

/** Lets the page paint and handle input between two slices of decoding. */
export function yield_now() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}
