//! Reads spec text into the spec types ([`super::spec`]), finding every
//! shape problem (an unknown, repeated or missing field, a value of the
//! wrong type) in one run.
//!
//! serde stops at the first such problem. A spec that deserializes in one
//! go, the usual case, is read that way. Otherwise the document is parsed
//! once into a tree and read piece by piece: the catalogue without its
//! tables, each table without its rows, each row and retired code on its
//! own. Within a piece, unknown and repeated fields are set aside first;
//! then each field with a wrong value is set aside and the piece read
//! again, so one piece reports all its problems too. A piece with any
//! problem is [`Unread`]: validation skips it and whatever depends on it.
//!
//! The tree keeps every scalar as written and hands it to `serde_yaml` on
//! its own when a type is asked of it, so a value reads exactly as it
//! would in one go (`name: 404` is text, `code: 0x10` a number), and
//! keeps every key's and value's position, so each problem points at the
//! key or value at fault.

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde_yaml::Error;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::locate;
use crate::load::spec::{SpecFile, SpecTable};

/// A spec as far as it could be read, and the problems that stopped the rest.
#[derive(Debug, Clone)]
pub struct Read {
    /// The spec; every part named in `unread` holds a default placeholder
    /// (lists keep their length, so indexes still match the file).
    pub spec: SpecFile,
    /// The parts that could not be read.
    pub unread: Unread,
    /// Why: one problem per unknown, repeated, missing or mistyped field.
    pub problems: Vec<Diagnostic>,
}

/// The parts of a spec that could not be read, by their indexes in the
/// file (from 0). Validation skips them, and every check they take part in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread {
    /// The catalogue's own fields (`title`, `crate`, `version`, the
    /// `tables` and `retired` lists themselves).
    pub catalogue: bool,
    /// Tables whose own fields could not be read (`tables[t]`).
    pub tables: BTreeSet<usize>,
    /// Rows (`tables[t].errors[r]`).
    pub rows: BTreeSet<(usize, usize)>,
    /// Entries of a table's own `retired:` list (`tables[t].retired[i]`).
    pub table_retired: BTreeSet<(usize, usize)>,
    /// Entries of the top-level `retired:` list (`retired[i]`).
    pub retired: BTreeSet<usize>,
}

impl Unread {
    /// Whether the whole spec was read.
    pub fn is_empty(&self) -> bool {
        *self == Unread::default()
    }
}

/// Reads spec text. Problems that stop the whole file (the file is empty,
/// nests absurdly deep, is not YAML, expands aliases without end) are the
/// error; shape problems come back with what could be read.
pub fn read(path: &Path, text: &str) -> Result<Read, Diagnostics> {
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
    if let Some(spot) = locate::too_deep(text) {
        return Err(Diagnostic::new(
            path,
            format!("the spec nests more than {} levels deep", locate::MAX_NESTING),
        )
        .at(spot.line, spot.column)
        .help("a spec nests a few levels (catalogue, tables, rows): check that this file is a spec")
        .into());
    }
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let error = match serde_path_to_error::deserialize(deserializer) {
        Ok(spec) => return Ok(Read { spec, unread: Unread::default(), problems: Vec::new() }),
        Err(error) => error,
    };
    let first = whole_file_problem(path, text, error);
    if !is_shape_problem(&first.message) {
        return Err(first.into());
    }
    // The whole document parsed, so the piece-by-piece reading can go on
    // past this problem. Should it disagree (find nothing, or meet a
    // construct it does not know), the first problem still stands alone.
    match read_in_pieces(path, text) {
        Some(read) if !read.problems.is_empty() => Ok(read),
        _ => Err(first.into()),
    }
}

/// Whether a deserialization message is about the document's shape (it
/// parsed, but a field or value does not fit) rather than its syntax.
fn is_shape_problem(message: &str) -> bool {
    [
        "unknown field",
        "unknown variant",
        "missing field",
        "duplicate field",
        "invalid type",
        "invalid value",
        "invalid length",
    ]
    .iter()
    .any(|start| message.starts_with(start))
}

