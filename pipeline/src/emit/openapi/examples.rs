//! The examples: each code's error body, keyed once per response, and
//! the problem details of each code whose error carries params.

use std::collections::HashSet;

use serde::Serialize;

use super::DESCRIPTION;
use crate::emit::yaml::OrderedMap;
use errcat_model::params::ParamType;
use errcat_model::{Body, BodyRole, Catalogue, Code, MessageText, ProblemDetails, Row, TableKind};

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
                value: BodyExample::of(catalogue, body, row, &row.code),
            },
        );
        for alias in &row.aliases {
            let key = format!("{}_{alias}", row.name);
            examples.push(
                keys.unique(key.clone(), || key),
                Example {
                    summary: Some(format!("{alias} {} (an alias of {})", row.name, row.code)),
                    description: None,
                    value: BodyExample::of(catalogue, body, row, alias),
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
            && row.http_status == status
            && !(row.params.is_empty() && catalogue.params.is_empty())
    });
    for (_, row) in rows {
        let mut members = OrderedMap::new();
        members.push("type", BodyExample::Text(format!("{}#{}", details.type_base, row.code.anchor())));
        members.push("title", BodyExample::Text(row.name.clone()));
        members.push("status", BodyExample::Integer(i64::from(status)));
        members.push("detail", BodyExample::Text(message(row).unwrap_or_else(|| row.description.clone())));
        members.push(body.code().key.clone(), BodyExample::Code(row.code.clone()));
        push_params(&mut members, catalogue, row);
        examples.push(
            keys.unique(row.name.clone(), || format!("{}_{}", row.name, row.code)),
            Example { summary: None, description: None, value: BodyExample::Object(members) },
        );
    }
    examples
}

/// A param's sample value: one per type, so that an example shows the
/// type and its message reads naturally.
fn sample(ty: ParamType) -> BodyExample {
    match ty {
        ParamType::String => BodyExample::Text("example".to_owned()),
        ParamType::Integer => BodyExample::Integer(42),
        ParamType::Number => BodyExample::Number(2.5),
        ParamType::Boolean => BodyExample::Boolean(true),
        ParamType::Strings => BodyExample::List(vec!["example".to_owned(), "another".to_owned()]),
    }
}

/// The row's message rendered with the sample values, if it has one:
/// strings as they are, numbers as Rust's `Display` writes them.
fn message(row: &Row) -> Option<String> {
    let template = row.message.as_ref()?;
    Some(template.render(|name| {
        match row.params.iter().find(|param| param.name == name).map(|param| sample(param.ty)) {
            Some(BodyExample::Text(text)) => text,
            Some(BodyExample::Integer(n)) => n.to_string(),
            Some(BodyExample::Number(n)) => n.to_string(),
            Some(BodyExample::Boolean(b)) => b.to_string(),
            // Validation lets a template show only a row's own params of
            // a type text shows.
            _ => unreachable!("a template shows only its row's params, each one text can show"),
        }
    }))
}

/// Every param the error carries, shared ones first, each with its sample.
fn push_params(members: &mut OrderedMap<BodyExample>, catalogue: &Catalogue, row: &Row) {
    for param in catalogue.params.iter().chain(&row.params) {
        members.push(param.name.clone(), sample(param.ty));
    }
}

/// An error body as a service sends it: its members, in the body's
/// order, inside its envelope if it has one.
#[derive(Serialize)]
#[serde(untagged)]
enum BodyExample {
    Code(Code),
    Text(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    List(Vec<String>),
    Object(OrderedMap<BodyExample>),
}

impl BodyExample {
    /// The body for `row` sent with `code` (its own or an alias): the
    /// code, the message (the row's rendered, if it has one), the
    /// description as details when the message is the name, and the params.
    fn of(catalogue: &Catalogue, body: &Body, row: &Row, code: &Code) -> BodyExample {
        let mut members = OrderedMap::new();
        for member in &body.members {
            let value = match (member.role, body.message_text) {
                (BodyRole::Code, _) => BodyExample::Code(code.clone()),
                (BodyRole::Message, _) if row.message.is_some() => {
                    BodyExample::Text(message(row).unwrap_or_default())
                }
                (BodyRole::Message, MessageText::Name) => BodyExample::Text(row.name.clone()),
                (BodyRole::Message, MessageText::Description) => BodyExample::Text(row.description.clone()),
                (BodyRole::Details, MessageText::Name) => BodyExample::Text(row.description.clone()),
                (BodyRole::Details, MessageText::Description) | (BodyRole::OccurrenceId, _) => continue,
            };
            members.push(member.key.clone(), value);
        }
        push_params(&mut members, catalogue, row);
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
