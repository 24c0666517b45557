//! Error responses (the generated crate's `serde` feature): the body type,
//! the code as sent, and the classification of a whole response.
//!
//! What does not vary with the catalogue is real Rust in `body.rs`
//! (`body_string.rs` for string codes) and `api_error.rs`, docs included,
//! compiled and tested here against stand-ins of the generated items; this
//! module fills their docs' slots and adds the parts that name the
//! catalogue's tables: `members.rs`, `build.rs` and `kind.rs`.

#[cfg(test)]
// `http` and `reqwest` are features of the generated crate, not of this one.
#[allow(unexpected_cfgs)]
mod api_error;
#[cfg(test)]
mod body;
mod build;
mod kind;
mod members;
mod spans;
#[cfg(test)]
pub(super) mod stand_in;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) use api_error::{FirstRead, ProblemMembers};
#[cfg(test)]
pub(super) use body::BodyCode;
#[cfg(test)]
use body::BodyCodeOnly;
#[cfg(test)]
use stand_in::{ApiErrorKind, BodyVisitor, ErrorBody, ErrorCode, Recovery, read_problem};

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::{sample_body, sample_row, unused_code};
use super::splice::{Fixed, Named, Slots};
use super::tokens::ident;
use errcat_model::text::{rust_bytes, rust_str};
use errcat_model::{Body, BodyRole, Catalogue, CodeKind, Row, Table};

/// `BodyCode`, `ErrorBody` and their serde impls, spliced in verbatim.
const BODY_SOURCE: &str = include_str!("body.rs");

/// The `BodyCode` of string codes, spliced in place of `body.rs`'s.
const BODY_STRING_SOURCE: &str = include_str!("body_string.rs");

/// `ApiError` and its methods, spliced in verbatim.
const API_ERROR_SOURCE: &str = include_str!("api_error.rs");

/// The `response` module and the re-export of its types; nothing for a
/// catalogue that declares no error body.
pub(super) fn emit_response(catalogue: &Catalogue) -> TokenStream {
    let Some(body_model) = &catalogue.body else {
        return TokenStream::new();
    };
    let sample = Sample::new(catalogue, body_model);
    let slots = slots(catalogue, &sample);
    let http_use =
        catalogue.http_table().map(|http| ident(&http.rust_enum)).map(|name| quote! { use super::#name; });
    let string_body =
        (catalogue.codes == CodeKind::String).then(|| Fixed::parse(BODY_STRING_SOURCE).fill(&slots));
    let mut body = Fixed::parse(BODY_SOURCE).fill(&slots);
    if string_body.is_some() {
        // `body_string.rs`'s `BodyCode` in place of the numeric one.
        body = body
            .without(Named::Type("BodyCode"))
            .without(Named::Type("CodeField"))
            .without(Named::Fn("parse_decimal"));
    }
    // A body of only `code` reads no text member: `TextField` would be dead code.
    if body_model.members.iter().all(|member| member.role == BodyRole::Code) {
        body = body.without(Named::Type("TextField"));
    }
    let members = members::emit_members(&sample);
    let build = build::emit_build(catalogue, body_model, &sample.uses, &sample.path);
    let read_problem = match catalogue.problem_details {
        Some(_) => quote! {
            fn read_problem(body: &[u8]) -> FirstRead {
                super::problem::first_read(body)
            }
        },
        None => quote! {
            #[inline]
            fn read_problem(_: &[u8]) -> FirstRead {
                FirstRead::UNREAD
            }
        },
    };
    let kind = kind::emit_kind(catalogue, &sample);
    let params = keeps_params(catalogue);
    let spans = params.then(|| spans::emit_spans(body_model));
    let api_error = api_error(catalogue, &slots);
    let xml = body_model.xml.as_ref().map(|xml| super::xml::emit_xml_response(catalogue, body_model, xml));
    let recovery_use = (!catalogue.recoveries.is_empty()).then(|| quote! { Recovery });
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

            use super::{ErrorCode, #recovery_use};
            #http_use

            #string_body
            #body
            #members
            #build
            #kind

            /// The first read of a body that is a JSON object: problem
            /// details, when the API answers with them.
            #read_problem
            #api_error
            #spans
            #xml

            impl ::core::error::Error for ApiError {}
        }
    }
}

/// `api_error.rs` for this catalogue: with where the params are when it
/// has values with params, without `recovery` when it has no recovery
/// vocabulary, and for string codes, its one comparison of
/// numbers (whether the body sent an alias) made one of strings.
fn api_error(catalogue: &Catalogue, slots: &Slots) -> Fixed {
    let mut api_error =
        Fixed::parse(API_ERROR_SOURCE).fill(slots).cfg("errcat_params", keeps_params(catalogue));
    if catalogue.recoveries.is_empty() {
        api_error = api_error.without(Named::Method("ApiError", "recovery"));
    }
    if catalogue.codes == CodeKind::String {
        let (numbers, strings) = sent_an_alias();
        api_error = api_error.replace_expr(&numbers, &strings);
    }
    if catalogue.body.as_ref().is_some_and(|body| body.xml.is_some()) {
        let (json, xml) = super::xml::not_json_return();
        api_error = api_error.replace_expr(&json, &xml);
    }
    api_error
}

/// Whether `ApiError` keeps where the params of the catalogue's values
/// are in a body (`spans.rs`): values with params, in a JSON body.
fn keeps_params(catalogue: &Catalogue) -> bool {
    catalogue.body.as_ref().is_some_and(|body| body.xml.is_none()) && super::values::any_params(catalogue)
}

/// Whether the body sent an alias, as `api_error.rs` says it for integer
/// codes, and as string codes say it.
fn sent_an_alias() -> (syn::Expr, syn::Expr) {
    (
        syn::parse_quote!(sent.number() != error.code() as i128),
        syn::parse_quote!(sent.as_str() != error.code()),
    )
}

/// What the examples show: the sample row, its path through `ErrorCode`,
/// a code no table has, and a body carrying the row.
struct Sample<'a> {
    krate: String,
    table: &'a Table,
    row: &'a Row,
    path: String,
    uses: String,
    /// A code no table has, as a Rust literal (`0`, `"unknown"`).
    unknown: String,
    /// `BodyCode::new(CODE)` for a code, as the examples build one (a
    /// string code's `new` answers an `Option`).
    body_code: fn(&str) -> String,
    body_json: String,
    body: &'a Body,
}

