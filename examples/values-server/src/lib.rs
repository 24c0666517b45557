//! A service whose errors carry data, using the generated `values-errors`
//! crate (from the `values` fixture) with its `axum` feature: a handler
//! returns a value of the catalogue, an error with its params, and the
//! crate writes the status and the body, the message rendered from the
//! row's template and every param a typed member beside the code.
//!
//! `app` serves three routes, each answering the request id the client
//! sent in `x-request-id` (the param every error of the catalogue
//! carries):
//!
//! - `/tables/{table}`: a query on a table that does not exist, answered
//!   with `TableMissing` (`Table 'users' doesn't exist`);
//! - `/rows/{count}`: a query returning `count` rows, answered with
//!   `TooManyRows` as an `ErrorValue` when that is more than `ROW_LIMIT`,
//!   else with the count;
//! - `/report`: a database too busy to run it, answered with `Busy`, the
//!   trace of the call in the body's `trace_id` member (named by the
//!   catalogue's `body:`, not a param) and `Retry-After`.
//!
//! The `round_trip` test reads every answer back with `reqwest` through
//! the generated crate's `reqwest` feature, as typed values.
//!
//! Everything here needs the `server` feature.

#![cfg(feature = "server")]

use axum::Router;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::routing::get;
use values_errors::RetryAfter;
use values_errors::values::query::{Busy, TableMissing, TooManyRows};
use values_errors::values::{ErrorValue, Occurrence};

/// The header a client names its request with; the answer carries it back
/// in the `request_id` member.
pub const REQUEST_ID: &str = "x-request-id";

/// The most rows a query may return.
pub const ROW_LIMIT: i64 = 100;

/// How long a client waits when the database is busy, in seconds.
pub const BUSY_WAIT: u64 = 7;

/// How many queries wait before a report.
pub const QUEUE: i64 = 3;

/// The trace a report's answer names.
pub const REPORT_TRACE: &str = "t-42";

/// The service's routes.
pub fn app() -> Router {
    Router::new()
        .route("/tables/{table}", get(table))
        .route("/rows/{count}", get(rows))
        .route("/report", get(report))
}

/// The request id the client sent, if any: every answer carries it.
fn request_id(headers: &HeaderMap) -> Option<String> {
    headers.get(REQUEST_ID).and_then(|id| id.to_str().ok()).map(str::to_owned)
}

/// A table that does not exist: the value names it, and the answer's
/// message says so (`Table 'users' doesn't exist`).
async fn table(Path(table): Path<String>, headers: HeaderMap) -> Result<String, TableMissing> {
    Err(TableMissing { request_id: request_id(&headers), table, schema: None })
}

/// A query returning `count` rows: more than `ROW_LIMIT` is an error, one
/// of several a real handler could return, so it answers with `ErrorValue`.
async fn rows(Path(count): Path<i64>, headers: HeaderMap) -> Result<String, ErrorValue> {
    if count <= ROW_LIMIT {
        return Ok(count.to_string());
    }
    Err(TooManyRows {
        request_id: request_id(&headers),
        limit: ROW_LIMIT,
        // Ratios such as 1.5 are exact in binary: the client reads back the same f64.
        ratio: count as f64 / ROW_LIMIT as f64,
        partial: false,
        columns: vec!["id".to_owned(), "name".to_owned()],
    }
    .into())
}

/// A database too busy to run the report: the client learns how many
/// queries wait, which trace to quote, and from `Retry-After` when to
/// come back.
async fn report(headers: HeaderMap) -> Result<String, (RetryAfter, Occurrence<Busy>)> {
    let busy = Busy { request_id: request_id(&headers), queue: QUEUE };
    Err((RetryAfter::seconds(BUSY_WAIT), busy.with_trace_id(REPORT_TRACE)))
}

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}
