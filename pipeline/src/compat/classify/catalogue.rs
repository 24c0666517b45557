//! The changes that are not a code's: the catalogue's own facts, its
//! tables (their enums, texts and row order) and its recovery vocabulary.

use std::collections::{BTreeSet, HashMap, HashSet};

use errcat_model::{Catalogue, Code, CodeKind, Row, Table, derive_variant_name};

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};

impl Changes<'_, '_> {
    /// The catalogue's own facts, which no lock records.
    pub(super) fn catalogue(&mut self, was: &Catalogue, now: &Catalogue) {
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
    pub(super) fn recovery_ids(&mut self) {
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
    pub(super) fn recoveries(&mut self, was: &Catalogue, now: &Catalogue) {
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
    pub(super) fn tables(&mut self, both: Option<(&Catalogue, &Catalogue)>) {
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
    pub(super) fn table_details(&mut self, before: &Table, after: &Table) {
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
        let common = |rows: &[Row], other: &[Row]| -> Vec<Code> {
            let others: BTreeSet<Code> = other.iter().map(|row| row.code.clone()).collect();
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
}

/// Each recovery's index in `catalogue`, by id.
fn recovery_index(catalogue: &Catalogue) -> HashMap<&str, usize> {
    catalogue.recoveries.iter().enumerate().map(|(i, r)| (r.key.as_str(), i)).collect()
}
