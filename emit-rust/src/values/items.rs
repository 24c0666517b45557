//! The `values` module as text: `value_impls!`, the macro of the impls
//! every value has alike, a module per table with each value's struct and
//! its one line of the macro, and `ErrorValue`.

use quote::quote;

use super::{Value, docs, field_type, occurrence};
use crate::plural;
use crate::splice::TextSlot;
use crate::tokens::{CodeTokens, doc};
use errcat_model::Catalogue;
use errcat_model::params::Piece;
use errcat_model::plural::Select;
use errcat_model::rust_data::{push_string_literal, string_literal};
use errcat_model::rust_items::Items;

/// The `values` module, printed: a module per table with values, and
/// `ErrorValue`; nothing when no row has a value. `values` are the
/// catalogue's [`values`](super::values), made once for `lib.rs`.
pub(crate) fn emit_values(catalogue: &Catalogue, values: &[Value]) -> String {
    if values.is_empty() {
        return String::new();
    }
    let docs = doc(&docs::values_docs(catalogue, values));
    let slot = TextSlot::Items.tokens();
    // `macro_use`: `value_wire`, later in the file, dispatches with `each_value!` too.
    let mut printed = crate::print_part(quote! {
        #docs
        #[cfg(feature = "alloc")]
        #[macro_use]
        pub mod values {
            #slot
        }
    });
    let mut items = Items::new(4);
    let mut scratch = Scratch::default();
    value_impls_macro(&mut items, catalogue, values);
    for table in &catalogue.tables {
        let mut of_table = values.iter().filter(|value| value.table.id == table.id).peekable();
        if of_table.peek().is_none() {
            continue;
        }
        items.doc(&docs::module_docs(table));
        items.open(format_args!("pub mod {}", table.id));
        for value in of_table {
            write_struct(&mut items, &mut scratch, catalogue, value);
        }
        items.close();
    }
    write_error_value(&mut items, catalogue, values);
    if occurrence::exists(catalogue) {
        items.line("#[cfg(feature = \"serde\")]");
        items.line("pub use crate::value_wire::Occurrence;");
    }
    TextSlot::Items.fill(&mut printed, &items.finish());
    printed
}

/// The getters a value shares with its error, on `self.error()`: the
/// table enum's for a struct (`const`), `ErrorCode`'s for `ErrorValue`;
/// `error_code` is the value's `ErrorCode`.
fn write_getters(items: &mut Items, catalogue: &Catalogue, constness: &str, error_code: &str) {
    let code = CodeTokens::of(catalogue).ty.to_string().replace("& '", "&'");
    let mut getter = |docs: &str, name: &str, ty: &str, on: &str| {
        items.doc(docs);
        items.line("#[must_use]");
        items.open(format_args!("pub {constness}fn {name}(&self) -> {ty}"));
        items.line(format_args!("{on}.{name}()"));
        items.close();
    };
    getter("The error's code.", "code", &code, "self.error()");
    getter("The error's name, as the catalogue prints it.", "name", "&'static str", "self.error()");
    getter("The error's description.", "description", "&'static str", "self.error()");
    if catalogue.http && catalogue.any_statusless() {
        // Each table's getter has its own type (`Option` where a row has no
        // status); `ErrorCode`'s is one type for every value.
        let docs = "The error's HTTP status; `None` for an error that travels without one.";
        getter(docs, "http_status", "::core::option::Option<u16>", error_code);
    } else if catalogue.http {
        getter("The error's HTTP status.", "http_status", "u16", "self.error()");
    }
    if !catalogue.recoveries.is_empty() {
        getter(
            "What a client can do about the error, if the catalogue says.",
            "recovery",
            "::core::option::Option<crate::Recovery>",
            "self.error()",
        );
    }
}

/// The arms of `value_impls!` for a message that selects a variant by its
/// count: its `match` over the count and its category in the default
/// locale (`select count en { (0, _) => "…", field; … }`), or over the
/// count alone. `write_fmt` rather than `write!`: a variant may end in a
/// line break.
const SELECT_ARMS: &str = "\
(@display $self:tt $f:ident select $count:ident $rule:ident {
    $($key:pat => $format:literal $(, $field:ident)*;)*
}) => {
    match ($self.$count, crate::plural::$rule($self.$count.unsigned_abs())) {
        $($key => $f.write_fmt(::core::format_args!($format $(, $self.$field)*)),)*
    }
};
(@display $self:tt $f:ident select $count:ident {
    $($key:pat => $format:literal $(, $field:ident)*;)*
}) => {
    match $self.$count {
        $($key => $f.write_fmt(::core::format_args!($format $(, $self.$field)*)),)*
    }
};";

