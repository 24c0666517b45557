//! `Read`, in the private `value_wire` module: a body's members as reading
//! a value needs them, in one pass of the deserializer. It keeps the code,
//! as `BodyCode` reads it, and each member that is some value's param, as
//! sent, and skips every
//! other member unread; a value then takes its params out by type, so a
//! mistyped optional param reads as absent and a mistyped required one
//! fails that value alone, as reading through a `serde_json::Value` did,
//! without building the whole body as one.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::Value;
use errcat_model::Catalogue;
use errcat_model::params::ParamType;

/// Every param key of the values, once (two values may carry the same
/// one), in order: a key's index here is its place (`value_wire::param_key`),
/// by which the readers take it.
pub(super) fn param_keys<'a>(values: &'a [Value<'a>]) -> Vec<&'a str> {
    let keys: BTreeSet<&str> =
        values.iter().flat_map(|value| &value.params).map(|param| param.name.as_str()).collect();
    keys.into_iter().collect()
}

/// `Read`, its deserializer, and the readers of the param types the
/// values use (an unused one would be dead code).
pub(super) fn emit_read(catalogue: &Catalogue, values: &[Value]) -> TokenStream {
    let body = catalogue.body.as_ref().expect("values are read from the catalogue's body");
    let code_key = &body.code().key;
    let params = || values.iter().flat_map(|value| &value.params);
    let has = |ty: ParamType| params().any(|param| param.ty == ty);
    let keys = param_keys(values);
    let key_bytes: Vec<proc_macro2::Literal> =
        keys.iter().map(|key| proc_macro2::Literal::byte_string(key.as_bytes())).collect();
    let places = (0..keys.len()).map(|place| proc_macro2::Literal::u32_unsuffixed(place as u32));
    let any_params = !keys.is_empty();
    let readers = any_params.then(|| readers(&has));
    // A text param is made from the raw body checked once as text.
    let with_text = has(ParamType::String);
    let text_field = with_text.then(|| {
        quote! {
            /// The raw body as text, once a reader has checked it
            /// (`text`): `Some(None)` when it is not all UTF-8.
            raw_text: ::core::option::Option<::core::option::Option<&'a str>>,
        }
    });
    let text_none = with_text.then(|| quote! { raw_text: ::core::option::Option::None, });
    let param_field = any_params.then(|| {
        quote! {
            /// Each member that is a param of some value, as sent: the last of a repeated key.
            params: ::alloc::vec::Vec<(u32, Value)>,
            /// The answer whose own pass found the params (`ApiError::value`):
            /// they are read where it found them, without a list of their own.
            found: ::core::option::Option<&'a crate::ApiError>,
            #text_field
        }
    });
    // With params, `Read` may borrow the answer that found them.
    let (generics, read_ty, impl_ty) = if any_params {
        (quote!(<'a>), quote!(Read<'static>), quote!(Read<'_>))
    } else {
        (quote!(), quote!(Read), quote!(Read))
    };
    let param_key_fn = any_params.then(|| {
        quote! {
            /// A param as `ApiError`'s own pass found it: a text where it
            /// lies in the raw body, a number or a boolean as kept, or the
            /// `Value` of anything else.
            pub(crate) enum Found<'v> {
                /// A text's place in the raw body, from its start to its end.
                Text(usize, usize),
                Span(ParamSpan),
                Value(&'v Value),
            }

            /// The place of the param of some value that a member's key
            /// names, its index among every value's param keys in order
            /// (`ApiError`'s first read looks for them too): a value's
            /// readers take each param by it, not by its name.
            pub(crate) fn param_key(key: &[u8]) -> ::core::option::Option<u32> {
                match key {
                    #(#key_bytes => ::core::option::Option::Some(#places),)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    });
    let body_deserialize = match (&body.envelope, catalogue.problem_details.is_some()) {
        (Some(envelope), false) => envelope_visitor(envelope, &read_ty),
        _ => quote! {
            impl<'de> Deserialize<'de> for #read_ty {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    deserializer
                        .deserialize_map(MembersVisitor)?
                        .ok_or_else(|| de::Error::custom("not an error body"))
                }
            }
        },
    };
    let new_params = any_params.then(
        || quote! { params: ::alloc::vec::Vec::new(), found: ::core::option::Option::None, #text_none },
    );
    let members_visitor = members_visitor(code_key, new_params, &read_ty);
    let found = any_params.then(|| {
        quote! {
            impl<'a> Read<'a> {
                /// The members of `error`'s body as its own pass found them.
                fn found(error: &'a crate::ApiError) -> Self {
                    Read {
                        code: ::core::option::Option::None,
                        params: ::alloc::vec::Vec::new(),
                        found: ::core::option::Option::Some(error),
                        #text_none
                    }
                }
            }
        }
    });
    quote! {
        /// A body's members as reading a value needs them, in one pass:
        /// its code, and each param of some value, as sent.
        struct Read #generics {
            /// The catalogue's error that the code member names, as `BodyCode`
            /// reads it: none when it reads no code, or one the catalogue lacks.
            code: ::core::option::Option<crate::ErrorCode>,
            #param_field
        }

        impl #impl_ty {
            /// The catalogue's error whose code (or alias) the members carry.
            fn code(&self) -> ::core::option::Option<crate::ErrorCode> {
                self.code
            }

            #readers
        }

        #found

        #param_key_fn

        #members_visitor

        #body_deserialize
    }
}

/// The key of a member, read as what it names, and the visitor of a
/// body's members, which keeps the params when the values have any.
/// `new_params` are a new `Read`'s fields past its code, when the values have params.
fn members_visitor(code_key: &str, new_params: Option<TokenStream>, read_ty: &TokenStream) -> TokenStream {
    let any_params = new_params.is_some();
    let param_variant = any_params.then(|| quote! { Param(u32), });
    let param_arm = any_params.then(|| {
        quote! {
            Key::Param(place) => {
                let value = map.next_value::<Value>()?;
                match read.params.iter_mut().find(|(kept, _)| *kept == place) {
                    ::core::option::Option::Some(member) => member.1 = value,
                    ::core::option::Option::None => read.params.push((place, value)),
                }
            }
        }
    });
    let param_key = any_params.then(|| {
        quote! {
            else if let ::core::option::Option::Some(place) = param_key(key.as_bytes()) { Key::Param(place) }
        }
    });
    let code_member = code_member();
    quote! {
        /// What a member's key names.
        enum Key {
            Code,
            #param_variant
            Other,
        }

        /// Reads a member's key as what it names.
        struct KeyName;

        impl<'de> de::DeserializeSeed<'de> for KeyName {
            type Value = Key;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<Key, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        impl<'de> de::Visitor<'de> for KeyName {
            type Value = Key;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a member's name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> ::core::result::Result<Key, E> {
                ::core::result::Result::Ok(if key == #code_key { Key::Code } #param_key else { Key::Other })
            }
        }

        #code_member

        /// Reads an object's members; anything else, skipped, reads as none.
        struct MembersVisitor;

        impl<'de> de::DeserializeSeed<'de> for MembersVisitor {
            type Value = ::core::option::Option<#read_ty>;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<Self::Value, D::Error> {
                deserializer.deserialize_any(self)
            }
        }

        impl<'de> de::Visitor<'de> for MembersVisitor {
            type Value = ::core::option::Option<#read_ty>;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an error body")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<Self::Value, A::Error> {
                let mut read = Read { code: ::core::option::Option::None, #new_params };
                while let ::core::option::Option::Some(key) = map.next_key_seed(KeyName)? {
                    match key {
                        Key::Code => read.code = map.next_value_seed(CodeMember { in_array: false })?,
                        #param_arm
                        Key::Other => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                ::core::result::Result::Ok(::core::option::Option::Some(read))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> ::core::result::Result<Self::Value, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_str<E: de::Error>(self, _: &str) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_unit<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }
        }

    }
}

/// `Read`'s deserializer for a body whose members are in the envelope:
/// the envelope's object (the last, if repeated), or the one object of an
/// array there, as `ErrorBody` reads it; every other member skipped.
fn envelope_visitor(envelope: &str, read_ty: &TokenStream) -> TokenStream {
    quote! {
        /// Reads the members of a body's envelope.
        struct EnvelopeVisitor;

        /// Reads a member's key as whether it is the envelope's.
        struct EnvelopeKey;

        impl<'de> de::DeserializeSeed<'de> for EnvelopeKey {
            type Value = bool;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<bool, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        impl<'de> de::Visitor<'de> for EnvelopeKey {
            type Value = bool;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a member's name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> ::core::result::Result<bool, E> {
                ::core::result::Result::Ok(key == #envelope)
            }
        }

        impl<'de> de::Visitor<'de> for EnvelopeVisitor {
            type Value = ::core::option::Option<#read_ty>;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an error body")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<Self::Value, A::Error> {
                let mut members = ::core::option::Option::None;
                while let ::core::option::Option::Some(envelope) = map.next_key_seed(EnvelopeKey)? {
                    if envelope {
                        members = map.next_value_seed(EnvelopeValue)?;
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                ::core::result::Result::Ok(members)
            }
        }

        /// The envelope's value as `ErrorBody` reads it: the members, or a
        /// one-element array of them (`{"error": [{…}]}`); anything else
        /// (more elements, an array in the array) reads as none.
        struct EnvelopeValue;

        impl<'de> de::DeserializeSeed<'de> for EnvelopeValue {
            type Value = ::core::option::Option<#read_ty>;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<Self::Value, D::Error> {
                deserializer.deserialize_any(self)
            }
        }

        impl<'de> de::Visitor<'de> for EnvelopeValue {
            type Value = ::core::option::Option<#read_ty>;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an error body's members, or a one-element array of them")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> ::core::result::Result<Self::Value, A::Error> {
                de::Visitor::visit_map(MembersVisitor, map)
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> ::core::result::Result<Self::Value, A::Error> {
                let first = seq.next_element_seed(MembersVisitor)?.flatten();
                if seq.next_element::<de::IgnoredAny>()?.is_none() {
                    return ::core::result::Result::Ok(first);
                }
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_str<E: de::Error>(self, _: &str) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            fn visit_unit<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }
        }

        impl<'de> Deserialize<'de> for #read_ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                deserializer
                    .deserialize_map(EnvelopeVisitor)?
                    .ok_or_else(|| de::Error::custom("not an error body"))
            }
        }
    }
}

/// `Read`'s readers of the param types the values use.
fn readers(has: &dyn Fn(ParamType) -> bool) -> TokenStream {
    let string = has(ParamType::String).then(|| {
        let text = text_reader();
        quote! {
            #text

            fn string(&mut self, place: u32) -> ::core::option::Option<::alloc::string::String> {
                if let ::core::option::Option::Some(error) = self.found {
                    return match error.found_param(place)? {
                        Found::Text(start, end) => self.text(start, end).map(::alloc::string::String::from),
                        Found::Value(value) => value.as_str().map(::alloc::string::String::from),
                        Found::Span(_) => ::core::option::Option::None,
                    };
                }
                match self.find(place)? {
                    Value::String(text) => ::core::option::Option::Some(::core::mem::take(text)),
                    _ => ::core::option::Option::None,
                }
            }
        }
    });
    let integer = has(ParamType::Integer).then(|| {
        quote! {
            fn integer(&mut self, place: u32) -> ::core::option::Option<i64> {
                if let ::core::option::Option::Some(error) = self.found {
                    // As `Value::as_i64`: an integer that fits, not a float.
                    return match error.found_param(place)? {
                        Found::Span(ParamSpan::Unsigned(number)) => i64::try_from(number).ok(),
                        Found::Span(ParamSpan::Signed(number)) => ::core::option::Option::Some(number),
                        Found::Value(value) => value.as_i64(),
                        _ => ::core::option::Option::None,
                    };
                }
                self.find(place)?.as_i64()
            }
        }
    });
    let number = has(ParamType::Number).then(|| {
        quote! {
            fn number(&mut self, place: u32) -> ::core::option::Option<f64> {
                if let ::core::option::Option::Some(error) = self.found {
                    // As `Value::as_f64`: any number, as the nearest `f64`.
                    return match error.found_param(place)? {
                        Found::Span(ParamSpan::Unsigned(number)) => ::core::option::Option::Some(number as f64),
                        Found::Span(ParamSpan::Signed(number)) => ::core::option::Option::Some(number as f64),
                        Found::Span(ParamSpan::Float(bits)) => ::core::option::Option::Some(f64::from_bits(bits)),
                        Found::Value(value) => value.as_f64(),
                        _ => ::core::option::Option::None,
                    };
                }
                self.find(place)?.as_f64()
            }
        }
    });
    let boolean = has(ParamType::Boolean).then(|| {
        quote! {
            fn boolean(&mut self, place: u32) -> ::core::option::Option<bool> {
                if let ::core::option::Option::Some(error) = self.found {
                    return match error.found_param(place)? {
                        Found::Span(ParamSpan::Bool(value)) => ::core::option::Option::Some(value),
                        Found::Value(value) => value.as_bool(),
                        _ => ::core::option::Option::None,
                    };
                }
                self.find(place)?.as_bool()
            }
        }
    });
    let strings = has(ParamType::Strings).then(|| {
        quote! {
            fn strings(&mut self, place: u32) -> ::core::option::Option<::alloc::vec::Vec<::alloc::string::String>> {
                if let ::core::option::Option::Some(error) = self.found {
                    return match error.found_param(place)? {
                        Found::Value(Value::Array(items)) => {
                            items.iter().map(|item| item.as_str().map(::alloc::string::String::from)).collect()
                        }
                        _ => ::core::option::Option::None,
                    };
                }
                match self.find(place)? {
                    Value::Array(items) => ::core::mem::take(items)
                        .into_iter()
                        .map(|item| match item {
                            Value::String(text) => ::core::option::Option::Some(text),
                            _ => ::core::option::Option::None,
                        })
                        .collect(),
                    _ => ::core::option::Option::None,
                }
            }
        }
    });
    quote! {
        /// The member that is the param at `place` (`param_key`), as sent.
        /// A reader takes a text or a list out where it lies: a `Value`
        /// moved out of the list, then out of an `Option`, cost more than
        /// the search. Where `found` is set, a reader takes the param from
        /// the answer instead, with no list made. Each reader takes its
        /// param by place, not by name: a `u32` compared, not a name matched.
        fn find(&mut self, place: u32) -> ::core::option::Option<&mut Value> {
            self.params.iter_mut().find(|(kept, _)| *kept == place).map(|(_, value)| value)
        }

        #string
        #integer
        #number
        #boolean
        #strings
    }
}

/// `CodeMember`: the catalogue's error that the code member names, read as
/// `BodyCode`'s `Deserialize` reads it, through the same `CodeField`, and
/// none where that fails: the code read as a `serde_json::Value` and then
/// as a `BodyCode` gave the same, with a `String` and a second
/// deserialization. It keeps the error, not the `BodyCode`: its 65 bytes,
/// moved through each `Option` and `Result` on the way out of the
/// deserializer, made reading a value's body a tenth slower.
fn code_member() -> TokenStream {
    let scalars = [
        (quote!(visit_bool), quote!(bool)),
        (quote!(visit_i64), quote!(i64)),
        (quote!(visit_u64), quote!(u64)),
        (quote!(visit_i128), quote!(i128)),
        (quote!(visit_u128), quote!(u128)),
        (quote!(visit_f64), quote!(f64)),
        (quote!(visit_str), quote!(&str)),
    ];
    let scalars = scalars.iter().map(|(visit, ty)| {
        quote! {
            fn #visit<E: de::Error>(self, value: #ty) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(de::Visitor::#visit::<E>(self.field(), value).ok().and_then(crate::BodyCode::error_code))
            }
        }
    });
    quote! {
        /// Reads the code member as `BodyCode` does, into the error it names, or none.
        #[derive(Clone, Copy)]
        struct CodeMember {
            in_array: bool,
        }

        impl CodeMember {
            fn field(self) -> crate::response::CodeField {
                crate::response::CodeField { in_array: self.in_array }
            }
        }

        impl<'de> de::DeserializeSeed<'de> for CodeMember {
            type Value = ::core::option::Option<crate::ErrorCode>;

            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> ::core::result::Result<Self::Value, D::Error> {
                deserializer.deserialize_any(self)
            }
        }

        impl<'de> de::Visitor<'de> for CodeMember {
            type Value = ::core::option::Option<crate::ErrorCode>;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an error code")
            }

            #(#scalars)*

            fn visit_unit<E: de::Error>(self) -> ::core::result::Result<Self::Value, E> {
                ::core::result::Result::Ok(::core::option::Option::None)
            }

            /// A one-element array of a code, as `CodeField` reads it.
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> ::core::result::Result<Self::Value, A::Error> {
                let first = match self.in_array {
                    true => ::core::option::Option::None,
                    false => seq.next_element_seed(CodeMember { in_array: true })?,
                };
                let mut more = false;
                while seq.next_element::<de::IgnoredAny>()?.is_some() {
                    more = true;
                }
                ::core::result::Result::Ok(if more { ::core::option::Option::None } else { first.flatten() })
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<Self::Value, A::Error> {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                ::core::result::Result::Ok(::core::option::Option::None)
            }
        }
    }
}

/// `Read::text`, which the `string` reader makes its text from.
fn text_reader() -> TokenStream {
    quote! {
        /// The raw body's text from `start` to `end`, where the pass
        /// found a text param. The whole body is checked as UTF-8 once,
        /// for every text param a value reads: checking it once costs
        /// less than checking each short text. A body that is not all
        /// UTF-8 (a member the pass skipped unchecked) has each text
        /// checked alone.
        fn text(&mut self, start: usize, end: usize) -> ::core::option::Option<&str> {
            let raw = self.found?.raw_body();
            match *self.raw_text.get_or_insert_with(|| ::core::str::from_utf8(raw).ok()) {
                ::core::option::Option::Some(whole) => whole.get(start..end),
                ::core::option::Option::None => ::core::str::from_utf8(raw.get(start..end)?).ok(),
            }
        }
    }
}
