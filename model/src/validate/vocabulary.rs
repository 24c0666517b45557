//! The spec's own vocabulary, checked: the error `body:` (its members and
//! their Rust fields), the `recoveries:` rows name (with their unlisted
//! statuses), and the base of the RFC 9457 `problem_details:` types.

use std::collections::HashMap;

use super::http::is_error_status;
use super::{Problems, Skipped, check_text, is_table_id};
use crate::source::SpecPath;
use crate::spec::{SpecBody, SpecFile, SpecMessageText, SpecRecovery, SpecTableKind};
use crate::text_rules::shown;
use crate::{
    Body, BodyMember, BodyRole, MessageText, RESERVED_ASSOCIATED_NAMES, Recovery, RecoveryName, Row, Table,
    derive_variant_name, is_keyword, is_type_ident,
};

/// The error body: member names that JSON can carry, distinct, and a
/// Rust field for each.
pub(super) fn check_body(problems: &mut Problems<'_>, spec: &SpecBody) -> Body {
    let at = SpecPath::root().field("body");
    let message_text = match spec.message_text {
        SpecMessageText::Name => MessageText::Name,
        SpecMessageText::Description => MessageText::Description,
    };
    if spec.message.is_none() && spec.message_text != SpecMessageText::Name {
        problems.push(
            at.field("message_text"),
            "`body: message_text` is set, but the body has no `message` member",
            "add the member that carries the message, e.g. `message: message`, or remove `message_text`",
        );
    }
    let declared = [
        ("code", BodyRole::Code, Some(&spec.code)),
        ("message", BodyRole::Message, spec.message.as_ref()),
        ("details", BodyRole::Details, spec.details.as_ref()),
        ("occurrence_id", BodyRole::OccurrenceId, spec.occurrence_id.as_ref()),
    ];
    let mut members: Vec<BodyMember> = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (field, role, key) in declared {
        let Some(key) = key else { continue };
        if !check_member_name(problems, &at, field, key) {
            continue;
        }
        if let Some((first, _)) = seen.iter().find(|(_, k)| *k == key) {
            problems.push(
                at.field(field),
                format!("`body: {field}` is `{key}`, the member `{first}` already names"),
                "give each role its own member, or leave this one out",
            );
            continue;
        }
        seen.push((field, key));
        let mut rust_field = rust_field_name(key, field);
        if members.iter().any(|member| member.rust_field == rust_field) {
            // `errorId` beside `error_id`: the second takes its role's name.
            rust_field = field.to_owned();
        }
        if members.iter().any(|member| member.rust_field == rust_field) {
            problems.push(
                at.field(field),
                format!("`body: {field}: {key}` gives the Rust field `{rust_field}`, as another member does"),
                "the members' names must give distinct snake_case Rust fields: leave this one out",
            );
            continue;
        }
        let (required, json_type, description) = match role {
            BodyRole::Code => {
                let json_type = match problems.codes {
                    Some(super::CodeKind::String) => "string",
                    _ => "integer or string of digits",
                };
                (true, json_type, "The error's code, as the service sent it.")
            }
            BodyRole::Message => (
                true,
                "string",
                match message_text {
                    MessageText::Name => "The error's name, as the catalogue prints it.",
                    MessageText::Description => "The error's description, as the catalogue prints it.",
                },
            ),
            BodyRole::Details => (false, "string", "A human-readable detail, if the service sent one."),
            BodyRole::OccurrenceId => {
                (false, "string", "A unique id of the failed call, for support requests.")
            }
        };
        members.push(BodyMember {
            role,
            key: key.clone(),
            rust_field,
            required,
            json_type: json_type.to_owned(),
            description: description.to_owned(),
        });
    }
    if let Some(envelope) = &spec.envelope {
        check_member_name(problems, &at, "envelope", envelope);
    }
    Body { members, message_text, envelope: spec.envelope.clone(), at }
}

