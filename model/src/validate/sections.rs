//! Sections: the catalogue's declarations (ids the generated `Section`
//! enum can take, each listing some code) and each row's meaning in the
//! sections it names (declared, its text a text, its statuses error
//! statuses of an HTTP catalogue).

use heck::ToUpperCamelCase;

use super::http::{answered_status, status_range};
use super::{Problems, Skipped, check_text};
use crate::sections::{RowSection, Section};
use crate::source::SpecPath;
use crate::spec::{SpecFile, SpecRowSection};
use crate::text_rules::shown;
use crate::{Row, Table, TableKind, is_type_ident};

/// The declarations that were read, checked; `None` when `sections:`
/// could not be read (no row's sections are judged then).
pub(super) fn check_declarations(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
) -> Option<Vec<Section>> {
    if !skipped.read("sections") {
        return None;
    }
    let mut sections: Vec<Section> = Vec::with_capacity(spec.sections.len());
    for (i, declared) in spec.sections.iter().enumerate() {
        let at = SpecPath::root().field("sections").index(i);
        let here = format!("section {} (`{}`)", i + 1, shown(&declared.id));
        let rust_variant = declared.id.to_upper_camel_case();
        if !is_snake_case(&declared.id) || !is_type_ident(&rust_variant) {
            problems.push(
                at.field("id"),
                format!("{here}: the id is not lowercase snake_case ASCII starting with a letter"),
                format!("name it like `token_endpoint`, e.g. `id: {}`", suggested_id(&declared.id)),
            );
        } else if sections.iter().any(|section| section.id == declared.id) {
            problems.push(
                at.field("id"),
                format!("{here}: the id `{}` is declared twice", declared.id),
                "give each section an id of its own, or remove this one",
            );
        }
        for (field, value) in [("title", &declared.title), ("summary", &declared.summary)] {
            if value.trim().is_empty() {
                problems.push(
                    at.field(field),
                    format!("{here}: `{field}` is blank"),
                    format!("write the section's {field}"),
                );
            }
            check_text(problems, at.clone(), &here, field, value);
        }
        sections.push(Section {
            id: declared.id.clone(),
            rust_variant,
            title: declared.title.clone(),
            summary: declared.summary.clone(),
            at,
        });
    }
    Some(sections)
}

/// Whether `id` is lowercase snake_case ASCII starting with a letter.
fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !id.contains("__")
        && !id.ends_with('_')
}

/// A valid id near `id`, for the help.
fn suggested_id(id: &str) -> String {
    let words: Vec<String> = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    match words.first() {
        Some(first) if first.starts_with(|c: char| c.is_ascii_lowercase()) => words.join("_"),
        _ => format!("section_{}", words.join("_")).trim_end_matches('_').to_owned(),
    }
}

/// Each row's sections, checked against the declarations (when they were
/// read) and set on the rows of `tables`, in declaration order; and every
/// declared section lists some code (when every row was read).
pub(super) fn check_rows(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
    declared: Option<&[Section]>,
    tables: &mut [Table],
) {
    let Some(declared) = declared else { return };
    let read_tables = spec.tables.iter().enumerate().filter(|(t, _)| !skipped.tables.contains(t));
    for ((t, spec_table), table) in read_tables.zip(tables.iter_mut()) {
        let read_rows =
            spec_table.errors.iter().enumerate().filter(|(r, _)| !skipped.rows.contains(&(t, *r)));
        for ((r, spec_row), row) in read_rows.zip(&mut table.rows) {
            let here = format!("table `{}`, row {} (`{}`)", table.id, r + 1, shown(&row.name));
            let mut sections = Vec::with_capacity(spec_row.sections.len());
            for (id, given) in &spec_row.sections {
                let Some(section) = declared.iter().position(|section| section.id == *id) else {
                    problems.push(
                        row.at.field("sections").key(id),
                        format!("{here}: section `{}` is not declared", shown(id)),
                        undeclared_help(id, declared),
                    );
                    continue;
                };
                let entry = (section, id.as_str(), given);
                sections.push(check_row_section(problems, &here, (row, table.kind), entry));
            }
            sections.sort_by_key(|entry| entry.section);
            row.sections = sections;
        }
    }
    let all_read = skipped.tables.is_empty() && skipped.rows.is_empty();
    for (s, section) in declared.iter().enumerate() {
        // An id refused already, or declared before, is not judged again.
        let first = declared.iter().position(|other| other.id == section.id) == Some(s);
        if !first || !is_snake_case(&section.id) {
            continue;
        }
        let listed = tables.iter().flat_map(|table| &table.rows).any(|row| row.in_section(s).is_some());
        if all_read && !listed {
            problems.push(
                section.at.field("id"),
                format!("section `{}` lists no code", section.id),
                format!(
                    "give the rows answered there their meaning in it (`sections: {{{}: {{description: …}}}}`), or remove the section",
                    section.id
                ),
            );
        }
    }
}