/// The diagnostic for an error of deserializing the whole file, with the
/// parser's own position where it has one.
fn whole_file_problem(path: &Path, text: &str, e: serde_path_to_error::Error<Error>) -> Diagnostic {
    let yaml_path = yaml_path(e.path());
    let error = e.into_inner();
    let message = clean_message(&error.to_string(), &yaml_path);
    if let Some(field) = message.strip_prefix("duplicate field `").and_then(|rest| rest.split('`').next()) {
        // The parser points at the mapping; the second key is the news,
        // and the path's last value is the second one's.
        let at = if yaml_path.is_empty() { field.to_owned() } else { format!("{yaml_path}.{field}") };
        return problem(path, &message, at);
    }
    let mut diagnostic = problem(path, &message, yaml_path);
    if let Some(at) = error.location() {
        // From the byte index, so lines count the same everywhere
        // (libyaml also breaks lines at U+0085, U+2028 and U+2029).
        let (line, column) = locate::position(text, at.index());
        diagnostic = diagnostic.at(line, column);
    }
    diagnostic
}

/// A deserialization message without the position and path that
/// `serde_yaml` puts around it (both are reported separately).
fn clean_message(message: &str, yaml_path: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let mut prefix = Some(yaml_path);
    let message = loop {
        match prefix {
            Some(p) if message.starts_with(&format!("{p}: ")) => break &message[p.len() + 2..],
            Some(p) => prefix = locate::parent(p),
            None => break message,
        }
    };
    message.to_owned()
}

/// A shape or syntax problem with the value at `yaml_path`, worded for
/// people who write YAML rather than Rust, with how to fix it.
fn problem(path: &Path, message: &str, yaml_path: String) -> Diagnostic {
    let help = parse_help(message, &yaml_path);
    let message = message
        .replace("expected u32", "expected a whole number from 0 to 4294967295")
        .replace("expected u16", "expected a whole number from 0 to 65535")
        .replace("unit value", "null (an empty value)");
    Diagnostic::new(path, message).help(help).yaml_path(yaml_path)
}

/// A serde path as this crate writes YAML paths: `tables[1].errors[0].code`.
/// An unknown segment ends it: what came before is still a good place.
fn yaml_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key }
            | serde_path_to_error::Segment::Enum { variant: key } => {
                out = child(&out, key);
            }
            serde_path_to_error::Segment::Unknown => break,
        }
    }
    out
}

fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_owned() } else { format!("{parent}.{key}") }
}

