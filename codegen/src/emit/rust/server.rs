//! The server side (the generated crate's `axum` feature): every code enum,
//! `ErrorCode` and `ErrorBody` answer a request as the catalogue says, so a
//! handler returns `Err(AuthError::AccessTokenExpired)` and is done.

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::sample_row;
use super::tokens::{doc, ident};
use crate::model::Catalogue;
use crate::text::json_string;

/// The `server` module: `IntoResponse` for every code enum, `ErrorCode`
/// and `ErrorBody`.
pub(super) fn emit_server(catalogue: &Catalogue) -> TokenStream {
    let (table, row) = sample_row(catalogue);
    let error_code_docs = doc(&format!(
        "Answers with the error's HTTP status and its body as\n\
         `application/json`: for `{path}`, `{status}` and\n\
         `{{\"code\":{code},\"message\":{message}}}` (feature `axum`).\n\n\
         To add a detail or the call's id, answer with an `ErrorBody` instead:\n\
         `ErrorBody::from(error).with_error_id(id)`.",
        path = table.rust_path(row),
        status = row.http_status,
        code = row.code,
        message = json_string(&row.name),
    ));
    let tables = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        let docs =
            doc(&format!("Answers as `ErrorCode::{}` does (feature `axum`).", table.error_code_variant));
        quote! {
            #docs
            impl IntoResponse for super::#name {
                fn into_response(self) -> Response {
                    ErrorCode::from(self).into_response()
                }
            }
        }
    });
    quote! {
        /// Answering errors from an axum server (feature `axum`).
        #[cfg(feature = "axum")]
        mod server {
            use ::axum_core::body::Body;
            use ::axum_core::response::{IntoResponse, Response};
            use ::http::header::CONTENT_TYPE;
            use ::http::{HeaderValue, StatusCode};

            // Table enums are named by path: an import could meet this
            // module's own names.
            use super::{ErrorBody, ErrorCode};

            #error_code_docs
            impl IntoResponse for ErrorCode {
                fn into_response(self) -> Response {
                    ErrorBody::from(self).into_response()
                }
            }

            #(#tables)*

            /// Answers with the status of the body's code (`500` for a code the
            /// catalogue does not list) and the body as `application/json`
            /// (feature `axum`).
            impl IntoResponse for ErrorBody {
                fn into_response(self) -> Response {
                    let status = self
                        .code
                        .error_code()
                        .map_or(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::status_code);
                    match ::serde_json::to_vec(&self) {
                        ::core::result::Result::Ok(json) => {
                            let mut response = Response::new(Body::from(json));
                            *response.status_mut() = status;
                            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                            response
                        }
                        // A body of strings and a number always serialises;
                        // were it not to, the status still tells the client.
                        ::core::result::Result::Err(_) => status.into_response(),
                    }
                }
            }
        }
    }
}
