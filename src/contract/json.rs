//! Reads a JSON document in one pass; the small blocks are read as `Value`,
//! but for the commitments, which are many (`RawCommitments`).
//! Where the blocks that records are checked against (partners, metrics and
//! the rest) come before the records, as every writer we know puts them, each
//! record is checked as soon as it is read and nothing of it is kept but the
//! accepted `Record`. Otherwise the records are kept in the compact `RawRecord`
//! form (no `Value` per record) and checked after the whole document is read;
//! a block that turns up after the records sends the caller back to that way.

use super::raw::{Arena, RawField, RawRecord, RECORD_FIELDS};
use super::validate::{Builder, Locate};
use super::Fatal;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

#[derive(Default)]
pub(crate) struct RawDocument {
    pub schema: Option<Value>,
    pub vendor: Option<Value>,
    pub currency: Option<Value>,
    pub partners: Option<Value>,
    pub metrics: Option<Value>,
    pub records: Option<RawRecords>,
    /// Read into the compact form below, not as `Value`: a portal's block
    /// holds tens of thousands (39,384 at 5,000 partners).
    pub commitments: Option<RawCommitments>,
    pub thresholds: Option<Value>,
    /// A block records are checked against, or the records again, came after
    /// the records: what was checked may be wrong, read again with `Check::After`.
    pub late: bool,
}

pub(crate) enum RawRecords {
    List(Vec<RawRecord>),
    NotArray(&'static str),
    /// Checked as they were read, by this builder.
    Checked(Box<Builder>),
}

/// When records are checked.
#[derive(Clone, Copy)]
pub(crate) enum Check<'a> {
    /// As they are read: `start` makes the builder from the blocks read so far.
    AsRead {
        start: fn(&RawDocument) -> Builder,
        locate: Locate<'a>,
    },
    /// After the whole document: the records are kept raw.
    After,
}

pub(crate) fn read(bytes: &[u8], arena: &mut Arena, check: Check) -> Result<RawDocument, Fatal> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let doc = DocSeed {
        arena,
        check,
        size: bytes.len(),
    }
    .deserialize(&mut de)
    .and_then(|doc| de.end().map(|()| doc));
    doc.map_err(|e| {
        if e.is_data() {
            Fatal::NotAnObject
        } else {
            Fatal::NotJson {
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            }
        }
    })
}

/// serde_json appends " at line L column C"; we say the position our own way.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Implements the visitor methods for every JSON kind a seed does not want,
/// mapping each to `$make(kind)`. Arrays and objects are drained, not kept.
macro_rules! other_kinds {
    ($make:expr; $($skip:ident),*) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> { Ok($make("a boolean")) }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> { Ok($make("a number")) }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> { Ok($make("a number")) }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> { Ok($make("a number")) }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> { Ok($make("a string")) }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> { Ok($make("null")) }
        $( other_kinds!(@$skip $make); )*
    };
    (@seq $make:expr) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok($make("an array"))
        }
    };
    (@map $make:expr) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok($make("an object"))
        }
    };
}

struct DocSeed<'a> {
    arena: &'a mut Arena,
    check: Check<'a>,
    /// The document's length in bytes, from which the records' number is guessed.
    size: usize,
}

/// Bytes per record in the compact JSON that writers produce (105 in the
/// sample). Room reserved from it spares the records their growth by
/// doubling, which copied a large feed's records several times (with the
/// duplicate check then one table, ~5 % of the worker's time at 5,000
/// partners); a pretty-printed
/// feed reserves up to twice what it needs, which doubling would have too.
const BYTES_PER_RECORD: usize = 100;

