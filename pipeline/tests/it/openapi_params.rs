//! Each row's params in both OpenAPI documents: a typed schema of params
//! (each described as the spec writes it) that the rows declaring the
//! same params share, joined to the body and the problem details with the
//! code narrowed to each row's own,
//! the typed unions the responses reference, and examples that carry a
//! value of each param's type and the message it renders. (CI also
//! generates TypeScript and Python from the fixtures' documents and
//! checks that both type the params: `.ci/params_types.py`.)

use errcat_model::params::{Param, ParamType, Template};
use errcat_model::{Catalogue, Code, TableKind};
use errcat_pipeline::emit::openapi::{self, Version};
use serde_yaml::Value;

use crate::fixtures::catalogues;
use crate::markdown::plain_text;

fn document(catalogue: &Catalogue, version: Version) -> Value {
    serde_yaml::from_str(&openapi::emit_openapi(catalogue, version)).expect("YAML")
}

/// The names of a document's params schemas, in order.
fn params_schemas(doc: &Value) -> Vec<&str> {
    let schemas = doc["components"]["schemas"].as_mapping().expect("schemas");
    schemas.keys().filter_map(Value::as_str).filter(|name| name.ends_with("Params")).collect()
}

fn reference(name: &str) -> Value {
    let mut map = serde_yaml::Mapping::new();
    map.insert("$ref".into(), format!("#/components/schemas/{name}").into());
    Value::Mapping(map)
}

fn code_value(code: &Code) -> Value {
    match code {
        Code::Integer(code) => Value::from(*code),
        Code::String(code) => Value::from(code.as_str()),
    }
}

/// `template` rendered with the values of `example`'s members: strings
/// as they are, numbers and booleans as Rust's `Display` writes them.
pub fn rendered(template: &Template, example: &Value) -> String {
    template.render(|name| match &example[name] {
        Value::String(text) => text.clone(),
        Value::Bool(value) => value.to_string(),
        Value::Number(number) if number.is_i64() => number.as_i64().expect("an integer").to_string(),
        Value::Number(number) => number.as_f64().expect("a number").to_string(),
        other => panic!("`{name}` is shown but is {other:?}"),
    })
}

/// A param's schema: its JSON type (with the format or items that pin it)
/// and its description, which reads as the spec's text.
fn check_param(schema: &Value, param: &Param) {
    let (kind, format) = match param.ty {
        ParamType::Integer => ("integer", Some("int64")),
        ParamType::Number => ("number", Some("double")),
        ty => (ty.json_type(), None),
    };
    assert_eq!(schema["type"], Value::from(kind), "{}", param.name);
    assert_eq!(schema["format"].as_str(), format, "{}", param.name);
    if param.ty == ParamType::Strings {
        assert_eq!(schema["items"]["type"], Value::from("string"));
    }
    let description = schema["description"].as_str().expect("a description");
    assert_eq!(plain_text(description, &param.name), param.description, "verbatim");
}

/// A row's schema narrows the code to the row's own: required, and its
/// code (`const`) or, in 3.0 or with aliases, its code and aliases, typed
/// (an `enum`, in the row's `…Codes` schema).
fn check_code(
    doc: &Value,
    schema: &Value,
    stem: &str,
    code_key: &str,
    row: &errcat_model::Row,
    version: Version,
) {
    assert_eq!(schema["required"], Value::from(vec![code_key]), "{}", row.name);
    let codes: Vec<Value> = std::iter::once(&row.code).chain(&row.aliases).map(code_value).collect();
    let code = &schema["properties"][code_key];
    if version == Version::V3_1 && codes.len() == 1 {
        assert_eq!(code["const"], codes[0], "{}", row.name);
        return;
    }
    assert_eq!(code, &reference(&format!("{stem}Codes")), "{}", row.name);
    let named = &doc["components"]["schemas"][format!("{stem}Codes").as_str()];
    let kind = if codes[0].is_string() { "string" } else { "integer" };
    assert_eq!(named["type"], Value::from(kind), "{}", row.name);
    assert_eq!(named["enum"], Value::from(codes), "{}", row.name);
}

