//! `values::Occurrence` (the generated crate's `serde` feature): a value
//! answered with the member that names this occurrence of the error, for
//! a catalogue whose answers have one that is not a param: `instance` in
//! problem details, or the body's `occurrence_id:` member. Each value and
//! `ErrorValue` get its `with_…` method, so a handler sets it in one call
//! and no header or body is written by hand.

use proc_macro2::TokenStream;
use quote::quote;

use super::items::write_match;
use crate::tokens::{doc, ident};
use errcat_model::rust_items::Items;
use errcat_model::{BodyRole, Catalogue};

/// The occurrence member a value's answer can carry: its JSON key and its
/// Rust name, if the catalogue's answers have one.
pub(super) fn member(catalogue: &Catalogue) -> Option<(String, String)> {
    if catalogue.problem_details.is_some() {
        return Some(("instance".to_owned(), "instance".to_owned()));
    }
    let member = catalogue.body.as_ref()?.member(BodyRole::OccurrenceId)?;
    Some((member.key.clone(), member.rust_field.clone()))
}

/// Whether the crate has `Occurrence`: its answers have a body with a
/// member naming the occurrence.
pub(crate) fn exists(catalogue: &Catalogue) -> bool {
    catalogue.body.is_some() && member(catalogue).is_some()
}

/// The `with_…` method of every value and of `ErrorValue`, as text:
/// `wire_impls!` gives it to each value. None without an occurrence member.
pub(super) fn with_method(catalogue: &Catalogue) -> Option<String> {
    let (key, field) = member(catalogue)?;
    Some(format!(
        "/// The value, answered with `{key}` naming this occurrence.\n\
         #[must_use]\n\
         pub fn with_{field}(self, {field}: impl ::core::convert::Into<::alloc::string::String>) -> Occurrence<Self> {{\n    \
             Occurrence {{ value: self, {field}: ::core::option::Option::Some({field}.into()) }}\n\
         }}"
    ))
}

/// `Occurrence`, its serde and answer, and `ErrorValue`'s `with_…`
/// method; inside the private `value_wire` module.
pub(super) fn emit(catalogue: &Catalogue, with_message: bool) -> TokenStream {
    let Some((key, field)) = member(catalogue) else {
        return TokenStream::new();
    };
    let with_name = format!("with_{field}");
    let (field, with) = (ident(&field), ident(&with_name));
    let (what, read) = if catalogue.problem_details.is_some() {
        ("a URI naming this occurrence", "`ApiError::problem_details()`")
    } else {
        ("the body's member naming this occurrence", "`ApiError::body()`")
    };
    let struct_docs = doc(&format!(
        "A value answered with `{key}`, {what} (feature `serde`): what `{with_name}` on a \
         value or on `ErrorValue` gives.\n\n\
         It is written, and answers (feature `axum`), as the value does, with `{key}` beside \
         its params; a client reads it back with {read}, and the value with `ApiError::value()`."
    ));
    let field_docs = doc(&format!("`{key}`: names this occurrence of the error."));
    let with_docs = doc(&format!("The value, answered with `{key}` naming this occurrence."));
    let occurrence_message = with_message
        .then(|| quote! { fn message(&self) -> ::alloc::string::String { self.value.message() } });
    quote! {
        #struct_docs
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct Occurrence<V> {
            /// The value: the error and its params.
            pub value: V,
            #field_docs
            pub #field: ::core::option::Option<::alloc::string::String>,
        }

        impl ErrorValue {
            #with_docs
            #[must_use]
            pub fn #with(self, #field: impl ::core::convert::Into<::alloc::string::String>) -> Occurrence<Self> {
                Occurrence { value: self, #field: ::core::option::Option::Some(#field.into()) }
            }
        }

        impl<V: Params> Params for Occurrence<V> {
            fn error_code(&self) -> crate::ErrorCode {
                self.value.error_code()
            }

            #occurrence_message

            fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error> {
                if let ::core::option::Option::Some(value) = &self.#field {
                    map.serialize_entry(#key, value)?;
                }
                self.value.write_params(map)
            }
        }

        /// Writes the value's body with the occurrence's member.
        impl<V: Params> Serialize for Occurrence<V> {
            fn serialize<S: Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                write(self, serializer)
            }
        }

        /// Answers as the value does, with the occurrence's member (feature `axum`).
        #[cfg(feature = "axum")]
        impl<V: Params> IntoResponse for Occurrence<V> {
            fn into_response(self) -> Response {
                answer(&self)
            }
        }
    }
}

/// `Params` for `ErrorValue`, which `Occurrence<ErrorValue>` needs: each
/// variant's, through `each_value!`. Nothing without an occurrence member.
pub(super) fn write_error_value_params(items: &mut Items, catalogue: &Catalogue, with_message: bool) {
    if member(catalogue).is_none() {
        return;
    }
    items.open("impl Params for ErrorValue");
    items.open("fn error_code(&self) -> crate::ErrorCode");
    items.line("self.error()");
    items.close();
    if with_message {
        items.open("fn message(&self) -> ::alloc::string::String");
        write_match(items, "value.message()");
        items.close();
    }
    items
        .open("fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error>");
    write_match(items, "value.write_params(map)");
    items.close();
    items.close();
}
