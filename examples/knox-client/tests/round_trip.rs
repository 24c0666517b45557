//! Knox-shaped error responses, served over real HTTP on 127.0.0.1, each
//! become the right typed error and next step, with nothing lost.

mod common;

use std::time::Duration;

use common::{FakeKnox, agent, fetch_error};
use knox_client::{KNOX_RESPONSES, KnoxResponse, NextStep, next_step};
use knox_cloud_errors::{ApiError, ApiErrorKind, AuthError, BodyCode, ErrorCode, HttpError, Recovery};

/// What the client must make of each response in `KNOX_RESPONSES`, by path.
fn expected(path: &str) -> (ApiErrorKind, Option<Recovery>, NextStep) {
    use ApiErrorKind::{Code, Status, Unknown};
    match path {
        "/ams/v1/users/me" => (
            Code(ErrorCode::Auth(AuthError::AccessTokenExpired)),
            Some(Recovery::NewAccessToken),
            NextStep::NewAccessToken,
        ),
        "/kcs/v1/kme/devices/upload" => (
            Code(ErrorCode::Auth(AuthError::ResourceInvalidParam)),
            Some(Recovery::FixRequest),
            NextStep::FixRequest { detail: Some("Device ID list cannot be empty".into()) },
        ),
        "/ams/v1/users/accesstoken" => {
            (Code(ErrorCode::Auth(AuthError::ApiKeyNonUniqueJwtid)), Some(Recovery::NewJwt), NextStep::NewJwt)
        }
        "/kcs/v1/kme/profiles" => (
            Code(ErrorCode::Auth(AuthError::AccessTokenBadRequest)),
            Some(Recovery::NewJwt),
            NextStep::NewJwt,
        ),
        "/kcs/v1/kme/devices" => {
            (Status(HttpError::Forbidden), Some(Recovery::CheckPermissions), NextStep::CheckPermissions)
        }
        "/kcs/v1/kme/devices/assign" => (
            Unknown { status: 409, code: Some(BodyCode::new(4090301)) },
            None,
            NextStep::Report { error_id: Some("e-4090301".into()), raw: None },
        ),
        "/ams/v1/users/me/devices" => {
            (Status(HttpError::TooManyRequests), Some(Recovery::RetryLater), NextStep::RetryLater)
        }
        // A gateway's HTML page: no code, a status the catalogue does not
        // list, but one it says to retry (`unlisted_statuses`).
        "/kcs/v1/kme/licenses" => {
            (Unknown { status: 502, code: None }, Some(Recovery::RetryLater), NextStep::RetryLater)
        }
        other => panic!("no expectation for {other}"),
    }
}

#[test]
fn every_knox_response_becomes_its_typed_error_and_next_step() {
    let server = FakeKnox::start(KNOX_RESPONSES, KNOX_RESPONSES.len(), Duration::from_secs(20))
        .expect("a port on 127.0.0.1");
    let agent = agent();
    for canned in KNOX_RESPONSES {
        let error = fetch_error(&agent, &format!("{}{}", server.base_url, canned.path))
            .unwrap_or_else(|e| panic!("GET {}: {e}", canned.path));
        let (kind, recovery, step) = expected(canned.path);
        assert_eq!(error.status(), canned.status, "{}", canned.path);
        assert_eq!(error.kind(), kind, "{}", canned.path);
        assert_eq!(error.recovery(), recovery, "{}", canned.path);
        assert_eq!(next_step(&error), step, "{}", canned.path);
        // The header crossed the wire too: `from_parts` read it.
        let wait = (canned.status == 429).then(|| Duration::from_secs(30));
        assert_eq!(error.retry_after(), wait, "{}", canned.path);
        assert_nothing_lost(canned, &error);
    }
    assert_eq!(server.stop().expect("the server ran"), KNOX_RESPONSES.len(), "one request per response");
}

