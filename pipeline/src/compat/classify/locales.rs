//! The catalogue's locales (the `Locale` enum's variants: one gone is
//! breaking, one new a patch, a new default minor, since every text
//! getter and `Display` answer in it) and, when both views are
//! catalogues with their translations read, each row's translated texts
//! (any of them changed is a patch).

use errcat_model::Catalogue;
use errcat_model::locales::variant_of;

use super::Changes;
use crate::compat::change::{Bump, ChangeKind};

impl Changes<'_, '_> {
    /// The locales either view declares.
    pub(super) fn locales(&mut self) {
        let (was, now) = (&self.old.locales, &self.new.locales);
        for tag in was.iter().filter(|tag| !now.contains(tag)) {
            let summary = if now.is_empty() {
                format!(
                    "locale `{tag}` is gone with `locales:`: the crate has no `Locale` and no `description_in`"
                )
            } else {
                format!("locale `{tag}` is gone, and its variant `Locale::{}` with it", variant_of(tag))
            };
            self.allowed(ChangeKind::LocaleRemoved, None, None, Bump::Major, summary);
        }
        for tag in now.iter().filter(|tag| !was.contains(tag)) {
            let summary = if was.is_empty() {
                format!("locale `{tag}` is new, and the `Locale` enum with it")
            } else {
                format!("locale `{tag}` is new: variant `Locale::{}`", variant_of(tag))
            };
            self.allowed(ChangeKind::LocaleAdded, None, None, Bump::Patch, summary);
        }
        if let (Some(before), Some(after)) = (was.first(), now.first())
            && before != after
            && was.contains(after)
        {
            let summary = format!(
                "the default locale is `{after}` instead of `{before}`: every text getter and `Display` answer in it"
            );
            self.allowed(ChangeKind::DefaultLocaleChanged, None, None, Bump::Minor, summary);
        }
    }

    /// Each row's texts in each locale both catalogues translate.
    pub(super) fn translations(&mut self, was: &Catalogue, now: &Catalogue) {
        for after in now.other_locales() {
            let Some(before) = was.other_locales().iter().find(|locale| locale.tag == after.tag) else {
                continue;
            };
            let (Some(_), Some(_)) = (&before.texts, &after.texts) else { continue };
            for (table, row) in now.rows() {
                let Some((_, old_row)) = was.rows().find(|(_, old)| old.code == row.code) else { continue };
                let description = before.description(old_row) != after.description(row);
                let message =
                    before.message(old_row).map(|m| &m.source) != after.message(row).map(|m| &m.source);
                let translated = before.row(&row.code).is_some() != after.row(&row.code).is_some();
                let details = before.name(old_row) != after.name(row)
                    || before.explanation(old_row) != after.explanation(row)
                    || before.causes(old_row) != after.causes(row)
                    || before.solutions(old_row) != after.solutions(row);
                if description || message || translated || details {
                    self.allowed(
                        ChangeKind::TranslationChanged,
                        Some(&row.code),
                        Some(&table.id),
                        Bump::Patch,
                        format!("code {} `{}`: its `{}` texts changed", row.code, row.name, after.tag),
                    );
                }
            }
        }
    }
}
