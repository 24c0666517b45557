//! The lock's record of the sections each code appears in: a `section:`
//! line per code and section, so that no code leaves a section without
//! the lock seeing it.
//!
//! ```text
//! section: invalid_request "token"
//! ```
//!
//! Each line has the row's own code and the section's id as a
//! double-quoted string. A lock without such lines records no section:
//! sections are newer than every lock that lacks the lines, so nothing is
//! migrated, and a catalogue without them writes its lock as before. A
//! section's texts and statuses are not locked: changing them is a patch
//! and a minor release, which `diff` reports from the catalogues.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::compat::published::Published;
use crate::compat::quoted::{quote, unquote};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{Catalogue, Code, CodeKind};

/// What starts a section's line.
const PREFIX: &str = "section: ";

/// Whether `line` is a section's line; its code is read once the lock's
/// kind of codes is known.
pub(crate) fn is_line(line: &str) -> bool {
    line.starts_with(PREFIX)
}

/// Reads the sections' lines (each with its 1-based line number).
pub(crate) fn parse(
    path: &Path,
    lines: &[(usize, &str)],
    kind: CodeKind,
    problems: &mut Vec<Diagnostic>,
) -> BTreeSet<(Code, String)> {
    let mut sections = BTreeSet::new();
    for &(n, line) in lines {
        match parse_line(&line[PREFIX.len()..], kind) {
            Ok(entry) => {
                if !sections.insert(entry.clone()) {
                    problems.push(
                        Diagnostic::new(
                            path,
                            format!("section {} of {} is locked twice", quote(&entry.1), entry.0.word()),
                        )
                        .at(n, 1)
                        .help("delete one of the two lines, then run `gen` again"),
                    );
                }
            }
            Err(message) => problems.push(
                Diagnostic::new(path, format!("line {n} of the lock is not a locked section: {message}"))
                    .at(n, 1)
                    .help("restore the lock from version control, then run `gen` again"),
            ),
        }
    }
    sections
}

/// Reads a section's line (after `section: `).
fn parse_line(rest: &str, kind: CodeKind) -> Result<(Code, String), String> {
    let Some((code, quoted)) = rest.split_once(' ') else {
        return Err("a section's line reads `section: CODE \"ID\"`".to_owned());
    };
    let code = Code::parse(code, kind).ok_or_else(|| format!("`{}` is not a code", code.escape_debug()))?;
    let id = unquote(quoted).ok_or(format!("the id {quoted} is not a double-quoted string"))?;
    Ok((code, id))
}

/// The sections a lock records, as the published view holds them.
pub(crate) fn published(locked: &BTreeSet<(Code, String)>) -> BTreeSet<(Code, &str)> {
    locked.iter().map(|(code, id)| (code.clone(), id.as_str())).collect()
}

/// The sections of `catalogue`'s rows, each with its row's code.
pub(crate) fn of_catalogue(catalogue: &Catalogue) -> BTreeSet<(Code, &str)> {
    let rows = catalogue.tables.iter().flat_map(|table| &table.rows);
    rows.flat_map(|row| {
        row.sections.iter().map(|entry| (row.code.clone(), catalogue.sections[entry.section].id.as_str()))
    })
    .collect()
}

/// The sections of the updated lock: `now`'s.
pub(crate) fn update(now: &Published<'_>) -> BTreeSet<(Code, String)> {
    now.sections.iter().map(|(code, id)| (code.clone(), (*id).to_owned())).collect()
}

/// The lines of `sections`, sorted by code, then id; nothing when there
/// are none.
pub(crate) fn render(out: &mut String, sections: &BTreeSet<(Code, String)>) {
    if sections.is_empty() {
        return;
    }
    out.push_str(
        "# The sections each code appears in (`sections:` of its row), sorted:\n\
         # `section: CODE \"ID\"`. Removing one is a breaking change.\n",
    );
    for (code, id) in sections {
        // `write!` to a String cannot fail.
        let _ = writeln!(out, "{PREFIX}{} {}", code.word(), quote(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_lines_read_back() {
        let (code, id) = parse_line("invalid_request \"token\"", CodeKind::String).unwrap();
        assert_eq!((code, id.as_str()), (Code::String("invalid_request".to_owned()), "token"));
        assert!(parse_line("x \"a\"", CodeKind::Integer).unwrap_err().contains("not a code"));
        assert!(parse_line("11 a", CodeKind::Integer).unwrap_err().contains("double-quoted"));
        assert!(parse_line("11", CodeKind::Integer).unwrap_err().contains("reads `section:"));
        let mut out = String::new();
        render(&mut out, &BTreeSet::from([(Code::Integer(11), "token".to_owned())]));
        assert!(out.ends_with("\nsection: 11 \"token\"\n"), "{out}");
        let rest = out.lines().last().unwrap().strip_prefix(PREFIX).unwrap();
        assert_eq!(parse_line(rest, CodeKind::Integer).unwrap().1, "token");
    }
}
