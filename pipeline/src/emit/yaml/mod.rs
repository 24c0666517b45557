//! The YAML printer: block-style documents that YAML 1.1 and 1.2 read alike.
//!
//! Documents are typed serde structs, and this module is a
//! [`serde::Serializer`] that prints them as it walks them. It exists
//! because `serde_yaml`'s own serializer decides quoting by the YAML 1.2
//! core schema only: it writes `NO`, `Y`, `on`, `1_000` or `2001-12-14`
//! plain, and a YAML 1.1 reader (PyYAML, SnakeYAML) takes those for
//! booleans, numbers and dates. Here a string is written plain only when
//! it starts with a letter and holds nothing that any YAML version reads
//! as markup ([`errcat_model::text::is_yaml_plain_safe`]); every other
//! string is double-quoted, which every YAML version reads as a string.
//!
//! It prints straight from the document, never through a
//! `serde_yaml::Value` tree: at 100,000 codes the tree of one OpenAPI
//! document is several times the size of its 50 MB of text.
//!
//! What it prints: mappings (structs and maps, in their serialization
//! order) and sequences in block style, a nested block on the line of its
//! sequence dash (`- - a`, `- key: value`), an empty one as `{}` or `[]`;
//! strings as above; integers, booleans, and `null` for `None` and `()`;
//! a unit enum variant as its name. A document never holds a float, raw
//! bytes, an enum variant with data (YAML would need a tag) or a
//! mapping key that is not a scalar: those are an [`Error`], not a guess.
//!
//! `printer.rs` is the serializer, which says where each value goes, and
//! writes scalars and blocks; `printed.rs` writes a block mapping as text
//! ahead of the document ([`Printed`]), which the printer then puts in
//! place, for parts of a document that are many and alike.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, SerializeMap};

pub use self::printed::Printed;
use self::printer::{Place, Printer};

mod printed;
mod printer;
#[cfg(test)]
mod tests;

/// A map that keeps its entries in the order they were pushed, for YAML
/// mappings whose order the generator chooses (spec order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderedMap<T>(pub Vec<(String, T)>);

impl<T> OrderedMap<T> {
    /// An empty map.
    pub fn new() -> Self {
        OrderedMap(Vec::new())
    }

    /// Appends an entry.
    pub fn push(&mut self, key: impl Into<String>, value: T) {
        self.0.push((key.into(), value));
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> Default for OrderedMap<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Serialize> Serialize for OrderedMap<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// `value` as a block-style YAML document, ending in a newline.
///
/// # Errors
///
/// When `value` holds what the printer refuses (see the module docs): a
/// float, bytes, an enum variant with data, a key that is not a scalar,
/// or the error of `value`'s own `Serialize` impl.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = String::new();
    write_to(&mut out, value)?;
    Ok(out)
}

/// [`to_string`], appended to `out`: a large document is printed in place
/// (under a header, say), never alive twice.
pub fn write_to<T: Serialize + ?Sized>(out: &mut String, value: &T) -> Result<(), Error> {
    value.serialize(Printer { out, place: Place::Document })
}

/// What a document holds that the printer does not print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn refused(what: impl fmt::Display) -> Error {
    Error(format!("the YAML printer does not print {what}: no generated document holds one"))
}
