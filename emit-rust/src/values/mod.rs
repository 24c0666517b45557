//! Errors as values (the generated crate's `alloc` feature): a struct per
//! row with params or a message, in a module per table
//! (`values::card::CardDeclined`), holding one field per param, the
//! catalogue's shared params first; and `values::ErrorValue`, one variant
//! per such struct. `wire.rs` adds their serde, their `IntoResponse` and
//! `ApiError::value`; `occurrence.rs` the member naming an answer's
//! occurrence; `docs.rs` writes their docs, and `guide.rs` the crate
//! guide's sections on them.
//!
//! Shared params are fields of every struct rather than a separate
//! occurrence struct: a value is then the whole body on the wire, flat as
//! the catalogue declares it, and a handler fills one struct literal.

mod docs;
pub(crate) mod guide;
pub(crate) mod occurrence;
mod wire;

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{CodeTokens, doc, ident};
use errcat_model::params::{Param, ParamType, Piece};
use errcat_model::{Catalogue, Row, Table};

pub(super) use wire::emit_wire;

/// Whether the row has a value: params, its own or the catalogue's, or a message.
pub(super) fn has_value(catalogue: &Catalogue, row: &Row) -> bool {
    !catalogue.params.is_empty() || !row.params.is_empty() || row.message.is_some()
}

/// Whether any row of the catalogue has a value, so the crate has `values`.
pub(super) fn any_values(catalogue: &Catalogue) -> bool {
    catalogue.rows().any(|(_, row)| has_value(catalogue, row))
}

/// The manifest's `[features]` with `alloc`, which `serde` turns on
/// where it writes error bodies (and so values).
pub(super) fn manifest_features(features: &str) -> String {
    features
        .replacen(
            "[features]\n",
            "[features]\n\
             # Errors as values (`values`): each error's params and message; owned text needs an allocator.\n\
             alloc = []\n",
            1,
        )
        .replacen(
            "serde = [\"dep:serde\", \"dep:serde_json\"]",
            "serde = [\"alloc\", \"dep:serde\", \"dep:serde_json\"]",
            1,
        )
}

/// One row's value: where it lives and what its `ErrorValue` variant is called.
pub(super) struct Value<'a> {
    pub table: &'a Table,
    pub row: &'a Row,
    /// Its struct, by path: `crate::values::card::CardDeclined`.
    pub path: TokenStream,
    /// Its `ErrorValue` variant.
    pub variant: proc_macro2::Ident,
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
                path: quote!(crate::values::#module::#ty),
                variant: ident(&name),
                params: catalogue.params.iter().chain(&row.params).collect(),
            }
        })
        .collect()
}

/// The Rust type of a param's field.
pub(super) fn field_type(param: &Param) -> TokenStream {
    let ty = match param.ty {
        ParamType::String => quote!(::alloc::string::String),
        ParamType::Integer => quote!(i64),
        ParamType::Number => quote!(f64),
        ParamType::Boolean => quote!(bool),
        ParamType::Strings => quote!(::alloc::vec::Vec<::alloc::string::String>),
    };
    if param.required { ty } else { quote!(::core::option::Option<#ty>) }
}

/// The `values` module: a module per table with values, and `ErrorValue`.
pub(super) fn emit_values(catalogue: &Catalogue) -> TokenStream {
    let values = values(catalogue);
    if values.is_empty() {
        return TokenStream::new();
    }
    let modules = catalogue.tables.iter().filter_map(|table| {
        let structs: Vec<TokenStream> = values
            .iter()
            .filter(|value| value.table.id == table.id)
            .map(|value| emit_struct(catalogue, value))
            .collect();
        if structs.is_empty() {
            return None;
        }
        let module = ident(&table.id);
        let docs = doc(&docs::module_docs(table));
        Some(quote! {
            #docs
            pub mod #module {
                #(#structs)*
            }
        })
    });
    let error_value = emit_error_value(catalogue, &values);
    let occurrence = occurrence::reexport(catalogue);
    let docs = doc(&docs::values_docs(catalogue, &values));
    quote! {
        #docs
        #[cfg(feature = "alloc")]
        pub mod values {
            #(#modules)*
            #error_value
            #occurrence
        }
    }
}

/// The getters a value shares with its error, on `self.error()`: the
/// table enum's for a struct, `ErrorCode`'s for `ErrorValue`.
fn getters(catalogue: &Catalogue, constness: Option<TokenStream>) -> TokenStream {
    let code = CodeTokens::of(catalogue).ty;
    let http = catalogue.http.then(|| {
        quote! {
            /// The error's HTTP status.
            #[must_use]
            pub #constness fn http_status(&self) -> u16 {
                self.error().http_status()
            }
        }
    });
    let recovery = (!catalogue.recoveries.is_empty()).then(|| {
        quote! {
            /// What a client can do about the error, if the catalogue says.
            #[must_use]
            pub #constness fn recovery(&self) -> ::core::option::Option<crate::Recovery> {
                self.error().recovery()
            }
        }
    });
    quote! {
        /// The error's code.
        #[must_use]
        pub #constness fn code(&self) -> #code {
            self.error().code()
        }

        /// The error's name, as the catalogue prints it.
        #[must_use]
        pub #constness fn name(&self) -> &'static str {
            self.error().name()
        }

        /// The error's description.
        #[must_use]
        pub #constness fn description(&self) -> &'static str {
            self.error().description()
        }

        #http
        #recovery
    }
}

