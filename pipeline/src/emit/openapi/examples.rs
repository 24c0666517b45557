//! The examples: each code's error body, keyed once per response, and
//! the problem details of each code whose error carries params.

use std::collections::HashSet;

use serde::Serialize;

use super::DESCRIPTION;
use crate::emit::sample::Sample;
use crate::emit::yaml::OrderedMap;
use errcat_model::{Body, Catalogue, ProblemDetails, TableKind};

/// The examples of the response for `status`: one per application code
/// answered with it, then one per alias.
pub(super) fn examples(catalogue: &Catalogue, body: &Body, status: u16) -> OrderedMap<Example> {
    let mut examples = OrderedMap::new();
    let mut keys = ExampleKeys::default();
    for (_, row) in catalogue
        .rows()
        .filter(|(table, row)| table.kind == TableKind::Custom && row.statuses().any(|s| s == status))
    {
        examples.push(
            keys.unique(row.name.clone(), || format!("{}_{}", row.name, row.code)),
            Example {
                summary: None,
                description: row
                    .deprecated
                    .as_ref()
                    .map(|note| format!("Deprecated: {}", DESCRIPTION.inline(note))),
                value: super::xml::body_example(catalogue, body, row, &row.code),
            },
        );
        for alias in &row.aliases {
            let key = format!("{}_{alias}", row.name);
            examples.push(
                keys.unique(key.clone(), || key),
                Example {
                    summary: Some(format!("{alias} {} (an alias of {})", row.name, row.code)),
                    description: None,
                    value: super::xml::body_example(catalogue, body, row, alias),
                },
            );
        }
    }
    examples
}

#[derive(Serialize)]
pub(super) struct Example {
    /// Only where the key and the value do not say it all (an alias): a
    /// code's example is keyed by its name and shows its code, and a
    /// summary repeating both cost about 65 bytes per code and document.
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    value: Sample,
}

/// The examples of the problem details for `status`: one per application
/// code answered with it whose error carries params, its message the
/// `detail`.
pub(super) fn problem_examples(
    catalogue: &Catalogue,
    body: &Body,
    details: &ProblemDetails,
    status: u16,
) -> OrderedMap<Example> {
    let mut examples = OrderedMap::new();
    let mut keys = ExampleKeys::default();
    let rows = catalogue.rows().filter(|(table, row)| {
        table.kind == TableKind::Custom
            && row.statuses().any(|s| s == status)
            && !(row.params.is_empty() && catalogue.params.is_empty())
    });
    for (_, row) in rows {
        examples.push(
            keys.unique(row.name.clone(), || format!("{}_{}", row.name, row.code)),
            Example {
                summary: None,
                description: None,
                value: Sample::problem(catalogue, body, details, row, status),
            },
        );
    }
    examples
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
