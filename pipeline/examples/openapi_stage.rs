//! The OpenAPI stage alone, for `/usr/bin/time -v` (see BENCHMARKS.md):
//! loads a spec, then, given `emit`, makes both OpenAPI documents one
//! after the other as `render` does. Run without `emit` for the cost of
//! loading, which the difference takes away.
//!
//! `cargo run -p errcat --example openapi_stage -- SPEC [emit]`

use std::path::Path;
use std::process::ExitCode;

use errcat_pipeline::emit::openapi::{Version, emit_openapi};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (spec, emit) = match args.as_slice() {
        [spec] => (spec, false),
        [spec, emit] if emit == "emit" => (spec, true),
        _ => {
            eprintln!("usage: openapi_stage SPEC [emit]");
            return ExitCode::from(2);
        }
    };
    let input = errcat_pipeline::SpecInput::File { path: Path::new(spec), name: spec };
    let catalogue = match errcat_pipeline::load(input) {
        Ok(mut loaded) => loaded.remove(0),
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = if emit {
        [Version::V3_1, Version::V3_0]
            .into_iter()
            .map(|version| emit_openapi(&catalogue, version).len())
            .sum()
    } else {
        0
    };
    println!("{bytes} bytes of OpenAPI");
    ExitCode::SUCCESS
}
