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
pub mod locate;
pub mod lock;
pub mod markdown;
pub mod model;
pub mod openapi;
pub mod phf;
pub mod rust;
#[cfg(feature = "schema")]
pub mod schema;
pub mod shape;
pub mod spec;
pub mod synth;
pub mod text;
pub mod write;
pub mod yaml;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use diagnostic::{Diagnostic, Diagnostics, SourceLine};
pub use model::Catalogue;
pub use write::{FileReport, Mode, Outcome, OutputFile};

/// Why a run of the generator failed.
#[derive(Debug)]
pub enum Error {
    /// The spec has problems; nothing was written.
    Spec(Diagnostics),
    /// Reading or writing a file failed.
    Io(io::Error),
    /// Files the generator would write exist without its header: they are
    /// someone's own, so nothing was written.
    NotOwned(Vec<PathBuf>),
}

impl Error {
    /// The message as the command line prints it; ANSI colours when
    /// `color` is set (the caller decides: a terminal, no `NO_COLOR`).
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Spec(diagnostics) => diagnostics.render(color),
            Error::Io(error) => diagnostic::render_error(&error.to_string(), None, color),
            Error::NotOwned(paths) => {
                let list: Vec<String> = paths.iter().map(|p| format!("  {}", p.display())).collect();
                let s = if paths.len() == 1 { "" } else { "s" };
                diagnostic::render_error(
                    &format!(
                        "refusing to overwrite {} file{s} that `cargo xtask gen` did not write:\n{}",
                        paths.len(),
                        list.join("\n")
                    ),
                    Some(&format!(
                        "move the file{s} out of the way, or pass `--out` a directory of generated files only; \
                         generated files start with a `{}` line",
                        write::GENERATED_MARKER
                    )),
                    color,
                )
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
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
        return Err(Error::Spec(finish(problems)));
    }
    let catalogues: Vec<Catalogue> = loaded.into_iter().map(|(_, catalogue)| catalogue).collect();
    let files = render(&catalogues);
    let sources: Vec<&str> = catalogues.iter().map(|catalogue| catalogue.source.as_str()).collect();
    let mut reports = write::write_or_check(out, &files, &sources, mode)?;
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
/// of all files at once, sorted by file and line.
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
                        .yaml_path("crate")
                        .help("give each spec file its own `crate` name"),
                    );
                }
                catalogues.push((path, catalogue));
            }
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if problems.is_empty() { Ok(catalogues) } else { Err(finish(problems)) }
}

/// Places every problem that has no position yet by reading its file
/// (the spec or a lock) once, then sorts them by file and line.
fn finish(mut problems: Vec<Diagnostic>) -> Diagnostics {
    let files: std::collections::BTreeSet<PathBuf> = problems
        .iter()
        .filter(|p| p.snippet.is_none() && (p.position.is_some() || p.yaml_path.is_some()))
        .map(|p| p.file.clone())
        .collect();
    for file in files {
        // A file that cannot be read now keeps its problems as they are.
        let Ok(text) = fs::read_to_string(&file) else { continue };
        let mut mine: Vec<Diagnostic> = Vec::new();
        let mut others = Vec::with_capacity(problems.len());
        for problem in problems {
            if problem.file == file { mine.push(problem) } else { others.push(problem) }
        }
        place(&text, &mut mine);
        others.extend(mine);
        problems = others;
    }
    let mut problems = Diagnostics(problems);
    problems.sort();
    problems
}

/// Reads, parses and validates one spec file. `source` is the name that
/// generated headers give it.
pub fn load_file(path: &Path, source: String) -> Result<Catalogue, Diagnostics> {
    let bytes = fs::read(path).map_err(|e| {
        Diagnostics::from(Diagnostic::new(path, format!("cannot read the spec: {e}")).help("check the path"))
    })?;
    load_bytes(path, source, bytes)
}

/// Parses and validates spec file contents read from elsewhere (such as
/// an older revision in version control); `path` names them in diagnostics.
pub fn load_bytes(path: &Path, source: String, bytes: Vec<u8>) -> Result<Catalogue, Diagnostics> {
    let text = decode(path, bytes)?;
    check(path, &source, &text)
}

/// Parses and validates spec text: every problem comes back with its line,
/// the source line and a caret, sorted by position. Never panics, whatever
/// the text.
pub fn check(path: &Path, source: &str, text: &str) -> Result<Catalogue, Diagnostics> {
    // Shape problems and the validation problems of every part that could
    // be read come out together.
    let result = shape::read(path, text).map_err(|found| found.0).and_then(|read| {
        let mut found = read.problems;
        match model::validate_read(path, source, &read.spec, &read.unread) {
            Ok(catalogue) if found.is_empty() => return Ok(catalogue),
            Ok(_) => {}
            Err(more) => found.extend(more.0),
        }
        Err(found)
    });
    result.map_err(|mut found| {
        place(text, &mut found);
        let mut found = Diagnostics(found);
        found.sort();
        found
    })
}

