//! Loading: find the spec files, read each one's YAML into the spec types
//! ([`errcat_model::spec`]) with every shape problem, validate it into a
//! [`Catalogue`] that keeps its text, and place every problem at its line.

mod files;
mod hostile;
pub(crate) mod locate;
mod message;
mod pieces;
mod place;
mod scalar;
pub mod shape;
mod translation_files;
mod tree;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use files::ReadError;
pub(crate) use files::read_lock;
pub(crate) use place::finish;

use errcat_model::Catalogue;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::source::{SourceFile, SpecPath};

/// Where [`load`] finds specs.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum SpecInput<'a> {
    /// A spec file, or a folder searched for `*.yaml` files: each is named
    /// as the generated headers will name it (`spec/knox-cloud.yaml`).
    Path(&'a Path),
    /// One spec file, which the generated headers name `name`.
    File {
        /// Where it is read from.
        path: &'a Path,
        /// The name headers and reports give it.
        name: &'a str,
    },
    /// One spec's text, read from elsewhere (an older revision in version
    /// control) or made in memory. Its translation files are not read:
    /// its locales come without their texts.
    Text {
        /// The path diagnostics name it by.
        path: &'a Path,
        /// The name headers and reports give it.
        name: &'a str,
        /// Its bytes: UTF-8, a byte order mark allowed.
        text: &'a [u8],
    },
    /// One spec's text and its translation files' texts, read from
    /// elsewhere (an older revision in version control): checked as
    /// translation files beside a spec on disk are.
    Texts {
        /// The path diagnostics name it by; each translation is named
        /// beside it (`knox.de.yaml` beside `knox.yaml`).
        path: &'a Path,
        /// The name headers and reports give it.
        name: &'a str,
        /// Its bytes: UTF-8, a byte order mark allowed.
        text: &'a [u8],
        /// Each translation file, by the middle of its name (`de` of
        /// `knox.de.yaml`), and its bytes.
        translations: &'a [(&'a str, &'a [u8])],
    },
}

impl<'a> SpecInput<'a> {
    /// [`SpecInput::Text`] of `text`, at `path`, named `name`.
    pub fn text(path: &'a Path, name: &'a str, text: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        SpecInput::Text { path, name, text: text.as_ref() }
    }
}

/// Reads and validates the specs `input` names, each keeping its path and
/// text ([`Catalogue::spec_file`]), reporting the problems of all of them at
/// once, sorted by file and line. Never panics, whatever the bytes.
pub fn load(input: SpecInput<'_>) -> Result<Vec<Catalogue>, Diagnostics> {
    match input {
        SpecInput::Path(spec) => Ok(load_paths(spec)?.into_iter().map(|(_, catalogue)| catalogue).collect()),
        SpecInput::File { path, name } => Ok(vec![load_file(path, name, None)?]),
        SpecInput::Text { path, name, text } => Ok(vec![load_bytes(path, name, text.to_vec())?]),
        SpecInput::Texts { path, name, text, translations } => Ok(vec![translation_files::attach_texts(
            path,
            load_bytes(path, name, text.to_vec())?,
            translations,
        )?]),
    }
}

/// Every spec file under `spec`, checked, with the path it was read from
/// (where its lock sits), or the problems of all files.
pub(crate) fn load_paths(spec: &Path) -> Result<Vec<(PathBuf, Catalogue)>, Diagnostics> {
    let (files, translations) = files::spec_files(spec)?;
    let mut catalogues = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let mut crates: BTreeMap<String, (String, PathBuf)> = BTreeMap::new();
    for (path, name) in files {
        match load_file(&path, &name, translations.as_deref()) {
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
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() {
        return Ok(catalogues);
    }
    let sources: Vec<&SourceFile> = catalogues.iter().filter_map(|(_, c)| c.spec_file.as_deref()).collect();
    Err(finish(problems, &sources))
}

/// Reads, parses and validates one spec file, named `name`, with its
/// translations: among `translations` when its folder was listed already.
fn load_file(path: &Path, name: &str, translations: Option<&[PathBuf]>) -> Result<Catalogue, Diagnostics> {
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
    translation_files::attach(path, load_bytes(path, name, bytes)?, translations)
}

/// Parses and validates a spec's bytes; `path` names them in diagnostics.
fn load_bytes(path: &Path, name: &str, bytes: Vec<u8>) -> Result<Catalogue, Diagnostics> {
    let mut bytes = bytes;
    if bytes.starts_with(BOM.as_bytes()) {
        bytes.drain(..BOM.len());
    }
    let text = decode(path, bytes)?;
    check_file(name, Arc::new(SourceFile { path: path.to_path_buf(), text }))
}

/// The byte order mark some editors put first in a UTF-8 file. It is not
/// part of the spec, and editors do not show it, so it is dropped before
/// reading: lines and columns stay the ones the user sees.
const BOM: &str = "\u{feff}";

/// Parses and validates a file's text, which the catalogue keeps.
fn check_file(name: &str, file: Arc<SourceFile>) -> Result<Catalogue, Diagnostics> {
    let (path, text) = (file.path.as_path(), file.text.as_str());
    check_spec_name(path, name)?;
    // Shape problems and the validation problems of every part that could
    // be read come out together.
    let result = shape::read(path, text).map_err(|found| found.0).and_then(|shape| {
        let mut found = shape.problems;
        match errcat_model::validate_skipping(path, name, &shape.spec, &shape.skipped) {
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
fn check_spec_name(path: &Path, name: &str) -> Result<(), Diagnostics> {
    let Some(bad) = name.chars().find(|c| c.is_control()) else { return Ok(()) };
    Err(Diagnostic::new(
        path,
        format!(
            "the spec's file name `{}` holds the control character U+{:04X}",
            name.escape_debug(),
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
