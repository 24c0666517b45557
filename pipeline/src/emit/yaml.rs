//! Block-style YAML for generated documents, readable alike by YAML 1.2
//! parsers and YAML 1.1 ones (PyYAML, SnakeYAML).
//!
//! Documents are typed serde structs, and this module is a
//! [`serde::Serializer`] that prints them as it walks them. It exists
//! because `serde_yaml`'s own serializer decides quoting by the YAML 1.2
//! core schema only: it writes `NO`, `Y`, `on`, `1_000` or `2001-12-14`
//! plain, and a YAML 1.1 reader takes those for booleans, numbers and
//! dates. Here a string is written plain only when it starts with a
//! letter and holds nothing that any YAML version reads as markup
//! ([`errcat_model::text::is_yaml_plain_safe`]); every other string is
//! double-quoted, which every YAML version reads as a string.
//!
//! It prints straight from the document, never through a
//! `serde_yaml::Value` tree: at 100,000 codes the tree of one OpenAPI
//! document is several times the size of its 50 MB of text.
//!
//! What it prints: mappings (structs and maps, in their serialization
//! order) and sequences in block style, a nested block on the line of its
//! sequence dash (`- - a`, `- key: value`), an empty one as `{}` or `[]`;
//! strings as above; integers, booleans, and `null` for `None` and `()`;
//! a unit enum variant as its name. A document never holds a float, raw
//! bytes, an enum variant with data (YAML would need a tag) or a
//! mapping key that is not a scalar: those are an [`Error`], not a guess.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, SerializeMap};

// The loader quotes spec text with the same escaper.
use errcat_model::text::{is_yaml_plain_safe, yaml_double_quoted};

/// A map that keeps its entries in the order they were pushed, for YAML
/// mappings whose order the generator chooses (spec order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderedMap<T>(pub Vec<(String, T)>);

impl<T> OrderedMap<T> {
    /// An empty map.
    pub fn new() -> Self {
        OrderedMap(Vec::new())
    }

    /// Appends an entry.
    pub fn push(&mut self, key: impl Into<String>, value: T) {
        self.0.push((key.into(), value));
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> Default for OrderedMap<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Serialize> Serialize for OrderedMap<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// `value` as a block-style YAML document, ending in a newline.
///
/// # Errors
///
/// When `value` holds what the printer refuses (see the module docs): a
/// float, bytes, an enum variant with data, a key that is not a scalar,
/// or the error of `value`'s own `Serialize` impl.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = String::new();
    write_to(&mut out, value)?;
    Ok(out)
}

/// [`to_string`], appended to `out`: a large document is printed in place
/// (under a header, say), never alive twice.
pub fn write_to<T: Serialize + ?Sized>(out: &mut String, value: &T) -> Result<(), Error> {
    value.serialize(Printer { out, place: Place::Document })
}

/// What a document holds that the printer does not print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn refused(what: impl fmt::Display) -> Error {
    Error(format!("the YAML printer does not print {what}: no generated document holds one"))
}

/// Where a value goes, which says what is written before and after it.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// The whole document.
    Document,
    /// After `key:`: a scalar follows on the line, a block starts on the
    /// next one, its entries indented by `indent`.
    Value { indent: usize },
    /// After a sequence's `- `: a block's first entry follows on the
    /// dash's line, the others are indented by `indent`.
    Item { indent: usize },
    /// A mapping key: a scalar, which its mapping follows with `:`.
    Key,
}

/// The serializer: prints one value at its place.
struct Printer<'a> {
    out: &'a mut String,
    place: Place,
}

impl<'a> Printer<'a> {
    fn scalar(self, text: &str) -> Result<(), Error> {
        self.scalar_with(|out| out.push_str(text))
    }

    fn string(self, text: &str) -> Result<(), Error> {
        self.scalar_with(|out| push_string(out, text))
    }

