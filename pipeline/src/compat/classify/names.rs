//! The rows' other names (`also_named`): one added is one more name
//! `from_name` finds and one more constant; one removed takes both away.
//! A name that goes with its whole row is the row's change, not its own.

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};
use crate::compat::published::{Published, State};
use errcat_model::Code;

impl Changes<'_, '_> {
    /// Each other name added to or removed from a row both views have.
    pub(super) fn other_names(&mut self) {
        let (old, new) = (self.old, self.new);
        let removed = old.other_names.difference(&new.other_names);
        for (code, name) in removed.cloned().collect::<Vec<_>>() {
            let (Some(_), Some(table)) = (active_table(old, &code), active_table(new, &code)) else {
                continue;
            };
            let summary = format!(
                "code {} is no longer also named `{name}`: `from_name` no longer finds it, and its constant is gone",
                code.word()
            );
            self.allowed(ChangeKind::OtherNameRemoved, Some(&code), Some(table), Bump::Major, summary);
        }
        let added = new.other_names.difference(&old.other_names);
        for (code, name) in added.cloned().collect::<Vec<_>>() {
            let (Some(_), Some(table)) = (active_table(old, &code), active_table(new, &code)) else {
                continue;
            };
            let summary =
                format!("code {} is also named `{name}`: `from_name` finds it by one more name", code.word());
            self.allowed(ChangeKind::OtherNameAdded, Some(&code), Some(table), Bump::Minor, summary);
        }
    }
}

/// The table of `code` in `view`, when it is a row's own code.
fn active_table<'v>(view: &'v Published<'_>, code: &Code) -> Option<&'v str> {
    view.codes.get(code).filter(|published| published.state == State::Active).map(|published| published.table)
}
