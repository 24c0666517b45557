//! The tree's serde `Deserializer`: collections walked, each scalar
//! resolved as `serde_yaml` resolves it.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_yaml::Error;

use super::super::scalar::{self, Resolved};
use super::asked::{Asked, Capture, UnitVariant};
use super::path::{self, Path};
use super::{Budget, Kind, Node, REPETITION};

/// A node as a serde `Deserializer`. Collections are walked here; a
/// scalar that is text whatever is asked of it, or a small whole number,
/// is handed to the visitor here too (`load::scalar`), and any other is
/// handed to `serde_yaml` as a one-value document, so it resolves exactly
/// as in the whole file. Every step spends from `budget`, so aliases that
/// expand without end, or past the budget's bytes, stop early. A
/// failing reading notes its `path` (`tree::path`).
#[derive(Clone, Copy)]
pub(in crate::load) struct NodeDeserializer<'a> {
    pub(in crate::load) node: &'a Node,
    pub(in crate::load) budget: &'a Budget,
    pub(in crate::load) path: &'a Path<'a>,
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
            self.budget.over.set(true);
            return Err(de::Error::custom(REPETITION));
        }
        self.budget.steps.set(steps - 1);
        self.budget.bytes.set(bytes - text);
        Ok(())
    }

    /// The deserializer of `node`, at `path` below this one's.
    pub(super) fn at<'b>(&self, node: &'b Node, path: &'b Path<'b>) -> NodeDeserializer<'b>
    where
        'a: 'b,
    {
        NodeDeserializer { node, budget: self.budget, path }
    }

    /// `error`, noted as this node's unless a node below failed first.
    pub(super) fn fail(&self, error: Error) -> Error {
        path::fail(self.path, self.budget);
        error
    }

    /// `read`'s result, a failure noted as this node's.
    fn tracked<T>(self, read: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
        read().map_err(|error| self.fail(error))
    }

    /// The scalar as a document of its own, read by `serde_yaml`.
    pub(in crate::load) fn scalar(
        value: &str,
        plain: bool,
        tag: &Option<String>,
    ) -> serde_yaml::Deserializer<'static> {
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

    /// The node's scalar, after spending a step on it: as far as it is
    /// known without `serde_yaml`, and the document to ask otherwise;
    /// `None` for a collection.
    fn scalar_read(&self) -> Result<Option<(Resolved<'a>, ScalarDocument<'a>)>, Error> {
        self.spend()?;
        Ok(match &*self.node.kind {
            Kind::Scalar { value, plain, tag } => Some((
                scalar::resolve(value, *plain, tag.as_deref()),
                ScalarDocument { value, plain: *plain, tag },
            )),
            _ => None,
        })
    }

    pub(in crate::load) fn unexpected(&self) -> Unexpected<'static> {
        match &*self.node.kind {
            Kind::Sequence(_) => Unexpected::Seq,
            _ => Unexpected::Map,
        }
    }
}

/// A scalar's text, style and tag, to be read by `serde_yaml` on its own.
struct ScalarDocument<'a> {
    value: &'a str,
    plain: bool,
    tag: &'a Option<String>,
}

impl ScalarDocument<'_> {
    /// Asks `serde_yaml` to read the scalar (`read` calls one method of
    /// its deserializer, with the stand-in visitor), then gives `visitor`
    /// what it visited; `node` is the scalar's, to read a `Some` on.
    fn ask<'de, V: Visitor<'de>>(
        &self,
        node: NodeDeserializer<'_>,
        visitor: V,
        read: impl FnOnce(serde_yaml::Deserializer<'static>, Capture<'_>) -> Result<Asked, Error>,
    ) -> Result<V::Value, Error> {
        let asked = read(NodeDeserializer::scalar(self.value, self.plain, self.tag), Capture(&visitor))?;
        asked.replay(visitor, node, self.tag.as_deref())
    }
}

/// What `serde_yaml` says of a scalar read as a type it is not (a boolean,
/// a number, a collection): the value as it resolves, and what was expected.
fn not_a(resolved: Resolved<'_>, expected: &dyn de::Expected) -> Error {
    match resolved {
        Resolved::Text(text) => de::Error::invalid_type(Unexpected::Str(text), expected),
        Resolved::Whole(whole) => de::Error::invalid_type(Unexpected::Unsigned(whole), expected),
        Resolved::Ask => de::Error::custom("a scalar asked of serde_yaml"),
    }
}

