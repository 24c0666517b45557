//! Tables: each one's own fields and rows, and what no two tables may share.

use std::collections::{BTreeMap, HashMap};

use heck::ToUpperCamelCase;

use super::codes::check_code_uniqueness;
use super::other_names::check_other_names_unique;
use super::rows::check_row;
use super::vocabulary::{RecoveryLookup, check_row_recovery};
use super::{Problems, Skipped, check_text, is_table_id, table_path};
use crate::source::SpecPath;
use crate::spec::{SpecFile, SpecTable, SpecTableKind};
use crate::text_rules::shown;
use crate::{
    Code, CodeKind, DEFAULT_NAME_COLUMN, RESERVED_ASSOCIATED_NAMES, RESERVED_ITEM_NAMES, Recovery, Row,
    Table, TableKind, is_type_ident,
};

/// The tables that were read, checked, and what the later checks need
/// from their rows.
pub(super) struct Tables {
    /// In spec order.
    pub(super) tables: Vec<Table>,
    /// Every row's code and alias, and where it is used, as messages name it.
    pub(super) codes: HashMap<Code, String>,
    /// Each custom row (its table's and its own index in `tables`), and
    /// whether it names its HTTP status.
    pub(super) statuses: Vec<(usize, usize, bool)>,
}

/// Checks every table that was read, and that no two share an id, an
/// enum name, an `ErrorCode` variant or a code. A row's recovery is
/// resolved against `recoveries` when the whole vocabulary was read
/// (`vocabulary_read`): otherwise the name it gives may be that of an
/// entry that could not be.
pub(super) fn check_tables(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
    recoveries: &[Recovery],
    vocabulary_read: bool,
) -> Tables {
    let mut table_ids = HashMap::new();
    let mut enum_names = HashMap::new();
    let mut holder_variants = HashMap::new();
    let mut codes: HashMap<Code, String> = HashMap::new();
    // Each code's first description, for the advice on a code used twice.
    let mut descriptions: HashMap<Code, String> = HashMap::new();
    let mut statuses: Vec<(usize, usize, bool)> = Vec::new();
    let mut recovery_lookup = RecoveryLookup::new(recoveries);
    let mut tables = Vec::with_capacity(spec.tables.len());
    for (t, spec_table) in spec.tables.iter().enumerate() {
        if skipped.tables.contains(&t) {
            continue;
        }
        let mut table = check_table(problems, skipped, t, spec_table);
        check_values_module(problems, t, spec, spec_table);
        if let Some(first) = table_ids.insert(table.id.clone(), t) {
            problems.push(
                table.at.field("id"),
                format!("table id `{}` is used by tables {} and {}", table.id, first + 1, t + 1),
                "give each table its own `id`",
            );
        } else if let Some(first) = enum_names.insert(table.rust_enum.clone(), t) {
            problems.push(
                table.at.field("rust_enum"),
                format!("enum name `{}` is used by tables {} and {}", table.rust_enum, first + 1, t + 1),
                "set a distinct `rust_enum` on one of them",
            );
        }
        if let Some(first) = holder_variants.insert(table.error_code_variant.clone(), t)
            && spec.tables[first].id != table.id
        {
            problems.push(
                table.at.field("id"),
                format!(
                    "table ids `{}` and `{}` both give the `ErrorCode` variant `{}`",
                    spec.tables[first].id, table.id, table.error_code_variant
                ),
                "give the tables ids that differ in more than underscores",
            );
        }
        let read_rows = (0..spec_table.errors.len()).filter(|&r| !skipped.rows.contains(&(t, r)));
        for (i, (r, row)) in read_rows.zip(&mut table.rows).enumerate() {
            if table.kind == TableKind::Custom {
                statuses.push((tables.len(), i, spec_table.errors[r].http_status.is_some()));
            }
            let here = format!("table `{}`, row {} (`{}`)", table.id, r + 1, shown(&row.name));
            if let Some(named) = &spec_table.errors[r].recovery
                && vocabulary_read
            {
                row.recovery = check_row_recovery(problems, &mut recovery_lookup, row, &here, named, spec);
            }
            let same_text = descriptions.get(&row.code).is_some_and(|first| *first == row.description);
            descriptions.entry(row.code.clone()).or_insert_with(|| row.description.clone());
            check_code_uniqueness(problems, &mut codes, (row, same_text), &here);
        }
        tables.push(table);
    }
    Tables { tables, codes, statuses }
}

