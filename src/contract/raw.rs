//! Records as read, before validation: compact, so that a large feed is held
//! once in memory at about its own size. Strings live in one shared arena.

/// One field of a record as it was written. Strings are ranges in the arena.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RawField {
    Missing,
    Null,
    Str(u32, u32),
    Num(f64),
    Bool(bool),
    Array,
    Object,
}

impl RawField {
    /// The JSON word for the kind of value, for messages like "got an array".
    pub fn kind(&self) -> &'static str {
        match self {
            RawField::Missing => "nothing",
            RawField::Null => "null",
            RawField::Str(..) => "a string",
            RawField::Num(_) => "a number",
            RawField::Bool(_) => "a boolean",
            RawField::Array => "an array",
            RawField::Object => "an object",
        }
    }
}

/// The names of the record fields, in the order of `RawRecord::fields`.
pub const RECORD_FIELDS: [&str; 7] = [
    "partner", "period", "side", "metric", "value", "target", "floor",
];

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RawRecord {
    /// `fields` in `RECORD_FIELDS` order.
    Fields([RawField; 7]),
    /// The entry was not an object (JSON) — its kind, for the message.
    NotObject(&'static str),
}

/// Shared string storage for raw records.
#[derive(Debug, Default)]
pub struct Arena {
    bytes: String,
}

impl Arena {
    pub fn push(&mut self, s: &str) -> RawField {
        let start = self.bytes.len();
        self.bytes.push_str(s);
        // Feeds above 4 GiB are out of scope; the JSON parser would not hold them either.
        RawField::Str(start as u32, s.len() as u32)
    }

    pub fn clear(&mut self) {
        self.bytes.clear();
    }

    pub fn get(&self, start: u32, len: u32) -> &str {
        &self.bytes[start as usize..(start + len) as usize]
    }

    pub fn text<'a>(&'a self, field: &RawField) -> Option<&'a str> {
        match *field {
            RawField::Str(s, l) => Some(self.get(s, l)),
            _ => None,
        }
    }
}
