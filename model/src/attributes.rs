//! Per-row attributes, checked: the catalogue's declarations and a row's
//! values, in declaration order.

use crate::source::SpecPath;

/// A declared per-row attribute: one getter on every table enum, one
/// column of the docs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// The name: the getter's, lowercase snake_case ASCII (`sqlstate`).
    pub name: String,
    /// What its values are.
    pub kind: AttributeType,
    /// What it is, in a sentence (text, shown as written).
    pub description: String,
    /// Whether every row gives it: its getter then returns no `Option`.
    pub required: bool,
    /// Where it is declared (`attributes.sqlstate`).
    pub at: SpecPath,
}

impl Attribute {
    /// The name of the generated per-row constant (`ATTRIBUTE_SQLSTATE`).
    pub fn rust_const(&self) -> String {
        format!("ATTRIBUTE_{}", self.name.to_ascii_uppercase())
    }

    /// The id of its declaration in the docs, the Markdown reference's and
    /// the index page's: `attribute-` and its name (`attribute-sqlstate`),
    /// apart from every code's anchor (digits, or `Code-…`), every
    /// recovery's (`recovery-…`) and every table's (`table-…`).
    pub fn anchor(&self) -> String {
        format!("attribute-{}", self.name)
    }
}

/// The type of an attribute's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributeType {
    /// Text (`&'static str`).
    String,
    /// A whole number (`i64`).
    Integer,
    /// `true` or `false`.
    Boolean,
}

impl AttributeType {
    /// How the spec (and the lock) spells it.
    pub fn keyword(self) -> &'static str {
        match self {
            AttributeType::String => "string",
            AttributeType::Integer => "integer",
            AttributeType::Boolean => "boolean",
        }
    }

    /// Reads how the spec (and the lock) spells it.
    pub fn parse(word: &str) -> Option<AttributeType> {
        [AttributeType::String, AttributeType::Integer, AttributeType::Boolean]
            .into_iter()
            .find(|kind| kind.keyword() == word)
    }

    /// The Rust type of a value (`&'static str`, `i64`, `bool`).
    pub fn rust_type(self) -> &'static str {
        match self {
            AttributeType::String => "&'static str",
            AttributeType::Integer => "i64",
            AttributeType::Boolean => "bool",
        }
    }

    /// The JSON Schema type of a value (`string`, `integer`, `boolean`).
    pub fn json_type(self) -> &'static str {
        self.keyword()
    }
}

/// A row's value of an attribute.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributeValue {
    /// Text.
    String(String),
    /// A whole number.
    Integer(i64),
    /// `true` or `false`.
    Boolean(bool),
}

impl AttributeValue {
    /// Its type.
    pub fn kind(&self) -> AttributeType {
        match self {
            AttributeValue::String(_) => AttributeType::String,
            AttributeValue::Integer(_) => AttributeType::Integer,
            AttributeValue::Boolean(_) => AttributeType::Boolean,
        }
    }

    /// The value as text, for the docs: text itself, a number's digits,
    /// `true` or `false`.
    pub fn text(&self) -> String {
        match self {
            AttributeValue::String(text) => text.clone(),
            AttributeValue::Integer(number) => number.to_string(),
            AttributeValue::Boolean(flag) => flag.to_string(),
        }
    }

    /// The value as a JSON value: a string, a number or a boolean.
    pub fn json(&self) -> String {
        match self {
            AttributeValue::String(text) => crate::text::json_string(text),
            other => other.text(),
        }
    }
}

/// Written as the JSON of its type: a string, a number or a boolean.
impl serde::Serialize for AttributeValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AttributeValue::String(text) => serializer.serialize_str(text),
            AttributeValue::Integer(number) => serializer.serialize_i64(*number),
            AttributeValue::Boolean(flag) => serializer.serialize_bool(*flag),
        }
    }
}
