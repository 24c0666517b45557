//! What changed between two versions of a catalogue, and what each change
//! means for the users of the generated crate: the changes and verdicts of
//! [`classify`], the same ones the lock acts
//! on, with the version they need and what `cargo xtask gen` will do.

use std::fmt;

use serde::Serialize;

use crate::compat::change::decide;
pub use crate::compat::change::{Bump, Change, ChangeKind, Decision, Verdict};
use crate::compat::classify::classify;
use crate::compat::published::Published;
use errcat_model::Catalogue;

/// Every change between two versions of one catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CatalogueDiff {
    /// The spec file's name, as headers give it (`spec/knox-cloud.yaml`).
    #[serde(rename = "source")]
    pub spec_name: String,
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
    /// The smallest bump all the allowed changes need together, if any.
    pub bump: Option<Bump>,
    /// The smallest version a release of the new catalogue may have, if it
    /// changed.
    pub needed_version: Option<String>,
    /// Whether the new version is at least `needed_version`, the bump of
    /// the allowed changes. A refused change is refused whatever the
    /// version: `decision` says what `cargo xtask gen` will do.
    pub version_ok: bool,
    /// What `cargo xtask gen` does with the new catalogue when the old one
    /// is locked: it requires `needed_version` only for a breaking change,
    /// and refuses a refused change whatever the version.
    pub decision: Decision,
}

impl CatalogueDiff {
    /// Whether any change breaks users of the old crate.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }

    /// Whether any change is refused, whatever the version.
    pub fn is_refused(&self) -> bool {
        self.changes.iter().any(Change::is_refused)
    }
}

impl fmt::Display for CatalogueDiff {
    /// A report for people: one line per change (and its fix, when
    /// refused), then the version verdict.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} {} → {})", self.spec_name, self.crate_name, self.old_version, self.new_version)?;
        // Each change is shown with the bump it needs from the old version:
        // below 1.0 Cargo shifts each kind of change one number down.
        let old = semver::Version::parse(&self.old_version).ok();
        let at = |bump: Bump| old.as_ref().map_or(bump, |old| bump.at(old));
        if self.changes.is_empty() {
            return write!(f, "\n  no changes");
        }
        for change in &self.changes {
            match &change.verdict {
                Verdict::Refused { fix, .. } => write!(
                    f,
                    "\n  {:<8} {:<6} {}\n  {:<8} {:<6} fix: {fix}",
                    "refused", "-", change.summary, "", ""
                )?,
                Verdict::Allowed { bump } => {
                    let class = if change.is_breaking() { "breaking" } else { "ok" };
                    write!(f, "\n  {class:<8} {:<6} {}", at(*bump).to_string(), change.summary)?
                }
            }
        }
        if let (Some(bump), Some(needed)) = (&self.bump, &self.needed_version) {
            let verdict = if self.version_ok {
                format!("version {} is enough", self.new_version)
            } else if bump.is_breaking() {
                format!("version {} is not: set `version: {needed}`", self.new_version)
            } else {
                // Only a breaking change's bump is enforced by the lock.
                format!(
                    "version {} is not: set `version: {needed}` before publishing \
                     (`gen` requires a bump only for a breaking change)",
                    self.new_version
                )
            };
            // Name the kind of change, and below 1.0 the bump it takes there.
            let kind = match at(*bump) {
                shifted if shifted != *bump => {
                    format!("a {bump} change, below 1.0 a {shifted} bump (Cargo's rules)")
                }
                _ => format!("a {bump} change"),
            };
            write!(f, "\n  {kind}: needs version {needed} or later: {verdict}")?;
        }
        let refused = self.changes.iter().filter(|change| change.is_refused()).count();
        if refused > 0 {
            let (s, them) = if refused == 1 { ("", "it") } else { ("s", "them") };
            write!(
                f,
                "\n  `gen` refuses {refused} change{s} whatever the version: undo {them} as each fix says"
            )?;
        }
        Ok(())
    }
}

/// Compares two versions of a catalogue.
pub fn diff(old: &Catalogue, new: &Catalogue) -> CatalogueDiff {
    // The new documents keep every response the old ones had, as `gen` does.
    let was = Published::of_catalogue(old);
    let changes = classify(&was, &Published::of_catalogue(new).keeping(&was));
    let bump = changes.iter().filter_map(Change::bump).max();
    let (needed_version, version_ok) = match (bump, versions(old, new)) {
        (Some(bump), Some((was, now))) => {
            (Some(bump.next_version(&was).to_string()), bump.allows(&was, &now))
        }
        (Some(_), None) => (None, false),
        (None, _) => (None, true),
    };
    let decision = decide(&changes, &old.version, &new.version);
    CatalogueDiff {
        spec_name: new.source.clone(),
        crate_name: new.crate_name.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        changes,
        bump,
        needed_version,
        version_ok,
        decision,
    }
}

/// Both catalogues' versions; validation guarantees they parse.
fn versions(old: &Catalogue, new: &Catalogue) -> Option<(semver::Version, semver::Version)> {
    Some((semver::Version::parse(&old.version).ok()?, semver::Version::parse(&new.version).ok()?))
}
