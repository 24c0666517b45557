//! Turns a YAML error catalogue into a Rust crate, OpenAPI documents and a
//! Markdown reference, so code and docs can never disagree.
//!
//! The pipeline runs one way, one module per stage (`ARCHITECTURE.md` at
//! the repository's root is the map):
//!
//! ```text
//! spec/*.yaml ──load──▶ spec::SpecFile ──model::validate──▶ model::Catalogue
//!             ──compat──▶ spec/*.lock checked and updated (one classifier of changes)
//!             ──emit──▶ file bodies ──write──▶ generated/ (headers added; only changed bytes written)
//! ```
//!
//! [`generate`] runs all of it; each step is public for tests and tools.

pub mod compat;
pub mod diagnostic;
pub mod emit;
pub mod load;
pub mod model;
#[cfg(feature = "schema")]
pub mod schema;
pub mod source;
pub mod spec;
pub mod synth;
pub mod text;
pub mod write;

use std::fmt;
use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, SourceLine};
pub use emit::render;
pub use load::{check, load, load_bytes, load_file, load_paths, parse, place};
pub use model::Catalogue;
pub use source::{SourceFile, SpecPath};
pub use write::{FileReport, Mode, Outcome, OutputFile};

/// Why a run of the generator failed.
#[derive(Debug)]
pub enum Error {
    /// The spec has problems; nothing was written.
    Spec(Diagnostics),
    /// Writing the output directory failed, or was refused.
    Write(write::Error),
}

impl Error {
    /// The message as the command line prints it; ANSI colours when
    /// `color` is set (the caller decides: a terminal, no `NO_COLOR`).
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Spec(diagnostics) => diagnostics.render(color),
            Error::Write(error) => diagnostic::render_error(&error.message(), error.help().as_deref(), color),
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
/// spec's lock sits next to it (see [`compat::lock`]). `out` may not lie
/// inside a `spec` directory. Every artifact and lock is rendered in memory
/// before anything is touched, a spec its lock refuses writes nothing, and
/// the files and locks are written all or nothing (see [`mod@write`]).
pub fn generate(spec: &Path, out: &Path, mode: Mode) -> Result<Vec<FileReport>, Error> {
    write::refuse_out_inside_spec(spec, out)?;
    let loaded = load_paths(spec)?;
    let mut locks = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (path, catalogue) in &loaded {
        let checked = load::read_lock(&compat::lock::lock_path(path))
            .and_then(|locked| compat::check_lock(path, catalogue, locked.as_ref()));
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
    let catalogues: Vec<Catalogue> = loaded.into_iter().map(|(_, catalogue)| catalogue).collect();
    let files = render(&catalogues);
    let sources: Vec<&str> = catalogues.iter().map(|catalogue| catalogue.source.as_str()).collect();
    Ok(write::write_or_check_with_locks(out, &files, &locks, &sources, mode)?)
}
