//! A `reqwest` client against this server, over real HTTP on 127.0.0.1:
//! every answer reads back, through the generated crate's `reqwest`
//! feature, as the error and the typed value the server answered with,
//! with the request id the client sent and how long to wait.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use values_errors::values::ErrorValue;
use values_errors::values::query::{Busy, TableMissing, TooManyRows};
use values_errors::{ApiError, ApiErrorKind, ErrorCode, QueryError, Recovery};
use values_server::{BUSY_WAIT, QUEUE, REPORT_TRACE, REQUEST_ID, ROW_LIMIT};

/// Starts the server on a free port in a thread of its own; its base URL.
/// The thread ends with the test process.
fn start() -> String {
    let (sent, address) = mpsc::channel();
    thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_io().build().expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
                .await
                .expect("a free port on 127.0.0.1");
            sent.send(listener.local_addr().expect("a bound address")).expect("the test waits");
            values_server::serve(listener).await.expect("the server runs");
        });
    });
    let address = address.recv_timeout(Duration::from_secs(10)).expect("the server starts");
    format!("http://{address}")
}

/// What a GET of `url` answered: its status and `Content-Type`, and the
/// answer read as the generated crate's `ApiError` (`None` for a success).
fn fetch(url: &str, request_id: Option<&str>) -> (u16, String, Option<ApiError>) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(async {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("a client");
        let mut request = client.get(url);
        if let Some(id) = request_id {
            request = request.header(REQUEST_ID, id);
        }
        let response = request.send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let status = response.status().as_u16();
        let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok());
        let content_type = content_type.unwrap_or("").to_owned();
        if response.status().is_success() {
            return (status, content_type, None);
        }
        let error = ApiError::from_reqwest(response).await.expect("the body is read");
        (status, content_type, Some(error))
    })
}

/// GETs `url` with the request id `id`, expecting an error.
fn fetch_error(url: &str, id: &str) -> ApiError {
    let (status, content_type, error) = fetch(url, Some(id));
    assert_eq!(content_type, "application/json", "{url}");
    let error = error.unwrap_or_else(|| panic!("{url} answered {status}, not an error"));
    assert_eq!(error.status(), status);
    error
}

#[test]
fn a_value_reads_back_typed_with_its_message_and_the_request_id() {
    let base = start();
    let error = fetch_error(&format!("{base}/tables/users"), "r-1");
    assert_eq!(error.status(), 404);
    assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::Query(QueryError::TableMissing)));
    assert_eq!(error.recovery(), Some(Recovery::FixRequest));
    // The message is the row's template rendered with the params.
    assert_eq!(error.message(), Some("Table 'users' doesn't exist"));
    let expected =
        TableMissing { request_id: Some("r-1".to_owned()), table: "users".to_owned(), schema: None };
    assert_eq!(error.value(), Some(ErrorValue::QueryTableMissing(expected.clone())));
    assert_eq!(error.value().map(|value| value.to_string()), Some(expected.to_string()));
    // The body's own words, as sent: the params beside the code, in the envelope.
    assert_eq!(
        String::from_utf8_lossy(error.raw_body()),
        r#"{"error":{"code":"table_missing","message":"Table 'users' doesn't exist","request_id":"r-1","table":"users"}}"#
    );
}

#[test]
fn every_type_of_param_reads_back_as_sent() {
    let base = start();
    let error = fetch_error(&format!("{base}/rows/150"), "r-2");
    assert_eq!(error.status(), 422);
    let Some(ErrorValue::QueryTooManyRows(value)) = error.value() else {
        panic!("not a value of too many rows: {:?}", error.value());
    };
    assert_eq!(
        value,
        TooManyRows {
            request_id: Some("r-2".to_owned()),
            limit: ROW_LIMIT,
            ratio: 1.5,
            partial: false,
            columns: vec!["id".to_owned(), "name".to_owned()],
        }
    );
    assert_eq!(error.message(), Some("100 rows at most {ratio 1.5}, partial: false | see \\docs"));
    assert_eq!(error.message(), Some(value.to_string().as_str()));

    // Under the limit the handler succeeds.
    let (status, _, error) = fetch(&format!("{base}/rows/100"), None);
    assert_eq!((status, error.map(|error| error.kind())), (200, None));
}

#[test]
fn a_busy_answer_says_how_long_to_wait_what_waits_and_its_trace() {
    let base = start();
    let error = fetch_error(&format!("{base}/report"), "r-3");
    assert_eq!(error.status(), 503);
    assert_eq!(error.error_code(), Some(ErrorCode::Query(QueryError::Busy)));
    assert!(error.recovery().is_some_and(Recovery::is_retry));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(BUSY_WAIT)));
    let expected = Busy { request_id: Some("r-3".to_owned()), queue: QUEUE };
    assert_eq!(error.value(), Some(ErrorValue::QueryBusy(expected)));
    // The body's member naming the occurrence, beside the params.
    assert_eq!(error.body().and_then(|body| body.trace_id.as_deref()), Some(REPORT_TRACE));
    // Without a message template, the message is the row's as the body says.
    assert_eq!(error.message(), Some(QueryError::Busy.name()));
}

#[test]
fn an_optional_param_not_sent_is_absent_and_the_code_is_kept() {
    let base = start();
    let (status, _, error) = fetch(&format!("{base}/tables/orders"), None);
    let error = error.expect("an error");
    assert_eq!(status, 404);
    let Some(ErrorValue::QueryTableMissing(value)) = error.value() else {
        panic!("not a value of a missing table: {:?}", error.value());
    };
    assert_eq!((value.request_id, value.table.as_str()), (None, "orders"));
    assert!(!String::from_utf8_lossy(error.raw_body()).contains("request_id"));
}
