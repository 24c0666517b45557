//! A row's own fields: code, texts, status, variant name, aliases, details.

use heck::ToUpperCamelCase;

use super::codes::check_aliases;
use super::http::row_status;
use super::other_names::check_other_names;
use super::statuses::check_other_statuses;
use super::{Problems, check_text};
use crate::source::SpecPath;
use crate::spec::SpecRow;
use crate::text_rules::{refused_characters, shown};
use crate::{Code, Row, TableKind, derive_variant_name, is_type_ident};

/// One row's own fields: its code, texts, HTTP status, variant name and aliases.
pub(super) fn check_row(
    problems: &mut Problems<'_>,
    table: &str,
    kind: TableKind,
    (at, r): (SpecPath, usize),
    embeds_status: bool,
    spec: &SpecRow,
) -> Row {
    let name = super::row_names::row_name(problems, table, (&at, r), spec);
    let here = format!("{table}, row {} (`{}`)", r + 1, shown(&name));
    let code = problems.code(at.field("code"), &here, "the code", &spec.code);
    let written = spec.name.as_ref().map(|name| ("name", name));
    for (field, value) in written.into_iter().chain([("description", &spec.description)]) {
        if value.trim().is_empty() {
            problems.push(
                at.field(field),
                format!("{here}: `{field}` is blank"),
                format!("write the row's {field}"),
            );
        }
        check_text(problems, at.clone(), &here, field, value);
    }

    let http_status = row_status(problems, &here, kind, &at, embeds_status, (spec, &code));
    let other_statuses = check_other_statuses(problems, &here, kind, &at, spec);

    let rust_variant = match &spec.rust_variant {
        Some(variant) => {
            if !is_type_ident(variant) {
                problems.push(
                    at.field("rust_variant"),
                    format!("{here}: `rust_variant: {variant}` is not a valid variant name"),
                    "use an UpperCamelCase ASCII name that is not a keyword, e.g. `TokenExpired`",
                );
            }
            variant.clone()
        }
        None => {
            let derived = derive_variant_name(&name);
            if !is_type_ident(&derived) && !name.trim().is_empty() {
                let (why, suggestion) = variant_problem(&derived, &code);
                problems.push(
                    at.field("name"),
                    format!("{here}: the name cannot become a Rust variant name: {why}"),
                    format!("set `rust_variant` to an UpperCamelCase ASCII name, e.g. `rust_variant: {suggestion}`"),
                );
            }
            derived
        }
    };

    check_aliases(problems, kind, &here, &at, spec);
    let aliases = spec
        .aliases
        .iter()
        .enumerate()
        .map(|(a, alias)| {
            problems.code(at.field("aliases").index(a), &here, &format!("alias {}", a + 1), alias)
        })
        .collect();
    let also_named = check_other_names(problems, &here, &at, spec);
    if let Some(reason) = &spec.deprecated {
        if reason.trim().is_empty() {
            problems.push(
                at.field("deprecated"),
                format!("{here}: `deprecated` is blank"),
                "say why the code should no longer be used and what to use instead",
            );
        }
        check_text(problems, at.clone(), &here, "deprecated", reason);
    }
    check_details(problems, &here, &at, spec);

    Row {
        code,
        name,
        description: spec.description.clone(),
        http_status,
        other_statuses,
        rust_variant,
        aliases,
        also_named,
        // Resolved against the vocabulary once every table is read.
        recovery: None,
        deprecated: spec.deprecated.clone(),
        explanation: spec.explanation.clone(),
        causes: spec.causes.clone(),
        solutions: spec.solutions.clone(),
        // Checked once the catalogue's shared params and body are known.
        params: Vec::new(),
        message: None,
        // Checked against the declarations once every table is read.
        attributes: Vec::new(),
        // Checked against the sections once every table is read.
        sections: Vec::new(),
        at,
    }
}

/// A row's `explanation`, `causes` and `solutions`: texts like the
/// description, none of them blank.
fn check_details(problems: &mut Problems<'_>, here: &str, at: &SpecPath, spec: &SpecRow) {
    if let Some(explanation) = &spec.explanation {
        if explanation.trim().is_empty() {
            problems.push(
                at.field("explanation"),
                format!("{here}: `explanation` is blank"),
                "write what the error means, or remove `explanation`",
            );
        }
        check_text(problems, at.clone(), here, "explanation", explanation);
    }
    for (field, texts, what) in
        [("causes", &spec.causes, "a cause"), ("solutions", &spec.solutions, "a solution")]
    {
        for (i, text) in texts.iter().enumerate() {
            let item = format!("{here}: `{field}` item {}", i + 1);
            if text.trim().is_empty() {
                problems.push(
                    at.field(field).index(i),
                    format!("{item} is blank"),
                    format!("write {what}, or remove the item"),
                );
            }
            for (problem, help) in refused_characters(field, text) {
                problems.push(at.field(field).index(i), format!("{item} {problem}"), help);
            }
        }
    }
}

/// Why `derived` (a name's UpperCamelCase) is no variant name, and a
/// valid name to suggest instead.
fn variant_problem(derived: &str, code: &Code) -> (String, String) {
    let fallback = || match code {
        Code::Integer(code) => format!("Error{code}"),
        Code::String(code) => format!("E{}", code.to_upper_camel_case()),
    };
    if derived.is_empty() {
        return ("it has no letters or digits".to_owned(), fallback());
    }
    if derived == "Self" {
        return ("`Self` is a Rust keyword".to_owned(), "SelfError".to_owned());
    }
    if derived.starts_with(|c: char| c.is_ascii_digit()) {
        let suggestion = format!("E{derived}");
        if is_type_ident(&suggestion) {
            return (format!("`{derived}` starts with a digit"), suggestion);
        }
    }
    let ascii: String = derived.chars().filter(char::is_ascii_alphanumeric).collect();
    let suggestion = if is_type_ident(&ascii) { ascii } else { fallback() };
    (format!("`{derived}` is not made of ASCII letters and digits"), suggestion)
}
