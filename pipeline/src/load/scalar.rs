//! What a scalar of the tree reads as, where that is plain without asking
//! `serde_yaml`: text whatever type is asked of it, or a small whole
//! number. Anything else (a tag, a word YAML reads as null or a boolean,
//! any other number) is read through a document of its own, so that it
//! resolves exactly as in the whole file.
//!
//! The rules are `serde_yaml`'s (`de.rs`, `visit_untagged_scalar` and the
//! `deserialize_*` methods): a quoted or block scalar without a tag is
//! text; so is a plain one that is not empty, null (`null`, `Null`,
//! `NULL`, `~`), a boolean (`true`, `True`, `TRUE` and the three
//! `false`), an integer or a float. A plain scalar that starts with a
//! letter is none of those: an integer or float starts with a digit, a
//! sign or a dot, and the words a float may be (`inf`, `nan`) read as
//! infinite or not a number, which `serde_yaml` takes for text.

/// A scalar, as far as it is known without `serde_yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resolved<'a> {
    /// Text, whatever type is asked of it.
    Text(&'a str),
    /// A whole number in decimal digits, no larger than `i64::MAX`: every
    /// integer type asked of it reads it, and text reads its digits.
    Whole(u64),
    /// Ask `serde_yaml`.
    Ask,
}

