//! Blocks: mappings and sequences, one entry a line, indented by nesting.
//!
//! A block nested in a sequence starts on its dash's line (`- - a`,
//! `- key: value`); an empty one is written `{}` or `[]`.

use serde::Serialize;
use serde::ser;

use super::printer::{Place, Printer};
use super::scalar::push_string;
use super::{Error, refused};

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
                Place::Document | Place::Key => {}
            }
        }
        self.out.extend(std::iter::repeat_n(' ', self.indent));
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
