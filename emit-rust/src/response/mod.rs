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
mod build;
mod members;
#[cfg(test)]
pub(super) mod stand_in;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub(super) use body::BodyCode;
#[cfg(test)]
use body::BodyCodeOnly;
#[cfg(test)]
use stand_in::{ApiErrorKind, BodyVisitor, ErrorBody, ErrorCode, Recovery, problem_code};

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::examples::{body_json as body_json_of, sample_body, sample_row, unused_code};
use super::fixed;
use super::tokens::{doc, ident};
use errcat_model::text::{code_span, json_string, rust_bytes};
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
    let http_use =
        catalogue.http_table().map(|http| ident(&http.rust_enum)).map(|name| quote! { use super::#name; });
    let mut body = match catalogue.codes {
        CodeKind::Integer => fixed::items(BODY_SOURCE, body_docs(&sample)),
        CodeKind::String => {
            // `body.rs` but its numeric `BodyCode`, and `body_string.rs`'s in its place.
            let numeric = |item: &syn::Item| match item {
                syn::Item::Struct(item) => {
                    ["BodyCode", "CodeField"].contains(&item.ident.to_string().as_str())
                }
                syn::Item::Impl(item) => matches!(&*item.self_ty, syn::Type::Path(path)
                    if path.path.is_ident("BodyCode") || path.path.is_ident("CodeField")),
                syn::Item::Fn(item) => item.sig.ident == "parse_decimal",
                _ => false,
            };
            let mut items = fixed::items(BODY_STRING_SOURCE, string_body_docs(&sample));
            items.extend(fixed::items(BODY_SOURCE, Vec::new()).into_iter().filter(|item| !numeric(item)));
            items
        }
    };
    // A body of only `code` reads no text member: `TextField` would be dead code.
    if body_model.members.iter().all(|member| member.role == BodyRole::Code) {
        body.retain(|item| !names_type(item, "TextField"));
    }
    let members = members::emit_members(body_model, error_body_docs(&sample));
    let build = build::emit_build(catalogue, body_model, &sample.uses, &sample.path);
    let problem_code = match catalogue.problem_details {
        Some(_) => quote! {
            fn problem_code(body: &[u8]) -> ::core::option::Option<BodyCode> {
                super::ProblemDetails::from_slice(body).and_then(|problem| problem.code)
            }
        },
        None => quote! {
            fn problem_code(_: &[u8]) -> ::core::option::Option<BodyCode> {
                ::core::option::Option::None
            }
        },
    };
    let kind = emit_kind(catalogue, &sample);
    let with_recovery = !catalogue.recoveries.is_empty();
    // Without a recovery vocabulary there is no `Recovery` to answer with.
    let without: &[&str] = if with_recovery { &[] } else { &["ApiError::recovery"] };
    let mut api_error = fixed::items_without(
        API_ERROR_SOURCE,
        vec![("ApiError".to_owned(), api_error_docs(&sample, with_recovery))],
        without,
    );
    if catalogue.codes == CodeKind::String {
        api_error.iter_mut().for_each(compare_string_codes);
    }
    let recovery_use = with_recovery.then(|| quote! { Recovery });
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

            #(#body)*
            #members
            #build
            #kind

            /// The code of a body that is RFC 9457 problem details, when the
            /// API answers with them.
            #problem_code
            #(#api_error)*

            impl ::core::error::Error for ApiError {}
        }
    }
}

/// Whether `item` is the struct `name` or an impl for it.
fn names_type(item: &syn::Item, name: &str) -> bool {
    match item {
        syn::Item::Struct(item) => item.ident == name,
        syn::Item::Impl(item) => {
            matches!(&*item.self_ty, syn::Type::Path(path) if path.path.is_ident(name))
        }
        _ => false,
    }
}

