//! The OpenAPI emitter: standalone 3.1.0 and 3.0.3 documents whose
//! `components` describe the catalogue's codes, the error body and one
//! response per HTTP status (of an HTTP catalogue: see
//! [`Catalogue::http`]), for other documents to `$ref`.
//!
//! Documents are typed structs below, printed by [`super::yaml`]. The two
//! versions differ only in how a code schema lists its codes: 3.1 as
//! `oneOf` of `const`s with titles, 3.0 as `enum` with the
//! `x-enum-varnames`/`x-enum-descriptions` arrays openapi-generator reads.
//!
//! A row's explanation, causes and solutions sit beside its code as the
//! extensions `x-explanation`, `x-causes` and `x-solutions` (3.1), or by
//! code on the code schema (`x-explanation-by-code` and so on, 3.0).
//!
//! A `description` is CommonMark, so the spec text in it is escaped as on
//! the Markdown page; titles, summaries and extensions are plain text.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use crate::emit::yaml::{self, OrderedMap};
use errcat_model::output::Comment;
use errcat_model::text::{code_span, markdown_inline, markdown_paragraph};
use errcat_model::{
    Body, BodyRole, Catalogue, Code, CodeKind, MessageText, ProblemDetails, Row, Table, TableKind,
};

/// Which OpenAPI version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// OpenAPI 3.1.0 (JSON Schema 2020-12).
    V3_1,
    /// OpenAPI 3.0.3, which many client generators still require.
    V3_0,
}

impl Version {
    fn number(self) -> &'static str {
        match self {
            Version::V3_1 => "3.1.0",
            Version::V3_0 => "3.0.3",
        }
    }
}

/// The document's file name under `openapi/`.
pub fn file_name(catalogue: &Catalogue, version: Version) -> String {
    match version {
        Version::V3_1 => format!("{}.openapi.yaml", catalogue.crate_name),
        Version::V3_0 => format!("{}.openapi-3.0.yaml", catalogue.crate_name),
    }
}

/// The name of the body schema under `components/schemas`.
pub const BODY_SCHEMA: &str = "ErrorBody";

/// The name of the RFC 9457 problem details schema, when the spec has
/// `problem_details:`.
pub const PROBLEM_SCHEMA: &str = "ProblemDetails";

/// The largest code a spec can hold (`u32`).
const MAX_CODE: u64 = u32::MAX as u64;

/// What a string code is made of.
const STRING_CODE_PATTERN: &str = "^[A-Za-z0-9_.-]+$";

/// The longest string code the generated crate's `BodyCode` reads: a
/// longer one fails the body, so the documents allow none.
const MAX_BODY_CODE: u64 = 64;

/// The document for `version`, as YAML: the file below its header.
pub fn emit_openapi(catalogue: &Catalogue, version: Version) -> String {
    let mut out = String::new();
    emit_openapi_into(&mut out, catalogue, version);
    out
}

/// [`emit_openapi`], appended to `out`: the document is printed in place
/// (under its header), never alive twice.
pub fn emit_openapi_into(out: &mut String, catalogue: &Catalogue, version: Version) {
    let document = Document {
        openapi: version.number(),
        info: info(catalogue, version),
        // What a document without `servers` means anyway, said explicitly
        // so linters that want a server list are satisfied honestly.
        servers: vec![Server {
            url: "/",
            description: "Relative to the document that references these components.",
        }],
        paths: OrderedMap::new(),
        components: Components { schemas: schemas(catalogue, version), responses: responses(catalogue) },
    };
    // Its types hold structs, options, strings, integers and string-keyed
    // maps, all of which the printer prints; the goldens print each one.
    yaml::write_to(out, &document).expect("the OpenAPI document types are all printable")
}

/// The comment syntax of the document's header.
pub const COMMENT: Comment = Comment::Hash;

/// The document's first line.
pub fn header(catalogue: &Catalogue) -> String {
    errcat_model::output::header(COMMENT, errcat_model::output::DEFAULT_COMMAND, &catalogue.source)
}

/// The name of a table's code schema: its enum's name + `Code` (`HttpErrorCode`).
pub fn code_schema_name(table: &Table) -> String {
    format!("{}Code", table.rust_enum)
}

