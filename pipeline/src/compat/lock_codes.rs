//! The lock's code lines, read once the kind of codes is known: each
//! line an [`Entry`], every broken or repeated one a problem, and a text
//! code in a lock without `codes string` named once.

use std::collections::BTreeMap;
use std::path::Path;

use crate::compat::lock::{Entry, parse_entry};
use errcat_model::diagnostic::Diagnostic;
use errcat_model::{Code, CodeKind};

/// The code lines (each with its line number), read as codes of `kind`.
pub(crate) fn read_code_lines(
    path: &Path,
    code_lines: Vec<(usize, &str)>,
    codes: CodeKind,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<Code, Entry> {
    let mut entries: BTreeMap<Code, Entry> = BTreeMap::new();
    // Text codes in a lock without `codes string`: the line went missing.
    let mut text_codes: Option<usize> = None;
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
