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
use crate::model::Catalogue;

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
        code = first_table.rows[0].code.to_string(),
    ));
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