/// `value_impls!`: each value's `ERROR`, getters, `Display`, `Error` and
/// conversions, from one line naming its error, its `ErrorCode` variant,
/// its `ErrorValue` variant and how it displays.
fn value_impls_macro(items: &mut Items, catalogue: &Catalogue, values: &[Value]) {
    items.doc(
        "The impls every value has alike, from its struct `$value`, its error `$error` of the\n\
         table enum `$table`, its `ErrorCode` variant `$code`, its `ErrorValue` variant\n\
         `$variant`, and how it displays: its message's `format` and the fields it shows\n\
         (`line` when the message ends in a line break), its message's `text` when it\n\
         shows none, or its `description` when the row has no message.",
    );
    items.open("macro_rules! value_impls");
    items.lines(
        "(@display $self:tt $f:ident description) => {\n    \
             $f.write_str($self.description())\n\
         };\n\
         (@display $self:tt $f:ident text $text:literal) => {\n    \
             $f.write_str($text)\n\
         };\n\
         (@display $self:tt $f:ident line $format:literal $(, $field:ident)*) => {\n    \
             ::core::writeln!($f, $format $(, $self.$field)*)\n\
         };\n\
         (@display $self:tt $f:ident $format:literal $(, $field:ident)*) => {\n    \
             ::core::write!($f, $format $(, $self.$field)*)\n\
         };",
    );
    if values.iter().any(|value| value.row.message.as_ref().is_some_and(|t| t.select.is_some())) {
        items.lines(SELECT_ARMS);
    }
    items.open("($value:ident: $table:ident::$error:ident, $code:ident, $variant:ident, $($display:tt)*) =>");
    items.open("impl $value");
    items.doc("The error this is a value of.");
    items.line("pub const ERROR: crate::$table = crate::$table::$error;");
    items.doc("The error this is a value of.");
    items.line("#[must_use]");
    items.open("pub const fn error(&self) -> crate::$table");
    items.line("Self::ERROR");
    items.close();
    write_getters(items, catalogue, "const ", "crate::ErrorCode::$code(Self::ERROR)");
    items.close();
    items.lines(
        "impl ::core::fmt::Display for $value {\n    \
             fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {\n        \
                 value_impls!(@display self f $($display)*)\n    \
             }\n\
         }\n\
         impl ::core::error::Error for $value {}\n\
         /// The error this is a value of.\n\
         impl ::core::convert::From<$value> for crate::$table {\n    \
             fn from(_: $value) -> Self {\n        \
                 $value::ERROR\n    \
             }\n\
         }\n\
         /// The error this is a value of.\n\
         impl ::core::convert::From<$value> for crate::ErrorCode {\n    \
             fn from(_: $value) -> Self {\n        \
                 crate::ErrorCode::$code($value::ERROR)\n    \
             }\n\
         }\n\
         impl ::core::convert::From<$value> for super::ErrorValue {\n    \
             fn from(value: $value) -> Self {\n        \
                 super::ErrorValue::$variant(value)\n    \
             }\n\
         }",
    );
    items.close_with(";");
    items.close();
}

/// The text a value is written from, kept between values: one set of
/// buffers for a catalogue's thousands of values.
#[derive(Default)]
struct Scratch {
    docs: String,
    display: String,
    format: String,
    fields: String,
}

/// One row's struct, and its line of `value_impls!`.
fn write_struct(items: &mut Items, scratch: &mut Scratch, catalogue: &Catalogue, value: &Value) {
    let Value { table, row, .. } = value;
    docs::struct_docs(&mut scratch.docs, catalogue, value);
    items.doc(&scratch.docs);
    items.line("#[derive(Clone, Debug, PartialEq)]");
    let ty = row.rust_variant.as_str();
    if value.params.is_empty() {
        items.line_of(&["pub struct ", ty, " {}"]);
    } else {
        items.open_of(&["pub struct ", ty]);
        for param in &value.params {
            docs::field_docs(&mut scratch.docs, param);
            items.doc(&scratch.docs);
            items.line_of(&["pub ", &param.name, ": ", &field_type(param), ","]);
        }
        items.close();
    }
    display(scratch, catalogue, value);
    let (enum_name, code) = (table.rust_enum.as_str(), table.error_code_variant.as_str());
    items.line_of(&[
        "value_impls!(",
        ty,
        ": ",
        enum_name,
        "::",
        ty,
        ", ",
        code,
        ", ",
        &value.variant_text,
        ", ",
        &scratch.display,
        ");",
    ]);
}

