//! The spec file format: serde types that mirror the YAML exactly.
//!
//! Nothing here is checked beyond what serde checks (field names and
//! types); [`validate_skipping`](crate::validate_skipping) turns a [`SpecFile`] into a validated
//! [`crate::Catalogue`].

use serde::Deserialize;

mod attributes;
mod locales;
mod names;
mod params;
mod sections;
mod statuses;

pub use self::attributes::{SpecAttribute, SpecAttributeType, SpecAttributeValue, SpecAttributes};
pub use self::locales::SpecLocales;
pub use self::names::SpecOtherName;
pub use self::params::{SpecParam, SpecParamType, SpecParams};
pub use self::sections::{SpecRowSection, SpecSection};
pub use self::statuses::SpecHttpStatus;

/// One spec file: a catalogue of error tables.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Catalogue"))]
#[serde(
    deny_unknown_fields,
    expecting = "a catalogue: a mapping with `title`, `crate`, `version` and `tables`"
)]
pub struct SpecFile {
    /// The catalogue's title, as the source document prints it.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub title: String,
    /// What the codes are: whole numbers (`integer`, the default) or text
    /// (`string`: ASCII letters, digits, `_`, `-` and `.`, e.g. `card_declined`
    /// or `'42601'`, quoted when YAML would read a number). One catalogue
    /// never mixes the two.
    #[serde(default)]
    pub codes: SpecCodes,
    /// The name of the generated Rust package, e.g. `knox-cloud-errors`:
    /// not a standard library crate (`core`, `std`, `alloc`, `proc_macro`,
    /// `test`), a dependency of the package (`http`, `serde`, `serde_json`)
    /// or a Rust keyword.
    #[serde(rename = "crate")]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9_-]*$")))]
    pub crate_name: String,
    /// The generated package's version (semver).
    #[cfg_attr(feature = "schema", schemars(pattern(r"^\d+\.\d+\.\d+([-+].*)?$")))]
    pub version: String,
    /// The tables, in the order they are documented.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub tables: Vec<SpecTable>,
    /// Retired codes of tables that no longer exist; each names its table.
    #[serde(default)]
    pub retired: Vec<SpecRetired>,
    /// The generated package's metadata, under Cargo's own key names.
    #[serde(default)]
    pub package: Option<SpecPackage>,
    /// The API answers errors as RFC 9457 problem details
    /// (`application/problem+json`).
    #[serde(default)]
    pub problem_details: Option<SpecProblemDetails>,
    /// What a client can do about an error: the values rows name in
    /// `recovery`, and the generated `Recovery` enum's variants, in this
    /// order. Without it the crate has no `Recovery`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub recoveries: Option<Vec<SpecRecovery>>,
    /// The JSON body of an error response, when the API has one: which
    /// members carry the code and the rest. Without it the crate parses
    /// no bodies and the docs describe none. Only a catalogue whose rows
    /// have HTTP statuses has error responses, so only it may have one.
    #[serde(default)]
    pub body: Option<SpecBody>,
    /// Params every error of the catalogue carries (a request id, say),
    /// in this order, before each row's own.
    #[serde(default)]
    pub params: SpecParams,
    /// Per-row attributes (`sqlstate: {type: string, description: …}`):
    /// each name a getter of every table enum and a column of the docs;
    /// rows give their values under `attributes:`.
    #[serde(default)]
    pub attributes: SpecAttributes,
    /// The languages of the catalogue's texts: the default and the others,
    /// each translated in a file beside the spec. Without it the texts
    /// have no declared language and the crate no `Locale`.
    #[serde(default)]
    pub locales: Option<SpecLocales>,
    /// The sections the codes are answered in (operations, endpoints), in
    /// documented order: rows give their meaning in each under `sections:`,
    /// and the crate has a `Section` enum.
    #[serde(default)]
    pub sections: Vec<SpecSection>,
    /// Whether rows may list redirection statuses (300 to 399) besides
    /// error ones, as a service that answers some errors with a redirect
    /// does (S3's `PermanentRedirect` is a 301). Off by default, so that a
    /// 3xx written by mistake for a 4xx is caught.
    #[serde(default)]
    pub redirect_statuses: bool,
}

