//! The spec's per-row attributes as written: the catalogue's
//! declarations (`attributes:`, an ordered mapping) and a row's values.

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

/// The catalogue's `attributes:`: each attribute's name and declaration,
/// in the order written (the order of the getters, columns and lock lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpecAttributes(pub Vec<(String, SpecAttribute)>);

/// One declared attribute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "Attribute"))]
#[serde(deny_unknown_fields, expecting = "an attribute: a mapping with `type` and `description`")]
pub struct SpecAttribute {
    /// What its values are: `string`, `integer` or `boolean`.
    #[serde(rename = "type")]
    pub kind: SpecAttributeType,
    /// What it is, in a sentence (text, shown as written): the getter's
    /// docs and the column's description.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub description: String,
    /// Whether every row gives it; its getter then returns the value
    /// itself rather than an `Option`.
    #[serde(default)]
    pub required: bool,
}

/// The type of an attribute's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename = "AttributeType"))]
#[serde(rename_all = "snake_case")]
pub enum SpecAttributeType {
    /// Text (`&'static str`), e.g. `'42000'`, quoted when YAML would read
    /// a number.
    #[default]
    String,
    /// A whole number (`i64`).
    Integer,
    /// `true` or `false` (`bool`).
    Boolean,
}

/// A row's value of an attribute, as written: which type it has is
/// checked against the declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecAttributeValue {
    /// Text.
    String(String),
    /// A whole number.
    Integer(i64),
    /// `true` or `false`.
    Boolean(bool),
}

impl<'de> Deserialize<'de> for SpecAttributes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DeclarationsVisitor;

        impl<'de> Visitor<'de> for DeclarationsVisitor {
            type Value = SpecAttributes;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "the attributes: a mapping of each attribute's name to its `type` and `description`",
                )
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SpecAttributes, A::Error> {
                let mut declared: Vec<(String, SpecAttribute)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if declared.iter().any(|(other, _)| *other == name) {
                        return Err(serde::de::Error::custom(format_args!("duplicate attribute `{name}`")));
                    }
                    let declaration = map.next_value()?;
                    declared.push((name, declaration));
                }
                Ok(SpecAttributes(declared))
            }
        }

        deserializer.deserialize_map(DeclarationsVisitor)
    }
}

impl<'de> Deserialize<'de> for SpecAttributeValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;

        impl Visitor<'_> for ValueVisitor {
            type Value = SpecAttributeValue;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an attribute's value: text, a whole number, `true` or `false`")
            }

            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<SpecAttributeValue, E> {
                Ok(SpecAttributeValue::Boolean(value))
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<SpecAttributeValue, E> {
                Ok(SpecAttributeValue::Integer(value))
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<SpecAttributeValue, E> {
                i64::try_from(value)
                    .map(SpecAttributeValue::Integer)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<SpecAttributeValue, E> {
                Ok(SpecAttributeValue::String(value.to_owned()))
            }
        }

        deserializer.deserialize_any(ValueVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SpecAttributes {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Attributes".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let declaration = generator.subschema_for::<SpecAttribute>();
        schemars::json_schema!({
            "description": "Per-row attributes: each attribute's name (lowercase snake_case ASCII, starting with a letter) and declaration, in the order of the getters and columns.",
            "type": "object",
            "propertyNames": { "pattern": "^[a-z][a-z0-9_]*$" },
            "additionalProperties": declaration
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SpecAttributeValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AttributeValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An attribute's value, of its declared type: text, a whole number, or `true` or `false`.",
            "anyOf": [
                { "type": "string" },
                { "type": "integer" },
                { "type": "boolean" }
            ]
        })
    }
}
