//! The file system, one path at a time: what is at a file's place without
//! following a link ([`look`]), the temporary file a changed file is
//! staged in and the folders made for it, and the temporary files a
//! killed run left behind.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use super::{Error, normalize_newlines, with_path};

/// What is at a file's place before anything changes.
pub(super) enum Found {
    /// A symbolic link: at the file, or at a folder on the way to it.
    Link(PathBuf),
    /// Nothing: a folder on the way is missing, or is a file (which the
    /// writing step reports).
    Absent,
    /// The file, with its line endings normalised.
    File(Vec<u8>),
}

/// Looks at `root/relative` without following a link: every folder from
/// `root` down, and the file itself.
pub(super) fn look(root: &Path, relative: &Path) -> Result<Found, Error> {
    let mut path = root.to_path_buf();
    let mut parts = relative.components().peekable();
    if parts.peek().is_none() {
        return Err(Error::Escapes(path));
    }
    while let Some(part) = parts.next() {
        let Component::Normal(name) = part else {
            return Err(Error::Escapes(root.join(relative)));
        };
        path.push(name);
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
                return Ok(Found::Absent);
            }
            Err(e) => return Err(Error::NothingChanged(with_path(e, &path))),
        };
        if meta.file_type().is_symlink() {
            return Ok(Found::Link(path));
        }
        if parts.peek().is_some() && !meta.is_dir() {
            return Ok(Found::Absent);
        }
    }
    let bytes = fs::read(&path).map_err(|e| Error::NothingChanged(with_path(e, &path)))?;
    Ok(Found::File(normalize_newlines(bytes)))
}

/// The temporary files' names: `.codegen-`, random letters and digits, `.tmp`.
const TEMP_PREFIX: &str = ".codegen-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 10;

fn is_temporary(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX).and_then(|rest| rest.strip_suffix(TEMP_SUFFIX)).is_some_and(|random| {
        random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// A temporary file younger than this may be another run's, still in
/// flight: a run renames its files within seconds of writing them.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes the temporary files a killed run left in `folders`, those last
/// modified over [`STALE_AFTER`] ago.
pub(super) fn remove_stale_temporaries<'a>(folders: impl Iterator<Item = &'a Path>) {
    let folders: BTreeSet<&Path> = folders.collect();
    for folder in folders {
        let Ok(entries) = fs::read_dir(folder) else { continue };
        for entry in entries.flatten() {
            let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
            let age = entry.metadata().and_then(|meta| meta.modified()).ok().and_then(|at| at.elapsed().ok());
            let stale = age.is_some_and(|age| age >= STALE_AFTER);
            if is_file && stale && entry.file_name().to_str().is_some_and(is_temporary) {
                // Best effort: a leftover that stays is only clutter.
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// Writes `contents` to a new temporary file in `path`'s folder, making
/// missing folders (each recorded in `made`).
pub(super) fn stage_one(
    path: &Path,
    contents: &str,
    made: &mut Vec<PathBuf>,
) -> io::Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    make_folders(folder, made)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).rand_bytes(TEMP_RANDOM);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The usual mode of a new file (the umask still applies), not the
        // owner-only mode of a temporary file: it becomes the output.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder).map_err(|e| with_path(e, folder))?;
    let written = temp.write_all(contents.as_bytes()).and_then(|()| temp.as_file().sync_all());
    written.map_err(|e| with_path(e, path))?;
    Ok(temp)
}

/// Makes `folder` and its missing parents one by one, recording each in
/// `made`; a file where a folder should be is an error naming it.
fn make_folders(folder: &Path, made: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut current = folder;
    loop {
        match fs::symlink_metadata(current) {
            Ok(meta) if meta.is_dir() => break,
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("{}: a file where a folder should be", current.display()),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(current),
            Err(e) => return Err(with_path(e, current)),
        }
        match current.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => current = parent,
            _ => break,
        }
    }
    for folder in missing.into_iter().rev() {
        fs::create_dir(folder).map_err(|e| with_path(e, folder))?;
        made.push(folder.to_path_buf());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_exactly() {
        assert!(is_temporary(".codegen-Ab3dEf7hJk.tmp"));
        for name in [
            ".codegen-short.tmp",
            ".codegen-Ab3dEf7hJk.tmp.bak",
            "codegen-Ab3dEf7hJk.tmp",
            ".codegen-Ab3dEf7h-k.tmp",
        ] {
            assert!(!is_temporary(name), "{name}");
        }
    }
}
