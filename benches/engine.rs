//! parse + validate + score of sample data, against `serde_json::Value` parsing
//! of the same bytes as the floor. Also reports peak heap per input byte.
//!
//! `cargo bench --bench engine` (add `-- --quick` for a short run).
//! Figures go into BENCHMARKS.md by hand after a run.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use partner_scorecard::contract;
use partner_scorecard::sample::{generate, SampleOptions};
use partner_scorecard::score::ScoreBook;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Counts live heap bytes and their peak, to check memory ≤ 4× the input.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak extra heap (beyond what was live before) while running `f`.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - before)
}

fn engine(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse+validate+score");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for partners in [10usize, 1_000, 10_000] {
        let bytes = generate(&SampleOptions {
            partners,
            quarters: 8,
            seed: 7,
        })
        .into_bytes();
        let (book, engine_peak) = peak_of(|| {
            let ds = contract::parse_json(&bytes).expect("sample parses");
            let book = ScoreBook::new(&ds);
            (ds, book)
        });
        let (_, floor_peak) =
            peak_of(|| serde_json::from_slice::<serde_json::Value>(&bytes).expect("JSON"));
        println!(
            "{partners} partners × 8 quarters: input {:.1} MB, {} records; peak heap engine {:.1} MB ({:.2}× input), serde_json::Value {:.1} MB ({:.2}×)",
            bytes.len() as f64 / 1e6,
            book.0.counts.input,
            engine_peak as f64 / 1e6,
            engine_peak as f64 / bytes.len() as f64,
            floor_peak as f64 / 1e6,
            floor_peak as f64 / bytes.len() as f64,
        );
        drop(book);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("engine", partners), &bytes, |b, bytes| {
            b.iter(|| {
                let ds = contract::parse_json(black_box(bytes)).expect("sample parses");
                black_box(ScoreBook::new(&ds).scorecards.len())
            })
        });
        group.bench_with_input(
            BenchmarkId::new("floor_serde_json_value", partners),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    black_box(
                        serde_json::from_slice::<serde_json::Value>(black_box(bytes))
                            .expect("JSON"),
                    )
                })
            },
        );
    }
    group.finish();
}

/// The worker's answer to the page (`wire`): encoding it after scoring, and
/// decoding it, which the page does in slices (its total is what the page pays).
fn wire(c: &mut Criterion) {
    use partner_scorecard::contract::Format;
    use partner_scorecard::wire;
    let mut group = c.benchmark_group("wire");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    let partners = 1_000;
    let bytes = generate(&SampleOptions {
        partners,
        quarters: 8,
        seed: 7,
    })
    .into_bytes();
    let ds = contract::parse_json(&bytes).expect("sample parses");
    let book = ScoreBook::new(&ds);
    let answer = wire::process(&bytes, Format::Json);
    println!(
        "wire, {partners} partners × 8 quarters: {} scorecards, answer {:.1} MB ({:.0} bytes a scorecard)",
        book.scorecards.len(),
        answer.len() as f64 / 1e6,
        answer.len() as f64 / book.scorecards.len() as f64,
    );
    group.throughput(Throughput::Elements(book.scorecards.len() as u64));
    group.bench_function(BenchmarkId::new("process", partners), |b| {
        b.iter(|| black_box(wire::process(black_box(&bytes), Format::Json).len()))
    });
    group.bench_function(BenchmarkId::new("decode", partners), |b| {
        b.iter(|| {
            let decoded = wire::decode(black_box(&answer)).expect("readable");
            black_box(decoded.map(|(_, book)| book.scorecards.len()).unwrap_or(0))
        })
    });
    group.finish();
}

criterion_group!(benches, engine, wire);
criterion_main!(benches);
