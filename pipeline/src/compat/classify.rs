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
//! its `Recovery` variant with it, which is breaking.
//!
//! Facts a lock does not record (descriptions, HTTP statuses, recoveries of
//! rows and whether a recovery is one to retry, deprecations, texts, the
//! order of rows, tables and recoveries, the package name) are
//! compared only when both views come from catalogues. None of them is
//! refused or breaking, so what a lock can see decides alone.

use crate::compat::change::{Bump, Change, ChangeKind, Location, Verdict, core};
use crate::compat::published::{Code, Origin, Published, State};
use errcat_model::source::SpecPath;
use errcat_model::text::yaml_string;
use errcat_model::{Catalogue, Code as CodeValue, CodeKind, RecoveryName, Row, Table, derive_variant_name};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Every change from `old` to `new`: the catalogue's own, then its
/// tables' by id, then its codes' in code order.
pub fn classify(old: &Published<'_>, new: &Published<'_>) -> Vec<Change> {
    let mut changes = Changes { list: Vec::new(), old, new };
    changes.version();
    if old.kind != new.kind {
        // Every code would read as removed and added again: one change says it all.
        let (was, now) = (old.kind.keyword(), new.kind.keyword());
        changes.refused(
            ChangeKind::CodesChanged,
            None,
            None,
            format!("`codes: {now}`: the catalogue published {was} codes, and every `code()` would change type"),
            format!(
                "a catalogue's codes keep their kind: set `codes: {was}` again, or publish the {now} codes as a new crate (another `crate:` name, with a lock of its own)"
            ),
            true,
            Some(Location::Spec(SpecPath::root().field("codes"))),
        );
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
    let numbers: BTreeSet<CodeValue> = old.codes.keys().chain(new.codes.keys()).cloned().collect();
    for number in numbers {
        let (was, now) = (old.codes.get(&number), new.codes.get(&number));
        changes.code(&number, was, now);
        if let (Some(_), Some(was), Some(now)) = (both, was, now) {
            changes.details(&number, was, now);
        }
    }
    let mut list = changes.list;
    let alias_of = |view: &Published<'_>, number: &CodeValue| match &view.codes.get(number)?.state {
        State::Alias { of } => Some(of.clone()),
        State::Active | State::Retired => None,
    };
    for change in &mut list {
        change.alias_of =
            change.code.as_ref().and_then(|number| alias_of(new, number).or_else(|| alias_of(old, number)));
    }
    list
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
        code: Option<&CodeValue>,
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
            breaking: bump.is_breaking(),
            location: None,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn refused(
        &mut self,
        kind: ChangeKind,
        code: Option<&CodeValue>,
        table: Option<&str>,
        summary: String,
        fix: String,
        breaking: bool,
        location: Option<Location>,
    ) {
        self.list.push(Change {
            kind,
            code: code.cloned(),
            table: table.map(str::to_owned),
            alias_of: None,
            summary,
            verdict: Verdict::Refused { fix },
            breaking,
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
            self.refused(
                ChangeKind::VersionLowered,
                None,
                None,
                format!("`version: {now}` is older than {was}"),
                format!("versions only go up: set `version: {was}` or later"),
                false,
                Some(Location::Spec(SpecPath::root().field("version"))),
            );
        }
    }

    /// The catalogue's own facts, which no lock records.
    fn catalogue(&mut self, was: &Catalogue, now: &Catalogue) {
        if was.crate_name != now.crate_name {
            // The old package's users keep it: nothing of theirs changes.
            self.allowed(
                ChangeKind::CrateRenamed,
                None,
                None,
                Bump::Patch,
                format!(
                    "the package `{}` is now `{}`: a new crate to depend on, which users of the old one do not get",
                    was.crate_name, now.crate_name
                ),
            );
        }
        if was.http != now.http {
            // The statuses' methods, the `http` and `serde` features and the
            // responses come or go with them.
            let (bump, summary) = if was.http {
                (
                    Bump::Major,
                    "the catalogue is no longer an HTTP one: `http_status()`, `status_code()`, the `http` and `serde` features and the error responses are gone",
                )
            } else {
                (
                    Bump::Minor,
                    "the catalogue is now an HTTP one: every code has an HTTP status, and the crate gains `http_status()`, `status_code()` and error responses",
                )
            };
            self.allowed(ChangeKind::HttpStatusChanged, None, None, bump, summary.into());
        }
        if was.title != now.title {
            self.allowed(
                ChangeKind::TextChanged,
                None,
                None,
                Bump::Patch,
                "the catalogue's title changed".into(),
            );
        }
        let ids = |from: &Catalogue, other: &Catalogue| -> Vec<String> {
            from.tables
                .iter()
                .filter(|table| other.tables.iter().any(|t| t.id == table.id))
                .map(|table| table.id.clone())
                .collect()
        };
        if ids(was, now) != ids(now, was) {
            // `ErrorCode` derives `Ord` over its variants, one per table in spec order.
            self.allowed(
                ChangeKind::Reordered,
                None,
                None,
                Bump::Minor,
                "the tables are in a new order: the docs list them so, and `ErrorCode` values sort so".into(),
            );
        }
    }

    /// The recovery vocabulary's values (a lock records them): each one
    /// gone takes its `Recovery` variant with it, each new one adds one.
    fn recovery_ids(&mut self) {
        let (was, now) = (&self.old.recoveries, &self.new.recoveries);
        let (was_ids, now_ids): (HashSet<&str>, HashSet<&str>) =
            (was.iter().copied().collect(), now.iter().copied().collect());
        for key in was.iter().filter(|key| !now_ids.contains(*key)) {
            let summary = if now.is_empty() {
                format!(
                    "recovery `{key}` is gone with every other: the crate has no `Recovery` and no `recovery()`"
                )
            } else {
                format!(
                    "recovery `{key}` is gone, and its variant `Recovery::{}` with it",
                    derive_variant_name(key)
                )
            };
            self.allowed(ChangeKind::RecoveryRemoved, None, None, Bump::Major, summary);
        }
        for key in now.iter().filter(|key| !was_ids.contains(*key)) {
            let summary = if was.is_empty() {
                format!("recovery `{key}` is new, and the `Recovery` enum and `recovery()` with it")
            } else {
                format!("recovery `{key}` is new: variant `Recovery::{}`", derive_variant_name(key))
            };
            self.allowed(ChangeKind::RecoveryAdded, None, None, Bump::Minor, summary);
        }
    }

    /// The recovery vocabulary's facts that no lock records: what
    /// `is_retry` answers, the texts, the order.
    fn recoveries(&mut self, was: &Catalogue, now: &Catalogue) {
        let (was_index, now_index) = (recovery_index(was), recovery_index(now));
        for before in &was.recoveries {
            let key = &before.key;
            let Some(&j) = now_index.get(key.as_str()) else { continue };
            let after = &now.recoveries[j];
            if before.retry != after.retry {
                self.allowed(
                    ChangeKind::RecoveryChanged,
                    None,
                    None,
                    Bump::Minor,
                    format!("recovery `{key}`: `is_retry()` is {} instead of {}", after.retry, before.retry),
                );
            }
            if before.description != after.description {
                self.allowed(
                    ChangeKind::TextChanged,
                    None,
                    None,
                    Bump::Patch,
                    format!("recovery `{key}`: the description changed"),
                );
            }
        }
        let kept = |from: &'_ Catalogue, other: &HashMap<&str, usize>| -> Vec<String> {
            from.recoveries
                .iter()
                .filter(|r| other.contains_key(r.key.as_str()))
                .map(|r| r.key.clone())
                .collect()
        };
        if kept(was, &now_index) != kept(now, &was_index) {
            // `Recovery` derives `Ord` over its variants, in spec order.
            self.allowed(
                ChangeKind::Reordered,
                None,
                None,
                Bump::Minor,
                "the recoveries are in a new order: `Recovery::ALL` lists them so, and `Recovery` values sort so".into(),
            );
        }
    }

    /// Tables appear, vanish or rename their enum; with both catalogues,
    /// their texts and the order of their rows.
    fn tables(&mut self, both: Option<(&Catalogue, &Catalogue)>) {
        let (was, now) = (self.old.enums(), self.new.enums());
        let ids: BTreeSet<&str> = was.keys().chain(now.keys()).copied().collect();
        for id in ids {
            let table = Some(id);
            match (was.get(id), now.get(id)) {
                (None, Some(rust_enum)) => self.allowed(
                    ChangeKind::TableAdded,
                    None,
                    table,
                    Bump::Minor,
                    format!("table `{id}` is new: enum `{rust_enum}`"),
                ),
                (Some(rust_enum), None) => self.allowed(
                    ChangeKind::TableRemoved,
                    None,
                    table,
                    Bump::Major,
                    format!("table `{id}` is gone, and its enum `{rust_enum}` with it"),
                ),
                (Some(before), Some(after)) if before != after => self.allowed(
                    ChangeKind::RustRenamed,
                    None,
                    table,
                    Bump::Major,
                    format!("table `{id}`'s enum `{before}` is now `{after}`"),
                ),
                _ => {}
            }
            let Some((a, b)) = both else { continue };
            let (Some(before), Some(after)) =
                (a.tables.iter().find(|t| t.id == id), b.tables.iter().find(|t| t.id == id))
            else {
                continue;
            };
            self.table_details(before, after);
        }
    }

    /// A table's texts and row order, which no lock records.
    fn table_details(&mut self, before: &Table, after: &Table) {
        let table = Some(after.id.as_str());
        for (field, was, now) in
            [("title", &before.title, &after.title), ("summary", &before.summary, &after.summary)]
        {
            if was != now {
                self.allowed(
                    ChangeKind::TextChanged,
                    None,
                    table,
                    Bump::Patch,
                    format!("table `{}`'s {field} changed", after.id),
                );
            }
        }
        // Integer discriminants are the codes, so only the docs and `ALL` follow the order.
        let common = |rows: &[Row], other: &[Row]| -> Vec<CodeValue> {
            let others: BTreeSet<CodeValue> = other.iter().map(|row| row.code.clone()).collect();
            rows.iter().map(|row| row.code.clone()).filter(|code| others.contains(code)).collect()
        };
        if common(&before.rows, &after.rows) != common(&after.rows, &before.rows) {
            // With string codes a variant's discriminant is its row, and the
            // enum's `Ord` follows it, as `ErrorCode`'s follows the tables.
            let (bump, sorted) = match self.new.kind {
                CodeKind::Integer => (Bump::Patch, String::new()),
                CodeKind::String => (Bump::Minor, format!(", and `{}` values sort so", after.rust_enum)),
            };
            self.allowed(
                ChangeKind::Reordered,
                None,
                table,
                bump,
                format!(
                    "table `{}`'s rows are in a new order: the docs and `{}::ALL` list them so{sorted}",
                    after.id, after.rust_enum
                ),
            );
        }
    }

    /// What happened to one code, from what a lock records.
    fn code(&mut self, number: &CodeValue, was: Option<&Code<'_>>, now: Option<&Code<'_>>) {
        match (was, now) {
            (None, None) => {}
            (None, Some(now)) => self.added(number, now),
            (Some(was), None) => self.gone(number, was),
            (Some(was), Some(now)) => match &now.state {
                State::Retired => self.retired(number, was, now),
                State::Active => self.row(number, was, now),
                State::Alias { of } => self.alias(number, of, was, now),
            },
        }
    }

    fn added(&mut self, c: &CodeValue, now: &Code<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        match &now.state {
            State::Active => self.allowed(
                ChangeKind::Added,
                code,
                table,
                Bump::Minor,
                format!("code {c} `{}` is new: `{}`", now.name, path(now)),
            ),
            State::Alias { of } => self.allowed(
                ChangeKind::AliasAdded,
                code,
                table,
                Bump::Minor,
                format!(
                    "alias {c} of code {of} `{}` is new: `from_code({})` gives `{}`",
                    now.name,
                    c.rust_literal(),
                    path(now)
                ),
            ),
            State::Retired => self.allowed(
                ChangeKind::Reserved,
                code,
                table,
                Bump::Patch,
                format!("code {c} `{}` is listed as retired, never having been published", now.name),
            ),
        }
    }

    /// A published code no longer listed at all.
    fn gone(&mut self, c: &CodeValue, was: &Code<'_>) {
        // As the spec writes it: a string code quoted where YAML would read a number.
        let written = match c {
            CodeValue::Integer(number) => number.to_string(),
            CodeValue::String(text) => yaml_string(text),
        };
        let retire = format!(
            "`- {{code: {written}, name: {}, reason: \"why\"}}` to table `{}`'s `retired:` list",
            yaml_string(was.name),
            was.table
        );
        let (kind, what, fix) = match &was.state {
            State::Active => (
                ChangeKind::Removed,
                format!("code {c}"),
                format!(
                    "codes are API: restore the row, deprecate it (`deprecated: \"why\"`), or retire it by adding {retire}"
                ),
            ),
            State::Retired => (
                ChangeKind::Unlisted,
                format!("retired code {c}"),
                format!("a retired code stays listed so it is never reused: add {retire} back"),
            ),
            State::Alias { of } => (
                ChangeKind::AliasRemoved,
                format!("alias {c} of code {of}"),
                format!(
                    "aliases are API (`from_code({})` gives `{}`): add {written} back to the row's `aliases`, \
                     or retire it by adding {retire}",
                    c.rust_literal(),
                    path(was)
                ),
            ),
        };
        // A string code whose case changed is gone: say why, the codes looking alike.
        let recased = match c {
            CodeValue::String(text) => self.new.codes.keys().find_map(|now| match now {
                CodeValue::String(now) if now != text && now.eq_ignore_ascii_case(text) => Some(now),
                _ => None,
            }),
            CodeValue::Integer(_) => None,
        };
        let fix = match recased {
            Some(now) => format!("{fix} (`{now}` is another code: codes compare exactly, case included)"),
            None => fix,
        };
        let source = self.new.catalogue.map_or("the catalogue", |catalogue| catalogue.source.as_str());
        // The same words in `diff` as in `gen`: a lock made of the old
        // catalogue would hold the code.
        let summary =
            format!("{what} `{}` (table `{}`) is locked but gone from {source}", was.name, was.table);
        // A vanished alias is a change to its row: point there while the row is.
        let row = match &was.state {
            State::Alias { of } => self
                .new
                .codes
                .get(of)
                .filter(|row| row.state == State::Active)
                .or_else(|| self.new.rows_named(was.table, was.name).map(|(_, row)| row).next())
                .and_then(|row| row.origin.spec_path()),
            State::Active | State::Retired => None,
        };
        let location = match (row, was.origin) {
            (Some(at), _) => Some(Location::Spec(at)),
            (None, Origin::Lock(Some(line))) => Some(Location::Lock(line)),
            (None, _) => None,
        };
        let breaking = was.state != State::Retired;
        self.refused(kind, Some(c), Some(was.table), summary, fix, breaking, location);
    }

    /// A code listed as retired now.
    fn retired(&mut self, c: &CodeValue, was: &Code<'_>, now: &Code<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        let here = format!("retired code {c} `{}`", now.name);
        let at = now.origin.spec_path();
        let breaking = was.state != State::Retired;
        if was.name != now.name {
            self.refused(
                ChangeKind::Renamed,
                code,
                table,
                format!("{here} was published as `{}`", was.name),
                format!("a retired code keeps the name it had: write `name: {}`", was.name),
                breaking,
                at.as_ref().map(|at| Location::Spec(at.field("name"))),
            );
        }
        if was.table != now.table {
            self.refused(
                ChangeKind::Moved,
                code,
                table,
                format!("{here} was published in table `{}`, not `{}`", was.table, now.table),
                format!(
                    "list it under table `{}`'s own `retired:`, or in the top-level `retired:` with `table: {}`",
                    was.table, was.table
                ),
                breaking,
                at.map(Location::Spec),
            );
        }
        match &was.state {
            State::Active => self.allowed(
                ChangeKind::Retired,
                code,
                table,
                Bump::Major,
                format!("code {c} `{}` is retired: `{}` is removed", now.name, path(was)),
            ),
            State::Alias { of } => self.allowed(
                ChangeKind::Retired,
                code,
                table,
                Bump::Major,
                format!(
                    "alias {c} of code {of} `{}` is retired: `from_code({})` no longer gives `{}`",
                    now.name,
                    c.rust_literal(),
                    path(was)
                ),
            ),
            State::Retired => {}
        }
    }

    /// A code that is a row's own code now.
    fn row(&mut self, c: &CodeValue, was: &Code<'_>, now: &Code<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        let here = format!("code {c} `{}`", now.name);
        let at = now.origin.spec_path();
        let (p0, p1) = (path(was), path(now));
        match &was.state {
            State::Retired => self.refused(
                ChangeKind::Reused,
                code,
                table,
                format!("{here} reuses a retired code: {c} was `{}` in table `{}`", was.name, was.table),
                "a retired code is never reused: give this row a new, unused code".to_owned(),
                true,
                at.map(|at| Location::Spec(at.field("code"))),
            ),
            State::Active if was.name != now.name => {
                // The row's aliases carried its old name too: say so, since
                // renaming breaks clients that read those numbers as well.
                let aliases: Vec<String> = self
                    .old
                    .codes
                    .iter()
                    .filter(|(_, alias)| alias.state == State::Alias { of: c.clone() } && alias.name == was.name)
                    .map(|(number, _)| number.to_string())
                    .collect();
                let with_aliases = match aliases.as_slice() {
                    [] => String::new(),
                    [one] => format!(", as was its alias {one}"),
                    many => format!(", as were its aliases {}", many.join(", ")),
                };
                self.refused(
                    ChangeKind::Renamed,
                    code,
                    table,
                    format!(
                        "{here} was published as `{}`{with_aliases}; renaming a code breaks every client that matches its name",
                        was.name
                    ),
                    format!(
                        "restore `name: {}`; to rename it, deprecate or retire code {c} and add the new name under a new code",
                        was.name
                    ),
                    true,
                    at.map(|at| Location::Spec(at.field("name"))),
                );
            }
            State::Active if was.table != now.table => self.refused(
                ChangeKind::Moved,
                code,
                table,
                format!("{here} was published in table `{}`; moving it changes its enum", was.table),
                format!(
                    "move the row back to table `{}`; to move it, retire code {c} there and add a new code here",
                    was.table
                ),
                true,
                at.map(|at| Location::Spec(at.field("code"))),
            ),
            // A renamed enum alone is the table's change.
            State::Active if variant(p0) != variant(p1) => self.allowed(
                ChangeKind::RustRenamed,
                code,
                table,
                Bump::Major,
                format!("{here}: `{p0}` is now `{p1}`"),
            ),
            State::Active => {}
            State::Alias { of } if was.name == now.name && was.table == now.table => self.allowed(
                ChangeKind::Renumbered,
                code,
                table,
                Bump::Major,
                format!("alias {c} of code {of} `{}` is now the row's own code: `{p1}`'s `code()` changes", now.name),
            ),
            // An alias is a number the services send, not one the catalogue
            // chose: when it was filed under the wrong error, moving it is the
            // fix, and a breaking one.
            State::Alias { of } => self.allowed(
                ChangeKind::AliasMoved,
                code,
                table,
                Bump::Major,
                format!(
                    "alias {c} of code {of} `{}` is now the code of `{}`: `from_code({})` gives `{p1}`, not `{p0}`",
                    was.name,
                    now.name,
                    c.rust_literal()
                ),
            ),
        }
    }

    /// A code that is an alias of row `of` now.
    fn alias(&mut self, c: &CodeValue, of: &CodeValue, was: &Code<'_>, now: &Code<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        let here = format!("alias {c} of code {of} `{}`", now.name);
        let at = now.origin.spec_path();
        let (p0, p1) = (path(was), path(now));
        let same_row = was.name == now.name && was.table == now.table;
        match &was.state {
            State::Retired => self.refused(
                ChangeKind::Reused,
                code,
                table,
                format!("{here} reuses a retired code: {c} was `{}` in table `{}`", was.name, was.table),
                format!("a retired code is never reused, not even as an alias: remove {c} from `aliases`"),
                true,
                at.map(Location::Spec),
            ),
            State::Active if same_row => self.allowed(
                ChangeKind::Renumbered,
                code,
                table,
                Bump::Major,
                format!("code {c} `{}` is now an alias of code {of}: `{p1}`'s `code()` changes", now.name),
            ),
            // The number was a row's own code: it would now mean another
            // error, which is a rename, refused like one.
            State::Active => self.refused(
                ChangeKind::Moved,
                code,
                table,
                format!(
                    "{here} was published as its own code `{}` in table `{}`; \
                     making it an alias of another error breaks every client that reads it",
                    was.name, was.table
                ),
                format!(
                    "remove {c} from `aliases` and restore its row `{}`; \
                     deprecate that row if the services no longer send it",
                    was.name
                ),
                true,
                at.map(Location::Spec),
            ),
            // Same row, whatever its code: a changed variant is the row's change.
            State::Alias { .. } if same_row => {}
            // The row was renamed or moved: that is the row's change.
            State::Alias { of: before } if before == of => {}
            State::Alias { of: before } => self.allowed(
                ChangeKind::AliasMoved,
                code,
                table,
                Bump::Major,
                format!(
                    "alias {c} moved from code {before} `{}` to code {of} `{}`: `from_code({})` gives `{p1}`, not `{p0}`",
                    was.name,
                    now.name,
                    c.rust_literal()
                ),
            ),
        }
    }

    /// A code's facts that no lock records: read when both views are catalogues.
    fn details(&mut self, c: &CodeValue, was: &Code<'_>, now: &Code<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        match (was.origin, now.origin) {
            (Origin::Row(r0), Origin::Row(r1)) => self.row_details(c, table, r0, r1),
            (Origin::Retired(before), Origin::Retired(after)) if before.reason != after.reason => self
                .allowed(
                    ChangeKind::TextChanged,
                    code,
                    table,
                    Bump::Patch,
                    format!("retired code {c} `{}`: the reason changed", after.name),
                ),
            _ => {}
        }
    }

    fn row_details(&mut self, c: &CodeValue, table: Option<&str>, r0: &Row, r1: &Row) {
        let code = Some(c);
        // A status of 0 is a catalogue without HTTP, reported once for the catalogue.
        if r0.http_status != r1.http_status && r0.http_status != 0 && r1.http_status != 0 {
            self.allowed(
                ChangeKind::HttpStatusChanged,
                code,
                table,
                Bump::Minor,
                format!(
                    "code {c} `{}` is answered with HTTP {} instead of {}",
                    r1.name, r1.http_status, r0.http_status
                ),
            );
        }
        // The vocabulary's own changes (a value's retry flag, its text) are
        // the catalogue's: here only which value a row names.
        if r0.recovery.as_ref().map(RecoveryName::key) != r1.recovery.as_ref().map(RecoveryName::key) {
            fn hint(recovery: &Option<RecoveryName>) -> &str {
                recovery.as_ref().map_or("none", RecoveryName::key)
            }
            self.allowed(
                ChangeKind::RecoveryChanged,
                code,
                table,
                Bump::Minor,
                format!(
                    "code {c} `{}`: recovery is `{}` instead of `{}`",
                    r1.name,
                    hint(&r1.recovery),
                    hint(&r0.recovery)
                ),
            );
        }
        match (&r0.deprecated, &r1.deprecated) {
            (None, Some(reason)) => self.allowed(
                ChangeKind::Deprecated,
                code,
                table,
                Bump::Minor,
                format!("code {c} `{}` is deprecated: {reason}", r1.name),
            ),
            (Some(_), None) => self.allowed(
                ChangeKind::Undeprecated,
                code,
                table,
                Bump::Minor,
                format!("code {c} `{}` is no longer deprecated", r1.name),
            ),
            (Some(before), Some(after)) if before != after => self.allowed(
                ChangeKind::TextChanged,
                code,
                table,
                Bump::Patch,
                format!("code {c} `{}`: the deprecation note changed", r1.name),
            ),
            _ => {}
        }
        if r0.description != r1.description {
            self.allowed(
                ChangeKind::TextChanged,
                code,
                table,
                Bump::Patch,
                format!("code {c} `{}`: the description changed", r1.name),
            );
        }
        let details = [
            ("explanation", r0.explanation != r1.explanation),
            ("causes", r0.causes != r1.causes),
            ("solutions", r0.solutions != r1.solutions),
        ];
        for (field, changed) in details {
            if changed {
                self.allowed(
                    ChangeKind::TextChanged,
                    code,
                    table,
                    Bump::Patch,
                    format!("code {c} `{}`: the {field} changed", r1.name),
                );
            }
        }
    }
}

/// A code's Rust path, `-` when it never had one.
fn path<'c>(code: &'c Code<'_>) -> &'c str {
    code.rust_path.as_deref().unwrap_or("-")
}

/// The variant of a Rust path (`CartFull` of `CartError::CartFull`).
fn variant(path: &str) -> &str {
    path.split_once("::").map_or(path, |(_, variant)| variant)
}
/// Each recovery's index in `catalogue`, by id.
fn recovery_index(catalogue: &Catalogue) -> HashMap<&str, usize> {
    catalogue.recoveries.iter().enumerate().map(|(i, r)| (r.key.as_str(), i)).collect()
}
