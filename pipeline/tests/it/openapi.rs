//! Both OpenAPI documents, read back by a YAML parser, hold every code of
//! the spec with its name and description, and every application code has
//! an example, valid against the body schema, under its status's response.
//! (CI also runs two OpenAPI validators and a YAML 1.1 reader over them.)

use std::sync::Arc;

use errcat_model::Catalogue;
use errcat_model::{BodyRole, Code, CodeKind, MessageText, Table, TableKind};
use errcat_pipeline::emit::openapi::{self, Version};
use serde_yaml::Value;

use crate::fixtures::catalogues;
use crate::markdown::plain_text;
use crate::memo::Memo;

const VERSIONS: [(Version, &str); 2] = [(Version::V3_1, "3.1.0"), (Version::V3_0, "3.0.3")];

fn document(catalogue: &Catalogue, version: Version) -> Arc<Value> {
    static DOCUMENTS: Memo<(Catalogue, Version), Value> = Memo::new();
    DOCUMENTS.get(&(catalogue.clone(), version), || {
        let path = std::path::Path::new("openapi").join(openapi::file_name(catalogue, version));
        let files = crate::memo::rendered(catalogue);
        let file = files.iter().find(|file| file.path == path);
        let text = &file.expect("the document is rendered").contents;
        assert!(text.starts_with(&openapi::header(catalogue)), "the generated header comes first");
        assert!(
            text.ends_with(&openapi::emit_openapi(catalogue, version)),
            "the document follows the header"
        );
        serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{}: not YAML: {e}\n{text}", catalogue.source))
    })
}

/// `value` at a path of mapping keys, failing with the path.
#[track_caller]
fn at<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(value, |value, key| {
        value.get(*key).unwrap_or_else(|| panic!("no `{key}` on the way to {}", path.join("/")))
    })
}

/// A code as the documents write it: a number, or a string.
fn code_value(code: &Code) -> Value {
    match code {
        Code::Integer(code) => Value::from(*code),
        Code::String(code) => string(code),
    }
}

/// The JSON type of the catalogue's codes.
fn code_type(catalogue: &Catalogue) -> &'static str {
    match catalogue.codes {
        CodeKind::Integer => "integer",
        CodeKind::String => "string",
    }
}

fn string(text: &str) -> Value {
    Value::String(text.to_owned())
}

#[test]
fn documents_are_standalone_with_info_from_the_spec() {
    for catalogue in catalogues() {
        for (version, number) in VERSIONS {
            let doc = document(&catalogue, version);
            assert_eq!(doc["openapi"], string(number));
            assert_eq!(at(&doc, &["info", "title"]), &string(&catalogue.title));
            assert_eq!(at(&doc, &["info", "version"]), &string(&catalogue.version));
            assert_eq!(doc["paths"], Value::Mapping(Default::default()), "no paths, yet a valid document");
        }
    }
}

/// The explanation, causes and solutions the documents give beside
/// `code` of `row`, verbatim: a row's own code carries them, an alias not.
fn details(row: &errcat_model::Row, code: &Code) -> (Option<Value>, Option<Value>, Option<Value>) {
    if *code != row.code {
        return (None, None, None);
    }
    let list = |texts: &[String]| {
        (!texts.is_empty()).then(|| Value::Sequence(texts.iter().map(|text| string(text)).collect()))
    };
    (row.explanation.as_deref().map(string), list(&row.causes), list(&row.solutions))
}

