//! The fixed `UnknownCodeError` and `UnknownNameError`, copied item by
//! item into the generated crate; their examples' slots name the
//! catalogue's first table.

/// The error returned when a number is not a code of the table.
///
/// ```
/// use {$krate}::{$table};
///
/// let error = {$table}::try_from({$unknown}).unwrap_err();
/// assert_eq!(error.code(), {$unknown});
/// assert_eq!(error.to_string(), "unknown error code {$unknown}");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCodeError {
    code: u32,
}

impl UnknownCodeError {
    /// The number that is not a code of the table.
    ///
    /// ```
    /// use {$krate}::{$table};
    ///
    /// assert_eq!({$table}::try_from({$unknown}).unwrap_err().code(), {$unknown});
    /// ```
    #[must_use]
    pub const fn code(&self) -> u32 {
        self.code
    }
}

impl ::core::fmt::Display for UnknownCodeError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, "unknown error code {}", self.code)
    }
}

impl ::core::error::Error for UnknownCodeError {}

/// The error returned when parsing a string that is not a name of the
/// table. Only the exact name parses: not a code, not another case.
///
/// ```
/// use {$krate}::{$table};
///
/// let error = {$not_a_name}.parse::<{$table}>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown error name");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownNameError {
    _private: (),
}

impl ::core::fmt::Display for UnknownNameError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("unknown error name")
    }
}

impl ::core::error::Error for UnknownNameError {}

#[cfg(test)]
mod tests {
    use super::{UnknownCodeError, UnknownNameError};

    #[test]
    fn code_errors_keep_the_number_and_say_it() {
        let error = UnknownCodeError { code: 4_040_001 };
        assert_eq!(error.code(), 4_040_001);
        assert_eq!(error.to_string(), "unknown error code 4040001");
        let _: &dyn ::core::error::Error = &error;
    }

    #[test]
    fn name_errors_say_only_that() {
        let error = UnknownNameError { _private: () };
        assert_eq!(error.to_string(), "unknown error name");
        let _: &dyn ::core::error::Error = &error;
    }
}