/// A table whose errors have values names its module in `values` after its
/// id, so the id cannot be a Rust keyword there.
fn check_values_module(problems: &mut Problems<'_>, t: usize, spec: &SpecFile, table: &SpecTable) {
    let values = !spec.params.0.is_empty()
        || table.errors.iter().any(|row| !row.params.0.is_empty() || row.message.is_some());
    if values && crate::names::is_keyword(&table.id) {
        problems.push(
            table_path(t).field("id"),
            format!(
                "table `{id}`: its errors have values, whose module `values::{id}` would be named by a Rust keyword",
                id = table.id
            ),
            format!("choose another id, e.g. `id: {}_codes`", table.id),
        );
    }
}

/// One table's own fields, its enum name and its rows.
fn check_table(problems: &mut Problems<'_>, skipped: &Skipped, t: usize, spec: &SpecTable) -> Table {
    let at = table_path(t);
    if !is_table_id(&spec.id) {
        problems.push(
            at.field("id"),
            format!("table {}: id `{}` is not snake_case", t + 1, spec.id),
            "use lowercase ASCII letters, digits and `_`, starting with a letter, e.g. `auth`",
        );
    }
    let here = format!("table `{}`", spec.id);
    for (field, value) in [("title", &spec.title), ("summary", &spec.summary)] {
        if value.trim().is_empty() {
            problems.push(
                at.field(field),
                format!("{here}: `{field}` is blank"),
                format!("write the table's {field}"),
            );
        }
        check_text(problems, at.clone(), &here, field, value);
    }

    let error_code_variant = spec.id.to_upper_camel_case();
    // Every snake_case id gives an UpperCamelCase identifier but one.
    let keyword = !is_type_ident(&error_code_variant);
    if is_table_id(&spec.id) && (keyword || RESERVED_ASSOCIATED_NAMES.contains(&error_code_variant.as_str()))
    {
        problems.push(
            at.field("id"),
            if keyword {
                format!("{here}: the id gives the `ErrorCode` variant `{error_code_variant}`, a Rust keyword")
            } else {
                format!("{here}: the id gives the `ErrorCode` variant `{error_code_variant}`, a name the generated enums keep for themselves")
            },
            format!("choose another id, e.g. `id: {}_codes`", spec.id),
        );
    }
    let rust_enum = spec.rust_enum.clone().unwrap_or_else(|| format!("{error_code_variant}Error"));
    let enum_at = at.field(if spec.rust_enum.is_some() { "rust_enum" } else { "id" });
    if !is_type_ident(&rust_enum) {
        problems.push(
            enum_at,
            format!("{here}: `{rust_enum}` cannot name the table's enum"),
            "set `rust_enum` to an UpperCamelCase ASCII name that is not a keyword, e.g. `rust_enum: AuthError`",
        );
    } else if RESERVED_ITEM_NAMES.contains(&rust_enum.as_str()) {
        let suggestion = [format!("{error_code_variant}Error"), format!("{error_code_variant}Codes")]
            .into_iter()
            .find(|name| !RESERVED_ITEM_NAMES.contains(&name.as_str()) && *name != rust_enum)
            .unwrap_or_else(|| "AppError".to_owned());
        problems.push(
            enum_at,
            format!(
                "{here}: `{rust_enum}` cannot name the table's enum: the generated crate has a type of that name"
            ),
            format!("set `rust_enum` to another name, e.g. `rust_enum: {suggestion}`"),
        );
    }
    if spec.errors.is_empty() {
        problems.push(
            at.field("errors"),
            format!("{here} has no rows"),
            "add at least one entry under `errors:`",
        );
    }

    let kind = match spec.kind {
        SpecTableKind::Custom => TableKind::Custom,
        SpecTableKind::HttpStatus => TableKind::HttpStatus,
    };
    if kind == TableKind::HttpStatus && problems.codes == Some(CodeKind::String) {
        problems.push(
            at.field("kind"),
            format!("{here}: `kind: http_status` lists HTTP statuses, which are numbers, but the catalogue has `codes: string`"),
            "remove `kind: http_status` and give each row its `http_status`, or remove `codes: string`",
        );
    }
    let rows = check_rows(problems, skipped, (t, &here), kind, &rust_enum, spec);

    Table {
        id: spec.id.clone(),
        kind,
        title: spec.title.clone(),
        summary: spec.summary.clone(),
        rust_enum,
        error_code_variant,
        rows,
        named: super::row_names::table_named(problems, t, spec),
        name_column: check_name_column(problems, &at, spec),
        at,
    }
}

