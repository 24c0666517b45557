//! The fixed `ApiError`: the struct, its methods and its `Display`, copied
//! item by item into the generated crate.
//!
//! Its `use` items are for compiling it here: the generated `response`
//! module has the same names in scope.

use std::fmt;

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
            ::core::option::Option::Some(parsed) => ::core::option::Option::Some(parsed.sent_code()),
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

    /// The body's message, if it is an error body.
    #[must_use]
    pub fn message(&self) -> ::core::option::Option<&str> {
        self.body.as_ref().and_then(ErrorBody::message_text)
    }

    /// The body exactly as received, whatever it held.
    #[must_use]
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }
}

/// How many characters of a text the server sent `Display` shows: a log
/// line stays a line whatever the server sends.
const SHOWN: usize = 120;

/// The first `SHOWN` characters of `text`, and `…` when that is not all.
fn shown(text: &str) -> (&str, &'static str) {
    match text.char_indices().nth(SHOWN) {
        ::core::option::Option::Some((end, _)) => (&text[..end], "…"),
        ::core::option::Option::None => (text, ""),
    }
}

/// `HTTP <status>: ` and the error, then what the body says when that adds
/// to it; of each text the server sent, at most `SHOWN` characters.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ::core::write!(f, "HTTP {}: ", self.status)?;
        match self.kind.error_code() {
            ::core::option::Option::Some(error) => ::core::write!(f, "{error}")?,
            ::core::option::Option::None => f.write_str("an error the catalogue does not list")?,
        }
        match &self.body {
            ::core::option::Option::Some(body) => {
                match self.kind {
                    // An alias: say which code the service sent.
                    ApiErrorKind::Code(error) if body.sent_code().number() != error.code() as i128 => {
                        ::core::write!(f, " (sent as {})", body.sent_code())?;
                    }
                    ApiErrorKind::Code(_) => {}
                    _ => match body.message_text() {
                        ::core::option::Option::Some(message) => {
                            let (message, more) = shown(message);
                            ::core::write!(f, " (code {}, message {message:?}{more})", body.sent_code())?;
                        }
                        ::core::option::Option::None => ::core::write!(f, " (code {})", body.sent_code())?,
                    },
                }
                if let ::core::option::Option::Some((key, id)) = body.occurrence() {
                    // Bare, as ids are, but escaped: it cannot end the line or move the cursor.
                    let (id, more) = shown(id);
                    ::core::write!(f, " [{key} {}{more}]", id.escape_debug())?;
                }
            }
            ::core::option::Option::None if self.raw.is_empty() => {}
            ::core::option::Option::None => {
                let text = String::from_utf8_lossy(&self.raw);
                let (text, more) = shown(&text);
                ::core::write!(f, " (body: {text:?}{more})")?;
            }
        }
        Ok(())
    }
}
