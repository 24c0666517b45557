//! The guide's sections on values, for a catalogue whose errors have
//! them: build one and show its message, answer with it from a server,
//! and read it back on the client. Their examples run as doctests.

use super::{Value, occurrence};
use crate::guide::Section;
use crate::tokens::ident;
use errcat_model::params::{Param, ParamType};
use errcat_model::text::{json_string, rust_str};
use errcat_model::{BodyRole, Catalogue, MessageText};

/// The sections on values; none when no error has params or a message.
/// Answering and reading need the catalogue's error body. `values` are
/// the catalogue's (`values::values`), made once by the caller, which
/// lists them again for the items.
pub(crate) fn sections(catalogue: &Catalogue, values: &[Value<'_>]) -> Vec<Section> {
    let Some(value) = sample(values) else {
        return Vec::new();
    };
    let sample = Sample::of(value);
    let mut sections = vec![build_section(catalogue, &sample)];
    if catalogue.body.is_some() {
        sections.push(server_section(catalogue, &sample));
        sections.push(client_section(catalogue, &sample));
    }
    sections
}

/// The value the examples show: the first whose message shows a param,
/// else the first with params, else the first.
fn sample<'a, 'b>(values: &'b [Value<'a>]) -> Option<&'b Value<'a>> {
    let shows_param =
        |value: &&Value| value.row.message.as_ref().is_some_and(|t| !t.placeholders().is_empty());
    values
        .iter()
        .find(shows_param)
        .or_else(|| values.iter().find(|value| !value.params.is_empty()))
        .or_else(|| values.first())
}

/// What the examples need of the sample value, as Rust and JSON text.
pub(crate) struct Sample<'a> {
    pub(crate) value: &'a Value<'a>,
    /// `{module}::{Ty}`, with `use {krate}::values::{module};` in scope.
    pub(crate) ty: String,
    /// The module's name, as the `use` names it.
    pub(crate) module: String,
    /// The struct literal, every param set (`Some` for an optional one).
    pub(crate) literal: String,
    /// What `Display` writes.
    pub(crate) message: String,
}

impl<'a> Sample<'a> {
    pub(crate) fn of(value: &'a Value<'a>) -> Self {
        let module = ident(&value.table.id).to_string();
        let ty = format!("{module}::{}", ident(&value.row.rust_variant));
        let fields: Vec<String> = value
            .params
            .iter()
            .map(|param| {
                let rust = rust_value(param);
                let rust = if param.required { rust } else { format!("Some({rust})") };
                format!("    {}: {rust},\n", ident(&param.name))
            })
            .collect();
        let literal = format!("{ty} {{\n{}}}", fields.concat());
        let message = match &value.row.message {
            Some(template) => template.render(|name| {
                value.params.iter().find(|param| param.name == name).map_or_else(String::new, |p| shown(p))
            }),
            None => value.row.description.clone(),
        };
        Sample { value, ty, module, literal, message }
    }

    /// `use {krate}::values::{module};`
    pub(crate) fn uses(&self, catalogue: &Catalogue) -> String {
        format!("use {}::values::{};\n", catalogue.crate_ident(), self.module)
    }
}

/// A param's sample, as the reference pages show it: a string its own
/// name, an integer 42, a number 2.5, a boolean `true`, a list two words.
fn rust_value(param: &Param) -> String {
    match param.ty {
        ParamType::String => format!("{}.to_owned()", rust_str(&param.name)),
        ParamType::Integer => "42".to_owned(),
        ParamType::Number => "2.5".to_owned(),
        ParamType::Boolean => "true".to_owned(),
        ParamType::Strings => "vec![\"first\".to_owned(), \"second\".to_owned()]".to_owned(),
    }
}

/// The sample as a message shows it.
pub(crate) fn shown(param: &Param) -> String {
    match param.ty {
        ParamType::String => param.name.clone(),
        ParamType::Integer => "42".to_owned(),
        ParamType::Number => 2.5f64.to_string(),
        ParamType::Boolean => "true".to_owned(),
        ParamType::Strings => "first, second".to_owned(),
    }
}

/// The sample as a JSON member's value.
fn json_value(param: &Param) -> String {
    match param.ty {
        ParamType::String => json_string(&param.name),
        ParamType::Strings => "[\"first\",\"second\"]".to_owned(),
        _ => shown(param),
    }
}

