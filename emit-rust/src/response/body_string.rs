//! The fixed `BodyCode` of a catalogue with string codes, and how it is
//! read: in place of `body.rs`'s numeric one, copied item by item into the
//! generated crate, with its docs' slots filled; the rest of `body.rs` is
//! the same for both.
//!
//! The code is kept inline, up to `BodyCode::CAPACITY` bytes, so that
//! `BodyCode` stays `Copy` (as `ApiErrorKind` and `ProblemDetails` need)
//! in a `no_std` crate.

use std::fmt;

use serde::de::{self, DeserializeSeed, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use self::stand_in::ErrorCode;
use super::one_element;

/// The `code` of an error body, exactly as the service sent it.
///
/// A service may send a code the catalogue does not list: it is kept,
/// never an error. A code is read from a JSON string of at most
/// [`BodyCode::CAPACITY`] bytes, a JSON integer (as its decimal text: a
/// service may send the code `"1001"` as `1001`), or a one-element array
/// of either, and is written back as a string. It is kept inline, so that
/// `BodyCode` is `Copy`.
///
/// ```
/// use {$krate}::{ErrorCode, {$table}};
/// use {$krate}::BodyCode;
///
/// let known: BodyCode = serde_json::from_str({$sent_json}).unwrap();
/// assert_eq!(known.error_code(), Some({$path}));
///
/// let unknown: BodyCode = serde_json::from_str({$unknown_json}).unwrap();
/// assert_eq!(unknown.error_code(), None);
/// assert_eq!(unknown.as_str(), {$unknown});
/// assert_eq!(serde_json::to_string(&unknown).unwrap(), {$unknown_json});
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyCode {
    len: u8,
    bytes: [u8; BodyCode::CAPACITY],
}

impl BodyCode {
    /// The longest code, in bytes, that a `BodyCode` holds.
    pub const CAPACITY: usize = 64;

    /// A code, if it is at most [`BodyCode::CAPACITY`] bytes long.
    ///
    /// ```
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(BodyCode::new({$unknown}).map(|code| code.to_string()).as_deref(), Some({$unknown}));
    /// assert_eq!(BodyCode::new(&"x".repeat(BodyCode::CAPACITY + 1)), None);
    /// ```
    #[must_use]
    pub const fn new(code: &str) -> ::core::option::Option<Self> {
        if code.len() > Self::CAPACITY {
            return ::core::option::Option::None;
        }
        let mut bytes = [0; Self::CAPACITY];
        let mut i = 0;
        while i < code.len() {
            bytes[i] = code.as_bytes()[i];
            i += 1;
        }
        // At most `CAPACITY` (64) bytes: the length fits a `u8`.
        ::core::option::Option::Some(Self { len: code.len() as u8, bytes })
    }

    /// The code, exactly as sent (an alias stays the alias).
    ///
    /// ```
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(BodyCode::new({$unknown}).unwrap().as_str(), {$unknown});
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // The bytes are those of a `&str` cut at its end: always UTF-8.
        ::core::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default()
    }

    /// A code sent as a JSON integer: its decimal text (at most 40
    /// bytes, so it always fits).
    fn integer(number: i128) -> Self {
        let mut digits = [0; 40];
        let mut start = digits.len();
        let mut rest = number.unsigned_abs();
        loop {
            start -= 1;
            // A digit: `rest % 10` is below 10.
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if number < 0 {
            start -= 1;
            digits[start] = b'-';
        }
        let mut bytes = [0; Self::CAPACITY];
        bytes[..digits.len() - start].copy_from_slice(&digits[start..]);
        // At most 40 bytes: the length fits a `u8`.
        Self { len: (digits.len() - start) as u8, bytes }
    }

    /// The catalogue's error with this code, or with this alias.
    ///
    /// ```
    /// use {$krate}::{ErrorCode, {$table}};
    /// use {$krate}::BodyCode;
    ///
    /// assert_eq!(BodyCode::new({$code}).unwrap().error_code(), Some({$path}));
    /// assert_eq!(BodyCode::new({$unknown}).unwrap().error_code(), None);
    /// ```
    #[must_use]
    pub fn error_code(self) -> ::core::option::Option<ErrorCode> {
        ErrorCode::from_code(self.as_str())
    }
}

/// The code, as the catalogue writes it.
impl ::core::convert::From<ErrorCode> for BodyCode {
    fn from(error: ErrorCode) -> Self {
        // Validation keeps every code of the catalogue within `CAPACITY`.
        Self::new(error.code()).unwrap_or(Self { len: 0, bytes: [0; Self::CAPACITY] })
    }
}

/// Writes the code as it was sent.
impl fmt::Display for BodyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for BodyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("BodyCode").field(&self.as_str()).finish()
    }
}

