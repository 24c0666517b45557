//! What changed between two versions of a catalogue, and what each change
//! means for the users of the generated crate.
//!
//! A change is *breaking* when a program that built against the old crate
//! may stop compiling, or when a code it matched may now mean something
//! else: a variant removed or renamed, a code renamed, moved or reused, an
//! alias removed or moved to another row (`from_code` then gives another
//! answer for a number clients receive). Additions are not breaking because every generated enum is
//! `#[non_exhaustive]`, so no user can match on all variants.
//! [`Bump`] turns the worst change into the version the new catalogue
//! needs, by Cargo's rules (below 1.0 the minor number is the major one).

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::model::{Catalogue, Recovery, Retired, Row, Table};

/// The smallest semver bump a change needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bump {
    /// Documentation only: texts users read, not match on.
    Patch,
    /// Something new that no existing program can depend on.
    Minor,
    /// A breaking change.
    Major,
}

impl Bump {
    /// Whether the change breaks users.
    pub fn is_breaking(self) -> bool {
        self == Bump::Major
    }

    /// The smallest version after `old` that this bump allows, by Cargo's
    /// rules: below 1.0 the minor number is the breaking one, and additions
    /// fit in a patch release. Pre-release and build parts are ignored.
    pub fn next_version(self, old: &semver::Version) -> semver::Version {
        let (major, minor, patch) = (old.major, old.minor, old.patch);
        let (major, minor, patch) = match (self, major, minor) {
            (Bump::Major, 0, 0) => (0, 0, patch + 1),
            (Bump::Major, 0, _) => (0, minor + 1, 0),
            (Bump::Major, _, _) => (major + 1, 0, 0),
            (Bump::Minor, 0, _) | (Bump::Patch, _, _) => (major, minor, patch + 1),
            (Bump::Minor, _, _) => (major, minor + 1, 0),
        };
        semver::Version::new(major, minor, patch)
    }

    /// Whether going from `old` to `new` is a big enough bump.
    pub fn allows(self, old: &semver::Version, new: &semver::Version) -> bool {
        core(new) >= core(&self.next_version(old))
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        })
    }
}

/// `major.minor.patch` of a version, for comparisons that ignore
/// pre-release and build parts.
pub fn core(version: &semver::Version) -> (u64, u64, u64) {
    (version.major, version.minor, version.patch)
}

/// What kind of change a [`Change`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new code.
    Added,
    /// A new table: a new enum and `ErrorCode` variant.
    TableAdded,
    /// A row is now deprecated.
    Deprecated,
    /// A row is no longer deprecated.
    Undeprecated,
    /// A published code was retired: its variant is gone.
    Retired,
    /// A code was withdrawn before it was ever published: it is listed as
    /// retired without ever having had a variant.
    Reserved,
    /// A published code vanished without being retired.
    Removed,
    /// A retired code is no longer listed as retired.
    Unlisted,
    /// A retired code is used by a row again.
    Reused,
    /// A code's name changed.
    Renamed,
    /// A code moved to another table, or became an alias of another row.
    Moved,
    /// A row's own code changed to one of its aliases, or to a new code
    /// that keeps the old one as an alias: its variant's `code()` changes.
    Renumbered,
    /// A new alias: `from_code` accepts one more code for a row.
    AliasAdded,
    /// A published alias vanished without being retired.
    AliasRemoved,
    /// An alias now belongs to another row, as an alias or as its code.
    AliasMoved,
    /// A variant's or enum's Rust name changed, the code's name did not.
    RustRenamed,
    /// A table (its enum) is gone.
    TableRemoved,
    /// The generated package's name changed.
    CrateRenamed,
    /// The HTTP status a code is answered with changed.
    HttpStatusChanged,
    /// A code's recovery hint was added, removed or changed: `recovery()`
    /// answers differently, and clients may act on it.
    RecoveryChanged,
    /// A text users read changed: a description, a deprecation note, a
    /// retirement reason, a title or a summary.
    TextChanged,
}

/// One change to a catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What kind of change it is.
    pub kind: ChangeKind,
    /// The code it concerns, if it concerns one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    /// The table it concerns (for a moved code, the new one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// When `code` is an alias: the own code of its row (in the new
    /// catalogue; in the old one when it is no longer an alias).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias_of: Option<u32>,
    /// One line saying what changed.
    pub summary: String,
    /// The smallest bump it needs.
    pub bump: Bump,
    /// Whether it breaks users of the old crate.
    pub breaking: bool,
}