/// Whether `key` (the value of `body: field`) can name a JSON member.
pub(super) fn check_member_name(problems: &mut Problems<'_>, at: &SpecPath, field: &str, key: &str) -> bool {
    if key.is_empty() {
        problems.push(
            at.field(field),
            format!("`body: {field}` is empty"),
            format!("write the member's name as the API sends it, e.g. `{field}: {}`", default_member(field)),
        );
        return false;
    }
    if key.chars().any(char::is_control) {
        problems.push(
            at.field(field),
            format!("`body: {field}` has a control character"),
            "a member's name is the JSON key as the API sends it: printable text",
        );
        return false;
    }
    true
}

pub(super) fn default_member(field: &str) -> &str {
    match field {
        "occurrence_id" => "errorId",
        "envelope" => "error",
        other => other,
    }
}

/// The snake_case Rust field for the member `key` (`errorId` → `error_id`):
/// its role's name (`field`) when it gives no identifier, with `_` after
/// a keyword.
pub(super) fn rust_field_name(key: &str, field: &str) -> String {
    use heck::ToSnakeCase;
    let snake: String =
        key.to_snake_case().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let snake = snake.trim_matches('_').to_owned();
    if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        return field.to_owned();
    }
    if is_keyword(&snake) { format!("{snake}_") } else { snake }
}

/// The recovery vocabulary: ids unique and snake_case, variants distinct
/// and free, descriptions written.
pub(super) fn check_recoveries(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
) -> Vec<Recovery> {
    let Some(list) = &spec.recoveries else {
        return Vec::new();
    };
    if list.is_empty() && !skipped.catalogue {
        problems.push(
            SpecPath::root().field("recoveries"),
            "`recoveries` is empty",
            "declare at least one recovery, e.g. `- {id: fix_request, description: Change the request.}`, or remove `recoveries`",
        );
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut variants: HashMap<String, usize> = HashMap::new();
    let mut claimed: HashMap<u16, usize> = HashMap::new();
    let mut recoveries = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        if skipped.recoveries.contains(&i) {
            continue;
        }
        let SpecRecovery { id, description, retry, unlisted_statuses } = entry;
        let at = SpecPath::root().field("recoveries").index(i);
        let here = format!("recovery {} (`{}`)", i + 1, shown(id));
        let rust_variant = derive_variant_name(id);
        if !is_table_id(id) {
            problems.push(
                at.field("id"),
                format!("{here}: id `{id}` is not snake_case"),
                "use lowercase ASCII letters, digits and `_`, starting with a letter, e.g. `fix_request`",
            );
        } else if let Some(first) = ids.insert(id, i) {
            problems.push(
                at.field("id"),
                format!("{here}: id `{id}` is already declared by recovery {}", first + 1),
                "give each recovery its own `id`, or remove the repeated one",
            );
        } else if let Some(first) = variants.insert(rust_variant.clone(), i) {
            problems.push(
                at.field("id"),
                format!(
                    "{here}: id `{id}` gives the variant `Recovery::{rust_variant}`, as recovery {} (`{}`) does",
                    first + 1,
                    list[first].id
                ),
                "give the recoveries ids that differ in more than underscores",
            );
        } else if !is_type_ident(&rust_variant) || RESERVED_ASSOCIATED_NAMES.contains(&rust_variant.as_str())
        {
            problems.push(
                at.field("id"),
                format!("{here}: id `{id}` gives the variant `Recovery::{rust_variant}`, which Rust or the enum keeps for itself"),
                format!("choose another id, e.g. `id: {id}_recovery`"),
            );
        }
        if description.trim().is_empty() {
            problems.push(
                at.field("description"),
                format!("{here}: `description` is blank"),
                "say what a client should do, in a sentence or two",
            );
        }
        check_text(problems, at.clone(), &here, "description", description);
        for (s, &status) in unlisted_statuses.iter().enumerate() {
            if !is_error_status(status) {
                problems.push(
                    at.field("unlisted_statuses").index(s),
                    format!("{here}: `{status}` is not an HTTP error status"),
                    "list statuses from 400 to 599",
                );
            } else if let Some(first) = claimed.insert(status, i) {
                let (message, help) = if first == i {
                    (format!("{here}: status {status} is listed twice"), "list each status once")
                } else {
                    (
                        format!("{here}: status {status} is already given recovery {}", first + 1),
                        "give each unlisted status one recovery",
                    )
                };
                problems.push(at.field("unlisted_statuses").index(s), message, help);
            } else if spec.body.is_none() {
                problems.push(
                    at.field("unlisted_statuses").index(s),
                    format!("{here}: `unlisted_statuses` needs a `body:`, whose responses the crate reads"),
                    "declare the error body, or remove `unlisted_statuses`",
                );
            } else if spec.tables.iter().any(|table| {
                table.kind == SpecTableKind::HttpStatus
                    && table
                        .errors
                        .iter()
                        .any(|row| row.code == crate::spec::SpecCode::Integer(u32::from(status)))
            }) {
                problems.push(
                    at.field("unlisted_statuses").index(s),
                    format!(
                        "{here}: status {status} is listed in the HTTP status table, with its own recovery"
                    ),
                    "remove it here, or give its row this `recovery`",
                );
            }
        }
        recoveries.push(Recovery {
            key: id.clone(),
            rust_variant,
            description: description.clone(),
            retry: *retry,
            unlisted_statuses: unlisted_statuses.clone(),
            at,
        });
    }
    recoveries
}

