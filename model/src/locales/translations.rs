//! The checks of one translation file against its catalogue: every code a
//! row's, every template showing the default's placeholders, and (unless
//! the locale is partial) every description and message translated; the
//! other texts are `details.rs`'s.

use std::collections::BTreeMap;
use std::path::Path;

use super::details::{check_coverage, check_details, check_names_unique};
use super::{Locale, RowTexts};
use crate::diagnostic::Diagnostic;
use crate::params::{Param, Template, parse_template};
use crate::plural::check_select;
use crate::source::SpecPath;
use crate::text_rules::refused_characters;
use crate::{Catalogue, Code, Row, Table};

/// One entry of a translation file, as read: a code and its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The code as the file writes it.
    pub code: String,
    /// The description, if the entry gives one.
    pub description: Option<EntryText>,
    /// The message template, if the entry gives one.
    pub message: Option<EntryText>,
    /// The name, if the entry gives one.
    pub name: Option<EntryText>,
    /// The explanation, if the entry gives one.
    pub explanation: Option<EntryText>,
    /// The causes, if the entry gives them.
    pub causes: Option<EntryList>,
    /// The solutions, if the entry gives them.
    pub solutions: Option<EntryList>,
}

/// A list of texts of an entry (its causes or solutions) and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryList {
    /// Each item and where it is written (`1001.causes[0]`).
    pub items: Vec<EntryText>,
    /// The list's path in the file (`1001.causes`).
    pub at: SpecPath,
}

/// A text of an entry and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryText {
    /// The text, verbatim.
    pub text: String,
    /// Its path in the file (`1001.message`).
    pub at: SpecPath,
}

/// How many missing codes one problem names before it counts the rest.
pub(super) const NAMED: usize = 8;

/// Checks the entries of `locale`'s translation file at `file` against the
/// catalogue, and keeps their texts by code. Every problem is one of the
/// file, placed by its path in it.
pub fn check_translations(
    catalogue: &Catalogue,
    locale: &Locale,
    file: &Path,
    entries: &[Entry],
) -> (BTreeMap<Code, RowTexts>, Vec<Diagnostic>) {
    let rows: BTreeMap<&Code, (&Table, &Row)> =
        catalogue.rows().map(|(table, row)| (&row.code, (table, row))).collect();
    let mut texts = BTreeMap::new();
    let mut problems = Vec::new();
    let mut push = |at: SpecPath, message: String, help: String| {
        problems.push(Diagnostic::new(file, message).spec_path(at).help(help));
    };
    for entry in entries {
        let key = SpecPath::root().key(&entry.code);
        let Some((table, row)) =
            Code::parse(&entry.code, catalogue.codes).and_then(|code| rows.get(&code).copied())
        else {
            let (message, help) = unknown_code(catalogue, &entry.code);
            push(key, message, help);
            continue;
        };
        if texts.contains_key(&row.code) {
            push(
                key,
                format!("code {} is translated twice", row.code.word()),
                "keep one entry per code".to_owned(),
            );
            continue;
        }
        let mut translated = RowTexts {
            description: None,
            message: None,
            name: None,
            explanation: None,
            causes: None,
            solutions: None,
        };
        if let Some(description) = &entry.description {
            if description.text.trim().is_empty() {
                push(
                    description.at.clone(),
                    "the description is blank".to_owned(),
                    "translate it, or remove the field".to_owned(),
                );
            }
            for (what, help) in refused_characters("description", &description.text) {
                push(description.at.clone(), format!("the description {what}"), help.to_owned());
            }
            translated.description = Some(description.text.clone());
        } else if !locale.partial {
            push(
                SpecPath::root().key(&entry.code),
                missing(locale, "a description"),
                translate_or_partial(locale),
            );
        }
        match (&entry.message, &row.message) {
            (Some(message), Some(default)) => match check_message(message, default, (catalogue, row, locale))
            {
                Ok(template) => translated.message = Some(template),
                Err((problem, help)) => push(message.at.clone(), problem, help),
            },
            (Some(message), None) => push(
                message.at.clone(),
                format!(
                    "code {} has no message template in the default locale to translate",
                    row.code.word()
                ),
                "remove the message, or give the row a `message:` in the spec first".to_owned(),
            ),
            (None, Some(_)) if !locale.partial => {
                push(
                    SpecPath::root().key(&entry.code),
                    missing(locale, "a message"),
                    translate_or_partial(locale),
                );
            }
            (None, _) => {}
        }
        check_details(table, row, entry, &mut translated, &mut push);
        texts.insert(row.code.clone(), translated);
    }
    check_names_unique(catalogue, locale, &texts, entries, &mut push);
    if !locale.partial {
        check_coverage(catalogue, locale, &texts, &mut push);
    }
    if !locale.partial {
        let untranslated: Vec<String> =
            rows.keys().filter(|code| !texts.contains_key(**code)).map(|code| code.word()).collect();
        if let Some(problem) = untranslated_rows(locale, &untranslated) {
            push(SpecPath::root(), problem, translate_or_partial(locale));
        }
    }
    (texts, problems)
}

