//! What a change to a catalogue is: its kind, its verdict (refused, or
//! allowed with the [`Bump`] it needs), and the [`Decision`] that a list
//! of them adds up to for `cargo xtask gen`. [`super::classify`] makes
//! them.

use std::fmt;

use serde::Serialize;

use errcat_model::Code;
use errcat_model::source::SpecPath;

/// The smallest semver bump a change needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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

    /// The part of the version number this bump raises from `old`, by
    /// Cargo's rules: below 1.0 a breaking change raises the minor number
    /// and a feature the patch one (below 0.1, every change the patch).
    pub fn at(self, old: &semver::Version) -> Bump {
        let next = self.next_version(old);
        if next.major != old.major {
            Bump::Major
        } else if next.minor != old.minor {
            Bump::Minor
        } else {
            Bump::Patch
        }
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

/// What kind of change a [`Change`] is. New kinds come in minor
/// releases: match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// The catalogue's version went down.
    VersionLowered,
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
    /// A new value of the recovery vocabulary: a new `Recovery` variant
    /// (the enum is `#[non_exhaustive]`).
    RecoveryAdded,
    /// A value of the recovery vocabulary is gone, and its variant with it.
    RecoveryRemoved,
    /// A code's recovery hint was added, removed or changed: `recovery()`
    /// answers differently, and clients may act on it; or a recovery's
    /// `is_retry()` did.
    RecoveryChanged,
    /// A text users read changed: a description, a deprecation note, a
    /// retirement reason, a title or a summary.
    TextChanged,
    /// Rows of a table, or the tables, are listed in another order.
    Reordered,
    /// The codes changed kind (`codes:`, integer or string): every code
    /// the crate published is gone, and its type with it.
    CodesChanged,
    /// A new response in the OpenAPI documents, or one answered again.
    ResponseAdded,
    /// A response the OpenAPI documents published is gone: every document
    /// that references it breaks.
    ResponseRemoved,
    /// A response is kept, marked deprecated, for the documents that
    /// reference it: its status is no longer answered, or its response
    /// has another name now.
    ResponseKept,
    /// A response of the OpenAPI documents describes another HTTP status.
    ResponseChanged,
    /// A new param, of a row or of every error: optional, it is one more
    /// value a client may read; required, every occurrence must carry it,
    /// which breaks the code that builds errors and the clients that read
    /// errors sent without it.
    ParamAdded,
    /// A param is gone: code that reads or sets it stops compiling.
    ParamRemoved,
    /// A param's type changed, or whether it is required: its field's Rust
    /// type changes (`T` or `Option<T>`), and so does what a client
    /// receives.
    ParamChanged,
    /// A row's message template was added, removed or reworded: the text
    /// users read changes, the data does not.
    MessageChanged,
    /// A row has one more other name (`also_named`): `from_name` finds it
    /// by one more name, through one more associated constant.
    OtherNameAdded,
    /// A row's other name is gone: `from_name` no longer finds the row by
    /// it, and code naming its constant stops compiling.
    OtherNameRemoved,
    /// A code appears in one more section (`sections:` of its row):
    /// `sections()` lists one more, `section_description` answers there.
    SectionAdded,
    /// A code no longer appears in a section: code that reads its meaning
    /// there gets `None`, and a section gone takes its `Section` variant.
    SectionRemoved,
    /// A code's meaning in a section (its text, or the statuses answered
    /// there) changed.
    SectionChanged,
    /// A new per-row attribute: a new getter on every table enum.
    AttributeDeclared,
    /// A per-row attribute is gone, and its getter with it.
    AttributeRemoved,
    /// A per-row attribute's type changed, or whether every row gives it:
    /// its getter returns another type.
    AttributeRetyped,
    /// A row's value of an attribute was given, withdrawn or changed: its
    /// getter answers differently, and clients may act on it.
    AttributeValueChanged,
    /// A new locale: one more `Locale` variant, and texts in one more
    /// language.
    LocaleAdded,
    /// A locale is gone: code that names its `Locale` variant stops
    /// compiling.
    LocaleRemoved,
    /// Another locale is the default: every text getter and `Display`
    /// answer in it.
    DefaultLocaleChanged,
    /// A row's texts in a locale were translated, reworded or left out
    /// (a partial locale's): text users read.
    TranslationChanged,
    /// The error answer on the wire changed: another media type, envelope,
    /// root or problem `type`, or a body member added, gone or renamed, or
    /// what the message member holds.
    WireChanged,
}

/// What a change needs to be accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// No version makes it acceptable: `cargo xtask gen` refuses it.
    Refused {
        /// How to undo it, or the way to do what it meant to.
        fix: String,
        /// Whether it breaks users of the old crate. It does, unless it
        /// only touches the record of retired codes (dropping or renaming
        /// an entry) or the version.
        #[serde(skip)]
        breaking: bool,
    },
    /// Acceptable in a version at least `bump` above the old one.
    Allowed {
        /// The smallest bump it needs.
        bump: Bump,
    },
}

