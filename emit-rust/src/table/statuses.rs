//! A table's rows with several HTTP statuses (`http_status: [400, 401]`):
//! `http_statuses`, every status a row's code may be answered with, the
//! one `http_status` gives first. A table whose rows have one status each
//! has none of it.

use proc_macro2::TokenStream;
use quote::quote;

use super::ITEM_INDENT;
use crate::tokens::doc;
use errcat_model::rust_data::{Expr, Writer};
use errcat_model::{Catalogue, Table};

/// Whether any row of `table` lists several statuses.
fn has_other_statuses(catalogue: &Catalogue, table: &Table) -> bool {
    catalogue.http && table.rows.iter().any(|row| !row.other_statuses.is_empty())
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

/// `http_statuses`, for a table whose rows list several statuses.
pub(super) fn emit_http_statuses(catalogue: &Catalogue, table: &Table) -> Option<TokenStream> {
    if !has_other_statuses(catalogue, table) {
        return None;
    }
    let row = table.rows.iter().find(|row| !row.other_statuses.is_empty())?;
    let (krate, name, variant) = (catalogue.crate_ident(), &table.rust_enum, &row.rust_variant);
    let all: Vec<String> = row.statuses().map(|status| status.to_string()).collect();
    let docs = doc(&format!(
        "Every HTTP status a service may answer with for this code, in spec\n\
         order: the first is `http_status()`, the usual one; the others are\n\
         what the catalogue lists besides (one code, 400 or 401 depending on\n\
         the request).\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{variant}.http_statuses(), &[{list}]);\n\
         assert_eq!({name}::{variant}.http_statuses()[0], {name}::{variant}.http_status());\n\
         ```",
        list = all.join(", "),
    ));
    Some(quote! {
        #docs
        #[must_use]
        pub const fn http_statuses(self) -> &'static [u16] {
            Self::HTTP_STATUS_LISTS[self.row()]
        }
    })
}
