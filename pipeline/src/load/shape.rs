//! Reads spec text into the spec types ([`errcat_model::spec`]), finding every
//! shape problem (an unknown, repeated or missing field, a value of the
//! wrong type) in one run.
//!
//! A spec that deserializes in one go, the usual case, is read that way.
//! Otherwise the document is parsed once into a tree (`load::tree`)
//! and read piece by piece (`load::pieces`), each problem pointing at
//! the key or value at fault.

use std::path::Path;

use serde_yaml::Error;

use super::locate;
use super::message::{clean_message, is_shape_problem, problem, spec_path};
use super::{hostile, pieces, tree};
use errcat_model::Skipped;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::spec::SpecFile;

/// A spec as far as it could be read, and the problems that stopped the rest.
#[derive(Debug, Clone)]
pub struct Shape {
    /// The spec; every part named in `skipped` holds a default placeholder
    /// (lists keep their length, so indexes still match the file).
    pub spec: SpecFile,
    /// The parts that could not be read.
    pub skipped: Skipped,
    /// Why: one problem per unknown, repeated, missing or mistyped field.
    pub problems: Vec<Diagnostic>,
}

/// Reads spec text. Problems that stop the whole file (the file is empty,
/// holds a control character, nests absurdly deep, is not YAML, has
/// aliases that expand past a budget in bytes or without end) are the
/// error; shape problems come back with what could be read.
pub fn read(path: &Path, text: &str) -> Result<Shape, Diagnostics> {
    if let Some(found) = control_character(path, text) {
        return Err(found.into());
    }
    let has_content = text.lines().any(|line| {
        let line = line.trim();
        !(line.is_empty() || line.starts_with('#') || line == "---" || line == "...")
    });
    if !has_content {
        let first_line = text.lines().next().unwrap_or_default();
        return Err(Diagnostic::new(path, "the spec is empty").at(1, 1).snippet(first_line, 1).help(
            "a spec is a mapping with `title`, `crate`, `version` and `tables`; see the spec format in README.md",
        ).into());
    }
    // The guards' pass is a parse of its own. A text without aliases
    // cannot expand, and one that reads into the spec types nests no
    // deeper than they do (a few levels), so such a text is read first
    // and scanned only when that fails, for the problem that stops it;
    // unless a line of it opens more collections than a spec nests,
    // which the reader's scanner takes quadratic time over and the pass
    // stops at once.
    let unscanned_read = if hostile::may_hold_alias(text) || hostile::may_nest_deep_on_one_line(text) {
        None
    } else {
        match serde_path_to_error::deserialize(serde_yaml::Deserializer::from_str(text)) {
            Ok(spec) => return Ok(Shape { spec, skipped: Skipped::default(), problems: Vec::new() }),
            Err(error) => Some(error),
        }
    };
    let hostile = hostile::scan(text);
    if let Some(spot) = hostile.deep {
        return Err(Diagnostic::new(
            path,
            format!("the spec nests more than {} levels deep", locate::MAX_NESTING),
        )
        .at(spot.line, spot.column)
        .snippet(
            spot.line.checked_sub(1).and_then(|i| locate::lines(text).get(i).copied()).unwrap_or_default(),
            spot.width,
        )
        .help("a spec nests a few levels (catalogue, tables, rows): check that this file is a spec")
        .into());
    }
    // Where aliases could expand past the budget, the document is read
    // over its tree, which counts the bytes it reads; `serde_yaml` counts
    // only how many aliases it follows.
    let expanded = hostile.expanded;
    let read = match (unscanned_read, expanded) {
        (Some(error), _) => Err(error),
        (None, None) => serde_path_to_error::deserialize(serde_yaml::Deserializer::from_str(text)),
        (None, Some(spot)) => match tree::read_whole(text, tree::MAX_EXPANSION) {
            Some(Err(e)) if !e.inner().to_string().contains(tree::REPETITION) => Err(e),
            Some(Ok(spec)) => Ok(spec),
            _ => return Err(too_expanded(path, text, spot).into()),
        },
    };
    let error = match read {
        Ok(spec) => return Ok(Shape { spec, skipped: Skipped::default(), problems: Vec::new() }),
        Err(error) => error,
    };
    let mut first = whole_file_problem(path, text, error);
    if expanded.is_some() {
        // The tree reads each scalar as a document of its own: the parser's
        // position is in that, not in the file; the spec path places it.
        first.position = None;
    }
    if !is_shape_problem(&first.message) {
        return Err(first.into());
    }
    // The whole document parsed, so the piece-by-piece reading can go on
    // past this problem. Should it disagree (find nothing, or meet a
    // construct it does not know), the first problem still stands alone.
    match pieces::in_pieces(path, text) {
        Some((spec, skipped, problems)) if !problems.is_empty() => Ok(Shape { spec, skipped, problems }),
        _ => Err(first.into()),
    }
}

