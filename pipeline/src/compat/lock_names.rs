//! The lock's record of the rows' other names (`also_named`): an
//! `also_named:` line per name, so that none is dropped without the lock
//! seeing it.
//!
//! ```text
//! also_named: 11 "EWOULDBLOCK"
//! ```
//!
//! Each line has the row's own code and the name as a double-quoted
//! string. A lock without such lines records no other name: other names
//! are newer than every lock that lacks the lines, so nothing is migrated,
//! and a catalogue without them writes its lock as before.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::compat::published::Published;
use crate::compat::quoted::{quote, unquote};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{Catalogue, Code, CodeKind};

/// What starts an other name's line.
const PREFIX: &str = "also_named: ";

/// Whether `line` is an other name's line; its code is read once the
/// lock's kind of codes is known.
pub(crate) fn is_line(line: &str) -> bool {
    line.starts_with(PREFIX)
}

/// Reads the other names' lines (each with its 1-based line number).
pub(crate) fn parse(
    path: &Path,
    lines: &[(usize, &str)],
    kind: CodeKind,
    problems: &mut Vec<Diagnostic>,
) -> BTreeSet<(Code, String)> {
    let mut names = BTreeSet::new();
    for &(n, line) in lines {
        match parse_line(&line[PREFIX.len()..], kind) {
            Ok(name) => {
                if !names.insert(name.clone()) {
                    problems.push(
                        Diagnostic::new(
                            path,
                            format!("the other name {} of {} is locked twice", quote(&name.1), name.0.word()),
                        )
                        .at(n, 1)
                        .help("delete one of the two lines, then run `gen` again"),
                    );
                }
            }
            Err(message) => problems.push(
                Diagnostic::new(path, format!("line {n} of the lock is not a locked other name: {message}"))
                    .at(n, 1)
                    .help("restore the lock from version control, then run `gen` again"),
            ),
        }
    }
    names
}

/// Reads an other name's line (after `also_named: `).
fn parse_line(rest: &str, kind: CodeKind) -> Result<(Code, String), String> {
    let Some((code, quoted)) = rest.split_once(' ') else {
        return Err("an other name's line reads `also_named: CODE \"NAME\"`".to_owned());
    };
    let code = Code::parse(code, kind).ok_or_else(|| format!("`{}` is not a code", code.escape_debug()))?;
    let name = unquote(quoted).ok_or(format!("the name {quoted} is not a double-quoted string"))?;
    Ok((code, name))
}

/// The other names a lock records, as the published view holds them.
pub(crate) fn published(locked: &BTreeSet<(Code, String)>) -> BTreeSet<(Code, &str)> {
    locked.iter().map(|(code, name)| (code.clone(), name.as_str())).collect()
}

/// The other names of `catalogue`'s rows, each with its row's code.
pub(crate) fn of_catalogue(catalogue: &Catalogue) -> BTreeSet<(Code, &str)> {
    let rows = catalogue.tables.iter().flat_map(|table| &table.rows);
    rows.flat_map(|row| row.also_named.iter().map(|other| (row.code.clone(), other.name.as_str()))).collect()
}

/// The other names of the updated lock: `now`'s.
pub(crate) fn update(now: &Published<'_>) -> BTreeSet<(Code, String)> {
    now.other_names.iter().map(|(code, name)| (code.clone(), (*name).to_owned())).collect()
}

/// The lines of `names`, sorted by code, then name; nothing when there
/// are none.
pub(crate) fn render(out: &mut String, names: &BTreeSet<(Code, String)>) {
    if names.is_empty() {
        return;
    }
    out.push_str(
        "# The other names of the rows (`also_named`), which `from_name` finds\n\
         # and constants stand for, sorted: `also_named: CODE \"NAME\"` with the\n\
         # row's own code. Removing one is a breaking change.\n",
    );
    for (code, name) in names {
        // `write!` to a String cannot fail.
        let _ = writeln!(out, "{PREFIX}{} {}", code.word(), quote(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_name_lines_read_back() {
        let (code, name) = parse_line("11 \"EWOULDBLOCK\"", CodeKind::Integer).unwrap();
        assert_eq!((code.clone(), name.as_str()), (Code::Integer(11), "EWOULDBLOCK"));
        assert!(parse_line("x \"A\"", CodeKind::Integer).unwrap_err().contains("not a code"));
        assert!(parse_line("11 A", CodeKind::Integer).unwrap_err().contains("double-quoted"));
        assert!(parse_line("11", CodeKind::Integer).unwrap_err().contains("reads `also_named:"));
        let (code, name) = parse_line("\"\" \"Empty reason\"", CodeKind::String).unwrap();
        assert_eq!((code, name.as_str()), (Code::String(String::new()), "Empty reason"));
        let mut out = String::new();
        render(&mut out, &BTreeSet::from([(Code::Integer(11), "Would \"Block\"".to_owned())]));
        assert!(out.ends_with("\nalso_named: 11 \"Would \\\"Block\\\"\"\n"), "{out}");
        let rest = out.lines().last().unwrap().strip_prefix(PREFIX).unwrap();
        assert_eq!(parse_line(rest, CodeKind::Integer).unwrap().1, "Would \"Block\"");
    }
}
