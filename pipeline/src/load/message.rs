//! serde's messages in people's words: what went wrong with a value, and
//! how to fix it.

use std::path::Path;

use super::tree::Segment;
use errcat_model::diagnostic::Diagnostic;
use errcat_model::source::SpecPath;

/// Whether a deserialization message is about the document's shape (it
/// parsed, but a field or value does not fit) rather than its syntax.
pub(super) fn is_shape_problem(message: &str) -> bool {
    [
        "unknown field",
        "unknown variant",
        "missing field",
        "duplicate field",
        "duplicate param",
        "invalid type",
        "invalid value",
        "invalid length",
    ]
    .iter()
    .any(|start| message.starts_with(start))
}

/// A deserialization message without the position and path that
/// `serde_yaml` puts around it (both are reported separately).
pub(super) fn clean_message(message: &str, spec_path: &SpecPath) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let mut prefix = Some(spec_path.clone());
    let message = loop {
        match prefix {
            Some(p) => match message.strip_prefix(&format!("{p}: ")) {
                Some(rest) => break rest,
                None => prefix = p.parent(),
            },
            None => break message,
        }
    };
    message.to_owned()
}

/// A shape or syntax problem with the value at `spec_path`, worded for
/// people who write YAML rather than Rust, with how to fix it.
pub(super) fn problem(path: &Path, message: &str, spec_path: SpecPath) -> Diagnostic {
    let help = parse_help(message, &spec_path);
    let message = message
        .replace("expected u32", "expected a whole number from 0 to 4294967295")
        .replace("expected u16", "expected a whole number from 0 to 65535")
        .replace("unit value", "null (an empty value)");
    Diagnostic::new(path, message).help(help).spec_path(spec_path)
}

/// The path of a failed reading as a [`SpecPath`]. An unknown segment
/// ends it: what came before is still a good place.
pub(super) fn spec_path(path: &[Segment]) -> SpecPath {
    let mut out = SpecPath::root();
    for segment in path {
        out = match segment {
            Segment::Index(index) => out.index(*index),
            Segment::Key(key) | Segment::Variant(key) => out.field(key),
            Segment::Unknown => break,
        };
    }
    out
}

/// How to fix a parser error, from its message and where it happened.
pub(super) fn parse_help(message: &str, spec_path: &SpecPath) -> String {
    let field = spec_path.last_key().unwrap_or_default();
    if let Some(rest) =
        message.strip_prefix("unknown field `").or_else(|| message.strip_prefix("unknown variant `"))
    {
        let (found, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let what = if message.starts_with("unknown field") { "field" } else { "value" };
        return match (closest(found, &candidates), candidates.is_empty()) {
            (Some(c), _) => format!("did you mean `{c}`?"),
            (None, true) => format!("remove this {what}"),
            (None, false) => format!("the {what}s allowed here are {}", list(&candidates)),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let recovery = spec_path.to_string().starts_with("recoveries");
        let example = match field {
            "id" if recovery => "id: fix_request",
            "description" if recovery => "description: Change the request.",
            "code" => "code: 4032251",
            "name" => "name: ACCESS_TOKEN_EXPIRED",
            "description" => "description: Provided Access token has expired.",
            "id" => "id: auth",
            "errors" => "errors: [ … ]",
            "tables" => "tables: [ … ]",
            "crate" => "crate: my-api-errors",
            "version" => "version: 0.1.0",
            "type_base" => "type_base: https://docs.example.com/my-api-errors.html",
            "rust_const" => "rust_const: WOULD_BLOCK",
            _ => "",
        };
        return if example.is_empty() {
            format!("add `{field}` to this mapping")
        } else {
            format!("add `{field}` to this mapping, e.g. `{example}`")
        };
    }
    if message.starts_with("duplicate field") {
        return "each field appears once per mapping: remove one of them".to_owned();
    }
    if message.starts_with("duplicate param") {
        return "each param is declared once: remove one of the declarations, or rename it".to_owned();
    }
    if message.contains("recursion limit exceeded") {
        return "the document nests far deeper than a spec does: check that this file is a spec".to_owned();
    }
    if message.contains("repetition limit exceeded") {
        return "aliases (`*name`) expand into too many values: write the values out".to_owned();
    }
    let is_type_error =
        ["invalid type", "invalid value", "invalid length"].iter().any(|p| message.starts_with(p));
    if !is_type_error {
        return "a YAML syntax error: check the indentation and quoting of this line and the lines above it"
            .to_owned();
    }
    match field {
        _ if message.ends_with("expected a string") => {
            "write text here; quote it if it starts with `[`, `{`, `*`, `&`, `!` or `-`, or contains `: ` or ` #`"
                .to_owned()
        }
        "code" => "a code is a whole number from 0 to 4294967295, written without quotes (`code: 4032251`); \
                   with `codes: string`, text, quoted where YAML would read something else (`code: '10.5'`)"
            .to_owned(),
        "http_status" => "write the HTTP status as a number from 400 to 599, e.g. `http_status: 403`; a list of them, the usual one first (`[400, 401]`); or `none` for a row that travels without one".to_owned(),
        _ => "check the field against the spec format in README.md (or the spec's JSON Schema)".to_owned(),
    }
}

/// The candidate `found` is a near miss of, if any: a typo or two away.
pub(super) fn closest<'c>(found: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(found, c), *c))
        .filter(|(distance, c)| *distance <= (c.len() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// `a`, `b` and `c`.
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}
