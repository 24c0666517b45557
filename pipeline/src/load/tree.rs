//! The YAML document as a tree that keeps every node's span, and a serde
//! `Deserializer` over any node of it.
//!
//! The tree keeps every scalar as written and hands it to `serde_yaml` on
//! its own when a type is asked of it, so a value reads exactly as it
//! would in one go (`name: 404` is text, `code: 0x10` a number).

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_yaml::Error;

use super::locate::{self, Spot};

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

    /// The node at `segments` below this one, or the deepest that exists.
    pub(super) fn descend(&self, segments: &[serde_path_to_error::Segment]) -> &Node {
        let mut node = self;
        for segment in segments {
            let next = match (segment, &*node.kind) {
                (serde_path_to_error::Segment::Seq { index }, Kind::Sequence(items)) => items.get(*index),
                (serde_path_to_error::Segment::Map { key }, Kind::Mapping(_)) => node.get(key),
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

/// Reads the first document of `text` into `T` in one go, as
/// `serde_yaml` would, spending at most `bytes` bytes of text; `None`
/// when the tree cannot be built.
pub(super) fn read_whole<T: serde::de::DeserializeOwned>(
    text: &str,
    bytes: usize,
) -> Option<Result<T, serde_path_to_error::Error<Error>>> {
    let (root, nodes) = tree(text)?;
    let budget = Budget::new(nodes.saturating_mul(64).saturating_add(4096), bytes);
    Some(serde_path_to_error::deserialize(NodeDeserializer { node: &root, budget: &budget }))
}

/// The first document of `text` and how many nodes it has, or `None`
/// when the parser stops on an error.
pub(super) fn tree(text: &str) -> Option<(Node, usize)> {
    struct Open {
        span: Span,
        anchor: usize,
        mapping: bool,
        nodes: Vec<Node>,
    }
    let lines = locate::lines(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, Rc<Kind>> = HashMap::new();
    let mut count = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let (node, anchor) = match event {
            Event::Scalar(value, style, anchor, tag) => {
                let tag = tag.map(|tag| format!("{}{}", tag.handle, tag.suffix));
                let plain = style == ScalarStyle::Plain;
                (Node { span, kind: Rc::new(Kind::Scalar { value: value.into_owned(), plain, tag }) }, anchor)
            }
            Event::Alias(id) => (Node { span, kind: Rc::clone(anchors.get(&id)?) }, 0),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let mapping = matches!(event, Event::MappingStart(..));
                stack.push(Open { span, anchor, mapping, nodes: Vec::new() });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop()?;
                let kind = if open.mapping {
                    let mut nodes = open.nodes.into_iter();
                    let mut entries = Vec::with_capacity(nodes.len() / 2);
                    while let (Some(key), Some(value)) = (nodes.next(), nodes.next()) {
                        entries.push((key, value));
                    }
                    Kind::Mapping(entries)
                } else {
                    Kind::Sequence(open.nodes)
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
        match stack.last_mut() {
            Some(open) => open.nodes.push(node),
            None => return Some((node, count)),
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
/// alias of a long text stops too).
pub(super) struct Budget {
    steps: Cell<usize>,
    bytes: Cell<usize>,
}

impl Budget {
    pub(super) fn new(steps: usize, bytes: usize) -> Self {
        Budget { steps: Cell::new(steps), bytes: Cell::new(bytes) }
    }

    /// Whether the reading ran out of either.
    pub(super) fn spent(&self) -> bool {
        self.steps.get() == 0 || self.bytes.get() == 0
    }
}

/// A node as a serde `Deserializer`. Collections are walked here; each
/// scalar is handed to `serde_yaml` as a one-value document, so it
/// resolves exactly as in the whole file. Every step spends from
/// `budget`, so aliases that expand without end, or past the budget's
/// bytes, stop early.
#[derive(Clone, Copy)]
pub(super) struct NodeDeserializer<'a> {
    pub(super) node: &'a Node,
    pub(super) budget: &'a Budget,
}

impl<'a> NodeDeserializer<'a> {
    fn spend(&self) -> Result<(), Error> {
        let (steps, bytes) = (self.budget.steps.get(), self.budget.bytes.get());
        let text = match &*self.node.kind {
            Kind::Scalar { value, .. } => value.len(),
            _ => 0,
        };
        if steps == 0 || bytes <= text {
            self.budget.bytes.set(bytes.saturating_sub(text));
            self.budget.steps.set(steps.saturating_sub(1));
            return Err(de::Error::custom(REPETITION));
        }
        self.budget.steps.set(steps - 1);
        self.budget.bytes.set(bytes - text);
        Ok(())
    }

    fn at(&self, node: &'a Node) -> NodeDeserializer<'a> {
        NodeDeserializer { node, budget: self.budget }
    }

    /// The scalar as a document of its own, read by `serde_yaml`.
    fn scalar(value: &str, plain: bool, tag: &Option<String>) -> serde_yaml::Deserializer<'static> {
        let mut document = String::from("--- ");
        if let Some(tag) = tag {
            document.push_str(&format!("!<{tag}> "));
        }
        // Only words YAML may read as null, a boolean or a number need
        // to stay plain; any other plain text is a string either way,
        // and a string is safest quoted.
        if plain && may_resolve(value) {
            document.push_str(value);
        } else {
            document.push_str(&errcat_model::text::yaml_double_quoted(value));
        }
        document.push('\n');
        serde_yaml::Deserializer::from_reader(std::io::Cursor::new(document.into_bytes()))
    }

    pub(super) fn unexpected(&self) -> Unexpected<'static> {
        match &*self.node.kind {
            Kind::Sequence(_) => Unexpected::Seq,
            _ => Unexpected::Map,
        }
    }
}

/// Whether plain text could be YAML for something other than a string:
/// empty, or a word or number without spaces or markup (a lone `-`
/// would start a list).
fn may_resolve(value: &str) -> bool {
    value.chars().all(|c| c.is_ascii_alphanumeric() || "+-._~".contains(c)) && value != "-"
}

macro_rules! scalar_or_any {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.spend()?;
            match &*self.node.kind {
                Kind::Scalar { value, plain, tag } => Self::scalar(value, *plain, tag).$method(visitor),
                _ => self.deserialize_any(visitor),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for NodeDeserializer<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => Self::scalar(value, *plain, tag).deserialize_any(visitor),
            Kind::Sequence(items) => visitor.visit_seq(Items { items: items.iter(), deserializer: self }),
            Kind::Mapping(entries) => {
                visitor.visit_map(Entries { entries: entries.iter(), value: None, deserializer: self })
            }
        }
    }

    scalar_or_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes deserialize_byte_buf
        deserialize_unit
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    /// `serde_yaml` reads any scalar as text, as written.
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, .. } => visitor.visit_str(value),
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => {
                Self::scalar(value, *plain, tag).deserialize_option(visitor)
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => {
                Self::scalar(value, *plain, tag).deserialize_unit_struct(name, visitor)
            }
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => Self::scalar(value, *plain, tag).deserialize_seq(visitor),
            Kind::Sequence(items) => visitor.visit_seq(Items { items: items.iter(), deserializer: self }),
            Kind::Mapping(_) => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => Self::scalar(value, *plain, tag).deserialize_map(visitor),
            Kind::Mapping(entries) => {
                visitor.visit_map(Entries { entries: entries.iter(), value: None, deserializer: self })
            }
            Kind::Sequence(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => {
                self.spend()?;
                Self::scalar(value, *plain, tag).deserialize_struct(name, fields, visitor)
            }
            _ => self.deserialize_map(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => {
                Self::scalar(value, *plain, tag).deserialize_enum(name, variants, visitor)
            }
            _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct Items<'a> {
    items: std::slice::Iter<'a, Node>,
    deserializer: NodeDeserializer<'a>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed.deserialize(self.deserializer.at(node)).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a> {
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
    deserializer: NodeDeserializer<'a>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(self.deserializer.at(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(node) => seed.deserialize(self.deserializer.at(node)),
            None => Err(de::Error::custom("a mapping value was read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
