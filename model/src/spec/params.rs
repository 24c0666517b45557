//! The spec's `params:`: an ordered map of names to declarations.

use serde::Deserialize;

/// Declared params, in the order the spec writes them. A name declared
/// twice is refused as it is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecParams(pub Vec<(String, SpecParam)>);

impl SpecParams {
    /// Whether none is declared.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One param's declaration.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, serde::Serialize), schemars(rename = "Param"))]
#[serde(deny_unknown_fields, expecting = "a param: a mapping with `type` and `description`")]
pub struct SpecParam {
    /// What it holds.
    #[serde(rename = "type")]
    pub ty: SpecParamType,
    /// What it is (text, shown as written).
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub description: String,
    /// Whether every occurrence carries it (the default); a message may
    /// show only a required param.
    #[serde(default = "yes")]
    pub required: bool,
    /// Whether it is data only: a required param the row's `message`
    /// does not show must say so.
    #[serde(default)]
    pub data_only: bool,
}

fn yes() -> bool {
    true
}

/// What a param holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema, serde::Serialize),
    schemars(rename = "ParamType")
)]
#[serde(rename_all = "snake_case")]
pub enum SpecParamType {
    /// Text.
    #[default]
    String,
    /// A whole number (64-bit, signed).
    Integer,
    /// A number (64-bit floating point).
    Number,
    /// `true` or `false`.
    Boolean,
    /// A list of texts: data only, never shown in a message.
    Strings,
}

impl<'de> Deserialize<'de> for SpecParams {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParamsVisitor;

        impl<'de> serde::de::Visitor<'de> for ParamsVisitor {
            type Value = SpecParams;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("params: a mapping of names to declarations, e.g. `table: {type: string, description: …}`")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SpecParams, A::Error> {
                let mut params: Vec<(String, SpecParam)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if params.iter().any(|(declared, _)| *declared == name) {
                        return Err(serde::de::Error::custom(format_args!("duplicate param `{name}`")));
                    }
                    let param = map.next_value()?;
                    params.push((name, param));
                }
                Ok(SpecParams(params))
            }
        }

        deserializer.deserialize_map(ParamsVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SpecParams {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Params".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let param = generator.subschema_for::<SpecParam>();
        schemars::json_schema!({
            "description": "Params in order: each name (lowercase snake_case, the same in Rust, JSON and templates) and its declaration.",
            "type": "object",
            "propertyNames": { "pattern": "^[a-z][a-z0-9]*(_[a-z0-9]+)*$" },
            "additionalProperties": param,
        })
    }
}

/// For the schema's defaults (`params: {}`).
#[cfg(feature = "schema")]
impl serde::Serialize for SpecParams {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, param) in &self.0 {
            map.serialize_entry(name, param)?;
        }
        map.end()
    }
}
