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
//! xtask gen` and `cargo xtask gen --check`:
//!
//! ```no_run
//! use std::path::Path;
//! use std::process::ExitCode;
//!
//! fn main() -> ExitCode {
//!     let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits at the root");
//!     let check = std::env::args().any(|arg| arg == "--check");
//!     let mode = if check { errcat::Mode::Check } else { errcat::Mode::Write };
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
//! version bump each change needs) and `synth` (synthetic specs for
//! benchmarks).
//!
//! # The pipeline
//!
//! One module per stage (`ARCHITECTURE.md` at the repository's root is
//! the map):
//!
//! ```text
//! spec/*.yaml ──load──▶ spec::SpecFile ──model::validate──▶ model::Catalogue
//!             ──compat──▶ spec/*.lock checked and updated (one classifier of changes)
//!             ──emit──▶ file bodies ──write──▶ generated/ (headers added; only changed bytes written)
//! ```

// The pipeline's stages are the crate's own: the API is the items below.
// The lower layer (`model`, `spec`, `source`, `diagnostic`, `text`) is the
// crate errcat-model and the Rust emitter (`emit::rust`) errcat-emit-rust,
// so that the three compile side by side; they are used under the paths
// they had here. With the feature `test-support` (this repository's tests
// and benchmarks, never a dependent's), every stage is public under its
// path so that tests can check each one; no semver promise covers them.
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod compat;
#[cfg(not(feature = "test-support"))]
mod compat;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use errcat_model::diagnostic;
#[cfg(not(feature = "test-support"))]
use errcat_model::diagnostic;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod emit;
#[cfg(not(feature = "test-support"))]
mod emit;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod load;
#[cfg(not(feature = "test-support"))]
mod load;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use errcat_model as model;
#[cfg(not(feature = "test-support"))]
use errcat_model as model;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use errcat_model::source;
#[cfg(not(feature = "test-support"))]
use errcat_model::source;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use errcat_model::spec;
#[cfg(not(feature = "test-support"))]
use errcat_model::spec;
pub mod synth;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use errcat_model::text;
#[cfg(not(feature = "test-support"))]
use errcat_model::text;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod write;
#[cfg(not(feature = "test-support"))]
mod write;

/// What changed between two versions of a catalogue, as `diff` reports
/// it, with the same verdicts `generate` gives against a lock.
pub mod diff {
    pub use crate::compat::change::Location;
    pub use crate::compat::diff::{Bump, CatalogueDiff, Change, ChangeKind, Decision, Verdict, diff};
}

use std::fmt;
use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, SourceLine};
pub use emit::render;
pub use load::{check, load_bytes, load_file, load_paths};
#[cfg(feature = "test-support")]
pub use load::{load, parse, place};
pub use model::Catalogue;
#[cfg(feature = "test-support")]
pub use source::SourceFile;
#[cfg(not(feature = "test-support"))]
use source::SourceFile;
#[cfg(feature = "test-support")]
pub use source::SpecPath;
pub use write::Error as WriteError;
pub use write::{FileReport, Mode, Outcome, OutputFile};

/// How a run names itself, beyond the spec and output paths.
///
/// ```
/// let options = errcat::Options::default().command("errcat gen");
/// assert_eq!(options.command_name(), "errcat gen");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    command: String,
}

impl Default for Options {
    /// Headers name `cargo xtask gen`, the command of a repository's own
    /// xtask.
    fn default() -> Self {
        Self { command: write::DEFAULT_COMMAND.to_owned() }
    }
}

impl Options {
    /// The command every generated file's header names, as the user types
    /// it (`cargo xtask gen`, `errcat gen`): what to run after editing the
    /// spec. One line without a backtick; [`generate_with`] refuses
    /// anything else. Files that name another command are still the
    /// generator's, so switching commands rewrites their headers.
    #[must_use]
    pub fn command(mut self, command: impl Into<String>) -> Self {
        self.command = command.into();
        self
    }

    /// The command the headers name.
    pub fn command_name(&self) -> &str {
        &self.command
    }
}

