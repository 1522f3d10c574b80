//! A JSON feed read while it downloads (the worker, `embed::feed`), so that
//! parsing a large portfolio overlaps its download instead of following it.
//!
//! Only the usual shape is read this way: one root object whose blocks come
//! before one `records` array, as every writer we know puts them. Anything
//! else (a syntax error, a block after the records, a record that nests, a
//! key given twice) makes the stream give up, and the caller reads the whole
//! feed with `parse_json`, which words every error as it always has. So the
//! stream never answers differently from `parse_json`: it answers sooner or
//! not at all (`tests/json_stream.rs` holds it to that, byte split by split).
//!
//! The records are read one at a time from the bytes that have arrived, with
//! the same seed `parse_json` uses, and checked at once by the same builder;
//! the blocks around them are read by `json::read` itself, from the prefix
//! and the rest of the document, so no rule of the contract is written twice.

use super::json::{self, Check, RawDocument, RawRecords, Step};
use super::raw::Arena;
use super::validate::Builder;
use super::{builder, conclude, locate_record, Dataset, BOM};

/// A JSON feed fed in chunks: [`JsonStream::room`] takes the bytes,
/// [`JsonStream::advance`] reads what it can, [`JsonStream::finish`] answers.
pub struct JsonStream {
    /// The bytes not yet read. Before the records this is every byte since
    /// the start; from the records on, what was read is dropped.
    buf: Vec<u8>,
    at: usize,
    /// A value was cut by the end of the bytes: wait until `buf` is this long
    /// before reading it again, so a large block is read a few times at most.
    wait: usize,
    state: State,
}

enum State {
    /// Before the root's `{` (or its byte order mark).
    Start,
    /// In the root object, before the records: what comes next.
    Root(Next),
    /// In the records array.
    Records(Box<Reading>),
    /// After the records array: the rest is read at the end.
    Rest(Box<Reading>),
    /// Not the usual shape: the caller reads the whole feed.
    Unusual,
}

/// What comes next in the root object.
enum Next {
    /// A key (a usual feed's root never ends before the records).
    Key,
    Colon(String),
    Value(String),
    /// A comma, or the root's end.
    Comma,
    /// After the records' `[`: a record or `]`.
    FirstRecord,
    /// After a comma: a record.
    Record,
    /// After a record: a comma or `]`.
    RecordEnd,
}

/// The records as read so far, and the blocks before them.
struct Reading {
    doc: RawDocument,
    builder: Builder,
    arena: Arena,
    index: usize,
    next: Next,
}

impl Default for JsonStream {
    fn default() -> Self {
        JsonStream::new()
    }
}

impl JsonStream {
    pub fn new() -> JsonStream {
        JsonStream {
            buf: Vec::new(),
            at: 0,
            wait: 0,
            state: State::Start,
        }
    }

    /// Room for `n` more bytes at the end, to copy a chunk into.
    pub fn room(&mut self, n: usize) -> &mut [u8] {
        if matches!(self.state, State::Unusual) {
            // Nothing is read any more: hold one chunk at a time.
            self.buf.clear();
        }
        let end = self.buf.len();
        self.buf.resize(end + n, 0);
        &mut self.buf[end..]
    }

    /// How many records have been read so far (and checked).
    pub fn records_read(&self) -> usize {
        match &self.state {
            State::Records(r) | State::Rest(r) => r.index,
            _ => 0,
        }
    }

    /// How many bytes are held: from the records on, about one chunk.
    pub fn held(&self) -> usize {
        self.buf.len()
    }

    /// Reads as much as the bytes so far allow.
    pub fn advance(&mut self) {
        if self.buf.len() < self.wait {
            return;
        }
        self.wait = 0;
        let state = std::mem::replace(&mut self.state, State::Unusual);
        self.state = match state {
            State::Start => self.start(),
            State::Root(next) => self.root(next),
            State::Records(reading) => self.records(reading),
            rest @ State::Rest(_) => rest,
            State::Unusual => State::Unusual,
        };
        match self.state {
            State::Unusual => {
                self.buf = Vec::new();
                self.at = 0;
            }
            // What was read is no longer needed: the records' bytes go as they are read.
            State::Records(_) | State::Rest(_) => {
                self.buf.drain(..self.at);
                self.wait = self.wait.saturating_sub(self.at);
                self.at = 0;
            }
            State::Start | State::Root(_) => {}
        }
    }

