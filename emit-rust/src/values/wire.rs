//! Values on the wire (the generated crate's `serde` and `axum` features,
//! for a catalogue that declares its error body): each value written as
//! the body (or problem details) with its params as members, read back
//! tolerantly, `ApiError::value`, and `IntoResponse` for each.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Value, occurrence, values};
use crate::tokens::{doc, ident};
use errcat_model::params::ParamType;
use errcat_model::{BodyRole, Catalogue, MessageText};

/// The private `value_wire` module; nothing without values or a body.
pub(crate) fn emit_wire(catalogue: &Catalogue) -> TokenStream {
    let Some(body) = &catalogue.body else {
        return TokenStream::new();
    };
    let values = values(catalogue);
    if values.is_empty() {
        return TokenStream::new();
    }
    let code_key = &body.code().key;
    let problem = catalogue.problem_details.is_some();
    let members = if problem {
        quote! {
            map.serialize_entry("type", &error.problem_type())?;
            map.serialize_entry("title", error.name())?;
            map.serialize_entry("status", &error.http_status())?;
            map.serialize_entry("detail", &value.message())?;
            map.serialize_entry(#code_key, &crate::BodyCode::from(error))?;
        }
    } else {
        let message = body.member(BodyRole::Message).map(|member| {
            let key = &member.key;
            quote! { map.serialize_entry(#key, &value.message())?; }
        });
        quote! {
            map.serialize_entry(#code_key, &crate::BodyCode::from(error))?;
            #message
        }
    };
    let (write, find) = match (&body.envelope, problem) {
        (Some(envelope), false) => (
            quote! {
                let mut map = serializer.serialize_map(::core::option::Option::Some(1))?;
                map.serialize_entry(#envelope, &Members(value))?;
                map.end()
            },
            quote! { json.get(#envelope).and_then(Value::as_object) },
        ),
        _ => (quote! { Members(value).serialize(serializer) }, quote! { json.as_object() }),
    };
    let content_type = if problem { "application/problem+json" } else { "application/json" };
    let answer_docs = doc(&format!("Answers with the error's status and its body as `{content_type}`."));
    let with_message = problem || body.member(BodyRole::Message).is_some();
    let impls = values.iter().map(|value| emit_impls(catalogue, value, with_message));
    let readers = readers(&values);
    let error_value = error_value_wire(&values);
    let axum = axum_answers(&values, content_type, answer_docs);
    let occurrence = occurrence::emit(catalogue, &values, with_message);
    let message_fn = with_message.then(|| {
        quote! {
            /// The body's message: the rendered template, else as the catalogue says.
            fn message(&self) -> String;
        }
    });
    quote! {
        /// Values as error bodies (feature `serde`) and answers (feature `axum`).
        #[cfg(feature = "serde")]
        mod value_wire {
            use ::alloc::string::String;
            use ::serde::de;
            use ::serde::ser::SerializeMap;
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};
            use ::serde_json::{Map, Value};

            use crate::values::ErrorValue;

            /// What writing a value needs of it: public in this private
            /// module, so that `Occurrence`'s public impls may name it.
            pub trait Params {
                fn error_code(&self) -> crate::ErrorCode;
                #message_fn
                fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error>;
            }

            /// The members of a value's body.
            struct Members<'a, T>(&'a T);

            impl<T: Params> Serialize for Members<'_, T> {
                fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                    let (value, error) = (self.0, self.0.error_code());
                    let mut map = serializer.serialize_map(::core::option::Option::None)?;
                    #members
                    value.write_params(&mut map)?;
                    map.end()
                }
            }

            fn write<T: Params, S: Serializer>(value: &T, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                #write
            }

            /// The object of a body that holds the code and the params.
            fn members(json: &Value) -> ::core::option::Option<&Map<String, Value>> {
                #find
            }

            /// The catalogue's error whose code (or alias) the members carry.
            fn code_of(members: &Map<String, Value>) -> ::core::option::Option<crate::ErrorCode> {
                let code = members.get(#code_key)?;
                crate::BodyCode::deserialize(code).ok().and_then(crate::BodyCode::error_code)
            }

            #readers

            #(#impls)*

            #error_value
            #axum
            #occurrence
        }
    }
}

/// `ErrorValue`'s serde, and `ApiError::value`.
fn error_value_wire(values: &[Value]) -> TokenStream {
    let read_arms = values.iter().map(|Value { path, variant, .. }| {
        quote! {
            _ if code == crate::ErrorCode::from(#path::ERROR) => {
                #path::read(members).map(ErrorValue::#variant)
            }
        }
    });
    let write_arms = values.iter().map(|Value { variant, .. }| {
        quote! { ErrorValue::#variant(value) => value.serialize(serializer), }
    });
    quote! {
    impl ErrorValue {
        /// The value of the error `code`, read from a body's members.
        fn read<E: de::Error>(code: crate::ErrorCode, members: &Map<String, Value>) -> ::core::result::Result<Self, E> {
            match code {
                #(#read_arms)*
                _ => ::core::result::Result::Err(E::custom("the error has no params or message")),
            }
        }
    }

    /// Writes the value's body.
    impl Serialize for ErrorValue {
        fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
            match self {
                #(#write_arms)*
            }
        }
    }

    /// Reads a body of any value, by its code; a mistyped optional param reads as absent.
    impl<'de> Deserialize<'de> for ErrorValue {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
            let json = Value::deserialize(deserializer)?;
            let members = members(&json).ok_or_else(|| de::Error::custom("not an error body"))?;
            let code = code_of(members).ok_or_else(|| de::Error::custom("no code of the catalogue"))?;
            ErrorValue::read(code, members)
        }
    }

    impl crate::ApiError {
        /// The error's value: its params as the body sent them (feature `serde`).
        ///
        /// `None` when the body names no error with params or a message,
        /// or lacks one of its required params or sends it with the wrong
        /// type; an optional param sent with the wrong type reads as absent.
        /// The code is never lost: `error_code()` and `raw_body()` still have it.
        #[must_use]
        pub fn value(&self) -> ::core::option::Option<ErrorValue> {
            let code = self.error_code()?;
            let json = ::serde_json::from_slice::<Value>(self.raw_body()).ok()?;
            ErrorValue::read::<::serde_json::Error>(code, members(&json)?).ok()
        }
    }

    }
}

/// `IntoResponse` for `ErrorValue`, and the answer every value gives.
fn axum_answers(values: &[Value], content_type: &str, answer_docs: TokenStream) -> TokenStream {
    let answer_arms = values.iter().map(|Value { variant, .. }| {
        quote! { ErrorValue::#variant(value) => value.into_response(), }
    });
    quote! {
    #[cfg(feature = "axum")]
    use ::axum_core::response::{IntoResponse, Response};

    #answer_docs
    #[cfg(feature = "axum")]
    fn answer<T: Params + Serialize>(value: &T) -> Response {
        let status = value.error_code().status_code();
        match ::serde_json::to_vec(value) {
            ::core::result::Result::Ok(body) => {
                let mut response = Response::new(::axum_core::body::Body::from(body));
                *response.status_mut() = status;
                response.headers_mut().insert(
                    ::http::header::CONTENT_TYPE,
                    ::http::HeaderValue::from_static(#content_type),
                );
                response
            }
            // A number that JSON cannot hold (NaN, infinity) fails:
            // the status still tells the client.
            ::core::result::Result::Err(_) => status.into_response(),
        }
    }

    /// Answers with the value's status and body (feature `axum`).
    #[cfg(feature = "axum")]
    impl IntoResponse for ErrorValue {
        fn into_response(self) -> Response {
            match self {
                #(#answer_arms)*
            }
        }
    }
    }
}

/// The readers of params the values use: an unused one would be dead code.
fn readers(values: &[Value]) -> TokenStream {
    let params = || values.iter().flat_map(|value| &value.params);
    let has = |ty: ParamType| params().any(|param| param.ty == ty);
    let missing = params().any(|param| param.required).then(|| {
        quote! {
            /// A param the body lacks, or sends with the wrong type.
            fn missing<E: de::Error>(param: &str) -> E {
                E::custom(::alloc::format!("the param `{param}` is missing or of the wrong type"))
            }
        }
    });
    let string = has(ParamType::String).then(|| {
        quote! {
            fn string(members: &Map<String, Value>, name: &str) -> ::core::option::Option<String> {
                members.get(name).and_then(Value::as_str).map(String::from)
            }
        }
    });
    let strings = has(ParamType::Strings).then(|| {
        quote! {
            fn strings(members: &Map<String, Value>, name: &str) -> ::core::option::Option<::alloc::vec::Vec<String>> {
                members.get(name)?.as_array()?.iter().map(|item| item.as_str().map(String::from)).collect()
            }
        }
    });
    quote! { #missing #string #strings }
}

/// One value's `Params`, serde and `IntoResponse`.
fn emit_impls(catalogue: &Catalogue, value: &Value, with_message: bool) -> TokenStream {
    let Value { row, path, .. } = value;
    let message = match (&row.message, catalogue.body.as_ref().map(|body| body.message_text)) {
        (Some(_), _) => quote! { ::alloc::string::ToString::to_string(self) },
        (None, Some(MessageText::Name)) => quote! { String::from(self.name()) },
        (None, _) => quote! { String::from(self.description()) },
    };
    let message = with_message.then(|| quote! { fn message(&self) -> String { #message } });
    let writes = value.params.iter().map(|param| {
        let (key, field) = (&param.name, ident(&param.name));
        if param.required {
            quote! { map.serialize_entry(#key, &self.#field)?; }
        } else {
            quote! {
                if let ::core::option::Option::Some(value) = &self.#field {
                    map.serialize_entry(#key, value)?;
                }
            }
        }
    });
    let reads = value.params.iter().map(|param| {
        let (key, field) = (&param.name, ident(&param.name));
        let read = match param.ty {
            ParamType::String => quote! { string(members, #key) },
            ParamType::Integer => quote! { members.get(#key).and_then(Value::as_i64) },
            ParamType::Number => quote! { members.get(#key).and_then(Value::as_f64) },
            ParamType::Boolean => quote! { members.get(#key).and_then(Value::as_bool) },
            ParamType::Strings => quote! { strings(members, #key) },
        };
        if param.required {
            quote! { #field: #read.ok_or_else(|| missing(#key))?, }
        } else {
            quote! { #field: #read, }
        }
    });
    let unused = value.params.is_empty().then(|| quote! { let _ = map; });
    let members_name = if value.params.is_empty() { quote!(_members) } else { quote!(members) };
    quote! {
        impl Params for #path {
            fn error_code(&self) -> crate::ErrorCode {
                crate::ErrorCode::from(self.error())
            }

            #message

            fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error> {
                #(#writes)*
                #unused
                ::core::result::Result::Ok(())
            }
        }

        impl #path {
            fn read<E: de::Error>(#members_name: &Map<String, Value>) -> ::core::result::Result<Self, E> {
                ::core::result::Result::Ok(Self { #(#reads)* })
            }
        }

        /// Writes the error body: the code, the message and every param set.
        impl Serialize for #path {
            fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                write(self, serializer)
            }
        }

        /// Reads the error body of this error; a mistyped optional param reads as absent.
        impl<'de> Deserialize<'de> for #path {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let json = Value::deserialize(deserializer)?;
                let members = members(&json).ok_or_else(|| de::Error::custom("not an error body"))?;
                if code_of(members) != ::core::option::Option::Some(crate::ErrorCode::from(Self::ERROR)) {
                    return ::core::result::Result::Err(de::Error::custom("the body's code is another error's"));
                }
                Self::read(members)
            }
        }

        /// Answers with the error's status and the value's body (feature `axum`).
        #[cfg(feature = "axum")]
        impl IntoResponse for #path {
            fn into_response(self) -> Response {
                answer(&self)
            }
        }
    }
}
