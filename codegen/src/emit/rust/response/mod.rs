//! Error responses (the generated crate's `serde` feature): the body type,
//! the code as sent, and the classification of a whole response.
//!
//! What does not vary with the catalogue is real Rust in `body.rs` and
//! `api_error.rs`, compiled and tested here against stand-ins of the
//! generated items; this module adds the docs and the parts that name the
//! catalogue's tables.

#[cfg(test)]
// `http` is a feature of the generated crate, not of this one.
#[allow(unexpected_cfgs)]
mod api_error;
#[cfg(test)]
mod body;
#[cfg(test)]
mod build;
#[cfg(test)]
pub(super) mod stand_in;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub(super) use body::BodyCode;
#[cfg(test)]
use body::{BodyCodeOnly, ErrorBody};
#[cfg(test)]
use stand_in::{ApiErrorKind, ErrorCode, Recovery};

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::{sample_body, sample_row, unused_code};
use super::fixed;
use super::tokens::{doc, ident};
use crate::emit::body::BODY_FIELDS;
use crate::model::{Catalogue, Row, Table};
use crate::text::{json_string, rust_bytes, rust_str};

/// `BodyCode`, `ErrorBody` and their serde impls, spliced in verbatim.
const BODY_SOURCE: &str = include_str!("body.rs");

/// `ErrorBody::new`, its builder methods and `From<ErrorCode>`, spliced in
/// verbatim.
const BUILD_SOURCE: &str = include_str!("build.rs");

/// `ApiError` and its methods, spliced in verbatim.
const API_ERROR_SOURCE: &str = include_str!("api_error.rs");

/// The `response` module and the re-export of its types.
pub(super) fn emit_response(catalogue: &Catalogue) -> TokenStream {
    let sample = Sample::new(catalogue);
    let body = fixed::items(BODY_SOURCE, body_docs(&sample));
    let build = fixed::items(BUILD_SOURCE, build_docs(&sample));
    let from_tables = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        let docs = doc(&format!("The same body as for `ErrorCode::{}`.", table.error_code_variant));
        quote! {
            #docs
            impl ::core::convert::From<super::#name> for ErrorBody {
                fn from(error: super::#name) -> Self {
                    Self::from(ErrorCode::from(error))
                }
            }
        }
    });
    let http_use =
        catalogue.http_table().map(|http| ident(&http.rust_enum)).map(|name| quote! { use super::#name; });
    let kind = emit_kind(catalogue, &sample);
    let api_error = fixed::items(API_ERROR_SOURCE, vec![("ApiError".to_owned(), api_error_docs(&sample))]);
    quote! {
        #[cfg(feature = "serde")]
        pub use response::{ApiError, ApiErrorKind, BodyCode, ErrorBody};

        /// Error response bodies and their classification (feature `serde`).
        #[cfg(feature = "serde")]
        mod response {
            use ::alloc::string::String;
            use ::alloc::vec::Vec;
            use ::core::fmt;
            use ::serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
            use ::serde::ser::SerializeStruct;
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

            use super::{ErrorCode, Recovery};
            #http_use

            #(#body)*
            #(#build)*
            #(#from_tables)*
            #kind
            #(#api_error)*

            impl ::core::error::Error for ApiError {}
        }
    }
}

/// What the examples show: the sample row, its path through `ErrorCode`,
/// a code no table has, and a body carrying the row.
struct Sample<'a> {
    krate: String,
    table: &'a Table,
    row: &'a Row,
    path: String,
    uses: String,
    unknown: u32,
    body_json: String,
}

impl<'a> Sample<'a> {
    fn new(catalogue: &'a Catalogue) -> Self {
        let krate = catalogue.crate_ident().to_string();
        let (table, row) = sample_row(catalogue);
        Sample {
            path: format!(
                "ErrorCode::{}({}::{})",
                table.error_code_variant, table.rust_enum, row.rust_variant
            ),
            uses: format!("use {krate}::{{ErrorCode, {}}};", table.rust_enum),
            unknown: unused_code(catalogue),
            body_json: sample_body(row, Some("a1b2")),
            krate,
            table,
            row,
        }
    }
}

