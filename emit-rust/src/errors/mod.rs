//! `UnknownCodeError` and `UnknownNameError`: what the conversions from a
//! number and from a string fail with. The types are real Rust in
//! `types.rs`, compiled and tested here; this module adds their docs.

#[cfg(test)]
mod types;

/// The two error types, spliced in verbatim.
const TYPES_SOURCE: &str = include_str!("types.rs");

use proc_macro2::TokenStream;
use quote::quote;

use super::fixed;

use super::examples::unused_code;
use super::tokens::doc;
use errcat_model::{Catalogue, CodeKind};

/// Both error types, with examples on the first table.
pub(super) fn emit_error_types(catalogue: &Catalogue) -> TokenStream {
    let krate = catalogue.crate_ident();
    let first_table = &catalogue.tables[0];
    let name = &first_table.rust_enum;
    let miss = unused_code(catalogue);
    let code_error_docs = doc(&format!(
        "The error returned when a number is not a code of the table.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         let error = {name}::try_from({miss}).unwrap_err();\n\
         assert_eq!(error.code(), {miss});\n\
         assert_eq!(error.to_string(), \"unknown error code {miss}\");\n\
         ```"
    ));
    let code_docs = doc(&format!(
        "The number that is not a code of the table.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::try_from({miss}).unwrap_err().code(), {miss});\n\
         ```"
    ));
    let name_error_docs = doc(&format!(
        "The error returned when parsing a string that is not a name of the\n\
         table. Only the exact name parses: not a code, not another case.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         let error = {code:?}.parse::<{name}>().unwrap_err();\n\
         assert_eq!(error.to_string(), \"unknown error name\");\n\
         ```",
        // A code that is no name of the table (a string code may be one).
        code = first_table
            .rows
            .iter()
            .map(|row| row.code.to_string())
            .find(|code| first_table.rows.iter().all(|row| row.name != *code))
            .unwrap_or_default(),
    ));
    if catalogue.codes == CodeKind::String {
        return emit_string_code_error(catalogue, name_error_docs);
    }
    let items = fixed::items(
        TYPES_SOURCE,
        [
            ("UnknownCodeError", code_error_docs),
            ("UnknownCodeError::code", code_docs),
            ("UnknownNameError", name_error_docs),
        ]
        .into_iter()
        .map(|(name, docs)| (name.to_owned(), docs))
        .collect(),
    );
    quote! { #(#items)* }
}

/// The error types of a catalogue with string codes: `UnknownCodeError`
/// holds no code, since a `no_std` crate without `alloc` could not own a
/// copy of the text, and borrowing it would tie the error to the input.
fn emit_string_code_error(catalogue: &Catalogue, name_error_docs: TokenStream) -> TokenStream {
    let krate = catalogue.crate_ident();
    let name = &catalogue.tables[0].rust_enum;
    let miss = unused_code(catalogue);
    let code_error_docs = doc(&format!(
        "The error returned when a string is not a code of the table. It does\n\
         not hold the string: the caller has it.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         let error = {name}::try_from({miss}).unwrap_err();\n\
         assert_eq!(error.to_string(), \"unknown error code\");\n\
         ```"
    ));
    let name_error = fixed::items(TYPES_SOURCE, vec![("UnknownNameError".to_owned(), name_error_docs)])
        .into_iter()
        .filter(|item| !is_unknown_code_error(item));
    quote! {
        #code_error_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct UnknownCodeError {
            _private: (),
        }

        impl ::core::fmt::Display for UnknownCodeError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("unknown error code")
            }
        }

        impl ::core::error::Error for UnknownCodeError {}

        #(#name_error)*
    }
}

/// Whether `item` is `UnknownCodeError` or one of its impls.
fn is_unknown_code_error(item: &syn::Item) -> bool {
    let is_it =
        |ty: &syn::Type| matches!(ty, syn::Type::Path(path) if path.path.is_ident("UnknownCodeError"));
    match item {
        syn::Item::Struct(item) => item.ident == "UnknownCodeError",
        syn::Item::Impl(item) => is_it(&item.self_ty),
        _ => false,
    }
}
