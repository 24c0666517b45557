//! The rows and values that the generated doc examples show.

use crate::model::{Catalogue, Row, Table};
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

/// A Knox-shaped error body for `row`.
pub(super) fn sample_body(row: &Row, error_id: Option<&str>) -> String {
    let mut body = format!("{{\"code\":{},\"message\":{}", row.code, json_string(&row.name));
    if let Some(id) = error_id {
        body.push_str(&format!(",\"errorId\":{}", json_string(id)));
    }
    body.push('}');
    body
}
