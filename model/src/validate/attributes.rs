//! Per-row attributes: the catalogue's declarations (names the generated
//! getters can take) and each row's values (declared, of the declared
//! type, given where required).

use super::{Problems, Skipped, check_text};
use crate::attributes::{Attribute, AttributeType, AttributeValue};
use crate::source::SpecPath;
use crate::spec::{SpecAttributeType, SpecAttributeValue, SpecFile};
use crate::text_rules::{refused_characters, shown};
use crate::{RESERVED_ASSOCIATED_NAMES, Table, is_keyword};

/// Methods every table enum has from the traits it derives or
/// implements, and those of the standard library's blanket impls: an
/// inherent getter of the same name would hide them from method calls.
const TRAIT_METHODS: &[&str] = &[
    "borrow",
    "borrow_mut",
    "clamp",
    "clone",
    "clone_from",
    "clone_into",
    "cmp",
    "deserialize",
    "eq",
    "fmt",
    "from",
    "from_str",
    "ge",
    "gt",
    "hash",
    "hash_slice",
    "into",
    "into_response",
    "le",
    "lt",
    "max",
    "min",
    "ne",
    "partial_cmp",
    "serialize",
    "to_owned",
    "to_string",
    "try_from",
    "try_into",
    "type_id",
];

/// Near names searched for at most this long, among at most this many declared.
const NEAR_LENGTH: usize = 64;
const NEAR_DECLARED: usize = 64;

/// The declarations that were read, checked; `None` when `attributes:`
/// could not be read (no row's values are judged then).
pub(super) fn check_declarations(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
) -> Option<Vec<Attribute>> {
    if !skipped.read("attributes") {
        return None;
    }
    let mut attributes = Vec::with_capacity(spec.attributes.0.len());
    for (name, declared) in &spec.attributes.0 {
        let at = SpecPath::root().field("attributes").field(name);
        let here = format!("attribute `{}`", shown(name));
        if let Some(problem) = name_problem(name) {
            problems.push(
                SpecPath::root().field("attributes").key(name),
                format!("{here}: {problem}"),
                format!(
                    "name it in lowercase snake_case ASCII, starting with a letter, that the generated enums do not already use, e.g. `{}`",
                    suggested_name(name)
                ),
            );
        }
        if declared.description.trim().is_empty() {
            problems.push(
                at.field("description"),
                format!("{here}: `description` is blank"),
                "say in a sentence what the attribute is",
            );
        }
        check_text(problems, at.clone(), &here, "description", &declared.description);
        attributes.push(Attribute {
            name: name.clone(),
            kind: match declared.kind {
                SpecAttributeType::String => AttributeType::String,
                SpecAttributeType::Integer => AttributeType::Integer,
                SpecAttributeType::Boolean => AttributeType::Boolean,
            },
            description: declared.description.clone(),
            required: declared.required,
            at,
        });
    }
    Some(attributes)
}

/// Why `name` cannot name a getter, if it cannot.
fn name_problem(name: &str) -> Option<String> {
    let snake = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !name.contains("__")
        && !name.ends_with('_');
    if !snake {
        Some("the name is not lowercase snake_case ASCII starting with a letter".to_owned())
    } else if is_keyword(name) {
        Some(format!("`{name}` is a Rust keyword, which cannot name the getter"))
    } else if RESERVED_ASSOCIATED_NAMES.contains(&name) || TRAIT_METHODS.contains(&name) {
        Some(format!("`{name}` is already a method of every table enum, which the getter would hide"))
    } else {
        None
    }
}

/// A valid name near `name`, for the help.
fn suggested_name(name: &str) -> String {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.first().is_none_or(|first| !first.starts_with(|c: char| c.is_ascii_lowercase())) {
        words.insert(0, "attribute".to_owned());
    }
    let joined = words.join("_");
    if name_problem(&joined).is_some() { format!("{joined}_value") } else { joined }
}

