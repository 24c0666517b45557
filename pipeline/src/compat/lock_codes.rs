//! The lock's code lines: `CODE TABLE STATE SINCE RUST_PATH "NAME"`,
//! read once the lock's kind of codes is known, since its `codes string`
//! line may follow them.

use std::collections::BTreeMap;
use std::path::Path;

use crate::compat::lock::Entry;
use crate::compat::published::State;
use crate::compat::quoted::unquote;
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{Code, CodeKind};

/// The code lines (`n`, text) read as codes of kind `codes`.
pub(crate) fn code_entries(
    path: &Path,
    code_lines: Vec<(usize, &str)>,
    codes: CodeKind,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<Code, Entry> {
    // Text codes in a lock without `codes string`: the line went missing.
    let mut text_codes: Option<usize> = None;
    let mut entries: BTreeMap<Code, Entry> = BTreeMap::new();
    for (n, line) in code_lines {
        match parse_entry(line, codes) {
            Ok((code, mut entry)) => {
                entry.line = Some(n);
                if let Some(first) = entries.get(&code) {
                    problems.push(
                        Diagnostic::new(
                            path,
                            format!(
                                "code {code} is locked twice (lines {} and {n}): a merge kept both sides",
                                first.line.unwrap_or_default()
                            ),
                        )
                        .at(n, 1)
                        .help("keep the line that matches the spec, delete the other, then run `gen` again"),
                    );
                } else {
                    entries.insert(code, entry);
                }
            }
            Err(message) => {
                // A text code read as a number: the missing line is the problem,
                // and any other is what the line says read as text.
                let message = match codes {
                    CodeKind::Integer if is_text_code(line) => {
                        text_codes.get_or_insert(n);
                        match parse_entry(line, CodeKind::String) {
                            Ok(_) => continue,
                            Err(text_message) => text_message,
                        }
                    }
                    _ => message,
                };
                problems.push(
                Diagnostic::new(path, format!("line {n} of the lock is not a locked code: {message}"))
                    .at(n, 1)
                    .help(
                        "a code line reads `CODE TABLE active|retired|alias-of:CODE SINCE RUST_PATH \"NAME\"`; \
                         restore the lock from version control, then run `gen` again",
                    ),
                );
            }
        }
    }
    problems.extend(text_codes.map(|n| lost_codes_line(path, n)));
    entries
}

/// The problem of a lock that locks a text code (first at line `n`) but
/// has no `codes string` line.
fn lost_codes_line(path: &Path, n: usize) -> Diagnostic {
    Diagnostic::new(
        path,
        format!("line {n} of the lock locks a text code, but the lock has no `codes string` line"),
    )
    .at(n, 1)
    .help(
        "a lock of string codes has `codes string` after its `version` line: restore the lock \
             from version control, then run `gen` again",
    )
}

/// Whether a code line's code, or the code its alias is of, is a string
/// code but no number.
fn is_text_code(line: &str) -> bool {
    let mut fields = line.split(' ');
    let code = fields.next().unwrap_or_default();
    let of = fields.nth(1).and_then(|state| state.strip_prefix("alias-of:"));
    std::iter::once(code).chain(of).any(|code| {
        Code::parse(code, CodeKind::Integer).is_none() && Code::parse(code, CodeKind::String).is_some()
    })
}

fn parse_entry(line: &str, kind: CodeKind) -> Result<(Code, Entry), String> {
    let mut fields = line.splitn(6, ' ');
    let mut next =
        |what: &str| fields.next().filter(|f| !f.is_empty()).ok_or(format!("the {what} is missing"));
    let code = next("code")?;
    // Escaped, so that an invisible character is named, not shown as nothing.
    let code = Code::parse(code, kind).ok_or_else(|| format!("`{}` is not a code", code.escape_debug()))?;
    let table = next("table")?.to_owned();
    let state = State::parse(next("state")?, kind)?;
    let since = next("version")?;
    semver::Version::parse(since).map_err(|_| format!("`{since}` is not a semver version"))?;
    let rust_path = next("Rust path")?.to_owned();
    let quoted = next("name")?;
    let name = unquote(quoted).ok_or(format!("the name {quoted} is not a double-quoted string"))?;
    Ok((code, Entry { table, state, since: since.to_owned(), rust_path, name, line: None }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compat::quoted::quote;

    #[test]
    fn entries_parse() {
        let integer = |line| parse_entry(line, CodeKind::Integer);
        let (code, entry) =
            integer("4032251 auth retired 0.1.0 AuthError::AccessTokenExpired \"A B\"").unwrap();
        assert_eq!(code, Code::Integer(4032251));
        assert_eq!(entry.state, State::Retired);
        assert_eq!(entry.name, "A B");
        assert!(integer("x auth active 0.1.0 - \"A\"").unwrap_err().contains("not a code"));
        assert!(integer("1 auth gone 0.1.0 - \"A\"").unwrap_err().contains("`gone`"));
        assert!(integer("1 auth active 0.1 - \"A\"").unwrap_err().contains("semver"));
        assert!(integer("1 auth active 0.1.0 -").unwrap_err().contains("name is missing"));
        assert!(integer("1 auth active 0.1.0 - A").unwrap_err().contains("double-quoted"));
    }

    #[test]
    fn string_entries_keep_their_text() {
        let string = |line| parse_entry(line, CodeKind::String);
        let (code, entry) = string("0100C warn alias-of:01000 0.1.0 WarnError::Warning \"warning\"").unwrap();
        assert_eq!(code, Code::String("0100C".to_owned()));
        assert_eq!(entry.state, State::Alias { of: Code::String("01000".to_owned()) });
        assert!(string("a/b auth active 0.1.0 - \"A\"").unwrap_err().contains("not a code"));
        assert!(string("a auth alias-of:b/c 0.1.0 - \"A\"").unwrap_err().contains("not a code"));
    }

    proptest::proptest! {
        #[test]
        fn any_name_reads_back_from_its_code_line(name in proptest::prelude::any::<String>()) {
            let line = format!("7 t active 0.1.0 E::V {}", quote(&name));
            let (_, entry) = parse_entry(&line, CodeKind::Integer).expect("a code line");
            proptest::prop_assert_eq!(entry.name, name);
        }
    }
}
