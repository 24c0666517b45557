//! A writer for items of `lib.rs` that grow with the rows and are shaped
//! like code (each value's struct, its impls, the arms of a `match` over
//! every value): blocks that open and close, lines, attributes and doc
//! comments, each at its block's indent, as rustfmt lays out short lines.
//!
//! The Rust emitter writes these as text for the reason [`rust_data`]
//! writes the per-row arrays: through `quote!`, syn and prettyplease they
//! cost most of a run on a catalogue with params (BENCHMARKS.md,
//! "Generation with a param on every row"). The lines are the emitter's
//! own, short and fixed in shape; spec text enters only through
//! [`string_literal`] and doc comments.
//!
//! [`rust_data`]: crate::rust_data
//! [`string_literal`]: crate::rust_data::string_literal

use std::fmt::{self, Write as _};

/// The indent of one block level.
const INDENT: usize = 4;

/// Rust items written line by line, at the indent of the open blocks.
#[derive(Debug)]
pub struct Items {
    out: String,
    indent: usize,
}

impl Items {
    /// Items at `indent` columns: 4 inside a top-level module.
    pub fn new(indent: usize) -> Self {
        Items { out: String::new(), indent }
    }

    /// The text written; every block opened must have been closed.
    pub fn finish(self) -> String {
        self.out
    }

    /// A line at the current indent.
    pub fn line(&mut self, text: impl fmt::Display) {
        self.pad();
        // Writing to a `String` cannot fail.
        let _ = write!(self.out, "{text}");
        self.out.push('\n');
    }

    /// A line at the current indent, of `parts` one after another: for
    /// the lines written once a row, a `format!`'s machinery costs more
    /// than the text.
    pub fn line_of(&mut self, parts: &[&str]) {
        self.pad();
        for part in parts {
            self.out.push_str(part);
        }
        self.out.push('\n');
    }

    /// Lines at the current indent, each indented further by its own
    /// leading spaces: a fixed snippet written as it reads. Blank lines
    /// stay blank.
    pub fn lines(&mut self, text: &str) {
        for line in text.lines() {
            if line.is_empty() {
                self.out.push('\n');
            } else {
                self.line(line);
            }
        }
    }

    /// `head {`, then the lines after it one level deeper.
    pub fn open(&mut self, head: impl fmt::Display) {
        self.pad();
        let _ = write!(self.out, "{head} {{");
        self.out.push('\n');
        self.indent += INDENT;
    }

    /// [`Items::open`] with a head of `parts` one after another.
    pub fn open_of(&mut self, parts: &[&str]) {
        self.pad();
        for part in parts {
            self.out.push_str(part);
        }
        self.out.push_str(" {\n");
        self.indent += INDENT;
    }

    /// The `}` of the innermost open block.
    pub fn close(&mut self) {
        self.close_with("");
    }

    /// The `}` of the innermost open block, then `tail` on its line (`)`, `;`, `,`).
    pub fn close_with(&mut self, tail: &str) {
        self.indent -= INDENT;
        self.pad();
        self.out.push('}');
        self.out.push_str(tail);
        self.out.push('\n');
    }

    /// Doc comments for `text`, one `///` line per line, as prettyplease
    /// prints the emitter's `#[doc]` attributes (trailing spaces trimmed).
    pub fn doc(&mut self, text: &str) {
        for line in text.split('\n') {
            self.pad();
            self.out.push_str("///");
            let line = line.trim_end_matches(' ');
            if !line.is_empty() {
                self.out.push(' ');
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
    }

    fn pad(&mut self) {
        // Copied whole: every line starts with its indent.
        const SPACES: &str = "                                ";
        let mut left = self.indent;
        while left > SPACES.len() {
            self.out.push_str(SPACES);
            left -= SPACES.len();
        }
        self.out.push_str(&SPACES[..left]);
    }
}

#[cfg(test)]
mod tests {
    use super::Items;

    #[test]
    fn blocks_indent_what_they_hold() {
        let mut items = Items::new(4);
        items.doc("A struct.\n\nIts second paragraph. ");
        items.open("pub struct S");
        items.line(format_args!("pub {}: u8,", "field"));
        items.close();
        items.open("impl S");
        items.open("fn f(&self) -> u8");
        items.lines("match self.field {\n    0 => 1,\n\n    _ => 2,\n}");
        items.close();
        items.close();
        assert_eq!(
            items.finish(),
            "    /// A struct.\n    ///\n    /// Its second paragraph.\n    pub struct S {\n        pub field: u8,\n    }\n    \
             impl S {\n        fn f(&self) -> u8 {\n            match self.field {\n                0 => 1,\n\n                \
             _ => 2,\n            }\n        }\n    }\n"
        );
    }

    #[test]
    fn a_block_closes_with_its_tail() {
        let mut items = Items::new(0);
        items.open("Ok(Self");
        items.line("a: 1,");
        items.close_with(")");
        assert_eq!(items.finish(), "Ok(Self {\n    a: 1,\n})\n");
    }
}
