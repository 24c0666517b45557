//! Finds the spec files under `--spec` and names each as its headers will,
//! and reads the lock beside each.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

/// The spec files under `spec` with the names their headers give them:
/// the file itself, or every `*.yaml` below a directory, sorted.
pub(super) fn spec_files(spec: &Path) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
    let meta = fs::metadata(spec).map_err(|e| {
        Diagnostic::new(spec, format!("cannot read the spec: {e}"))
            .help("pass `--spec` a spec file or a directory of `*.yaml` files")
    })?;
    if !meta.is_dir() {
        let name = spec.file_name().unwrap_or_default().to_string_lossy().into_owned();
        return Ok(vec![(spec.to_path_buf(), name)]);
    }
    // Name files after the directory as the user sees it (`spec/x.yaml`),
    // never after where it sits on this machine.
    let dir_name = fs::canonicalize(spec)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "spec".to_owned());
    let mut found = Vec::new();
    collect_yaml(spec, &mut found)
        .map_err(|e| Diagnostic::new(spec, format!("cannot list the spec directory: {e}")))?;
    found.sort();
    if found.is_empty() {
        return Err(Diagnostic::new(spec, "no `*.yaml` spec files in this directory")
            .help("add a spec file, or pass `--spec` the path of one")
            .into());
    }
    Ok(found
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(spec).unwrap_or(&path);
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let name = format!("{dir_name}/{}", parts.join("/"));
            (path, name)
        })
        .collect())
}

fn collect_yaml(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_yaml(&path, found)?;
        } else if path.extension().is_some_and(|ext| ext == "yaml") {
            found.push(path);
        }
    }
    Ok(())
}

/// The text of the lock at `path`, or `None` when there is none yet.
pub(crate) fn read_lock(path: &Path) -> Result<Option<SourceFile>, Diagnostics> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Diagnostic::new(path, format!("cannot read the lock: {e}")).into()),
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::new(path, "the lock is not valid UTF-8")
            .help("restore the lock from version control, then run `cargo xtask gen`")
    })?;
    Ok(Some(SourceFile { path: path.to_path_buf(), text }))
}
