//! Where a body's params are, for a catalogue whose values have params:
//! `read_body` reads an error body as `ErrorBody`'s `Deserialize` does and,
//! in the same pass, keeps each member that is some value's param (a
//! text as its place in the body, anything else as the `serde_json::Value`
//! it is), so that `ApiError::value` decodes those alone, where they
//! lie, instead of parsing the body again. `api_error.rs`'s parts marked
//! `#[cfg(errcat_params)]` hold them. They are a module of their own, so
//! that their names meet none of the catalogue's.

use proc_macro2::TokenStream;
use quote::quote;

use super::members::{MemberReads, member_reads};
use errcat_model::Body;

/// The items of the `response` module that find the params in a body.
pub(super) fn emit_spans(body: &Body) -> TokenStream {
    let MemberReads { locals, reads, builds } = member_reads(body);
    let types = span_types();
    let seeds = seeds();
    quote! {
        /// Where the params are in a body (`ApiError::value`).
        mod param_spans {
            use super::*;

            #types
            #seeds

            /// `BodyVisitor`'s reading of the members, keeping the params where it goes.
        struct SpansVisitor<'s> {
            spans: &'s mut Vec<(&'static str, ParamSpan)>,
            body: &'s [u8],
        }

        impl<'de> Visitor<'de> for SpansVisitor<'_> {
            type Value = ErrorBody;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                BodyVisitor.expecting(f)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<ErrorBody, A::Error> {
                #(let mut #locals = ::core::option::Option::None;)*
                while let ::core::option::Option::Some(key) = map.next_key_seed(SpanKeySeed)? {
                    let field = match key {
                        SpanKey::Param(name) => {
                            let value = map.next_value_seed(ParamSeed { body: self.body })?;
                            self.spans.retain(|(key, _)| *key != name);
                            self.spans.push((name, value));
                            continue;
                        }
                        SpanKey::Member(field) => field,
                    };
                    match field {
                        #(#reads)*
                        Field::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(ErrorBody {
                    #(#builds)*
                })
            }
        }

        /// The body as `serde_json::from_slice::<ErrorBody>` reads it, with
        /// where its params are; a body that is not an error body has none.
        pub(super) fn read_body(body: &[u8]) -> (::core::option::Option<ErrorBody>, ParamSpans) {
            let mut spans = Vec::new();
            let visitor = SpansVisitor { spans: &mut spans, body };
            let mut deserializer = ::serde_json::Deserializer::from_slice(body);
            let read = match ErrorBody::ENVELOPE {
                ::core::option::Option::Some(key) => deserializer.deserialize_map(Envelope { key, inner: visitor }),
                ::core::option::Option::None => deserializer.deserialize_map(visitor),
            };
            match read.and_then(|parsed| deserializer.end().map(|()| parsed)) {
                Ok(parsed) => (::core::option::Option::Some(parsed), ParamSpans(::core::option::Option::Some(spans))),
                // A param read as a `Value` is stricter than one skipped
                // (a lone surrogate, a number past `f64`): such a body is
                // read again as before, and its value from the whole body.
                Err(_) => (::serde_json::from_slice::<ErrorBody>(body).ok(), ParamSpans::NONE),
            }
        }

        impl ApiError {
            /// Whether the pass that read the body found its params: it read
            /// the body as an error body.
            pub(crate) fn found_params(&self) -> bool {
                self.params.0.is_some()
            }

            /// The param `key` as the pass that read the body found it (the
            /// last of a repeated one), without copying it: `value` makes
            /// its field from this alone.
            pub(crate) fn found_param(&self, key: &str) -> ::core::option::Option<crate::value_wire::Found<'_>> {
                let spans = self.params.0.as_ref()?;
                let (_, span) = spans.iter().find(|(name, _)| *name == key)?;
                match span {
                    // Read from a `&str` of the body: valid UTF-8 where it lies.
                    ParamSpan::Text(start, end) => ::core::str::from_utf8(self.raw.get(*start..*end)?)
                        .ok()
                        .map(crate::value_wire::Found::Text),
                    ParamSpan::Value(value) => ::core::option::Option::Some(crate::value_wire::Found::Value(value)),
                }
            }
        }
        }
    }
}

/// `ParamSpans` and `ParamSpan`.
fn span_types() -> TokenStream {
    quote! {
        /// Each member of an error body that is some value's param, the last
        /// of a repeated one, as the pass that read the body found it; `None`
        /// when it did not read it as an error body.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub(super) struct ParamSpans(::core::option::Option<Vec<(&'static str, ParamSpan)>>);

        impl ParamSpans {
            /// Not read as an error body: `value` reads the whole body.
            pub(super) const NONE: Self = Self(::core::option::Option::None);
        }

        /// A param's value: a text without escapes as its bytes' place in
        /// the body, anything else as the `serde_json::Value` it is.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub(super) enum ParamSpan {
            Text(usize, usize),
            Value(::serde_json::Value),
        }
    }
}

/// The seeds of `SpansVisitor`: a member's key, as `Field` or a param, and
/// a param's value.
fn seeds() -> TokenStream {
    let any_value = quote! { ::serde_json::Value };
    quote! {
        /// What a member's key names: a member of the body, or a param.
        enum SpanKey {
            Member(Field),
            Param(&'static str),
        }

        /// Reads a member's key as `Field` does, then as some value's param.
        struct SpanKeySeed;

        impl<'de> DeserializeSeed<'de> for SpanKeySeed {
            type Value = SpanKey;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<SpanKey, D::Error> {
                deserializer.deserialize_identifier(self)
            }
        }

        impl Visitor<'_> for SpanKeySeed {
            type Value = SpanKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> ::core::result::Result<SpanKey, E> {
                Ok(match FieldVisitor.visit_str::<E>(name)? {
                    Field::Other => match crate::value_wire::param_key(name) {
                        ::core::option::Option::Some(param) => SpanKey::Param(param),
                        ::core::option::Option::None => SpanKey::Member(Field::Other),
                    },
                    field => SpanKey::Member(field),
                })
            }
        }

        /// Reads a param's value: a text borrowed from `body` as its place
        /// there, anything else as `serde_json::Value` reads it.
        struct ParamSeed<'s> {
            body: &'s [u8],
        }

        impl<'de> DeserializeSeed<'de> for ParamSeed<'_> {
            type Value = ParamSpan;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<ParamSpan, D::Error> {
                deserializer.deserialize_any(self)
            }
        }

        impl<'de> Visitor<'de> for ParamSeed<'_> {
            type Value = ParamSpan;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> ::core::result::Result<ParamSpan, E> {
                let start = (text.as_ptr() as usize).wrapping_sub(self.body.as_ptr() as usize);
                match start.checked_add(text.len()) {
                    ::core::option::Option::Some(end) if end <= self.body.len() => Ok(ParamSpan::Text(start, end)),
                    _ => self.visit_str(text),
                }
            }

            fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::String(String::from(text))))
            }

            fn visit_string<E: de::Error>(self, text: String) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::String(text)))
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::Bool(value)))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::from(value)))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::from(value)))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::from(value)))
            }

            fn visit_unit<E: de::Error>(self) -> ::core::result::Result<ParamSpan, E> {
                Ok(ParamSpan::Value(#any_value::Null))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<ParamSpan, A::Error> {
                #any_value::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(ParamSpan::Value)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> ::core::result::Result<ParamSpan, A::Error> {
                #any_value::deserialize(de::value::MapAccessDeserializer::new(map)).map(ParamSpan::Value)
            }
        }
    }
}
