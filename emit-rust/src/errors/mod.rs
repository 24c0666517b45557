//! `UnknownCodeError` and `UnknownNameError`: what the conversions from a
//! number and from a string fail with. The types, with their docs, are
//! real Rust in `types.rs` (and `types_string.rs` for string codes),
//! compiled and tested here; this module fills their examples' slots.

#[cfg(test)]
mod types;
#[cfg(test)]
mod types_string;

/// The two error types, spliced in verbatim.
const TYPES_SOURCE: &str = include_str!("types.rs");

/// The `UnknownCodeError` of string codes, spliced in place of `types.rs`'s.
const TYPES_STRING_SOURCE: &str = include_str!("types_string.rs");

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::unused_code;
use super::splice::{Fixed, Named, Slots};
use errcat_model::{Catalogue, CodeKind, Table};

/// Both error types, with examples on the first table.
pub(super) fn emit_error_types(catalogue: &Catalogue) -> TokenStream {
    let slots = slots(catalogue);
    let types = Fixed::parse(TYPES_SOURCE).fill(&slots);
    match catalogue.codes {
        CodeKind::Integer => quote! { #types },
        CodeKind::String => {
            // `types_string.rs`'s `UnknownCodeError` in place of the numeric one.
            let code_error = Fixed::parse(TYPES_STRING_SOURCE).fill(&slots);
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
    let not_a_name = not_a_name(first_table);
    Slots::new()
        .with("krate", catalogue.crate_ident().to_string())
        .with("table", first_table.rust_enum.clone())
        .with("unknown", unused_code(catalogue))
        .with("not_a_name", format!("{not_a_name:?}"))
}

/// A code of `table` that is no name of it: a string code may be one, a
/// row's own name or one of its other names.
fn not_a_name(table: &Table) -> String {
    let named = |code: &str| {
        table.rows.iter().any(|row| row.name == code || row.also_named.iter().any(|other| other.name == code))
    };
    table.rows.iter().map(|row| row.code.to_string()).find(|code| !named(code)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use errcat_model::CodeKind;

    use super::super::test_catalogue::{catalogue, parse};
    use super::{Fixed, Named, TYPES_SOURCE, TYPES_STRING_SOURCE, not_a_name, slots};

    /// The docs' example of a code that is no name must not pick a code
    /// that is a row's other name: `parse` would find that row.
    #[test]
    fn a_code_that_is_another_name_is_not_the_example_of_no_name() {
        let catalogue = parse(
            "title: T\ncodes: string\ncrate: t-errors\nversion: 1.0.0\ntables:\n  - id: app\n    title: App\n    \
             summary: App.\n    errors:\n      - {code: slow_down, name: SLOW_DOWN, description: A., also_named: [slow_down]}\n      \
             - {code: other, name: OTHER, description: B.}\n",
        );
        assert_eq!(not_a_name(&catalogue.tables[0]), "other");
    }

    #[test]
    fn every_slot_of_the_docs_is_filled() {
        for codes in [CodeKind::Integer, CodeKind::String] {
            let names = slots(&catalogue(codes)).names();
            for source in [TYPES_SOURCE, TYPES_STRING_SOURCE] {
                for slot in Fixed::parse(source).slots() {
                    assert!(names.contains(slot.as_str()), "{slot} is not filled");
                }
            }
        }
        assert!(Fixed::parse(TYPES_SOURCE).has(Named::Type("UnknownCodeError")));
    }
}
