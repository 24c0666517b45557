//! The lock: every code a catalogue has ever published, kept next to its
//! spec (`spec/knox-cloud.lock` for `spec/knox-cloud.yaml`).
//!
//! Codes are API: clients match on them. [`update`] compares a validated
//! catalogue with its lock through the one classifier
//! ([`classify`]), refuses the changes it
//! refuses (a locked code or alias that vanished without being retired, a
//! code whose name or table changed, a retired code used again...) and
//! demands the version bump the breaking ones need. Otherwise it returns
//! the new lock: the old one plus every new code and alias, at the spec's
//! version.
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
//!
//! A catalogue with a recovery vocabulary has a `recovery: ID` line per
//! value after `version`, in spec order: the values of the generated
//! `Recovery` enum, so that removing one is seen as the breaking change it is.
//!
//! The responses of the OpenAPI documents and the params and message
//! templates are recorded too, and the rows' other names: [`lock_responses`],
//! [`lock_params`], [`lock_names`] and [`lock_sections`] read and write their lines. A catalogue with
//! per-row attributes has `attribute:` and `value:` lines
//! ([`lock_attributes`]).
//!
//! The error answer on the wire is recorded too ([`lock_wire`]): a body a
//! client of an older crate can no longer read is breaking.
//!
//! A catalogue of string codes (`codes: string`) has a `codes string` line
//! after `version`: its codes are then text (`42601` is the string, not
//! the number), sorted as text. A lock of integer codes has no such line,
//! so its format is what it was before string codes existed.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::compat::change::{Bump, Change, ChangeKind, Location, missing_bump};
use crate::compat::classify::classify;
use crate::compat::lock_attributes::{self, AttributeLines, AttributeRecord};
use crate::compat::lock_codes::code_entries;
use crate::compat::lock_locales;
use crate::compat::lock_names;
use crate::compat::lock_pairs;
use crate::compat::lock_params::{self, LockedParams};
use crate::compat::lock_responses::{self, LockedResponse};
use crate::compat::lock_sections;
use crate::compat::lock_wire::{self, Wire};
pub use crate::compat::published::State;
use crate::compat::published::{Origin, Published, PublishedCode, PublishedParams};
use crate::compat::quoted::quote;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::source::SpecPath;
use errcat_model::{Catalogue, Code, CodeKind};

/// The lock of the spec file `spec`: the same path ending in `.lock`.
pub fn lock_path(spec: &Path) -> PathBuf {
    spec.with_extension("lock")
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
    /// What the codes are: a lock of string codes says so in a `codes
    /// string` line, one of integer codes has none.
    pub codes: CodeKind,
    /// Every locked code.
    pub entries: BTreeMap<Code, Entry>,
    /// The ids of the recovery vocabulary, in spec order: the values of
    /// the `Recovery` enum the crate at `version` has.
    pub recoveries: Vec<String>,
    /// The responses of the OpenAPI documents, by name; `None` for a lock
    /// written before they were locked.
    pub responses: Option<BTreeMap<String, LockedResponse>>,
    /// The params and message templates; `None` for a lock written before
    /// they were locked.
    pub params: Option<LockedParams>,
    /// The rows' other names, each with its row's own code.
    pub other_names: BTreeSet<(Code, String)>,
    /// The sections each code appears in, by the row's own code.
    pub sections: BTreeSet<(Code, String)>,
    /// The per-row attributes' declarations and values.
    pub attributes: AttributeRecord,
    /// The locales, the default first; none for a catalogue without
    /// `locales:` (and a lock from before locales existed).
    pub locales: Vec<String>,
    /// The error answer on the wire; `None` for a lock written before it
    /// was locked.
    pub wire: Option<Wire>,
}