/// Each row's values, checked against the declarations (when they were
/// read) and set on the rows of `tables`, in declaration order.
pub(super) fn check_values(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
    declared: Option<&[Attribute]>,
    tables: &mut [Table],
) {
    let read_tables = spec.tables.iter().enumerate().filter(|(t, _)| !skipped.tables.contains(t));
    for ((t, spec_table), table) in read_tables.zip(tables) {
        let read_rows =
            spec_table.errors.iter().enumerate().filter(|(r, _)| !skipped.rows.contains(&(t, *r)));
        for ((r, spec_row), row) in read_rows.zip(&mut table.rows) {
            let here = format!("table `{}`, row {} (`{}`)", table.id, r + 1, shown(&row.name));
            let Some(declared) = declared else { continue };
            for (name, value) in &spec_row.attributes {
                let at = row.at.field("attributes").field(name);
                if !declared.iter().any(|attribute| attribute.name == *name) {
                    problems.push(
                        row.at.field("attributes").key(name),
                        format!("{here}: attribute `{}` is not declared", shown(name)),
                        undeclared_help(name, declared),
                    );
                } else if let SpecAttributeValue::String(text) = value {
                    for (problem, help) in refused_characters("attributes", text) {
                        problems.push(at.clone(), format!("{here}: attribute `{name}` {problem}"), help);
                    }
                }
            }
            row.attributes = declared
                .iter()
                .map(|attribute| {
                    let value = spec_row.attributes.get(&attribute.name);
                    row_value(problems, &here, &row.at, attribute, value)
                })
                .collect();
        }
    }
}

/// A row's value of `attribute`: of its type, and given when required.
fn row_value(
    problems: &mut Problems<'_>,
    here: &str,
    row_at: &SpecPath,
    attribute: &Attribute,
    value: Option<&SpecAttributeValue>,
) -> Option<AttributeValue> {
    let name = &attribute.name;
    let Some(value) = value else {
        if attribute.required {
            problems.push(
                row_at.clone(),
                format!("{here}: the required attribute `{name}` is missing"),
                format!("give the row its value under `attributes:`, e.g. `attributes: {{{name}: …}}`"),
            );
        }
        return None;
    };
    let value = match value {
        SpecAttributeValue::String(text) => AttributeValue::String(text.clone()),
        SpecAttributeValue::Integer(number) => AttributeValue::Integer(*number),
        SpecAttributeValue::Boolean(flag) => AttributeValue::Boolean(*flag),
    };
    if value.kind() == attribute.kind {
        return Some(value);
    }
    let help = match (attribute.kind, &value) {
        (AttributeType::String, _) => {
            format!("quote it, so that YAML reads text: `{name}: '{}'`", value.text())
        }
        (AttributeType::Integer, _) => "write a whole number, without quotes, e.g. `12`".to_owned(),
        (AttributeType::Boolean, _) => "write `true` or `false`, without quotes".to_owned(),
    };
    problems.push(
        row_at.field("attributes").field(name),
        format!(
            "{here}: attribute `{name}` is declared `type: {}`, but the row gives {} `{}`",
            attribute.kind.keyword(),
            match value.kind() {
                AttributeType::String => "the text",
                AttributeType::Integer => "the number",
                AttributeType::Boolean => "the boolean",
            },
            shown(&value.text())
        ),
        help,
    );
    None
}

/// Did-you-mean for an undeclared attribute.
fn undeclared_help(name: &str, declared: &[Attribute]) -> String {
    let near: Vec<String> = if name.len() <= NEAR_LENGTH && declared.len() <= NEAR_DECLARED {
        let mut near: Vec<(usize, &str)> = declared
            .iter()
            .map(|attribute| (strsim::damerau_levenshtein(name, &attribute.name), attribute.name.as_str()))
            .filter(|&(distance, known)| distance <= (known.len() / 3).max(1))
            .collect();
        near.sort_unstable();
        near.into_iter().take(3).map(|(_, known)| format!("`{known}`")).collect()
    } else {
        Vec::new()
    };
    match near.as_slice() {
        [] if declared.is_empty() => format!(
            "declare it at the top level, e.g. `attributes: {{{name}: {{type: string, description: …}}}}`, or remove it"
        ),
        [] => format!(
            "declare it under the top-level `attributes:`, or use a declared one: {}",
            declared
                .iter()
                .take(8)
                .map(|attribute| format!("`{}`", attribute.name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        [only] => format!("did you mean {only}?"),
        near => format!("did you mean one of {}?", near.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case_and_free() {
        assert_eq!(name_problem("sqlstate"), None);
        assert_eq!(name_problem("odbc_state2"), None);
        for bad in ["SQLState", "2fa", "_x", "a__b", "a_", "état", "", "type", "name", "code", "clone", "fmt"]
        {
            assert!(name_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(suggested_name("SQL-State"), "sql_state");
        assert_eq!(suggested_name("2fa"), "attribute_2fa");
        assert_eq!(suggested_name("name"), "name_value");
        assert_eq!(name_problem(&suggested_name("type")), None);
    }
}
