//! A `reqwest` client against this server, over real HTTP on 127.0.0.1, in
//! every language: the answer's `Content-Language` and message follow the
//! request's `Accept-Language`, and the code and the typed value the
//! client reads back through the generated crate's `reqwest` feature are
//! the same whatever the language.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use localized_errors::values::ErrorValue;
use localized_errors::values::server::{ErConCountError, ErDupEntry, ErNoSuchTable};
use localized_errors::{ApiError, ErrorCode, Locale, LocalizedMessage, ServerError};
use localized_server::REQUEST_ID;

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
            localized_server::serve(listener).await.expect("the server runs");
        });
    });
    let address = address.recv_timeout(Duration::from_secs(10)).expect("the server starts");
    format!("http://{address}")
}

/// What a GET of `url` with `Accept-Language: accept` (none for `None`)
/// answered: its `Content-Language`, and the answer read as the generated
/// crate's `ApiError`.
fn fetch(url: &str, accept: Option<&str>) -> (Option<String>, ApiError) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    runtime.block_on(async {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("a client");
        let mut request = client.get(url).header(REQUEST_ID, "r-7");
        if let Some(accept) = accept {
            request = request.header("accept-language", accept);
        }
        let response = request.send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
        assert!(!response.status().is_success(), "{url} answered {}", response.status());
        let language = response.headers().get("content-language").and_then(|v| v.to_str().ok());
        let language = language.map(str::to_owned);
        (language, ApiError::from_reqwest(response).await.expect("the body is read"))
    })
}

/// `Accept-Language` headers, the locale each negotiates, and the message
/// of a missing table `shop.users` in it.
const MISSING_TABLE: &[(Option<&str>, &str, &str)] = &[
    (None, "en", "Table 'shop.users' doesn't exist"),
    (Some("en-GB"), "en", "Table 'shop.users' doesn't exist"),
    (Some("de"), "de", "Die Tabelle 'shop.users' existiert nicht"),
    (Some("de-CH, fr;q=0.8"), "de", "Die Tabelle 'shop.users' existiert nicht"),
    (Some("fr-CA"), "fr", "La table 'shop.users' n'existe pas"),
    (Some("ja, fr;q=0.5, de;q=0.4"), "fr", "La table 'shop.users' n'existe pas"),
    // Nothing the catalogue declares: the default.
    (Some("ja, *;q=0.1"), "en", "Table 'shop.users' doesn't exist"),
    (Some("no such tag!"), "en", "Table 'shop.users' doesn't exist"),
];

#[test]
fn each_language_is_answered_and_the_value_is_the_same() {
    let base = start();
    let expected = ErNoSuchTable { db: "shop".to_owned(), table: "users".to_owned() };
    for &(accept, tag, message) in MISSING_TABLE {
        let (language, error) = fetch(&format!("{base}/tables/shop/users"), accept);
        assert_eq!(language.as_deref(), Some(tag), "{accept:?}");
        assert_eq!(error.status(), 404);
        assert_eq!(error.error_code(), Some(ErrorCode::Server(ServerError::ErNoSuchTable)), "{accept:?}");
        assert_eq!(error.message(), Some(message), "{accept:?}");
        // The typed value is the same in every language.
        assert_eq!(error.value(), Some(ErrorValue::ServerErNoSuchTable(expected.clone())), "{accept:?}");
        // And what the crate renders in that locale is what was sent.
        let locale = Locale::from_tag(tag).expect("a declared locale");
        assert_eq!(expected.message_in(locale), message);
        assert_eq!(Locale::negotiate(accept.unwrap_or_default()), locale);
    }
}

#[test]
fn params_move_where_the_language_puts_them_and_a_partial_locale_falls_back() {
    let base = start();
    let expected = ErDupEntry { entry: "ada".to_owned(), index: "users.name".to_owned() };
    for (accept, language, message) in [
        ("en", "en", "Duplicate entry 'ada' for key 'users.name'"),
        // German puts the index first.
        ("de", "de", "Für den Schlüssel 'users.name' gibt es den Eintrag 'ada' schon"),
        // French is partial and does not translate this row: English, and
        // the answer says so.
        ("fr", "en", "Duplicate entry 'ada' for key 'users.name'"),
    ] {
        let (sent_in, error) = fetch(&format!("{base}/entries/users.name/ada"), Some(accept));
        assert_eq!(sent_in.as_deref(), Some(language), "{accept}: Content-Language");
        assert_eq!(error.status(), 409);
        assert_eq!(error.message(), Some(message), "{accept}");
        assert_eq!(error.value(), Some(ErrorValue::ServerErDupEntry(expected.clone())), "{accept}");
        let locale = Locale::negotiate(accept);
        assert_eq!(expected.message_locale(locale).tag(), language);
    }
}

#[test]
fn an_error_value_with_its_occurrence_is_answered_in_each_language() {
    let base = start();
    for (accept, message) in
        [("en", "Too many connections"), ("de", "Zu viele Verbindungen"), ("fr", "Trop de connexions")]
    {
        let (language, error) = fetch(&format!("{base}/connect"), Some(accept));
        assert_eq!((language.as_deref(), error.status()), (Some(accept), 503));
        assert_eq!(error.message(), Some(message));
        assert_eq!(error.value(), Some(ErrorValue::ServerErConCountError(ErConCountError {})));
        assert_eq!(error.body().and_then(|body| body.request_id.as_deref()), Some("r-7"));
    }
}
