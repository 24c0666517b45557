//! The validated catalogue: the contract between loading and emitting.
//!
//! Every fact an emitter needs (variant names, HTTP statuses, enum names)
//! is computed here, once, so emitters only read.
//!
//! This is the lower layer of [errcat](https://docs.rs/errcat), a crate of
//! its own so that the generator's parts compile in parallel: the spec
//! types ([`spec`]), where things were written ([`source`]), the
//! diagnostics ([`diagnostic`]), the output files and their generated
//! header ([`output`]), the text escapes every emitter shares
//! ([`text`]), the writers of the Rust crate's data ([`rust_data`]) and
//! of its per-value items ([`rust_items`]), and the checked [`Catalogue`]. errcat's pipeline (errcat-pipeline) and
//! its Rust emitter (errcat-emit-rust) build on it. Use errcat: this crate's API
//! is errcat's internals and follows errcat's releases, with no semver
//! promise of its own.

#![deny(missing_docs)]

mod attributes;
pub mod diagnostic;
pub mod http_status;
pub mod locales;
pub mod output;
pub mod params;
pub mod plural;
pub mod rust_data;
pub mod rust_items;
mod sections;
pub mod source;
pub mod spec;
pub mod text;

mod names;
mod package;
mod text_rules;
mod validate;
pub mod xml;

pub use names::{
    RESERVED_ASSOCIATED_NAMES, RESERVED_ITEM_NAMES, crate_name_clash, derive_variant_name, is_keyword,
    is_type_ident,
};

pub use attributes::{Attribute, AttributeType, AttributeValue};
pub use http_status::KeptResponse;
pub use package::Package;
pub use sections::{RowSection, Section};
pub use validate::Skipped;
pub use validate::validate;
pub use validate::validate_skipping;
pub use xml::XmlBody;

use std::sync::Arc;

use crate::params::{Param, Template};
use crate::source::{SourceFile, SpecPath};

/// A checked catalogue, ready for the emitters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// The spec file it came from, relative to the spec root's parent
    /// (`spec/knox-cloud.yaml`), for headers: never an absolute path.
    pub source: String,
    /// The catalogue's title.
    pub title: String,
    /// The generated package's name (`knox-cloud-errors`).
    pub crate_name: String,
    /// The generated package's version.
    pub version: String,
    /// What the codes are: every code and alias of the catalogue is of
    /// this kind.
    pub codes: CodeKind,
    /// Whether the catalogue is an HTTP one: some table is `kind:
    /// http_status` or its rows have `http_status`. A catalogue whose rows
    /// name no HTTP status has no HTTP in its crate, documents or docs, and
    /// its rows' `http_status` is 0.
    pub http: bool,
    /// The tables, in spec order.
    pub tables: Vec<Table>,
    /// Every retired code: each table's, in table order, then the
    /// top-level list's.
    pub retired: Vec<Retired>,
    /// The generated package's metadata (`package:`, with its defaults).
    pub package: Package,
    /// How the API answers with RFC 9457 problem details, if it does.
    pub problem_details: Option<ProblemDetails>,
    /// The JSON body of an error response, when the spec declares one.
    pub body: Option<Body>,
    /// The recovery vocabulary, in spec order: empty when the spec
    /// declares none, and the crate then has no `Recovery`.
    pub recoveries: Vec<Recovery>,
    /// The per-row attributes, in declaration order: empty when the spec
    /// declares none.
    pub attributes: Vec<Attribute>,
    /// The responses earlier versions of the documents published that
    /// this one does not name so, from the lock: empty as validation
    /// makes it; `generate` fills it once the lock is checked.
    pub kept_responses: Vec<KeptResponse>,
    /// The params every error carries (`params:` at the top), in spec
    /// order, before each row's own.
    pub params: Vec<Param>,
    /// The locales the spec declares (`locales:`), with their translations
    /// once loading has read them; `None` when it declares none.
    pub locales: Option<locales::Locales>,
    /// The sections the codes are answered in (`sections:`), in spec
    /// order: empty when the spec declares none, and the crate then has
    /// no `Section`.
    pub sections: Vec<Section>,
    /// The spec file's path and text when it was loaded from text (not
    /// for a catalogue validated from spec types alone), to place
    /// problems found after loading.
    pub spec_file: Option<Arc<SourceFile>>,
}

impl Catalogue {
    /// The generated crate's name as a Rust path segment (`knox_cloud_errors`).
    pub fn crate_ident(&self) -> String {
        self.crate_name.replace('-', "_")
    }

    /// The row of an HTTP status table whose code is `status`, if any.
    pub fn http_row(&self, status: u16) -> Option<(&Table, &Row)> {
        // Only the HTTP status table is searched: at most the 200 error
        // statuses, so a lookup per row stays linear in the catalogue.
        let table = self.http_table()?;
        table.rows.iter().find(|row| row.code == Code::Integer(u32::from(status))).map(|row| (table, row))
    }