/// A doc example: the `use` lines, a blank line, the code.
fn example(uses: &str, body: String) -> String {
    format!("```\n{uses}\n\n{body}\n```")
}

/// The docs of `ErrorBody`'s constructor and builder methods, by item.
fn build_docs(sample: &Sample) -> Vec<(String, TokenStream)> {
    let Sample { krate, row, path, uses, .. } = sample;
    let uses = format!("{uses}\nuse {krate}::ErrorBody;");
    let new_docs = doc(&format!(
        "A body with a code and a message, without the optional fields; a\n\
         server answering one of the catalogue's errors starts from\n\
         `ErrorBody::from(error)` instead, which takes the message from the\n\
         catalogue.\n\n{}",
        example(
            &uses,
            format!(
                "let body = ErrorBody::new({path}, {name});\n\
                 assert_eq!(body, ErrorBody::from({path}));\n\
                 assert_eq!(serde_json::to_string(&body).unwrap(), {json});",
                name = rust_str(&row.name),
                json = rust_str(&format!("{{\"code\":{},\"message\":{}}}", row.code, json_string(&row.name))),
            ),
        ),
    ));
    let with_data_docs = doc(&format!(
        "The body with `data`, a human-readable detail.\n\n{}",
        example(
            &uses,
            format!(
                "let body = ErrorBody::from({path}).with_data(\"the key was revoked\");\n\
                 assert_eq!(body.data.as_deref(), Some(\"the key was revoked\"));"
            ),
        ),
    ));
    let with_error_id_docs = doc(&format!(
        "The body with `errorId`, the id of this failed call.\n\n{}",
        example(
            &uses,
            format!(
                "let body = ErrorBody::from({path}).with_error_id(\"a1b2\");\n\
                 assert!(serde_json::to_string(&body).unwrap().ends_with(r#\",\"errorId\":\"a1b2\"}}\"#));"
            ),
        ),
    ));
    vec![
        ("ErrorBody::new".to_owned(), new_docs),
        ("ErrorBody::with_data".to_owned(), with_data_docs),
        ("ErrorBody::with_error_id".to_owned(), with_error_id_docs),
    ]
}