impl<'de> DeserializeSeed<'de> for DocSeed<'_> {
    type Value = RawDocument;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RawDocument, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = RawDocument;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a partner-scorecard document (a JSON object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawDocument, A::Error> {
        let mut doc = RawDocument::default();
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "records" => {
                    let arena = &mut *self.arena;
                    doc.late |= doc.records.is_some();
                    doc.records = Some(match self.check {
                        Check::AsRead { start, locate } => {
                            let mut b = start(&doc);
                            b.reserve(self.size / BYTES_PER_RECORD);
                            // One record's strings at a time: the arena stays a few bytes long.
                            let mut check = |i: usize, r: RawRecord, arena: &mut Arena| {
                                b.record(i, &r, arena, locate);
                                arena.clear();
                            };
                            let array = map.next_value_seed(RecordsSeed {
                                arena,
                                each: &mut check,
                            })?;
                            match array {
                                Ok(()) => RawRecords::Checked(Box::new(b)),
                                Err(kind) => RawRecords::NotArray(kind),
                            }
                        }
                        Check::After => {
                            let mut list = Vec::new();
                            let array = map.next_value_seed(RecordsSeed {
                                arena,
                                each: &mut |_, r, _| list.push(r),
                            })?;
                            array.map_or_else(RawRecords::NotArray, |()| RawRecords::List(list))
                        }
                    });
                    continue;
                }
                "schema" => &mut doc.schema,
                "commitments" => {
                    doc.commitments = Some(map.next_value_seed(CommitmentsSeed)?);
                    continue;
                }
                checked_against => {
                    doc.late |= doc.records.is_some();
                    match checked_against {
                        "vendor" => &mut doc.vendor,
                        "currency" => &mut doc.currency,
                        "partners" => &mut doc.partners,
                        "metrics" => &mut doc.metrics,
                        "thresholds" => &mut doc.thresholds,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    }
                }
            };
            *slot = Some(map.next_value::<Value>()?);
        }
        Ok(doc)
    }
}

/// The records array: hands each record to `each` with its index, as it is
/// read. Its value says whether it was an array, or what else it was.
struct RecordsSeed<'a> {
    arena: &'a mut Arena,
    each: &'a mut dyn FnMut(usize, RawRecord, &mut Arena),
}

type ArrayOr = Result<(), &'static str>;

impl<'de> DeserializeSeed<'de> for RecordsSeed<'_> {
    type Value = ArrayOr;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<ArrayOr, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordsSeed<'_> {
    type Value = ArrayOr;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ArrayOr, A::Error> {
        let mut index = 0;
        while let Some(r) = seq.next_element_seed(ObjectSeed {
            arena: &mut *self.arena,
            fields: &RECORD_FIELDS,
        })? {
            let r = r.map_or_else(RawRecord::NotObject, RawRecord::Fields);
            (self.each)(index, r, self.arena);
            index += 1;
        }
        Ok(Ok(()))
    }
    other_kinds!(Err; map);
}

/// One object of a block (a record, a commitment): the members `fields` names,
/// in that order, the others skipped; or, for anything else, what it was.
struct ObjectSeed<'a, const N: usize> {
    arena: &'a mut Arena,
    fields: &'static [&'static str; N],
}

type ObjectOr<const N: usize> = Result<[RawField; N], &'static str>;

impl<'de, const N: usize> DeserializeSeed<'de> for ObjectSeed<'_, N> {
    type Value = ObjectOr<N>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<ObjectOr<N>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, const N: usize> Visitor<'de> for ObjectSeed<'_, N> {
    type Value = ObjectOr<N>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ObjectOr<N>, A::Error> {
        let mut fields = [RawField::Missing; N];
        while let Some(key) = map.next_key_seed(KeySeed(self.fields))? {
            match key {
                // A key given twice keeps its last value, as an object read as `Value` does.
                Some(i) => {
                    fields[i] = map.next_value_seed(FieldSeed {
                        arena: &mut *self.arena,
                    })?
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Ok(fields))
    }
    other_kinds!(Err; seq);
}

/// Which of the names a key is, if any: found in the text the parser hands
/// over, so no key is copied (a large feed has millions).
struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<usize>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|f| *f == v))
    }
}

