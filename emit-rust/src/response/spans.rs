//! Where a body's params are, for a catalogue whose values have params:
//! `read_body` reads an error body as `ErrorBody`'s `Deserialize` does and,
//! in the same pass, keeps each member that is some value's param, so that
//! `ApiError::value` decodes those alone, where they lie, instead of
//! parsing the body again. `api_error.rs`'s parts marked
//! `#[cfg(errcat_params)]` hold them. They are a module of their own, so
//! that their names meet none of the catalogue's.
//!
//! The pass reads each member's key as bytes, unchecked, where it is one
//! the catalogue names (only valid UTF-8 can equal one), and checks every
//! other key as `serde_json` checks a text. A param is kept in 16 bytes
//! without an allocation (a text without escapes as its place in the body,
//! a number or a boolean as it is), in a few slots inside `ApiError`
//! before any list; only a param that is none of these (an array, an
//! object, an escaped text) is kept as a `serde_json::Value`, in a list of
//! its own. The pass writes the body and each param into place: moved
//! out through each `Result` of the deserializer, they cost as much as
//! reading them.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::super::tokens::ident;
use super::members::{MemberReads, member_reads, role_name};
use errcat_model::Body;

/// The params kept in `ApiError` itself, before any list: a body carries
/// its row's params and the shared ones, rarely more.
const SLOTS: usize = 4;

/// The items of the `response` module that find the params in a body.
pub(super) fn emit_spans(body: &Body) -> TokenStream {
    let MemberReads { locals, reads, builds } = member_reads(body);
    let types = span_types();
    let seeds = seeds(body);
    quote! {
        /// Where the params are in a body (`ApiError::value`).
        pub(crate) mod param_spans {
            use super::*;

            #types
            #seeds

            /// `BodyVisitor`'s reading of the members, keeping the params where
            /// it goes, and the body in `parsed`: an `ErrorBody` moved out
            /// through each `Result` and `Option` of the envelope's reading
            /// cost as much as reading a member.
            struct SpansVisitor<'s> {
                spans: &'s mut ParamSpans,
                body: &'s [u8],
                parsed: &'s mut ::core::option::Option<ErrorBody>,
            }

            impl<'de> Visitor<'de> for SpansVisitor<'_> {
                type Value = ();

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    BodyVisitor.expecting(f)
                }

                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<(), A::Error> {
                    #(let mut #locals = ::core::option::Option::None;)*
                    while let ::core::option::Option::Some(key) = map.next_key_seed(SpanKeySeed)? {
                        let field = match key {
                            SpanKey::Param(place) => {
                                map.next_value_seed(ParamSeed { body: self.body, spans: &mut *self.spans, place })?;
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
                    *self.parsed = ::core::option::Option::Some(ErrorBody {
                        #(#builds)*
                    });
                    Ok(())
                }
            }

            /// Reads the body into `parsed` as `serde_json::from_slice::<ErrorBody>`
            /// reads it, with where its params are kept in `spans`; a body
            /// that is not an error body leaves `parsed` as it was, `None`.
            /// Whether it is one.
            pub(super) fn read_body(body: &[u8], spans: &mut ParamSpans, parsed: &mut ::core::option::Option<ErrorBody>) -> bool {
                let visitor = SpansVisitor { spans: &mut *spans, body, parsed: &mut *parsed };
                let mut deserializer = ::serde_json::Deserializer::from_slice(body);
                let read = match ErrorBody::ENVELOPE {
                    ::core::option::Option::Some(key) => deserializer.deserialize_map(Envelope { key, inner: visitor }),
                    ::core::option::Option::None => deserializer.deserialize_map(visitor),
                };
                match read.and_then(|()| deserializer.end()) {
                    Ok(()) => spans.read = true,
                    // A param read as a `Value` is stricter than one skipped
                    // (a lone surrogate, a number past `f64`), and an escaped
                    // key with a control character cannot be told from one
                    // sent raw: such a body is read again as before, and its
                    // value from the whole body.
                    Err(_) => {
                        *spans = ParamSpans::NONE;
                        *parsed = ::serde_json::from_slice::<ErrorBody>(body).ok();
                    }
                }
                parsed.is_some()
            }

            impl ApiError {
                /// Whether the pass that read the body found its params: it read
                /// the body as an error body.
                pub(crate) fn found_params(&self) -> bool {
                    self.params.read
                }

                /// The param at `place` (`value_wire::param_key`) as the pass that
                /// read the body found it (the last of a repeated one), without
                /// copying it: `value` makes its field from this alone.
                pub(crate) fn found_param(&self, place: u32) -> ::core::option::Option<crate::value_wire::Found<'_>> {
                    use crate::value_wire::Found;
                    ::core::option::Option::Some(match self.params.get(place)? {
                        // Read from a `&str` of the body: valid UTF-8 where it
                        // lies, which the reader checks (`Read::text`).
                        ParamSpan::Text(start, end) => {
                            Found::Text(usize::try_from(start).ok()?, usize::try_from(end).ok()?)
                        }
                        ParamSpan::Value(index) => Found::Value(self.params.values.get(usize::try_from(index).ok()?)?),
                        span => Found::Span(span),
                    })
                }
            }
        }
    }
}

