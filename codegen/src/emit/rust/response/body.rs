//! The fixed half of error bodies: `BodyCode` and `ErrorBody` and how they
//! read and write JSON, copied item by item into the generated crate.
//!
//! Its `use` items are for compiling it here: the generated `response`
//! module imports the same names from `alloc`, `core` and `serde` itself.
//! Docs with examples from the catalogue are added by the emitter.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ErrorCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BodyCode {
    number: i128,
    quoted: bool,
}

impl BodyCode {
    #[must_use]
    pub const fn new(number: i128) -> Self {
        Self { number, quoted: false }
    }

    #[must_use]
    pub const fn quoted(number: i128) -> Self {
        Self { number, quoted: true }
    }

    #[must_use]
    pub const fn number(self) -> i128 {
        self.number
    }

    #[must_use]
    pub const fn is_quoted(self) -> bool {
        self.quoted
    }

    #[must_use]
    pub const fn error_code(self) -> ::core::option::Option<ErrorCode> {
        if self.number < 0 || self.number > u32::MAX as i128 {
            return ::core::option::Option::None;
        }
        ErrorCode::from_code(self.number as u32)
    }
}

/// The code as a JSON number, with the same value.
impl ::core::convert::From<ErrorCode> for BodyCode {
    fn from(error: ErrorCode) -> Self {
        Self::new(i128::from(error.code()))
    }
}

/// Writes the number in decimal.
impl fmt::Display for BodyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.number, f)
    }
}

impl Serialize for BodyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.collect_str(&self.number)
        } else if let Ok(number) = u64::try_from(self.number) {
            serializer.serialize_u64(number)
        } else if let Ok(number) = i64::try_from(self.number) {
            serializer.serialize_i64(number)
        } else {
            serializer.serialize_i128(self.number)
        }
    }
}

impl<'de> Deserialize<'de> for BodyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        CodeField { in_array: false }.deserialize(deserializer)
    }
}

/// Reads a code, or a one-element array of one.
#[derive(Clone, Copy)]
struct CodeField {
    in_array: bool,
}

impl<'de> DeserializeSeed<'de> for CodeField {
    type Value = BodyCode;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::core::result::Result<BodyCode, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CodeField {
    type Value = BodyCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an error code: an integer, a string of its decimal digits, or a one-element array of either",
        )
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> ::core::result::Result<BodyCode, E> {
        Ok(BodyCode::new(i128::from(number)))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> ::core::result::Result<BodyCode, E> {
        Ok(BodyCode::new(i128::from(number)))
    }

    fn visit_i128<E: de::Error>(self, number: i128) -> ::core::result::Result<BodyCode, E> {
        Ok(BodyCode::new(number))
    }

    fn visit_u128<E: de::Error>(self, number: u128) -> ::core::result::Result<BodyCode, E> {
        i128::try_from(number)
            .map(BodyCode::new)
            .map_err(|_| E::invalid_value(Unexpected::Other("an integer above 2^127"), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<BodyCode, E> {
        parse_decimal(text)
            .map(BodyCode::quoted)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<BodyCode, A::Error> {
        if self.in_array {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self));
        }
        one_element(seq, CodeField { in_array: true })
    }
}

/// The number a string of decimal digits spells, when it is only digits
/// (no sign, no space: the documented pattern is `^[0-9]{1,10}$`) written
/// as the number prints (no leading zero), so that writing it back gives
/// the same string.
fn parse_decimal(text: &str) -> ::core::option::Option<i128> {
    let canonical = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if canonical { text.parse().ok() } else { ::core::option::Option::None }
}

/// Reads a text, `null`, or a one-element array of either.
#[derive(Clone, Copy)]
struct TextField {
    in_array: bool,
}

impl<'de> DeserializeSeed<'de> for TextField {
    type Value = ::core::option::Option<String>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::core::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TextField {
    type Value = ::core::option::Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, or a one-element array of one")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<Self::Value, E> {
        Ok(::core::option::Option::Some(String::from(text)))
    }

    fn visit_string<E: de::Error>(self, text: String) -> ::core::result::Result<Self::Value, E> {
        Ok(::core::option::Option::Some(text))
    }

    fn visit_unit<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
        Ok(::core::option::Option::None)
    }

    fn visit_none<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
        Ok(::core::option::Option::None)
    }

    fn visit_some<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::core::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<Self::Value, A::Error> {
        if self.in_array {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self));
        }
        one_element(seq, TextField { in_array: true })
    }
}

