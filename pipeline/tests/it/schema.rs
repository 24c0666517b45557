//! The committed JSON Schema (`spec/catalogue.schema.json`) is exactly what
//! the spec types derive, and every spec file points editors at it.
//!
//! After changing the spec format, bless it with
//! `EXPECTORATE=overwrite cargo test -p errcat-pipeline --test it schema`.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("pipeline/ sits in the workspace")
}

#[test]
fn committed_schema_is_current() {
    let derived = errcat_pipeline::schema::json_schema();
    expectorate::assert_contents(root().join("spec/catalogue.schema.json"), &derived);
    // The copy the commands embed, inside the package that embeds it.
    expectorate::assert_contents(root().join("pipeline/catalogue.schema.json"), &derived);
    assert_eq!(errcat_pipeline::schema::JSON_SCHEMA, derived, "rebuild after blessing");
}

#[test]
fn schema_is_draft_07_and_closed() {
    let schema = errcat_pipeline::schema::json_schema();
    assert!(
        schema.starts_with(
            "{\n  \"$id\": \"urn:errcat:spec:catalogue\",\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"
        ),
        "{schema}"
    );
    // `deny_unknown_fields` reaches editors: a misspelt field is flagged.
    assert_eq!(schema.matches(r#""additionalProperties": false"#).count(), 14, "{schema}");
    // A string code is at most what the generated `BodyCode` holds.
    let string_code =
        "\"type\": \"string\",\n          \"maxLength\": 64,\n          \"pattern\": \"^[A-Za-z0-9_.-]*$\"";
    assert!(schema.contains(string_code), "{schema}");
    for field in [
        "codes_embed_http_status",
        "rust_variant",
        "http_status",
        "summary",
        "deprecated",
        "retired",
        "recoveries",
        "retry",
        "problem_details",
        "package",
        "rust-version",
        "params",
        "data_only",
        "message",
        "also_named",
        "rust_const",
        "attributes",
        "locales",
        "partial",
        "sections",
    ] {
        assert!(schema.contains(&format!("\"{field}\"")), "{field} missing from the schema");
    }
}

#[test]
fn every_spec_file_names_the_schema() {
    let mut specs = vec![root().join("spec/knox-cloud.yaml")];
    // Translation files are no specs: a translator's tool reads them, not a schema.
    specs.extend(crate::fixtures::specs_in("fixtures"));
    specs.extend(crate::fixtures::specs_in("invalid"));
    for spec in specs {
        let text = String::from_utf8_lossy(&std::fs::read(&spec).expect("readable")).into_owned();
        let first = text.lines().next().unwrap_or_default();
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{}: the first line does not name the schema", spec.display()));
        let schema = spec.parent().expect("a folder").join(target);
        assert!(schema.is_file(), "{}: {} does not exist", spec.display(), schema.display());
    }
}
