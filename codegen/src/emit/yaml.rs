//! Block-style YAML for generated documents, readable alike by YAML 1.2
//! parsers and YAML 1.1 ones (PyYAML, SnakeYAML).
//!
//! Documents are typed serde structs; `serde_yaml::to_value` turns them
//! into a tree, and this module prints it. It exists because
//! `serde_yaml`'s own serializer decides quoting by the YAML 1.2 core
//! schema only: it writes `NO`, `Y`, `on`, `1_000` or `2001-12-14` plain,
//! and a YAML 1.1 reader takes those for booleans, numbers and dates.
//! Here a string is written plain only when it starts with a letter and
//! holds nothing that any YAML version reads as markup
//! ([`crate::text::is_yaml_plain_safe`]); every other string is double-quoted, which every
//! YAML version reads as a string.

use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_yaml::Value;

// The loader quotes spec text with the same escaper.
use crate::text::yaml_string;

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
pub fn to_string<T: Serialize>(value: &T) -> String {
    // The generator's document types are structs, strings, integers and
    // maps with string keys, all of which `to_value` accepts.
    let tree = serde_yaml::to_value(value).expect("generated documents serialize to YAML");
    let mut out = String::new();
    match &tree {
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
        // A nested block starts on the dash's line: write it at the
        // deeper indent, then put the dash in place of its first spaces.
        let mut block = String::new();
        match item {
            Value::Mapping(map) if !map.is_empty() => write_mapping(&mut block, map, indent + 2),
            Value::Sequence(inner) if !inner.is_empty() => write_sequence(&mut block, inner, indent + 2),
            scalar => {
                let _ = writeln!(block, "{}{}", " ".repeat(indent + 2), scalar_text(scalar));
            }
        }
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        out.push_str(&block[indent + 2..]);
    }
}

/// The value after `key:`: a scalar on the same line, a block below it.
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
        // Typed documents never carry YAML tags.
        Value::Tagged(tagged) => unreachable!("a generated document has a YAML tag: {}", tagged.tag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::is_yaml_plain_safe;

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
        assert_eq!(to_string(&sample()), expected);
    }

    #[test]
    fn reads_back_as_the_same_tree() {
        let printed = to_string(&sample());
        let read: Value = serde_yaml::from_str(&printed).expect("printed YAML parses");
        assert_eq!(read, serde_yaml::to_value(sample()).expect("serializes"));
        for text in AMBIGUOUS.iter().chain(["a\u{85}b", "\u{2029}", "tab\there"].iter()) {
            let read: String = serde_yaml::from_str(&yaml_string(text)).expect("a string scalar parses");
            assert_eq!(&read, text);
        }
    }
}