/// The body arrives byte for byte, and a parsed body keeps every text and
/// the code exactly as sent.
fn assert_nothing_lost(canned: &KnoxResponse, error: &ApiError) {
    assert_eq!(error.raw_body(), canned.body.as_bytes(), "{}", canned.path);
    let Some(body) = error.body() else {
        assert!(!canned.content_type.contains("json"), "{}: a JSON body must parse", canned.path);
        return;
    };
    let sent: serde_json::Value = serde_json::from_str(canned.body).expect("the canned body is JSON");
    let field = |name: &str| match &sent[name] {
        serde_json::Value::Array(items) => items.first().cloned(),
        serde_json::Value::Null => None,
        value => Some(value.clone()),
    };
    let code = field("code").expect("every canned JSON body has a code");
    assert_eq!(body.code.is_quoted(), code.is_string(), "{}", canned.path);
    let number =
        code.as_i64().or_else(|| code.as_str().and_then(|s| s.parse().ok())).expect("a numeric code");
    assert_eq!(body.code.number(), i128::from(number), "{}: the code as sent", canned.path);
    let text = |name: &str| field(name).map(|v| v.as_str().expect("a text field").to_owned());
    assert_eq!(Some(body.message.clone()), text("message"), "{}", canned.path);
    assert_eq!(body.data, text("data"), "{}", canned.path);
    assert_eq!(body.error_id, text("errorId"), "{}", canned.path);
}

#[test]
fn the_alias_keeps_the_code_the_service_sent() {
    let canned =
        KNOX_RESPONSES.iter().find(|r| r.path == "/kcs/v1/kme/profiles").expect("the alias response");
    let error = ApiError::from_response(canned.status, canned.body.as_bytes());
    let body = error.body().expect("a Knox body");
    assert_eq!(body.code.number(), 4012250, "as sent");
    assert_eq!(error.error_code().map(ErrorCode::code), Some(40122050), "canonical");
    assert_eq!(serde_json::to_value(body).unwrap()["code"], 4012250, "written back as read");
    assert!(error.to_string().ends_with("(sent as 4012250)"), "{error}");
}

#[test]
fn a_body_written_back_reads_the_same() {
    for canned in KNOX_RESPONSES {
        let error = ApiError::from_response(canned.status, canned.body.as_bytes());
        if let Some(body) = error.body() {
            let written = serde_json::to_vec(body).expect("a body serializes");
            let again = ApiError::from_response(canned.status, &written);
            assert_eq!(again.body(), Some(body), "{}", canned.path);
            assert_eq!(again.kind(), error.kind(), "{}", canned.path);
        }
    }
}

#[test]
fn the_server_stops_on_its_own() {
    // No request at all: the server gives up when its time is over.
    let server = FakeKnox::start(KNOX_RESPONSES, 1, Duration::from_millis(100)).expect("a port on 127.0.0.1");
    assert_eq!(server.stop().expect("the server ran"), 0);
}

/// A `Retry-After` header reaches the client as a delay, in seconds or as
/// a date, whatever the body holds.
#[test]
fn retry_after_is_kept_in_seconds_or_as_a_date() {
    use std::time::{Duration, SystemTime};

    let response = |value: &str| {
        ureq::http::Response::builder()
            .status(503)
            .header("Retry-After", value)
            .body(&b"<html><body><h1>503 Service Unavailable</h1></body></html>"[..])
            .expect("a response")
    };
    assert_eq!(ApiError::from_http_response(&response("7")).retry_after(), Some(Duration::from_secs(7)));

    let in_a_minute = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(60));
    let delay = ApiError::from_http_response(&response(&in_a_minute)).retry_after().expect("a delay");
    assert!(delay > Duration::from_secs(50) && delay <= Duration::from_secs(60), "{delay:?}");

    // Not a delay: nothing is made up.
    for value in ["soon", "-1", "7.5", ""] {
        assert_eq!(ApiError::from_http_response(&response(value)).retry_after(), None, "{value:?}");
    }
}

/// A gateway's 503 with an HTML page and `Retry-After: 7`: the catalogue
/// lists neither the status nor a code, but says what an unlisted 503
/// means (`unlisted_statuses`), so the client retries, after 7 seconds.
#[test]
fn an_unlisted_503_with_an_html_body_is_retried_after_its_delay() {
    let response = ureq::http::Response::builder()
        .status(503)
        .header("Retry-After", "7")
        .body(&b"<html><body><h1>503 Service Unavailable</h1></body></html>"[..])
        .expect("a response");
    let error = ApiError::from_http_response(&response);
    assert_eq!(error.error_code(), None);
    assert_eq!(error.recovery(), Some(Recovery::RetryLater));
    assert!(error.recovery().is_some_and(Recovery::is_retry));
    assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(7)));
    assert_eq!(next_step(&error), NextStep::RetryLater);
}
