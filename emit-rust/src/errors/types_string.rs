//! The fixed `UnknownCodeError` of a catalogue with string codes, in place
//! of `types.rs`'s: it holds no code, since a `no_std` crate without
//! `alloc` could not own a copy of the text, and borrowing it would tie
//! the error to the input. Copied item by item into the generated crate,
//! with its docs' slots filled.

/// The error returned when a string is not a code of the table. It does
/// not hold the string: the caller has it.
///
/// ```
/// use {$krate}::{$table};
///
/// let error = {$table}::try_from({$unknown}).unwrap_err();
/// assert_eq!(error.to_string(), "unknown error code");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCodeError {
    _private: (),
}

impl ::core::fmt::Display for UnknownCodeError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("unknown error code")
    }
}

impl ::core::error::Error for UnknownCodeError {}

#[cfg(test)]
mod tests {
    use super::UnknownCodeError;

    #[test]
    fn code_errors_say_only_that() {
        let error = UnknownCodeError { _private: () };
        assert_eq!(error.to_string(), "unknown error code");
        let _: &dyn ::core::error::Error = &error;
    }
}
