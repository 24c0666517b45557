//! Validation: checks a spec file's values and builds the [`Catalogue`],
//! collecting every problem with the path of the value at fault.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use heck::ToUpperCamelCase;

mod vocabulary;

use self::vocabulary::{check_body, check_no_body, check_recoveries, check_row_recovery, check_type_base};
use super::text_rules::{refused_characters, shown};
use super::{
    Catalogue, Code, CodeKind, DEFAULT_NAME_COLUMN, ProblemDetails, RESERVED_ASSOCIATED_NAMES,
    RESERVED_ITEM_NAMES, Retired, Row, Table, TableKind, crate_name_clash, derive_variant_name,
    is_string_code, is_type_ident,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SpecPath;
use crate::spec::{SpecCode, SpecCodes, SpecFile, SpecRetired, SpecRow, SpecTable, SpecTableKind};

/// The parts of a spec that could not be read, by their indexes in the
/// file (from 0). Validation skips them, and every check they take part in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// The catalogue's own fields (`title`, `crate`, `version`, the
    /// `tables` and `retired` lists themselves), none of them read.
    pub catalogue: bool,
    /// The catalogue's own fields that could not be read (`codes`,
    /// `body`, …), each at its default and judged by nothing, while the
    /// others are judged.
    pub catalogue_fields: BTreeSet<String>,
    /// Tables whose own fields could not be read (`tables[t]`).
    pub tables: BTreeSet<usize>,
    /// Rows (`tables[t].errors[r]`).
    pub rows: BTreeSet<(usize, usize)>,
    /// Entries of a table's own `retired:` list (`tables[t].retired[i]`).
    pub table_retired: BTreeSet<(usize, usize)>,
    /// Entries of the top-level `retired:` list (`retired[i]`).
    pub retired: BTreeSet<usize>,
    /// Entries of the `recoveries:` list (`recoveries[i]`).
    pub recoveries: BTreeSet<usize>,
}

impl Skipped {
    /// Whether the whole spec was read.
    pub fn is_empty(&self) -> bool {
        *self == Skipped::default()
    }

    /// Whether the catalogue's own field `field` was read.
    fn read(&self, field: &str) -> bool {
        !self.catalogue && !self.catalogue_fields.contains(field)
    }
}

/// Checks one parsed spec file and builds its catalogue, reporting every
/// problem found rather than the first.
pub fn validate(file: &Path, source: &str, spec: &SpecFile) -> Result<Catalogue, Diagnostics> {
    validate_skipping(file, source, spec, &Skipped::default())
}

