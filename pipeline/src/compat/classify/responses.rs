//! The responses of the OpenAPI documents, which other documents `$ref`:
//! one gone breaks them, one kept (deprecated) does not.

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};

impl Changes<'_, '_> {
    /// Each response added, removed, kept or moved to another status.
    pub(super) fn responses(&mut self) {
        let (old, new) = (self.old, self.new);
        let names = old
            .responses
            .keys()
            .chain(new.responses.keys().filter(|name| !old.responses.contains_key(*name)));
        for name in names {
            let (kind, bump, summary) = match (old.responses.get(name), new.responses.get(name)) {
                (Some(was), None) => (
                    ChangeKind::ResponseRemoved,
                    Bump::Major,
                    format!(
                        "response `{name}` (HTTP {}) is gone from the OpenAPI documents: every document that references it breaks",
                        was.status
                    ),
                ),
                (None, Some(now)) if !now.kept => (
                    ChangeKind::ResponseAdded,
                    Bump::Minor,
                    format!("response `{name}` (HTTP {}) is new in the OpenAPI documents", now.status),
                ),
                (Some(was), Some(now)) if was.status != now.status => (
                    ChangeKind::ResponseChanged,
                    Bump::Major,
                    format!(
                        "response `{name}` describes HTTP {} instead of {}: documents that reference it change meaning",
                        now.status, was.status
                    ),
                ),
                (Some(was), Some(now)) if !was.kept && now.kept => (
                    ChangeKind::ResponseKept,
                    Bump::Patch,
                    format!(
                        "response `{name}` (HTTP {}) is kept, marked deprecated, for the documents that reference it",
                        now.status
                    ),
                ),
                (Some(was), Some(now)) if was.kept && !now.kept => (
                    ChangeKind::ResponseAdded,
                    Bump::Minor,
                    format!("response `{name}` (HTTP {}) is answered again", now.status),
                ),
                _ => continue,
            };
            self.allowed(kind, None, None, bump, summary);
        }
    }
}