/// A row's meaning in one declared section: a text, and the statuses the
/// section gives (error statuses, unless the code is a status itself),
/// else the row's. In a catalogue without HTTP a section may still give
/// statuses: one whose other sections answer without one (in a redirect,
/// as OAuth's authorization endpoint does) is no HTTP catalogue, but the
/// statuses its sections give are kept.
fn check_row_section(
    problems: &mut Problems<'_>,
    here: &str,
    (row, kind): (&Row, TableKind),
    (section, id, given): (usize, &str, &SpecRowSection),
) -> RowSection {
    let at = row.at.field("sections").field(id);
    let here = format!("{here}, section `{id}`");
    if given.description.trim().is_empty() {
        problems.push(
            at.field("description"),
            format!("{here}: `description` is blank"),
            "write what the code means in this section",
        );
    }
    check_text(problems, at.clone(), &here, "description", &given.description);
    let mut http_statuses: Vec<u16> = row.statuses().collect();
    if let Some(listed) = &given.http_status {
        let status_at = at.field("http_status");
        if kind == TableKind::HttpStatus {
            problems.push(
                status_at,
                format!("{here}: `http_status` on a row of an `http_status` table"),
                "its code is its status in every section: remove it",
            );
        } else if listed.is_none() {
            problems.push(
                status_at,
                format!("{here}: `http_status: none` in a section"),
                "a section gives the statuses the code is answered with there: list them, e.g. \
                 `http_status: 401`, or remove it to keep the row's",
            );
        } else if listed.0.is_empty() {
            problems.push(
                status_at,
                format!("{here}: `http_status` is an empty list"),
                "write the status this section answers with, e.g. `http_status: 401`, or remove it to keep the row's",
            );
        } else {
            http_statuses.clear();
            for (i, &status) in listed.0.iter().enumerate() {
                if !answered_status(problems, status) {
                    let range = status_range(problems, status);
                    problems.push(
                        status_at.index(i),
                        format!(
                            "{here}: `http_status` item {}, {status}, is not an HTTP error status",
                            i + 1
                        ),
                        format!("use {range}"),
                    );
                } else if http_statuses.contains(&status) {
                    problems.push(
                        status_at.index(i),
                        format!("{here}: `http_status` lists {status} twice"),
                        "list each status once: remove this one",
                    );
                } else {
                    http_statuses.push(status);
                }
            }
        }
    }
    RowSection { section, description: given.description.clone(), http_statuses, at }
}

/// The help for a section a row names that is not declared.
fn undeclared_help(id: &str, declared: &[Section]) -> String {
    let mut near: Vec<&str> = Vec::new();
    for known in declared.iter().map(|section| section.id.as_str()) {
        if !near.contains(&known) && strsim::damerau_levenshtein(id, known) <= (known.len() / 3).max(1) {
            near.push(known);
        }
    }
    near.truncate(3);
    match near.as_slice() {
        _ if declared.is_empty() => format!(
            "declare it at the top level, e.g. `sections: [{{id: {}, title: …, summary: …}}]`, or remove it",
            suggested_id(id)
        ),
        [] => format!(
            "declare it under the top-level `sections:`, or name a declared one: {}",
            declared.iter().take(8).map(|section| format!("`{}`", section.id)).collect::<Vec<_>>().join(", ")
        ),
        [only] => format!("did you mean `{only}`?"),
        near => format!(
            "did you mean one of {}?",
            near.iter().map(|known| format!("`{known}`")).collect::<Vec<_>>().join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_snake_case() {
        assert!(is_snake_case("token_endpoint"));
        assert!(is_snake_case("section2"));
        for bad in ["Token", "2fa", "_x", "a__b", "a_", "état", ""] {
            assert!(!is_snake_case(bad), "{bad}");
        }
        assert_eq!(suggested_id("Token-Endpoint"), "token_endpoint");
        assert_eq!(suggested_id("4.1.2.1"), "section_4_1_2_1");
        assert!(is_snake_case(&suggested_id("4.1.2.1")));
    }
}
