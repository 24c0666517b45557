//! Issue 26's budget: negotiating the locale from an `Accept-Language`
//! header and rendering a message in it costs at most 1.5× rendering the
//! same message in the default locale (`Display`), and the same for an
//! error's description. Each pair in the same run, on the `localized`
//! golden crate (English, German, French in part):
//!
//! - `default`: `Display` of a value with two params (the default path);
//! - `negotiated`: `Locale::negotiate` of a browser's header
//!   (`de-CH,de;q=0.9,en;q=0.8`) then `message_in` of the locale found;
//! - `description` and `description_negotiated` alike for
//!   `description()` against `negotiate` then `description_in`.
//!
//! `cargo bench -p lookup-bench --bench locales`; see BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use localized_errors::values::server::ErDupEntry;
use localized_errors::{Locale, LocalizedMessage, ServerError};

/// What a German-speaking browser in Switzerland sends.
const HEADER: &str = "de-CH,de;q=0.9,en;q=0.8";

fn locales(c: &mut Criterion) {
    assert_eq!(Locale::negotiate(HEADER), Locale::De);
    let value = ErDupEntry { entry: String::from("ada@example.com"), index: String::from("users_email") };
    let mut group = c.benchmark_group("locales/message");
    group.bench_function("default", |b| b.iter(|| black_box(&value).to_string()));
    group.bench_function("negotiated", |b| {
        b.iter(|| black_box(&value).message_in(Locale::negotiate(black_box(HEADER))))
    });
    group.bench_function("negotiate_alone", |b| b.iter(|| Locale::negotiate(black_box(HEADER))));
    group.bench_function("message_in_alone", |b| {
        b.iter(|| black_box(&value).message_in(black_box(Locale::De)))
    });
    group.finish();
    let error = ServerError::ErNoSuchTable;
    let mut group = c.benchmark_group("locales/description");
    group.bench_function("default", |b| b.iter(|| black_box(error).description()));
    group.bench_function("negotiated", |b| {
        b.iter(|| black_box(error).description_in(Locale::negotiate(black_box(HEADER))))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = locales
}
criterion_main!(benches);
