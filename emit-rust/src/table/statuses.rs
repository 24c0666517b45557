//! `http_statuses`, every status a row's code may be answered with, the
//! one `http_status` gives first: from a list per row where some row has
//! several (`http_status: [400, 401]`) or none (`http_status: none`), else
//! the row's one status. A catalogue without HTTP has none of it.

use proc_macro2::TokenStream;
use quote::quote;

use super::ITEM_INDENT;
use crate::tokens::doc;
use errcat_model::rust_data::{Expr, Writer};
use errcat_model::{Catalogue, Table};

/// Whether any row of `table` lists several statuses, or none.
fn has_other_statuses(catalogue: &Catalogue, table: &Table) -> bool {
    catalogue.http
        && (catalogue.statusless(table) || table.rows.iter().any(|row| !row.other_statuses.is_empty()))
}

/// `HTTP_STATUS_LISTS`: each row's statuses, for a table with several.
pub(super) fn write_status_lists(out: &mut Writer, catalogue: &Catalogue, table: &Table) {
    if !has_other_statuses(catalogue, table) {
        return;
    }
    let lists = table
        .rows
        .iter()
        .map(|row| {
            Expr::RefArray(row.statuses().map(|status| Expr::Scalar(status.to_string().into())).collect())
        })
        .collect();
    out.constant(ITEM_INDENT, "const HTTP_STATUS_LISTS: &'static [&'static [u16]]", &Expr::RefArray(lists));
}

/// `http_statuses`, for every table of an HTTP catalogue.
pub(super) fn emit_http_statuses(catalogue: &Catalogue, table: &Table) -> Option<TokenStream> {
    if !catalogue.http {
        return None;
    }
    if !has_other_statuses(catalogue, table) {
        return Some(one_status(catalogue, table));
    }
    let row = table
        .rows
        .iter()
        .find(|row| !row.other_statuses.is_empty())
        .or_else(|| table.rows.iter().find(|row| row.http_status == 0))?;
    let optional = catalogue.statusless(table);
    let (krate, name, variant) = (catalogue.crate_ident(), &table.rust_enum, &row.rust_variant);
    let all: Vec<String> = row.statuses().map(|status| status.to_string()).collect();
    let docs = doc(&format!(
        "Every HTTP status a service may answer with for this code, in spec\n\
         order: the first is `http_status()`, the usual one; the others are\n\
         what the catalogue lists besides (one code, 400 or 401 depending on\n\
         the request).\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         {listed}\n\
         assert_eq!({name}::{variant}.http_statuses().first(){copied}, {name}::{variant}.http_status());\n\
         ```",
        listed = if all.is_empty() {
            format!("assert!({name}::{variant}.http_statuses().is_empty());")
        } else {
            format!("assert_eq!({name}::{variant}.http_statuses(), &[{}]);", all.join(", "))
        },
        copied = if optional { ".copied()" } else { ".copied().unwrap()" },
    ));
    Some(quote! {
        #docs
        #[must_use]
        pub const fn http_statuses(self) -> &'static [u16] {
            Self::HTTP_STATUS_LISTS[self.row()]
        }
    })
}

/// `http_statuses` of a table whose rows have one status each: that one.
fn one_status(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let row = &table.rows[0];
    let docs = doc(&format!(
        "Every HTTP status a service may answer with for this code: in this\n\
         table, each code's one status, `http_status()`.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{variant}.http_statuses(), &[{status}]);\n\
         ```",
        krate = catalogue.crate_ident(),
        name = table.rust_enum,
        variant = row.rust_variant,
        status = row.http_status,
    ));
    quote! {
        #docs
        #[must_use]
        pub const fn http_statuses(self) -> &'static [u16] {
            ::core::slice::from_ref(&Self::HTTP_STATUSES[self.row()])
        }
    }
}