    /// The table whose codes are HTTP statuses, if the catalogue has one
    /// (validation allows at most one).
    pub fn http_table(&self) -> Option<&Table> {
        self.tables.iter().find(|table| table.kind == TableKind::HttpStatus)
    }

    /// Whether `table` has a row that travels without an HTTP status in
    /// an HTTP catalogue (`http_status: none`): its `http_status()` is
    /// then an `Option`.
    pub fn statusless(&self, table: &Table) -> bool {
        self.http && table.kind == TableKind::Custom && table.rows.iter().any(|row| row.http_status == 0)
    }

    /// Whether any table has a row without an HTTP status
    /// ([`Catalogue::statusless`]): `ErrorCode::http_status()` is then an
    /// `Option`.
    pub fn any_statusless(&self) -> bool {
        self.tables.iter().any(|table| self.statusless(table))
    }

    /// Every row of every table, in spec order.
    pub fn rows(&self) -> impl Iterator<Item = (&Table, &Row)> {
        self.tables.iter().flat_map(|table| table.rows.iter().map(move |row| (table, row)))
    }

    /// The retired codes that belonged to the table `id`, in spec order.
    pub fn retired_in<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Retired> {
        self.retired.iter().filter(move |retired| retired.table == id)
    }

    /// The retired codes whose table no longer exists, in spec order.
    pub fn retired_elsewhere(&self) -> impl Iterator<Item = &Retired> {
        self.retired.iter().filter(|retired| !self.tables.iter().any(|table| table.id == retired.table))
    }
}

/// The API answers errors as RFC 9457 problem details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemDetails {
    /// The published reference page's address, without a fragment.
    pub type_base: String,
}

impl ProblemDetails {
    /// A row's problem `type`: the reference page, at the row's anchor.
    pub fn type_uri(&self, row: &Row) -> String {
        format!("{}#{}", self.type_base, row.anchor())
    }
}

/// What a table's codes mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Application-defined codes, each with its own HTTP status.
    Custom,
    /// Each code is an HTTP status.
    HttpStatus,
}

/// A checked table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The snake_case id (`auth`).
    pub id: String,
    /// What its codes mean.
    pub kind: TableKind,
    /// The heading.
    pub title: String,
    /// The intro sentence.
    pub summary: String,
    /// The generated enum's name (`AuthError`).
    pub rust_enum: String,
    /// The variant of the crate-wide `ErrorCode` enum that holds this
    /// table's enum (`Auth`).
    pub error_code_variant: String,
    /// The rows, in spec order.
    pub rows: Vec<Row>,
    /// Whether its rows give names (`name:`): a table of a `codes: string`
    /// catalogue may give none, and each row's name is then its code, which
    /// the docs and `Display` show once.
    pub named: bool,
    /// The heading of the docs' name column (`Name`, `Message`).
    pub name_column: String,
    /// Where the table sits in the spec (`tables[1]`).
    pub at: SpecPath,
}

/// A checked row: one error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The code, unique across the catalogue.
    pub code: Code,
    /// The name as the source prints it.
    pub name: String,
    /// The description, verbatim.
    pub description: String,
    /// The HTTP status a service answers with (the code itself in an HTTP
    /// status table); 0 when the catalogue is not an HTTP one
    /// ([`Catalogue::http`]), or when the row travels without a status
    /// (`http_status: none`, [`Catalogue::statusless`]).
    pub http_status: u16,
    /// The other statuses a service may answer with for this code, in spec
    /// order (`http_status: [400, 401]` gives 401 here); none unless listed.
    pub other_statuses: Vec<u16>,
    /// The generated variant's name.
    pub rust_variant: String,
    /// Other codes services send for this error, in spec order; unique
    /// across every code and alias of the catalogue.
    pub aliases: Vec<Code>,
    /// Other names the source gives this code, in spec order; unique,
    /// with the row names, within the table.
    pub also_named: Vec<OtherName>,
    /// What a client should do about this error, if the spec says.
    pub recovery: Option<RecoveryName>,
    /// Why the code should no longer be used, when it is deprecated.
    pub deprecated: Option<String>,
    /// What the error means, at more length than the description.
    pub explanation: Option<String>,
    /// What can cause the error, in spec order.
    pub causes: Vec<String>,
    /// What can be done about it, in spec order.
    pub solutions: Vec<String>,
    /// The data one occurrence carries, in spec order (the catalogue's
    /// shared params are in [`Catalogue::params`]).
    pub params: Vec<Param>,
    /// The message of one occurrence, showing its params, if the row has one.
    pub message: Option<Template>,
    /// The row's value of each of the catalogue's attributes, in
    /// declaration order: `None` where the row gives none.
    pub attributes: Vec<Option<AttributeValue>>,
    /// The row's meaning in each section it appears in, in the order of
    /// [`Catalogue::sections`]: empty when it names none.
    pub sections: Vec<RowSection>,
    /// Where the row sits in the spec (`tables[1].errors[0]`).
    pub at: SpecPath,
}

