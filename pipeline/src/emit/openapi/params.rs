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
use crate::emit::yaml::{OrderedMap, Printed};
use errcat_model::params::{Param, ParamType};
use errcat_model::{Body, Catalogue, Code, Row, Table};

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
        let stem = [table.rust_enum.as_str(), &row.rust_variant].concat();
        let stem = if taken.contains(&stem) {
            (2..).map(|n| format!("{stem}_{n}")).find(|stem| !taken.contains(stem)).expect("a free name")
        } else {
            stem
        };
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

/// `<Enum><Variant>Params`: the row's code and its own params, printed as
/// [`param_schema`] and the code's schema would be.
fn row_params_schema(catalogue: &Catalogue, body: &Body, row: &Row, version: Version) -> Printed {
    let mut out = Printed::with_capacity(512);
    // Joined rather than formatted: a catalogue may give thousands of
    // rows params, and each of these is written for each of them.
    out.string(0, "title", &[row.name.as_str(), " params"].concat());
    let description = [
        "The code `",
        &row.code.word(),
        "` ",
        &DESCRIPTION.inline(&row.name),
        " and the params its errors carry: members of its error body beside the others",
        if catalogue.problem_details.is_some() {
            ", and extension members of its problem details"
        } else {
            ""
        },
        ".",
    ]
    .concat();
    out.string(0, "description", &description);
    out.string(0, "type", "object");
    let code_key = &body.code().key;
    out.open(0, "required");
    out.item_string(2, code_key);
    for param in row.params.iter().filter(|param| param.required) {
        out.item_string(2, &param.name);
    }
    out.open(0, "properties");
    out.open(2, code_key);
    match (version, row.aliases.is_empty()) {
        (Version::V3_1, true) => code_entry(&mut out, "const", &row.code),
        (Version::V3_1, false) => codes_entry(&mut out, row),
        (Version::V3_0, _) => {
            let kind = match catalogue.codes {
                errcat_model::CodeKind::Integer => "integer",
                errcat_model::CodeKind::String => "string",
            };
            out.string(4, "type", kind);
            codes_entry(&mut out, row);
        }
    }
    for param in &row.params {
        out.open(2, &param.name);
        out.string(4, "description", &DESCRIPTION.paragraph(&param.description));
        match param.ty {
            ParamType::String | ParamType::Boolean => out.string(4, "type", param.ty.json_type()),
            ParamType::Integer => {
                out.string(4, "type", "integer");
                out.string(4, "format", "int64");
            }
            ParamType::Number => {
                out.string(4, "type", "number");
                out.string(4, "format", "double");
            }
            ParamType::Strings => {
                out.string(4, "type", "array");
                out.open(4, "items");
                out.string(6, "type", "string");
            }
        }
    }
    out
}

/// `key: code`, at the indentation of a property's schema.
fn code_entry(out: &mut Printed, key: &str, code: &Code) {
    match code {
        Code::Integer(code) => out.plain(4, key, code),
        Code::String(code) => out.string(4, key, code),
    }
}

/// `enum:` of the row's code and its aliases.
fn codes_entry(out: &mut Printed, row: &Row) {
    out.open(4, "enum");
    for code in std::iter::once(&row.code).chain(&row.aliases) {
        match code {
            Code::Integer(code) => out.item_plain(6, code),
            Code::String(code) => out.item_string(6, code),
        }
    }
}

/// `$ref` items to the schemas `names`, at `indent`.
fn references<'a>(out: &mut Printed, indent: usize, names: impl IntoIterator<Item = &'a str>) {
    for name in names {
        out.item_schema_ref(indent, name);
    }
}

/// Both schemas joined: `allOf`.
fn joined(title: &str, first: &str, second: &str) -> Printed {
    let mut out = Printed::with_capacity(160);
    out.string(0, "title", title);
    out.open(0, "allOf");
    references(&mut out, 2, [first, second]);
    out
}

/// A union of the schemas `names`: `anyOf`.
fn union(title: &str, description: &str, names: &[String]) -> Printed {
    let mut out = Printed::with_capacity(256 + names.len() * 48);
    out.string(0, "title", title);
    out.string(0, "description", description);
    out.open(0, "anyOf");
    references(&mut out, 2, names.iter().map(String::as_str));
    out
}

/// Every parameterised row's schemas, then the typed unions, in table and
/// row order, to follow the plain body and problem details: printed as
/// text, as they are many and alike (a catalogue may give every row params).
pub(super) fn params_schemas(catalogue: &Catalogue, body: &Body, version: Version) -> OrderedMap<Printed> {
    let mut schemas = OrderedMap::new();
    let mut bodies = Vec::new();
    let mut problems = Vec::new();
    for (_, row, stem) in parameterised_rows(catalogue) {
        let params = [stem.as_str(), "Params"].concat();
        schemas.push(params.clone(), row_params_schema(catalogue, body, row, version));
        let name = [stem.as_str(), "Body"].concat();
        let with_params = match &body.envelope {
            None => joined(&[row.name.as_str(), " error body"].concat(), BODY_SCHEMA, &params),
            Some(key) => {
                // Named, so that generators name its type after the row.
                let members = format!("{stem}Members");
                schemas.push(
                    members.clone(),
                    joined(&format!("{} error members", row.name), MEMBERS_SCHEMA, &params),
                );
                let mut outer = Printed::new();
                outer.string(0, "title", &format!("{} error body", row.name));
                outer.string(0, "type", "object");
                outer.open(0, "required");
                outer.item_string(2, key);
                outer.open(0, "properties");
                outer.open(2, key);
                outer.schema_ref(4, &members);
                outer
            }
        };
        schemas.push(name.clone(), with_params);
        bodies.push(name);
        if catalogue.problem_details.is_some() {
            let name = [stem.as_str(), "Problem"].concat();
            schemas.push(
                name.clone(),
                joined(&[row.name.as_str(), " problem details"].concat(), PROBLEM_SCHEMA, &params),
            );
            problems.push(name);
        }
    }
    bodies.push(BODY_SCHEMA.to_owned());
    schemas.push(
        TYPED_BODY_SCHEMA,
        union(
            "Typed error body",
            "An error body, typed by its code: the body with a row's params for a code that has \
             them, the plain `ErrorBody` for every other code.",
            &bodies,
        ),
    );
    if catalogue.problem_details.is_some() {
        problems.push(PROBLEM_SCHEMA.to_owned());
        schemas.push(
            TYPED_PROBLEM_SCHEMA,
            union(
                "Typed problem details",
                "Problem details, typed by their code: with a row's params as extension members \
                 for a code that has them, the plain `ProblemDetails` for every other code.",
                &problems,
            ),
        );
    }
    schemas
}
