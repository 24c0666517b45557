//! The fixed half of building error bodies, for servers: from an error of
//! the catalogue, with the optional fields added one by one. Copied item by
//! item into the generated crate, like `body.rs`.

use super::{BodyCode, ErrorBody, ErrorCode};

/// The error's code as a number and its name as the message, without the
/// optional fields.
impl ::core::convert::From<ErrorCode> for ErrorBody {
    fn from(error: ErrorCode) -> Self {
        Self::new(error, error.name())
    }
}

impl ErrorBody {
    #[must_use]
    pub fn new(
        code: impl ::core::convert::Into<BodyCode>,
        message: impl ::core::convert::Into<String>,
    ) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            data: ::core::option::Option::None,
            error_id: ::core::option::Option::None,
        }
    }

    #[must_use]
    pub fn with_data(mut self, data: impl ::core::convert::Into<String>) -> Self {
        self.data = ::core::option::Option::Some(data.into());
        self
    }

    #[must_use]
    pub fn with_error_id(mut self, error_id: impl ::core::convert::Into<String>) -> Self {
        self.error_id = ::core::option::Option::Some(error_id.into());
        self
    }
}
