//! The engine seen from the page: the bytes of a feed over [`IN_PAGE_MAX`] go to
//! the Web Worker (`engine.js`, `worker.js`, which runs this same wasm module,
//! handed over compiled), smaller ones to this instance; the `wire` answer is
//! decoded here a few frames per task, so that no task of the page runs long.
//! What a small JSON feed does not need (the CSV reader, the `wire` codec) is
//! in a chunk of its own (`feed`).

use super::feed::{self, Frame, Kind};
use crate::contract::{Dataset, Format, JsonStream};
use crate::score::ScoreBook;
use crate::wire::{self, Corrupt, Head, Refusal};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/embed/engine.js")]
extern "C" {
    /// Resolves to the `wire` answer from the worker, or to `null` where no
    /// worker can start (a CSP): then this module runs the engine itself.
    /// `module` is this wasm's compiled module, which the worker instantiates.
    #[wasm_bindgen(catch)]
    fn run_engine(
        chunks: &js_sys::Array,
        format: u8,
        module: &JsValue,
    ) -> Result<js_sys::Promise, JsValue>;
    fn warm_engine(module: &JsValue) -> js_sys::Promise;
    pub(super) fn read_body(
        response: &web_sys::Response,
        max: f64,
        in_page: f64,
    ) -> js_sys::Promise;
    pub(super) fn data_chunks(data: &JsValue) -> js_sys::Promise;
    pub(super) fn first_byte(chunks: &js_sys::Array) -> i32;
    pub(super) fn byte_length(chunks: &js_sys::Array) -> f64;
    fn yield_now() -> js_sys::Promise;
}

/// An engine run inside the page's own wasm instead of the worker.
pub type InProcess = fn(&[u8], Format) -> Vec<u8>;

thread_local! {
    static IN_PROCESS: Cell<Option<InProcess>> = const { Cell::new(None) };
}

/// Runs the engine in the page itself, for the wasm-bindgen tests, which load
/// one module and have no worker files to start:
/// `embed::engine::run_in_process(partner_scorecard::wire::process)`.
pub fn run_in_process(engine: InProcess) {
    IN_PROCESS.with(|c| c.set(Some(engine)));
}

/// The worker's entry (`worker.js` calls it in its own instance of this module):
/// the feed's chunks in (`Uint8Array`s; `format`: 0 JSON, 1 CSV), the framed
/// `wire` answer out. It rejects when the engine's chunk cannot be fetched.
#[wasm_bindgen]
pub async fn process_feed(chunks: js_sys::Array, format: u8) -> Result<Vec<u8>, JsValue> {
    let input = bytes_of(&chunks);
    feed::process(input, format_of(format))
        .await
        .map_err(|_| JsValue::from_str(UNLOADED))
}

fn format_of(code: u8) -> Format {
    if code == 1 {
        Format::Csv
    } else {
        Format::Json
    }
}

thread_local! {
    /// The worker's feeds that are still downloading, by job.
    static STREAMS: RefCell<Vec<(u32, JsonStream)>> = const { RefCell::new(Vec::new()) };
}

fn take_stream(id: u32) -> Option<JsonStream> {
    STREAMS.with(|s| {
        let mut s = s.borrow_mut();
        let i = s.iter().position(|(job, _)| *job == id)?;
        Some(s.swap_remove(i).1)
    })
}

/// A feed the page sends the worker as it downloads (`engine.js`), so that
/// its records are read meanwhile: `open_feed`, `push_feed` for each chunk in
/// order (each awaited), then `finish_feed`; or `drop_feed`.
#[wasm_bindgen]
pub fn open_feed(id: u32) {
    STREAMS.with(|s| s.borrow_mut().push((id, JsonStream::new())));
}

#[wasm_bindgen]
pub async fn push_feed(id: u32, chunk: js_sys::Uint8Array) -> Result<(), JsValue> {
    let Some(mut stream) = take_stream(id) else {
        return Ok(());
    };
    chunk.copy_to(stream.room(chunk.length() as usize));
    let stream = feed::advance(stream)
        .await
        .map_err(|_| JsValue::from_str(UNLOADED))?;
    STREAMS.with(|s| s.borrow_mut().push((id, stream)));
    Ok(())
}

/// The answer for a JSON feed sent as it downloaded, or `undefined` where the
/// stream could not read it (an unusual shape): `process_feed` then reads it whole.
#[wasm_bindgen]
pub async fn finish_feed(id: u32) -> Result<Option<Vec<u8>>, JsValue> {
    let Some(stream) = take_stream(id) else {
        return Ok(None);
    };
    feed::finish(stream)
        .await
        .map_err(|_| JsValue::from_str(UNLOADED))
}

#[wasm_bindgen]
pub fn drop_feed(id: u32) {
    take_stream(id);
}