/// One row's struct, its getters, `Display` and conversions.
fn emit_struct(catalogue: &Catalogue, value: &Value) -> TokenStream {
    let Value { table, row, variant, .. } = value;
    let (name, enum_name, error_code_variant) =
        (ident(&row.rust_variant), ident(&table.rust_enum), ident(&table.error_code_variant));
    let docs = doc(&docs::struct_docs(catalogue, value));
    let fields = value.params.iter().map(|param| {
        let (field, ty, docs) = (ident(&param.name), field_type(param), doc(&docs::field_docs(param)));
        quote! { #docs pub #field: #ty, }
    });
    let getters = getters(catalogue, Some(quote!(const)));
    let display = display_body(row);
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            /// The error this is a value of.
            pub const ERROR: crate::#enum_name = crate::#enum_name::#name;

            /// The error this is a value of.
            #[must_use]
            pub const fn error(&self) -> crate::#enum_name {
                Self::ERROR
            }

            #getters
        }

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
            }
        }

        impl ::core::error::Error for #name {}

        /// The error this is a value of.
        impl ::core::convert::From<#name> for crate::#enum_name {
            fn from(_: #name) -> Self {
                #name::ERROR
            }
        }

        /// The error this is a value of.
        impl ::core::convert::From<#name> for crate::ErrorCode {
            fn from(_: #name) -> Self {
                crate::ErrorCode::#error_code_variant(#name::ERROR)
            }
        }

        impl ::core::convert::From<#name> for super::ErrorValue {
            fn from(value: #name) -> Self {
                super::ErrorValue::#variant(value)
            }
        }
    }
}

/// `Display::fmt`'s body: the message with each placeholder's value in
/// its natural text, or the description for a row without a message.
fn display_body(row: &Row) -> TokenStream {
    let Some(template) = &row.message else {
        return quote! { f.write_str(self.description()) };
    };
    if template.placeholders().is_empty() {
        let text = template.render(|_| String::new());
        return quote! { f.write_str(#text) };
    }
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Param(name) => {
                format.push_str("{}");
                let field = ident(name);
                args.push(quote!(self.#field));
            }
        }
    }
    // A message ending in a newline (MySQL's `%s: Shutdown complete\n`)
    // is written with `writeln!`: clippy's `write_with_newline` refuses it
    // at the end of `write!`'s format.
    match format.strip_suffix('\n') {
        Some(line) => quote! { ::core::writeln!(f, #line, #(#args),*) },
        None => quote! { ::core::write!(f, #format, #(#args),*) },
    }
}

/// `ErrorValue`: one variant per value, its getters, `Display` and conversions.
fn emit_error_value(catalogue: &Catalogue, values: &[Value]) -> TokenStream {
    let variants = values.iter().map(|Value { path, variant, row, table, .. }| {
        let docs = doc(&format!("[`{}::{}`](crate::{0}::{1}).", table.rust_enum, row.rust_variant));
        quote! { #docs #variant(#path), }
    });
    let arms = |body: TokenStream| {
        let variants = values.iter().map(|value| &value.variant);
        quote! { #(Self::#variants(value) => #body,)* }
    };
    let error_arms = arms(quote!(crate::ErrorCode::from(value.error())));
    let display_arms = arms(quote!(::core::fmt::Display::fmt(value, f)));
    let getters = getters(catalogue, None);
    let docs = doc(&docs::error_value_docs(catalogue, values));
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum ErrorValue {
            #(#variants)*
        }

        impl ErrorValue {
            /// The error this is a value of.
            #[must_use]
            pub fn error(&self) -> crate::ErrorCode {
                match self {
                    #error_arms
                }
            }

            #getters
        }

        impl ::core::fmt::Display for ErrorValue {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #display_arms
                }
            }
        }

        impl ::core::error::Error for ErrorValue {}

        /// The error this is a value of.
        impl ::core::convert::From<ErrorValue> for crate::ErrorCode {
            fn from(value: ErrorValue) -> Self {
                value.error()
            }
        }
    }
}
