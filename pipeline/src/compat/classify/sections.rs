//! The sections a code appears in: one added is one more section whose
//! meaning `section_description` gives (a feature), one removed takes it
//! away (breaking); a code's text in a section reworded is a patch, and
//! the statuses a section answers it with changed a minor release, as a
//! row's own are. A section that goes with its whole row is the row's
//! change, not its own.

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};
use crate::compat::published::{Published, State};
use errcat_model::{Catalogue, Code, Row};

impl Changes<'_, '_> {
    /// Each section added to or removed from a row both views have.
    pub(super) fn sections(&mut self) {
        let (old, new) = (self.old, self.new);
        let removed = old.sections.difference(&new.sections);
        for (code, id) in removed.cloned().collect::<Vec<_>>() {
            let (Some(_), Some(table)) = (active_table(old, &code), active_table(new, &code)) else {
                continue;
            };
            let summary = format!(
                "code {} no longer appears in section `{id}`: `section_description` gives `None` there",
                code.word()
            );
            self.allowed(ChangeKind::SectionRemoved, Some(&code), Some(table), Bump::Major, summary);
        }
        let added = new.sections.difference(&old.sections);
        for (code, id) in added.cloned().collect::<Vec<_>>() {
            let (Some(_), Some(table)) = (active_table(old, &code), active_table(new, &code)) else {
                continue;
            };
            let summary = format!("code {} appears in section `{id}`, with its meaning there", code.word());
            self.allowed(ChangeKind::SectionAdded, Some(&code), Some(table), Bump::Minor, summary);
        }
    }

    /// A row's meaning in each section it has in both catalogues: its
    /// text (a patch) and statuses (minor). Read only between catalogues,
    /// as no lock records them.
    pub(super) fn section_details(&mut self, c: &Code, table: Option<&str>, r0: &Row, r1: &Row) {
        let (Some(was), Some(now)) = (self.old.catalogue, self.new.catalogue) else { return };
        for before in &r0.sections {
            let id = &was.sections[before.section].id;
            let Some(after) = in_section(now, r1, id) else { continue };
            if before.description != after.description {
                let summary = format!("code {c} `{}`: its text in section `{id}` changed", r1.name);
                self.allowed(ChangeKind::SectionChanged, Some(c), table, Bump::Patch, summary);
            }
            if before.http_statuses != after.http_statuses {
                let listed =
                    |statuses: &[u16]| statuses.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
                let summary = format!(
                    "code {c} `{}` is answered in section `{id}` with HTTP {} instead of {}",
                    r1.name,
                    listed(&after.http_statuses),
                    listed(&before.http_statuses)
                );
                self.allowed(ChangeKind::SectionChanged, Some(c), table, Bump::Minor, summary);
            }
        }
    }
}

/// `row`'s meaning in the section `id` of `catalogue`, if it has one there.
fn in_section<'r>(catalogue: &Catalogue, row: &'r Row, id: &str) -> Option<&'r errcat_model::RowSection> {
    let section = catalogue.sections.iter().position(|section| section.id == id)?;
    row.in_section(section)
}

/// The table of `code` in `view`, when it is a row's own code.
fn active_table<'v>(view: &'v Published<'_>, code: &Code) -> Option<&'v str> {
    view.codes.get(code).filter(|published| published.state == State::Active).map(|published| published.table)
}
