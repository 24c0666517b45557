//! The generated crate's opening docs: a short guide whose examples run
//! as doctests, shared with the generated README.

use proc_macro2::TokenStream;
use quote::quote;

use super::examples::{body_json, sample_row, unused_code};
use super::tokens::doc_line;
use super::values::Value;
use crate::DOCS;
use errcat_model::text::{code_span, json_string, rust_bytes, rust_str};
use errcat_model::{Body, BodyRole, Catalogue, Code, CodeKind, MessageText, Row, Table};

/// One section of the guide: a heading, a sentence, and an example.
pub(super) struct Section {
    /// The heading.
    pub heading: String,
    /// What the example shows (Markdown).
    pub intro: String,
    /// The example's code; lines starting with `# ` are hidden in rustdoc
    /// and left out of the README.
    pub code: String,
    /// Whether the section is about HTTP: a catalogue without HTTP
    /// leaves it out.
    pub http: bool,
}

/// The guide's sections, from the catalogue's own rows and its values
/// (`values::values`); a catalogue without HTTP leaves out those about
/// HTTP.
pub(super) fn sections(catalogue: &Catalogue, values: &[Value<'_>]) -> Vec<Section> {
    let sample = sample_row(catalogue);
    let sections = [
        Some(lookup_section(catalogue, sample)),
        catalogue.body.as_ref().map(|body| parse_example(catalogue, body, sample.0, sample.1)),
        match_section(catalogue),
        // `ApiError` needs a body.
        catalogue.body.is_some().then(|| retry_after_section(catalogue)),
        recovery_section(catalogue, sample.1),
        Some(serde_section(catalogue, sample)),
        server_section(catalogue, sample),
        Some(status_code::section(catalogue, sample.1)),
    ];
    let on_values = super::values::guide::sections(catalogue, values);
    sections
        .into_iter()
        .flatten()
        .chain(on_values)
        .filter(|section| catalogue.http || !section.http)
        .collect()
}

/// Look up a code: by code (or alias) and by name.
fn lookup_section(catalogue: &Catalogue, (table, row): (&Table, &Row)) -> Section {
    let krate = catalogue.crate_ident();
    let path = variant_path(table, row);
    let mut lookup = format!(
        "use {krate}::{{ErrorCode, {name}}};\n\n\
         let error = ErrorCode::from_code({code}).expect(\"a listed code\");\n\
         assert_eq!(error, {path});\n\
         assert_eq!(error.name(), {lit});{status}",
        name = table.rust_enum,
        code = row.code.rust_literal(),
        lit = rust_str(&row.name),
        status = if catalogue.http {
            format!(
                "\nassert_eq!(error.http_status(), {});\nassert!({}error.{}());",
                crate::status_class::shown_status(catalogue.statusless(table), row.http_status),
                if (400..=599).contains(&row.http_status) { "" } else { "!" },
                if row.http_status < 500 { "is_client_error" } else { "is_server_error" }
            )
        } else {
            String::new()
        },
    );
    if let Some(alias) = row.aliases.first() {
        lookup.push_str(&format!(
            "\n\n// Services also send {alias} for it: the alias finds the same error,\n\
             // and `code()` stays the documented one.\n\
             assert_eq!(ErrorCode::from_code({alias_lit}), Some(error));\n\
             assert_eq!(error.code(), {code});",
            alias_lit = alias.rust_literal(),
            code = row.code.rust_literal(),
        ));
    }
    Section {
        heading: "Look up a code".to_owned(),
        intro: match catalogue.codes {
            CodeKind::Integer => "Every code of every table, by number (or alias) or by name.".to_owned(),
            CodeKind::String => "Every code of every table, by code (or alias) or by name.".to_owned(),
        },
        code: lookup,
        http: false,
    }
}

/// Match on the error, whichever way it arrived: with an HTTP status
/// table and an error body.
fn match_section(catalogue: &Catalogue) -> Option<Section> {
    let krate = catalogue.crate_ident();
    let (Some(http), Some(body)) = (catalogue.http_table(), &catalogue.body) else {
        return None;
    };
    let status_row = &http.rows[0];
    let message = match body.message_text {
        MessageText::Name => &status_row.name,
        MessageText::Description => &status_row.description,
    };
    let by_code = body_json(
        body,
        &[(BodyRole::Code, status_row.code.to_string()), (BodyRole::Message, json_string(message))],
    );
    Some(Section {
        heading: "Match on the error, however it arrived".to_owned(),
        intro: "A service may send an error as a body with its code or as a bare HTTP status: \
                `ApiError::error_code` gives the catalogue's error either way, so match on it \
                (`kind()` says which way it came)."
            .to_owned(),
        code: format!(
            "# #[cfg(feature = \"serde\")] {{\n\
             use {krate}::{{ApiError, ErrorCode, {http_enum}}};\n\n\
             let by_code = ApiError::from_response({status}, {bytes});\n\
             let by_status = ApiError::from_response({status}, b\"\");\n\
             assert_eq!(by_code.error_code(), Some(ErrorCode::{outer}({http_enum}::{variant})));\n\
             assert_eq!(by_status.error_code(), by_code.error_code());\n\
             # }}",
            http_enum = http.rust_enum,
            outer = http.error_code_variant,
            variant = status_row.rust_variant,
            status = status_row.code,
            bytes = rust_bytes(&by_code),
        ),
        http: true,
    })
}

/// Wait as long as the service asks.
fn retry_after_section(catalogue: &Catalogue) -> Section {
    let krate = catalogue.crate_ident();
    Section {
        heading: "Wait as long as the service asks".to_owned(),
        intro: "With the `serde` and `http` features, `ApiError::from_http_response` keeps the \
                response's `Retry-After` header, in seconds or as a date, as a `Duration`."
            .to_owned(),
        code: format!(
            "# #[cfg(all(feature = \"serde\", feature = \"http\"))] {{\n\
             use std::time::Duration;\n\n\
             use {krate}::ApiError;\n\n\
             let response = http::Response::builder()\n\
             \x20   .status(503)\n\
             \x20   .header(\"Retry-After\", \"7\")\n\
             \x20   .body(&b\"<html>Service Unavailable</html>\"[..])\n\
             \x20   .unwrap();\n\
             let error = ApiError::from_http_response(&response);\n\
             assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));\n\n\
             // A date already past asks for no wait.\n\
             let response = http::Response::builder()\n\
             \x20   .status(503)\n\
             \x20   .header(\"Retry-After\", \"Wed, 21 Oct 2015 07:28:00 GMT\")\n\
             \x20   .body(&b\"\"[..])\n\
             \x20   .unwrap();\n\
             assert_eq!(ApiError::from_http_response(&response).retry_after(), Some(Duration::ZERO));\n\
             # }}"
        ),
        http: true,
    }
}

/// Act on the recovery, when the catalogue has a vocabulary.
fn recovery_section(catalogue: &Catalogue, row: &Row) -> Option<Section> {
    let recover = recover_example(catalogue, row)?;
    Some(Section {
        heading: "Act on the recovery".to_owned(),
        intro: "Each error names what a client should do about it, in the catalogue's own \
                words: one `match` over `Recovery` covers the whole catalogue, and \
                `is_retry()` tells the errors to send again later."
            .to_owned(),
        code: recover,
        http: false,
    })
}

/// Keep errors in your own serde types.
fn serde_section(catalogue: &Catalogue, (table, row): (&Table, &Row)) -> Section {
    let krate = catalogue.crate_ident();
    let path = variant_path(table, row);
    // Keep errors in your own serde types.
    Section {
        heading: "Keep errors in your own types".to_owned(),
        intro: format!(
            "With the `serde` feature, every code enum and `ErrorCode` (and `Recovery`, when \
             the catalogue has one) are `Serialize` and `Deserialize`: an error is written as its code and read from \
             {read} (`ErrorCode` refuses a name that two tables share).",
            read = match catalogue.codes {
                CodeKind::Integer => "its code, an alias, a string of the code's digits or its name",
                CodeKind::String => "its code, an alias or its name, tried in that order",
            }
        ),
        code: format!(
            "# #[cfg(feature = \"serde\")] {{\n\
             use {krate}::{{ErrorCode, {name}}};\n\n\
             assert_eq!(serde_json::to_string(&{path}).unwrap(), {code});\n\
             let read: ErrorCode = serde_json::from_str({by_name}).unwrap();\n\
             assert_eq!(read, {path});{shared}\n\
             # }}",
            name = table.rust_enum,
            shared = shared_name(catalogue).map_or(String::new(), |name| format!(
                "\n\n// `{name}` names errors of two tables: it reads as neither.\n\
                 assert!(serde_json::from_str::<ErrorCode>({json}).is_err());",
                name = name.replace('`', "'"),
                json = rust_str(&json_string(name)),
            )),
            code = rust_str(&row.code.json()),
            // A name that two tables share reads as neither, and another row's
            // string code or alias shadows a name: the example then reads the
            // code, as a string of digits, or failing that as written.
            by_name = rust_str(
                &[row.name.clone(), row.code.to_string()]
                    .into_iter()
                    .find(|text| reads_as(catalogue, text).is_some_and(|found| std::ptr::eq(found, row)))
                    .map_or_else(|| row.code.json(), |text| json_string(&text))
            ),
        ),
        http: false,
    }
}

/// Answer errors from a server, with the catalogue's body.
fn server_section(catalogue: &Catalogue, (table, row): (&Table, &Row)) -> Option<Section> {
    let krate = catalogue.crate_ident();
    let body = catalogue.body.as_ref()?;
    let optional = body.members.iter().find(|member| !member.required);
    let (media_type, answer, extra, added) = match &catalogue.problem_details {
        None => (
            body.media_type(),
            "the error body",
            "ErrorBody",
            optional.map(|member| format!(".with_{}(\"a1b2\")", member.rust_field)),
        ),
        Some(_) => (
            "application/problem+json",
            "RFC 9457 problem details, whose `type` is the error's entry in the reference page",
            "ProblemDetails",
            Some(".with_detail(\"token expired at 10:02\")".to_owned()),
        ),
    };
    let added = added.unwrap_or_default();
    Some(Section {
        heading: "Answer errors from an axum server".to_owned(),
        intro: format!(
            "With the `axum` feature, every error is an `IntoResponse`: a handler returns \
             `Err(error)` and the client gets the row's HTTP status and {answer}, as \
             `{media_type}`. To add what is known of this occurrence, answer with \
             `{extra}::from(error)` and its builder methods instead."
        ),
        code: format!(
            "# #[cfg(feature = \"axum\")] {{\n\
             use {krate}::axum_core::response::IntoResponse;\n\
             use {krate}::{{{extra}, {name}}};\n\n\
             async fn handler() -> ::core::result::Result<String, {name}> {{\n\
             \x20   Err({name}::{variant})\n\
             }}\n\n\
             let response = {name}::{variant}.into_response();\n\
             assert_eq!(response.status(), {status});\n\
             assert_eq!(response.headers()[\"content-type\"], \"{media_type}\");\n\n\
             let response = {extra}::from({name}::{variant}){added}.into_response();\n\
             assert_eq!(response.status(), {status});\n\
             # let _ = handler;\n\
             # }}",
            name = table.rust_enum,
            variant = row.rust_variant,
            status = row.http_status,
        ),
        http: true,
    })
}

/// The first name that rows of two tables share and that no code or alias
/// is (a string code is read before a name), if any.
fn shared_name(catalogue: &Catalogue) -> Option<&str> {
    let mut tables_of = std::collections::HashMap::new();
    for (table, row) in catalogue.rows() {
        for name in names_of(row) {
            if let Some(first) = tables_of.insert(name, table.id.as_str())
                && first != table.id
                && reads_as(catalogue, name).is_none()
            {
                return Some(name);
            }
        }
    }
    None
}

/// Every name `from_name` finds `row` by: its own, then its other names.
fn names_of(row: &Row) -> impl Iterator<Item = &str> {
    std::iter::once(row.name.as_str()).chain(row.also_named.iter().map(|other| other.name.as_str()))
}

/// The row serde's `ErrorCode` reads from the JSON string `text`, looked
/// up as the generated `by_text` does: a string code or alias before a
/// name, a name before an integer code's digits, and a name that two rows
/// share as neither.
fn reads_as<'a>(catalogue: &'a Catalogue, text: &str) -> Option<&'a Row> {
    let by_code = || {
        catalogue
            .rows()
            .find(|(_, row)| {
                std::iter::once(&row.code).chain(&row.aliases).any(|code| code.to_string() == text)
            })
            .map(|(_, row)| row)
    };
    let by_name = || {
        let mut named = catalogue.rows().filter(|(_, row)| names_of(row).any(|name| name == text));
        let (_, first) = named.next()?;
        named.next().is_none().then_some(first)
    };
    match catalogue.codes {
        CodeKind::String => by_code().or_else(by_name),
        CodeKind::Integer => by_name().or_else(by_code),
    }
}

