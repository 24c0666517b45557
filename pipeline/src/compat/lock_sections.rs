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

use crate::compat::lock_pairs::PairLines;
use crate::compat::published::Published;
use errcat_model::{Catalogue, Code};

/// The `section:` lines.
pub(crate) const LINES: PairLines = PairLines {
    prefix: "section: ",
    what: "section",
    twice: "section",
    shape: "a section's line reads `section: CODE \"ID\"`",
    text: "id",
    header: "# The sections each code appears in (`sections:` of its row), sorted:\n\
             # `section: CODE \"ID\"`. Removing one is a breaking change.\n",
};

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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::LINES;
    use errcat_model::{Code, CodeKind};

    #[test]
    fn section_lines_read_back() {
        let (code, id) = LINES.parse_line("invalid_request \"token\"", CodeKind::String).unwrap();
        assert_eq!((code, id.as_str()), (Code::String("invalid_request".to_owned()), "token"));
        assert!(LINES.parse_line("x \"a\"", CodeKind::Integer).unwrap_err().contains("not a code"));
        assert!(LINES.parse_line("11 a", CodeKind::Integer).unwrap_err().contains("double-quoted"));
        assert!(LINES.parse_line("11", CodeKind::Integer).unwrap_err().contains("reads `section:"));
        let mut out = String::new();
        LINES.render(&mut out, &BTreeSet::from([(Code::Integer(11), "token".to_owned())]));
        assert!(out.ends_with("\nsection: 11 \"token\"\n"), "{out}");
        let rest = out.lines().last().unwrap().strip_prefix(LINES.prefix).unwrap();
        assert_eq!(LINES.parse_line(rest, CodeKind::Integer).unwrap().1, "token");
    }
}
