//! HTTP: whether the catalogue is an HTTP one, and each row's status.
//!
//! An HTTP catalogue gives every custom row a status; a table whose codes
//! embed their status must agree with it.

use super::{Problems, Skipped, table_path};
use crate::source::SpecPath;
use crate::spec::{SpecFile, SpecMediaType, SpecRow, SpecTableKind};
use crate::text_rules::shown;
use crate::{Code, CodeKind, Row, Table, TableKind};

/// One table at most lists HTTP statuses: a response's status then has
/// one row to fall back on.
pub(super) fn check_http_tables(problems: &mut Problems<'_>, skipped: &Skipped, spec: &SpecFile) {
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
pub(super) fn check_http(
    problems: &mut Problems<'_>,
    tables: &[Table],
    statuses: &[(usize, usize, bool)],
) -> bool {
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

/// A row without a status (`http_status: none`) has no response to
/// answer with, so a catalogue with one declares no body to answer in:
/// its rows are lookups and docs entries, not responses.
pub(super) fn check_statusless_body(problems: &mut Problems<'_>, tables: &[Table], spec: &SpecFile) {
    let Some((table, row)) = tables
        .iter()
        .flat_map(|table| table.rows.iter().map(move |row| (table, row)))
        .find(|(table, row)| table.kind == TableKind::Custom && row.http_status == 0)
    else {
        return;
    };
    // An XML body's server answers such a row's code with 500, as one the
    // catalogue does not list (`emit-rust/src/xml/`); JSON's has no such answer.
    if spec.body.as_ref().is_some_and(|body| body.media_type == SpecMediaType::Json) {
        problems.push(
            SpecPath::root().field("body"),
            format!(
                "`body:` declares the error responses' body, but row `{}` (table `{}`) has \
                 `http_status: none`: a row without a status is never answered with a response",
                shown(&row.name),
                table.id
            ),
            "give every row the status it is answered with, or remove `body:` (and `problem_details:`) \
             to keep the catalogue's codes as lookups and docs only",
        );
    }
}

/// `codes_embed_http_status` says codes start with an HTTP status: a
/// catalogue without HTTP statuses has none to start with.
pub(super) fn check_no_embedded_status(problems: &mut Problems<'_>, skipped: &Skipped, spec: &SpecFile) {
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

/// A row's HTTP status: its code in an `http_status` table, its
/// `http_status` in a custom one (0 when it has none). When its table's
/// codes embed their status, the code's first three digits must be it.
pub(super) fn row_status(
    problems: &mut Problems<'_>,
    here: &str,
    kind: TableKind,
    at: &SpecPath,
    embeds_status: bool,
    (spec, code): (&SpecRow, &Code),
) -> u16 {
    let http_status = match (kind, spec.http_status.as_ref().and_then(|listed| listed.0.first().copied())) {
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
            if !answered_status(problems, status) {
                problems.push(
                    at.field("http_status"),
                    format!("{here}: `http_status: {status}` is not an HTTP error status"),
                    format!("use {}", status_range(problems, status)),
                );
            }
            status
        }
        // Whether that is right depends on the other rows: see `check_http`.
        (TableKind::Custom, None) => 0,
    };

    if embeds_status && answered_status(problems, http_status) {
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
    http_status
}

/// How many items a problem that concerns many lists by name.
const LISTED: usize = 8;

/// Whether `status` is one an error answers with: 4xx or 5xx.
pub(super) fn is_error_status(status: u16) -> bool {
    (400..=599).contains(&status)
}

/// Whether a row may list `status`: an error status, or a redirection
/// (3xx) where the catalogue says it answers some errors with one
/// (`redirect_statuses: true`).
pub(super) fn answered_status(problems: &Problems<'_>, status: u16) -> bool {
    is_error_status(status) || (problems.redirects && (300..=399).contains(&status))
}

/// The fix's words for a status a row may not list.
pub(super) fn status_range(problems: &Problems<'_>, status: u16) -> &'static str {
    match (problems.redirects, status) {
        (true, _) => "a 3xx, 4xx or 5xx status (300 to 599)",
        (false, 300..=399) => {
            "a 4xx or 5xx status (400 to 599); or, where the service answers this error with a \
             redirect, say so at the top of the spec: `redirect_statuses: true`"
        }
        (false, _) => "a 4xx or 5xx status (400 to 599)",
    }
}
