//! Locales: the languages a catalogue's texts are written in (`locales:`),
//! and each row's texts (description, message, name, explanation, causes
//! and solutions) in every locale but the default, read from the
//! catalogue's translation files.

mod details;
mod tag;
mod translations;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use self::tag::{TagProblem, check_tag};
pub use self::translations::{Entry, EntryList, EntryText, check_translations};

use crate::params::Template;
use crate::source::{SourceFile, SpecPath};
use crate::{Catalogue, Code, Row};

/// The locales a catalogue declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locales {
    /// The locale the spec's own texts are written in (`en`): every text
    /// getter and `Display` answer in it.
    pub default: String,
    /// The others, in spec order.
    pub others: Vec<Locale>,
}

/// A locale other than the default, and the texts it translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// Its BCP 47 tag, in canonical case (`de-AT`).
    pub tag: String,
    /// Whether the spec declares it partial: a row it does not translate
    /// falls back to the default's text.
    pub partial: bool,
    /// Each translated row's texts, by code; `None` when the translations
    /// were not read (a spec read from text alone, with no files beside it).
    pub texts: Option<BTreeMap<Code, RowTexts>>,
    /// The translation file the texts were read from.
    pub file: Option<Arc<SourceFile>>,
    /// Where the spec declares it (`locales.others[1]`).
    pub at: SpecPath,
}

/// One row's texts in a locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowTexts {
    /// The description, verbatim.
    pub description: Option<String>,
    /// The message template, with the same placeholders as the default's.
    pub message: Option<Template>,
    /// The name, verbatim, unique within its table in the locale.
    pub name: Option<String>,
    /// The explanation, verbatim (only of a row with one in the default).
    pub explanation: Option<String>,
    /// The causes, as many as the default's, each verbatim.
    pub causes: Option<Vec<String>>,
    /// The solutions, as many as the default's, each verbatim.
    pub solutions: Option<Vec<String>>,
}

impl Locale {
    /// The Rust variant naming the locale (`de-AT` → `DeAt`).
    pub fn variant(&self) -> String {
        variant_of(&self.tag)
    }

    /// A row's texts in this locale, if translated.
    pub fn row(&self, code: &Code) -> Option<&RowTexts> {
        self.texts.as_ref()?.get(code)
    }

    /// A row's description in this locale: the translation, or the
    /// default's where a partial locale has none.
    pub fn description<'a>(&'a self, row: &'a Row) -> &'a str {
        self.row(&row.code).and_then(|texts| texts.description.as_deref()).unwrap_or(&row.description)
    }

    /// A row's message template in this locale: the translation, or the
    /// default's where a partial locale has none.
    pub fn message<'a>(&'a self, row: &'a Row) -> Option<&'a Template> {
        self.row(&row.code).and_then(|texts| texts.message.as_ref()).or(row.message.as_ref())
    }

    /// A row's name in this locale: the translation, or the default's
    /// where the locale gives none (names are optional in every locale).
    pub fn name<'a>(&'a self, row: &'a Row) -> &'a str {
        self.row(&row.code).and_then(|texts| texts.name.as_deref()).unwrap_or(&row.name)
    }

    /// A row's explanation in this locale: the translation, or the default's.
    pub fn explanation<'a>(&'a self, row: &'a Row) -> Option<&'a str> {
        self.row(&row.code).and_then(|texts| texts.explanation.as_deref()).or(row.explanation.as_deref())
    }

    /// A row's causes in this locale: the translation, or the default's.
    pub fn causes<'a>(&'a self, row: &'a Row) -> &'a [String] {
        self.row(&row.code).and_then(|texts| texts.causes.as_deref()).unwrap_or(&row.causes)
    }

    /// A row's solutions in this locale: the translation, or the default's.
    pub fn solutions<'a>(&'a self, row: &'a Row) -> &'a [String] {
        self.row(&row.code).and_then(|texts| texts.solutions.as_deref()).unwrap_or(&row.solutions)
    }
}

impl Locales {
    /// The variant naming the default locale.
    pub fn default_variant(&self) -> String {
        variant_of(&self.default)
    }
}

/// The UpperCamelCase of a tag's subtags (`zh-Hant-TW` → `ZhHantTw`).
pub fn variant_of(tag: &str) -> String {
    tag.split('-')
        .map(|subtag| {
            let lower = subtag.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

impl Catalogue {
    /// The locales other than the default, none when the catalogue
    /// declares no `locales:`.
    pub fn other_locales(&self) -> &[Locale] {
        self.locales.as_ref().map_or(&[], |locales| &locales.others)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn variants_are_the_upper_camel_case_of_the_subtags() {
        assert_eq!(super::variant_of("zh-Hant-TW"), "ZhHantTw");
        assert_eq!(super::variant_of("es-419"), "Es419");
        assert_eq!(super::variant_of("en"), "En");
    }
}
