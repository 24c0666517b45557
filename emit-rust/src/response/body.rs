//! The fixed half of error bodies: `BodyCode`, how members are read, and
//! how an `ErrorBody` is read and written around its members (inside an
//! envelope or not), copied item by item into the generated crate. The
//! members themselves vary with the spec: `ErrorBody`, its `CODE_KEY` and
//! `ENVELOPE`, `BodyVisitor` and the `Serialize` of `Members` are
//! generated (see `stand_in.rs` for their shape).
//!
//! Its `use` items are for compiling it here: the generated `response`
//! module imports the same names from `alloc`, `core` and `serde` itself.
//! The examples in its docs name the catalogue through slots (`{$path}`).

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{BodyVisitor, ErrorBody, ErrorCode};

/// The `code` of an error body, exactly as the service sent it.
///
/// A service may send a code the catalogue does not list: it is kept,
/// never an error. A code is read from a JSON integer, a string of its
/// decimal digits (`"4000000"`) or a one-element array of either, and
/// is written back as it was read (a number, or a string).
///
/// ```
/// use {$krate}::{ErrorCode, {$table}};
/// use {$krate}::BodyCode;
///
/// let known: BodyCode = serde_json::from_str("{$sent}").unwrap();
/// assert_eq!(known.error_code(), Some({$path}));
///
/// let unknown: BodyCode = serde_json::from_str("\"{$unknown}\"").unwrap();
/// assert_eq!(unknown.error_code(), None);
/// assert_eq!(unknown.number(), {$unknown});
/// assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"{$unknown}\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BodyCode {
    number: i128,
    quoted: bool,
}

impl BodyCode {
    /// A code sent as a JSON number.
    ///
    /// ```
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(serde_json::to_string(&BodyCode::new({$unknown})).unwrap(), "{$unknown}");
    /// ```
    #[must_use]
    pub const fn new(number: i128) -> Self {
        Self { number, quoted: false }
    }

    /// A code sent as a JSON string of its decimal digits.
    ///
    /// ```
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(serde_json::to_string(&BodyCode::quoted({$unknown})).unwrap(), "\"{$unknown}\"");
    /// ```
    #[must_use]
    pub const fn quoted(number: i128) -> Self {
        Self { number, quoted: true }
    }

    /// The number, exactly as sent (an alias stays the alias).
    ///
    /// ```
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(BodyCode::new(-{$unknown}).number(), -{$unknown});
    /// ```
    #[must_use]
    pub const fn number(self) -> i128 {
        self.number
    }

    /// Whether the code was sent as a string.
    ///
    /// ```
    /// use {$krate}::BodyCode;
    ///
    /// assert!(BodyCode::quoted({$unknown}).is_quoted());
    /// assert!(!BodyCode::new({$unknown}).is_quoted());
    /// ```
    #[must_use]
    pub const fn is_quoted(self) -> bool {
        self.quoted
    }

    /// The catalogue's error with this code, or with this alias.
    ///
    /// ```
    /// use {$krate}::{ErrorCode, {$table}};
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(BodyCode::new({$code}).error_code(), Some({$path}));
    /// assert_eq!(BodyCode::new({$unknown}).error_code(), None);
    /// ```
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
pub(super) struct CodeField {
    pub(super) in_array: bool,
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

/// Reads a text, `null`, or a one-element array of either; when
/// `lenient` (a details member, which APIs fill with objects as often as
/// with text), any other JSON value as no text instead of an error.
#[derive(Clone, Copy)]
pub(super) struct TextField {
    pub(super) in_array: bool,
    pub(super) lenient: bool,
}

impl TextField {
    /// A value that is no text: none when lenient, else an error.
    fn other<E: de::Error>(
        self,
        unexpected: Unexpected<'_>,
    ) -> ::core::result::Result<::core::option::Option<String>, E> {
        if self.lenient {
            Ok(::core::option::Option::None)
        } else {
            Err(de::Error::invalid_type(unexpected, &self))
        }
    }
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

