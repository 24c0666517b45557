//! The sample values the docs show: one per param type, the message a
//! row's template renders with them and the body an answer carries. The
//! OpenAPI examples, the Markdown reference and the index page all show
//! these, so that the three never disagree.

use serde::Serialize;

use crate::emit::yaml::OrderedMap;
use errcat_model::params::{Param, ParamType};
use errcat_model::{Body, BodyRole, Catalogue, Code, MessageText, ProblemDetails, Row};

/// A value in an example body, serialised as JSON or YAML writes it.
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum Sample {
    Code(Code),
    Text(String),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    List(Vec<String>),
    Object(OrderedMap<Sample>),
}

impl Sample {
    /// `param`'s sample: a string its own name (so that a message reads
    /// `Table 'table' doesn't exist`), an integer 42, a number 2.5, a
    /// boolean `true`, a list two words.
    pub(crate) fn of_param(param: &Param) -> Sample {
        match param.ty {
            ParamType::String => Sample::Text(param.name.clone()),
            ParamType::Integer => Sample::Integer(42),
            ParamType::Number => Sample::Number(2.5),
            ParamType::Boolean => Sample::Boolean(true),
            ParamType::Strings => Sample::List(vec!["first".to_owned(), "second".to_owned()]),
        }
    }

    /// How a message shows it: text as it is, a number as Rust's
    /// `Display` writes it (as the generated crate's messages do).
    fn shown(&self) -> String {
        match self {
            Sample::Text(text) => text.clone(),
            Sample::Integer(n) => n.to_string(),
            Sample::Number(n) => n.to_string(),
            Sample::Boolean(b) => b.to_string(),
            Sample::Code(code) => code.word(),
            Sample::List(items) => items.join(", "),
            Sample::Object(_) => String::new(),
        }
    }

    /// The body `row` is answered with under `code` (its own or an
    /// alias), as the generated crate's `ErrorBody::from(error)` writes it:
    /// the code, the message (the row's template rendered, if it has one)
    /// and every param the error carries, inside the envelope if the body
    /// has one. The optional members are an occurrence's, not the row's.
    pub(crate) fn body(catalogue: &Catalogue, body: &Body, row: &Row, code: &Code) -> Sample {
        let mut members = OrderedMap::new();
        for member in &body.members {
            let value = match (member.role, body.message_text) {
                (BodyRole::Code, _) => Sample::Code(code.clone()),
                (BodyRole::Message, _) if row.message.is_some() => {
                    Sample::Text(message(catalogue, row).unwrap_or_default())
                }
                (BodyRole::Message, MessageText::Name) => Sample::Text(row.name.clone()),
                (BodyRole::Message, MessageText::Description) => Sample::Text(row.description.clone()),
                (BodyRole::Details | BodyRole::OccurrenceId, _) => continue,
            };
            members.push(member.key.clone(), value);
        }
        push_params(&mut members, catalogue, row);
        match &body.envelope {
            Some(key) => {
                let mut envelope = OrderedMap::new();
                envelope.push(key.clone(), Sample::Object(members));
                Sample::Object(envelope)
            }
            None => Sample::Object(members),
        }
    }

    /// The problem details `row` is answered with: its `type` (the code's
    /// anchor under the type base), `title` (the name), `status`, `detail`
    /// (the message, or the description), the code and every param.
    pub(crate) fn problem(
        catalogue: &Catalogue,
        body: &Body,
        details: &ProblemDetails,
        row: &Row,
        status: u16,
    ) -> Sample {
        let mut members = OrderedMap::new();
        members.push("type", Sample::Text(format!("{}#{}", details.type_base, row.code.anchor())));
        members.push("title", Sample::Text(row.name.clone()));
        members.push("status", Sample::Integer(i64::from(status)));
        members
            .push("detail", Sample::Text(message(catalogue, row).unwrap_or_else(|| row.description.clone())));
        members.push(body.code().key.clone(), Sample::Code(row.code.clone()));
        push_params(&mut members, catalogue, row);
        Sample::Object(members)
    }

    /// The answer a row's page entry shows: its problem details if the
    /// catalogue answers with them, else its body, as pretty JSON; `None`
    /// when the catalogue declares no body.
    pub(crate) fn answer_json(catalogue: &Catalogue, row: &Row) -> Option<String> {
        let body = catalogue.body.as_ref()?;
        let sample = match &catalogue.problem_details {
            Some(details) => Sample::problem(catalogue, body, details, row, row.http_status),
            None => Sample::body(catalogue, body, row, &row.code),
        };
        serde_json::to_string_pretty(&sample).ok()
    }
}

/// The row's message rendered with the sample values, if it has one. A
/// template may show the params every error carries as well as its row's.
pub(crate) fn message(catalogue: &Catalogue, row: &Row) -> Option<String> {
    let template = row.message.as_ref()?;
    Some(template.render(|name| {
        let param = catalogue.params.iter().chain(&row.params).find(|param| param.name == name);
        // Validation refuses a placeholder naming no param; should one get
        // through, the page shows its name rather than nothing.
        param.map_or_else(|| name.to_owned(), |param| Sample::of_param(param).shown())
    }))
}

/// Every param the error carries, shared ones first, each with its sample.
pub(crate) fn push_params(members: &mut OrderedMap<Sample>, catalogue: &Catalogue, row: &Row) {
    for param in catalogue.params.iter().chain(&row.params) {
        members.push(param.name.clone(), Sample::of_param(param));
    }
}
