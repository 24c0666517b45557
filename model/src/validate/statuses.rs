//! A row's other HTTP statuses (`http_status: [400, 401]`): each an error
//! status, none listed twice; the first is checked as a row's one status
//! is (`http.rs`).

use super::Problems;
use super::http::{answered_status, status_range};
use crate::TableKind;
use crate::source::SpecPath;
use crate::spec::SpecRow;

/// The statuses a row lists after its first, checked.
pub(super) fn check_other_statuses(
    problems: &mut Problems<'_>,
    here: &str,
    kind: TableKind,
    at: &SpecPath,
    spec: &SpecRow,
) -> Vec<u16> {
    let Some(listed) = &spec.http_status else { return Vec::new() };
    let at = at.field("http_status");
    match listed.0[..] {
        [] if !listed.is_none() => {
            problems.push(
                at,
                format!("{here}: `http_status` is an empty list"),
                "write the status the service answers with, e.g. `http_status: 400`, or every one it may answer with, the usual one first: `http_status: [400, 401]`; or, for a row that travels without a status, `http_status: none`",
            );
            return Vec::new();
        }
        [] if kind == TableKind::HttpStatus => {
            problems.push(
                at,
                format!("{here}: a row of an `http_status` table says `http_status: none`"),
                "its code is its status: remove `http_status`, or move the row to a table of its own",
            );
            return Vec::new();
        }
        // `none`: judged with the catalogue's other rows (`http.rs`).
        [] => return Vec::new(),
        [_] => return Vec::new(),
        [_, ..] if kind == TableKind::HttpStatus => {
            problems.push(
                at,
                format!("{here}: a row of an `http_status` table lists several statuses"),
                "its code is its status: remove `http_status`, and list each other status as its own row",
            );
            return Vec::new();
        }
        [..] => {}
    }
    let mut others = Vec::with_capacity(listed.0.len() - 1);
    for (i, &status) in listed.0.iter().enumerate().skip(1) {
        if !answered_status(problems, status) {
            problems.push(
                at.index(i),
                format!("{here}: `http_status` item {}, {status}, is not an HTTP error status", i + 1),
                format!("use {}", status_range(problems, status)),
            );
        } else if listed.0[..i].contains(&status) {
            problems.push(
                at.index(i),
                format!("{here}: `http_status` lists {status} twice"),
                "list each status once: remove this one",
            );
        } else {
            others.push(status);
        }
    }
    others
}
