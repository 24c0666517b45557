//! The params: each param's schema, each parameterised row's params
//! schema, and the bodies and problem details that join them by code.
//!
//! A row with params has `<Enum><Variant>Params` (its code as a `const`,
//! or an `enum` with its aliases, and its params), `…Body` (the plain
//! `ErrorBody` and its params; with an envelope, `…Members`, the plain
//! `ErrorMembers` and its params, inside it) and, with problem details,
//! `…Problem`. `TypedErrorBody` and
//! `TypedProblemDetails` are `anyOf` those, then the plain schema for
//! every other code: generators turn them into a union of types whose
//! code is a literal (openapi-typescript) and of models whose code is a
//! `Literal` (datamodel-code-generator). Not a `discriminator`: its
//! mapping keys are strings, so generators would type an integer code as
//! a string, and it has no fallback for the codes without params or
//! outside the lists; not `if`/`then`, which openapi-typescript types as
//! `unknown`.

use std::collections::HashSet;

use super::schema::Schema;
use super::{BODY_SCHEMA, DESCRIPTION, PROBLEM_SCHEMA, Version};
use crate::emit::yaml::OrderedMap;
use errcat_model::params::{Param, ParamType};
use errcat_model::{Body, Catalogue, Row, Table};

/// The name of the enveloped body's members, when rows have params: the
/// bodies with params extend them inside the envelope.
pub const MEMBERS_SCHEMA: &str = "ErrorMembers";

/// The union of the bodies with params and the plain body.
pub const TYPED_BODY_SCHEMA: &str = "TypedErrorBody";

/// The union of the problem details with params and the plain ones.
pub const TYPED_PROBLEM_SCHEMA: &str = "TypedProblemDetails";

/// Whether any row declares params of its own: then the documents have
/// the per-row schemas and the typed unions.
pub(super) fn rows_have_params(catalogue: &Catalogue) -> bool {
    catalogue.rows().any(|(_, row)| !row.params.is_empty())
}

/// Each parameterised row with the stem of its schemas' names: its enum
/// and variant (`DbErrorTableMissing`), in table and row order. Two rows
/// whose names join alike (`DbError` + `TableMissing`, `DbErrorTable` +
/// `Missing`), or a stem that would name a union (`Typed` + `Error`), take
/// the first free `_2`, `_3`, …, as a mapping holds a key once.
pub(super) fn parameterised_rows(catalogue: &Catalogue) -> Vec<(&Table, &Row, String)> {
    // The stems of the document's own `ErrorBody`, `ErrorMembers` and `TypedErrorBody`.
    let mut taken: HashSet<String> = ["Error", "TypedError"].map(str::to_owned).into();
    let mut rows = Vec::new();
    for (table, row) in catalogue.rows().filter(|(_, row)| !row.params.is_empty()) {
        let stem = format!("{}{}", table.rust_enum, row.rust_variant);
        let stem = (1..)
            .map(|n| if n == 1 { stem.clone() } else { format!("{stem}_{n}") })
            .find(|stem| !taken.contains(stem))
            .expect("a free name");
        taken.insert(stem.clone());
        rows.push((table, row, stem));
    }
    rows
}

/// One param's value, typed, with its description.
pub(super) fn param_schema(param: &Param) -> Schema {
    let (kind, format, items) = match param.ty {
        ParamType::String | ParamType::Boolean => (param.ty.json_type(), None, None),
        ParamType::Integer => ("integer", Some("int64"), None),
        ParamType::Number => ("number", Some("double"), None),
        ParamType::Strings => {
            ("array", None, Some(Box::new(Schema { kind: Some("string"), ..Schema::default() })))
        }
    };
    Schema {
        description: Some(DESCRIPTION.paragraph(&param.description)),
        kind: Some(kind),
        format,
        items,
        ..Schema::default()
    }
}

/// Adds `params` to an object's `properties` and the required ones to its
/// `required`.
pub(super) fn push_params(properties: &mut OrderedMap<Schema>, required: &mut Vec<String>, params: &[Param]) {
    for param in params {
        properties.push(param.name.clone(), param_schema(param));
        if param.required {
            required.push(param.name.clone());
        }
    }
}

