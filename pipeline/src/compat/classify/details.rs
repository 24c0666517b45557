//! A code's facts that no lock records (its HTTP status, recovery and
//! texts, and a retired code's reason), compared only when both views come
//! from catalogues. None of them is refused or breaking.

use errcat_model::{Code, RecoveryName, Row};

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};
use crate::compat::published::{Origin, PublishedCode};

impl Changes<'_, '_> {
    /// A code's facts that no lock records: read when both views are catalogues.
    pub(super) fn details(&mut self, c: &Code, was: &PublishedCode<'_>, now: &PublishedCode<'_>) {
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

    pub(super) fn row_details(&mut self, c: &Code, table: Option<&str>, r0: &Row, r1: &Row) {
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
        // In a catalogue that stays an HTTP one, a row that gains or loses
        // its status (`http_status: none`) may change `http_status()`'s type.
        if (r0.http_status == 0) != (r1.http_status == 0) && self.both_http() {
            self.allowed(
                ChangeKind::HttpStatusChanged,
                code,
                table,
                Bump::Major,
                format!(
                    "code {c} `{}` {}: `http_status()` may now be an `Option` or no longer one",
                    r1.name,
                    if r1.http_status == 0 {
                        "is no longer answered with an HTTP status"
                    } else {
                        "now has an HTTP status"
                    }
                ),
            );
        }
        if r0.other_statuses != r1.other_statuses && r0.http_status == r1.http_status {
            let listed =
                |row: &Row| row.statuses().map(|status| status.to_string()).collect::<Vec<_>>().join(", ");
            self.allowed(
                ChangeKind::HttpStatusChanged,
                code,
                table,
                Bump::Minor,
                format!(
                    "code {c} `{}` may be answered with HTTP {} instead of {}",
                    r1.name,
                    listed(r1),
                    listed(r0)
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
        self.section_details(c, table, r0, r1);
    }
}

impl Changes<'_, '_> {
    /// Whether both views are of HTTP catalogues (a status of 0 is then
    /// `http_status: none`, not a catalogue without HTTP).
    fn both_http(&self) -> bool {
        [self.old.catalogue, self.new.catalogue].iter().all(|catalogue| catalogue.is_some_and(|c| c.http))
    }
}
