//! A service answering its errors in the client's language, using the
//! generated `localized-errors` crate (from the `localized` fixture and its
//! translation files: English by default, German in full, French in part)
//! with its `axum` feature.
//!
//! Each handler takes the request's `Locale`, which the crate negotiates
//! from `Accept-Language` (RFC 4647 lookup, English when nothing matches),
//! and answers a value of the catalogue wrapped in `Localized`: the body's
//! `message` is the row's template rendered in that locale, the answer has
//! `Content-Language`, and the code and the params never change, so a
//! client reads the same typed value whatever the language.
//!
//! - `/tables/{db}/{table}`: a table that does not exist
//!   (`ER_NO_SUCH_TABLE`, translated into German and French);
//! - `/entries/{index}/{entry}`: a duplicate entry (`ER_DUP_ENTRY`, German
//!   only: French falls back to English);
//! - `/connect`: no connection left (`ER_CON_COUNT_ERROR`, no params),
//!   answered as an `ErrorValue` with the request id the client sent in
//!   `x-request-id` as the body's `request_id`.
//!
//! The `languages` test reads every answer back with `reqwest` in every
//! language. Everything here needs the `server` feature.

#![cfg(feature = "server")]

use axum::Router;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::routing::get;
use localized_errors::values::server::{ErConCountError, ErDupEntry, ErNoSuchTable};
use localized_errors::values::{ErrorValue, Occurrence};
use localized_errors::{Locale, Localized};

/// The header a client names its request with; an answer carries it back
/// in the `request_id` member.
pub const REQUEST_ID: &str = "x-request-id";

/// The service's routes.
pub fn app() -> Router {
    Router::new()
        .route("/tables/{db}/{table}", get(table))
        .route("/entries/{index}/{entry}", get(entry))
        .route("/connect", get(connect))
}

/// A table that does not exist, answered in the request's locale.
async fn table(
    Path((db, table)): Path<(String, String)>,
    locale: Locale,
) -> Result<String, Localized<ErNoSuchTable>> {
    Err(Localized { error: ErNoSuchTable { db, table }, locale })
}

/// An entry that is already there, answered in the request's locale.
async fn entry(
    Path((index, entry)): Path<(String, String)>,
    locale: Locale,
) -> Result<String, Localized<ErDupEntry>> {
    Err(Localized { error: ErDupEntry { entry, index }, locale })
}

/// No connection left: one of the errors a handler could return, with the
/// request's id as the answer's occurrence.
async fn connect(headers: HeaderMap, locale: Locale) -> Result<String, Localized<Occurrence<ErrorValue>>> {
    let id = headers.get(REQUEST_ID).and_then(|id| id.to_str().ok()).unwrap_or("none");
    let error = ErrorValue::from(ErConCountError {}).with_request_id(id);
    Err(Localized { error, locale })
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}
