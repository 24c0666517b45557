//! A writer for the parts of `lib.rs` that grow with the catalogue: the
//! per-row constant arrays and the enums' variants, printed directly as
//! text, laid out exactly as prettyplease lays out the same tokens.
//!
//! Going through `quote!`, syn and prettyplease cost most of the Rust
//! emitter's time on a large catalogue (BENCHMARKS.md) for what is a list
//! of literals. The parts shaped like code still take that road; these
//! are spliced into its output (see [`splice`]). It lives here, beside
//! the other text writers, so that it is optimised: the Rust emitter's
//! own crate is not (its `quote!` code is a fixed amount per table).
//!
//! The layout follows prettyplease's printer (an Oppen pretty-printer
//! with a margin of 89 columns and an indent of 4): a bracketed list stays
//! on one line when it fits with the text that follows it up to the next
//! possible break; otherwise an array of integer literals fills its lines
//! and any other list puts one element per line, each with a comma. The
//! tests compare this writer with prettyplease over arbitrary input.

use std::borrow::Cow;

/// prettyplease's margin: a line fits when it ends at or before this column.
const MARGIN: usize = 89;

/// prettyplease's indent per level.
const INDENT: usize = 4;

/// An expression in a data table, as already-rendered text pieces.
#[derive(Debug, Clone)]
pub enum Expr<'a> {
    /// An integer or `bool` literal: arrays of these fill their lines.
    Scalar(Cow<'a, str>),
    /// Any other text without a possible line break: a string literal, a path.
    Atom(Cow<'a, str>),
    /// `&[…]`.
    RefArray(Vec<Expr<'a>>),
    /// `path(args…)`; no argument may be block-like (a block, a closure…).
    Call(&'static str, Vec<Expr<'a>>),
}

impl Expr<'_> {
    /// The width of the expression on one line.
    fn width(&self) -> usize {
        match self {
            Expr::Scalar(text) | Expr::Atom(text) => text.len(),
            Expr::RefArray(items) => 1 + list_width(items),
            Expr::Call(path, args) => path.len() + list_width(args),
        }
    }
}

/// The width of `[a, b]` or `(a, b)` on one line.
fn list_width(items: &[Expr<'_>]) -> usize {
    2 + items.iter().map(Expr::width).sum::<usize>() + 2 * items.len().saturating_sub(1)
}

/// `text` as a Rust string literal, escaped as `proc_macro2::Literal::string`
/// escapes it (so as prettyplease prints a `quote!`d `&str`).
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string_literal(&mut out, text);
    out
}

/// [`string_literal`], appended to `out`.
pub fn push_string_literal(out: &mut String, text: &str) {
    out.push('"');
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        match ch {
            // `\0` before an octal digit reads as an octal escape to clippy.
            '\0' if chars.as_str().starts_with(|next: char| next.is_ascii_digit() && next <= '7') => {
                out.push_str("\\x00")
            }
            '\0' => out.push_str("\\0"),
            '\'' => out.push('\''),
            _ => out.extend(ch.escape_debug()),
        }
    }
    out.push('"');
}

