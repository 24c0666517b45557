//! Interop with the `http` crate, behind the generated crate's `http` feature.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{doc, ident};
use errcat_model::{Catalogue, Table};

/// `status_code()` on a table's enum: its HTTP status as an `http::StatusCode`.
pub(super) fn table_status_code(catalogue: &Catalogue, table: &Table) -> TokenStream {
    let optional = catalogue.statusless(table);
    let row = table.rows.iter().find(|row| row.http_status != 0).unwrap_or(&table.rows[0]);
    let status = format!("http::StatusCode::from_u16({}).unwrap()", row.http_status);
    let docs = doc(&format!(
        "The HTTP status as an `http::StatusCode` (feature `http`){none}.\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::{variant}.status_code(), {status});\n\
         ```",
        none = if optional { ", `None` for a row that travels without one" } else { "" },
        krate = catalogue.crate_ident(),
        name = table.rust_enum,
        variant = row.rust_variant,
        status = if optional && row.http_status != 0 { format!("Some({status})") } else { status },
    ));
    status_code_fn(docs, optional)
}

/// `status_code()` on `ErrorCode`.
pub(super) fn error_code_status_code(catalogue: &Catalogue) -> TokenStream {
    let optional = catalogue.any_statusless();
    let (table, row) = catalogue
        .rows()
        .filter(|(_, row)| row.http_status != 0)
        .last()
        .or_else(|| catalogue.rows().last())
        .expect("a validated catalogue has rows");
    let docs = doc(&format!(
        "The HTTP status as an `http::StatusCode` (feature `http`){none}.\n\n\
         ```\n\
         use {krate}::{{ErrorCode, {name}}};\n\n\
         let error = ErrorCode::{outer}({name}::{variant});\n\
         assert_eq!(error.status_code(){unwrap}.as_u16(), {status});\n\
         ```",
        none = if optional { ", `None` for a row that travels without one" } else { "" },
        unwrap = if optional { ".unwrap()" } else { "" },
        krate = catalogue.crate_ident(),
        name = table.rust_enum,
        outer = table.error_code_variant,
        variant = row.rust_variant,
        status = row.http_status,
    ));
    status_code_fn(docs, optional)
}

fn status_code_fn(docs: TokenStream, optional: bool) -> TokenStream {
    if optional {
        return quote! {
            #docs
            #[cfg(feature = "http")]
            #[must_use]
            pub fn status_code(self) -> ::core::option::Option<::http::StatusCode> {
                // Validation keeps every status within 300..=599, which
                // `StatusCode` accepts.
                self.http_status().map(|status| ::http::StatusCode::from_u16(status).expect("a status from 300 to 599"))
            }
        };
    }
    quote! {
        #docs
        #[cfg(feature = "http")]
        #[must_use]
        pub fn status_code(self) -> ::http::StatusCode {
            // Validation keeps every status within 400..=599, which
            // `StatusCode` accepts.
            ::http::StatusCode::from_u16(self.http_status()).expect("a status from 400 to 599")
        }
    }
}

/// `From<HttpEnum> for StatusCode` and `TryFrom<StatusCode> for HttpEnum`
/// for the catalogue's HTTP status table, if it has one.
pub(super) fn emit_http_interop(catalogue: &Catalogue) -> TokenStream {
    let Some(table) = catalogue.http_table() else {
        return TokenStream::new();
    };
    let krate = catalogue.crate_ident();
    let name = ident(&table.rust_enum);
    let row = &table.rows[0];
    let from_docs = doc(&format!(
        "The status of an HTTP status row (feature `http`).\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         let status: http::StatusCode = {name}::{variant}.into();\n\
         assert_eq!(status.as_u16(), {code});\n\
         ```",
        name = table.rust_enum,
        variant = row.rust_variant,
        code = row.code,
    ));
    let try_from_docs = doc(&format!(
        "The row of an HTTP status, if the table lists it (feature `http`).\n\n\
         ```\n\
         use {krate}::{name};\n\n\
         assert_eq!({name}::try_from(http::StatusCode::from_u16({code}).unwrap()), Ok({name}::{variant}));\n\
         assert!({name}::try_from(http::StatusCode::OK).is_err());\n\
         ```",
        name = table.rust_enum,
        variant = row.rust_variant,
        code = row.code,
    ));
    quote! {
        #from_docs
        #[cfg(feature = "http")]
        impl ::core::convert::From<#name> for ::http::StatusCode {
            fn from(error: #name) -> Self {
                error.status_code()
            }
        }

        #try_from_docs
        #[cfg(feature = "http")]
        impl ::core::convert::TryFrom<::http::StatusCode> for #name {
            type Error = UnknownCodeError;

            // The error type by name: `Self::Error` would be ambiguous with a variant `Error`.
            fn try_from(status: ::http::StatusCode) -> ::core::result::Result<Self, UnknownCodeError> {
                let code = u32::from(status.as_u16());
                Self::from_code(code).ok_or(UnknownCodeError { code })
            }
        }
    }
}