/// One value of the catalogue's recovery vocabulary: what a client can
/// do about an error, a variant of the generated `Recovery` enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The value as the spec spells it (`new_access_token`).
    pub key: String,
    /// The generated enum's variant (`NewAccessToken`).
    pub rust_variant: String,
    /// What the client should do, in a sentence or two (text, shown as written).
    pub description: String,
    /// Whether sending the same request again later is right.
    pub retry: bool,
    /// The HTTP statuses the catalogue does not list whose responses get
    /// this recovery when they carry no listed code, in spec order.
    pub unlisted_statuses: Vec<u16>,
    /// Where the value sits in the spec (`recoveries[0]`).
    pub at: SpecPath,
}

impl Recovery {
    /// The id of the value's entry in the docs (`recovery-new-jwt`).
    pub fn anchor(&self) -> String {
        recovery_anchor(&self.key)
    }
}

/// The JSON body of an error response: its members, each with the Rust
/// field of the generated `ErrorBody` and what it holds, and the member
/// that wraps them, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The declared members, in this order: the code, the message, the
    /// details, the occurrence id.
    pub members: Vec<BodyMember>,
    /// What the message member holds.
    pub message_text: MessageText,
    /// The member the others sit in (`error` for `{"error": {…}}`).
    pub envelope: Option<String>,
    /// The XML the body is written in, when it is XML
    /// (`media_type: application/xml`); `None` for a JSON body.
    pub xml: Option<XmlBody>,
    /// Where it sits in the spec (`body`).
    pub at: SpecPath,
}

impl Body {
    /// The member that plays `role`, if the body has one.
    pub fn member(&self, role: BodyRole) -> Option<&BodyMember> {
        self.members.iter().find(|member| member.role == role)
    }

    /// The member that carries the code.
    pub fn code(&self) -> &BodyMember {
        // Validation builds a body only with its code member.
        self.member(BodyRole::Code).expect("a body has a code member")
    }

    /// The keys every error body has.
    pub fn required_keys(&self) -> Vec<&str> {
        self.members.iter().filter(|member| member.required).map(|member| member.key.as_str()).collect()
    }
}

/// What a member of the error body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BodyRole {
    /// The error's code.
    Code,
    /// A human-readable message: the row's name or description.
    Message,
    /// Details of this occurrence.
    Details,
    /// The id of the failed call.
    OccurrenceId,
}

/// What the message member holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageText {
    /// The row's name, as the catalogue prints it.
    Name,
    /// The row's description, as the catalogue prints it.
    Description,
}

/// One member of the error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyMember {
    /// What it is for.
    pub role: BodyRole,
    /// The JSON key (`errorId`).
    pub key: String,
    /// The field of the generated `ErrorBody` (`error_id`).
    pub rust_field: String,
    /// Whether every error body has it (the code and the message).
    pub required: bool,
    /// The JSON types it takes, in words.
    pub json_type: String,
    /// What it holds, one sentence.
    pub description: String,
}

/// A row's recovery: which value of the vocabulary it names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecoveryName {
    /// The value as the spec spells it (`new_access_token`).
    pub key: String,
    /// The generated enum's variant (`NewAccessToken`).
    pub rust_variant: String,
    /// Whether the value is one to retry later (`Recovery::is_retry`).
    pub retry: bool,
}

impl RecoveryName {
    /// The value as the spec spells it.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The generated enum's variant.
    pub fn rust_variant(&self) -> &str {
        &self.rust_variant
    }

    /// The id of the value's entry in the docs (`recovery-new-jwt`).
    pub fn anchor(&self) -> String {
        recovery_anchor(&self.key)
    }
}

fn recovery_anchor(key: &str) -> String {
    format!("recovery-{}", key.replace('_', "-"))
}

impl Table {
    /// The Rust path of a row's variant, `AuthError::AccessTokenExpired`.
    pub fn rust_path(&self, row: &Row) -> String {
        format!("{}::{}", self.rust_enum, row.rust_variant)
    }
}

/// Another name of a row's code (`EWOULDBLOCK` for `EAGAIN`): `from_name`
/// finds the row by it, and an associated constant of the table's enum
/// stands for the row's variant under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherName {
    /// The name, exactly as the source prints it.
    pub name: String,
    /// The associated constant's name (`EWOULDBLOCK`, `WOULD_BLOCK`).
    pub rust_const: String,
}

