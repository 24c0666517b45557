//! The lock: every code a catalogue has ever published, kept next to its
//! spec (`spec/knox-cloud.lock` for `spec/knox-cloud.yaml`).
//!
//! Codes are API: clients match on them. [`update`] compares a validated
//! catalogue with its lock and refuses a locked code or alias that vanished
//! without being retired, a code whose name or table changed, and a retired
//! code used again, as a code or as an alias; it also refuses a breaking
//! change (a retirement, a renamed variant, an alias moved to another row)
//! without the version bump it needs. Otherwise it returns the new lock:
//! the old one plus every new code and alias, at the spec's version.
//!
//! The format is one code per line, sorted by code, so that additions
//! merge line by line:
//!
//! ```text
//! version 0.1.0
//! 400 http active 0.1.0 HttpError::BadRequest "Bad Request"
//! 4012250 auth alias-of:40122050 0.1.0 AuthError::AccessTokenBadRequest "ACCESS_TOKEN_BAD_REQUEST"
//! ```
//!
//! `version` is the catalogue version the lock describes; each code line
//! has the code, its table, its state (`active`, `retired`, or
//! `alias-of:CODE` for an alias of the row whose own code is CODE), the
//! version that first locked it, its Rust path (`-` if it never had a
//! variant) and its name as a double-quoted string. An alias's table, Rust
//! path and name are its row's: what `from_code` gives for it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::compat::diff::{Bump, core};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Catalogue, Row, Table};

/// The lock of the spec file `spec`: the same path ending in `.lock`.
pub fn lock_path(spec: &Path) -> PathBuf {
    spec.with_extension("lock")
}

/// What a locked code is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// A row of the spec.
    Active,
    /// Listed under `retired:`; it has no variant and is never reused.
    Retired,
    /// An alias of a row: `from_code` gives that row's variant for it.
    Alias {
        /// The row's own code.
        of: u32,
    },
}

impl State {
    fn parse(field: &str) -> Result<State, String> {
        match field {
            "active" => Ok(State::Active),
            "retired" => Ok(State::Retired),
            other => match other.strip_prefix("alias-of:") {
                Some(code) => {
                    code.parse().map(|of| State::Alias { of }).map_err(|_| format!("`{code}` is not a code"))
                }
                None => {
                    Err(format!("the state `{other}` is none of `active`, `retired` and `alias-of:CODE`"))
                }
            },
        }
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            State::Active => f.write_str("active"),
            State::Retired => f.write_str("retired"),
            State::Alias { of } => write!(f, "alias-of:{of}"),
        }
    }
}

/// One locked code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The id of its table.
    pub table: String,
    /// Whether it is still a row.
    pub state: State,
    /// The catalogue version that first locked it.
    pub since: String,
    /// Its variant's Rust path (`AuthError::AccessTokenExpired`), or `-`
    /// for a code retired before it ever had one.
    pub rust_path: String,
    /// Its name.
    pub name: String,
    /// Its 1-based line in the lock file, when read from one.
    pub line: Option<usize>,
}

/// A parsed lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    /// The catalogue version the lock describes.
    pub version: String,
    /// Every locked code.
    pub entries: BTreeMap<u32, Entry>,
}

/// Reads a lock file's text. `path` names it in diagnostics.
pub fn parse(path: &Path, text: &str) -> Result<Lock, Diagnostics> {
    let mut problems = Vec::new();
    let mut version: Option<(String, usize)> = None;
    let mut entries: BTreeMap<u32, Entry> = BTreeMap::new();
    let fix_merge = "keep the lines of both sides (the lock is sorted by code, one code a line), then run `cargo xtask gen`";
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if ["<<<<<<<", "=======", ">>>>>>>", "|||||||"].iter().any(|marker| line.starts_with(marker)) {
            problems.push(
                Diagnostic::new(path, "the lock has an unresolved merge conflict").at(n, 1).help(fix_merge),
            );
            continue;
        }
        if let Some(rest) = line.strip_prefix("version ") {
            if let Some((_, first)) = &version {
                problems.push(
                    Diagnostic::new(
                        path,
                        format!("the lock has a second `version` line (the first is line {first})"),
                    )
                    .at(n, 1)
                    .help(
                        "a merge kept both sides: delete the older version line, then run `cargo xtask gen`",
                    ),
                );
            } else if semver::Version::parse(rest).is_err() {
                problems.push(
                    Diagnostic::new(path, format!("`{rest}` is not a semver version"))
                        .at(n, 9)
                        .help("restore the lock from version control, then run `cargo xtask gen`"),
                );
            } else {
                version = Some((rest.to_owned(), n));
            }
            continue;
        }
        match parse_entry(line) {
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
                        .help("keep the line that matches the spec, delete the other, then run `cargo xtask gen`"),
                    );
                } else {
                    entries.insert(code, entry);
                }
            }
            Err(message) => problems.push(
                Diagnostic::new(path, format!("line {n} of the lock is not a locked code: {message}"))
                    .at(n, 1)
                    .help(
                        "a code line reads `CODE TABLE active|retired|alias-of:CODE SINCE RUST_PATH \"NAME\"`; \
                         restore the lock from version control, then run `cargo xtask gen`",
                    ),
            ),
        }
    }
    match version {
        Some((version, _)) if problems.is_empty() => Ok(Lock { version, entries }),
        None if problems.is_empty() => Err(Diagnostic::new(path, "the lock has no `version` line")
            .help("restore the lock from version control, then run `cargo xtask gen`")
            .into()),
        _ => Err(Diagnostics(problems)),
    }
}

