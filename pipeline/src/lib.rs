//! errcat's pipeline: loading, the lock and its classifier of changes,
//! the OpenAPI, Markdown, HTML and YAML emitters, the writer and `explain`, with
//! [`generate`] running them in order.
//!
//! **Not an API boundary.** This crate is the internals of
//! [errcat](https://docs.rs/errcat), the facade users depend on; it
//! follows errcat's releases with no semver promise of its own. Every
//! stage is public so that this repository's tests and benchmarks check
//! each one directly, on the same paths production takes. `ARCHITECTURE.md`
//! at the repository's root is the map:
//!
//! ```text
//! spec/*.yaml ──load──▶ spec::SpecFile ──validate──▶ Catalogue (errcat-model)
//!             ──compat──▶ spec/*.lock checked and updated (one classifier of changes)
//!             ──emit──▶ file bodies ──write──▶ generated/ (headers added; only changed bytes written)
//! ```

#![deny(missing_docs)]

pub mod compat;
pub mod emit;
pub mod explain;
mod generate;
pub mod load;
pub mod schema;
pub mod synth;
pub mod synth_locales;
pub mod write;

pub use emit::render;
pub use generate::{Error, Options, check_locks, generate, generate_with};
pub use load::{SpecInput, load};
pub use write::{FileReport, Mode, Outcome};