/// What a catalogue's codes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
// `Serialize` only for the schema's `default`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, serde::Serialize), schemars(rename = "Codes"))]
#[serde(rename_all = "snake_case")]
pub enum SpecCodes {
    /// Whole numbers from 0 to 4294967295 (`4032251`).
    #[default]
    Integer,
    /// Text: ASCII letters, digits, `_`, `-` and `.` (`card_declined`).
    String,
}

/// A code as written: a number, or text. Which of the two a catalogue
/// takes is its `codes:`; validation checks that every code agrees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecCode {
    /// A number (`code: 4032251`).
    Integer(u32),
    /// Text (`code: card_declined`, `code: '42601'`).
    Text(String),
}

impl Default for SpecCode {
    fn default() -> Self {
        SpecCode::Integer(0)
    }
}

impl std::fmt::Display for SpecCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpecCode::Integer(code) => write!(f, "{code}"),
            SpecCode::Text(code) => f.write_str(code),
        }
    }
}

impl<'de> Deserialize<'de> for SpecCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = SpecCode;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a code: a whole number from 0 to 4294967295, or text with `codes: string`")
            }

            fn visit_u64<E: serde::de::Error>(self, code: u64) -> Result<SpecCode, E> {
                u32::try_from(code)
                    .map(SpecCode::Integer)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(code), &self))
            }

            fn visit_i64<E: serde::de::Error>(self, code: i64) -> Result<SpecCode, E> {
                u64::try_from(code)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(code), &self))
                    .and_then(|code| self.visit_u64(code))
            }

            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<SpecCode, E> {
                Ok(SpecCode::Text(code.to_owned()))
            }
        }

        deserializer.deserialize_any(CodeVisitor)
    }
}

/// For the schema's defaults (`aliases: []`): a code as YAML writes it.
#[cfg(feature = "schema")]
impl serde::Serialize for SpecCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SpecCode::Integer(code) => serializer.serialize_u32(*code),
            SpecCode::Text(code) => serializer.serialize_str(code),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SpecCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A code: a whole number, or with `codes: string` text of ASCII letters, digits, `_`, `-` and `.` (or none), at most 64 bytes (quoted when YAML would read a number, e.g. `'01000'`).",
            "anyOf": [
                { "type": "integer", "minimum": 0, "maximum": 4_294_967_295u32 },
                { "type": "string", "pattern": "^[A-Za-z0-9_.-]*$", "maxLength": 64 }
            ]
        })
    }
}

/// The generated `Cargo.toml`'s metadata, each key as Cargo spells it;
/// all optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Package"))]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "the package's metadata: a mapping of Cargo's keys, such as `license` and `repository`"
)]
pub struct SpecPackage {
    /// One sentence on the crate; defaults to "Typed error codes of TITLE.".
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub description: Option<String>,
    /// An SPDX license expression, e.g. `MIT OR Apache-2.0`.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub license: Option<String>,
    /// The source repository's `http(s)` URL.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^https?://[^\s/]+")))]
    pub repository: Option<String>,
    /// The project's home page, an `http(s)` URL.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^https?://[^\s/]+")))]
    pub homepage: Option<String>,
    /// Where the crate's documentation lives, an `http(s)` URL.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^https?://[^\s/]+")))]
    pub documentation: Option<String>,
    /// At most five search keywords, each at most 20 ASCII letters, digits,
    /// `_`, `-` or `+`, starting with a letter or digit.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 5)))]
    pub keywords: Vec<String>,
    /// At most three crates.io category slugs (`no-std` and
    /// `no-std::no-alloc` are always listed).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 3)))]
    pub categories: Vec<String>,
    /// The oldest Rust the crate supports, `1.85` or later, e.g. `"1.88"`
    /// (quoted, so that editors read a string); defaults to `1.85`.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^1\.\d+(\.\d+)?$")))]
    pub rust_version: Option<String>,
    /// The authors, e.g. `Jane Doe <jane@example.com>`.
    #[serde(default)]
    pub authors: Vec<String>,
}

