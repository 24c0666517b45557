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

use std::borrow::Cow;

use proc_macro2::TokenStream;
use quote::quote;

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

/// Whether a value has params, so a body's reader looks for them
/// (`response/spans.rs`, `read.rs`).
pub(crate) fn any_params(catalogue: &Catalogue) -> bool {
    !catalogue.params.is_empty() || catalogue.rows().any(|(_, row)| !row.params.is_empty())
}

/// One row's value: where it lives and what its `ErrorValue` variant is called.
///
/// Made for every row once a file (`lib.rs`, where the guide's sample,
/// the items and their wire code each walk the list, and the README), so
/// it holds only what every pass reads; the paths and idents are made
/// where they are used.
pub(crate) struct Value<'a> {
    pub table: &'a Table,
    pub row: &'a Row,
    /// Its `ErrorValue` variant, as text.
    pub variant_text: String,
    /// Every param it carries: the catalogue's, then the row's.
    pub params: Vec<&'a Param>,
}

impl Value<'_> {
    /// Its struct, by path: `crate::values::card::CardDeclined`.
    pub fn path(&self) -> TokenStream {
        let (module, ty) = (ident(&self.table.id), ident(&self.row.rust_variant));
        quote!(crate::values::#module::#ty)
    }

    /// Its `ErrorValue` variant.
    pub fn variant(&self) -> proc_macro2::Ident {
        ident(&self.variant_text)
    }
}

/// Every row's value, in spec order. `ErrorValue`'s variants join the
/// `ErrorCode` variant and the row's (`CardCardDeclined`); were two joins
/// the same, every variant is joined with `_` instead (variant names have
/// no `_`, so those are distinct).
pub(crate) fn values(catalogue: &Catalogue) -> Vec<Value<'_>> {
    let rows: Vec<(&Table, &Row)> = catalogue.rows().filter(|(_, row)| has_value(catalogue, row)).collect();
    let joined = |separator: &str| -> Vec<String> {
        rows.iter()
            .map(|(table, row)| [table.error_code_variant.as_str(), separator, &row.rust_variant].concat())
            .collect()
    };
    let mut names = joined("");
    let mut distinct = std::collections::HashSet::with_capacity(names.len());
    if !names.iter().all(|name| distinct.insert(name.as_str())) {
        names = joined("_");
    }
    rows.into_iter()
        .zip(names)
        .map(|((table, row), variant_text)| Value {
            table,
            row,
            variant_text,
            params: catalogue.params.iter().chain(&row.params).collect(),
        })
        .collect()
}

/// The Rust type of a param's field.
pub(super) fn field_type(param: &Param) -> Cow<'static, str> {
    let ty = match param.ty {
        ParamType::String => "::alloc::string::String",
        ParamType::Integer => "i64",
        ParamType::Number => "f64",
        ParamType::Boolean => "bool",
        ParamType::Strings => "::alloc::vec::Vec<::alloc::string::String>",
    };
    if param.required { Cow::Borrowed(ty) } else { Cow::Owned(format!("::core::option::Option<{ty}>")) }
}