/// `<Enum><Variant>Params`: the row's code and its own params.
fn row_params_schema(catalogue: &Catalogue, body: &Body, row: &Row, version: Version) -> Schema {
    let codes: Vec<_> = std::iter::once(row.code.clone()).chain(row.aliases.iter().cloned()).collect();
    let code = match (version, codes.len()) {
        (Version::V3_1, 1) => Schema { constant: Some(row.code.clone()), ..Schema::default() },
        (Version::V3_1, _) => Schema { values: Some(codes), ..Schema::default() },
        (Version::V3_0, _) => Schema {
            kind: Some(match catalogue.codes {
                errcat_model::CodeKind::Integer => "integer",
                errcat_model::CodeKind::String => "string",
            }),
            values: Some(codes),
            ..Schema::default()
        },
    };
    let mut properties = OrderedMap::new();
    properties.push(body.code().key.clone(), code);
    let mut required = vec![body.code().key.clone()];
    push_params(&mut properties, &mut required, &row.params);
    Schema {
        title: Some(format!("{} params", row.name)),
        description: Some(format!(
            "The code `{}` {} and the params its errors carry: members of its error body beside \
             the others{}.",
            row.code.word(),
            DESCRIPTION.inline(&row.name),
            if catalogue.problem_details.is_some() {
                ", and extension members of its problem details"
            } else {
                ""
            },
        )),
        kind: Some("object"),
        required: Some(required),
        properties: Some(properties),
        ..Schema::default()
    }
}

/// A `$ref` to the schema `name`.
fn reference(name: &str) -> Schema {
    Schema { reference: Some(format!("#/components/schemas/{name}")), ..Schema::default() }
}

/// Both schemas joined: `allOf`.
fn joined(title: String, first: &str, second: &str) -> Schema {
    Schema {
        title: Some(title),
        all_of: Some(vec![reference(first), reference(second)]),
        ..Schema::default()
    }
}

/// Every parameterised row's schemas, then the typed unions, in table and
/// row order, to follow the plain body and problem details.
pub(super) fn params_schemas(catalogue: &Catalogue, body: &Body, version: Version) -> OrderedMap<Schema> {
    let mut schemas = OrderedMap::new();
    let mut bodies = Vec::new();
    let mut problems = Vec::new();
    for (_, row, stem) in parameterised_rows(catalogue) {
        let params = format!("{stem}Params");
        schemas.push(params.clone(), row_params_schema(catalogue, body, row, version));
        let name = format!("{stem}Body");
        let with_params = match &body.envelope {
            None => joined(format!("{} error body", row.name), BODY_SCHEMA, &params),
            Some(key) => {
                // Named, so that generators name its type after the row.
                let members = format!("{stem}Members");
                schemas.push(
                    members.clone(),
                    joined(format!("{} error members", row.name), MEMBERS_SCHEMA, &params),
                );
                let mut outer = OrderedMap::new();
                outer.push(key.clone(), reference(&members));
                Schema {
                    title: Some(format!("{} error body", row.name)),
                    kind: Some("object"),
                    required: Some(vec![key.clone()]),
                    properties: Some(outer),
                    ..Schema::default()
                }
            }
        };
        schemas.push(name.clone(), with_params);
        bodies.push(reference(&name));
        if catalogue.problem_details.is_some() {
            let name = format!("{stem}Problem");
            schemas
                .push(name.clone(), joined(format!("{} problem details", row.name), PROBLEM_SCHEMA, &params));
            problems.push(reference(&name));
        }
    }
    bodies.push(reference(BODY_SCHEMA));
    schemas.push(
        TYPED_BODY_SCHEMA,
        Schema {
            title: Some("Typed error body".to_owned()),
            description: Some(
                "An error body, typed by its code: the body with a row's params for a code that has \
                 them, the plain `ErrorBody` for every other code."
                    .to_owned(),
            ),
            any_of: Some(bodies),
            ..Schema::default()
        },
    );
    if catalogue.problem_details.is_some() {
        problems.push(reference(PROBLEM_SCHEMA));
        schemas.push(
            TYPED_PROBLEM_SCHEMA,
            Schema {
                title: Some("Typed problem details".to_owned()),
                description: Some(
                    "Problem details, typed by their code: with a row's params as extension members \
                     for a code that has them, the plain `ProblemDetails` for every other code."
                        .to_owned(),
                ),
                any_of: Some(problems),
                ..Schema::default()
            },
        );
    }
    schemas
}