/// Text for a part of `lib.rs`, written line by line.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// An empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// A line of code indented `indent` columns.
    pub fn line(&mut self, indent: usize, text: &str) {
        self.indent(indent);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Lines already laid out.
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Doc comments for `text`, one `///` line per line, as prettyplease
    /// prints the `#[doc]` attributes of errcat-emit-rust's `tokens::doc`.
    pub fn doc(&mut self, indent: usize, text: &str) {
        for line in text.split('\n') {
            self.indent(indent);
            self.out.push_str("///");
            // prettyplease trims a doc line's trailing spaces.
            let line = line.trim_end_matches(' ');
            if !line.is_empty() {
                self.out.push(' ');
                self.out.push_str(line);
            }
            self.out.push('\n');
        }
    }

    /// `{decl} = {value};` at `indent`: an item or associated constant.
    pub fn constant(&mut self, indent: usize, decl: &str, value: &Expr<'_>) {
        self.indent(indent);
        self.out.push_str(decl);
        self.out.push_str(" = ");
        let column = indent + decl.len() + 3;
        // The `;` follows before the next possible break.
        self.expr(value, indent, column, 1);
        self.out.push_str(";\n");
    }

    fn indent(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    fn newline(&mut self, indent: usize) {
        self.out.push('\n');
        self.indent(indent);
    }

    /// Writes `expr` from `column`, inside a block indented `indent`, with
    /// `trailing` columns of text after it before the next possible break.
    fn expr(&mut self, expr: &Expr<'_>, indent: usize, column: usize, trailing: usize) {
        match expr {
            Expr::Scalar(text) | Expr::Atom(text) => self.out.push_str(text),
            Expr::RefArray(items) => {
                self.out.push('&');
                self.list(('[', ']'), items, indent, column + 1, trailing);
            }
            Expr::Call(path, args) => {
                self.out.push_str(path);
                self.list(('(', ')'), args, indent, column + path.len(), trailing);
            }
        }
    }

    /// A bracketed list from `column` (its opening bracket's).
    fn list(
        &mut self,
        (open, close): (char, char),
        items: &[Expr<'_>],
        indent: usize,
        column: usize,
        trailing: usize,
    ) {
        let fits = column + list_width(items) + trailing <= MARGIN;
        if items.is_empty() || fits {
            self.flat(open, close, items);
            return;
        }
        let inner = indent + INDENT;
        self.out.push(open);
        self.newline(inner);
        // An array of integers is one box whose breaks each break only when
        // the next element (and its comma) would pass the margin.
        if open == '[' && items.iter().all(|item| matches!(item, Expr::Scalar(_))) {
            let mut column = inner;
            for (i, item) in items.iter().enumerate() {
                let last = i + 1 == items.len();
                let width = item.width();
                if i > 0 {
                    if column + 1 + width + usize::from(!last) <= MARGIN {
                        self.out.push(' ');
                        column += 1;
                    } else {
                        self.newline(inner);
                        column = inner;
                    }
                }
                self.expr(item, inner, column, 0);
                column += width;
                if !last {
                    self.out.push(',');
                    column += 1;
                }
            }
            self.out.push(',');
        } else {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    self.newline(inner);
                }
                let last = i + 1 == items.len();
                self.expr(item, inner, inner, usize::from(!last));
                self.out.push(',');
            }
        }
        self.newline(indent);
        self.out.push(close);
    }

    fn flat(&mut self, open: char, close: char, items: &[Expr<'_>]) {
        self.out.push(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            // A list that fits has no breaks inside.
            self.expr(item, 0, 0, 0);
        }
        self.out.push(close);
    }
}

/// Replaces the line `placeholder` (a whole line, indentation included)
/// of prettyplease's output `printed` with `text`. The placeholders are
/// items the code parts carry where the data parts go; their names are
/// reserved, so no line of user text can equal one.
pub fn splice(printed: &mut String, placeholder: &str, text: &str) {
    // Only a whole line matches: a doc line or a literal holding the same
    // text starts otherwise (a literal's line breaks are escaped).
    let start = printed
        .match_indices(placeholder)
        .map(|(at, _)| at)
        .find(|&at| at == 0 || printed.as_bytes()[at - 1] == b'\n')
        .expect("the emitted part keeps its placeholder");
    // A new string of the three parts, each copied whole: `replace_range`
    // writes the text into the gap byte by byte, which at 10,000 values
    // (megabytes of items) was a few per cent of a whole generation.
    let mut spliced = String::with_capacity(printed.len() - placeholder.len() + text.len());
    spliced.push_str(&printed[..start]);
    spliced.push_str(text);
    spliced.push_str(&printed[start + placeholder.len()..]);
    *printed = spliced;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use quote::quote;

    /// What prettyplease prints for `impl T { const X: &[…] = …; }`.
    fn prettyplease_const(decl: proc_macro2::TokenStream, value: proc_macro2::TokenStream) -> String {
        let file: syn::File = syn::parse2(quote! { impl T { #decl = #value; } }).unwrap();
        let printed = prettyplease::unparse(&file);
        let body = printed.strip_prefix("impl T {\n").unwrap();
        body.strip_suffix("}\n").unwrap().to_owned()
    }

    fn writer_const(decl: &str, value: &Expr<'_>) -> String {
        let mut writer = Writer::new();
        writer.constant(4, decl, value);
        writer.finish()
    }

    fn atoms(items: &[String]) -> Vec<Expr<'_>> {
        items.iter().map(|item| Expr::Atom(string_literal(item).into())).collect()
    }

    fn scalars(items: &[u64]) -> Vec<Expr<'static>> {
        items.iter().map(|item| Expr::Scalar(item.to_string().into())).collect()
    }

    #[test]
    fn escapes_as_proc_macro2_does() {
        for text in [
            "",
            "plain",
            "quote \" and 'apostrophe' and \\ backslash",
            "nul \0 then \x007 and \08 and \0",
            "tab\tnew\nline\rreturn",
            "control \x01 \x7f and unicode é ✓ \u{200b} \u{301}e \u{feff}",
            "emoji 👍🏽 and {braces} #hash",
        ] {
            assert_eq!(string_literal(text), proc_macro2::Literal::string(text).to_string(), "{text:?}");
        }
    }

    #[test]
    fn short_lists_stay_on_one_line() {
        let codes = Expr::RefArray(scalars(&[400, 401]));
        assert_eq!(
            writer_const("const CODES: &'static [u32]", &codes),
            "    const CODES: &'static [u32] = &[400, 401];\n"
        );
        let empty = Expr::RefArray(Vec::new());
        assert_eq!(
            writer_const("const ALIAS_CODES: &'static [u32]", &empty),
            "    const ALIAS_CODES: &'static [u32] = &[];\n"
        );
    }

    #[test]
    fn long_integer_arrays_fill_their_lines() {
        let codes = Expr::RefArray(scalars(&(0..40).map(|i| 401_000_000 + i).collect::<Vec<_>>()));
        let text = writer_const("const CODES: &'static [u32]", &codes);
        assert!(text.starts_with("    const CODES: &'static [u32] = &[\n        401000000, 401000001,"));
        assert!(text.lines().all(|line| line.len() <= MARGIN), "{text}");
        assert!(text.ends_with(" 401000039,\n    ];\n"), "{text}");
    }

    #[test]
    fn doc_lines_trim_trailing_spaces() {
        let mut writer = Writer::new();
        writer.doc(4, "First line.  \n\nthird ");
        assert_eq!(writer.finish(), "    /// First line.\n    ///\n    /// third\n");
    }

    #[test]
    fn splice_replaces_a_whole_line() {
        let mut printed = "a\n    const PLACEHOLDER: () = ();\nb\n".to_owned();
        splice(&mut printed, "    const PLACEHOLDER: () = ();\n", "    x\n    y\n");
        assert_eq!(printed, "a\n    x\n    y\nb\n");
        // The same text ending a doc line is not the placeholder.
        let mut printed =
            "/// a    const PLACEHOLDER: () = ();\n    const PLACEHOLDER: () = ();\n".to_owned();
        splice(&mut printed, "    const PLACEHOLDER: () = ();\n", "    x\n");
        assert_eq!(printed, "/// a    const PLACEHOLDER: () = ();\n    x\n");
    }

    /// Text that stresses the margin: lengths around a line's width,
    /// escapes that change the width, non-ASCII bytes.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["[a-z ]{0,8}", "[A-Z_]{10,40}", ".{0,30}", "[a-z\"\\\\\0\t\n'é✓ ]{0,90}",]
    }

    proptest! {
        #[test]
        fn escaper_matches_proc_macro2(text in any::<String>()) {
            prop_assert_eq!(string_literal(&text), proc_macro2::Literal::string(&text).to_string());
        }

        #[test]
        fn string_arrays_match_prettyplease(items in prop::collection::vec(text(), 0..12)) {
            let expected = prettyplease_const(quote!(const NAMES: &'static [&'static str]), quote!(&[#(#items),*]));
            prop_assert_eq!(writer_const("const NAMES: &'static [&'static str]", &Expr::RefArray(atoms(&items))), expected);
        }

        #[test]
        fn integer_arrays_match_prettyplease(items in prop::collection::vec(prop_oneof![0..10u64, 0..100_000u64, any::<u32>().prop_map(u64::from), any::<u64>()], 0..60)) {
            let literals = items.iter().map(|&item| proc_macro2::Literal::u64_unsuffixed(item));
            let expected = prettyplease_const(quote!(const CODES: &'static [u32]), quote!(&[#(#literals),*]));
            prop_assert_eq!(writer_const("const CODES: &'static [u32]", &Expr::RefArray(scalars(&items))), expected);
        }

        #[test]
        fn nested_arrays_match_prettyplease(rows in prop::collection::vec(prop::collection::vec(text(), 0..5), 0..6)) {
            let values = rows.iter().map(|row| quote!(&[#(#row),*]));
            let expected = prettyplease_const(quote!(const CAUSES: &'static [&'static [&'static str]]), quote!(&[#(#values),*]));
            let value = Expr::RefArray(rows.iter().map(|row| Expr::RefArray(atoms(row))).collect());
            prop_assert_eq!(writer_const("const CAUSES: &'static [&'static [&'static str]]", &value), expected);
        }

        #[test]
        fn nested_integer_arrays_match_prettyplease(rows in prop::collection::vec(prop::collection::vec(any::<u32>().prop_map(u64::from), 0..30), 0..6)) {
            let values = rows.iter().map(|row| {
                let row = row.iter().map(|&item| proc_macro2::Literal::u64_unsuffixed(item));
                quote!(&[#(#row),*])
            });
            let expected = prettyplease_const(quote!(const ROW_ALIASES: &'static [&'static [u32]]), quote!(&[#(#values),*]));
            let value = Expr::RefArray(rows.iter().map(|row| Expr::RefArray(scalars(row))).collect());
            prop_assert_eq!(writer_const("const ROW_ALIASES: &'static [&'static [u32]]", &value), expected);
        }

        #[test]
        fn options_match_prettyplease(rows in prop::collection::vec(prop::option::of(text()), 0..8)) {
            let values = rows.iter().map(|row| match row {
                Some(text) => quote!(::core::option::Option::Some(#text)),
                None => quote!(::core::option::Option::None),
            });
            let decl = quote!(const EXPLANATIONS: &'static [::core::option::Option<&'static str>]);
            let expected = prettyplease_const(decl, quote!(&[#(#values),*]));
            let value = Expr::RefArray(rows.iter().map(|row| match row {
                Some(text) => Expr::Call("::core::option::Option::Some", vec![Expr::Atom(string_literal(text).into())]),
                None => Expr::Atom("::core::option::Option::None".into()),
            }).collect());
            prop_assert_eq!(writer_const("const EXPLANATIONS: &'static [::core::option::Option<&'static str>]", &value), expected);
        }
    }
}
