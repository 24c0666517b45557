//! Rows without a name (`name:` left out): where the source names its
//! errors by their codes alone (S3's `NoSuchBucket`), the code is the name,
//! for every row of the table, so that nothing shows it twice.

use super::{Problems, table_path};
use crate::CodeKind;
use crate::source::SpecPath;
use crate::spec::{SpecCode, SpecFile, SpecMessageText, SpecRow, SpecTable};

/// A row's name: as written, or its code where it gives none in a
/// `codes: string` catalogue.
pub(super) fn row_name(
    problems: &mut Problems<'_>,
    table: &str,
    (at, r): (&SpecPath, usize),
    spec: &SpecRow,
) -> String {
    if let Some(name) = &spec.name {
        return name.clone();
    }
    match (&spec.code, problems.codes) {
        (SpecCode::Text(code), _) => code.clone(),
        (SpecCode::Integer(code), Some(CodeKind::Integer)) => {
            problems.push(
                at.clone(),
                format!("{table}, row {} (code {code}): no `name`", r + 1),
                "write the row's name as the source prints it, e.g. `name: NOT_FOUND`; only a \
                 `codes: string` catalogue may leave names out, its codes being the names",
            );
            // No name, so no variant name to judge either.
            String::new()
        }
        // The code itself is refused: one problem is enough.
        (SpecCode::Integer(code), _) => code.to_string(),
    }
}

/// Whether a table's rows give names: all of them, or none (then each
/// row's name is its code). A table that mixes the two is refused at its
/// first row without one.
pub(super) fn table_named(problems: &mut Problems<'_>, t: usize, spec: &SpecTable) -> bool {
    let named = spec.errors.iter().position(|row| row.name.is_some());
    let nameless = spec.errors.iter().position(|row| row.name.is_none());
    if let (Some(named), Some(nameless)) = (named, nameless)
        && problems.codes == Some(CodeKind::String)
    {
        problems.push(
            table_path(t).field("errors").index(nameless),
            format!("table `{}`: row {} gives no `name`, but row {} does", spec.id, nameless + 1, named + 1),
            "give every row of the table its name, or none (each row's code is then its name)",
        );
    }
    named.is_some() || spec.errors.is_empty()
}

/// A body whose message is the row's name (`message_text: name`, the
/// default) would send a nameless row's code as its message: such a
/// catalogue says `message_text: description`.
pub(super) fn check_message_text(problems: &mut Problems<'_>, spec: &SpecFile) {
    let Some(body) = &spec.body else { return };
    if body.message.is_none() || body.message_text != SpecMessageText::Name {
        return;
    }
    if let Some(table) = spec.tables.iter().find(|table| table.errors.iter().any(|row| row.name.is_none())) {
        problems.push(
            SpecPath::root().field("body").field("message"),
            format!(
                "the body's message is the row's name (`message_text: name`, the default), \
                 but table `{}` gives no names: its codes would be sent as messages",
                table.id
            ),
            "send the description instead: `message_text: description`; or give the rows their names",
        );
    }
}
