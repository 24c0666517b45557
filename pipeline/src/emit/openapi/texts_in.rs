//! A code's texts other than its description in each locale but the
//! default that translates any: `x-texts-in` on its `const` (3.1) and
//! `x-texts-in-by-code` on the code schema (3.0), each a map from tag to
//! the texts the locale translates (`name`, `explanation`, `causes`,
//! `solutions`); a reader falls back to `title`, `x-explanation`,
//! `x-causes` and `x-solutions`, as the crate does.

use serde::Serialize;

use crate::emit::yaml::OrderedMap;
use errcat_model::Row;
use errcat_model::locales::Locale;

/// The texts one locale translates of one code, plain text as the
/// default's extensions are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct TextsIn {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    causes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    solutions: Option<Vec<String>>,
}

/// `row`'s translated texts by tag, only of the locales that translate one.
pub(super) fn texts_in(others: &[Locale], row: &Row) -> Option<OrderedMap<TextsIn>> {
    let map: Vec<(String, TextsIn)> = others
        .iter()
        .filter_map(|locale| {
            let texts = locale.row(&row.code)?;
            let found = TextsIn {
                name: texts.name.clone(),
                explanation: texts.explanation.clone(),
                causes: texts.causes.clone(),
                solutions: texts.solutions.clone(),
            };
            let any = found.name.is_some()
                || found.explanation.is_some()
                || found.causes.is_some()
                || found.solutions.is_some();
            any.then(|| (locale.tag.clone(), found))
        })
        .collect();
    (!map.is_empty()).then_some(OrderedMap(map))
}