#[test]
fn code_schemas_list_every_code_with_its_name_and_description() {
    for catalogue in catalogues() {
        // Each document once a catalogue: MySQL's is 2,117 codes.
        let (v3_1, v3_0) = (document(&catalogue, Version::V3_1), document(&catalogue, Version::V3_0));
        for table in &catalogue.tables {
            let name = openapi::code_schema_name(table);
            let path = ["components", "schemas", name.as_str()];

            // Each row's code, then its aliases, with the row they stand for.
            let entries: Vec<(&Code, &errcat_model::Row)> = table
                .rows
                .iter()
                .flat_map(|row| {
                    std::iter::once((&row.code, row)).chain(row.aliases.iter().map(move |a| (a, row)))
                })
                .collect();
            let recovery = |row: &errcat_model::Row| row.recovery.as_ref().map(|r| string(r.key()));

            let schema = at(&v3_1, &path).clone();
            assert_eq!(schema["type"], string(code_type(&catalogue)));
            let one_of = schema["oneOf"].as_sequence().expect("3.1: a oneOf of consts");
            assert_eq!(one_of.len(), entries.len(), "{name}: one const per code and alias");
            for (option, &(code, row)) in one_of.iter().zip(&entries) {
                assert_eq!(option["const"], code_value(code), "{name}");
                assert_eq!(option["title"], string(&row.name), "{name}");
                let deprecated = row.deprecated.is_some().then_some(Value::Bool(true));
                assert_eq!(option.get("deprecated"), deprecated.as_ref(), "{name}: {code}");
                assert_eq!(option.get("x-recovery"), recovery(row).as_ref(), "{name}: {code}");
                let (explanation, causes, solutions) = details(row, code);
                assert_eq!(option.get("x-explanation"), explanation.as_ref(), "{name}: {code}");
                assert_eq!(option.get("x-causes"), causes.as_ref(), "{name}: {code}");
                assert_eq!(option.get("x-solutions"), solutions.as_ref(), "{name}: {code}");
                if *code == row.code {
                    let description = option["description"].as_str().expect("a description");
                    assert_eq!(plain_text(description, &name), row.description, "{name}");
                    assert_eq!(option.get("x-alias-of"), None, "{name}: {code}");
                } else {
                    assert_eq!(option["x-alias-of"], code_value(&row.code), "{name}: alias {code}");
                    let description = option["description"].as_str().expect("a description");
                    assert!(
                        plain_text(description, &name).ends_with(&row.description),
                        "{name}: alias {code}"
                    );
                }
            }

            let schema = at(&v3_0, &path).clone();
            assert_eq!(schema["type"], string(code_type(&catalogue)));
            let list = |key: &str| schema[key].as_sequence().unwrap_or_else(|| panic!("3.0: {key}")).clone();
            let codes: Vec<Value> = entries.iter().map(|&(code, _)| code_value(code)).collect();
            let variants: Vec<Value> = entries
                .iter()
                .map(|&(code, row)| {
                    if *code == row.code {
                        string(&row.rust_variant)
                    } else {
                        string(&format!("{}_{}", row.rust_variant, code.to_string().replace(['-', '.'], "_")))
                    }
                })
                .collect();
            assert_eq!(list("enum"), codes, "{name}");
            assert_eq!(list("x-enum-varnames"), variants, "{name}");
            let descriptions = list("x-enum-descriptions");
            assert_eq!(descriptions.len(), entries.len(), "{name}");
            for (description, &(code, row)) in descriptions.iter().zip(&entries) {
                let description = plain_text(description.as_str().expect("a string"), &name);
                assert!(description.ends_with(&row.description), "{name}: {code}");
            }
            for &(code, row) in &entries {
                let by_code = |key: &str| schema.get(key).and_then(|map| map.get(code.to_string())).cloned();
                assert_eq!(by_code("x-recovery-by-code"), recovery(row), "{name}: {code}");
                let (explanation, causes, solutions) = details(row, code);
                assert_eq!(by_code("x-explanation-by-code"), explanation, "{name}: {code}");
                assert_eq!(by_code("x-causes-by-code"), causes, "{name}: {code}");
                assert_eq!(by_code("x-solutions-by-code"), solutions, "{name}: {code}");
            }
            let description = schema["description"].as_str().expect("3.0: a description");
            for row in &table.rows {
                // A table without names gives each code once.
                let line = if table.named {
                    format!(
                        "- `{}` {}: ",
                        row.code.word(),
                        errcat_model::text::Markdown::CommonMark.inline(&row.name)
                    )
                } else {
                    format!("- `{}`: ", row.code.word())
                };
                assert!(description.contains(&line), "{name}: the description names {}", row.code);
            }
        }
    }
}