/// A response's name under `components/responses`: the HTTP row's
/// variant name (`Unauthorized`), or `Status_NNN` for a status that no
/// HTTP row lists (the `_` keeps it apart from every variant name).
pub fn response_name(catalogue: &Catalogue, status: u16) -> String {
    match catalogue.http_row(status) {
        Some((_, row)) => row.rust_variant.clone(),
        None => format!("Status_{status}"),
    }
}

#[derive(Serialize)]
struct Document {
    openapi: &'static str,
    info: Info,
    servers: Vec<Server>,
    paths: OrderedMap<()>,
    components: Components,
}

#[derive(Serialize)]
struct Info {
    title: String,
    version: String,
    description: String,
    /// From the spec's `package: license`.
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<License>,
    /// From the spec's `package:` home page, repository or documentation.
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<Contact>,
}

#[derive(Serialize)]
struct License {
    name: String,
    /// An SPDX expression (3.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<String>,
    /// Where the license text is (3.0, which has no `identifier`): its
    /// page in the SPDX list, or the list for an expression of several.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Contact {
    url: String,
}

#[derive(Serialize)]
struct Server {
    url: &'static str,
    description: &'static str,
}

#[derive(Serialize)]
struct Components {
    schemas: OrderedMap<Schema>,
    /// None for a catalogue without HTTP.
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    responses: OrderedMap<Response>,
}

/// The subset of the Schema Object these documents use.
#[derive(Serialize, Default)]
struct Schema {
    #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(rename = "const", skip_serializing_if = "Option::is_none")]
    constant: Option<Code>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deprecated: Option<bool>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minimum: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maximum: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<&'static str>,
    #[serde(rename = "maxLength", skip_serializing_if = "Option::is_none")]
    max_length: Option<u64>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    values: Option<Vec<Code>>,
    #[serde(rename = "x-enum-varnames", skip_serializing_if = "Option::is_none")]
    enum_varnames: Option<Vec<String>>,
    #[serde(rename = "x-enum-descriptions", skip_serializing_if = "Option::is_none")]
    enum_descriptions: Option<Vec<String>>,
    #[serde(rename = "oneOf", skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<Schema>>,
    #[serde(rename = "anyOf", skip_serializing_if = "Option::is_none")]
    any_of: Option<Vec<Schema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<OrderedMap<Schema>>,
    /// On an alias's `const`: the code it stands for.
    #[serde(rename = "x-alias-of", skip_serializing_if = "Option::is_none")]
    alias_of: Option<Code>,
    /// On a code's `const` (3.1): what a client should do about it.
    #[serde(rename = "x-recovery", skip_serializing_if = "Option::is_none")]
    recovery: Option<String>,
    /// On a code schema (3.0, which has no per-value objects): each code's
    /// recovery, by code.
    #[serde(rename = "x-recovery-by-code", skip_serializing_if = "Option::is_none")]
    recovery_by_code: Option<OrderedMap<String>>,
    /// On a code's `const` (3.1): what the error means, verbatim.
    #[serde(rename = "x-explanation", skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
    /// On a code's `const` (3.1): what can cause it, verbatim.
    #[serde(rename = "x-causes", skip_serializing_if = "Option::is_none")]
    causes: Option<Vec<String>>,
    /// On a code's `const` (3.1): what can be done about it, verbatim.
    #[serde(rename = "x-solutions", skip_serializing_if = "Option::is_none")]
    solutions: Option<Vec<String>>,
    /// On a code schema (3.0): each row's explanation, by code.
    #[serde(rename = "x-explanation-by-code", skip_serializing_if = "Option::is_none")]
    explanation_by_code: Option<OrderedMap<String>>,
    /// On a code schema (3.0): each row's causes, by code.
    #[serde(rename = "x-causes-by-code", skip_serializing_if = "Option::is_none")]
    causes_by_code: Option<OrderedMap<Vec<String>>>,
    /// On a code schema (3.0): each row's solutions, by code.
    #[serde(rename = "x-solutions-by-code", skip_serializing_if = "Option::is_none")]
    solutions_by_code: Option<OrderedMap<Vec<String>>>,
}

#[derive(Serialize)]
struct Response {
    description: String,
    /// Empty when the catalogue declares no error body.
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    content: OrderedMap<MediaType>,
}