/// Whether plain text could be YAML for something other than a string:
/// empty, or a word or number without spaces or markup (a lone `-`
/// would start a list).
fn may_resolve(value: &str) -> bool {
    value.chars().all(|c| c.is_ascii_alphanumeric() || "+-._~".contains(c)) && value != "-"
}

/// Methods for which text is a wrong type, and a whole number is read as
/// `$whole` says: by a visit of that type, as no number (`no`), or by
/// `serde_yaml` (`ask`).
macro_rules! scalar_typed {
    ($($method:ident => $whole:tt;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.tracked(|| match self.scalar_read()? {
                Some((Resolved::Ask, document)) => document.ask(self, visitor, |yaml, capture| yaml.$method(capture)),
                Some((Resolved::Text(text), _)) => Err(not_a(Resolved::Text(text), &visitor)),
                Some((Resolved::Whole(whole), document)) => {
                    // Each way of reading it needs one of the two.
                    let _ = (&whole, &document);
                    scalar_typed!(@whole $whole, whole, document, self, visitor, $method)
                }
                None => self.collection_as_any(visitor),
            })
        }
    )*};
    (@whole ask, $n:ident, $document:ident, $node:ident, $visitor:ident, $method:ident) => {
        $document.ask($node, $visitor, |yaml, capture| yaml.$method(capture))
    };
    (@whole no, $n:ident, $document:ident, $node:ident, $visitor:ident, $method:ident) => {
        Err(not_a(Resolved::Whole($n), &$visitor))
    };
    (@whole u64, $n:ident, $document:ident, $node:ident, $visitor:ident, $method:ident) => {
        $visitor.visit_u64($n)
    };
    (@whole u128, $n:ident, $document:ident, $node:ident, $visitor:ident, $method:ident) => {
        $visitor.visit_u128(u128::from($n))
    };
    (@whole i128, $n:ident, $document:ident, $node:ident, $visitor:ident, $method:ident) => {
        $visitor.visit_i128(i128::from($n))
    };
    // At most `i64::MAX` (`load::scalar`), so this always converts.
    (@whole i64, $n:ident, $document:ident, $node:ident, $visitor:ident, $method:ident) => {
        match i64::try_from($n) {
            Ok(n) => $visitor.visit_i64(n),
            Err(_) => $document.ask($node, $visitor, |yaml, capture| yaml.$method(capture)),
        }
    };
}

impl<'a> NodeDeserializer<'a> {
    /// A collection where a scalar was asked: read as whatever it is, so
    /// the visitor says what it expected.
    fn collection_as_any<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &*self.node.kind {
            Kind::Sequence(items) => {
                visitor.visit_seq(Items { items: items.iter(), next: 0, deserializer: self })
            }
            Kind::Mapping(entries) => {
                visitor.visit_map(Entries { entries: entries.iter(), key: None, deserializer: self })
            }
            Kind::Scalar { .. } => Err(de::Error::custom("a scalar read as a collection")),
        }
    }
}

