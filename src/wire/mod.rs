//! The engine's answer in a compact binary: what the Web Worker sends the page.
//!
//! The worker parses, validates and scores; the page needs the `Dataset` (without
//! its records: the views read scorecards) and every `Scorecard`. Cloning those as
//! JS objects would cost the page more than scoring them, so they travel as
//! postcard bytes in one transferred `ArrayBuffer`, which follows the serde
//! derives of the Rust types: a field added to `Scorecard` travels with no change
//! here. The bytes are cut into frames (a head, then batches of scorecards) so the
//! page can decode a few at a time and never block for long.
//!
//! Layout: `n: u32`, then `n` frame lengths (`u32`), then the frames, little-endian.
//! Frame 0 is a [`Head`]; then the dataset's commitments as `Vec<Commitment>` of at
//! most [`COMMITMENTS`] each; then `Vec<Scorecard>` of at most [`BATCH`] each.

mod keep;

use crate::contract::{self, Commitment, Dataset, Fatal, Format, Quarter};
use crate::score::{ScoreBook, Scorecard};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Scorecards per frame: a frame decodes in a few milliseconds on a slow phone.
pub const BATCH: usize = 200;

/// Commitments per frame: 5,000 partners bring about 40,000 of them, which in
/// the head alone made its decoding one task of 40 ms.
pub const COMMITMENTS: usize = 2000;

/// How many commitment frames follow the head for `n` commitments.
pub fn commitment_frames(n: usize) -> usize {
    n.div_ceil(COMMITMENTS)
}

/// The first frame: the dataset (without its records and commitments) and how
/// many commitments and scorecards follow, or why there are none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Head {
    Scored {
        ds: Box<Dataset>,
        periods: Vec<Quarter>,
        commitments: u32,
        scorecards: u32,
    },
    Refused(Refusal),
}

/// Why a feed gives nothing to show. The page words it (`embed/loader.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    /// A fatal rule of the contract; `schema` when the schema is what is wrong.
    Fatal { schema: bool, detail: String },
    /// The feed has no records at all.
    NoRecords { partners: usize },
    /// Every record was rejected: the first few rejections.
    AllRejected { first: Vec<String> },
}

/// The engine's answer could not be read (a bug or a mismatched build, never the data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub String);

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the engine's answer could not be read: {}", self.0)
    }
}

/// Parses, validates and scores a feed: what the page used to do itself.
pub fn score(bytes: &[u8], format: Format) -> Result<(Dataset, ScoreBook), Refusal> {
    score_with(
        bytes,
        match format {
            Format::Json => contract::parse_json,
            Format::Csv => contract::parse_csv,
        },
    )
}

/// [`score`] with one reader: the page's first module names only the JSON one,
/// so the CSV reader can live in a chunk (`embed::feed`).
pub fn score_with(
    bytes: &[u8],
    parse: fn(&[u8]) -> Result<Dataset, Fatal>,
) -> Result<(Dataset, ScoreBook), Refusal> {
    judge(parse(bytes))
}

/// A feed as read, scored; or why it gives nothing to show.
pub fn judge(parsed: Result<Dataset, Fatal>) -> Result<(Dataset, ScoreBook), Refusal> {
    let ds = parsed.map_err(|e| Refusal::Fatal {
        schema: matches!(e, Fatal::Schema { .. }),
        detail: e.to_string(),
    })?;
    if ds.counts.input == 0 {
        return Err(Refusal::NoRecords {
            partners: ds.partners.len(),
        });
    }
    if ds.counts.accepted == 0 {
        return Err(Refusal::AllRejected {
            first: ds.rejected.iter().take(3).map(|r| r.to_string()).collect(),
        });
    }
    let book = ScoreBook::new(&ds);
    Ok((ds, book))
}

/// The worker's whole job: feed bytes in, framed answer out.
pub fn process(bytes: &[u8], format: Format) -> Vec<u8> {
    answer(score(bytes, format))
}

/// The framed answer for a feed scored, or refused.
pub fn answer(scored: Result<(Dataset, ScoreBook), Refusal>) -> Vec<u8> {
    match scored {
        Ok((mut ds, book)) => {
            // The views never read records, and they are most of the dataset.
            ds.records = Vec::new();
            let commitments = std::mem::take(&mut ds.commitments);
            let frames =
                1 + commitment_frames(commitments.len()) + book.scorecards.len().div_ceil(BATCH);
            let mut answer = Answer::new(frames);
            answer.frame(&Head::Scored {
                ds: Box::new(ds),
                periods: book.periods.clone(),
                commitments: commitments.len() as u32,
                scorecards: book.scorecards.len() as u32,
            });
            for c in commitments.chunks(COMMITMENTS) {
                answer.frame(c);
            }
            for b in book.scorecards.chunks(BATCH) {
                answer.frame(b);
            }
            answer.out
        }
        Err(refusal) => {
            let mut answer = Answer::new(1);
            answer.frame(&Head::Refused(refusal));
            answer.out
        }
    }
}

/// The answer as it is written: the frame table first (its lengths filled in
/// as each frame is encoded after it), so the frames are written once, in
/// place, and never copied into a second buffer (45 MB at 5,000 partners).
struct Answer {
    out: Vec<u8>,
    next: usize,
}

