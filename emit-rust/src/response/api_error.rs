//! The fixed `ApiError`: the struct, its methods and its `Display`, copied
//! item by item into the generated crate, with its docs' slots filled.
//!
//! Its `use` items are for compiling it here: the generated `response`
//! module has the same names in scope.

use std::fmt;

use super::{ApiErrorKind, BodyCode, BodyCodeOnly, ErrorBody, ErrorCode, Recovery, read_problem};

/// An error response, classified as specifically as the catalogue
/// allows, with everything the service sent kept.
///
/// ```
/// use {$krate}::{ApiError, ApiErrorKind, ErrorCode, {$recovery_use}{$table}};
///
/// let error = ApiError::from_response({$status}, {$bytes});
/// assert_eq!(error.kind(), ApiErrorKind::Code({$path}));
/// {$checks}
///
/// // A body that is not JSON is kept as it came.
/// let error = ApiError::from_response(502, b"<html>Bad Gateway</html>");
/// assert!(error.body().is_none());
/// assert_eq!(error.raw_body(), b"<html>Bad Gateway</html>");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiError {
    status: u16,
    kind: ApiErrorKind,
    body: ::core::option::Option<ErrorBody>,
    problem: ProblemMembers,
    raw: Vec<u8>,
    retry_after: ::core::option::Option<::core::time::Duration>,
    #[cfg(errcat_params)]
    /// Where the params of the catalogue's values are in the body, found
    /// in the pass that read it: `value` decodes only those.
    params: param_spans::ParamSpans,
}

/// What `ApiError` keeps of a body that is RFC 9457 problem details rather
/// than an error body: their code, `detail` and `instance`; each `None`
/// when the body is not one, or the API does not answer with them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ProblemMembers {
    pub(crate) code: ::core::option::Option<BodyCode>,
    pub(crate) detail: ::core::option::Option<String>,
    pub(crate) instance: ::core::option::Option<String>,
}

impl ProblemMembers {
    /// Nothing: the body is an error body, or not problem details.
    pub(crate) const NONE: Self = Self {
        code: ::core::option::Option::None,
        detail: ::core::option::Option::None,
        instance: ::core::option::Option::None,
    };
}

/// What `from_response` learns from a first pass over a JSON object, when
/// the API answers with problem details (`read_problem`): whether the body
/// can be an error body, what to keep of problem details if it is not one,
/// and the code it says then, if the pass could tell.
pub(crate) struct FirstRead {
    pub(crate) maybe_body: bool,
    pub(crate) problem: ProblemMembers,
    pub(crate) code_only: ::core::option::Option<::core::option::Option<BodyCode>>,
}

impl FirstRead {
    /// Nothing learnt: the body is read as an error body, then for its code alone.
    pub(crate) const UNREAD: Self =
        Self { maybe_body: true, problem: ProblemMembers::NONE, code_only: ::core::option::Option::None };
}

impl ApiError {
    /// The longest delay [`retry_after`](Self::retry_after) reports: one
    /// day. A longer `Retry-After` (a server may send up to 2^64 - 1
    /// seconds, or a date centuries away) reads as this, so that
    /// `Instant::now() + delay` or a timer's deadline cannot overflow on
    /// any platform, and a client never waits longer than a day on one hint.
    pub const MAX_RETRY_AFTER: ::core::time::Duration = ::core::time::Duration::from_secs(24 * 60 * 60);

