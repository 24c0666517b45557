//! The fixed response code run against the stand-ins: how codes and bodies
//! read and write JSON, and what `ApiError` keeps of a response.

use super::api_error::ApiError;
use super::{ApiErrorKind, BodyCode, ErrorBody, ErrorCode, Recovery};

fn code(json: &str) -> Result<BodyCode, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn codes_read_from_integers_digit_strings_and_one_element_arrays() {
    for (json, number, quoted) in [
        ("4040000", 4040000, false),
        ("-7", -7, false),
        ("18446744073709551615", i128::from(u64::MAX), false),
        ("-9223372036854775808", i128::from(i64::MIN), false),
        ("\"40400\"", 40400, true),
        ("[5000000]", 5000000, false),
        ("[\"0\"]", 0, true),
    ] {
        let read = code(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!((read.number(), read.is_quoted()), (number, quoted), "{json}");
    }
}

#[test]
fn codes_refuse_what_would_not_write_back_the_same() {
    for json in [
        "\"007\"", "\"-0\"", "\"+1\"", "\" 1\"", "\"\"", "[]", "[1,2]", "[[1]]", "1.5", "null", "{}",
        // A sign is not a digit: the documented pattern is `^[0-9]{1,10}$`.
        "\"-12\"", "\"-7\"", "[\"-7\"]",
    ] {
        assert!(code(json).is_err(), "{json} was accepted");
    }
    // serde_json reads an integer past 64 bits as a float.
    assert!(code("18446744073709551616").is_err(), "above 2^64");
}

#[test]
fn codes_write_back_as_they_were_read() {
    for json in ["4040000", "-7", "\"40400\"", "18446744073709551615", "-9223372036854775808"] {
        assert_eq!(serde_json::to_string(&code(json).unwrap()).unwrap(), json);
    }
    let widest = BodyCode::new(i128::MIN);
    assert_eq!(serde_json::to_string(&widest).unwrap(), i128::MIN.to_string());
    assert_eq!(serde_json::to_string(&BodyCode::from(ErrorCode::Internal)).unwrap(), "5000000");
    assert_eq!(BodyCode::quoted(-3).to_string(), "-3");
}

#[test]
fn codes_find_their_error_by_code_or_alias() {
    assert_eq!(BodyCode::new(4040000).error_code(), Some(ErrorCode::NotFound));
    assert_eq!(BodyCode::quoted(40400).error_code(), Some(ErrorCode::NotFound));
    assert_eq!(BodyCode::new(1).error_code(), None);
    assert_eq!(BodyCode::new(-4040000).error_code(), None);
    assert_eq!(BodyCode::new(i128::from(u32::MAX) + 4040000).error_code(), None);
}

#[test]
fn bodies_read_plain_or_one_element_fields_and_ignore_others() {
    let body: ErrorBody = serde_json::from_str(
        r#"{"code":["40400"],"message":["NOT_FOUND"],"data":null,"errorId":"e1","extra":{"x":[1]}}"#,
    )
    .unwrap();
    assert_eq!(body.code, BodyCode::quoted(40400));
    assert_eq!(body.message, "NOT_FOUND");
    assert_eq!(body.data, None);
    assert_eq!(body.error_id.as_deref(), Some("e1"));
    for json in [
        r#"{"message":"X"}"#,
        r#"{"code":1}"#,
        r#"{"code":1,"message":null}"#,
        r#"{"code":1,"code":2,"message":"X"}"#,
        r#"{"code":1,"message":["X","Y"]}"#,
        r#"[1,"X"]"#,
    ] {
        assert!(serde_json::from_str::<ErrorBody>(json).is_err(), "{json} was accepted");
    }
}

/// APIs fill a details member with objects, arrays and numbers as often as
/// with text: the body is still read, its details as no text (the raw
/// body keeps them), and a text in an array as that text.
#[test]
fn details_that_are_no_text_do_not_lose_the_body() {
    for (details, read) in [
        (r#"{"field":"name","reason":["too long"]}"#, None),
        (r#"[{"x":1},"y"]"#, None),
        (r#"["why",{"x":1}]"#, Some("why")),
        ("[[\"nested\"]]", None),
        ("42", None),
        ("-1.5", None),
        ("true", None),
        (r#""text""#, Some("text")),
    ] {
        let json = format!(r#"{{"code":40400,"message":"NOT_FOUND","data":{details},"errorId":"e1"}}"#);
        let body: ErrorBody = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!((body.message.as_str(), body.data.as_deref()), ("NOT_FOUND", read), "{json}");
        assert_eq!(body.error_id.as_deref(), Some("e1"), "{json}");
        let error = ApiError::from_response(404, json.as_bytes());
        assert_eq!(error.message(), Some("NOT_FOUND"), "{json}");
    }
    // The message is still text only.
    assert!(serde_json::from_str::<ErrorBody>(r#"{"code":1,"message":{"x":1}}"#).is_err());
}

#[test]
fn bodies_write_the_plain_shape_without_absent_fields() {
    let mut body = ErrorBody {
        code: BodyCode::new(4040000),
        message: "NOT_FOUND".to_owned(),
        data: None,
        error_id: None,
    };
    assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"code":4040000,"message":"NOT_FOUND"}"#);
    body.data = Some("d".to_owned());
    body.error_id = Some("e".to_owned());
    let json = serde_json::to_string(&body).unwrap();
    assert_eq!(json, r#"{"code":4040000,"message":"NOT_FOUND","data":"d","errorId":"e"}"#);
    assert_eq!(serde_json::from_str::<ErrorBody>(&json).unwrap(), body);
}

#[test]
fn api_errors_classify_the_body_and_keep_the_bytes() {
    let raw = br#"{"code":40400,"message":"NOT_FOUND","errorId":"a1"}"#;
    let error = ApiError::from_response(404, raw);
    assert_eq!(error.status(), 404);
    assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::NotFound));
    assert_eq!(error.error_code(), Some(ErrorCode::NotFound));
    assert_eq!(error.recovery(), Some(Recovery::FixRequest));
    assert_eq!(error.message(), Some("NOT_FOUND"));
    assert_eq!(error.body().and_then(|body| body.error_id.as_deref()), Some("a1"));
    assert_eq!(error.raw_body(), raw);

    let error = ApiError::from_response(503, b"<html>busy</html>");
    assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 503, code: None });
    assert_eq!((error.body(), error.message(), error.recovery()), (None, None, None));
    assert_eq!(error.raw_body(), b"<html>busy</html>");
    assert_eq!(ApiErrorKind::Code(ErrorCode::Internal).recovery(), Some(Recovery::Retry));
}

#[test]
fn only_a_body_that_starts_as_a_json_object_is_parsed() {
    // JSON whitespace before the object is JSON.
    let raw = b" \r\n\t{\"code\":40400,\"message\":\"NOT_FOUND\"}";
    let error = ApiError::from_response(404, raw);
    assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::NotFound));
    assert_eq!(error.message(), Some("NOT_FOUND"));
    // A byte-order mark, an array, text or nothing: kept as they came.
    for raw in [&b"\xEF\xBB\xBF{\"code\":40400}"[..], br#"[{"code":40400}]"#, b"NOT_FOUND 40400", b"", b" \n"]
    {
        let error = ApiError::from_response(404, raw);
        let shown = String::from_utf8_lossy(raw);
        assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 404, code: None }, "{shown}");
        assert_eq!((error.body(), error.message()), (None, None), "{shown}");
        assert_eq!(error.raw_body(), raw);
    }
}

#[test]
fn api_errors_classify_by_the_code_of_a_body_without_a_message() {
    for raw in [
        &br#"{"code":40400}"#[..],
        br#"{"code":"4040000","message":null}"#,
        br#"{"code":[40400],"message":5,"data":{"x":1}}"#,
        br#"{"message":["X","Y"],"code":4040000,"errorId":7}"#,
    ] {
        let error = ApiError::from_response(404, raw);
        let shown = String::from_utf8_lossy(raw);
        assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::NotFound), "{shown}");
        assert_eq!(error.recovery(), Some(Recovery::FixRequest), "{shown}");
        assert_eq!((error.body(), error.message()), (None, None), "{shown}: not a whole error body");
        assert_eq!(error.raw_body(), raw);
    }
    let error = ApiError::from_response(418, br#"{"code":"7"}"#);
    assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 418, code: Some(BodyCode::quoted(7)) });
    for raw in [&br#"{"code":"-7"}"#[..], br#"{"code":1,"code":2}"#, br#"{"code":{}}"#, br#"[40400]"#] {
        let error = ApiError::from_response(418, raw);
        let shown = String::from_utf8_lossy(raw);
        assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 418, code: None }, "{shown}");
    }
}