/// The worker fetches the engine's chunk while a feed for it downloads
/// (`worker.js`, told by `engine.js read_body`).
#[wasm_bindgen]
pub fn preload_engine() {
    in_background(feed::preload_process);
}

/// Fetches the engine's chunk without waiting for it; a failure shows when the
/// chunk is called. Not `ui::lazy::preload`: that needs Leptos' executor, which
/// only a mounted widget starts, and the worker mounts none.
fn in_background<F>(load: fn() -> F)
where
    F: std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
{
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load().await;
    });
}

/// What the error says when the engine's chunk cannot be fetched.
pub(super) const UNLOADED: &str =
    "the widget's engine file (split_engine.wasm) could not be downloaded";

/// The chunks' bytes, copied once into this wasm's memory: no joined copy in
/// JS first, and one allocation of the right size (132 MB at 5,000 partners).
fn bytes_of(chunks: &js_sys::Array) -> Vec<u8> {
    let chunks: Vec<js_sys::Uint8Array> = chunks.iter().map(js_sys::Uint8Array::from).collect();
    let total = chunks.iter().map(|c| c.length() as usize).sum();
    let mut bytes = vec![0; total];
    let mut at = 0;
    for c in &chunks {
        let end = at + c.length() as usize;
        c.copy_to(&mut bytes[at..end]);
        at = end;
    }
    bytes
}

/// Scores in this instance: JSON in the main module, CSV with the chunk's reader.
async fn here(chunks: &js_sys::Array, format: Format) -> Result<(Dataset, ScoreBook), Failed> {
    let bytes = bytes_of(chunks);
    match format {
        Format::Json => wire::score_with(&bytes, crate::contract::parse_json),
        Format::Csv => feed::score_csv(bytes).await.map_err(|_| Failed::Unloaded)?,
    }
    .map_err(Failed::Refused)
}

/// A test's engine in this instance, on the chunks' bytes copied in.
fn in_page(chunks: &js_sys::Array, format: Format, engine: InProcess) -> js_sys::ArrayBuffer {
    js_sys::Uint8Array::from(engine(&bytes_of(chunks), format).as_slice()).buffer()
}

/// Feeds up to this many bytes are scored in the page's own instance: parsing
/// them takes a few milliseconds, where starting the worker put ~250 ms on the
/// way to the first paint (BENCHMARKS.md). Larger feeds go to the worker.
pub const IN_PAGE_MAX: f64 = 512.0 * 1024.0;

/// A Content-Length above this may be a feed for the worker (JSON and CSV feeds
/// compress 10-15×, so 64 KB on the wire can be 1 MB to read).
const WARM_ABOVE: u64 = 64 * 1024;

/// Starts the worker while a body downloads when its length says it may need
/// it (or says nothing), so the worker's start overlaps the download.
pub(super) fn warm_for(content_length: Option<&str>) {
    let small = content_length
        .and_then(|l| l.trim().parse::<u64>().ok())
        .is_some_and(|n| n <= WARM_ABOVE);
    if !small && IN_PROCESS.with(Cell::get).is_none() {
        let _ = warm_engine(&wasm_bindgen::module());
    }
}

/// Why the engine gave no book.
pub(super) enum Failed {
    Refused(Refusal),
    /// The worker stopped or its answer was unreadable: never the data's fault.
    Broken(String),
    /// The engine's chunk could not be fetched (the network, never the data).
    Unloaded,
    /// A newer load started while this one waited.
    Superseded,
}

/// The first bytes format detection needs, without copying the feed into this wasm.
pub(super) fn detect(
    content_type: Option<&str>,
    url: Option<&str>,
    chunks: &js_sys::Array,
) -> Format {
    let first = first_byte(chunks);
    let prefix: &[u8] = &[u8::try_from(first).unwrap_or(b' ')];
    Format::detect(content_type, url, if first < 0 { &[] } else { prefix })
}

