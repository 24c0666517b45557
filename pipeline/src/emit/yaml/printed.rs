//! A block mapping printed as text ahead of the document that holds it:
//! [`Printed`], for parts of a document that are many and alike (the
//! OpenAPI documents' schemas of each parameterised row), so that they
//! are not built as typed values only to be walked once and dropped.
//!
//! Its lines are written as the printer would write the same values, at
//! the indentation of the place it is meant for ([`Printed::at`]); the
//! printer copies it whole when it is put there, and shifts each line to
//! any other place it is put (a mapping's value only). Its scalars go
//! through the printer's own [`push_string`], so a document is the same
//! bytes either way.

use std::fmt::{self, Write as _};

use serde::Serialize;

use super::printer::{push_indent, push_string};

/// The newtype name the printer recognises: its value is a printed block.
pub(super) const PRINTED: &str = "$errcat::yaml::Printed";

/// A block mapping printed already, each line ending in a newline, to be
/// the value of a key of a mapping.
///
/// Its methods take each line's indentation within the block; the block
/// adds the indentation of its place, so that a large document copies
/// the blocks of its many rows whole rather than a line at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Printed {
    text: String,
    /// The indentation of its top-level entries.
    base: usize,
}

impl Serialize for Printed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(PRINTED, self.text.as_str())
    }
}

impl Printed {
    /// An empty block (printed as `{}`), for any place.
    pub fn new() -> Self {
        Printed::default()
    }

    /// An empty block with room for `bytes` of text, meant for the value
    /// of a key whose entries are indented by `base` (6 for a schema of
    /// `components: schemas:`); put elsewhere, it is shifted there.
    pub fn at(base: usize, bytes: usize) -> Self {
        Printed { text: String::with_capacity(bytes), base }
    }

    /// `$ref: "#/components/schemas/NAME"`, at `indent`.
    pub fn schema_ref(&mut self, indent: usize, name: &str) {
        push_indent(&mut self.text, self.base + indent);
        self.ref_entry(name);
    }

    /// `- $ref: "#/components/schemas/NAME"`, a sequence item, at `indent`.
    pub fn item_schema_ref(&mut self, indent: usize, name: &str) {
        self.dash(indent);
        self.ref_entry(name);
    }

    /// A reference to a schema: a name of letters, digits and `_` (as
    /// the generator makes them) is written as the printer would quote it
    /// (`#` starts a comment), without the quoting's scan and copy.
    fn ref_entry(&mut self, name: &str) {
        self.text.push_str("$ref: ");
        if !name.is_empty() && name.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'_') {
            self.text.push_str("\"#/components/schemas/");
            self.text.push_str(name);
            self.text.push_str("\"\n");
        } else {
            push_string(&mut self.text, &format!("#/components/schemas/{name}"));
            self.text.push('\n');
        }
    }

    /// `key: value`, a string scalar, at `indent`.
    pub fn string(&mut self, indent: usize, key: &str, value: &str) {
        self.key(indent, key);
        self.text.push(' ');
        push_string(&mut self.text, value);
        self.text.push('\n');
    }

    /// `key: value`, a number or keyword written as it displays, at `indent`.
    pub fn plain(&mut self, indent: usize, key: &str, value: impl fmt::Display) {
        self.key(indent, key);
        // Writing to a `String` cannot fail.
        let _ = writeln!(self.text, " {value}");
    }

    /// `key:`, opening a block whose entries are at `indent + 2`.
    pub fn open(&mut self, indent: usize, key: &str) {
        self.key(indent, key);
        self.text.push('\n');
    }

    /// `- value`, a sequence item that is a string scalar, at `indent`.
    pub fn item_string(&mut self, indent: usize, value: &str) {
        self.dash(indent);
        push_string(&mut self.text, value);
        self.text.push('\n');
    }

    /// `- key: value`, a sequence item that is a mapping, its first entry
    /// a string scalar, at `indent` (its other entries at `indent + 2`).
    pub fn item_entry_string(&mut self, indent: usize, key: &str, value: &str) {
        self.dash(indent);
        push_string(&mut self.text, key);
        self.text.push_str(": ");
        push_string(&mut self.text, value);
        self.text.push('\n');
    }

    /// `- value`, a sequence item written as it displays, at `indent`.
    pub fn item_plain(&mut self, indent: usize, value: impl fmt::Display) {
        self.dash(indent);
        let _ = writeln!(self.text, "{value}");
    }

    /// The lines of `lines` after these, at the same indentation within
    /// the block: a part that many blocks share is printed once.
    pub fn append(&mut self, lines: &Printed) {
        if self.base == lines.base {
            self.text.push_str(&lines.text);
            return;
        }
        for line in lines.text.split_inclusive('\n') {
            push_indent(&mut self.text, self.base);
            self.text.push_str(&line[lines.base..]);
        }
    }

    fn key(&mut self, indent: usize, key: &str) {
        push_indent(&mut self.text, self.base + indent);
        push_string(&mut self.text, key);
        self.text.push(':');
    }

    fn dash(&mut self, indent: usize) {
        push_indent(&mut self.text, self.base + indent);
        self.text.push_str("- ");
    }
}

/// Writes `text`, a printed block, as the value of a key whose entries
/// are indented by `indent`: whole when it was printed for that place (its
/// first line, a top-level entry, is indented so), else each line shifted
/// there.
pub(super) fn write_value(out: &mut String, indent: usize, text: &str) {
    if text.is_empty() {
        out.push_str(" {}\n");
        return;
    }
    out.push('\n');
    let base = text.bytes().take_while(|&byte| byte == b' ').count();
    if base == indent {
        out.push_str(text);
        return;
    }
    // Lines are short: a byte search finds their ends sooner than a
    // `char` pattern's searcher. Every line is indented at least `base`.
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.bytes().position(|byte| byte == b'\n').map_or(rest.len(), |at| at + 1);
        push_indent(out, indent);
        out.push_str(&rest[base..end]);
        rest = &rest[end..];
    }
}