/// A value of the param's type.
fn check_value(value: &Value, param: &Param) {
    let typed = match param.ty {
        ParamType::String => value.is_string(),
        ParamType::Integer => value.is_i64(),
        ParamType::Number => value.is_f64(),
        ParamType::Boolean => value.is_bool(),
        ParamType::Strings => value.as_sequence().is_some_and(|items| items.iter().all(Value::is_string)),
    };
    assert!(typed, "`{}` is a {}: {value:?}", param.name, param.ty.keyword());
}

#[test]
fn params_are_typed_schemas_joined_to_the_body_by_code() {
    let mut seen = 0;
    for catalogue in catalogues() {
        for version in [Version::V3_1, Version::V3_0] {
            let doc = document(&catalogue, version);
            let schemas = doc["components"]["schemas"].as_mapping().expect("schemas");
            let names: Vec<&str> = schemas.keys().filter_map(Value::as_str).collect();
            // Params travel in a body: a catalogue without one (MySQL's, which
            // has no HTTP) documents its codes only.
            let with_params =
                catalogue.body.is_some() && catalogue.rows().any(|(_, row)| !row.params.is_empty());
            if !with_params {
                // Unchanged: no schema of params, no union.
                for name in
                    [openapi::TYPED_BODY_SCHEMA, openapi::TYPED_PROBLEM_SCHEMA, openapi::MEMBERS_SCHEMA]
                {
                    assert!(!names.contains(&name), "{}: {name}", catalogue.source);
                }
                assert!(!names.iter().any(|name| name.ends_with("Params")), "{}", catalogue.source);
                continue;
            }
            let body = catalogue.body.as_ref().expect("params travel in a body");
            let code_key = body.code().key.as_str();
            let mut bodies = Vec::new();
            let mut problems = Vec::new();
            for (table, row) in catalogue.rows().filter(|(_, row)| !row.params.is_empty()) {
                seen += 1;
                // The fixtures' rows join to distinct names (see the test below).
                let stem = format!("{}{}", table.rust_enum, row.rust_variant);
                let joined = match &body.envelope {
                    None => &doc["components"]["schemas"][format!("{stem}Body").as_str()],
                    Some(key) => {
                        let outer = &doc["components"]["schemas"][format!("{stem}Body").as_str()];
                        assert_eq!(outer["properties"][key.as_str()], reference(&format!("{stem}Members")));
                        &doc["components"]["schemas"][format!("{stem}Members").as_str()]
                    }
                };
                let base =
                    if body.envelope.is_some() { openapi::MEMBERS_SCHEMA } else { openapi::BODY_SCHEMA };
                let shared = joined["allOf"][1]["$ref"].as_str().expect("a params schema");
                let shared = shared.strip_prefix("#/components/schemas/").expect("a schema");
                assert_eq!(joined["allOf"], Value::from(vec![reference(base), reference(shared)]), "{stem}");
                check_code(&doc, joined, &stem, code_key, row, version);
                let params = &doc["components"]["schemas"][shared];
                let keys: Vec<&str> = params["properties"]
                    .as_mapping()
                    .expect("properties")
                    .keys()
                    .filter_map(Value::as_str)
                    .collect();
                let declared: Vec<&str> = row.params.iter().map(|param| param.name.as_str()).collect();
                assert_eq!(keys, declared, "{stem}: the params, in order");
                let required: Vec<&str> = row
                    .params
                    .iter()
                    .filter(|param| param.required)
                    .map(|param| param.name.as_str())
                    .collect();
                if required.is_empty() {
                    assert!(params["required"].is_null(), "{stem}");
                } else {
                    assert_eq!(params["required"], Value::from(required), "{stem}");
                }
                for param in &row.params {
                    check_param(&params["properties"][param.name.as_str()], param);
                }
                bodies.push(reference(&format!("{stem}Body")));
                if catalogue.problem_details.is_some() {
                    let problem = &doc["components"]["schemas"][format!("{stem}Problem").as_str()];
                    let parts = vec![reference(openapi::PROBLEM_SCHEMA), reference(shared)];
                    assert_eq!(problem["allOf"], Value::from(parts), "{stem}");
                    check_code(&doc, problem, &stem, code_key, row, version);
                    problems.push(reference(&format!("{stem}Problem")));
                }
            }
            bodies.push(reference(openapi::BODY_SCHEMA));
            assert_eq!(
                doc["components"]["schemas"][openapi::TYPED_BODY_SCHEMA]["anyOf"],
                Value::from(bodies)
            );
            if catalogue.problem_details.is_some() {
                problems.push(reference(openapi::PROBLEM_SCHEMA));
                let union = &doc["components"]["schemas"][openapi::TYPED_PROBLEM_SCHEMA];
                assert_eq!(union["anyOf"], Value::from(problems));
            }
            // The params every error carries are members of the plain schemas.
            let members = match &body.envelope {
                Some(_) => &doc["components"]["schemas"][openapi::MEMBERS_SCHEMA],
                None => &doc["components"]["schemas"][openapi::BODY_SCHEMA],
            };
            for param in &catalogue.params {
                check_param(&members["properties"][param.name.as_str()], param);
                if catalogue.problem_details.is_some() {
                    let problem = &doc["components"]["schemas"][openapi::PROBLEM_SCHEMA];
                    check_param(&problem["properties"][param.name.as_str()], param);
                }
            }
        }
    }
    assert!(seen >= 4, "the fixtures have rows with params in both kinds of body");
}

