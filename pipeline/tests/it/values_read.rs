//! `ApiError::value` against a second, whole parse, on bodies made at
//! random: the params `ApiError`'s own pass keeps (in its few inline slots,
//! in the list past them, or as `serde_json::Value`s) must read as
//! `serde_json::from_slice::<ErrorValue>` reads the whole body, and the
//! body as `ErrorBody` reads it, whatever the members hold.

use proptest::prelude::*;
use values_errors::values::ErrorValue;
use values_errors::{ApiError, ErrorBody};

/// Member keys: the body's own but the code (a body that repeats it is no
/// `ErrorBody`, and which error it names is `ApiError`'s rule, not a
/// parse's), every param of some value (more than the inline slots), escaped ones,
/// and keys of no value at all.
const KEYS: &[&str] = &[
    "message",
    "trace_id",
    "request_id",
    "table",
    "schema",
    "limit",
    "ratio",
    "partial",
    "columns",
    "queue",
    r"t\u0061ble",
    r"qu\u0065ue",
    "other",
    r"x\u0001",
    r"\ud800",
    "é",
    "",
];

/// Member values: texts plain, escaped, not ASCII or not text at all,
/// numbers of every kind `serde_json` reads, and the other JSON values.
const VALUES: &[&str] = &[
    r#""users""#,
    r#""""#,
    r#""us\u0065rs\n""#,
    r#""Zürich""#,
    r#""\ud800""#,
    r#""table_missing""#,
    r#""too_many_rows""#,
    r#""busy""#,
    r#""token_expired""#,
    r#"["table_missing"]"#,
    "7",
    "-3",
    "0",
    "18446744073709551615",
    "9223372036854775808",
    "1.5",
    "-0.0",
    "1e400",
    "true",
    "false",
    "null",
    r#"["a","b"]"#,
    r#"["a",1]"#,
    "[]",
    r#"{"a":[1,{"b":null}]}"#,
];

/// An error body: its envelope's members, each a key and a value of the
/// lists above (repeated keys included), with space around the colons now
/// and then.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let member = (prop::sample::select(KEYS), prop::sample::select(VALUES), any::<bool>());
    (prop::sample::select(&VALUES[5..9]), prop::collection::vec(member, 0..12)).prop_map(|(code, members)| {
        let mut text = format!(r#"{{"error":{{"code":{code},"message":"m""#);
        for (key, value, spaced) in members {
            let colon = if spaced { " : " } else { ":" };
            text.push_str(&format!(r#","{key}"{colon}{value}"#));
        }
        text.push_str("}}");
        text.into_bytes()
    })
}

proptest! {
    #[test]
    fn a_value_reads_as_the_whole_body_does(body in body()) {
        let text = String::from_utf8_lossy(&body).into_owned();
        let error = ApiError::from_response(404, &body);
        let whole = serde_json::from_slice::<ErrorBody>(&body).ok();
        prop_assert_eq!(error.body(), whole.as_ref(), "{}", text);
        prop_assert_eq!(error.value(), serde_json::from_slice::<ErrorValue>(&body).ok(), "{}", text);
        prop_assert_eq!(error.raw_body(), &body[..]);
    }
}

/// Past the inline slots: a body with every param of every value, some
/// repeated, keeps the last of each wherever it is kept.
#[test]
fn params_past_the_inline_slots_read_as_the_whole_body_does() {
    let body = br#"{"error":{"code":"too_many_rows","message":"m","request_id":"r","table":"t","schema":"s",
        "queue":1,"limit":1,"ratio":2.5,"partial":true,"columns":["a"],"limit":9,"request_id":"last"}}"#;
    let error = ApiError::from_response(422, body);
    let value = error.value().expect("a value");
    assert_eq!(Some(&value), serde_json::from_slice::<ErrorValue>(body).ok().as_ref());
    let ErrorValue::QueryTooManyRows(rows) = value else { panic!("{value:?}") };
    assert_eq!((rows.request_id.as_deref(), rows.limit, rows.ratio), (Some("last"), 9, 2.5));
    assert!(rows.partial);
    assert_eq!(rows.columns, ["a"]);
}

/// A body not all UTF-8 (a member no value reads, skipped unchecked, holds
/// a byte that is not): its text params still read, each checked alone,
/// as the whole body reads them.
#[test]
fn text_params_read_where_the_rest_of_the_body_is_not_utf8() {
    let mut body = br#"{"error":{"code":"table_missing","message":"m","other":"x"#.to_vec();
    body.push(0xff);
    body.extend_from_slice(br#"","request_id":"r","table":"Z\u00fcrich","schema":"s"}}"#);
    let error = ApiError::from_response(404, &body);
    assert!(std::str::from_utf8(error.raw_body()).is_err());
    let value = error.value().expect("a value");
    assert_eq!(Some(&value), serde_json::from_slice::<ErrorValue>(&body).ok().as_ref());
    let ErrorValue::QueryTableMissing(missing) = value else { panic!("{value:?}") };
    assert_eq!((missing.request_id.as_deref(), missing.table.as_str()), (Some("r"), "Zürich"));
    assert_eq!(missing.schema.as_deref(), Some("s"));
}
