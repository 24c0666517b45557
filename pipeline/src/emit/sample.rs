//! The sample values the docs show: one per param type, the message a
//! row's template renders with them and the body an answer carries. The
//! OpenAPI examples, the Markdown reference and the index page all show
//! these, so that the three never disagree.

use serde::Serialize;

use crate::emit::yaml::OrderedMap;
use errcat_model::params::{Param, ParamType, Template};
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

    /// `param`'s sample as `shown` writes it, appended to `out` without
    /// making the sample: a row's message is rendered for each output.
    pub(crate) fn push_shown_of(param: &Param, out: &mut String) {
        out.push_str(match param.ty {
            ParamType::String => &param.name,
            ParamType::Integer => "42",
            ParamType::Number => "2.5",
            ParamType::Boolean => "true",
            ParamType::Strings => "first, second",
        });
    }

    /// How a message shows it: text as it is, a number as Rust's
    /// `Display` writes it (as the generated crate's messages do).
    pub(crate) fn shown(&self) -> String {
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
    /// catalogue answers with them, else its body; `None` when the
    /// catalogue declares no body.
    pub(crate) fn answer(catalogue: &Catalogue, row: &Row) -> Option<Sample> {
        let body = catalogue.body.as_ref()?;
        Some(match &catalogue.problem_details {
            Some(details) => Sample::problem(catalogue, body, details, row, row.http_status),
            None => Sample::body(catalogue, body, row, &row.code),
        })
    }

    /// Appends it as `serde_json::to_string_pretty` writes it, escaped as
    /// `push_html` escapes text, in one pass: the page shows an answer a
    /// row, and a `String` of JSON escaped again cost twice the writing.
    /// `indent` is the depth of the value (0 at the top).
    pub(crate) fn push_json_html(&self, out: &mut String, indent: usize) {
        match self {
            Sample::Code(Code::Integer(code)) => push_display(out, code),
            Sample::Code(Code::String(code)) | Sample::Text(code) => push_json_string_html(out, code),
            Sample::Integer(n) => push_display(out, n),
            // serde_json's shortest form, which `Display` is not for every
            // number; the samples hold one number.
            Sample::Number(n) => out.push_str(&serde_json::to_string(n).unwrap_or_default()),
            Sample::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
            Sample::List(items) => push_json_block(out, indent, ('[', ']'), items, |out, item| {
                push_json_string_html(out, item);
            }),
            Sample::Object(members) => {
                push_json_block(out, indent, ('{', '}'), &members.0, |out, (key, value)| {
                    push_json_string_html(out, key);
                    out.push_str(": ");
                    value.push_json_html(out, indent + 1);
                });
            }
        }
    }
}

fn push_display(out: &mut String, value: &impl std::fmt::Display) {
    use std::fmt::Write as _;
    // Writing to a `String` does not fail.
    let _ = write!(out, "{value}");
}

/// An array's or an object's items as serde_json's pretty printer lays
/// them out: one a line, two spaces deeper, or `[]` and `{}` when empty.
fn push_json_block<T>(
    out: &mut String,
    indent: usize,
    (open, close): (char, char),
    items: &[T],
    mut item: impl FnMut(&mut String, &T),
) {
    out.push(open);
    if !items.is_empty() {
        for (i, each) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            push_spaces(out, indent + 1);
            item(out, each);
        }
        out.push('\n');
        push_spaces(out, indent);
    }
    out.push(close);
}

fn push_spaces(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

/// `text` as a JSON string, escaped as serde_json escapes it (a quote and
/// a backslash, the short escapes, any other control character as
/// `\u00xx`), then as `push_html` escapes text.
fn push_json_string_html(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("&quot;");
    // By bytes, as `push_html`: each escaped character is ASCII.
    let mut literal = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\&quot;",
            b'\\' => "\\\\",
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\'' => "&#39;",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[literal..at]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        literal = at + 1;
    }
    out.push_str(&text[literal..]);
    out.push_str("&quot;");
}

/// The row's message rendered with the sample values, if it has one. A
/// template may show the params every error carries as well as its row's.
pub(crate) fn message(catalogue: &Catalogue, row: &Row) -> Option<String> {
    Some(rendered(catalogue, row, row.message.as_ref()?))
}

/// `template`, the row's message in some locale, rendered with the
/// sample values.
pub(crate) fn rendered(catalogue: &Catalogue, row: &Row, template: &Template) -> String {
    template.render_with(|name, out| {
        match catalogue.params.iter().chain(&row.params).find(|param| param.name == name) {
            Some(param) => Sample::push_shown_of(param, out),
            // Validation refuses a placeholder naming no param; should one
            // get through, the page shows its name rather than nothing.
            None => out.push_str(name),
        }
    })
}

/// Every param the error carries, shared ones first, each with its sample.
pub(crate) fn push_params(members: &mut OrderedMap<Sample>, catalogue: &Catalogue, row: &Row) {
    for param in catalogue.params.iter().chain(&row.params) {
        members.push(param.name.clone(), Sample::of_param(param));
    }
}

#[cfg(test)]
mod tests {
    use super::Sample;
    use crate::emit::yaml::OrderedMap;
    use errcat_model::Code;
    use errcat_model::params::{Param, ParamType};
    use errcat_model::source::SpecPath;
    use errcat_model::text::push_html;

    #[test]
    fn an_answer_is_pretty_json_escaped_for_a_page() {
        let hostile = "a \"quote\" \\ <b>&amp;</b> it's \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} é 💥";
        let mut inner = OrderedMap::new();
        inner.push("code", Sample::Code(Code::Integer(1205)));
        inner.push("string_code", Sample::Code(Code::String("E<1>".to_owned())));
        inner.push(hostile, Sample::Text(hostile.to_owned()));
        inner.push("n", Sample::Integer(-42));
        inner.push("x", Sample::Number(2.5));
        inner.push("big", Sample::Number(1e21));
        inner.push("yes", Sample::Boolean(true));
        inner.push("no", Sample::Boolean(false));
        inner.push("list", Sample::List(vec!["first".to_owned(), hostile.to_owned()]));
        inner.push("none", Sample::List(Vec::new()));
        inner.push("empty", Sample::Object(OrderedMap::new()));
        let mut outer = OrderedMap::new();
        outer.push("error", Sample::Object(inner));
        for sample in [Sample::Object(outer), Sample::Object(OrderedMap::new()), Sample::Integer(7)] {
            let mut expected = String::new();
            push_html(&mut expected, &serde_json::to_string_pretty(&sample).expect("serialises"));
            let mut out = String::new();
            sample.push_json_html(&mut out, 0);
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn a_message_shows_each_type_as_its_sample_reads() {
        for ty in ParamType::ALL {
            let param = Param {
                name: "table".to_owned(),
                ty,
                description: String::new(),
                required: true,
                data_only: false,
                at: SpecPath::root(),
            };
            let mut out = "at ".to_owned();
            Sample::push_shown_of(&param, &mut out);
            assert_eq!(out, format!("at {}", Sample::of_param(&param).shown()), "{ty:?}");
        }
    }
}
