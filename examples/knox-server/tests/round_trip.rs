//! The client of the `knox-client` example against this server, over real
//! HTTP on 127.0.0.1: every error the server answers reads back as the same
//! error, with the same next step, and nothing lost; read with `ureq`, and
//! with `reqwest` through the generated crate's `reqwest` feature.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, SystemTime};

use knox_client::{NextStep, next_step};
use knox_cloud_errors::{ApiError, ApiErrorKind, AuthError, ErrorCode, HttpError, Recovery};

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
            knox_server::serve(listener).await.expect("the server runs");
        });
    });
    let address = address.recv_timeout(Duration::from_secs(10)).expect("the server starts");
    format!("http://{address}")
}

/// A client that reads error statuses as responses and never waits long.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into()
}

/// GETs `url`: the status, the `Content-Type` and the body.
fn get(agent: &ureq::Agent, url: &str) -> (u16, String, Vec<u8>) {
    let mut response = agent.get(url).call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("");
    let content_type = content_type.to_owned();
    let body = response.body_mut().read_to_vec().expect("a body");
    (response.status().as_u16(), content_type, body)
}

#[test]
fn a_handler_returning_a_catalogue_error_answers_it_as_the_catalogue_says() {
    let base = start();
    let (status, content_type, body) = get(&agent(), &format!("{base}/ams/v1/users/me"));
    assert_eq!(status, 403);
    assert_eq!(content_type, "application/json");
    assert_eq!(String::from_utf8_lossy(&body), r#"{"code":4032251,"message":"ACCESS_TOKEN_EXPIRED"}"#);

    let error = ApiError::from_response(status, &body);
    assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::Auth(AuthError::AccessTokenExpired)));
    assert_eq!(error.recovery(), Some(Recovery::NewAccessToken));
    assert_eq!(next_step(&error), NextStep::NewAccessToken);
}

#[test]
fn every_error_of_the_catalogue_reads_back_as_itself() {
    let base = start();
    let agent = agent();
    let every = HttpError::ALL
        .iter()
        .copied()
        .map(ErrorCode::Http)
        .chain(AuthError::ALL.iter().copied().map(ErrorCode::Auth));
    let mut checked = 0;
    for code in every {
        let (status, content_type, body) = get(&agent, &format!("{base}/errors/{}", code.code()));
        assert_eq!(status, code.http_status(), "{code}");
        assert_eq!(content_type, "application/json", "{code}");

        let error = ApiError::from_response(status, &body);
        assert_eq!(error.error_code(), Some(code), "{code}");
        assert_eq!(error.recovery(), code.recovery(), "{code}");
        let read = error.body().expect("an error body");
        assert_eq!(read.message, code.name(), "{code}");
        assert_eq!(read.error_id.as_deref(), Some(format!("e-{}", code.code()).as_str()), "{code}");
        // The client's decision is the one the catalogue's recovery leads to.
        let step = next_step(&error);
        match code.recovery() {
            Some(Recovery::ContactSupport) | None => {
                assert!(matches!(step, NextStep::Report { error_id: Some(_), raw: None }), "{code}: {step:?}")
            }
            Some(_) => assert!(!matches!(step, NextStep::Report { .. }), "{code}: {step:?}"),
        }
        checked += 1;
    }
    assert_eq!(checked, HttpError::ALL.len() + AuthError::ALL.len());
}

#[test]
fn a_code_the_catalogue_does_not_list_is_not_found() {
    let base = start();
    let (status, _, body) = get(&agent(), &format!("{base}/errors/4090301"));
    assert_eq!(status, 404);
    assert_eq!(
        ApiError::from_response(status, &body).error_code(),
        Some(ErrorCode::Http(HttpError::NotFound))
    );
}

/// GETs `url` with `reqwest` and reads the answer with the generated
/// crate's `ApiError::from_reqwest`.
fn fetch_with_reqwest(url: &str) -> ApiError {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(async {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("a client");
        let response = client.get(url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
        ApiError::from_reqwest(response).await.expect("the body is read")
    })
}

#[test]
fn reqwest_reads_every_error_and_how_long_to_wait() {
    let base = start();
    for code in HttpError::ALL
        .iter()
        .copied()
        .map(ErrorCode::Http)
        .chain([ErrorCode::Auth(AuthError::AccessTokenExpired)])
    {
        let error = fetch_with_reqwest(&format!("{base}/errors/{}", code.code()));
        assert_eq!((error.status(), error.error_code()), (code.http_status(), Some(code)), "{code}");
        let id = format!("e-{}", code.code());
        assert_eq!(error.body().and_then(|body| body.error_id.as_deref()), Some(id.as_str()), "{code}");
        // Too many requests says how long to wait; nothing else does.
        let wait =
            (code.http_status() == 429).then(|| Duration::from_secs(knox_server::TOO_MANY_REQUESTS_WAIT));
        assert_eq!(error.retry_after(), wait, "{code}");
    }

    // Down for maintenance: an unlisted 503, back at an HTTP date.
    let error = fetch_with_reqwest(&format!("{base}/maintenance"));
    assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 503, code: None });
    assert_eq!(error.recovery(), Some(Recovery::RetryLater));
    let left = knox_server::back_at().duration_since(SystemTime::now()).expect("a date to come");
    let delay = error.retry_after().expect("a delay");
    assert_eq!(delay, left.min(ApiError::MAX_RETRY_AFTER));
}
