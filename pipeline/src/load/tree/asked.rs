//! A scalar read by `serde_yaml` on its own, without handing it the
//! spec types' visitors: a stand-in visitor ([`Capture`]) notes what
//! `serde_yaml` visits, and the note is then given to the real visitor
//! ([`Asked::replay`]). So `serde_yaml`'s deserializer is compiled once
//! per method, not once per spec type; a `Some` or an enum's content is
//! read on through the tree.

use std::fmt;
use std::rc::Rc;

use serde::de::{
    self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_yaml::Error;

use super::de::{Entries, Items, NodeDeserializer};
use super::{Kind, Node, Path};

/// What `serde_yaml` visited a scalar as.
pub(super) enum Asked {
    Unit,
    None,
    Some,
    Bool(bool),
    I64(i64),
    I128(i128),
    U64(u64),
    U128(u128),
    F64(f64),
    Str(String),
    /// An empty plain scalar read as a sequence or a mapping.
    Seq,
    Map,
    /// A variant named by the scalar's text, or by its local tag.
    Enum(String),
}

/// The stand-in visitor: it expects what the real one expects, so that
/// `serde_yaml`'s messages name it, and accepts whatever it is given.
pub(super) struct Capture<'a>(pub(super) &'a dyn de::Expected);

impl<'de> Visitor<'de> for Capture<'_> {
    type Value = Asked;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.fmt(f)
    }

    fn visit_unit<E>(self) -> Result<Asked, E> {
        Ok(Asked::Unit)
    }

    fn visit_none<E>(self) -> Result<Asked, E> {
        Ok(Asked::None)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, _: D) -> Result<Asked, D::Error> {
        Ok(Asked::Some)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Asked, E> {
        Ok(Asked::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Asked, E> {
        Ok(Asked::I64(v))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Asked, E> {
        Ok(Asked::I128(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Asked, E> {
        Ok(Asked::U64(v))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Asked, E> {
        Ok(Asked::U128(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Asked, E> {
        Ok(Asked::F64(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Asked, E> {
        Ok(Asked::Str(v.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Asked, A::Error> {
        Ok(Asked::Seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Asked, A::Error> {
        Ok(Asked::Map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Asked, A::Error> {
        let (variant, _) = data.variant::<String>()?;
        Ok(Asked::Enum(variant))
    }
}

impl Asked {
    /// Gives `visitor` what `serde_yaml` gave the stand-in for the scalar
    /// `node` (whose tag is `tag`); a `Some` is read on from the node.
    pub(super) fn replay<'de, V: Visitor<'de>>(
        self,
        visitor: V,
        node: NodeDeserializer<'_>,
        tag: Option<&str>,
    ) -> Result<V::Value, Error> {
        match self {
            Asked::Unit => visitor.visit_unit(),
            Asked::None => visitor.visit_none(),
            Asked::Some => visitor.visit_some(node),
            Asked::Bool(v) => visitor.visit_bool(v),
            Asked::I64(v) => visitor.visit_i64(v),
            Asked::I128(v) => visitor.visit_i128(v),
            Asked::U64(v) => visitor.visit_u64(v),
            Asked::U128(v) => visitor.visit_u128(v),
            Asked::F64(v) => visitor.visit_f64(v),
            Asked::Str(v) => visitor.visit_str(&v),
            Asked::Seq => visitor.visit_seq(Items { items: [].iter(), next: 0, deserializer: node }),
            Asked::Map => visitor.visit_map(Entries { entries: [].iter(), key: None, deserializer: node }),
            // A local tag (`!name`) names the variant, and the scalar
            // without it is the content (`serde_yaml`'s `EnumAccess`).
            Asked::Enum(variant) if tag.is_some_and(|tag| tag.starts_with('!')) => {
                let Kind::Scalar { value, plain, .. } = &*node.node.kind else {
                    return Err(de::Error::custom("an enum's tag on a collection"));
                };
                let untagged = Kind::Scalar { value: value.clone(), plain: *plain, tag: None };
                let content = Node { span: node.node.span, kind: Rc::new(untagged) };
                let path = Path::Variant(node.path, &variant);
                visitor.visit_enum(Tagged { variant: &variant, content: node.at(&content, &path) })
            }
            Asked::Enum(variant) => visitor.visit_enum(UnitVariant { variant, of: node }),
        }
    }
}

/// A scalar read as an enum: the variant named by its text, without
/// content, as `serde_yaml` reads it; `of` is the scalar's.
pub(super) struct UnitVariant<'a> {
    pub(super) variant: String,
    pub(super) of: NodeDeserializer<'a>,
}

impl UnitVariant<'_> {
    /// A variant read as having content it has not: noted at the variant.
    fn no_content(self, expected: &str) -> Error {
        let path = Path::Variant(self.of.path, &self.variant);
        let error = de::Error::invalid_type(Unexpected::UnitVariant, &expected);
        self.of.at(self.of.node, &path).fail(error)
    }
}

impl<'de> EnumAccess<'de> for UnitVariant<'_> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        Ok((seed.deserialize(de::value::StrDeserializer::<Error>::new(&self.variant))?, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, Error> {
        Err(self.no_content("newtype variant"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(self.no_content("tuple variant"))
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value, Error> {
        Err(self.no_content("struct variant"))
    }
}

/// A variant named by a scalar's local tag; the untagged scalar is its
/// content, read at the variant.
struct Tagged<'a> {
    variant: &'a str,
    content: NodeDeserializer<'a>,
}

impl<'de, 'a> EnumAccess<'de> for Tagged<'a> {
    type Error = Error;
    type Variant = NodeDeserializer<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant), Error> {
        Ok((seed.deserialize(de::value::StrDeserializer::<Error>::new(self.variant))?, self.content))
    }
}

impl<'de> VariantAccess<'de> for NodeDeserializer<'_> {
    type Error = Error;

    // Each failure is noted at the variant, as for an item or a value:
    // a seed may fail after the content was read (a `try_from`).
    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self).map_err(|error| self.fail(error))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self).map_err(|error| self.fail(error))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor).map_err(|error| self.fail(error))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor).map_err(|error| self.fail(error))
    }
}
