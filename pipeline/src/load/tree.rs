//! The YAML document as a tree that keeps every node's span, and a serde
//! `Deserializer` over any node of it.
//!
//! It is the one reader of the spec types, so their serde code is
//! compiled once. The tree keeps every scalar as written; text and small
//! whole numbers are read as `serde_yaml` would read them (`load::scalar`),
//! and any other scalar is handed to `serde_yaml` on its own when a type
//! is asked of it, so a value reads exactly as it would in one go
//! (`name: 404` is text, `code: 0x10` a number).

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use super::locate::{self, Spot};

mod asked;
mod de;
mod path;

pub(super) use self::de::NodeDeserializer;
pub(super) use self::path::{Failed, Path, Segment, read};

/// A node of the document, where it starts, and what it holds. Aliases
/// share their anchor's contents, so expanding them costs nothing until
/// they are read (and reading is budgeted).
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) span: Span,
    pub(super) kind: Rc<Kind>,
}

#[derive(Debug)]
pub(super) enum Kind {
    /// A scalar as written: its text, whether it was plain (unquoted, not
    /// a block scalar), and its tag in full (`tag:yaml.org,2002:str`).
    Scalar {
        value: String,
        plain: bool,
        tag: Option<String>,
    },
    Sequence(Vec<Node>),
    Mapping(Vec<(Node, Node)>),
}

