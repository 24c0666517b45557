//! The fixed half of RFC 9457 problem details (`application/problem+json`),
//! for a catalogue whose spec has `problem_details:`: the type, how it
//! reads and writes JSON, and how it is built from an error. Copied item by
//! item into the generated crate's `problem` module, like `body.rs`, the
//! slots of its example filled from the catalogue.
//!
//! Its `use` items are for compiling it here: the generated module has the
//! same names in scope.

use serde::de;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::read::ProblemRead;
use super::{BodyCode, CODE_MEMBER, ErrorCode};

/// An error as RFC 9457 problem details (`application/problem+json`), the
/// catalogue's code in an extension member (the error body's code member).
///
/// Each error's `type` is its entry in the reference page
/// ({$type_base}), so a client, or a person, can look it up.
///
/// ```
/// use {$krate}::{ErrorCode, ProblemDetails, {$table}};
///
/// let problem = ProblemDetails::from({$path}).with_detail("token expired at 10:02");
/// assert_eq!(serde_json::to_string(&problem).unwrap(), {$json});
/// let read: ProblemDetails = serde_json::from_str({$json}).unwrap();
/// assert_eq!(read.error_code(), Some({$path}));
///
/// // A client finds the error in problem details too.
/// let error = {$krate}::ApiError::from_response({$status}, {$json}.as_bytes());
/// assert_eq!(error.error_code(), Some({$path}));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ProblemDetails {
    /// `type`: a URI naming the problem; `about:blank` when the service sent none.
    pub problem_type: String,
    /// `title`: a short summary of the problem type.
    pub title: ::core::option::Option<String>,
    /// `status`: the HTTP status the service sent.
    pub status: ::core::option::Option<u16>,
    /// `detail`: what went wrong this time, for people.
    pub detail: ::core::option::Option<String>,
    /// `instance`: a URI naming this occurrence.
    pub instance: ::core::option::Option<String>,
    /// The catalogue's code, an extension member named as in the error body.
    pub code: ::core::option::Option<BodyCode>,
}

/// The problem type that says no more than the status (RFC 9457, 4.2.1).
pub(super) const ABOUT_BLANK: &str = "about:blank";

/// The error's `type` (its entry in the reference page), its name as the
/// `title`, its HTTP status and its code, without `detail` or `instance`.
impl ::core::convert::From<ErrorCode> for ProblemDetails {
    fn from(error: ErrorCode) -> Self {
        Self {
            problem_type: error.problem_type(),
            title: ::core::option::Option::Some(String::from(error.name())),
            status: ::core::option::Option::Some(error.http_status()),
            detail: ::core::option::Option::None,
            instance: ::core::option::Option::None,
            code: ::core::option::Option::Some(BodyCode::from(error)),
        }
    }
}

impl ProblemDetails {
    /// The problem with `detail`: what went wrong this time.
    #[must_use]
    pub fn with_detail(mut self, detail: impl ::core::convert::Into<String>) -> Self {
        self.detail = ::core::option::Option::Some(detail.into());
        self
    }

    /// The problem with `instance`: a URI naming this occurrence.
    #[must_use]
    pub fn with_instance(mut self, instance: impl ::core::convert::Into<String>) -> Self {
        self.instance = ::core::option::Option::Some(instance.into());
        self
    }

    /// The catalogue's error with the problem's `code`, if it lists it.
    #[must_use]
    pub fn error_code(&self) -> ::core::option::Option<ErrorCode> {
        self.code.and_then(BodyCode::error_code)
    }

    /// Reads problem details from JSON: `None` unless it is an object with any of their members.
    #[must_use]
    pub fn from_slice(json: &[u8]) -> ::core::option::Option<Self> {
        ::serde_json::from_slice::<ProblemRead>(json).ok().and_then(ProblemRead::into_problem)
    }
}

/// Writes `type` and every member that is set, the code last.
impl Serialize for ProblemDetails {
    fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(::core::option::Option::None)?;
        map.serialize_entry("type", &self.problem_type)?;
        if let ::core::option::Option::Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let ::core::option::Option::Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        if let ::core::option::Option::Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let ::core::option::Option::Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        if let ::core::option::Option::Some(code) = &self.code {
            map.serialize_entry(CODE_MEMBER, code)?;
        }
        map.end()
    }
}

/// Reads a JSON object with at least one of the problem details members
/// (`type`, `title`, `status`, `detail`, `instance`); a member of the wrong
/// type is ignored, as RFC 9457 (3.1) asks.
impl<'de> Deserialize<'de> for ProblemDetails {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
        ProblemRead::deserialize(deserializer)?.into_problem().ok_or_else(|| {
            de::Error::custom("an object without `type`, `title`, `status`, `detail` or `instance`")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{ErrorCode, ProblemDetails};

    #[test]
    fn an_error_becomes_its_type_title_status_and_code() {
        let problem =
            ProblemDetails::from(ErrorCode::NotFound).with_detail("no device 7").with_instance("/devices/7");
        let json = serde_json::to_string(&problem).unwrap();
        assert_eq!(
            json,
            r#"{"type":"https://docs.example.com/errors.html#4040000","title":"NOT_FOUND","status":404,"detail":"no device 7","instance":"/devices/7","code":4040000}"#
        );
        let read: ProblemDetails = serde_json::from_str(&json).unwrap();
        assert_eq!(read, problem);
        assert_eq!(read.error_code(), Some(ErrorCode::NotFound));
    }

    #[test]
    fn members_of_the_wrong_type_are_ignored_and_type_defaults_to_about_blank() {
        let read =
            ProblemDetails::from_slice(br#"{"title":"Gone","status":"410","detail":7,"code":"x"}"#).unwrap();
        assert_eq!(read.problem_type, "about:blank");
        assert_eq!(read.title.as_deref(), Some("Gone"));
        assert_eq!((read.status, read.detail, read.code), (None, None, None));
    }

    #[test]
    fn other_bodies_are_not_problem_details() {
        for json in [&br#"{"code":4040000,"message":"NOT_FOUND"}"#[..], b"[]", b"<html>", b""] {
            assert_eq!(ProblemDetails::from_slice(json), None, "{}", String::from_utf8_lossy(json));
        }
        assert!(serde_json::from_str::<ProblemDetails>(r#"{"code":4040000}"#).is_err());
    }
}
