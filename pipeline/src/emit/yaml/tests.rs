//! The printer's tests: quoting, layout, refusals, and the old tree printer.

use proptest::prelude::*;
use serde_yaml::Value;

use super::*;
use errcat_model::text::{is_yaml_plain_safe, yaml_string};

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
                Value::Sequence(inner) if !inner.is_empty() => write_sequence(&mut block, inner, indent + 2),
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

#[test]
fn a_finite_number_is_written_so_that_it_reads_back_as_a_number() {
    assert_eq!(to_string(&vec![2.5, 3.0, -0.125]).expect("printed"), "- 2.5\n- 3.0\n- -0.125\n");
}

#[derive(Serialize)]
#[allow(dead_code, reason = "only serialized")]
enum WithData {
    Newtype(u32),
    Tuple(u32, u32),
    Struct { a: u32 },
}

#[test]
fn refuses_what_yaml_would_need_a_tag_for() {
    let refused = |result: Result<String, Error>| result.expect_err("refused").to_string();
    assert!(refused(to_string(&vec![f64::NAN])).contains("an infinite or NaN number"));
    assert!(refused(to_string(&vec![f64::INFINITY])).contains("an infinite or NaN number"));
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

/// A block printed ahead as text, nested in typed values, prints as the
/// same values typed would; anywhere but as a mapping's value it is refused.
#[test]
fn a_printed_block_is_the_bytes_of_the_values_it_stands_for() {
    let mut printed = Printed::new();
    printed.string(0, "title", "yes: no");
    printed.plain(0, "count", 42);
    printed.open(0, "required");
    printed.item_string(2, "code");
    printed.item_plain(2, 7);
    printed.open(0, "allOf");
    printed.item_schema_ref(2, "ErrorBody");
    printed.item_schema_ref(2, "Not an identifier: \"");
    printed.open(0, "properties");
    printed.open(2, "on");
    printed.string(4, "type", "string");
    let typed: Value = serde_yaml::from_str(
        "title: 'yes: no'\ncount: 42\nrequired: [code, 7]\nallOf: [{$ref: '#/components/schemas/ErrorBody'}, {$ref: '#/components/schemas/Not an identifier: \"'}]\n\
         properties: {'on': {type: string}}\n",
    )
    .expect("YAML");
    let mut with_printed = OrderedMap::new();
    with_printed.push("schemas", OrderedMap(vec![("Row".to_owned(), printed.clone())]));
    let mut with_typed = OrderedMap::new();
    with_typed.push("schemas", OrderedMap(vec![("Row".to_owned(), typed)]));
    assert_eq!(to_string(&with_printed).unwrap(), to_string(&with_typed).unwrap());
    // Printed for its place (`schemas:`, `Row:`), or for any other, the same bytes.
    for base in [4, 8] {
        let mut placed = Printed::at(base, 0);
        placed.string(0, "title", "yes: no");
        placed.plain(0, "count", 42);
        placed.open(0, "required");
        placed.item_string(2, "code");
        placed.item_plain(2, 7);
        placed.open(0, "allOf");
        placed.item_schema_ref(2, "ErrorBody");
        placed.item_schema_ref(2, "Not an identifier: \"");
        // Lines printed for another place, appended.
        let mut properties = Printed::at(base + 2, 0);
        properties.open(0, "properties");
        properties.open(2, "on");
        properties.string(4, "type", "string");
        placed.append(&properties);
        let mut with_placed = OrderedMap::new();
        with_placed.push("schemas", OrderedMap(vec![("Row".to_owned(), placed)]));
        assert_eq!(to_string(&with_placed).unwrap(), to_string(&with_typed).unwrap(), "printed at {base}");
    }
    let mut empty = OrderedMap::new();
    empty.push("schemas", Printed::new());
    assert_eq!(to_string(&empty).unwrap(), "schemas: {}\n");
    assert!(to_string(&printed).is_err(), "a whole document");
    assert!(to_string(&vec![printed]).is_err(), "a sequence item");
}