#[test]
fn every_status_has_a_response_with_an_example_of_each_of_its_codes() {
    // An XML body's examples are its text: `openapi_xml.rs` checks them.
    for catalogue in catalogues().into_iter().filter(|c| c.body.as_ref().is_none_or(|b| b.xml.is_none())) {
        for (version, _) in VERSIONS {
            let doc = document(&catalogue, version);
            if !catalogue.http {
                // Neither responses nor their body: only the code schemas,
                // and the attributes' declarations when there are any.
                assert_eq!(doc["components"].get("responses"), None, "{}", catalogue.source);
                let schemas = at(&doc, &["components", "schemas"]).as_mapping().expect("schemas");
                let attributes = usize::from(!catalogue.attributes.is_empty());
                assert_eq!(schemas.len(), catalogue.tables.len() + attributes, "{}", catalogue.source);
                continue;
            }
            let Some(declared) = &catalogue.body else {
                // No body declared: no schema, and responses say only their status.
                assert!(
                    doc["components"]["schemas"].get(openapi::BODY_SCHEMA).is_none(),
                    "{}",
                    catalogue.source
                );
                for (_, response) in at(&doc, &["components", "responses"]).as_mapping().expect("responses") {
                    assert!(response.get("content").is_none(), "{}: {response:?}", catalogue.source);
                }
                continue;
            };
            check_known_codes(&catalogue, &doc);
            let whole = at(&doc, &["components", "schemas", openapi::BODY_SCHEMA]);
            let with_params = catalogue.rows().any(|(_, row)| !row.params.is_empty());
            let body = match &declared.envelope {
                Some(key) => {
                    assert_eq!(whole["required"], Value::Sequence(vec![string(key)]), "{}", catalogue.source);
                    // Named when the bodies with params extend it.
                    match with_params {
                        true => at(&doc, &["components", "schemas", openapi::MEMBERS_SCHEMA]),
                        false => at(whole, &["properties", key]),
                    }
                }
                None => whole,
            };
            let properties = body["properties"].as_mapping().expect("body properties");
            let required = body["required"].as_sequence().expect("required body fields");
            // The body's required members, then the required params every error carries.
            let required_params = catalogue.params.iter().filter(|param| param.required);
            let required_keys: Vec<Value> = declared
                .required_keys()
                .into_iter()
                .chain(required_params.map(|param| param.name.as_str()))
                .map(string)
                .collect();
            assert_eq!(required, &required_keys);
            let key = |role: BodyRole| declared.member(role).map(|member| member.key.as_str());
            let code_key = key(BodyRole::Code).expect("a code member");
            let unwrap = |value: &Value| -> Value {
                match &declared.envelope {
                    Some(envelope) => at(value, &[envelope]).clone(),
                    None => value.clone(),
                }
            };

            for (table, row) in catalogue.rows() {
                let response_name = openapi::response_name(&catalogue, row.http_status);
                let response = at(&doc, &["components", "responses", &response_name]);
                if table.kind == TableKind::HttpStatus {
                    let description = response["description"].as_str().expect("a description");
                    assert_eq!(plain_text(description, &response_name), row.description, "verbatim");
                    continue;
                }
                let media = at(response, &["content", "application/json"]);
                let schema = if with_params { openapi::TYPED_BODY_SCHEMA } else { openapi::BODY_SCHEMA };
                assert_eq!(
                    at(media, &["schema", "$ref"]),
                    &string(&format!("#/components/schemas/{schema}"))
                );
                let value = unwrap(at(media, &["examples", &row.name, "value"]));
                let message = match (&row.message, declared.message_text) {
                    // The row's message, with the example's values.
                    (Some(template), _) => &crate::openapi_params::rendered(template, &value),
                    (None, MessageText::Name) => &row.name,
                    (None, MessageText::Description) => &row.description,
                };
                assert_eq!(value[code_key], code_value(&row.code), "{response_name}: {}", row.name);
                if let Some(message_key) = key(BodyRole::Message) {
                    assert_eq!(value[message_key], string(message));
                }
                // Details are an occurrence's, not the row's: the example is
                // the body `ErrorBody::from(error)` writes, without them.
                if let Some(details) = key(BodyRole::Details) {
                    assert!(value.get(details).is_none(), "{response_name}: {}", row.name);
                }
                for alias in &row.aliases {
                    let example = unwrap(at(media, &["examples", &format!("{}_{alias}", row.name), "value"]));
                    assert_eq!(example[code_key], code_value(alias), "{response_name}: alias {alias}");
                    if let Some(message_key) = key(BodyRole::Message) {
                        assert_eq!(example[message_key], string(message));
                    }
                }
                // Valid against the body schema the document states (a
                // row's params are checked in `openapi_params`).
                let fields = value.as_mapping().expect("an object");
                for key in fields.keys() {
                    let param = row.params.iter().any(|param| key.as_str() == Some(param.name.as_str()));
                    assert!(param || properties.contains_key(key), "{key:?} is a body property");
                }
                for key in required {
                    assert!(fields.contains_key(key), "{key:?} is present");
                }
                check_code_schema(&doc, body, code_key, &row.code, &response_name);
            }
        }
    }
}