    fn visit_bool<E: de::Error>(self, value: bool) -> ::core::result::Result<Self::Value, E> {
        self.other(Unexpected::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> ::core::result::Result<Self::Value, E> {
        self.other(Unexpected::Signed(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> ::core::result::Result<Self::Value, E> {
        self.other(Unexpected::Unsigned(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> ::core::result::Result<Self::Value, E> {
        self.other(Unexpected::Float(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<Self::Value, A::Error> {
        let none = self.other(Unexpected::Map)?;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(none)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> ::core::result::Result<Self::Value, A::Error> {
        if !self.lenient {
            if self.in_array {
                return Err(de::Error::invalid_type(Unexpected::Seq, &self));
            }
            return one_element(seq, TextField { in_array: true, lenient: false });
        }
        // Lenient: the first element's text, if it is one; the rest skipped.
        let first = match self.in_array {
            true => ::core::option::Option::None,
            false => seq.next_element_seed(TextField { in_array: true, lenient: true })?.flatten(),
        };
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(first)
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

/// Writes the members, inside the envelope when there is one.
impl Serialize for ErrorBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
        match Self::ENVELOPE {
            ::core::option::Option::Some(key) => {
                let mut envelope = serializer.serialize_struct("ErrorEnvelope", 1)?;
                envelope.serialize_field(key, &Members(self))?;
                envelope.end()
            }
            ::core::option::Option::None => Members(self).serialize(serializer),
        }
    }
}

/// The members of a body, as one object.
pub(super) struct Members<'a>(pub(super) &'a ErrorBody);

/// Reads the members, inside the envelope when there is one.
impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        match Self::ENVELOPE {
            ::core::option::Option::Some(key) => {
                deserializer.deserialize_map(Envelope { key, inner: BodyVisitor })
            }
            ::core::option::Option::None => deserializer.deserialize_map(BodyVisitor),
        }
    }
}

/// Reads the object in the member `key` of an envelope with `inner`,
/// every other member ignored.
struct Envelope<V> {
    key: &'static str,
    inner: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Envelope<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ::core::write!(f, "an object with `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<V::Value, A::Error> {
        let mut inner = ::core::option::Option::Some(self.inner);
        let mut value = ::core::option::Option::None;
        while let ::core::option::Option::Some(is_envelope) = map.next_key_seed(KeyIs(self.key))? {
            if !is_envelope {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let ::core::option::Option::Some(visitor) = inner.take() else {
                return Err(de::Error::duplicate_field(self.key));
            };
            value = ::core::option::Option::Some(
                map.next_value_seed(MapSeed { inner: visitor, in_array: false })?,
            );
        }
        value.ok_or_else(|| de::Error::missing_field(self.key))
    }
}

/// Reads a map with a visitor: the envelope's value, or a one-element
/// array of it (`{"errors": [{…}]}`).
struct MapSeed<V> {
    inner: V,
    in_array: bool,
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for MapSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> ::core::result::Result<V::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for MapSeed<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)?;
        f.write_str(", or a one-element array of one")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> ::core::result::Result<V::Value, A::Error> {
        self.inner.visit_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<V::Value, A::Error> {
        if self.in_array {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self));
        }
        one_element(seq, MapSeed { inner: self.inner, in_array: true })
    }
}

/// Reads a member's name: whether it is the one sought.
#[derive(Clone, Copy)]
struct KeyIs(&'static str);

impl<'de> DeserializeSeed<'de> for KeyIs {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<bool, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeyIs {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> ::core::result::Result<bool, E> {
        Ok(name == self.0)
    }
}

/// The code of a body that is not a whole `ErrorBody` (a required member
/// missing, or one of another shape), every other member ignored: such a
/// body still says which error it is.
pub(super) struct BodyCodeOnly(pub(super) ::core::option::Option<BodyCode>);

impl<'de> Deserialize<'de> for BodyCodeOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        match ErrorBody::ENVELOPE {
            ::core::option::Option::Some(key) => {
                deserializer.deserialize_map(Envelope { key, inner: CodeOnlyVisitor })
            }
            ::core::option::Option::None => deserializer.deserialize_map(CodeOnlyVisitor),
        }
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
        while let ::core::option::Option::Some(is_code) = map.next_key_seed(KeyIs(ErrorBody::CODE_KEY))? {
            if is_code {
                let value = map.next_value_seed(CodeField { in_array: false })?;
                once(&mut code, value, ErrorBody::CODE_KEY)?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(BodyCodeOnly(code))
    }
}

/// Stores a member's value, refusing a second one.
pub(super) fn once<T, E: de::Error>(
    slot: &mut ::core::option::Option<T>,
    value: T,
    name: &'static str,
) -> ::core::result::Result<(), E> {
    if slot.replace(value).is_some() {
        return Err(E::duplicate_field(name));
    }
    Ok(())
}

/// The string codes' `BodyCode`, compiled and tested here beside the
/// `one_element` it shares.
#[cfg(test)]
#[path = "body_string.rs"]
mod body_string;

#[cfg(test)]
mod tests {
    use serde::Deserializer as _;

    use super::*;

    fn in_envelope<'de, V: Visitor<'de>>(json: &'de str, inner: V) -> Result<V::Value, serde_json::Error> {
        (&mut serde_json::Deserializer::from_str(json)).deserialize_map(Envelope { key: "error", inner })
    }

    #[test]
    fn an_envelope_holds_the_members_and_nothing_else_counts() {
        let body =
            in_envelope(r#"{"status":402,"error":{"code":[402],"message":"X"},"code":1}"#, BodyVisitor)
                .unwrap();
        assert_eq!((body.code, body.message.as_str()), (BodyCode::new(402), "X"));
        let listed = in_envelope(r#"{"error":[{"code":88,"message":"Y"}]}"#, BodyVisitor).unwrap();
        assert_eq!((listed.code, listed.message.as_str()), (BodyCode::new(88), "Y"));
        let only = in_envelope(r#"{"error":{"code":"402"},"x":{"error":1}}"#, CodeOnlyVisitor).unwrap();
        assert_eq!(only.0, Some(BodyCode::quoted(402)));
        for json in [
            r#"{"code":402,"message":"X"}"#,
            r#"{"error":{"code":1,"message":"X"},"error":{"code":2,"message":"Y"}}"#,
            r#"{"error":[402,"X"]}"#,
            r#"{"error":[]}"#,
            r#"{"error":[{"code":1,"message":"X"},{"code":2,"message":"Y"}]}"#,
            r#"{"error":[[{"code":1,"message":"X"}]]}"#,
            r#"{"error":null}"#,
            r#"[{"code":402,"message":"X"}]"#,
        ] {
            assert!(in_envelope(json, BodyVisitor).is_err(), "{json} was accepted");
        }
    }
}