struct FieldSeed<'a> {
    arena: &'a mut Arena,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = RawField;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RawField, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FieldSeed<'_> {
    type Value = RawField;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawField, E> {
        Ok(RawField::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawField, E> {
        Ok(RawField::Num(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawField, E> {
        Ok(RawField::Num(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawField, E> {
        Ok(RawField::Num(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawField, E> {
        Ok(self.arena.push(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawField, E> {
        Ok(RawField::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawField, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawField::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawField, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(RawField::Object)
    }
}

/// The `commitments` block as read: its entries (their text in one arena), or
/// what else it was.
pub(crate) enum RawCommitments {
    List {
        entries: Vec<RawEntry>,
        arena: Arena,
    },
    NotArray(&'static str),
}

/// One entry of the block: its members in `COMMITMENT_FIELDS` order, or what else it was.
pub(crate) enum RawEntry {
    Object([RawField; 6]),
    NotObject(&'static str),
}

pub(crate) const COMMITMENT_FIELDS: [&str; 6] =
    ["partner", "period", "side", "text", "due", "status"];

/// An entry's members with the arena their text is in.
pub(crate) struct EntryView<'a> {
    pub fields: &'a [RawField; 6],
    pub arena: &'a Arena,
}

impl Members for EntryView<'_> {
    fn member(&self, key: &str) -> Member<'_> {
        match COMMITMENT_FIELDS
            .iter()
            .position(|f| *f == key)
            .map(|i| &self.fields[i])
        {
            None | Some(RawField::Missing) => Member::Absent,
            Some(RawField::Null) => Member::Null,
            Some(field) => match self.arena.text(field) {
                Some(text) => Member::Text(text),
                None => Member::Other(field.kind()),
            },
        }
    }
}

/// A member of an object of a small block, as the rules read it.
pub(crate) enum Member<'a> {
    Absent,
    Null,
    Text(&'a str),
    /// Any other JSON kind, in words ("a number").
    Other(&'static str),
}

/// An object of a small block, whichever form it was read in.
pub(crate) trait Members {
    fn member(&self, key: &str) -> Member<'_>;
}

struct CommitmentsSeed;

impl<'de> DeserializeSeed<'de> for CommitmentsSeed {
    type Value = RawCommitments;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RawCommitments, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CommitmentsSeed {
    type Value = RawCommitments;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of commitments")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawCommitments, A::Error> {
        let mut entries = Vec::new();
        let mut arena = Arena::default();
        while let Some(entry) = seq.next_element_seed(ObjectSeed {
            arena: &mut arena,
            fields: &COMMITMENT_FIELDS,
        })? {
            entries.push(entry.map_or_else(RawEntry::NotObject, RawEntry::Object));
        }
        Ok(RawCommitments::List { entries, arena })
    }
    other_kinds!(RawCommitments::NotArray; map);
}

/// What reading one value at the start of a feed's unread bytes gave (the
/// stream in `stream.rs`, which reads a feed while it downloads).
pub(crate) enum Step<T> {
    /// The value, and how many bytes it took.
    Read(T, usize),
    /// The bytes end inside the value: read it again once more have come.
    More,
    /// Not what a usual feed has here: the whole feed is read again by `read`,
    /// which words whatever is wrong with it.
    Unusual,
}

fn step<'de, S: DeserializeSeed<'de>>(bytes: &'de [u8], seed: S) -> Step<S::Value> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match seed.deserialize(&mut de) {
        Ok(value) => {
            let used = de.into_iter::<IgnoredAny>().byte_offset();
            // A value that ends where the bytes do may go on (a number's digits).
            if used == bytes.len() {
                Step::More
            } else {
                Step::Read(value, used)
            }
        }
        Err(e) if e.is_eof() => Step::More,
        Err(_) => Step::Unusual,
    }
}

/// A member's key (a JSON string).
pub(crate) fn key_at(bytes: &[u8]) -> Step<String> {
    step(bytes, std::marker::PhantomData::<String>)
}

/// Any value, skipped.
pub(crate) fn value_at(bytes: &[u8]) -> Step<()> {
    match step(bytes, std::marker::PhantomData::<IgnoredAny>) {
        Step::Read(_, used) => Step::Read((), used),
        Step::More => Step::More,
        Step::Unusual => Step::Unusual,
    }
}

/// One entry of the records (an object, or what else it was). The depth it
/// is read at makes no difference: what a field nests is skipped, and
/// serde_json skips at any depth.
pub(crate) fn record_at(bytes: &[u8], arena: &mut Arena) -> Step<RawRecord> {
    let seed = ObjectSeed {
        arena,
        fields: &RECORD_FIELDS,
    };
    match step(bytes, seed) {
        Step::Read(Ok(fields), used) => Step::Read(RawRecord::Fields(fields), used),
        Step::Read(Err(kind), used) => Step::Read(RawRecord::NotObject(kind), used),
        Step::Unusual => Step::Unusual,
        Step::More => Step::More,
    }
}