/// A body's `code` property: `anyOf` `KnownCodes` (every table's code
/// schema, kept apart so that generators keep them a union) and
/// `UnlistedCodes`, the codes the catalogue does not list, which holds `code`.
fn check_code_schema(doc: &Value, body: &Value, code_key: &str, code: &Code, response_name: &str) {
    let any_of = at(body, &["properties", code_key])["anyOf"].as_sequence().expect("anyOf").clone();
    let references: Vec<&str> = any_of.iter().filter_map(|schema| schema["$ref"].as_str()).collect();
    assert_eq!(
        references,
        [
            format!("#/components/schemas/{}", openapi::KNOWN_CODES),
            format!("#/components/schemas/{}", openapi::UNLISTED_CODES)
        ],
        "{response_name}"
    );
    let other = at(doc, &["components", "schemas", openapi::UNLISTED_CODES]);
    match code {
        Code::Integer(code) => {
            // Any integer, then a string of digits.
            let other = &other["anyOf"][0];
            assert_eq!(other["type"], string("integer"));
            let (min, max) = (other["minimum"].as_u64().unwrap(), other["maximum"].as_u64().unwrap());
            assert!((min..=max).contains(&u64::from(*code)));
        }
        Code::String(text) => {
            assert_eq!(other["type"], string("string"));
            assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b)));
            assert_eq!(other["pattern"], string("^[A-Za-z0-9_.-]*$"));
            // What the generated `BodyCode` reads, and no longer.
            assert_eq!(other["maxLength"].as_u64(), Some(64), "{response_name}");
            assert!(text.len() <= 64);
        }
    }
}

/// `KnownCodes` references every table's code schema, once each.
fn check_known_codes(catalogue: &Catalogue, doc: &Value) {
    let known =
        at(doc, &["components", "schemas", openapi::KNOWN_CODES])["anyOf"].as_sequence().expect("anyOf");
    let references: Vec<&str> = known.iter().filter_map(|schema| schema["$ref"].as_str()).collect();
    let schemas: Vec<String> = catalogue
        .tables
        .iter()
        .map(|table| format!("#/components/schemas/{}", openapi::code_schema_name(table)))
        .collect();
    assert_eq!(references, schemas, "{}: KnownCodes references every code schema", catalogue.source);
}

#[test]
fn versions_differ_only_in_how_code_schemas_list_codes() {
    for catalogue in catalogues() {
        let (v31, v30) = (document(&catalogue, Version::V3_1), document(&catalogue, Version::V3_0));
        assert_eq!(v31["components"].get("responses"), v30["components"].get("responses"));
        assert_eq!(v31["components"].get("responses").is_some(), catalogue.http, "{}", catalogue.source);
        let body = |doc: &Value| doc["components"]["schemas"].get(openapi::BODY_SCHEMA).cloned();
        assert_eq!(body(&v31), body(&v30));
        assert_eq!(
            body(&v31).is_some(),
            catalogue.body.is_some(),
            "{}: a body only when declared",
            catalogue.source
        );
    }
}

#[test]
fn knox_auth_codes_land_under_their_http_responses() {
    let knox = catalogues().remove(0);
    let doc = document(&knox, Version::V3_1);
    let examples =
        at(&doc, &["components", "responses", "Forbidden", "content", "application/json", "examples"]);
    let names: Vec<&str> = examples.as_mapping().unwrap().keys().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(names, ["ACCESS_TOKEN_EXPIRED", "ACCESS_TOKEN_INVALID"]);
    let unauthorized = at(&doc, &["components", "responses", "Unauthorized"]);
    assert_eq!(
        unauthorized["description"],
        string("Authorization for the API is required, but the request was not authenticated.")
    );
}

