//! The rows and values that the generated doc examples show.

use errcat_model::text::json_string;
use errcat_model::{Body, BodyRole, Catalogue, Code, CodeKind, MessageText, Row, Table};

/// A code that no table uses, for "not found" examples, as a Rust
/// literal: the smallest such number (`0`), or a string code such as
/// `"unknown"` (`"unknown_1"`… if a row or an alias has that one).
pub(super) fn unused_code(catalogue: &Catalogue) -> String {
    match catalogue.codes {
        CodeKind::Integer => {
            // Of n codes, one of 0..=n is free: mark those taken, in one
            // pass (tables call this, so no sort of every code each time).
            let rows = catalogue.rows().count();
            let mut taken = vec![false; rows + 1];
            for code in catalogue.rows().filter_map(|(_, row)| row.code.integer()) {
                if let Some(slot) = usize::try_from(code).ok().and_then(|code| taken.get_mut(code)) {
                    *slot = true;
                }
            }
            let free = taken.iter().position(|&taken| !taken).expect("n codes leave one of 0..=n free");
            free.to_string()
        }
        CodeKind::String => {
            // Not an alias either: `from_code` finds those too.
            let used = |code: &str| {
                let code = Code::String(code.to_owned());
                catalogue.rows().any(|(_, row)| row.code == code || row.aliases.contains(&code))
            };
            let code = std::iter::once("unknown".to_owned())
                .chain((1..).map(|n| format!("unknown_{n}")))
                .find(|code| !used(code))
                .expect("some suffix is free");
            Code::String(code).rust_literal()
        }
    }
}

/// A string that is not a name in `table`, for "not found" examples: the
/// first name in lower case, or failing that an empty string.
pub(super) fn missing_name(table: &Table) -> String {
    let lower = table.rows[0].name.to_lowercase();
    let mut names = table
        .rows
        .iter()
        .flat_map(|row| std::iter::once(&row.name).chain(row.also_named.iter().map(|other| &other.name)));
    if names.any(|name| *name == lower) { String::new() } else { lower }
}

/// The row the examples use: one with an alias if any, else one with a
/// recovery outside the HTTP status table, else the last row; a deprecated
/// row, or one an HTTP catalogue never answers with (`http_status: none`),
/// only when nothing else fits.
pub(super) fn sample_row(catalogue: &Catalogue) -> (&Table, &Row) {
    // In an HTTP catalogue, a row that travels with a status of its own:
    // the examples show what a server answers with.
    let answered = |row: &Row| !catalogue.http || row.http_status != 0;
    let custom = || {
        catalogue.rows().filter(|(table, row)| {
            Some(*table) != catalogue.http_table() && row.deprecated.is_none() && answered(row)
        })
    };
    custom()
        .find(|(_, row)| !row.aliases.is_empty())
        .or_else(|| custom().find(|(_, row)| row.recovery.is_some()))
        .or_else(|| catalogue.rows().filter(|(_, row)| answered(row)).last())
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
    let mut values = vec![(BodyRole::Code, row.code.json()), (BodyRole::Message, json_string(message))];
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use errcat_model::spec::SpecFile;
    use errcat_model::{Catalogue, Skipped, validate_skipping};

    use super::unused_code;

    /// A catalogue of one table with these codes.
    fn catalogue(codes: &[u32]) -> Catalogue {
        let rows: String = codes
            .iter()
            .enumerate()
            .map(|(i, code)| format!("      - {{code: {code}, name: Error {i}, description: Error {i}.}}\n"))
            .collect();
        let text = format!(
            "title: T\ncrate: t-errors\nversion: 1.0.0\ntables:\n  - id: app\n    title: App\n    summary: App.\n    errors:\n{rows}"
        );
        let spec: SpecFile = serde_yaml::from_str(&text).expect("the spec parses");
        validate_skipping(Path::new("t.yaml"), &text, &spec, &Skipped::default()).expect("the spec is valid")
    }

    #[test]
    fn the_unused_integer_code_is_the_smallest_free_one() {
        assert_eq!(unused_code(&catalogue(&[1, 5])), "0");
        assert_eq!(unused_code(&catalogue(&[0, 2, 1, 4])), "3");
        assert_eq!(unused_code(&catalogue(&[2, 1, 0])), "3");
        assert_eq!(unused_code(&catalogue(&[0, 4_000_000_000])), "1");
    }
}