/// Patterns matching `statuses`: runs of consecutive statuses as ranges
/// (`502..=504`), the others alone, ascending.
fn status_patterns(statuses: &[u16]) -> Vec<TokenStream> {
    let mut sorted = statuses.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut patterns = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        let (first, last) = (Literal::u16_unsuffixed(start), Literal::u16_unsuffixed(end));
        patterns.push(if start == end { quote!(#first) } else { quote!(#first..=#last) });
        i += 1;
    }
    patterns
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

/// The docs of `BodyCode`, its methods and `ErrorBody`, by item.
fn body_docs(sample: &Sample) -> Vec<(String, TokenStream)> {
    let Sample { krate, row, path, uses, unknown, .. } = sample;
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
                code = row.aliases.first().unwrap_or(&row.code),
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

    [
        ("BodyCode", body_code_docs),
        ("BodyCode::new", new_docs),
        ("BodyCode::quoted", quoted_docs),
        ("BodyCode::number", number_docs),
        ("BodyCode::is_quoted", is_quoted_docs),
        ("BodyCode::error_code", error_code_docs),
    ]
    .into_iter()
    .map(|(name, docs)| (name.to_owned(), docs))
    .collect()
}

/// The docs of `ErrorBody`: its members, and an example from the sample row.
fn error_body_docs(sample: &Sample) -> TokenStream {
    let Sample { krate, uses, unknown, body_json, body, path, .. } = sample;
    let keys: Vec<String> = body.members.iter().map(|member| format!("\"{}\"", member.key)).collect();
    let optional: Vec<String> =
        body.members.iter().filter(|member| !member.required).map(|member| code_span(&member.key)).collect();
    let mut shape = code_span(&format!("{{{}}}", keys.join(", ")));
    if let Some(envelope) = &body.envelope {
        shape = format!(
            "{shape} inside the member {}\n({}, other members ignored)",
            code_span(envelope),
            code_span(&format!("{{{}: {{…}}}}", json_string(envelope)))
        );
    }
    let optional = match optional.len() {
        0 => String::new(),
        1 => format!(",\nwhere {} may be missing (or `null`)", optional[0]),
        _ => format!(",\nwhere {} may be missing (or `null`)", and_list(&optional)),
    };
    let code_key = &body.code().key;
    let message = body.member(BodyRole::Message);
    let details = body.member(BodyRole::Details);
    let mut checks =
        format!("assert_eq!(body.{code}.error_code(), Some({path}));", code = body.code().rust_field);
    if let Some(id) = body.member(BodyRole::OccurrenceId) {
        checks.push_str(&format!("\nassert_eq!(body.{}.as_deref(), Some(\"a1b2\"));", id.rust_field));
    }
    if let Some(details) = details {
        checks.push_str(&format!("\nassert_eq!(body.{}, None);", details.rust_field));
    }
    let string = unknown.starts_with('"');
    // As a string: the digits of an integer code, a string code as it is.
    let unknown_json = if string { unknown.clone() } else { format!("\"{unknown}\"") };
    let mut values = vec![(BodyRole::Code, format!("[{unknown_json}]"))];
    if message.is_some() {
        values.push((BodyRole::Message, "[\"X\"]".to_owned()));
    }
    if details.is_some() {
        values.push((BodyRole::Details, "[\"d\"]".to_owned()));
    }
    let read_back = if string { "as_str" } else { "number" };
    let mut array_checks = format!("assert_eq!(array.{}.{read_back}(), {unknown});", body.code().rust_field);
    if let Some(details) = details {
        array_checks
            .push_str(&format!("\nassert_eq!(array.{}.as_deref(), Some(\"d\"));", details.rust_field));
    }
    if body.envelope.is_some() {
        array_checks.push_str(
            "\n\n// Written back inside the envelope.\n\
             let written = serde_json::to_string(&array).unwrap();\n\
             assert_eq!(serde_json::from_str::<ErrorBody>(&written).unwrap(), array);",
        );
    }
    doc(&format!(
        "An error response body: {shape}{optional}.\n\n\
         Each member is read as a plain value or as a one-element array\n\
         ({example_array}), and {code_key}\n\
         {code_as}; other members are ignored.\n\
         Writing gives the plain shape, with absent members left out.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::ErrorBody;"),
            format!(
                "let body: ErrorBody = serde_json::from_slice({bytes}).unwrap();\n\
                 {checks}\n\n\
                 let array: ErrorBody = serde_json::from_str({array}).unwrap();\n\
                 {array_checks}",
                bytes = rust_bytes(body_json),
                array = raw_str(&body_json_of(body, &values)),
            ),
        ),
        example_array = code_span(&example_array(body, string)),
        code_key = code_span(code_key),
        code_as = if string { "as a string" } else { "as an integer or a string of digits" },
    ))
}

/// `{"code":[4030000],"message":["AUTHENTICATION_FAIL"]}`, in the body's members.
/// (`["card_declined"]` for string codes).
fn example_array(body: &Body, string: bool) -> String {
    let code = if string { "[\"card_declined\"]" } else { "[4030000]" };
    let mut values = vec![(BodyRole::Code, code.to_owned())];
    if body.member(BodyRole::Message).is_some() {
        values.push((BodyRole::Message, "[\"AUTHENTICATION_FAIL\"]".to_owned()));
    }
    body_json_of(body, &values)
}

/// A Rust raw string literal for `text`, with as many `#` as it needs.
fn raw_str(text: &str) -> String {
    let hashes = (1..).map(|n| "#".repeat(n)).find(|h| !text.contains(&format!("\"{h}"))).unwrap_or_default();
    format!("r{hashes}\"{text}\"{hashes}")
}

/// `a`, `b` and `c`.
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.join(""),
    }
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
    // A string code's lookup is not a const fn.
    let constness = (catalogue.codes == CodeKind::Integer).then(|| quote!(const));
    let raw = match catalogue.codes {
        CodeKind::Integer => "raw numbers",
        CodeKind::String => "raw status and code",
    };
    let unknown_docs = doc(&format!(
        "Neither the code nor the status is in the catalogue: the\n{raw}, the code as sent if the body had one."
    ));
    let classify_docs = doc(&format!(
        "Classifies an HTTP status and the body's code, if any: the\n\
         code when the catalogue lists it, else the status when an\n\
         HTTP status table lists it, else the {raw}."
    ));
    let recovery = (!catalogue.recoveries.is_empty()).then(|| {
        // Statuses the catalogue does not list, with the recovery the spec
        // gives them (`unlisted_statuses`).
        let by_status =
            catalogue.recoveries.iter().filter(|recovery| !recovery.unlisted_statuses.is_empty()).map(|recovery| {
                let patterns = status_patterns(&recovery.unlisted_statuses);
                let variant = ident(&recovery.rust_variant);
                quote! {
                    Self::Unknown { status: #(#patterns)|*, .. } => ::core::option::Option::Some(Recovery::#variant),
                }
            });
        let by_status: Vec<TokenStream> = by_status.collect();
        let unlisted = if by_status.is_empty() {
            quote! { ::core::option::Option::None }
        } else {
            quote! {
                match self {
                    #(#by_status)*
                    _ => ::core::option::Option::None,
                }
            }
        };
        quote! {
            /// What a client should do, if the catalogue says: the recovery of
            /// the error, else the one the catalogue gives an unlisted status.
            #[must_use]
            pub const fn recovery(self) -> ::core::option::Option<Recovery> {
                match self.error_code() {
                    ::core::option::Option::Some(error) => error.recovery(),
                    ::core::option::Option::None => #unlisted,
                }
            }
        }
    });
    quote! {
        #kind_docs
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ApiErrorKind {
            /// The body's code (or an alias of it) is in the catalogue.
            Code(ErrorCode),
            #status_variant
            #unknown_docs
            Unknown {
                /// The HTTP status.
                status: u16,
                /// The body's code, if the body could be read.
                code: ::core::option::Option<BodyCode>,
            },
        }

        impl ApiErrorKind {
            #classify_docs
            #[must_use]
            pub #constness fn classify(status: u16, code: ::core::option::Option<BodyCode>) -> Self {
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

            #recovery
        }
    }
}

