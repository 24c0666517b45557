//! The body schemas: the error body's and RFC 9457 problem details'.
//!
//! The code member of each references `KnownCodes` (every table's code
//! schema), then admits any other code (`UnlistedCodes`).

use super::DESCRIPTION;
use super::params::{MEMBERS_SCHEMA, push_params, rows_have_params};
use super::schema::Schema;
use super::{KNOWN_CODES, UNLISTED_CODES, code_schema_name};
use crate::emit::yaml::OrderedMap;
use errcat_model::{Body, BodyRole, Catalogue, CodeKind, ProblemDetails};

/// The largest code a spec can hold (`u32`).
const MAX_CODE: u64 = u32::MAX as u64;

/// What a string code is made of.
const STRING_CODE_PATTERN: &str = "^[A-Za-z0-9_.-]*$";

/// The longest string code the generated crate's `BodyCode` reads: a
/// longer one fails the body, so the documents allow none.
const MAX_BODY_CODE: u64 = 64;

/// RFC 9457 problem details, with the catalogue's code as an extension
/// member that references every table's code schema.
pub(super) fn problem_schema(catalogue: &Catalogue, details: &ProblemDetails) -> Schema {
    let text = |description: &str, format: Option<&'static str>| Schema {
        kind: Some("string"),
        format,
        description: Some(description.to_owned()),
        ..Schema::default()
    };
    let mut properties = OrderedMap::new();
    properties.push(
        "type",
        text(
            &format!(
                "A URI naming the problem type: for an error of the catalogue, its entry in the \
                 reference page, `{}#{}` and its code.",
                details.type_base,
                match catalogue.codes {
                    CodeKind::Integer => "",
                    CodeKind::String => "Code-",
                }
            ),
            Some("uri-reference"),
        ),
    );
    properties.push("title", text("A short summary of the problem type: the error's name.", None));
    properties.push(
        "status",
        Schema {
            kind: Some("integer"),
            description: Some("The HTTP status of the response.".to_owned()),
            minimum: Some(100),
            maximum: Some(599),
            ..Schema::default()
        },
    );
    properties.push("detail", text("What went wrong this time, for people.", None));
    properties.push("instance", text("A URI naming this occurrence of the problem.", Some("uri-reference")));
    // Any other code: a JSON number for integer codes (the problem
    // details reader takes no digit strings), `UnlistedCodes` for text.
    let other = match catalogue.codes {
        CodeKind::Integer => {
            Schema { kind: Some("integer"), format: Some("int64"), minimum: Some(0), ..Schema::default() }
        }
        CodeKind::String => reference(UNLISTED_CODES),
    };
    let codes = vec![reference(KNOWN_CODES), other];
    properties.push(
        catalogue.body.as_ref().map_or("code", |body| body.code().key.as_str()),
        Schema {
            description: Some(
                "The catalogue's error code (an extension member); a code outside the lists is still valid."
                    .to_owned(),
            ),
            any_of: Some(codes),
            ..Schema::default()
        },
    );
    let mut required = Vec::new();
    push_params(&mut properties, &mut required, &catalogue.params);
    Schema {
        title: Some("Problem details".to_owned()),
        required: (!required.is_empty()).then_some(required),
        description: Some(
            "An error response as RFC 9457 problem details (`application/problem+json`).".to_owned(),
        ),
        kind: Some("object"),
        properties: Some(properties),
        ..Schema::default()
    }
}

/// The enveloped body's members, named when rows have params (see
/// [`MEMBERS_SCHEMA`]).
pub(super) fn members_schema(catalogue: &Catalogue, body: &Body) -> Option<Schema> {
    (body.envelope.is_some() && rows_have_params(catalogue)).then(|| members(catalogue, body))
}

/// A `$ref` to the schema `name`.
fn reference(name: &str) -> Schema {
    Schema { reference: Some(format!("#/components/schemas/{name}")), ..Schema::default() }
}

/// `KnownCodes`: every code the catalogue lists, each table's code schema
/// referenced once.
pub(super) fn known_codes_schema(catalogue: &Catalogue) -> Schema {
    Schema {
        description: Some(format!(
            "Every code {} lists, in its tables' code schemas.",
            DESCRIPTION.inline(&catalogue.title)
        )),
        any_of: Some(catalogue.tables.iter().map(|table| reference(&code_schema_name(table))).collect()),
        ..Schema::default()
    }
}

