//! The spec file format: serde types that mirror the YAML exactly.
//!
//! Nothing here is checked beyond what serde checks (field names and
//! types); [`crate::model`] turns a [`SpecFile`] into a validated
//! [`crate::model::Catalogue`].

use serde::Deserialize;

/// One spec file: a catalogue of error tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecFile {
    /// The catalogue's title, as the source document prints it.
    pub title: String,
    /// The name of the generated Rust package, e.g. `knox-cloud-errors`.
    #[serde(rename = "crate")]
    pub crate_name: String,
    /// The generated package's version (semver).
    pub version: String,
    /// The tables, in the order they are documented.
    pub tables: Vec<SpecTable>,
    /// Retired codes of tables that no longer exist; each names its table.
    #[serde(default)]
    pub retired: Vec<SpecRetired>,
}

/// What a table's codes mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecTableKind {
    /// Application-defined codes; each row names its HTTP status.
    #[default]
    Custom,
    /// Each row's code is an HTTP status code.
    HttpStatus,
}

/// One table of the catalogue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecTable {
    /// A snake_case identifier, e.g. `http` or `auth`.
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
    pub rust_enum: Option<String>,
    /// The rows, in documented order.
    pub errors: Vec<SpecRow>,
    /// Codes this table published once and withdrew: no variant, never reused.
    #[serde(default)]
    pub retired: Vec<SpecRetired>,
    /// The heading of the docs' name column; defaults to `Name`.
    #[serde(default)]
    pub name_column: Option<String>,
}

/// One row of a table: one error code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecRow {
    /// The numeric code; in an `http_status` table, the HTTP status.
    pub code: u32,
    /// The name as the source prints it (`Bad Request`, `ACCESS_TOKEN_EXPIRED`).
    pub name: String,
    /// The description, verbatim.
    pub description: String,
    /// The HTTP status a service answers with; required outside the HTTP
    /// status table, where it is the code itself.
    #[serde(default)]
    pub http_status: Option<u16>,
    /// Overrides the variant name derived from `name`.
    #[serde(default)]
    pub rust_variant: Option<String>,
    /// Other codes that services are seen to send for this same error.
    #[serde(default)]
    pub aliases: Vec<u32>,
    /// What a client should do about this error.
    #[serde(default)]
    pub recovery: Option<SpecRecovery>,
    /// Why the code should no longer be used; marks the variant deprecated.
    #[serde(default)]
    pub deprecated: Option<String>,
}

/// The closed set of recovery hints, spelled as in the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecRecovery {
    /// `retry_later`
    RetryLater,
    /// `new_access_token`
    NewAccessToken,
    /// `new_jwt`
    NewJwt,
    /// `fix_request`
    FixRequest,
    /// `check_permissions`
    CheckPermissions,
    /// `contact_support`
    ContactSupport,
}

/// A retired code: published once, withdrawn, and never to be reused.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecRetired {
    /// The code, as it was published.
    pub code: u32,
    /// The name it was published with.
    pub name: String,
    /// Why it was withdrawn, and what to use instead.
    pub reason: String,
    /// The table it belonged to: required in the top-level `retired:` list,
    /// implied (and not allowed) in a table's own list.
    #[serde(default)]
    pub table: Option<String>,
}