fn kind_docs(catalogue: &Catalogue, sample: &Sample) -> TokenStream {
    let Sample { krate, table, row, path, unknown, body_code, .. } = sample;
    let unknown_code = body_code(unknown);
    let http = catalogue.http_table();
    let fallback_example = match http.map(|http| &http.rows[0]) {
        Some(status_row) => format!(
            "\n\n// An unlisted code falls back on the HTTP status.\n\
             let kind = ApiErrorKind::classify({status}, Some({unknown_code}));\n\
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
                "let kind = ApiErrorKind::classify({status}, Some({code}));\n\
                 assert_eq!(kind, ApiErrorKind::Code({path}));{fallback_example}\n\n\
                 let kind = ApiErrorKind::classify(299, Some({unknown_code}));\n\
                 assert_eq!(kind, ApiErrorKind::Unknown {{ status: 299, code: Some({unknown_code}) }});",
                status = row.http_status,
                code = body_code(&row.code.rust_literal()),
            )
        ),
    ))
}

fn api_error_docs(sample: &Sample, with_recovery: bool) -> TokenStream {
    let Sample { krate, table, row, path, body_json, body, .. } = sample;
    let occurrence_check = match body.member(BodyRole::OccurrenceId) {
        Some(member) => {
            format!(
                "assert_eq!(error.body().and_then(|b| b.{}.as_deref()), Some(\"a1b2\"));\n",
                member.rust_field
            )
        }
        None => String::new(),
    };
    let recovery_value = match &row.recovery {
        Some(recovery) => format!("Some(Recovery::{})", recovery.rust_variant()),
        None => "None".to_owned(),
    };
    let (recovery_use, recovery_check) = if with_recovery {
        ("Recovery, ", format!("assert_eq!(error.recovery(), {recovery_value});\n"))
    } else {
        ("", String::new())
    };
    let api_uses =
        format!("use {krate}::{{ApiError, ApiErrorKind, ErrorCode, {recovery_use}{}}};", table.rust_enum);
    doc(&format!(
        "An error response, classified as specifically as the catalogue\n\
         allows, with everything the service sent kept.\n\n{}",
        example(
            &api_uses,
            format!(
                "let error = ApiError::from_response({status}, {bytes});\n\
                 assert_eq!(error.kind(), ApiErrorKind::Code({path}));\n\
                 {recovery_check}\
                 {occurrence_check}\n\
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

/// Rewrites `ApiError`'s `Display` for string codes: its check whether
/// the body sent an alias compares numbers (`number()` against
/// `code() as i128`), which for string codes is the text against the code.
fn compare_string_codes(item: &mut syn::Item) {
    let syn::Item::Impl(item) = item else { return };
    let is_display = item
        .trait_
        .as_ref()
        .is_some_and(|(path, _)| path.segments.last().is_some_and(|segment| segment.ident == "Display"));
    if !is_display {
        return;
    }
    for member in &mut item.items {
        if let syn::ImplItem::Fn(method) = member {
            method.block.stmts.iter_mut().for_each(rewrite_stmt);
        }
    }

    fn rewrite_stmt(stmt: &mut syn::Stmt) {
        if let syn::Stmt::Expr(expr, _) = stmt {
            rewrite_expr(expr);
        }
    }

    fn rewrite_expr(expr: &mut syn::Expr) {
        match expr {
            syn::Expr::Match(expr) => {
                for arm in &mut expr.arms {
                    if let syn::Pat::Guard(pat) = &mut arm.pat
                        && pat.guard.to_token_stream().to_string().contains("number ()")
                    {
                        *pat.guard = syn::parse_quote!(body.sent_code().as_str() != error.code());
                    }
                    rewrite_expr(&mut arm.body);
                }
            }
            syn::Expr::Block(block) => block.block.stmts.iter_mut().for_each(rewrite_stmt),
            _ => {}
        }
    }
}

/// The docs of the string codes' `BodyCode` and its methods, by item.
fn string_body_docs(sample: &Sample) -> Vec<(String, TokenStream)> {
    let Sample { krate, row, path, uses, unknown, .. } = sample;
    let sent = row.aliases.first().unwrap_or(&row.code).rust_literal();
    let body_code_docs = doc(&format!(
        "The `code` of an error body, exactly as the service sent it.\n\n\
         A service may send a code the catalogue does not list: it is kept,\n\
         never an error. A code is read from a JSON string of at most\n\
         [`BodyCode::CAPACITY`] bytes, or a one-element array of one, and is\n\
         written back as a string. It is kept inline, so that `BodyCode` is\n\
         `Copy`.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::BodyCode;"),
            format!(
                "let known: BodyCode = serde_json::from_str({known}).unwrap();\n\
                 assert_eq!(known.error_code(), Some({path}));\n\n\
                 let unknown: BodyCode = serde_json::from_str({unknown_json}).unwrap();\n\
                 assert_eq!(unknown.error_code(), None);\n\
                 assert_eq!(unknown.as_str(), {unknown});\n\
                 assert_eq!(serde_json::to_string(&unknown).unwrap(), {unknown_json});",
                known = rust_str_of_json(&sent),
                unknown_json = rust_str_of_json(unknown),
            ),
        ),
    ));
    let new_docs = doc(&format!(
        "A code, if it is at most [`BodyCode::CAPACITY`] bytes long.\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!(
                "assert_eq!(BodyCode::new({unknown}).map(|code| code.to_string()).as_deref(), Some({unknown}));\n\
                 assert_eq!(BodyCode::new(&\"x\".repeat(BodyCode::CAPACITY + 1)), None);"
            )
        ),
    ));
    let as_str_docs = doc(&format!(
        "The code, exactly as sent (an alias stays the alias).\n\n{}",
        example(
            &format!("use {krate}::BodyCode;"),
            format!("assert_eq!(BodyCode::new({unknown}).unwrap().as_str(), {unknown});")
        ),
    ));
    let error_code_docs = doc(&format!(
        "The catalogue's error with this code, or with this alias.\n\n{}",
        example(
            &format!("{uses}\nuse {krate}::BodyCode;"),
            format!(
                "assert_eq!(BodyCode::new({code}).unwrap().error_code(), Some({path}));\n\
                 assert_eq!(BodyCode::new({unknown}).unwrap().error_code(), None);",
                code = row.code.rust_literal(),
            )
        ),
    ));
    [
        ("BodyCode", body_code_docs),
        ("BodyCode::new", new_docs),
        ("BodyCode::as_str", as_str_docs),
        ("BodyCode::error_code", error_code_docs),
    ]
    .into_iter()
    .map(|(name, docs)| (name.to_owned(), docs))
    .collect()
}

/// A Rust string literal of the JSON of a string literal: `"\"x\""`.
fn rust_str_of_json(literal: &str) -> String {
    errcat_model::text::rust_str(literal)
}
