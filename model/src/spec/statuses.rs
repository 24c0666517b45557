//! A row's `http_status`: one status (`400`), every status the service
//! may answer with for the code, the usual one first (`[400, 401]`), or
//! `none` for a row of an HTTP catalogue that travels without one.

use serde::Deserialize;

/// The statuses of `http_status`, in spec order, and whether it says
/// `none` (then the list is empty; an empty list written `[]` is refused).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecHttpStatus(pub Vec<u16>, pub bool);

impl SpecHttpStatus {
    /// Whether the row says it has no status (`http_status: none`).
    pub fn is_none(&self) -> bool {
        self.1
    }

    /// The status `http_status()` answers: the first listed (0 for an
    /// empty list, which validation refuses).
    pub fn first(&self) -> u16 {
        self.0.first().copied().unwrap_or_default()
    }
}

impl<'de> Deserialize<'de> for SpecHttpStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;

        impl<'de> serde::de::Visitor<'de> for StatusVisitor {
            type Value = SpecHttpStatus;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "an HTTP status (`400`), a list of them, the usual one first (`[400, 401]`), or `none`",
                )
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SpecHttpStatus, E> {
                match text {
                    "none" => Ok(SpecHttpStatus(Vec::new(), true)),
                    _ => Err(E::invalid_value(serde::de::Unexpected::Str(text), &self)),
                }
            }

            fn visit_u64<E: serde::de::Error>(self, status: u64) -> Result<SpecHttpStatus, E> {
                u16::try_from(status)
                    .map(|status| SpecHttpStatus(vec![status], false))
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(status), &self))
            }

            fn visit_i64<E: serde::de::Error>(self, status: i64) -> Result<SpecHttpStatus, E> {
                u64::try_from(status)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(status), &self))
                    .and_then(|status| self.visit_u64(status))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<SpecHttpStatus, A::Error> {
                let mut statuses = Vec::new();
                while let Some(status) = seq.next_element::<u16>()? {
                    statuses.push(status);
                }
                Ok(SpecHttpStatus(statuses, false))
            }
        }

        deserializer.deserialize_any(StatusVisitor)
    }
}

/// For the schema's defaults.
#[cfg(feature = "schema")]
impl serde::Serialize for SpecHttpStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0[..] {
            [] if self.1 => serializer.serialize_str("none"),
            [status] => serializer.serialize_u16(status),
            _ => self.0.serialize(serializer),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SpecHttpStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HttpStatus".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The HTTP status a service answers with (`400`), every status it may answer with for this code, the usual one first (`[400, 401]`): `http_status()` gives the first, `http_statuses()` all; or `none` for a row that travels without a status (a SOAP-only fault). 3xx statuses need `redirect_statuses: true`.",
            "anyOf": [
                { "type": "integer", "minimum": 300, "maximum": 599 },
                { "const": "none" },
                {
                    "type": "array",
                    "items": { "type": "integer", "minimum": 300, "maximum": 599 },
                    "minItems": 1,
                    "uniqueItems": true
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_status_or_a_list() {
        let one: SpecHttpStatus = serde_yaml::from_str("400").unwrap();
        assert_eq!((one.first(), one.0.len()), (400, 1));
        let several: SpecHttpStatus = serde_yaml::from_str("[400, 401]").unwrap();
        assert_eq!(several.0, [400, 401]);
        assert!(serde_yaml::from_str::<SpecHttpStatus>("70000").is_err());
        assert!(serde_yaml::from_str::<SpecHttpStatus>("[400, bad]").is_err());
        assert!(serde_yaml::from_str::<SpecHttpStatus>("none").unwrap().is_none());
        assert!(!serde_yaml::from_str::<SpecHttpStatus>("[]").unwrap().is_none());
        assert!(serde_yaml::from_str::<SpecHttpStatus>("None").is_err());
    }
}
