//! A row's other names (`also_named:`): each as the source prints it, or
//! with the name of the associated constant that stands for it.

use serde::Deserialize;

/// One other name of a row's code: `EWOULDBLOCK`, or
/// `{name: Would Block, rust_const: WOULD_BLOCK}` to choose the constant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecOtherName {
    /// The name, exactly as the source prints it.
    pub name: String,
    /// Overrides the associated constant's name derived from `name`.
    pub rust_const: Option<String>,
}

/// The mapping form, read with serde's own checks (unknown or missing fields).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "another name: a mapping with `name` and `rust_const`")]
struct Named {
    name: String,
    rust_const: String,
}

impl<'de> Deserialize<'de> for SpecOtherName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;

        impl<'de> serde::de::Visitor<'de> for NameVisitor {
            type Value = SpecOtherName;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("another name: text, or a mapping with `name` and `rust_const`")
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<SpecOtherName, E> {
                Ok(SpecOtherName { name: name.to_owned(), rust_const: None })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<SpecOtherName, A::Error> {
                let named = Named::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(SpecOtherName { name: named.name, rust_const: Some(named.rust_const) })
            }
        }

        deserializer.deserialize_any(NameVisitor)
    }
}

/// For the schema's defaults (`also_named: []`).
#[cfg(feature = "schema")]
impl serde::Serialize for SpecOtherName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.rust_const {
            None => serializer.serialize_str(&self.name),
            Some(rust_const) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("name", &self.name)?;
                map.serialize_entry("rust_const", rust_const)?;
                map.end()
            }
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SpecOtherName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "OtherName".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Another name of the row's code, exactly as the source prints it (`EWOULDBLOCK`), or a mapping that also names the associated constant standing for it (`{name: Would Block, rust_const: WOULD_BLOCK}`); the constant's name is otherwise the name in SCREAMING_SNAKE_CASE.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "name": { "type": "string", "minLength": 1 },
                        "rust_const": { "type": "string", "pattern": "^[A-Z][A-Z0-9_]*$" }
                    },
                    "required": ["name", "rust_const"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_or_a_mapping() {
        let plain: SpecOtherName = serde_yaml::from_str("EWOULDBLOCK").unwrap();
        assert_eq!(plain, SpecOtherName { name: "EWOULDBLOCK".to_owned(), rust_const: None });
        let named: SpecOtherName =
            serde_yaml::from_str("{name: Would Block, rust_const: WOULD_BLOCK}").unwrap();
        assert_eq!(named.rust_const.as_deref(), Some("WOULD_BLOCK"));
        let error = serde_yaml::from_str::<SpecOtherName>("{name: N, const: C}").unwrap_err().to_string();
        assert!(error.contains("unknown field `const`"), "{error}");
    }
}
