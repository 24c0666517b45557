//! The rows and values that the generated doc examples show.

use crate::model::{Body, BodyRole, Catalogue, MessageText, Row, Table};
use crate::text::json_string;

/// The smallest number that no table uses as a code, for "not found" examples.
pub(super) fn unused_code(catalogue: &Catalogue) -> u32 {
    let mut used: Vec<u32> = catalogue.rows().map(|(_, row)| row.code).collect();
    used.sort_unstable();
    (0..).find(|c| used.binary_search(c).is_err()).expect("fewer than 2^32 codes")
}

/// A string that is not a name in `table`, for "not found" examples: the
/// first name in lower case, or failing that an empty string.
pub(super) fn missing_name(table: &Table) -> String {
    let lower = table.rows[0].name.to_lowercase();
    if table.rows.iter().any(|row| row.name == lower) { String::new() } else { lower }
}

/// The row the examples use: one with an alias if any, else one with a
/// recovery outside the HTTP status table, else the last row; a deprecated
/// row only when nothing else fits.
pub(super) fn sample_row(catalogue: &Catalogue) -> (&Table, &Row) {
    let custom = || {
        catalogue
            .rows()
            .filter(|(table, row)| Some(*table) != catalogue.http_table() && row.deprecated.is_none())
    };
    custom()
        .find(|(_, row)| !row.aliases.is_empty())
        .or_else(|| custom().find(|(_, row)| row.recovery.is_some()))
        .or_else(|| catalogue.rows().last())
        .expect("a validated catalogue has rows")
}

/// The error body a service sends for `row`: its code, its message, and
/// the occurrence id `occurrence` when given, as the body declares them.
pub(super) fn sample_body(body: &Body, row: &Row, occurrence: Option<&str>) -> String {
    let message = match body.message_text {
        MessageText::Name => &row.name,
        MessageText::Description => &row.description,
    };
    let mut values = vec![(BodyRole::Code, row.code.to_string()), (BodyRole::Message, json_string(message))];
    if let Some(id) = occurrence {
        values.push((BodyRole::OccurrenceId, json_string(id)));
    }
    body_json(body, &values)
}

/// A JSON body with `values` (JSON texts) in the members of their roles,
/// in the body's order, inside its envelope if it has one.
pub(super) fn body_json(body: &Body, values: &[(BodyRole, String)]) -> String {
    let members: Vec<String> = body
        .members
        .iter()
        .filter_map(|member| {
            let (_, value) = values.iter().find(|(role, _)| *role == member.role)?;
            Some(format!("{}:{value}", json_string(&member.key)))
        })
        .collect();
    let inner = format!("{{{}}}", members.join(","));
    match &body.envelope {
        Some(key) => format!("{{{}:{inner}}}", json_string(key)),
        None => inner,
    }
}
