//! The lock's record of the per-row attributes: an `attribute:` line per
//! declared attribute and a `value:` line per value a row gives, so that
//! an attribute removed or retyped, or a value changed, is seen. A code
//! has no `:`, so no code line (not even one of the string code `value`)
//! reads as one of these.
//!
//! ```text
//! attribute: sqlstate string required
//! attribute: retryable boolean optional
//! value: 1213 sqlstate "40001"
//! value: 1213 retryable true
//! ```
//!
//! The declarations come in spec order, after the recoveries; the values
//! after the code lines, sorted by code and then in declaration order,
//! each a double-quoted string, a whole number, `true` or `false`. A lock
//! without `attribute:` lines records a catalogue without attributes,
//! which every lock written before attributes existed was: so such a lock
//! needs no migration.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::compat::quoted::{quote, unquote};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{AttributeType, AttributeValue, Catalogue, Code, CodeKind};

/// How a declaration's line starts.
const DECLARATION: &str = "attribute: ";
/// How a value's line starts.
const VALUE: &str = "value: ";

/// One declared attribute, as published: what its getter returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedAttribute {
    /// The name, the getter's.
    pub name: String,
    /// The type of its values.
    pub kind: AttributeType,
    /// Whether every row gives it (the getter returns no `Option`).
    pub required: bool,
}

impl PublishedAttribute {
    /// The getter's return type, as the crate spells it.
    pub fn rust_type(&self) -> String {
        let ty = self.kind.rust_type();
        if self.required { ty.to_owned() } else { format!("Option<{ty}>") }
    }
}

/// The attributes a catalogue publishes: the declarations, and each
/// row's values by its code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributeRecord {
    /// The declarations, in spec order.
    pub declared: Vec<PublishedAttribute>,
    /// Each row's values (those it gives), by the row's code, in
    /// declaration order.
    pub values: BTreeMap<Code, Vec<(String, AttributeValue)>>,
}

impl AttributeRecord {
    /// What `catalogue` publishes.
    pub fn of_catalogue(catalogue: &Catalogue) -> Self {
        let declared = catalogue
            .attributes
            .iter()
            .map(|a| PublishedAttribute { name: a.name.clone(), kind: a.kind, required: a.required })
            .collect();
        let values = catalogue
            .rows()
            .map(|(_, row)| {
                let given = catalogue
                    .attributes
                    .iter()
                    .zip(&row.attributes)
                    .filter_map(|(attribute, value)| Some((attribute.name.clone(), value.clone()?)))
                    .collect();
                (row.code.clone(), given)
            })
            .filter(|(_, given): &(Code, Vec<_>)| !given.is_empty())
            .collect();
        AttributeRecord { declared, values }
    }
}

/// The attribute lines of a lock being read: the declarations at once,
/// the value lines once the kind of codes is known.
#[derive(Default)]
pub(crate) struct AttributeLines<'t> {
    declared: Vec<PublishedAttribute>,
    values: Vec<(usize, &'t str)>,
}

impl<'t> AttributeLines<'t> {
    /// Takes line `n` if it is an `attribute:` or `value:` line, and says
    /// whether it was.
    pub(crate) fn read(
        &mut self,
        path: &Path,
        n: usize,
        line: &'t str,
        problems: &mut Vec<Diagnostic>,
    ) -> bool {
        if let Some(rest) = line.strip_prefix(VALUE) {
            self.values.push((n, rest));
            return true;
        }
        let Some(rest) = line.strip_prefix(DECLARATION) else { return false };
        match parse_declaration(rest) {
            Ok(attribute) if self.declared.iter().any(|other| other.name == attribute.name) => problems.push(
                Diagnostic::new(
                    path,
                    format!("attribute `{}` is locked twice: a merge kept both sides", attribute.name),
                )
                .at(n, 1)
                .help("keep the line that matches the spec, delete the other, then run `gen` again"),
            ),
            Ok(attribute) => self.declared.push(attribute),
            Err(message) => problems.push(broken(path, n, "a locked attribute", &message)),
        }
        true
    }

    /// The record, its value lines read as of codes of `kind`.
    pub(crate) fn finish(
        self,
        path: &Path,
        kind: CodeKind,
        problems: &mut Vec<Diagnostic>,
    ) -> AttributeRecord {
        let mut values: BTreeMap<Code, Vec<(String, AttributeValue)>> = BTreeMap::new();
        for (n, rest) in self.values {
            match parse_value(rest, kind, &self.declared) {
                Ok((code, name, value)) => {
                    let given = values.entry(code.clone()).or_default();
                    if given.iter().any(|(other, _)| *other == name) {
                        problems.push(
                            Diagnostic::new(
                                path,
                                format!("the value of `{name}` for code {code} is locked twice: a merge kept both sides"),
                            )
                            .at(n, 1)
                            .help("keep the line that matches the spec, delete the other, then run `gen` again"),
                        );
                    } else {
                        given.push((name, value));
                    }
                }
                Err(message) => problems.push(broken(path, n, "a locked attribute value", &message)),
            }
        }
        // In declaration order, whatever the order of the lines.
        let order = |name: &str| self.declared.iter().position(|a| a.name == name);
        for given in values.values_mut() {
            given.sort_by_key(|(name, _)| order(name));
        }
        AttributeRecord { declared: self.declared, values }
    }
}

