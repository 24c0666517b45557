//! The serializer: which serde value becomes a scalar, a block or an error.
//!
//! Each value is printed at its [`Place`], which says what goes before
//! and after it. Blocks are mappings and sequences, one entry a line,
//! indented by nesting: a block nested in a sequence starts on its dash's
//! line (`- - a`, `- key: value`); an empty one is written `{}` or `[]`.
//! A string is plain only when every YAML version reads it back as that
//! string.

use std::fmt;

use serde::Serialize;
use serde::ser;

use super::{Error, refused};
use errcat_model::text::{is_yaml_plain_safe, push_yaml_double_quoted};

/// Where a value goes, which says what is written before and after it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place {
    /// The whole document.
    Document,
    /// After `key:`: a scalar follows on the line, a block starts on the
    /// next one, its entries indented by `indent`.
    Value { indent: usize },
    /// After a sequence's `- `: a block's first entry follows on the
    /// dash's line, the others are indented by `indent`.
    Item { indent: usize },
    /// A mapping key: a scalar, which its mapping follows with `:`.
    Key,
    /// A [`Printed`](super::Printed) block's text, as the value of a key
    /// whose entries are indented by `indent`.
    Printed { indent: usize },
}

/// The serializer: prints one value at its place.
pub(super) struct Printer<'a> {
    pub(super) out: &'a mut String,
    pub(super) place: Place,
}

impl<'a> ser::Serializer for Printer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Block<'a>;
    type SerializeTuple = Block<'a>;
    type SerializeTupleStruct = Block<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Block<'a>;
    type SerializeStruct = Block<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.scalar(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v)
    }

    /// As `serde_yaml` does: a number if it fits 64 bits, else a string.
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        if u64::try_from(v).is_ok() || i64::try_from(v).is_ok() {
            self.integer(v)
        } else {
            self.string(&v.to_string())
        }
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(v)
    }

    /// As `serde_yaml` does: a number if it fits 64 bits, else a string.
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        if u64::try_from(v).is_ok() { self.integer(v) } else { self.string(&v.to_string()) }
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(refused("a floating-point number"))
    }

    /// A finite number as Rust's `Debug` writes it (`2.5`, `3.0`), which
    /// YAML and JSON read back as the same number.
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if v.is_finite() { self.scalar(&format!("{v:?}")) } else { Err(refused("an infinite or NaN number")) }
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        if let Place::Printed { indent } = self.place {
            super::printed::write_value(self.out, indent, v);
            return Ok(());
        }
        self.string(v)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(refused("raw bytes"))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.scalar("null")
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar("null")
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar("null")
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if name != super::printed::PRINTED {
            return value.serialize(self);
        }
        match self.place {
            Place::Value { indent } => {
                value.serialize(Printer { out: self.out, place: Place::Printed { indent } })
            }
            _ => Err(refused("a printed block anywhere but as a mapping's value")),
        }
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(refused(format_args!("the enum variant `{name}::{variant}` with data (YAML would need a tag)")))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Block<'a>, Error> {
        self.block("[]")
    }

    fn serialize_tuple(self, _: usize) -> Result<Block<'a>, Error> {
        self.block("[]")
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Block<'a>, Error> {
        self.block("[]")
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(refused(format_args!("the enum variant `{name}::{variant}` with data (YAML would need a tag)")))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Block<'a>, Error> {
        self.block("{}")
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Block<'a>, Error> {
        self.block("{}")
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(refused(format_args!("the enum variant `{name}::{variant}` with data (YAML would need a tag)")))
    }
}

// Blocks: mappings and sequences.

/// A mapping or a sequence being printed, entry by entry.
pub(super) struct Block<'a> {
    out: &'a mut String,
    place: Place,
    /// The entries' indentation.
    indent: usize,
    entries: usize,
    /// What the block is written as when it has no entries.
    empty: &'static str,
}

impl<'a> Printer<'a> {
    /// A mapping or sequence, written `empty` if it has no entries.
    pub(super) fn block(self, empty: &'static str) -> Result<Block<'a>, Error> {
        let indent = match self.place {
            Place::Document => 0,
            Place::Value { indent } | Place::Item { indent } => indent,
            Place::Key => return Err(refused("a mapping key that is a mapping or a sequence")),
            Place::Printed { .. } => return Err(refused("a printed block that is not text")),
        };
        Ok(Block { out: self.out, place: self.place, indent, entries: 0, empty })
    }
}

impl Block<'_> {
    /// Starts an entry's line.
    fn entry(&mut self) {
        let first = self.entries == 0;
        self.entries += 1;
        if first {
            match self.place {
                Place::Value { .. } => self.out.push('\n'),
                // The sequence's dash stands where this line's indentation would.
                Place::Item { .. } => return,
                Place::Document | Place::Key | Place::Printed { .. } => {}
            }
        }
        push_indent(self.out, self.indent);
    }

    /// A sequence item: `- `, then the item.
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.entry();
        self.out.push_str("- ");
        value.serialize(Printer { out: self.out, place: Place::Item { indent: self.indent + 2 } })
    }

    /// What follows a key's `:`.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Printer { out: self.out, place: Place::Value { indent: self.indent + 2 } })
    }

    fn end(self) -> Result<(), Error> {
        if self.entries == 0 {
            Printer { out: self.out, place: self.place }.scalar(self.empty)
        } else {
            Ok(())
        }
    }
}

impl ser::SerializeSeq for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeTuple for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeTupleStruct for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeMap for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.entry();
        key.serialize(Printer { out: self.out, place: Place::Key })?;
        self.out.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeStruct for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.entry();
        push_string(self.out, key);
        self.out.push(':');
        self.value(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

// Scalars: strings, plain or double-quoted, integers and keywords.

impl<'a> Printer<'a> {
    pub(super) fn scalar(self, text: &str) -> Result<(), Error> {
        self.scalar_with(|out| out.push_str(text))
    }

    pub(super) fn string(self, text: &str) -> Result<(), Error> {
        self.scalar_with(|out| push_string(out, text))
    }

    pub(super) fn integer(self, number: impl fmt::Display) -> Result<(), Error> {
        self.scalar_with(|out| {
            use std::fmt::Write as _;
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{number}");
        })
    }

    fn scalar_with(self, write: impl FnOnce(&mut String)) -> Result<(), Error> {
        if let Place::Printed { .. } = self.place {
            return Err(refused("a printed block that is not text"));
        }
        if let Place::Value { .. } = self.place {
            self.out.push(' ');
        }
        write(self.out);
        if !matches!(self.place, Place::Key) {
            self.out.push('\n');
        }
        Ok(())
    }
}

/// A string scalar: plain when every YAML version reads it back as this
/// string, double-quoted otherwise.
pub(super) fn push_string(out: &mut String, text: &str) {
    if is_yaml_plain_safe(text) {
        out.push_str(text);
    } else {
        push_yaml_double_quoted(out, text);
    }
}

/// `indent` spaces onto `out`, copied whole: every line of a document
/// starts with them.
pub(super) fn push_indent(out: &mut String, indent: usize) {
    const SPACES: &str = "                                ";
    let mut left = indent;
    while left > SPACES.len() {
        out.push_str(SPACES);
        left -= SPACES.len();
    }
    out.push_str(&SPACES[..left]);
}
