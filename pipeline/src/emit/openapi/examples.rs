//! The examples: each code's error body, keyed once per response.

use std::collections::HashSet;

use serde::Serialize;

use super::DESCRIPTION;
use crate::emit::yaml::OrderedMap;
use errcat_model::{Body, BodyRole, Catalogue, Code, MessageText, Row, TableKind};

/// The examples of the response for `status`: one per application code
/// answered with it, then one per alias.
pub(super) fn examples(catalogue: &Catalogue, body: &Body, status: u16) -> OrderedMap<Example> {
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
                    .map(|note| format!("Deprecated: {}", DESCRIPTION.inline(note))),
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