/// The text of a spec file; a file that is not UTF-8 is a problem at the
/// first bad byte.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostics> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        // Up to `valid` the lossy text has the same bytes as the file.
        let (line, column) = locate::position(&text, valid);
        let line_text = locate::lines(&text).get(line - 1).copied().unwrap_or_default().to_owned();
        Diagnostic::new(path, "the spec is not valid UTF-8")
            .at(line, column)
            .snippet(line_text, 1)
            .help("save the file as UTF-8")
            .into()
    })
}

/// Gives every problem that has a YAML path but no position the position
/// of that path's value (or of its nearest existing parent), and every
/// positioned problem its source line.
pub fn place(text: &str, found: &mut [Diagnostic]) {
    let paths: Vec<&str> =
        found.iter().filter(|d| d.position.is_none()).filter_map(|d| d.yaml_path.as_deref()).collect();
    let spots = if paths.is_empty() { Default::default() } else { locate::locate(text, &paths) };
    let lines = locate::lines(text);
    for problem in found.iter_mut() {
        let mut width = None;
        if problem.position.is_none()
            && let Some(spot) = problem.yaml_path.as_deref().and_then(|p| spots.get(p))
        {
            problem.position = Some((spot.line, spot.column));
            width = Some(spot.width);
        }
        if problem.snippet.is_some() {
            continue;
        }
        if let Some((line, column)) = problem.position
            && let Some(&text) = line.checked_sub(1).and_then(|i| lines.get(i))
        {
            let width = width.unwrap_or_else(|| token_width(text, column));
            problem.snippet = Some(Box::new(SourceLine { text: text.to_owned(), width: width.max(1) }));
        }
    }
}

/// How many characters the YAML token at 1-based `column` spans: a quoted
/// scalar to its closing quote, a plain one to the next `: `, `,`, `]`,
/// `}` or ` #`.
fn token_width(line: &str, column: usize) -> usize {
    let chars: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    let Some(&first) = chars.first() else { return 1 };
    if first == '"' || first == '\'' {
        let mut escaped = false;
        for (i, &c) in chars.iter().enumerate().skip(1) {
            if c == first && !escaped {
                return i + 1;
            }
            escaped = first == '"' && c == '\\' && !escaped;
        }
        return chars.len();
    }
    let mut end = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let ends = matches!(c, ',' | ']' | '}')
            || (c == ':' && next.is_none_or(char::is_whitespace))
            || (c == '#' && i > 0 && chars[i - 1].is_whitespace());
        if ends {
            end = i;
            break;
        }
    }
    let token: String = chars[..end].iter().collect();
    token.trim_end().chars().count().max(1)
}

/// Parses spec text into the spec types, reporting every shape problem
/// (unknown, repeated or missing field, wrong type) of every table and
/// row, each with the value's YAML path and, where known, its line; see
/// [`shape`].
pub fn parse(path: &Path, text: &str) -> Result<spec::SpecFile, Diagnostics> {
    let read = shape::read(path, text)?;
    if read.problems.is_empty() { Ok(read.spec) } else { Err(Diagnostics(read.problems)) }
}

/// Renders every artifact of every catalogue, in memory. Paths are named
/// after the crate, so several catalogues never collide:
/// `<crate>/…` (`Cargo.toml`, `src/lib.rs`, `src/reference.md`),
/// `openapi/<crate>.openapi.yaml` (3.1.0),
/// `openapi/<crate>.openapi-3.0.yaml` (3.0.3) and `docs/<crate>.md`.
pub fn render(catalogues: &[Catalogue]) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for catalogue in catalogues {
        // The emitters are pure and independent: on a large catalogue,
        // running the Rust one beside the others nearly halves the time.
        let (lib, (openapi, docs)) = std::thread::scope(|scope| {
            let lib = scope.spawn(|| rust::emit_lib(catalogue));
            let openapi = [openapi::Version::V3_1, openapi::Version::V3_0]
                .map(|version| (version, openapi::emit_openapi(catalogue, version)));
            let docs = markdown::emit_docs(catalogue);
            // A panic in the emitter is a bug; pass it on as it was.
            (lib.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), (openapi, docs))
        });
        let crate_dir = PathBuf::from(&catalogue.crate_name);
        files.push(OutputFile {
            path: crate_dir.join("Cargo.toml"),
            contents: rust::emit_manifest(catalogue),
        });
        files.push(OutputFile { path: crate_dir.join("README.md"), contents: rust::emit_readme(catalogue) });
        files.push(OutputFile { path: crate_dir.join("src/lib.rs"), contents: lib });
        // The crate's `reference` module shows the same page as docs/.
        files.push(OutputFile { path: crate_dir.join("src/reference.md"), contents: docs.clone() });
        for (version, contents) in openapi {
            files.push(OutputFile {
                path: Path::new("openapi").join(openapi::file_name(catalogue, version)),
                contents,
            });
        }
        files.push(OutputFile {
            path: Path::new("docs").join(format!("{}.md", catalogue.crate_name)),
            contents: docs,
        });
    }
    files
}

/// The spec files under `spec` with the names their headers give them:
/// the file itself, or every `*.yaml` below a directory, sorted.
fn spec_files(spec: &Path) -> Result<Vec<(PathBuf, String)>, Diagnostics> {
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
