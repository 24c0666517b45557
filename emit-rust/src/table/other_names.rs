//! A table's other names (`also_named:`): the per-row list `other_names`
//! reads, the keys `from_name` hashes beside the rows' names, and an
//! associated constant per other name standing for its row's variant.
//! A table without other names has none of it.

use proc_macro2::TokenStream;
use quote::quote;

use super::ITEM_INDENT;
use super::lookup::Lookups;
use crate::tokens::doc;
use errcat_model::rust_data::{Expr, Writer, string_literal};
use errcat_model::text::{code_span, rust_str};
use errcat_model::{Catalogue, Table};

/// Whether any row of `table` has other names.
pub(super) fn has_other_names(table: &Table) -> bool {
    table.rows.iter().any(|row| !row.also_named.is_empty())
}

/// `from_name`'s keys past the rows' names: every other name, with its row.
pub(super) fn name_keys(table: &Table) -> Vec<(&str, usize)> {
    let rows = table.rows.iter().enumerate();
    rows.flat_map(|(r, row)| row.also_named.iter().map(move |other| (other.name.as_str(), r))).collect()
}

/// The associated constants of the other names, then `OTHER_NAMES` and,
/// where `from_name` hashes, the other names' keys and rows.
pub(super) fn write_other_name_consts(out: &mut Writer, table: &Table, lookups: &Lookups) {
    if !has_other_names(table) {
        return;
    }
    for row in &table.rows {
        for other in &row.also_named {
            out.doc(
                ITEM_INDENT,
                &format!(
                    "{name}: another name of [`{variant}`](Self::{variant}) ({code}), whose\n\
                     `name()` is {row_name}. `from_name` finds the variant by either.",
                    name = code_span(&other.name),
                    variant = row.rust_variant,
                    code = code_span(&row.code.word()),
                    row_name = code_span(&row.name),
                ),
            );
            out.line(
                ITEM_INDENT,
                &format!("pub const {}: Self = Self::{};", other.rust_const, row.rust_variant),
            );
        }
    }
    let string = |text: &str| Expr::Atom(string_literal(text).into());
    let per_row = table
        .rows
        .iter()
        .map(|row| Expr::RefArray(row.also_named.iter().map(|other| string(&other.name)).collect()))
        .collect();
    out.constant(
        ITEM_INDENT,
        "const OTHER_NAMES: &'static [&'static [&'static str]]",
        &Expr::RefArray(per_row),
    );
    if lookups.by_name.is_some() {
        let keys = name_keys(table);
        let names = keys.iter().map(|&(name, _)| string(name)).collect();
        out.constant(ITEM_INDENT, "const OTHER_NAME_KEYS: &'static [&'static str]", &Expr::RefArray(names));
        let rows = keys.iter().map(|&(_, r)| Expr::Scalar(r.to_string().into())).collect();
        out.constant(ITEM_INDENT, "const OTHER_NAME_ROWS: &'static [usize]", &Expr::RefArray(rows));
    }
}

/// `other_names`, for a table with other names.
pub(super) fn emit_other_names(catalogue: &Catalogue, table: &Table) -> Option<TokenStream> {
    let row = table.rows.iter().find(|row| !row.also_named.is_empty())?;
    let (krate, name, variant) = (catalogue.crate_ident(), &table.rust_enum, &row.rust_variant);
    let first = &row.also_named[0];
    let docs = doc(&format!(
        "The names the catalogue gives this code besides `name()`, in spec\n\
         order: `from_name` accepts each (and serde reads each), and each is\n\
         an associated constant standing for the variant.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{variant}.other_names()[0], {other});\n\
         assert_eq!({name}::from_name({other}), Some({name}::{variant}));\n\
         assert_eq!({name}::{rust_const}, {name}::{variant});\n\
         ```",
        other = rust_str(&first.name),
        rust_const = first.rust_const,
    ));
    Some(quote! {
        #docs
        #[must_use]
        pub const fn other_names(self) -> &'static [&'static str] {
            Self::OTHER_NAMES[self.row()]
        }
    })
}
