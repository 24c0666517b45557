//! Codes: each one of the catalogue's `codes:` kind, and none used twice.
//!
//! A code of the wrong kind is a problem and comes back as written, so the
//! checks after it still run; aliases share the codes' namespace.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::Problems;
use crate::source::SpecPath;
use crate::spec::{SpecCode, SpecRow};
use crate::text_rules::shown;
use crate::{Code, CodeKind, Row, TableKind, is_string_code};

impl Problems<'_> {
    /// A code as written (`what` of `here`, at `at`), checked against the
    /// catalogue's `codes:`. A code of the other kind is a problem (and
    /// comes back as written, so that the checks that follow still run).
    pub(super) fn code(&mut self, at: SpecPath, here: &str, what: &str, code: &SpecCode) -> Code {
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
                        "write ASCII letters, digits, `_`, `-` and `.` (or none: `''`), e.g. `card_declined`",
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

/// Aliases are other codes for a custom row: an HTTP status has no alias.
pub(super) fn check_aliases(
    problems: &mut Problems<'_>,
    kind: TableKind,
    here: &str,
    at: &SpecPath,
    spec: &SpecRow,
) {
    if kind == TableKind::HttpStatus && !spec.aliases.is_empty() {
        problems.push(
            at.field("aliases"),
            format!("{here}: a row of an `http_status` table cannot have `aliases`"),
            "its code is the HTTP status itself: remove `aliases`, or list the other code as its own row",
        );
    }
}

/// A row's code and aliases are codes nothing else uses: `codes` holds
/// every one met so far, and where. `same_text` says whether the row that
/// used the code first has the same description: then the two are likely
/// one error under two names, which `also_named` says.
pub(super) fn check_code_uniqueness(
    problems: &mut Problems<'_>,
    codes: &mut HashMap<Code, String>,
    (row, same_text): (&Row, bool),
    here: &str,
) {
    if let Some(first) = codes.insert(row.code.clone(), here.to_owned()) {
        let help = if same_text {
            format!(
                "both rows say the same: if they are one error under two names (as `EWOULDBLOCK` is `EAGAIN`), remove this row and give its name to the other: `also_named: [{}]`; otherwise pick an unused code",
                row.name
            )
        } else {
            "codes are unique across the whole catalogue: pick an unused code (another name of the same error goes in its row's `also_named`)".to_owned()
        };
        problems.push(
            row.at.field("code"),
            format!("{here}: code {} is already used by {first}", row.code.word()),
            help,
        );
    }
    check_alias_uniqueness(problems, codes, row, here);
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
                format!("{here}: alias {} is already used by {}", alias.word(), first.get()),
                "codes and aliases are unique across the whole catalogue: remove the alias or the other use",
            ),
            Entry::Vacant(slot) => {
                slot.insert(format!("{here} (as an alias)"));
            }
        }
    }
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