#[test]
fn display_shows_the_error_and_what_the_body_adds() {
    let error = ApiError::from_response(404, br#"{"code":40400,"message":"NOT_FOUND","errorId":"a1"}"#);
    assert_eq!(error.to_string(), "HTTP 404: 4040000 NOT_FOUND: No such thing. (sent as 40400) [errorId a1]");
    let error = ApiError::from_response(418, br#"{"code":7,"message":"teapot"}"#);
    let expected = "HTTP 418: an error the catalogue does not list (code 7, message \"teapot\")";
    assert_eq!(error.to_string(), expected);
    assert_eq!(
        ApiError::from_response(500, b"").to_string(),
        "HTTP 500: an error the catalogue does not list"
    );
    let error = ApiError::from_response(502, b"<html>Bad Gateway</html>");
    let expected = "HTTP 502: an error the catalogue does not list (body: \"<html>Bad Gateway</html>\")";
    assert_eq!(error.to_string(), expected);
}

#[test]
fn display_shows_a_bounded_part_of_what_the_server_sent() {
    let huge = "é".repeat(5_000_000);
    let raw = format!(r#"{{"code":7,"message":"{huge}","errorId":"{huge}"}}"#);
    let error = ApiError::from_response(500, raw.as_bytes());
    let shown = error.to_string();
    assert!(shown.chars().count() < 1_000, "{} characters shown", shown.chars().count());
    assert_eq!(shown.matches('…').count(), 2, "each cut is marked: {shown}");
    assert_eq!(error.message(), Some(huge.as_str()), "the accessor keeps the whole text");
    assert_eq!(error.body().and_then(|body| body.error_id.as_deref()), Some(huge.as_str()));

    let error = ApiError::from_response(500, huge.as_bytes());
    assert!(error.to_string().chars().count() < 1_000);
    assert_eq!(error.raw_body(), huge.as_bytes());

    // An id is printed bare, but cannot start a line or move the cursor.
    let error =
        ApiError::from_response(404, br#"{"code":40400,"message":"M","errorId":"a\nHTTP 200\u001b[2J"}"#);
    assert_eq!(
        error.to_string(),
        r"HTTP 404: 4040000 NOT_FOUND: No such thing. (sent as 40400) [errorId a\nHTTP 200\u{1b}[2J]"
    );
}

#[test]
fn debug_shows_a_utf8_body_as_text_and_other_bytes_as_bytes() {
    let html = format!("{:?}", ApiError::from_response(502, b"<html>Bad Gateway</html>"));
    assert!(html.contains(r#"raw: "<html>Bad Gateway</html>""#), "{html}");
    let bytes = format!("{:?}", ApiError::from_response(502, &[0xff, 0x00]));
    assert!(bytes.contains("raw: [255, 0]"), "{bytes}");
}

#[test]
fn a_delay_read_elsewhere_is_kept() {
    let error = ApiError::from_response(503, b"");
    assert_eq!(error.retry_after(), None);
    let delay = std::time::Duration::from_secs(7);
    assert_eq!(error.clone().with_retry_after(delay).retry_after(), Some(delay));
    // Whatever the server asked, a deadline computed from it does not overflow.
    let capped = error.with_retry_after(std::time::Duration::MAX).retry_after();
    assert_eq!(capped, Some(ApiError::MAX_RETRY_AFTER));
    let _deadline = std::time::Instant::now() + capped.unwrap();
}

#[test]
fn display_and_message_say_what_problem_details_say() {
    let raw = br#"{"type":"https://docs.example.com/errors.html#4040000","title":"NOT_FOUND","status":404,"detail":"no device 7","instance":"/devices/7","code":40400}"#;
    let error = ApiError::from_response(404, raw);
    assert_eq!(error.kind(), ApiErrorKind::Code(ErrorCode::NotFound));
    assert_eq!((error.body(), error.message()), (None, Some("no device 7")));
    assert_eq!(
        error.to_string(),
        r#"HTTP 404: 4040000 NOT_FOUND: No such thing. (sent as 40400, detail "no device 7") [instance /devices/7]"#
    );
    assert!(format!("{error:?}").contains(r#"detail: Some("no device 7")"#), "{error:?}");

    // An unlisted code, a detail of two lines, no instance.
    let error = ApiError::from_response(409, br#"{"title":"Conflict","detail":"held by\nsomeone","code":7}"#);
    assert_eq!(error.kind(), ApiErrorKind::Unknown { status: 409, code: Some(BodyCode::new(7)) });
    assert_eq!(
        error.to_string(),
        r#"HTTP 409: an error the catalogue does not list (code 7, detail "held by\nsomeone")"#
    );

    // Problem details with nothing more to say show their body.
    let error = ApiError::from_response(410, br#"{"title":"Gone"}"#);
    assert_eq!(error.message(), None);
    assert_eq!(
        error.to_string(),
        r#"HTTP 410: an error the catalogue does not list (body: "{\"title\":\"Gone\"}")"#
    );

    // Of each text, a bounded part.
    let huge = "é".repeat(1_000_000);
    let raw = format!(r#"{{"detail":"{huge}","instance":"{huge}","code":4040000}}"#);
    let error = ApiError::from_response(404, raw.as_bytes());
    let shown = error.to_string();
    assert!(shown.chars().count() < 1_000, "{} characters shown", shown.chars().count());
    assert_eq!(shown.matches('…').count(), 2, "each cut is marked: {shown}");
    assert_eq!(error.message(), Some(huge.as_str()), "the accessor keeps the whole text");
}
