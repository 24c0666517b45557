//! The docs of the `values` module, its table modules, each value's
//! struct and fields, and `ErrorValue`.

use super::Value;
use crate::DOCS;
use errcat_model::params::{Param, ParamType};
use errcat_model::{Catalogue, MessageText, Table};

/// The `values` module's docs: what a value is, and an example.
pub(super) fn values_docs(catalogue: &Catalogue, values: &[Value]) -> String {
    let first = &values[0];
    format!(
        "Errors as values (feature `alloc`): the params of each error that has \
         them, and its message.\n\n\
         A module per table holds a struct per error with params or a message \
         (`values::{module}::{ty}`), one public field per param, the \
         catalogue's shared params first; `ErrorValue` holds any of them. \
         Each displays its message and converts into its error and `ErrorCode`.\
         {wire}{occurrence}",
        module = first.table.id,
        ty = first.row.rust_variant,
        wire = if catalogue.body.is_some() {
            "\n\nWith `serde`, a value is written as the catalogue's error body, \
             its params as members beside the code, and `ApiError::value` reads \
             one back; with `axum`, it answers a request."
        } else {
            ""
        },
        occurrence = match super::occurrence::member(catalogue) {
            Some((key, field)) if catalogue.body.is_some() => format!(
                " Its `with_{field}` gives an `Occurrence`, which answers with `{key}` \
                 naming this occurrence too."
            ),
            _ => String::new(),
        },
    )
}

/// A table module's docs.
pub(super) fn module_docs(table: &Table) -> String {
    format!(
        "The values of [`{name}`](crate::{name})'s errors with params or a message.",
        name = table.rust_enum
    )
}

/// A value's docs: its error, its description, its message and its params.
pub(super) fn struct_docs(catalogue: &Catalogue, value: &Value) -> String {
    let Value { table, row, .. } = value;
    let mut docs = format!(
        "[`{name}::{variant}`](crate::{name}::{variant}) with its params: {description}\n\n",
        name = table.rust_enum,
        variant = row.rust_variant,
        description = DOCS.inline(&row.description),
    );
    match &row.message {
        Some(template) => {
            // The template as the spec writes it: an outline with `{param}`
            // could not tell a placeholder from escaped literal braces.
            let escapes = if template.source.contains('\\') {
                "; `\\{`, `\\}`, `\\|` and `\\\\` stand for `{`, `}`, `|` and `\\`"
            } else {
                ""
            };
            docs.push_str(&format!(
                "Displayed as its message template, as the spec writes it, each `{{$param}}` replaced \
                 by the field's value (a number as Rust's `Display` for `f64` shows it){escapes}:\n\n> {}",
                DOCS.inline(&template.shown(true))
            ));
        }
        None => docs.push_str("Displayed as its description: the row has no message."),
    }
    if let Some(body) = &catalogue.body
        && let Some(message) = body.member(errcat_model::BodyRole::Message)
        && row.message.is_none()
    {
        let text = match body.message_text {
            MessageText::Name => "name",
            MessageText::Description => "description",
        };
        docs.push_str(&format!(" The body's `{}` member carries its {text}.", message.key));
    }
    if !value.params.is_empty() {
        docs.push_str("\n\n# Params\n");
        for param in &value.params {
            docs.push_str(&format!(
                "\n- `{}` ({}): {}",
                param.name,
                kind(param),
                DOCS.inline(&param.description)
            ));
        }
    }
    docs
}

/// A field's docs: the param's description, and what it holds.
pub(super) fn field_docs(param: &Param) -> String {
    format!("{}\n\n{}.", DOCS.paragraph(&param.description), upper_first(&kind(param)))
}

/// What a param holds, in words: `an integer, optional, data only`.
fn kind(param: &Param) -> String {
    let mut kind = match param.ty {
        ParamType::String => "a string",
        ParamType::Integer => "an integer",
        ParamType::Number => "a number",
        ParamType::Boolean => "a boolean",
        ParamType::Strings => "a list of strings",
    }
    .to_owned();
    if !param.required {
        kind.push_str(", optional");
    }
    if param.data_only {
        kind.push_str(", data only: not in the message");
    }
    kind
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// `ErrorValue`'s docs.
pub(super) fn error_value_docs(catalogue: &Catalogue, values: &[Value]) -> String {
    let first = &values[0];
    format!(
        "Any of the catalogue's values: one variant per error with params or a \
         message, named by its `ErrorCode` variant and its own \
         (`ErrorValue::{variant}`).\n\n\
         `From` each value builds it; `error()` gives its `ErrorCode`{more}.",
        variant = first.variant,
        more = if catalogue.body.is_some() {
            ", and with `serde` it reads a body of any of them by its code"
        } else {
            ""
        },
    )
}