impl Serialize for BodyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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
            "an error code: a string of at most 64 bytes, an integer, or a one-element array of either",
        )
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> ::core::result::Result<BodyCode, E> {
        Ok(BodyCode::integer(i128::from(number)))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> ::core::result::Result<BodyCode, E> {
        Ok(BodyCode::integer(i128::from(number)))
    }

    fn visit_i128<E: de::Error>(self, number: i128) -> ::core::result::Result<BodyCode, E> {
        Ok(BodyCode::integer(number))
    }

    fn visit_u128<E: de::Error>(self, number: u128) -> ::core::result::Result<BodyCode, E> {
        i128::try_from(number)
            .map(BodyCode::integer)
            .map_err(|_| E::invalid_value(Unexpected::Other("an integer above 2^127"), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<BodyCode, E> {
        BodyCode::new(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<BodyCode, A::Error> {
        if self.in_array {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self));
        }
        one_element(seq, CodeField { in_array: true })
    }
}

/// A stand-in for the generated `ErrorCode` of a string catalogue: `card_declined`,
/// also sent as `card_refused`.
#[cfg(test)]
mod stand_in {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum ErrorCode {
        CardDeclined,
    }

    impl ErrorCode {
        pub fn from_code(code: &str) -> Option<Self> {
            matches!(code, "card_declined" | "card_refused").then_some(Self::CardDeclined)
        }

        pub const fn code(self) -> &'static str {
            "card_declined"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<BodyCode, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn reads_a_string_or_a_one_element_array_and_writes_it_back() {
        let code = read(r#""card_refused""#).unwrap();
        assert_eq!(code.as_str(), "card_refused");
        assert_eq!(code.error_code(), Some(ErrorCode::CardDeclined));
        assert_eq!(read(r#"["card_refused"]"#).unwrap(), code);
        assert_eq!(serde_json::to_string(&code).unwrap(), r#""card_refused""#);
        assert_eq!(format!("{code} {code:?}"), r#"card_refused BodyCode("card_refused")"#);
        assert_eq!(BodyCode::from(ErrorCode::CardDeclined).as_str(), "card_declined");
        assert_eq!(read(r#""other""#).unwrap().error_code(), None);
    }

    #[test]
    fn reads_an_integer_as_its_decimal_text() {
        for (json, text) in [
            ("1001", "1001"),
            ("[0]", "0"),
            ("-7", "-7"),
            ("18446744073709551615", "18446744073709551615"),
            ("-9223372036854775808", "-9223372036854775808"),
        ] {
            let code = read(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(code.as_str(), text, "{json}");
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{text}\""));
        }
        for number in [i128::MIN, i128::MAX, 0, -1] {
            assert_eq!(BodyCode::integer(number).as_str(), number.to_string());
        }
        assert_eq!(read("1001").unwrap(), read(r#""1001""#).unwrap());
    }

    #[test]
    fn refuses_fractions_nested_arrays_and_codes_past_the_capacity() {
        let long = format!("\"{}\"", "x".repeat(BodyCode::CAPACITY + 1));
        // serde_json reads an integer past 64 bits as a float.
        let fractions = ["1001.0", "1e3", "18446744073709551616"];
        for json in fractions.into_iter().chain(["[[\"a\"]]", "[]", "[\"a\",\"b\"]", "[[1]]", long.as_str()])
        {
            assert!(read(json).is_err(), "{json} was accepted");
        }
        let full = "é".repeat(BodyCode::CAPACITY / 2);
        assert_eq!(BodyCode::new(&full).map(|code| code.len), Some(64));
        assert_eq!(BodyCode::new(&full).unwrap().as_str(), full);
    }
}
