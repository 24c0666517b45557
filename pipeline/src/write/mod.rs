//! The one place that writes files and their headers: the output
//! directory and the locks.
//!
//! Ownership is proven by a header: a file is the generator's only when
//! its first line is exactly a `header` line. A file with the header
//! that the spec no longer produces is removed; a file without it is never
//! touched, and the generator refuses to write over one. Emitters return
//! files with their header (its format is errcat-model's `output.rs`);
//! it is read back here, from disk. A file is
//! current when it differs from what the spec produces only in the
//! command its header names: it is left as it is, so the routes pass
//! each other's `--check` and do not rewrite each other's headers.
//!
//! Nothing but the files under the output directory and the locks is
//! touched (and, after a version bump, the version line of the generated
//! package in the workspace's `Cargo.lock`: see `cargo_lock.rs`), and never through a symbolic link: a link at a file, or at a
//! folder between the output directory and a file, is refused before
//! anything changes.
//!
//! A run changes every file or none, as far as a file system allows:
//!
//! 1. each file is compared with what is on disk as soon as it is made
//!    (a `Session` takes them one at a time, so that a large
//!    catalogue's files are never all in memory at once), and if it
//!    changed it is written to a new temporary file in its own folder
//!    (`.codegen-` and ten random letters and digits, `.tmp`, created
//!    exclusively), never through a link;
//! 2. a refusal (a link, a file the generator does not own) or a failure
//!    while staging removes the temporary files and the folders made for
//!    them, and leaves every old file as it was;
//! 3. only when every file has been compared and staged are the
//!    temporary files renamed into place, the locks last;
//! 4. generated files the spec no longer produces are removed.
//!
//! So a crash can leave a temporary file, never a torn one; a failure
//! during the renames (rare: each is within one folder) leaves the files
//! renamed before it new and the others, the locks included, as they
//! were, and the next run finishes the job. Each writing run first removes
//! the temporary files of that pattern, over an hour old, that a killed
//! run left in the folders it writes to (a younger one may be another
//! run's, in flight).

mod cargo_lock;
mod disk;
mod error;
mod header;
mod obsolete;
mod run_lock;

pub(crate) use cargo_lock::updated_cargo_locks;
use disk::{Found, look, remove_stale_temporaries, stage_one};
use errcat_model::output::{OutputFile, is_generated, same_but_command};
pub use error::Error;
use obsolete::{obsolete_files, remove_empty_parents};
pub use run_lock::{LOCK_FILE, RunLock, WAIT};

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Whether to write the files or only compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Write every file whose bytes differ.
    Write,
    /// Write nothing; report files that differ.
    Check,
}

/// What happened to one output file.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// Its bytes changed and it was written.
    Written,
    /// It was already current and was left alone (file times included).
    Unchanged,
    /// Check mode: it exists but differs; `diff` is a short unified diff.
    Stale {
        /// A unified diff from the file on disk to what the spec produces.
        diff: String,
    },
    /// Check mode: it does not exist.
    Missing,
    /// It carried the generator's header but the spec no longer produces
    /// it, so it was removed.
    Removed,
    /// Check mode: it carries the generator's header but the spec no
    /// longer produces it.
    Obsolete,
}

impl Outcome {
    /// Whether `gen --check` fails on it: the file differs, is missing, or
    /// is generated but no longer produced.
    pub fn is_stale(&self) -> bool {
        matches!(self, Outcome::Stale { .. } | Outcome::Missing | Outcome::Obsolete)
    }
}

impl std::fmt::Display for Outcome {
    /// One word: `written`, `unchanged`, `stale`, `missing`, `removed` or
    /// `obsolete` (a stale file's diff is in [`Outcome::Stale`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Outcome::Written => "written",
            Outcome::Unchanged => "unchanged",
            Outcome::Stale { .. } => "stale",
            Outcome::Missing => "missing",
            Outcome::Removed => "removed",
            Outcome::Obsolete => "obsolete",
        })
    }
}

/// One line of the generator's report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FileReport {
    /// The file, under the output directory.
    pub path: PathBuf,
    /// What happened to it.
    pub outcome: Outcome,
}

/// The most diff lines shown for one stale file.
const MAX_DIFF_LINES: usize = 40;

/// A run of the writer: it writes (or in check mode compares) every file
/// under the output directory, and removes (or reports) generated files
/// the spec no longer produces, all or nothing as the module's docs
/// describe. It takes the files one at a time, as they are made: each is
/// compared, and in write mode staged, as it comes, so the generator need
/// not hold every file until the last is made. Each file comes with a
/// key, its place in the report (files are reported in key order, the
/// locks last), whatever order they were made in. Dropped before
/// [`Session::finish`] (on an error), it removes what it staged and the
/// folders it made, so nothing has changed.
pub struct Session<'a, K> {
    out_dir: &'a Path,
    mode: Mode,
    /// Each file's place in the report, path and outcome.
    plan: Vec<(Slot<K>, PathBuf, Outcome)>,
    /// The temporary file of each changed file, and its place.
    staged: Vec<(tempfile::NamedTempFile, PathBuf)>,
    /// The folders made for them, parents first.
    made: Vec<PathBuf>,
    /// The folders already cleared of a killed run's temporary files.
    swept: BTreeSet<PathBuf>,
    links: Vec<PathBuf>,
    not_owned: Vec<PathBuf>,
}

