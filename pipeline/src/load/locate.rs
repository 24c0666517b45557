//! Turns spec paths (`tables[1].errors[0].code`) into source positions.
//!
//! Validation names offending values by path and knows nothing of lines;
//! this module makes one span-keeping pass over the same text, only when
//! there are problems to place, and only follows the branches of the
//! document that lead to a wanted path, so its cost stays linear in the
//! size of the text whatever the document's shape.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser, Span};

use errcat_model::source::SpecPath;
pub use errcat_model::source::lines;

/// Where a value sits: 1-based line and column (in characters), and how
/// many characters of that line to underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Characters to underline from `column`, at least 1.
    pub width: usize,
}

/// Nesting deeper than any spec needs; below it nothing is indexed, so
/// a document built to be deep costs no more than its length.
const MAX_DEPTH: usize = 64;

/// Finds each of `paths` in `text`. A path that does not exist (a missing
/// field, a row past the end) resolves to its nearest existing ancestor:
/// a missing field points at the mapping that lacks it. Paths that cannot
/// be placed at all (the text does not parse) are absent from the result.
pub fn locate(text: &str, paths: &[&SpecPath]) -> HashMap<SpecPath, Spot> {
    let mut wanted: HashSet<SpecPath> = HashSet::new();
    for path in paths {
        let mut prefix = Some((*path).clone());
        while let Some(p) = prefix {
            prefix = p.parent();
            if !wanted.insert(p) {
                break;
            }
        }
    }
    let found = index(text, &wanted);
    let mut spots = HashMap::new();
    for path in paths {
        let mut prefix = Some((*path).clone());
        while let Some(p) = prefix {
            if let Some(spot) = found.get(&p) {
                spots.insert((*path).clone(), *spot);
                break;
            }
            prefix = p.parent();
        }
    }
    spots
}

/// The 1-based line and column (in characters) of byte `index` of `text`,
/// counting lines as [`lines`](errcat_model::source::lines) does. An index past the end or inside a
/// character is moved back to the nearest character start.
pub fn position(text: &str, index: usize) -> (usize, usize) {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    let before = &text[..index];
    let breaks = lines(before);
    let last = breaks.last().copied().unwrap_or_default();
    // A `\r` right before `index` whose `\n` follows is still one break.
    let line = breaks.len() - usize::from(before.ends_with('\r') && text[index..].starts_with('\n'));
    let column = if line < breaks.len() { 0 } else { last.chars().count() };
    (line, column + 1)
}

/// How deep a spec may nest. A catalogue needs about six levels; the
/// limit leaves room for growth and stops documents built to exhaust a
/// parser before the full YAML parser sees them.
pub const MAX_NESTING: usize = 32;

enum Frame {
    Sequence {
        path: SpecPath,
        opening: Span,
        next: usize,
    },
    /// `key` is `None` while the next node is a key.
    Mapping {
        path: SpecPath,
        opening: Span,
        key: Option<String>,
    },
    /// A branch no wanted path goes through: only its depth is counted.
    Skipped {
        depth: usize,
    },
}

/// Spots of every node whose path is in `wanted`. Stops quietly at the
/// first syntax error: whatever was indexed before it is still useful.
fn index(text: &str, wanted: &HashSet<SpecPath>) -> HashMap<SpecPath, Spot> {
    let lines = lines(text);
    let mut found = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        if let Some(Frame::Skipped { depth }) = stack.last_mut() {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => *depth += 1,
                Event::SequenceEnd | Event::MappingEnd => *depth -= 1,
                _ => {}
            }
            if *depth == 0 {
                stack.pop();
                advance(&mut stack);
            }
            continue;
        }
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    break; // only the first document is the spec
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(Frame::Sequence { path, opening, .. } | Frame::Mapping { path, opening, .. }) =
                    stack.pop()
                {
                    found.insert(path, spot(&lines, collection_span(&lines, opening, span)));
                }
                advance(&mut stack);
            }
            Event::Scalar(value, ..) => {
                if let Some(Frame::Mapping { key: key @ None, path, .. }) = stack.last_mut() {
                    let name = path.key(&value);
                    if wanted.contains(&name) {
                        found.insert(name, spot(&lines, span));
                    }
                    *key = Some(value.into_owned());
                    continue;
                }
                let path = node_path(&stack);
                if let Some(path) = path.filter(|p| wanted.contains(p)) {
                    found.insert(path, spot(&lines, span));
                }
                advance(&mut stack);
            }
            Event::Alias(_) => {
                if let Some(Frame::Mapping { key: key @ None, .. }) = stack.last_mut() {
                    *key = Some("*".to_owned()); // an alias as a key: no wanted path names it
                    continue;
                }
                if let Some(path) = node_path(&stack).filter(|p| wanted.contains(p)) {
                    found.insert(path, spot(&lines, span));
                }
                advance(&mut stack);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let is_key = matches!(stack.last(), Some(Frame::Mapping { key: None, .. }));
                let path = if is_key { None } else { node_path(&stack) };
                match path.filter(|p| wanted.contains(p) && stack.len() < MAX_DEPTH) {
                    Some(path) => {
                        found.insert(path.clone(), spot(&lines, span));
                        stack.push(if matches!(event, Event::SequenceStart(..)) {
                            Frame::Sequence { path, opening: span, next: 0 }
                        } else {
                            Frame::Mapping { path, opening: span, key: None }
                        });
                    }
                    None => stack.push(Frame::Skipped { depth: 1 }),
                }
            }
            _ => {}
        }
    }
    found
}

