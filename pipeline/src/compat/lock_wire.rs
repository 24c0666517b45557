//! The lock's record of the error answer on the wire: the body's media
//! type, envelope, XML root and members, what its message member holds,
//! and the problem `type` base, so that a client built against an older
//! crate is not broken by a body it can no longer read without the lock
//! seeing it.
//!
//! ```text
//! wire: body application/json
//! wire: envelope "error"
//! wire: member code "errorCode"
//! wire: member message "message"
//! wire: message-text description
//! wire: problem-type "https://example.com/errors"
//! ```
//!
//! Every lock written since has a `wire: body` line (`wire: body none`
//! for a catalogue without `body:`), so a lock without one is a lock from
//! before the wire was recorded: [`update`](super::lock::update) takes
//! its wire to be the catalogue's, as for responses and params, and the
//! lock it writes records it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::compat::quoted::{quote, unquote};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{BodyRole, Catalogue, MessageText};

const PREFIX: &str = "wire: ";

/// The error answer's shape on the wire, as one version published it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wire {
    /// The body's media type (`application/json`), `None` without a body.
    pub media_type: Option<String>,
    /// The member the others sit in (`error`), if any.
    pub envelope: Option<String>,
    /// The root element of an XML body.
    pub xml_root: Option<String>,
    /// Each member's key, by its role (`code`, `message`, `details`,
    /// `occurrence_id`).
    pub members: BTreeMap<String, String>,
    /// What the message member holds (`name` or `description`).
    pub message_text: Option<String>,
    /// The problem details' `type` base, when the API answers with them.
    pub problem_type: Option<String>,
}

impl Wire {
    /// What `catalogue` sends.
    pub fn of_catalogue(catalogue: &Catalogue) -> Wire {
        let mut wire = Wire {
            problem_type: catalogue.problem_details.as_ref().map(|problem| problem.type_base.clone()),
            ..Wire::default()
        };
        if let Some(body) = &catalogue.body {
            wire.media_type = Some(body.media_type().to_owned());
            wire.envelope.clone_from(&body.envelope);
            wire.xml_root = body.xml.as_ref().map(|xml| xml.root.clone());
            wire.members = body
                .members
                .iter()
                .map(|member| (role_word(member.role).to_owned(), member.key.clone()))
                .collect();
            wire.message_text = Some(
                match body.message_text {
                    MessageText::Name => "name",
                    MessageText::Description => "description",
                }
                .to_owned(),
            );
        }
        wire
    }
}

/// A role as the lock and the summaries spell it.
fn role_word(role: BodyRole) -> &'static str {
    match role {
        BodyRole::Code => "code",
        BodyRole::Message => "message",
        BodyRole::Details => "details",
        BodyRole::OccurrenceId => "occurrence_id",
    }
}

/// Reads line `n` of the lock at `path` into `wire` if it is a `wire:`
/// line, and says whether it was.
pub(crate) fn read(
    path: &Path,
    n: usize,
    line: &str,
    wire: &mut Option<Wire>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let Some(rest) = line.strip_prefix(PREFIX) else { return false };
    let record = wire.get_or_insert_default();
    let (field, value) = rest.split_once(' ').unwrap_or((rest, ""));
    let quoted = unquote(value);
    let twice = match (field, quoted) {
        ("body", _) if value == "none" => false,
        ("body", _) if !value.is_empty() && !value.contains(' ') => {
            record.media_type.replace(value.to_owned()).is_some()
        }
        ("envelope", Some(key)) => record.envelope.replace(key).is_some(),
        ("xml-root", Some(root)) => record.xml_root.replace(root).is_some(),
        ("message-text", _) if matches!(value, "name" | "description") => {
            record.message_text.replace(value.to_owned()).is_some()
        }
        ("problem-type", Some(base)) => record.problem_type.replace(base).is_some(),
        ("member", _) => match value.split_once(' ').and_then(|(role, key)| Some((role, unquote(key)?))) {
            Some((role, key)) if ["code", "message", "details", "occurrence_id"].contains(&role) => {
                record.members.insert(role.to_owned(), key).is_some()
            }
            _ => return malformed(path, n, line, problems),
        },
        _ => return malformed(path, n, line, problems),
    };
    if twice {
        problems.push(
            Diagnostic::new(path, format!("the wire's `{field}` is locked twice: a merge kept both sides"))
                .at(n, 1)
                .help("keep the line that matches the spec's `body:`, then run `gen` again"),
        );
    }
    true
}

fn malformed(path: &Path, n: usize, line: &str, problems: &mut Vec<Diagnostic>) -> bool {
    problems.push(
        Diagnostic::new(path, format!("line {n} of the lock is not a wire line: `{line}`"))
            .at(n, 1)
            .help("restore the lock from version control, then run `gen` again"),
    );
    true
}

/// Writes the record's lines.
pub(crate) fn render(out: &mut String, wire: &Wire) {
    out.push_str(
        "# The error answer on the wire (`body:`, `problem_details:`): another\n\
         # media type, envelope, root or problem type, or a member gone or\n\
         # renamed, is a breaking change; a member added is a feature.\n",
    );
    let _ = writeln!(out, "{PREFIX}body {}", wire.media_type.as_deref().unwrap_or("none"));
    if let Some(envelope) = &wire.envelope {
        let _ = writeln!(out, "{PREFIX}envelope {}", quote(envelope));
    }
    if let Some(root) = &wire.xml_root {
        let _ = writeln!(out, "{PREFIX}xml-root {}", quote(root));
    }
    for (role, key) in &wire.members {
        let _ = writeln!(out, "{PREFIX}member {role} {}", quote(key));
    }
    if let Some(text) = &wire.message_text {
        let _ = writeln!(out, "{PREFIX}message-text {text}");
    }
    if let Some(base) = &wire.problem_type {
        let _ = writeln!(out, "{PREFIX}problem-type {}", quote(base));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Option<Wire>, Vec<Option<(usize, usize)>>) {
        let (mut wire, mut problems) = (None, Vec::new());
        for (i, line) in text.lines().enumerate().filter(|(_, line)| !line.starts_with('#')) {
            assert!(read(Path::new("x.lock"), i + 1, line, &mut wire, &mut problems), "{line}");
        }
        (wire, problems.iter().map(|problem| problem.position).collect())
    }

    #[test]
    fn lines_read_back_as_written() {
        let wire = Wire {
            media_type: Some("application/xml".to_owned()),
            envelope: Some("error \"x\"".to_owned()),
            xml_root: Some("Error".to_owned()),
            members: [("code", "Code"), ("occurrence_id", "Request Id")]
                .map(|(role, key)| (role.to_owned(), key.to_owned()))
                .into(),
            message_text: Some("name".to_owned()),
            problem_type: Some("https://example.com/errors".to_owned()),
        };
        let mut out = String::new();
        render(&mut out, &wire);
        assert_eq!(read_all(&out), (Some(wire), Vec::new()));
        let mut out = String::new();
        render(&mut out, &Wire::default());
        assert_eq!(read_all(&out), (Some(Wire::default()), Vec::new()));
    }

    #[test]
    fn a_line_twice_or_malformed_is_a_problem_at_its_line() {
        let text = "wire: body application/json\nwire: body application/xml\nwire: member hint \"x\"\n\
                    wire: envelope error\nwire: message-text title\nwire: member code \"c\"";
        let (wire, problems) = read_all(text);
        assert_eq!(problems, [Some((2, 1)), Some((3, 1)), Some((4, 1)), Some((5, 1))]);
        assert_eq!(wire.expect("a record").members.len(), 1);
    }
}
