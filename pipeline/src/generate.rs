//! Running the pipeline in one call: load and check every spec, check
//! each against its lock, render every file and write them all or nothing;
//! or, with [`check_locks`], only as far as the decision.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use errcat_model::diagnostic::{self, Diagnostics};
use errcat_model::output::OutputFile;
use errcat_model::source::SourceFile;
use errcat_model::{Catalogue, KeptResponse};

use crate::load::load_paths;
use crate::write::{FileReport, Mode};
use crate::{compat, emit, load, write};

/// How a run names itself, beyond the spec and output paths.
///
/// ```
/// let options = errcat_pipeline::Options::default().command("errcat gen");
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
        Self { command: errcat_model::output::DEFAULT_COMMAND.to_owned() }
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
    Write(write::Error),
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
/// the `Cargo.lock` of the workspace it is a member of (Cargo says which)
/// is brought up to date in the same run.
///
/// The returned reports name every file, in the order written;
/// [`Outcome::is_stale`](crate::Outcome::is_stale) tells which fail a check.
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
    refuse_command(options)?;
    write::refuse_out_inside_spec(spec, out)?;
    let loaded = load_paths(spec)?;
    // Writing runs into one `--out`, or over one spec's lock, take turns
    // until the last rename; a check writes nothing, so takes no turn.
    let _held = if mode == Mode::Write {
        let folders: BTreeSet<PathBuf> = loaded
            .iter()
            .map(|(path, _)| compat::lock::lock_path(path))
            .map(|lock| {
                lock.parent().filter(|dir| !dir.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_owned()
            })
            .collect();
        let folders: Vec<&Path> = std::iter::once(out).chain(folders.iter().map(PathBuf::as_path)).collect();
        write::RunLock::acquire_all(&folders, write::WAIT)?
    } else {
        Vec::new()
    };
    let (mut locks, kept) = check_each_lock(&loaded, &options.command)?;
    // The spec's text was kept for diagnostics only: past the last check,
    // it need not share memory with the outputs. The documents keep every
    // response the lock records.
    let catalogues: Vec<Catalogue> = loaded
        .into_iter()
        .zip(kept)
        .map(|((_, catalogue), kept_responses)| Catalogue { spec_file: None, kept_responses, ..catalogue })
        .collect();
    // A bumped version reaches the workspace's Cargo.lock in the same run.
    let crates: Vec<(&str, &str)> = catalogues
        .iter()
        .map(|catalogue| (catalogue.crate_name.as_str(), catalogue.version.as_str()))
        .collect();
    locks.extend(write::updated_cargo_locks(out, &crates)?);
    let spec_names: Vec<&str> = catalogues.iter().map(|catalogue| catalogue.source.as_str()).collect();
    // Each file is compared (and staged) as soon as it is made, and
    // dropped: a large catalogue's files are never all in memory at once.
    let mut session = write::Session::new(out, mode);
    emit::render_each(&catalogues, &options.command, |key, file| session.add(key, &file))?;
    Ok(session.finish(&locks, &spec_names)?)
}

/// What [`generate_with`] decides of the specs before it renders
/// anything, and nothing else: every spec under `spec` loaded and
/// checked, then each checked against its lock. Where `generate` stops
/// there, the same [`Error`], the spec's and the lock's problems in the
/// same words (a change the lock refuses, a version too low for a
/// breaking change); `Ok` where it goes on. It may still stop after,
/// on the output folder (inside `spec`, or a workspace `Cargo.lock` it
/// cannot update) or in writing. Nothing is rendered, read from an
/// output folder or written.
pub fn check_locks(spec: &Path, options: &Options) -> Result<(), Error> {
    refuse_command(options)?;
    let loaded = load_paths(spec)?;
    check_each_lock(&loaded, &options.command)?;
    Ok(())
}

/// The one check of [`Options`]: a command a header can name.
fn refuse_command(options: &Options) -> Result<(), Error> {
    if errcat_model::output::valid_command(&options.command) {
        return Ok(());
    }
    Err(Error::Options(format!(
        "the command {:?} cannot be named in a header: give one line of text without a backtick",
        options.command
    )))
}

/// Each loaded spec checked against its lock: the updated locks, and the
/// responses each catalogue's documents keep from earlier versions, or
/// the problems of every spec, placed in their files.
fn check_each_lock(
    loaded: &[(PathBuf, Catalogue)],
    command: &str,
) -> Result<(Vec<OutputFile>, Vec<Vec<KeptResponse>>), Error> {
    let mut locks = Vec::with_capacity(loaded.len());
    let mut kept = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (path, catalogue) in loaded {
        let checked = load::read_lock(&compat::lock::lock_path(path))
            .and_then(|locked| compat::check_lock(path, catalogue, locked.as_ref(), command));
        match checked {
            Ok((lock, responses)) => {
                locks.push(lock);
                kept.push(responses);
            }
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        let sources: Vec<&SourceFile> =
            loaded.iter().filter_map(|(_, catalogue)| catalogue.spec_file.as_deref()).collect();
        return Err(Error::Spec(load::finish(problems, &sources)));
    }
    Ok((locks, kept))
}