/// Every change between two versions of one catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogueDiff {
    /// The spec file, as headers name it.
    pub source: String,
    /// The generated package.
    #[serde(rename = "crate")]
    pub crate_name: String,
    /// The old catalogue's version.
    pub old_version: String,
    /// The new catalogue's version.
    pub new_version: String,
    /// The changes: the catalogue's own, then its tables', then its codes'
    /// in code order.
    pub changes: Vec<Change>,
    /// The smallest bump all the changes need together, if any.
    pub bump: Option<Bump>,
    /// The smallest version the new catalogue may have, if it changed.
    pub needed_version: Option<String>,
    /// Whether the new version is at least `needed_version`.
    pub version_ok: bool,
}

impl CatalogueDiff {
    /// Whether any change breaks users of the old crate.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|change| change.breaking)
    }
}

impl fmt::Display for CatalogueDiff {
    /// A report for people: one line per change, then the version verdict.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} ({} {} → {})", self.source, self.crate_name, self.old_version, self.new_version)?;
        if self.changes.is_empty() {
            return write!(f, "  no changes");
        }
        for change in &self.changes {
            let class = if change.breaking { "breaking" } else { "ok" };
            writeln!(f, "  {class:<8} {:<6} {}", change.bump.to_string(), change.summary)?;
        }
        match (&self.bump, &self.needed_version) {
            (Some(bump), Some(needed)) => {
                let verdict = if self.version_ok {
                    format!("version {} is enough", self.new_version)
                } else {
                    format!("version {} is not: set `version: {needed}`", self.new_version)
                };
                // Below 1.0 Cargo shifts each kind of change one number down,
                // so name the kind of change and the version it takes.
                write!(f, "  a {bump} change: needs version {needed} or later: {verdict}")
            }
            _ => Ok(()),
        }
    }
}

/// Where a code sits in one catalogue.
enum Place<'a> {
    Row(&'a Table, &'a Row),
    /// An alias of the row.
    Alias(&'a Table, &'a Row),
    Retired(&'a Retired),
}

impl Place<'_> {
    /// The own code of the row this code is an alias of, if it is one.
    fn alias_of(&self) -> Option<u32> {
        match self {
            Place::Alias(_, row) => Some(row.code),
            Place::Row(..) | Place::Retired(_) => None,
        }
    }
}

/// Whether two rows are the same error: the same code, or the same name in
/// the same table (a row renumbered).
fn same_row((t0, r0): (&Table, &Row), (t1, r1): (&Table, &Row)) -> bool {
    r0.code == r1.code || (t0.id == t1.id && r0.name == r1.name)
}

fn places(catalogue: &Catalogue) -> BTreeMap<u32, Place<'_>> {
    let mut places: BTreeMap<u32, Place<'_>> =
        catalogue.rows().map(|(table, row)| (row.code, Place::Row(table, row))).collect();
    // Validation keeps codes and aliases apart; a clash keeps the row.
    for (table, row) in catalogue.rows() {
        for &alias in &row.aliases {
            places.entry(alias).or_insert(Place::Alias(table, row));
        }
    }
    for retired in &catalogue.retired {
        places.entry(retired.code).or_insert(Place::Retired(retired));
    }
    places
}

