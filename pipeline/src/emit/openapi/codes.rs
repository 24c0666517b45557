//! The code schemas: each table's codes, with their names and descriptions.
//!
//! 3.1 lists them as `oneOf` of `const`s, 3.0 as an `enum` with the
//! extension arrays and by-code maps generators read.

use super::DESCRIPTION;
use super::Version;
use super::attributes::{row_values, values_by_code};
use super::schema::Schema;
use super::sections::{row_sections, sections_by_code};
use super::texts_in::texts_in;
use crate::emit::yaml::OrderedMap;
use errcat_model::locales::Locale;
use errcat_model::{Catalogue, Code, CodeKind, Row, Table};

/// A table's codes as one schema (integer or string, as the catalogue's
/// codes are) that names and describes each one.
pub(super) fn code_schema(catalogue: &Catalogue, table: &Table, version: Version) -> Schema {
    let others = catalogue.other_locales();
    let integer = match catalogue.codes {
        CodeKind::Integer => Schema {
            title: Some(table.title.clone()),
            kind: Some("integer"),
            format: Some("int64"),
            ..Schema::default()
        },
        CodeKind::String => {
            Schema { title: Some(table.title.clone()), kind: Some("string"), ..Schema::default() }
        }
    };
    match version {
        Version::V3_1 => Schema {
            description: Some(DESCRIPTION.paragraph(&table.summary)),
            one_of: Some(
                table
                    .rows
                    .iter()
                    .flat_map(|row| {
                        std::iter::once(code_const(catalogue, row))
                            .chain(row.aliases.iter().map(|a| alias_const(catalogue, row, a)))
                    })
                    .collect(),
            ),
            ..integer
        },
        Version::V3_0 => {
            // Each row's code, then its aliases, as the enum lists them.
            let values: Vec<(&Code, &Row)> = table
                .rows
                .iter()
                .flat_map(|row| {
                    std::iter::once((&row.code, row)).chain(row.aliases.iter().map(move |a| (a, row)))
                })
                .collect();
            let recovery_by_code: OrderedMap<String> = OrderedMap(
                values
                    .iter()
                    .filter_map(|&(code, row)| Some((code.to_string(), row.recovery.as_ref()?.key.clone())))
                    .collect(),
            );
            Schema {
                // 3.0 has no per-value titles: list the names where readers look.
                description: Some(format!(
                    "{}\n\n{}",
                    DESCRIPTION.paragraph(&table.summary),
                    code_list(table)
                )),
                values: Some(values.iter().map(|&(code, _)| code.clone()).collect()),
                enum_varnames: Some(
                    values
                        .iter()
                        .map(|&(code, row)| {
                            if *code == row.code {
                                row.rust_variant.clone()
                            } else {
                                // Generators need distinct names; `_` keeps
                                // them apart from every variant name (and
                                // stands for a string code's `-` and `.`).
                                format!("{}_{}", row.rust_variant, code.to_string().replace(['-', '.'], "_"))
                            }
                        })
                        .collect(),
                ),
                // The texts of 3.1's `description`s, escaped alike: generators
                // and renderers read them as Markdown too.
                enum_descriptions: Some(
                    values
                        .iter()
                        .map(|&(code, row)| {
                            if *code == row.code {
                                DESCRIPTION.paragraph(&row.description)
                            } else {
                                DESCRIPTION.paragraph(&alias_description(row))
                            }
                        })
                        .collect(),
                ),
                recovery_by_code: (!recovery_by_code.is_empty()).then_some(recovery_by_code),
                explanation_by_code: by_code(table, |row| row.explanation.clone()),
                causes_by_code: by_code(table, |row| (!row.causes.is_empty()).then(|| row.causes.clone())),
                solutions_by_code: by_code(table, |row| {
                    (!row.solutions.is_empty()).then(|| row.solutions.clone())
                }),
                attributes_by_code: values_by_code(catalogue, table),
                sections_by_code: sections_by_code(catalogue, table),
                descriptions_in_by_code: by_code(table, |row| descriptions_in(others, row)),
                texts_in_by_code: by_code(table, |row| texts_in(others, row)),
                ..integer
            }
        }
    }
}

