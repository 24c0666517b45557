//! Reads spec text into the spec types ([`errcat_model::spec`]), finding every
//! shape problem (an unknown, repeated or missing field, a value of the
//! wrong type) in one run.
//!
//! The document is parsed into a tree (`load::tree`), the one reader of
//! the spec types. A spec that deserializes from it in one go, the usual
//! case, is read that way. Otherwise it is read piece by piece
//! (`load::pieces`), each problem pointing at the key or value at fault.
//! `serde_yaml` says what is wrong with a text that is not YAML.

use std::borrow::Cow;
use std::path::Path;

use serde::Deserialize;

use super::locate;
use super::message::{clean_message, is_shape_problem, problem, spec_path};
use super::{hostile, pieces, tree};
use errcat_model::Skipped;
use errcat_model::diagnostic::{Diagnostic, Diagnostics};
use errcat_model::source::SpecPath;
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
    // cannot expand, and the tree refuses one that nests deeper than the
    // guards allow, so such a text is read first and scanned only when
    // that fails, for the problem that stops it; unless a line of it
    // opens more collections than a spec nests, which the parser's
    // scanner takes quadratic time over and the pass stops at once.
    // Text that no alias repeats is read once; aliases may add at most
    // the expansion the guards allow.
    let budget = text.len().saturating_add(tree::MAX_EXPANSION);
    let unscanned = !(hostile::may_hold_alias(text) || hostile::may_nest_deep_on_one_line(text));
    let (mut document, mut source) = (None, Cow::Borrowed(text));
    if unscanned {
        (document, source) = built(text, true);
        if let Some(read) = &document
            && !read.more
            && let Ok(spec) = read.read::<SpecFile>(budget)
        {
            return Ok(Shape { spec, skipped: Skipped::default(), problems: Vec::new() });
        }
    }
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
    if !unscanned {
        (document, source) = built(text, hostile.expanded.is_none() && !hostile::may_hold_alias(text));
    }
    // The tree is the one reader of the spec types; `serde_yaml` says
    // what is wrong with a text the tree cannot be built from, or that
    // holds more than one document.
    let Some(document) = document.filter(|document| !document.more) else {
        return Err(match hostile.expanded {
            Some(spot) => too_expanded(path, text, spot),
            None => syntax_problem(path, text),
        }
        .into());
    };
    // The tree counts the bytes aliases repeat as it reads them; past
    // the budget, the alias that crosses it is the problem.
    let error = match document.read::<SpecFile>(budget) {
        Ok(spec) => return Ok(Shape { spec, skipped: Skipped::default(), problems: Vec::new() }),
        Err(error) => error,
    };
    if let Some(spot) = hostile.expanded
        && error.error.to_string().contains(tree::REPETITION)
    {
        return Err(too_expanded(path, text, spot).into());
    }
    let first = whole_file_problem(path, text, &document.root, error);
    if !is_shape_problem(&first.message) {
        return Err(first.into());
    }
    // The whole document parsed, so the piece-by-piece reading can go on
    // past this problem. Should it disagree (find nothing, or meet a
    // construct it does not know), the first problem still stands alone.
    // The pieces build a tree of their own: this one goes first.
    drop(document);
    match pieces::in_pieces(path, &source) {
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
    let (index, c) = first_not_allowed(text)?;
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

/// The first character YAML does not allow in `text`, and its byte
/// index. Printable ASCII, tabs and line breaks, most of a spec, are
/// passed over in runs of bytes checked without a branch each; a run
/// with any other byte is decoded from that byte to the run's end, so
/// text in another script costs one pass, not one run a character.
fn first_not_allowed(text: &str) -> Option<(usize, char)> {
    let plain = |b: u8| matches!(b, b'\t' | b'\n' | b'\r' | b' '..=b'~');
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes.len().min(at + 64);
        let run = &bytes[at..end];
        if run.iter().fold(true, |all, &b| all & plain(b)) {
            at = end;
            continue;
        }
        // A byte that is not such ASCII starts a character: `at` moved
        // by ASCII bytes and whole characters only.
        let start = at + run.iter().position(|&b| !plain(b)).unwrap_or(run.len());
        let mut chars = text.get(start..)?.char_indices();
        loop {
            let (i, c) = chars.next()?;
            if !allowed(c) {
                return Some((start + i, c));
            }
            at = start + i + c.len_utf8();
            if at >= end {
                break;
            }
        }
    }
    None
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

/// The diagnostic for an error of reading the whole file, placed at the
/// node it is about.
fn whole_file_problem(path: &Path, text: &str, root: &tree::Node, e: tree::Failed) -> Diagnostic {
    let at = spec_path(&e.path);
    let message = clean_message(&e.error.to_string(), &at);
    if let Some(field) = message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next()) {
        // The second key is the news, and the path's last value is the
        // second one's; the pieces place it.
        return problem(path, &message, at.field(field));
    }
    let lines = locate::lines(text);
    let spot = root.at_fault(&e.path, &message).spot(&lines);
    let line = spot.line.checked_sub(1).and_then(|i| lines.get(i)).copied().unwrap_or_default();
    problem(path, &message, at).at(spot.line, spot.column).snippet(line, spot.width)
}