/// Checks one parsed spec file and builds its catalogue, reporting every
/// problem found rather than the first. The parts of the spec that could
/// not be read (`skipped`), and every check they would take part in, are
/// skipped, so that only what was read is judged, and only on its own
/// merits. (A catalogue that comes back for a spec with skipped parts
/// lacks them.)
pub fn validate_skipping(
    file: &Path,
    source: &str,
    spec: &SpecFile,
    skipped: &Skipped,
) -> Result<Catalogue, Diagnostics> {
    let codes_kind = match spec.codes {
        SpecCodes::Integer => CodeKind::Integer,
        SpecCodes::String => CodeKind::String,
    };
    // `codes:` is a field of the catalogue: when those could not be read,
    // it may be the default, and no code is judged against it.
    let codes = skipped.read("codes").then_some(codes_kind);
    let mut problems = Problems { file, codes, found: Vec::new() };
    if !skipped.catalogue {
        check_catalogue(&mut problems, skipped, spec);
    }

    let recoveries = check_recoveries(&mut problems, skipped, spec);
    let body =
        if skipped.catalogue { None } else { spec.body.as_ref().map(|body| check_body(&mut problems, body)) };
    // A row's recovery is judged only when the whole vocabulary was read:
    // the name it gives may be that of an entry that could not be.
    let vocabulary_read = skipped.read("recoveries") && skipped.recoveries.is_empty();

    let mut table_ids = HashMap::new();
    let mut enum_names = HashMap::new();
    let mut holder_variants = HashMap::new();
    let mut codes: HashMap<Code, String> = HashMap::new();
    // Each custom row (its table's and its own index in the model), and
    // whether it names its HTTP status.
    let mut statuses: Vec<(usize, usize, bool)> = Vec::new();
    let mut tables = Vec::with_capacity(spec.tables.len());
    for (t, spec_table) in spec.tables.iter().enumerate() {
        if skipped.tables.contains(&t) {
            continue;
        }
        let mut table = check_table(&mut problems, skipped, t, spec_table);
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
                row.recovery = check_row_recovery(&mut problems, &recoveries, row, &here, named, spec);
            }
            if let Some(first) = codes.insert(row.code.clone(), here.clone()) {
                problems.push(
                    row.at.field("code"),
                    format!("{here}: code {} is already used by {first}", row.code),
                    "codes are unique across the whole catalogue: pick an unused code",
                );
            }
            check_alias_uniqueness(&mut problems, &mut codes, row, &here);
        }
        tables.push(table);
    }

    check_http_tables(&mut problems, skipped, spec);
    let http = check_http(&mut problems, &tables, &statuses);
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
    if !http {
        check_no_embedded_status(&mut problems, skipped, spec);
        // Judged only when every row was read: a status may be on one that was not.
        if body.is_some() && skipped.tables.is_empty() && skipped.rows.is_empty() {
            check_no_body(&mut problems);
        }
    }
    let (package, package_problems) = super::package::check_package(spec.package.as_ref(), &spec.title);
    if !skipped.catalogue {
        for (at, message, help) in package_problems {
            problems.push(at, message, help);
        }
    }
    let retired = check_retired(&mut problems, skipped, spec, &codes);

    if problems.found.is_empty() {
        Ok(Catalogue {
            source: source.to_owned(),
            title: spec.title.clone(),
            crate_name: spec.crate_name.clone(),
            version: spec.version.clone(),
            codes: codes_kind,
            http,
            tables,
            retired,
            recoveries,
            body,
            package,
            problem_details: spec
                .problem_details
                .as_ref()
                .map(|details| ProblemDetails { type_base: details.type_base.clone() }),
            spec_file: None,
        })
    } else {
        Err(Diagnostics(problems.found))
    }
}

/// The catalogue's own fields, those that were read.
fn check_catalogue(problems: &mut Problems<'_>, skipped: &Skipped, spec: &SpecFile) {
    if skipped.read("title") && spec.title.trim().is_empty() {
        problems.push(
            SpecPath::root().field("title"),
            "`title` is blank",
            "give the catalogue a title, e.g. the source document's",
        );
    }
    check_text(problems, SpecPath::root(), "the catalogue", "title", &spec.title);
    let crate_read = skipped.read("crate");
    if crate_read && !is_crate_name(&spec.crate_name) {
        problems.push(
            SpecPath::root().field("crate"),
            format!("`crate: {}` is not a valid package name", spec.crate_name),
            "use lowercase ASCII letters, digits and `-`, starting with a letter, e.g. `my-api-errors`",
        );
    } else if crate_read && let Some(clash) = crate_name_clash(&spec.crate_name.replace('-', "_")) {
        problems.push(
            SpecPath::root().field("crate"),
            format!("`crate: {}` names {clash}", spec.crate_name),
            format!("choose a name of your own, e.g. `crate: {}-errors`", spec.crate_name),
        );
    }
    if skipped.read("version") && semver::Version::parse(&spec.version).is_err() {
        problems.push(
            SpecPath::root().field("version"),
            format!("`version: {}` is not a semver version", spec.version),
            "write MAJOR.MINOR.PATCH, e.g. `0.1.0`",
        );
    }
    if let Some(details) = &spec.problem_details
        && let Err(problem) = check_type_base(&details.type_base)
    {
        problems.push(
            SpecPath::root().field("problem_details").field("type_base"),
            format!("`type_base: {}` {problem}", shown(&details.type_base)),
            "give the address of the published reference page, e.g. `https://docs.example.com/my-api-errors.html`",
        );
    }
    if skipped.read("tables") && spec.tables.is_empty() {
        problems.push(
            SpecPath::root().field("tables"),
            "the catalogue has no tables",
            "add at least one entry under `tables:`",
        );
    }
}

