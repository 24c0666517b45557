//! A service that answers Knox Cloud errors, using the generated
//! `knox-cloud-errors` crate with its `axum` feature: a handler returns an
//! error of the catalogue, and the crate writes the status and the body.
//!
//! `app` serves two routes: `/ams/v1/users/me`, a handler as a service
//! writes one (its token check fails), and `/errors/{code}`, which answers
//! with any code of the catalogue, so a client can be tested against every
//! error. The `serve` example runs it; the `round_trip` test reads every
//! answer back with the client of the `knox-client` example.
//!
//! Everything here needs the `server` feature.

#![cfg(feature = "server")]

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use knox_cloud_errors::{AuthError, ErrorBody, ErrorCode};

/// The service's routes.
pub fn app() -> Router {
    Router::new().route("/ams/v1/users/me", get(current_user)).route("/errors/{code}", get(error))
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
/// added to the body; a code the catalogue does not list is a 404.
async fn error(Path(code): Path<u32>) -> Result<(), ErrorBody> {
    let error = ErrorCode::from_code(code).unwrap_or(ErrorCode::Http(knox_cloud_errors::HttpError::NotFound));
    Err(ErrorBody::from(error).with_error_id(format!("e-{code}")))
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}