/// A translated template, which must show exactly the default's params.
/// A selecting one selects by an integer param, with its locale's categories.
fn check_message(
    message: &EntryText,
    default: &Template,
    (catalogue, row, locale): (&Catalogue, &Row, &Locale),
) -> Result<Template, (String, String)> {
    let mut template = parse_template(&message.text)
        .map_err(|e| (format!("the message template is not valid: {}", e.problem), e.help))?;
    let params: Vec<&Param> = catalogue.params.iter().chain(&row.params).collect();
    check_select(&mut template, Some(&locale.tag), &params)
        .map_err(|(problem, help)| (format!("the message template is not valid: {problem}"), help))?;
    let mine = template.placeholders();
    let theirs = default.placeholders();
    let lacking: Vec<String> =
        theirs.iter().filter(|p| !mine.contains(p)).map(|p| format!("{{${p}}}")).collect();
    let extra: Vec<String> =
        mine.iter().filter(|p| !theirs.contains(p)).map(|p| format!("{{${p}}}")).collect();
    if lacking.is_empty() && extra.is_empty() {
        return Ok(template);
    }
    let mut faults = Vec::new();
    if !lacking.is_empty() {
        faults.push(format!("lacks {}", lacking.join(", ")));
    }
    if !extra.is_empty() {
        faults.push(format!("shows {}, which the default does not", extra.join(", ")));
    }
    Err((
        format!("the translated message {}", faults.join(" and ")),
        format!("show the same params as the default's template, in any order: `{}`", default.source),
    ))
}

/// Why a code cannot be translated: an alias, a retired code, or none.
fn unknown_code(catalogue: &Catalogue, code: &str) -> (String, String) {
    let parsed = Code::parse(code, catalogue.codes);
    if let Some(parsed) = &parsed {
        if let Some((_, row)) = catalogue.rows().find(|(_, row)| row.aliases.contains(parsed)) {
            return (
                format!("code {code} is an alias of {}", row.code.word()),
                format!("translate the row under its own code, {}", row.code.word()),
            );
        }
        if catalogue.retired.iter().any(|retired| &retired.code == parsed) {
            return (
                format!("code {code} is retired"),
                "remove its entry: a retired code has no texts".to_owned(),
            );
        }
    }
    (
        format!("no row of the catalogue has the code {code}"),
        "remove the entry, or correct its code to one the spec's rows have".to_owned(),
    )
}

/// The problem of a non-partial locale whose file lacks some rows.
fn untranslated_rows(locale: &Locale, codes: &[String]) -> Option<String> {
    let (first, rest) = (codes.get(..NAMED.min(codes.len()))?, codes.len().saturating_sub(NAMED));
    if first.is_empty() {
        return None;
    }
    let more = if rest > 0 { format!(" and {rest} more") } else { String::new() };
    Some(format!(
        "{} {} not translated into `{}`: {}{more}",
        if codes.len() == 1 { "code" } else { "codes" },
        if codes.len() == 1 { "is" } else { "are" },
        locale.tag,
        first.join(", ")
    ))
}

fn missing(locale: &Locale, what: &str) -> String {
    format!("the entry lacks {what} in `{}`", locale.tag)
}

fn translate_or_partial(locale: &Locale) -> String {
    format!(
        "translate it, or declare the locale partial in the spec (`partial: [{}]`), so that its untranslated texts fall back to the default's",
        locale.tag
    )
}
