//! The fixed half of the code enums' serde impls (the generated crate's
//! `serde` feature): one visitor that reads a code enum from its code or
//! its name, copied item by item into the generated crate.
//!
//! Its `use` items are for compiling it here: the generated `serde_codes`
//! module imports the same names itself. The emitter adds, per enum, the
//! `Serialize` impl (the code) and the `Coded` impl this visitor calls.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Unexpected, Visitor};

/// A generated enum that serde reads from a JSON number or string.
pub(crate) trait Coded: Sized {
    /// What the visitor expects, for serde's error message.
    const EXPECTING: &'static str;

    /// The value whose code (or alias) is `code`.
    fn by_number(code: u64) -> ::core::option::Option<Self>;

    /// The value whose code, alias or name is `text`.
    fn by_text(text: &str) -> ::core::option::Option<Self>;
}

/// Reads a `T` from its code (a number or a string) or its name.
pub(crate) struct CodeVisitor<T>(PhantomData<T>);

impl<T> CodeVisitor<T> {
    pub(crate) const fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T: Coded> Visitor<'_> for CodeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_u64<E: de::Error>(self, code: u64) -> ::core::result::Result<T, E> {
        T::by_number(code).ok_or_else(|| E::invalid_value(Unexpected::Unsigned(code), &self))
    }

    fn visit_i64<E: de::Error>(self, code: i64) -> ::core::result::Result<T, E> {
        match u64::try_from(code) {
            Ok(code) => self.visit_u64(code),
            Err(_) => Err(E::invalid_value(Unexpected::Signed(code), &self)),
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<T, E> {
        T::by_text(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

/// The code a string of its decimal digits spells, as a body's `code`
/// reads it: `"4032251"`, not `"007"`, `"+1"`, `" 1"` or `""`.
pub(crate) fn decimal(text: &str) -> ::core::option::Option<u32> {
    let plain = match text.as_bytes() {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if !plain {
        return ::core::option::Option::None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde::de::value::Error;
    use serde::de::{Deserializer, IntoDeserializer};

    use super::{CodeVisitor, Coded, decimal};

    /// A stand-in for a generated enum: `404 Not Found`, also sent as `40400`.
    #[derive(Debug, PartialEq)]
    struct NotFound;

    impl Coded for NotFound {
        const EXPECTING: &'static str = "a code or name";

        fn by_number(code: u64) -> Option<Self> {
            matches!(code, 404 | 40400).then_some(NotFound)
        }

        fn by_text(text: &str) -> Option<Self> {
            (text == "Not Found" || decimal(text).is_some_and(|code| Self::by_number(code.into()).is_some()))
                .then_some(NotFound)
        }
    }

    impl<'de> Deserialize<'de> for NotFound {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(CodeVisitor::new())
        }
    }

    fn read<'a, T: IntoDeserializer<'a, Error>>(value: T) -> Result<NotFound, Error> {
        NotFound::deserialize(value.into_deserializer())
    }

    #[test]
    fn reads_a_code_an_alias_a_digit_string_or_the_name() {
        assert_eq!(read(404u64), Ok(NotFound));
        assert_eq!(read(40400i64), Ok(NotFound));
        assert_eq!(read("404"), Ok(NotFound));
        assert_eq!(read("Not Found"), Ok(NotFound));
    }

    #[test]
    fn refuses_other_values_saying_what_it_expects() {
        for error in [read(405u64), read(-404i64), read("not found"), read("+404")] {
            let message = error.expect_err("not a listed code or name").to_string();
            assert!(message.ends_with("expected a code or name"), "{message}");
        }
    }

    #[test]
    fn decimal_takes_only_plain_digits_that_fit() {
        assert_eq!(decimal("4032251"), Some(4032251));
        assert_eq!(decimal("0"), Some(0));
        for text in ["", "007", "00", "+1", " 1", "1 ", "-1", "4294967296", "1e3"] {
            assert_eq!(decimal(text), None, "{text:?}");
        }
    }
}
