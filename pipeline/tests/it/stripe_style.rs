//! A catalogue with string codes (`fixtures/stripe_style.yaml`), read back
//! through the crate generated from it: lookups by code and alias, the
//! conversions, serde, and responses as such an API sends them
//! (`{"error": {"code": "card_declined", …}}` with the row's status).

use stripe_style_errors::{
    ApiError, ApiErrorKind, BodyCode, CardError, ErrorBody, ErrorCode, ProblemDetails, Recovery, RequestError,
};

const DECLINED: ErrorCode = ErrorCode::Card(CardError::CardDeclined);

#[test]
#[allow(deprecated)]
fn codes_and_aliases_find_their_rows_exactly() {
    for (code, found) in [
        ("card_declined", Some(CardError::CardDeclined)),
        ("card-declined", Some(CardError::CardDeclined)),
        ("0402", Some(CardError::CardDeclined)),
        ("card.velocity_exceeded", Some(CardError::VelocityExceeded)),
        // Leading zeros, case and the retired code all count.
        ("402", None),
        ("Card_declined", None),
        ("invalid_swipe_data", None),
        ("", None),
        ("rate_limit", None),
    ] {
        assert_eq!(CardError::from_code(code), found, "{code:?}");
    }
    assert_eq!(CardError::CardDeclined.code(), "card_declined");
    assert_eq!(CardError::CardDeclined.aliases(), ["card-declined", "0402"]);
    for &error in CardError::ALL {
        assert_eq!(CardError::from_code(error.code()), Some(error));
        assert_eq!(ErrorCode::from_code(error.code()), Some(ErrorCode::Card(error)));
    }
    for &error in RequestError::ALL {
        assert_eq!(ErrorCode::from_code(error.code()), Some(ErrorCode::Request(error)));
    }
    assert_eq!(ErrorCode::from_code("0402"), Some(DECLINED));
    assert_eq!(DECLINED.code(), "card_declined");
}

/// `RequestError`'s keys (18 codes, one of them empty, and an alias: the
/// hash table's path, each slot holding its key), searched one by one.
fn request_error_by_search(code: &str) -> Option<RequestError> {
    RequestError::ALL.iter().copied().find(|error| error.code() == code || error.aliases().contains(&code))
}

#[test]
fn the_hashed_codes_agree_with_a_search_on_every_key_and_near_miss() {
    let keys = RequestError::ALL
        .iter()
        .flat_map(|error| std::iter::once(error.code()).chain(error.aliases().iter().copied()));
    for key in keys {
        assert_eq!(RequestError::from_code(key), request_error_by_search(key), "{key:?}");
        assert!(RequestError::from_code(key).is_some(), "{key:?}");
        // A changed byte anywhere, a byte more or less: every byte is compared.
        let mut near: Vec<String> = (0..key.len())
            .map(|at| {
                let mut bytes = key.as_bytes().to_vec();
                bytes[at] ^= 0x20;
                String::from_utf8_lossy(&bytes).into_owned()
            })
            .collect();
        // A zero byte more: where a table's codes are all of at most 16
        // bytes they are compared by their words (PostgreSQL's, in
        // `lookup_paths`), and a zero byte must not meet the padding; here,
        // with longer codes in the table, it is the text's compare.
        near.extend([
            format!("{key}_"),
            format!("_{key}"),
            format!("{key}\0"),
            key.get(1..).unwrap_or("").to_owned(),
        ]);
        for miss in &near {
            assert_eq!(RequestError::from_code(miss), request_error_by_search(miss), "{miss:?}");
        }
    }
}

proptest::proptest! {
    /// Any text, and text made of the codes' own characters, is found
    /// exactly when a search finds it.
    #[test]
    fn the_hashed_codes_agree_with_a_search(code in "\\PC{0,30}|[a-z_01]{0,24}") {
        proptest::prop_assert_eq!(RequestError::from_code(&code), request_error_by_search(&code));
    }
}