impl Lock {
    /// What the lock records as published.
    pub fn published(&self) -> Published<'_> {
        let codes = self
            .entries
            .iter()
            .map(|(number, entry)| {
                // `-`: retired before it ever had a variant.
                let rust_path = Some(entry.rust_path.as_str()).filter(|path| *path != "-").map(Cow::Borrowed);
                let code = PublishedCode {
                    table: &entry.table,
                    state: entry.state.clone(),
                    name: &entry.name,
                    rust_path,
                    origin: Origin::Lock(entry.line),
                };
                (number.clone(), code)
            })
            .collect();
        let recoveries = self.recoveries.iter().map(String::as_str).collect();
        let responses = self.responses.as_ref().map(lock_responses::published).unwrap_or_default();
        let params = self.params.as_ref().map(lock_params::published).unwrap_or_default();
        let attributes = self.attributes.clone();
        Published {
            version: &self.version,
            kind: self.codes,
            codes,
            recoveries,
            responses,
            params,
            other_names: lock_pairs::published(&self.other_names),
            sections: lock_pairs::published(&self.sections),
            attributes,
            locales: self.locales.iter().map(String::as_str).collect(),
            wire: self.wire.clone(),
            catalogue: None,
        }
    }
}

/// The fix of a `codes` line that names no kind.
const KIND_LINE_FIX: &str = "a lock of string codes has the line `codes string`, a lock of integer codes none: \
     restore the lock from version control, then run `gen` again";

/// Reads a lock file's text. `path` names it in diagnostics.
pub fn parse(path: &Path, text: &str) -> Result<Lock, Diagnostics> {
    let mut problems = Vec::new();
    let text = without_byte_order_mark(path, text, &mut problems);
    let mut version: Option<(String, usize)> = None;
    // Code lines are read once the kind is known: `codes string` may follow them.
    let mut code_lines: Vec<(usize, &str)> = Vec::new();
    let mut param_lines: Vec<(usize, &str)> = Vec::new();
    let mut name_lines: Vec<(usize, &str)> = Vec::new();
    let mut section_lines: Vec<(usize, &str)> = Vec::new();
    let mut codes = CodeKind::Integer;
    let (mut recoveries, mut recovery_ids): (Vec<String>, HashSet<&str>) = (Vec::new(), HashSet::new());
    let mut responses: Option<BTreeMap<String, LockedResponse>> = None;
    let mut attribute_lines = AttributeLines::default();
    let mut locales: Vec<String> = Vec::new();
    let mut wire: Option<Wire> = None;
    let fix_merge =
        "keep the lines of both sides (the lock is sorted by code, one code a line), then run `gen` again";
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
        // A code line ends with its row's quoted name and no line of the
        // version or the responses does, so a string code spelt like one of
        // their keywords (`version`, `response`) stays a code.
        let a_code = line.ends_with('"');
        if let Some(rest) = line.strip_prefix("version ").filter(|_| !a_code) {
            match version_line(path, n, rest, version.as_ref()) {
                Ok(read) => version = Some(read),
                Err(problem) => problems.push(*problem),
            }
            continue;
        }
        if line == "codes string" {
            codes = CodeKind::String;
            continue;
        }
        // No code line has two fields: this one meant to be the kind line.
        if let Some(kind) = line.strip_prefix("codes ").filter(|rest| !rest.contains(' ')) {
            problems.push(
                Diagnostic::new(path, format!("`codes {kind}` is not a kind of codes"))
                    .at(n, 7)
                    .help(KIND_LINE_FIX),
            );
            continue;
        }
        if let Some(id) = line.strip_prefix("recovery: ") {
            match recovery_ids.insert(id) {
                true => recoveries.push(id.to_owned()),
                false => problems.push(
                    Diagnostic::new(
                        path,
                        format!("recovery `{id}` is locked twice: a merge kept both sides"),
                    )
                    .at(n, 1)
                    .help("delete one of the two lines, then run `gen` again"),
                ),
            }
            continue;
        }
        if !a_code && lock_responses::read(path, n, line, &mut responses, &mut problems)
            || attribute_lines.read(path, n, line, &mut problems)
            || lock_locales::read(path, n, line, &mut locales, &mut problems)
            || lock_wire::read(path, n, line, &mut wire, &mut problems)
        {
            continue;
        }
        if lock_names::LINES.is_line(line) {
            name_lines.push((n, line));
            continue;
        }
        if lock_sections::LINES.is_line(line) {
            section_lines.push((n, line));
            continue;
        }
        match lock_params::is_line(line) {
            true => param_lines.push((n, line)),
            false => code_lines.push((n, line)),
        }
    }
    let entries = code_entries(path, code_lines, codes, &mut problems);
    let params = lock_params::parse(path, &param_lines, codes, &mut problems);
    let other_names = lock_names::LINES.parse(path, &name_lines, codes, &mut problems);
    let sections = lock_sections::LINES.parse(path, &section_lines, codes, &mut problems);
    let attributes = attribute_lines.finish(path, codes, &mut problems);
    match version {
        Some((version, _)) if problems.is_empty() => Ok(Lock {
            version,
            codes,
            entries,
            recoveries,
            responses,
            params,
            other_names,
            sections,
            attributes,
            locales,
            wire,
        }),
        None if problems.is_empty() => Err(Diagnostic::new(path, "the lock has no `version` line")
            .help("restore the lock from version control, then run `gen` again")
            .into()),
        _ => Err(problems.into()),
    }
}

