//! The generator's own speed, from the real 18-code spec to 100,000
//! synthetic codes: loading (read + parse + validate), each emitter, and
//! the whole `generate` call as `cargo xtask gen` makes it.
//!
//! `cargo bench -p errcat --bench generate` runs them all; add a filter
//! (`-- 10000`) for one size. `params_10000` is the whole run at 10,000
//! codes without and with a param and a message on every row, side by
//! side (a long run: filter on it alone). See BENCHMARKS.md for results.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use errcat_model::Catalogue;
use errcat_pipeline::Mode;

/// Synthetic sizes; the real spec is benchmarked as `18`.
const SYNTHETIC: &[usize] = &[1_000, 10_000, 100_000];

/// An emitter, as `render` calls it: pure `&Catalogue -> String`.
type Emitter = fn(&Catalogue) -> String;

/// Every emitter, by name.
const EMITTERS: &[(&str, Emitter)] = &[
    ("rust_lib", errcat_pipeline::emit::rust::emit_lib),
    ("rust_manifest", errcat_pipeline::emit::rust::emit_manifest),
    ("openapi_3_1", |c| {
        errcat_pipeline::emit::openapi::emit_openapi(c, errcat_pipeline::emit::openapi::Version::V3_1)
    }),
    ("openapi_3_0", |c| {
        errcat_pipeline::emit::openapi::emit_openapi(c, errcat_pipeline::emit::openapi::Version::V3_0)
    }),
    ("markdown", errcat_pipeline::emit::markdown::emit_docs),
];

/// A spec file per size: the real one, then synthetic ones in `dir`.
fn specs(dir: &Path) -> Vec<(usize, PathBuf)> {
    // A copy: `generate` writes the spec's lock beside it.
    let real = dir.join("knox-cloud.yaml");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/knox-cloud.yaml");
    fs::copy(bundled, &real).expect("copy the bundled spec");
    let mut specs = vec![(18, real)];
    for &codes in SYNTHETIC {
        let path = dir.join(format!("synth-{codes}.yaml"));
        fs::write(&path, errcat_pipeline::synth::spec(codes)).expect("write a synthetic spec");
        specs.push((codes, path));
    }
    specs
}

fn load(path: &Path) -> Catalogue {
    errcat_pipeline::load(errcat_pipeline::SpecInput::File { path, name: "spec/bench.yaml" })
        .map(|mut loaded| loaded.remove(0))
        .expect("benchmark specs are valid")
}

/// Fewer, shorter samples for the sizes that take seconds per run.
fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>, codes: usize) {
    if codes >= 10_000 {
        // Flat sampling: ten runs, not the 55 of criterion's linear ramp.
        group.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if codes >= 100_000 { 20 } else { 5 }));
    } else {
        group.sample_size(30).measurement_time(Duration::from_secs(3));
    }
}

fn generation(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (codes, spec) in specs(dir.path()) {
        let mut group = c.benchmark_group("load");
        configure(&mut group, codes);
        group.bench_with_input(BenchmarkId::from_parameter(codes), &spec, |b, spec| {
            b.iter(|| load(black_box(spec)))
        });
        group.finish();

        let catalogue = load(&spec);
        for (name, emit) in EMITTERS {
            let mut group = c.benchmark_group(format!("emit_{name}"));
            configure(&mut group, codes);
            group.bench_with_input(BenchmarkId::from_parameter(codes), &catalogue, |b, catalogue| {
                b.iter(|| emit(black_box(catalogue)))
            });
            group.finish();
        }
        drop(catalogue);

        // The whole run over an existing output directory, as a
        // regeneration: load, render, compare, and write what changed.
        let out = dir.path().join(format!("out-{codes}"));
        errcat_pipeline::generate(&spec, &out, Mode::Write).expect("generate");
        let mut group = c.benchmark_group("generate");
        configure(&mut group, codes);
        group.bench_with_input(BenchmarkId::from_parameter(codes), &spec, |b, spec| {
            b.iter(|| errcat_pipeline::generate(black_box(spec), &out, Mode::Write).expect("generate"))
        });
        group.finish();
    }
}

/// A catalogue of one custom table of `rows` rows, the HTTP status table
/// after it: the shape where a scan of a table, or of the catalogue, per
/// row would cost the most. Linear emitters take 8 times as long for 8
/// times the rows.
fn one_large_table(rows: u32) -> Catalogue {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/knox-cloud.yaml");
    let mut catalogue = load(&bundled);
    let http = catalogue.http_table().expect("the bundled spec has an HTTP status table").clone();
    let mut table = catalogue
        .tables
        .iter()
        .find(|t| t.kind == errcat_model::TableKind::Custom)
        .expect("a custom table")
        .clone();
    let mut template = table.rows[0].clone();
    (template.aliases, template.recovery, template.deprecated) = (Vec::new(), None, None);
    table.rows = (0..rows)
        .map(|n| errcat_model::Row {
            code: errcat_model::Code::Integer(1_000_000 + n),
            name: format!("{}_{n}", template.name),
            ..template.clone()
        })
        .collect();
    (catalogue.tables, catalogue.retired) = (vec![table, http], Vec::new());
    catalogue
}

/// The text emitters on one large table, at two sizes eight times apart.
fn one_table(c: &mut Criterion) {
    for rows in [4_000, 32_000] {
        let catalogue = one_large_table(rows);
        for (name, emit) in EMITTERS.iter().filter(|(name, _)| !name.starts_with("rust")) {
            let mut group = c.benchmark_group(format!("one_table_{name}"));
            group.sample_size(10).sampling_mode(SamplingMode::Flat).warm_up_time(Duration::from_millis(500));
            group.bench_with_input(BenchmarkId::from_parameter(rows), &catalogue, |b, catalogue| {
                b.iter(|| emit(black_box(catalogue)))
            });
            group.finish();
        }
    }
}

/// The whole run at 10,000 codes, as a regeneration, without and with a
/// param and a message template on every row, in one group. Run once as a
/// test (`cargo test --benches`, without `--bench`), it takes 100 codes:
/// a row with params costs about 15 times a plain one (BENCHMARKS.md),
/// too long for CI at 10,000.
fn params(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let codes = if std::env::args().any(|arg| arg == "--bench") { 10_000 } else { 100 };
    let mut group = c.benchmark_group(format!("params_{codes}"));
    configure(&mut group, codes);
    for (name, text) in [
        ("plain", errcat_pipeline::synth::spec(codes)),
        ("params", errcat_pipeline::synth::params_spec(codes)),
    ] {
        let spec = dir.path().join(format!("synth-{name}.yaml"));
        fs::write(&spec, text).expect("write a synthetic spec");
        let out = dir.path().join(format!("out-{name}"));
        errcat_pipeline::generate(&spec, &out, Mode::Write).expect("generate");
        group.bench_function(name, |b| {
            b.iter(|| errcat_pipeline::generate(black_box(&spec), &out, Mode::Write).expect("generate"))
        });
    }
    group.finish();
}

criterion_group!(benches, generation, one_table, params);
criterion_main!(benches);