/// How the API's problem details name their types.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "ProblemDetails"))]
#[serde(deny_unknown_fields, expecting = "problem details: a mapping with `type_base`")]
pub struct SpecProblemDetails {
    /// Where the reference page (the generated crate's `src/reference.md`,
    /// which the docs page links to) is published: a code's `type` is this
    /// URL, `#` and the code's anchor.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^https?://[^#\s]+$")))]
    pub type_base: String,
}

/// The members of an error response's JSON body.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Body"))]
#[serde(deny_unknown_fields, expecting = "an error body: a mapping with `code` and optional members")]
pub struct SpecBody {
    /// The body's media type: `application/json` (the default) or
    /// `application/xml`, whose members are the child elements of `root`.
    #[serde(default)]
    pub media_type: SpecMediaType,
    /// The root element of an XML body (`Error` for
    /// `<Error><Code>…</Code></Error>`); only with `application/xml`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub root: Option<String>,
    /// The member that carries the code, e.g. `code`.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub code: String,
    /// The member with a human-readable message, e.g. `message`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub message: Option<String>,
    /// What a server writes in the message member: the row's `name`
    /// (the default) or its `description`.
    #[serde(default)]
    pub message_text: SpecMessageText,
    /// The member with details, e.g. `data`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub details: Option<String>,
    /// The member with the id of the failed call, e.g. `errorId`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub occurrence_id: Option<String>,
    /// The member the others sit in, when the body wraps them: `error`
    /// for `{"error": {"code": …}}`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub envelope: Option<String>,
}

/// The media type of an error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "MediaType"))]
pub enum SpecMediaType {
    /// A JSON object.
    #[default]
    #[serde(rename = "application/json")]
    Json,
    /// An XML document: the members are the root element's children.
    #[serde(rename = "application/xml")]
    Xml,
}

/// What the message member of an error body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "MessageText"))]
#[serde(rename_all = "snake_case")]
pub enum SpecMessageText {
    /// The row's name.
    #[default]
    Name,
    /// The row's description.
    Description,
}

/// One value of the catalogue's recovery vocabulary.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Recovery"))]
#[serde(deny_unknown_fields, expecting = "a recovery: a mapping with `id` and `description`")]
pub struct SpecRecovery {
    /// A snake_case identifier that rows name, e.g. `new_access_token`;
    /// the variant is its UpperCamelCase (`NewAccessToken`).
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9_]*$")))]
    pub id: String,
    /// What a client should do, in a sentence or two (text, shown as written).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub description: String,
    /// Whether sending the same request again later is the right thing to
    /// do: `Recovery::is_retry`.
    #[serde(default)]
    pub retry: bool,
    /// HTTP statuses the catalogue does not list (`[502, 503, 504]`) whose
    /// responses get this recovery when they carry no listed code.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(range(min = 400, max = 599))))]
    pub unlisted_statuses: Vec<u16>,
}

/// What a table's codes mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "TableKind"))]
#[serde(rename_all = "snake_case")]
pub enum SpecTableKind {
    /// Application-defined codes; each row names its HTTP status.
    #[default]
    Custom,
    /// Each row's code is an HTTP status code.
    HttpStatus,
}

/// One table of the catalogue.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Table"))]
#[serde(deny_unknown_fields, expecting = "a table: a mapping with `id`, `title`, `summary` and `errors`")]
pub struct SpecTable {
    /// A snake_case identifier, e.g. `http` or `auth`.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9_]*$")))]
    pub id: String,
    /// What the codes mean; `http_status` marks the HTTP status table.
    #[serde(default)]
    pub kind: SpecTableKind,
    /// The table's heading.
    pub title: String,
    /// The table's intro sentence.
    pub summary: String,
    /// The generated enum's name; defaults to UpperCamel(id) + `Error`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[A-Z][A-Za-z0-9]*$")))]
    pub rust_enum: Option<String>,
    /// Whether each code starts with the digits of its row's HTTP status
    /// (`4032251` → 403); validation then checks that they agree.
    #[serde(default)]
    pub codes_embed_http_status: bool,
    /// The rows, in documented order.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub errors: Vec<SpecRow>,
    /// Codes this table published once and withdrew: no variant, never reused.
    #[serde(default)]
    pub retired: Vec<SpecRetired>,
    /// The heading of the docs' name column; defaults to `Name`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub name_column: Option<String>,
}