fn parse_entry(line: &str) -> Result<(u32, Entry), String> {
    let mut fields = line.splitn(6, ' ');
    let mut next =
        |what: &str| fields.next().filter(|f| !f.is_empty()).ok_or(format!("the {what} is missing"));
    let code = next("code")?;
    let code: u32 = code.parse().map_err(|_| format!("`{code}` is not a code"))?;
    let table = next("table")?.to_owned();
    let state = State::parse(next("state")?)?;
    let since = next("version")?;
    semver::Version::parse(since).map_err(|_| format!("`{since}` is not a semver version"))?;
    let rust_path = next("Rust path")?.to_owned();
    let quoted = next("name")?;
    let name = unquote(quoted).ok_or(format!("the name {quoted} is not a double-quoted string"))?;
    Ok((code, Entry { table, state, since: since.to_owned(), rust_path, name, line: None }))
}

/// Checks `catalogue` against its lock (`None` when there is none yet) and
/// returns the updated lock. `spec` and `lock` name the two files in
/// diagnostics; problems in the spec carry the offending value's YAML path.
pub fn update(
    spec: &Path,
    lock: &Path,
    catalogue: &Catalogue,
    locked: Option<&Lock>,
) -> Result<Lock, Diagnostics> {
    let mut entries = BTreeMap::new();
    let version = &catalogue.version;
    let lock_name = lock.file_name().unwrap_or_default().to_string_lossy();

    let empty = BTreeMap::new();
    let old_entries = locked.map_or(&empty, |lock| &lock.entries);
    let mut check = Check { spec, old_entries, problems: Vec::new(), breaking: Vec::new() };
    for (t, table) in catalogue.tables.iter().enumerate() {
        for (r, row) in table.rows.iter().enumerate() {
            let at = format!("tables[{t}].errors[{r}]");
            let rust_path = table.rust_path(row);
            let since = match old_entries.get(&row.code) {
                None => version.clone(),
                Some(old) => {
                    check.row(&at, table, row, old);
                    old.since.clone()
                }
            };
            entries.insert(
                row.code,
                Entry {
                    table: table.id.clone(),
                    state: State::Active,
                    since,
                    rust_path: rust_path.clone(),
                    name: row.name.clone(),
                    line: None,
                },
            );
            for (a, &alias) in row.aliases.iter().enumerate() {
                let since = match old_entries.get(&alias) {
                    None => version.clone(),
                    Some(old) => {
                        let at = format!("{at}.aliases[{a}]");
                        check.alias(&at, table, row, alias, old);
                        old.since.clone()
                    }
                };
                entries.insert(
                    alias,
                    Entry {
                        table: table.id.clone(),
                        state: State::Alias { of: row.code },
                        since,
                        rust_path: rust_path.clone(),
                        name: row.name.clone(),
                        line: None,
                    },
                );
            }
        }
    }
    for retired in &catalogue.retired {
        let here = format!("retired code {} `{}`", retired.code, retired.name);
        let (since, rust_path) = match old_entries.get(&retired.code) {
            None => (version.clone(), "-".to_owned()),
            Some(old) => {
                if old.name != retired.name {
                    check.problems.push(
                        Diagnostic::new(spec, format!("{here} was published as `{}`", old.name))
                            .yaml_path(format!("{}.name", retired.yaml_path))
                            .help(format!(
                                "a retired code keeps the name it had: write `name: {}`",
                                old.name
                            )),
                    );
                }
                if old.table != retired.table {
                    check.problems.push(
                        Diagnostic::new(spec, format!("{here} was published in table `{}`, not `{}`", old.table, retired.table))
                            .yaml_path(retired.yaml_path.clone())
                            .help(format!(
                                "list it under table `{}`'s own `retired:`, or in the top-level `retired:` with `table: {}`",
                                old.table, old.table
                            )),
                    );
                }
                match old.state {
                    State::Active => check.breaking.push(format!(
                        "code {} `{}` is retired: `{}` is removed",
                        retired.code, retired.name, old.rust_path
                    )),
                    State::Alias { of } => check.breaking.push(format!(
                        "alias {} of code {of} `{}` is retired: `from_code({})` no longer gives `{}`",
                        retired.code, retired.name, retired.code, old.rust_path
                    )),
                    State::Retired => {}
                }
                (old.since.clone(), old.rust_path.clone())
            }
        };
        entries.insert(
            retired.code,
            Entry {
                table: retired.table.clone(),
                state: State::Retired,
                since,
                rust_path,
                name: retired.name.clone(),
                line: None,
            },
        );
    }
    let Check { mut problems, breaking, .. } = check;
    for (code, old) in old_entries.iter().filter(|(code, _)| !entries.contains_key(code)) {
        problems.push(gone(spec, lock, catalogue, *code, old));
    }
    if let Some(locked) = locked {
        check_version(spec, &lock_name, catalogue, &locked.version, &breaking, &mut problems);
    }
    if problems.is_empty() {
        Ok(Lock { version: version.clone(), entries })
    } else {
        Err(Diagnostics(problems))
    }
}

