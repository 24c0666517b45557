//! What can go wrong when writing the output, as values that say which
//! files and how to fix it.

use std::fmt;
use std::io;
use std::path::PathBuf;

use errcat_model::output::GENERATED_MARKER;

/// Why writing (or checking) the output failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    Io(io::Error),
    /// Files the generator would write exist without its header: they are
    /// someone's own, so nothing was written.
    NotOwned(Vec<PathBuf>),
    /// Files or folders the run would go through are symbolic links, so
    /// nothing was written.
    Symlinks(Vec<PathBuf>),
    /// A file's path is not a plain relative path, so it would leave the
    /// output directory; nothing was written.
    Escapes(PathBuf),
    /// Reading the output or writing a temporary file failed before any
    /// file was renamed into place: no file was changed.
    NothingChanged(io::Error),
    /// Renaming a file into place failed: the files renamed before it are
    /// new, the others and the locks as they were.
    PartlyWritten(io::Error),
    /// Another run held the lock on a folder this run writes (`--out`, or
    /// a folder of spec locks) for all of [`WAIT`](super::run_lock::WAIT):
    /// nothing was read or written.
    Busy {
        /// The locked folder.
        folder: PathBuf,
        /// The process holding the lock, when it could be read.
        holder: Option<u32>,
        /// How long this run waited.
        waited: std::time::Duration,
    },
    /// The output directory is the `--spec` directory or inside it.
    OutInsideSpec {
        /// The output directory, as given.
        out: PathBuf,
        /// The spec directory, as given.
        spec: PathBuf,
    },
    /// A `Cargo.lock` above `--out` lists the generated package at another
    /// version, and whether it is the lock of the crate's workspace could
    /// not be told: nothing was written.
    CargoLock {
        /// The `Cargo.lock`.
        lock: PathBuf,
        /// What could not be done, and why.
        problem: String,
        /// The generated package's name.
        package: String,
    },
}

impl Error {
    /// What went wrong, in one paragraph.
    pub fn message(&self) -> String {
        match self {
            Error::Io(error) | Error::NothingChanged(error) => error.to_string(),
            Error::PartlyWritten(error) => format!("could not rename a file into place: {error}"),
            Error::NotOwned(paths) => format!(
                "refusing to overwrite {} file{} that the generator did not write:\n{}",
                paths.len(),
                plural(paths),
                list(paths)
            ),
            Error::Symlinks(paths) => format!(
                "refusing to write through {} symbolic link{}:\n{}",
                paths.len(),
                plural(paths),
                list(paths)
            ),
            Error::Escapes(path) => {
                format!("refusing to write {}: it is not a plain path inside `--out`", path.display())
            }
            Error::Busy { folder, holder, waited } => format!(
                "another run of the generator{} still held the lock on {} after {} s",
                holder.map(|pid| format!(" (process {pid})")).unwrap_or_default(),
                folder.display(),
                waited.as_secs_f32()
            ),
            Error::OutInsideSpec { out, spec } => format!(
                "`--out` {} is inside the spec directory {}: the next run would read the generated \
                 files as specs",
                out.display(),
                spec.display()
            ),
            Error::CargoLock { lock, problem, package } => format!(
                "{} lists the path package `{package}` at another version than the spec's, and \
                 Cargo, which says whether that is the lock of the crate's workspace, did not answer: {problem}",
                lock.display()
            ),
        }
    }

    /// How to fix it, when there is something to say.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::Io(_) => None,
            Error::NotOwned(paths) => Some(format!(
                "move the file{s} out of the way, or pass `--out` a directory of generated files only; \
                 generated files start with a `{GENERATED_MARKER} …` line",
                s = plural(paths),
            )),
            Error::Symlinks(_) => Some(
                "the generator writes only real files and folders: replace each link with the \
                 folder or file itself, or pass `--out` the directory a link points to"
                    .to_owned(),
            ),
            Error::Escapes(_) => Some(
                "a generated path must stay inside `--out`: check the spec's `crate` name, and report \
                 the spec if it is valid"
                    .to_owned(),
            ),
            Error::NothingChanged(_) => Some(
                "no file was changed and no temporary file is left; fix the cause (a file where a \
                 folder should be, disk space, permissions) and run again"
                    .to_owned(),
            ),
            Error::PartlyWritten(_) => Some(
                "the files renamed before it are new, the others and the locks as they were; fix the \
                 cause and run `gen` again to finish"
                    .to_owned(),
            ),
            Error::Busy { folder, .. } => Some(format!(
                "runs into one `--out`, or over one spec, take turns: let that run finish (or stop it) \
                 and run again; the lock is {}, removed when a run ends",
                folder.join(super::run_lock::LOCK_FILE).display()
            )),
            Error::OutInsideSpec { .. } => Some(
                "pass `--out` a directory outside `--spec`, such as `generated/` beside `spec/`".to_owned(),
            ),
            Error::CargoLock { package, .. } => Some(format!(
                "put `cargo` on `PATH` or set `CARGO` to it and run again, or bring the lock up to date \
                 with `cargo update -p {package} --offline` in its workspace"
            )),
        }
    }
}

fn plural(paths: &[PathBuf]) -> &'static str {
    if paths.len() == 1 { "" } else { "s" }
}

fn list(paths: &[PathBuf]) -> String {
    let lines: Vec<String> = paths.iter().map(|p| format!("  {}", p.display())).collect();
    lines.join("\n")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())?;
        match self.help() {
            Some(help) => write!(f, "\nhelp: {help}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io(error) | Error::NothingChanged(error) | Error::PartlyWritten(error) => Some(error),
            Error::NotOwned(_)
            | Error::Symlinks(_)
            | Error::Escapes(_)
            | Error::Busy { .. }
            | Error::OutInsideSpec { .. }
            | Error::CargoLock { .. } => None,
        }
    }
}
