//! The lock's record of the OpenAPI documents' responses: a `response`
//! line per response ever published, so that none is dropped or renamed
//! without the lock seeing it.
//!
//! ```text
//! response 402 PaymentRequired active 0.2.0
//! response 402 Status_402 kept 0.1.0
//! ```
//!
//! Each line has the status, the name under `components/responses`, the
//! state (`active`: the response of a status the catalogue answers;
//! `kept`: published by an earlier version and kept, marked deprecated)
//! and the version that first locked it. A lock of a catalogue without
//! responses says `responses none`, so that a lock from before responses
//! were locked (neither line) is told apart and migrated: its responses
//! are taken to be the catalogue's, under the names earlier versions gave
//! them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::compat::published::{Published, PublishedResponse};
use errcat_model::Catalogue;
use errcat_model::diagnostic::Diagnostic;

/// One locked response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedResponse {
    /// The HTTP status it describes.
    pub status: u16,
    /// Whether it is only kept from an earlier version.
    pub kept: bool,
    /// The catalogue version that first locked it.
    pub since: String,
}

/// The line that says a lock records no response.
pub(crate) const NO_RESPONSES: &str = "responses none";

/// Reads line `n` of the lock at `path` into `responses` if it is a
/// `response` line or `responses none`, and says whether it was.
pub(crate) fn read(
    path: &Path,
    n: usize,
    line: &str,
    responses: &mut Option<BTreeMap<String, LockedResponse>>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    if line == NO_RESPONSES {
        responses.get_or_insert_default();
        return true;
    }
    let Some(rest) = line.strip_prefix("response ") else { return false };
    match parse_line(rest) {
        Ok((name, response)) => {
            if responses.get_or_insert_default().insert(name.clone(), response).is_some() {
                problems.push(
                    Diagnostic::new(
                        path,
                        format!("response `{name}` is locked twice: a merge kept both sides"),
                    )
                    .at(n, 1)
                    .help("keep the line that matches the spec, delete the other, then run `gen` again"),
                );
            }
        }
        Err(message) => problems.push(
            Diagnostic::new(path, format!("line {n} of the lock is not a locked response: {message}"))
                .at(n, 1)
                .help("restore the lock from version control, then run `gen` again"),
        ),
    }
    true
}

/// Reads a `response` line's fields (after `response `).
pub(crate) fn parse_line(rest: &str) -> Result<(String, LockedResponse), String> {
    let fields: Vec<&str> = rest.split(' ').collect();
    let [status, name, state, since] = fields[..] else {
        return Err("a response line reads `response STATUS NAME active|kept SINCE`".to_owned());
    };
    let status: u16 = status.parse().map_err(|_| format!("`{status}` is not an HTTP status"))?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(format!("`{}` is not a response name", name.escape_debug()));
    }
    let kept = match state {
        "active" => false,
        "kept" => true,
        other => return Err(format!("the state `{other}` is neither `active` nor `kept`")),
    };
    semver::Version::parse(since).map_err(|_| format!("`{since}` is not a semver version"))?;
    Ok((name.to_owned(), LockedResponse { status, kept, since: since.to_owned() }))
}

/// The responses a lock records, as the published view holds them.
pub(crate) fn published(locked: &BTreeMap<String, LockedResponse>) -> BTreeMap<String, PublishedResponse> {
    locked
        .iter()
        .map(|(name, response)| {
            (name.clone(), PublishedResponse { status: response.status, kept: response.kept })
        })
        .collect()
}

/// The responses earlier versions published for `catalogue`, for a lock
/// that predates their record: one per status it answers, named as they
/// named it (the HTTP row's variant, else `Status_NNN`).
pub(crate) fn before_the_record(catalogue: &Catalogue) -> BTreeMap<String, PublishedResponse> {
    catalogue
        .response_statuses()
        .into_iter()
        .map(|status| {
            let name = match catalogue.http_row(status) {
                Some((_, row)) => row.rust_variant.clone(),
                None => format!("Status_{status}"),
            };
            (name, PublishedResponse { status, kept: false })
        })
        .collect()
}

/// The responses of the updated lock: `now`'s, each with the version that
/// first locked it in `was` (a locked one) or `version` (a new one).
pub(crate) fn update(
    now: &Published<'_>,
    was: Option<&BTreeMap<String, LockedResponse>>,
    version: &str,
) -> BTreeMap<String, LockedResponse> {
    now.responses
        .iter()
        .map(|(name, response)| {
            let since = was.and_then(|was| was.get(name)).map_or(version, |was| was.since.as_str());
            let locked =
                LockedResponse { status: response.status, kept: response.kept, since: since.to_owned() };
            (name.clone(), locked)
        })
        .collect()
}

/// The lines of `responses`, sorted by status, then name.
pub(crate) fn render(out: &mut String, responses: &BTreeMap<String, LockedResponse>) {
    out.push_str(
        "# The responses of the OpenAPI documents (components/responses), which\n\
         # other documents reference, sorted by status: `response STATUS NAME\n\
         # STATE SINCE`, where STATE is `active`, or `kept` for one an earlier\n\
         # version published, kept (deprecated) so that references still resolve.\n",
    );
    if responses.is_empty() {
        out.push_str(NO_RESPONSES);
        out.push('\n');
    }
    let mut sorted: Vec<(&String, &LockedResponse)> = responses.iter().collect();
    sorted.sort_by_key(|&(name, response)| (response.status, name));
    for (name, response) in sorted {
        let state = if response.kept { "kept" } else { "active" };
        // `write!` to a String cannot fail.
        let _ = writeln!(out, "response {} {name} {state} {}", response.status, response.since);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_lines_read_back() {
        let (name, response) = parse_line("402 Status_402 kept 0.1.0").unwrap();
        assert_eq!(name, "Status_402");
        assert_eq!(response, LockedResponse { status: 402, kept: true, since: "0.1.0".to_owned() });
        assert!(parse_line("402 A gone 0.1.0").unwrap_err().contains("`gone`"));
        assert!(parse_line("4x2 A active 0.1.0").unwrap_err().contains("HTTP status"));
        assert!(parse_line("402 A/B active 0.1.0").unwrap_err().contains("response name"));
        assert!(parse_line("402 A active").unwrap_err().contains("reads `response"));
        let mut out = String::new();
        render(&mut out, &BTreeMap::from([(name, response)]));
        assert!(out.ends_with("\nresponse 402 Status_402 kept 0.1.0\n"), "{out}");
    }
}