/// `text` without the byte-order mark it may start with. An editor that
/// saves one leaves an invisible character, so the problem says which.
fn without_byte_order_mark<'t>(path: &Path, text: &'t str, problems: &mut Vec<Diagnostic>) -> &'t str {
    let Some(rest) = text.strip_prefix('\u{FEFF}') else { return text };
    problems.push(
        Diagnostic::new(path, "the lock starts with an invisible byte-order mark (U+FEFF), which gen never writes")
            .at(1, 1)
            .help("save the file as UTF-8 without a byte-order mark (or restore it from version control), then run `gen` again"),
    );
    rest
}

/// The version of the `version` line `n` (`rest` after `version `), with
/// its line; `first` is an earlier one's.
fn version_line(
    path: &Path,
    n: usize,
    rest: &str,
    first: Option<&(String, usize)>,
) -> Result<(String, usize), Box<Diagnostic>> {
    if let Some((_, first)) = first {
        Err(Box::new(
            Diagnostic::new(
                path,
                format!("the lock has a second `version` line (the first is line {first})"),
            )
            .at(n, 1)
            .help("a merge kept both sides: delete the older version line, then run `gen` again"),
        ))
    } else if semver::Version::parse(rest).is_err() {
        Err(Box::new(
            Diagnostic::new(path, format!("`{rest}` is not a semver version"))
                .at(n, 9)
                .help("restore the lock from version control, then run `gen` again"),
        ))
    } else {
        Ok((rest.to_owned(), n))
    }
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
    let mut published = Published::of_catalogue(catalogue);
    if let Some(locked) = locked {
        let mut old = locked.published();
        if locked.responses.is_none() {
            // Written before responses were locked: they were the catalogue's.
            old.responses = lock_responses::before_the_record(catalogue);
        }
        if locked.params.is_none() {
            // Written before params were locked: they were the catalogue's.
            old.params = PublishedParams::of_catalogue(catalogue);
        }
        if locked.wire.is_none() {
            // Written before the wire was locked: it was the catalogue's.
            old.wire = Some(Wire::of_catalogue(catalogue));
        }
        published = published.keeping(&old);
        let changes = classify(&old, &published);
        let problems = problems(spec, lock, &changes, &locked.version, &catalogue.version);
        if !problems.is_empty() {
            return Err(problems.into());
        }
    }
    let version = &catalogue.version;
    let responses =
        lock_responses::update(&published, locked.and_then(|lock| lock.responses.as_ref()), version);
    let other_names = lock_names::update(&published);
    let sections = lock_sections::update(&published);
    let attributes = std::mem::take(&mut published.attributes);
    let entries = published
        .codes
        .into_iter()
        .map(|(code, now)| {
            // Codes of another kind are none of these: `classify` refused the switch.
            let was = locked.and_then(|lock| lock.entries.get(&code));
            let rust_path = match (now.rust_path, was) {
                (Some(path), _) => path.into_owned(),
                // A retired code keeps the path it had, `-` if it never had one.
                (None, Some(was)) => was.rust_path.clone(),
                (None, None) => "-".to_owned(),
            };
            let entry = Entry {
                table: now.table.to_owned(),
                state: now.state,
                since: was.map_or_else(|| version.clone(), |was| was.since.clone()),
                rust_path,
                name: now.name.to_owned(),
                line: None,
            };
            (code, entry)
        })
        .collect();
    let recoveries = catalogue.recoveries.iter().map(|recovery| recovery.key.clone()).collect();
    Ok(Lock {
        version: version.clone(),
        codes: catalogue.codes,
        entries,
        recoveries,
        responses: Some(responses),
        params: Some(lock_params::update(&published.params)),
        other_names,
        sections,
        attributes,
        locales: published.locales.iter().map(|tag| (*tag).to_owned()).collect(),
        wire: published.wire,
    })
}