/// Compares the spec's codes with their locked entries, gathering the
/// changes it refuses and the breaking changes that need a bump.
struct Check<'a> {
    spec: &'a Path,
    old_entries: &'a BTreeMap<u32, Entry>,
    problems: Vec<Diagnostic>,
    breaking: Vec<String>,
}

impl Check<'_> {
    /// Checks a row (at YAML path `at`) whose own code is locked as `old`.
    fn row(&mut self, at: &str, table: &Table, row: &Row, old: &Entry) {
        let (spec, problems, breaking) = (self.spec, &mut self.problems, &mut self.breaking);
        let here = format!("code {} `{}`", row.code, row.name);
        let rust_path = table.rust_path(row);
        match old.state {
            State::Retired => problems.push(
                Diagnostic::new(
                    spec,
                    format!(
                        "{here} reuses a retired code: {} was `{}` in table `{}`",
                        row.code, old.name, old.table
                    ),
                )
                .yaml_path(format!("{at}.code"))
                .help("a retired code is never reused: give this row a new, unused code"),
            ),
            State::Active if old.name != row.name => {
                // The row's locked aliases carry its old name too: say so, since
                // renaming breaks clients that read those numbers as well.
                let aliases: Vec<String> = self
                    .old_entries
                    .iter()
                    .filter(|(_, entry)| {
                        entry.state == State::Alias { of: row.code } && entry.name == old.name
                    })
                    .map(|(code, _)| code.to_string())
                    .collect();
                let with_aliases = match aliases.as_slice() {
                    [] => String::new(),
                    [one] => format!(", as was its alias {one}"),
                    many => format!(", as were its aliases {}", many.join(", ")),
                };
                problems.push(
                    Diagnostic::new(
                        spec,
                        format!(
                            "{here} was published as `{}`{with_aliases}; \
                             renaming a code breaks every client that matches its name",
                            old.name
                        ),
                    )
                    .yaml_path(format!("{at}.name"))
                    .help(format!(
                        "restore `name: {}`; to rename it, deprecate or retire code {} \
                         and add the new name under a new code",
                        old.name, row.code
                    )),
                );
            }
            State::Active if old.table != table.id => problems.push(
                Diagnostic::new(
                    spec,
                    format!("{here} was published in table `{}`; moving it changes its enum", old.table),
                )
                .yaml_path(format!("{at}.code"))
                .help(format!(
                    "move the row back to table `{}`; \
                     to move it, retire code {} there and add a new code here",
                    old.table, row.code
                )),
            ),
            State::Active => {
                if old.rust_path != rust_path {
                    breaking.push(format!("{here}: `{}` is now `{rust_path}`", old.rust_path));
                }
            }
            // The same row's alias became its own code: the variant's `code()` changes.
            State::Alias { of } if old.name == row.name && old.table == table.id => {
                breaking.push(format!(
                    "{here}, an alias of {of}, is now the row's own code: `{rust_path}`'s `code()` changes"
                ));
            }
            // An alias is a number the services send, not one the catalogue
            // chose: when it was filed under the wrong error, moving it is the
            // fix, and a breaking one.
            State::Alias { of } => breaking.push(format!(
                "code {}, an alias of code {of} `{}`, is now the code of `{}`: \
                 `from_code({})` gives `{rust_path}`, not `{}`",
                row.code, old.name, row.name, row.code, old.rust_path
            )),
        }
    }

    /// Checks the alias `alias` of `row` (at YAML path `at`), locked as `old`.
    fn alias(&mut self, at: &str, table: &Table, row: &Row, alias: u32, old: &Entry) {
        let (spec, problems, breaking) = (self.spec, &mut self.problems, &mut self.breaking);
        let here = format!("alias {alias} of code {} `{}`", row.code, row.name);
        let rust_path = table.rust_path(row);
        let same_row = old.name == row.name && old.table == table.id;
        match old.state {
            State::Retired => problems.push(
                Diagnostic::new(
                    spec,
                    format!(
                        "{here} reuses a retired code: {alias} was `{}` in table `{}`",
                        old.name, old.table
                    ),
                )
                .yaml_path(at)
                .help(format!(
                    "a retired code is never reused, not even as an alias: remove {alias} from `aliases`"
                )),
            ),
            State::Active if same_row => breaking.push(format!(
                "code {alias} `{}` is now an alias of code {}: `{rust_path}`'s `code()` changes",
                row.name, row.code
            )),
            // The number was a row's own code: it would now mean another error,
            // which is a rename, refused like one.
            State::Active => problems.push(
                Diagnostic::new(
                    spec,
                    format!(
                        "{here} was published as its own code `{}` in table `{}`; \
                         making it an alias of another error breaks every client that reads it",
                        old.name, old.table
                    ),
                )
                .yaml_path(at)
                .help(format!(
                    "remove {alias} from `aliases` and restore its row `{}`; \
                     deprecate that row if the services no longer send it",
                    old.name
                )),
            ),
            // Same row, whatever its code: a changed variant is the row's change.
            State::Alias { .. } if same_row => {}
            // The row was renamed or moved: `Check::row` refuses that at the row.
            State::Alias { of } if of == row.code => {}
            State::Alias { of } => breaking.push(format!(
                "alias {alias} moved from code {of} `{}` to code {} `{}`: \
                 `from_code({alias})` gives `{rust_path}`, not `{}`",
                old.name, row.code, row.name, old.rust_path
            )),
        }
    }
}