/// The single element of an array that must hold exactly one.
fn one_element<'de, A: SeqAccess<'de>, S: DeserializeSeed<'de>>(
    mut seq: A,
    seed: S,
) -> ::core::result::Result<S::Value, A::Error> {
    let value =
        seq.next_element_seed(seed)?.ok_or_else(|| de::Error::invalid_length(0, &"a one-element array"))?;
    if seq.next_element::<IgnoredAny>()?.is_some() {
        return Err(de::Error::invalid_length(2, &"a one-element array"));
    }
    Ok(value)
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
// The fields' docs are `emit::body::BODY_FIELDS`, shared with the other formats.
// Built with `ErrorBody::new` and `From` (build.rs): a field added later is
// not a breaking change.
#[non_exhaustive]
pub struct ErrorBody {
    pub code: BodyCode,
    pub message: String,
    pub data: ::core::option::Option<String>,
    pub error_id: ::core::option::Option<String>,
}

impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
        let fields = 2 + usize::from(self.data.is_some()) + usize::from(self.error_id.is_some());
        let mut body = serializer.serialize_struct("ErrorBody", fields)?;
        body.serialize_field("code", &self.code)?;
        body.serialize_field("message", &self.message)?;
        match &self.data {
            ::core::option::Option::Some(data) => body.serialize_field("data", data)?,
            ::core::option::Option::None => body.skip_field("data")?,
        }
        match &self.error_id {
            ::core::option::Option::Some(id) => body.serialize_field("errorId", id)?,
            ::core::option::Option::None => body.skip_field("errorId")?,
        }
        body.end()
    }
}

impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        deserializer.deserialize_map(BodyVisitor)
    }
}

struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = ErrorBody;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body: an object with `code` and `message`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<ErrorBody, A::Error> {
        let mut code = ::core::option::Option::None;
        let mut message = ::core::option::Option::None;
        let mut data = ::core::option::Option::None;
        let mut error_id = ::core::option::Option::None;
        while let ::core::option::Option::Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Code => {
                    let value = map.next_value_seed(CodeField { in_array: false })?;
                    once(&mut code, value, "code")?;
                }
                Field::Message => {
                    let value = map.next_value_seed(TextField { in_array: false })?;
                    once(&mut message, value, "message")?;
                }
                Field::Data => {
                    let value = map.next_value_seed(TextField { in_array: false })?;
                    once(&mut data, value, "data")?;
                }
                Field::ErrorId => {
                    let value = map.next_value_seed(TextField { in_array: false })?;
                    once(&mut error_id, value, "errorId")?;
                }
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(ErrorBody {
            code: code.ok_or_else(|| de::Error::missing_field("code"))?,
            message: message.flatten().ok_or_else(|| de::Error::missing_field("message"))?,
            data: data.flatten(),
            error_id: error_id.flatten(),
        })
    }
}

/// The `code` of a body that is not a whole `ErrorBody` (no `message`, or
/// a field of another shape), every other field ignored: such a body still
/// says which error it is.
pub(super) struct BodyCodeOnly(pub(super) ::core::option::Option<BodyCode>);

impl<'de> Deserialize<'de> for BodyCodeOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        deserializer.deserialize_map(CodeOnlyVisitor)
    }
}

struct CodeOnlyVisitor;

impl<'de> Visitor<'de> for CodeOnlyVisitor {
    type Value = BodyCodeOnly;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<BodyCodeOnly, A::Error> {
        let mut code = ::core::option::Option::None;
        while let ::core::option::Option::Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Code => {
                    let value = map.next_value_seed(CodeField { in_array: false })?;
                    once(&mut code, value, "code")?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(BodyCodeOnly(code))
    }
}

/// Stores a field's value, refusing a second one.
fn once<T, E: de::Error>(
    slot: &mut ::core::option::Option<T>,
    value: T,
    name: &'static str,
) -> ::core::result::Result<(), E> {
    if slot.replace(value).is_some() {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

enum Field {
    Code,
    Message,
    Data,
    ErrorId,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> ::core::result::Result<Field, E> {
        Ok(match name {
            "code" => Field::Code,
            "message" => Field::Message,
            "data" => Field::Data,
            "errorId" => Field::ErrorId,
            _ => Field::Other,
        })
    }
}
