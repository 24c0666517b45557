//! The generated crate's runtime against what a team writes without it,
//! each pair in the same run:
//!
//! - parsing an answer: `ApiError::from_parts` on a typical Knox body, a
//!   problem-details body, an HTML 5xx page and hostile bodies of 8 and
//!   64 KiB, against a `#[derive(Deserialize)]` struct read by
//!   `serde_json::from_slice`; and an answer with params read into its
//!   typed value, against the same kind of struct;
//! - answering: the body and the axum `Response` with its headers, against
//!   a `thiserror` enum answered as `(StatusCode, Json(body))`; for a value
//!   with params, its message (`Display`) against `format!`, and its answer
//!   against a `thiserror` variant with fields and a serde body.
//!
//! - reading XML bodies (`xml.rs`): S3's documented body and hostile ones
//!   of 8 and 64 KiB, the generated reader alone (no XML crate to compare).
//!
//! The hand-written side is in `hand.rs`. `cargo bench -p
//! lookup-bench --bench runtime` runs them; see BENCHMARKS.md.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use axum::response::IntoResponse;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use http::{HeaderMap, HeaderValue, StatusCode, header::CONTENT_TYPE};

// The hand-written side keeps every member it reads, as a client would,
// whether or not this benchmark looks at it.
#[allow(dead_code)]
mod hand;
mod xml;

/// The bodies a client reads.
struct Bodies {
    typical: Vec<u8>,
    problem: Vec<u8>,
    html: Vec<u8>,
    hostile_8k: Vec<u8>,
    hostile_64k: Vec<u8>,
    value: Vec<u8>,
}

