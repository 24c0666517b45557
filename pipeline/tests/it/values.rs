//! Errors as values (`fixtures/values.yaml`, `fixtures/values_problem.yaml`),
//! read back through the crates generated from them: the messages they
//! display, the bodies they are written as and read from, what a client
//! reads of a body whose params are wrong, and how a server answers them.

use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use http_body::Body as _;
use values_errors::axum_core::response::{IntoResponse, Response};
use values_errors::values::query::{Busy, TableMissing, TooManyRows};
use values_errors::values::{ErrorValue, auth};
use values_errors::{ApiError, AuthError, ErrorCode, QueryError, Recovery, RetryAfter};
use values_problem_errors::values::quota::QuotaExceeded;

fn table_missing() -> TableMissing {
    TableMissing { request_id: Some("r-1".into()), table: "users".into(), schema: None }
}

fn too_many_rows() -> TooManyRows {
    TooManyRows {
        request_id: None,
        limit: 5,
        ratio: 1.5,
        partial: true,
        columns: vec!["id".into(), "name".into()],
    }
}

/// The whole body of an answer (built in memory: it is ready at once).
pub(super) fn body_of(response: Response) -> String {
    let mut body = response.into_body();
    let mut bytes = Vec::new();
    let mut context = Context::from_waker(Waker::noop());
    loop {
        match Pin::new(&mut body).poll_frame(&mut context) {
            Poll::Ready(Some(frame)) => {
                if let Ok(data) = frame.expect("a frame").into_data() {
                    bytes.extend_from_slice(&data);
                }
            }
            Poll::Ready(None) => break,
            Poll::Pending => panic!("an answer's body is in memory"),
        }
    }
    String::from_utf8(bytes).expect("JSON is UTF-8")
}

#[test]
fn a_value_displays_its_message_with_escapes_resolved() {
    assert_eq!(table_missing().to_string(), "Table 'users' doesn't exist");
    assert_eq!(too_many_rows().to_string(), "5 rows at most {ratio 1.5}, partial: true | see \\docs");
    // Without a message: the description; a message without params: itself.
    assert_eq!(Busy { request_id: None, queue: 3 }.to_string(), "The database is busy.");
    let expired = auth::TokenExpired { request_id: None };
    assert_eq!(expired.to_string(), "Sign in again: the token has expired");
    // Numbers show as Rust's `Display` for `f64`.
    assert!(TooManyRows { ratio: 2.0, ..too_many_rows() }.to_string().contains("{ratio 2}"));
    assert_eq!(ErrorValue::from(table_missing()).to_string(), "Table 'users' doesn't exist");
}

#[test]
fn a_value_is_its_error_with_the_errors_getters() {
    let value = table_missing();
    assert_eq!(value.error(), QueryError::TableMissing);
    assert_eq!((value.code(), value.name(), value.http_status()), ("table_missing", "Table missing", 404));
    assert_eq!(value.recovery(), Some(Recovery::FixRequest));
    assert_eq!(QueryError::from(value.clone()), QueryError::TableMissing);
    assert_eq!(ErrorCode::from(value.clone()), ErrorCode::Query(QueryError::TableMissing));
    let any = ErrorValue::from(value);
    assert_eq!(any.error(), ErrorCode::Query(QueryError::TableMissing));
    assert_eq!((any.code(), any.http_status()), ("table_missing", 404));
    assert_eq!(ErrorCode::from(any), ErrorCode::Query(QueryError::TableMissing));
    assert_eq!(auth::Forbidden { request_id: None }.error(), AuthError::Forbidden);
}