#[derive(Serialize)]
struct MediaType {
    schema: Schema,
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    examples: OrderedMap<Example>,
}

#[derive(Serialize)]
struct Example {
    /// Only where the key and the value do not say it all (an alias): a
    /// code's example is keyed by its name and shows its code, and a
    /// summary repeating both cost about 65 bytes per code and document.
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    value: BodyExample,
}

/// An error body as a service sends it: its members, in the body's
/// order, inside its envelope if it has one.
#[derive(Serialize)]
#[serde(untagged)]
enum BodyExample {
    Code(Code),
    Text(String),
    Object(OrderedMap<BodyExample>),
}

impl BodyExample {
    /// The body for `row` sent with `code` (its own or an alias): the
    /// code, the message, and the description as details when the
    /// message is the name.
    fn of(body: &Body, row: &Row, code: &Code) -> BodyExample {
        let mut members = OrderedMap::new();
        for member in &body.members {
            let value = match (member.role, body.message_text) {
                (BodyRole::Code, _) => BodyExample::Code(code.clone()),
                (BodyRole::Message, MessageText::Name) => BodyExample::Text(row.name.clone()),
                (BodyRole::Message, MessageText::Description) => BodyExample::Text(row.description.clone()),
                (BodyRole::Details, MessageText::Name) => BodyExample::Text(row.description.clone()),
                (BodyRole::Details, MessageText::Description) | (BodyRole::OccurrenceId, _) => continue,
            };
            members.push(member.key.clone(), value);
        }
        match &body.envelope {
            Some(key) => {
                let mut envelope = OrderedMap::new();
                envelope.push(key.clone(), BodyExample::Object(members));
                BodyExample::Object(envelope)
            }
            None => BodyExample::Object(members),
        }
    }
}

fn info(catalogue: &Catalogue, version: Version) -> Info {
    let package = &catalogue.package;
    let license = package.license.as_ref().map(|license| {
        let spdx_page = if license.contains(' ') {
            "https://spdx.org/licenses/".to_owned()
        } else {
            format!("https://spdx.org/licenses/{license}.html")
        };
        License {
            name: license.clone(),
            identifier: (version == Version::V3_1).then(|| license.clone()),
            url: (version == Version::V3_0).then_some(spdx_page),
        }
    });
    let contact = [&package.homepage, &package.repository, &package.documentation]
        .into_iter()
        .find_map(|url| url.clone())
        .map(|url| Contact { url });
    Info { license, contact, ..info_text(catalogue, version) }
}

/// The document's title, version and description.
fn info_text(catalogue: &Catalogue, version: Version) -> Info {
    if !catalogue.http {
        return Info {
            license: None,
            contact: None,
            title: catalogue.title.clone(),
            version: catalogue.version.clone(),
            description: format!(
                "The error codes of {title}, generated from {source}.\n\n\
                 This document has no paths: reference its components from your own, e.g.\n\
                 `$ref: '{file}#/components/schemas/{schema}'`.",
                title = markdown_inline(&catalogue.title),
                source = code_span(&catalogue.source),
                file = file_name(catalogue, version),
                schema = code_schema_name(&catalogue.tables[0]),
            ),
        };
    }
    let (status, _) = statuses(catalogue).into_iter().next().unwrap_or_default();
    Info {
        license: None,
        contact: None,
        title: catalogue.title.clone(),
        version: catalogue.version.clone(),
        description: format!(
            "The error codes and error responses of {title}, generated from {source}.\n\n\
             This document has no paths: reference its components from your own, e.g.\n\
             `$ref: '{file}#/components/responses/{response}'`.",
            title = markdown_inline(&catalogue.title),
            source = code_span(&catalogue.source),
            file = file_name(catalogue, version),
            response = response_name(catalogue, status),
        ),
    }
}

fn schemas(catalogue: &Catalogue, version: Version) -> OrderedMap<Schema> {
    let mut schemas = OrderedMap::new();
    for table in &catalogue.tables {
        schemas.push(code_schema_name(table), code_schema(table, catalogue.codes, version));
    }
    if let Some(body) = &catalogue.body {
        schemas.push(BODY_SCHEMA, body_schema(catalogue, body));
    }
    if let Some(details) = &catalogue.problem_details {
        schemas.push(PROBLEM_SCHEMA, problem_schema(catalogue, details));
    }
    schemas
}