/// Compares two versions of a catalogue.
pub fn diff(old: &Catalogue, new: &Catalogue) -> CatalogueDiff {
    let mut changes = Vec::new();
    let mut push = |kind, code, table: Option<&str>, summary: String, bump: Bump| {
        changes.push(Change {
            kind,
            code,
            table: table.map(str::to_owned),
            alias_of: None,
            summary,
            bump,
            breaking: bump.is_breaking(),
        });
    };

    if old.crate_name != new.crate_name {
        push(
            ChangeKind::CrateRenamed,
            None,
            None,
            format!(
                "the package `{}` is now `{}`: a different crate to depend on",
                old.crate_name, new.crate_name
            ),
            Bump::Major,
        );
    }
    if old.title != new.title {
        push(ChangeKind::TextChanged, None, None, "the catalogue's title changed".into(), Bump::Patch);
    }

    for table in &new.tables {
        let id = Some(table.id.as_str());
        match old.tables.iter().find(|t| t.id == table.id) {
            None => push(
                ChangeKind::TableAdded,
                None,
                id,
                format!("table `{}` is new: enum `{}`", table.id, table.rust_enum),
                Bump::Minor,
            ),
            Some(before) => {
                if before.rust_enum != table.rust_enum {
                    push(
                        ChangeKind::RustRenamed,
                        None,
                        id,
                        format!(
                            "table `{}`'s enum `{}` is now `{}`",
                            table.id, before.rust_enum, table.rust_enum
                        ),
                        Bump::Major,
                    );
                }
                for (field, was, now) in
                    [("title", &before.title, &table.title), ("summary", &before.summary, &table.summary)]
                {
                    if was != now {
                        push(
                            ChangeKind::TextChanged,
                            None,
                            id,
                            format!("table `{}`'s {field} changed", table.id),
                            Bump::Patch,
                        );
                    }
                }
            }
        }
    }
    for before in old.tables.iter().filter(|t| !new.tables.iter().any(|table| table.id == t.id)) {
        push(
            ChangeKind::TableRemoved,
            None,
            Some(&before.id),
            format!("table `{}` is gone, and its enum `{}` with it", before.id, before.rust_enum),
            Bump::Major,
        );
    }

    let (was, now) = (places(old), places(new));
    let codes: std::collections::BTreeSet<u32> = was.keys().chain(now.keys()).copied().collect();
    for code in codes {
        let c = Some(code);
        match (was.get(&code), now.get(&code)) {
            (None, None) => {}
            (None, Some(Place::Row(table, row))) => push(
                ChangeKind::Added,
                c,
                Some(&table.id),
                format!("code {code} `{}` is new: `{}`", row.name, table.rust_path(row)),
                Bump::Minor,
            ),
            (None, Some(Place::Retired(retired))) => push(
                ChangeKind::Reserved,
                c,
                Some(&retired.table),
                format!("code {code} `{}` is listed as retired, never having been published", retired.name),
                Bump::Patch,
            ),
            (Some(Place::Row(table, row)), None) => push(
                ChangeKind::Removed,
                c,
                Some(&table.id),
                format!(
                    "code {code} `{}` is gone without being retired: `{}` is removed",
                    row.name,
                    table.rust_path(row)
                ),
                Bump::Major,
            ),
            (Some(Place::Retired(retired)), None) => push(
                ChangeKind::Unlisted,
                c,
                Some(&retired.table),
                format!("retired code {code} `{}` is no longer listed as retired", retired.name),
                Bump::Patch,
            ),
            (Some(Place::Row(table, row)), Some(Place::Retired(retired))) => {
                push(
                    ChangeKind::Retired,
                    c,
                    Some(&retired.table),
                    format!("code {code} `{}` is retired: `{}` is removed", row.name, table.rust_path(row)),
                    Bump::Major,
                );
                if retired.name != row.name {
                    push(
                        ChangeKind::Renamed,
                        c,
                        Some(&retired.table),
                        format!(
                            "code {code} `{}` is retired under another name, `{}`",
                            row.name, retired.name
                        ),
                        Bump::Major,
                    );
                }
            }
            (Some(Place::Retired(retired)), Some(Place::Row(table, row))) => push(
                ChangeKind::Reused,
                c,
                Some(&table.id),
                format!(
                    "retired code {code} `{}` is used again, by `{}` (`{}`)",
                    retired.name,
                    row.name,
                    table.rust_path(row)
                ),
                Bump::Major,
            ),
            (Some(Place::Retired(before)), Some(Place::Retired(after))) => {
                if before.name != after.name || before.table != after.table {
                    push(
                        ChangeKind::Renamed,
                        c,
                        Some(&after.table),
                        format!(
                            "retired code {code} `{}` in table `{}` is now listed as `{}` in table `{}`",
                            before.name, before.table, after.name, after.table
                        ),
                        Bump::Patch,
                    );
                }
                if before.reason != after.reason {
                    push(
                        ChangeKind::TextChanged,
                        c,
                        Some(&after.table),
                        format!("retired code {code} `{}`: the reason changed", after.name),
                        Bump::Patch,
                    );
                }
            }
            (None, Some(Place::Alias(table, row))) => push(
                ChangeKind::AliasAdded,
                c,
                Some(&table.id),
                format!(
                    "alias {code} of code {} `{}` is new: `from_code({code})` gives `{}`",
                    row.code,
                    row.name,
                    table.rust_path(row)
                ),
                Bump::Minor,
            ),
            (Some(Place::Alias(table, row)), None) => push(
                ChangeKind::AliasRemoved,
                c,
                Some(&table.id),
                format!(
                    "alias {code} of code {} `{}` is gone without being retired: `from_code({code})` no longer gives `{}`",
                    row.code,
                    row.name,
                    table.rust_path(row)
                ),
                Bump::Major,
            ),
            (Some(Place::Alias(table, row)), Some(Place::Retired(retired))) => {
                push(
                    ChangeKind::Retired,
                    c,
                    Some(&retired.table),
                    format!(
                        "alias {code} of code {} `{}` is retired: `from_code({code})` no longer gives `{}`",
                        row.code,
                        row.name,
                        table.rust_path(row)
                    ),
                    Bump::Major,
                );
                if retired.name != row.name {
                    push(
                        ChangeKind::Renamed,
                        c,
                        Some(&retired.table),
                        format!(
                            "alias {code} of `{}` is retired under another name, `{}`",
                            row.name, retired.name
                        ),
                        Bump::Major,
                    );
                }
            }
            (Some(Place::Retired(retired)), Some(Place::Alias(table, row))) => push(
                ChangeKind::Reused,
                c,
                Some(&table.id),
                format!(
                    "retired code {code} `{}` is used again, as an alias of code {} `{}` (`{}`)",
                    retired.name,
                    row.code,
                    row.name,
                    table.rust_path(row)
                ),
                Bump::Major,
            ),
            (Some(Place::Alias(t0, r0)), Some(Place::Alias(t1, r1))) => {
                if !same_row((t0, r0), (t1, r1)) {
                    push(
                        ChangeKind::AliasMoved,
                        c,
                        Some(&t1.id),
                        format!(
                            "alias {code} moved from code {} `{}` to code {} `{}`: `from_code({code})` gives `{}`, not `{}`",
                            r0.code,
                            r0.name,
                            r1.code,
                            r1.name,
                            t1.rust_path(r1),
                            t0.rust_path(r0)
                        ),
                        Bump::Major,
                    );
                }
            }
            (Some(Place::Row(t0, r0)), Some(Place::Alias(t1, r1))) => {
                let (p0, p1) = (t0.rust_path(r0), t1.rust_path(r1));
                if same_row((t0, r0), (t1, r1)) {
                    push(
                        ChangeKind::Renumbered,
                        c,
                        Some(&t1.id),
                        format!(
                            "code {code} `{}` is now an alias of code {}: `{p1}`'s `code()` changes",
                            r1.name, r1.code
                        ),
                        Bump::Major,
                    );
                } else {
                    push(
                        ChangeKind::Moved,
                        c,
                        Some(&t1.id),
                        format!(
                            "code {code} `{}` is now an alias of code {} `{}`: `from_code({code})` gives `{p1}`, not `{p0}`",
                            r0.name, r1.code, r1.name
                        ),
                        Bump::Major,
                    );
                }
            }
            (Some(Place::Alias(t0, r0)), Some(Place::Row(t1, r1))) => {
                let (p0, p1) = (t0.rust_path(r0), t1.rust_path(r1));
                if same_row((t0, r0), (t1, r1)) {
                    push(
                        ChangeKind::Renumbered,
                        c,
                        Some(&t1.id),
                        format!(
                            "alias {code} of code {} `{}` is now the row's own code: `{p1}`'s `code()` changes",
                            r0.code, r1.name
                        ),
                        Bump::Major,
                    );
                } else {
                    push(
                        ChangeKind::AliasMoved,
                        c,
                        Some(&t1.id),
                        format!(
                            "alias {code} of code {} `{}` is now the code of `{}`: `from_code({code})` gives `{p1}`, not `{p0}`",
                            r0.code, r0.name, r1.name
                        ),
                        Bump::Major,
                    );
                }
            }
            (Some(Place::Row(t0, r0)), Some(Place::Row(t1, r1))) => {
                let table = Some(t1.id.as_str());
                if r0.name != r1.name {
                    push(
                        ChangeKind::Renamed,
                        c,
                        table,
                        format!("code {code} `{}` is renamed `{}`", r0.name, r1.name),
                        Bump::Major,
                    );
                }
                if t0.id != t1.id {
                    push(
                        ChangeKind::Moved,
                        c,
                        table,
                        format!("code {code} `{}` moved from table `{}` to `{}`", r1.name, t0.id, t1.id),
                        Bump::Major,
                    );
                }
                let (p0, p1) = (t0.rust_path(r0), t1.rust_path(r1));
                if p0 != p1 && t0.rust_enum == t1.rust_enum && r0.name == r1.name {
                    push(
                        ChangeKind::RustRenamed,
                        c,
                        table,
                        format!("code {code} `{}`: variant `{p0}` is now `{p1}`", r1.name),
                        Bump::Major,
                    );
                }
                if r0.http_status != r1.http_status {
                    push(
                        ChangeKind::HttpStatusChanged,
                        c,
                        table,
                        format!(
                            "code {code} `{}` is answered with HTTP {} instead of {}",
                            r1.name, r1.http_status, r0.http_status
                        ),
                        Bump::Minor,
                    );
                }
                if r0.recovery != r1.recovery {
                    let hint = |recovery: Option<Recovery>| recovery.map_or("none", Recovery::key);
                    push(
                        ChangeKind::RecoveryChanged,
                        c,
                        table,
                        format!(
                            "code {code} `{}`: recovery is `{}` instead of `{}`",
                            r1.name,
                            hint(r1.recovery),
                            hint(r0.recovery)
                        ),
                        Bump::Minor,
                    );
                }
                match (&r0.deprecated, &r1.deprecated) {
                    (None, Some(reason)) => push(
                        ChangeKind::Deprecated,
                        c,
                        table,
                        format!("code {code} `{}` is deprecated: {reason}", r1.name),
                        Bump::Minor,
                    ),
                    (Some(_), None) => push(
                        ChangeKind::Undeprecated,
                        c,
                        table,
                        format!("code {code} `{}` is no longer deprecated", r1.name),
                        Bump::Minor,
                    ),
                    (Some(a), Some(b)) if a != b => push(
                        ChangeKind::TextChanged,
                        c,
                        table,
                        format!("code {code} `{}`: the deprecation note changed", r1.name),
                        Bump::Patch,
                    ),
                    _ => {}
                }
                if r0.description != r1.description {
                    push(
                        ChangeKind::TextChanged,
                        c,
                        table,
                        format!("code {code} `{}`: the description changed", r1.name),
                        Bump::Patch,
                    );
                }
            }
        }
    }

    for change in &mut changes {
        let place =
            |places: &BTreeMap<u32, Place<'_>>| change.code.and_then(|code| places.get(&code)?.alias_of());
        change.alias_of = place(&now).or_else(|| place(&was));
    }

    let bump = changes.iter().map(|change| change.bump).max();
    let (needed_version, version_ok) = match (bump, versions(old, new)) {
        (Some(bump), Some((was, now))) => {
            (Some(bump.next_version(&was).to_string()), bump.allows(&was, &now))
        }
        (Some(_), None) => (None, false),
        (None, _) => (None, true),
    };
    CatalogueDiff {
        source: new.source.clone(),
        crate_name: new.crate_name.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        changes,
        bump,
        needed_version,
        version_ok,
    }
}