    /// Classifies a response from its HTTP status and body bytes.
    /// A body that is not an error body is kept as bytes, and classified
    /// by its `code` when it has one. The bytes are copied, to be kept:
    /// [`from_response_owned`](Self::from_response_owned) keeps a body the
    /// caller owns without a copy.
    #[must_use]
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        Self::from_response_owned(status, Vec::from(body))
    }

    /// Classifies a response from its HTTP status and a body the caller
    /// owns, as [`from_response`](Self::from_response) does, keeping that
    /// body as [`raw_body`](Self::raw_body) without copying it.
    ///
    /// ```
    /// use {$krate}::ApiError;
    ///
    /// let body = b"<html>Bad Gateway</html>".to_vec();
    /// let error = ApiError::from_response_owned(502, body);
    /// assert_eq!(error, ApiError::from_response(502, b"<html>Bad Gateway</html>"));
    /// ```
    #[must_use]
    pub fn from_response_owned(status: u16, body: Vec<u8>) -> Self {
        // Made once and read in place: an `ApiError` is a few hundred
        // bytes, and every move of it would copy them.
        let mut error = Self {
            status,
            kind: ApiErrorKind::classify(status, ::core::option::Option::None),
            body: ::core::option::Option::None,
            problem: ProblemMembers::NONE,
            raw: body,
            retry_after: ::core::option::Option::None,
            #[cfg(errcat_params)]
            params: param_spans::ParamSpans::NONE,
        };
        error.read();
        error
    }

    /// Reads the raw body: its kind, its parsed body or problem details,
    /// and (with params) where they are.
    fn read(&mut self) {
        let body = &self.raw[..];
        // Each reading below wants a JSON object: a body that starts as
        // anything else (an HTML page, plain text) is kept as it came,
        // without three parses to learn that.
        let first = body.iter().find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'));
        if first != ::core::option::Option::Some(&b'{') {
            return;
        }
        // Problem details, where the API answers with them, are read first,
        // in one pass that also says whether the body can be an error body
        // and which code it sends: such a body is parsed once.
        let read = read_problem(body);
        // Whether the body is an error body, read into `self.body`.
        #[cfg(not(errcat_params))]
        let is_body = read.maybe_body && {
            self.body = ::serde_json::from_slice::<ErrorBody>(body).ok();
            self.body.is_some()
        };
        // A catalogue with params keeps where they are, found in the same
        // pass, which reads the body into its place.
        #[cfg(errcat_params)]
        let is_body = read.maybe_body && param_spans::read_body(body, &mut self.params, &mut self.body);
        // No `message`, or a field of another shape: the code still says
        // what went wrong; so do problem details (their code outside the
        // body's envelope, if it has one).
        let code = match &self.body {
            ::core::option::Option::Some(parsed) => ::core::option::Option::Some(parsed.sent_code()),
            ::core::option::Option::None => read
                .code_only
                .unwrap_or_else(|| {
                    ::serde_json::from_slice::<BodyCodeOnly>(body).ok().and_then(|only| only.0)
                })
                .or(read.problem.code),
        };
        self.kind = ApiErrorKind::classify(self.status, code);
        if !is_body {
            self.problem = read.problem;
        }
    }

    /// Classifies an `http::Response` (features `serde` and `http`), and
    /// keeps how long its `Retry-After` header asks to wait.
    #[cfg(feature = "http")]
    #[must_use]
    pub fn from_http_response<B: ::core::convert::AsRef<[u8]>>(response: &::http::Response<B>) -> Self {
        Self::from_parts(response.status(), response.headers(), response.body().as_ref())
    }

    /// Classifies a response from its parts, as an HTTP client hands them
    /// over once it has read the body (features `serde` and `http`), and
    /// keeps how long its `Retry-After` header asks to wait.
    ///
    /// ```
    /// use {$krate}::ApiError;
    /// use {$krate}::http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
    /// let error = ApiError::from_parts(StatusCode::SERVICE_UNAVAILABLE, &headers, b"");
    /// assert_eq!(error.status(), 503);
    /// assert_eq!(error.retry_after(), Some(core::time::Duration::from_secs(7)));
    /// ```
    #[cfg(feature = "http")]
    #[must_use]
    pub fn from_parts(status: ::http::StatusCode, headers: &::http::HeaderMap, body: &[u8]) -> Self {
        Self::from_parts_owned(status, headers, Vec::from(body))
    }

    /// Classifies a response from its parts as [`from_parts`](Self::from_parts)
    /// does, keeping a body the caller owns (features `serde` and `http`)
    /// without copying it: `Vec::from` a `bytes::Bytes` that holds the only
    /// reference to its buffer takes that buffer, as `from_reqwest` does.
    #[cfg(feature = "http")]
    #[must_use]
    pub fn from_parts_owned(status: ::http::StatusCode, headers: &::http::HeaderMap, body: Vec<u8>) -> Self {
        // One `ApiError`, returned where it was made: it is a few hundred
        // bytes, and a second binding for the header's case copied them.
        let mut error = Self::from_response_owned(status.as_u16(), body);
        // `get` hashes the name (sixteen rounds of FNV); most responses
        // have no `Retry-After`, which comparing the names finds sooner.
        if headers.keys().any(|name| *name == ::http::header::RETRY_AFTER) {
            let delay = headers
                .get(::http::header::RETRY_AFTER)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| retry_after(value, ::std::time::SystemTime::now()));
            if let ::core::option::Option::Some(delay) = delay {
                error.retry_after = ::core::option::Option::Some(delay.min(Self::MAX_RETRY_AFTER));
            }
        }
        error
    }

    /// Reads a `reqwest` response's body and classifies the response,
    /// keeping how long its `Retry-After` header asks to wait (feature
    /// `reqwest`). The error is `reqwest`'s, when the body could not be read.
    ///
    /// ```no_run
    /// # async fn call(client: reqwest::Client) -> Result<(), reqwest::Error> {
    /// use {$krate}::ApiError;
    ///
    /// let response = client.get("http://127.0.0.1:8080/").send().await?;
    /// if !response.status().is_success() {
    ///     let error = ApiError::from_reqwest(response).await?;
    ///     println!("{error}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    #[cfg(feature = "reqwest")]
    pub async fn from_reqwest(
        response: ::reqwest::Response,
    ) -> ::core::result::Result<Self, ::reqwest::Error> {
        let (status, headers) = (response.status(), response.headers().clone());
        let body = response.bytes().await?;
        ::core::result::Result::Ok(Self::from_parts_owned(status, &headers, Vec::from(body)))
    }

    /// The error with the delay a `Retry-After` header asked for, for a
    /// client that read the header itself; at most `MAX_RETRY_AFTER`.
    #[must_use]
    pub fn with_retry_after(mut self, delay: ::core::time::Duration) -> Self {
        self.retry_after = ::core::option::Option::Some(delay.min(Self::MAX_RETRY_AFTER));
        self
    }

    /// How long the service asked to wait before sending the request again
    /// (its `Retry-After` header, in seconds or as a date), if it did; at
    /// most `MAX_RETRY_AFTER`.
    #[must_use]
    pub const fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
        self.retry_after
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

    /// The body's message, if it is an error body; else the `detail` of
    /// problem details, when the API answers with them.
    #[must_use]
    pub fn message(&self) -> ::core::option::Option<&str> {
        match &self.body {
            ::core::option::Option::Some(body) => body.message_text(),
            ::core::option::Option::None => self.problem.detail.as_deref(),
        }
    }

    /// The body exactly as received, whatever it held.
    #[must_use]
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }
}

