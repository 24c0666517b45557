//! The docs of the `values` module, its table modules, each value's
//! struct and fields, and `ErrorValue`.

use super::Value;
use crate::DOCS;
use errcat_model::params::Param;
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
         Each converts into its error and `ErrorCode`, and displays its message \
         template as the spec writes it (shown on each value), each `{{$param}}` replaced \
         by the field's value (a number as Rust's `Display` for `f64` shows it), as \
         each error's entry in [the reference](crate::reference) shows with sample values; \
         one without a message displays its description.{wire}{occurrence}",
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

/// A value's docs: its error, its description and its message template,
/// written into `docs` (cleared first: one buffer serves every value).
/// What every value's docs would repeat (how a template displays) the
/// `values` module says once, and the fields list the params.
pub(super) fn struct_docs(docs: &mut String, catalogue: &Catalogue, value: &Value) {
    let Value { table, row, .. } = value;
    // Pushed rather than formatted: a catalogue may have thousands of values.
    let (name, variant) = (table.rust_enum.as_str(), row.rust_variant.as_str());
    docs.clear();
    for part in ["[`", name, "::", variant, "`](crate::", name, "::", variant, ") with its params: "] {
        docs.push_str(part);
    }
    DOCS.inline_into(docs, &row.description);
    docs.push_str("\n\n");
    match &row.message {
        Some(template) => {
            // The template as the spec writes it: an outline with `{param}`
            // could not tell a placeholder from escaped literal braces.
            docs.push_str("Displayed as its message template");
            if template.source.contains('\\') {
                docs.push_str(" (`\\{`, `\\}`, `\\|` and `\\\\` stand for `{`, `}`, `|` and `\\`)");
            }
            docs.push_str(":\n\n> ");
            DOCS.inline_into(docs, &template.shown(true));
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
        for part in [" The body's `", message.key.as_str(), "` member carries its ", text, "."] {
            docs.push_str(part);
        }
    }
}

/// A field's docs, written into `docs` (cleared first): the param's
/// description, and whether the message shows it (its type and whether it
/// is optional are the field's type).
pub(super) fn field_docs(docs: &mut String, param: &Param) {
    docs.clear();
    DOCS.paragraph_into(docs, &param.description);
    if param.data_only {
        docs.push_str("\n\nData only: not in the message.");
    }
}

/// `ErrorValue`'s docs.
pub(super) fn error_value_docs(catalogue: &Catalogue, values: &[Value]) -> String {
    let first = &values[0];
    format!(
        "Any of the catalogue's values: one variant per error with params or a \
         message, named by its `ErrorCode` variant and its own \
         (`ErrorValue::{variant}`).\n\n\
         `From` each value builds it; `error()` gives its `ErrorCode`{more}.",
        variant = first.variant_text,
        more = if catalogue.body.is_some() {
            ", and with `serde` it reads a body of any of them by its code"
        } else {
            ""
        },
    )
}