/// The diagnostics for `changes` from the locked version `was` to `now`:
/// one per refused change, at the offending value (or lock line), and one
/// at `version` when a breaking change needs a bigger one. None exactly
/// when [`decide`](super::classify::decide) accepts the changes.
fn problems(spec: &Path, lock: &Path, changes: &[Change], was: &str, now: &str) -> Vec<Diagnostic> {
    let lock_name = lock.file_name().unwrap_or_default().to_string_lossy();
    let mut problems = Vec::new();
    for change in changes {
        let Some(fix) = change.fix() else { continue };
        let message = match change.kind {
            ChangeKind::VersionLowered => format!("{}, the version {lock_name} records", change.summary),
            _ => change.summary.clone(),
        };
        let diagnostic = match &change.location {
            Some(Location::Spec(at)) => Diagnostic::new(spec, message).spec_path(at.clone()),
            Some(Location::Lock(line)) => Diagnostic::new(lock, message).at(*line, 1),
            None => Diagnostic::new(lock, message),
        };
        problems.push(diagnostic.help(fix));
    }
    // A lowered version is refused on its own: no bump is measured from it.
    let lowered = changes.iter().any(|change| change.kind == ChangeKind::VersionLowered);
    let needed = if lowered { None } else { missing_bump(changes, was, now) };
    if let (Some(needed), Ok(was)) = (needed, semver::Version::parse(was)) {
        let breaking: Vec<&str> = changes
            .iter()
            .filter(|change| change.bump() == Some(Bump::Major))
            .map(|change| change.summary.as_str())
            .collect();
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
            .spec_path(SpecPath::root().field("version"))
            .help(format!(
                "set `version: {needed}`{}, or undo the change{s}",
                if was.major == 0 { " (below 1.0 a breaking change bumps the minor number)" } else { "" }
            )),
        );
    }
    problems
}