/// How a value displays, as `value_impls!` reads it, into
/// `scratch.display`: the message with each placeholder's field in its
/// natural text, or the description for a row without a message.
fn display(scratch: &mut Scratch, catalogue: &Catalogue, value: &Value) {
    let out = &mut scratch.display;
    out.clear();
    let Some(template) = &value.row.message else {
        out.push_str("description");
        return;
    };
    if let Some(select) = &template.select {
        // Without `locales:`, no variant is keyed by a category.
        let default = catalogue.locales.as_ref().map_or("", |locales| locales.default.as_str());
        out.push_str(&display_select(select, default));
        return;
    }
    if template.placeholders().is_empty() {
        out.push_str("text ");
        push_string_literal(out, &template.render(|_| String::new()));
        return;
    }
    let (format, fields) = (&mut scratch.format, &mut scratch.fields);
    format_of(format, fields, &template.pieces);
    // A message ending in a newline (MySQL's `%s: Shutdown complete\n`)
    // is written with `writeln!`: clippy's `write_with_newline` refuses it
    // at the end of `write!`'s format.
    match format.strip_suffix('\n') {
        Some(line) => {
            out.push_str("line ");
            push_string_literal(out, line);
        }
        None => push_string_literal(out, format),
    }
    out.push_str(fields);
}

/// A selecting message as `value_impls!`'s `select` reads it: the count,
/// the default locale's rule (when a variant is keyed by a category), and
/// each variant's pattern, format and fields.
fn display_select(select: &Select, tag: &str) -> String {
    let mut text = format!("select {}", select.param);
    if plural::by_category(select) {
        text.push(' ');
        text.push_str(&plural::function(tag));
    }
    text.push_str(" {");
    let (mut format, mut fields) = (String::new(), String::new());
    for (pattern, variant) in plural::arms(select) {
        format_of(&mut format, &mut fields, &variant.pieces);
        text.push_str(&format!(" {pattern} => {}{fields};", string_literal(&format)));
    }
    text.push_str(" }");
    text
}

/// A pattern as a `format!` text and its fields (`, table, db`), into
/// `format` and `fields` (cleared first).
fn format_of(format: &mut String, fields: &mut String, pieces: &[Piece]) {
    format.clear();
    fields.clear();
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                // Each brace doubled, the runs between them copied whole.
                let mut rest = text.as_str();
                while let Some(at) = rest.find(['{', '}']) {
                    format.push_str(&rest[..=at]);
                    format.push_str(&rest[at..=at]);
                    rest = &rest[at + 1..];
                }
                format.push_str(rest);
            }
            Piece::Param(name) => {
                format.push_str("{}");
                fields.push_str(", ");
                fields.push_str(name);
            }
        }
    }
}

/// `ErrorValue`: one variant per value, its getters, `Display` and conversions.
fn write_error_value(items: &mut Items, catalogue: &Catalogue, values: &[Value]) {
    items.doc(&docs::error_value_docs(catalogue, values));
    items.line("#[derive(Clone, Debug, PartialEq)]");
    items.line("#[non_exhaustive]");
    items.open("pub enum ErrorValue");
    // One buffer for every variant's doc and line: a catalogue may have
    // thousands of values.
    let mut line = String::new();
    for value in values {
        let (name, variant) = (value.table.rust_enum.as_str(), value.row.rust_variant.as_str());
        line.clear();
        for part in ["[`", name, "::", variant, "`](crate::", name, "::", variant, ")."] {
            line.push_str(part);
        }
        items.doc(&line);
        line.clear();
        for part in [&value.variant_text, "(crate::values::", &value.table.id, "::", variant, "),"] {
            line.push_str(part);
        }
        items.line(line.as_str());
    }
    items.close();
    each_value_macro(items, values);
    items.open("impl ErrorValue");
    items.doc("The error this is a value of.");
    items.line("#[must_use]");
    items.open("pub fn error(&self) -> crate::ErrorCode");
    write_match(items, "crate::ErrorCode::from(value.error())");
    items.close();
    write_getters(items, catalogue, "", "self.error()");
    items.close();
    items.open("impl ::core::fmt::Display for ErrorValue");
    items.open("fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result");
    write_match(items, "::core::fmt::Display::fmt(value, f)");
    items.close();
    items.close();
    items.lines(
        "impl ::core::error::Error for ErrorValue {}\n\
         /// The error this is a value of.\n\
         impl ::core::convert::From<ErrorValue> for crate::ErrorCode {\n    \
             fn from(value: ErrorValue) -> Self {\n        \
                 value.error()\n    \
             }\n\
         }",
    );
}

/// `each_value!`: the one `match` over `ErrorValue`'s variants, which
/// every method dispatching on the value it holds expands, so that a value
/// is an arm once rather than once per method.
fn each_value_macro(items: &mut Items, values: &[Value]) {
    items.doc(
        "`$body` with `$value` bound to the value `$on`, an `ErrorValue`, holds: a `match` of\n\
         one arm per value, written once for every method that dispatches on the value.",
    );
    items.open("macro_rules! each_value");
    items.open("($on:expr, $value:ident => $body:expr) =>");
    items.open("match $on");
    for value in values {
        items.line_of(&["Self::", &value.variant_text, "($value) => $body,"]);
    }
    items.close();
    items.close_with(";");
    items.close();
}

/// `each_value!(self, value => body)`: `body` on the value `self` holds.
pub(super) fn write_match(items: &mut Items, body: &str) {
    items.line(format_args!("each_value!(self, value => {body})"));
}
