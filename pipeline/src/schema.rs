//! The JSON Schema of the spec format, derived from the [`errcat_model::spec`]
//! types so it cannot drift from what the loader accepts. Editors use it
//! through the `# yaml-language-server: $schema=…` line at the top of a
//! spec to complete and check field names as you type.

use schemars::generate::SchemaSettings;

use errcat_model::spec::SpecFile;

/// The spec format as a draft-07 JSON Schema (the draft editors support
/// best), pretty-printed with a final newline.
pub fn json_schema() -> String {
    let schema =
        SchemaSettings::draft07().for_deserialize().into_generator().into_root_schema_for::<SpecFile>();
    // A schema is a JSON value built in memory: serialising it cannot fail.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