/// Each method that visits notes a failure as its node's (`tracked`), as
/// one that only hands the node on to another method needs not.
impl<'de> Deserializer<'de> for NodeDeserializer<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| match self.scalar_read()? {
            Some((Resolved::Text(text), _)) => visitor.visit_str(text),
            Some((Resolved::Whole(whole), _)) => visitor.visit_u64(whole),
            Some((Resolved::Ask, document)) => {
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_any(capture))
            }
            None => self.collection_as_any(visitor),
        })
    }

    scalar_typed! {
        deserialize_bool => no;
        deserialize_i8 => i64;
        deserialize_i16 => i64;
        deserialize_i32 => i64;
        deserialize_i64 => i64;
        deserialize_i128 => i128;
        deserialize_u8 => u64;
        deserialize_u16 => u64;
        deserialize_u32 => u64;
        deserialize_u64 => u64;
        deserialize_u128 => u128;
        deserialize_f32 => ask;
        deserialize_f64 => ask;
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| match self.scalar_read()? {
            Some((_, document)) => {
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_bytes(capture))
            }
            None => self.collection_as_any(visitor),
        })
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| match self.scalar_read()? {
            Some((Resolved::Text(text), _)) => Err(de::Error::invalid_value(Unexpected::Str(text), &"null")),
            Some((Resolved::Whole(_), document)) => {
                Err(de::Error::invalid_value(Unexpected::Str(document.value), &"null"))
            }
            Some((Resolved::Ask, document)) => {
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_unit(capture))
            }
            None => self.collection_as_any(visitor),
        })
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    /// `serde_yaml` reads any scalar as text, as written.
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| {
            self.spend()?;
            match &*self.node.kind {
                Kind::Scalar { value, .. } => visitor.visit_str(value),
                _ => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
            }
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    /// What is not null is read (and spent on) by the visitor.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| match &*self.node.kind {
            Kind::Scalar { value, plain, tag }
                if scalar::resolve(value, *plain, tag.as_deref()) == Resolved::Ask =>
            {
                self.spend()?;
                let document = ScalarDocument { value, plain: *plain, tag };
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_option(capture))
            }
            _ => visitor.visit_some(self),
        })
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &*self.node.kind {
            Kind::Scalar { .. } => self.deserialize_unit(visitor),
            _ => self.tracked(|| {
                self.spend()?;
                Err(de::Error::invalid_type(self.unexpected(), &visitor))
            }),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.tracked(|| visitor.visit_newtype_struct(self))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| match self.scalar_read()? {
            Some((Resolved::Ask, document)) => {
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_seq(capture))
            }
            Some((resolved, _)) => Err(not_a(resolved, &visitor)),
            None => match &*self.node.kind {
                Kind::Mapping(_) => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
                _ => self.collection_as_any(visitor),
            },
        })
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
        self.tracked(|| match self.scalar_read()? {
            Some((Resolved::Ask, document)) => {
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_map(capture))
            }
            Some((resolved, _)) => Err(not_a(resolved, &visitor)),
            None => match &*self.node.kind {
                Kind::Sequence(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
                _ => self.collection_as_any(visitor),
            },
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &*self.node.kind {
            Kind::Scalar { .. } => self.tracked(|| match self.scalar_read()? {
                Some((Resolved::Ask, document)) => document
                    .ask(self, visitor, |yaml, capture| yaml.deserialize_struct(name, fields, capture)),
                Some((resolved, _)) => Err(not_a(resolved, &visitor)),
                None => self.collection_as_any(visitor),
            }),
            _ => self.deserialize_map(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.tracked(|| match self.scalar_read()? {
            Some((Resolved::Ask, document)) => {
                document.ask(self, visitor, |yaml, capture| yaml.deserialize_enum(name, variants, capture))
            }
            // The variant is the scalar's text, as written; it has no content.
            Some((_, document)) => {
                visitor.visit_enum(UnitVariant { variant: document.value.to_owned(), of: self })
            }
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.tracked(|| visitor.visit_unit())
    }
}

/// A sequence's items, each read at its index.
pub(super) struct Items<'a> {
    pub(super) items: std::slice::Iter<'a, Node>,
    /// The index of the next item.
    pub(super) next: usize,
    pub(super) deserializer: NodeDeserializer<'a>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.next() else { return Ok(None) };
        let path = Path::Index(self.deserializer.path, self.next);
        self.next += 1;
        let item = self.deserializer.at(node, &path);
        seed.deserialize(item).map(Some).map_err(|error| item.fail(error))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A mapping's entries, each value read at its key.
pub(super) struct Entries<'a> {
    pub(super) entries: std::slice::Iter<'a, (Node, Node)>,
    /// The entry whose key was read last, for its value.
    pub(super) key: Option<&'a (Node, Node)>,
    pub(super) deserializer: NodeDeserializer<'a>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else { return Ok(None) };
        self.key = Some(entry);
        let path = Path::Key(self.deserializer.path, &entry.0);
        let key = self.deserializer.at(&entry.0, &path);
        seed.deserialize(key).map(Some).map_err(|error| key.fail(error))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.key.take() else {
            let error = de::Error::custom("a mapping value was read before its key");
            return Err(self.deserializer.fail(error));
        };
        let path = Path::Value(self.deserializer.path, key);
        let value = self.deserializer.at(value, &path);
        seed.deserialize(value).map_err(|error| value.fail(error))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