/// How to fix a parser error, from its message and where it happened.
fn parse_help(message: &str, yaml_path: &str) -> String {
    let field = yaml_path.rsplit(['.', ']']).next().unwrap_or_default();
    if let Some(rest) =
        message.strip_prefix("unknown field `").or_else(|| message.strip_prefix("unknown variant `"))
    {
        let (found, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let what = if message.starts_with("unknown field") { "field" } else { "value" };
        return match (closest(found, &candidates), candidates.is_empty()) {
            (Some(c), _) => format!("did you mean `{c}`?"),
            (None, true) => format!("remove this {what}"),
            (None, false) => format!("the {what}s allowed here are {}", list(&candidates)),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let example = match field {
            "code" => "code: 4032251",
            "name" => "name: ACCESS_TOKEN_EXPIRED",
            "description" => "description: Provided Access token has expired.",
            "id" => "id: auth",
            "errors" => "errors: [ … ]",
            "tables" => "tables: [ … ]",
            "crate" => "crate: my-api-errors",
            "version" => "version: 0.1.0",
            _ => "",
        };
        return if example.is_empty() {
            format!("add `{field}` to this mapping")
        } else {
            format!("add `{field}` to this mapping, e.g. `{example}`")
        };
    }
    if message.starts_with("duplicate field") {
        return "each field appears once per mapping: remove one of them".to_owned();
    }
    if message.contains("recursion limit exceeded") {
        return "the document nests far deeper than a spec does: check that this file is a spec".to_owned();
    }
    if message.contains("repetition limit exceeded") {
        return "aliases (`*name`) expand into too many values: write the values out".to_owned();
    }
    let is_type_error =
        ["invalid type", "invalid value", "invalid length"].iter().any(|p| message.starts_with(p));
    if !is_type_error {
        return "a YAML syntax error: check the indentation and quoting of this line and the lines above it"
            .to_owned();
    }
    match field {
        _ if message.ends_with("expected a string") => {
            "write text here; quote it if it starts with `[`, `{`, `*`, `&`, `!` or `-`, or contains `: ` or ` #`"
                .to_owned()
        }
        "code" => "a code is a whole number from 0 to 4294967295, written without quotes, e.g. `code: 4032251`"
            .to_owned(),
        "http_status" => "write the HTTP status as a number from 400 to 599, e.g. `http_status: 403`".to_owned(),
        _ => "check the field against the spec format in README.md (or the spec's JSON Schema)".to_owned(),
    }
}

/// The candidate `found` is a near miss of, if any: a typo or two away.
fn closest<'c>(found: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(found, c), *c))
        .filter(|(distance, c)| *distance <= (c.len() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

/// `a`, `b` and `c`.
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

// ---------------------------------------------------------------------
// The document as a tree.

/// A node of the document, where it starts, and what it holds. Aliases
/// share their anchor's contents, so expanding them costs nothing until
/// they are read (and reading is budgeted).
#[derive(Debug, Clone)]
struct Node {
    span: Span,
    kind: Rc<Kind>,
}

#[derive(Debug)]
enum Kind {
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
    fn get(&self, key: &str) -> Option<&Node> {
        let Kind::Mapping(entries) = &*self.kind else { return None };
        entries.iter().find(|(k, _)| k.text() == Some(key)).map(|(_, value)| value)
    }

    fn text(&self) -> Option<&str> {
        match &*self.kind {
            Kind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    fn items(&self) -> Option<&[Node]> {
        match &*self.kind {
            Kind::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// 1-based line and column (in characters). An empty value is placed
    /// right after the `:` or `-` before it, where the value belongs.
    fn position(&self) -> (usize, usize) {
        let (start, end) = (self.span.start, self.span.end);
        let empty = matches!(&*self.kind, Kind::Scalar { value, .. } if value.is_empty());
        let after = usize::from(empty && start.index() == end.index());
        (start.line(), start.col() + 1 + after)
    }
}

/// The first document of `text` and how many nodes it has, or `None`
/// when the parser stops on an error.
fn tree(text: &str) -> Option<(Node, usize)> {
    struct Open {
        span: Span,
        anchor: usize,
        mapping: bool,
        nodes: Vec<Node>,
    }
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
                (Node { span: open.span, kind: Rc::new(kind) }, open.anchor)
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

// ---------------------------------------------------------------------
// Reading the tree with serde.

const REPETITION: &str = "repetition limit exceeded";

/// A node as a serde `Deserializer`. Collections are walked here; each
/// scalar is handed to `serde_yaml` as a one-value document, so it
/// resolves exactly as in the whole file. Every step spends from
/// `budget`, so aliases that expand without end stop early.
#[derive(Clone, Copy)]
struct Reading<'a> {
    node: &'a Node,
    budget: &'a Cell<usize>,
}

impl<'a> Reading<'a> {
    fn spend(&self) -> Result<(), Error> {
        let left = self.budget.get();
        if left == 0 {
            return Err(de::Error::custom(REPETITION));
        }
        self.budget.set(left - 1);
        Ok(())
    }

    fn at(&self, node: &'a Node) -> Reading<'a> {
        Reading { node, budget: self.budget }
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
            document.push_str(&crate::emit::yaml::double_quoted(value));
        }
        document.push('\n');
        serde_yaml::Deserializer::from_reader(std::io::Cursor::new(document.into_bytes()))
    }

    fn unexpected(&self) -> Unexpected<'static> {
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

impl<'de> Deserializer<'de> for Reading<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.spend()?;
        match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => Self::scalar(value, *plain, tag).deserialize_any(visitor),
            Kind::Sequence(items) => visitor.visit_seq(Items { items: items.iter(), reading: self }),
            Kind::Mapping(entries) => {
                visitor.visit_map(Entries { entries: entries.iter(), value: None, reading: self })
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
            Kind::Sequence(items) => visitor.visit_seq(Items { items: items.iter(), reading: self }),
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
                visitor.visit_map(Entries { entries: entries.iter(), value: None, reading: self })
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
    reading: Reading<'a>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed.deserialize(self.reading.at(node)).map(Some),
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
    reading: Reading<'a>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(self.reading.at(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(node) => seed.deserialize(self.reading.at(node)),
            None => Err(de::Error::custom("a mapping value was read before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// The field names a derived `Deserialize` struct accepts, as it tells
/// its deserializer; empty for anything else.
fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Probe<'a>(&'a Cell<&'static [&'static str]>);
    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0.set(fields);
            Err(de::Error::custom("fields noted"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let fields = Cell::new(&[][..]);
    let _ = T::deserialize(Probe(&fields));
    fields.get()
}

// ---------------------------------------------------------------------
// Reading piece by piece.

/// Aliases expanded past this many steps per node of the document stop
/// the reading: no spec repeats itself that much.
const STEPS_PER_NODE: usize = 64;

/// The reading ran out of budget: aliases expand without end.
struct Exhausted;

struct Reader<'a> {
    file: &'a Path,
    /// Where the text ends: its last line and the column after it.
    end: (usize, usize),
    budget: Cell<usize>,
    problems: Vec<Diagnostic>,
}

/// Reads `text` piece by piece; `None` when the tree cannot be built or
/// aliases expand without end (the caller then has the first problem).
fn read_in_pieces(file: &Path, text: &str) -> Option<Read> {
    let (root, nodes) = tree(text)?;
    let lines = locate::lines(text);
    let mut reader = Reader {
        file,
        end: (lines.len(), lines.last().map_or(0, |line| line.chars().count()) + 1),
        budget: Cell::new(nodes.saturating_mul(STEPS_PER_NODE).saturating_add(4096)),
        problems: Vec::new(),
    };
    reader.catalogue(&root).ok()
}

impl Reader<'_> {
    fn catalogue(&mut self, root: &Node) -> Result<Read, Exhausted> {
        let mut unread = Unread::default();
        let mut spec = self.piece::<SpecFile>(root, "", &["tables", "retired"])?.unwrap_or_else(|| {
            unread.catalogue = true;
            SpecFile::default()
        });
        spec.tables = Vec::new();
        for (t, table) in root.get("tables").and_then(Node::items).unwrap_or_default().iter().enumerate() {
            let at = format!("tables[{t}]");
            let mut read =
                self.piece::<SpecTable>(table, &at, &["errors", "retired"])?.unwrap_or_else(|| {
                    unread.tables.insert(t);
                    SpecTable::default()
                });
            read.errors = self.list(table, &at, "errors", |r| unread.rows.insert((t, r)))?;
            read.retired = self.list(table, &at, "retired", |i| unread.table_retired.insert((t, i)))?;
            spec.tables.push(read);
        }
        spec.retired = self.list(root, "", "retired", |i| unread.retired.insert(i))?;
        Ok(Read { spec, unread, problems: std::mem::take(&mut self.problems) })
    }

    /// Reads each item of the list `parent.field` (when it is a list),
    /// calling `unread` with the index of each that could not be read.
    fn list<T: DeserializeOwned + Default>(
        &mut self,
        parent: &Node,
        at: &str,
        field: &str,
        mut unread: impl FnMut(usize) -> bool,
    ) -> Result<Vec<T>, Exhausted> {
        let items = parent.get(field).and_then(Node::items).unwrap_or_default();
        let mut read = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let value = self.piece::<T>(item, &format!("{}[{i}]", child(at, field)), &[])?;
            read.push(value.unwrap_or_else(|| {
                unread(i);
                T::default()
            }));
        }
        Ok(read)
    }

    /// Reads one piece (the mapping at `at`), its lists named in `hollow`
    /// read as empty (they are read item by item elsewhere). Reports every
    /// problem of the piece; `None` if there was one.
    fn piece<T: DeserializeOwned>(
        &mut self,
        node: &Node,
        at: &str,
        hollow: &[&str],
    ) -> Result<Option<T>, Exhausted> {
        let found = self.problems.len();
        let Kind::Mapping(entries) = &*node.kind else {
            // Not a mapping: serde says what it should have been.
            return match self.deserialize::<T>(node) {
                Ok(value) => Ok(Some(value)),
                Err(e) => {
                    let (_, message) = self.message(e)?;
                    self.report(node, &message, at.to_owned());
                    Ok(None)
                }
            };
        };
        let fields = fields_of::<T>();
        let mut kept: Vec<(Node, Node)> = Vec::with_capacity(entries.len());
        // Fields whose absence is already explained: set aside for their
        // value, or misspelt (`descripton` explains a missing `description`).
        let mut explained: Vec<&str> = Vec::new();
        for (key, value) in entries {
            let Some(name) = key.text() else {
                let unexpected = Reading { node: key, budget: &self.budget }.unexpected();
                let message = <Error as de::Error>::invalid_type(unexpected, &"a field name").to_string();
                self.report(key, &message, at.to_owned());
                continue;
            };
            if !fields.is_empty() && !fields.contains(&name) {
                let message = <Error as de::Error>::unknown_field(name, fields).to_string();
                self.report(key, &message, child(at, name));
                explained.extend(closest(name, fields));
                continue;
            }
            if kept.iter().any(|(k, _)| k.text() == Some(name)) {
                self.report(value, &format!("duplicate field `{name}`"), child(at, name));
                continue;
            }
            let value = match value.items() {
                Some(_) if hollow.contains(&name) => {
                    Node { span: value.span, kind: Rc::new(Kind::Sequence(Vec::new())) }
                }
                _ => value.clone(),
            };
            kept.push((key.clone(), value));
        }
        // Each round sets aside the field at fault; a mapping has few.
        loop {
            let piece = Node { span: node.span, kind: Rc::new(Kind::Mapping(kept.clone())) };
            let e = match self.deserialize::<T>(&piece) {
                Ok(value) => return Ok((self.problems.len() == found).then_some(value)),
                Err(e) => e,
            };
            let segments: Vec<serde_path_to_error::Segment> = e.path().iter().cloned().collect();
            let (relative, message) = self.message(e)?;
            if let Some(field) =
                message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next())
            {
                if !explained.contains(&field) {
                    self.report(node, &message, at.to_owned());
                }
                return Ok(None);
            }
            let field = match segments.first() {
                Some(serde_path_to_error::Segment::Map { key }) => {
                    kept.iter().position(|(k, _)| k.text() == Some(key))
                }
                _ => None,
            };
            let Some(i) = field else {
                self.report(node, &message, join(at, &relative));
                return Ok(None);
            };
            self.report(descend(&kept[i].1, &segments[1..]), &message, join(at, &relative));
            let (key, _) = kept.remove(i);
            explained.extend(fields.iter().copied().find(|f| key.text() == Some(f)));
        }
    }

    fn deserialize<T: DeserializeOwned>(&self, node: &Node) -> Result<T, serde_path_to_error::Error<Error>> {
        serde_path_to_error::deserialize(Reading { node, budget: &self.budget })
    }

    /// The error's path (relative to the piece) and message; running out
    /// of budget ends the reading.
    fn message(&self, e: serde_path_to_error::Error<Error>) -> Result<(String, String), Exhausted> {
        let relative = yaml_path(e.path());
        let message = e.into_inner().to_string();
        if message.contains(REPETITION) || self.budget.get() == 0 {
            return Err(Exhausted);
        }
        let message = clean_message(&message, &relative);
        Ok((relative, message))
    }

    fn report(&mut self, node: &Node, message: &str, yaml_path: String) {
        // An empty value at the very end is placed on the line after it.
        let (line, column) = node.position().min(self.end);
        self.problems.push(problem(self.file, message, yaml_path).at(line, column));
    }
}

/// The node at `segments` below `node`, or the deepest that exists.
fn descend<'n>(node: &'n Node, segments: &[serde_path_to_error::Segment]) -> &'n Node {
    let mut node = node;
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

/// `at` followed by a relative path (`errors[0].code` or `[0]`).
fn join(at: &str, relative: &str) -> String {
    if relative.is_empty() || relative.starts_with('[') || at.is_empty() {
        format!("{at}{relative}")
    } else {
        format!("{at}.{relative}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` in pieces, as a spec with a problem is read.
    fn in_pieces(text: &str) -> Read {
        read_in_pieces(Path::new("t.yaml"), text).expect("the tree builds")
    }

    fn in_one_go(text: &str) -> SpecFile {
        serde_yaml::from_str(text).expect("valid in one go")
    }

    /// Values that YAML could read several ways, each as a spec writes it.
    const TRICKY: &str = r#"
title: 2024
crate: t
version: 0.1.0
tables:
  - id: http
    kind: http_status
    title: "true"
    summary: null
    errors:
      - {code: 0x194, name: 404, description: ~}
      - code: +500
        name: true
        description:
        deprecated: ~
  - &app
    id: app
    title: |
      Two
      lines
    summary: >-
      folded
      text
    name_column: '---'
    codes_embed_http_status: True
    errors:
      - code: 4001
        name: !!str 12
        description: &d "quoted \" and \\ and \u00e9"
        http_status: 0o620
        aliases: [4002, 0b1]
        recovery: retry_later
        rust_variant: ''
      - code: 4003
        name: -dash
        description: *d
        http_status: 400
        deprecated: ".inf"
      - code: 4004
        name: it's
        description: a:b # a comment
        http_status: 400
      - code: 4005
        name: Ünïcödé
        description: plain text
          over lines

          and a paragraph
        http_status: 400
retired:
  - {code: 7, name: "-", reason: ..., table: gone}
"#;

    #[test]
    fn pieces_read_exactly_as_the_whole_file() {
        for text in [TRICKY, include_str!("../../../spec/knox-cloud.yaml")] {
            let read = in_pieces(text);
            assert!(read.problems.is_empty(), "{:?}", read.problems);
            assert!(read.unread.is_empty());
            assert_eq!(format!("{:?}", read.spec), format!("{:?}", in_one_go(text)));
        }
    }

    #[test]
    fn an_empty_value_at_the_end_is_placed_on_the_last_line() {
        for text in [" ? ", "title: T\n? ", "? \r"] {
            let read = in_pieces(text);
            assert!(!read.problems.is_empty(), "{text:?}");
            for problem in &read.problems {
                let (line, _) = problem.position.expect("placed");
                assert!(line <= locate::lines(text).len(), "{text:?}: {problem}");
            }
        }
    }

    #[test]
    fn field_names_come_from_the_types() {
        assert_eq!(fields_of::<SpecFile>(), ["title", "crate", "version", "tables", "retired"]);
        assert!(fields_of::<SpecTable>().contains(&"codes_embed_http_status"));
        assert!(fields_of::<String>().is_empty());
    }

    #[test]
    fn every_problem_of_a_row_is_found() {
        let text = "\
title: T
crate: t
version: 0.1.0
tables:
  - id: app
    title: A
    summary: S
    errors:
      - code: x
        nme: N
        description: D
        description: again
        aliases: [1, y]
        http_status: 400
";
        let read = in_pieces(text);
        let found: Vec<(&str, (usize, usize))> =
            read.problems.iter().map(|p| (p.message.as_str(), p.position.expect("placed"))).collect();
        assert_eq!(
            found,
            [
                (
                    "unknown field `nme`, expected one of `code`, `name`, `description`, `http_status`, \
                     `rust_variant`, `aliases`, `recovery`, `deprecated`",
                    (10, 9)
                ),
                ("duplicate field `description`", (12, 22)),
                ("invalid type: string \"x\", expected a whole number from 0 to 4294967295", (9, 15)),
                ("invalid type: string \"y\", expected a whole number from 0 to 4294967295", (13, 22)),
            ],
        );
        assert_eq!(read.problems[3].yaml_path.as_deref(), Some("tables[0].errors[0].aliases[1]"));
        // `nme` explains the missing `name`; the row is left out, its table is not.
        assert_eq!(read.unread.rows, [(0, 0)].into());
        assert!(read.unread.tables.is_empty() && !read.unread.catalogue);
    }

    #[test]
    fn aliases_that_expand_without_end_stop_the_reading() {
        // Tables of rows of aliases, each list repeating the one below a
        // hundred times: a million values from a few kilobytes.
        let hundred = |item: &str| vec![item; 100].join(", ");
        let text = format!(
            "x: &a [{}]\nr: &r {{code: 1, name: N, description: D, aliases: *a}}\n\
             t: &t {{id: a, title: T, summary: S, errors: [{}]}}\ntitle: T\ncrate: t\nversion: 0.1.0\ntables: [{}]\n",
            hundred("1"),
            hundred("*r"),
            hundred("*t"),
        );
        assert!(tree(&text).is_some());
        assert!(read_in_pieces(Path::new("t.yaml"), &text).is_none());
        // What stands is the first problem, from reading in one go.
        let found = read(Path::new("t.yaml"), &text).expect_err("invalid");
        assert_eq!(found.0.len(), 1, "{found}");
        assert!(found.0[0].message.starts_with("unknown field `x`"), "{found}");
    }
}
