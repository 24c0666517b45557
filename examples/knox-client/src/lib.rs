//! How a Knox Cloud client turns an error response into its next step,
//! using the generated `knox-cloud-errors` crate.
//!
//! `next_step` is the code a client writes: it reads the typed error
//! that `ApiError::from_response` made of an HTTP status and a body, and
//! decides what to do, keeping what the service said. `KNOX_RESPONSES`
//! are error responses shaped as Knox Cloud services send them; the
//! `round_trip` example and test serve them over HTTP on 127.0.0.1.
//!
//! Everything here needs the `client` feature.

#![cfg(feature = "client")]

use std::fmt;

use knox_cloud_errors::{ApiError, Recovery};

/// What the client does next about a failed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Wait, then send the same request again.
    RetryLater,
    /// Request a new access token, then send the request again.
    NewAccessToken,
    /// Sign a new JWT and request an access token with it.
    NewJwt,
    /// Change the request; the service's details say what is wrong.
    FixRequest {
        /// The body's `data`, if any.
        detail: Option<String>,
    },
    /// Check the API key's permissions and restrictions.
    CheckPermissions,
    /// Report the failure, quoting what identifies it.
    Report {
        /// The body's `errorId`, if any.
        error_id: Option<String>,
        /// The whole body, as text, when it was not an error body.
        raw: Option<String>,
    },
}

/// Decides the next step for an error response.
///
/// The recovery comes from the most specific error the response names: the
/// body's code, else the HTTP status. An error with no recovery (a code and
/// status the catalogue does not list) is reported, with the raw body when
/// it could not be read as an error body.
pub fn next_step(error: &ApiError) -> NextStep {
    let body = error.body();
    match error.recovery() {
        Some(Recovery::RetryLater) => NextStep::RetryLater,
        Some(Recovery::NewAccessToken) => NextStep::NewAccessToken,
        Some(Recovery::NewJwt) => NextStep::NewJwt,
        Some(Recovery::FixRequest) => NextStep::FixRequest { detail: body.and_then(|b| b.data.clone()) },
        Some(Recovery::CheckPermissions) => NextStep::CheckPermissions,
        // `ContactSupport`, a value added later, or no recovery at all.
        _ => NextStep::Report {
            error_id: body.and_then(|b| b.error_id.clone()),
            raw: body.is_none().then(|| String::from_utf8_lossy(error.raw_body()).into_owned()),
        },
    }
}

impl fmt::Display for NextStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NextStep::RetryLater => f.write_str("retry later"),
            NextStep::NewAccessToken => f.write_str("request a new access token"),
            NextStep::NewJwt => f.write_str("sign a new JWT"),
            NextStep::FixRequest { detail: Some(detail) } => write!(f, "fix the request: {detail}"),
            NextStep::FixRequest { detail: None } => f.write_str("fix the request"),
            NextStep::CheckPermissions => f.write_str("check the API key's permissions"),
            NextStep::Report { error_id: Some(id), .. } => write!(f, "report it, quoting errorId {id}"),
            NextStep::Report { raw: Some(raw), .. } => write!(f, "report it, with the body {raw:?}"),
            NextStep::Report { .. } => f.write_str("report it"),
        }
    }
}

/// An error response as a Knox Cloud service sends it.
#[derive(Debug, Clone, Copy)]
pub struct KnoxResponse {
    /// The request path that gets this response.
    pub path: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: &'static str,
    /// The body, byte for byte.
    pub body: &'static str,
}

/// Error responses in every shape Samsung's pages show, plus the cases a
/// client must survive: an alias code, codes the catalogue does not list,
/// and a body that is not JSON.
pub const KNOX_RESPONSES: &[KnoxResponse] = &[
    // The documented shape: `code` a number, `data` and `errorId` optional.
    KnoxResponse {
        path: "/ams/v1/users/me",
        status: 403,
        content_type: "application/json",
        body: r#"{"code":4032251,"message":"ACCESS_TOKEN_EXPIRED","data":"token expired at 12:00","errorId":"e-4032251"}"#,
    },
    // `code` as a numeric string (Knox Mobile Enrollment's 400 example).
    KnoxResponse {
        path: "/kcs/v1/kme/devices/upload",
        status: 400,
        content_type: "application/json",
        body: r#"{"errorId":"e-4000000","code":"4000000","message":"RESOURCE_INVALID_PARAM","data":"Device ID list cannot be empty"}"#,
    },
    // Every field as a one-element array (a knowledge-base article's shape).
    KnoxResponse {
        path: "/ams/v1/users/accesstoken",
        status: 400,
        content_type: "application/json",
        body: r#"{"code":[4002250],"message":["API_KEY_NON_UNIQUE_JWTID"],"data":["jwt already used"]}"#,
    },
    // The alias: KME's page shows ACCESS_TOKEN_BAD_REQUEST as 4012250.
    KnoxResponse {
        path: "/kcs/v1/kme/profiles",
        status: 401,
        content_type: "application/json",
        body: r#"{"code":4012250,"message":"ACCESS_TOKEN_BAD_REQUEST","data":"ACCESS_TOKEN_BAD_REQUEST"}"#,
    },
    // An unlisted code (the knowledge-base article's, in its array shape)
    // with a listed status: the status's row decides.
    KnoxResponse {
        path: "/kcs/v1/kme/devices",
        status: 403,
        content_type: "application/json",
        body: r#"{"code":[4030000],"message":["AUTHENTICATION_FAIL"],"data":["The current user is not authenticated."]}"#,
    },
    // An unlisted code with an unlisted status: only the raw numbers.
    KnoxResponse {
        path: "/kcs/v1/kme/devices/assign",
        status: 409,
        content_type: "application/json",
        body: r#"{"code":4090301,"message":"DEVICE_ALREADY_ASSIGNED","errorId":"e-4090301"}"#,
    },
    // A plain-text body with a listed status.
    KnoxResponse {
        path: "/ams/v1/users/me/devices",
        status: 429,
        content_type: "text/plain",
        body: "Too Many Requests",
    },
    // Not JSON at all: a proxy's error page.
    KnoxResponse {
        path: "/kcs/v1/kme/licenses",
        status: 502,
        content_type: "text/html",
        body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
    },
];
