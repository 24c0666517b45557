//! How each random edit of the property test changes the spec: rows,
//! aliases, texts and other names, recoveries and params, a function each
//! (sections' in `sections.rs`).

use super::*;

/// Applies one random edit to the spec.
pub(super) fn apply(spec: &mut Spec, edit: &Edit) {
    match edit {
        Edit::AddRow { .. }
        | Edit::RemoveRow(..)
        | Edit::RetireRow(..)
        | Edit::Unretire(..)
        | Edit::DropRetired(..)
        | Edit::RenameRow(..)
        | Edit::RenameRetired(..)
        | Edit::MoveRow(..)
        | Edit::SwapRows(..) => edit_rows(spec, edit),
        Edit::AddAlias(..)
        | Edit::RemoveAlias(..)
        | Edit::RetireAlias(..)
        | Edit::MoveAlias { .. }
        | Edit::Renumber(..) => edit_aliases(spec, edit),
        Edit::Describe(..)
        | Edit::Status(..)
        | Edit::Recovery(..)
        | Edit::Deprecate(..)
        | Edit::Cause(..)
        | Edit::OtherName(..) => edit_texts(spec, edit),
        Edit::AddRecovery(..) | Edit::RemoveRecovery(..) | Edit::FlipRetry(..) | Edit::SwapRecoveries(..) => {
            edit_recoveries(spec, edit)
        }
        Edit::AddParam(..)
        | Edit::RemoveParam(..)
        | Edit::Retype(..)
        | Edit::FlipRequired(..)
        | Edit::Message(..)
        | Edit::Shows(..) => edit_params(spec, edit),
        Edit::AddLocale(tag) => spec.locales.push(tag),
        Edit::Section(edit) => super::sections::apply(spec, edit),
        Edit::Wire(edit) => super::wire::apply(spec, edit),
        Edit::RemoveLocale(which) => {
            if !spec.locales.is_empty() {
                spec.locales.remove(which.index(spec.locales.len()));
            }
        }
    }
}

/// Changes the params of a row or of every error, or a row's message.
fn edit_params(spec: &mut Spec, edit: &Edit) {
    fn params<'s>(spec: &'s mut Spec, whose: &Option<Index>) -> Option<&'s mut Vec<Param>> {
        match whose {
            Some(row) => spec.row(row).map(|row| &mut row.params),
            None => Some(&mut spec.shared),
        }
    }
    fn param<'s>(spec: &'s mut Spec, whose: &Option<Index>, which: &Index) -> Option<&'s mut Param> {
        let params = params(spec, whose)?;
        let n = params.len();
        (n > 0).then(|| &mut params[which.index(n)])
    }
    match edit {
        Edit::AddParam(whose, new) => {
            if let Some(params) = params(spec, whose) {
                params.push(new.clone());
            }
        }
        Edit::RemoveParam(whose, which) => {
            if let Some(params) = params(spec, whose).filter(|params| !params.is_empty()) {
                let n = params.len();
                params.remove(which.index(n));
            }
        }
        Edit::Retype(whose, which) => {
            if let Some(param) = param(spec, whose, which) {
                let at = PARAM_TYPES.iter().position(|ty| *ty == param.ty).unwrap_or_default();
                param.ty = PARAM_TYPES[(at + 1) % PARAM_TYPES.len()];
            }
        }
        Edit::FlipRequired(whose, which) => {
            if let Some(param) = param(spec, whose, which) {
                param.required = !param.required;
            }
        }
        Edit::Message(which) => {
            if let Some(row) = spec.row(which) {
                let at = MESSAGES.iter().position(|message| *message == row.message).unwrap_or_default();
                row.message = MESSAGES[(at + 1) % MESSAGES.len()];
            }
        }
        Edit::Shows(which) => {
            if let Some(row) = spec.row(which) {
                row.shows = !row.shows;
            }
        }
        _ => unreachable!("`apply` sends only these edits here"),
    }
}

/// Adds, removes, retires, brings back, renames or moves a row or a retired entry.
fn edit_rows(spec: &mut Spec, edit: &Edit) {
    match edit {
        Edit::AddRow { table, code, name } => {
            let t = table.index(spec.tables.len());
            spec.tables[t].rows.push(Row::new(*code, name));
        }
        Edit::RemoveRow(which) => {
            if let Some(&(t, r)) = spec.rows().get(which.index(spec.rows().len().max(1))) {
                spec.tables[t].rows.remove(r);
            }
        }
        Edit::RetireRow(which) => {
            if let Some(&(t, r)) = spec.rows().get(which.index(spec.rows().len().max(1))) {
                let row = spec.tables[t].rows.remove(r);
                for code in std::iter::once(row.code).chain(row.aliases) {
                    spec.tables[t].retired.push(Retired { code, name: row.name.clone() });
                }
            }
        }
        Edit::Unretire(which) => {
            if let Some(&(t, r)) = spec.retired().get(which.index(spec.retired().len().max(1))) {
                let entry = spec.tables[t].retired.remove(r);
                spec.tables[t].rows.push(Row::new(entry.code, &entry.name));
            }
        }
        Edit::DropRetired(which) => {
            if let Some(&(t, r)) = spec.retired().get(which.index(spec.retired().len().max(1))) {
                spec.tables[t].retired.remove(r);
            }
        }
        Edit::RenameRow(which, name) => {
            if let Some(row) = spec.row(which) {
                row.name = (*name).to_owned();
            }
        }
        Edit::RenameRetired(which, name) => {
            if let Some(&(t, r)) = spec.retired().get(which.index(spec.retired().len().max(1))) {
                spec.tables[t].retired[r].name = (*name).to_owned();
            }
        }
        Edit::MoveRow(which) => {
            if let Some(&(t, r)) = spec.rows().get(which.index(spec.rows().len().max(1))) {
                let row = spec.tables[t].rows.remove(r);
                let other = (t + 1) % spec.tables.len();
                spec.tables[other].rows.push(row);
            }
        }
        Edit::SwapRows(a, b) => {
            if let Some(&(t, r)) = spec.rows().get(a.index(spec.rows().len().max(1))) {
                let rows = &mut spec.tables[t].rows;
                let other = b.index(rows.len());
                rows.swap(r, other);
            }
        }
        _ => unreachable!("`apply` sends only these edits here"),
    }
}