#[test]
fn conversions_and_display_use_the_text() {
    assert_eq!(ErrorCode::try_from("rate_limit"), Ok(ErrorCode::Request(RequestError::RateLimit)));
    assert_eq!(CardError::try_from("card-declined"), Ok(CardError::CardDeclined));
    let unknown = ErrorCode::try_from("no_such_code").expect_err("not a code");
    assert_eq!(unknown.to_string(), "unknown error code");
    assert_eq!(<&str>::from(RequestError::RateLimit), "rate_limit");
    assert_eq!(<&str>::from(DECLINED), "card_declined");
    assert_eq!(
        RequestError::RateLimit.to_string(),
        "rate_limit Rate limit: Too many requests hit the API too quickly."
    );
    // `FromStr` reads names, as for integer codes.
    assert_eq!("Rate limit".parse::<RequestError>(), Ok(RequestError::RateLimit));
    assert!("rate_limit".parse::<RequestError>().is_err());
}

#[test]
fn serde_writes_the_code_and_reads_a_code_an_alias_or_a_name() {
    assert_eq!(serde_json::to_string(&DECLINED).unwrap(), r#""card_declined""#);
    assert_eq!(serde_json::to_string(&CardError::ExpiredCard).unwrap(), r#""expired_card""#);
    for json in [r#""card_declined""#, r#""card-declined""#, r#""0402""#, r#""Card declined""#] {
        assert_eq!(serde_json::from_str::<ErrorCode>(json).unwrap(), DECLINED, "{json}");
        assert_eq!(serde_json::from_str::<CardError>(json).unwrap(), CardError::CardDeclined, "{json}");
    }
    for json in ["402", r#""402""#, r#""card declined""#, "null"] {
        assert!(serde_json::from_str::<ErrorCode>(json).is_err(), "{json}");
    }
}

#[test]
fn responses_parse_as_such_an_api_sends_them() {
    let body = br#"{"error":{"code":"card_declined","message":"Card declined","type":"card_error"}}"#;
    let error = ApiError::from_response(402, body);
    assert_eq!(error.kind(), ApiErrorKind::Code(DECLINED));
    assert_eq!(error.message(), Some("Card declined"));
    assert_eq!(error.recovery(), Some(Recovery::UseAnotherCard));
    assert_eq!(error.body().map(|body| body.code.as_str()), Some("card_declined"));

    // An alias finds the row, and the error says what was sent.
    let error = ApiError::from_response(402, br#"{"error":{"code":"0402","message":"Card declined"}}"#);
    assert_eq!(error.kind(), ApiErrorKind::Code(DECLINED));
    assert!(error.to_string().ends_with("(sent as 0402)"), "{error}");

    // A code the catalogue does not list is kept as sent.
    let error = ApiError::from_response(402, br#"{"error":{"code":"card_new_reason","message":"New"}}"#);
    assert_eq!(
        error.kind(),
        ApiErrorKind::Unknown { status: 402, code: Some(BodyCode::new("card_new_reason").unwrap()) }
    );
    assert!(error.to_string().contains("card_new_reason"), "{error}");

    // A number the catalogue does not list is kept as its digits; an
    // unlisted status still has its recovery.
    let error = ApiError::from_response(503, br#"{"error":{"code":402,"message":"X"}}"#);
    assert_eq!(
        error.kind(),
        ApiErrorKind::Unknown { status: 503, code: Some(BodyCode::new("402").unwrap()) }
    );
    assert_eq!(error.recovery(), Some(Recovery::RetryLater));
}

#[test]
fn a_code_sent_as_a_number_reads_as_its_digits() {
    let insufficient = ErrorCode::Request(RequestError::BalanceInsufficient);
    let error = ApiError::from_response(400, br#"{"error":{"code":1001,"message":"Balance insufficient"}}"#);
    assert_eq!(error.kind(), ApiErrorKind::Code(insufficient));
    assert_eq!(error.body().map(|body| body.code.as_str()), Some("1001"));
    assert!(error.to_string().ends_with("(sent as 1001)"), "{error}");
    // In an array, without a message, or in problem details alike.
    for raw in [
        &br#"{"error":{"code":[1001],"message":"m"}}"#[..],
        br#"{"error":{"code":1001}}"#,
        br#"{"type":"about:blank","status":400,"code":1001}"#,
    ] {
        let error = ApiError::from_response(400, raw);
        assert_eq!(error.kind(), ApiErrorKind::Code(insufficient), "{}", String::from_utf8_lossy(raw));
    }
    // A JSON number has no leading zero: `0402` is only ever a string.
    let error = ApiError::from_response(402, br#"{"error":{"code":402,"message":"m"}}"#);
    assert_eq!(error.error_code(), None);
    // A fraction is no code.
    let error = ApiError::from_response(418, br#"{"error":{"code":1001.0,"message":"m"}}"#);
    assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 418, code: None });
}

#[test]
fn a_problem_answer_shows_its_detail_and_instance() {
    let problem =
        ProblemDetails::from(DECLINED).with_detail("balance 3.00 < 5.00").with_instance("/payments/7");
    let error = ApiError::from_response(402, &serde_json::to_vec(&problem).unwrap());
    assert_eq!(error.kind(), ApiErrorKind::Code(DECLINED));
    assert_eq!(error.message(), Some("balance 3.00 < 5.00"));
    assert_eq!(
        error.to_string(),
        "HTTP 402: card_declined Card declined: The card was declined. \
         (detail \"balance 3.00 < 5.00\") [instance /payments/7]"
    );
    assert_eq!(error.problem_details(), Some(problem));
}

#[test]
fn bodies_and_problem_details_write_the_code_as_a_string() {
    let body = ErrorBody::from(DECLINED);
    let json = serde_json::to_string(&body).unwrap();
    assert_eq!(json, r#"{"error":{"code":"card_declined","message":"Card declined"}}"#);
    assert_eq!(serde_json::from_str::<ErrorBody>(&json).unwrap(), body);

    let problem = ProblemDetails::from(RequestError::RateLimit);
    assert!(problem.problem_type.ends_with("#Code-rate_limit"), "{}", problem.problem_type);
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json["code"], "rate_limit");
    let read: ProblemDetails = serde_json::from_value(json).unwrap();
    assert_eq!(read.error_code(), Some(ErrorCode::Request(RequestError::RateLimit)));
}

#[test]
fn display_escapes_a_code_the_catalogue_does_not_list() {
    // A string code is the server's text: it must not move the cursor or start a log line of its own.
    let body = br#"{"error":{"code":"\u001b[2J\nINFO fake","message":"m"}}"#;
    let error = ApiError::from_response(402, body);
    assert_eq!(error.body().map(|body| body.code.as_str()), Some("\u{1b}[2J\nINFO fake"));
    let shown = error.to_string();
    assert!(!shown.contains(['\u{1b}', '\n']), "{shown:?}");
    assert!(shown.contains(r"(code \u{1b}[2J\nINFO fake, message "), "{shown}");

    // An alias is the server's text too.
    let error = ApiError::from_response(402, br#"{"error":{"code":"0402","message":"Card declined"}}"#);
    assert!(error.to_string().ends_with("(sent as 0402)"), "{error}");
}

#[test]
fn retry_after_is_capped_so_a_deadline_never_overflows() {
    let response = |value: &str| {
        http::Response::builder()
            .status(429)
            .header(http::header::RETRY_AFTER, value)
            .body(Vec::new())
            .unwrap()
    };
    let error = ApiError::from_http_response(&response("18446744073709551615"));
    let delay = error.retry_after().expect("a delay");
    assert_eq!(delay, ApiError::MAX_RETRY_AFTER);
    // What a client does with it: this panicked with the delay as sent.
    let _deadline = std::time::Instant::now() + delay;

    let error = ApiError::from_http_response(&response("Fri, 31 Dec 9999 23:59:59 GMT"));
    assert_eq!(error.retry_after(), Some(ApiError::MAX_RETRY_AFTER));
    let error = ApiError::from_http_response(&response("184467440737095516150000"));
    assert_eq!(error.retry_after(), Some(ApiError::MAX_RETRY_AFTER));
    let error = ApiError::from_http_response(&response("7"));
    assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(7)));
    let error = ApiError::from_response(429, b"").with_retry_after(std::time::Duration::MAX);
    assert_eq!(error.retry_after(), Some(ApiError::MAX_RETRY_AFTER));
}
