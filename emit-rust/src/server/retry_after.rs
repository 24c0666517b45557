//! The fixed `RetryAfter`: the `Retry-After` header of an error answer,
//! copied item by item into the generated crate's `server` module, with
//! its docs' slots filled.
//!
//! Its `use` items are for compiling it here: the generated module has the
//! same names in scope.

use axum_core::response::{IntoResponseParts, ResponseParts};
use http::HeaderValue;
use http::header::RETRY_AFTER;

/// How long a client should wait before sending the request again: the
/// `Retry-After` header of an answer, as a number of seconds or an HTTP
/// date (feature `axum`).
///
/// Answer with it before the error, in a tuple: axum sets the header on
/// whatever the error answers with (`Option<RetryAfter>` sets it only when
/// there is one).
///
/// ```
/// use {$krate}::axum_core::response::IntoResponse;
/// use {$krate}::{RetryAfter, {$table}};
///
/// async fn handler() -> ::core::result::Result<String, (RetryAfter, {$table})> {
///     Err((RetryAfter::seconds(7), {$path}))
/// }
///
/// let response = (RetryAfter::seconds(7), {$path}).into_response();
/// assert_eq!(response.status(), {$status});
/// assert_eq!(response.headers()["retry-after"], "7");
/// # let _ = handler;
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RetryAfter(HeaderValue);

impl RetryAfter {
    /// Wait `seconds` seconds.
    #[must_use]
    pub fn seconds(seconds: u64) -> Self {
        Self(HeaderValue::from(seconds))
    }

    /// Wait until `time`, sent as an HTTP date (whole seconds; a time before
    /// 1970 is sent as 1970, one after 9999 as the last second of 9999).
    ///
    /// ```
    /// use {$krate}::RetryAfter;
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let retry = RetryAfter::at(UNIX_EPOCH + Duration::from_secs(784_111_777));
    /// assert_eq!(retry.value(), "Sun, 06 Nov 1994 08:49:37 GMT");
    /// ```
    #[must_use]
    pub fn at(time: ::std::time::SystemTime) -> Self {
        // The last second an HTTP date can name: 9999-12-31T23:59:59Z.
        const LAST: u64 = 253_402_300_799;
        let seconds = time.duration_since(::std::time::UNIX_EPOCH).map_or(0, |since| since.as_secs());
        let time = ::std::time::UNIX_EPOCH + ::core::time::Duration::from_secs(seconds.min(LAST));
        match HeaderValue::from_str(&::httpdate::fmt_http_date(time)) {
            ::core::result::Result::Ok(value) => Self(value),
            // An HTTP date is printable ASCII: a valid header value.
            ::core::result::Result::Err(_) => Self::seconds(0),
        }
    }

    /// The header's value, as sent.
    #[must_use]
    pub fn value(&self) -> &HeaderValue {
        &self.0
    }
}

/// Sets the `Retry-After` header.
impl IntoResponseParts for RetryAfter {
    type Error = ::core::convert::Infallible;

    fn into_response_parts(
        self,
        mut parts: ResponseParts,
    ) -> ::core::result::Result<ResponseParts, Self::Error> {
        parts.headers_mut().insert(RETRY_AFTER, self.0);
        ::core::result::Result::Ok(parts)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use axum_core::response::{IntoResponse, Response};
    use http::StatusCode;

    use super::RetryAfter;

    fn answer(retry: Option<RetryAfter>) -> Response {
        (retry, StatusCode::SERVICE_UNAVAILABLE).into_response()
    }

    #[test]
    fn sets_the_header_in_seconds_or_as_a_date_and_keeps_the_answer() {
        let response = answer(Some(RetryAfter::seconds(7)));
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()["retry-after"], "7");
        let response = answer(Some(RetryAfter::at(UNIX_EPOCH + Duration::from_secs(784_111_777))));
        assert_eq!(response.headers()["retry-after"], "Sun, 06 Nov 1994 08:49:37 GMT");
        assert!(answer(None).headers().get("retry-after").is_none());
        assert_eq!(RetryAfter::seconds(u64::MAX).value(), "18446744073709551615");
    }

    #[test]
    fn a_date_out_of_range_is_clamped_not_a_panic() {
        assert_eq!(
            RetryAfter::at(UNIX_EPOCH - Duration::from_secs(1)).value(),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
        let far = UNIX_EPOCH + Duration::from_secs(300_000_000_000);
        assert_eq!(RetryAfter::at(far).value(), "Fri, 31 Dec 9999 23:59:59 GMT");
    }
}