/// Adds, removes, retires or moves an alias, or renumbers a row (its old code kept as an alias).
fn edit_aliases(spec: &mut Spec, edit: &Edit) {
    match edit {
        Edit::AddAlias(which, code) => {
            if let Some(row) = spec.row(which) {
                row.aliases.push(*code);
            }
        }
        Edit::RemoveAlias(which, alias) => {
            if let Some(row) = spec.row(which).filter(|row| !row.aliases.is_empty()) {
                let a = alias.index(row.aliases.len());
                row.aliases.remove(a);
            }
        }
        Edit::RetireAlias(which, alias) => {
            if let Some(&(t, r)) = spec.rows().get(which.index(spec.rows().len().max(1))) {
                let row = &mut spec.tables[t].rows[r];
                if !row.aliases.is_empty() {
                    let code = row.aliases.remove(alias.index(row.aliases.len()));
                    let name = row.name.clone();
                    spec.tables[t].retired.push(Retired { code, name });
                }
            }
        }
        Edit::MoveAlias { from, alias, to } => {
            let moved = spec.row(from).filter(|row| !row.aliases.is_empty()).map(|row| {
                let a = alias.index(row.aliases.len());
                row.aliases.remove(a)
            });
            if let (Some(code), Some(row)) = (moved, spec.row(to)) {
                row.aliases.push(code);
            }
        }
        Edit::Renumber(which, code) => {
            if let Some(row) = spec.row(which) {
                let old = std::mem::replace(&mut row.code, *code);
                row.aliases.push(old);
            }
        }
        _ => unreachable!("`apply` sends only these edits here"),
    }
}

/// Changes a row's description, status, recovery, deprecation, causes or other names.
fn edit_texts(spec: &mut Spec, edit: &Edit) {
    match edit {
        Edit::Describe(which) => {
            if let Some(row) = spec.row(which) {
                row.description.push_str(" More.");
            }
        }
        Edit::Status(which, status) => {
            if let Some(row) = spec.row(which) {
                row.http_status = *status;
            }
        }
        Edit::Recovery(which, recovery) => {
            if let Some(row) = spec.row(which) {
                row.recovery = *recovery;
            }
        }
        Edit::Deprecate(which) => {
            if let Some(row) = spec.row(which) {
                row.deprecated = match row.deprecated {
                    Some(_) => None,
                    None => Some("Use another code.".to_owned()),
                };
            }
        }
        Edit::Cause(which) => {
            if let Some(row) = spec.row(which) {
                if row.causes.is_empty() {
                    row.causes.push("A cause.".to_owned());
                } else {
                    row.causes.clear();
                }
            }
        }
        Edit::OtherName(which, name) => {
            if let Some(row) = spec.row(which) {
                match row.also_named.iter().position(|other| other == name) {
                    Some(i) => {
                        row.also_named.remove(i);
                    }
                    None => row.also_named.push(name),
                }
            }
        }
        _ => unreachable!("`apply` sends only these edits here"),
    }
}

/// Changes the recovery vocabulary.
fn edit_recoveries(spec: &mut Spec, edit: &Edit) {
    match edit {
        Edit::AddRecovery(id) => spec.recoveries.push((id, false)),
        Edit::RemoveRecovery(which) => {
            if !spec.recoveries.is_empty() {
                spec.recoveries.remove(which.index(spec.recoveries.len()));
            }
        }
        Edit::FlipRetry(which) => {
            if !spec.recoveries.is_empty() {
                let i = which.index(spec.recoveries.len());
                spec.recoveries[i].1 = !spec.recoveries[i].1;
            }
        }
        Edit::SwapRecoveries(a, b) => {
            let n = spec.recoveries.len();
            if n > 0 {
                spec.recoveries.swap(a.index(n), b.index(n));
            }
        }
        _ => unreachable!("`apply` sends only these edits here"),
    }
}

/// Params as a YAML flow mapping's entries: each required one `shown`
/// does not say is declared data only.
pub(super) fn params_yaml(params: &[Param], shown: impl Fn(&Param) -> bool) -> String {
    let entries: Vec<String> = params
        .iter()
        .map(|p| {
            let data_only = if p.required && !shown(p) { ", data_only: true" } else { "" };
            format!("{}: {{type: {}, description: P., required: {}{data_only}}}", p.name, p.ty, p.required)
        })
        .collect();
    entries.join(", ")
}