/// RFC 9457 problem details, with the catalogue's code as an extension
/// member that references every table's code schema.
fn problem_schema(catalogue: &Catalogue, details: &ProblemDetails) -> Schema {
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
    let mut codes: Vec<Schema> = catalogue
        .tables
        .iter()
        .map(|table| Schema {
            reference: Some(format!("#/components/schemas/{}", code_schema_name(table))),
            ..Schema::default()
        })
        .collect();
    codes.push(match catalogue.codes {
        CodeKind::Integer => {
            Schema { kind: Some("integer"), format: Some("int64"), minimum: Some(0), ..Schema::default() }
        }
        CodeKind::String => Schema {
            kind: Some("string"),
            pattern: Some(STRING_CODE_PATTERN),
            max_length: Some(MAX_BODY_CODE),
            ..Schema::default()
        },
    });
    properties.push(
        "code",
        Schema {
            description: Some(
                "The catalogue's error code (an extension member); a code outside the lists is still valid."
                    .to_owned(),
            ),
            any_of: Some(codes),
            ..Schema::default()
        },
    );
    Schema {
        title: Some("Problem details".to_owned()),
        description: Some(
            "An error response as RFC 9457 problem details (`application/problem+json`).".to_owned(),
        ),
        kind: Some("object"),
        properties: Some(properties),
        ..Schema::default()
    }
}

/// A table's codes as an integer schema that names and describes each one.
fn code_schema(table: &Table, codes: CodeKind, version: Version) -> Schema {
    let integer = match codes {
        CodeKind::Integer => Schema {
            title: Some(table.title.clone()),
            kind: Some("integer"),
            format: Some("int64"),
            ..Schema::default()
        },
        CodeKind::String => {
            Schema { title: Some(table.title.clone()), kind: Some("string"), ..Schema::default() }
        }
    };
    match version {
        Version::V3_1 => Schema {
            description: Some(markdown_paragraph(&table.summary)),
            one_of: Some(
                table
                    .rows
                    .iter()
                    .flat_map(|row| {
                        std::iter::once(code_const(row))
                            .chain(row.aliases.iter().map(|a| alias_const(row, a)))
                    })
                    .collect(),
            ),
            ..integer
        },
        Version::V3_0 => {
            // Each row's code, then its aliases, as the enum lists them.
            let values: Vec<(&Code, &Row)> = table
                .rows
                .iter()
                .flat_map(|row| {
                    std::iter::once((&row.code, row)).chain(row.aliases.iter().map(move |a| (a, row)))
                })
                .collect();
            let recovery_by_code: OrderedMap<String> = OrderedMap(
                values
                    .iter()
                    .filter_map(|&(code, row)| Some((code.to_string(), row.recovery.as_ref()?.key.clone())))
                    .collect(),
            );
            Schema {
                // 3.0 has no per-value titles: list the names where readers look.
                description: Some(format!("{}\n\n{}", markdown_paragraph(&table.summary), code_list(table))),
                values: Some(values.iter().map(|&(code, _)| code.clone()).collect()),
                enum_varnames: Some(
                    values
                        .iter()
                        .map(|&(code, row)| {
                            if *code == row.code {
                                row.rust_variant.clone()
                            } else {
                                // Generators need distinct names; `_` keeps
                                // them apart from every variant name (and
                                // stands for a string code's `-` and `.`).
                                format!("{}_{}", row.rust_variant, code.to_string().replace(['-', '.'], "_"))
                            }
                        })
                        .collect(),
                ),
                enum_descriptions: Some(
                    values
                        .iter()
                        .map(
                            |&(code, row)| {
                                if *code == row.code {
                                    row.description.clone()
                                } else {
                                    alias_description(row)
                                }
                            },
                        )
                        .collect(),
                ),
                recovery_by_code: (!recovery_by_code.is_empty()).then_some(recovery_by_code),
                explanation_by_code: by_code(table, |row| row.explanation.clone()),
                causes_by_code: by_code(table, |row| (!row.causes.is_empty()).then(|| row.causes.clone())),
                solutions_by_code: by_code(table, |row| {
                    (!row.solutions.is_empty()).then(|| row.solutions.clone())
                }),
                ..integer
            }
        }
    }
}

