//! Values on the wire (the generated crate's `serde` and `axum` features,
//! for a catalogue that declares its error body): each value written as
//! the body (or problem details) with its params as members, read back
//! tolerantly (through `read.rs`'s `Read`), `ApiError::value`, and
//! `IntoResponse` for each. The module's fixed half is `quote!`; what
//! grows with the values is text, each value's impls alike coming from
//! one `macro_rules!`, `wire_impls!`.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

use super::{Value, occurrence, read};
use crate::splice::TextSlot;
use crate::tokens::doc;
use errcat_model::params::ParamType;
use errcat_model::rust_items::Items;
use errcat_model::{BodyRole, Catalogue, MessageText};

/// The private `value_wire` module, printed; nothing without values or a body.
pub(crate) fn emit_wire(catalogue: &Catalogue, values: &[Value]) -> String {
    let Some(body) = &catalogue.body else {
        return String::new();
    };
    if values.is_empty() {
        return String::new();
    }
    let problem = catalogue.problem_details.is_some();
    let (members, write) = body_writer(body, problem);
    let content_type = if problem { "application/problem+json" } else { "application/json" };
    let answer_docs = doc(&format!("Answers with the error's status and its body as `{content_type}`."));
    let with_message = problem || body.member(BodyRole::Message).is_some();
    let read = read::emit_read(catalogue, values);
    let missing = values.iter().flat_map(|value| &value.params).any(|param| param.required).then(|| {
        quote! {
            /// A param the body lacks, or sends with the wrong type.
            fn missing<E: de::Error>(param: &str) -> E {
                E::custom(::alloc::format!("the param `{param}` is missing or of the wrong type"))
            }
        }
    });
    let axum = axum_answer(content_type, answer_docs);
    let occurrence = occurrence::emit(catalogue, with_message);
    let message_fn = with_message.then(|| {
        quote! {
            /// The body's message: the rendered template, else as the catalogue says.
            fn message(&self) -> ::alloc::string::String;
        }
    });
    let any_params = super::any_params(catalogue);
    // Params are read as `serde_json::Value`s, then taken by type.
    let value_use =
        any_params.then(|| quote! { use ::serde_json::Value; use crate::response::param_spans::ParamSpan; });
    let error_value_read = error_value_read(any_params);
    let slot = TextSlot::Items.tokens();
    let mut printed = crate::print_part(quote! {
        /// Values as error bodies (feature `serde`) and answers (feature `axum`).
        #[cfg(feature = "serde")]
        mod value_wire {
            use ::serde::de;
            use ::serde::ser::SerializeMap;
            use ::serde::{Deserialize, Deserializer, Serialize, Serializer};
            #value_use

            use crate::values::ErrorValue;

            /// What writing a value needs of it: public in this private
            /// module, so that `Occurrence`'s public impls may name it.
            pub trait Params {
                fn error_code(&self) -> crate::ErrorCode;
                #message_fn
                fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error>;
            }

            /// A value read from a body's members: its params.
            trait ReadValue: Sized {
                fn read<E: de::Error>(members: &mut Read) -> ::core::result::Result<Self, E>;
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

            #read
            #missing

            #error_value_read

            #axum
            #occurrence
            #slot
        }
    });
    let mut items = Items::new(4);
    wire_impls_macro(&mut items, catalogue, with_message);
    let keys = read::param_keys(values);
    // One line's buffer for every value: a catalogue may have thousands.
    let mut line = String::new();
    for value in values {
        write_impls(&mut items, &mut line, catalogue, value, &keys, with_message);
    }
    write_error_value(&mut items, catalogue, values);
    occurrence::write_error_value_params(&mut items, catalogue, with_message);
    TextSlot::Items.fill(&mut printed, &items.finish());
    printed
}

/// How a value's body is written: its catalogue members before the
/// params, and the envelope (or problem details) around them.
fn body_writer(body: &errcat_model::Body, problem: bool) -> (TokenStream, TokenStream) {
    let code_key = &body.code().key;
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
    let write = match (&body.envelope, problem) {
        (Some(envelope), false) => quote! {
            let mut map = serializer.serialize_map(::core::option::Option::Some(1))?;
            map.serialize_entry(#envelope, &Members(value))?;
            map.end()
        },
        _ => quote! { Members(value).serialize(serializer) },
    };
    (members, write)
}

/// `ErrorValue`'s `Deserialize`, and `ApiError::value`, through `Read`.
fn error_value_read(any_params: bool) -> TokenStream {
    // The params `from_response` found in its own pass, when it read the
    // body as an error body; else the body is read again.
    let members = if any_params {
        quote! {
            let mut members = if self.found_params() {
                Read::found(self)
            } else {
                ::serde_json::from_slice::<Read>(self.raw_body()).ok()?
            };
        }
    } else {
        quote! { let mut members = ::serde_json::from_slice::<Read>(self.raw_body()).ok()?; }
    };
    quote! {
            /// Reads a body of any value, by its code; a mistyped optional param reads as absent.
            impl<'de> Deserialize<'de> for ErrorValue {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    let mut members = Read::deserialize(deserializer)?;
                    let code = members.code().ok_or_else(|| de::Error::custom("no code of the catalogue"))?;
                    ErrorValue::read(code, &mut members)
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
                    #members
                    ErrorValue::read::<::serde_json::Error>(code, &mut members).ok()
                }
            }

    }
}

/// `wire_impls!`: each value's `Params`, reader, serde, answer, and its
/// `with_…` method where answers name their occurrence, from one line
/// naming the value, how its message is made and its params in order.
fn wire_impls_macro(items: &mut Items, catalogue: &Catalogue, with_message: bool) {
    items.doc(if with_message {
        "The impls of each value `$value` on the wire: its body written and read, and its\n\
         answer (feature `axum`), from its type, how its body's message is made (`to_string`,\n\
         its `name` or its `description`), and each param's field, the reader of its type,\n\
         its place (`param_key`, by which the reader takes it), and whether it is `required`\n\
         or `optional`."
    } else {
        "The impls of each value `$value` on the wire: its body written and read, and its\n\
         answer (feature `axum`), from its type and each param's field, the reader of its\n\
         type, its place (`param_key`, by which the reader takes it), and whether it is\n\
         `required` or `optional`."
    });
    items.open("macro_rules! wire_impls");
    let message_param = if with_message { ", $message:ident" } else { "" };
    items.lines(
        "(@write $self:tt $map:ident $field:ident required) => {\n    \
             $map.serialize_entry(::core::stringify!($field), &$self.$field)?;\n\
         };\n\
         (@write $self:tt $map:ident $field:ident optional) => {\n    \
             if let ::core::option::Option::Some(value) = &$self.$field {\n        \
                 $map.serialize_entry(::core::stringify!($field), value)?;\n    \
             }\n\
         };\n\
         (@read $members:ident $field:ident $reader:ident $place:literal required) => {\n    \
             $members.$reader($place).ok_or_else(|| missing(::core::stringify!($field)))?\n\
         };\n\
         (@read $members:ident $field:ident $reader:ident $place:literal optional) => {\n    \
             $members.$reader($place)\n\
         };",
    );
    if with_message {
        items.lines(
            "(@message $self:tt to_string) => {\n    \
                 ::alloc::string::ToString::to_string($self)\n\
             };\n\
             (@message $self:tt $getter:ident) => {\n    \
                 ::alloc::string::String::from($self.$getter())\n\
             };",
        );
    }
    let message_fn = if with_message {
        "\n    fn message(&self) -> ::alloc::string::String {\n        \
             wire_impls!(@message self $message)\n    \
         }"
    } else {
        ""
    };
    // A value without params, then one with: the one writes and reads nothing.
    items.lines(&format!(
        "($value:ty{message_param}) => {{\n    \
             impl Params for $value {{\n        \
                 fn error_code(&self) -> crate::ErrorCode {{\n            \
                     crate::ErrorCode::from(self.error())\n        \
                 }}{message_fn}\n        \
                 fn write_params<M: SerializeMap>(&self, _map: &mut M) -> ::core::result::Result<(), M::Error> {{\n            \
                     ::core::result::Result::Ok(())\n        \
                 }}\n    \
             }}\n    \
             impl ReadValue for $value {{\n        \
                 fn read<E: de::Error>(_members: &mut Read) -> ::core::result::Result<Self, E> {{\n            \
                     ::core::result::Result::Ok(Self {{}})\n        \
                 }}\n    \
             }}\n    \
             wire_impls!(@alike $value);\n\
         }};\n\
         ($value:ty{message_param}; $($field:ident: $reader:ident $place:literal $required:ident),+) => {{\n    \
             impl Params for $value {{\n        \
                 fn error_code(&self) -> crate::ErrorCode {{\n            \
                     crate::ErrorCode::from(self.error())\n        \
                 }}{message_fn}\n        \
                 fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error> {{\n            \
                     $(wire_impls!(@write self map $field $required);)+\n            \
                     ::core::result::Result::Ok(())\n        \
                 }}\n    \
             }}\n    \
             impl ReadValue for $value {{\n        \
                 fn read<E: de::Error>(members: &mut Read) -> ::core::result::Result<Self, E> {{\n            \
                     ::core::result::Result::Ok(Self {{ $($field: wire_impls!(@read members $field $reader $place $required),)+ }})\n        \
                 }}\n    \
             }}\n    \
             wire_impls!(@alike $value);\n\
         }};",
        message_fn = message_fn.replace('\n', "\n    "),
    ));
    items.open("(@alike $value:ty) =>");
    items.lines(
        "/// Writes the error body: the code, the message and every param set.\n\
         impl Serialize for $value {\n    \
             fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {\n        \
                 write(self, serializer)\n    \
             }\n\
         }\n\
         /// Reads the error body of this error; a mistyped optional param reads as absent.\n\
         impl<'de> Deserialize<'de> for $value {\n    \
             fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {\n        \
                 let mut members = Read::deserialize(deserializer)?;\n        \
                 if members.code() != ::core::option::Option::Some(crate::ErrorCode::from(Self::ERROR)) {\n            \
                     return ::core::result::Result::Err(de::Error::custom(\"the body's code is another error's\"));\n        \
                 }\n        \
                 Self::read(&mut members)\n    \
             }\n\
         }\n\
         /// Answers with the error's status and the value's body (feature `axum`).\n\
         #[cfg(feature = \"axum\")]\n\
         impl IntoResponse for $value {\n    \
             fn into_response(self) -> Response {\n        \
                 answer(&self)\n    \
             }\n\
         }",
    );
    if let Some(with) = occurrence::with_method(catalogue) {
        items.open("impl $value");
        items.lines(&with);
        items.close();
    }
    items.close_with(";");
    items.close();
}

/// `ErrorValue`'s reader by code, its serde, and its answer.
fn write_error_value(items: &mut Items, catalogue: &Catalogue, values: &[Value]) {
    items.open("impl ErrorValue");
    items.doc("The value of the error `code`, read from a body's members.");
    items.open("fn read<E: de::Error>(code: crate::ErrorCode, members: &mut Read) -> ::core::result::Result<Self, E>");
    items.open("match code");
    // Each arm's `ReadValue` is the variant's: its type is the variant's field.
    for value in values {
        items.line_of(&[
            "crate::ErrorCode::",
            &value.table.error_code_variant,
            "(crate::",
            &value.table.rust_enum,
            "::",
            &value.row.rust_variant,
            ") => ReadValue::read(members).map(Self::",
            &value.variant_text,
            "),",
        ]);
    }
    // Every row has a value when the catalogue shares params: no code is left.
    if values.len() < catalogue.rows().count() {
        items.line("_ => ::core::result::Result::Err(E::custom(\"the error has no params or message\")),");
    }
    items.close();
    items.close();
    items.close();
    items.doc("Writes the value's body.");
    items.open("impl Serialize for ErrorValue");
    items
        .open("fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>");
    super::items::write_match(items, "value.serialize(serializer)");
    items.close();
    items.close();
    items.doc("Answers with the value's status and body (feature `axum`).");
    items.line("#[cfg(feature = \"axum\")]");
    items.open("impl IntoResponse for ErrorValue");
    items.open("fn into_response(self) -> Response");
    super::items::write_match(items, "value.into_response()");
    items.close();
    items.close();
}

/// The answer every value gives (feature `axum`).
fn axum_answer(content_type: &str, answer_docs: TokenStream) -> TokenStream {
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
    }
}