impl Answer {
    fn new(frames: usize) -> Answer {
        let mut out = vec![0; 4 + 4 * frames];
        out[..4].copy_from_slice(&(frames as u32).to_le_bytes());
        Answer { out, next: 0 }
    }

    /// Appends one frame. Writing to a Vec cannot fail, and every type here
    /// serializes; an empty frame would show up as `Corrupt` on the page,
    /// never as wrong figures.
    fn frame<T: Serialize + ?Sized>(&mut self, value: &T) {
        let start = self.out.len();
        let mut ser = postcard::Serializer {
            output: Append(&mut self.out),
        };
        if value.serialize(keep::Keep(&mut ser)).is_err() {
            self.out.truncate(start);
        }
        let len = (self.out.len() - start) as u32;
        let at = 4 + 4 * self.next;
        self.out[at..at + 4].copy_from_slice(&len.to_le_bytes());
        self.next += 1;
    }
}

/// postcard's output: the end of the answer's buffer.
struct Append<'a>(&'a mut Vec<u8>);

impl postcard::ser_flavors::Flavor for Append<'_> {
    type Output = ();

    fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
        self.0.extend_from_slice(data);
        Ok(())
    }

    fn try_push(&mut self, data: u8) -> postcard::Result<()> {
        self.0.push(data);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<()> {
        Ok(())
    }
}

/// How many bytes the frame table takes, from the answer's first four bytes.
pub fn table_len(first: &[u8]) -> Result<usize, Corrupt> {
    let n = first
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| Corrupt("no frame count".into()))?;
    Ok(4 + 4 * n)
}

/// Where each frame lies in the answer, from its frame table.
pub fn frames(table: &[u8], total: usize) -> Result<Vec<Range<usize>>, Corrupt> {
    let len = table_len(table)?;
    let lens = table
        .get(4..len)
        .ok_or_else(|| Corrupt("the frame table is cut short".into()))?;
    let mut start = len;
    let mut out = Vec::with_capacity(lens.len() / 4);
    for b in lens.chunks_exact(4) {
        let end = start + u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        if end > total {
            return Err(Corrupt("a frame runs past the end".into()));
        }
        out.push(start..end);
        start = end;
    }
    Ok(out)
}

fn read<'a, T: Deserialize<'a>>(frame: &'a [u8]) -> Result<T, Corrupt> {
    postcard::from_bytes(frame).map_err(|e| Corrupt(e.to_string()))
}

pub fn head(frame: &[u8]) -> Result<Head, Corrupt> {
    read(frame)
}

pub fn batch(frame: &[u8]) -> Result<Vec<Scorecard>, Corrupt> {
    read(frame)
}

pub fn commitments(frame: &[u8]) -> Result<Vec<Commitment>, Corrupt> {
    read(frame)
}

/// Byte ranges of frames in the answer.
pub type Frames<'a> = &'a [Range<usize>];

/// The frames after the head: the commitments' and the scorecards'.
pub fn split_frames(
    after_head: Frames<'_>,
    commitments: usize,
) -> Result<(Frames<'_>, Frames<'_>), Corrupt> {
    let k = commitment_frames(commitments);
    if k > after_head.len() {
        return Err(Corrupt("fewer frames than the commitments need".into()));
    }
    Ok(after_head.split_at(k))
}

/// The book the page reads, built a batch at a time as the answer is decoded,
/// so no single task indexes them all: restores what does not travel (each
/// scorecard's partner index, the lookup index).
pub struct BookBuilder<'a> {
    partners: FxHashMap<&'a str, usize>,
    book: ScoreBook,
}

impl<'a> BookBuilder<'a> {
    pub fn new(ds: &'a Dataset, periods: Vec<Quarter>, count: usize) -> BookBuilder<'a> {
        let partners = ds
            .partners
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut book = ScoreBook::from_scored(Vec::new(), periods);
        book.reserve(count);
        BookBuilder { partners, book }
    }

    pub fn add(&mut self, mut batch: Vec<Scorecard>) {
        for s in &mut batch {
            s.partner_index = self.partners.get(s.partner.as_str()).copied().unwrap_or(0);
        }
        self.book.extend(batch);
    }

    pub fn finish(self) -> ScoreBook {
        self.book
    }
}

/// The book from decoded parts at once (native tests, the in-process engine).
pub fn book(ds: &Dataset, periods: Vec<Quarter>, scorecards: Vec<Scorecard>) -> ScoreBook {
    let mut builder = BookBuilder::new(ds, periods, scorecards.len());
    builder.add(scorecards);
    builder.finish()
}

/// Decodes a whole answer at once: for native tests and the in-process engine.
pub fn decode(answer: &[u8]) -> Result<Result<(Dataset, ScoreBook), Refusal>, Corrupt> {
    let ranges = frames(answer, answer.len())?;
    let first = ranges.first().ok_or_else(|| Corrupt("no frames".into()))?;
    match head(&answer[first.clone()])? {
        Head::Refused(r) => Ok(Err(r)),
        Head::Scored {
            mut ds,
            periods,
            commitments: n,
            ..
        } => {
            let (promised, batches) = split_frames(&ranges[1..], n as usize)?;
            for r in promised {
                ds.commitments.extend(commitments(&answer[r.clone()])?);
            }
            let mut all = Vec::new();
            for r in batches {
                all.extend(batch(&answer[r.clone()])?);
            }
            let book = book(&ds, periods, all);
            Ok(Ok((*ds, book)))
        }
    }
}
