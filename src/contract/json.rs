//! Reads a JSON document in one pass; the small blocks are read as `Value`.
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
    pub commitments: Option<Value>,
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
/// sample). Room reserved from it spares the records and the duplicate check
/// their growth by doubling, which copied and rehashed a large feed's records
/// several times (~5 % of the worker's time at 5,000 partners); a pretty-printed
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
                "commitments" => &mut doc.commitments,
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
        while let Some(r) = seq.next_element_seed(RecordSeed {
            arena: &mut *self.arena,
        })? {
            (self.each)(index, r, self.arena);
            index += 1;
        }
        Ok(Ok(()))
    }
    other_kinds!(Err; map);
}

struct RecordSeed<'a> {
    arena: &'a mut Arena,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = RawRecord;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<RawRecord, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = RawRecord;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRecord, A::Error> {
        let mut fields = [RawField::Missing; 7];
        while let Some(key) = map.next_key::<RecordKey>()? {
            match key.0 {
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
        Ok(RawRecord::Fields(fields))
    }
    other_kinds!(RawRecord::NotObject; seq);
}

/// Which of `RECORD_FIELDS` a record key names, if any: found in the text
/// the parser hands over, so no key is copied (a large feed has millions).
struct RecordKey(Option<usize>);

impl<'de> de::Deserialize<'de> for RecordKey {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<RecordKey, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RecordKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RecordKey, E> {
                Ok(RecordKey(RECORD_FIELDS.iter().position(|f| *f == v)))
            }
        }
        d.deserialize_str(V)
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