/// One value's line of `wire_impls!`, made in `line`; `keys` are every
/// value's param keys in order, as `param_key` numbers them.
fn write_impls(
    items: &mut Items,
    line: &mut String,
    catalogue: &Catalogue,
    value: &Value,
    keys: &[&str],
    with_message: bool,
) {
    line.clear();
    for part in ["wire_impls!(crate::values::", &value.table.id, "::", &value.row.rust_variant] {
        line.push_str(part);
    }
    if with_message {
        line.push_str(match (&value.row.message, catalogue.body.as_ref().map(|body| body.message_text)) {
            (Some(_), _) => ", to_string",
            (None, Some(MessageText::Name)) => ", name",
            (None, _) => ", description",
        });
    }
    for (i, param) in value.params.iter().enumerate() {
        let reader = match param.ty {
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::Number => "number",
            ParamType::Boolean => "boolean",
            ParamType::Strings => "strings",
        };
        let required = if param.required { "required" } else { "optional" };
        line.push_str(if i == 0 { "; " } else { ", " });
        // Every param of a value is among `keys`: they are gathered from the values.
        let place = keys.binary_search(&param.name.as_str()).expect("a value's param is among every value's");
        for part in [param.name.as_str(), ": ", reader, " "] {
            line.push_str(part);
        }
        // Writing to a `String` cannot fail.
        let _ = write!(line, "{place}");
        line.push(' ');
        line.push_str(required);
    }
    line.push_str(");");
    items.line(line.as_str());
}