/// The docs' name column heading: one line of text, `Name` unless set.
fn check_name_column(problems: &mut Problems<'_>, at: &SpecPath, spec: &SpecTable) -> String {
    let Some(heading) = &spec.name_column else { return DEFAULT_NAME_COLUMN.to_owned() };
    if heading.trim().is_empty() || heading.contains(['\n', '\r']) {
        problems.push(
            at.field("name_column"),
            format!("table `{}`: `name_column` must be one non-blank line", spec.id),
            "write the column's heading as the source prints it, e.g. `name_column: Message`, or remove it",
        );
    } else {
        check_text(problems, at.clone(), &format!("table `{}`", spec.id), "name_column", heading);
    }
    heading.clone()
}

/// A table's rows, each checked, with names and variant names distinct
/// within the table.
fn check_rows(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    (t, here): (usize, &str),
    kind: TableKind,
    rust_enum: &str,
    spec: &SpecTable,
) -> Vec<Row> {
    let at = table_path(t);
    let mut names = HashMap::new();
    let mut variants: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::with_capacity(spec.errors.len());
    for (r, spec_row) in spec.errors.iter().enumerate() {
        if skipped.rows.contains(&(t, r)) {
            continue;
        }
        let row_at = at.field("errors").index(r);
        let row = check_row(problems, here, kind, (row_at, r), spec.codes_embed_http_status, spec_row);
        let here = format!("{here}, row {} (`{}`)", r + 1, shown(&row.name));
        if RESERVED_ASSOCIATED_NAMES.contains(&row.rust_variant.as_str()) {
            problems.push(
                row.at.field(if spec_row.rust_variant.is_some() { "rust_variant" } else { "name" }),
                format!(
                    "{here}: variant `{}` would take the name of `{rust_enum}::{}`, which the enum defines",
                    row.rust_variant, row.rust_variant
                ),
                format!(
                    "set `rust_variant` to another name, e.g. `rust_variant: {}`",
                    row.rust_variant.to_upper_camel_case()
                ),
            );
        }
        if let Some(first) = names.insert(row.name.clone(), r) {
            problems.push(
                row.at.field("name"),
                format!("{here}: name `{}` is already used by row {}", row.name, first + 1),
                "names are unique within a table",
            );
        } else if let Some(first) = variants.insert(row.rust_variant.clone(), r) {
            problems.push(
                row.at.field(if spec_row.rust_variant.is_some() { "rust_variant" } else { "name" }),
                format!("{here}: variant `{}` is already derived for row {}", row.rust_variant, first + 1),
                "set `rust_variant` on one of the two rows",
            );
        }
        rows.push(row);
    }
    check_other_names_unique(problems, here, &rows);
    rows
}
