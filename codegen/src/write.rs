//! The one place that writes files: the output directory and the locks.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One file the generator produces, relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Where it goes, relative to the output directory.
    pub path: PathBuf,
    /// Its full contents, with `\n` line endings.
    pub contents: String,
}

/// Whether to write the files or only compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write every file whose bytes differ.
    Write,
    /// Write nothing; report files that differ.
    Check,
}

/// What happened to one output file.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// One line of the generator's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file, under the output directory.
    pub path: PathBuf,
    /// What happened to it.
    pub outcome: Outcome,
}

/// The most diff lines shown for one stale file.
const MAX_DIFF_LINES: usize = 40;

/// Writes (or in check mode compares) every file under `out_dir`.
///
/// A file is rewritten only when its bytes change, through a temporary
/// file renamed into place, so a crash never leaves half a file.
pub fn write_or_check(out_dir: &Path, files: &[OutputFile], mode: Mode) -> io::Result<Vec<FileReport>> {
    files.iter().map(|file| write_or_check_file(&out_dir.join(&file.path), &file.contents, mode)).collect()
}

/// Writes (or in check mode compares) one file at `path`, the same way:
/// only when its bytes change, through a temporary file. The generator
/// uses it for files that live outside the output directory, such as a
/// spec's lock.
pub fn write_or_check_file(path: &Path, contents: &str, mode: Mode) -> io::Result<FileReport> {
    let existing = match fs::read(path) {
        Ok(bytes) => Some(normalize_newlines(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(with_path(e, path)),
    };
    let outcome = match (existing, mode) {
        (Some(old), _) if old == contents.as_bytes() => Outcome::Unchanged,
        (None, Mode::Check) => Outcome::Missing,
        (Some(old), Mode::Check) => Outcome::Stale { diff: short_diff(path, &old, contents) },
        (_, Mode::Write) => {
            replace(path, contents.as_bytes()).map_err(|e| with_path(e, path))?;
            Outcome::Written
        }
    };
    Ok(FileReport { path: path.to_path_buf(), outcome })
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

fn replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = fs::write(&tmp, contents).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        // Best effort: the temporary file is ours and useless now.
        let _ = fs::remove_file(&tmp);
    }
    result
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
