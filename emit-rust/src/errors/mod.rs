//! `UnknownCodeError` and `UnknownNameError`: what the conversions from a
//! number and from a string fail with. The types, with their docs, are
//! real Rust in `types.rs`, compiled and tested here; this module fills
//! their examples' slots.

#[cfg(test)]
mod types;

/// The two error types, spliced in verbatim.
const TYPES_SOURCE: &str = include_str!("types.rs");

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::unused_code;
use super::splice::{Fixed, Named, Slots};
use super::tokens::doc;
use errcat_model::{Catalogue, CodeKind};

/// Both error types, with examples on the first table.
pub(super) fn emit_error_types(catalogue: &Catalogue) -> TokenStream {
    let types = Fixed::parse(TYPES_SOURCE).fill(&slots(catalogue));
    match catalogue.codes {
        CodeKind::Integer => quote! { #types },
        CodeKind::String => {
            let code_error = emit_string_code_error(catalogue);
            let name_error = types.without(Named::Type("UnknownCodeError"));
            quote! {
                #code_error
                #name_error
            }
        }
    }
}

/// What the examples name: the crate, its first table, a code the table
/// does not have, and a code that is no name of the table.
fn slots(catalogue: &Catalogue) -> Slots {
    let first_table = &catalogue.tables[0];
    // A code that is no name of the table (a string code may be one).
    let not_a_name = first_table
        .rows
        .iter()
        .map(|row| row.code.to_string())
        .find(|code| first_table.rows.iter().all(|row| row.name != *code))
        .unwrap_or_default();
    Slots::new()
        .with("krate", catalogue.crate_ident().to_string())
        .with("table", first_table.rust_enum.clone())
        .with("unknown", unused_code(catalogue))
        .with("not_a_name", format!("{not_a_name:?}"))
}

/// The `UnknownCodeError` of a catalogue with string codes: it holds no
/// code, since a `no_std` crate without `alloc` could not own a copy of
/// the text, and borrowing it would tie the error to the input.
fn emit_string_code_error(catalogue: &Catalogue) -> TokenStream {
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
    }
}

#[cfg(test)]
mod tests {
    use errcat_model::CodeKind;

    use super::super::test_catalogue::catalogue;
    use super::{Fixed, Named, TYPES_SOURCE, slots};

    #[test]
    fn every_slot_of_the_docs_is_filled() {
        for codes in [CodeKind::Integer, CodeKind::String] {
            let names = slots(&catalogue(codes)).names();
            for slot in Fixed::parse(TYPES_SOURCE).slots() {
                assert!(names.contains(slot.as_str()), "{slot} is not filled");
            }
        }
        assert!(Fixed::parse(TYPES_SOURCE).has(Named::Type("UnknownCodeError")));
    }
}