    fn integer(self, number: impl fmt::Display) -> Result<(), Error> {
        self.scalar_with(|out| {
            use std::fmt::Write as _;
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{number}");
        })
    }

    fn scalar_with(self, write: impl FnOnce(&mut String)) -> Result<(), Error> {
        if let Place::Value { .. } = self.place {
            self.out.push(' ');
        }
        write(self.out);
        if !matches!(self.place, Place::Key) {
            self.out.push('\n');
        }
        Ok(())
    }

    /// A mapping or sequence, written `empty` if it has no entries.
    fn block(self, empty: &'static str) -> Result<Block<'a>, Error> {
        let indent = match self.place {
            Place::Document => 0,
            Place::Value { indent } | Place::Item { indent } => indent,
            Place::Key => return Err(refused("a mapping key that is a mapping or a sequence")),
        };
        Ok(Block { out: self.out, place: self.place, indent, entries: 0, empty })
    }
}

/// A string scalar: plain when every YAML version reads it back as this
/// string, double-quoted otherwise.
fn push_string(out: &mut String, text: &str) {
    if is_yaml_plain_safe(text) {
        out.push_str(text);
    } else {
        out.push_str(&yaml_double_quoted(text));
    }
}

impl<'a> ser::Serializer for Printer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Block<'a>;
    type SerializeTuple = Block<'a>;
    type SerializeTupleStruct = Block<'a>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Block<'a>;
    type SerializeStruct = Block<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.scalar(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v)
    }

    /// As `serde_yaml` does: a number if it fits 64 bits, else a string.
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        if u64::try_from(v).is_ok() || i64::try_from(v).is_ok() {
            self.integer(v)
        } else {
            self.string(&v.to_string())
        }
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.integer(v)
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(v)
    }

    /// As `serde_yaml` does: a number if it fits 64 bits, else a string.
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        if u64::try_from(v).is_ok() { self.integer(v) } else { self.string(&v.to_string()) }
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(refused("a floating-point number"))
    }

    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(refused("a floating-point number"))
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(refused("raw bytes"))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.scalar("null")
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar("null")
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar("null")
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(refused(format_args!("the enum variant `{name}::{variant}` with data (YAML would need a tag)")))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Block<'a>, Error> {
        self.block("[]")
    }

    fn serialize_tuple(self, _: usize) -> Result<Block<'a>, Error> {
        self.block("[]")
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Block<'a>, Error> {
        self.block("[]")
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(refused(format_args!("the enum variant `{name}::{variant}` with data (YAML would need a tag)")))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Block<'a>, Error> {
        self.block("{}")
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Block<'a>, Error> {
        self.block("{}")
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(refused(format_args!("the enum variant `{name}::{variant}` with data (YAML would need a tag)")))
    }
}

/// A mapping or a sequence being printed, entry by entry.
struct Block<'a> {
    out: &'a mut String,
    place: Place,
    /// The entries' indentation.
    indent: usize,
    entries: usize,
    /// What the block is written as when it has no entries.
    empty: &'static str,
}

impl Block<'_> {
    /// Starts an entry's line.
    fn entry(&mut self) {
        let first = self.entries == 0;
        self.entries += 1;
        if first {
            match self.place {
                Place::Value { .. } => self.out.push('\n'),
                // The sequence's dash stands where this line's indentation would.
                Place::Item { .. } => return,
                Place::Document | Place::Key => {}
            }
        }
        self.out.extend(std::iter::repeat_n(' ', self.indent));
    }

    /// A sequence item: `- `, then the item.
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.entry();
        self.out.push_str("- ");
        value.serialize(Printer { out: self.out, place: Place::Item { indent: self.indent + 2 } })
    }

    /// What follows a key's `:`.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Printer { out: self.out, place: Place::Value { indent: self.indent + 2 } })
    }

    fn end(self) -> Result<(), Error> {
        if self.entries == 0 {
            Printer { out: self.out, place: self.place }.scalar(self.empty)
        } else {
            Ok(())
        }
    }
}

