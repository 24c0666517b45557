//! Scalars: strings, plain or double-quoted, integers and keywords.
//!
//! A string is plain only when every YAML version reads it back as that
//! string.

use std::fmt;

use errcat_model::text::{is_yaml_plain_safe, yaml_double_quoted};

use super::Error;
use super::printer::{Place, Printer};

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
        out.push_str(&yaml_double_quoted(text));
    }
}
