//! `is_client_error` and `is_server_error`: the methods that class an
//! error by its HTTP status, the same on every table's enum and on
//! `ErrorCode`.

use proc_macro2::TokenStream;
use quote::quote;

/// Both methods, with their docs; they read the type's own `http_status`,
/// an `Option` where some row travels without a status (`optional`).
pub(super) fn methods(client_docs: &TokenStream, server_docs: &TokenStream, optional: bool) -> TokenStream {
    let (client, server) = if optional {
        (
            quote! { ::core::option::Option::Some(400..=499) },
            quote! { ::core::option::Option::Some(500..=599) },
        )
    } else {
        (quote! { 400..=499 }, quote! { 500..=599 })
    };
    quote! {
        #client_docs
        #[must_use]
        pub const fn is_client_error(self) -> bool {
            ::core::matches!(self.http_status(), #client)
        }

        #server_docs
        #[must_use]
        pub const fn is_server_error(self) -> bool {
            ::core::matches!(self.http_status(), #server)
        }
    }
}

/// `http_status()`'s type: `u16`, or `Option<u16>` where some row
/// travels without a status (`http_status: none`).
pub(super) fn status_type(optional: bool) -> TokenStream {
    if optional {
        quote! { ::core::option::Option<u16> }
    } else {
        quote! { u16 }
    }
}

/// A row's `http_status()` as a doctest writes it.
pub(super) fn shown_status(optional: bool, status: u16) -> String {
    match (optional, status) {
        (false, status) => status.to_string(),
        (true, 0) => "None".to_owned(),
        (true, status) => format!("Some({status})"),
    }
}