/// `ApiError::from_response` on a body with the sample row's code, an
/// unlisted code, and no error body at all.
fn parse_example(catalogue: &Catalogue, body: &Body, table: &Table, row: &Row) -> Section {
    if let Some(xml) = &body.xml {
        return super::xml::guide::parse_example(catalogue, body, xml, table, row);
    }
    let krate = catalogue.crate_ident();
    let http = catalogue.http_table();
    let path = variant_path(table, row);
    let code_field = &body.code().rust_field;
    let has_message = body.member(BodyRole::Message).is_some();
    let message = match body.message_text {
        MessageText::Name => &row.name,
        MessageText::Description => &row.description,
    };
    let sent = row.aliases.first().unwrap_or(&row.code);
    let json = body_json(
        body,
        &[(BodyRole::Code, format!("\"{sent}\"")), (BodyRole::Message, json_string(message))],
    );
    let sent_check = match sent {
        Code::Integer(_) => format!("body.{code_field}.number()), Some({sent})"),
        Code::String(_) => format!("body.{code_field}.as_str()), Some({})", sent.rust_literal()),
    };
    let mut uses = vec!["ApiError", "ApiErrorKind", "ErrorCode", table.rust_enum.as_str()];
    let mut parse = format!(
        "let error = ApiError::from_response({status}, {bytes});\n\
         assert_eq!(error.kind(), ApiErrorKind::Code({path}));\n\
         assert_eq!(error.body().map(|body| {sent_check}); // as sent",
        status = row.http_status,
        bytes = rust_bytes(&json),
    );
    if let Some(http) = http {
        let status_row =
            http.rows.iter().find(|r| r.recovery.as_ref().is_some_and(|r| r.retry)).unwrap_or(&http.rows[0]);
        let unknown = unused_code(catalogue);
        let array = body_json(
            body,
            &[(BodyRole::Code, format!("[{unknown}]")), (BodyRole::Message, "[\"NOT_LISTED\"]".to_owned())],
        );
        if http.rust_enum != table.rust_enum {
            uses.push(&http.rust_enum);
        }
        parse.push_str(&format!(
            "\n\n// A code the catalogue does not list falls back on the HTTP status.\n\
             let error = ApiError::from_response({status}, {bytes});\n\
             assert_eq!(error.kind(), ApiErrorKind::Status({http}::{variant}));",
            status = status_row.code,
            bytes = rust_bytes(&array),
            http = http.rust_enum,
            variant = status_row.rust_variant,
        ));
        if has_message {
            parse.push_str("\nassert_eq!(error.message(), Some(\"NOT_LISTED\"));");
        }
    }
    let unlisted_status = (500..=599u16)
        .find(|&status| catalogue.rows().all(|(_, r)| r.code != Code::Integer(u32::from(status))))
        .unwrap_or(599);
    parse.push_str(&format!(
        "\n\n// A body that is not an error body is kept, byte for byte.\n\
         let error = ApiError::from_response({unlisted_status}, b\"<html>Bad Gateway</html>\");\n\
         assert!(error.body().is_none());\n\
         assert_eq!(error.raw_body(), b\"<html>Bad Gateway</html>\");"
    ));
    Section {
        heading: "Parse an error response".to_owned(),
        intro: format!(
            "With the `serde` feature, `ApiError::from_response` turns an HTTP status and \
             the body's bytes into the most specific error it can: the body's code if the \
             catalogue lists it ({sent}), else the HTTP status, else the raw {raw}. Nothing the \
             service sent is lost.",
            sent = match catalogue.codes {
                CodeKind::Integer => "as a number, a string of digits or a one-element array",
                CodeKind::String => "as a string or a one-element array",
            },
            raw = match catalogue.codes {
                CodeKind::Integer => "numbers",
                CodeKind::String => "status and code",
            },
        ),
        code: format!(
            "# #[cfg(feature = \"serde\")] {{\nuse {krate}::{{{uses}}};\n\n{parse}\n# }}",
            uses = uses.join(", ")
        ),
        http: true,
    }
}

