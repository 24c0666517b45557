//! Loading: find the spec files, read each one's YAML into the spec types
//! ([`spec`]) with every shape problem, validate it into a
//! [`Catalogue`], and place every problem at its line.

mod files;
pub(crate) mod locate;
mod message;
mod pieces;
pub mod shape;
pub mod spec;
mod tree;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, SourceLine};
use crate::model::{self, Catalogue, SpecPath};

/// Reads and validates every spec file under `spec`, reporting the problems
/// of all files at once, sorted by file and line.
pub fn load(spec: &Path) -> Result<Vec<Catalogue>, Diagnostics> {
    Ok(load_paths(spec)?.into_iter().map(|(_, catalogue)| catalogue).collect())
}

/// [`load`], keeping the path each catalogue was read from.
pub fn load_paths(spec: &Path) -> Result<Vec<(PathBuf, Catalogue)>, Diagnostics> {
    let files = files::spec_files(spec)?;
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
pub(crate) fn finish(mut problems: Vec<Diagnostic>) -> Diagnostics {
    let files: std::collections::BTreeSet<PathBuf> = problems
        .iter()
        .filter(|p| p.snippet.is_none() && (p.position.is_some() || p.spec_path.is_some()))
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
    let result = shape::read(path, text).map_err(|found| found.0).and_then(|shape| {
        let mut found = shape.problems;
        match model::validate_skipping(path, source, &shape.spec, &shape.skipped) {
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
    let paths: Vec<&SpecPath> =
        found.iter().filter(|d| d.position.is_none()).filter_map(|d| d.spec_path.as_ref()).collect();
    let spots = if paths.is_empty() { Default::default() } else { locate::locate(text, &paths) };
    let lines = locate::lines(text);
    for problem in found.iter_mut() {
        let mut width = None;
        if problem.position.is_none()
            && let Some(spot) = problem.spec_path.as_ref().and_then(|p| spots.get(p))
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
    let shape = shape::read(path, text)?;
    if shape.problems.is_empty() { Ok(shape.spec) } else { Err(Diagnostics(shape.problems)) }
}
