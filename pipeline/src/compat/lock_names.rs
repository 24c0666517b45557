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

use crate::compat::lock_pairs::PairLines;
use crate::compat::published::Published;
use errcat_model::{Catalogue, Code};

/// The `also_named:` lines.
pub(crate) const LINES: PairLines = PairLines {
    prefix: "also_named: ",
    what: "other name",
    twice: "the other name",
    shape: "an other name's line reads `also_named: CODE \"NAME\"`",
    text: "name",
    header: "# The other names of the rows (`also_named`), which `from_name` finds\n\
             # and constants stand for, sorted: `also_named: CODE \"NAME\"` with the\n\
             # row's own code. Removing one is a breaking change.\n",
};

/// The other names of `catalogue`'s rows, each with its row's code.
pub(crate) fn of_catalogue(catalogue: &Catalogue) -> BTreeSet<(Code, &str)> {
    let rows = catalogue.tables.iter().flat_map(|table| &table.rows);
    rows.flat_map(|row| row.also_named.iter().map(|other| (row.code.clone(), other.name.as_str()))).collect()
}

/// The other names of the updated lock: `now`'s.
pub(crate) fn update(now: &Published<'_>) -> BTreeSet<(Code, String)> {
    now.other_names.iter().map(|(code, name)| (code.clone(), (*name).to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::LINES;
    use errcat_model::{Code, CodeKind};

    #[test]
    fn other_name_lines_read_back() {
        let (code, name) = LINES.parse_line("11 \"EWOULDBLOCK\"", CodeKind::Integer).unwrap();
        assert_eq!((code.clone(), name.as_str()), (Code::Integer(11), "EWOULDBLOCK"));
        assert!(LINES.parse_line("x \"A\"", CodeKind::Integer).unwrap_err().contains("not a code"));
        assert!(LINES.parse_line("11 A", CodeKind::Integer).unwrap_err().contains("double-quoted"));
        assert!(LINES.parse_line("11", CodeKind::Integer).unwrap_err().contains("reads `also_named:"));
        let (code, name) = LINES.parse_line("\"\" \"Empty reason\"", CodeKind::String).unwrap();
        assert_eq!((code, name.as_str()), (Code::String(String::new()), "Empty reason"));
        let mut out = String::new();
        LINES.render(&mut out, &BTreeSet::from([(Code::Integer(11), "Would \"Block\"".to_owned())]));
        assert!(out.ends_with("\nalso_named: 11 \"Would \\\"Block\\\"\"\n"), "{out}");
        let rest = out.lines().last().unwrap().strip_prefix(LINES.prefix).unwrap();
        assert_eq!(LINES.parse_line(rest, CodeKind::Integer).unwrap().1, "Would \"Block\"");
    }
}