/// The delay a `Retry-After` value asks for, seen at `now`: a number of
/// seconds, or an HTTP date (a date already past asks for no delay); more
/// seconds than a `u64` holds ask for the longest delay there is.
#[cfg(feature = "http")]
fn retry_after(value: &str, now: ::std::time::SystemTime) -> ::core::option::Option<::core::time::Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
        let seconds = value.parse().unwrap_or(u64::MAX);
        return ::core::option::Option::Some(::core::time::Duration::from_secs(seconds));
    }
    let date = ::httpdate::parse_http_date(value).ok()?;
    ::core::option::Option::Some(date.duration_since(now).unwrap_or(::core::time::Duration::ZERO))
}

/// Every field, with the raw body as text when it is UTF-8 (a JSON or
/// HTML body reads as what it says, not as a list of numbers).
impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("ApiError");
        debug.field("status", &self.status).field("kind", &self.kind).field("body", &self.body);
        if self.problem != ProblemMembers::NONE {
            debug.field("problem", &self.problem);
        }
        match ::core::str::from_utf8(&self.raw) {
            ::core::result::Result::Ok(text) => debug.field("raw", &text),
            ::core::result::Result::Err(_) => debug.field("raw", &self.raw),
        };
        debug.field("retry_after", &self.retry_after).finish()
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

/// Writes `value`'s `Display` with each character escaped as
/// `char::escape_debug` does: a string code is the server's text, shown
/// bare as ids are and as unable to end the line or move the cursor.
fn write_escaped(f: &mut fmt::Formatter<'_>, value: impl fmt::Display) -> fmt::Result {
    struct Escape<'a, 'b>(&'a mut fmt::Formatter<'b>);
    impl fmt::Write for Escape<'_, '_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            text.chars().try_for_each(|c| ::core::write!(self.0, "{}", c.escape_debug()))
        }
    }
    fmt::Write::write_fmt(&mut Escape(f), ::core::format_args!("{value}"))
}

