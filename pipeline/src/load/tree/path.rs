//! Where the value being read sits in the document: kept by the tree's
//! deserializer as it descends, a step on the stack per level, and
//! written out only when a reading fails.
//!
//! It says what `serde_path_to_error` said, wrapping the deserializer and
//! every visitor: the path of the innermost value whose reading failed
//! first (a key's, for a problem with the key), a key as its text.

use serde::de::DeserializeOwned;
use serde_yaml::Error;

use super::de::NodeDeserializer;
use super::{Budget, Node};

/// One step down from a node to the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::load) enum Segment {
    /// An item of a sequence.
    Index(usize),
    /// A mapping's key (for a problem with the key), or its value.
    Key(String),
    /// The content of an enum's variant, named by a scalar's local tag.
    Variant(String),
    /// A key that is not text, or its value: the path ends before it.
    Unknown,
}

/// The path from the node a reading started at to the node read now:
/// each step points at its parent, on the stack of the reading.
#[derive(Debug, Clone, Copy)]
pub(in crate::load) enum Path<'a> {
    Root,
    Index(&'a Path<'a>, usize),
    /// The value of a mapping's key.
    Value(&'a Path<'a>, &'a Node),
    /// A mapping's key itself: its text when it is text and was read as
    /// such, as the visitor then saw it.
    Key(&'a Path<'a>, &'a Node),
    Variant(&'a Path<'a>, &'a str),
}

impl Path<'_> {
    /// The steps from the root, outermost first; `spent` says whether the
    /// reading ran out of budget (so that a key was never read).
    fn segments(&self, spent: bool) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut path = self;
        loop {
            path = match *path {
                Path::Root => break,
                Path::Index(parent, index) => {
                    segments.push(Segment::Index(index));
                    parent
                }
                Path::Value(parent, key) => {
                    segments.push(key.text().map_or(Segment::Unknown, |key| Segment::Key(key.to_owned())));
                    parent
                }
                Path::Key(parent, key) => {
                    segments.push(match key.text() {
                        Some(key) if !spent => Segment::Key(key.to_owned()),
                        _ => Segment::Unknown,
                    });
                    parent
                }
                Path::Variant(parent, variant) => {
                    segments.push(Segment::Variant(variant.to_owned()));
                    parent
                }
            };
        }
        segments.reverse();
        segments
    }
}

/// A reading that failed: `serde_yaml`'s error and the path to the value
/// it is about, from the node the reading started at.
#[derive(Debug)]
pub(in crate::load) struct Failed {
    pub(in crate::load) path: Vec<Segment>,
    pub(in crate::load) error: Error,
}

/// Reads `node` into `T`, spending from `budget`.
pub(in crate::load) fn read<T: DeserializeOwned>(node: &Node, budget: &Budget) -> Result<T, Failed> {
    budget.failed.take();
    match T::deserialize(NodeDeserializer { node, budget, path: &Path::Root }) {
        Ok(value) => {
            // A problem a visitor met and got past is none.
            budget.failed.take();
            Ok(value)
        }
        Err(error) => Err(Failed { path: budget.failed.take().unwrap_or_default(), error }),
    }
}