/// Both catalogues' versions; validation guarantees they parse.
fn versions(old: &Catalogue, new: &Catalogue) -> Option<(semver::Version, semver::Version)> {
    Some((semver::Version::parse(&old.version).ok()?, semver::Version::parse(&new.version).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> semver::Version {
        semver::Version::parse(text).unwrap()
    }

    #[test]
    fn bumps_follow_cargo_rules() {
        assert_eq!(Bump::Major.next_version(&v("1.4.2")), v("2.0.0"));
        assert_eq!(Bump::Major.next_version(&v("0.4.2")), v("0.5.0"));
        assert_eq!(Bump::Major.next_version(&v("0.0.3")), v("0.0.4"));
        assert_eq!(Bump::Minor.next_version(&v("1.4.2")), v("1.5.0"));
        assert_eq!(Bump::Minor.next_version(&v("0.4.2")), v("0.4.3"));
        assert_eq!(Bump::Patch.next_version(&v("1.4.2")), v("1.4.3"));
        assert!(Bump::Major.allows(&v("0.1.0"), &v("0.2.0")));
        assert!(Bump::Major.allows(&v("0.1.0"), &v("1.0.0")));
        assert!(Bump::Major.allows(&v("1.1.0"), &v("2.0.0-rc.1")));
        assert!(!Bump::Major.allows(&v("0.1.0"), &v("0.1.1")));
        assert!(!Bump::Major.allows(&v("1.1.0"), &v("1.2.0")));
        assert!(Bump::Minor.allows(&v("1.1.0"), &v("1.2.0")));
        assert!(!Bump::Patch.allows(&v("1.1.0"), &v("1.1.0")));
    }
}
