//! Validation: a spec's values checked, and the [`Catalogue`] built of them.
//!
//! Every problem is collected, with the path of the value at fault. This
//! module runs the checks in order and checks the catalogue's own fields;
//! each part of the spec has its module.

use std::collections::BTreeSet;
use std::path::Path;

mod attributes;
mod codes;
mod http;
mod locales;
mod other_names;
mod params;
mod retired;
mod row_names;
mod rows;
mod sections;
mod statuses;
mod tables;
mod vocabulary;

use self::http::{check_http, check_http_tables, check_no_embedded_status, check_statusless_body};
use self::retired::check_retired;
use self::tables::{Tables, check_tables};
use self::vocabulary::{
    check_body, check_no_body, check_problem_details_body, check_recoveries, check_type_base,
};
use super::text_rules::{refused_characters, shown};
use super::{Catalogue, CodeKind, ProblemDetails, crate_name_clash};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SpecPath;
use crate::spec::{SpecCodes, SpecFile};

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
    let mut problems = Problems { file, codes, redirects: spec.redirect_statuses, found: Vec::new() };
    if !skipped.catalogue {
        check_catalogue(&mut problems, skipped, spec);
    }

    let recoveries = check_recoveries(&mut problems, skipped, spec);
    let body =
        if skipped.catalogue { None } else { spec.body.as_ref().map(|body| check_body(&mut problems, body)) };
    // A row's recovery is judged only when the whole vocabulary was read:
    // the name it gives may be that of an entry that could not be.
    let vocabulary_read = skipped.read("recoveries") && skipped.recoveries.is_empty();

    let attributes = attributes::check_declarations(&mut problems, skipped, spec);
    let Tables { mut tables, codes, statuses } =
        check_tables(&mut problems, skipped, spec, &recoveries, vocabulary_read);
    attributes::check_values(&mut problems, skipped, spec, attributes.as_deref(), &mut tables);
    let sections = sections::check_declarations(&mut problems, skipped, spec);
    let params = params::check_all_params(&mut problems, skipped, spec, body.as_ref(), &mut tables);
    let body = body.map(|body| vocabulary::with_rendered_messages(body, &tables));

    check_http_tables(&mut problems, skipped, spec);
    let http = check_http(&mut problems, &tables, &statuses);
    sections::check_rows(&mut problems, skipped, spec, sections.as_deref(), &mut tables);
    if http && !skipped.catalogue {
        check_statusless_body(&mut problems, &tables, spec);
    }
    if !skipped.catalogue && problems.codes == Some(CodeKind::String) {
        row_names::check_message_text(&mut problems, spec);
    }
    check_problem_details_body(&mut problems, skipped, spec);
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
    let locales = locales::check_locales(&mut problems, skipped, spec);

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
            attributes: attributes.unwrap_or_default(),
            body,
            package,
            problem_details: spec
                .problem_details
                .as_ref()
                .map(|details| ProblemDetails { type_base: details.type_base.clone() }),
            kept_responses: Vec::new(),
            params,
            locales,
            sections: sections.unwrap_or_default(),
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

/// Refuses in `value` (the `field` of the item at `at`) every character
/// the generated crate cannot carry (see [`super::text_rules`]).
fn check_text(problems: &mut Problems<'_>, at: SpecPath, here: &str, field: &str, value: &str) {
    for (what, help) in refused_characters(field, value) {
        problems.push(at.field(field), format!("{here}: `{field}` {what}"), help);
    }
}

/// Where table `t` sits: `tables[t]`.
fn table_path(t: usize) -> SpecPath {
    SpecPath::root().field("tables").index(t)
}

fn is_table_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

struct Problems<'a> {
    file: &'a Path,
    /// What the catalogue's codes are (`codes:`): every code is checked
    /// against it. `None` when the catalogue's own fields could not be read.
    codes: Option<CodeKind>,
    /// Whether rows may list 3xx statuses (`redirect_statuses: true`).
    redirects: bool,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    /// Records a problem with the value at `at` (`tables[1].errors[0].code`).
    fn push(&mut self, at: SpecPath, message: impl Into<String>, help: impl Into<String>) {
        self.found.push(Diagnostic::new(self.file, message).spec_path(at).help(help));
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