/// Every description that carries spec text, as a reader of the rendered
/// Markdown sees it, against the spec's text.
fn assert_descriptions_read_as_the_spec(catalogue: &Catalogue) {
    for (version, number) in VERSIONS {
        let doc = document(catalogue, version);
        for table in &catalogue.tables {
            let name = openapi::code_schema_name(table);
            let schema = at(&doc, &["components", "schemas", &name]);
            let description = schema["description"].as_str().expect("a description");
            // 3.0 follows the summary with the list of codes.
            let summary = description.split("\n\n").next().expect("a first paragraph");
            assert_eq!(plain_text(summary, &name), table.summary, "{number}: {name}");
            assert_code_descriptions_read_as_the_spec(schema, table, version, &name);
            for (table, row) in catalogue.rows().filter(|(t, _)| t.id == table.id) {
                let Some(note) = &row.deprecated else { continue };
                // Deprecation notes ride on body examples, when there is a body
                // and a response (a row without a status has none).
                if table.kind == TableKind::HttpStatus || catalogue.body.is_none() || row.http_status == 0 {
                    continue;
                }
                let response = at(
                    &doc,
                    &["components", "responses", &openapi::response_name(catalogue, row.http_status)],
                );
                let media_type = catalogue.body.as_ref().map_or("application/json", |body| body.media_type());
                let example = at(response, &["content", media_type, "examples", &row.name]);
                let description =
                    example["description"].as_str().expect("a deprecated example's description");
                assert_eq!(plain_text(description, &row.name), format!("Deprecated: {note}"), "{number}");
            }
        }
    }
}

/// Each code's description (3.1's `oneOf` `description`s, 3.0's
/// `x-enum-descriptions`) reads as its row's, under one escaping rule.
fn assert_code_descriptions_read_as_the_spec(schema: &Value, table: &Table, version: Version, name: &str) {
    let descriptions: Vec<&str> = match version {
        Version::V3_1 => schema["oneOf"]
            .as_sequence()
            .expect("a oneOf")
            .iter()
            .map(|option| option["description"].as_str().expect("a description"))
            .collect(),
        Version::V3_0 => schema["x-enum-descriptions"]
            .as_sequence()
            .expect("x-enum-descriptions")
            .iter()
            .map(|description| description.as_str().expect("a string"))
            .collect(),
    };
    let expected: Vec<String> = table
        .rows
        .iter()
        .flat_map(|row| {
            let alias = format!("An alias of {} {}: {}", row.code.word(), row.name, row.description);
            std::iter::once(row.description.clone()).chain(row.aliases.iter().map(move |_| alias.clone()))
        })
        .collect();
    assert_eq!(descriptions.len(), expected.len(), "{name}: one description per code and alias");
    for (description, expected) in descriptions.iter().zip(&expected) {
        assert_eq!(&plain_text(description, name), expected, "{name}: {version:?}");
    }
}

/// `catalogue` with text that CommonMark would read as markup or HTML
/// around every text the OpenAPI descriptions carry.
fn with_markup(mut catalogue: Catalogue) -> Catalogue {
    for (n, table) in catalogue.tables.iter_mut().enumerate() {
        table.summary = format!("- {} <b>bold</b> [a](link)", table.summary);
        for row in &mut table.rows {
            row.description = format!("{n}. <script>x</script> *{}*", row.description);
            row.deprecated = Some(format!("+ <i>{}</i>", row.deprecated.as_deref().unwrap_or("old")));
        }
    }
    catalogue
}

#[test]
fn descriptions_show_the_spec_text_as_text_never_as_markup() {
    for catalogue in catalogues() {
        assert_descriptions_read_as_the_spec(&catalogue);
        assert_descriptions_read_as_the_spec(&with_markup(catalogue));
    }
}

