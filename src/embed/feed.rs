//! The engine's parts a first JSON scorecard never runs, in one chunk
//! (`split_engine.wasm`): the CSV reader, the worker's whole job (scoring and
//! writing the `wire` answer) and the page's reading of that answer. A page
//! whose feed is small JSON scores it in the main module and never fetches
//! this file; a CSV feed, a feed for the worker and the worker itself fetch it
//! A JSON feed for the worker is read there while it downloads (`advance`).
//! (BENCHMARKS.md: the main module is 10.6 KB brotli lighter without the
//! `wire` codec, 7.2 KB without the CSV reader).

use crate::contract::{Commitment, Dataset, Format, JsonStream};
use crate::score::{ScoreBook, Scorecard};
use crate::split::on_demand;
use crate::wire::{self, Corrupt, Head, Refusal};

/// Which kind of frame of the answer to read.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Head,
    Commitments,
    Batch,
}

/// One frame of the answer, read.
pub(super) enum Frame {
    Head(Head),
    Commitments(Vec<Commitment>),
    Batch(Vec<Scorecard>),
}

on_demand! {
    /// A CSV feed, parsed, validated and scored in the page.
    engine, preload,
    fn score_csv(bytes: Vec<u8>) -> Result<(Dataset, ScoreBook), Refusal> {
        wire::score_with(&bytes, crate::contract::parse_csv)
    }
}

on_demand! {
    /// The worker's job: feed bytes in, the framed answer out.
    engine, preload_process,
    fn process(bytes: Vec<u8>, format: Format) -> Vec<u8> {
        wire::process(&bytes, format)
    }
}

on_demand! {
    /// The worker reads what has come of a JSON feed sent while it downloads.
    engine, preload_advance,
    fn advance(stream: JsonStream) -> JsonStream {
        let mut stream = stream;
        stream.advance();
        stream
    }
}

on_demand! {
    /// The worker's answer for a feed read while it downloaded, or `None`
    /// where it had another shape than usual: then `process` reads it whole.
    engine, preload_finish,
    fn finish(stream: JsonStream) -> Option<Vec<u8>> {
        stream.finish().map(|ds| wire::answer(wire::judge(Ok(ds))))
    }
}

on_demand! {
    /// One frame of the worker's answer, read in the page.
    engine, preload_frame,
    fn frame(kind: Kind, bytes: Vec<u8>) -> Result<Frame, Corrupt> {
        match kind {
            Kind::Head => wire::head(&bytes).map(Frame::Head),
            Kind::Commitments => wire::commitments(&bytes).map(Frame::Commitments),
            Kind::Batch => wire::batch(&bytes).map(Frame::Batch),
        }
    }
}