/// What `serde_yaml` says is wrong with a text the tree cannot be built
/// from, at its position.
fn syntax_problem(path: &Path, text: &str) -> Diagnostic {
    let Err(error) = serde::de::IgnoredAny::deserialize(serde_yaml::Deserializer::from_str(text)) else {
        // The two parsers disagree: the tree's says where.
        let mut diagnostic = Diagnostic::new(path, "the spec is not YAML that can be read")
            .help("a YAML syntax error: check the indentation and quoting of the lines");
        if let Some(error) = saphyr_parser::Parser::new_from_str(text).find_map(Result::err) {
            let at = error.marker();
            diagnostic = Diagnostic::new(path, format!("the spec is not YAML that can be read: {}", error.info()))
                .at(at.line(), at.col() + 1)
                .help("a YAML syntax error: check the indentation and quoting of the line, and write spaces, not tabs or line separators, between its parts");
        }
        return diagnostic;
    };
    let message = clean_message(&error.to_string(), &SpecPath::root());
    let mut diagnostic = problem(path, &message, SpecPath::root());
    if let Some(at) = error.location() {
        // From the byte index, so lines count the same everywhere
        // (libyaml also breaks lines at U+0085, U+2028 and U+2029).
        let (line, column) = locate::position(text, at.index());
        diagnostic = diagnostic.at(line, column);
    }
    diagnostic
}