/// An alias's `const`: another code sent for `row`'s error.
fn alias_const(row: &Row, alias: &Code) -> Schema {
    Schema {
        constant: Some(alias.clone()),
        title: Some(row.name.clone()),
        description: Some(markdown_paragraph(&alias_description(row))),
        deprecated: row.deprecated.is_some().then_some(true),
        alias_of: Some(row.code.clone()),
        recovery: row.recovery.as_ref().map(|r| r.key.clone()),
        ..Schema::default()
    }
}

fn alias_description(row: &Row) -> String {
    format!("An alias of {} {}: {}", row.code, row.name, row.description)
}

fn code_const(row: &Row) -> Schema {
    Schema {
        constant: Some(row.code.clone()),
        title: Some(row.name.clone()),
        description: Some(markdown_paragraph(&row.description)),
        deprecated: row.deprecated.is_some().then_some(true),
        recovery: row.recovery.as_ref().map(|r| r.key.clone()),
        explanation: row.explanation.clone(),
        causes: (!row.causes.is_empty()).then(|| row.causes.clone()),
        solutions: (!row.solutions.is_empty()).then(|| row.solutions.clone()),
        ..Schema::default()
    }
}

/// A fact of each of `table`'s rows that has it, by the row's code (3.0),
/// or nothing when no row has it.
fn by_code<T>(table: &Table, fact: impl Fn(&Row) -> Option<T>) -> Option<OrderedMap<T>> {
    let map: Vec<(String, T)> =
        table.rows.iter().filter_map(|row| Some((row.code.to_string(), fact(row)?))).collect();
    (!map.is_empty()).then_some(OrderedMap(map))
}

/// `- 400 Bad Request: …` for every row, as Markdown.
fn code_list(table: &Table) -> String {
    let lines: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            let mut line = format!(
                "- `{}` {}: {}",
                row.code,
                markdown_inline(&row.name),
                markdown_inline(&row.description)
            );
            if let Some(note) = &row.deprecated {
                line.push_str(&format!(" — *Deprecated:* {}", markdown_inline(note)));
            }
            if !row.aliases.is_empty() {
                let aliases: Vec<String> = row.aliases.iter().map(|alias| format!("`{alias}`")).collect();
                line.push_str(&format!(" — *Also sent as:* {}.", aliases.join(", ")));
            }
            if let Some(recovery) = &row.recovery {
                line.push_str(&format!(" — *Recovery:* `{}`.", recovery.key()));
            }
            line
        })
        .collect();
    lines.join("\n")
}

