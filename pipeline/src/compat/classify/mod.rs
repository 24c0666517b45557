//! The one classifier of catalogue changes: [`classify`] compares two
//! [`Published`] views and gives every change its [`Verdict`], either
//! refused (no version makes it acceptable) or allowed with the [`Bump`]
//! it needs. The lock ([`lock::update`](super::lock::update)) and `diff`
//! ([`diff::diff`](super::diff::diff)) both call it, and [`decide`](super::change::decide) turns
//! its changes into what `cargo xtask gen` does, so the two cannot
//! disagree.
//!
//! A change is *breaking* when a program built against the old crate may
//! stop compiling, or when a number it receives may now mean something
//! else: a variant or enum renamed, a code retired, an alias retired or
//! moved to another row. It is *refused* when no version could make it
//! safe, because it changes what a published number or name means while a
//! way out exists that keeps them (retire the code and add a new one), or
//! because it throws away the record that keeps a retired code from being
//! reused. Additions are not breaking because every generated enum is
//! `#[non_exhaustive]`, so no user can match on all variants.
//!
//! The lock records the recovery vocabulary's ids too: a value gone takes
//! its `Recovery` variant with it, which is breaking. And it records the
//! OpenAPI documents' responses, which other documents `$ref`: one gone
//! is breaking, so the documents keep every one they published, marked
//! deprecated ([`Published::keeping`]), on both paths. It records the
//! data errors carry, their params, and each row's message template: a
//! param gone, retyped, made required or optional, or a required one
//! added, is breaking (`params.rs`). It records the rows' other
//! names: one removed is breaking, one added a feature (`names.rs`).
//! And it records the per-row
//! attributes: one removed or retyped changes its getter, which is
//! breaking; a row's value that changed is a minor change, as a row's
//! recovery is, since clients may act on what the getter answers.
//! It records the locales too, the `Locale` enum's variants: one gone is
//! breaking (`locales.rs`). And it records the error answer on the wire:
//! a body a client of the old crate can no longer read is breaking
//! (`wire.rs`).
//!
//! Facts a lock does not record (descriptions, HTTP statuses, recoveries of
//! rows and whether a recovery is one to retry, deprecations, texts, the
//! order of rows, tables and recoveries, the package name) are
//! compared only when both views come from catalogues. None of them is
//! refused or breaking, so what a lock can see decides alone.

mod attributes;
mod catalogue;
mod codes;
mod details;
mod locales;
mod names;
mod params;
mod responses;
mod sections;
mod wire;

use std::collections::BTreeSet;

use errcat_model::Code;
use errcat_model::source::SpecPath;

use crate::compat::change::{Bump, Change, ChangeKind, Location, Verdict, core};
use crate::compat::published::{Published, State};

/// Every change from `old` to `new`: the catalogue's own, then its
/// tables' by id, then its codes' in code order.
pub fn classify(old: &Published<'_>, new: &Published<'_>) -> Vec<Change> {
    let mut changes = Changes { list: Vec::new(), old, new };
    changes.version();
    if old.kind != new.kind {
        // Every code would read as removed and added again: one change says it all.
        let (was, now) = (old.kind.keyword(), new.kind.keyword());
        changes.refuse(Refusal {
            kind: ChangeKind::CodesChanged,
            code: None,
            table: None,
            summary: format!("`codes: {now}`: the catalogue published {was} codes, and every `code()` would change type"),
            fix: format!(
                "a catalogue's codes keep their kind: set `codes: {was}` again, or publish the {now} codes as a new crate (another `crate:` name, with a lock of its own)"
            ),
            breaking: true,
            location: Some(Location::Spec(SpecPath::root().field("codes"))),
        });
        return changes.list;
    }
    let both = old.catalogue.zip(new.catalogue);
    if let Some((was, now)) = both {
        changes.catalogue(was, now);
    }
    changes.tables(both);
    changes.recovery_ids();
    if let Some((was, now)) = both {
        changes.recoveries(was, now);
    }
    changes.responses();
    changes.attributes();
    changes.locales();
    if let Some((was, now)) = both {
        changes.translations(was, now);
    }
    changes.shared_params();
    changes.other_names();
    changes.sections();
    changes.wire();
    let numbers: BTreeSet<Code> = old.codes.keys().chain(new.codes.keys()).cloned().collect();
    for number in numbers {
        let (was, now) = (old.codes.get(&number), new.codes.get(&number));
        changes.code(&number, was, now);
        changes.code_params(&number, was, now);
        if let (Some(_), Some(was), Some(now)) = (both, was, now) {
            changes.details(&number, was, now);
        }
    }
    let mut list = changes.list;
    let alias_of = |view: &Published<'_>, number: &Code| match &view.codes.get(number)?.state {
        State::Alias { of } => Some(of.clone()),
        State::Active | State::Retired => None,
    };
    for change in &mut list {
        change.alias_of =
            change.code.as_ref().and_then(|number| alias_of(new, number).or_else(|| alias_of(old, number)));
    }
    list
}

/// A change no version makes acceptable, as [`Changes::refuse`] lists it.
struct Refusal<'c> {
    kind: ChangeKind,
    /// The code it concerns, if it concerns one.
    code: Option<&'c Code>,
    /// The table it concerns.
    table: Option<&'c str>,
    /// The message `cargo xtask gen` prints.
    summary: String,
    /// How to undo it.
    fix: String,
    /// Whether it breaks users of the old crate, not only the record of
    /// retired codes or the version.
    breaking: bool,
    /// Where its diagnostic points.
    location: Option<Location>,
}

/// The changes found so far, and the two views they come from.
struct Changes<'v, 'a> {
    list: Vec<Change>,
    old: &'v Published<'a>,
    new: &'v Published<'a>,
}

impl Changes<'_, '_> {
    fn allowed(
        &mut self,
        kind: ChangeKind,
        code: Option<&Code>,
        table: Option<&str>,
        bump: Bump,
        summary: String,
    ) {
        self.list.push(Change {
            kind,
            code: code.cloned(),
            table: table.map(str::to_owned),
            alias_of: None,
            summary,
            verdict: Verdict::Allowed { bump },
            location: None,
        });
    }

    fn refuse(&mut self, refusal: Refusal<'_>) {
        let Refusal { kind, code, table, summary, fix, breaking, location } = refusal;
        self.list.push(Change {
            kind,
            code: code.cloned(),
            table: table.map(str::to_owned),
            alias_of: None,
            summary,
            verdict: Verdict::Refused { fix, breaking },
            location,
        });
    }

    /// Versions only go up.
    fn version(&mut self) {
        let (Ok(was), Ok(now)) =
            (semver::Version::parse(self.old.version), semver::Version::parse(self.new.version))
        else {
            return;
        };
        if core(&now) < core(&was) {
            self.refuse(Refusal {
                kind: ChangeKind::VersionLowered,
                code: None,
                table: None,
                summary: format!("`version: {now}` is older than {was}"),
                fix: format!("versions only go up: set `version: {was}` or later"),
                breaking: false,
                location: Some(Location::Spec(SpecPath::root().field("version"))),
            });
        }
    }
}