/// The tree of `text`, and the text it was built from: `text`, or, where
/// only a tab right after a key's `:` stops the tree's parser (YAML
/// allows a tab there, and `serde_yaml` reads it), the same text with
/// those tabs made spaces, once `serde_yaml` reads both to the same
/// values (so no tab inside a quoted or block text was changed). Offsets,
/// lines and columns stay as they were. `compare` is false where aliases
/// could make that reading expand.
fn built(text: &str, compare: bool) -> (Option<tree::Tree>, Cow<'_, str>) {
    let document = tree::document(text);
    if document.is_some() || !compare || !text.contains(":\t") {
        return (document, Cow::Borrowed(text));
    }
    let spaced = text.replace(":\t", ": ");
    let values = |text: &str| serde_yaml::from_str::<serde_yaml::Value>(text).ok();
    match values(text) {
        Some(value) if Some(&value) == values(&spaced).as_ref() => {
            (tree::document(&spaced), Cow::Owned(spaced))
        }
        _ => (None, Cow::Borrowed(text)),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// The spec read through the tree, as `read` reads it, or its error.
    fn through_the_tree(text: &str) -> Result<String, String> {
        let document = tree::document(text).ok_or("no tree")?;
        if document.more {
            return Err("more than one document".to_owned());
        }
        let budget = text.len().saturating_add(tree::MAX_EXPANSION);
        document.read::<SpecFile>(budget).map(|spec| format!("{spec:?}")).map_err(|e| e.error.to_string())
    }

    #[test]
    fn what_the_tree_cannot_read_is_said_as_before() {
        let file = Path::new("t.yaml");
        // yaml_serde's message, as when it read the whole file.
        let two = read(file, "title: T\n---\ntitle: U\n").expect_err("two documents");
        assert_eq!(
            two.0[0].message,
            "deserializing from YAML containing more than one document is not supported"
        );
        let broken = read(file, "title: T\ntables:\n  - id: a\n   title: B\n").expect_err("not YAML");
        assert!(!is_shape_problem(&broken.0[0].message), "{broken}");
        assert_eq!(broken.0[0].position.map(|(line, _)| line), Some(4), "{broken}");
        // Nesting over many lines, which no line's count gives away: the
        // tree stops at the guards' depth, and the guards place it.
        let deep = read(file, &"[\n".repeat(100_000)).expect_err("deep");
        assert!(deep.0[0].message.starts_with("the spec nests more than"), "{deep}");
    }

    /// A tab after a key's `:` is YAML (libyaml reads it, the tree's
    /// parser does not): the spec reads as with a space. Where making
    /// those tabs spaces would change a quoted text, and where the parsers
    /// disagree on a line separator, the problem is placed at its line.
    #[test]
    fn a_tab_after_a_colon_reads_as_a_space() {
        let file = Path::new("t.yaml");
        let spec = |title: &str| format!("title:{title}\ncrate: t-errors\nversion: 1.0.0\ntables: []\n");
        let title = |text: &str| read(file, text).map(|shape| shape.spec.title).map_err(|e| e.to_string());
        assert_eq!(title(&spec("\tT")), Ok("T".to_owned()));
        assert_eq!(title(&spec(" \"a:\tb\"")), Ok("a:\tb".to_owned()));
        let quoted = "title:\tT\ncrate: \"t:\terrors\"\n".to_owned();
        for text in [quoted, "title: x\u{2028}crate: y\n".to_owned()] {
            let refused = read(file, &text).expect_err("the parsers disagree");
            assert_eq!(refused.0[0].position.map(|(line, _)| line), Some(1), "{refused}");
            assert!(refused.0[0].message.starts_with("the spec is not YAML that can be read: "), "{refused}");
        }
    }

    proptest::proptest! {
        /// Passing over ASCII as bytes finds the character a search of
        /// every character finds.
        #[test]
        fn the_first_character_not_allowed_is_found(
            text in proptest::string::string_regex("([ -~\t\r\n]|[\\x00-\\x1f\\x7f-\\u{a0}é\\u{d7ff}\\u{e000}\\u{fffe}\\u{10000}]){0,40}[ -~]{0,150}([\\x00-\\x1fé]){0,2}")
                .expect("a regex")
        ) {
            let every = text.char_indices().find(|&(_, c)| !allowed(c));
            proptest::prop_assert_eq!(first_not_allowed(&text), every);
        }
    }

    /// An anchor of a long list, repeated by many aliases: far more
    /// values than 64 a node, far less text than the budget.
    #[test]
    fn a_long_list_repeated_reads() {
        let list = "1, ".repeat(200);
        let text = format!("a: &a [{list}]\nb: [{}]\n", "*a, ".repeat(1000));
        assert_eq!(hostile::scan(&text).expanded, None);
        let document = tree::document(&text).expect("a tree");
        let budget = text.len().saturating_add(tree::MAX_EXPANSION);
        document.read::<serde::de::IgnoredAny>(budget).expect("read as serde_yaml reads it");
    }

    /// Every spec the repository holds or makes, read through the tree and
    /// through `serde_yaml` on its own: the same spec, or both refuse it.
    #[test]
    fn the_tree_reads_every_spec_as_serde_yaml_does() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut texts: Vec<(String, String)> = Vec::new();
        for folder in ["spec", "pipeline/tests/fixtures", "pipeline/tests/invalid"] {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
                .expect("a folder of specs")
                .map(|entry| entry.expect("an entry").path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
                .collect();
            paths.sort();
            assert!(!paths.is_empty(), "{folder}");
            for path in paths {
                // Text that is not UTF-8 is refused before it is read.
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                texts.push((path.display().to_string(), text));
            }
        }
        for codes in [1, 10, 1000] {
            texts.push((format!("synth {codes}"), crate::synth::spec(codes)));
            texts.push((format!("synth string {codes}"), crate::synth::string_spec(codes)));
            texts.push((format!("synth params {codes}"), crate::synth::params_spec(codes)));
        }
        let mut read = 0;
        for (name, text) in &texts {
            let alone = serde_yaml::from_str::<SpecFile>(text).map(|spec| format!("{spec:?}"));
            match (through_the_tree(text), alone) {
                (Ok(tree), Ok(alone)) => {
                    assert_eq!(tree, alone, "{name}");
                    read += 1;
                }
                (Err(_), Err(_)) => {}
                (tree, alone) => panic!("{name}: through the tree {tree:?}, alone {alone:?}"),
            }
        }
        // The valid specs, the synthetic ones, and the invalid ones whose
        // problems are found only after reading.
        assert!(read > 40, "{read} of {} read", texts.len());
    }
}