#[test]
fn a_value_is_written_as_the_body_with_its_params_and_read_back() {
    let expected = r#"{"error":{"code":"too_many_rows","message":"5 rows at most {ratio 1.5}, partial: true | see \\docs","limit":5,"ratio":1.5,"partial":true,"columns":["id","name"]}}"#;
    assert_eq!(serde_json::to_string(&too_many_rows()).unwrap(), expected);
    assert_eq!(serde_json::from_str::<TooManyRows>(expected).unwrap(), too_many_rows());
    let any: ErrorValue = serde_json::from_str(expected).unwrap();
    assert_eq!(any, ErrorValue::from(too_many_rows()));
    assert_eq!(serde_json::to_string(&any).unwrap(), expected);
    // Shared params come first; an absent optional param is left out.
    assert_eq!(
        serde_json::to_string(&table_missing()).unwrap(),
        r#"{"error":{"code":"table_missing","message":"Table 'users' doesn't exist","request_id":"r-1","table":"users"}}"#
    );
    // A row without a message sends its name, as every error body does.
    assert_eq!(
        serde_json::to_string(&Busy { request_id: None, queue: 3 }).unwrap(),
        r#"{"error":{"code":"busy","message":"Busy","queue":3}}"#
    );
    // Another error's body is not this value.
    let busy = r#"{"error":{"code":"busy","message":"Busy","queue":3}}"#;
    assert!(serde_json::from_str::<TooManyRows>(busy).is_err());
    assert_eq!(serde_json::from_str::<ErrorValue>(busy).unwrap().error(), ErrorCode::Query(QueryError::Busy));
}