impl ser::SerializeSeq for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeTuple for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeTupleStruct for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeMap for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.entry();
        key.serialize(Printer { out: self.out, place: Place::Key })?;
        self.out.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

impl ser::SerializeStruct for Block<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.entry();
        push_string(self.out, key);
        self.out.push(':');
        self.value(value)
    }

    fn end(self) -> Result<(), Error> {
        Block::end(self)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_yaml::Value;

    use super::*;
    use errcat_model::text::yaml_string;

    /// Strings that YAML 1.1 or 1.2 resolve to something other than a
    /// string when written plain.
    const AMBIGUOUS: &[&str] = &[
        "NO",
        "no",
        "No",
        "Y",
        "y",
        "n",
        "N",
        "yes",
        "ON",
        "on",
        "Off",
        "true",
        "False",
        "null",
        "Null",
        "~",
        "",
        "=",
        "<<",
        "1_000",
        "0o17",
        "0x1F",
        "017",
        "1:20",
        "2001-12-14",
        ".inf",
        "-.Inf",
        ".NaN",
        "1e3",
        "+1",
        "-2",
        ".5",
        "400",
    ];

    #[test]
    fn ambiguous_strings_are_quoted() {
        for text in AMBIGUOUS {
            assert!(!is_yaml_plain_safe(text), "{text:?} must be quoted");
            assert!(yaml_string(text).starts_with('"'), "{text:?}");
        }
    }

    #[test]
    fn ordinary_text_stays_plain() {
        for text in
            ["ACCESS_TOKEN_EXPIRED", "Bad Request", "application/json", "$ref", "Ünïcödé", "x-enum-varnames"]
        {
            assert_eq!(yaml_string(text), text);
        }
        for text in ["a: b", "a #b", "#/components", "ends ", " starts", "*star", "[x]", "it's `code`"] {
            assert!(!is_yaml_plain_safe(text), "{text:?} must be quoted");
        }
    }

    #[test]
    fn escapes_what_readers_would_not_take_literally() {
        assert_eq!(yaml_string("a\"b\\c\nd\te"), r#""a\"b\\c\nd\te""#);
        assert_eq!(yaml_string("nel\u{85}ls\u{2028}bom\u{FEFF}"), r#""nel\u0085ls\u2028bom\uFEFF""#);
    }

    /// The printer this one replaced, kept as the reference for its output:
    /// it printed the `serde_yaml::Value` tree of a document.
    mod tree {
        use serde_yaml::Value;

        use errcat_model::text::yaml_string;

        pub fn print(tree: &Value) -> String {
            let mut out = String::new();
            match tree {
                Value::Mapping(map) if !map.is_empty() => write_mapping(&mut out, map, 0),
                Value::Sequence(seq) if !seq.is_empty() => write_sequence(&mut out, seq, 0),
                scalar => {
                    out.push_str(&scalar_text(scalar));
                    out.push('\n');
                }
            }
            out
        }

        fn write_mapping(out: &mut String, map: &serde_yaml::Mapping, indent: usize) {
            for (key, value) in map {
                out.push_str(&" ".repeat(indent));
                out.push_str(&scalar_text(key));
                out.push(':');
                write_nested(out, value, indent + 2);
            }
        }

        fn write_sequence(out: &mut String, seq: &[Value], indent: usize) {
            for item in seq {
                let mut block = String::new();
                match item {
                    Value::Mapping(map) if !map.is_empty() => write_mapping(&mut block, map, indent + 2),
                    Value::Sequence(inner) if !inner.is_empty() => {
                        write_sequence(&mut block, inner, indent + 2)
                    }
                    scalar => block.push_str(&format!("{}{}\n", " ".repeat(indent + 2), scalar_text(scalar))),
                }
                out.push_str(&" ".repeat(indent));
                out.push_str("- ");
                out.push_str(&block[indent + 2..]);
            }
        }

        fn write_nested(out: &mut String, value: &Value, indent: usize) {
            match value {
                Value::Mapping(map) if !map.is_empty() => {
                    out.push('\n');
                    write_mapping(out, map, indent);
                }
                Value::Sequence(seq) if !seq.is_empty() => {
                    out.push('\n');
                    write_sequence(out, seq, indent);
                }
                scalar => {
                    out.push(' ');
                    out.push_str(&scalar_text(scalar));
                    out.push('\n');
                }
            }
        }

        fn scalar_text(value: &Value) -> String {
            match value {
                Value::Null => "null".to_owned(),
                Value::Bool(b) => b.to_string(),
                Value::Number(n) => n.to_string(),
                Value::String(s) => yaml_string(s),
                Value::Sequence(_) => "[]".to_owned(),
                Value::Mapping(_) => "{}".to_owned(),
                Value::Tagged(tagged) => panic!("no tags in these tests: {}", tagged.tag),
            }
        }
    }

    /// `value` printed, checked against what the tree printer printed.
    #[track_caller]
    fn printed<T: Serialize>(value: &T) -> String {
        let printed = to_string(value).expect("printable");
        let tree = serde_yaml::to_value(value).expect("serializes to a tree");
        assert_eq!(printed, tree::print(&tree), "as the tree printer printed it");
        printed
    }

    #[derive(Serialize)]
    struct Sample {
        name: &'static str,
        code: u32,
        empty: OrderedMap<u32>,
        list: Vec<OrderedMap<&'static str>>,
        nested: Vec<Vec<&'static str>>,
        map: OrderedMap<Vec<&'static str>>,
    }

    fn sample() -> Sample {
        let mut item = OrderedMap::new();
        item.push("NO", "Y");
        item.push("z", "a");
        let mut map = OrderedMap::new();
        map.push("b", vec!["1:20", "x"]);
        map.push("a", vec![]);
        Sample {
            name: "Two\nlines: yes",
            code: 4032251,
            empty: OrderedMap::new(),
            list: vec![item, OrderedMap::new()],
            nested: vec![vec!["on", "off"], vec![]],
            map,
        }
    }

    #[test]
    fn prints_block_yaml_in_insertion_order() {
        let expected = "\
name: \"Two\\nlines: yes\"
code: 4032251
empty: {}
list:
  - \"NO\": \"Y\"
    z: a
  - {}
nested:
  - - \"on\"
    - \"off\"
  - []
map:
  b:
    - \"1:20\"
    - x
  a: []
";
        assert_eq!(printed(&sample()), expected);
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        #[serde(rename = "on")]
        Ambiguous,
    }

    #[derive(Serialize)]
    struct Awkward {
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        #[serde(rename = "a key: with markup")]
        none: Option<u32>,
        some: Option<bool>,
        unit: (),
        negative: i64,
        huge: u128,
        kinds: (Kind, Kind),
        letter: char,
        texts: Vec<&'static str>,
        seq_of_maps_in_seqs: Vec<Vec<OrderedMap<Vec<u8>>>>,
        keys: OrderedMap<OrderedMap<()>>,
    }

    #[test]
    fn prints_every_construct_a_document_may_hold() {
        let mut deep = OrderedMap::new();
        deep.push("x", vec![1, 2]);
        deep.push("y", vec![]);
        let mut keys = OrderedMap::new();
        keys.push("", OrderedMap::new());
        keys.push("#/components", OrderedMap(vec![("-".to_owned(), ())]));
        let awkward = Awkward {
            skipped: None,
            none: None,
            some: Some(false),
            unit: (),
            negative: -12,
            huge: u128::MAX,
            kinds: (Kind::Plain, Kind::Ambiguous),
            letter: '#',
            texts: vec!["multi\nline\n", "tab\there", "it's plain", "", "$ref"],
            seq_of_maps_in_seqs: vec![vec![deep, OrderedMap::new()], vec![]],
            keys,
        };
        let expected = r##""a key: with markup": null
some: false
unit: null
negative: -12
huge: "340282366920938463463374607431768211455"
kinds:
  - Plain
  - "on"
letter: "#"
texts:
  - "multi\nline\n"
  - "tab\there"
  - it's plain
  - ""
  - $ref
seq_of_maps_in_seqs:
  - - x:
        - 1
        - 2
      "y": []
    - {}
  - []
keys:
  "": {}
  "#/components":
    "-": null
"##;
        assert_eq!(printed(&awkward), expected);
    }

    #[test]
    fn a_lone_scalar_or_empty_block_is_a_document_of_one_line() {
        assert_eq!(printed(&"yes"), "\"yes\"\n");
        assert_eq!(printed(&7), "7\n");
        assert_eq!(printed(&Vec::<u8>::new()), "[]\n");
        assert_eq!(printed(&OrderedMap::<u8>::new()), "{}\n");
        assert_eq!(printed(&vec![vec![vec![1]]]), "- - - 1\n");
    }

    /// Serializes as raw bytes, as `serde_bytes` does.
    struct Bytes;

    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(b"ab")
        }
    }

    /// Fails as a `Serialize` impl may.
    struct Failing;

    impl Serialize for Failing {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(ser::Error::custom("cannot serialize this"))
        }
    }

    #[derive(Serialize)]
    #[allow(dead_code, reason = "only serialized")]
    enum WithData {
        Newtype(u32),
        Tuple(u32, u32),
        Struct { a: u32 },
    }

    #[test]
    fn refuses_what_yaml_would_need_a_tag_or_a_float_for() {
        let refused = |result: Result<String, Error>| result.expect_err("refused").to_string();
        assert!(refused(to_string(&vec![1.5])).contains("a floating-point number"));
        assert!(refused(to_string(&Bytes)).contains("raw bytes"));
        for value in [WithData::Newtype(1), WithData::Tuple(1, 2), WithData::Struct { a: 1 }] {
            let message = refused(to_string(&OrderedMap(vec![("k".to_owned(), value)])));
            assert!(message.contains("the enum variant `WithData::"), "{message}");
        }
        let mut map = std::collections::BTreeMap::new();
        map.insert(vec![1], 2);
        assert!(refused(to_string(&map)).contains("a mapping key that is a mapping or a sequence"));
        assert_eq!(refused(to_string(&vec![Failing])), "cannot serialize this");
    }

    #[test]
    fn reads_back_as_the_same_tree() {
        let printed = printed(&sample());
        let read: Value = serde_yaml::from_str(&printed).expect("printed YAML parses");
        assert_eq!(read, serde_yaml::to_value(sample()).expect("serializes"));
        for text in AMBIGUOUS.iter().chain(["a\u{85}b", "\u{2029}", "tab\there"].iter()) {
            let read: String = serde_yaml::from_str(&yaml_string(text)).expect("a string scalar parses");
            assert_eq!(&read, text);
        }
    }

    fn scalar() -> impl Strategy<Value = Value> {
        let text = prop_oneof![
            proptest::sample::select(AMBIGUOUS).prop_map(str::to_owned),
            "[a-zA-Z0-9$ :#\"'\n\t\u{85}-]{0,6}",
        ];
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(|n| Value::Number(n.into())),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            text.prop_map(Value::String),
        ]
    }

    /// Trees of every shape, without tags or floats (no document has them).
    fn tree() -> impl Strategy<Value = Value> {
        scalar().prop_recursive(5, 60, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Sequence),
                proptest::collection::vec((scalar(), inner), 0..4)
                    .prop_map(|entries| Value::Mapping(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn prints_any_tree_as_the_tree_printer_did(value in tree()) {
            prop_assert_eq!(to_string(&value).expect("printable"), tree::print(&value));
        }
    }
}