/// Build a value, display it, and turn it into its error.
fn build_section(catalogue: &Catalogue, sample: &Sample) -> Section {
    let krate = catalogue.crate_ident();
    let Value { table, row, variant_text: variant, .. } = sample.value;
    let shows = if row.message.is_some() { "its message, the row's template" } else { "its description" };
    Section {
        heading: "Errors as values".to_owned(),
        intro: format!(
            "With the `alloc` feature (which `serde` turns on), each error with params or a \
             message has a value in `values`: a struct with one public field per param, the \
             catalogue's shared params first (`String`, `i64`, `f64`, `bool`, `Vec<String>`; \
             `Option` when optional). It displays {shows} with each param in its natural \
             text (a number as Rust's `Display` for `f64` writes it), converts into its error \
             and `ErrorCode`, and `ErrorValue` holds a value of any error."
        ),
        code: format!(
            "# #[cfg(feature = \"alloc\")] {{\n\
             {uses}\n\
             let value = {literal};\n\
             assert_eq!(value.to_string(), {message});\n\
             assert_eq!(value.error(), {krate}::{enum_name}::{row_variant});\n\
             assert_eq!(value.code(), {code});\n\n\
             let any = {krate}::values::ErrorValue::from(value.clone());\n\
             assert_eq!(any, {krate}::values::ErrorValue::{variant}(value));\n\
             assert_eq!(any.error(), {krate}::ErrorCode::{outer}({krate}::{enum_name}::{row_variant}));\n\
             # }}",
            uses = sample.uses(catalogue),
            literal = sample.literal,
            message = rust_str(&sample.message),
            enum_name = table.rust_enum,
            row_variant = row.rust_variant,
            code = row.code.rust_literal(),
            outer = table.error_code_variant,
        ),
        http: false,
    }
}

/// Answer with a value, and say when to come back.
fn server_section(catalogue: &Catalogue, sample: &Sample) -> Section {
    let krate = catalogue.crate_ident();
    let media_type =
        if catalogue.problem_details.is_some() { "application/problem+json" } else { "application/json" };
    let shared = catalogue.params.first().map_or(String::new(), |param| {
        format!(
            " What is known of this occurrence travels in the params every error carries \
             (here `{}`), so the handler sets it in the value.",
            param.name
        )
    });
    let members = match &catalogue.body {
        Some(body) if catalogue.problem_details.is_none() && body.member(BodyRole::Message).is_none() => {
            "every param"
        }
        _ => "the message and every param",
    };
    let member = occurrence::member(catalogue);
    let (with_intro, with_code) = match &member {
        Some((key, field)) => (
            format!(
                " The answer's member naming this occurrence, `{key}`, is no param: \
                 `with_{field}` on the value (or on an `ErrorValue`) adds it."
            ),
            format!(
                "\n\n// With the member naming this occurrence, beside the params.\n\
                 let response = value().with_{field}({sample}).into_response();\n\
                 assert_eq!(response.status(), {status});",
                sample = rust_str(occurrence_sample(catalogue)),
                status = sample.value.row.http_status,
            ),
        ),
        None => (String::new(), String::new()),
    };
    Section {
        heading: "Answer with a value".to_owned(),
        intro: format!(
            "With the `axum` feature, every value and `ErrorValue` implement `IntoResponse`: \
             the error's status, and the body with {members} as members, as `{media_type}`. Put a `RetryAfter` before it in a tuple to say when to try again.\
             {shared}{with_intro}"
        ),
        code: format!(
            "# #[cfg(feature = \"axum\")] {{\n\
             use {krate}::RetryAfter;\n\
             use {krate}::axum_core::response::IntoResponse;\n\
             {uses}\n\
             fn value() -> {ty} {{\n\
             {literal}\n\
             }}\n\n\
             async fn handler() -> ::core::result::Result<String, (RetryAfter, {ty})> {{\n\
             \x20   Err((RetryAfter::seconds(7), value()))\n\
             }}\n\n\
             let response = (RetryAfter::seconds(7), value()).into_response();\n\
             assert_eq!(response.status(), {status});\n\
             assert_eq!(response.headers()[\"retry-after\"], \"7\");\n\
             assert_eq!(response.headers()[\"content-type\"], \"{media_type}\");\n\n\
             // Any value, as a handler that can fail in several ways returns it.\n\
             let response = {krate}::values::ErrorValue::from(value()).into_response();\n\
             assert_eq!(response.status(), {status});{with_code}\n\
             # let _ = handler;\n\
             # }}",
            uses = sample.uses(catalogue),
            ty = sample.ty,
            literal = indent(&sample.literal),
            status = sample.value.row.http_status,
        ),
        http: true,
    }
}