/// Where a file comes in a session's report: the files under the output
/// directory by their keys, then the locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot<K> {
    File(K),
    Lock,
}

impl<'a, K: Ord> Session<'a, K> {
    /// A session writing under `out_dir`, or only comparing in
    /// [`Mode::Check`].
    pub fn new(out_dir: &'a Path, mode: Mode) -> Self {
        Session {
            out_dir,
            mode,
            plan: Vec::new(),
            staged: Vec::new(),
            made: Vec::new(),
            swept: BTreeSet::new(),
            links: Vec::new(),
            not_owned: Vec::new(),
        }
    }

    /// Compares (and in write mode stages) one file under the output
    /// directory, reported in `key`'s place among them; its contents are
    /// not kept.
    pub fn add(&mut self, key: K, file: &OutputFile) -> Result<(), Error> {
        let out_dir = self.out_dir;
        self.add_at(Slot::File(key), out_dir, &file.path, &file.contents)
    }

    fn add_at(&mut self, slot: Slot<K>, root: &Path, relative: &Path, contents: &str) -> Result<(), Error> {
        let path = root.join(relative);
        let existing = match look(root, relative)? {
            Found::Link(link) => {
                // A linked folder holds several files: it is named once.
                if !self.links.contains(&link) {
                    self.links.push(link);
                }
                return Ok(());
            }
            Found::Absent => None,
            Found::File(bytes) => Some(bytes),
        };
        let outcome = match (existing, self.mode) {
            (Some(old), _) if old == contents.as_bytes() || same_but_command(&old, contents) => {
                Outcome::Unchanged
            }
            (Some(old), _) if !is_generated(&old) && is_generated(contents.as_bytes()) => {
                self.not_owned.push(path);
                return Ok(());
            }
            (None, Mode::Check) => Outcome::Missing,
            (Some(old), Mode::Check) => Outcome::Stale { diff: short_diff(&path, &old, contents) },
            (_, Mode::Write) => Outcome::Written,
        };
        // A writing run clears the folders it writes to of the temporary
        // files a killed run left, changed files or not.
        if self.mode == Mode::Write
            && let Some(folder) = path.parent().filter(|folder| !self.swept.contains(*folder))
        {
            remove_stale_temporaries(std::iter::once(folder));
            self.swept.insert(folder.to_path_buf());
        }
        // Nothing is staged once a refusal is known: the run will fail.
        if outcome == Outcome::Written && self.links.is_empty() && self.not_owned.is_empty() {
            let temp = stage_one(&path, contents, &mut self.made).map_err(Error::NothingChanged)?;
            self.staged.push((temp, path.clone()));
        }
        self.plan.push((slot, path, outcome));
        Ok(())
    }

    /// Adds `locks` (files beside the specs, at their own paths), then
    /// renames every staged file into place, the locks last, and removes
    /// (or reports) generated files the spec no longer produces: those
    /// whose header names one of `spec_names`.
    pub fn finish(mut self, locks: &[OutputFile], spec_names: &[&str]) -> Result<Vec<FileReport>, Error> {
        // The files under `out_dir` in their places, the locks after them.
        self.plan.sort_by(|(a, ..), (b, ..)| a.cmp(b));
        let produced: BTreeSet<PathBuf> = self.plan.iter().map(|(_, path, _)| path.clone()).collect();
        for lock in locks {
            let (root, relative, file) = lock_place(lock);
            self.add_at(Slot::Lock, root, relative, &file.contents)?;
        }
        if !self.links.is_empty() {
            return Err(Error::Symlinks(std::mem::take(&mut self.links)));
        }
        if !self.not_owned.is_empty() {
            return Err(Error::NotOwned(std::mem::take(&mut self.not_owned)));
        }
        let out_dir = self.out_dir;
        let obsolete = obsolete_files(out_dir, &produced, spec_names).map_err(Error::Io)?;

        // Renamed into place, the folders made for them stay.
        self.made.clear();
        // In the order given: the files under `out_dir` first, the locks last.
        for (temp, path) in std::mem::take(&mut self.staged) {
            temp.persist(&path).map_err(|e| Error::PartlyWritten(with_path(e.error, &path)))?;
        }

        let mut reports: Vec<FileReport> = std::mem::take(&mut self.plan)
            .into_iter()
            .map(|(_, path, outcome)| FileReport { path, outcome })
            .collect();
        for path in obsolete {
            let outcome = match self.mode {
                Mode::Check => Outcome::Obsolete,
                Mode::Write => {
                    fs::remove_file(&path).map_err(|e| Error::Io(with_path(e, &path)))?;
                    remove_empty_parents(out_dir, &path);
                    Outcome::Removed
                }
            };
            reports.push(FileReport { path, outcome });
        }
        Ok(reports)
    }
}

