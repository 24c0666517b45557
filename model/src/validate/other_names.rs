//! A row's other names (`also_named:`): texts like its name, each with an
//! associated constant the table's enum can define, none used twice in
//! the table.

use std::collections::HashMap;

use heck::ToShoutySnakeCase;

use super::Problems;
use crate::source::SpecPath;
use crate::spec::SpecRow;
use crate::text_rules::{refused_characters, shown};
use crate::{OtherName, RESERVED_ASSOCIATED_NAMES, Row};

/// A row's other names as written, each with its constant's name (given,
/// or the name in SCREAMING_SNAKE_CASE).
pub(super) fn check_other_names(
    problems: &mut Problems<'_>,
    here: &str,
    at: &SpecPath,
    spec: &SpecRow,
) -> Vec<OtherName> {
    let mut names = Vec::with_capacity(spec.also_named.len());
    for (i, other) in spec.also_named.iter().enumerate() {
        let at = at.field("also_named").index(i);
        let item = format!("{here}: `also_named` item {}", i + 1);
        if other.name.trim().is_empty() {
            problems.push(at.clone(), format!("{item} is blank"), "write the other name, or remove the item");
        }
        for (problem, help) in refused_characters("also_named", &other.name) {
            problems.push(at.clone(), format!("{item} {problem}"), help);
        }
        if spec.name.as_ref().is_some_and(|name| *name == other.name) {
            problems.push(
                at.clone(),
                format!("{item} is the row's own name `{}`", shown(&other.name)),
                "list only the names besides `name`: remove the item",
            );
        }
        let rust_const = match &other.rust_const {
            Some(given) => {
                if !is_const_ident(given) {
                    problems.push(
                        at.field("rust_const"),
                        format!("{item}: `rust_const: {given}` is not a valid constant name"),
                        "use a SCREAMING_SNAKE_CASE ASCII name starting with a letter, e.g. `WOULD_BLOCK`",
                    );
                }
                given.clone()
            }
            None => {
                let derived = derive_const_name(&other.name);
                if !is_const_ident(&derived) && !other.name.trim().is_empty() {
                    let suggestion = const_suggestion(&derived);
                    problems.push(
                        at.clone(),
                        format!(
                            "{item}: the name `{}` cannot become an associated constant (`{derived}` is no SCREAMING_SNAKE_CASE ASCII name)",
                            shown(&other.name)
                        ),
                        format!(
                            "name the constant yourself: `{{name: '{}', rust_const: {suggestion}}}`",
                            other.name.replace('\'', "''")
                        ),
                    );
                }
                derived
            }
        };
        names.push(OtherName { name: other.name.clone(), rust_const });
    }
    names
}

/// Every other name of a table's rows is no other row's name or other name,
/// and its constant no other constant, variant or item the enum defines.
pub(super) fn check_other_names_unique(problems: &mut Problems<'_>, here: &str, rows: &[Row]) {
    let names: HashMap<&str, usize> =
        rows.iter().enumerate().map(|(r, row)| (row.name.as_str(), r)).collect();
    let variants: HashMap<&str, usize> =
        rows.iter().enumerate().map(|(r, row)| (row.rust_variant.as_str(), r)).collect();
    let mut others: HashMap<&str, usize> = HashMap::new();
    let mut consts: HashMap<&str, usize> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        let row_here = format!("{here}, row {} (`{}`)", r + 1, shown(&row.name));
        for (i, other) in row.also_named.iter().enumerate() {
            let at = row.at.field("also_named").index(i);
            let first = names.get(other.name.as_str()).filter(|&&first| first != r).copied();
            if let Some(first) = first.or_else(|| others.insert(&other.name, r)) {
                problems.push(
                    at.clone(),
                    format!(
                        "{row_here}: the name `{}` is already used by row {}",
                        shown(&other.name),
                        first + 1
                    ),
                    "names, other names included, are unique within a table: remove one of the two",
                );
                continue;
            }
            let taken = if RESERVED_ASSOCIATED_NAMES.contains(&other.rust_const.as_str()) {
                Some("a constant the enum defines for itself".to_owned())
            } else if let Some(first) = variants.get(other.rust_const.as_str()) {
                Some(format!("the variant of row {}", first + 1))
            } else {
                consts.insert(&other.rust_const, r).map(|first| format!("another name of row {}", first + 1))
            };
            if let Some(taken) = taken {
                problems.push(
                    at,
                    format!("{row_here}: the constant `{}` would be {taken}", other.rust_const),
                    format!(
                        "name the constant yourself: `{{name: '{}', rust_const: {}_NAME}}`",
                        other.name.replace('\'', "''"),
                        other.rust_const
                    ),
                );
            }
        }
    }
}

/// SCREAMING_SNAKE_CASE of `name`, split into words at every character
/// that is not alphanumeric: `Would Block` → `WOULD_BLOCK`.
fn derive_const_name(name: &str) -> String {
    name.to_shouty_snake_case()
}

/// Whether `ident` can name an associated constant without a lint: ASCII
/// capitals, digits and `_`, starting with a capital.
fn is_const_ident(ident: &str) -> bool {
    let mut chars = ident.chars();
    matches!(chars.next(), Some('A'..='Z'))
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A valid constant name close to `derived`.
fn const_suggestion(derived: &str) -> String {
    let ascii: String = derived.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let ascii = ascii.trim_matches('_');
    if is_const_ident(ascii) {
        ascii.to_owned()
    } else if !ascii.is_empty() && is_const_ident(&format!("E_{ascii}")) {
        format!("E_{ascii}")
    } else {
        "OTHER_NAME".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_the_names_in_screaming_snake_case() {
        assert_eq!(derive_const_name("EWOULDBLOCK"), "EWOULDBLOCK");
        assert_eq!(derive_const_name("Would Block"), "WOULD_BLOCK");
        assert!(is_const_ident("E2BIG") && !is_const_ident("2BIG") && !is_const_ident("Ab"));
        assert_eq!(const_suggestion("2BIG"), "E_2BIG");
        assert_eq!(const_suggestion("É"), "OTHER_NAME");
    }
}
