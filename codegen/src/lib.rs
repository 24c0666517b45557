//! Turns a YAML error catalogue into a Rust crate, OpenAPI documents and a
//! Markdown reference, so code and docs can never disagree.
//!
//! The pipeline runs one way:
//!
//! ```text
//! spec/*.yaml ──load──▶ spec::SpecFile ──validate──▶ model::Catalogue
//!             ──lock::update──▶ spec/*.lock (every code ever published)
//!             ──emit──▶ OutputFile contents ──write_or_check──▶ generated/
//! ```
//!
//! [`generate`] runs all of it; each step is public for tests and tools.

pub mod diagnostic;
pub mod diff;
pub mod lock;
pub mod markdown;
pub mod model;
pub mod openapi;
pub mod phf;
pub mod rust;
pub mod spec;
pub mod text;
pub mod write;
pub mod yaml;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Catalogue;
pub use write::{FileReport, Mode, Outcome, OutputFile};

/// Why a run of the generator failed.
#[derive(Debug)]
pub enum Error {
    /// The spec has problems; nothing was written.
    Spec(Diagnostics),
    /// Reading or writing a file failed.
    Io(io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Spec(diagnostics) => diagnostics.fmt(f),
            Error::Io(error) => write!(f, "error: {error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<Diagnostics> for Error {
    fn from(diagnostics: Diagnostics) -> Self {
        Error::Spec(diagnostics)
    }
}

/// Loads, validates, checks the locks, renders and writes (or checks) in
/// one call.
///
/// `spec` is a spec file or a directory searched for `*.yaml` files; each
/// spec's lock sits next to it (see [`lock`]). Every artifact and lock is
/// rendered in memory before anything is touched, and a spec its lock
/// refuses writes nothing.
pub fn generate(spec: &Path, out: &Path, mode: Mode) -> Result<Vec<FileReport>, Error> {
    let loaded = load_paths(spec)?;
    let mut locks = Vec::with_capacity(loaded.len());
    let mut problems = Vec::new();
    for (path, catalogue) in &loaded {
        match lock_file(path, catalogue) {
            Ok(lock) => locks.push(lock),
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Spec(Diagnostics(problems)));
    }
    let catalogues: Vec<Catalogue> = loaded.into_iter().map(|(_, catalogue)| catalogue).collect();
    let files = render(&catalogues);
    let mut reports = write::write_or_check(out, &files, mode).map_err(Error::Io)?;
    for lock in &locks {
        reports.push(write::write_or_check_file(&lock.path, &lock.contents, mode).map_err(Error::Io)?);
    }
    Ok(reports)
}

/// Checks `catalogue`, loaded from the spec file `spec`, against the lock
/// next to it, and renders the updated lock (its path and contents).
pub fn lock_file(spec: &Path, catalogue: &Catalogue) -> Result<OutputFile, Diagnostics> {
    let path = lock::lock_path(spec);
    let locked = match fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| {
                Diagnostic::new(&path, "the lock is not valid UTF-8")
                    .help("restore the lock from version control, then run `cargo xtask gen`")
            })?;
            Some(lock::parse(&path, &text)?)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(Diagnostic::new(&path, format!("cannot read the lock: {e}")).into()),
    };
    let updated = lock::update(spec, &path, catalogue, locked.as_ref())?;
    Ok(OutputFile { contents: lock::render(catalogue, &updated), path })
}

/// Reads and validates every spec file under `spec`, reporting the problems
/// of all files at once.
pub fn load(spec: &Path) -> Result<Vec<Catalogue>, Diagnostics> {
    Ok(load_paths(spec)?.into_iter().map(|(_, catalogue)| catalogue).collect())
}

/// [`load`], keeping the path each catalogue was read from.
pub fn load_paths(spec: &Path) -> Result<Vec<(PathBuf, Catalogue)>, Diagnostics> {
    let files = spec_files(spec)?;
    let mut catalogues = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let mut crates: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (path, source) in files {
        match load_file(&path, source) {
            Ok(catalogue) => {
                if let Some(first) = crates.insert(catalogue.crate_name.clone(), path.clone()) {
                    problems.push(
                        Diagnostic::new(
                            &path,
                            format!(
                                "crate `{}` is already generated from {}",
                                catalogue.crate_name,
                                first.display()
                            ),
                        )
                        .help("give each spec file its own `crate` name"),
                    );
                }
                catalogues.push((path, catalogue));
            }
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if problems.is_empty() { Ok(catalogues) } else { Err(Diagnostics(problems)) }
}

/// Reads, parses and validates one spec file. `source` is the name that
/// generated headers give it.
pub fn load_file(path: &Path, source: String) -> Result<Catalogue, Diagnostics> {
    let bytes = fs::read(path)
        .map_err(|e| Diagnostic::new(path, format!("cannot read the spec: {e}")).help("check the path"))?;
    load_bytes(path, source, bytes)
}

/// Parses and validates spec file contents read from elsewhere (such as
/// an older revision in version control); `path` names them in diagnostics.
pub fn load_bytes(path: &Path, source: String, bytes: Vec<u8>) -> Result<Catalogue, Diagnostics> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        Diagnostic::new(path, "the spec is not valid UTF-8").at(line, column).help("save the file as UTF-8")
    })?;
    let spec = parse(path, &text)?;
    model::validate(path, &source, &spec)
}

/// Parses spec text, turning YAML and type errors into diagnostics.
pub fn parse(path: &Path, text: &str) -> Result<spec::SpecFile, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| {
        let message = e.to_string();
        let diagnostic = match e.location() {
            Some(at) => {
                // The location is reported separately: drop it from the text.
                let message = match message.rfind(" at line ") {
                    Some(i) => message[..i].to_owned(),
                    None => message,
                };
                Diagnostic::new(path, message).at(at.line(), at.column())
            }
            None => Diagnostic::new(path, message),
        };
        diagnostic.help("check the field names and types against the spec format in README.md")
    })
}

/// Renders every artifact of every catalogue, in memory. Paths are named
/// after the crate, so several catalogues never collide:
/// `<crate>/…`, `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3) and `docs/<crate>.md`.
pub fn render(catalogues: &[Catalogue]) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for catalogue in catalogues {
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        files.push(OutputFile {
            path: crate_dir.join("Cargo.toml"),
            contents: rust::emit_manifest(catalogue),
        });
        files.push(OutputFile { path: crate_dir.join("README.md"), contents: rust::emit_readme(catalogue) });
        files.push(OutputFile { path: crate_dir.join("src/lib.rs"), contents: rust::emit_lib(catalogue) });
        for version in [openapi::Version::V3_1, openapi::Version::V3_0] {
            files.push(OutputFile {
                path: Path::new("openapi").join(openapi::file_name(catalogue, version)),
                contents: openapi::emit_openapi(catalogue, version),
            });
        }
        files.push(OutputFile {
            path: Path::new("docs").join(format!("{}.md", catalogue.crate_name)),
            contents: markdown::emit_docs(catalogue),
        });
    }
    files
}

/// The spec files under `spec` with the names their headers give them:
/// the file itself, or every `*.yaml` below a directory, sorted.
fn spec_files(spec: &Path) -> Result<Vec<(PathBuf, String)>, Diagnostic> {
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
            .help("add a spec file, or pass `--spec` the path of one"));
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
