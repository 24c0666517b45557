//! Finding the generated files a spec no longer produces, only in the
//! folders the generator's layout owns, and removing the folders their
//! removal empties.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::header::{generated_from, starts_generated};
use super::with_path;

/// Files that carry the generator's header but are not in `produced`,
/// sorted. Only folders the generator's layout owns are searched: the
/// top-level folders of `out_dir` it writes into now (a crate, `openapi/`,
/// `docs/`) and those holding a generated `Cargo.toml` (a crate it wrote
/// before a rename). So a mistaken `--out` never reaches the rest of a
/// tree. Hidden entries (temporary files, `.git`), `target` folders and
/// symbolic links are never looked into.
pub(super) fn obsolete_files(
    out_dir: &Path,
    produced: &BTreeSet<PathBuf>,
    spec_names: &[&str],
) -> io::Result<Vec<PathBuf>> {
    let mut dirs: BTreeSet<PathBuf> = produced
        .iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(out_dir).ok()?;
            let mut parts = relative.components();
            let top = parts.next()?;
            // A file directly in `out_dir` has no folder of its own to search.
            parts.next().map(|_| out_dir.join(top))
        })
        .collect();
    match fs::read_dir(out_dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(|e| with_path(e, out_dir))?;
                let manifest = entry.path().join("Cargo.toml");
                if entry.file_type().is_ok_and(|kind| kind.is_dir())
                    && fs::symlink_metadata(&manifest).is_ok_and(|meta| meta.is_file())
                    && starts_generated(&manifest)?
                {
                    dirs.insert(entry.path());
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(with_path(e, out_dir)),
    }

    let mut found = Vec::new();
    let mut dirs: Vec<PathBuf> = dirs.into_iter().collect();
    while let Some(dir) = dirs.pop() {
        // A top-level folder may be a link; what it points to is not ours.
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(with_path(e, &dir)),
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(with_path(e, &dir)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| with_path(e, &dir))?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') || name == "target" {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| with_path(e, &path))?;
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file() && !produced.contains(&path) && generated_from(&path, spec_names)? {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Removes the directories that removing `file` left empty, up to `out_dir`.
pub(super) fn remove_empty_parents(out_dir: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| *d != out_dir && d.starts_with(out_dir)) {
        // Fails (and stops) at the first directory that is not empty.
        if fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
