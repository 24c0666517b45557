//! Turns a YAML error catalogue into a Rust crate, OpenAPI documents and a
//! Markdown reference, so code and docs can never disagree.
//!
//! A repository keeps one spec per catalogue under `spec/` and commits
//! what the generator writes under `generated/`: for each catalogue a
//! crate (`generated/<crate>/`), two OpenAPI documents
//! (`generated/openapi/`) and a Markdown page (`generated/docs/`), plus a
//! lock beside the spec (`spec/<name>.lock`) recording every published
//! code. The spec format is described in the repository's `README.md`
//! and by the JSON Schema `spec/catalogue.schema.json`.
//!
//! # Use it from your repository's xtask
//!
//! [`generate`] is the one call: it loads and checks every spec, checks
//! each against its lock, renders every file (each staged beside its
//! place as soon as it is made), and then writes them all or nothing
//! ([`Mode::Write`]), or only compares them
//! ([`Mode::Check`], for CI). A whole `xtask/src/main.rs`, run as `cargo
//! xtask gen` and `cargo xtask gen --check`; it refuses any other command
//! line with its usage, rather than run `gen` for a command it lacks:
//!
//! ```no_run
//! use std::path::Path;
//! use std::process::ExitCode;
//!
//! const USAGE: &str = "usage: cargo xtask gen [--check]";
//!
//! fn main() -> ExitCode {
//!     let args: Vec<String> = std::env::args().skip(1).collect();
//!     let mode = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
//!         ["gen"] => errcat::Mode::Write,
//!         ["gen", "--check"] => errcat::Mode::Check,
//!         ["-h" | "--help"] => {
//!             println!("{USAGE}");
//!             return ExitCode::SUCCESS;
//!         }
//!         _ => {
//!             eprintln!("{USAGE}");
//!             return ExitCode::from(2);
//!         }
//!     };
//!     let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits at the root");
//!     match errcat::generate(&root.join("spec"), &root.join("generated"), mode) {
//!         Ok(reports) => {
//!             for report in &reports {
//!                 println!("{:<10} {}", report.outcome.to_string(), report.path.display());
//!             }
//!             let stale = reports.iter().any(|report| report.outcome.is_stale());
//!             if stale { ExitCode::from(1) } else { ExitCode::SUCCESS }
//!         }
//!         Err(error) => {
//!             eprintln!("{error}");
//!             ExitCode::from(2)
//!         }
//!     }
//! }
//! ```
//!
//! Every generated file starts with a header naming the command to run
//! after editing the spec: `cargo xtask gen` unless [`generate_with`] is
//! given other [`Options`]. [`Error`] renders every problem of the spec
//! with its file, line and fix, the way rustc does.
//!
//! The `errcat` command (the `errcat-cli` package) is the same call with
//! flags, plus `diff` (what changed since a git revision, with the
//! version bump each change needs), `init` (a starter spec, its schema
//! and the lock's merge rule), `schema` (the spec format's JSON Schema),
//! `synth` (synthetic specs for benchmarks) and `explain` (a code's
//! whole entry, [`explain`]).
//!
//! `diff` is built on [`load`], which reads specs from a [`SpecInput`]
//! (a spec folder, one file, or a spec's text from a git revision) into
//! opaque [`Catalogue`]s, and [`diff::diff`], which compares two of them.
//!
//! # What this crate is
//!
//! **This crate is the API boundary.** It is a facade: the items below are
//! everything it promises, under semver. The pipeline itself lives in
//! errcat's internal crates (errcat-model, errcat-emit-rust,
//! errcat-pipeline), which are not, and will never be, an API boundary:
//! depend on this crate, not on them. `ARCHITECTURE.md` at the
//! repository's root is the map.

#![deny(missing_docs)]

use std::path::{Path, PathBuf};

pub use errcat_model::diagnostic::{Diagnostic, Diagnostics, SourceLine};
pub use errcat_model::source::SpecPath;
pub use errcat_model::{Code, CodeKind};
pub use errcat_pipeline::write::Error as WriteError;
pub use errcat_pipeline::{Error, FileReport, Mode, Options, Outcome, SpecInput, generate, generate_with};

/// A checked catalogue, as [`load`] returns it: what [`diff::diff`]
/// compares. Opaque: its contents are errcat's internals.
#[derive(Debug, Clone)]
pub struct Catalogue {
    path: PathBuf,
    checked: errcat_model::Catalogue,
}

