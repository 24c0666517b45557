//! A hand-written stand-in for the generated items that the fixed response
//! code names (`ErrorCode`, `Recovery`, `ApiErrorKind`): two codes, one
//! alias, and no HTTP status table, so that code compiles and runs here.

use std::fmt;

use super::BodyCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recovery {
    Retry,
    FixRequest,
}

/// `4040000 NOT_FOUND` (also sent as `40400`) and `5000000 INTERNAL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    NotFound,
    Internal,
}

impl ErrorCode {
    pub const fn from_code(code: u32) -> Option<Self> {
        match code {
            4040000 | 40400 => Some(Self::NotFound),
            5000000 => Some(Self::Internal),
            _ => None,
        }
    }

    pub const fn code(self) -> u32 {
        match self {
            Self::NotFound => 4040000,
            Self::Internal => 5000000,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Self::NotFound => "NOT_FOUND",
            Self::Internal => "INTERNAL",
        }
    }

    pub const fn http_status(self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Internal => 500,
        }
    }

    /// As generated for a spec with `problem_details:`.
    pub fn problem_type(self) -> String {
        format!("https://docs.example.com/errors.html#{}", self.code())
    }

    pub const fn recovery(self) -> Option<Recovery> {
        match self {
            Self::NotFound => Some(Recovery::FixRequest),
            Self::Internal => Some(Recovery::Retry),
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("4040000 NOT_FOUND: No such thing."),
            Self::Internal => f.write_str("5000000 INTERNAL: Something broke."),
        }
    }
}

/// As generated for a catalogue without an HTTP status table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApiErrorKind {
    Code(ErrorCode),
    Unknown { status: u16, code: Option<BodyCode> },
}

impl ApiErrorKind {
    pub const fn classify(status: u16, code: Option<BodyCode>) -> Self {
        if let Some(body_code) = code
            && let Some(error) = body_code.error_code()
        {
            return Self::Code(error);
        }
        Self::Unknown { status, code }
    }

    pub const fn error_code(self) -> Option<ErrorCode> {
        match self {
            Self::Code(error) => Some(error),
            Self::Unknown { .. } => None,
        }
    }

    pub const fn recovery(self) -> Option<Recovery> {
        match self.error_code() {
            Some(error) => error.recovery(),
            None => None,
        }
    }
}
