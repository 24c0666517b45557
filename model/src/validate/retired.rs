//! Retired codes: both `retired:` lists, each code retired once, never reused.

use std::collections::HashMap;

use super::{Problems, Skipped, check_text, is_table_id, table_path};
use crate::source::SpecPath;
use crate::spec::{SpecFile, SpecRetired};
use crate::text_rules::shown;
use crate::{Code, Retired};

/// Checks both kinds of `retired:` list: a table's own, and the top-level
/// one for tables that are gone. `codes` holds every row's code.
pub(super) fn check_retired(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
    codes: &HashMap<Code, String>,
) -> Vec<Retired> {
    let per_table =
        spec.tables.iter().enumerate().filter(|(t, _)| !skipped.tables.contains(t)).flat_map(|(t, table)| {
            table
                .retired
                .iter()
                .enumerate()
                .filter(move |(i, _)| !skipped.table_retired.contains(&(t, *i)))
                .map(move |(i, entry)| (table_path(t).field("retired").index(i), Some(table), entry))
        });
    let top_level = spec
        .retired
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped.retired.contains(i))
        .map(|(i, entry)| (SpecPath::root().field("retired").index(i), None, entry));
    let mut seen: HashMap<Code, SpecPath> = HashMap::new();
    let mut retired = Vec::new();
    for (at, owner, entry) in per_table.chain(top_level) {
        let SpecRetired { code, name, reason, table } = entry;
        let here = format!("retired code {code} (`{}`)", shown(name));
        let code = problems.code(at.field("code"), &here, "the code", code);
        let table = match (owner, table) {
            (Some(owner), None) => owner.id.clone(),
            (Some(owner), Some(named)) => {
                problems.push(
                    at.field("table"),
                    format!("{here}: `table: {named}` inside table `{}`'s own `retired:` list", owner.id),
                    "remove `table`: a table's own `retired:` list belongs to that table",
                );
                owner.id.clone()
            }
            (None, Some(named)) => {
                if !is_table_id(named) {
                    problems.push(
                        at.field("table"),
                        format!("{here}: `table: {named}` is not a table id"),
                        "write the snake_case id the table had, e.g. `table: auth`",
                    );
                }
                named.clone()
            }
            (None, None) => {
                problems.push(
                    at.clone(),
                    format!("{here}: the top-level `retired:` list needs `table`"),
                    "add the id of the table the code belonged to, e.g. `table: auth`, or move the entry into that table's own `retired:` list",
                );
                String::new()
            }
        };
        for (field, value) in [("name", name), ("reason", reason)] {
            if value.trim().is_empty() {
                problems.push(
                    at.field(field),
                    format!("{here}: `{field}` is blank"),
                    if field == "name" {
                        "write the name the code was published with"
                    } else {
                        "say why the code was withdrawn and what to use instead"
                    },
                );
            }
            check_text(problems, at.clone(), &here, field, value);
        }
        if let Some(row) = codes.get(&code) {
            problems.push(
                at.field("code"),
                format!("{here}: the code is retired but {row} uses it"),
                "a retired code is never reused: give the row a new code, or remove the entry if the code was never published",
            );
        }
        if let Some(first) = seen.insert(code.clone(), at.clone()) {
            problems.push(
                at.field("code"),
                format!("{here}: the code is already retired at `{first}`"),
                "list each retired code once",
            );
        }
        retired.push(Retired { code, name: name.clone(), table, reason: reason.clone(), at });
    }
    retired
}