/// The docs of `BodyCode`, its methods and `ErrorBody`, by item.
fn body_docs(sample: &Sample) -> Vec<(String, TokenStream)> {
    let Sample { krate, row, path, uses, unknown, body_json, .. } = sample;
    let body_code_docs = doc(&format!(
        "The `code` of an error body, exactly as the service sent it.\n\n\
         A service may send a code the catalogue does not list: it is kept,\n\
         never an error. A code is read from a JSON integer, a string of its\n\
         decimal digits (`\"4000000\"`) or a one-element array of either, and\n\
         is written back as it was read (a number, or a string).\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::BodyCode;"),
            format!(
                "let known: BodyCode = serde_json::from_str(\"{code}\").unwrap();\n\
                 assert_eq!(known.error_code(), Some({path}));\n\n\
                 let unknown: BodyCode = serde_json::from_str(\"\\\"{unknown}\\\"\").unwrap();\n\
                 assert_eq!(unknown.error_code(), None);\n\
                 assert_eq!(unknown.number(), {unknown});\n\
                 assert_eq!(serde_json::to_string(&unknown).unwrap(), \"\\\"{unknown}\\\"\");",
                code = row.aliases.first().copied().unwrap_or(row.code),
            ),
        ),
    ));
    let new_docs = doc(&format!(
        "A code sent as a JSON number.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!("assert_eq!(serde_json::to_string(&BodyCode::new({unknown})).unwrap(), \"{unknown}\");")
        ),
    ));
    let quoted_docs = doc(&format!(
        "A code sent as a JSON string of its decimal digits.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!(
                "assert_eq!(serde_json::to_string(&BodyCode::quoted({unknown})).unwrap(), \"\\\"{unknown}\\\"\");"
            )
        ),
    ));
    let number_docs = doc(&format!(
        "The number, exactly as sent (an alias stays the alias).\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!("assert_eq!(BodyCode::new(-{unknown}).number(), -{unknown});")
        ),
    ));
    let is_quoted_docs = doc(&format!(
        "Whether the code was sent as a string.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!(
                "assert!(BodyCode::quoted({unknown}).is_quoted());\nassert!(!BodyCode::new({unknown}).is_quoted());"
            )
        ),
    ));
    let error_code_docs = doc(&format!(
        "The catalogue's error with this code, or with this alias.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::BodyCode;"),
            format!(
                "assert_eq!(BodyCode::new({code}).error_code(), Some({path}));\n\
                 assert_eq!(BodyCode::new({unknown}).error_code(), None);",
                code = row.code,
            )
        ),
    ));

    let error_body_docs = doc(&format!(
        "An error response body: `{{\"code\", \"message\", \"data\", \"errorId\"}}`,\n\
         where `data` and `errorId` may be missing (or `null`).\n\n\
         Each field is read as a plain value or as a one-element array\n\
         (`{{\"code\":[4030000],\"message\":[\"AUTHENTICATION_FAIL\"]}}`), and `code`\n\
         as an integer or a string of digits; other fields are ignored.\n\
         Writing gives the plain shape, with absent fields left out.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::ErrorBody;"),
            format!(
                "let body: ErrorBody = serde_json::from_slice({bytes}).unwrap();\n\
                 assert_eq!(body.code.error_code(), Some({path}));\n\
                 assert_eq!(body.error_id.as_deref(), Some(\"a1b2\"));\n\
                 assert_eq!(body.data, None);\n\n\
                 let array: ErrorBody = serde_json::from_str(r#\"{{\"code\":[\"{unknown}\"],\"message\":[\"X\"],\"data\":[\"d\"]}}\"#).unwrap();\n\
                 assert_eq!(array.code.number(), {unknown});\n\
                 assert_eq!(array.data.as_deref(), Some(\"d\"));",
                bytes = rust_bytes(body_json),
            ),
        ),
    ));

    let fields =
        BODY_FIELDS.iter().map(|field| (format!("ErrorBody.{}", field.rust_field), doc(field.description)));
    [
        ("BodyCode", body_code_docs),
        ("BodyCode::new", new_docs),
        ("BodyCode::quoted", quoted_docs),
        ("BodyCode::number", number_docs),
        ("BodyCode::is_quoted", is_quoted_docs),
        ("BodyCode::error_code", error_code_docs),
        ("ErrorBody", error_body_docs),
    ]
    .into_iter()
    .map(|(name, docs)| (name.to_owned(), docs))
    .chain(fields)
    .collect()
}

