//! `is_client_error` and `is_server_error`: the methods that class an
//! error by its HTTP status, the same on every table's enum and on
//! `ErrorCode`.

use proc_macro2::TokenStream;
use quote::quote;

/// Both methods, with their docs; they read the type's own `http_status`.
pub(super) fn methods(client_docs: &TokenStream, server_docs: &TokenStream) -> TokenStream {
    quote! {
        #client_docs
        #[must_use]
        pub const fn is_client_error(self) -> bool {
            ::core::matches!(self.http_status(), 400..=499)
        }

        #server_docs
        #[must_use]
        pub const fn is_server_error(self) -> bool {
            ::core::matches!(self.http_status(), 500..=599)
        }
    }
}
