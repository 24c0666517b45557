//! Where a param on every row costs (see BENCHMARKS.md, "Generation with
//! a param on every row"): loading and each text emitter, timed once
//! each, on `synth::spec` and `synth::params_spec` of the same size, with
//! the size of what each emitter makes.
//!
//! `cargo run --release -p errcat-pipeline --example params_stages -- [CODES]`

use std::path::Path;
use std::time::Instant;

use errcat_pipeline::emit::openapi::{Version, emit_openapi};
use errcat_pipeline::emit::{markdown, rust};

fn main() {
    let codes = std::env::args().nth(1).map_or(10_000, |codes| codes.parse().expect("a number of codes"));
    let dir = std::env::temp_dir().join(format!("errcat-params-stages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    for (name, spec) in [
        ("plain", errcat_pipeline::synth::spec(codes)),
        ("params", errcat_pipeline::synth::params_spec(codes)),
    ] {
        let path = dir.join(format!("{name}.yaml"));
        std::fs::write(&path, &spec).expect("the spec written");
        let start = Instant::now();
        let input = errcat_pipeline::SpecInput::File { path: Path::new(&path), name: "spec/bench.yaml" };
        let catalogue =
            errcat_pipeline::load(input).map(|mut loaded| loaded.remove(0)).expect("a valid spec");
        println!("{name:6} load        {:>8.1} ms", start.elapsed().as_secs_f64() * 1e3);
        let emitters: [(&str, &dyn Fn() -> String); 4] = [
            ("rust_lib", &|| rust::emit_lib(&catalogue)),
            ("openapi_3_1", &|| emit_openapi(&catalogue, Version::V3_1)),
            ("openapi_3_0", &|| emit_openapi(&catalogue, Version::V3_0)),
            ("markdown", &|| markdown::emit_docs(&catalogue)),
        ];
        for (emitter, emit) in emitters {
            let start = Instant::now();
            let text = emit();
            let ms = start.elapsed().as_secs_f64() * 1e3;
            println!("{name:6} {emitter:11} {ms:>8.1} ms {:>7.1} MB", text.len() as f64 / 1e6);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