/// The JSON body of an error response.
fn body_schema(catalogue: &Catalogue, body: &Body) -> Schema {
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
                    "The error code, one of {}. Services send it as a JSON number, but \
                     published examples also show it as a string of digits, so both are \
                     accepted: compare it as a number. Services may add codes, so a code \
                     outside the lists is still valid.",
                    code_schemas.join(", ")
                ),
                CodeKind::String => format!(
                    "The error code, one of {}, a JSON string. Services may add codes, so a \
                     code outside the lists is still valid.",
                    code_schemas.join(", ")
                ),
            }),
            // Each table's code schema, referenced so that a bundler that
            // follows `ErrorBody` keeps them all, then any other code.
            any_of: Some(
                catalogue
                    .tables
                    .iter()
                    .map(|table| Schema {
                        reference: Some(format!("#/components/schemas/{}", code_schema_name(table))),
                        ..Schema::default()
                    })
                    .chain(match catalogue.codes {
                        CodeKind::Integer => vec![
                            Schema {
                                kind: Some("integer"),
                                format: Some("int64"),
                                minimum: Some(0),
                                maximum: Some(MAX_CODE),
                                ..Schema::default()
                            },
                            Schema {
                                kind: Some("string"),
                                pattern: Some("^[0-9]{1,10}$"),
                                ..Schema::default()
                            },
                        ],
                        CodeKind::String => {
                            vec![Schema {
                                kind: Some("string"),
                                pattern: Some(STRING_CODE_PATTERN),
                                max_length: Some(MAX_BODY_CODE),
                                ..Schema::default()
                            }]
                        }
                    })
                    .collect(),
            ),
            ..Schema::default()
        },
    );
    // The code takes a number or a string, described above; the rest are text.
    for field in body.members.iter().filter(|field| field.role != BodyRole::Code) {
        properties.push(field.key.clone(), string(&field.description));
    }
    let members = Schema {
        kind: Some("object"),
        required: Some(body.required_keys().into_iter().map(str::to_owned).collect()),
        properties: Some(properties),
        ..Schema::default()
    };
    match &body.envelope {
        Some(key) => {
            let mut outer = OrderedMap::new();
            outer.push(
                key.clone(),
                Schema { description: Some("The error's members.".to_owned()), ..members },
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

/// Every HTTP status with its description: the HTTP table's rows in spec
/// order, then statuses that only application codes use, ascending.
fn statuses(catalogue: &Catalogue) -> Vec<(u16, String)> {
    let mut statuses: Vec<(u16, String)> = catalogue
        .rows()
        .filter(|(table, _)| table.kind == TableKind::HttpStatus)
        .map(|(_, row)| (row.http_status, markdown_paragraph(&row.description)))
        .collect();
    // Looked up in a set, not by a scan of the rows per row.
    let listed: BTreeSet<u16> = statuses.iter().map(|&(status, _)| status).collect();
    let unlisted: BTreeSet<u16> =
        catalogue.rows().map(|(_, row)| row.http_status).filter(|status| !listed.contains(status)).collect();
    statuses.extend(unlisted.into_iter().map(|status| (status, format!("HTTP status {status}."))));
    statuses
}

fn responses(catalogue: &Catalogue) -> OrderedMap<Response> {
    let mut responses = OrderedMap::new();
    if !catalogue.http {
        return responses;
    }
    for (status, description) in statuses(catalogue) {
        responses.push(response_name(catalogue, status), response(catalogue, status, description));
    }
    responses
}

/// The keys of one response's examples, each used once: a YAML mapping
/// holds a key once, and two custom tables may each have a row of one
/// name answered with the same status.
#[derive(Default)]
struct ExampleKeys(HashSet<String>);

impl ExampleKeys {
    /// `key` if it is free, else `qualified()` (the name with the code,
    /// as an alias's key), else that with the first free `_2`, `_3`, …
    fn unique(&mut self, key: String, qualified: impl FnOnce() -> String) -> String {
        let key = if self.0.contains(&key) {
            let qualified = qualified();
            let mut key = qualified.clone();
            for n in 2.. {
                if !self.0.contains(&key) {
                    break;
                }
                key = format!("{qualified}_{n}");
            }
            key
        } else {
            key
        };
        self.0.insert(key.clone());
        key
    }
}

/// One response: the body schema, with an example per application code
/// answered with `status`.
fn response(catalogue: &Catalogue, status: u16, description: String) -> Response {
    let mut content = OrderedMap::new();
    let Some(body) = &catalogue.body else {
        // No body declared: the status is all a response is known to say.
        return Response { description, content };
    };
    let mut examples = OrderedMap::new();
    let mut keys = ExampleKeys::default();
    for (_, row) in
        catalogue.rows().filter(|(table, row)| table.kind == TableKind::Custom && row.http_status == status)
    {
        examples.push(
            keys.unique(row.name.clone(), || format!("{}_{}", row.name, row.code)),
            Example {
                summary: None,
                description: row
                    .deprecated
                    .as_ref()
                    .map(|note| format!("Deprecated: {}", markdown_inline(note))),
                value: BodyExample::of(body, row, &row.code),
            },
        );
        for alias in &row.aliases {
            let key = format!("{}_{alias}", row.name);
            examples.push(
                keys.unique(key.clone(), || key),
                Example {
                    summary: Some(format!("{alias} {} (an alias of {})", row.name, row.code)),
                    description: None,
                    value: BodyExample::of(body, row, alias),
                },
            );
        }
    }
    let schema =
        Schema { reference: Some(format!("#/components/schemas/{BODY_SCHEMA}")), ..Schema::default() };
    content.push("application/json", MediaType { schema, examples });
    if catalogue.problem_details.is_some() {
        let problem =
            Schema { reference: Some(format!("#/components/schemas/{PROBLEM_SCHEMA}")), ..Schema::default() };
        content.push("application/problem+json", MediaType { schema: problem, examples: OrderedMap::new() });
    }
    Response { description, content }
}
