//! RFC 9457 problem details, for a catalogue whose spec has
//! `problem_details:` (the generated crate's `serde` feature): the
//! `ProblemDetails` type, each error's problem `type` (its entry in the
//! reference page) and `ApiError::problem_details`.

#[cfg(test)]
pub(super) mod details;
#[cfg(test)]
pub(super) mod read;

#[cfg(test)]
use super::response::BodyCode;
#[cfg(test)]
use super::response::stand_in::ErrorCode;

/// The member the tests' problems carry the code in, as the generated
/// module names the body's code member.
#[cfg(test)]
const CODE_MEMBER: &str = "code";

/// The keys of the tests' error body that it cannot do without (the
/// stand-in's: Knox's `code` and `message`), and that it has no envelope.
#[cfg(test)]
const BODY_KEYS: [&str; 2] = ["code", "message"];
#[cfg(test)]
const ENVELOPED: bool = false;

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::sample_row;
use super::splice::{Fixed, Slots};
use super::tokens::{doc, ident};
use crate::DOCS;
use errcat_model::text::{json_string, rust_str};
use errcat_model::{Body, BodyRole, Catalogue, CodeKind, ProblemDetails};

/// `ProblemDetails`, its serde impls and builders, spliced in verbatim.
const DETAILS_SOURCE: &str = include_str!("details.rs");

/// `ProblemRead`, the one pass that reads problem details, spliced in verbatim.
const READ_SOURCE: &str = include_str!("read.rs");

/// The `problem` module and the re-export of its type; nothing without
/// `problem_details:`.
pub(super) fn emit_problem(catalogue: &Catalogue) -> TokenStream {
    let Some(details) = &catalogue.problem_details else {
        return TokenStream::new();
    };
    let items = Fixed::parse(DETAILS_SOURCE).fill(&slots(catalogue, details));
    let read = Fixed::parse(READ_SOURCE);
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
    let (body_keys, enveloped) = body_keys(catalogue.body.as_ref());
    let body_key_count = body_keys.len();
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
            use ::core::fmt;
            use ::serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};
            use ::serde::ser::SerializeMap;
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};
            use ::serde_json::Value;

            use super::response::{FirstRead, ProblemMembers};
            use super::{ApiError, BodyCode, ErrorCode};

            /// The member that carries the catalogue's code, as in the error body.
            const CODE_MEMBER: &str = #code_member;

            /// The keys an error body cannot do without: its code and message,
            /// or its envelope.
            const BODY_KEYS: [&str; #body_key_count] = [#(#body_keys),*];

            /// Whether the error body sits in an envelope.
            const ENVELOPED: bool = #enveloped;

            #items
            #read
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

/// The keys an error body cannot do without, as `ApiError::from_response`
/// reads it (its code and message members, or its envelope), and whether
/// it has an envelope.
fn body_keys(body: Option<&Body>) -> (Vec<&str>, bool) {
    let Some(body) = body else { return (Vec::new(), false) };
    match &body.envelope {
        Some(envelope) => (vec![envelope.as_str()], true),
        None => {
            let needed = body
                .members
                .iter()
                .filter(|member| matches!(member.role, BodyRole::Code | BodyRole::Message));
            (needed.map(|member| member.key.as_str()).collect(), false)
        }
    }
}

/// What the example of `ProblemDetails` names: the sample row, as an
/// error and as the JSON of its problem.
fn slots(catalogue: &Catalogue, details: &ProblemDetails) -> Slots {
    let (table, row) = sample_row(catalogue);
    let json = format!(
        "{{\"type\":{uri},\"title\":{title},\"status\":{status},\"detail\":\"token expired at 10:02\",{member}:{code}}}",
        member = json_string(catalogue.body.as_ref().map_or("code", |body| body.code().key.as_str())),
        uri = json_string(&details.type_uri(row)),
        title = json_string(&row.name),
        status = row.http_status,
        code = row.code.json(),
    );
    Slots::new()
        .with("krate", catalogue.crate_ident().to_string())
        .with("table", table.rust_enum.clone())
        .with(
            "path",
            format!("ErrorCode::{}({}::{})", table.error_code_variant, table.rust_enum, row.rust_variant),
        )
        .with("type_base", DOCS.escape(&details.type_base))
        .with("json", rust_str(&json))
        .with("status", row.http_status.to_string())
}

#[cfg(test)]
mod tests {
    use errcat_model::CodeKind;

    use super::super::test_catalogue::catalogue;
    use super::{DETAILS_SOURCE, Fixed, slots};

    #[test]
    fn every_slot_of_the_docs_is_filled() {
        for codes in [CodeKind::Integer, CodeKind::String] {
            let catalogue = catalogue(codes);
            let names = slots(&catalogue, catalogue.problem_details.as_ref().unwrap()).names();
            for slot in Fixed::parse(DETAILS_SOURCE).slots() {
                assert!(names.contains(slot.as_str()), "{slot} is not filled");
            }
        }
    }
}