impl Catalogue {
    /// The path it was loaded from (for [`SpecInput::Text`], the path given).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name the generated headers and reports give its spec
    /// (`spec/knox-cloud.yaml`).
    pub fn spec_name(&self) -> &str {
        &self.checked.source
    }

    /// The generated package's name (`knox-cloud-errors`).
    pub fn crate_name(&self) -> &str {
        &self.checked.crate_name
    }

    /// The generated package's version.
    pub fn version(&self) -> &str {
        &self.checked.version
    }
}

/// Reads and checks the specs `input` names, as [`generate`] does, without
/// their locks: every problem of every spec at once, or the catalogues in
/// the order their files sort.
///
/// ```
/// let spec = "title: Shop\ncrate: shop-errors\nversion: 0.1.0\ntables:\n  - id: cart\n    title: Cart\n    summary: S\n    errors:\n      - {code: 1, name: EMPTY, description: The cart is empty.}\n";
/// let path = std::path::Path::new("spec/shop.yaml");
/// let loaded = errcat::load(errcat::SpecInput::text(path, "spec/shop.yaml", spec)).expect("a valid spec");
/// assert_eq!(loaded[0].crate_name(), "shop-errors");
/// ```
pub fn load(input: SpecInput<'_>) -> Result<Vec<Catalogue>, Diagnostics> {
    Ok(errcat_pipeline::load(input)?
        .into_iter()
        .map(|checked| {
            // Loading keeps every catalogue's file, so the path is always there.
            let path = checked.spec_file.as_ref().map(|file| file.path.clone()).unwrap_or_default();
            Catalogue { path, checked }
        })
        .collect())
}

/// One code's whole entry, as `errcat explain CODE` prints it: for each
/// catalogue that has it (as a code, an alias or a retired code), its
/// name, table, HTTP status, aliases, recovery, deprecation, description,
/// explanation, causes and solutions, or why it was retired and what
/// replaced it, as plain text. `code` is written as the spec writes it
/// (`4032251`, `card_declined`), or as a link to its entry (the problem
/// `type`, `…#Code-card_declined`).
///
/// A code no catalogue ever published is an `Err` with the message to
/// show, which names the codes and names a typo or two away.
///
/// ```
/// let spec = "title: Shop\ncrate: shop-errors\nversion: 0.1.0\ntables:\n  - id: cart\n    title: Cart\n    summary: S\n    errors:\n      - {code: 1, name: EMPTY, description: The cart is empty.}\n";
/// let path = std::path::Path::new("spec/shop.yaml");
/// let loaded = errcat::load(errcat::SpecInput::text(path, "spec/shop.yaml", spec)).expect("a valid spec");
/// assert!(errcat::explain(&loaded, "1").expect("a code").contains("The cart is empty."));
/// assert!(errcat::explain(&loaded, "EMPTY").unwrap_err().contains("did you mean `1` (EMPTY)?"));
/// ```
pub fn explain(catalogues: &[Catalogue], code: &str) -> Result<String, String> {
    let checked: Vec<&errcat_model::Catalogue> =
        catalogues.iter().map(|catalogue| &catalogue.checked).collect();
    errcat_pipeline::explain::explain(&checked, code)
}

/// What changed between two versions of a catalogue, as `diff` reports
/// it, with the same verdicts `generate` gives against a lock. Every enum
/// here is `#[non_exhaustive]`: a new kind of change, verdict or decision
/// comes in a minor release, and the crate's `tests/api.rs` keeps it so.
pub mod diff {
    pub use errcat_pipeline::compat::diff::{Bump, CatalogueDiff, Change, ChangeKind, Decision, Verdict};

    /// Compares two versions of a catalogue.
    pub fn diff(old: &crate::Catalogue, new: &crate::Catalogue) -> CatalogueDiff {
        errcat_pipeline::compat::diff::diff(&old.checked, &new.checked)
    }
}

/// The JSON Schema of the spec format, for editors: `errcat schema`
/// prints it and `errcat init` writes it beside a starter spec.
pub mod schema {
    pub use errcat_pipeline::schema::{ID, JSON_SCHEMA};
}

/// Synthetic catalogues of any size, for benchmarks (`errcat synth`).
pub mod synth {
    pub use errcat_pipeline::synth::{MAX_CODES, params_spec, spec, string_spec};
    pub use errcat_pipeline::synth_locales::{MAX_LOCALES, localize};
}
