//! The skeleton: `openapi`, `info`, `servers`, `paths` and `components`.

use serde::Serialize;

use super::DESCRIPTION;
use super::attributes::{ATTRIBUTES_SCHEMA, attributes_schema};
use super::body::members_schema;
use super::body::{body_schema, known_codes_schema, problem_schema, unlisted_codes_schema};
use super::codes::code_schema;
use super::params::{MEMBERS_SCHEMA, params_schemas, rows_have_params};
use super::responses::{Header, Response, headers, responses};
use super::schema::Component;
use super::sections::sections;
use super::{
    BODY_SCHEMA, KNOWN_CODES, PROBLEM_SCHEMA, UNLISTED_CODES, Version, code_schema_name, file_name,
    response_name,
};
use crate::emit::yaml::OrderedMap;
use errcat_model::Catalogue;
use errcat_model::text::code_span;

/// The document for `version`.
pub(super) fn document(catalogue: &Catalogue, version: Version) -> Document {
    Document {
        openapi: version.number(),
        info: info(catalogue, version),
        // What a document without `servers` means anyway, said explicitly
        // so linters that want a server list are satisfied honestly.
        servers: vec![Server {
            url: "/",
            description: "Relative to the document that references these components.",
        }],
        paths: OrderedMap::new(),
        components: Components {
            schemas: schemas(catalogue, version),
            responses: responses(catalogue),
            headers: headers(catalogue),
            sections: sections(catalogue),
        },
    }
}

#[derive(Serialize)]
pub(super) struct Document {
    pub(super) openapi: &'static str,
    pub(super) info: Info,
    pub(super) servers: Vec<Server>,
    pub(super) paths: OrderedMap<()>,
    pub(super) components: Components,
}

#[derive(Serialize)]
pub(super) struct Info {
    pub(super) title: String,
    pub(super) version: String,
    pub(super) description: String,
    /// From the spec's `package: license`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) license: Option<License>,
    /// From the spec's `package:` home page, repository or documentation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) contact: Option<Contact>,
}

#[derive(Serialize)]
pub(super) struct License {
    pub(super) name: String,
    /// An SPDX expression (3.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) identifier: Option<String>,
    /// Where the license text is (3.0, which has no `identifier`): its
    /// page in the SPDX list, or the list for an expression of several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
}

#[derive(Serialize)]
pub(super) struct Contact {
    pub(super) url: String,
}

#[derive(Serialize)]
pub(super) struct Server {
    pub(super) url: &'static str,
    pub(super) description: &'static str,
}

#[derive(Serialize)]
pub(super) struct Components {
    pub(super) schemas: OrderedMap<Component>,
    /// None for a catalogue without HTTP.
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) responses: OrderedMap<Response>,
    /// `Retry-After`, when a 429 or 503 response declares it.
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) headers: OrderedMap<Header>,
    /// The catalogue's sections (`sections:`), each with its codes and
    /// responses; none without them.
    #[serde(rename = "x-sections", skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) sections: OrderedMap<super::sections::SectionEntry>,
}

fn info(catalogue: &Catalogue, version: Version) -> Info {
    let package = &catalogue.package;
    let license = package.license.as_ref().map(|license| {
        // crates.io takes `/` for `OR`; OpenAPI's `identifier` is strict SPDX.
        let expression = license.split('/').map(str::trim).collect::<Vec<_>>().join(" OR ");
        let spdx_page = if expression.contains(' ') {
            "https://spdx.org/licenses/".to_owned()
        } else {
            format!("https://spdx.org/licenses/{license}.html")
        };
        License {
            name: license.clone(),
            identifier: (version == Version::V3_1).then_some(expression),
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
                title = DESCRIPTION.inline(&catalogue.title),
                source = code_span(&catalogue.source),
                file = file_name(catalogue, version),
                schema = code_schema_name(&catalogue.tables[0]),
            ),
        };
    }
    let status = catalogue.response_statuses().into_iter().next().unwrap_or_default();
    Info {
        license: None,
        contact: None,
        title: catalogue.title.clone(),
        version: catalogue.version.clone(),
        description: format!(
            "The error codes and error responses of {title}, generated from {source}.\n\n\
             This document has no paths: reference its components from your own, e.g.\n\
             `$ref: '{file}#/components/responses/{response}'`.",
            title = DESCRIPTION.inline(&catalogue.title),
            source = code_span(&catalogue.source),
            file = file_name(catalogue, version),
            response = response_name(catalogue, status),
        ),
    }
}

/// `components/schemas`: each table's code schema, then, where the
/// catalogue declares a body, `KnownCodes`, `UnlistedCodes` and the
/// body's, the problem details' where it declares them, and, where rows
/// have params, each one's schemas and the typed unions.
fn schemas(catalogue: &Catalogue, version: Version) -> OrderedMap<Component> {
    let mut typed = OrderedMap::new();
    for table in &catalogue.tables {
        typed.push(code_schema_name(table), code_schema(catalogue, table, version));
    }
    if let Some(body) = &catalogue.body {
        typed.push(KNOWN_CODES, known_codes_schema(catalogue));
        typed.push(UNLISTED_CODES, unlisted_codes_schema(catalogue));
        if let Some(members) = members_schema(catalogue, body) {
            typed.push(MEMBERS_SCHEMA, members);
        }
        typed.push(BODY_SCHEMA, body_schema(catalogue, body));
    }
    if let Some(details) = &catalogue.problem_details {
        typed.push(PROBLEM_SCHEMA, problem_schema(catalogue, details));
    }
    if !catalogue.attributes.is_empty() {
        typed.push(ATTRIBUTES_SCHEMA, attributes_schema(catalogue));
    }
    let mut schemas = OrderedMap(
        typed.0.into_iter().map(|(name, schema)| (name, Component::Typed(Box::new(schema)))).collect(),
    );
    if let Some(body) = catalogue.body.as_ref().filter(|_| rows_have_params(catalogue)) {
        let printed = params_schemas(catalogue, body, version);
        schemas.0.extend(printed.0.into_iter().map(|(name, schema)| (name, Component::Printed(schema))));
    }
    schemas
}