impl Node {
    /// The value of the first `key:` of a mapping.
    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        let Kind::Mapping(entries) = &*self.kind else { return None };
        entries.iter().find(|(k, _)| k.text() == Some(key)).map(|(_, value)| value)
    }

    /// The first `key` of a mapping itself, where the value is [`Node::get`]'s.
    pub(super) fn key(&self, key: &str) -> Option<&Node> {
        let Kind::Mapping(entries) = &*self.kind else { return None };
        entries.iter().find(|(k, _)| k.text() == Some(key)).map(|(key, _)| key)
    }

    pub(super) fn text(&self) -> Option<&str> {
        match &*self.kind {
            Kind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    pub(super) fn items(&self) -> Option<&[Node]> {
        match &*self.kind {
            Kind::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// Where the node sits in the text of `lines`, from its span: 1-based
    /// line and column (in characters) and the width to underline. An
    /// empty value is placed right after the `:` or `-` before it, where
    /// the value belongs.
    pub(super) fn spot(&self, lines: &[&str]) -> Spot {
        let (start, end) = (self.span.start, self.span.end);
        let empty = matches!(&*self.kind, Kind::Scalar { value, .. } if value.is_empty());
        if empty && start.index() == end.index() {
            return Spot { line: start.line(), column: start.col() + 2, width: 1 };
        }
        locate::spot(lines, self.span)
    }

    /// A scalar without a place in a text, for tests.
    #[cfg(test)]
    pub(super) fn scalar(value: &str, plain: bool, tag: Option<&str>) -> Node {
        let at = saphyr_parser::Marker::new(0, 1, 0);
        let tag = tag.map(str::to_owned);
        Node { span: Span::new(at, at), kind: Rc::new(Kind::Scalar { value: value.to_owned(), plain, tag }) }
    }

    /// The node a problem at `segments` below this one is about: the node
    /// there (or the deepest that exists), or for an unknown field the key.
    pub(super) fn at_fault(&self, segments: &[Segment], message: &str) -> &Node {
        let value = self.descend(segments);
        match segments.split_last() {
            Some((Segment::Key(key), parents)) if message.starts_with("unknown field `") => {
                self.descend(parents).key(key).unwrap_or(value)
            }
            _ => value,
        }
    }

    /// The node at `segments` below this one, or the deepest that exists.
    pub(super) fn descend(&self, segments: &[Segment]) -> &Node {
        let mut node = self;
        for segment in segments {
            let next = match (segment, &*node.kind) {
                (Segment::Index(index), Kind::Sequence(items)) => items.get(*index),
                (Segment::Key(key), Kind::Mapping(_)) => node.get(key),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node
    }
}

/// The first document of a text as a tree, and what the reading of it needs.
pub(super) struct Tree {
    pub(super) root: Node,
    /// How many nodes the document has, an alias counting once.
    pub(super) nodes: usize,
    /// Whether anything follows the first document (another document, or
    /// a syntax error after it).
    pub(super) more: bool,
}

impl Tree {
    /// Reads the document into `T` in one go, as `serde_yaml` would,
    /// spending at most `bytes` bytes of text. The values it may read are
    /// as many as aliases of values weighing [`VALUE_BYTES`] each could
    /// add in `bytes` (the guards' pass has weighed them so), and never
    /// fewer than 64 a node: an alias of a long list, repeated, reads as
    /// `serde_yaml` read it.
    pub(super) fn read<T: serde::de::DeserializeOwned>(&self, bytes: usize) -> Result<T, Failed> {
        let steps = self.nodes.saturating_mul(64).saturating_add(4096).max(bytes / VALUE_BYTES);
        read(&self.root, &Budget::new(steps, bytes))
    }
}

/// The first document of `text` and how many nodes it has, or `None`
/// when the parser stops on an error or the document nests deeper than
/// [`locate::MAX_NESTING`].
pub(super) fn tree(text: &str) -> Option<(Node, usize)> {
    document(text).map(|tree| (tree.root, tree.nodes))
}

/// [`tree`], and whether anything follows the first document.
pub(super) fn document(text: &str) -> Option<Tree> {
    /// A collection's entries so far: a mapping's in pairs, as they come.
    enum Filled {
        Sequence(Vec<Node>),
        Mapping(Vec<(Node, Node)>, Option<Node>),
    }
    struct Open {
        span: Span,
        anchor: usize,
        filled: Filled,
    }
    let lines = locate::lines(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, Rc<Kind>> = HashMap::new();
    let mut count = 0usize;
    let mut events = Parser::new_from_str(text);
    for event in events.by_ref() {
        let (event, span) = event.ok()?;
        let (node, anchor) = match event {
            Event::Scalar(value, style, anchor, tag) => {
                let tag = tag.map(|tag| format!("{}{}", tag.handle, tag.suffix));
                let plain = style == ScalarStyle::Plain;
                (Node { span, kind: Rc::new(Kind::Scalar { value: value.into_owned(), plain, tag }) }, anchor)
            }
            Event::Alias(id) => (Node { span, kind: Rc::clone(anchors.get(&id)?) }, 0),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let filled = match event {
                    Event::MappingStart(..) => Filled::Mapping(Vec::new(), None),
                    _ => Filled::Sequence(Vec::new()),
                };
                // The guards' pass stops such a text first; a tree built
                // from it would be dropped (and read) by recursion.
                if stack.len() >= locate::MAX_NESTING {
                    return None;
                }
                stack.push(Open { span, anchor, filled });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop()?;
                // A key without a value (which the parser does not give) is left out.
                let kind = match open.filled {
                    Filled::Mapping(entries, _) => Kind::Mapping(entries),
                    Filled::Sequence(items) => Kind::Sequence(items),
                };
                let span = locate::collection_span(&lines, open.span, span);
                (Node { span, kind: Rc::new(kind) }, open.anchor)
            }
            Event::DocumentEnd | Event::StreamEnd => break,
            _ => continue,
        };
        count += 1;
        if anchor != 0 {
            anchors.insert(anchor, Rc::clone(&node.kind));
        }
        match stack.last_mut().map(|open| &mut open.filled) {
            Some(Filled::Sequence(items)) => items.push(node),
            Some(Filled::Mapping(entries, key)) => match key.take() {
                Some(key) => entries.push((key, node)),
                None => *key = Some(node),
            },
            None => {
                // The document's end, then the stream's, unless more follows.
                let more = events
                    .take(2)
                    .any(|event| !matches!(event, Ok((Event::DocumentEnd | Event::StreamEnd, _))));
                return Some(Tree { root: node, nodes: count, more });
            }
        }
    }
    None
}

/// The most text aliases may add to a document as it is read: as much
/// as the largest spec file read, far beyond any real spec's repeats.
pub(super) const MAX_EXPANSION: usize = 64 << 20;

/// What each value weighs beyond its text, so that aliases of many short
/// or empty values are counted too.
pub(super) const VALUE_BYTES: usize = 8;

pub(super) const REPETITION: &str = "repetition limit exceeded";

/// What a reading of the tree may spend: steps (one per value read,
/// so that aliases of aliases stop) and bytes of text read (so that an
/// alias of a long text stops too); and where a reading failed.
pub(super) struct Budget {
    steps: Cell<usize>,
    bytes: Cell<usize>,
    /// Whether a step was refused: nothing is read after that.
    over: Cell<bool>,
    /// The path of the value whose reading failed first, once one has.
    failed: Cell<Option<Vec<Segment>>>,
}

impl Budget {
    pub(super) fn new(steps: usize, bytes: usize) -> Self {
        Budget {
            steps: Cell::new(steps),
            bytes: Cell::new(bytes),
            over: Cell::new(false),
            failed: Cell::new(None),
        }
    }

    /// Whether the reading ran out of either.
    pub(super) fn spent(&self) -> bool {
        self.steps.get() == 0 || self.bytes.get() == 0
    }
}