/// `UnlistedCodes`: a code outside the lists, which is still valid.
pub(super) fn unlisted_codes_schema(catalogue: &Catalogue) -> Schema {
    let description =
        Some("A code that no table lists: services may add codes, so it is still valid.".to_owned());
    match catalogue.codes {
        CodeKind::Integer => Schema {
            description,
            any_of: Some(vec![
                Schema {
                    kind: Some("integer"),
                    format: Some("int64"),
                    minimum: Some(0),
                    maximum: Some(MAX_CODE),
                    ..Schema::default()
                },
                Schema { kind: Some("string"), pattern: Some("^[0-9]{1,10}$"), ..Schema::default() },
            ]),
            ..Schema::default()
        },
        CodeKind::String => Schema {
            description,
            kind: Some("string"),
            pattern: Some(STRING_CODE_PATTERN),
            max_length: Some(MAX_BODY_CODE),
            ..Schema::default()
        },
    }
}

/// The JSON body of an error response.
pub(super) fn body_schema(catalogue: &Catalogue, body: &Body) -> Schema {
    let members = members(catalogue, body);
    if let Some(xml) = &body.xml {
        return super::xml::body_schema(catalogue, body, xml, members);
    }
    match &body.envelope {
        Some(key) => {
            let mut outer = OrderedMap::new();
            // Named when the bodies with params extend it.
            outer.push(
                key.clone(),
                if rows_have_params(catalogue) { reference(MEMBERS_SCHEMA) } else { members },
            );
            Schema {
                title: Some("Error body".to_owned()),
                description: Some(format!("The JSON body of an error response: its members inside `{key}`.")),
                kind: Some("object"),
                required: Some(vec![key.clone()]),
                properties: Some(outer),
                ..Schema::default()
            }
        }
        None => Schema {
            title: Some("Error body".to_owned()),
            description: Some("The JSON body of an error response.".to_owned()),
            ..members
        },
    }
}

/// The body's members: its code, its other members and the params every
/// error carries (described as the envelope's value when there is one).
fn members(catalogue: &Catalogue, body: &Body) -> Schema {
    let code_schemas: Vec<String> =
        catalogue.tables.iter().map(|table| format!("`{}`", code_schema_name(table))).collect();
    let string = |description: &str| Schema {
        kind: Some("string"),
        description: Some(description.to_owned()),
        ..Schema::default()
    };
    let mut properties = OrderedMap::new();
    properties.push(
        body.code().key.clone(),
        Schema {
            description: Some(match catalogue.codes {
                CodeKind::Integer => format!(
                    "The error code: one of `KnownCodes` ({}). Services send it as a JSON number, but \
                     published examples also show it as a string of digits, so both are \
                     accepted: compare it as a number. Services may add codes, so a code \
                     outside the lists is still valid.",
                    code_schemas.join(", ")
                ),
                CodeKind::String => format!(
                    "The error code, a JSON string: one of `KnownCodes` ({}). Services may add codes, so a \
                     code outside the lists (`UnlistedCodes`) is still valid.",
                    code_schemas.join(", ")
                ),
            }),
            // The listed codes, then any other: `KnownCodes` references
            // each table's code schema, so that a bundler that follows
            // `ErrorBody` keeps them all.
            any_of: Some(vec![reference(KNOWN_CODES), reference(UNLISTED_CODES)]),
            ..Schema::default()
        },
    );
    // The code takes a number or a string, described above; the rest are text.
    for field in body.members.iter().filter(|field| field.role != BodyRole::Code) {
        properties.push(field.key.clone(), string(&field.description));
    }
    let mut required: Vec<String> = body.required_keys().into_iter().map(str::to_owned).collect();
    push_params(&mut properties, &mut required, &catalogue.params);
    Schema {
        description: body.envelope.is_some().then(|| "The error's members.".to_owned()),
        kind: Some("object"),
        required: Some(required),
        properties: Some(properties),
        ..Schema::default()
    }
}
