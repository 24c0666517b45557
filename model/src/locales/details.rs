//! The checks of a translation entry's texts beyond its description and
//! message: its name (unique within its table in the locale), explanation,
//! causes and solutions (each only of a row that has it in the default, a
//! list as long as the default's), none blank; and, in a locale that is
//! not partial, each of these texts translated for every row or for none.
//!
//! These texts are optional in every locale, as a published translation
//! often gives only the messages: a row that leaves one out answers the
//! default's. A full locale that translates some row's explanations must
//! translate them all, so that a page in it never switches language
//! halfway through a table.

use std::collections::BTreeMap;

use super::translations::NAMED;
use super::{Entry, EntryList, EntryText, Locale, RowTexts};
use crate::source::SpecPath;
use crate::text_rules::refused_characters;
use crate::{Catalogue, Code, Row, Table};

/// Where a problem goes: its path in the file, the message and the fix.
type Push<'p> = dyn FnMut(SpecPath, String, String) + 'p;

/// Checks `entry`'s name, explanation, causes and solutions against `row`,
/// keeping in `translated` those that pass.
pub(super) fn check_details(
    table: &Table,
    row: &Row,
    entry: &Entry,
    translated: &mut RowTexts,
    push: &mut Push<'_>,
) {
    match &entry.name {
        // A table without names calls each row by its code, which no locale translates.
        Some(name) if !table.named => push(
            name.at.clone(),
            format!(
                "code {} has no name to translate: its table names its rows by their codes",
                row.code.word()
            ),
            "remove the name".to_owned(),
        ),
        Some(name) if text_ok("name", name, push) => translated.name = Some(name.text.clone()),
        _ => {}
    }
    if let Some(explanation) = &entry.explanation {
        if row.explanation.is_none() {
            push(
                explanation.at.clone(),
                format!("code {} has no explanation in the default locale to translate", row.code.word()),
                "remove the explanation, or give the row an `explanation:` in the spec first".to_owned(),
            );
        } else if text_ok("explanation", explanation, push) {
            translated.explanation = Some(explanation.text.clone());
        }
    }
    translated.causes =
        entry.causes.as_ref().and_then(|list| check_list(row, ("causes", "cause"), list, &row.causes, push));
    translated.solutions = entry
        .solutions
        .as_ref()
        .and_then(|list| check_list(row, ("solutions", "solution"), list, &row.solutions, push));
}

/// A translated list of causes or solutions: as many items as the
/// default's, none blank.
fn check_list(
    row: &Row,
    (field, item): (&str, &str),
    list: &EntryList,
    default: &[String],
    push: &mut Push<'_>,
) -> Option<Vec<String>> {
    if default.is_empty() {
        push(
            list.at.clone(),
            format!("code {} has no {field} in the default locale to translate", row.code.word()),
            format!("remove the {field}, or give the row `{field}:` in the spec first"),
        );
        return None;
    }
    if list.items.len() != default.len() {
        push(
            list.at.clone(),
            format!("the translation lists {} {field}, the default {}", list.items.len(), default.len()),
            format!(
                "translate each of the default's {field}, one item for one, in its order: {}",
                default.iter().map(|text| format!("`{text}`")).collect::<Vec<_>>().join(", ")
            ),
        );
        return None;
    }
    let mut ok = true;
    for text in &list.items {
        ok &= text_ok(item, text, push);
    }
    ok.then(|| list.items.iter().map(|text| text.text.clone()).collect())
}

/// Whether a translated text is neither blank nor holds a character the
/// generated docs cannot carry; each problem pushed at its line.
fn text_ok(what: &str, text: &EntryText, push: &mut Push<'_>) -> bool {
    let mut ok = true;
    if text.text.trim().is_empty() {
        push(text.at.clone(), format!("the {what} is blank"), "translate it, or remove it".to_owned());
        ok = false;
    }
    for (problem, help) in refused_characters(what, &text.text) {
        push(text.at.clone(), format!("the {what} {problem}"), help.to_owned());
        ok = false;
    }
    ok
}

/// Every name unique within its table in the locale, each translated or
/// the default's where the locale leaves it: a translated name that
/// another row of its table has in the locale is refused at its line.
pub(super) fn check_names_unique(
    catalogue: &Catalogue,
    locale: &Locale,
    texts: &BTreeMap<Code, RowTexts>,
    entries: &[Entry],
    push: &mut Push<'_>,
) {
    let written: BTreeMap<Code, &EntryText> = entries
        .iter()
        .filter_map(|entry| Some((Code::parse(&entry.code, catalogue.codes)?, entry.name.as_ref()?)))
        .collect();
    for table in &catalogue.tables {
        let mut seen: BTreeMap<&str, &Row> = BTreeMap::new();
        for row in &table.rows {
            let name =
                texts.get(&row.code).and_then(|texts| texts.name.as_deref()).unwrap_or(row.name.as_str());
            let Some(first) = seen.get(name) else {
                seen.insert(name, row);
                continue;
            };
            // The problem goes where a translated name of the two is written.
            let Some((at, other)) = written
                .get(&row.code)
                .map(|text| (text, *first))
                .or_else(|| written.get(&first.code).map(|text| (text, row)))
            else {
                continue;
            };
            push(
                at.at.clone(),
                format!(
                    "the name `{name}` is code {}'s in `{}` too: names are unique within a table in every locale",
                    other.code.word(),
                    locale.tag
                ),
                "translate the two names apart, or leave this one out to keep the default's".to_owned(),
            );
        }
    }
}

/// In a locale that is not partial: each of name, explanation, causes and
/// solutions translated for every row that has it, once some row's is.
pub(super) fn check_coverage(
    catalogue: &Catalogue,
    locale: &Locale,
    texts: &BTreeMap<Code, RowTexts>,
    push: &mut Push<'_>,
) {
    type Has = fn(&Table, &Row) -> bool;
    type Gives = fn(&RowTexts) -> bool;
    let fields: [(&str, Has, Gives); 4] = [
        ("names", |table, _| table.named, |texts| texts.name.is_some()),
        ("explanations", |_, row| row.explanation.is_some(), |texts| texts.explanation.is_some()),
        ("causes", |_, row| !row.causes.is_empty(), |texts| texts.causes.is_some()),
        ("solutions", |_, row| !row.solutions.is_empty(), |texts| texts.solutions.is_some()),
    ];
    for (field, has, gives) in fields {
        if !texts.values().any(gives) {
            continue;
        }
        let lacking: Vec<String> = catalogue
            .rows()
            .filter(|(table, row)| has(table, row) && !texts.get(&row.code).is_some_and(gives))
            .map(|(_, row)| row.code.word())
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let more = lacking.len().saturating_sub(NAMED);
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        push(
            SpecPath::root(),
            format!(
                "`{}` translates some {field} but not those of {} {}{more}",
                locale.tag,
                if lacking.len() == 1 { "code" } else { "codes" },
                lacking[..NAMED.min(lacking.len())].join(", ")
            ),
            format!(
                "translate them too, or declare the locale partial (`partial: [{}]`) so that they fall back to the default's",
                locale.tag
            ),
        );
    }
}