/// The lock file's body (the writer adds the generated header): what it
/// is, the version, one code a line.
pub fn render(catalogue: &Catalogue, lock: &Lock) -> String {
    let mut out = format!(
        "# Every code {krate} has published.\n\
         #\n\
         # Codes are API. Once locked, a code can be deprecated or retired in the\n\
         # spec, but never removed, renamed, moved to another table or reused, and\n\
         # the generator refuses a spec that tries. Aliases (other codes\n\
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
        krate = catalogue.crate_name,
        version = lock.version,
    );
    if lock.codes == CodeKind::String {
        out.push_str("# The codes are strings (`codes: string`).\ncodes string\n");
    }
    if !lock.recoveries.is_empty() {
        out.push_str(
            "# The values of `Recovery` at this version, in spec order: removing one\n\
             # is a breaking change.\n",
        );
    }
    for id in &lock.recoveries {
        let _ = writeln!(out, "recovery: {id}");
    }
    lock_attributes::render_declarations(&mut out, &lock.attributes);
    if let Some(responses) = &lock.responses {
        lock_responses::render(&mut out, responses);
    }
    if let Some(params) = &lock.params {
        lock_params::render(&mut out, params);
    }
    lock_names::LINES.render(&mut out, &lock.other_names);
    lock_sections::LINES.render(&mut out, &lock.sections);
    lock_locales::render(&mut out, &lock.locales);
    if let Some(wire) = &lock.wire {
        lock_wire::render(&mut out, wire);
    }
    for (code, entry) in &lock.entries {
        // `write!` to a String cannot fail.
        let _ = writeln!(
            out,
            "{} {} {} {} {} {}",
            code.word(),
            entry.table,
            entry.state,
            entry.since,
            entry.rust_path,
            quote(&entry.name)
        );
    }
    lock_attributes::render_values(&mut out, &lock.attributes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_codes_line_makes_every_code_text_wherever_it_stands() {
        let text = "version 0.1.0\n01000 warn active 0.1.0 WarnError::Warning \"warning\"\ncodes string\n";
        let lock = parse(Path::new("spec/x.lock"), text).expect("a lock");
        assert_eq!(lock.codes, CodeKind::String);
        assert!(lock.entries.contains_key(&Code::String("01000".to_owned())));
        let lock = parse(Path::new("spec/x.lock"), &text.replace("codes string\n", "")).expect("a lock");
        assert_eq!(lock.codes, CodeKind::Integer);
        assert!(lock.entries.contains_key(&Code::Integer(1000)));
    }

    #[test]
    fn the_empty_string_code_is_a_field_of_its_own() {
        let empty = Code::String(String::new());
        assert_eq!(empty.word(), "\"\"");
        let text = "version 0.1.0\ncodes string\n\"\" reason active 0.1.0 ReasonError::Unknown \"Unknown\"\n\
                    Unset reason alias-of:\"\" 0.1.0 ReasonError::Unknown \"Unknown\"\n";
        let lock = parse(Path::new("spec/x.lock"), text).expect("a lock");
        assert_eq!(lock.entries[&empty].state, State::Active);
        let alias = &lock.entries[&Code::String("Unset".to_owned())];
        assert_eq!(alias.state, State::Alias { of: empty.clone() });
        assert_eq!(alias.state.to_string(), "alias-of:\"\"");
        // An integer lock has no empty code.
        assert!(parse(Path::new("spec/x.lock"), &text.replace("codes string\n", "")).is_err());
    }

    #[test]
    fn a_lost_or_mistyped_codes_line_is_named_once() {
        let lines = "version 0.1.0\nwarning warn active 0.1.0 WarnError::Warning \"warning\"\n\
                     100 warn alias-of:warning 0.1.0 WarnError::Warning \"warning\"\n";
        let problems = parse(Path::new("spec/x.lock"), lines).expect_err("text codes").to_string();
        assert_eq!(problems.matches("error:").count(), 1, "{problems}");
        assert!(
            problems
                .contains("line 2 of the lock locks a text code, but the lock has no `codes string` line"),
            "{problems}"
        );
        let broken = format!("{lines}extra warn active 0.1.0 WarnError::Extra \"extra\" more\n");
        let problems = parse(Path::new("spec/x.lock"), &broken).expect_err("a broken line").to_string();
        assert!(problems.contains("line 4 of the lock is not a locked code: the name"), "{problems}");
        assert_eq!(problems.matches("error: line").count(), 2, "{problems}");
        let typo = format!("{lines}codes strings\n");
        let problems = parse(Path::new("spec/x.lock"), &typo).expect_err("a typo").to_string();
        assert!(problems.contains("`codes strings` is not a kind of codes"), "{problems}");
        assert!(problems.contains("x.lock:4:7"), "{problems}");
    }
}