/// Why a run of the generator failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The spec has problems; nothing was written.
    Spec(Diagnostics),
    /// Writing the output directory failed, or was refused.
    Write(WriteError),
    /// The [`Options`] cannot be honoured; the message says which and why.
    Options(String),
}

impl Error {
    /// The message as the command line prints it; ANSI colours when
    /// `color` is set (the caller decides: a terminal, no `NO_COLOR`).
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Spec(diagnostics) => diagnostics.render(color),
            Error::Write(error) => diagnostic::render_error(&error.message(), error.help().as_deref(), color),
            Error::Options(message) => diagnostic::render_error(message, None, color),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

impl From<write::Error> for Error {
    fn from(error: write::Error) -> Self {
        Error::Write(error)
    }
}

impl From<Diagnostics> for Error {
    fn from(diagnostics: Diagnostics) -> Self {
        Error::Spec(diagnostics)
    }
}

/// Loads, validates, checks the locks, renders and writes (or checks) in
/// one call.
///
/// `spec` is a spec file or a directory searched for `*.yaml` files; each
/// spec's lock sits next to it (`spec/NAME.lock`, every code the catalogue
/// has published). `out` may not lie inside a `spec` directory. A spec
/// its lock refuses writes nothing; every artifact is compared as soon as
/// it is made, and a changed one staged in a temporary file beside its
/// place, so the files and locks are written all or nothing: a refusal or
/// failure before the renames removes what was staged and leaves every
/// old file as it was. After a version bump, the generated package's entry in
/// the nearest `Cargo.lock` above it is brought up to date in the same run.
///
/// The returned reports name every file, in the order written;
/// [`Outcome::is_stale`] tells which fail a check.
pub fn generate(spec: &Path, out: &Path, mode: Mode) -> Result<Vec<FileReport>, Error> {
    generate_with(spec, out, mode, &Options::default())
}

/// [`generate`], with [`Options`]: the headers name `options`' command.
pub fn generate_with(
    spec: &Path,
    out: &Path,
    mode: Mode,
    options: &Options,
) -> Result<Vec<FileReport>, Error> {
    if !write::valid_command(&options.command) {
        return Err(Error::Options(format!(
            "the command {:?} cannot be named in a header: give one line of text without a backtick",
            options.command
        )));
    }
    write::refuse_out_inside_spec(spec, out)?;
    let loaded = load_paths(spec)?;
    let mut locks = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (path, catalogue) in &loaded {
        let checked = load::read_lock(&compat::lock::lock_path(path))
            .and_then(|locked| compat::check_lock(path, catalogue, locked.as_ref(), &options.command));
        match checked {
            Ok(lock) => locks.push(lock),
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        let sources: Vec<&SourceFile> =
            loaded.iter().filter_map(|(_, catalogue)| catalogue.spec_file.as_deref()).collect();
        return Err(Error::Spec(load::finish(problems, &sources)));
    }
    // The spec's text was kept for diagnostics only: past the last check,
    // it need not share memory with the outputs.
    let catalogues: Vec<Catalogue> =
        loaded.into_iter().map(|(_, catalogue)| Catalogue { spec_file: None, ..catalogue }).collect();
    // A bumped version reaches the workspace's Cargo.lock in the same run.
    let crates: Vec<(&str, &str)> = catalogues
        .iter()
        .map(|catalogue| (catalogue.crate_name.as_str(), catalogue.version.as_str()))
        .collect();
    locks.extend(write::updated_cargo_locks(out, &crates).map_err(write::Error::Io)?);
    let sources: Vec<&str> = catalogues.iter().map(|catalogue| catalogue.source.as_str()).collect();
    // Each file is compared (and staged) as soon as it is made, and
    // dropped: a large catalogue's files are never all in memory at once.
    let mut session = write::Session::new(out, mode);
    emit::render_each(&catalogues, &options.command, |position, file| session.add_in_place(position, &file))?;
    Ok(session.finish(&locks, &sources)?)
}
