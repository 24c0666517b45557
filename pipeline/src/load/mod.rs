//! Loading: find the spec files, read each one's YAML into the spec types
//! ([`errcat_model::spec`]) with every shape problem, validate it into a
//! [`Catalogue`] that keeps its text, and place every problem at its line.

mod files;
mod hostile;
pub(crate) mod locate;
mod message;
mod pieces;
mod place;
pub mod shape;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use files::ReadError;
pub(crate) use files::read_lock;
pub use place::{finish, place};

use errcat_model::Catalogue;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::source::{SourceFile, SpecPath};

/// Reads and validates every spec file under `spec`, reporting the problems
/// of all files at once, sorted by file and line.
pub fn load(spec: &Path) -> Result<Vec<Catalogue>, Diagnostics> {
    Ok(load_paths(spec)?.into_iter().map(|(_, catalogue)| catalogue).collect())
}

/// Reads and validates every spec file under `spec` (a file, or a folder
/// searched for `*.yaml`), with the path each was read from, reporting the
/// problems of all files at once, sorted by file and line.
pub fn load_paths(spec: &Path) -> Result<Vec<(PathBuf, Catalogue)>, Diagnostics> {
    let files = files::spec_files(spec)?;
    let mut catalogues = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let mut crates: BTreeMap<String, (String, PathBuf)> = BTreeMap::new();
    for (path, source) in files {
        match load_file(&path, source) {
            Ok(catalogue) => {
                // Cargo names the library (and its docs folder) with `_` for `-`.
                let library = catalogue.crate_name.replace('-', "_");
                let this = (catalogue.crate_name.clone(), path.clone());
                if let Some((first_name, first)) = crates.insert(library.clone(), this) {
                    let message = if first_name == catalogue.crate_name {
                        format!("crate `{first_name}` is already generated from {}", first.display())
                    } else {
                        format!(
                            "crate `{}` is crate `{first_name}` of {} under another spelling: both are the library `{library}`",
                            catalogue.crate_name,
                            first.display()
                        )
                    };
                    problems
                        .push(Diagnostic::new(&path, message).spec_path(SpecPath::root().field("crate")).help(
                        "give each spec file its own `crate` name, one that differs in more than `-` and `_`",
                    ));
                }
                catalogues.push((path, catalogue));
            }
            Err(Diagnostics(found)) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        return Ok(catalogues);
    }
    let sources: Vec<&SourceFile> = catalogues.iter().filter_map(|(_, c)| c.spec_file.as_deref()).collect();
    Err(finish(problems, &sources))
}

/// Reads, parses and validates one spec file. `source` is the name that
/// generated headers give it.
pub fn load_file(path: &Path, source: String) -> Result<Catalogue, Diagnostics> {
    let bytes = files::read_file(path, "spec").map_err(|e| match e {
        ReadError::Io(e) => {
            Diagnostic::new(path, format!("cannot read the spec: {e}")).help("check the path")
        }
        ReadError::Refused(problem) => *problem,
    })?;
    if files::starts_with_header(&bytes) {
        return Err(Diagnostic::new(path, "this file was generated from a spec; it is not one")
            .help("pass `--spec` the spec it was generated from, and keep `--out` outside `--spec`")
            .into());
    }
    load_bytes(path, source, bytes)
}

/// Parses and validates spec file contents read from elsewhere (such as
/// an older revision in version control); `path` names them in diagnostics.
pub fn load_bytes(path: &Path, source: String, bytes: Vec<u8>) -> Result<Catalogue, Diagnostics> {
    let mut bytes = bytes;
    if bytes.starts_with(BOM.as_bytes()) {
        bytes.drain(..BOM.len());
    }
    let text = decode(path, bytes)?;
    check_file(&source, Arc::new(SourceFile { path: path.to_path_buf(), text }))
}

/// Parses and validates spec text: every problem comes back with its line,
/// the source line and a caret, sorted by position. Never panics, whatever
/// the text.
pub fn check(path: &Path, source: &str, text: &str) -> Result<Catalogue, Diagnostics> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    check_file(source, Arc::new(SourceFile { path: path.to_path_buf(), text: text.to_owned() }))
}

/// The byte order mark some editors put first in a UTF-8 file. It is not
/// part of the spec, and editors do not show it, so it is dropped before
/// reading: lines and columns stay the ones the user sees.
const BOM: &str = "\u{feff}";

/// [`check`] of a file's text, which the catalogue keeps.
fn check_file(source: &str, file: Arc<SourceFile>) -> Result<Catalogue, Diagnostics> {
    let (path, text) = (file.path.as_path(), file.text.as_str());
    check_source_name(path, source)?;
    // Shape problems and the validation problems of every part that could
    // be read come out together.
    let result = shape::read(path, text).map_err(|found| found.0).and_then(|shape| {
        let mut found = shape.problems;
        match errcat_model::validate_skipping(path, source, &shape.spec, &shape.skipped) {
            Ok(catalogue) if found.is_empty() => return Ok(catalogue),
            Ok(_) => {}
            Err(more) => found.extend(more.0),
        }
        Err(found)
    });
    match result {
        Ok(catalogue) => Ok(Catalogue { spec_file: Some(file), ..catalogue }),
        Err(found) => Err(finish(found, &[&file])),
    }
}

/// The name headers and docs give a spec (`spec/knox-cloud.yaml`) goes
/// into one-line comments of every format: a line break or another
/// control character in it would end the comment and inject the rest.
fn check_source_name(path: &Path, source: &str) -> Result<(), Diagnostics> {
    let Some(bad) = source.chars().find(|c| c.is_control()) else { return Ok(()) };
    Err(Diagnostic::new(
        path,
        format!(
            "the spec's file name `{}` holds the control character U+{:04X}",
            source.escape_debug(),
            bad as u32
        ),
    )
    .help("rename the file (and its folders) to printable characters only")
    .into())
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

/// Parses spec text into the spec types, reporting every shape problem
/// (unknown, repeated or missing field, wrong type) of every table and
/// row, each with the value's YAML path and, where known, its line; see
/// [`shape`].
pub fn parse(path: &Path, text: &str) -> Result<errcat_model::spec::SpecFile, Diagnostics> {
    let shape = shape::read(path, text)?;
    if shape.problems.is_empty() { Ok(shape.spec) } else { Err(Diagnostics(shape.problems)) }
}
