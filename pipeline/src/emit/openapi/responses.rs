//! The responses: one per HTTP status, with the body schema and examples.

use std::collections::BTreeSet;

use serde::Serialize;

use super::examples::{Example, examples};
use super::schema::Schema;
use super::{BODY_SCHEMA, PROBLEM_SCHEMA, response_name};
use crate::emit::yaml::OrderedMap;
use errcat_model::text::markdown_paragraph;
use errcat_model::{Catalogue, TableKind};

#[derive(Serialize)]
pub(super) struct Response {
    pub(super) description: String,
    /// Empty when the catalogue declares no error body.
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) content: OrderedMap<MediaType>,
}

#[derive(Serialize)]
pub(super) struct MediaType {
    pub(super) schema: Schema,
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) examples: OrderedMap<Example>,
}

/// Every HTTP status with its description: the HTTP table's rows in spec
/// order, then statuses that only application codes use, ascending.
pub(super) fn statuses(catalogue: &Catalogue) -> Vec<(u16, String)> {
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

pub(super) fn responses(catalogue: &Catalogue) -> OrderedMap<Response> {
    let mut responses = OrderedMap::new();
    if !catalogue.http {
        return responses;
    }
    for (status, description) in statuses(catalogue) {
        responses.push(response_name(catalogue, status), response(catalogue, status, description));
    }
    responses
}

/// One response: the body schema, with an example per application code
/// answered with `status`.
fn response(catalogue: &Catalogue, status: u16, description: String) -> Response {
    let mut content = OrderedMap::new();
    let Some(body) = &catalogue.body else {
        // No body declared: the status is all a response is known to say.
        return Response { description, content };
    };
    let examples = examples(catalogue, body, status);
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