impl<'a> Sample<'a> {
    fn new(catalogue: &'a Catalogue, body: &'a Body) -> Self {
        let krate = catalogue.crate_ident().to_string();
        let (table, row) = sample_row(catalogue);
        Sample {
            path: format!(
                "ErrorCode::{}({}::{})",
                table.error_code_variant, table.rust_enum, row.rust_variant
            ),
            uses: format!("use {krate}::{{ErrorCode, {}}};", table.rust_enum),
            unknown: unused_code(catalogue),
            body_code: match catalogue.codes {
                CodeKind::Integer => |code| format!("BodyCode::new({code})"),
                CodeKind::String => |code| format!("BodyCode::new({code}).unwrap()"),
            },
            body_json: sample_body(body, row, Some("a1b2")),
            body,
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

/// The slots of the fixed files' docs: the sample row as the examples
/// name it, sent as a code and in a body.
fn slots(catalogue: &Catalogue, sample: &Sample) -> Slots {
    let Sample { krate, table, row, path, unknown, body_json, body, .. } = sample;
    let sent = row.aliases.first().unwrap_or(&row.code);
    let with_recovery = !catalogue.recoveries.is_empty();
    let mut checks = Vec::new();
    if with_recovery {
        let recovery = match &row.recovery {
            Some(recovery) => format!("Some(Recovery::{})", recovery.rust_variant()),
            None => "None".to_owned(),
        };
        checks.push(format!("assert_eq!(error.recovery(), {recovery});"));
    }
    if let Some(member) = body.member(BodyRole::OccurrenceId) {
        checks.push(format!(
            "assert_eq!(error.body().and_then(|b| b.{}.as_deref()), Some(\"a1b2\"));",
            member.rust_field
        ));
    }
    Slots::new()
        .with("krate", krate.clone())
        .with("table", table.rust_enum.clone())
        .with("path", path.clone())
        .with("code", row.code.rust_literal())
        .with("sent", sent.rust_literal())
        .with("sent_json", rust_str(&sent.rust_literal()))
        .with("unknown", unknown.clone())
        .with("unknown_json", rust_str(unknown))
        .with("status", row.http_status.to_string())
        .with(
            "bytes",
            match &body.xml {
                Some(xml) => rust_bytes(&super::xml::sample_xml(body, xml, row, Some("a1b2"))),
                None => rust_bytes(body_json),
            },
        )
        .with("recovery_use", if with_recovery { "Recovery, " } else { "" })
        .with("checks", checks.join("\n"))
}

#[cfg(test)]
mod splice_tests {
    use quote::ToTokens;

    use super::super::test_catalogue::catalogue;
    use super::*;

    #[test]
    fn every_slot_of_the_fixed_docs_is_filled() {
        for codes in [CodeKind::Integer, CodeKind::String] {
            let catalogue = catalogue(codes);
            let names = slots(&catalogue, &Sample::new(&catalogue, catalogue.body.as_ref().unwrap())).names();
            for source in [BODY_SOURCE, BODY_STRING_SOURCE, API_ERROR_SOURCE] {
                for slot in Fixed::parse(source).slots() {
                    assert!(names.contains(slot.as_str()), "{slot} is not filled");
                }
            }
        }
    }

    #[test]
    fn what_a_catalogue_leaves_out_is_in_the_fixed_files() {
        let body = Fixed::parse(BODY_SOURCE);
        for named in [
            Named::Type("BodyCode"),
            Named::Type("CodeField"),
            Named::Fn("parse_decimal"),
            Named::Type("TextField"),
        ] {
            assert!(body.has(named), "body.rs has no {named:?}");
        }
        assert!(Fixed::parse(API_ERROR_SOURCE).has(Named::Method("ApiError", "recovery")));
    }

    #[test]
    fn string_codes_compare_the_one_expression_that_compares_numbers() {
        let (numbers, strings) = sent_an_alias();
        let count = |fixed: &Fixed, expr: &syn::Expr| {
            fixed.to_token_stream().to_string().matches(&expr.to_token_stream().to_string()).count()
        };
        let fixed = Fixed::parse(API_ERROR_SOURCE);
        assert_eq!(count(&fixed, &numbers), 1);
        let fixed = fixed.replace_expr(&numbers, &strings);
        assert_eq!((count(&fixed, &numbers), count(&fixed, &strings)), (0, 1));
    }
}