#[test]
fn examples_carry_each_param_and_the_message_it_renders() {
    let mut problem_examples = 0;
    for catalogue in catalogues() {
        if catalogue.params.is_empty() && catalogue.rows().all(|(_, row)| row.params.is_empty()) {
            continue;
        }
        // Without a body (a catalogue without HTTP) there are no responses to show.
        let Some(body) = catalogue.body.as_ref() else { continue };
        let doc = document(&catalogue, Version::V3_1);
        for (_, row) in catalogue.rows().filter(|(table, _)| table.kind == TableKind::Custom) {
            let response = &doc["components"]["responses"][catalogue.response_name(row.http_status).as_str()];
            let example = &response["content"]["application/json"]["examples"][row.name.as_str()]["value"];
            let members = match &body.envelope {
                Some(key) => &example[key.as_str()],
                None => example,
            };
            for param in catalogue.params.iter().chain(&row.params) {
                check_value(&members[param.name.as_str()], param);
            }
            if let (Some(template), Some(key)) = (&row.message, body.member(errcat_model::BodyRole::Message))
            {
                assert_eq!(
                    members[key.key.as_str()],
                    Value::from(rendered(template, members)),
                    "{}",
                    row.name
                );
            }
            let Some(details) = &catalogue.problem_details else { continue };
            // Under each of its statuses, the problem says that status.
            for status in row.statuses() {
                let response = &doc["components"]["responses"][catalogue.response_name(status).as_str()];
                let problem =
                    &response["content"]["application/problem+json"]["examples"][row.name.as_str()]["value"];
                problem_examples += 1;
                let detail = row.message.as_ref().map_or(row.description.clone(), |t| rendered(t, problem));
                assert_eq!(problem["detail"], Value::from(detail), "{}", row.name);
                assert_eq!(
                    problem["type"],
                    Value::from(format!("{}#{}", details.type_base, row.code.anchor()))
                );
                assert_eq!(problem["status"], Value::from(status), "{} under {status}", row.name);
                assert_eq!(problem[body.code().key.as_str()], code_value(&row.code));
                for param in catalogue.params.iter().chain(&row.params) {
                    check_value(&problem[param.name.as_str()], param);
                }
            }
        }
    }
    assert!(problem_examples >= 2, "a fixture has problem details with params");
}

