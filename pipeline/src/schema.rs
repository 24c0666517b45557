//! The JSON Schema of the spec format, derived from the [`errcat_model::spec`]
//! types so it cannot drift from what the loader accepts. Editors use it
//! through the `# yaml-language-server: $schema=…` line at the top of a
//! spec to complete and check field names as you type.
//!
//! The derivation (the `schema` feature) pulls in schemars, which the
//! generator does not otherwise need: the commands that hand the schema to
//! a user (`errcat schema`, `errcat init`) embed its committed text
//! instead, [`JSON_SCHEMA`], which the tests keep equal to the derived one.

/// The schema's `$id`: a name, not a place, that stays the same from
/// release to release (README, "Use it in your repository", says where
/// the file is served from).
pub const ID: &str = "urn:errcat:spec:catalogue";

/// The committed schema (`pipeline/catalogue.schema.json`, the same text
/// as `spec/catalogue.schema.json`), exactly what `json_schema` derives
/// (under the `schema` feature).
pub const JSON_SCHEMA: &str = include_str!("../catalogue.schema.json");

/// The spec format as a draft-07 JSON Schema (the draft editors support
/// best), pretty-printed with a final newline.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    use errcat_model::spec::SpecFile;
    use schemars::generate::SchemaSettings;

    let mut schema =
        SchemaSettings::draft07().for_deserialize().into_generator().into_root_schema_for::<SpecFile>();
    schema.insert("$id".to_owned(), ID.into());
    // A schema is a JSON value built in memory: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
