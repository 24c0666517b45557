//! The fixed half of `ApiError`: the struct and its methods, copied item by
//! item into the generated crate (its `Display` names the catalogue's
//! tables, so the emitter writes that).
//!
//! Its `use` items are for compiling it here: the generated `response`
//! module has the same names in scope.

use super::{ApiErrorKind, BodyCodeOnly, ErrorBody, ErrorCode, Recovery};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    status: u16,
    kind: ApiErrorKind,
    body: ::core::option::Option<ErrorBody>,
    raw: Vec<u8>,
}

impl ApiError {
    /// Classifies a response from its HTTP status and body bytes.
    /// A body that is not an error body is kept as bytes, and classified
    /// by its `code` when it has one.
    #[must_use]
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        let parsed = ::serde_json::from_slice::<ErrorBody>(body).ok();
        let code = match &parsed {
            ::core::option::Option::Some(parsed) => ::core::option::Option::Some(parsed.code),
            // No `message`, or a field of another shape: the code still says what went wrong.
            ::core::option::Option::None => {
                ::serde_json::from_slice::<BodyCodeOnly>(body).ok().and_then(|only| only.0)
            }
        };
        let kind = ApiErrorKind::classify(status, code);
        Self { status, kind, body: parsed, raw: Vec::from(body) }
    }

    /// Classifies an `http::Response` (features `serde` and `http`).
    #[cfg(feature = "http")]
    #[must_use]
    pub fn from_http_response<B: ::core::convert::AsRef<[u8]>>(response: &::http::Response<B>) -> Self {
        Self::from_response(response.status().as_u16(), response.body().as_ref())
    }

    /// The HTTP status.
    #[must_use]
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// The most specific classification of the error.
    #[must_use]
    pub const fn kind(&self) -> ApiErrorKind {
        self.kind
    }

    /// The catalogue's error, if the code or the status is listed.
    #[must_use]
    pub const fn error_code(&self) -> ::core::option::Option<ErrorCode> {
        self.kind.error_code()
    }

    /// What a client should do, if the catalogue says.
    #[must_use]
    pub const fn recovery(&self) -> ::core::option::Option<Recovery> {
        self.kind.recovery()
    }

    /// The body, if it is an error body.
    #[must_use]
    pub const fn body(&self) -> ::core::option::Option<&ErrorBody> {
        self.body.as_ref()
    }

    /// The body's `message`, if it is an error body.
    #[must_use]
    pub fn message(&self) -> ::core::option::Option<&str> {
        self.body.as_ref().map(|body| body.message.as_str())
    }

    /// The body exactly as received, whatever it held.
    #[must_use]
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }
}