#[test]
fn rows_whose_names_join_alike_get_schemas_of_their_own() {
    // `DbError` + `TableMissing` and `DbErrorTable` + `Missing`; `Typed` +
    // `Error` would name the union `TypedErrorBody`.
    let row = |code: u32, variant: &str| {
        format!(
            "      - {{code: {code}, name: N{code}, description: D, http_status: 400, rust_variant: {variant}, \
             params: {{n: {{type: integer, description: A count.}}}}, message: 'n is {{$n}}'}}\n"
        )
    };
    let table = |id: &str, rust_enum: &str, rows: String| {
        format!("  - id: {id}\n    title: T\n    summary: S\n    rust_enum: {rust_enum}\n    errors:\n{rows}")
    };
    let spec = format!(
        "title: Alike\ncrate: alike-errors\nversion: 0.1.0\nbody:\n  code: code\ntables:\n{}{}{}",
        table("a", "DbError", row(1, "TableMissing")),
        table("b", "DbErrorTable", row(2, "Missing")),
        table("c", "Typed", row(3, "Error")),
    );
    let path = std::path::Path::new("spec/alike.yaml");
    let catalogue = crate::load_text(path, "spec/alike.yaml", spec).unwrap_or_else(|e| panic!("{e}"));
    for version in [Version::V3_1, Version::V3_0] {
        let doc = document(&catalogue, version);
        let union = &doc["components"]["schemas"][openapi::TYPED_BODY_SCHEMA]["anyOf"];
        let expected = ["DbErrorTableMissingBody", "DbErrorTableMissing_2Body", "TypedError_2Body"];
        let bodies: Vec<Value> =
            expected.iter().map(|name| reference(name)).chain([reference(openapi::BODY_SCHEMA)]).collect();
        assert_eq!(union, &Value::from(bodies));
        let code = |name: &str| doc["components"]["schemas"][name]["properties"]["code"].clone();
        assert_eq!(code("DbErrorTableMissing_2Body")["$ref"].is_null(), version == Version::V3_1);
        assert_ne!(code("DbErrorTableMissingBody"), code("DbErrorTableMissing_2Body"));
        // The three rows declare the same param: one schema of it.
        assert_eq!(params_schemas(&doc), ["NParams"]);
    }
}

#[test]
fn rows_share_a_params_schema_only_when_it_reads_the_same() {
    // Rows 1 and 3 declare the same params; 2 describes `n` otherwise, 4
    // makes it optional, 5 names a param that joins as `n` and `a` do.
    let row = |code: u32, params: &str| {
        format!(
            "      - {{code: {code}, name: N{code}, description: D, http_status: 400, params: {{{params}}}}}\n"
        )
    };
    let n = "n: {type: integer, description: A count., data_only: true}";
    let spec = format!(
        "title: Shared\ncrate: shared-errors\nversion: 0.1.0\nbody:\n  code: code\n\
         problem_details:\n  type_base: https://example.com/errors\ntables:\n  - id: a\n    title: T\n\
         \x20   summary: S\n    errors:\n{}{}{}{}{}",
        row(1, &format!("{n}, a: {{type: string, description: A name., data_only: true}}")),
        row(2, "n: {type: integer, description: Another count., data_only: true}"),
        row(3, &format!("{n}, a: {{type: string, description: A name., data_only: true}}")),
        row(4, "n: {type: integer, description: A count., required: false}"),
        row(5, "n_a: {type: integer, description: A count., data_only: true}"),
    );
    let path = std::path::Path::new("spec/shared.yaml");
    let catalogue = crate::load_text(path, "spec/shared.yaml", spec).unwrap_or_else(|e| panic!("{e}"));
    for version in [Version::V3_1, Version::V3_0] {
        let doc = document(&catalogue, version);
        let schemas = &doc["components"]["schemas"];
        assert_eq!(params_schemas(&doc), ["NAParams", "NParams", "N_2Params", "NA_2Params"]);
        let shared =
            |name: &str, suffix: &str| schemas[format!("AError{name}{suffix}").as_str()]["allOf"][1].clone();
        for suffix in ["Body", "Problem"] {
            assert_eq!(shared("N1", suffix), reference("NAParams"));
            assert_eq!(shared("N2", suffix), reference("NParams"));
            assert_eq!(shared("N3", suffix), reference("NAParams"));
            assert_eq!(shared("N4", suffix), reference("N_2Params"));
            assert_eq!(shared("N5", suffix), reference("NA_2Params"));
        }
        // Each code keeps a type of its own.
        let code = |name: &str| schemas[format!("AError{name}Body").as_str()]["properties"]["code"].clone();
        assert_ne!(code("N1"), code("N3"));
        assert!(schemas["N_2Params"]["required"].is_null(), "no required param: no empty list");
    }
}