/// The problem with a locked code that `catalogue` no longer lists.
fn gone(spec: &Path, lock: &Path, catalogue: &Catalogue, code: u32, old: &Entry) -> Diagnostic {
    let retire = format!(
        "`- {{code: {code}, name: {}, reason: \"why\"}}` to table `{}`'s `retired:` list",
        yaml_str(&old.name),
        old.table
    );
    let (what, help) = match old.state {
        State::Active => (
            format!("code {code}"),
            format!(
                "codes are API: restore the row, deprecate it (`deprecated: \"why\"`), or retire it by adding {retire}"
            ),
        ),
        State::Retired => (
            format!("retired code {code}"),
            format!("a retired code stays listed so it is never reused: add {retire} back"),
        ),
        State::Alias { of } => (
            format!("alias {code} of code {of}"),
            format!(
                "aliases are API (`from_code({code})` gives `{}`): add {code} back to the row's `aliases`, \
                 or retire it by adding {retire}",
                old.rust_path
            ),
        ),
    };
    let message =
        format!("{what} `{}` (table `{}`) is locked but gone from {}", old.name, old.table, catalogue.source);
    // A vanished alias is a change to its row: point there while the row is.
    let row = match old.state {
        State::Alias { of } => catalogue.tables.iter().enumerate().find_map(|(t, table)| {
            let r = table
                .rows
                .iter()
                .position(|row| row.code == of || (table.id == old.table && row.name == old.name))?;
            Some(format!("tables[{t}].errors[{r}]"))
        }),
        State::Active | State::Retired => None,
    };
    let diagnostic = match (row, old.line) {
        (Some(at), _) => Diagnostic::new(spec, message).yaml_path(at),
        (None, Some(line)) => Diagnostic::new(lock, message).at(line, 1),
        (None, None) => Diagnostic::new(lock, message),
    };
    diagnostic.help(help)
}

