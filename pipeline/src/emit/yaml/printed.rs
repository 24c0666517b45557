//! A block mapping printed as text ahead of the document that holds it:
//! [`Printed`], for parts of a document that are many and alike (the
//! OpenAPI documents' schemas of each parameterised row), so that they
//! are not built as typed values only to be walked once and dropped.
//!
//! Its lines are written as the printer would write the same values, at
//! indentation 0; the printer indents each line to the place it is put
//! (a mapping's value only). Its scalars go through the printer's own
//! [`push_string`], so a document is the same bytes either way.

use std::fmt::{self, Write as _};

use serde::Serialize;

use super::printer::{push_indent, push_string};

/// The newtype name the printer recognises: its value is a printed block.
pub(super) const PRINTED: &str = "$errcat::yaml::Printed";

/// A block mapping printed already, each line ending in a newline, to be
/// the value of a key of a mapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Printed(String);

impl Serialize for Printed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(PRINTED, self.0.as_str())
    }
}

impl Printed {
    /// An empty block (printed as `{}`).
    pub fn new() -> Self {
        Printed(String::new())
    }

    /// An empty block with room for `bytes` of text.
    pub fn with_capacity(bytes: usize) -> Self {
        Printed(String::with_capacity(bytes))
    }

    /// `$ref: "#/components/schemas/NAME"`, at `indent`.
    pub fn schema_ref(&mut self, indent: usize, name: &str) {
        push_indent(&mut self.0, indent);
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
        self.0.push_str("$ref: ");
        if !name.is_empty() && name.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'_') {
            self.0.push_str("\"#/components/schemas/");
            self.0.push_str(name);
            self.0.push_str("\"\n");
        } else {
            push_string(&mut self.0, &format!("#/components/schemas/{name}"));
            self.0.push('\n');
        }
    }

    /// `key: value`, a string scalar, at `indent`.
    pub fn string(&mut self, indent: usize, key: &str, value: &str) {
        self.key(indent, key);
        self.0.push(' ');
        push_string(&mut self.0, value);
        self.0.push('\n');
    }

    /// `key: value`, a number or keyword written as it displays, at `indent`.
    pub fn plain(&mut self, indent: usize, key: &str, value: impl fmt::Display) {
        self.key(indent, key);
        // Writing to a `String` cannot fail.
        let _ = writeln!(self.0, " {value}");
    }

    /// `key:`, opening a block whose entries are at `indent + 2`.
    pub fn open(&mut self, indent: usize, key: &str) {
        self.key(indent, key);
        self.0.push('\n');
    }

    /// `- value`, a sequence item that is a string scalar, at `indent`.
    pub fn item_string(&mut self, indent: usize, value: &str) {
        self.dash(indent);
        push_string(&mut self.0, value);
        self.0.push('\n');
    }

    /// `- key: value`, a sequence item that is a mapping, its first entry
    /// a string scalar, at `indent` (its other entries at `indent + 2`).
    pub fn item_entry_string(&mut self, indent: usize, key: &str, value: &str) {
        self.dash(indent);
        self.string(0, key, value);
    }

    /// `- value`, a sequence item written as it displays, at `indent`.
    pub fn item_plain(&mut self, indent: usize, value: impl fmt::Display) {
        self.dash(indent);
        let _ = writeln!(self.0, "{value}");
    }

    fn key(&mut self, indent: usize, key: &str) {
        push_indent(&mut self.0, indent);
        push_string(&mut self.0, key);
        self.0.push(':');
    }

    fn dash(&mut self, indent: usize) {
        push_indent(&mut self.0, indent);
        self.0.push_str("- ");
    }
}

/// Writes `text`, a printed block, as the value of a key whose entries
/// are indented by `indent`: each line on a line of its own, indented.
pub(super) fn write_value(out: &mut String, indent: usize, text: &str) {
    if text.is_empty() {
        out.push_str(" {}\n");
        return;
    }
    out.push('\n');
    // Lines are short: a byte search finds their ends sooner than a
    // `char` pattern's searcher.
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.bytes().position(|byte| byte == b'\n').map_or(rest.len(), |at| at + 1);
        push_indent(out, indent);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
}