impl<K> Drop for Session<'_, K> {
    /// A run that did not finish: its temporary files go (each removes
    /// itself when dropped), then the folders made for them.
    fn drop(&mut self) {
        self.staged.clear();
        for folder in self.made.iter().rev() {
            let _ = fs::remove_dir(folder);
        }
    }
}

/// Refuses an output directory that is the `spec` directory or inside it:
/// the next run would read the generated OpenAPI documents as specs. A
/// spec file is not searched, so its folder may hold the output.
pub fn refuse_out_inside_spec(spec: &Path, out: &Path) -> Result<(), Error> {
    // A spec that cannot be found is the loader's to report.
    let Ok(spec_dir) = fs::canonicalize(spec) else { return Ok(()) };
    if !spec_dir.is_dir() {
        return Ok(());
    }
    let out_dir = resolve(out).map_err(|e| Error::Io(with_path(e, out)))?;
    if out_dir.starts_with(&spec_dir) {
        return Err(Error::OutInsideSpec { out: out.to_path_buf(), spec: spec.to_path_buf() });
    }
    Ok(())
}

/// `path` absolute with its links resolved, though its end need not exist
/// yet: the longest part that exists is resolved, the rest applied to it.
pub(crate) fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let parts: Vec<Component> = absolute.components().collect();
    for existing in (1..=parts.len()).rev() {
        let Ok(mut resolved) = fs::canonicalize(parts[..existing].iter().collect::<PathBuf>()) else {
            continue;
        };
        for part in &parts[existing..] {
            match part {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        return Ok(resolved);
    }
    Ok(absolute)
}

/// A lock as a file name under its folder: the folder is the user's
/// choice (where the spec is), the file itself is checked like any other.
fn lock_place(lock: &OutputFile) -> (&Path, &Path, &OutputFile) {
    let folder = match lock.path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = lock.path.file_name().map_or(lock.path.as_path(), Path::new);
    (folder, name, lock)
}

/// Git may check files out with CRLF; they are still current.
fn normalize_newlines(bytes: Vec<u8>) -> Vec<u8> {
    if !bytes.contains(&b'\r') {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'\r' && iter.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(b);
    }
    out
}

fn short_diff(path: &Path, old: &[u8], new: &str) -> String {
    let old = String::from_utf8_lossy(old);
    let name = path.display().to_string();
    let diff = similar::TextDiff::from_lines(old.as_ref(), new)
        .unified_diff()
        .context_radius(2)
        .header(&name, &format!("{name} (from the spec)"))
        .to_string();
    let mut lines: Vec<&str> = diff.lines().collect();
    if lines.len() > MAX_DIFF_LINES {
        let more = lines.len() - MAX_DIFF_LINES;
        lines.truncate(MAX_DIFF_LINES);
        return format!("{}\n… {more} more diff lines", lines.join("\n"));
    }
    lines.join("\n")
}

fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use errcat_model::output::{Comment, DEFAULT_COMMAND, header};

    use super::*;

    #[test]
    fn a_failed_staging_removes_its_temporary_files_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "a file\n").unwrap();
        let file = |path: &str, contents: &str| OutputFile { path: path.into(), contents: contents.into() };
        let mut session = Session::new(dir.path(), Mode::Write);
        session.add(0, &file("new/deeper/first.txt", "one\n")).unwrap();
        assert!(dir.path().join("new/deeper").is_dir(), "the first file is staged as it comes");
        let result = session.add(1, &file("blocker/second.txt", "two\n"));
        let Err(Error::NothingChanged(error)) = result else { panic!("staging did not fail: {result:?}") };
        assert!(error.to_string().contains("blocker"), "{error}");
        drop(session);
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, ["blocker"], "the folders it made went with the temporary file");
    }

    #[test]
    fn a_refusal_found_late_removes_what_was_staged_before_it() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("mine.txt"), "not generated\n").unwrap();
        let file = |path: &str, contents: &str| OutputFile { path: path.into(), contents: contents.into() };
        let generated = header(Comment::Hash, DEFAULT_COMMAND, "spec/x.yaml") + "body\n";
        let mut session = Session::new(dir.path(), Mode::Write);
        session.add(0, &file("crate/new.txt", &generated)).unwrap();
        session.add(1, &file("mine.txt", &generated)).unwrap();
        let result = session.finish(&[], &["spec/x.yaml"]);
        assert!(matches!(result, Err(Error::NotOwned(_))), "{result:?}");
        let mut left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        left.sort();
        assert_eq!(left, ["mine.txt"], "the staged file and its folder are gone");
        assert_eq!(fs::read_to_string(dir.path().join("mine.txt")).unwrap(), "not generated\n");
    }
}
