//! RFC 9457 problem details, for a catalogue whose spec has
//! `problem_details:` (the generated crate's `serde` feature): the
//! `ProblemDetails` type, each error's problem `type` (its entry in the
//! reference page) and `ApiError::problem_details`.

#[cfg(test)]
mod details;

#[cfg(test)]
use super::response::BodyCode;
#[cfg(test)]
use super::response::stand_in::ErrorCode;

/// The member the tests' problems carry the code in, as the generated
/// module names the body's code member.
#[cfg(test)]
const CODE_MEMBER: &str = "code";

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::sample_row;
use super::fixed;
use super::tokens::{doc, ident};
use errcat_model::text::{escape_markdown, json_string, rust_str};
use errcat_model::{Catalogue, CodeKind, ProblemDetails};

/// `ProblemDetails`, its serde impls and builders, spliced in verbatim.
const DETAILS_SOURCE: &str = include_str!("details.rs");

/// The `problem` module and the re-export of its type; nothing without
/// `problem_details:`.
pub(super) fn emit_problem(catalogue: &Catalogue) -> TokenStream {
    let Some(details) = &catalogue.problem_details else {
        return TokenStream::new();
    };
    let items = fixed::items(DETAILS_SOURCE, item_docs(catalogue, details));
    let (_, row) = sample_row(catalogue);
    let type_docs = doc(&format!(
        "The problem `type` of this error in RFC 9457 problem details: its entry\n\
         in the catalogue's published reference page (feature `serde`).\n\n\
         ```\n\
         use {krate}::ErrorCode;\n\n\
         let error = ErrorCode::from_code({code}).expect(\"a listed code\");\n\
         assert_eq!(error.problem_type(), {uri});\n\
         ```",
        krate = catalogue.crate_ident(),
        code = row.code.rust_literal(),
        uri = rust_str(&details.type_uri(row)),
    ));
    // The reference page's anchor of a row: its code, after `Code-` for a string code.
    let base = match catalogue.codes {
        CodeKind::Integer => format!("{}#", details.type_base),
        CodeKind::String => format!("{}#Code-", details.type_base),
    };
    // Validation accepts `problem_details:` only beside a `body:`.
    let code_member = catalogue.body.as_ref().map_or("code", |body| body.code().key.as_str());
    let from_tables = catalogue.tables.iter().map(|table| {
        let name = ident(&table.rust_enum);
        let docs = doc(&format!("The same problem as for `ErrorCode::{}`.", table.error_code_variant));
        quote! {
            #docs
            impl ::core::convert::From<super::#name> for ProblemDetails {
                fn from(error: super::#name) -> Self {
                    Self::from(ErrorCode::from(error))
                }
            }
        }
    });
    quote! {
        #[cfg(feature = "serde")]
        pub use problem::ProblemDetails;

        /// RFC 9457 problem details (feature `serde`).
        #[cfg(feature = "serde")]
        mod problem {
            use ::alloc::string::String;
            use ::serde::de;
            use ::serde::ser::SerializeMap;
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};
            use ::serde_json::{Map, Value};

            use super::{ApiError, BodyCode, ErrorCode};

            /// The member that carries the catalogue's code, as in the error body.
            const CODE_MEMBER: &str = #code_member;

            #(#items)*
            #(#from_tables)*

            impl ErrorCode {
                #type_docs
                #[must_use]
                pub fn problem_type(self) -> String {
                    // The reference page's anchor of a row is its code.
                    ::alloc::format!("{}{}", #base, self.code())
                }
            }

            impl ApiError {
                /// The body as RFC 9457 problem details, if it is a JSON object
                /// with any of their members (`type`, `title`, `status`,
                /// `detail`, `instance`).
                #[must_use]
                pub fn problem_details(&self) -> ::core::option::Option<ProblemDetails> {
                    ProblemDetails::from_slice(self.raw_body())
                }
            }
        }
    }
}

/// The docs of `ProblemDetails`, its fields and methods, by item.
fn item_docs(catalogue: &Catalogue, details: &ProblemDetails) -> Vec<(String, TokenStream)> {
    let krate = catalogue.crate_ident();
    let (table, row) = sample_row(catalogue);
    let path = format!("ErrorCode::{}({}::{})", table.error_code_variant, table.rust_enum, row.rust_variant);
    let uses = format!("use {krate}::{{ErrorCode, ProblemDetails, {}}};", table.rust_enum);
    let json = format!(
        "{{\"type\":{uri},\"title\":{title},\"status\":{status},\"detail\":\"token expired at 10:02\",{member}:{code}}}",
        member = json_string(catalogue.body.as_ref().map_or("code", |body| body.code().key.as_str())),
        uri = json_string(&details.type_uri(row)),
        title = json_string(&row.name),
        status = row.http_status,
        code = row.code.json(),
    );
    let struct_docs = doc(&format!(
        "An error as RFC 9457 problem details (`application/problem+json`), the\n\
         catalogue's code in an extension member (the error body's code member).\n\n\
         Each error's `type` is its entry in the reference page\n\
         ({base}), so a client, or a person, can look it up.\n\n\
         ```\n{uses}\n\n\
         let problem = ProblemDetails::from({path}).with_detail(\"token expired at 10:02\");\n\
         assert_eq!(serde_json::to_string(&problem).unwrap(), {json_lit});\n\
         let read: ProblemDetails = serde_json::from_str({json_lit}).unwrap();\n\
         assert_eq!(read.error_code(), Some({path}));\n\n\
         // A client finds the error in problem details too.\n\
         let error = {krate}::ApiError::from_response({status}, {json_lit}.as_bytes());\n\
         assert_eq!(error.error_code(), Some({path}));\n\
         ```",
        base = escape_markdown(&details.type_base),
        json_lit = rust_str(&json),
        status = row.http_status,
    ));
    let field = |text: &str| doc(text);
    vec![
        ("ProblemDetails".to_owned(), struct_docs),
        (
            "ProblemDetails.problem_type".to_owned(),
            field("`type`: a URI naming the problem; `about:blank` when the service sent none."),
        ),
        ("ProblemDetails.title".to_owned(), field("`title`: a short summary of the problem type.")),
        ("ProblemDetails.status".to_owned(), field("`status`: the HTTP status the service sent.")),
        ("ProblemDetails.detail".to_owned(), field("`detail`: what went wrong this time, for people.")),
        ("ProblemDetails.instance".to_owned(), field("`instance`: a URI naming this occurrence.")),
        (
            "ProblemDetails.code".to_owned(),
            field("The catalogue's code, an extension member named as in the error body."),
        ),
        (
            "ProblemDetails::with_detail".to_owned(),
            field("The problem with `detail`: what went wrong this time."),
        ),
        (
            "ProblemDetails::with_instance".to_owned(),
            field("The problem with `instance`: a URI naming this occurrence."),
        ),
        (
            "ProblemDetails::error_code".to_owned(),
            field("The catalogue's error with the problem's `code`, if it lists it."),
        ),
        (
            "ProblemDetails::from_slice".to_owned(),
            field(
                "Reads problem details from JSON: `None` unless it is an object with any of their members.",
            ),
        ),
    ]
}
