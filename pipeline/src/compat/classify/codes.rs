//! What happened to each published code, by the state it is in now: new,
//! gone, retired, a row, or an alias. A lock records all of this, so the
//! lock and `diff` decide these alike.

use errcat_model::Code;
use errcat_model::text::yaml_string;

use super::{Changes, Refusal};
use crate::compat::change::{Bump, ChangeKind, Location};
use crate::compat::published::{Origin, PublishedCode, State};

impl Changes<'_, '_> {
    /// What happened to one code, from what a lock records.
    pub(super) fn code(
        &mut self,
        number: &Code,
        was: Option<&PublishedCode<'_>>,
        now: Option<&PublishedCode<'_>>,
    ) {
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

    pub(super) fn added(&mut self, c: &Code, now: &PublishedCode<'_>) {
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
    pub(super) fn gone(&mut self, c: &Code, was: &PublishedCode<'_>) {
        // As the spec writes it: a string code quoted where YAML would read a number.
        let written = match c {
            Code::Integer(number) => number.to_string(),
            Code::String(text) => yaml_string(text),
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
            Code::String(text) => self.new.codes.keys().find_map(|now| match now {
                Code::String(now) if now != text && now.eq_ignore_ascii_case(text) => Some(now),
                _ => None,
            }),
            Code::Integer(_) => None,
        };
        let fix = match recased {
            Some(now) => format!("{fix} (`{now}` is another code: codes compare exactly, case included)"),
            None => fix,
        };
        let spec_name = self.new.catalogue.map_or("the catalogue", |catalogue| catalogue.source.as_str());
        // The same words in `diff` as in `gen`: a lock made of the old
        // catalogue would hold the code.
        let summary =
            format!("{what} `{}` (table `{}`) is locked but gone from {spec_name}", was.name, was.table);
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
        self.refuse(Refusal {
            kind,
            code: Some(c),
            table: Some(was.table),
            summary,
            fix,
            breaking,
            location,
        });
    }

    /// A code listed as retired now.
    pub(super) fn retired(&mut self, c: &Code, was: &PublishedCode<'_>, now: &PublishedCode<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        let here = format!("retired code {c} `{}`", now.name);
        let at = now.origin.spec_path();
        let breaking = was.state != State::Retired;
        if was.name != now.name {
            self.refuse(Refusal {
                kind: ChangeKind::Renamed,
                code,
                table,
                summary: format!("{here} was published as `{}`", was.name),
                fix: format!("a retired code keeps the name it had: write `name: {}`", was.name),
                breaking,
                location: at.as_ref().map(|at| Location::Spec(at.field("name"))),
            });
        }
        if was.table != now.table {
            self.refuse(Refusal {
                kind: ChangeKind::Moved,
                code,
                table,
                summary: format!("{here} was published in table `{}`, not `{}`", was.table, now.table),
                fix: format!(
                        "list it under table `{}`'s own `retired:`, or in the top-level `retired:` with `table: {}`",
                        was.table, was.table
                    ),
                breaking,
                location: at.map(Location::Spec),
            });
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
    pub(super) fn row(&mut self, c: &Code, was: &PublishedCode<'_>, now: &PublishedCode<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        let here = format!("code {c} `{}`", now.name);
        let at = now.origin.spec_path();
        let (p0, p1) = (path(was), path(now));
        match &was.state {
            State::Retired => self.refuse(Refusal {
                kind: ChangeKind::Reused,
                code,
                table,
                summary: format!("{here} reuses a retired code: {c} was `{}` in table `{}`", was.name, was.table),
                fix: "a retired code is never reused: give this row a new, unused code".to_owned(),
                breaking: true,
                location: at.map(|at| Location::Spec(at.field("code"))),
            }),
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
                self.refuse(Refusal {
                    kind: ChangeKind::Renamed,
                    code,
                    table,
                    summary: format!(
                            "{here} was published as `{}`{with_aliases}; renaming a code breaks every client that matches its name",
                            was.name
                        ),
                    fix: format!(
                            "restore `name: {}`; to rename it, deprecate or retire code {c} and add the new name under a new code",
                            was.name
                        ),
                    breaking: true,
                    location: at.map(|at| Location::Spec(at.field("name"))),
                });
            }
            State::Active if was.table != now.table => self.refuse(Refusal {
                kind: ChangeKind::Moved,
                code,
                table,
                summary: format!("{here} was published in table `{}`; moving it changes its enum", was.table),
                fix: format!(
                        "move the row back to table `{}`; to move it, retire code {c} there and add a new code here",
                        was.table
                    ),
                breaking: true,
                location: at.map(|at| Location::Spec(at.field("code"))),
            }),
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
    pub(super) fn alias(&mut self, c: &Code, of: &Code, was: &PublishedCode<'_>, now: &PublishedCode<'_>) {
        let (code, table) = (Some(c), Some(now.table));
        let here = format!("alias {c} of code {of} `{}`", now.name);
        let at = now.origin.spec_path();
        let (p0, p1) = (path(was), path(now));
        let same_row = was.name == now.name && was.table == now.table;
        match &was.state {
            State::Retired => self.refuse(Refusal {
                kind: ChangeKind::Reused,
                code,
                table,
                summary: format!("{here} reuses a retired code: {c} was `{}` in table `{}`", was.name, was.table),
                fix: format!("a retired code is never reused, not even as an alias: remove {c} from `aliases`"),
                breaking: true,
                location: at.map(Location::Spec),
            }),
            State::Active if same_row => self.allowed(
                ChangeKind::Renumbered,
                code,
                table,
                Bump::Major,
                format!("code {c} `{}` is now an alias of code {of}: `{p1}`'s `code()` changes", now.name),
            ),
            // The number was a row's own code: it would now mean another
            // error, which is a rename, refused like one.
            State::Active => self.refuse(Refusal {
                kind: ChangeKind::Moved,
                code,
                table,
                summary: format!(
                        "{here} was published as its own code `{}` in table `{}`; \
                         making it an alias of another error breaks every client that reads it",
                        was.name, was.table
                    ),
                fix: format!(
                        "remove {c} from `aliases` and restore its row `{}`; \
                         deprecate that row if the services no longer send it",
                        was.name
                    ),
                breaking: true,
                location: at.map(Location::Spec),
            }),
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
}

/// A code's Rust path, `-` when it never had one.
fn path<'c>(code: &'c PublishedCode<'_>) -> &'c str {
    code.rust_path.as_deref().unwrap_or("-")
}

/// The variant of a Rust path (`CartFull` of `CartError::CartFull`).
fn variant(path: &str) -> &str {
    path.split_once("::").map_or(path, |(_, variant)| variant)
}