/// Parses, validates and scores `chunks` (given away when they go to the
/// worker: their buffers move there), then decodes the answer in slices;
/// `alive` says whether it is still wanted.
pub(super) async fn score(
    chunks: js_sys::Array,
    format: Format,
    alive: &dyn Fn() -> bool,
) -> Result<(Dataset, ScoreBook), Failed> {
    let code = match format {
        Format::Json => 0,
        Format::Csv => 1,
    };
    let answer = match IN_PROCESS.with(Cell::get) {
        Some(engine) => in_page(&chunks, format, engine),
        None if byte_length(&chunks) <= IN_PAGE_MAX => {
            // A task of its own for the engine's few milliseconds, apart from the
            // body's last chunk before it and the first decoding slice after it:
            // on a phone's CPU (Lighthouse's 4× slowdown) together they passed 50 ms.
            let _ = JsFuture::from(yield_now()).await;
            let scored = here(&chunks, format).await;
            let _ = JsFuture::from(yield_now()).await;
            return if alive() {
                scored
            } else {
                Err(Failed::Superseded)
            };
        }
        None => {
            // The answer's reader comes while the worker scores.
            in_background(feed::preload_frame);
            let promise = run_engine(&chunks, code, &wasm_bindgen::module())
                .map_err(|e| Failed::Broken(describe(&e)))?;
            let answer = JsFuture::from(promise)
                .await
                .map_err(|e| Failed::Broken(describe(&e)))?;
            if answer.is_null() {
                // No worker on this page (its CSP refused it): the engine runs
                // here, in this module. The chunks were not posted, so they are
                // still whole.
                return here(&chunks, format).await;
            }
            answer
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_err(|_| Failed::Broken("the worker answered no buffer".into()))?
        }
    };
    if !alive() {
        return Err(Failed::Superseded);
    }
    decode(&answer, alive).await
}

/// Copies one byte range of the answer into this wasm's memory.
fn copy(answer: &js_sys::ArrayBuffer, start: usize, end: usize) -> Vec<u8> {
    js_sys::Uint8Array::new_with_byte_offset_and_length(answer, start as u32, (end - start) as u32)
        .to_vec()
}

/// Decodes frame by frame, yielding to the page every few milliseconds.
async fn decode(
    answer: &js_sys::ArrayBuffer,
    alive: &dyn Fn() -> bool,
) -> Result<(Dataset, ScoreBook), Failed> {
    let broken = |e: Corrupt| Failed::Broken(e.to_string());
    let total = answer.byte_length() as usize;
    let first = copy(answer, 0, total.min(4));
    let table_len = wire::table_len(&first).map_err(broken)?;
    if table_len > total {
        return Err(broken(Corrupt("the frame table runs past the end".into())));
    }
    let ranges = wire::frames(&copy(answer, 0, table_len), total).map_err(broken)?;
    let Some(head) = ranges.first() else {
        return Err(broken(Corrupt("no frames".into())));
    };
    let (mut ds, periods, count, promised) =
        match read(Kind::Head, copy(answer, head.start, head.end)).await? {
            Frame::Head(Head::Refused(r)) => return Err(Failed::Refused(r)),
            Frame::Head(Head::Scored {
                ds,
                periods,
                commitments,
                scorecards,
            }) => (ds, periods, scorecards as usize, commitments as usize),
            _ => return Err(mixed()),
        };
    let (promised, batches) = wire::split_frames(&ranges[1..], promised).map_err(broken)?;
    let mut slice = Slice::start();
    for r in promised {
        slice.next(alive).await?;
        match read(Kind::Commitments, copy(answer, r.start, r.end)).await? {
            Frame::Commitments(c) => ds.commitments.extend(c),
            _ => return Err(mixed()),
        }
    }
    let mut builder = wire::BookBuilder::new(&ds, periods, count);
    for r in batches {
        slice.next(alive).await?;
        match read(Kind::Batch, copy(answer, r.start, r.end)).await? {
            Frame::Batch(b) => builder.add(b),
            _ => return Err(mixed()),
        }
    }
    let book = builder.finish();
    // The first view renders in a task of its own, not after the last batch.
    yield_to_page(alive).await?;
    Ok((*ds, book))
}

/// One frame read by the engine's chunk.
async fn read(kind: Kind, bytes: Vec<u8>) -> Result<Frame, Failed> {
    feed::frame(kind, bytes)
        .await
        .map_err(|_| Failed::Unloaded)?
        .map_err(|e| Failed::Broken(e.to_string()))
}

/// A frame of another kind than asked for: `feed::frame` never answers one.
fn mixed() -> Failed {
    Failed::Broken(Corrupt("a frame of the wrong kind".into()).to_string())
}

/// Decoding time since the page last had the thread.
struct Slice(f64);

impl Slice {
    fn start() -> Slice {
        Slice(js_sys::Date::now())
    }

    /// Yields to the page once this slice has run 8 ms: well under the 50 ms
    /// that makes a long task, on a slow machine too.
    async fn next(&mut self, alive: &dyn Fn() -> bool) -> Result<(), Failed> {
        if js_sys::Date::now() - self.0 > 8.0 {
            yield_to_page(alive).await?;
            self.0 = js_sys::Date::now();
        }
        Ok(())
    }
}

async fn yield_to_page(alive: &dyn Fn() -> bool) -> Result<(), Failed> {
    let _ = JsFuture::from(yield_now()).await;
    if alive() {
        Ok(())
    } else {
        Err(Failed::Superseded)
    }
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the worker stopped".into())
}
