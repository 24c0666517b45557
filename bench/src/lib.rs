//! Benchmarks of the generated lookups: see `benches/lookups.rs` and
//! BENCHMARKS.md. The library is empty; `build.rs` prepares the generated
//! crate at 1,000 codes and the baselines the benchmark includes.