fn broken(path: &Path, n: usize, what: &str, message: &str) -> Diagnostic {
    Diagnostic::new(path, format!("line {n} of the lock is not {what}: {message}"))
        .at(n, 1)
        .help("restore the lock from version control, then run `gen` again")
}

/// An `attribute:` line's fields (after `attribute: `).
fn parse_declaration(rest: &str) -> Result<PublishedAttribute, String> {
    let fields: Vec<&str> = rest.split(' ').collect();
    let [name, kind, required] = fields[..] else {
        return Err(
            "an attribute line reads `attribute: NAME string|integer|boolean required|optional`".to_owned()
        );
    };
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Err(format!("`{}` is not an attribute name", name.escape_debug()));
    }
    let kind = AttributeType::parse(kind).ok_or_else(|| format!("`{kind}` is not a type of attribute"))?;
    let required = match required {
        "required" => true,
        "optional" => false,
        other => return Err(format!("`{other}` is neither `required` nor `optional`")),
    };
    Ok(PublishedAttribute { name: name.to_owned(), kind, required })
}

/// A `value:` line's fields (after `value: `), of a declared attribute.
fn parse_value(
    rest: &str,
    kind: CodeKind,
    declared: &[PublishedAttribute],
) -> Result<(Code, String, AttributeValue), String> {
    let mut fields = rest.splitn(3, ' ');
    let (Some(code), Some(name), Some(value)) = (fields.next(), fields.next(), fields.next()) else {
        return Err("a value line reads `value: CODE ATTRIBUTE VALUE`".to_owned());
    };
    let code = Code::parse(code, kind).ok_or_else(|| format!("`{}` is not a code", code.escape_debug()))?;
    let attribute = declared
        .iter()
        .find(|attribute| attribute.name == name)
        .ok_or_else(|| format!("attribute `{}` has no `attribute:` line", name.escape_debug()))?;
    let value = match attribute.kind {
        AttributeType::String => unquote(value).map(AttributeValue::String),
        AttributeType::Integer => value.parse().ok().map(AttributeValue::Integer),
        AttributeType::Boolean => value.parse().ok().map(AttributeValue::Boolean),
    }
    .ok_or_else(|| {
        format!("`{}` is not a value of type {}", value.escape_debug(), attribute.kind.keyword())
    })?;
    Ok((code, name.to_owned(), value))
}

/// The declarations' lines, after the recoveries.
pub(crate) fn render_declarations(out: &mut String, record: &AttributeRecord) {
    if record.declared.is_empty() {
        return;
    }
    out.push_str(
        "# The per-row attributes, in spec order: `attribute: NAME TYPE required|optional`.\n\
         # Removing one, or changing its type or whether it is required, is a\n\
         # breaking change.\n",
    );
    for attribute in &record.declared {
        let required = if attribute.required { "required" } else { "optional" };
        // `write!` to a String cannot fail.
        let _ = writeln!(out, "{DECLARATION}{} {} {required}", attribute.name, attribute.kind.keyword());
    }
}

/// The values' lines, after the codes.
pub(crate) fn render_values(out: &mut String, record: &AttributeRecord) {
    if record.values.is_empty() {
        return;
    }
    out.push_str("# Each row's attribute values, by code: `value: CODE ATTRIBUTE VALUE`.\n");
    for (code, given) in &record.values {
        for (name, value) in given {
            let value = match value {
                AttributeValue::String(text) => quote(text),
                other => other.text(),
            };
            let _ = writeln!(out, "{VALUE}{} {name} {value}", code.word());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_lines_read_back() {
        let text = "attribute: sqlstate string required\nattribute: retryable boolean optional\n\
                    attribute: severity integer optional\nvalue: 7 severity -1\nvalue: 7 sqlstate \"4 \\\"2\"\n\
                    value: 7 retryable true\n";
        let mut lines = AttributeLines::default();
        let mut problems = Vec::new();
        for (i, line) in text.lines().enumerate() {
            assert!(lines.read(Path::new("x.lock"), i + 1, line, &mut problems));
        }
        let record = lines.finish(Path::new("x.lock"), CodeKind::Integer, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(record.declared[0].rust_type(), "&'static str");
        assert_eq!(record.declared[1].rust_type(), "Option<bool>");
        let given = &record.values[&Code::Integer(7)];
        assert_eq!(given[0], ("sqlstate".to_owned(), AttributeValue::String("4 \"2".to_owned())));
        assert_eq!(given[2], ("severity".to_owned(), AttributeValue::Integer(-1)));
        let mut out = String::new();
        render_values(&mut out, &record);
        assert!(
            out.ends_with("value: 7 sqlstate \"4 \\\"2\"\nvalue: 7 retryable true\nvalue: 7 severity -1\n"),
            "{out}"
        );
        assert!(parse_declaration("x float optional").unwrap_err().contains("`float`"));
        assert!(parse_declaration("X string optional").unwrap_err().contains("attribute name"));
        assert!(parse_declaration("x string maybe").unwrap_err().contains("`maybe`"));
        assert!(
            parse_value("7 other 1", CodeKind::Integer, &record.declared)
                .unwrap_err()
                .contains("no `attribute:` line")
        );
        assert!(
            parse_value("7 severity x", CodeKind::Integer, &record.declared).unwrap_err().contains("integer")
        );
        assert!(
            parse_value("7 sqlstate x", CodeKind::Integer, &record.declared).unwrap_err().contains("string")
        );
    }
}