/// An alias's `const`: another code sent for `row`'s error.
fn alias_const(catalogue: &Catalogue, row: &Row, alias: &Code) -> Schema {
    Schema {
        constant: Some(alias.clone()),
        title: Some(row.name.clone()),
        description: Some(DESCRIPTION.paragraph(&alias_description(row))),
        deprecated: row.deprecated.is_some().then_some(true),
        alias_of: Some(row.code.clone()),
        recovery: row.recovery.as_ref().map(|r| r.key.clone()),
        attributes: row_values(catalogue, row),
        ..Schema::default()
    }
}

fn alias_description(row: &Row) -> String {
    format!("An alias of {} {}: {}", row.code.word(), row.name, row.description)
}

/// A row's description in each locale but the default that translates it,
/// by tag: a partial locale without one leaves the default's, `description`.
fn descriptions_in(others: &[Locale], row: &Row) -> Option<OrderedMap<String>> {
    let map: Vec<(String, String)> = others
        .iter()
        .filter_map(|locale| {
            let text = locale.row(&row.code)?.description.as_deref()?;
            Some((locale.tag.clone(), DESCRIPTION.paragraph(text)))
        })
        .collect();
    (!map.is_empty()).then_some(OrderedMap(map))
}

fn code_const(catalogue: &Catalogue, row: &Row) -> Schema {
    Schema {
        constant: Some(row.code.clone()),
        title: Some(row.name.clone()),
        description: Some(DESCRIPTION.paragraph(&row.description)),
        deprecated: row.deprecated.is_some().then_some(true),
        recovery: row.recovery.as_ref().map(|r| r.key.clone()),
        explanation: row.explanation.clone(),
        causes: (!row.causes.is_empty()).then(|| row.causes.clone()),
        solutions: (!row.solutions.is_empty()).then(|| row.solutions.clone()),
        descriptions_in: descriptions_in(catalogue.other_locales(), row),
        texts_in: texts_in(catalogue.other_locales(), row),
        attributes: row_values(catalogue, row),
        sections: row_sections(catalogue, row),
        ..Schema::default()
    }
}

/// A fact of each of `table`'s rows that has it, by the row's code (3.0),
/// or nothing when no row has it.
fn by_code<T>(table: &Table, fact: impl Fn(&Row) -> Option<T>) -> Option<OrderedMap<T>> {
    let map: Vec<(String, T)> =
        table.rows.iter().filter_map(|row| Some((row.code.to_string(), fact(row)?))).collect();
    (!map.is_empty()).then_some(OrderedMap(map))
}

/// `- 400 Bad Request: …` for every row, as Markdown.
fn code_list(table: &Table) -> String {
    let lines: Vec<String> = table
        .rows
        .iter()
        .map(|row| {
            // A table without names shows each code once.
            let mut line = if table.named {
                format!(
                    "- `{}` {}: {}",
                    row.code.word(),
                    DESCRIPTION.inline(&row.name),
                    DESCRIPTION.inline(&row.description)
                )
            } else {
                format!("- `{}`: {}", row.code.word(), DESCRIPTION.inline(&row.description))
            };
            if let Some(note) = &row.deprecated {
                line.push_str(&format!(" — *Deprecated:* {}", DESCRIPTION.inline(note)));
            }
            if !row.aliases.is_empty() {
                let aliases: Vec<String> =
                    row.aliases.iter().map(|alias| format!("`{}`", alias.word())).collect();
                line.push_str(&format!(" — *Also sent as:* {}.", aliases.join(", ")));
            }
            if let Some(recovery) = &row.recovery {
                line.push_str(&format!(" — *Recovery:* `{}`.", recovery.key()));
            }
            line
        })
        .collect();
    lines.join("\n")
}
