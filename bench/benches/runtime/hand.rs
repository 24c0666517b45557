//! What a team writes without the generated crate: `#[derive(Deserialize)]`
//! structs read by `serde_json::from_slice`, and `thiserror` enums answered
//! with axum's `(StatusCode, Json(body))`.

use axum::Json;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::{Deserialize, Serialize};

/// A Knox error body as a client reads it.
#[derive(Deserialize)]
pub struct KnoxBody {
    pub code: u32,
    pub message: String,
    pub data: Option<String>,
    #[serde(rename = "errorId")]
    pub error_id: Option<String>,
}

/// The status and the body, when it is an error body.
pub fn parse_knox(status: StatusCode, body: &[u8]) -> (StatusCode, Option<KnoxBody>) {
    (status, serde_json::from_slice(body).ok())
}

/// RFC 9457 problem details with the catalogue's code and params.
#[derive(Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: Option<String>,
    pub title: Option<String>,
    pub status: Option<u16>,
    pub detail: Option<String>,
    pub instance: Option<String>,
    pub code: Option<u32>,
    pub trace: Option<String>,
    pub used: Option<i64>,
    pub window: Option<f64>,
}

pub fn parse_problem(status: StatusCode, body: &[u8]) -> (StatusCode, Option<Problem>) {
    (status, serde_json::from_slice(body).ok())
}

/// `{"error":{...}}` with the params of a missing table.
#[derive(Deserialize)]
pub struct TableMissingBody {
    pub error: TableMissingMembers,
}

#[derive(Deserialize)]
pub struct TableMissingMembers {
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    pub table: String,
    pub schema: Option<String>,
}

pub fn parse_value(body: &[u8]) -> Result<TableMissingBody, serde_json::Error> {
    serde_json::from_slice(body)
}

/// The members and the body as it came, copied to be kept, as
/// `ApiError::raw_body` keeps it.
pub fn parse_value_keeping_body(body: &[u8]) -> (Vec<u8>, Result<TableMissingBody, serde_json::Error>) {
    (body.to_vec(), serde_json::from_slice(body))
}

/// The members and the body as it came, kept without a copy.
pub fn parse_value_owned(body: Vec<u8>) -> (Result<TableMissingBody, serde_json::Error>, Vec<u8>) {
    (serde_json::from_slice(&body), body)
}

/// Two Knox errors, as a server enumerates the ones it answers with.
#[derive(Clone, Copy, Debug, thiserror::Error)]
pub enum KnoxError {
    #[error("Access token expired")]
    AccessTokenExpired,
    #[error("Access token invalid")]
    AccessTokenInvalid,
}

impl KnoxError {
    fn code(self) -> u32 {
        match self {
            Self::AccessTokenExpired => 4032251,
            Self::AccessTokenInvalid => 4032252,
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Self::AccessTokenExpired | Self::AccessTokenInvalid => StatusCode::FORBIDDEN,
        }
    }
}

#[derive(Serialize)]
struct KnoxAnswer {
    code: u32,
    message: String,
    #[serde(rename = "errorId", skip_serializing_if = "Option::is_none")]
    error_id: Option<String>,
}

impl IntoResponse for KnoxError {
    fn into_response(self) -> Response {
        (self.status(), Json(KnoxAnswer { code: self.code(), message: self.to_string(), error_id: None }))
            .into_response()
    }
}

pub fn answer_with_id(error: KnoxError, id: &str) -> Response {
    let body =
        KnoxAnswer { code: error.code(), message: error.to_string(), error_id: Some(String::from(id)) };
    (error.status(), Json(body)).into_response()
}

/// Query errors with their params.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("Table '{table}' doesn't exist")]
    TableMissing { request_id: Option<String>, table: String, schema: Option<String> },
    #[error("{limit} rows at most {{ratio {ratio}}}, partial: {partial} | see \\docs")]
    TooManyRows { limit: i64, ratio: f64, partial: bool, columns: Vec<String> },
}

#[derive(Serialize)]
struct Envelope<T> {
    error: T,
}

#[derive(Serialize)]
struct TableMissingAnswer<'a> {
    code: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: &'a Option<String>,
    table: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: &'a Option<String>,
}

#[derive(Serialize)]
struct TooManyRowsAnswer<'a> {
    code: &'static str,
    message: String,
    limit: i64,
    ratio: f64,
    partial: bool,
    columns: &'a [String],
}

impl IntoResponse for QueryError {
    fn into_response(self) -> Response {
        let message = self.to_string();
        match &self {
            Self::TableMissing { request_id, table, schema } => {
                let error = TableMissingAnswer { code: "table_missing", message, request_id, table, schema };
                (StatusCode::NOT_FOUND, Json(Envelope { error })).into_response()
            }
            Self::TooManyRows { limit, ratio, partial, columns } => {
                let error = TooManyRowsAnswer {
                    code: "too_many_rows",
                    message,
                    limit: *limit,
                    ratio: *ratio,
                    partial: *partial,
                    columns,
                };
                (StatusCode::UNPROCESSABLE_ENTITY, Json(Envelope { error })).into_response()
            }
        }
    }
}

/// A quota error answered as problem details.
#[derive(Debug, thiserror::Error)]
pub enum QuotaError {
    #[error("{used} requests in the window")]
    QuotaExceeded { trace: String, used: i64, window: Option<f64> },
}

#[derive(Serialize)]
struct ProblemAnswer<'a> {
    #[serde(rename = "type")]
    problem_type: &'static str,
    title: &'static str,
    status: u16,
    detail: String,
    code: u32,
    trace: &'a str,
    used: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    window: Option<f64>,
}

impl IntoResponse for QuotaError {
    fn into_response(self) -> Response {
        let detail = self.to_string();
        let Self::QuotaExceeded { trace, used, window } = &self;
        let body = ProblemAnswer {
            problem_type: "https://docs.example.com/values-problem-errors.html#4290",
            title: "Quota exceeded",
            status: 429,
            detail,
            code: 4290,
            trace,
            used: *used,
            window: *window,
        };
        let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
        response
            .headers_mut()
            .insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/problem+json"));
        response
    }
}
