//! The server side (the generated crate's `axum` feature): every code enum,
//! `ErrorCode` and `ErrorBody` answer a request as the catalogue says, so a
//! handler returns `Err(AuthError::AccessTokenExpired)` and is done; and
//! `RetryAfter` (fixed code, `retry_after.rs`) adds the header that says
//! when to try again.

#[cfg(test)]
mod retry_after;

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::{body_json, sample_row};
use super::splice::{Fixed, Slots};
use super::tokens::{doc, ident};
use errcat_model::text::{code_span, json_string};
use errcat_model::{Body, BodyRole, Catalogue, MessageText};

/// `RetryAfter`, its constructors and `IntoResponseParts`, spliced in verbatim.
const RETRY_AFTER_SOURCE: &str = include_str!("retry_after.rs");

/// The `server` module: `IntoResponse` for every code enum, `ErrorCode`
/// and `ErrorBody`, and for `ProblemDetails` when the spec has
/// `problem_details:`, in which case errors answer with it.
pub(super) fn emit_server(catalogue: &Catalogue) -> TokenStream {
    let Some(body) = &catalogue.body else {
        return TokenStream::new();
    };
    let code_field = ident(&body.code().rust_field);
    let (answer, problem) = match &catalogue.problem_details {
        None => (quote!(ErrorBody), TokenStream::new()),
        Some(_) => (quote!(ProblemDetails), problem_details_answer()),
    };
    let error_code_docs = error_code_docs(catalogue, body);
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
    let retry_after = Fixed::parse(RETRY_AFTER_SOURCE).fill(&slots(catalogue));
    let error_body_answer = quote! {
        /// Answers with the status of the body's code (`500` for a code the
        /// catalogue does not list) and the body as `application/json`
        /// (feature `axum`).
        impl IntoResponse for ErrorBody {
            fn into_response(self) -> Response {
                let status = self
                    .#code_field
                    .error_code()
                    .map_or(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::status_code);
                json(status, ::serde_json::to_vec(&self), "application/json")
            }
        }

        /// A response with `status` and the JSON `body` as `content_type`.
        fn json(
            status: StatusCode,
            body: ::core::result::Result<::alloc::vec::Vec<u8>, ::serde_json::Error>,
            content_type: &'static str,
        ) -> Response {
            match body {
                ::core::result::Result::Ok(body) => {
                    let mut response = Response::new(Body::from(body));
                    *response.status_mut() = status;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
                    response
                }
                // Strings and numbers always serialise; were they not
                // to, the status still tells the client.
                ::core::result::Result::Err(_) => status.into_response(),
            }
        }
    };
    // An XML body: `problem_details:` needs a JSON one, so nothing answers JSON.
    let error_body_answer = match &body.xml {
        Some(_) => super::xml::server_answer(catalogue, body),
        None => error_body_answer,
    };
    quote! {
        #[cfg(feature = "axum")]
        pub use server::RetryAfter;

        /// Answering errors from an axum server (feature `axum`).
        #[cfg(feature = "axum")]
        mod server {
            use ::axum_core::body::Body;
            use ::axum_core::response::{IntoResponse, IntoResponseParts, Response, ResponseParts};
            use ::http::header::{CONTENT_TYPE, RETRY_AFTER};
            use ::http::{HeaderValue, StatusCode};

            // Table enums are named by path: an import could meet this
            // module's own names.
            use super::{ErrorBody, ErrorCode};

            #error_code_docs
            impl IntoResponse for ErrorCode {
                fn into_response(self) -> Response {
                    super::#answer::from(self).into_response()
                }
            }

            #(#tables)*
            #problem
            #retry_after
            #error_body_answer
        }
    }
}

/// The docs of `ErrorCode`'s `IntoResponse`: what the sample row answers
/// with, the error body or its problem details.
fn error_code_docs(catalogue: &Catalogue, body: &Body) -> TokenStream {
    let (table, row) = sample_row(catalogue);
    let path = table.rust_path(row);
    let docs = match (&catalogue.problem_details, &body.xml) {
        (None, Some(xml)) => format!(
            "Answers with the error's HTTP status and its body as\n\
             `application/xml`: for `{path}`, `{status}` and\n\
             {document} (feature `axum`).\n\n\
             To add what is known of this occurrence, answer with an `ErrorBody`\n\
             instead: `ErrorBody::from(error)` and its `with_…` methods.",
            status = row.http_status,
            document = code_span(&super::xml::sample_xml(body, xml, row, None).replace('\n', "")),
        ),
        (None, None) => format!(
            "Answers with the error's HTTP status and its body as\n\
             `application/json`: for `{path}`, `{status}` and\n\
             `{json}` (feature `axum`).\n\n\
             To add what is known of this occurrence, answer with an `ErrorBody`\n\
             instead: `ErrorBody::from(error)` and its `with_…` methods.",
            status = row.http_status,
            json = {
                let message = match body.message_text {
                    MessageText::Name => &row.name,
                    MessageText::Description => &row.description,
                };
                body_json(
                    body,
                    &[(BodyRole::Code, row.code.json()), (BodyRole::Message, json_string(message))],
                )
            },
        ),
        (Some(details), _) => format!(
            "Answers with the error's HTTP status and its RFC 9457 problem details\n\
             as `application/problem+json`: for `{path}`, `{status}` and\n\
             `{{\"type\":{uri},\"title\":{title},\"status\":{status},{member}:{code}}}`\n\
             (feature `axum`).\n\n\
             To add what went wrong this time, answer with `ProblemDetails` instead:\n\
             `ProblemDetails::from(error).with_detail(text)`.",
            status = row.http_status,
            uri = json_string(&details.type_uri(row)),
            member = json_string(&body.code().key),
            title = json_string(&row.name),
            code = row.code.json(),
        ),
    };
    doc(&docs)
}

/// `IntoResponse` for `ProblemDetails`, for a catalogue that answers with them.
fn problem_details_answer() -> TokenStream {
    quote! {
        /// Answers with the problem's `status` (else its code's, else
        /// `500`) and the problem as `application/problem+json`
        /// (feature `axum`).
        impl IntoResponse for super::ProblemDetails {
            fn into_response(self) -> Response {
                let status = self
                    .status
                    // An error answer: a status that is not one is not kept.
                    .filter(|status| (400..=599).contains(status))
                    .and_then(|status| StatusCode::from_u16(status).ok())
                    .or_else(|| self.error_code().map(ErrorCode::status_code))
                    .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                json(status, ::serde_json::to_vec(&self), "application/problem+json")
            }
        }
    }
}

/// The slots of `RetryAfter`'s docs: the sample row, answered with it.
fn slots(catalogue: &Catalogue) -> Slots {
    let (table, row) = sample_row(catalogue);
    Slots::new()
        .with("krate", catalogue.crate_ident().to_string())
        .with("table", table.rust_enum.clone())
        .with("path", format!("{}::{}", table.rust_enum, row.rust_variant))
        .with("status", row.http_status.to_string())
}

#[cfg(test)]
mod tests {
    use errcat_model::CodeKind;

    use super::super::test_catalogue::catalogue;
    use super::{Fixed, RETRY_AFTER_SOURCE, slots};

    #[test]
    fn every_slot_of_the_docs_is_filled() {
        for codes in [CodeKind::Integer, CodeKind::String] {
            let names = slots(&catalogue(codes)).names();
            for slot in Fixed::parse(RETRY_AFTER_SOURCE).slots() {
                assert!(names.contains(slot.as_str()), "{slot} is not filled");
            }
        }
    }
}