/// Aliases that repeat more text than [`tree::MAX_EXPANSION`], at the
/// alias that crosses it.
fn too_expanded(path: &Path, text: &str, spot: locate::Spot) -> Diagnostic {
    let line = spot.line.checked_sub(1).and_then(|i| locate::lines(text).get(i).copied()).unwrap_or_default();
    Diagnostic::new(path, format!("aliases expand the spec past {} MiB", tree::MAX_EXPANSION >> 20))
        .at(spot.line, spot.column)
        .snippet(line, spot.width)
        .help(
            "each alias (`*name`) repeats all of its anchor's values: write the values out, or repeat fewer",
        )
}

/// The first character YAML does not allow in a document (a NUL byte,
/// an escape code), placed where it is; the parser would only say at
/// which byte.
pub(super) fn control_character(path: &Path, text: &str) -> Option<Diagnostic> {
    let (index, c) = text.char_indices().find(|&(_, c)| !allowed(c))?;
    let (line, column) = locate::position(text, index);
    let shown: String = locate::lines(text)
        .get(line - 1)
        .copied()
        .unwrap_or_default()
        .chars()
        .map(|c| if allowed(c) { c } else { picture(c) })
        .collect();
    let what = if c == '\0' {
        "a NUL byte".to_owned()
    } else {
        format!("the control character U+{:04X}", u32::from(c))
    };
    Some(
        Diagnostic::new(path, format!("the spec contains {what}"))
            .at(line, column)
            .snippet(shown, 1)
            .help(format!(
                "delete it: YAML text holds no control characters (inside double quotes, write it as `\\u{:04X}`)",
                u32::from(c)
            )),
    )
}

/// Whether YAML allows `c` in a document (YAML 1.1's printable set, as
/// the parser checks it).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}'
}

/// A visible stand-in for a character YAML does not allow, one column
/// wide like the character: `␀` for NUL, `␛` for escape, `�` otherwise.
fn picture(c: char) -> char {
    match u32::from(c) {
        code @ 0..0x20 => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// The diagnostic for an error of deserializing the whole file, with the
/// parser's own position where it has one.
fn whole_file_problem(path: &Path, text: &str, e: serde_path_to_error::Error<Error>) -> Diagnostic {
    let at = spec_path(e.path());
    let error = e.into_inner();
    let message = clean_message(&error.to_string(), &at);
    if let Some(field) = message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next()) {
        // The parser points at the mapping; the second key is the news,
        // and the path's last value is the second one's.
        return problem(path, &message, at.field(field));
    }
    let mut diagnostic = problem(path, &message, at);
    if let Some(at) = error.location() {
        // From the byte index, so lines count the same everywhere
        // (libyaml also breaks lines at U+0085, U+2028 and U+2029).
        let (line, column) = locate::position(text, at.index());
        diagnostic = diagnostic.at(line, column);
    }
    diagnostic
}