/// A client's next step from `recovery()`, run on `row`; nothing when the
/// catalogue declares no recoveries.
fn recover_example(catalogue: &Catalogue, row: &Row) -> Option<String> {
    catalogue.recoveries.first()?;
    let krate = catalogue.crate_ident();
    const RETRY: &str = "wait, then send the request again";
    const NONE: &str = "report it";
    let recovery =
        row.recovery.as_ref().and_then(|named| catalogue.recoveries.iter().find(|r| r.key == named.key));
    let (value, check) = match recovery {
        Some(recovery) if recovery.retry => (
            format!("Some(Recovery::{})", recovery.rust_variant),
            format!("assert_eq!(next_step(error), {});", rust_str(RETRY)),
        ),
        Some(recovery) => {
            // The description's first words: descriptions run long.
            let start = recovery
                .description
                .split_once(['.', ':'])
                .map_or(recovery.description.as_str(), |(start, _)| start);
            (
                format!("Some(Recovery::{})", recovery.rust_variant),
                format!("assert!(next_step(error).starts_with({}));", rust_str(start)),
            )
        }
        None => ("None".to_owned(), format!("assert_eq!(next_step(error), {});", rust_str(NONE))),
    };
    Some(format!(
        "use {krate}::{{ErrorCode, Recovery}};\n\n\
         fn next_step(error: ErrorCode) -> &'static str {{\n\
         \x20   match error.recovery() {{\n\
         \x20       Some(recovery) if recovery.is_retry() => {retry},\n\
         \x20       Some(recovery) => recovery.description(),\n\
         \x20       None => {none},\n\
         \x20   }}\n\
         }}\n\n\
         let error = ErrorCode::from_code({code}).expect(\"a listed code\");\n\
         assert_eq!(error.recovery(), {value});\n\
         {check}",
        retry = rust_str(RETRY),
        none = rust_str(NONE),
        code = row.code.rust_literal(),
    ))
}