/// Notes that the reading of the node at `path` failed, unless a reading
/// below it (the first to fail) already did.
#[cold]
#[inline(never)]
pub(super) fn fail(path: &Path<'_>, budget: &Budget) {
    let failed = budget.failed.take();
    budget.failed.set(Some(failed.unwrap_or_else(|| path.segments(budget.over.get()))));
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::load::hostile;
    use crate::load::tree::{self, Kind};
    use errcat_model::spec::SpecFile;

    type Failure = (Vec<Segment>, String);

    /// The reading through `serde_path_to_error`'s wrappers, as it was
    /// read before the tree kept its paths, in the tree's segments.
    fn wrapped(node: &Node, budget: &Budget) -> Result<SpecFile, Failure> {
        serde_path_to_error::deserialize(NodeDeserializer { node, budget, path: &Path::Root }).map_err(|e| {
            let path = e
                .path()
                .iter()
                .map(|segment| match segment {
                    serde_path_to_error::Segment::Seq { index } => Segment::Index(*index),
                    serde_path_to_error::Segment::Map { key } => Segment::Key(key.clone()),
                    serde_path_to_error::Segment::Enum { variant } => Segment::Variant(variant.clone()),
                    serde_path_to_error::Segment::Unknown => Segment::Unknown,
                })
                .collect();
            (path, e.into_inner().to_string())
        })
    }

    /// The failure of reading `node` with `budget()`, which both readings
    /// must agree on.
    fn agreed(node: &Node, budget: impl Fn() -> Budget, name: &str) -> Option<Failure> {
        let ours = read::<SpecFile>(node, &budget()).map_err(|e| (e.path, e.error.to_string()));
        match (ours, wrapped(node, &budget())) {
            (Ok(_), Ok(_)) => None,
            (Err(ours), Err(theirs)) => {
                assert_eq!(ours, theirs, "{name}");
                Some(ours)
            }
            (ours, theirs) => panic!("{name}: {:?} against {:?}", ours.err(), theirs.err()),
        }
    }

    /// `node` with its `target`th node (counted in document order, from
    /// `count`) made what `with` makes of it.
    fn replaced(node: &Node, target: usize, count: &mut usize, with: fn(&Node) -> Kind) -> Node {
        *count += 1;
        if *count - 1 == target {
            return Node { span: node.span, kind: Rc::new(with(node)) };
        }
        let kind = match &*node.kind {
            Kind::Scalar { .. } => return node.clone(),
            Kind::Sequence(items) => {
                Kind::Sequence(items.iter().map(|item| replaced(item, target, count, with)).collect())
            }
            Kind::Mapping(entries) => Kind::Mapping(
                entries
                    .iter()
                    .map(|(key, value)| {
                        (replaced(key, target, count, with), replaced(value, target, count, with))
                    })
                    .collect(),
            ),
        };
        Node { span: node.span, kind: Rc::new(kind) }
    }

    fn scalar(value: &str, tag: Option<&str>) -> Kind {
        Kind::Scalar { value: value.to_owned(), plain: true, tag: tag.map(str::to_owned) }
    }

    fn node(kind: Kind) -> Node {
        Node { span: Node::scalar("", true, None).span, kind: Rc::new(kind) }
    }

    /// What a node is made: a wrong type of each kind, a number, a null,
    /// itself as a tag; a mapping gains an unknown field, repeats its
    /// first, or has a key that is no text.
    const EDITS: [fn(&Node) -> Kind; 6] = [
        |_| scalar("zz", None),
        |_| Kind::Sequence(vec![node(scalar("1", None))]),
        |_| Kind::Mapping(vec![(node(scalar("zz", None)), node(scalar("1", None)))]),
        |n| match &*n.kind {
            Kind::Mapping(entries) => {
                let mut entries = entries.clone();
                entries.push((node(scalar("unknown_zz", None)), node(scalar("1", None))));
                Kind::Mapping(entries)
            }
            _ => scalar("-1", None),
        },
        |n| match &*n.kind {
            Kind::Mapping(entries) if !entries.is_empty() => {
                let mut entries = entries.clone();
                entries.push(entries[0].clone());
                Kind::Mapping(entries)
            }
            _ => scalar("~", None),
        },
        |n| match &*n.kind {
            Kind::Mapping(entries) if !entries.is_empty() => {
                let mut entries = entries.clone();
                entries[0].0 = node(Kind::Sequence(Vec::new()));
                Kind::Mapping(entries)
            }
            // An enum's variant named by a tag, with content it has not.
            _ => scalar("1", Some(&format!("!{}", n.text().unwrap_or("zz")))),
        },
    ];

    /// Specs broken at nodes all over them, and read on budgets that end
    /// anywhere: each failure is at the path `serde_path_to_error` gave.
    #[test]
    fn a_failure_is_where_serde_path_to_error_put_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut texts: Vec<(String, String)> = Vec::new();
        for folder in ["spec", "pipeline/tests/fixtures", "pipeline/tests/invalid"] {
            for entry in std::fs::read_dir(root.join(folder)).expect("a folder of specs") {
                let path = entry.expect("an entry").path();
                if let Ok(text) = std::fs::read_to_string(&path)
                    && path.extension().is_some_and(|ext| ext == "yaml")
                    && text.len() < 20_000
                {
                    texts.push((path.display().to_string(), text));
                }
            }
        }
        texts.sort();
        let mut failed = 0;
        let mut last_segments: Vec<Segment> = Vec::new();
        let mut note = |failure: Option<Failure>| {
            if let Some((path, _)) = failure {
                failed += 1;
                if let Some(last) = path.last()
                    && !last_segments
                        .iter()
                        .any(|seen| std::mem::discriminant(seen) == std::mem::discriminant(last))
                {
                    last_segments.push(last.clone());
                }
            }
        };
        for (name, text) in &texts {
            let Some(document) = tree::document(text) else { continue };
            // The budget a whole file is read on (`Tree::read`), so that
            // aliases stop.
            let nodes = document.nodes;
            let (steps, bytes) = (nodes * 64 + 4096, text.len() + tree::MAX_EXPANSION);
            for target in (0..nodes).step_by((nodes / 40).max(1)) {
                // An edit walks every alias anew: a billion laughs would not end.
                let edits = if hostile::may_hold_alias(text) { &EDITS[..0] } else { &EDITS[..] };
                for (e, edit) in edits.iter().enumerate() {
                    let broken = replaced(&document.root, target, &mut 0, *edit);
                    let name = format!("{name}, node {target} edited by {e}");
                    note(agreed(&broken, || Budget::new(steps, bytes), &name));
                }
                let name = format!("{name}, {target} steps");
                note(agreed(&document.root, || Budget::new(target, bytes), &name));
            }
            for spent in (0..text.len()).step_by((text.len() / 20).max(1)) {
                let name = format!("{name}, {spent} bytes");
                note(agreed(&document.root, || Budget::new(steps, spent), &name));
            }
        }
        assert!(failed > 1000, "{failed} failures compared");
        // Failures at an item, at a key or its value, at a tagged variant,
        // and below a key that is no text.
        assert_eq!(last_segments.len(), 4, "{last_segments:?}");
    }
}