/// The spec's version may not go below the lock's, and must be a breaking
/// bump over it when `breaking` lists changes.
fn check_version(
    spec: &Path,
    lock_name: &str,
    catalogue: &Catalogue,
    locked: &str,
    breaking: &[String],
    problems: &mut Vec<Diagnostic>,
) {
    // Validation and `parse` accept only semver versions.
    let (Ok(now), Ok(was)) = (semver::Version::parse(&catalogue.version), semver::Version::parse(locked))
    else {
        return;
    };
    if core(&now) < core(&was) {
        problems.push(
            Diagnostic::new(
                spec,
                format!("`version: {now}` is older than {was}, the version {lock_name} records"),
            )
            .yaml_path("version")
            .help(format!("versions only go up: set `version: {was}` or later")),
        );
    } else if !breaking.is_empty() && !Bump::Major.allows(&was, &now) {
        let needed = Bump::Major.next_version(&was);
        let s = if breaking.len() == 1 { "" } else { "s" };
        problems.push(
            Diagnostic::new(
                spec,
                format!(
                    "{} breaking change{s} since {was} need{} version {needed}:\n  - {}",
                    breaking.len(),
                    if breaking.len() == 1 { "s" } else { "" },
                    breaking.join("\n  - ")
                ),
            )
            .yaml_path("version")
            .help(format!(
                "set `version: {needed}`{}, or undo the change{s}",
                if was.major == 0 { " (below 1.0 a breaking change bumps the minor number)" } else { "" }
            )),
        );
    }
}

/// The lock file's text: a header, the version, one code a line.
pub fn render(catalogue: &Catalogue, lock: &Lock) -> String {
    let mut out = format!(
        "# @generated by `cargo xtask gen` from {source}: every code {krate} has published.\n\
         #\n\
         # Codes are API. Once locked, a code can be deprecated or retired in the\n\
         # spec, but never removed, renamed, moved to another table or reused, and\n\
         # `cargo xtask gen` refuses a spec that tries. Aliases (other codes\n\
         # `from_code` accepts for a row) are locked the same way, except that an\n\
         # alias may move to another row with a breaking version bump. Edit the\n\
         # spec, not this file; review changes to it as changes to the API.\n\
         #\n\
         # `version` is the catalogue version this lock describes. Then one code\n\
         # a line, sorted: CODE TABLE STATE SINCE RUST_PATH \"NAME\", where STATE\n\
         # is `active`, `retired`, or `alias-of:CODE` for an alias of the row whose\n\
         # own code is CODE (an alias has its row's table, Rust path and name), and\n\
         # SINCE is the version that first locked the code.\n\
         version {version}\n",
        source = catalogue.source,
        krate = catalogue.crate_name,
        version = lock.version,
    );
    for (code, entry) in &lock.entries {
        // `write!` to a String cannot fail.
        let _ = writeln!(
            out,
            "{code} {} {} {} {} {}",
            entry.table,
            entry.state,
            entry.since,
            entry.rust_path,
            quote(&entry.name)
        );
    }
    out
}

/// `text` as a double-quoted string, escaped as JSON escapes it (which
/// YAML reads too): one line whatever the name holds.
fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The inverse of [`quote`], for a whole field.
fn unquote(field: &str) -> Option<String> {
    if !(field.len() >= 2 && field.starts_with('"') && field.ends_with('"')) {
        return None;
    }
    // A YAML double-quoted scalar reads every escape `quote` writes.
    serde_yaml::from_str::<String>(field).ok()
}

/// `text` as a YAML value for a help line.
fn yaml_str(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ' ')
        && !text.starts_with(' ')
        && !text.ends_with(' ')
    {
        text.to_owned()
    } else {
        quote(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_quotes() {
        for name in ["Bad Request", "say \"hi\"", "back\\slash", "two\nlines\ttab", " padded ", "Ω \u{7f}"] {
            let quoted = quote(name);
            assert!(!quoted.contains('\n'), "{quoted}");
            assert_eq!(unquote(&quoted).as_deref(), Some(name), "{quoted}");
        }
        assert_eq!(unquote("Bad"), None);
        assert_eq!(unquote("\""), None);
    }

    #[test]
    fn entries_parse() {
        let (code, entry) =
            parse_entry("4032251 auth retired 0.1.0 AuthError::AccessTokenExpired \"A B\"").unwrap();
        assert_eq!(code, 4032251);
        assert_eq!(entry.state, State::Retired);
        assert_eq!(entry.name, "A B");
        assert!(parse_entry("x auth active 0.1.0 - \"A\"").unwrap_err().contains("not a code"));
        assert!(parse_entry("1 auth gone 0.1.0 - \"A\"").unwrap_err().contains("`gone`"));
        assert!(parse_entry("1 auth active 0.1 - \"A\"").unwrap_err().contains("semver"));
        assert!(parse_entry("1 auth active 0.1.0 -").unwrap_err().contains("name is missing"));
        assert!(parse_entry("1 auth active 0.1.0 - A").unwrap_err().contains("double-quoted"));
    }
}
