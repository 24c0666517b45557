//! A hand-written stand-in for the generated items that the fixed response
//! code names (`ErrorCode`, `Recovery`, `ApiErrorKind`, and the body's
//! members: `ErrorBody`, `BodyVisitor`, `Members`' `Serialize`, and
//! `read_problem`): two codes, one alias, Knox's body, problem details and
//! no HTTP status table, so that code compiles and runs here.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::BodyCode;
use super::api_error::FirstRead;
use super::body::{CodeField, Members, TextField, once};

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

/// As generated for `body: {code: code, message: message, details: data,
/// occurrence_id: errorId}`, without an envelope.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ErrorBody {
    pub code: BodyCode,
    pub message: String,
    pub data: Option<String>,
    pub error_id: Option<String>,
}

impl ErrorBody {
    pub(super) const CODE_KEY: &'static str = "code";
    pub(super) const ENVELOPE: Option<&'static str> = None;

    pub(super) fn sent_code(&self) -> BodyCode {
        self.code
    }

    pub(super) fn message_text(&self) -> Option<&str> {
        Some(self.message.as_str())
    }

    pub(super) fn occurrence(&self) -> Option<(&'static str, &str)> {
        self.error_id.as_deref().map(|id| ("errorId", id))
    }
}

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let body = self.0;
        let fields = 2 + usize::from(body.data.is_some()) + usize::from(body.error_id.is_some());
        let mut members = serializer.serialize_struct("ErrorBody", fields)?;
        members.serialize_field("code", &body.code)?;
        members.serialize_field("message", &body.message)?;
        match &body.data {
            Some(value) => members.serialize_field("data", value)?,
            None => members.skip_field("data")?,
        }
        match &body.error_id {
            Some(value) => members.serialize_field("errorId", value)?,
            None => members.skip_field("errorId")?,
        }
        members.end()
    }
}

pub(super) struct BodyVisitor;

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = ErrorBody;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error body: an object with `code` and `message`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorBody, A::Error> {
        let mut code = None;
        let mut message = None;
        let mut data = None;
        let mut error_id = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Code => {
                    let value = map.next_value_seed(CodeField { in_array: false })?;
                    once(&mut code, value, "code")?;
                }
                Field::Message => {
                    let value = map.next_value_seed(TextField { in_array: false, lenient: false })?;
                    once(&mut message, value, "message")?;
                }
                Field::Details => {
                    let value = map.next_value_seed(TextField { in_array: false, lenient: true })?;
                    once(&mut data, value, "data")?;
                }
                Field::OccurrenceId => {
                    let value = map.next_value_seed(TextField { in_array: false, lenient: false })?;
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

enum Field {
    Code,
    Message,
    Details,
    OccurrenceId,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
        Ok(match name {
            "code" => Field::Code,
            "message" => Field::Message,
            "data" => Field::Details,
            "errorId" => Field::OccurrenceId,
            _ => Field::Other,
        })
    }
}

/// As generated for a spec with `problem_details:`.
pub(super) fn read_problem(body: &[u8]) -> FirstRead {
    crate::problem::read::first_read(body)
}