/// `ApiErrorKind`: the code, else (with an HTTP status table) the status,
/// else the raw numbers.
fn emit_kind(catalogue: &Catalogue, sample: &Sample) -> TokenStream {
    // The HTTP status fallback exists only when the catalogue has an HTTP
    // status table.
    let http = catalogue.http_table();
    let (status_variant, status_fallback, status_to_error_code) = match http {
        Some(http) => {
            let name = ident(&http.rust_enum);
            let outer = ident(&http.error_code_variant);
            let docs = doc(&format!(
                "The body has no code the catalogue lists (or no body could be\n\
                 read), but the HTTP status is a row of [`{}`].",
                http.rust_enum
            ));
            (
                quote! { #docs Status(#name), },
                quote! {
                    if let ::core::option::Option::Some(error) = #name::from_code(status as u32) {
                        return Self::Status(error);
                    }
                },
                quote! { Self::Status(error) => ::core::option::Option::Some(ErrorCode::#outer(error)), },
            )
        }
        None => (TokenStream::new(), TokenStream::new(), TokenStream::new()),
    };

    let kind_docs = kind_docs(catalogue, sample);
    quote! {
        #kind_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ApiErrorKind {
            /// The body's code (or an alias of it) is in the catalogue.
            Code(ErrorCode),
            #status_variant
            /// Neither the code nor the status is in the catalogue: the
            /// raw numbers, the code as sent if the body had one.
            Unknown {
                /// The HTTP status.
                status: u16,
                /// The body's code, if the body could be read.
                code: ::core::option::Option<BodyCode>,
            },
        }

        impl ApiErrorKind {
            /// Classifies an HTTP status and the body's code, if any: the
            /// code when the catalogue lists it, else the status when an
            /// HTTP status table lists it, else the raw numbers.
            #[must_use]
            pub const fn classify(status: u16, code: ::core::option::Option<BodyCode>) -> Self {
                // Not nested `if let`s: clippy asks for a let chain from
                // Rust 1.88 on, which a crate for 1.85 cannot write.
                let listed = match code {
                    ::core::option::Option::Some(body_code) => body_code.error_code(),
                    ::core::option::Option::None => ::core::option::Option::None,
                };
                if let ::core::option::Option::Some(error) = listed {
                    return Self::Code(error);
                }
                #status_fallback
                Self::Unknown { status, code }
            }

            /// The catalogue's error, if the code or the status is listed.
            #[must_use]
            pub const fn error_code(self) -> ::core::option::Option<ErrorCode> {
                match self {
                    Self::Code(error) => ::core::option::Option::Some(error),
                    #status_to_error_code
                    Self::Unknown { .. } => ::core::option::Option::None,
                }
            }

            /// What a client should do, if the catalogue says.
            #[must_use]
            pub const fn recovery(self) -> ::core::option::Option<Recovery> {
                match self.error_code() {
                    ::core::option::Option::Some(error) => error.recovery(),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }
    }
}

fn kind_docs(catalogue: &Catalogue, sample: &Sample) -> TokenStream {
    let Sample { krate, table, row, path, unknown, .. } = sample;
    let http = catalogue.http_table();
    let fallback_example = match http.map(|http| &http.rows[0]) {
        Some(status_row) => format!(
            "\n\n// An unlisted code falls back on the HTTP status.\n\
             let kind = ApiErrorKind::classify({status}, Some(BodyCode::new({unknown})));\n\
             assert_eq!(kind, ApiErrorKind::Status({http}::{variant}));",
            status = status_row.code,
            http = http.map(|h| h.rust_enum.as_str()).unwrap_or_default(),
            variant = status_row.rust_variant,
        ),
        None => String::new(),
    };
    let kind_uses = match http {
        Some(http) if http.rust_enum != table.rust_enum => {
            format!(
                "use {krate}::{{ApiErrorKind, BodyCode, ErrorCode, {}, {}}};",
                table.rust_enum, http.rust_enum
            )
        }
        _ => format!("use {krate}::{{ApiErrorKind, BodyCode, ErrorCode, {}}};", table.rust_enum),
    };
    doc(&format!(
        "The most specific thing a response says about its error.\n\n{}",
        example(
            &kind_uses,
            format!(
                "let kind = ApiErrorKind::classify({status}, Some(BodyCode::new({code})));\n\
                 assert_eq!(kind, ApiErrorKind::Code({path}));{fallback_example}\n\n\
                 let kind = ApiErrorKind::classify(299, Some(BodyCode::new({unknown})));\n\
                 assert_eq!(kind, ApiErrorKind::Unknown {{ status: 299, code: Some(BodyCode::new({unknown})) }});",
                status = row.http_status,
                code = row.code,
            )
        ),
    ))
}

fn api_error_docs(sample: &Sample) -> TokenStream {
    let Sample { krate, table, row, path, body_json, .. } = sample;
    let recovery_value = match row.recovery {
        Some(recovery) => format!("Some(Recovery::{})", recovery.rust_variant()),
        None => "None".to_owned(),
    };
    let api_uses =
        format!("use {krate}::{{ApiError, ApiErrorKind, ErrorCode, Recovery, {}}};", table.rust_enum);
    doc(&format!(
        "An error response, classified as specifically as the catalogue\n\
         allows, with everything the service sent kept.\n\n{}",
        example(
            &api_uses,
            format!(
                "let error = ApiError::from_response({status}, {bytes});\n\
                 assert_eq!(error.kind(), ApiErrorKind::Code({path}));\n\
                 assert_eq!(error.recovery(), {recovery_value});\n\
                 assert_eq!(error.body().and_then(|b| b.error_id.as_deref()), Some(\"a1b2\"));\n\n\
                 // A body that is not JSON is kept as it came.\n\
                 let error = ApiError::from_response(502, b\"<html>Bad Gateway</html>\");\n\
                 assert!(error.body().is_none());\n\
                 assert_eq!(error.raw_body(), b\"<html>Bad Gateway</html>\");",
                status = row.http_status,
                bytes = rust_bytes(body_json),
            )
        ),
    ))
}