/// The path of the node about to be read, given the enclosing frames.
fn node_path(stack: &[Frame]) -> Option<SpecPath> {
    match stack.last() {
        None => Some(SpecPath::root()),
        Some(Frame::Sequence { path, next, .. }) => Some(path.index(*next)),
        Some(Frame::Mapping { path, key: Some(key), .. }) => Some(path.field(key)),
        Some(Frame::Mapping { key: None, .. } | Frame::Skipped { .. }) => None,
    }
}

/// A node has been read: the enclosing container moves to its next slot.
fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Sequence { next, .. }) => *next += 1,
        // A key that was itself a collection leaves `key` unset: that
        // collection was the key, and what follows is its value.
        Some(Frame::Mapping { key, .. }) => *key = if key.is_some() { None } else { Some("?".to_owned()) },
        _ => {}
    }
}

/// The span to point at for a collection that opens at `opening` and
/// closes at `closing`: all of it for a flow collection on one line
/// (`[a, b]`), else its opening (a block collection's first key or item).
pub(super) fn collection_span(lines: &[&str], opening: Span, closing: Span) -> Span {
    let (start, end) = (opening.start, closing.end);
    let flow = opening.end.col().checked_sub(1).is_some_and(|last| {
        let line = start.line().checked_sub(1).and_then(|i| lines.get(i));
        line.and_then(|text| text.chars().nth(last)).is_some_and(|c| c == '[' || c == '{')
    });
    if flow && end.line() == start.line() && end.index() > start.index() {
        Span::new(start, end)
    } else {
        opening
    }
}

/// Where the parser's `span` starts in the text of `lines`, and how much
/// of its first line it covers.
pub(super) fn spot(lines: &[&str], span: Span) -> Spot {
    let (start, end) = (span.start, span.end);
    let line = start.line();
    let column = start.col() + 1;
    let width = if end.line() == line {
        end.index().saturating_sub(start.index())
    } else {
        // A value over several lines: underline the rest of its first line.
        let rest = line.checked_sub(1).and_then(|i| lines.get(i)).map_or(0, |l| l.chars().count());
        rest.saturating_sub(start.col())
    };
    Spot { line, column, width: width.max(1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "\
title: T
tables:
  - id: auth
    errors:
      - code: 4032251
        name: \"ACCESS_TOKEN\"
      - {code: 7, name: X}
";

    fn at(path: &str) -> Option<(usize, usize, usize)> {
        let path = SpecPath::parse(path);
        locate(SPEC, &[&path]).get(&path).map(|s| (s.line, s.column, s.width))
    }

    fn spots(text: &str, path: &str) -> HashMap<SpecPath, Spot> {
        locate(text, &[&SpecPath::parse(path)])
    }

    #[test]
    fn paths_resolve_to_their_values() {
        assert_eq!(at("title"), Some((1, 8, 1)));
        assert_eq!(at("tables[0].id"), Some((3, 9, 4)));
        assert_eq!(at("tables[0].errors[0].code"), Some((5, 15, 7)));
        assert_eq!(at("tables[0].errors[0].name"), Some((6, 15, 14)));
        assert_eq!(at("tables[0].errors[1].name"), Some((7, 25, 1)));
    }

    #[test]
    fn flow_collections_are_underlined_whole_and_block_ones_at_their_start() {
        assert_eq!(at("tables[0].errors[1]"), Some((7, 9, 18)));
        assert_eq!(at("tables[0].errors[0]"), Some((5, 9, 1)));
        assert_eq!(at("tables[0].errors"), Some((5, 7, 1)));
    }

    #[test]
    fn missing_values_resolve_to_their_parent() {
        assert_eq!(at("tables[0].errors[1].http_status").map(|s| s.0), Some(7));
        assert_eq!(at("tables[0].errors[0].http_status").map(|s| s.0), Some(5));
        assert_eq!(at("tables[3].errors[0]").map(|s| s.0), Some(3));
        assert_eq!(at("nothing").map(|s| s.0), Some(1));
    }

    #[test]
    fn lines_end_at_every_kind_of_break() {
        assert_eq!(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(lines("a\n"), ["a", ""]);
        assert_eq!(position("a\nbé\r\ncd", 0), (1, 1));
        assert_eq!(position("a\nbé\r\ncd", 2), (2, 1));
        assert_eq!(position("a\nbé\r\ncd", 5), (2, 3));
        assert_eq!(position("a\nbé\r\ncd", 8), (3, 2));
        assert_eq!(position("a\rb", 2), (2, 1));
        assert_eq!(position("é", 1), (1, 1));
        assert_eq!(position("ab", 99), (1, 3));
    }

    #[test]
    fn deep_and_broken_documents_do_not_hurt() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(spots(&deep, "a").len() <= 1);
        let deep: String = (0..1000).map(|d| format!("{}- \n", " ".repeat(d))).collect();
        assert_eq!(spots(&deep, "[0][0][0][0][0][0]").len(), 1);
        assert_eq!(spots("a: [unclosed", "a").get(&SpecPath::parse("a")).map(|s| s.line), Some(1));
    }
}