/// Read a value back from an answer's body.
fn client_section(catalogue: &Catalogue, sample: &Sample) -> Section {
    let krate = catalogue.crate_ident();
    let Value { row, variant_text: variant, .. } = sample.value;
    let required = sample.value.params.iter().find(|param| param.required);
    let tolerant = match required {
        Some(param) => format!(
            "\n\n// A body without a required param has no value, and keeps its code.\n\
             let body = {body};\n\
             let error = ApiError::from_response({status}, body.as_bytes());\n\
             assert_eq!(error.value(), None);\n\
             assert_eq!(error.error_code(), Some({krate}::ErrorCode::from(value.error())));",
            body = rust_str(&body_json(catalogue, sample, Some(&param.name))),
            status = row.http_status,
        ),
        None => String::new(),
    };
    let member = match occurrence::member(catalogue) {
        Some((key, field)) => format!(
            "\n\n// The member naming this occurrence, `{key}`, as the catalogue's answers carry it.\n\
             let body = serde_json::to_string(&value.clone().with_{field}({sample})).unwrap();\n\
             let error = ApiError::from_response({status}, body.as_bytes());\n\
             assert_eq!({read}, Some({sample}.to_owned()));\n\
             assert_eq!(error.value(), Some(ErrorValue::from(value.clone())));",
            sample = rust_str(occurrence_sample(catalogue)),
            status = row.http_status,
            read = match (&catalogue.problem_details, ident(&field)) {
                (Some(_), field) => format!("error.problem_details().and_then(|problem| problem.{field})"),
                (None, field) => format!("error.body().and_then(|body| body.{field}.clone())"),
            },
        ),
        None => String::new(),
    };
    Section {
        heading: "Read a value back".to_owned(),
        intro: "With the `serde` feature, a value is written as the body it answers with, and \
                `ApiError::value` reads the value of a parsed answer back, typed: an \
                `ErrorValue` to match on. A param missing or of the wrong type never loses the \
                code: `error_code()` and `raw_body()` still have it (an optional param sent \
                with the wrong type reads as absent)."
            .to_owned(),
        code: format!(
            "# #[cfg(feature = \"serde\")] {{\n\
             use {krate}::ApiError;\n\
             use {krate}::values::ErrorValue;\n\
             {uses}\n\
             let value = {literal};\n\
             let body = serde_json::to_string(&value).unwrap();\n\
             assert_eq!(body, {json});\n\n\
             let error = ApiError::from_response({status}, body.as_bytes());\n\
             let Some(ErrorValue::{variant}(read)) = error.value() else {{\n\
             \x20   panic!(\"the body has the error's params\");\n\
             }};\n\
             assert_eq!(read, value);{member}{tolerant}\n\
             # }}",
            uses = sample.uses(catalogue),
            literal = sample.literal,
            json = rust_str(&body_json(catalogue, sample, None)),
            status = row.http_status,
        ),
        http: true,
    }
}

/// The body the sample value is written as, without the param `without`
/// if given: as the value's `Serialize` writes it.
fn body_json(catalogue: &Catalogue, sample: &Sample, without: Option<&str>) -> String {
    let Some(body) = &catalogue.body else {
        return String::new();
    };
    let row = sample.value.row;
    let message = match (&row.message, body.message_text) {
        (Some(_), _) => sample.message.clone(),
        (None, MessageText::Name) => row.name.clone(),
        (None, MessageText::Description) => row.description.clone(),
    };
    let code = (json_string(&body.code().key), row.code.json());
    let mut members = Vec::new();
    match &catalogue.problem_details {
        Some(details) => {
            members.push(("\"type\"".to_owned(), json_string(&details.type_uri(row))));
            members.push(("\"title\"".to_owned(), json_string(&row.name)));
            members.push(("\"status\"".to_owned(), row.http_status.to_string()));
            members.push(("\"detail\"".to_owned(), json_string(&message)));
            members.push(code);
        }
        None => {
            members.push(code);
            if let Some(member) = body.member(BodyRole::Message) {
                members.push((json_string(&member.key), json_string(&message)));
            }
        }
    }
    for param in sample.value.params.iter().filter(|param| Some(param.name.as_str()) != without) {
        members.push((json_string(&param.name), json_value(param)));
    }
    let object: Vec<String> = members.iter().map(|(key, value)| format!("{key}:{value}")).collect();
    let object = format!("{{{}}}", object.join(","));
    match (&body.envelope, &catalogue.problem_details) {
        (Some(envelope), None) => format!("{{{}:{object}}}", json_string(envelope)),
        _ => object,
    }
}

/// What the examples name an occurrence with: a URI for `instance`, else an id.
fn occurrence_sample(catalogue: &Catalogue) -> &'static str {
    if catalogue.problem_details.is_some() { "/calls/a1b2" } else { "a1b2" }
}

/// `text` indented by four spaces, line by line.
fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}")).collect::<Vec<_>>().join("\n")
}
