//! The spec's sections as written: the catalogue's `sections:` (the
//! operations or endpoints its codes are answered by) and a row's meaning
//! in each section it appears in.

use serde::Deserialize;

use super::SpecHttpStatus;

/// One section of the catalogue: an operation, an endpoint, a chapter of
/// the source that lists its own errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Section"))]
#[serde(deny_unknown_fields, expecting = "a section: a mapping with `id`, `title` and `summary`")]
pub struct SpecSection {
    /// A snake_case identifier that rows name, e.g. `token_endpoint`; the
    /// generated `Section` enum's variant is its UpperCamelCase.
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[a-z][a-z0-9_]*$")))]
    pub id: String,
    /// The section's heading, as the source prints it.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub title: String,
    /// What the section is, in a sentence (text, shown as written).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub summary: String,
}

/// A row's meaning in one section: its own text there and, optionally,
/// the statuses that section answers the code with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "RowSection"))]
#[serde(deny_unknown_fields, expecting = "a row's section: a mapping with `description`")]
pub struct SpecRowSection {
    /// What the code means in this section, verbatim.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub description: String,
    /// The status (or statuses, the usual first) this section answers the
    /// code with; defaults to the row's `http_status`. A section may give
    /// one where the row has none (the other sections answer without).
    #[serde(default)]
    pub http_status: Option<SpecHttpStatus>,
}