/// `HTTP <status>: ` and the error, then what the body adds to it (the
/// code as sent, its message or the `detail` of problem details, the
/// occurrence's id or `instance`); of each text the server sent, at most
/// `SHOWN` characters.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ::core::write!(f, "HTTP {}: ", self.status)?;
        match self.kind.error_code() {
            ::core::option::Option::Some(error) => ::core::write!(f, "{error}")?,
            ::core::option::Option::None => f.write_str("an error the catalogue does not list")?,
        }
        let (sent, text, occurrence) = match &self.body {
            ::core::option::Option::Some(body) => {
                // A listed code's message says what its row says: not repeated.
                let message = match self.kind {
                    ApiErrorKind::Code(_) => ::core::option::Option::None,
                    _ => body.message_text().map(|message| ("message", message)),
                };
                (::core::option::Option::Some(body.sent_code()), message, body.occurrence())
            }
            ::core::option::Option::None if self.problem != ProblemMembers::NONE => (
                self.problem.code,
                self.problem.detail.as_deref().map(|detail| ("detail", detail)),
                self.problem.instance.as_deref().map(|instance| ("instance", instance)),
            ),
            ::core::option::Option::None if self.raw.is_empty() => return Ok(()),
            ::core::option::Option::None => {
                let text = String::from_utf8_lossy(&self.raw);
                let (text, more) = shown(&text);
                return ::core::write!(f, " (body: {text:?}{more})");
            }
        };
        /// Notes in one pair of parentheses after the error: ` (a, b)`.
        struct Notes<'a, 'b> {
            f: &'a mut fmt::Formatter<'b>,
            open: bool,
        }
        impl<'b> Notes<'_, 'b> {
            /// Starts a note with `label`, after ` (` or `, `.
            fn next(&mut self, label: &str) -> ::core::result::Result<&mut fmt::Formatter<'b>, fmt::Error> {
                self.f.write_str(if self.open { ", " } else { " (" })?;
                self.open = true;
                self.f.write_str(label)?;
                Ok(&mut *self.f)
            }

            /// Closes the parentheses, if a note opened them.
            fn close(self) -> fmt::Result {
                if self.open { self.f.write_str(")") } else { Ok(()) }
            }
        }
        let mut notes = Notes { f, open: false };
        match (self.kind, sent) {
            // An alias: say which code the service sent.
            (ApiErrorKind::Code(error), ::core::option::Option::Some(sent))
                if sent.number() != error.code() as i128 =>
            {
                write_escaped(notes.next("sent as ")?, sent)?;
            }
            (ApiErrorKind::Code(_), _) | (_, ::core::option::Option::None) => {}
            (_, ::core::option::Option::Some(sent)) => write_escaped(notes.next("code ")?, sent)?,
        }
        if let ::core::option::Option::Some((name, text)) = text {
            let (text, more) = shown(text);
            ::core::write!(notes.next(name)?, " {text:?}{more}")?;
        }
        notes.close()?;
        if let ::core::option::Option::Some((key, id)) = occurrence {
            // Bare, as ids are, but escaped: it cannot end the line or move the cursor.
            let (id, more) = shown(id);
            ::core::write!(f, " [{key} {}{more}]", id.escape_debug())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt;

    use super::write_escaped;
    use crate::response::BodyCode;

    struct Escaped<T>(T);

    impl<T: fmt::Display> fmt::Display for Escaped<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_escaped(f, &self.0)
        }
    }

    #[test]
    fn a_code_is_shown_escaped_as_ids_are() {
        // String codes are the server's text; a numeric code is unchanged.
        assert_eq!(Escaped("\u{1b}[2J\nINFO fake").to_string(), r"\u{1b}[2J\nINFO fake");
        assert_eq!(Escaped("card_declined \u{2028}é").to_string(), r"card_declined \u{2028}é");
        assert_eq!(Escaped(BodyCode::new(-40400)).to_string(), "-40400");
    }
}
