//! A service that answers Knox Cloud errors, using the generated
//! `knox-cloud-errors` crate with its `axum` feature: a handler returns an
//! error of the catalogue, and the crate writes the status and the body.
//!
//! `app` serves three routes: `/ams/v1/users/me`, a handler as a service
//! writes one (its token check fails); `/errors/{code}`, which answers
//! with any code of the catalogue, so a client can be tested against every
//! error; and `/maintenance`, a service down until a given time. Answers
//! that ask the client to come back later (429, 503) say when, in
//! `Retry-After`. The `serve` example runs it; the `round_trip` test reads
//! every answer back with the client of the `knox-client` example and
//! with `reqwest`.
//!
//! Everything here needs the `server` feature.

#![cfg(feature = "server")]

use std::time::SystemTime;

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::get;
use knox_cloud_errors::{AuthError, ErrorBody, ErrorCode, RetryAfter};

/// How long a client that sent too many requests waits, in seconds.
pub const TOO_MANY_REQUESTS_WAIT: u64 = 7;

/// When the service is back from `/maintenance`: 2100-01-01T00:00:00Z.
pub fn back_at() -> SystemTime {
    SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(4_102_444_800)
}

/// The service's routes.
pub fn app() -> Router {
    Router::new()
        .route("/ams/v1/users/me", get(current_user))
        .route("/errors/{code}", get(error))
        .route("/maintenance", get(maintenance))
}

/// What a real handler looks like: its error is the catalogue's, and `?`
/// or `Err(…)` is all it takes to answer with it.
async fn current_user() -> Result<String, AuthError> {
    let token_expired = true;
    if token_expired {
        return Err(AuthError::AccessTokenExpired);
    }
    Ok("me".to_owned())
}

/// Answers with the error whose code is in the path, with the call's id
/// added to the body, and, for too many requests, how long to wait; a code
/// the catalogue does not list is a 404.
async fn error(Path(code): Path<u32>) -> Result<(), (Option<RetryAfter>, ErrorBody)> {
    let error = ErrorCode::from_code(code).unwrap_or(ErrorCode::Http(knox_cloud_errors::HttpError::NotFound));
    let retry_after = (error.http_status() == 429).then(|| RetryAfter::seconds(TOO_MANY_REQUESTS_WAIT));
    Err((retry_after, ErrorBody::from(error).with_error_id(format!("e-{code}"))))
}

/// A service down for maintenance: 503 (a status the catalogue does not
/// list), back at a known time.
async fn maintenance() -> (RetryAfter, StatusCode) {
    (RetryAfter::at(back_at()), StatusCode::SERVICE_UNAVAILABLE)
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}