/// One row of a table: one error code.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Row"))]
#[serde(deny_unknown_fields, expecting = "an error row: a mapping with `code`, `name` and `description`")]
pub struct SpecRow {
    /// The code: a whole number (in an `http_status` table, the HTTP
    /// status), or text in a `codes: string` catalogue.
    pub code: SpecCode,
    /// The name as the source prints it (`Bad Request`, `ACCESS_TOKEN_EXPIRED`).
    /// A `codes: string` catalogue whose source names its errors by their
    /// codes alone (S3's `NoSuchBucket`) leaves it out, for every row of
    /// the table: the code is then the name, never shown twice.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub name: Option<String>,
    /// The description, verbatim.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub description: String,
    /// The HTTP status a service answers with; required outside the HTTP
    /// status table, where it is the code itself. A catalogue where no row
    /// has one and no table is `kind: http_status` is not an HTTP one.
    /// A list gives every status the service may answer with for the
    /// code, the usual one first (`[400, 401]`).
    #[serde(default)]
    pub http_status: Option<SpecHttpStatus>,
    /// Overrides the variant name derived from `name`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[A-Z][A-Za-z0-9]*$")))]
    pub rust_variant: Option<String>,
    /// Other codes that services are seen to send for this same error.
    #[serde(default)]
    pub aliases: Vec<SpecCode>,
    /// Other names the source gives this same code (`EWOULDBLOCK` for
    /// `EAGAIN`): `from_name` and serde accept each, and each gets an
    /// associated constant standing for the row's variant.
    #[serde(default)]
    pub also_named: Vec<SpecOtherName>,
    /// What a client should do about this error: the `id` of one of the
    /// catalogue's `recoveries`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9_]*$")))]
    pub recovery: Option<String>,
    /// Why the code should no longer be used; marks the variant deprecated.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub deprecated: Option<String>,
    /// What the error means, at more length than the description, verbatim.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub explanation: Option<String>,
    /// What can cause the error, each verbatim.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(length(min = 1))))]
    pub causes: Vec<String>,
    /// What can be done about it, each verbatim.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(length(min = 1))))]
    pub solutions: Vec<String>,
    /// The data this error carries, in this order: each param's name and
    /// declaration.
    #[serde(default)]
    pub params: SpecParams,
    /// The message of one occurrence, a template showing the params:
    /// `Table '{$table}' doesn't exist` (MessageFormat 2's simple
    /// messages; `\{`, `\}`, `\|` and `\\` are the characters themselves),
    /// or variants chosen by an integer param's count and its CLDR plural
    /// category: `.input {$n :integer} .match $n one {{{$n} file}} * {{{$n} files}}`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub message: Option<String>,
    /// The row's values of the catalogue's declared `attributes`, by name.
    #[serde(default)]
    pub attributes: std::collections::BTreeMap<String, SpecAttributeValue>,
    /// The row's meaning in each section it appears in, by the section's
    /// `id`: its text there and, optionally, its statuses there.
    #[serde(default)]
    pub sections: std::collections::BTreeMap<String, SpecRowSection>,
}

/// A retired code: published once, withdrawn, and never to be reused.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Retired"))]
#[serde(deny_unknown_fields, expecting = "a retired code: a mapping with `code`, `name` and `reason`")]
pub struct SpecRetired {
    /// The code, as it was published.
    pub code: SpecCode,
    /// The name it was published with.
    pub name: String,
    /// Why it was withdrawn, and what to use instead.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub reason: String,
    /// The table it belonged to: required in the top-level `retired:` list,
    /// implied (and not allowed) in a table's own list.
    #[serde(default)]
    pub table: Option<String>,
}