/// What the scalar `value` reads as: written `plain` (not quoted, not a
/// block) or not, with its tag if it has one.
pub(super) fn resolve<'a>(value: &'a str, plain: bool, tag: Option<&str>) -> Resolved<'a> {
    if tag.is_some() {
        return Resolved::Ask;
    }
    if !plain {
        return Resolved::Text(value);
    }
    let Some(first) = value.chars().next() else { return Resolved::Ask };
    if first.is_alphabetic() {
        return match value {
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => {
                Resolved::Ask
            }
            _ => Resolved::Text(value),
        };
    }
    // A leading zero makes digits text (YAML 1.2), or octal elsewhere: asked.
    let digits = value.bytes().all(|byte| byte.is_ascii_digit());
    if digits
        && (value.len() == 1 || first != '0')
        && let Some(whole) = value.parse::<i64>().ok().and_then(|whole| u64::try_from(whole).ok())
    {
        return Resolved::Whole(whole);
    }
    Resolved::Ask
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::fmt::Debug;

    use proptest::prelude::*;
    use serde::Deserialize;
    use serde::de::{DeserializeOwned, IgnoredAny};

    use super::*;
    use crate::load::tree::{Budget, Kind, Node, NodeDeserializer, Path};
    use errcat_model::spec::{
        SpecAttributeValue, SpecCode, SpecHttpStatus, SpecOtherName, SpecParamType, SpecTableKind,
    };

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "read for its Debug form")]
    enum Variant {
        Plain,
        Newtype(String),
        Pair(u8, u8),
        Fields { a: u8 },
    }

    /// Everything a visitor may be given, as text.
    #[derive(Debug)]
    #[allow(dead_code, reason = "read for its Debug form")]
    enum Any {
        Unit,
        Bool(bool),
        Signed(i128),
        Unsigned(u128),
        Float(String),
        Text(String),
        Some(Box<Any>),
        None,
        Other,
    }

    impl<'de> Deserialize<'de> for Any {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Any, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Any;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("anything")
                }
                fn visit_unit<E>(self) -> Result<Any, E> {
                    Ok(Any::Unit)
                }
                fn visit_none<E>(self) -> Result<Any, E> {
                    Ok(Any::None)
                }
                fn visit_some<D: serde::Deserializer<'de>>(self, inner: D) -> Result<Any, D::Error> {
                    Any::deserialize(inner).map(|any| Any::Some(Box::new(any)))
                }
                fn visit_bool<E>(self, v: bool) -> Result<Any, E> {
                    Ok(Any::Bool(v))
                }
                fn visit_i64<E>(self, v: i64) -> Result<Any, E> {
                    Ok(Any::Signed(v.into()))
                }
                fn visit_i128<E>(self, v: i128) -> Result<Any, E> {
                    Ok(Any::Signed(v))
                }
                fn visit_u64<E>(self, v: u64) -> Result<Any, E> {
                    Ok(Any::Unsigned(v.into()))
                }
                fn visit_u128<E>(self, v: u128) -> Result<Any, E> {
                    Ok(Any::Unsigned(v))
                }
                fn visit_f64<E>(self, v: f64) -> Result<Any, E> {
                    Ok(Any::Float(format!("{v:?}")))
                }
                fn visit_str<E>(self, v: &str) -> Result<Any, E> {
                    Ok(Any::Text(v.to_owned()))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Any, A::Error> {
                    Ok(Any::Other)
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<Any, A::Error> {
                    Ok(Any::Other)
                }
            }
            deserializer.deserialize_any(Visitor)
        }
    }

    /// `T` read from the scalar through the tree, and through a document of
    /// its own (as every scalar was before), each as its `Debug` form or
    /// its message without the document's position.
    fn both<T: DeserializeOwned + Debug>(node: &Node) -> (String, String) {
        fn shown<T: Debug>(read: Result<T, serde_yaml::Error>) -> String {
            match read {
                Ok(value) => format!("{value:?}"),
                Err(e) => {
                    let message = e.to_string();
                    message.rfind(" at line ").map_or(message.clone(), |i| message[..i].to_owned())
                }
            }
        }
        let budget = Budget::new(64, 1 << 20);
        let Kind::Scalar { value, plain, tag } = &*node.kind else { unreachable!("a scalar") };
        let tree = T::deserialize(NodeDeserializer { node, budget: &budget, path: &Path::Root });
        let document = T::deserialize(NodeDeserializer::scalar(value, *plain, tag));
        (shown(tree), shown(document))
    }

    fn agree(value: &str, plain: bool, tag: Option<&str>) -> Result<(), TestCaseError> {
        let node = Node::scalar(value, plain, tag);
        macro_rules! each {
            ($($t:ty),*) => {$(
                let (tree, document) = both::<$t>(&node);
                prop_assert_eq!(tree, document, "{:?} (plain: {}, tag: {:?}) as {}", value, plain, tag, stringify!($t));
            )*};
        }
        each!(
            Any, String, Option<String>, Option<u32>, Option<bool>, bool, u8, u16, u32, u64, u128, i8, i16, i32,
            i64, i128, f64, char, (), Vec<String>, BTreeMap<String, String>, (u8, u8), Variant,
            Option<Variant>, IgnoredAny, SpecCode, SpecHttpStatus, SpecTableKind, SpecParamType,
            SpecAttributeValue, SpecOtherName
        );
        Ok(())
    }

    /// Scalars around the edges of YAML's resolution.
    const EDGES: &[&str] = &[
        "",
        "~",
        "null",
        "Null",
        "NULL",
        "nULL",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "False",
        "FALSE",
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "inf",
        "nan",
        "NaN",
        "infinity",
        "Infinity",
        ".inf",
        "-.inf",
        ".nan",
        "0",
        "00",
        "01",
        "-0",
        "+0",
        "007",
        "0x1F",
        "0o17",
        "0b101",
        "-0x1",
        "+12",
        "-12",
        "1e3",
        "1.5",
        "1_000",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "340282366920938463463374607431768211456",
        "255",
        "256",
        "65536",
        "4294967296",
        "é",
        "Ünïcödé",
        "ǅ",
        "a b",
        "Plain",
        "Newtype",
        "x",
        "retry_later",
        "none",
        "None",
        "404",
        "70000",
        "-",
        "a: b",
        "# x",
    ];

    /// No tag, YAML's own (what `!!str` stands for), and local ones, which
    /// `serde_yaml` reads as an enum's variant.
    const TAGS: &[Option<&str>] = &[
        None,
        Some("tag:yaml.org,2002:str"),
        Some("tag:yaml.org,2002:int"),
        Some("tag:yaml.org,2002:float"),
        Some("tag:yaml.org,2002:bool"),
        Some("tag:yaml.org,2002:null"),
        Some("!Plain"),
        Some("!Newtype"),
        Some("!Pair"),
        Some("!Fields"),
        Some("!"),
    ];

    #[test]
    fn the_tree_reads_each_edge_as_its_own_document_does() {
        for value in EDGES {
            for plain in [true, false] {
                for tag in TAGS {
                    if let Err(e) = agree(value, plain, *tag) {
                        panic!("{e}");
                    }
                }
            }
        }
    }

    fn scalar() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(EDGES).prop_map(str::to_owned),
            "[0-9]{1,21}",
            "[-+]?[0-9]{0,4}([._][0-9]{0,3})?(e[-+]?[0-9]{1,3})?",
            "[A-Za-zÀ-ÿ][A-Za-z0-9_ .-]{0,12}",
            "\\PC{0,8}",
        ]
    }

    proptest! {
        #[test]
        fn the_tree_reads_a_scalar_as_its_own_document_does(
            value in scalar(),
            plain: bool,
            tag in proptest::sample::select(TAGS),
        ) {
            agree(&value, plain, tag)?;
        }
    }

    #[test]
    fn text_and_whole_numbers_are_known_without_asking() {
        assert_eq!(resolve("4001", true, None), Resolved::Whole(4001));
        assert_eq!(resolve("Not found", true, None), Resolved::Text("Not found"));
        assert_eq!(resolve("404", false, None), Resolved::Text("404"));
        for asked in ["", "007", "true", "Null", "-1", "1.5", "9223372036854775808", ".inf"] {
            assert_eq!(resolve(asked, true, None), Resolved::Ask, "{asked}");
        }
        assert_eq!(resolve("text", false, Some("tag:yaml.org,2002:str")), Resolved::Ask);
    }
}
