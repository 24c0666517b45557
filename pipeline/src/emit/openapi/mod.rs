//! The OpenAPI emitter: the catalogue's components, in 3.1.0 and 3.0.3.
//!
//! Standalone documents whose `components` describe the catalogue's
//! codes, the error body and one response per HTTP status (of an HTTP
//! catalogue: see [`Catalogue::http`]), for other documents to `$ref`.
//!
//! Documents are typed structs, printed by [`super::yaml`]: `document.rs`
//! is the skeleton, `schema.rs` the schemas with `codes.rs` and `body.rs`,
//! `responses.rs` the responses with `examples.rs`. The two
//! versions differ only in how a code schema lists its codes: 3.1 as
//! `oneOf` of `const`s with titles, 3.0 as `enum` with the
//! `x-enum-varnames`/`x-enum-descriptions` arrays openapi-generator reads.
//!
//! A row's explanation, causes and solutions sit beside its code as the
//! extensions `x-explanation`, `x-causes` and `x-solutions` (3.1), or by
//! code on the code schema (`x-explanation-by-code` and so on, 3.0), and
//! so do its per-row attributes' values (`x-attributes`, declared once as
//! the schema `ErrorAttributes`: `attributes.rs`).
//! A catalogue with locales keeps its default's texts where the standard
//! fields are, and gives each description in the other locales beside it:
//! `x-description-in` (3.1), by tag, or `x-description-in-by-code` (3.0),
//! each listing only the locales that translate the row (a partial
//! locale's reader falls back to `description`, as the crate does); its
//! other translated texts are `x-texts-in` (3.1) or `x-texts-in-by-code`
//! (3.0), by tag (`texts_in.rs`).
//!
//! A row's params are typed members of its body, joined to it by code:
//! `params.rs` has each parameterised row's schemas and the unions
//! `TypedErrorBody` and `TypedProblemDetails`, which the responses then
//! reference; a catalogue without params has neither.
//!
//! A `description` is CommonMark, so the spec text in it is escaped with
//! `DESCRIPTION`'s rule, and so is each of 3.0's `x-enum-descriptions` (a
//! code's description, which renderers and generators read as Markdown):
//! one code's description is the same text in both versions. Titles,
//! summaries and the other extensions are plain text.

use crate::emit::yaml;
use errcat_model::output::Comment;
use errcat_model::text::Markdown;
use errcat_model::{Catalogue, Table};

use self::document::document;

mod attributes;
mod body;
mod codes;
mod document;
mod examples;
mod params;
mod responses;
mod schema;
mod sections;
mod texts_in;
mod xml;

pub use self::attributes::ATTRIBUTES_SCHEMA;
pub use self::params::{MEMBERS_SCHEMA, TYPED_BODY_SCHEMA, TYPED_PROBLEM_SCHEMA};
pub use self::responses::RETRY_AFTER;

/// How spec text is escaped in a `description`: OpenAPI renderers read
/// CommonMark without smart punctuation, so quotes, dots and dashes stay
/// as written and need no backslash.
const DESCRIPTION: Markdown = Markdown::CommonMark;

/// Which OpenAPI version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// OpenAPI 3.1.0 (JSON Schema 2020-12).
    V3_1,
    /// OpenAPI 3.0.3, which many client generators still require.
    V3_0,
}

impl Version {
    fn number(self) -> &'static str {
        match self {
            Version::V3_1 => "3.1.0",
            Version::V3_0 => "3.0.3",
        }
    }
}

/// The document's file name under `openapi/`.
pub fn file_name(catalogue: &Catalogue, version: Version) -> String {
    match version {
        Version::V3_1 => format!("{}.openapi.yaml", catalogue.crate_name),
        Version::V3_0 => format!("{}.openapi-3.0.yaml", catalogue.crate_name),
    }
}

/// The name of the body schema under `components/schemas`.
pub const BODY_SCHEMA: &str = "ErrorBody";

/// The name of the RFC 9457 problem details schema, when the spec has
/// `problem_details:`.
pub const PROBLEM_SCHEMA: &str = "ProblemDetails";

/// The name of the schema of every code the catalogue lists, each
/// table's code schema referenced once. It and [`UNLISTED_CODES`] are
/// apart so that generators keep the listed codes a union of literals
/// (openapi-typescript) or an enum (datamodel-code-generator) beside the
/// open fallback, which would otherwise swallow them into one `string`.
/// Neither name ends in `Code`, so no table's code schema can take it.
pub const KNOWN_CODES: &str = "KnownCodes";

/// The name of the schema of a code outside the lists, which is still
/// valid: services may add codes.
pub const UNLISTED_CODES: &str = "UnlistedCodes";

/// The document for `version`, as YAML: the file below its header.
pub fn emit_openapi(catalogue: &Catalogue, version: Version) -> String {
    let mut out = String::new();
    emit_openapi_into(&mut out, catalogue, version);
    out
}

/// [`emit_openapi`], appended to `out`: the document is printed in place
/// (under its header), never alive twice.
pub fn emit_openapi_into(out: &mut String, catalogue: &Catalogue, version: Version) {
    // Its types hold structs, options, strings, integers and string-keyed
    // maps, all of which the printer prints; the goldens print each one.
    yaml::write_to(out, &document(catalogue, version)).expect("the OpenAPI document types are all printable")
}

/// The comment syntax of the document's header.
pub const COMMENT: Comment = Comment::Hash;

/// The document's first line.
pub fn header(catalogue: &Catalogue) -> String {
    errcat_model::output::header(COMMENT, errcat_model::output::DEFAULT_COMMAND, &catalogue.source)
}

/// The name of a table's code schema: its enum's name + `Code` (`HttpErrorCode`).
pub fn code_schema_name(table: &Table) -> String {
    format!("{}Code", table.rust_enum)
}

/// A response's name under `components/responses`: see
/// [`Catalogue::response_name`].
pub fn response_name(catalogue: &Catalogue, status: u16) -> String {
    catalogue.response_name(status)
}
