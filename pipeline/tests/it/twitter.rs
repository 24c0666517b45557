//! A real catalogue nobody here wrote (`fixtures/twitter.yaml`, Twitter
//! API v1.1 error codes), read back through the crate generated from it:
//! every text verbatim, the body as Twitter sends it, and the catalogue's
//! own recovery vocabulary.

use twitter_errors::{ApiError, ApiErrorKind, ErrorBody, ErrorCode, Recovery, TwitterError};

use crate::fixtures::root;

/// The fixture as plain YAML, independent of the generator's own reading.
fn spec() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/twitter.yaml")).expect("the fixture");
    serde_yaml::from_str(&text).expect("YAML")
}

#[test]
fn every_row_reads_back_verbatim() {
    let spec = spec();
    let rows = spec["tables"][0]["errors"].as_array().expect("rows");
    assert_eq!(rows.len(), TwitterError::ALL.len());
    for row in rows {
        let code = u32::try_from(row["code"].as_u64().expect("a code")).expect("a u32");
        let error = ErrorCode::from_code(code).unwrap_or_else(|| panic!("{code} is listed"));
        assert_eq!(error.name(), row["name"].as_str().expect("a name"), "{code}");
        assert_eq!(error.description(), row["description"].as_str().expect("a description"), "{code}");
        assert_eq!(u64::from(error.http_status()), row["http_status"].as_u64().expect("a status"), "{code}");
        assert_eq!(error.recovery().map(Recovery::as_str), row["recovery"].as_str(), "{code}");
    }
    let recoveries = spec["recoveries"].as_array().expect("recoveries");
    assert_eq!(recoveries.len(), Recovery::ALL.len());
    for (declared, &recovery) in recoveries.iter().zip(Recovery::ALL) {
        assert_eq!(recovery.as_str(), declared["id"].as_str().expect("an id"));
        assert_eq!(recovery.description(), declared["description"].as_str().expect("a description"));
        assert_eq!(recovery.is_retry(), declared["retry"].as_bool().unwrap_or(false), "{recovery}");
    }
}

#[test]
fn responses_parse_as_twitter_sends_them() {
    let body = br#"{"errors":[{"code":88,"message":"Rate limit exceeded."}]}"#;
    let error = ApiError::from_response(429, body);
    assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::Twitter(TwitterError::RateLimitExceeded)));
    assert_eq!(error.message(), Some("Rate limit exceeded."));
    assert_eq!(error.recovery(), Some(Recovery::WaitForReset));
    assert!(error.recovery().is_some_and(Recovery::is_retry));

    // The members may also come as an object, and other members are ignored.
    let parsed: ErrorBody = serde_json::from_str(
        r#"{"errors":{"code":"34","message":"Sorry, that page does not exist."},"x":1}"#,
    )
    .expect("an error body");
    assert_eq!(parsed.code.error_code(), Some(ErrorCode::Twitter(TwitterError::SorryThatPageDoesNotExist)));
    assert_eq!(parsed.message, "Sorry, that page does not exist.");

    // A body without the `errors` member is not Twitter's: the status is all.
    let error = ApiError::from_response(404, br#"{"code":34,"message":"Sorry, that page does not exist."}"#);
    assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 404, code: None });
    assert!(error.body().is_none());
}
