//! The serializer: which serde value becomes a scalar, a block or an error.
//!
//! Each value is printed at its [`Place`], which says what goes before
//! and after it.

use serde::Serialize;
use serde::ser;

use super::block::Block;
use super::{Error, refused};

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

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(refused("a floating-point number"))
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
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
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
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