#[test]
fn a_client_keeps_the_code_when_the_params_are_wrong() {
    let error =
        ApiError::from_response(404, br#"{"error":{"code":"table_missing","message":"m","table":"users"}}"#);
    assert_eq!(error.value(), Some(ErrorValue::from(TableMissing { request_id: None, ..table_missing() })));
    // A required param of the wrong type: no value, the code and the body kept.
    let body = br#"{"error":{"code":"too_many_rows","message":"m","limit":"five","ratio":1,"partial":true,"columns":[]}}"#;
    let error = ApiError::from_response(422, body);
    assert_eq!(error.value(), None);
    assert_eq!(error.error_code(), Some(ErrorCode::Query(QueryError::TooManyRows)));
    assert_eq!(error.raw_body(), body);
    assert!(serde_json::from_slice::<TooManyRows>(body).unwrap_err().to_string().contains("`limit`"));
    // A missing one likewise; an optional one of the wrong type reads as absent.
    let error = ApiError::from_response(404, br#"{"error":{"code":"table_missing","message":"m"}}"#);
    assert_eq!((error.value(), error.error_code()), (None, Some(ErrorCode::Query(QueryError::TableMissing))));
    let error = ApiError::from_response(404, br#"{"error":{"code":"table_missing","table":"t","schema":7}}"#);
    let Some(ErrorValue::QueryTableMissing(value)) = error.value() else { panic!("a value") };
    assert_eq!((value.table.as_str(), value.schema), ("t", None));
    // An integer is a number too; a body that is not JSON has no value.
    let body = br#"{"error":{"code":"too_many_rows","limit":5,"ratio":1,"partial":false,"columns":["a"]}}"#;
    assert_eq!(ApiError::from_response(422, body).value().map(|value| value.code()), Some("too_many_rows"));
    assert_eq!(ApiError::from_response(502, b"<html>").value(), None);
}

/// An envelope holding a one-element array is a body `ErrorBody` reads,
/// and so is its value; two elements are neither.
#[test]
fn a_client_reads_the_value_of_a_body_whose_envelope_is_a_one_element_array() {
    let body = br#"{"error":[{"code":"busy","message":"Busy","queue":3}]}"#;
    let error = ApiError::from_response(503, body);
    assert_eq!(error.body().map(|body| body.message.as_str()), Some("Busy"));
    assert_eq!(error.value(), Some(ErrorValue::from(Busy { request_id: None, queue: 3 })));
    let two = br#"{"error":[{"code":"busy","message":"Busy","queue":3},{"code":"busy","message":"Busy","queue":4}]}"#;
    let error = ApiError::from_response(503, two);
    assert_eq!((error.body(), error.value()), (None, None));
}

/// A value is read in one pass over the body, as `serde_json::Value` reads
/// it: the last of a repeated member, every other member skipped whatever
/// it holds, and each param as `Value`'s `as_i64`, `as_f64`, `as_str` take it.
#[test]
fn a_value_reads_its_params_as_serde_json_values_would() {
    let read = |body: &str| serde_json::from_str::<TooManyRows>(body).ok();
    let body = |members: &str| format!(r#"{{"error":{{"code":"too_many_rows",{members}}}}}"#);
    let rows = read(&body(
        r#""limit":1,"ratio":2,"partial":true,"columns":[],"limit":7,"other":{"a":[1,{"b":null}]},"x":[[]]"#,
    ))
    .expect("a value");
    assert_eq!((rows.limit, rows.ratio, rows.columns.len()), (7, 2.0, 0));
    // An integer that does not fit, or is written as a float, is no integer.
    for limit in ["9223372036854775808", "1.0", "null", "[1]"] {
        let members = format!(r#""limit":{limit},"ratio":1,"partial":true,"columns":[]"#);
        assert_eq!(read(&body(&members)), None, "{limit}");
    }
    let members =
        r#""limit":-9223372036854775808,"ratio":18446744073709551615,"partial":false,"columns":["a"]"#;
    let rows = read(&body(members)).expect("a value");
    assert_eq!((rows.limit, rows.ratio), (i64::MIN, 18446744073709551615.0));
    // A list of strings holds strings only.
    let members = r#""limit":1,"ratio":1,"partial":true,"columns":["a",1]"#;
    assert_eq!(read(&body(members)), None);
    // The members are the envelope's, the last one sent, or the one object
    // of an array there, as `ErrorBody` reads them; one that is no object is no body.
    let last = r#"{"error":{"code":"busy","queue":1},"error":{"code":"busy","queue":2},"queue":3}"#;
    assert_eq!(serde_json::from_str::<Busy>(last).ok(), Some(Busy { request_id: None, queue: 2 }));
    let listed = r#"{"error":[{"code":"busy","queue":5}]}"#;
    assert_eq!(serde_json::from_str::<Busy>(listed).ok(), Some(Busy { request_id: None, queue: 5 }));
    for body in [
        r#"{"error":"busy"}"#,
        r#"{"error":[{"code":"busy","queue":1},{"code":"busy","queue":2}]}"#,
        r#"{"error":[[{"code":"busy","queue":1}]]}"#,
        r#"{"error":[]}"#,
        r#"{"code":"busy","queue":1}"#,
        "[]",
    ] {
        assert!(serde_json::from_str::<ErrorValue>(body).is_err(), "{body}");
    }
    // An escaped key is the same key; a code that is not the catalogue's is no value.
    let escaped = r#"{"error":{"code":"busy","qu\u0065ue":4}}"#;
    assert_eq!(serde_json::from_str::<Busy>(escaped).ok(), Some(Busy { request_id: None, queue: 4 }));
    assert!(serde_json::from_str::<ErrorValue>(r#"{"error":{"code":7,"queue":4}}"#).is_err());
}

#[test]
fn a_server_answers_with_the_value_and_the_occurrence_headers() {
    let response = table_missing().into_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        body_of(response),
        r#"{"error":{"code":"table_missing","message":"Table 'users' doesn't exist","request_id":"r-1","table":"users"}}"#
    );
    let response =
        (RetryAfter::seconds(30), ErrorValue::from(Busy { request_id: None, queue: 3 })).into_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "30");
    let (status, headers) = (response.status(), response.headers().clone());
    let body = body_of(response);
    assert_eq!(body, r#"{"error":{"code":"busy","message":"Busy","queue":3}}"#);
    // What the server sends, the client reads back, from a body it owns too.
    let read = ApiError::from_response(503, body.as_bytes());
    assert_eq!(read.value(), Some(ErrorValue::from(Busy { request_id: None, queue: 3 })));
    let owned = ApiError::from_parts_owned(status, &headers, body.into_bytes());
    assert_eq!(owned.retry_after(), Some(std::time::Duration::from_secs(30)));
    assert_eq!((owned.value(), owned.raw_body()), (read.value(), read.raw_body()));
}

#[test]
fn problem_details_carry_the_params_as_extension_members_and_the_message_as_detail() {
    use values_problem_errors::values::ErrorValue;
    let value = QuotaExceeded { trace: "t-9".into(), used: 120, window: Some(60.0) };
    let expected = r#"{"type":"https://docs.example.com/values-problem-errors.html#4290","title":"Quota exceeded","status":429,"detail":"120 requests in the window","code":4290,"trace":"t-9","used":120,"window":60.0}"#;
    assert_eq!(serde_json::to_string(&value).unwrap(), expected);
    assert_eq!(serde_json::from_str::<QuotaExceeded>(expected).unwrap(), value);
    let response = value.clone().into_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
    assert_eq!(body_of(response), expected);
    let error = values_problem_errors::ApiError::from_response(429, expected.as_bytes());
    assert_eq!(error.value(), Some(ErrorValue::from(value)));
    // A mistyped param loses the value, never the code.
    let error = values_problem_errors::ApiError::from_response(
        429,
        br#"{"type":"x","status":429,"code":4290,"used":"many","trace":"t"}"#,
    );
    assert_eq!(error.value(), None);
    assert_eq!(error.error_code().map(|error| error.code()), Some(4290));
}

/// `ApiError` keeps the params it meets while it reads the body, and
/// `value()` decodes only those: the body and the value it gives are what
/// reading the whole body again gives, whatever the params hold.
#[test]
fn an_answers_value_is_read_in_the_pass_that_reads_its_body() {
    let rows = |members: &str| format!(r#"{{"error":{{"code":"too_many_rows","message":"m",{members}}}}}"#);
    let table = |members: &str| format!(r#"{{"error":{{"code":"table_missing","message":"m",{members}}}}}"#);
    let mut bodies: Vec<Vec<u8>> = [
        rows(r#""limit":1,"ratio":2,"partial":true,"columns":["a"],"limit":7"#),
        rows(r#""limit":1.0,"ratio":1,"partial":true,"columns":[]"#),
        rows(r#""limit":9223372036854775808,"ratio":1,"partial":true,"columns":[]"#),
        rows(r#""limit":-1,"ratio":18446744073709551615,"partial":false,"columns":["a","b\n"]"#),
        rows(r#""limit":1,"ratio":1,"partial":null,"columns":["a",1]"#),
        rows(r#""limit":[1],"ratio":{"a":[1,{"b":null}]},"partial":true,"columns":{}"#),
        table(r#""table":"a","table":"b","schema":7,"request_id":"r""#),
        table(r#""t\u0061ble":"us\u0065rs\n","schema":"","other":[[{"table":"no"}]]"#),
        table(r#""table":{"name":"users"}"#),
        table(r#""table":"users","schema":1e400"#),
        table(r#""table":"\ud800""#),
        String::from(r#"{"error":[{"code":"table_missing","message":"m","table":"t"}],"table":"outside"}"#),
        String::from(r#"{"error":{"code":"table_missing","table":"no message"}}"#),
        String::from(r#"{"error":{"code":"table_missing","message":"m","table":"t"},"error":{}}"#),
        String::from(r#"{"error":{"code":"table_missing","message":"m","table":"t"}} trailing"#),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    // Not UTF-8, in a param and in another member.
    bodies.push(br#"{"error":{"code":"table_missing","message":"m","table":"\xff"}}"#.to_vec());
    bodies.push(br#"{"error":{"code":"table_missing","message":"m","table":"t","x":"\xff"}}"#.to_vec());
    let mut values = 0;
    for body in &bodies {
        let text = String::from_utf8_lossy(body);
        let error = ApiError::from_response(404, body);
        let whole = serde_json::from_slice::<values_errors::ErrorBody>(body).ok();
        assert_eq!(error.body(), whole.as_ref(), "{text}");
        assert_eq!(error.value(), serde_json::from_slice::<ErrorValue>(body).ok(), "{text}");
        values += usize::from(error.value().is_some());
        // A body the caller owns is read alike, and kept as it came.
        let owned = ApiError::from_response_owned(404, body.clone());
        assert_eq!((&owned, owned.value(), owned.raw_body()), (&error, error.value(), &body[..]), "{text}");
    }
    assert_eq!(values, 6);
    // A param that no `Value` can hold (past `f64`, a lone surrogate) still
    // leaves the body, read again as before; only the value is lost.
    for body in [&bodies[9], &bodies[10]] {
        let error = ApiError::from_response(404, body);
        assert_eq!((error.body().is_some(), error.value()), (true, None));
    }
}