/// The recovery vocabulary as rows look it up: by id, and for an id it
/// lacks, the few declared ones nearest to it.
pub(super) struct RecoveryLookup<'a> {
    by_key: HashMap<&'a str, &'a Recovery>,
    list: &'a [Recovery],
    /// The near matches found for each id the vocabulary lacks.
    near: HashMap<String, Vec<&'a str>>,
}

/// The most near matches a message lists.
const NEAR_MATCHES: usize = 3;
/// The most ids the vocabulary lacks that are compared with every declared
/// one: past these, a message names none, so that a spec of many wrong ids
/// costs time in proportion to its size.
const NEAR_SEARCHES: usize = 16;
/// Ids longer than this are never near matches (typos are in short words),
/// which bounds each comparison.
const NEAR_LENGTH: usize = 64;

impl<'a> RecoveryLookup<'a> {
    pub(super) fn new(list: &'a [Recovery]) -> Self {
        let by_key = list.iter().map(|recovery| (recovery.key.as_str(), recovery)).collect();
        RecoveryLookup { by_key, list, near: HashMap::new() }
    }

    /// The declared ids nearest to `named`, nearest first: at most
    /// `NEAR_MATCHES`, each within a third of its length in edits.
    fn near(&mut self, named: &str) -> Option<&[&'a str]> {
        if !self.near.contains_key(named) {
            if self.near.len() >= NEAR_SEARCHES || named.len() > NEAR_LENGTH {
                return None;
            }
            let mut found: Vec<(usize, &str)> = self
                .list
                .iter()
                .map(|recovery| recovery.key.as_str())
                .filter(|key| {
                    key.len() <= NEAR_LENGTH && key.len().abs_diff(named.len()) <= (key.len() / 3).max(1)
                })
                .map(|key| (strsim::damerau_levenshtein(named, key), key))
                .filter(|&(distance, key)| distance <= (key.len() / 3).max(1))
                .collect();
            found.sort_unstable();
            found.dedup();
            found.truncate(NEAR_MATCHES);
            self.near.insert(named.to_owned(), found.into_iter().map(|(_, key)| key).collect());
        }
        self.near.get(named).map(Vec::as_slice)
    }
}

