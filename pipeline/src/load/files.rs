//! Finds the spec files under `--spec` and names each as its headers will,
//! and reads the lock beside each.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::source::SourceFile;

/// Spec files with their names, and the translation files listed beside them.
pub(super) type Found = (Vec<(PathBuf, String)>, Option<Vec<PathBuf>>);

/// The spec files under `spec` with the names their headers give them:
/// the file itself, or every `*.yaml` below a directory, sorted; and the
/// translation files found beside them in a directory (`None` for a file,
/// whose folder was not listed).
pub(super) fn spec_files(spec: &Path) -> Result<Found, Diagnostics> {
    let meta = fs::metadata(spec).map_err(|e| {
        Diagnostic::new(spec, format!("cannot read the spec: {e}"))
            .help("pass `--spec` a spec file or a directory of `*.yaml` files")
    })?;
    if !meta.is_dir() {
        if let Some(spec_beside) = super::translation_files::spec_of(spec) {
            return Err(Diagnostic::new(spec, "this is a translation file, not a spec")
                .help(format!("pass `--spec` the spec it translates, {}", spec_beside.display()))
                .into());
        }
        let name = spec.file_name().unwrap_or_default().to_string_lossy().into_owned();
        return Ok((vec![(spec.to_path_buf(), name)], None));
    }
    // Name files after the directory as the user sees it (`spec/x.yaml`),
    // never after where it sits on this machine.
    let dir_name = fs::canonicalize(spec)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "spec".to_owned());
    let mut found = collect_yaml(spec)
        .map_err(|e| Diagnostic::new(spec, format!("cannot list the spec directory: {e}")))?;
    // `knox.de.yaml` beside `knox.yaml` is its German, not a spec.
    let all = found.clone();
    let translations: Vec<PathBuf> = all
        .iter()
        .filter(|path| super::translation_files::is_translation_file(path, &all))
        .cloned()
        .collect();
    found.retain(|path| !translations.contains(path));
    if found.is_empty() {
        return Err(Diagnostic::new(spec, "no `*.yaml` spec files in this directory")
            .help("add a spec file, or pass `--spec` the path of one")
            .into());
    }
    let specs = found
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(spec).unwrap_or(&path);
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let name = format!("{dir_name}/{}", parts.join("/"));
            (path, name)
        })
        .collect();
    Ok((specs, Some(translations)))
}

/// Every `*.yaml` file below `root`, sorted, but the
/// generator's own output. Directory symlinks are followed after every
/// real directory, and a directory reached twice (a loop, or a second
/// link to it) is listed once, so a file keeps its real path's name.
fn collect_yaml(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut listed: HashSet<PathBuf> = HashSet::new();
    let mut pending = vec![root.to_path_buf()];
    let mut linked: Vec<PathBuf> = Vec::new();
    while !pending.is_empty() {
        while let Some(dir) = pending.pop() {
            if !listed.insert(fs::canonicalize(&dir)?) {
                continue;
            }
            let mut entries =
                fs::read_dir(&dir)?.map(|entry| entry.map(|e| e.path())).collect::<io::Result<Vec<_>>>()?;
            entries.sort();
            // Popped from the end: reversed, the directories are listed in order.
            for path in entries.into_iter().rev() {
                let own = fs::symlink_metadata(&path)?.file_type();
                if own.is_symlink() && path.is_dir() {
                    linked.push(path);
                } else if own.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|ext| ext == "yaml") && !is_generated_file(&path) {
                    found.push(path);
                }
            }
        }
        linked.sort();
        pending.extend(linked.drain(..).rev());
    }
    found.sort();
    Ok(found)
}

/// Whether `path` is a regular file that starts with the generator's
/// header: output (`--out` inside `--spec`), not a spec.
fn is_generated_file(path: &Path) -> bool {
    if !fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
        return false;
    }
    let mut head = Vec::new();
    let read = fs::File::open(path).and_then(|file| file.take(HEADER_BYTES).read_to_end(&mut head));
    read.is_ok() && starts_with_header(&head)
}

/// How much of a file is read to find the header on its first line.
const HEADER_BYTES: u64 = 512;

/// Whether the first line of `bytes` is a header `write` puts on the
/// YAML files it generates.
pub(super) fn starts_with_header(bytes: &[u8]) -> bool {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    first_line.starts_with(b"#") && errcat_model::output::is_generated(first_line)
}

/// The largest spec or lock read: far above any real catalogue (the
/// largest bundled spec is a few kilobytes), small enough to hold.
pub(crate) const MAX_FILE_BYTES: u64 = 64 << 20;

/// The bytes of the spec or lock (`what`) at `path`. Only a regular file
/// is opened, since reading a FIFO blocks and a device may never end,
/// and only up to [`MAX_FILE_BYTES`].
pub(super) fn read_file(path: &Path, what: &str) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    let help = match what {
        "lock" => "a lock is a regular file: restore it from version control",
        "translation file" => "a translation file is a regular file: replace this with one, or remove it",
        _ => {
            "a spec is a regular file: pass `--spec` one (or a folder of them), and keep nothing else named `*.yaml` in the folder"
        }
    };
    if !meta.is_file() {
        let kind = file_kind(&meta.file_type());
        return Err(ReadError::Refused(Box::new(
            Diagnostic::new(path, format!("the {what} is {kind}, not a file")).help(help),
        )));
    }
    let too_large = |size: u64| {
        let message = format!("the {what} is larger than {} MiB ({size} bytes)", MAX_FILE_BYTES >> 20);
        ReadError::Refused(Box::new(
            Diagnostic::new(path, message)
                .help("a spec is a few kilobytes of YAML: check that this is the right file"),
        ))
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    let file = fs::File::open(path).map_err(ReadError::Io)?;
    // One byte past the cap tells a file that grew since `metadata`.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Why a spec or lock could not be read.
pub(super) enum ReadError {
    /// The system's error (the caller says which file, and what to do).
    Io(io::Error),
    /// The file is not one to read: not a regular file, or far too large.
    Refused(Box<Diagnostic>),
}

/// What a file that is not a regular file is, in words.
fn file_kind(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() { "a directory" } else { "not a regular file" }
}

/// The text of the lock at `path`, or `None` when there is none yet.
pub(crate) fn read_lock(path: &Path) -> Result<Option<SourceFile>, Diagnostics> {
    let bytes = match read_file(path, "lock") {
        Ok(bytes) => bytes,
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(ReadError::Io(e)) => {
            return Err(Diagnostic::new(path, format!("cannot read the lock: {e}")).into());
        }
        Err(ReadError::Refused(problem)) => return Err((*problem).into()),
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::new(path, "the lock is not valid UTF-8")
            .help("restore the lock from version control, then run `gen` again")
    })?;
    Ok(Some(SourceFile { path: path.to_path_buf(), text }))
}