    /// The dataset, where the whole feed had the usual shape and was read;
    /// `None` sends the caller to `parse_json` on the whole feed.
    pub fn finish(mut self) -> Option<Dataset> {
        self.wait = 0;
        self.advance();
        let State::Rest(reading) = self.state else {
            return None;
        };
        let Reading {
            mut doc, builder, ..
        } = *reading;
        // The rest of the root, read as a document of its own that starts
        // with the records (empty here: they are in the builder), so
        // `json::read` says whether anything came after them that needs them
        // read again (`late`), as it does for the whole feed.
        let mut rest = b"{\"records\":[]".to_vec();
        rest.extend_from_slice(&self.buf[self.at..]);
        let mut arena = Arena::default();
        let rest = json::read(&rest, &mut arena, Check::After).ok()?;
        if rest.late {
            return None;
        }
        // Only these may follow the records without `late`; the last one read wins.
        if rest.schema.is_some() {
            doc.schema = rest.schema;
        }
        if rest.commitments.is_some() {
            doc.commitments = rest.commitments;
        }
        doc.records = Some(RawRecords::Checked(Box::new(builder)));
        conclude(doc, &arena).ok()
    }

    /// Whitespace skipped (JSON's four bytes); the next byte, if one has come.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.buf.get(self.at) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// The value that `step` read (its bytes consumed), or why not.
    fn took<T>(&mut self, step: Step<T>) -> Result<T, Stop> {
        match step {
            Step::Read(value, used) => {
                self.at += used;
                Ok(value)
            }
            Step::More => {
                let len = self.buf.len();
                self.wait = len + (len - self.at);
                Err(Stop::More)
            }
            Step::Unusual => Err(Stop::Unusual),
        }
    }

    fn start(&mut self) -> State {
        let head = &self.buf[..self.buf.len().min(BOM.len())];
        if head.len() < BOM.len() && BOM.starts_with(head) {
            return State::Start;
        }
        if head == BOM {
            self.at = BOM.len();
        }
        match self.peek() {
            None => State::Start,
            Some(b'{') => {
                self.at += 1;
                self.root(Next::Key)
            }
            Some(_) => State::Unusual,
        }
    }

    /// The root's members up to the records' `[`, then the records.
    fn root(&mut self, mut next: Next) -> State {
        loop {
            let Some(b) = self.peek() else {
                return State::Root(next);
            };
            next = match (next, b) {
                (Next::Key, b'"') => {
                    let at = self.at;
                    match self.took(json::key_at(&self.buf[at..])) {
                        Ok(key) => Next::Colon(key),
                        Err(Stop::More) => return State::Root(Next::Key),
                        Err(Stop::Unusual) => return State::Unusual,
                    }
                }
                (Next::Colon(key), b':') => {
                    self.at += 1;
                    Next::Value(key)
                }
                (Next::Value(key), b'[') if key == "records" => return self.open_records(),
                (Next::Value(key), _) if key != "records" => {
                    let at = self.at;
                    match self.took(json::value_at(&self.buf[at..])) {
                        Ok(()) => Next::Comma,
                        Err(Stop::More) => return State::Root(Next::Value(key)),
                        Err(Stop::Unusual) => return State::Unusual,
                    }
                }
                (Next::Comma, b',') => {
                    self.at += 1;
                    Next::Key
                }
                _ => return State::Unusual,
            };
        }
    }

    /// At the records' `[`: the blocks before it read by `json::read`, as a
    /// document that ends with empty records, so the builder is the one
    /// `parse_json` starts from there.
    fn open_records(&mut self) -> State {
        let origin = if self.buf.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        let mut prefix = self.buf[origin..self.at].to_vec();
        prefix.extend_from_slice(b"[]}");
        let mut arena = Arena::default();
        let as_read = Check::AsRead {
            start: builder,
            locate: &locate_record,
        };
        let Ok(mut doc) = json::read(&prefix, &mut arena, as_read) else {
            return State::Unusual;
        };
        let Some(RawRecords::Checked(builder)) = doc.records.take() else {
            return State::Unusual;
        };
        self.at += 1;
        self.records(Box::new(Reading {
            doc,
            builder: *builder,
            arena,
            index: 0,
            next: Next::FirstRecord,
        }))
    }

    fn records(&mut self, mut r: Box<Reading>) -> State {
        loop {
            let Some(b) = self.peek() else {
                return State::Records(r);
            };
            r.next = match (&r.next, b) {
                (Next::FirstRecord | Next::RecordEnd, b']') => {
                    self.at += 1;
                    return State::Rest(r);
                }
                (Next::FirstRecord | Next::Record, b) if b != b']' && b != b',' => {
                    let at = self.at;
                    match self.took(json::record_at(&self.buf[at..], &mut r.arena)) {
                        Ok(record) => {
                            r.builder.record(r.index, &record, &r.arena, &locate_record);
                            r.index += 1;
                            r.arena.clear();
                            Next::RecordEnd
                        }
                        Err(Stop::More) => {
                            r.arena.clear();
                            return State::Records(r);
                        }
                        Err(Stop::Unusual) => return State::Unusual,
                    }
                }
                (Next::RecordEnd, b',') => {
                    self.at += 1;
                    Next::Record
                }
                _ => return State::Unusual,
            };
        }
    }
}

/// Why reading stopped.
enum Stop {
    More,
    Unusual,
}