/// Where a diagnostic about a change points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    /// A value of the new spec (`tables[0].errors[1].name`).
    Spec(SpecPath),
    /// A line of the old lock (1-based).
    Lock(usize),
}

/// One change to a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What kind of change it is.
    pub kind: ChangeKind,
    /// The code it concerns, if it concerns one.
    pub code: Option<Code>,
    /// The table it concerns (for a moved code, the new one).
    pub table: Option<String>,
    /// When `code` is an alias: the own code of its row (in the new
    /// catalogue; in the old one when it is no longer an alias).
    pub alias_of: Option<Code>,
    /// One line saying what changed: for a refused change, the message
    /// `cargo xtask gen` prints.
    pub summary: String,
    /// Refused, or allowed with a bump.
    pub verdict: Verdict,
    /// Where a diagnostic about it points, when it can point anywhere.
    pub(crate) location: Option<Location>,
}

impl Change {
    /// Whether it breaks users of the old crate: an allowed change that
    /// needs a major bump, or a refused one that would break them.
    pub fn is_breaking(&self) -> bool {
        match self.verdict {
            Verdict::Allowed { bump } => bump.is_breaking(),
            Verdict::Refused { breaking, .. } => breaking,
        }
    }

    /// Whether no version makes it acceptable.
    pub fn is_refused(&self) -> bool {
        matches!(self.verdict, Verdict::Refused { .. })
    }

    /// The bump it needs, unless it is refused.
    pub fn bump(&self) -> Option<Bump> {
        match self.verdict {
            Verdict::Allowed { bump } => Some(bump),
            Verdict::Refused { .. } => None,
        }
    }

    /// How to undo it, when it is refused.
    pub fn fix(&self) -> Option<&str> {
        match &self.verdict {
            Verdict::Refused { fix, .. } => Some(fix),
            Verdict::Allowed { .. } => None,
        }
    }
}

/// Written as `diff --format json` prints it: the verdict's fields inline,
/// and `breaking` after them.
impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            kind: ChangeKind,
            #[serde(skip_serializing_if = "Option::is_none")]
            code: Option<&'a Code>,
            #[serde(skip_serializing_if = "Option::is_none")]
            table: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            alias_of: Option<&'a Code>,
            summary: &'a str,
            #[serde(flatten)]
            verdict: &'a Verdict,
            breaking: bool,
        }
        Json {
            kind: self.kind,
            code: self.code.as_ref(),
            table: self.table.as_deref(),
            alias_of: self.alias_of.as_ref(),
            summary: &self.summary,
            verdict: &self.verdict,
            breaking: self.is_breaking(),
        }
        .serialize(serializer)
    }
}

/// What `cargo xtask gen` does with a catalogue whose lock holds the old
/// one: the verdicts of all its changes together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decision {
    /// It takes the new catalogue and updates the lock.
    Accepted,
    /// A breaking change needs a bigger version.
    NeedsVersion,
    /// A change is refused, whatever the version.
    Refused,
}

/// The version the breaking changes among `changes` need after `old`,
/// when `new` is below it.
pub(crate) fn missing_bump(changes: &[Change], old: &str, new: &str) -> Option<semver::Version> {
    if !changes.iter().any(|change| change.bump() == Some(Bump::Major)) {
        return None;
    }
    // Validation and the lock's parser accept only semver versions.
    let (was, now) = (semver::Version::parse(old).ok()?, semver::Version::parse(new).ok()?);
    Some(Bump::Major.next_version(&was)).filter(|needed| core(&now) < core(needed))
}

/// What the lock makes of `changes` going from version `old` to `new`:
/// `gen` acts on it, and `diff` reports it.
pub fn decide(changes: &[Change], old: &str, new: &str) -> Decision {
    if changes.iter().any(Change::is_refused) {
        Decision::Refused
    } else if missing_bump(changes, old, new).is_some() {
        Decision::NeedsVersion
    } else {
        Decision::Accepted
    }
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
        assert_eq!(Bump::Major.at(&v("0.4.2")), Bump::Minor);
        assert_eq!(Bump::Minor.at(&v("0.4.2")), Bump::Patch);
        assert_eq!(Bump::Major.at(&v("0.0.3")), Bump::Patch);
        assert_eq!(Bump::Minor.at(&v("1.4.2")), Bump::Minor);
        assert!(Bump::Major.allows(&v("0.1.0"), &v("0.2.0")));
        assert!(Bump::Major.allows(&v("0.1.0"), &v("1.0.0")));
        assert!(Bump::Major.allows(&v("1.1.0"), &v("2.0.0-rc.1")));
        assert!(!Bump::Major.allows(&v("0.1.0"), &v("0.1.1")));
        assert!(!Bump::Major.allows(&v("1.1.0"), &v("1.2.0")));
        assert!(Bump::Minor.allows(&v("1.1.0"), &v("1.2.0")));
        assert!(!Bump::Patch.allows(&v("1.1.0"), &v("1.1.0")));
    }
}