/// Two custom tables may each have a row of one name answered with one
/// status: each row keeps an example of its own, and the later one is
/// keyed `NAME_CODE`, as an alias's is (a YAML mapping holds a key once).
#[test]
fn rows_of_one_name_in_two_tables_each_have_an_example() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let spec = dir.path().join("twins.yaml");
    let table = |id: &str, code: u32, alias: u32| {
        format!(
            "  - id: {id}\n    title: {id}\n    summary: The {id} errors.\n    errors:\n      \
             - code: {code}\n        name: NOT_READY\n        description: Not ready in {id}.\n        \
             http_status: 409\n        aliases: [{alias}]\n"
        )
    };
    let text = format!(
        "title: Twins\ncrate: twins-errors\nversion: 1.0.0\nbody:\n  code: code\n  message: message\ntables:\n{}{}",
        table("first", 11, 12),
        table("second", 21, 11_21)
    );
    std::fs::write(&spec, text).expect("a spec file");
    let catalogue = crate::load_file(&spec, "twins.yaml").unwrap_or_else(|e| panic!("{e}"));
    for (version, _) in VERSIONS {
        // Read back by a parser that refuses a key given twice.
        let doc = document(&catalogue, version);
        let examples =
            at(&doc, &["components", "responses", "Conflict", "content", "application/json", "examples"]);
        let keys: Vec<&str> =
            examples.as_mapping().expect("a mapping").keys().filter_map(Value::as_str).collect();
        assert_eq!(keys, ["NOT_READY", "NOT_READY_12", "NOT_READY_21", "NOT_READY_1121"]);
        for (key, code) in
            [("NOT_READY", 11), ("NOT_READY_12", 12), ("NOT_READY_21", 21), ("NOT_READY_1121", 11_21)]
        {
            assert_eq!(at(&examples[key], &["value", "code"]), &Value::from(code), "{key}");
        }
    }
}

/// A row's attribute values as the documents write them, by name in
/// declaration order: data, not text, so never escaped; `None` when it
/// gives none.
fn attribute_values(catalogue: &Catalogue, row: &errcat_model::Row) -> Option<Value> {
    let values: serde_yaml::Mapping = catalogue
        .attributes
        .iter()
        .zip(&row.attributes)
        .filter_map(|(attribute, value)| {
            let value = match value.as_ref()? {
                errcat_model::AttributeValue::String(text) => string(text),
                errcat_model::AttributeValue::Integer(number) => Value::from(*number),
                errcat_model::AttributeValue::Boolean(flag) => Value::Bool(*flag),
            };
            Some((string(&attribute.name), value))
        })
        .collect();
    (!values.is_empty()).then_some(Value::Mapping(values))
}

#[test]
fn attributes_are_declared_once_and_each_code_carries_its_values() {
    let mut checked = 0;
    for catalogue in catalogues() {
        for (version, _) in VERSIONS {
            let doc = document(&catalogue, version);
            let schemas = at(&doc, &["components", "schemas"]);
            if catalogue.attributes.is_empty() {
                assert!(schemas.get(openapi::ATTRIBUTES_SCHEMA).is_none(), "{}", catalogue.source);
                continue;
            }
            checked += 1;
            let declared =
                at(schemas, &[openapi::ATTRIBUTES_SCHEMA, "properties"]).as_mapping().expect("properties");
            let names: Vec<&str> = declared.keys().map(|key| key.as_str().expect("a name")).collect();
            let expected: Vec<&str> = catalogue.attributes.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(names, expected, "{}: every attribute, in spec order", catalogue.source);
            for attribute in &catalogue.attributes {
                let property = &declared[attribute.name.as_str()];
                assert_eq!(property["type"], string(attribute.kind.json_type()), "{}", attribute.name);
                let description = property["description"].as_str().expect("a description");
                assert_eq!(plain_text(description, &attribute.name), attribute.description);
            }
            for table in &catalogue.tables {
                let schema = &schemas[openapi::code_schema_name(table).as_str()];
                for row in &table.rows {
                    let codes = std::iter::once(&row.code).chain(&row.aliases);
                    for code in codes {
                        let given = match version {
                            Version::V3_1 => schema["oneOf"]
                                .as_sequence()
                                .expect("3.1: a oneOf of consts")
                                .iter()
                                .find(|option| option["const"] == code_value(code))
                                .expect("the code's const")
                                .get("x-attributes")
                                .cloned(),
                            Version::V3_0 => schema
                                .get("x-attributes-by-code")
                                .and_then(|by| by.get(code.to_string()))
                                .cloned(),
                        };
                        assert_eq!(
                            given,
                            attribute_values(&catalogue, row),
                            "{}: {code} ({version:?})",
                            table.id
                        );
                    }
                }
            }
        }
    }
    assert!(checked >= 2, "a fixture declares attributes");
}