/// A retired code: published once, withdrawn, never to be reused. It has
/// no variant; the docs list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retired {
    /// The code.
    pub code: Code,
    /// The name it was published with.
    pub name: String,
    /// The id of the table it belonged to (which may no longer exist).
    pub table: String,
    /// Why it was withdrawn, and what to use instead.
    pub reason: String,
    /// Where the entry sits in the spec (`tables[1].retired[0]`), for
    /// diagnostics about it.
    pub at: SpecPath,
}

impl Row {
    /// Every status a service may answer with for this code: `http_status`
    /// first, then the others; none in a catalogue without HTTP.
    pub fn statuses(&self) -> impl Iterator<Item = u16> + '_ {
        std::iter::once(self.http_status)
            .filter(|status| *status != 0)
            .chain(self.other_statuses.iter().copied())
    }

    /// The id of the row's anchor in the docs, the same on every page that
    /// links to it: [`Code::anchor`], stable while the code is.
    pub fn anchor(&self) -> String {
        self.code.anchor()
    }
}

impl Retired {
    /// The id of the retired code's anchor in the docs, as when it was a row.
    pub fn anchor(&self) -> String {
        self.code.anchor()
    }
}

/// What a catalogue's codes are (`codes:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeKind {
    /// Whole numbers (`4032251`): the enums' discriminants.
    Integer,
    /// Text of ASCII letters, digits, `_`, `-` and `.` (`card_declined`).
    String,
}

impl CodeKind {
    /// How the spec spells it (`integer`, `string`).
    pub fn keyword(self) -> &'static str {
        match self {
            CodeKind::Integer => "integer",
            CodeKind::String => "string",
        }
    }
}

/// A checked code: of its catalogue's [`CodeKind`], never mixed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A whole number.
    Integer(u32),
    /// Text of ASCII letters, digits, `_`, `-` and `.`, or empty.
    String(String),
}

impl Code {
    /// Reads a code of kind `kind` from its text (`4032251`,
    /// `card_declined`, `""`), as [`Code::word`] writes it (the lock).
    pub fn parse(text: &str, kind: CodeKind) -> Option<Code> {
        match kind {
            CodeKind::Integer => text.parse().ok().map(Code::Integer),
            CodeKind::String if text == EMPTY_CODE_TEXT => Some(Code::String(String::new())),
            CodeKind::String => {
                (!text.is_empty() && is_string_code(text)).then(|| Code::String(text.to_owned()))
            }
        }
    }

    /// The code as one word, where an empty one would vanish (a lock's
    /// fields, the docs): itself, or `""` for the empty string code.
    pub fn word(&self) -> String {
        match self {
            Code::String(code) if code.is_empty() => EMPTY_CODE_TEXT.to_owned(),
            code => code.to_string(),
        }
    }

    /// Its kind.
    pub fn kind(&self) -> CodeKind {
        match self {
            Code::Integer(_) => CodeKind::Integer,
            Code::String(_) => CodeKind::String,
        }
    }

    /// The number, for an integer code.
    pub fn integer(&self) -> Option<u32> {
        match self {
            Code::Integer(code) => Some(*code),
            Code::String(_) => None,
        }
    }

    /// The code as a Rust expression: `4032251`, `"card_declined"`.
    pub fn rust_literal(&self) -> String {
        match self {
            Code::Integer(code) => code.to_string(),
            Code::String(code) => format!("\"{code}\""),
        }
    }

    /// The code as a JSON value: `4032251`, `"card_declined"`.
    pub fn json(&self) -> String {
        // A string code's characters need no escaping in Rust or JSON.
        self.rust_literal()
    }

    /// The id of the code's anchor in the docs: an integer code itself
    /// (`4032251`); a string code after `Code-` (`Code-card_declined`).
    /// The prefix makes it a valid HTML id that starts with a letter and
    /// keeps it apart from every other id on the page: rows' codes are
    /// unique, the recoveries' anchors start `recovery-`, and headings'
    /// ids (GitHub's, rustdoc's) are lowercase, never `C`.
    pub fn anchor(&self) -> String {
        match self {
            Code::Integer(code) => code.to_string(),
            Code::String(code) => format!("Code-{code}"),
        }
    }
}

/// How a line of words writes the empty string code: no string code has a `"`.
const EMPTY_CODE_TEXT: &str = "\"\"";

/// Whether `text` is a string code: ASCII letters, digits, `_`, `-` and
/// `.`, or none at all (a status reason of `""` is a code).
pub fn is_string_code(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
}

/// Written as the JSON of its kind: a number or a string.
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Code::Integer(code) => serializer.serialize_u32(*code),
            Code::String(code) => serializer.serialize_str(code),
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Code::Integer(code) => write!(f, "{code}"),
            Code::String(code) => f.write_str(code),
        }
    }
}

/// The name column's heading when a table sets none.
pub const DEFAULT_NAME_COLUMN: &str = "Name";