impl Bodies {
    fn new() -> Self {
        use knox_cloud_errors::{AuthError, ErrorBody};
        let typical = serde_json::to_vec(
            &ErrorBody::from(AuthError::AccessTokenExpired)
                .with_data("token expired at 2026-12-06T10:02:00Z")
                .with_error_id("c0ffee00-1234-4abc-9def-0123456789ab"),
        )
        .expect("a body");
        let problem = serde_json::to_vec(&values_problem_errors::values::quota::QuotaExceeded {
            trace: String::from("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            used: 1200,
            window: Some(60.0),
        })
        .expect("a body");
        let html = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
            <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n\
            </body>\r\n</html>\r\n"
            .to_vec();
        let value = serde_json::to_vec(&values_errors::values::query::TableMissing {
            request_id: Some(String::from("req-7f3a9c")),
            table: String::from("users"),
            schema: Some(String::from("public")),
        })
        .expect("a body");
        Bodies { typical, problem, html, hostile_8k: hostile(8 << 10), hostile_64k: hostile(64 << 10), value }
    }
}

/// A valid error body of `size` bytes that makes a reader work: the code,
/// then a message of escapes and many unknown members of nested arrays.
fn hostile(size: usize) -> Vec<u8> {
    let mut body = String::from("{\"code\":4032251,\"message\":\"");
    while body.len() < size / 2 {
        body.push_str("\\u00e9\\n\\\"");
    }
    body.push('"');
    let mut i = 0;
    while body.len() < size - 40 {
        body.push_str(&format!(",\"x{i}\":[[1,2.5e3,true,null,\"\\t\"]]"));
        i += 1;
    }
    body.push('}');
    body.into_bytes()
}

fn parse(c: &mut Criterion) {
    let bodies = Bodies::new();
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let status = StatusCode::FORBIDDEN;
    for (what, body) in [
        ("typical", &bodies.typical),
        ("html_5xx", &bodies.html),
        ("hostile_8k", &bodies.hostile_8k),
        ("hostile_64k", &bodies.hostile_64k),
    ] {
        let mut group = c.benchmark_group(format!("parse/{what}"));
        group.bench_function("generated", |b| {
            b.iter(|| knox_cloud_errors::ApiError::from_parts(status, &headers, black_box(body)))
        });
        group.bench_function("hand", |b| b.iter(|| hand::parse_knox(status, black_box(body))));
        group.finish();
    }
    let mut group = c.benchmark_group("parse/problem");
    let status = StatusCode::TOO_MANY_REQUESTS;
    group.bench_function("generated", |b| {
        b.iter(|| values_problem_errors::ApiError::from_parts(status, &headers, black_box(&bodies.problem)))
    });
    group.bench_function("hand", |b| b.iter(|| hand::parse_problem(status, black_box(&bodies.problem))));
    group.finish();

    // An answer with params, into the typed value.
    let status = StatusCode::NOT_FOUND;
    let mut group = c.benchmark_group("parse/value");
    group.bench_function("generated_value", |b| {
        b.iter(|| {
            serde_json::from_slice::<values_errors::values::query::TableMissing>(black_box(&bodies.value))
        })
    });
    group.bench_function("generated_any_value", |b| {
        b.iter(|| serde_json::from_slice::<values_errors::values::ErrorValue>(black_box(&bodies.value)))
    });
    group.bench_function("generated_api_error_value", |b| {
        b.iter(|| values_errors::ApiError::from_parts(status, &headers, black_box(&bodies.value)).value())
    });
    group.bench_function("generated_api_error", |b| {
        b.iter(|| values_errors::ApiError::from_parts(status, &headers, black_box(&bodies.value)))
    });
    group.bench_function("hand", |b| b.iter(|| hand::parse_value(black_box(&bodies.value))));
    // What `ApiError` keeps beside the params: the raw body, copied.
    group.bench_function("hand_keeping_body", |b| {
        b.iter(|| hand::parse_value_keeping_body(black_box(&bodies.value)))
    });
    group.finish();

    // The same answer, its body owned by the caller (as a client's `Vec`
    // or `bytes::Bytes` is) and moved in; each side's result is dropped
    // inside the timing, as `iter` drops it, and the copy made for each
    // iteration outside it.
    let mut group = c.benchmark_group("parse/value_owned");
    let owned = || bodies.value.clone();
    group.bench_function("generated_api_error_value", |b| {
        b.iter_batched(
            owned,
            |body| drop(black_box(values_errors::ApiError::from_parts_owned(status, &headers, body).value())),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("hand_keeping_body", |b| {
        b.iter_batched(owned, |body| drop(black_box(hand::parse_value_owned(body))), BatchSize::SmallInput)
    });
    group.finish();
}

fn answer(c: &mut Criterion) {
    use knox_cloud_errors::{AuthError, ErrorBody};
    let mut group = c.benchmark_group("answer/error");
    group
        .bench_function("generated", |b| b.iter(|| black_box(AuthError::AccessTokenExpired).into_response()));
    group.bench_function("hand", |b| {
        b.iter(|| black_box(hand::KnoxError::AccessTokenExpired).into_response())
    });
    group.finish();

    let id = "c0ffee00-1234-4abc-9def-0123456789ab";
    let mut group = c.benchmark_group("answer/error_with_id");
    group.bench_function("generated", |b| {
        b.iter(|| {
            ErrorBody::from(black_box(AuthError::AccessTokenExpired))
                .with_error_id(black_box(id))
                .into_response()
        })
    });
    group.bench_function("hand", |b| {
        b.iter(|| hand::answer_with_id(black_box(hand::KnoxError::AccessTokenExpired), black_box(id)))
    });
    group.finish();

    let (request_id, table, schema) = ("req-7f3a9c", "users", "public");
    let mut group = c.benchmark_group("answer/value");
    group.bench_function("generated", |b| {
        b.iter(|| {
            values_errors::values::query::TableMissing {
                request_id: Some(String::from(black_box(request_id))),
                table: String::from(black_box(table)),
                schema: Some(String::from(black_box(schema))),
            }
            .into_response()
        })
    });
    group.bench_function("hand", |b| {
        b.iter(|| {
            hand::QueryError::TableMissing {
                request_id: Some(String::from(black_box(request_id))),
                table: String::from(black_box(table)),
                schema: Some(String::from(black_box(schema))),
            }
            .into_response()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("answer/problem_value");
    let trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    group.bench_function("generated", |b| {
        b.iter(|| {
            values_problem_errors::values::quota::QuotaExceeded {
                trace: String::from(black_box(trace)),
                used: black_box(1200),
                window: Some(black_box(60.0)),
            }
            .into_response()
        })
    });
    group.bench_function("hand", |b| {
        b.iter(|| {
            hand::QuotaError::QuotaExceeded {
                trace: String::from(black_box(trace)),
                used: black_box(1200),
                window: Some(black_box(60.0)),
            }
            .into_response()
        })
    });
    group.finish();
}

fn message(c: &mut Criterion) {
    use values_errors::values::query::{TableMissing, TooManyRows};
    let table_missing =
        TableMissing { request_id: None, table: String::from("users"), schema: Some(String::from("public")) };
    let hand_missing =
        hand::QueryError::TableMissing { request_id: None, table: String::from("users"), schema: None };
    let mut group = c.benchmark_group("message/strings");
    group.bench_function("generated", |b| b.iter(|| black_box(&table_missing).to_string()));
    group.bench_function("thiserror", |b| b.iter(|| black_box(&hand_missing).to_string()));
    group.bench_function("format", |b| {
        b.iter(|| format!("Table '{}' doesn't exist", black_box(&table_missing).table))
    });
    group.finish();

    // The same, written into a buffer a caller keeps: `Display` against
    // `write!` with the template, without the allocation of a new `String`.
    let mut group = c.benchmark_group("message/strings_into");
    let mut out = String::with_capacity(256);
    group.bench_function("generated", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "{}", black_box(&table_missing)).expect("a message");
            black_box(out.len())
        })
    });
    group.bench_function("write", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "Table '{}' doesn't exist", black_box(&table_missing).table).expect("a message");
            black_box(out.len())
        })
    });
    group.finish();

    let columns = vec![String::from("id"), String::from("name")];
    let too_many =
        TooManyRows { request_id: None, limit: 1000, ratio: 1.25, partial: true, columns: columns.clone() };
    let hand_too_many = hand::QueryError::TooManyRows { limit: 1000, ratio: 1.25, partial: true, columns };
    let mut group = c.benchmark_group("message/numbers");
    group.bench_function("generated", |b| b.iter(|| black_box(&too_many).to_string()));
    group.bench_function("thiserror", |b| b.iter(|| black_box(&hand_too_many).to_string()));
    group.bench_function("format", |b| {
        b.iter(|| {
            let v = black_box(&too_many);
            format!("{} rows at most {{ratio {}}}, partial: {} | see \\docs", v.limit, v.ratio, v.partial)
        })
    });
    group.finish();
    let mut group = c.benchmark_group("message/numbers_into");
    group.bench_function("generated", |b| {
        b.iter(|| {
            out.clear();
            write!(out, "{}", black_box(&too_many)).expect("a message");
            black_box(out.len())
        })
    });
    group.bench_function("write", |b| {
        b.iter(|| {
            out.clear();
            let v = black_box(&too_many);
            write!(
                out,
                "{} rows at most {{ratio {}}}, partial: {} | see \\docs",
                v.limit, v.ratio, v.partial
            )
            .expect("a message");
            black_box(out.len())
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, xml::parse_xml, answer, message
}
criterion_main!(benches);
