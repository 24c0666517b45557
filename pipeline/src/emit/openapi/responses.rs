//! The responses: one per HTTP status, with the body schema and examples,
//! then each one kept from an earlier version; and the `Retry-After`
//! header that 429 and 503 declare.

use std::collections::BTreeMap;

use serde::Serialize;

use super::DESCRIPTION;
use super::examples::{Example, examples, problem_examples};
use super::params::{TYPED_BODY_SCHEMA, TYPED_PROBLEM_SCHEMA, rows_have_params};
use super::schema::Schema;
use super::{BODY_SCHEMA, PROBLEM_SCHEMA};
use crate::emit::yaml::OrderedMap;
use errcat_model::http_status::http_status;
use errcat_model::{Catalogue, KeptResponse};

/// The name of the `Retry-After` header under `components/headers`.
pub const RETRY_AFTER: &str = "Retry-After";

/// The statuses whose responses declare `Retry-After` (RFC 9110, section
/// 10.2.3; RFC 6585, section 4).
const RETRY_AFTER_STATUSES: [u16; 2] = [429, 503];

#[derive(Serialize)]
pub(super) struct Response {
    pub(super) description: String,
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) headers: OrderedMap<Reference>,
    /// Empty when the catalogue declares no error body.
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) content: OrderedMap<MediaType>,
    /// On a response kept from an earlier version (responses have no
    /// `deprecated` of their own).
    #[serde(rename = "x-deprecated", skip_serializing_if = "Option::is_none")]
    pub(super) deprecated: Option<bool>,
}

#[derive(Serialize)]
pub(super) struct MediaType {
    pub(super) schema: Schema,
    #[serde(skip_serializing_if = "OrderedMap::is_empty")]
    pub(super) examples: OrderedMap<Example>,
}

/// A Reference Object, to a component that is not a schema.
#[derive(Serialize)]
pub(super) struct Reference {
    #[serde(rename = "$ref")]
    reference: String,
}

/// A Header Object.
#[derive(Serialize)]
pub(super) struct Header {
    description: &'static str,
    schema: Schema,
}

/// The description of the response for `status`: the HTTP row's, or the
/// status's registered name and meaning.
pub(super) fn status_description(catalogue: &Catalogue, status: u16) -> String {
    match (catalogue.http_row(status), http_status(status)) {
        (Some((_, row)), _) => DESCRIPTION.paragraph(&row.description),
        (None, Some(registered)) => format!("{}. {}", registered.phrase, registered.description),
        (None, None) => format!("HTTP status {status}."),
    }
}

pub(super) fn responses(catalogue: &Catalogue) -> OrderedMap<Response> {
    let mut responses = OrderedMap::new();
    if !catalogue.http {
        return responses;
    }
    let statuses = catalogue.response_statuses();
    for &status in &statuses {
        responses.push(
            catalogue.response_name(status),
            response(catalogue, status, status_description(catalogue, status), true),
        );
    }
    // Ordered by status, then name, whatever order the lock lists them in.
    let kept: BTreeMap<(u16, &str), &KeptResponse> =
        catalogue.kept_responses.iter().map(|kept| ((kept.status, kept.name.as_str()), kept)).collect();
    for kept in kept.into_values() {
        let description = if statuses.contains(&kept.status) {
            format!(
                "**Deprecated:** the response for HTTP status {status} under the name an earlier \
                 version gave it, kept so that documents that reference it still resolve: \
                 reference `{name}` instead.\n\n{text}",
                status = kept.status,
                name = catalogue.response_name(kept.status),
                text = status_description(catalogue, kept.status),
            )
        } else {
            format!(
                "**Deprecated:** no error of this catalogue is answered with HTTP status {status} \
                 any more; the response is kept so that documents that reference it still \
                 resolve.\n\n{text}",
                status = kept.status,
                text = status_description(catalogue, kept.status),
            )
        };
        let response =
            Response { deprecated: Some(true), ..response(catalogue, kept.status, description, false) };
        responses.push(kept.name.clone(), response);
    }
    responses
}

/// `components/headers`: `Retry-After`, when a response declares it.
pub(super) fn headers(catalogue: &Catalogue) -> OrderedMap<Header> {
    let mut headers = OrderedMap::new();
    let declared = catalogue.responses().iter().any(|(_, status)| RETRY_AFTER_STATUSES.contains(status));
    if catalogue.http && declared {
        let delay = Schema {
            kind: Some("integer"),
            minimum: Some(0),
            description: Some("`delay-seconds`: how many seconds to wait.".to_owned()),
            ..Schema::default()
        };
        let date = Schema {
            kind: Some("string"),
            description: Some(
                "An `HTTP-date` after which to retry, as `Sun, 06 Nov 1994 08:49:37 GMT`.".to_owned(),
            ),
            ..Schema::default()
        };
        headers.push(
            RETRY_AFTER,
            Header {
                description: "How long the client should wait before it sends the request again \
                              (RFC 9110, section 10.2.3): a number of seconds, or an HTTP-date.",
                schema: Schema { any_of: Some(vec![delay, date]), ..Schema::default() },
            },
        );
    }
    headers
}

/// One response: `Retry-After` where it applies, the body schema and,
/// with `examples`, an example per application code answered with `status`.
fn response(catalogue: &Catalogue, status: u16, description: String, with_examples: bool) -> Response {
    let mut headers = OrderedMap::new();
    if RETRY_AFTER_STATUSES.contains(&status) {
        headers.push(RETRY_AFTER, Reference { reference: format!("#/components/headers/{RETRY_AFTER}") });
    }
    let mut content = OrderedMap::new();
    let Some(body) = &catalogue.body else {
        // No body declared: the status is all a response is known to say.
        return Response { description, headers, content, deprecated: None };
    };
    let examples = if with_examples { examples(catalogue, body, status) } else { OrderedMap::new() };
    // The typed unions, when rows have params: a client generated from a
    // path that references the response reads each code's params.
    let typed = rows_have_params(catalogue);
    let reference = |plain: &str, typed_name: &str| Schema {
        reference: Some(format!("#/components/schemas/{}", if typed { typed_name } else { plain })),
        ..Schema::default()
    };
    content
        .push(body.media_type(), MediaType { schema: reference(BODY_SCHEMA, TYPED_BODY_SCHEMA), examples });
    if let Some(details) = &catalogue.problem_details {
        let examples = if with_examples {
            problem_examples(catalogue, body, details, status)
        } else {
            OrderedMap::new()
        };
        content.push(
            "application/problem+json",
            MediaType { schema: reference(PROBLEM_SCHEMA, TYPED_PROBLEM_SCHEMA), examples },
        );
    }
    Response { description, headers, content, deprecated: None }
}