/// `ParamSpans` and `ParamSpan`.
fn span_types() -> TokenStream {
    let slots = Literal::usize_unsuffixed(SLOTS);
    quote! {
        /// Each member of an error body that is some value's param, the last
        /// of a repeated one, as the pass that read the body found it: the
        /// first few in `ApiError` itself, any more in a list.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub(super) struct ParamSpans {
            /// Whether the pass read the body as an error body; if not,
            /// `value` reads the whole body.
            read: bool,
            /// Each param's place (`value_wire::param_key`), and its value.
            slots: [::core::option::Option<(u32, ParamSpan)>; #slots],
            more: Vec<(u32, ParamSpan)>,
            /// The params that are none of `ParamSpan`'s kinds, as `ParamSpan::Value` numbers them.
            values: Vec<::serde_json::Value>,
        }

        impl ParamSpans {
            /// Not read as an error body: `value` reads the whole body.
            pub(super) const NONE: Self = Self {
                read: false,
                slots: [::core::option::Option::None; #slots],
                more: Vec::new(),
                values: Vec::new(),
            };

            /// Keeps the param at `place`, in place of one kept before.
            fn keep(&mut self, place: u32, span: ParamSpan) {
                for slot in &mut self.slots {
                    match slot {
                        ::core::option::Option::Some((kept_place, kept)) if *kept_place == place => {
                            *kept = span;
                            return;
                        }
                        ::core::option::Option::Some(_) => {}
                        ::core::option::Option::None => {
                            *slot = ::core::option::Option::Some((place, span));
                            return;
                        }
                    }
                }
                match self.more.iter_mut().find(|(kept_place, _)| *kept_place == place) {
                    ::core::option::Option::Some((_, kept)) => *kept = span,
                    ::core::option::Option::None => self.more.push((place, span)),
                }
            }

            /// Keeps the param at `place` as a `Value`, in place of one kept
            /// before (a `Value` kept before is overwritten, not kept twice).
            fn keep_value(&mut self, place: u32, value: ::serde_json::Value) {
                // No `let` chain: the crate builds with Rust 1.85.
                let kept = match self.get(place) {
                    ::core::option::Option::Some(ParamSpan::Value(index)) => self.values.get_mut(index as usize),
                    _ => ::core::option::Option::None,
                };
                if let ::core::option::Option::Some(kept) = kept {
                    *kept = value;
                    return;
                }
                // Past `u32::MAX` values (not in memory), the param reads as absent.
                let index = u32::try_from(self.values.len()).unwrap_or(u32::MAX);
                self.values.push(value);
                self.keep(place, ParamSpan::Value(index));
            }

            /// The param at `place` (`value_wire::param_key`), if the body has it.
            fn get(&self, place: u32) -> ::core::option::Option<ParamSpan> {
                self.slots
                    .iter()
                    .map_while(|slot| slot.as_ref())
                    .chain(self.more.iter())
                    .find(|(kept_place, _)| *kept_place == place)
                    .map(|(_, span)| *span)
            }
        }

        /// A param's value in 16 bytes, without an allocation: a text
        /// without escapes as its bytes' place in the body, a number or a
        /// boolean as it is, anything else as the place of its
        /// `serde_json::Value` in `ParamSpans::values`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum ParamSpan {
            Text(u32, u32),
            Unsigned(u64),
            Signed(i64),
            /// A finite `f64`'s bits.
            Float(u64),
            Bool(bool),
            Value(u32),
        }

    }
}

/// The seeds of `SpansVisitor`: a member's key, as `Field` or a param, and
/// a param's value.
fn seeds(body: &Body) -> TokenStream {
    let key_seed = key_seed(body);
    let param_seed = param_seed();
    quote! {
        #key_seed
        #param_seed
    }
}

