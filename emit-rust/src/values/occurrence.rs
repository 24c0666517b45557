//! `values::Occurrence` (the generated crate's `serde` feature): a value
//! answered with the member that names this occurrence of the error, for
//! a catalogue whose answers have one that is not a param: `instance` in
//! problem details, or the body's `occurrence_id:` member. Each value and
//! `ErrorValue` get its `with_…` method, so a handler sets it in one call
//! and no header or body is written by hand.

use proc_macro2::TokenStream;
use quote::quote;

use super::Value;
use crate::tokens::{doc, ident};
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

/// `values`' re-export of `Occurrence`, when the catalogue has a member for it.
pub(super) fn reexport(catalogue: &Catalogue) -> TokenStream {
    if !exists(catalogue) {
        return TokenStream::new();
    }
    quote! {
        #[cfg(feature = "serde")]
        pub use crate::value_wire::Occurrence;
    }
}

/// `Occurrence`, its serde and answer, and the `with_…` method of every
/// value and of `ErrorValue`; inside the private `value_wire` module.
pub(super) fn emit(catalogue: &Catalogue, values: &[Value], with_message: bool) -> TokenStream {
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
    let with_method = quote! {
        #with_docs
        #[must_use]
        pub fn #with(self, #field: impl ::core::convert::Into<String>) -> Occurrence<Self> {
            Occurrence { value: self, #field: ::core::option::Option::Some(#field.into()) }
        }
    };
    let paths = values.iter().map(|value| &value.path);
    let variants: Vec<_> = values.iter().map(|value| &value.variant).collect();
    let error_value_message = with_message.then(|| {
        quote! {
            fn message(&self) -> String {
                match self {
                    #(ErrorValue::#variants(value) => value.message(),)*
                }
            }
        }
    });
    let occurrence_message =
        with_message.then(|| quote! { fn message(&self) -> String { self.value.message() } });
    quote! {
        #struct_docs
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct Occurrence<V> {
            /// The value: the error and its params.
            pub value: V,
            #field_docs
            pub #field: ::core::option::Option<String>,
        }

        #(impl #paths { #with_method })*

        impl ErrorValue { #with_method }

        impl Params for ErrorValue {
            fn error_code(&self) -> crate::ErrorCode {
                self.error()
            }

            #error_value_message

            fn write_params<M: SerializeMap>(&self, map: &mut M) -> ::core::result::Result<(), M::Error> {
                match self {
                    #(ErrorValue::#variants(value) => value.write_params(map),)*
                }
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
