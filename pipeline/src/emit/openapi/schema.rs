//! The Schema Object as the documents use it.

use serde::Serialize;

use crate::emit::yaml::{OrderedMap, Printed};
use errcat_model::{AttributeValue, Code};

/// A schema under `components/schemas`: typed, or printed as text already
/// (each parameterised row's, which are many and alike: `params.rs`).
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum Component {
    Typed(Box<Schema>),
    Printed(Printed),
}

/// The subset of the Schema Object these documents use.
#[derive(Serialize, Default)]
pub(super) struct Schema {
    #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
    pub(super) reference: Option<String>,
    #[serde(rename = "const", skip_serializing_if = "Option::is_none")]
    pub(super) constant: Option<Code>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) deprecated: Option<bool>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) format: Option<&'static str>,
    /// An array's items (a `strings` param's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) items: Option<Box<Schema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) minimum: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) maximum: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) pattern: Option<&'static str>,
    #[serde(rename = "maxLength", skip_serializing_if = "Option::is_none")]
    pub(super) max_length: Option<u64>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub(super) values: Option<Vec<Code>>,
    #[serde(rename = "x-enum-varnames", skip_serializing_if = "Option::is_none")]
    pub(super) enum_varnames: Option<Vec<String>>,
    #[serde(rename = "x-enum-descriptions", skip_serializing_if = "Option::is_none")]
    pub(super) enum_descriptions: Option<Vec<String>>,
    #[serde(rename = "oneOf", skip_serializing_if = "Option::is_none")]
    pub(super) one_of: Option<Vec<Schema>>,
    #[serde(rename = "anyOf", skip_serializing_if = "Option::is_none")]
    pub(super) any_of: Option<Vec<Schema>>,
    /// A body with a row's params: the plain body and the row's params.
    #[serde(rename = "allOf", skip_serializing_if = "Option::is_none")]
    pub(super) all_of: Option<Vec<Schema>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) required: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) properties: Option<OrderedMap<Schema>>,
    /// On an alias's `const`: the code it stands for.
    #[serde(rename = "x-alias-of", skip_serializing_if = "Option::is_none")]
    pub(super) alias_of: Option<Code>,
    /// On a code's `const` (3.1): what a client should do about it.
    #[serde(rename = "x-recovery", skip_serializing_if = "Option::is_none")]
    pub(super) recovery: Option<String>,
    /// On a code schema (3.0, which has no per-value objects): each code's
    /// recovery, by code.
    #[serde(rename = "x-recovery-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) recovery_by_code: Option<OrderedMap<String>>,
    /// On a code's `const` (3.1): what the error means, verbatim.
    #[serde(rename = "x-explanation", skip_serializing_if = "Option::is_none")]
    pub(super) explanation: Option<String>,
    /// On a code's `const` (3.1): what can cause it, verbatim.
    #[serde(rename = "x-causes", skip_serializing_if = "Option::is_none")]
    pub(super) causes: Option<Vec<String>>,
    /// On a code's `const` (3.1): what can be done about it, verbatim.
    #[serde(rename = "x-solutions", skip_serializing_if = "Option::is_none")]
    pub(super) solutions: Option<Vec<String>>,
    /// On a code's `const` (3.1): its description in each locale but the
    /// default that translates it, by tag.
    #[serde(rename = "x-description-in", skip_serializing_if = "Option::is_none")]
    pub(super) descriptions_in: Option<OrderedMap<String>>,
    /// On a code schema (3.0): each row's descriptions in the other
    /// locales that translate it, by code, then by tag.
    #[serde(rename = "x-description-in-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) descriptions_in_by_code: Option<OrderedMap<OrderedMap<String>>>,
    /// On a code's `const` (3.1): its other texts in each locale but the
    /// default that translates one, by tag.
    #[serde(rename = "x-texts-in", skip_serializing_if = "Option::is_none")]
    pub(super) texts_in: Option<OrderedMap<super::texts_in::TextsIn>>,
    /// On a code schema (3.0): each row's other translated texts, by code,
    /// then by tag.
    #[serde(rename = "x-texts-in-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) texts_in_by_code: Option<OrderedMap<OrderedMap<super::texts_in::TextsIn>>>,
    /// On a code schema (3.0): each row's explanation, by code.
    #[serde(rename = "x-explanation-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) explanation_by_code: Option<OrderedMap<String>>,
    /// On a code schema (3.0): each row's causes, by code.
    #[serde(rename = "x-causes-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) causes_by_code: Option<OrderedMap<Vec<String>>>,
    /// On a code schema (3.0): each row's solutions, by code.
    #[serde(rename = "x-solutions-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) solutions_by_code: Option<OrderedMap<Vec<String>>>,
    /// On a code's `const` (3.1): its attributes' values, by name.
    #[serde(rename = "x-attributes", skip_serializing_if = "Option::is_none")]
    pub(super) attributes: Option<OrderedMap<AttributeValue>>,
    /// On a code schema (3.0): each code's attributes' values, by code.
    #[serde(rename = "x-attributes-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) attributes_by_code: Option<OrderedMap<OrderedMap<AttributeValue>>>,
    /// An XML body's root element (OpenAPI's XML Object).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) xml: Option<super::xml::Xml>,
    /// On a code's `const` (3.1): its meaning in each of its sections, by id.
    #[serde(rename = "x-sections", skip_serializing_if = "Option::is_none")]
    pub(super) sections: Option<OrderedMap<super::sections::Meaning>>,
    /// On a code schema (3.0): each code's meaning in its sections, by code.
    #[serde(rename = "x-sections-by-code", skip_serializing_if = "Option::is_none")]
    pub(super) sections_by_code: Option<OrderedMap<OrderedMap<super::sections::Meaning>>>,
}