/// `SpanKeySeed`: a member's key, as `Field` or a param.
fn key_seed(body: &Body) -> TokenStream {
    let keys = body.members.iter().map(|member| Literal::byte_string(member.key.as_bytes()));
    let variants = body.members.iter().map(|member| ident(role_name(member.role)));
    quote! {
        /// What a member's key names: a member of the body, or a param.
        enum SpanKey {
            Member(Field),
            /// Its place (`value_wire::param_key`): a key four bytes wide, not a
            /// name of sixteen, is read without a store and a reload.
            Param(u32),
        }

        /// Reads a member's key as `Field` does, then as some value's param.
        struct SpanKeySeed;

        impl<'de> DeserializeSeed<'de> for SpanKeySeed {
            type Value = SpanKey;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<SpanKey, D::Error> {
                // A key as bytes, not checked as UTF-8: `visit_bytes` checks
                // those that are none of the catalogue's.
                deserializer.deserialize_bytes(self)
            }
        }

        impl Visitor<'_> for SpanKeySeed {
            type Value = SpanKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }

            /// What a key names. One that is none of the catalogue's is
            /// checked as `serde_json` checks a key it reads as text: UTF-8,
            /// without a control character (an escaped one fails the pass
            /// here, as it cannot be told from one sent raw).
            fn visit_bytes<E: de::Error>(self, key: &[u8]) -> ::core::result::Result<SpanKey, E> {
                Ok(match key {
                    #(#keys => SpanKey::Member(Field::#variants),)*
                    _ => match crate::value_wire::param_key(key) {
                        ::core::option::Option::Some(param) => SpanKey::Param(param),
                        ::core::option::Option::None
                            if key.iter().all(|byte| *byte >= b' ') && ::core::str::from_utf8(key).is_ok() =>
                        {
                            SpanKey::Member(Field::Other)
                        }
                        ::core::option::Option::None => return Err(E::custom("a member name that is not text")),
                    },
                })
            }

            /// A key a deserializer gives as text, read as its bytes.
            fn visit_str<E: de::Error>(self, key: &str) -> ::core::result::Result<SpanKey, E> {
                self.visit_bytes(key.as_bytes())
            }
        }
    }
}

/// `ParamSeed`: a param's value, kept where the pass found it.
fn param_seed() -> TokenStream {
    let any_value = quote! { ::serde_json::Value };
    quote! {
        /// Reads a param's value and keeps it as `name` in `spans` (the
        /// seed keeps it: a `ParamSpan` moved out through each `Result` was
        /// most of reading a param): a text borrowed from the body as its
        /// place there, a number or a boolean as it is, anything else as
        /// `serde_json::Value` reads it.
        struct ParamSeed<'s> {
            body: &'s [u8],
            spans: &'s mut ParamSpans,
            place: u32,
        }

        impl ParamSeed<'_> {
            fn keep<E>(self, span: ParamSpan) -> ::core::result::Result<(), E> {
                self.spans.keep(self.place, span);
                Ok(())
            }

            fn keep_value<E>(self, value: ::serde_json::Value) -> ::core::result::Result<(), E> {
                self.spans.keep_value(self.place, value);
                Ok(())
            }
        }

        impl<'de> DeserializeSeed<'de> for ParamSeed<'_> {
            type Value = ();

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<(), D::Error> {
                deserializer.deserialize_any(self)
            }
        }

        impl<'de> Visitor<'de> for ParamSeed<'_> {
            type Value = ();

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> ::core::result::Result<(), E> {
                let start = (text.as_ptr() as usize).wrapping_sub(self.body.as_ptr() as usize);
                let place = start
                    .checked_add(text.len())
                    .filter(|end| *end <= self.body.len())
                    .and_then(|end| Some((u32::try_from(start).ok()?, u32::try_from(end).ok()?)));
                match place {
                    ::core::option::Option::Some((start, end)) => self.keep(ParamSpan::Text(start, end)),
                    ::core::option::Option::None => self.visit_str(text),
                }
            }

            fn visit_str<E: de::Error>(self, text: &str) -> ::core::result::Result<(), E> {
                self.keep_value(#any_value::String(String::from(text)))
            }

            fn visit_string<E: de::Error>(self, text: String) -> ::core::result::Result<(), E> {
                self.keep_value(#any_value::String(text))
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> ::core::result::Result<(), E> {
                self.keep(ParamSpan::Bool(value))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> ::core::result::Result<(), E> {
                self.keep(ParamSpan::Signed(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> ::core::result::Result<(), E> {
                self.keep(ParamSpan::Unsigned(value))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> ::core::result::Result<(), E> {
                // As `Value::from(f64)`: a number that is not finite is `null`.
                match value.is_finite() {
                    true => self.keep(ParamSpan::Float(value.to_bits())),
                    false => self.keep_value(#any_value::Null),
                }
            }

            fn visit_unit<E: de::Error>(self) -> ::core::result::Result<(), E> {
                self.keep_value(#any_value::Null)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> ::core::result::Result<(), A::Error> {
                let value = #any_value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                self.keep_value(value)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> ::core::result::Result<(), A::Error> {
                let value = #any_value::deserialize(de::value::MapAccessDeserializer::new(map))?;
                self.keep_value(value)
            }
        }
    }
}
