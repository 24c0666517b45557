//! The spec's `locales:`: the languages its texts are written in.

use serde::Deserialize;

/// The catalogue's locales: the default, which the spec's own texts are
/// written in, and the others, each translated in a file beside the spec
/// (`NAME.TAG.yaml` for `NAME.yaml`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Locales"))]
#[serde(deny_unknown_fields, expecting = "the locales: a mapping with `default` and `others`")]
pub struct SpecLocales {
    /// The BCP 47 tag of the language the spec's texts are in (`en`).
    pub default: String,
    /// The BCP 47 tags of the other languages (`de`, `fr-CA`), in order.
    #[serde(default)]
    pub others: Vec<String>,
    /// The locales among `others` not translated in full: a text they
    /// lack falls back to the default's.
    #[serde(default)]
    pub partial: Vec<String>,
}