/// The recovery `named` by a row: one of the vocabulary's.
pub(super) fn check_row_recovery(
    problems: &mut Problems<'_>,
    recoveries: &mut RecoveryLookup<'_>,
    row: &Row,
    here: &str,
    named: &str,
    spec: &SpecFile,
) -> Option<RecoveryName> {
    if let Some(found) = recoveries.by_key.get(named) {
        return Some(RecoveryName {
            key: found.key.clone(),
            rust_variant: found.rust_variant.clone(),
            retry: found.retry,
        });
    }
    if spec.recoveries.is_none() {
        problems.push(
            row.at.field("recovery"),
            format!("{here}: `recovery: {named}` names a recovery, but the catalogue declares none"),
            format!(
                "declare it in a top-level `recoveries:` list, e.g. `recoveries: [{{id: {named}, description: …}}]`, or remove `recovery`"
            ),
        );
        return None;
    }
    let (declared, ids) = (recoveries.list, recoveries.by_key.len());
    let help = match recoveries.near(named) {
        Some([only]) => format!("did you mean `{only}`?"),
        Some(near @ [_, ..]) => {
            let near: Vec<String> = near.iter().map(|key| format!("`{key}`")).collect();
            format!("did you mean one of {}?", near.join(", "))
        }
        _ if ids <= NEAR_MATCHES => {
            let mut listed: Vec<String> = Vec::new();
            for key in declared.iter().map(|r| format!("`{}`", r.key)) {
                if !listed.contains(&key) {
                    listed.push(key);
                }
            }
            format!("name one of {}, or declare `{named}` under `recoveries:`", listed.join(", "))
        }
        _ => format!("name one of the {ids} ids under `recoveries:`, or declare `{named}` there"),
    };
    problems.push(
        row.at.field("recovery"),
        format!("{here}: `recovery: {named}` is not one of the catalogue's `recoveries`"),
        help,
    );
    None
}

/// An error body is that of an HTTP response: a catalogue without HTTP
/// statuses has no responses to carry one.
pub(super) fn check_no_body(problems: &mut Problems<'_>) {
    problems.push(
        SpecPath::root().field("body"),
        "`body:` describes the error body of HTTP responses, but no row has an `http_status`",
        "give the rows their `http_status`, or remove `body:`",
    );
}

/// Why `base` cannot begin every problem `type` URI, if it cannot: it must
/// be an absolute `http(s)` address with a host, to which `#` and an anchor
/// are added, so it has no fragment and nothing a URI cannot hold as is.
pub(super) fn check_type_base(base: &str) -> Result<(), &'static str> {
    let Some(rest) = base.strip_prefix("https://").or_else(|| base.strip_prefix("http://")) else {
        return Err("is not an `https://` or `http://` address");
    };
    if rest.is_empty() || rest.starts_with(['/', '?']) {
        return Err("has no host");
    }
    if base.contains('#') {
        return Err("has a fragment (`#…`): the code's anchor is added after it");
    }
    if base
        .chars()
        .any(|c| !c.is_ascii_graphic() || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}'))
    {
        return Err("holds a character an address cannot hold as is (a space, a quote, a non-ASCII letter…)");
    }
    Ok(())
}

/// RFC 9457 problem details carry the code in the body's code member: it
/// needs a body, and a member that is not one of the problem's own.
pub(super) fn check_problem_details_body(problems: &mut Problems<'_>, skipped: &Skipped, spec: &SpecFile) {
    // The body's code member is the problem's extension member for the code.
    if let (Some(_), Some(body)) = (&spec.problem_details, &spec.body)
        && ["type", "title", "status", "detail", "instance"].contains(&body.code.as_str())
    {
        problems.push(
            SpecPath::root().field("body").field("code"),
            format!("`code: {}` is a member RFC 9457 problem details have already", body.code),
            "name the code member something else, e.g. `code: code`, or remove `problem_details`",
        );
    }
    // A body that could not be read is no missing body.
    if spec.problem_details.is_some() && spec.body.is_none() && skipped.read("body") {
        problems.push(
            SpecPath::root().field("problem_details"),
            "`problem_details` needs a `body:`: its `code` member is the problem's member for the code",
            "declare the error body (at least `body: {code: code}`), or remove `problem_details`",
        );
    }
}

/// `body` with its message member saying what it carries when a row has a
/// template: the template rendered with the error's params, which values
/// and their answers send there, or else the name or description.
pub(super) fn with_rendered_messages(mut body: Body, tables: &[Table]) -> Body {
    if !tables.iter().flat_map(|table| &table.rows).any(|row| row.message.is_some()) {
        return body;
    }
    let otherwise = match body.message_text {
        MessageText::Name => "its name",
        MessageText::Description => "its description",
    };
    for member in body.members.iter_mut().filter(|member| member.role == BodyRole::Message) {
        member.description = format!(
            "The error's message: its template rendered with the error's params where the catalogue gives one, \
             else {otherwise}, as the catalogue prints it."
        );
    }
    body
}
