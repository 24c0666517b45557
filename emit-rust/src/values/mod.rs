//! Errors as values (the generated crate's `alloc` feature): a struct per
//! row with params or a message, in a module per table
//! (`values::card::CardDeclined`), holding one field per param, the
//! catalogue's shared params first; and `values::ErrorValue`, one variant
//! per such struct. `items.rs` writes them; `wire.rs` adds their serde,
//! their `IntoResponse` and `ApiError::value`, `read.rs` the one reader
//! of a body's members they share; `occurrence.rs` the member naming an
//! answer's occurrence; `docs.rs` writes their docs, and `guide.rs` the
//! crate guide's sections on them.
//!
//! What grows with the rows is written as text (errcat-model's
//! `rust_items`), the rest is `quote!`: the impls every value has alike
//! come from one `macro_rules!` the crate defines once, as `http`'s
//! `StatusCode` defines its constants, so each value is its struct, its
//! `Display` and one line.
//!
//! Shared params are fields of every struct rather than a separate
//! occurrence struct: a value is then the whole body on the wire, flat as
//! the catalogue declares it, and a handler fills one struct literal.

mod docs;
pub(crate) mod guide;
mod items;
pub(crate) mod occurrence;
mod read;
mod wire;

use super::tokens::ident;
use errcat_model::params::{Param, ParamType};
use errcat_model::{Catalogue, Row, Table};

pub(super) use items::emit_values;
pub(super) use wire::emit_wire;

/// Whether the row has a value: params, its own or the catalogue's, or a message.
pub(super) fn has_value(catalogue: &Catalogue, row: &Row) -> bool {
    !catalogue.params.is_empty() || !row.params.is_empty() || row.message.is_some()
}

/// Whether any row of the catalogue has a value, so the crate has `values`.
pub(super) fn any_values(catalogue: &Catalogue) -> bool {
    catalogue.rows().any(|(_, row)| has_value(catalogue, row))
}

/// One row's value: where it lives and what its `ErrorValue` variant is called.
pub(super) struct Value<'a> {
    pub table: &'a Table,
    pub row: &'a Row,
    /// Its struct, by path: `crate::values::card::CardDeclined`.
    pub path_text: String,
    /// Its `ErrorValue` variant.
    pub variant: proc_macro2::Ident,
    /// The same variant as text.
    pub variant_text: String,
    /// Every param it carries: the catalogue's, then the row's.
    pub params: Vec<&'a Param>,
}

/// Every row's value, in spec order. `ErrorValue`'s variants join the
/// `ErrorCode` variant and the row's (`CardCardDeclined`); were two joins
/// the same, every variant is joined with `_` instead (variant names have
/// no `_`, so those are distinct).
pub(super) fn values(catalogue: &Catalogue) -> Vec<Value<'_>> {
    let rows: Vec<(&Table, &Row)> = catalogue.rows().filter(|(_, row)| has_value(catalogue, row)).collect();
    let joined = |separator: &str| -> Vec<String> {
        rows.iter()
            .map(|(table, row)| format!("{}{separator}{}", table.error_code_variant, row.rust_variant))
            .collect()
    };
    let mut names = joined("");
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    if sorted.len() != names.len() {
        names = joined("_");
    }
    rows.into_iter()
        .zip(names)
        .map(|((table, row), name)| {
            let (module, ty) = (ident(&table.id), ident(&row.rust_variant));
            Value {
                table,
                row,
                path_text: format!("crate::values::{module}::{ty}"),
                variant: ident(&name),
                variant_text: name,
                params: catalogue.params.iter().chain(&row.params).collect(),
            }
        })
        .collect()
}

/// The Rust type of a param's field.
pub(super) fn field_type(param: &Param) -> String {
    let ty = match param.ty {
        ParamType::String => "::alloc::string::String",
        ParamType::Integer => "i64",
        ParamType::Number => "f64",
        ParamType::Boolean => "bool",
        ParamType::Strings => "::alloc::vec::Vec<::alloc::string::String>",
    };
    if param.required { ty.to_owned() } else { format!("::core::option::Option<{ty}>") }
}