fn variant_path(table: &Table, row: &Row) -> String {
    format!("ErrorCode::{}({}::{})", table.error_code_variant, table.rust_enum, row.rust_variant)
}

/// The crate's `//!` docs: what it is, what it holds, and the guide
/// (`values` are the catalogue's, as `sections` takes them).
pub(super) fn crate_docs(catalogue: &Catalogue, values: &[Value<'_>]) -> TokenStream {
    let tables: Vec<String> = catalogue
        .tables
        .iter()
        .map(|t| format!("- [`{}`] — {}", t.rust_enum, DOCS.inline(&t.title)))
        .collect();
    let mut text = format!(
        "Typed error codes of *{title}*.\n\n\
         Generated from `{source}`: one enum per table,\n\
         one variant per row, with the codes, names and descriptions exactly\n\
         as the catalogue prints them.\n\n\
         {tables}\n\
         - [`ErrorCode`] — any code of any table.\n\
         {recovery}\
         - [`reference`](mod@reference) — every table on one page, with an anchor per code.\n\
         {body_items}{features}",
        title = DOCS.inline(&catalogue.title),
        source = catalogue.source,
        tables = tables.join("\n"),
        // A body is only declared by an HTTP catalogue (validation refuses it elsewhere).
        body_items = match (&catalogue.body, catalogue.http) {
            (Some(_), _) => {
                "- `ErrorBody`, `BodyCode`, `ApiError`, `ApiErrorKind` (feature `serde`) —\n\
                 \x20 error response bodies, and what a whole response means.\n"
            }
            (None, true) => {
                "\nThe catalogue declares no error response body, so the crate parses none:\n\
                 read the code from a response as the API sends it, and look it up with\n\
                 `ErrorCode::from_code`.\n"
            }
            (None, false) => "",
        },
        features = super::features::docs_section(catalogue),
        recovery = if catalogue.recoveries.is_empty() {
            ""
        } else {
            "- [`Recovery`] — what a client should do about an error.\n"
        },
    );
    for section in sections(catalogue, values) {
        text.push_str(&format!(
            "\n\n# {}\n\n{}\n\n```\n{}\n```",
            section.heading, section.intro, section.code
        ));
    }
    text.push_str(&retired_elsewhere_docs(catalogue));
    let lines = text.split('\n').map(doc_line);
    quote! { #(#![doc = #lines])* }
}

fn retired_elsewhere_docs(catalogue: &Catalogue) -> String {
    let lines: Vec<String> = catalogue
        .retired_elsewhere()
        .map(|retired| {
            format!(
                "- {} (table {}): {}",
                code_span(&format!("{} {}", retired.code, retired.name)),
                code_span(&retired.table),
                DOCS.block(&retired.reason, "  ")
            )
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "\n\n# Retired codes of removed tables\n\n\
         These codes were published once and withdrawn with their tables; they\n\
         are never reused.\n\n{}",
        lines.join("\n")
    )
}

mod status_code;
#[cfg(test)]
mod tests;