/// Checks both kinds of `retired:` list: a table's own, and the top-level
/// one for tables that are gone. `codes` holds every row's code.
fn check_retired(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
    codes: &HashMap<Code, String>,
) -> Vec<Retired> {
    let per_table =
        spec.tables.iter().enumerate().filter(|(t, _)| !skipped.tables.contains(t)).flat_map(|(t, table)| {
            table
                .retired
                .iter()
                .enumerate()
                .filter(move |(i, _)| !skipped.table_retired.contains(&(t, *i)))
                .map(move |(i, entry)| (table_path(t).field("retired").index(i), Some(table), entry))
        });
    let top_level = spec
        .retired
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped.retired.contains(i))
        .map(|(i, entry)| (SpecPath::root().field("retired").index(i), None, entry));
    let mut seen: HashMap<Code, SpecPath> = HashMap::new();
    let mut retired = Vec::new();
    for (at, owner, entry) in per_table.chain(top_level) {
        let SpecRetired { code, name, reason, table } = entry;
        let here = format!("retired code {code} (`{}`)", shown(name));
        let code = problems.code(at.field("code"), &here, "the code", code);
        let table = match (owner, table) {
            (Some(owner), None) => owner.id.clone(),
            (Some(owner), Some(named)) => {
                problems.push(
                    at.field("table"),
                    format!("{here}: `table: {named}` inside table `{}`'s own `retired:` list", owner.id),
                    "remove `table`: a table's own `retired:` list belongs to that table",
                );
                owner.id.clone()
            }
            (None, Some(named)) => {
                if !is_table_id(named) {
                    problems.push(
                        at.field("table"),
                        format!("{here}: `table: {named}` is not a table id"),
                        "write the snake_case id the table had, e.g. `table: auth`",
                    );
                }
                named.clone()
            }
            (None, None) => {
                problems.push(
                    at.clone(),
                    format!("{here}: the top-level `retired:` list needs `table`"),
                    "add the id of the table the code belonged to, e.g. `table: auth`, or move the entry into that table's own `retired:` list",
                );
                String::new()
            }
        };
        for (field, value) in [("name", name), ("reason", reason)] {
            if value.trim().is_empty() {
                problems.push(
                    at.field(field),
                    format!("{here}: `{field}` is blank"),
                    if field == "name" {
                        "write the name the code was published with"
                    } else {
                        "say why the code was withdrawn and what to use instead"
                    },
                );
            }
            check_text(problems, at.clone(), &here, field, value);
        }
        if let Some(row) = codes.get(&code) {
            problems.push(
                at.field("code"),
                format!("{here}: the code is retired but {row} uses it"),
                "a retired code is never reused: give the row a new code, or remove the entry if the code was never published",
            );
        }
        if let Some(first) = seen.insert(code.clone(), at.clone()) {
            problems.push(
                at.field("code"),
                format!("{here}: the code is already retired at `{first}`"),
                "list each retired code once",
            );
        }
        retired.push(Retired { code, name: name.clone(), table, reason: reason.clone(), at });
    }
    retired
}

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
    let mut names = HashMap::new();
    let mut variants: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::with_capacity(spec.errors.len());
    for (r, spec_row) in spec.errors.iter().enumerate() {
        if skipped.rows.contains(&(t, r)) {
            continue;
        }
        let row_at = at.field("errors").index(r);
        let row = check_row(problems, &here, kind, (row_at, r), spec.codes_embed_http_status, spec_row);
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

    Table {
        id: spec.id.clone(),
        kind,
        title: spec.title.clone(),
        summary: spec.summary.clone(),
        rust_enum,
        error_code_variant,
        rows,
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

fn check_row(
    problems: &mut Problems<'_>,
    table: &str,
    kind: TableKind,
    (at, r): (SpecPath, usize),
    embeds_status: bool,
    spec: &SpecRow,
) -> Row {
    let here = format!("{table}, row {} (`{}`)", r + 1, shown(&spec.name));
    let code = problems.code(at.field("code"), &here, "the code", &spec.code);
    for (field, value) in [("name", &spec.name), ("description", &spec.description)] {
        if value.trim().is_empty() {
            problems.push(
                at.field(field),
                format!("{here}: `{field}` is blank"),
                format!("write the row's {field}"),
            );
        }
        check_text(problems, at.clone(), &here, field, value);
    }

    let http_status = match (kind, spec.http_status) {
        (TableKind::HttpStatus, declared) => {
            let status =
                code.integer().and_then(|code| u16::try_from(code).ok()).filter(|s| is_error_status(*s));
            // A string catalogue's status table is refused as a whole.
            if status.is_none() && problems.codes != Some(CodeKind::String) {
                problems.push(
                    at.field("code"),
                    format!("{here}: code {} is not an HTTP error status", spec.code),
                    "an `http_status` table lists 4xx and 5xx statuses (400 to 599)",
                );
            }
            if let (Some(declared), Some(status)) = (declared, status)
                && declared != status
            {
                problems.push(
                    at.field("http_status"),
                    format!("{here}: `http_status: {declared}` disagrees with code {}", spec.code),
                    "in an `http_status` table the code is the status: remove `http_status`",
                );
            }
            status.unwrap_or_default()
        }
        (TableKind::Custom, Some(status)) => {
            if !is_error_status(status) {
                problems.push(
                    at.field("http_status"),
                    format!("{here}: `http_status: {status}` is not an HTTP error status"),
                    "use a 4xx or 5xx status (400 to 599)",
                );
            }
            status
        }
        // Whether that is right depends on the other rows: see `check_http`.
        (TableKind::Custom, None) => 0,
    };

    if embeds_status && is_error_status(http_status) {
        let digits = spec.code.to_string();
        // A string code may start with anything: only digits can be a status.
        match digits.get(..3).filter(|leading| leading.bytes().all(|b| b.is_ascii_digit())) {
            Some(leading) if leading == http_status.to_string() => {}
            leading => problems.push(
                at.field("http_status"),
                format!("{here}: `http_status: {http_status}` disagrees with code {}", spec.code),
                match leading {
                    Some(leading) => format!(
                        "this table's codes start with their HTTP status (`codes_embed_http_status: true`): \
                         code {} means status {leading}; fix the code or the status",
                        spec.code
                    ),
                    None if !digits.bytes().all(|b| b.is_ascii_digit()) => format!(
                        "this table's codes start with their HTTP status (`codes_embed_http_status: true`): \
                         code `{}` does not start with three digits, so it cannot start with one",
                        spec.code
                    ),
                    None => format!(
                        "this table's codes start with their HTTP status (`codes_embed_http_status: true`): \
                         code {} has fewer than three digits, so it cannot start with one",
                        spec.code
                    ),
                },
            ),
        }
    }

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
            let derived = derive_variant_name(&spec.name);
            if !is_type_ident(&derived) && !spec.name.trim().is_empty() {
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
        name: spec.name.clone(),
        description: spec.description.clone(),
        http_status,
        rust_variant,
        aliases,
        // Resolved against the vocabulary once every table is read.
        recovery: None,
        deprecated: spec.deprecated.clone(),
        explanation: spec.explanation.clone(),
        causes: spec.causes.clone(),
        solutions: spec.solutions.clone(),
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

/// Refuses in `value` (the `field` of the item at `at`) every character
/// the generated crate cannot carry (see [`super::text_rules`]).
fn check_text(problems: &mut Problems<'_>, at: SpecPath, here: &str, field: &str, value: &str) {
    for (what, help) in refused_characters(field, value) {
        problems.push(at.field(field), format!("{here}: `{field}` {what}"), help);
    }
}

/// Aliases are other codes for a custom row: an HTTP status has no alias.
fn check_aliases(problems: &mut Problems<'_>, kind: TableKind, here: &str, at: &SpecPath, spec: &SpecRow) {
    if kind == TableKind::HttpStatus && !spec.aliases.is_empty() {
        problems.push(
            at.field("aliases"),
            format!("{here}: a row of an `http_status` table cannot have `aliases`"),
            "its code is the HTTP status itself: remove `aliases`, or list the other code as its own row",
        );
    }
}

/// Every alias must be a code that nothing else uses, the row's own code included.
fn check_alias_uniqueness(
    problems: &mut Problems<'_>,
    codes: &mut HashMap<Code, String>,
    row: &Row,
    here: &str,
) {
    for (a, alias) in row.aliases.iter().enumerate() {
        // The first use stays on record, so every later one names it.
        match codes.entry(alias.clone()) {
            Entry::Occupied(first) => problems.push(
                row.at.field("aliases").index(a),
                format!("{here}: alias {alias} is already used by {}", first.get()),
                "codes and aliases are unique across the whole catalogue: remove the alias or the other use",
            ),
            Entry::Vacant(slot) => {
                slot.insert(format!("{here} (as an alias)"));
            }
        }
    }
}

/// One table at most lists HTTP statuses: a response's status then has
/// one row to fall back on.
fn check_http_tables(problems: &mut Problems<'_>, skipped: &Skipped, spec: &SpecFile) {
    let mut http_tables = spec
        .tables
        .iter()
        .enumerate()
        .filter(|(t, table)| !skipped.tables.contains(t) && table.kind == SpecTableKind::HttpStatus);
    if let Some((first, _)) = http_tables.next() {
        for (t, table) in http_tables {
            problems.push(
                table_path(t).field("kind"),
                format!("table `{}`: table {} already has `kind: http_status`", table.id, first + 1),
                "list every HTTP status in one table, and remove `kind: http_status` from the other",
            );
        }
    }
}

/// Whether the catalogue is an HTTP one: it is when a table is `kind:
/// http_status` or any custom row names its `http_status`, and then every
/// custom row must. The rows that lack it are one problem, at the first,
/// naming up to [`LISTED`] of them.
fn check_http(problems: &mut Problems<'_>, tables: &[Table], statuses: &[(usize, usize, bool)]) -> bool {
    let http = tables.iter().any(|table| table.kind == TableKind::HttpStatus)
        || statuses.iter().any(|&(_, _, declared)| declared);
    if !http {
        return false;
    }
    let lacking: Vec<(&Table, &Row)> = statuses
        .iter()
        .filter(|&&(_, _, declared)| !declared)
        .map(|&(t, r, _)| (&tables[t], &tables[t].rows[r]))
        .collect();
    if let Some((_, first)) = lacking.first() {
        let mut named: Vec<String> = lacking
            .iter()
            .take(LISTED)
            .map(|(table, row)| format!("`{}` (table `{}`)", shown(&row.name), table.id))
            .collect();
        if lacking.len() > LISTED {
            named.push(format!("and {} more", lacking.len() - LISTED));
        }
        problems.push(
            first.at.clone(),
            format!(
                "{} {} no `http_status`, but the catalogue is an HTTP one: {}",
                lacking.len(),
                if lacking.len() == 1 { "row has" } else { "rows have" },
                named.join(", ")
            ),
            "add the HTTP status the service answers with to each, e.g. `http_status: 403`; \
             or, for a catalogue that is not about HTTP, remove `http_status` from every row \
             and `kind: http_status` from every table",
        );
    }
    true
}

/// `codes_embed_http_status` says codes start with an HTTP status: a
/// catalogue without HTTP statuses has none to start with.
fn check_no_embedded_status(problems: &mut Problems<'_>, skipped: &Skipped, spec: &SpecFile) {
    for (t, table) in spec.tables.iter().enumerate() {
        if table.codes_embed_http_status && !skipped.tables.contains(&t) {
            problems.push(
                table_path(t).field("codes_embed_http_status"),
                format!(
                    "table `{}`: `codes_embed_http_status: true`, but no row has an `http_status`",
                    table.id
                ),
                "give each row its `http_status`, or remove `codes_embed_http_status`",
            );
        }
    }
}

/// How many items a problem that concerns many lists by name.
const LISTED: usize = 8;

/// Where table `t` sits: `tables[t]`.
fn table_path(t: usize) -> SpecPath {
    SpecPath::root().field("tables").index(t)
}

fn is_table_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_error_status(status: u16) -> bool {
    (400..=599).contains(&status)
}

fn is_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The longest string code, in bytes: what the generated crate's
/// `BodyCode` holds inline (`BodyCode::CAPACITY`).
const MAX_STRING_CODE: usize = 64;

/// A code that is no string code as a message shows it: on one line, its
/// tabs, line breaks and other control characters escaped (`a\tb`).
fn shown_code(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() })
        .collect();
    shown(&escaped)
}

struct Problems<'a> {
    file: &'a Path,
    /// What the catalogue's codes are (`codes:`): every code is checked
    /// against it. `None` when the catalogue's own fields could not be read.
    codes: Option<CodeKind>,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    /// Records a problem with the value at `at` (`tables[1].errors[0].code`).
    fn push(&mut self, at: SpecPath, message: impl Into<String>, help: impl Into<String>) {
        self.found.push(Diagnostic::new(self.file, message).spec_path(at).help(help));
    }

    /// A code as written (`what` of `here`, at `at`), checked against the
    /// catalogue's `codes:`. A code of the other kind is a problem (and
    /// comes back as written, so that the checks that follow still run).
    fn code(&mut self, at: SpecPath, here: &str, what: &str, code: &SpecCode) -> Code {
        match (self.codes, code) {
            (None, SpecCode::Integer(code)) => Code::Integer(*code),
            (None, SpecCode::Text(text)) => Code::String(text.clone()),
            (Some(CodeKind::Integer), SpecCode::Integer(code)) => Code::Integer(*code),
            (Some(CodeKind::Integer), SpecCode::Text(text)) => {
                let help = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
                    // Quoted, or (`01000`) a leading zero YAML does not read as a number.
                    let number = text.trim_start_matches('0');
                    let number = if number.is_empty() { "0" } else { number };
                    format!(
                        "write the number without quotes or leading zeros (`{number}`), or set `codes: string` at the top of the spec to keep the code as text"
                    )
                } else {
                    "write a whole number from 0 to 4294967295, or set `codes: string` at the top of the spec for text codes".to_owned()
                };
                self.push(
                    at,
                    format!(
                        "{here}: {what} `{}` is text, but the catalogue's codes are numbers",
                        shown_code(text)
                    ),
                    help,
                );
                Code::String(text.clone())
            }
            (Some(CodeKind::String), SpecCode::Text(text)) => {
                if !is_string_code(text) {
                    self.push(
                        at,
                        format!("{here}: {what} `{}` is not a string code", shown_code(text)),
                        "write ASCII letters, digits, `_`, `-` and `.`, at least one, e.g. `card_declined`",
                    );
                } else if text.len() > MAX_STRING_CODE {
                    self.push(
                        at,
                        format!("{here}: {what} is {} bytes long", text.len()),
                        format!(
                            "a string code is at most {MAX_STRING_CODE} bytes (what the generated `BodyCode` holds): shorten it"
                        ),
                    );
                }
                Code::String(text.clone())
            }
            (Some(CodeKind::String), SpecCode::Integer(number)) => {
                self.push(
                    at,
                    format!("{here}: {what} {number} is a number, but the catalogue has `codes: string`"),
                    format!(
                        "quote the code exactly as written (`'…'`): unquoted, YAML reads it as the number {number}, which is no string code"
                    ),
                );
                Code::String(number.to_string())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_are_semver() {
        let is_version = |v: &str| semver::Version::parse(v).is_ok();
        assert!(is_version("0.1.0"));
        assert!(is_version("1.2.3-rc.1"));
        assert!(!is_version("1.2"));
        assert!(!is_version("01.2.3"));
        assert!(!is_version("v1.2.3"));
    }
}
